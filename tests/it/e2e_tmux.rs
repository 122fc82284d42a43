//! The real binary in a real terminal, as a user would use it: tmux runs `boucle` in an 80x24
//! window, keys are sent as typed, and the screen is read back (`tests/it/common/tmux.rs`,
//! `tests/it/common/terminal.rs`). How the terminal is given back on every way out, signals and
//! Ctrl-Z included, is `e2e_terminal.rs`.
//!
//! Uses `target/release/boucle` when it exists (CI builds it before the tests), else the
//! binary cargo built for the tests. tmux must be installed: without it the tests fail.
//!
//! The dashboard runs on the frozen fixture catalogue (`--catalogue tests/fixtures/catalogue`),
//! so that curators' edits to `practices/` change nothing here.

use crate::common;

use common::terminal::{FIXTURE, Launch};
use common::tmux::Tmux;

#[test]
fn search_help_and_quit_leave_the_terminal_as_it_was() {
    let tmux = Tmux::start();
    let boucle = tmux.boucle("boucle", Launch::dashboard());
    let screen = boucle.wait_for_dashboard();
    assert!(screen.lines().next().unwrap_or("").contains("type / to search"), "{screen}");
    // The fixture's entries (the first frame may come before the first search's results),
    // and the problem of its broken file.
    boucle.wait_for("the fixture's 12 entries", |s| {
        let status = s.lines().rfind(|l| !l.trim().is_empty()).unwrap_or("");
        status.contains(" 12 results") && status.contains("⚠ 1")
    });

    boucle.keys(&["/"]);
    boucle.type_text("bethune");
    boucle.wait_for("Béthune in the results", |s| {
        s.contains("/ bethune") && s.contains("BringBack in Béthune") && s.contains(" 6 results")
    });

    boucle.keys(&["Escape"]);
    boucle.wait_for("the query given up", |s| s.lines().next().unwrap_or("").contains("type / to search"));

    boucle.keys(&["?"]);
    boucle.wait_for("the help", |s| s.contains(" Keys ") && s.contains("Everywhere"));
    boucle.keys(&["Escape"]);
    boucle.wait_for("the help closed", |s| !s.contains(" Keys "));

    boucle.keys(&["!"]);
    boucle.wait_for("the problems", |s| s.contains("broken-magnet-recycl") && s.contains("found `summary`"));
    boucle.keys(&["Escape"]);
    boucle.wait_for("the problems closed", |s| !s.contains("found `summary`"));

    boucle.keys(&["q"]);
    assert_eq!(boucle.wait_for_exit(), 0, "q quits with status 0");
    boucle.assert_restored();
}

/// A participant's session: three entries marked, boucle quit and started again on the same
/// shortlist file, the marks still there; then the shortlist exported from the dashboard.
#[test]
fn marks_survive_a_restart_and_the_shortlist_exports_to_a_file() {
    let data = tempfile::tempdir().unwrap();
    let file = data.path().join("shortlist.ron");
    let catalogue = format!("{}/{FIXTURE}", env!("CARGO_MANIFEST_DIR"));
    let launch = || Launch::args(&["--catalogue", &catalogue, "--shortlist", file.to_str().unwrap()]).cwd(data.path());
    let marked = |s: &str| s.lines().filter(|l| l.contains("┃★")).count();
    {
        let tmux = Tmux::start();
        let boucle = tmux.boucle("first", launch());
        boucle.wait_for_dashboard();
        for n in 1..=3 {
            boucle.keys(&["m"]);
            boucle.wait_for("a mark", |s| marked(s) == n);
            boucle.keys(&["j"]);
        }
        boucle.keys(&["q"]);
        assert_eq!(boucle.wait_for_exit(), 0);
    }
    assert!(std::fs::read_to_string(&file).unwrap().matches("id:").count() == 3, "saved as marked");
    let tmux = Tmux::start();
    let boucle = tmux.boucle("again", launch());
    let screen = boucle.wait_for("the marks", |s| marked(s) == 3 && s.contains("? help"));
    assert!(screen.contains("In my shortlist 3"), "{screen}");
    boucle.keys(&["x"]);
    boucle.wait_for("the export dialog", |s| s.contains("boucle-shortlist.md"));
    boucle.keys(&["Enter"]);
    boucle.keys(&["Enter"]);
    boucle.wait_for("the file written", |s| s.contains("Written to"));
    let md = std::fs::read_to_string(data.path().join("boucle-shortlist.md")).unwrap();
    assert!(md.starts_with("# My shortlist") && md.contains("## 3."), "{md}");
}

/// `boucle present TOUR`: the first stop's title, `→` to the second (`2/N`), `b` blanks the
/// screen, `q` ends the program with status 0 and the terminal as it was.
#[test]
fn present_a_tour_step_blank_and_quit() {
    let tmux = Tmux::start();
    let boucle = tmux.boucle("present", Launch::args(&["present", "peer-review-lille-2025", "--catalogue", FIXTURE]));
    let screen = boucle.wait_for("the first stop", |s| s.contains("Visit to BringBack") && s.contains("1/4"));
    assert!(!screen.contains("? help"), "no chrome on a slide:\n{screen}");
    assert_eq!(boucle.display("#{alternate_on} #{cursor_flag}"), "1 0", "full-screen mode");
    boucle.keys(&["Right"]);
    boucle.wait_for("the second stop", |s| s.contains("2/4") && s.contains("zinc loop"));
    boucle.keys(&["b"]);
    boucle.wait_for("a blank screen", |s| s.trim().is_empty());
    boucle.keys(&["b"]);
    boucle.wait_for("the slide again", |s| s.contains("2/4"));
    boucle.keys(&["q"]);
    assert_eq!(boucle.wait_for_exit(), 0);
    boucle.assert_restored();
}

/// With `$XDG_RUNTIME_DIR` open to others, the presentation's socket goes elsewhere: the notice
/// that says so is for whoever runs boucle, not for the audience. The projector shows only the
/// slide; the notice is on the terminal, whole, when boucle ends.
#[test]
fn the_socket_notice_is_not_on_the_projector() {
    use std::os::unix::fs::PermissionsExt;
    let runtime = tempfile::tempdir().unwrap();
    std::fs::set_permissions(runtime.path(), std::fs::Permissions::from_mode(0o777)).unwrap();
    let variable = format!("XDG_RUNTIME_DIR={}", runtime.path().display());
    let tmux = Tmux::start();
    let debug = std::path::Path::new(env!("CARGO_BIN_EXE_boucle"));
    let launch = Launch::args(&["present", "peer-review-lille-2025", "--catalogue", FIXTURE]).env(&variable);
    let boucle = tmux.boucle("present", launch.binary(debug).size(100, 24));
    let screen = boucle.wait_for("the first stop", |s| s.contains("Visit to BringBack") && s.contains("1/4"));
    assert!(!screen.contains("XDG_RUNTIME_DIR") && !screen.contains("socket"), "{screen}");
    boucle.keys(&["q"]);
    assert_eq!(boucle.wait_for_exit(), 0);
    let screen = boucle.screen().split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(screen.contains("boucle: $XDG_RUNTIME_DIR is not set, or others may write in it"), "{screen}");
    assert!(screen.contains("(0700)."), "the notice whole: {screen}");
}
