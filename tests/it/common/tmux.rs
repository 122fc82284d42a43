//! The one tmux harness of the end-to-end tests: a tmux server of a test's own (its socket in
//! a temporary folder, so nothing is left behind and no other tmux is touched), windows named
//! by the test, keys sent as a user types them, screens read back with `capture-pane`, and
//! waits that poll for a condition with a generous limit (CI shares two cores with other
//! builds: a wait never asserts a duration, only that something happens at all).
//!
//! [`super::terminal`] runs boucle in such a window and checks what it leaves the terminal in;
//! [`super::serve`] opens `ssh -t` clients in them.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

/// How long any wait lasts before the test fails: far above what an idle machine needs (well
/// under a second), so a loaded CI machine does not fail a test that would pass.
pub const TIMEOUT: Duration = Duration::from_secs(30);
pub const POLL: Duration = Duration::from_millis(25);

/// Waits until `ready` holds; fails naming `what` after `limit`.
pub fn wait_until(what: &str, limit: Duration, mut ready: impl FnMut() -> bool) {
    let start = Instant::now();
    while !ready() {
        assert!(start.elapsed() < limit, "waited {limit:?} for {what}");
        std::thread::sleep(POLL);
    }
}

/// A tmux server of its own, killed when dropped, even when a test fails.
pub struct Tmux {
    socket: PathBuf,
    config: PathBuf,
    dir: tempfile::TempDir,
}

impl Tmux {
    pub fn start() -> Tmux {
        Tmux::start_with(&[])
    }

    /// A server whose configuration is these lines (`set -g set-clipboard on`), read before
    /// its first window opens, so the first bytes a program prints already meet them.
    pub fn start_with(config: &[&str]) -> Tmux {
        match Command::new("tmux").arg("-V").output() {
            Ok(output) if output.status.success() => {}
            Ok(output) => panic!("`tmux -V` failed: {}", String::from_utf8_lossy(&output.stderr)),
            Err(error) => panic!(
                "these tests need tmux, which could not be run ({error}); install it (apt-get install tmux), \
                 as `.ci/run` does"
            ),
        }
        static COUNT: AtomicUsize = AtomicUsize::new(0);
        let dir = tempfile::tempdir().expect("a temporary folder");
        let socket = dir.path().join(format!("tmux-{}", COUNT.fetch_add(1, Ordering::SeqCst)));
        let path = dir.path().join("tmux.conf");
        std::fs::write(&path, config.join("\n") + "\n").expect("the tmux configuration");
        Tmux { socket, config: path, dir }
    }

    /// A file in the server's temporary folder (status files, scripts, a test editor).
    pub fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    fn command(&self) -> Command {
        let mut command = Command::new("tmux");
        command.args(["-u", "-S", self.socket.to_str().expect("a UTF-8 path"), "-f"]).arg(&self.config);
        command
    }

    /// Runs a tmux command, which must succeed.
    pub fn run(&self, args: &[&str]) -> Output {
        let output = self.try_run(args);
        assert!(output.status.success(), "tmux {args:?}: {}", String::from_utf8_lossy(&output.stderr));
        output
    }

    /// Runs a tmux command that may fail (`show-buffer` with no buffer).
    pub fn try_run(&self, args: &[&str]) -> Output {
        self.command().args(args).output().expect("tmux runs")
    }

    /// Opens a window `name` of `width`x`height` in `cwd`, running `sh -c script sh args…`.
    /// The first window starts the server's session; the others join it at their own size.
    pub fn open(&self, name: &str, (width, height): (u16, u16), cwd: &Path, script: &str, args: &[&str]) {
        let (w, h) = (width.to_string(), height.to_string());
        let cwd = cwd.to_str().expect("a UTF-8 path");
        let mut command = vec!["-n", name, "-c", cwd, "sh", "-c", script, "sh"];
        command.extend(args);
        if self.try_run(&["has-session"]).status.success() {
            self.run(&[&["new-window", "-d"], &command[..]].concat());
            self.run(&["resize-window", "-t", &target(name), "-x", &w, "-y", &h]);
        } else {
            self.run(&[&["new-session", "-d", "-x", &w, "-y", &h], &command[..]].concat());
        }
    }

    /// The text on the window's screen (no colours).
    pub fn screen(&self, name: &str) -> String {
        String::from_utf8_lossy(&self.run(&["capture-pane", "-p", "-t", &target(name)]).stdout).into_owned()
    }

    /// A tmux format about the window's pane: `#{alternate_on} #{cursor_flag}`.
    pub fn display(&self, name: &str, format: &str) -> String {
        String::from_utf8_lossy(&self.run(&["display-message", "-p", "-t", &target(name), format]).stdout)
            .trim()
            .to_string()
    }

    /// Sends keys by tmux's names (`Enter`, `C-z`, `q`).
    pub fn keys(&self, name: &str, keys: &[&str]) {
        let target = target(name);
        self.run(&[&["send-keys", "-t", &target], keys].concat());
    }

    /// Types text as it is, without tmux reading key names in it.
    pub fn type_text(&self, name: &str, text: &str) {
        self.run(&["send-keys", "-t", &target(name), "-l", text]);
    }

    /// Waits until the window's screen satisfies `ready`; fails with the screen when it never does.
    pub fn wait_for(&self, name: &str, what: &str, ready: impl Fn(&str) -> bool) -> String {
        self.wait_for_within(name, what, TIMEOUT, ready)
    }

    pub fn wait_for_within(&self, name: &str, what: &str, limit: Duration, ready: impl Fn(&str) -> bool) -> String {
        let start = Instant::now();
        loop {
            let screen = self.screen(name);
            if ready(&screen) {
                return screen;
            }
            assert!(start.elapsed() < limit, "[{name}] waited {limit:?} for {what}; the screen:\n{screen}");
            std::thread::sleep(POLL);
        }
    }

    /// The pid of the process the window started (its shell).
    pub fn pane_pid(&self, name: &str) -> u32 {
        self.display(name, "#{pane_pid}").parse().expect("a pane pid")
    }

    /// Ends the server now, as closing the terminal window would.
    pub fn kill_server(&self) {
        let _ = self.try_run(&["kill-server"]);
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        self.kill_server();
    }
}

/// Windows are named; `:name` is the window of that name in the server's one session.
fn target(name: &str) -> String {
    format!(":{name}")
}
