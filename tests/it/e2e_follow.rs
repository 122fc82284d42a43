//! A workshop that follows one presentation (#21 items 1–3, 6), with the real OpenSSH client
//! in tmux on 127.0.0.1: the facilitator, logged in with their own password, drives the tour
//! while three participants follow; one breaks away and rejoins on the current stop; a late
//! joiner lands on the current stop; a participant's keys never move anyone; the room line
//! shows and clears, and no participant can post it. Locally, `boucle present TOUR` and
//! `boucle present TOUR --console` in two tmux windows move together.

use crate::common;

use std::path::Path;

use common::serve::*;

const TOUR: &str = "peer-review-lille-2025";

fn say(runtime: &Path, text: &str) -> std::process::Output {
    std::process::Command::new(common::binary())
        .args(["--catalogue", FIXTURE, "present", TOUR, "--say", text])
        .env("XDG_RUNTIME_DIR", runtime)
        .output()
        .unwrap()
}

#[test]
fn the_facilitator_drives_and_the_room_follows() {
    let runtime = crate::common::serve::runtime_dir();
    let secrets = tempfile::tempdir().unwrap();
    let facilitator = secrets.path().join("facilitator");
    std::fs::write(&facilitator, "conduire\n").unwrap();
    let runtime_dir = runtime.path().to_path_buf();
    let server = Server::start_with(
        FIXTURE,
        &[
            "--password-file",
            "{dir}/password",
            "--presentation",
            TOUR,
            "--facilitator-password-file",
            facilitator.to_str().unwrap(),
        ],
        |command| {
            command.env("XDG_RUNTIME_DIR", &runtime_dir);
        },
    );
    let tmux = Tmux::start();
    tmux.ssh_password(&server, "fac", "en", "conduire");
    tmux.wait_for("fac", "the facilitator's projector", |s| s.contains("1/4") && s.contains("Peer review in Lille"));
    let participants = ["one", "two", "three"];
    for name in participants {
        tmux.ssh_password(&server, name, "en", "aimant2026");
        tmux.wait_for(name, "the participant's line", |s| {
            ready(s) && s.contains("The facilitator is at stop 1/4 — f to follow")
        });
        tmux.keys(name, &["f"]);
        tmux.wait_for(name, "following", |s| s.contains("Following, stop 1/4"));
    }

    // The log tells the facilitator's login apart from the room's.
    let log = server.log();
    assert_eq!(log.matches("logged in (facilitator's password)").count(), 1, "{log}");
    assert_eq!(log.matches("logged in (room password)").count(), participants.len(), "{log}");

    // One → of the facilitator: every follower is on stop 2.
    tmux.keys("fac", &["Right"]);
    for name in participants {
        tmux.wait_for(name, "stop 2/4", |s| s.contains("Following, stop 2/4"));
    }

    // One breaks away to browse; the others go on with the facilitator.
    tmux.keys("one", &["Left"]);
    tmux.wait_for("one", "browsing again", |s| ready(s) && s.contains("The facilitator is at stop 2/4"));
    tmux.keys("fac", &["Right"]);
    tmux.wait_for("two", "stop 3/4", |s| s.contains("Following, stop 3/4"));
    let one = tmux.wait_for("one", "the line to move", |s| s.contains("The facilitator is at stop 3/4 — f to follow"));
    assert!(!one.contains("Following, stop"), "{one}");
    tmux.keys("one", &["f"]);
    tmux.wait_for("one", "back on the current stop", |s| s.contains("Following, stop 3/4"));

    // A participant's keys never move anyone: the facilitator and the others stay on stop 3.
    for key in ["Right", "f", "End", "f", "b", "f", "p", "f", "Home"] {
        tmux.keys("two", &[key]);
    }
    std::thread::sleep(std::time::Duration::from_millis(500));
    assert!(tmux.screen("fac").contains("3/4"), "{}", tmux.screen("fac"));
    assert!(tmux.screen("three").contains("Following, stop 3/4"), "{}", tmux.screen("three"));

    // A late joiner lands on the current stop.
    tmux.ssh_password(&server, "late", "en", "aimant2026");
    tmux.wait_for("late", "the current stop", |s| s.contains("The facilitator is at stop 3/4"));
    tmux.keys("late", &["f"]);
    tmux.wait_for("late", "following at stop 3", |s| s.contains("Following, stop 3/4"));

    // The room line, posted on the server's machine, shows on every participant's line until
    // cleared; over SSH nobody can post it.
    let posted = say(runtime.path(), "Pause jusqu'à 10 h 30");
    assert!(posted.status.success(), "{posted:?}");
    for name in ["one", "three", "late"] {
        tmux.wait_for(name, "the room line", |s| s.contains("Pause jusqu'à 10 h 30"));
    }
    tmux.keys("two", &["1"]);
    tmux.wait_for("two", "the room line on the status line", |s| ready(s) && s.contains("📣 Pause jusqu'à 10 h 30"));
    let refused = server.ssh_then("en", "aimant2026", &[], &["present", TOUR, "--say", "I drive now"]);
    assert!(!refused.status.success(), "{refused:?}");
    assert!(say(runtime.path(), "").status.success());
    for name in ["one", "two", "three", "late"] {
        tmux.wait_for(name, "the room line cleared", |s| !s.contains("Pause jusqu'à") && !s.contains("I drive now"));
    }

    // Blank: followers see the quiet pause screen.
    tmux.keys("fac", &["b"]);
    tmux.wait_for("three", "the pause screen", |s| s.contains("Pause — the presentation comes back soon"));
    for name in ["fac", "one", "two", "three", "late"] {
        tmux.keys(name, &["C-c"]);
    }
}

#[test]
fn the_console_and_the_projector_move_together_in_either_order() {
    let runtime = crate::common::serve::runtime_dir();
    let tmux = Tmux::start();
    let run = |name: &str, console: bool| present_window(&tmux, runtime.path(), name, TOUR, console);
    // The console first, then the projector.
    run("console", true);
    tmux.wait_for("console", "the console", |s| s.contains("Presenter console") && s.contains("stop 1/4"));
    run("projector", false);
    tmux.wait_for("projector", "the projector", |s| s.contains("1/4") && s.contains("Peer review in Lille"));
    let console = tmux.screen("console");
    for words in ["Day 1, morning. Open with the common thread", "Next: A zinc loop", "next stop at 14:00:"] {
        assert!(console.contains(words), "{words:?} missing from\n{console}");
    }
    // The projector drives the console, and the console the projector.
    tmux.keys("projector", &["Right"]);
    tmux.wait_for("console", "stop 2 on the console", |s| {
        s.contains("stop 2/4") && s.contains("Day 1, afternoon. Show how a cluster")
    });
    tmux.keys("console", &["Right"]);
    tmux.wait_for("projector", "stop 3 on the projector", |s| s.contains("3/4"));
    tmux.keys("console", &["b"]);
    tmux.wait_for("console", "the room resting", |s| s.contains("SCREEN BLANK — the room rests"));
    let mode = std::fs::metadata(runtime.path().join(format!("boucle-present-{TOUR}.sock"))).unwrap();
    assert_eq!(std::os::unix::fs::PermissionsExt::mode(&mode.permissions()) & 0o777, 0o600);
    for name in ["console", "projector"] {
        tmux.keys(name, &["q"]);
        tmux.wait_for(name, "the end", |s| s.contains("EXITED 0"));
    }
}

/// A shortlist with a bad id, then a presentation (a hostile trial saw the warning in the
/// projector's footer, and a four-line pop-up on the console): the projector never shows it,
/// the console says it on its quiet line, whole and in no frame, and the terminal has it when
/// boucle ends.
#[test]
fn the_starts_warnings_stay_off_the_projector() {
    let runtime = crate::common::serve::runtime_dir();
    let shortlist = runtime.path().join("shortlist.ron");
    std::fs::write(
        &shortlist,
        "(\n    version: 1,\n    entries: [\n        (id: \"Bad Id With Spaces\"),\n    ],\n)\n",
    )
    .unwrap();
    let tmux = Tmux::start();
    let run = |name: &str, console: bool| {
        let command = format!(
            "env XDG_RUNTIME_DIR={} TZ=UTC LANG=C.UTF-8 {} --catalogue {FIXTURE} --lang en --shortlist {} present \
             {TOUR}{}; echo EXITED $?; exec sleep 600",
            runtime.path().display(),
            common::binary().display(),
            shortlist.display(),
            if console { " --console" } else { "" }
        );
        tmux.open(name, (80, 24), runtime.path(), &command, &[]);
    };
    run("projector", false);
    let projector = tmux.wait_for("projector", "the projector", |s| s.contains("1/4 · ⏱"));
    assert!(!projector.contains("Bad Id") && !projector.contains("shortlist.ron"), "{projector}");
    run("console", true);
    let console = tmux.wait_for("console", "the console", |s| s.contains("Presenter console"));
    assert!(console.contains("\"Bad Id With Spaces\" is not an entry id"), "on the quiet line\n{console}");
    assert!(!console.contains('╭'), "in no frame that pops up\n{console}");
    tmux.keys("console", &["Right"]);
    tmux.wait_for("projector", "stop 2", |s| s.contains("2/4 · ⏱"));
    assert!(!tmux.screen("projector").contains("Bad Id"), "{}", tmux.screen("projector"));
    tmux.keys("projector", &["q"]);
    let ended = tmux.wait_for("projector", "the end", |s| s.contains("EXITED 0"));
    assert!(ended.contains("shortlist.ron:4:14") && ended.contains("Bad Id With Spaces"), "after the talk\n{ended}");
    tmux.keys("console", &["q"]);
    tmux.wait_for("console", "the end", |s| s.contains("EXITED 0"));
}

/// Identity is only what authenticated: the facilitator's public key offered without its
/// private key (the server answers that it would accept it), then the room password, is a
/// participant — no projector, no drive, not the key's shortlist.
#[test]
fn an_offered_facilitator_key_without_its_private_key_is_nobody() {
    let keys = tempfile::tempdir().unwrap();
    let key = keygen(keys.path(), "facilitator");
    // Only the public half is left to the client.
    std::fs::remove_file(&key).unwrap();
    let public = keys.path().join("facilitator.pub");
    let runtime = crate::common::serve::runtime_dir();
    let runtime_dir = runtime.path().to_path_buf();
    let server = Server::start_with(
        FIXTURE,
        &["--password-file", "{dir}/password", "--presentation", TOUR, "--facilitator-keys", public.to_str().unwrap()],
        |command| {
            command.env("XDG_RUNTIME_DIR", &runtime_dir);
        },
    );
    let tmux = Tmux::start();
    let askpass = server.dir.path().join("askpass-offer");
    std::fs::write(&askpass, "#!/bin/sh\necho 'aimant2026'\n").unwrap();
    std::process::Command::new("chmod").args(["700", askpass.to_str().unwrap()]).status().unwrap();
    let command = format!(
        "env LANG=C.UTF-8 SSH_ASKPASS={} SSH_ASKPASS_REQUIRE=force DISPLAY=:0 ssh -t -F {} -p {} \
         -o PubkeyAuthentication=yes -i {} en@127.0.0.1; echo EXITED $?; exec sleep 600",
        askpass.display(),
        server.ssh_config().display(),
        server.port,
        public.display()
    );
    tmux.open("offer", (120, 40), server.dir.path(), &command, &[]);
    let screen = tmux.wait_for("offer", "a participant's dashboard", |s| {
        ready(s) && s.contains("The facilitator is at stop 1/4 — f to follow")
    });
    assert!(!screen.contains("Presenter console"), "{screen}");
    tmux.keys("offer", &["f"]);
    tmux.wait_for("offer", "following", |s| s.contains("Following, stop 1/4"));
    tmux.keys("offer", &["Right"]);
    let screen = tmux.wait_for("offer", "broken away, nothing driven", ready);
    assert!(screen.contains("The facilitator is at stop 1/4"), "{screen}");
    let log = server.log();
    assert!(log.contains("logged in (room password)") && !log.contains("logged in (key"), "{log}");
    tmux.keys("offer", &["C-c"]);
}

/// An open room lets OpenSSH in with no method before any credential is asked: the
/// facilitator's could never be tried, so `serve` refuses the two together, in both languages.
#[test]
fn an_open_room_refuses_a_facilitators_credential() {
    let secrets = tempfile::tempdir().unwrap();
    let facilitator = secrets.path().join("facilitator");
    std::fs::write(&facilitator, "conduire\n").unwrap();
    for (lang, words) in [("en", "would never be tried"), ("fr", "ne serait jamais essayé")] {
        // Under a time limit: a room that started would listen until killed.
        let refused = std::process::Command::new("timeout")
            .arg("20")
            .arg(common::binary())
            .args(["--catalogue", FIXTURE, "--lang", lang, "serve", "--open", "--listen", "127.0.0.1:0"])
            .args(["--presentation", TOUR, "--facilitator-password-file", facilitator.to_str().unwrap()])
            .env("XDG_DATA_HOME", secrets.path().join("data"))
            .output()
            .unwrap();
        let said = String::from_utf8_lossy(&refused.stderr);
        assert_eq!(refused.status.code(), Some(2), "{said}");
        assert!(said.contains(words), "{said}");
    }
}
