//! Every signal that would end `boucle serve` closes the room as SIGTERM does: each
//! participant, in a real OpenSSH client in tmux, reads the goodbye and gets their terminal
//! back (main screen, cursor shown, mouse reporting off), and the server exits 0. A signal the
//! server was started with ignored (`nohup`) keeps the room open.

use crate::common;

use std::os::unix::process::CommandExt;

use common::serve::*;

/// SIGHUP is what a facilitator's closed window or lost SSH session sends; SIGQUIT is
/// Ctrl-\; SIGUSR1 and SIGRTMIN stand for the rest, which would all end the process.
#[test]
fn every_terminating_signal_says_goodbye_and_gives_the_terminals_back() {
    for signal in ["HUP", "QUIT", "INT", "USR1", "RTMIN"] {
        let mut server = Server::open();
        let tmux = Tmux::start();
        tmux.ssh(&server, "one", "en", (90, 28));
        tmux.wait_for("one", "the dashboard", ready);
        // Mouse reporting is on while the dashboard runs: the restore is what turns it off.
        assert_eq!(tmux.display("one", "#{alternate_on} #{mouse_any_flag}"), "1 1");
        server.signal(signal);
        let screen = tmux.wait_for("one", "the goodbye", |s| s.contains("EXITED"));
        assert!(screen.contains("The facilitator has closed the room"), "SIG{signal}:\n{screen}");
        assert_eq!(tmux.display("one", "#{alternate_on} #{cursor_flag} #{mouse_any_flag}"), "0 1 0", "SIG{signal}");
        let status = server.wait_for_exit();
        assert_eq!(status.code(), Some(0), "SIG{signal}:\n{}", server.log());
        let log = server.log();
        let named = if signal == "RTMIN" { "SIGRTMIN+0".to_string() } else { format!("SIG{signal}") };
        assert!(log.contains(&format!("closing the room ({named})")), "{log}");
        assert!(log.contains("the room is closed"), "{log}");
    }
}

/// `nohup boucle serve …` (or any start with SIGHUP ignored): the room outlives the terminal
/// it was started from, as the README says, and the log says so at start.
#[test]
fn a_room_started_with_sighup_ignored_outlives_its_terminal() {
    let mut server = Server::start_with(FIXTURE, &["--open"], |command| {
        // SAFETY: only async-signal-safe `signal` runs between fork and exec.
        unsafe {
            command.pre_exec(|| {
                libc::signal(libc::SIGHUP, libc::SIG_IGN);
                Ok(())
            });
        }
    });
    assert!(server.log().contains("SIGHUP was ignored when boucle started"), "{}", server.log());
    server.signal("HUP");
    std::thread::sleep(std::time::Duration::from_millis(500));
    let listed = server.exec(&["list", "--limit", "1"]);
    assert!(listed.status.success(), "still serving after SIGHUP: {listed:?}\n{}", server.log());
    assert!(server.child.try_wait().unwrap().is_none());
    server.signal("TERM");
    assert_eq!(server.wait_for_exit().code(), Some(0));
}
