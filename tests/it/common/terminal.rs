//! boucle in a real terminal: a tmux window runs it under a shell with job control (as from an
//! interactive shell), and when it ends the shell writes its exit status and `stty -a` into
//! files and keeps the window open, so the terminal's state can be asked afterwards:
//! `#{alternate_on} #{cursor_flag}` must be `0 1` (main screen, cursor shown), mouse reporting
//! off, and the line discipline in cooked mode with echo. Each time boucle stops (Ctrl-Z,
//! SIGTSTP), the shell writes the same two files numbered, waits for the test's go-ahead,
//! then `fg`. The window's title is set to `clean` before boucle starts, so that a test can
//! tell that nothing boucle printed changed it.
//!
//! The binary is [`super::binary`] (the release build when there is one), unless a test asks
//! for another; the working folder is the package's root, so `--catalogue` [`FIXTURE`] names
//! its files by a short path on screen.

use std::path::{Path, PathBuf};
use std::process::Command;

use super::tmux::{TIMEOUT, Tmux, wait_until};

/// The frozen fixture catalogue, relative to the package's root.
pub const FIXTURE: &str = "tests/fixtures/catalogue";

/// `$1` the prefix of the files to write, `$2…` what `env` runs: variables, then the binary
/// and its arguments. A stopped job's status is 128 + the stop signal (147–150).
const SCRIPT: &str = r#"files="$1"; shift
printf '\033]2;clean\007'
set -m
env -u LC_ALL -u LC_MESSAGES -u NO_COLOR -u BOUCLE_CATALOGUE -u BOUCLE_THEME -u BOUCLE_CONFIG -u VISUAL -u EDITOR LANG=C.UTF-8 "$@"
code=$?
n=0
while [ "$code" -ge 147 ] && [ "$code" -le 150 ]; do
  n=$((n + 1))
  stty -a > "$files.stty.$n" 2>&1; echo "$code" > "$files.stopped.$n.tmp"; mv "$files.stopped.$n.tmp" "$files.stopped.$n"
  while [ ! -e "$files.go.$n" ]; do sleep 0.02; done
  fg > /dev/null; code=$?
done
stty -a > "$files.stty" 2>&1; echo "$code" > "$files.status.tmp"; mv "$files.status.tmp" "$files.status"
exec sleep 600"#;

/// How to start boucle in a window.
pub struct Launch<'a> {
    pub size: (u16, u16),
    pub binary: PathBuf,
    /// `NAME=value` pairs for its environment.
    pub env: Vec<&'a str>,
    pub args: Vec<&'a str>,
    pub cwd: PathBuf,
}

impl<'a> Launch<'a> {
    /// The dashboard at 80x24 on the fixture catalogue, in English.
    pub fn dashboard() -> Launch<'a> {
        Launch::args(&["--catalogue", FIXTURE])
    }

    /// boucle with these arguments at 80x24.
    pub fn args(args: &[&'a str]) -> Launch<'a> {
        Launch {
            size: (80, 24),
            binary: super::binary(),
            env: Vec::new(),
            args: args.to_vec(),
            cwd: PathBuf::from(env!("CARGO_MANIFEST_DIR")),
        }
    }

    pub fn env(mut self, pair: &'a str) -> Launch<'a> {
        self.env.push(pair);
        self
    }

    pub fn binary(mut self, binary: &Path) -> Launch<'a> {
        self.binary = binary.to_path_buf();
        self
    }

    pub fn size(mut self, width: u16, height: u16) -> Launch<'a> {
        self.size = (width, height);
        self
    }

    pub fn cwd(mut self, cwd: &Path) -> Launch<'a> {
        self.cwd = cwd.to_path_buf();
        self
    }
}

/// boucle running in the window `name` of a [`Tmux`].
pub struct Boucle<'t> {
    pub tmux: &'t Tmux,
    pub name: String,
    files: PathBuf,
}

impl Tmux {
    /// Starts boucle in a new window `name`.
    pub fn boucle(&self, name: &str, launch: Launch<'_>) -> Boucle<'_> {
        let files = self.path(name);
        let files_arg = files.to_str().expect("a UTF-8 path").to_string();
        let binary = launch.binary.to_str().expect("a UTF-8 path").to_string();
        // Never the user's own data folder: a mark or a saved shortlist stays in the test's.
        let data = format!("XDG_DATA_HOME={}", self.path("data").display());
        // Nor the user's config file: a test that wants one writes it there.
        let config = format!("XDG_CONFIG_HOME={}", self.path("config").display());
        let mut args: Vec<&str> = vec![&files_arg, &data, &config];
        args.extend(&launch.env);
        args.push(&binary);
        args.extend(&launch.args);
        self.open(name, launch.size, &launch.cwd, SCRIPT, &args);
        Boucle { tmux: self, name: name.to_string(), files }
    }
}

impl Boucle<'_> {
    fn file(&self, suffix: &str) -> PathBuf {
        let mut name = self.files.clone().into_os_string();
        name.push(suffix);
        PathBuf::from(name)
    }

    pub fn screen(&self) -> String {
        self.tmux.screen(&self.name)
    }

    pub fn keys(&self, keys: &[&str]) {
        self.tmux.keys(&self.name, keys);
    }

    pub fn type_text(&self, text: &str) {
        self.tmux.type_text(&self.name, text);
    }

    pub fn display(&self, format: &str) -> String {
        self.tmux.display(&self.name, format)
    }

    pub fn wait_for(&self, what: &str, ready: impl Fn(&str) -> bool) -> String {
        self.tmux.wait_for(&self.name, what, ready)
    }

    /// The dashboard is up, its status line drawn, in the alternate screen with the mouse
    /// captured: what [`Boucle::assert_restored`] checks was really changed first.
    pub fn wait_for_dashboard(&self) -> String {
        let screen = self.wait_for("the status line", |s| {
            let last = s.lines().rfind(|l| !l.trim().is_empty()).unwrap_or("");
            // `? help` is the one hint that is always there, whatever else fits.
            last.contains(" result") && last.contains("? help")
        });
        self.assert_full_screen();
        screen
    }

    /// In the alternate screen with mouse reporting on (the cursor shows only while typing).
    pub fn assert_full_screen(&self) {
        let state = self.display("#{alternate_on} #{mouse_any_flag}");
        assert_eq!(state, "1 1", "[{}] full-screen mode (alternate screen, mouse):\n{}", self.name, self.screen());
    }

    /// Waits for boucle to end; returns its exit status as the shell saw it.
    pub fn wait_for_exit(&self) -> i32 {
        self.wait_for_number("status", "boucle to end")
    }

    /// Waits for boucle's `n`th stop (from 1); returns the status the shell saw (128 + signal).
    pub fn wait_for_stop(&self, n: usize) -> i32 {
        self.wait_for_number(&format!("stopped.{n}"), &format!("boucle to stop ({n})"))
    }

    /// Lets the shell bring boucle back with `fg` after its `n`th stop.
    pub fn fg(&self, n: usize) {
        std::fs::write(self.file(&format!(".go.{n}")), "").expect("the go-ahead file");
    }

    fn wait_for_number(&self, suffix: &str, what: &str) -> i32 {
        let path = self.file(&format!(".{suffix}"));
        let start = std::time::Instant::now();
        loop {
            // Written to a temporary name, then renamed: a file that exists holds its number.
            if let Ok(text) = std::fs::read_to_string(&path) {
                return text.trim().parse().unwrap_or_else(|_| panic!("{}: {text:?}", path.display()));
            }
            assert!(
                start.elapsed() < TIMEOUT,
                "[{}] waited {TIMEOUT:?} for {what}; the screen:\n{}",
                self.name,
                self.screen()
            );
            std::thread::sleep(super::tmux::POLL);
        }
    }

    /// The pid of boucle: the one child of the window's shell.
    pub fn pid(&self) -> u32 {
        let shell = self.tmux.pane_pid(&self.name);
        let children = children(shell);
        assert_eq!(children.len(), 1, "one process under the window's shell: {children:?}");
        children[0]
    }

    /// Sends a signal (`TERM`, `HUP`…) to boucle, as `kill -SIGNAL pid` does.
    pub fn signal(&self, signal: &str) {
        let pid = self.pid().to_string();
        let status = Command::new("kill").args([&format!("-{signal}"), &pid]).status().expect("kill runs");
        assert!(status.success(), "kill -{signal} {pid}");
    }

    /// The terminal as it was once boucle has ended.
    pub fn assert_restored(&self) {
        self.assert_restored_with(&self.file(".stty"));
    }

    /// The terminal as it was while boucle is stopped for the `n`th time.
    pub fn assert_restored_while_stopped(&self, n: usize) {
        self.assert_restored_with(&self.file(&format!(".stty.{n}")));
    }

    /// The terminal given back: main screen, cursor shown, no mouse reporting, and the line
    /// settings `stty -a` wrote into `stty` in cooked mode with echo.
    fn assert_restored_with(&self, stty: &Path) {
        let name = &self.name;
        let state = self.display("#{alternate_on} #{cursor_flag}");
        assert_eq!(state, "0 1", "[{name}] main screen, cursor shown:\n{}", self.screen());
        let mouse = self.display("#{mouse_any_flag} #{mouse_button_flag} #{mouse_standard_flag} #{mouse_sgr_flag}");
        assert_eq!(mouse, "0 0 0 0", "[{name}] mouse reporting off");
        let stty = std::fs::read_to_string(stty).expect("stty ran after boucle");
        let flags: Vec<&str> = stty.split_whitespace().collect();
        for flag in ["icanon", "echo", "isig", "icrnl", "opost"] {
            assert!(flags.contains(&flag), "[{name}] raw mode left: {flag} is off in\n{stty}");
        }
    }
}

/// The processes whose parent is `parent`.
pub fn children(parent: u32) -> Vec<u32> {
    std::fs::read_dir("/proc")
        .expect("/proc")
        .filter_map(|e| e.ok()?.file_name().to_str()?.parse::<u32>().ok())
        .filter(|pid| {
            let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).unwrap_or_default();
            // `pid (comm) state ppid …`; comm may hold spaces, so read after the last ')'.
            stat.rsplit_once(')').and_then(|(_, rest)| rest.split_whitespace().nth(1)?.parse::<u32>().ok())
                == Some(parent)
        })
        .collect()
}

/// Whether a process exists and has not ended (a zombie has ended).
pub fn alive(pid: u32) -> bool {
    std::fs::read_to_string(format!("/proc/{pid}/stat"))
        .ok()
        .and_then(|stat| stat.rsplit_once(')').map(|(_, rest)| rest.trim_start().starts_with(['Z', 'X'])))
        .is_some_and(|ended| !ended)
}

/// Waits until a process has ended.
pub fn wait_for_end(pid: u32) {
    wait_until(&format!("process {pid} to end"), TIMEOUT, || !alive(pid));
}

/// Kills a process at the end of a test if it is still there.
pub struct KillOnDrop(pub u32);

impl Drop for KillOnDrop {
    fn drop(&mut self) {
        if alive(self.0) {
            let _ = Command::new("kill").args(["-KILL", &self.0.to_string()]).status();
        }
    }
}
