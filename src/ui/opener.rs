//! Opening a web address with the platform's opener (`xdg-open`, or `open` on macOS), run
//! directly — never through a shell — with the address as its one argument, and only for
//! http/https addresses. Copying goes through the terminal: an OSC 52 sequence, which
//! terminals that allow it put on the clipboard (over SSH too).

use std::process::{Command, Stdio};

use base64::Engine;

use crate::export::handout::web_address;

/// The opener's name on this platform.
pub fn opener() -> &'static str {
    if cfg!(target_os = "macos") { "open" } else { "xdg-open" }
}

/// Whether a program of this name is on the PATH.
fn on_path(program: &str) -> bool {
    std::env::var_os("PATH").is_some_and(|paths| std::env::split_paths(&paths).any(|dir| dir.join(program).is_file()))
}

/// Opens `url` with `program`; refuses anything but a web address, and says when the program
/// is not there. The program's own output goes nowhere: it would scribble over the dashboard.
pub fn open_with(program: &str, url: &str) -> Result<(), String> {
    let url = web_address(url).ok_or_else(|| "only http and https addresses are opened".to_string())?;
    if !on_path(program) {
        return Err(format!("{program} is not installed"));
    }
    let mut child = Command::new(program)
        .arg(url)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .map_err(|e| format!("{program}: {e}"))?;
    // Reaped in the background, so no zombie is left; its exit status says nothing useful.
    std::thread::spawn(move || child.wait());
    Ok(())
}

pub fn open(url: &str) -> Result<(), String> {
    open_with(opener(), url)
}

/// The OSC 52 sequence that asks the terminal to put `text` on the clipboard.
pub fn osc52(text: &str) -> String {
    format!("\x1b]52;c;{}\x07", base64::engine::general_purpose::STANDARD.encode(text))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn never_runs_anything_for_an_address_that_is_not_http() {
        // `true` would succeed if it were run: the refusal comes first.
        for url in ["javascript:alert(1)", "file:///etc/passwd", "https://x.org/;rm -rf ~", "--help", ""] {
            assert!(open_with("true", url).is_err(), "{url}");
        }
        assert!(open_with("no-such-opener-anywhere", "https://www.team2.fr").unwrap_err().contains("not installed"));
    }

    #[test]
    fn osc52_carries_the_text_in_base64() {
        assert_eq!(osc52("https://a.org"), "\x1b]52;c;aHR0cHM6Ly9hLm9yZw==\x07");
    }
}
