//! The signals that close the room. Every catchable signal whose default action would end the
//! server closes it as Ctrl-C does: each dashboard says goodbye and gives its participant's
//! terminal back, then the connections close and boucle exits 0. A signal the server was
//! started with ignored stays ignored (`nohup boucle serve …`: the room outlives the terminal
//! it was started from), as POSIX asks of programs that catch SIGHUP, SIGINT or SIGQUIT.
//!
//! Left out: the faults the kernel raises on a bad instruction or address (SIGSEGV, SIGBUS,
//! SIGILL, SIGFPE, SIGTRAP, SIGSYS, SIGABRT), after which no goodbye can be trusted, and
//! SIGPIPE, which Rust's runtime ignores so that a closed log pipe is an error to handle, not
//! a reason to end the room.

use std::io;

use tokio::signal::unix::{SignalKind, signal};
use tokio::sync::mpsc;

/// The signals with a name that close the room; the real-time ones follow them.
const NAMED: &[(libc::c_int, &str)] = &[
    (libc::SIGHUP, "SIGHUP"),
    (libc::SIGINT, "SIGINT"),
    (libc::SIGQUIT, "SIGQUIT"),
    (libc::SIGTERM, "SIGTERM"),
    (libc::SIGUSR1, "SIGUSR1"),
    (libc::SIGUSR2, "SIGUSR2"),
    (libc::SIGALRM, "SIGALRM"),
    (libc::SIGVTALRM, "SIGVTALRM"),
    (libc::SIGPROF, "SIGPROF"),
    (libc::SIGXCPU, "SIGXCPU"),
    (libc::SIGXFSZ, "SIGXFSZ"),
    #[cfg(any(target_os = "linux", target_os = "android"))]
    (libc::SIGIO, "SIGIO"),
    #[cfg(any(target_os = "linux", target_os = "android"))]
    (libc::SIGPWR, "SIGPWR"),
    #[cfg(any(target_os = "linux", target_os = "android"))]
    (libc::SIGSTKFLT, "SIGSTKFLT"),
];

/// A signal's name as `kill -l` gives it (`SIGHUP`, `SIGRTMIN+3`).
pub fn name(signal: libc::c_int) -> String {
    if let Some((_, name)) = NAMED.iter().find(|(number, _)| *number == signal) {
        return (*name).to_string();
    }
    #[cfg(any(target_os = "linux", target_os = "android"))]
    if (libc::SIGRTMIN()..=libc::SIGRTMAX()).contains(&signal) {
        return format!("SIGRTMIN+{}", signal - libc::SIGRTMIN());
    }
    format!("signal {signal}")
}

/// The signals that close the room, the real-time ones included.
fn closing() -> Vec<libc::c_int> {
    let mut all: Vec<libc::c_int> = NAMED.iter().map(|(number, _)| *number).collect();
    #[cfg(any(target_os = "linux", target_os = "android"))]
    all.extend(libc::SIGRTMIN()..=libc::SIGRTMAX());
    all
}

/// Whether `signal` was ignored when the server started (`nohup`, or a shell's background job).
fn ignored_at_start(signal: libc::c_int) -> bool {
    // SAFETY: a null new action only reads the current one into `old`, which is a valid,
    // zeroed `sigaction` for the duration of the call.
    unsafe {
        let mut old: libc::sigaction = std::mem::zeroed();
        libc::sigaction(signal, std::ptr::null(), &mut old) == 0 && old.sa_sigaction == libc::SIG_IGN
    }
}

/// What listening found: the channel each closing signal's number arrives on, and the
/// signals left ignored because they were ignored at start.
pub struct Listening {
    pub arrived: mpsc::UnboundedReceiver<libc::c_int>,
    pub ignored: Vec<libc::c_int>,
}

/// Listens for every closing signal (see the module's doc). Must run inside the runtime.
pub fn listen() -> io::Result<Listening> {
    let (sender, arrived) = mpsc::unbounded_channel();
    let mut ignored = Vec::new();
    for number in closing() {
        if ignored_at_start(number) {
            // SIGPIPE is ignored by Rust's runtime, never by the user: it is not in the list.
            ignored.push(number);
            continue;
        }
        let named = NAMED.iter().any(|(n, _)| *n == number);
        let mut stream = match signal(SignalKind::from_raw(number)) {
            Ok(stream) => stream,
            // A real-time signal the runtime cannot take (the last one, on some systems)
            // keeps its default action.
            Err(_) if !named => continue,
            Err(e) => return Err(e),
        };
        let sender = sender.clone();
        tokio::spawn(async move {
            while stream.recv().await.is_some() {
                if sender.send(number).is_err() {
                    return;
                }
            }
        });
    }
    Ok(Listening { arrived, ignored })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn signals_are_named_as_kill_names_them() {
        assert_eq!(name(libc::SIGHUP), "SIGHUP");
        assert_eq!(name(libc::SIGQUIT), "SIGQUIT");
        #[cfg(target_os = "linux")]
        assert_eq!(name(libc::SIGRTMIN() + 2), "SIGRTMIN+2");
        let closing = closing();
        for kept in [libc::SIGSEGV, libc::SIGPIPE, libc::SIGABRT, libc::SIGCHLD, libc::SIGWINCH] {
            assert!(!closing.contains(&kept), "{}", name(kept));
        }
    }
}
