//! The promise that the terminal is always given back, on the real binary in tmux: however
//! boucle ends or stops (q, Ctrl-C, every catchable terminating signal, a stop by Ctrl-Z from
//! every context or by an external SIGTSTP, a panic), the pane is left on the main screen with
//! the cursor shown, mouse reporting off, and the line discipline cooked with echo
//! (`tests/it/common/terminal.rs` checks all of it), with a status a script can read.
//!
//! Exit statuses (`src/ui/mod.rs`): 0 for `q` and Ctrl-C (asked for by the user); 128 + N for
//! a terminating signal N (143 for SIGTERM, 129 SIGHUP, 130 SIGINT, 131 SIGQUIT…), the
//! shell's convention for a process killed by N — boucle catches the signal to restore the
//! terminal, then exits with that status rather than dying by the signal, so SIGQUIT leaves
//! no core file; a stop is a real stop by SIGTSTP (the shell reports 148 and `fg` works);
//! a panic exits with 101, Rust's status for it, the message printed on the restored screen.
//!
//! Independent cases run at once, each in a tmux server of its own, to keep the wall time low.

use crate::common;

use common::terminal::{Boucle, FIXTURE, KillOnDrop, Launch, alive, wait_for_end};
use common::tmux::Tmux;

/// Runs each case on a thread of its own; a failing case fails the test with its message.
fn at_once<T: Sync>(cases: &[T], run: impl Fn(&T) + Sync) {
    std::thread::scope(|scope| {
        for case in cases {
            scope.spawn(|| run(case));
        }
    });
}

/// The dashboard in the middle of something, so that the end is not a quiet one: a query
/// typed and kept, the help open over it.
fn busy(boucle: &Boucle<'_>) {
    boucle.wait_for_dashboard();
    boucle.keys(&["/"]);
    boucle.type_text("zinc");
    boucle.keys(&["Enter"]);
    boucle.wait_for("the search", |s| s.contains("/ zinc") && s.contains("A zinc loop"));
    boucle.keys(&["?"]);
    boucle.wait_for("the help", |s| s.contains(" Keys "));
}

#[test]
fn every_way_of_ending_gives_the_terminal_back_with_its_status() {
    // (how, expected status)
    let cases: &[(&str, i32)] = &[
        ("q", 0),
        ("C-c", 0),
        ("TERM", 128 + 15),
        ("HUP", 128 + 1),
        ("INT", 128 + 2),
        ("QUIT", 128 + 3),
        ("USR1", 128 + 10),
        ("USR2", 128 + 12),
        ("ALRM", 128 + 14),
        ("PIPE", 128 + 13),
    ];
    at_once(cases, |&(how, status)| {
        let tmux = Tmux::start();
        let boucle = tmux.boucle("boucle", Launch::dashboard());
        busy(&boucle);
        if how == "q" {
            // q closes the help first, then quits.
            boucle.keys(&["q"]);
            boucle.wait_for("the help closed", |s| !s.contains(" Keys "));
            boucle.keys(&["q"]);
        } else if how == "C-c" {
            // Ctrl-C quits from anywhere, the help included.
            boucle.keys(&["C-c"]);
        } else {
            boucle.signal(how);
        }
        assert_eq!(boucle.wait_for_exit(), status, "ended by {how}");
        boucle.assert_restored();
    });
}

/// Ctrl-Z then `fg` from each context of the key table, in one session: each time the shell
/// has the terminal back as it was, and `fg` brings the dashboard back in the same place.
#[test]
fn ctrl_z_then_fg_from_every_context() {
    let tmux = Tmux::start();
    let work = tmux.path("work");
    std::fs::create_dir(&work).unwrap();
    // Files of the export's default names, so that the dialog asks before replacing them.
    for name in ["boucle-results.md", "boucle-shortlist.md"] {
        std::fs::write(work.join(name), "kept").unwrap();
    }
    let catalogue = format!("{}/{FIXTURE}", env!("CARGO_MANIFEST_DIR"));
    let boucle = tmux.boucle("boucle", Launch::args(&["--catalogue", &catalogue]).cwd(&work));
    boucle.wait_for_dashboard();

    let status =
        |hint: &'static str| move |s: &str| s.lines().rfind(|l| !l.trim().is_empty()).unwrap_or("").contains(hint);
    // Each step: the keys that lead there from the step before, what shows it on screen, and
    // whether to stop there (a context) or only pass through. Esc is always sent alone and
    // waited for: a key right behind it would be read as Alt+key.
    type Shows = Box<dyn Fn(&str) -> bool>;
    let steps: Vec<(&str, &[&str], Shows, bool)> = vec![
        ("results", &[], Box::new(status("Enter open the entry")), true),
        ("facets", &["BTab"], Box::new(status("Space select / deselect")), true),
        ("entry pane", &["Tab", "Enter"], Box::new(status("n next related entry")), true),
        ("query box while typing", &["BSpace", "/", "b", "e", "t"], Box::new(|s: &str| s.contains("/ bet")), true),
        ("the query kept", &["h", "u", "n", "e", "Enter"], Box::new(status("Enter open the entry")), false),
        ("help", &["?"], Box::new(|s: &str| s.contains(" Keys ")), true),
        ("problems", &["?", "!"], Box::new(|s: &str| s.contains("found `summary`")), true),
        ("tours", &["!", "2"], Box::new(status("Enter open the tour, then the stop")), true),
        ("overview", &["3"], Box::new(status("+ zoom the map in")), true),
        ("shortlist", &["1", "m", "4"], Box::new(status("n write a note")), true),
        ("note", &["n", "o", "k"], Box::new(|s: &str| s.contains("┏ Note") && s.contains("✎ ok")), true),
        ("present", &["Enter", "1", "p"], Box::new(|s: &str| s.contains("⏱") && !s.contains("Jump to:")), true),
        ("present jump", &["g"], Box::new(|s: &str| s.contains("Jump to:")), true),
        ("the slide again", &["Escape"], Box::new(|s: &str| s.contains("⏱") && !s.contains("Jump to:")), false),
        ("browse again", &["q"], Box::new(status("Enter open the entry")), false),
        ("export dialog", &["x"], Box::new(|s: &str| s.contains("Format:")), true),
        ("export file name", &["Enter"], Box::new(status("Enter keep  Esc cancel")), true),
        ("export confirmation", &["Enter"], Box::new(status("y yes, replace  n no")), true),
    ];
    let mut n = 0;
    for (context, keys, shows, stop) in &steps {
        if !keys.is_empty() {
            boucle.keys(keys);
        }
        boucle.wait_for(context, shows);
        if !stop {
            continue;
        }
        n += 1;
        boucle.keys(&["C-z"]);
        assert_eq!(boucle.wait_for_stop(n), 128 + 20, "stopped by SIGTSTP from the {context}");
        boucle.assert_restored_while_stopped(n);
        boucle.fg(n);
        let screen = boucle.wait_for(&format!("the {context} again after fg"), shows);
        boucle.assert_full_screen();
        assert!(!screen.contains("^["), "keys echoed over the dashboard after fg from the {context}:\n{screen}");
    }
    assert_eq!(n, 15, "every context");
    boucle.keys(&["n"]);
    boucle.wait_for("the answer", |s| !s.contains("y yes, replace"));
    for name in ["boucle-results.md", "boucle-shortlist.md"] {
        assert_eq!(std::fs::read_to_string(work.join(name)).unwrap(), "kept", "{name} replaced");
    }
    boucle.keys(&["C-c"]);
    assert_eq!(boucle.wait_for_exit(), 0);
    boucle.assert_restored();
}

/// `kill -TSTP` (job control, a process manager) stops boucle as Ctrl-Z does; a SIGCONT
/// while the shell holds the terminal does not take it back behind the shell's back; `fg`
/// brings the dashboard back, in raw mode (keys act, nothing echoes).
#[test]
fn external_sigtstp_then_sigcont_then_fg() {
    let tmux = Tmux::start();
    let boucle = tmux.boucle("boucle", Launch::dashboard());
    boucle.wait_for_dashboard();
    let pid = boucle.pid();
    boucle.signal("TSTP");
    assert_eq!(boucle.wait_for_stop(1), 128 + 20, "stopped");
    boucle.assert_restored_while_stopped(1);

    // Continued in the background: it must not enter full-screen mode over the shell.
    let status = std::process::Command::new("kill").args(["-CONT", &pid.to_string()]).status().unwrap();
    assert!(status.success());
    let start = std::time::Instant::now();
    while start.elapsed() < std::time::Duration::from_millis(500) {
        assert_eq!(boucle.display("#{alternate_on} #{cursor_flag} #{mouse_any_flag}"), "0 1 0", "in the background");
        std::thread::sleep(common::tmux::POLL);
    }

    boucle.fg(1);
    boucle.wait_for_dashboard();
    // Raw mode: Down moves the selection instead of echoing `^[[B`.
    boucle.keys(&["Down", "Enter"]);
    let screen = boucle.wait_for("the second entry opened", |s| s.contains("n next related entry"));
    assert!(!screen.contains("^["), "{screen}");
    boucle.keys(&["q"]);
    assert_eq!(boucle.wait_for_exit(), 0);
    boucle.assert_restored();
}

/// A panic in the dashboard: the terminal is restored first, then the message is printed on
/// the main screen, and the status is 101. The trigger (`BOUCLE_PANIC_TEST=1`, read on each
/// input event) exists only in debug builds: the binary cargo built for this test is one
/// (unless the tests themselves are built in release), and the release binary ignores it.
#[test]
fn a_panic_restores_the_terminal_then_prints_its_message() {
    let debug = std::path::Path::new(env!("CARGO_BIN_EXE_boucle"));
    let release = common::binary();
    let tmux = Tmux::start();
    // Without a backtrace, as a user runs it, and wide enough for the message on one line.
    let launch = || Launch::dashboard().env("BOUCLE_PANIC_TEST=1").env("RUST_BACKTRACE=0").size(200, 30);
    if cfg!(debug_assertions) {
        let boucle = tmux.boucle("debug", launch().binary(debug));
        boucle.wait_for_dashboard();
        boucle.keys(&["j"]);
        assert_eq!(boucle.wait_for_exit(), 101, "a panic's status");
        boucle.assert_restored();
        let screen = boucle.screen();
        assert!(
            screen.contains("panicked at") && screen.contains("BOUCLE_PANIC_TEST=1: a panic on purpose"),
            "{screen}"
        );
    }
    if release != debug || !cfg!(debug_assertions) {
        let boucle = tmux.boucle("release", launch().binary(&release));
        boucle.wait_for_dashboard();
        boucle.keys(&["j", "j"]);
        boucle.keys(&["q"]);
        assert_eq!(boucle.wait_for_exit(), 0, "the release binary ignores the trigger:\n{}", boucle.screen());
    }
}

/// The window closes with boucle in a session of its own (`setsid`), as under some terminal
/// emulators, `sudo` or `ssh` set-ups: the pane's terminal is not its controlling terminal, so
/// no SIGHUP comes, and boucle must still notice and end.
#[test]
fn a_terminal_that_disappears_ends_boucle() {
    let tmux = Tmux::start();
    let script = r#"env -u LC_ALL -u BOUCLE_CATALOGUE LANG=C.UTF-8 XDG_DATA_HOME="$1" setsid "$2" --catalogue "$3"; exec sleep 600"#;
    let data = tmux.path("data");
    let binary = common::binary();
    let args = [data.to_str().unwrap(), binary.to_str().unwrap(), FIXTURE];
    tmux.open("boucle", (80, 24), std::path::Path::new(env!("CARGO_MANIFEST_DIR")), script, &args);
    tmux.wait_for("boucle", "the dashboard", |s| s.contains("? help"));
    let children = common::terminal::children(tmux.pane_pid("boucle"));
    assert_eq!(children.len(), 1, "{children:?}");
    let pid = children[0];
    let _guard = KillOnDrop(pid);
    // The window closes: tmux goes, and the terminal with it.
    tmux.kill_server();
    wait_for_end(pid);
    assert!(!alive(pid));
}

/// `TERM=dumb` (an editor's shell buffer) cannot show frames: boucle says so in a terminal and
/// points to what works there, with the usage exit code, rather than draw escape codes.
#[test]
fn a_dumb_terminal_is_told_what_works_there() {
    let tmux = Tmux::start();
    let debug = std::path::Path::new(env!("CARGO_BIN_EXE_boucle"));
    let boucle = tmux.boucle("dumb", Launch::dashboard().env("TERM=dumb").binary(debug).size(120, 24));
    assert_eq!(boucle.wait_for_exit(), 2, "{}", boucle.screen());
    let screen = boucle.screen().split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(screen.contains("this terminal (TERM=dumb) cannot show the dashboard"), "{screen}");
    assert!(screen.contains("`boucle list`") && screen.contains("--screen-reader"), "{screen}");
    let french = tmux.boucle("fr", Launch::dashboard().env("TERM=dumb").env("LANG=fr_FR.UTF-8").binary(debug));
    assert_eq!(french.wait_for_exit(), 2, "{}", french.screen());
    let screen = french.screen().split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(screen.contains("ce terminal (TERM=dumb) ne peut pas afficher le tableau de bord"), "{screen}");
}
