//! A curator's session with the real binary under tmux: the dashboard on a catalogue folder,
//! the title edited in the file (it shows within 2 s), the file broken (the old title stays,
//! the badge appears), Enter in the problems panel (the test editor is run at the problem's
//! line, with the terminal given back), and quitting (the terminal is restored).
//!
//! Uses `target/release/boucle` when it exists (CI builds it first), like `e2e_tmux.rs`.

use crate::common;
use crate::common::written;

use std::path::Path;
use std::time::{Duration, Instant};

use common::terminal::Launch;
use common::tmux::{TIMEOUT, Tmux, wait_until};
use written::{Fixture, PRACTICE};

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
    let tmux = Tmux::start();
    let editor_env = format!("EDITOR={}", editor.display());
    let launch = Launch::args(&["--catalogue", fixture.path().to_str().unwrap()]).env(&editor_env).size(100, 30);
    let boucle = tmux.boucle("boucle", launch);
    boucle.wait_for("the dashboard", |s| s.contains("Battery regeneration"));

    // A saved title shows within 2 s.
    save_by_rename(&file, &PRACTICE.replace("Battery regeneration", "Edited title"));
    let saved = Instant::now();
    tmux.wait_for_within("boucle", "the new title", Duration::from_secs(2), |s| s.contains("Edited title"));
    eprintln!("new title on screen after {:?}", saved.elapsed());

    // A broken save: the old title stays, and the problem is counted.
    save_by_rename(&file, &PRACTICE.replace("\"Battery regeneration\"", "\"Broken title"));
    let screen = boucle.wait_for("the problem", |s| s.contains("1 error"));
    assert!(screen.contains("Edited title") && !screen.contains("Broken title"), "{screen}");
    boucle.keys(&["Down"]);
    boucle.wait_for("the badge", |s| s.contains("⚠ 1 error (!)"));

    // Enter in the panel runs the editor at the problem's line.
    boucle.keys(&["!"]);
    boucle.wait_for("the panel", |s| s.contains("never closed"));
    boucle.keys(&["Enter"]);
    wait_until("the editor to run", TIMEOUT, || arguments.exists());
    // The editor writes its arguments, then ends: wait for the whole line.
    wait_until("the editor's arguments", TIMEOUT, || {
        std::fs::read_to_string(&arguments).is_ok_and(|given| given.ends_with(".ron\n"))
    });
    let given = std::fs::read_to_string(&arguments).unwrap();
    assert_eq!(given, format!("+2\n{}\n", file.display()), "the editor's arguments");
    // The dashboard is back after the editor, its panel still open; Esc closes it.
    boucle.wait_for("the panel again", |s| s.contains("never closed"));
    boucle.keys(&["Escape"]);
    boucle.wait_for("the dashboard again", |s| s.contains("Edited title"));

    // Quitting restores the terminal.
    boucle.keys(&["q"]);
    assert_eq!(boucle.wait_for_exit(), 0);
    boucle.assert_restored();
}

/// An executable script at `path`.
fn script(path: &Path, text: &str) {
    std::fs::write(path, text).unwrap();
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o755)).unwrap();
}

/// An editor that crashes with the terminal in raw mode without echo (#19 item 10): once
/// boucle has quit, the terminal is as it was when boucle started — the settings saved at the
/// start are put back, not those the editor left.
#[test]
fn an_editor_that_crashes_in_raw_mode_leaves_the_terminal_as_it_was() {
    let fixture = Fixture::new();
    fixture.file("good-practices/x.ron", PRACTICE);
    let work = tempfile::tempdir().unwrap();
    let editor = work.path().join("crashing-editor");
    let ran = work.path().join("ran");
    script(&editor, &format!("#!/bin/sh\ntouch '{}'\nstty raw -echo\nkill -9 $$\n", ran.display()));
    let tmux = Tmux::start();
    let editor_env = format!("EDITOR={}", editor.display());
    let launch = Launch::args(&["--catalogue", fixture.path().to_str().unwrap()]).env(&editor_env).size(100, 30);
    let boucle = tmux.boucle("boucle", launch);
    boucle.wait_for("the dashboard", |s| s.contains("Battery regeneration"));
    boucle.keys(&["E"]);
    wait_until("the editor to run", TIMEOUT, || ran.exists());
    // boucle is back, and says the editor failed.
    boucle.wait_for("the editor's failure", |s| s.contains("signal: 9"));
    boucle.keys(&["q"]);
    assert_eq!(boucle.wait_for_exit(), 0);
    boucle.assert_restored();
}

/// `EDITOR` split as a shell splits it (#19 item 12): a quoted program path with a space in it
/// is one word, and its option another; nothing runs through a shell.
#[test]
fn an_editor_path_with_a_space_in_quotes_is_run() {
    let fixture = Fixture::new();
    let file = fixture.path().join("good-practices/x.ron");
    fixture.file("good-practices/x.ron", PRACTICE);
    let work = tempfile::tempdir().unwrap();
    let folder = work.path().join("my editors");
    std::fs::create_dir(&folder).unwrap();
    let arguments = work.path().join("editor-arguments");
    let editor = folder.join("ed");
    script(&editor, &format!("#!/bin/sh\nprintf '%s\\n' \"$@\" > '{}'\n", arguments.display()));
    let tmux = Tmux::start();
    let editor_env = format!("EDITOR=\"{}\" -w", editor.display());
    let launch = Launch::args(&["--catalogue", fixture.path().to_str().unwrap()]).env(&editor_env).size(100, 30);
    let boucle = tmux.boucle("boucle", launch);
    boucle.wait_for("the dashboard", |s| s.contains("Battery regeneration"));
    boucle.keys(&["E"]);
    wait_until("the editor's arguments", TIMEOUT, || {
        std::fs::read_to_string(&arguments).is_ok_and(|given| given.ends_with(".ron\n"))
    });
    let given = std::fs::read_to_string(&arguments).unwrap();
    assert_eq!(given, format!("-w\n+1\n{}\n", file.display()), "the editor's arguments");
    boucle.keys(&["q"]);
    assert_eq!(boucle.wait_for_exit(), 0);
    boucle.assert_restored();
}
