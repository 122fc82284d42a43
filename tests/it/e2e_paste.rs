//! A paste of a megabyte, and what must hold around it (#19 item 1), with the release binary:
//! in tmux, a bracketed paste (`tmux load-buffer`, `paste-buffer -p`) into the query box is
//! one edit: the box keeps its first 256 characters and says so, the next keys work at once,
//! SIGTERM sent while a second megabyte is being pasted ends boucle with the terminal given
//! back, and a window closed mid-paste ends it. Over SSH, a participant who leaves in the
//! middle of a megabyte's paste frees their session, and the room lets the next one in.
//!
//! Each wait has the harness's generous limit (a loaded CI machine): what is asserted is that
//! these things happen at all — before, each of them waited minutes behind the paste, one
//! search per pasted character. How fast they happen is measured by the paste benchmark
//! (`cargo run --release --example bench -- --paste`, BENCHMARKS.md).

use crate::common;

use std::io::Write;
use std::process::{Command, Stdio};

use common::serve::Server;
use common::terminal::{KillOnDrop, Launch, alive, wait_for_end};
use common::tmux::Tmux;

/// A megabyte of words, no line breaks: what a careless paste of a long document gives.
fn megabyte(dir: &std::path::Path) -> std::path::PathBuf {
    let words = "aimants terres rares recyclage Béthune friche minière zinc plomb ";
    let text: String = words.repeat(1_000_000 / words.len() + 1);
    let path = dir.join("megabyte.txt");
    std::fs::write(&path, text).unwrap();
    path
}

fn paste(tmux: &Tmux, window: &str, file: &std::path::Path) {
    tmux.run(&["load-buffer", file.to_str().unwrap()]);
    tmux.run(&["paste-buffer", "-p", "-t", &format!(":{window}")]);
}

#[test]
fn a_megabyte_pasted_is_one_edit_then_keys_and_sigterm_work_at_once() {
    let tmux = Tmux::start();
    let file = megabyte(&tmux.path(""));
    let boucle = tmux.boucle("boucle", Launch::dashboard());
    boucle.wait_for_dashboard();
    boucle.keys(&["/"]);
    paste(&tmux, "boucle", &file);
    // The box keeps what it holds, and says why the rest is not there.
    boucle.wait_for("the paste cut and said so", |s| s.contains("Cut at 256 characters"));
    let screen = boucle.screen();
    // The cursor after the paste is at its end, which the box scrolls to (its start hidden).
    let line = screen.lines().next().unwrap_or("");
    assert!(line.contains("/ …") && line.contains("minière zinc"), "{screen}");
    // The next keys are read at once: the query replaced, its results on screen.
    boucle.keys(&["C-u"]);
    boucle.type_text("zinc");
    boucle.wait_for("the next query's results", |s| s.contains("A zinc loop"));
    // A second megabyte, and SIGTERM while it comes in: boucle ends, the terminal given back.
    paste(&tmux, "boucle", &file);
    boucle.signal("TERM");
    assert_eq!(boucle.wait_for_exit(), 143, "ended by SIGTERM");
    boucle.assert_restored();
}

/// The window closes while a megabyte is being pasted, boucle in a session of its own (no
/// SIGHUP comes): it ends, rather than working through the paste as an orphan.
#[test]
fn a_window_closed_mid_paste_ends_boucle() {
    let tmux = Tmux::start();
    let file = megabyte(&tmux.path(""));
    let script = r#"env -u LC_ALL -u BOUCLE_CATALOGUE LANG=C.UTF-8 XDG_DATA_HOME="$1" setsid "$2" --catalogue "$3"; exec sleep 600"#;
    let data = tmux.path("data");
    let binary = common::binary();
    let args = [data.to_str().unwrap(), binary.to_str().unwrap(), common::terminal::FIXTURE];
    tmux.open("boucle", (80, 24), std::path::Path::new(env!("CARGO_MANIFEST_DIR")), script, &args);
    tmux.wait_for("boucle", "the dashboard", |s| s.contains("? help"));
    let children = common::terminal::children(tmux.pane_pid("boucle"));
    assert_eq!(children.len(), 1, "{children:?}");
    let pid = children[0];
    let _guard = KillOnDrop(pid);
    tmux.keys("boucle", &["/"]);
    paste(&tmux, "boucle", &file);
    // Time for the paste to reach boucle (tmux writes it as boucle reads it), so that the window
    // closes with boucle at work on it, as when a user gives up on a frozen window.
    std::thread::sleep(std::time::Duration::from_secs(1));
    tmux.kill_server();
    wait_for_end(pid);
    assert!(!alive(pid));
}

/// A participant starts pasting a megabyte (no end marker comes: they leave in the middle), then
/// their client goes. The session ends and its threads are freed; the next participant gets a
/// dashboard.
#[test]
fn a_participant_who_leaves_mid_paste_frees_their_session() {
    let server = Server::open();
    let mut client = Command::new("ssh")
        .args(["-tt", "-F", server.ssh_config().to_str().unwrap(), "-p", &server.port.to_string()])
        .arg("en@127.0.0.1")
        .env("LANG", "C.UTF-8")
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("ssh runs");
    let mut typed = client.stdin.take().unwrap();
    common::serve::wait_until("the session to start", || server.threads("ssh-session") == 1);
    // Written on a thread of its own: a server that reads slowly must not hang the test.
    let writer = std::thread::spawn(move || {
        let _ = typed.write_all(b"/\x1b[200~");
        let chunk = "terres rares aimants ".repeat(1000);
        let mut sent = 0;
        while sent < 1_000_000 && typed.write_all(chunk.as_bytes()).is_ok() {
            sent += chunk.len();
        }
        let _ = typed.flush();
    });
    let start = std::time::Instant::now();
    while !writer.is_finished() && start.elapsed() < std::time::Duration::from_secs(5) {
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    // The client goes, mid-paste.
    let _ = client.kill();
    let _ = client.wait();
    let _ = writer.join();
    server.wait_for_no_session();
    common::serve::wait_until("the log to say the client went", || server.log().contains("ended (client gone)"));
    // The room has its place back.
    let next = server.exec(&["list", "--query", "zinc"]);
    assert!(next.status.success(), "{}", String::from_utf8_lossy(&next.stderr));
}
