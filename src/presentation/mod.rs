//! A presentation as shared state: a deck (a tour's stops, a list of entries, or the room's
//! picks), the stop it is on, blank or not, the line posted for the room, and — for the views
//! that drive only — the room's picks as they stand. It has exactly one driver
//! — the [`Hub`] that applies [`Drive`] messages in order — and any number of views (the
//! projector, the facilitator's console, participants who follow), each of which draws the
//! current stop at its own size, in its own language and theme.
//!
//! The protocol is the same everywhere: [`Drive`] messages go to the hub, [`Stage`]s come back
//! to every view. Within a process (the room) they are values passed to the hub; between
//! processes on one laptop (`boucle present TOUR` beside `boucle present TOUR --console`) they
//! are the same values, one JSON object a line, over a Unix socket in the user's runtime
//! folder ([`socket`]).
//!
//! Nothing here knows about terminals: the clock is given (milliseconds since the Unix epoch),
//! so the state machine is tested without waiting.

pub mod hub;
pub mod socket;
pub mod wire;

pub use hub::{Driver, Hub};

use serde::{Deserialize, Serialize};

use crate::text::{Lines, fit, sanitize};

/// The longest room line, in terminal columns: one status line, beside the rest.
pub const ROOM_LINE_COLUMNS: usize = 80;

/// What is presented.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Deck {
    /// A tour's stops, by the tour's id: each view reads the stops from its own catalogue.
    Tour(String),
    /// Entries by id, in order (a shortlist, results).
    Entries(Vec<String>),
    /// The room's picks, most marked first, presented for the room to discuss (`p`): the
    /// counts go with the ids, as every view shows them.
    Picks(RoomPicks),
}

impl Deck {
    /// The entries' ids, in order, when the deck is a list of them.
    pub fn ids(&self) -> Option<Vec<&str>> {
        match self {
            Deck::Tour(_) => None,
            Deck::Entries(ids) => Some(ids.iter().map(String::as_str).collect()),
            Deck::Picks(picks) => Some(picks.ranked.iter().map(|(id, _)| id.as_str()).collect()),
        }
    }
}

/// The room's picks: how many participants marked each entry, most first, and how many marked
/// anything — never who.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct RoomPicks {
    pub participants: usize,
    pub ranked: Vec<(String, usize)>,
}

/// What the driver asks for. The only way a presentation changes.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Drive {
    Next,
    Prev,
    First,
    Last,
    /// A stop by its place (from 0), kept within the deck.
    Goto(usize),
    /// The room rests: the projector's black screen, a quiet pause screen for followers, the
    /// clocks stand still; again (or a step) to come back.
    Blank,
    /// The room's picks presented (the deck set aside, kept at its stop), again to come back
    /// to it. Without picks, nothing changes: the hub presents only the picks it was told.
    Picks,
    /// The line shown on every participant's status line; `None` clears it.
    RoomLine(Option<String>),
}

/// The shared state every view draws from.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Stage {
    pub deck: Deck,
    /// Where the presentation is, from 0.
    pub stop: usize,
    /// How many stops the deck has.
    pub stops: usize,
    pub blank: bool,
    /// The room line, cleaned and cut ([`clean_line`]).
    pub line: Option<String>,
    /// Time on the whole presentation and on this stop, as of `at_ms`; the clocks stand still
    /// while the room rests (blank).
    pub total_ms: u64,
    pub stop_ms: u64,
    /// When the clocks were last read (milliseconds since the Unix epoch).
    pub at_ms: u64,
    /// Counts every change: a view keeps only the newest stage.
    pub version: u64,
    /// Who is in the room, for the console (none outside a room).
    #[serde(default)]
    pub room: Option<RoomCount>,
    /// The room's picks now, for the views that drive (the hub never tells them to a
    /// follower); none outside a room.
    #[serde(default)]
    pub picks: Option<RoomPicks>,
    /// While the picks are presented: the deck they set aside, its stop and its length.
    #[serde(default)]
    pub aside: Option<Box<(Deck, usize, usize)>>,
}

/// The room, as the console shows it: who is connected, and how many of them follow.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RoomCount {
    pub connected: usize,
    pub following: usize,
}

impl Stage {
    /// A presentation of `stops` stops, on its first, started at `now_ms`.
    pub fn new(deck: Deck, stops: usize, now_ms: u64) -> Stage {
        Stage {
            deck,
            stop: 0,
            stops,
            blank: false,
            line: None,
            total_ms: 0,
            stop_ms: 0,
            at_ms: now_ms,
            version: 0,
            room: None,
            picks: None,
            aside: None,
        }
    }

    /// Applies a drive at `now_ms`; says whether anything changed (a step past the last stop
    /// changes nothing).
    pub fn apply(&mut self, drive: &Drive, now_ms: u64) -> bool {
        let before = self.clone();
        self.settle(now_ms);
        let last = self.stops.saturating_sub(1);
        let to = |stage: &mut Stage, stop: usize| {
            let stop = stop.min(last);
            if stop != stage.stop {
                stage.stop = stop;
                stage.stop_ms = 0;
            }
            // A step brings the screen back, as a projector's next click does.
            stage.blank = false;
        };
        match drive {
            Drive::Next => to(self, self.stop + 1),
            Drive::Prev => to(self, self.stop.saturating_sub(1)),
            Drive::First => to(self, 0),
            Drive::Last => to(self, last),
            Drive::Goto(stop) => to(self, *stop),
            Drive::Blank => self.blank = !self.blank,
            Drive::Picks => self.toggle_picks(),
            Drive::RoomLine(line) => self.line = line.as_deref().and_then(clean_line),
        }
        let changed = Stage { total_ms: before.total_ms, stop_ms: before.stop_ms, at_ms: before.at_ms, ..self.clone() }
            != Stage { version: before.version, ..before.clone() };
        if changed {
            self.version += 1;
        }
        changed
    }

    /// The picks presented from their first, or the deck they set aside brought back at its stop.
    fn toggle_picks(&mut self) {
        if let Some(aside) = self.aside.take() {
            let (deck, stop, stops) = *aside;
            (self.deck, self.stop, self.stops) = (deck, stop, stops);
        } else if let Some(picks) = self.picks.clone().filter(|p| !p.ranked.is_empty()) {
            let stops = picks.ranked.len();
            let deck = std::mem::replace(&mut self.deck, Deck::Picks(picks));
            self.aside = Some(Box::new((deck, self.stop, self.stops)));
            (self.stop, self.stops) = (0, stops);
        } else {
            return;
        }
        self.stop_ms = 0;
        self.blank = false;
    }

    /// The stage as a follower is told it: without the room's live picks.
    pub fn for_follower(&self) -> Stage {
        Stage { picks: None, ..self.clone() }
    }

    /// Brings the clocks up to `now_ms`.
    fn settle(&mut self, now_ms: u64) {
        let passed = now_ms.saturating_sub(self.at_ms);
        if !self.blank {
            self.total_ms += passed;
            self.stop_ms += passed;
        }
        self.at_ms = self.at_ms.max(now_ms);
    }

    /// Time on the whole presentation at `now_ms`.
    pub fn total_at(&self, now_ms: u64) -> u64 {
        if self.blank { self.total_ms } else { self.total_ms + now_ms.saturating_sub(self.at_ms) }
    }

    /// Time on this stop at `now_ms`.
    pub fn stop_at(&self, now_ms: u64) -> u64 {
        if self.blank { self.stop_ms } else { self.stop_ms + now_ms.saturating_sub(self.at_ms) }
    }

    /// Followers see the quiet pause screen.
    pub fn resting(&self) -> bool {
        self.blank
    }
}

/// A room line as catalogue text is cleaned (nothing that drives or spoofs a terminal, one
/// line) and cut to [`ROOM_LINE_COLUMNS`]; nothing left is no line.
pub fn clean_line(raw: &str) -> Option<String> {
    let cleaned = sanitize(raw, Lines::Single);
    let trimmed = cleaned.trim();
    (!trimmed.is_empty()).then(|| fit(trimmed, ROOM_LINE_COLUMNS))
}

/// Milliseconds since the Unix epoch, the clock every view shares (the projector and the
/// console are two processes).
pub fn now_ms() -> u64 {
    std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_millis() as u64)
}

/// Seconds since midnight, local time (the programme's "09:30" is the room's clock).
pub fn local_seconds(now_ms: u64) -> u32 {
    let time = (now_ms / 1000) as libc::time_t;
    // SAFETY: localtime_r reads `time` and writes only into `tm`, a value on our stack; it is
    // the thread-safe form.
    let mut tm: libc::tm = unsafe { std::mem::zeroed() };
    let done = unsafe { libc::localtime_r(&raw const time, &raw mut tm) };
    if done.is_null() {
        return (now_ms / 1000 % 86_400) as u32;
    }
    (tm.tm_hour * 3600 + tm.tm_min * 60 + tm.tm_sec) as u32
}

/// A stop's time when it is a clock time ("09:30", "9h30", "14 h"): seconds since midnight.
pub fn clock_time(text: &str) -> Option<u32> {
    let text = text.trim();
    let (h, m) = text.split_once([':', 'h']).map_or((text, ""), |(h, m)| (h.trim(), m.trim()));
    let h: u32 = h.parse().ok()?;
    let m: u32 = if m.is_empty() { 0 } else { m.parse().ok()? };
    (h < 24 && m < 60).then_some(h * 3600 + m * 60)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tour(stops: usize) -> Stage {
        Stage::new(Deck::Tour("t".into()), stops, 1_000)
    }

    #[test]
    fn steps_stay_within_the_deck_and_count_as_changes() {
        let mut stage = tour(3);
        assert!(!stage.apply(&Drive::Prev, 1_000), "before the first stop is no change");
        assert!(stage.apply(&Drive::Next, 1_000));
        assert!(stage.apply(&Drive::Next, 1_000));
        assert_eq!(stage.stop, 2);
        assert!(!stage.apply(&Drive::Next, 1_000), "past the last stop is no change");
        assert_eq!((stage.stop, stage.version), (2, 2));
        assert!(stage.apply(&Drive::First, 1_000));
        assert_eq!(stage.stop, 0);
        assert!(stage.apply(&Drive::Goto(99), 1_000));
        assert_eq!(stage.stop, 2);
    }

    #[test]
    fn blank_toggles_and_a_step_brings_the_screen_back() {
        let mut stage = tour(3);
        stage.apply(&Drive::Blank, 1_000);
        assert!(stage.blank && stage.resting());
        stage.apply(&Drive::Next, 1_000);
        assert!(!stage.blank && stage.stop == 1);
    }

    #[test]
    fn the_clocks_run_per_stop_and_stand_still_while_paused() {
        let mut stage = tour(3);
        assert_eq!(stage.total_at(4_000), 3_000);
        stage.apply(&Drive::Next, 4_000);
        assert_eq!((stage.total_at(6_000), stage.stop_at(6_000)), (5_000, 2_000), "the stop's clock starts afresh");
        stage.apply(&Drive::Blank, 6_000);
        assert_eq!((stage.total_at(60_000), stage.stop_at(60_000)), (5_000, 2_000), "resting: the clocks stand");
        assert!(stage.resting());
        stage.apply(&Drive::Blank, 60_000);
        assert_eq!(stage.total_at(61_000), 6_000);
    }

    #[test]
    fn the_picks_are_presented_ranked_and_the_tour_comes_back_at_its_stop() {
        let mut stage = tour(5);
        stage.apply(&Drive::Goto(3), 1_000);
        assert!(!stage.apply(&Drive::Picks, 1_000), "no picks told: nothing to present");
        stage.picks = Some(RoomPicks { participants: 4, ranked: vec![("b".into(), 3), ("a".into(), 1)] });
        assert!(stage.apply(&Drive::Picks, 2_000));
        assert_eq!((stage.stop, stage.stops), (0, 2));
        assert_eq!(stage.deck.ids(), Some(vec!["b", "a"]), "most marked first");
        stage.apply(&Drive::Next, 2_000);
        assert_eq!(stage.stop, 1);
        assert!(stage.apply(&Drive::Picks, 3_000));
        assert_eq!((&stage.deck, stage.stop, stage.stops), (&Deck::Tour("t".into()), 3, 5), "back at stop 4/5");
        assert!(stage.for_follower().picks.is_none());
    }

    #[test]
    fn clock_times_are_read_and_labels_are_not() {
        assert_eq!(clock_time("09:30"), Some(9 * 3600 + 30 * 60));
        assert_eq!(clock_time("14 h"), Some(14 * 3600));
        assert_eq!(clock_time("9h05"), Some(9 * 3600 + 5 * 60));
        assert_eq!(clock_time("morning"), None);
        assert_eq!(clock_time("25:00"), None);
    }

    #[test]
    fn the_room_line_is_cleaned_cut_and_cleared() {
        let mut stage = tour(1);
        stage.apply(&Drive::RoomLine(Some("Pause\x1b[31m jusqu'à\n10 h 30\u{202e}".into())), 0);
        assert_eq!(stage.line.as_deref(), Some("Pause[31m jusqu'à 10 h 30"));
        stage.apply(&Drive::RoomLine(Some("x".repeat(500))), 0);
        assert_eq!(stage.line.as_ref().map(|l| unicode_width::UnicodeWidthStr::width(l.as_str())), Some(80));
        stage.apply(&Drive::RoomLine(Some(" \u{7} ".into())), 0);
        assert_eq!(stage.line, None, "nothing left is no line");
        stage.apply(&Drive::RoomLine(Some("Next: the Battri visit".into())), 0);
        stage.apply(&Drive::RoomLine(None), 0);
        assert_eq!(stage.line, None);
    }
}
