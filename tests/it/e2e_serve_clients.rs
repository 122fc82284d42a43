//! What a hostile client cannot do to the room, tried with the real OpenSSH client and raw
//! TCP connections on 127.0.0.x: write into the facilitator's log (every string a client
//! chose is shown escaped and cut, as sshd's strnvis does), or keep participants out with
//! connections that never log in (a slowloris).

use crate::common;

use std::io::Read;
use std::net::TcpStream;
use std::os::fd::FromRawFd;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use common::serve::*;

/// The characters of the log that would act on the facilitator's terminal.
fn acting(c: char) -> bool {
    (c.is_control() && c != '\n')
        || matches!(c, '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// The tester's attacks: a user name of `AAAA`, 37 backspaces and a fake line (which rewrote a
/// log line and hid its time and connection number), and a refused command word carrying
/// BEL, BS, VT, FF, DEL, C1 CSI (U+009B), NEL and RLO, then one of 200,000 characters.
#[test]
fn client_strings_reach_the_log_escaped_and_cut() {
    let server = Server::open();
    let user = format!("AAAA{}FAKE LINE 10.0.0.66 ", "\u{8}".repeat(37));
    // Logged in (the open room lets anyone in), then refused a shell without a terminal.
    let output = server.ssh(&user, "", &["-T"]);
    assert_eq!(output.status.code(), Some(1), "{output:?}");
    let attacks = "list\u{7}\u{8}\u{b}\u{c}\u{7f}\u{9b}2J\u{85}\u{202e}txt";
    let refused = server.exec(&[attacks]);
    assert_eq!(refused.status.code(), Some(2), "{refused:?}");
    // 200,000 characters in one word on the server, quoted across two arguments (one
    // argument may not pass 128 KiB).
    let (first, second) = (format!("export --output='{}", "a".repeat(100_000)), format!("{}'", "a".repeat(100_000)));
    let refused = server.exec(&[&first, &second]);
    assert_eq!(refused.status.code(), Some(2), "{refused:?}");
    wait_until("both refusals in the log", || server.log().matches("refused: exec of").count() == 2);
    wait_until("the login in the log", || server.log().contains("logged in"));

    let log = server.log();
    assert!(!log.chars().any(acting), "nothing in the log acts on a terminal:\n{log:?}");
    let logged_in = log.lines().find(|l| l.contains("logged in")).expect("the login line");
    assert!(logged_in.contains(&format!("AAAA{}FAKE LINE", "\\x08".repeat(37))), "{logged_in}");
    assert!(logged_in.contains("@127.0.0.1:"), "the address stays on its line: {logged_in}");
    let shown = log.lines().find(|l| l.contains("list\\x07")).expect("the first refusal");
    assert!(shown.contains("list\\x07\\x08\\x0b\\x0c\\x7f\\x9b2J\\x85\\u{202e}txt"), "{shown}");
    let cut = log.lines().find(|l| l.contains("--output=aaa")).expect("the second refusal");
    assert!(cut.chars().count() < 200 && cut.contains("a…` from 127.0.0.1"), "{} characters: {cut}", cut.len());
}

/// A TCP connection from `address` (127.0.0.x) to the server, that sends nothing.
fn idle_connection(address: [u8; 4], port: u16) -> Option<TcpStream> {
    let to_sockaddr = |ip: [u8; 4], port: u16| libc::sockaddr_in {
        sin_family: libc::AF_INET as libc::sa_family_t,
        sin_port: port.to_be(),
        sin_addr: libc::in_addr { s_addr: u32::from_ne_bytes(ip) },
        sin_zero: [0; 8],
    };
    let size = size_of::<libc::sockaddr_in>() as libc::socklen_t;
    // SAFETY: a socket this function owns, bound and connected with valid, sized addresses,
    // then handed to a TcpStream that closes it.
    unsafe {
        let fd = libc::socket(libc::AF_INET, libc::SOCK_STREAM, 0);
        if fd < 0 {
            return None;
        }
        let stream = TcpStream::from_raw_fd(fd);
        let local = to_sockaddr(address, 0);
        let remote = to_sockaddr([127, 0, 0, 1], port);
        let bound = libc::bind(fd, (&raw const local).cast(), size) == 0;
        (bound && libc::connect(fd, (&raw const remote).cast(), size) == 0).then_some(stream)
    }
}

/// 150 idle TCP connections from 15 addresses (10 each, within every per-address limit the
/// test allows) would have filled the room's one pool of connections: a real participant
/// then failed with "Error reading SSH protocol banner". Connections waiting to log in have a
/// budget of their own, in which silent ones make way: a participant already in keeps
/// working, and a new one gets in at once, while the idle connections are still open.
#[test]
fn idle_connections_never_keep_a_participant_out() {
    let server = Server::start(&["--open", "--max-sessions", "10", "--connections-per-minute", "6000"]);
    let tmux = Tmux::start();
    tmux.ssh(&server, "in", "en", (100, 30));
    tmux.wait_for("in", "a participant already in", ready);

    let idle: Vec<TcpStream> = (2..17u8)
        .flat_map(|host| (0..10).filter_map(move |_| idle_connection([127, 0, 0, host], server.port)))
        .collect();
    assert!(idle.len() >= 140, "{} idle connections", idle.len());
    // Older than a client takes to ask to log in: idle.
    std::thread::sleep(Duration::from_millis(2500));

    let started = Instant::now();
    let listed = server.exec(&["list", "--limit", "1"]);
    assert!(listed.status.success(), "a new participant gets in: {listed:?}\n{}", server.log());
    assert!(String::from_utf8_lossy(&listed.stdout).contains("1 of 12 entries"), "{listed:?}");
    tmux.type_text("in", "/kozani");
    tmux.wait_for("in", "the participant already in searches", |s| s.contains("/ kozani") && !s.contains("BringBack"));
    // Within the login grace time (20 s): no idle connection had to time out first.
    assert!(started.elapsed() < Duration::from_secs(15), "{:?}", started.elapsed());
    assert!(server.log().contains("had not asked to log in; closed to make room"), "{}", server.log());
    drop(idle);
    tmux.keys("in", &["Escape"]);
    std::thread::sleep(Duration::from_millis(300));
    tmux.keys("in", &["q"]);
    tmux.wait_for("in", "the participant to leave", |s| s.contains("EXITED 0"));
    server.wait_for_no_session();
}

/// A connection that does not log in within the grace time (`--login-grace-seconds`) is
/// closed, and the log says "timeout before authentication" with its address: one that
/// never sends a byte, and one that greets and then stalls in the key exchange (where an SSH
/// disconnect is not taken).
#[test]
fn a_connection_that_does_not_log_in_in_time_is_closed_and_logged() {
    use std::io::Write;
    let server = Server::start(&["--open", "--login-grace-seconds", "2"]);
    let silent = idle_connection([127, 0, 0, 7], server.port).expect("a connection");
    let mut stalled = idle_connection([127, 0, 0, 8], server.port).expect("a connection");
    stalled.write_all(b"SSH-2.0-stalled\r\n").unwrap();
    let started = Instant::now();
    for mut connection in [silent, stalled] {
        connection.set_read_timeout(Some(TIMEOUT)).unwrap();
        // The server's greeting (and key exchange offer), then the end of the connection.
        let mut received = Vec::new();
        let _ = connection.read_to_end(&mut received);
        assert!(String::from_utf8_lossy(&received).starts_with("SSH-2.0-boucle"), "{received:?}");
    }
    assert!(started.elapsed() < Duration::from_secs(10), "closed after {:?}", started.elapsed());
    for address in ["127.0.0.7", "127.0.0.8"] {
        wait_until("the timeouts in the log", || {
            server.log().contains(&format!("timeout before authentication from {address}"))
        });
    }
}

/// A FIFO given as the host key is refused at once, naming what it is (reading it would wait
/// for a writer forever, and the room would never start).
#[test]
fn a_fifo_as_the_host_key_is_refused_at_once() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("key");
    assert!(Command::new("mkfifo").arg(&fifo).status().unwrap().success());
    let output = Command::new("timeout")
        .arg("20")
        .arg(binary())
        .args(["serve", "--open", "--listen", &format!("127.0.0.1:{}", free_port())])
        .arg("--host-key")
        .arg(&fifo)
        .args(["--catalogue", FIXTURE, "--lang", "en"])
        .stdin(Stdio::null())
        .output()
        .unwrap();
    let said = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(1), "not waited on (timeout exits 124): {said}");
    assert!(said.contains("is a FIFO (named pipe), not a regular file"), "{said}");
}

/// A command the room runs, with an option it refuses, is told which option (a trial read the
/// generic "only these commands run here: `list` …" for `list --catalogue /`); and a client whose
/// terminal is TERM=dumb is told, as the local dashboard tells it, what works there, and the
/// connection closes (a trial got the full dashboard as escape codes).
#[test]
fn a_refused_option_is_named_and_a_dumb_terminal_is_told_what_works() {
    let server = Server::open();
    let refused = server.exec(&["list", "--catalogue", "/"]);
    assert_eq!(refused.status.code(), Some(2), "{refused:?}");
    let said = String::from_utf8_lossy(&refused.stderr);
    assert!(said.contains("--catalogue is not accepted here") && !said.contains("only these commands"), "{said}");
    assert!(refused.stdout.is_empty());

    let tmux = Tmux::start();
    let command = format!(
        "env LANG=C.UTF-8 TERM=dumb ssh -t -F {} -p {} en@127.0.0.1; echo EXITED $?; exec sleep 600",
        server.ssh_config().display(),
        server.port
    );
    tmux.open("dumb", (100, 30), server.dir.path(), &command, &[]);
    let screen = tmux.wait_for("dumb", "the refusal", |s| s.contains("EXITED"));
    assert!(screen.contains("(TERM=dumb) cannot show the dashboard") && screen.contains("EXITED 2"), "{screen}");
    assert!(!screen.contains("? help"), "no dashboard drawn\n{screen}");
}
