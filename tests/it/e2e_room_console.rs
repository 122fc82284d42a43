//! The facilitator's side of a room (#21 items 3, 5, 6), with the real OpenSSH client in tmux
//! on 127.0.0.1: a facilitator who logs in with their key (`--facilitator-keys`) drives while
//! participants who came in with the room password follow; the console (the facilitator's
//! session turned with Tab, and `boucle present TOUR --console` on the server's machine,
//! through the socket) shows the room's live picks, `p` presents them to the room, and `l`
//! posts and clears the room line — never a participant. Locally, when the process holding
//! the presentation quits, the other takes it over at the same stop.

use crate::common;

use common::serve::*;

const TOUR: &str = "peer-review-lille-2025";

#[test]
fn a_facilitators_key_drives_the_console_shows_the_picks_and_posts_the_room_line() {
    let keys = tempfile::tempdir().unwrap();
    let key = keygen(keys.path(), "animatrice");
    let public = keys.path().join("animatrice.pub");
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
    let key_only = format!("-o PubkeyAuthentication=yes -o PasswordAuthentication=no -i {}", key.display());
    tmux.ssh_with(&server, "fac", "en", (120, 40), &key_only);
    tmux.wait_for("fac", "the facilitator's projector", |s| s.contains("1/4") && s.contains("Peer review in Lille"));
    for name in ["one", "two"] {
        tmux.ssh_password(&server, name, "en", "aimant2026");
        tmux.wait_for(name, "the participant's line", |s| {
            ready(s) && s.contains("The facilitator is at stop 1/4 — f to follow")
        });
        tmux.keys(name, &["f"]);
        tmux.wait_for(name, "following", |s| s.contains("Following, stop 1/4"));
    }
    let log = server.log();
    assert_eq!(log.matches("logged in (facilitator's key").count(), 1, "{log}");
    assert_eq!(log.matches("logged in (room password)").count(), 2, "{log}");

    // The key's session drives: one → and both participants are on stop 2/4.
    tmux.keys("fac", &["Right"]);
    for name in ["one", "two"] {
        tmux.wait_for(name, "stop 2/4", |s| s.contains("Following, stop 2/4"));
    }

    // The server's machine has the console too, through the socket: it lands on stop 2.
    present_window(&tmux, runtime.path(), "console", TOUR, true);
    tmux.wait_for("console", "the console at stop 2", |s| s.contains("Presenter console") && s.contains("stop 2/4"));

    // Both participants mark the stop on screen; one marks the next too. The consoles count them.
    // Each mark is seen (the stop starred) before the facilitator moves on.
    for name in ["one", "two"] {
        tmux.keys(name, &["m"]);
        tmux.wait_for(name, "the stop marked", |s| s.contains("★ Following, stop 2/4"));
    }
    tmux.keys("fac", &["Right"]);
    tmux.wait_for("one", "stop 3/4", |s| s.contains("Following, stop 3/4"));
    tmux.keys("one", &["m"]);
    tmux.wait_for("one", "the stop marked", |s| s.contains("★ Following, stop 3/4"));
    tmux.keys("fac", &["Tab"]);
    tmux.wait_for("fac", "the picks on the facilitator's console", |s| {
        s.contains("The room's picks · 2 participants marked entries")
            && s.contains("1.   2 × A zinc loop")
            && s.contains("2.   1 × Former mining sites")
    });
    tmux.wait_for("console", "the picks on this machine's console", |s| {
        s.contains("2 participants marked entries") && s.contains("1.   2 × A zinc loop")
    });
    for name in ["one", "two"] {
        assert!(!tmux.screen(name).contains("The room's picks"), "{}", tmux.screen(name));
    }

    // `p` presents the picks to the room, ranked; again, the tour comes back at its stop.
    tmux.keys("console", &["p"]);
    for name in ["one", "two"] {
        tmux.wait_for(name, "the first pick", |s| s.contains("The room's pick 1/2: marked by 2 of 2"));
    }
    tmux.keys("fac", &["Right"]);
    tmux.wait_for("two", "the second pick", |s| s.contains("The room's pick 2/2: marked by 1 of 2"));
    tmux.keys("fac", &["p"]);
    tmux.wait_for("one", "back to the tour", |s| s.contains("Following, stop 3/4"));

    // `l` posts the room line from the facilitator's session; a participant's `l` posts nothing.
    tmux.keys("two", &["l"]);
    std::thread::sleep(std::time::Duration::from_millis(300));
    assert!(!tmux.screen("two").contains("Line for the room"), "{}", tmux.screen("two"));
    tmux.keys("fac", &["l"]);
    tmux.wait_for("fac", "the line's box", |s| s.contains("Line for the room"));
    tmux.type_text("fac", "Next: the Battri visit");
    tmux.keys("fac", &["Enter"]);
    tmux.wait_for("one", "the room line", |s| s.contains("📣 Next: the Battri visit"));
    tmux.wait_for("console", "the room line on the console", |s| s.contains("📣 Next: the Battri visit"));
    // The console on this machine clears it with an empty line.
    tmux.keys("console", &["l"]);
    tmux.wait_for("console", "the line's box", |s| s.contains("Line for the room"));
    tmux.keys("console", &["Enter"]);
    tmux.wait_for("one", "the room line cleared", |s| !s.contains("Battri visit") && s.contains("stop 3/4"));
    for name in ["fac", "one", "two", "console"] {
        tmux.keys(name, &["C-c"]);
    }
}

/// Locally: the projector started first holds the presentation; when it quits, the console
/// takes it over at the same stop and its keys still move it, and a projector started then
/// attaches to the console at the current stop.
#[test]
fn the_console_takes_over_when_the_projector_quits() {
    let runtime = crate::common::serve::runtime_dir();
    let tmux = Tmux::start();
    present_window(&tmux, runtime.path(), "projector", TOUR, false);
    tmux.wait_for("projector", "the projector", |s| s.contains("1/4") && s.contains("Peer review in Lille"));
    present_window(&tmux, runtime.path(), "console", TOUR, true);
    tmux.wait_for("console", "the console", |s| s.contains("Presenter console") && s.contains("stop 1/4"));
    tmux.keys("console", &["Right"]);
    tmux.wait_for("projector", "stop 2", |s| s.contains("2/4"));
    tmux.keys("projector", &["q"]);
    tmux.wait_for("projector", "the projector's end", |s| s.contains("EXITED 0"));
    tmux.keys("console", &["Right"]);
    tmux.wait_for("console", "the console, now holding the presentation, at stop 3", |s| s.contains("stop 3/4"));
    present_window(&tmux, runtime.path(), "again", TOUR, false);
    tmux.wait_for("again", "a new projector at the current stop", |s| s.contains("3/4"));
    tmux.keys("again", &["Left"]);
    tmux.wait_for("console", "driven by the new projector", |s| s.contains("stop 2/4"));
    let socket = runtime.path().join(format!("boucle-present-{TOUR}.sock"));
    let mode = std::fs::metadata(&socket).unwrap();
    assert_eq!(std::os::unix::fs::PermissionsExt::mode(&mode.permissions()) & 0o777, 0o600);
    for name in ["again", "console"] {
        tmux.keys(name, &["q"]);
        tmux.wait_for(name, "the end", |s| s.contains("EXITED 0"));
    }
    assert!(!socket.exists(), "the console that took over removes the socket when it ends");
}
