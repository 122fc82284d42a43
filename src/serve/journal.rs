//! What the facilitator's terminal shows: one log line per connection, session and refusal
//! (never a password), and below them a live line of who is connected.

use std::collections::HashMap;
use std::fs::File;
use std::io::{IsTerminal, Write};
use std::net::IpAddr;
use std::os::fd::AsFd;
use std::sync::Mutex;
use std::time::{SystemTime, UNIX_EPOCH};

pub use crate::i18n::room::Repeat;
use crate::i18n::room::{Logged, logged};
use crate::text::Lang;

pub struct Journal {
    /// The facilitator's language, which every line is in.
    pub lang: Lang,
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

impl Journal {
    pub fn new(lang: Lang) -> Journal {
        // A handle of its own on stderr, which no other thread holds locked.
        let file = std::io::stderr().as_fd().try_clone_to_owned().ok().map(File::from);
        Journal {
            lang,
            live: std::io::stderr().is_terminal(),
            out: Mutex::new((String::new(), file)),
            finished: std::sync::atomic::AtomicBool::new(false),
            repeats: Mutex::default(),
        }
    }

    /// One line of the console, in the facilitator's language.
    pub fn log(&self, line: &Logged) {
        self.line(&logged(self.lang, line));
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
            self.log(&Logged::Repeated { kind, address: address.to_string(), connection: id });
        }
    }

    /// Sums up the repeats counted since the last call (once a second).
    pub fn tally(&self) {
        let repeats: Vec<((Repeat, IpAddr), u64)> =
            self.repeats.lock().unwrap_or_else(|p| p.into_inner()).drain().collect();
        for ((kind, address), count) in repeats {
            if count > 1 {
                self.log(&Logged::RepeatedMore { kind, address: address.to_string(), count: count - 1 });
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
        let clear = if self.live { erase(status) } else { String::new() };
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
        let width = ratatui::crossterm::terminal::size().map_or(80, |(columns, _)| usize::from(columns));
        let text = fit_lines(&text, width);
        let mut out = self.out.lock().unwrap_or_else(|p| p.into_inner());
        let (status, Some(err)) = &mut *out else { return };
        if *status == text {
            return;
        }
        let _ = write!(err, "{}{text}", erase(status));
        let _ = err.flush();
        *status = text;
    }

    /// A line was typed on the server's terminal: its Enter moved the cursor a line down, under
    /// the live lines, which are taken away (to be drawn again).
    pub fn typed(&self) {
        if !self.live {
            return;
        }
        let mut out = self.out.lock().unwrap_or_else(|p| p.into_inner());
        let (status, Some(err)) = &mut *out else { return };
        let _ = write!(err, "\x1b[A{}", erase(status));
        let _ = err.flush();
        status.clear();
    }

    /// Takes the live line away for good (at exit): the log ends with its last line.
    pub fn finish(&self) {
        self.finished.store(true, std::sync::atomic::Ordering::SeqCst);
        let mut out = self.out.lock().unwrap_or_else(|p| p.into_inner());
        let (status, Some(err)) = &mut *out else { return };
        if self.live && !status.is_empty() {
            let _ = write!(err, "{}", erase(status));
            let _ = err.flush();
        }
        status.clear();
    }
}

impl Default for Journal {
    fn default() -> Journal {
        Journal::new(Lang::En)
    }
}

/// Each of the live lines cut to the terminal's width: a line that wrapped would take two rows,
/// and [`erase`], which counts lines, would leave a copy of its first row in the log at each
/// update. One column is kept free: a line that fills the last one leaves the cursor pending
/// there, and some terminals wrap it at the next character.
fn fit_lines(text: &str, width: usize) -> String {
    let width = width.saturating_sub(1).max(1);
    text.split('\n').map(|line| crate::text::fit(line, width)).collect::<Vec<_>>().join("\n")
}

/// Takes the live lines away (the room's picks may stand above the live line), leaving the
/// cursor where the first one was.
fn erase(status: &str) -> String {
    let above = status.matches('\n').count();
    let mut out = String::from("\r\x1b[K");
    for _ in 0..above {
        out.push_str("\x1b[A\x1b[K");
    }
    out
}

fn clock() -> String {
    let seconds = SystemTime::now().duration_since(UNIX_EPOCH).map_or(0, |d| d.as_secs()) % 86_400;
    format!("{:02}:{:02}:{:02}Z", seconds / 3600, seconds / 60 % 60, seconds % 60)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The French live line is 86 columns; at 80 it wrapped and left a stale first row in the
    /// log at each update.
    #[test]
    fn live_lines_fit_the_terminal_so_erasing_them_leaves_nothing() {
        use unicode_width::UnicodeWidthStr;
        let live = "dans la salle : 3 (fr 2, en 1) · connexions : 4 · Ctrl-C ferme la salle · p Entrée : les choix de la salle";
        let picks = "choix de la salle : 1. Visite (4)";
        let fitted = fit_lines(&format!("{picks}\n{live}"), 80);
        let lines: Vec<&str> = fitted.split('\n').collect();
        assert_eq!(lines.len(), 2);
        assert_eq!(lines[0], picks);
        assert!(lines[1].width() < 80 && lines[1].ends_with('…'), "{}", lines[1]);
        assert_eq!(erase(&fitted).matches("\x1b[A").count(), 1, "one row up per line above");
        assert_eq!(fit_lines(live, 200), live);
    }
}
