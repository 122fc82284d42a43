//! The server's limits as a client meets them, through the real OpenSSH client (the others
//! are checked where they are built: `src/serve/limits.rs`, `input.rs`, `output.rs`,
//! `dashboard.rs`; the session limit in `e2e_serve.rs`).

use crate::common;

use common::serve::*;

/// One connection a minute from an address: the server's own readiness probe takes it, so
/// the next connection from 127.0.0.1 is closed at once, ssh fails, and the facilitator's log
/// says why, once.
#[test]
fn connections_beyond_the_rate_are_closed_and_logged() {
    let server = Server::start(&["--open", "--connections-per-minute", "1"]);
    let refused = server.exec(&["list", "--limit", "1"]);
    assert_eq!(refused.status.code(), Some(255), "ssh fails: {refused:?}");
    assert!(refused.stdout.is_empty(), "{refused:?}");
    wait_until("the refusal in the log", || server.log().contains("refused: too many connections from 127.0.0.1"));
    let again = server.exec(&["list", "--limit", "1"]);
    assert_eq!(again.status.code(), Some(255), "still refused: {again:?}");
    assert_eq!(server.log().matches("too many connections").count(), 1, "one line, not one per try:\n{}", server.log());
}

/// Authentication attempts per connection are 6, as OpenSSH's MaxAuthTries counts them (the
/// client's first "none" probe included): a client that would try ten passwords is told
/// `Too many authentication attempts` and disconnected after a few (four with the OpenSSH of
/// this machine), each wrong one logged, never the password itself.
#[test]
fn a_connection_gets_six_authentication_attempts() {
    let server = Server::start(&["--password-file", "{dir}/password"]);
    let config = server.ssh_config();
    let mut text = std::fs::read_to_string(&config).unwrap();
    text = text.replace("NumberOfPasswordPrompts 1", "NumberOfPasswordPrompts 10");
    std::fs::write(&config, text).unwrap();
    let output = server.ssh("fr", "wrong-guess", &["-T"]);
    let said = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(255), "{said}");
    assert!(said.contains("Too many authentication attempts"), "{said}");
    let log = server.log();
    let wrong = log.matches("refused a wrong password").count();
    assert!((1..=6).contains(&wrong), "{wrong} tries:\n{log}");
    assert!(!log.contains("wrong-guess"), "no password in the log:\n{log}");
}
