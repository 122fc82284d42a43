//! The real binary in a real terminal: tmux runs `boucle` in an 80x24 pane, keys are sent as
//! a user would type them, and the screen is read back with `capture-pane`. After the program
//! ends (by `q`, SIGTERM or SIGHUP) the pane stays open, so the terminal's state can be asked:
//! `#{alternate_on} #{cursor_flag}` must be `0 1` (main screen, cursor shown), mouse reporting
//! off, and the line discipline back in cooked mode with echo (`stty -a`).
//!
//! Uses `target/release/boucle` when it exists (CI builds it before the tests), else the
//! binary cargo built for the tests. tmux must be installed: without it the tests fail.
//!
//! The dashboard runs on the frozen fixture catalogue (`--catalogue tests/fixtures/catalogue`),
//! so that curators' edits to `practices/` change nothing here.

mod common;

use std::path::PathBuf;
use std::process::{Command, Output};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

/// The fixture catalogue, given to boucle with `--catalogue`.
/// The fixture, from the package's root where the session starts: problems name its files by
/// this short path, so what the screen shows does not depend on where the checkout is.
const FIXTURE: &str = "tests/fixtures/catalogue";

const TIMEOUT: Duration = Duration::from_secs(15);
const POLL: Duration = Duration::from_millis(20);

/// A tmux server of our own (its own socket, like `tmux -L <unique>` but inside a temporary
/// folder), killed when dropped, even when a test fails.
struct Tmux {
    socket: String,
    dir: tempfile::TempDir,
}

impl Tmux {
    fn start() -> Tmux {
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
        // A socket of its own, in the temporary folder, so that nothing is left behind.
        let socket = dir.path().join(format!("tmux-{}", COUNT.fetch_add(1, Ordering::SeqCst)));
        Tmux { socket: socket.to_str().expect("a UTF-8 path").to_string(), dir }
    }

    fn run(&self, args: &[&str]) -> Output {
        let output = Command::new("tmux")
            .args(["-u", "-S", &self.socket, "-f", "/dev/null"])
            .args(args)
            .output()
            .expect("tmux runs");
        assert!(output.status.success(), "tmux {args:?}: {}", String::from_utf8_lossy(&output.stderr));
        output
    }

    fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    /// Opens an 80x24 pane running boucle on the fixture in English with colours, then `stty -a`
    /// and the exit status into files, then a sleep that keeps the pane (and its terminal state)
    /// there. The script's arguments: the binary, the status file, the stty file, the file that
    /// lets a stopped boucle go on, the catalogue folder.
    fn open_boucle(&self) {
        self.open_with(
            r#"env -u LC_ALL -u LC_MESSAGES -u NO_COLOR -u BOUCLE_CATALOGUE LANG=C.UTF-8 "$1" --catalogue "$5"
echo $? > "$2.tmp" && stty -a > "$3" 2>&1; mv "$2.tmp" "$2"
exec sleep 600"#,
        );
    }

    /// The same, under a shell with job control, as from an interactive shell: when boucle
    /// stops (Ctrl-Z), the shell records it and waits for the file `go` before `fg`.
    fn open_boucle_with_job_control(&self) {
        self.open_with(
            r#"set -m
env -u LC_ALL -u LC_MESSAGES -u NO_COLOR -u BOUCLE_CATALOGUE LANG=C.UTF-8 "$1" --catalogue "$5"
code=$?
if [ "$code" -gt 128 ]; then
  stty -a > "$3.stopped" 2>&1; echo "$code" > "$2.stopped"
  while [ ! -e "$4" ]; do sleep 0.02; done
  fg > /dev/null; code=$?
fi
echo "$code" > "$2.tmp" && stty -a > "$3" 2>&1; mv "$2.tmp" "$2"
exec sleep 600"#,
        );
    }

    /// The same, in a session of its own (`setsid`): the pane's terminal is not its
    /// controlling terminal, so closing it sends no SIGHUP, as under some terminal emulators,
    /// `sudo` or `ssh` set-ups.
    fn open_boucle_without_controlling_terminal(&self) {
        self.open_with(
            r#"env -u LC_ALL -u LC_MESSAGES -u NO_COLOR -u BOUCLE_CATALOGUE LANG=C.UTF-8 setsid "$1" --catalogue "$5"
echo $? > "$2"
exec sleep 600"#,
        );
    }

    fn open_with(&self, script: &str) {
        let binary = common::binary();
        eprintln!("running {}", binary.display());
        let (status, stty, go) = (self.path("status"), self.path("stty"), self.path("go"));
        self.run(&[
            "new-session",
            "-d",
            "-x",
            "80",
            "-y",
            "24",
            "-s",
            "boucle",
            "-c",
            env!("CARGO_MANIFEST_DIR"),
            "sh",
            "-c",
            script,
            "sh",
            binary.to_str().unwrap(),
            status.to_str().unwrap(),
            stty.to_str().unwrap(),
            go.to_str().unwrap(),
            FIXTURE,
        ]);
    }

    fn screen(&self) -> String {
        String::from_utf8_lossy(&self.run(&["capture-pane", "-p", "-t", "boucle"]).stdout).into_owned()
    }

    fn display(&self, format: &str) -> String {
        String::from_utf8_lossy(&self.run(&["display-message", "-p", "-t", "boucle", format]).stdout).trim().to_string()
    }

    fn keys(&self, keys: &[&str]) {
        let mut args = vec!["send-keys", "-t", "boucle"];
        args.extend(keys);
        self.run(&args);
    }

    /// Types text as it is, without tmux reading key names in it.
    fn type_text(&self, text: &str) {
        self.run(&["send-keys", "-t", "boucle", "-l", text]);
    }

    /// Waits until the screen satisfies `ready`; fails with the screen when it never does.
    fn wait_for_screen(&self, what: &str, ready: impl Fn(&str) -> bool) -> String {
        let start = Instant::now();
        loop {
            let screen = self.screen();
            if ready(&screen) {
                return screen;
            }
            assert!(start.elapsed() < TIMEOUT, "waited {TIMEOUT:?} for {what}; the screen:\n{screen}");
            std::thread::sleep(POLL);
        }
    }

    /// Waits for the program to end; returns its exit status.
    fn wait_for_exit(&self) -> i32 {
        self.wait_for_file("status", "boucle to end")
    }

    /// Waits for a file the pane's shell writes, holding a number.
    fn wait_for_file(&self, name: &str, what: &str) -> i32 {
        let path = self.path(name);
        let start = Instant::now();
        loop {
            // The shell creates the file before it writes the number: an empty file is not yet
            // an answer.
            if let Ok(text) = std::fs::read_to_string(&path)
                && !text.trim().is_empty()
            {
                return text.trim().parse().unwrap_or_else(|_| panic!("{name}: {text:?}"));
            }
            assert!(start.elapsed() < TIMEOUT, "waited {TIMEOUT:?} for {what}; the screen:\n{}", self.screen());
            std::thread::sleep(POLL);
        }
    }

    /// The pid of boucle: the child of the pane's shell.
    fn boucle_pid(&self) -> u32 {
        let shell: u32 = self.display("#{pane_pid}").parse().expect("a pane pid");
        let children: Vec<u32> = std::fs::read_dir("/proc")
            .expect("/proc")
            .filter_map(|e| e.ok()?.file_name().to_str()?.parse::<u32>().ok())
            .filter(|pid| {
                let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).unwrap_or_default();
                // `pid (comm) state ppid …`; comm may hold spaces, so read after the last ')'.
                stat.rsplit_once(')').and_then(|(_, rest)| rest.split_whitespace().nth(1)?.parse::<u32>().ok())
                    == Some(shell)
            })
            .collect();
        assert_eq!(children.len(), 1, "one process under the pane's shell: {children:?}");
        children[0]
    }

    /// What the terminal is left in, once the program has ended.
    fn assert_restored(&self) {
        self.assert_restored_with("stty");
    }

    /// The terminal given back: main screen, cursor shown, no mouse reporting, and the line
    /// settings `stty -a` wrote into the file `stty_file` in cooked mode with echo.
    fn assert_restored_with(&self, stty_file: &str) {
        assert_eq!(self.display("#{alternate_on} #{cursor_flag}"), "0 1", "main screen, cursor shown");
        assert_eq!(self.display("#{mouse_any_flag} #{mouse_sgr_flag}"), "0 0", "mouse reporting off");
        let stty = std::fs::read_to_string(self.path(stty_file)).expect("stty ran after boucle");
        let flags: Vec<&str> = stty.split_whitespace().collect();
        for flag in ["icanon", "echo", "isig", "icrnl", "opost"] {
            assert!(flags.contains(&flag), "raw mode left: {flag} is off in\n{stty}");
        }
    }

    /// The dashboard is up, in the alternate screen with the mouse captured, so that what
    /// `assert_restored` checks was really changed first.
    fn wait_for_dashboard(&self) -> String {
        let screen = self.wait_for_screen("the status line", |s| {
            let last = s.lines().rfind(|l| !l.trim().is_empty()).unwrap_or("");
            // `? help` is the one hint that is always there, whatever else fits.
            last.contains(" results") && last.contains("? help")
        });
        assert_eq!(self.display("#{alternate_on} #{cursor_flag} #{mouse_any_flag}"), "1 0 1", "full-screen mode");
        screen
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        let _ = Command::new("tmux").args(["-S", &self.socket, "kill-server"]).output();
    }
}

#[test]
fn search_help_and_quit_leave_the_terminal_as_it_was() {
    let tmux = Tmux::start();
    tmux.open_boucle();
    let screen = tmux.wait_for_dashboard();
    assert!(screen.lines().next().unwrap_or("").contains("type / to search"), "{screen}");
    // The fixture's entries (the first frame may come before the first search's results),
    // and the problem of its broken file.
    tmux.wait_for_screen("the fixture's 12 entries", |s| {
        let status = s.lines().rfind(|l| !l.trim().is_empty()).unwrap_or("");
        status.contains(" 12 results") && status.contains("⚠ 1")
    });

    tmux.keys(&["/"]);
    tmux.type_text("bethune");
    tmux.wait_for_screen("Béthune in the results", |s| {
        s.contains("/ bethune") && s.contains("BringBack in Béthune") && s.contains(" 6 results")
    });

    tmux.keys(&["Escape"]);
    tmux.wait_for_screen("the query given up", |s| s.lines().next().unwrap_or("").contains("type / to search"));

    tmux.keys(&["?"]);
    tmux.wait_for_screen("the help", |s| s.contains(" Keys ") && s.contains("Everywhere"));
    tmux.keys(&["Escape"]);
    tmux.wait_for_screen("the help closed", |s| !s.contains(" Keys "));

    tmux.keys(&["!"]);
    tmux.wait_for_screen("the problems", |s| s.contains("broken-magnet-recycl") && s.contains("found `summary`"));
    tmux.keys(&["Escape"]);
    tmux.wait_for_screen("the problems closed", |s| !s.contains("found `summary`"));

    tmux.keys(&["q"]);
    assert_eq!(tmux.wait_for_exit(), 0, "q quits with status 0");
    tmux.assert_restored();
}

#[test]
fn sigterm_restores_the_terminal() {
    let tmux = Tmux::start();
    tmux.open_boucle();
    tmux.wait_for_dashboard();
    let pid = tmux.boucle_pid();
    assert!(Command::new("kill").args(["-TERM", &pid.to_string()]).status().unwrap().success());
    assert_eq!(tmux.wait_for_exit(), 128 + 15, "ended by SIGTERM");
    tmux.assert_restored();
}

#[test]
fn sighup_restores_the_terminal() {
    let tmux = Tmux::start();
    tmux.open_boucle();
    tmux.wait_for_dashboard();
    // In the middle of something: the help open over a search.
    tmux.keys(&["/"]);
    tmux.type_text("zinc");
    tmux.keys(&["Enter", "?"]);
    tmux.wait_for_screen("the help", |s| s.contains(" Keys "));
    let pid = tmux.boucle_pid();
    assert!(Command::new("kill").args(["-HUP", &pid.to_string()]).status().unwrap().success());
    assert_eq!(tmux.wait_for_exit(), 128 + 1, "ended by SIGHUP");
    tmux.assert_restored();
}

#[test]
fn ctrl_z_gives_the_terminal_back_and_fg_repaints_the_dashboard() {
    let tmux = Tmux::start();
    tmux.open_boucle_with_job_control();
    tmux.wait_for_dashboard();
    tmux.keys(&["/"]);
    tmux.type_text("bethune");
    tmux.keys(&["Enter"]);
    tmux.wait_for_screen("the search kept", |s| s.contains("/ bethune") && s.contains("Béthune"));

    tmux.keys(&["C-z"]);
    assert_eq!(tmux.wait_for_file("status.stopped", "boucle to stop"), 128 + 20, "stopped by SIGTSTP");
    tmux.assert_restored_with("stty.stopped");

    std::fs::write(tmux.path("go"), "").unwrap();
    let screen = tmux.wait_for_screen("the dashboard repainted", |s| {
        s.contains("/ bethune")
            && s.contains("Béthune")
            && s.lines().rfind(|l| !l.trim().is_empty()).is_some_and(|l| l.contains(" results"))
    });
    assert_eq!(
        tmux.display("#{alternate_on} #{cursor_flag} #{mouse_any_flag}"),
        "1 0 1",
        "full screen again:\n{screen}"
    );

    tmux.keys(&["q"]);
    assert_eq!(tmux.wait_for_exit(), 0);
    tmux.assert_restored();
}

/// Kills a process at the end of a test if it is still there.
struct KillOnDrop(u32);

impl Drop for KillOnDrop {
    fn drop(&mut self) {
        if alive(self.0) {
            let _ = Command::new("kill").args(["-KILL", &self.0.to_string()]).status();
        }
    }
}

/// Whether a process exists and has not ended (a zombie has ended).
fn alive(pid: u32) -> bool {
    std::fs::read_to_string(format!("/proc/{pid}/stat"))
        .ok()
        .and_then(|stat| stat.rsplit_once(')').map(|(_, rest)| rest.trim_start().starts_with(['Z', 'X'])))
        .is_some_and(|ended| !ended)
}

#[test]
fn a_terminal_that_disappears_ends_boucle() {
    let tmux = Tmux::start();
    tmux.open_boucle_without_controlling_terminal();
    tmux.wait_for_dashboard();
    let pid = tmux.boucle_pid();
    let _guard = KillOnDrop(pid);
    // The window closes: tmux goes, and the terminal with it.
    tmux.run(&["kill-server"]);
    let start = Instant::now();
    while alive(pid) && start.elapsed() < Duration::from_secs(3) {
        std::thread::sleep(POLL);
    }
    assert!(!alive(pid), "boucle (pid {pid}) still runs 3 s after its terminal went away");
}

/// A participant's session: three entries marked, boucle quit and started again on the same
/// shortlist file, the marks still there; then the shortlist exported from the dashboard.
#[test]
fn marks_survive_a_restart_and_the_shortlist_exports_to_a_file() {
    let data = tempfile::tempdir().unwrap();
    let file = data.path().join("shortlist.ron");
    let script = format!(
        r#"cd "{}" && env -u LC_ALL -u LC_MESSAGES -u NO_COLOR -u BOUCLE_CATALOGUE LANG=C.UTF-8 "$1" --catalogue "{}/$5" --shortlist "{}"
echo $? > "$2"
exec sleep 600"#,
        data.path().display(),
        env!("CARGO_MANIFEST_DIR"),
        file.display()
    );
    let marked = |s: &str| s.lines().filter(|l| l.contains("┃★")).count();
    {
        let tmux = Tmux::start();
        tmux.open_with(&script);
        tmux.wait_for_dashboard();
        for n in 1..=3 {
            tmux.keys(&["m"]);
            tmux.wait_for_screen("a mark", |s| marked(s) == n);
            tmux.keys(&["j"]);
        }
        tmux.keys(&["q"]);
        assert_eq!(tmux.wait_for_exit(), 0);
    }
    assert!(std::fs::read_to_string(&file).unwrap().matches("id:").count() == 3, "saved as marked");
    let tmux = Tmux::start();
    tmux.open_with(&script);
    let screen = tmux.wait_for_dashboard();
    assert_eq!(marked(&screen), 3, "still marked after a restart:\n{screen}");
    assert!(screen.contains("In my shortlist 3"), "{screen}");
    tmux.keys(&["x"]);
    tmux.wait_for_screen("the export dialog", |s| s.contains("boucle-shortlist.md"));
    tmux.keys(&["Enter"]);
    tmux.keys(&["Enter"]);
    tmux.wait_for_screen("the file written", |s| s.contains("Written to"));
    let md = std::fs::read_to_string(data.path().join("boucle-shortlist.md")).unwrap();
    assert!(md.starts_with("# My shortlist") && md.contains("## 3."), "{md}");
}

/// `boucle present TOUR`: the first stop's title, `→` to the second (`2/N`), `b` blanks the
/// screen, `q` ends the program with status 0 and the terminal as it was.
#[test]
fn present_a_tour_step_blank_and_quit() {
    let tmux = Tmux::start();
    tmux.open_with(
        r#"env -u LC_ALL -u LC_MESSAGES -u NO_COLOR -u BOUCLE_CATALOGUE LANG=C.UTF-8 "$1" present peer-review-lille-2025 --catalogue "$5"
echo $? > "$2.tmp" && stty -a > "$3" 2>&1; mv "$2.tmp" "$2"
exec sleep 600"#,
    );
    let screen = tmux.wait_for_screen("the first stop", |s| s.contains("Visit to BringBack") && s.contains("1/4"));
    assert!(!screen.contains("? help"), "no chrome on a slide:\n{screen}");
    assert_eq!(tmux.display("#{alternate_on} #{cursor_flag}"), "1 0", "full-screen mode");
    tmux.keys(&["Right"]);
    tmux.wait_for_screen("the second stop", |s| s.contains("2/4") && s.contains("zinc loop"));
    tmux.keys(&["b"]);
    tmux.wait_for_screen("a blank screen", |s| s.trim().is_empty());
    tmux.keys(&["b"]);
    tmux.wait_for_screen("the slide again", |s| s.contains("2/4"));
    tmux.keys(&["q"]);
    assert_eq!(tmux.wait_for_exit(), 0);
    tmux.assert_restored();
}
