//! What the facilitator's terminal shows: one log line per connection, session and refusal
//! (never a password), and below them a live line of who is connected.

use std::collections::HashMap;
use std::fs::File;
use std::io::{IsTerminal, Write};
use std::net::IpAddr;
use std::os::fd::FromRawFd;
use std::sync::Mutex;
use std::time::{SystemTime, UNIX_EPOCH};

pub struct Journal {
    /// The live line is drawn only on a terminal; a log file gets log lines only.
    live: bool,
    /// The live line, and the log's own handle on stderr: `std::io::stderr()` may be locked
    /// for the whole run by the thread that started the server.
    out: Mutex<(String, Option<File>)>,
    /// After [`Journal::finish`], no live line any more (connections still closing update it).
    finished: std::sync::atomic::AtomicBool,
    /// Events that come in floods, by kind and address, since the last [`Journal::tally`].
    repeats: Mutex<HashMap<(Repeat, IpAddr), u64>>,
}

/// Events a flood of connections repeats: the first of a kind from an address is logged at
/// once, the others are counted and summed up once a second, so an attack costs the
/// facilitator a line a second, not a thousand.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Repeat {
    /// Over the address's rate of new connections.
    RateLimited,
    /// The address already has its share of connections waiting to log in.
    AddressWaiting,
    /// Every place for connections waiting to log in is taken by one that began to.
    AllWaiting,
    /// A connection that had not asked to log in made way for a new one.
    Dropped,
    /// A connection did not log in within the grace time.
    Timeout,
}

impl Repeat {
    fn first(self, address: IpAddr, id: u64) -> String {
        match self {
            Repeat::RateLimited => format!("refused: too many connections from {address}"),
            Repeat::AddressWaiting => {
                format!("refused: connection from {address}: it has its share of connections waiting to log in")
            }
            Repeat::AllWaiting => {
                format!("refused: connection from {address}: every place for connections waiting to log in is taken")
            }
            Repeat::Dropped => {
                format!("connection {id}: {address} had not asked to log in; closed to make room for a new one")
            }
            Repeat::Timeout => format!("connection {id}: timeout before authentication from {address}; closed"),
        }
    }

    fn more(self, address: IpAddr, n: u64) -> String {
        match self {
            Repeat::RateLimited => format!("refused: {n} more connections from {address}"),
            Repeat::AddressWaiting | Repeat::AllWaiting => {
                format!("refused: {n} more connections from {address} while others wait to log in")
            }
            Repeat::Dropped => format!("closed {n} more connections from {address} that had not asked to log in"),
            Repeat::Timeout => format!("timeout before authentication: {n} more from {address}"),
        }
    }
}

impl Journal {
    pub fn new() -> Journal {
        // SAFETY: dup returns a new descriptor (or -1, checked) that the File then owns alone.
        let file = unsafe {
            let fd = libc::dup(libc::STDERR_FILENO);
            (fd >= 0).then(|| File::from_raw_fd(fd))
        };
        Journal {
            live: std::io::stderr().is_terminal(),
            out: Mutex::new((String::new(), file)),
            finished: std::sync::atomic::AtomicBool::new(false),
            repeats: Mutex::default(),
        }
    }

    /// An event of a kind that floods repeat (see [`Repeat`]); `id` is its connection's.
    pub fn repeated(&self, kind: Repeat, address: IpAddr, id: u64) {
        let count = {
            let mut repeats = self.repeats.lock().unwrap_or_else(|p| p.into_inner());
            let count = repeats.entry((kind, address)).or_insert(0);
            *count += 1;
            *count
        };
        if count == 1 {
            self.line(&kind.first(address, id));
        }
    }

    /// Sums up the repeats counted since the last call (once a second).
    pub fn tally(&self) {
        let repeats: Vec<((Repeat, IpAddr), u64)> =
            self.repeats.lock().unwrap_or_else(|p| p.into_inner()).drain().collect();
        for ((kind, address), count) in repeats {
            if count > 1 {
                self.line(&kind.more(address, count - 1));
            }
        }
    }

    /// One log line, with the time (UTC). Every string a client chose must reach it through
    /// [`crate::text::visible::client`] (escaped, cut); the line is checked again here, so no
    /// control, bidi or separator character reaches the facilitator's terminal whatever a
    /// caller forgot.
    pub fn line(&self, text: &str) {
        let mut out = self.out.lock().unwrap_or_else(|p| p.into_inner());
        let (status, Some(err)) = &mut *out else { return };
        let clear = if self.live { "\r\x1b[K" } else { "" };
        let _ = writeln!(err, "{clear}{} {}", clock(), crate::text::visible::line(text));
        if self.live && !status.is_empty() {
            let _ = write!(err, "{status}");
        }
        let _ = err.flush();
    }

    /// Replaces the live line.
    pub fn status(&self, text: String) {
        if !self.live || self.finished.load(std::sync::atomic::Ordering::SeqCst) {
            return;
        }
        let mut out = self.out.lock().unwrap_or_else(|p| p.into_inner());
        let (status, Some(err)) = &mut *out else { return };
        if *status == text {
            return;
        }
        let _ = write!(err, "\r\x1b[K{text}");
        let _ = err.flush();
        *status = text;
    }

    /// Takes the live line away for good (at exit): the log ends with its last line.
    pub fn finish(&self) {
        self.finished.store(true, std::sync::atomic::Ordering::SeqCst);
        let mut out = self.out.lock().unwrap_or_else(|p| p.into_inner());
        let (status, Some(err)) = &mut *out else { return };
        if self.live && !status.is_empty() {
            let _ = write!(err, "\r\x1b[K");
            let _ = err.flush();
        }
        status.clear();
    }
}

impl Default for Journal {
    fn default() -> Journal {
        Journal::new()
    }
}

fn clock() -> String {
    let seconds = SystemTime::now().duration_since(UNIX_EPOCH).map_or(0, |d| d.as_secs()) % 86_400;
    format!("{:02}:{:02}:{:02}Z", seconds / 3600, seconds / 60 % 60, seconds % 60)
}
