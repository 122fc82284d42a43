//! `boucle serve` driven by the real OpenSSH client (Debian's `openssh-client`, installed by
//! `.ci/run`), all on 127.0.0.1, each test on a fresh port with a host key of its own. The
//! dashboard is read in tmux panes running `ssh -t`; exec requests and refusals through `ssh`
//! itself; faults with raw TCP connections. After each test, the server must have no session
//! thread left (`ssh-session` and `search` threads counted in /proc).

use crate::common;

use std::io::Write;
use std::net::TcpStream;
use std::process::Command;
use std::time::{Duration, Instant};

use common::serve::*;

#[test]
fn a_participant_searches_resizes_and_quits_with_the_terminal_restored() {
    let server = Server::open();
    let tmux = Tmux::start();
    tmux.ssh(&server, "one", "en", (120, 40));
    tmux.wait_for("one", "the dashboard", ready);
    tmux.type_text("one", "/bethune");
    // The whole list shows until the search's results arrive, then only what matches.
    let screen = tmux.wait_for("one", "the search's results", |s| {
        s.contains("/ bethune") && !s.contains("searching") && !s.contains("Western Macedonia")
    });
    assert!(screen.contains("Béthune-Bruay") && screen.contains("Former mining sites"), "{screen}");

    tmux.run(&["resize-window", "-t", ":one", "-x", "80", "-y", "24"]);
    let screen = tmux.wait_for("one", "a redraw at 80 columns", |s| {
        let first_border = s.lines().nth(1).unwrap_or("");
        first_border.chars().count() == 80 && first_border.ends_with('┐')
            || first_border.ends_with('╮')
            || first_border.ends_with('┓')
    });
    assert!(screen.lines().all(|l| l.chars().count() <= 80), "{screen}");

    // Apart, so that the Esc is not read as Alt held with q.
    tmux.keys("one", &["Escape"]);
    std::thread::sleep(Duration::from_millis(300));
    tmux.keys("one", &["q"]);
    let screen = tmux.wait_for("one", "ssh to end", |s| s.contains("EXITED"));
    assert!(screen.contains("EXITED 0"), "{screen}");
    assert!(screen.contains("Goodbye"), "{screen}");
    assert_eq!(tmux.display("one", "#{alternate_on} #{cursor_flag} #{mouse_any_flag}"), "0 1 0");
    server.wait_for_no_session();
    assert!(server.log().contains("dashboard for en@127.0.0.1"), "{}", server.log());
}

#[test]
fn two_participants_do_not_see_each_others_query_or_language() {
    let server = Server::open();
    let tmux = Tmux::start();
    tmux.ssh(&server, "fr", "fr", (100, 30));
    tmux.ssh(&server, "en", "en-light", (100, 30));
    tmux.wait_for("fr", "the French dashboard", |s| s.contains("? aide"));
    tmux.wait_for("en", "the English dashboard", |s| s.contains("? help"));
    tmux.type_text("fr", "/kozani");
    tmux.keys("fr", &["Enter"]);
    tmux.wait_for("fr", "the French search's results", |s| {
        s.contains("/ kozani") && !s.contains("recherche…") && !s.contains("BringBack")
    });
    tmux.keys("en", &["Down", "Down"]);
    std::thread::sleep(Duration::from_millis(300));
    let english = tmux.screen("en");
    assert!(!english.contains("kozani"), "the query stays in its session:\n{english}");
    assert!(english.contains("12 results"), "{english}");
    let french = tmux.screen("fr");
    assert!(french.contains("/ kozani"), "{french}");
    // Accented letters arrive as UTF-8 over the channel and are typed whole.
    tmux.type_text("en", "/béthune");
    tmux.wait_for("en", "the accented query's results", |s| {
        s.contains("/ béthune") && !s.contains("searching") && !s.contains("Western Macedonia")
    });
    tmux.keys("en", &["Enter"]);
    assert!(!tmux.screen("fr").contains("béthune"), "{}", tmux.screen("fr"));
    tmux.keys("fr", &["q"]);
    tmux.keys("en", &["q"]);
    tmux.wait_for("fr", "fr to end", |s| s.contains("EXITED 0"));
    tmux.wait_for("en", "en to end", |s| s.contains("EXITED 0"));
    server.wait_for_no_session();
}

#[test]
fn the_one_over_the_session_limit_is_told_the_room_is_full() {
    let server = Server::start(&["--open", "--max-sessions", "1"]);
    let tmux = Tmux::start();
    tmux.ssh(&server, "first", "en", (100, 30));
    tmux.wait_for("first", "the first dashboard", ready);
    let second = server.ssh("fr", "", &["-tt"]);
    assert_eq!(second.status.code(), Some(1), "{second:?}");
    let said = String::from_utf8_lossy(&second.stdout).into_owned() + &String::from_utf8_lossy(&second.stderr);
    assert!(said.contains("La salle est pleine"), "{said}");
    tmux.keys("first", &["q"]);
    tmux.wait_for("first", "the first to leave", |s| s.contains("EXITED 0"));
    server.wait_for_no_session();
    assert!(server.log().contains("the room is full"), "{}", server.log());
}

#[test]
fn faults_leave_the_room_serving_the_others() {
    let server = Server::open();
    let tmux = Tmux::start();
    tmux.ssh(&server, "steady", "en", (100, 30));
    tmux.wait_for("steady", "a steady participant", ready);

    // A client that disconnects mid-frame: its ssh is killed while the dashboard draws.
    tmux.ssh(&server, "gone", "en", (200, 60));
    tmux.wait_for("gone", "the second dashboard", ready);
    tmux.type_text("gone", "/b");
    let ssh_pid = tmux.display("gone", "#{pane_pid}");
    let _ = Command::new("pkill").args(["-KILL", "-P", &ssh_pid, "-x", "ssh"]).status();

    // Garbage bytes, before and instead of an SSH greeting.
    for garbage in [&b"\x00\xff\xfe garbage\r\n"[..], b"SSH-2.0-x\r\n\x00\x00\x00\x10\xff\xff\xff\xff", &[0x1b; 4096]] {
        if let Ok(mut stream) = TcpStream::connect(("127.0.0.1", server.port)) {
            let _ = stream.write_all(garbage);
        }
    }

    // A thousand connections from one address: most are refused at once, none takes the room.
    let mut held = Vec::new();
    for _ in 0..1000 {
        if let Ok(stream) = TcpStream::connect(("127.0.0.1", server.port)) {
            held.push(stream);
        }
    }
    drop(held);

    // The steady participant still types and sees results.
    tmux.type_text("steady", "/kozani");
    tmux.wait_for("steady", "the steady participant's search", |s| {
        s.contains("/ kozani") && !s.contains("searching") && s.contains("Macedonia") && !s.contains("BringBack")
    });
    tmux.keys("steady", &["Escape"]);
    std::thread::sleep(Duration::from_millis(300));
    tmux.keys("steady", &["q"]);
    tmux.wait_for("steady", "the steady participant to leave", |s| s.contains("EXITED 0"));

    // New participants get in once the flood's address may connect again.
    // (One connection a second comes back to the flooding address.)
    let mut shown = String::new();
    wait_until("a new connection to be served", || {
        let output = server.exec(&["show", "bethune-bruay-mining-heritage"]);
        shown = String::from_utf8_lossy(&output.stdout).into_owned();
        output.status.success()
    });
    assert!(shown.contains("Béthune"), "{shown}");
    assert!(!server.log().contains("panicked"), "{}", server.log());
    server.wait_for_no_session();
    assert!(server.log().contains("refused: too many connections from 127.0.0.1"), "{}", server.log());
}

#[test]
fn sigterm_says_goodbye_to_everyone_and_exits_0() {
    let mut server = Server::open();
    let tmux = Tmux::start();
    tmux.ssh(&server, "one", "fr", (90, 28));
    tmux.wait_for("one", "the dashboard", |s| s.contains("? aide"));
    let pid = server.child.id().to_string();
    Command::new("kill").args(["-TERM", &pid]).status().unwrap();
    let screen = tmux.wait_for("one", "the goodbye", |s| s.contains("EXITED"));
    assert!(screen.contains("fermé la salle"), "{screen}");
    assert_eq!(tmux.display("one", "#{alternate_on} #{cursor_flag}"), "0 1");
    let start = Instant::now();
    let status = loop {
        if let Some(status) = server.child.try_wait().unwrap() {
            break status;
        }
        assert!(start.elapsed() < TIMEOUT, "the server did not exit");
        std::thread::sleep(POLL);
    };
    assert_eq!(status.code(), Some(0), "{}", server.log());
    assert!(server.log().contains("the room is closed"));
}

/// A participant's colours follow their own terminal, as the local dashboard's do: the pty
/// request's TERM (`xterm-256color`: the 256-colour palette), and COLORTERM when the client
/// sends it (`SetEnv COLORTERM=truecolor`: 24-bit colour). A 256-colour terminal given 24-bit
/// colour codes shows them wrong or not at all.
#[test]
fn a_participant_gets_the_colours_their_terminal_shows() {
    let server = Server::open();
    let tmux = Tmux::start_with(&["set -g default-terminal xterm-256color"]);
    tmux.ssh(&server, "palette", "en", (120, 40));
    tmux.ssh_with(&server, "rgb", "en", (120, 40), "-o SetEnv=COLORTERM=truecolor");
    for name in ["palette", "rgb"] {
        tmux.wait_for(name, "the dashboard", ready);
    }
    let coloured = |name: &str| {
        let target = format!(":{name}");
        String::from_utf8_lossy(&tmux.run(&["capture-pane", "-e", "-p", "-t", &target]).stdout).into_owned()
    };
    let palette = coloured("palette");
    assert!(palette.contains("38;5;") && !palette.contains("38;2;"), "{palette}");
    assert!(coloured("rgb").contains("38;2;"), "24-bit colour when COLORTERM says so");
    for name in ["palette", "rgb"] {
        tmux.keys(name, &["q"]);
        tmux.wait_for(name, "ssh to end", |s| s.contains("EXITED"));
    }
    server.wait_for_no_session();
}
