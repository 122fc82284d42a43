//! A curator's session with the real binary under tmux: the dashboard on a catalogue folder,
//! the title edited in the file (it shows within 2 s), the file broken (the old title stays,
//! the badge appears), Enter in the problems panel (the test editor is run at the problem's
//! line, with the terminal given back), and quitting (the terminal is restored).
//!
//! Uses `target/release/boucle` when it exists (CI builds it first), like `e2e_tmux.rs`.

mod common;
mod fixture;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::time::{Duration, Instant};

use fixture::{Fixture, PRACTICE};

const TIMEOUT: Duration = Duration::from_secs(15);

struct Tmux {
    socket: PathBuf,
}

impl Tmux {
    fn run(&self, args: &[&str]) -> Output {
        let output = Command::new("tmux")
            .args(["-u", "-S", self.socket.to_str().unwrap(), "-f", "/dev/null"])
            .args(args)
            .output()
            .expect("tmux runs (apt-get install tmux)");
        assert!(output.status.success(), "tmux {args:?}: {}", String::from_utf8_lossy(&output.stderr));
        output
    }

    fn screen(&self) -> String {
        String::from_utf8_lossy(&self.run(&["capture-pane", "-p", "-t", "boucle"]).stdout).into_owned()
    }

    fn wait_for(&self, what: &str, limit: Duration, ready: impl Fn(&str) -> bool) -> String {
        let start = Instant::now();
        loop {
            let screen = self.screen();
            if ready(&screen) {
                return screen;
            }
            assert!(start.elapsed() < limit, "waited {limit:?} for {what}; the screen:\n{screen}");
            std::thread::sleep(Duration::from_millis(20));
        }
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        let _ = Command::new("tmux").args(["-S", self.socket.to_str().unwrap(), "kill-server"]).output();
    }
}

fn save_by_rename(path: &Path, text: &str) {
    let temporary = path.with_file_name(".x.ron.swp");
    std::fs::write(&temporary, text).unwrap();
    std::fs::rename(&temporary, path).unwrap();
}

#[test]
fn edit_break_open_the_editor_and_quit() {
    let fixture = Fixture::new();
    let file = fixture.path().join("good-practices/x.ron");
    fixture.file("good-practices/x.ron", PRACTICE);
    let work = tempfile::tempdir().unwrap();
    let arguments = work.path().join("editor-arguments");
    let editor = work.path().join("test-editor");
    std::fs::write(&editor, format!("#!/bin/sh\nprintf '%s\\n' \"$@\" > '{}'\n", arguments.display())).unwrap();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&editor, std::fs::Permissions::from_mode(0o755)).unwrap();
    }
    let status = work.path().join("status");
    let tmux = Tmux { socket: work.path().join("tmux") };
    let script = r#"env -u LC_ALL -u LC_MESSAGES -u NO_COLOR -u BOUCLE_CATALOGUE -u VISUAL LANG=C.UTF-8 EDITOR="$3" "$1" --catalogue "$2"
echo $? > "$4"
exec sleep 600"#;
    tmux.run(&[
        "new-session",
        "-d",
        "-x",
        "100",
        "-y",
        "30",
        "-s",
        "boucle",
        "sh",
        "-c",
        script,
        "sh",
        common::binary().to_str().unwrap(),
        fixture.path().to_str().unwrap(),
        editor.to_str().unwrap(),
        status.to_str().unwrap(),
    ]);
    tmux.wait_for("the dashboard", TIMEOUT, |s| s.contains("Battery regeneration"));

    // A saved title shows within 2 s.
    save_by_rename(&file, &PRACTICE.replace("Battery regeneration", "Edited title"));
    let saved = Instant::now();
    tmux.wait_for("the new title", Duration::from_secs(2), |s| s.contains("Edited title"));
    eprintln!("new title on screen after {:?}", saved.elapsed());

    // A broken save: the old title stays, and the problem is counted.
    save_by_rename(&file, &PRACTICE.replace("\"Battery regeneration\"", "\"Broken title"));
    let screen = tmux.wait_for("the problem", TIMEOUT, |s| s.contains("1 error"));
    assert!(screen.contains("Edited title") && !screen.contains("Broken title"), "{screen}");
    tmux.run(&["send-keys", "-t", "boucle", "Down"]);
    tmux.wait_for("the badge", TIMEOUT, |s| s.contains("⚠ 1 error (!)"));

    // Enter in the panel runs the editor at the problem's line.
    tmux.run(&["send-keys", "-t", "boucle", "!"]);
    tmux.wait_for("the panel", TIMEOUT, |s| s.contains("never closed"));
    tmux.run(&["send-keys", "-t", "boucle", "Enter"]);
    let start = Instant::now();
    while !arguments.exists() {
        assert!(start.elapsed() < TIMEOUT, "the editor never ran:\n{}", tmux.screen());
        std::thread::sleep(Duration::from_millis(20));
    }
    std::thread::sleep(Duration::from_millis(100));
    let given = std::fs::read_to_string(&arguments).unwrap();
    assert_eq!(given, format!("+2\n{}\n", file.display()), "the editor's arguments");
    // The dashboard is back after the editor, its panel still open; Esc closes it.
    tmux.wait_for("the panel again", TIMEOUT, |s| s.contains("never closed"));
    tmux.run(&["send-keys", "-t", "boucle", "Escape"]);
    tmux.wait_for("the dashboard again", TIMEOUT, |s| s.contains("Edited title"));

    // Quitting restores the terminal.
    tmux.run(&["send-keys", "-t", "boucle", "q"]);
    let start = Instant::now();
    while !status.exists() {
        assert!(start.elapsed() < TIMEOUT, "boucle did not quit:\n{}", tmux.screen());
        std::thread::sleep(Duration::from_millis(20));
    }
    let state = String::from_utf8_lossy(
        &tmux
            .run(&["display-message", "-p", "-t", "boucle", "#{alternate_on} #{cursor_flag} #{mouse_any_flag}"])
            .stdout,
    )
    .trim()
    .to_string();
    assert_eq!(state, "0 1 0", "main screen, cursor shown, no mouse reporting");
    assert_eq!(std::fs::read_to_string(&status).unwrap().trim(), "0");
}
