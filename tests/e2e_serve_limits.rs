//! The server's limits as a client meets them, through the real OpenSSH client (the others
//! are checked where they are built: `src/serve/limits.rs`, `input.rs`, `output.rs`,
//! `dashboard.rs`; the session limit in `e2e_serve.rs`).

mod common;

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
