//! The bytes a terminal sends, turned into the crossterm events the dashboard reads: the local
//! terminal's and each SSH participant's, with one decoder. Parsing is terminput's (crossterm's
//! own parser, made public); this file only feeds it the way crossterm's reader does — a byte at
//! a time, keeping an incomplete sequence for the next read — and holds a lone Esc back until
//! more bytes or a short timeout say whether it was the Esc key or the start of a sequence
//! split across packets.
//!
//! A bracketed paste is read here as it streams in, whatever its size: its first
//! [`PASTE_KEEP`] bytes are kept and the rest dropped as they come, so a megabyte pasted is one
//! event of at most 64 kB, in time linear in its length (no text box holds more than a few
//! hundred characters; the box says when a paste was cut).

use std::time::Duration;

/// The events the decoder gives: the very crossterm events the dashboard reads.
pub use ratatui::crossterm::event::Event;

/// How long a lone Esc waits for the rest of a sequence before it is the Esc key. Sequences are
/// sent in one write by terminals, so a split one is rare, and this only delays the Esc key.
pub const ESCAPE_TIMEOUT: Duration = Duration::from_millis(40);

/// The most bytes of one bracketed paste kept; the rest is read and dropped.
pub const PASTE_KEEP: usize = 64 * 1024;

/// A paste whose end has not come after this many bytes ends here, so that a terminal that
/// never ends one does not swallow every later key.
const PASTE_GIVE_UP: usize = 16 * 1024 * 1024;

/// An incomplete sequence longer than this is garbage, dropped (sequences other than pastes
/// are a few bytes).
const MAX_PENDING: usize = 4 * 1024;

const ESC: u8 = 0x1b;
const PASTE_START: &[u8] = b"\x1b[200~";
const PASTE_END: &[u8] = b"\x1b[201~";

/// A bracketed paste being read.
#[derive(Default)]
struct Paste {
    /// Its first bytes (at most [`PASTE_KEEP`], plus the end marker as it comes).
    kept: Vec<u8>,
    /// Every byte read since its start, the end marker included.
    seen: usize,
    /// Its last bytes, to find the end marker however the packets are cut.
    tail: [u8; 6],
}

#[derive(Default)]
pub struct InputDecoder {
    pending: Vec<u8>,
    paste: Option<Paste>,
}

impl InputDecoder {
    pub fn new() -> InputDecoder {
        InputDecoder::default()
    }

    /// The events completed by `bytes`, in order. A trailing lone Esc, or the incomplete start
    /// of a sequence, stays pending; so does a paste until its end.
    pub fn feed(&mut self, bytes: &[u8]) -> Vec<Event> {
        let mut events = Vec::new();
        for &byte in bytes {
            if let Some(paste) = self.paste.as_mut() {
                if let Some(text) = paste.push(byte) {
                    self.paste = None;
                    events.push(Event::Paste(text));
                }
                continue;
            }
            self.pending.push(byte);
            if self.pending == PASTE_START {
                self.pending.clear();
                self.paste = Some(Paste::default());
                continue;
            }
            self.parse(&mut events);
        }
        events
    }

    /// Whether bytes wait for more (then [`InputDecoder::timed_out`] is due after
    /// [`ESCAPE_TIMEOUT`] without input). A paste being read waits for its end, not a timeout.
    pub fn waiting(&self) -> bool {
        !self.pending.is_empty()
    }

    /// No more bytes came: a lone Esc is the Esc key, and an unfinished sequence after it is
    /// read as the keys it is made of (Esc, then `[`…), as a terminal user would expect.
    pub fn timed_out(&mut self) -> Vec<Event> {
        let pending = std::mem::take(&mut self.pending);
        let Some((&first, rest)) = pending.split_first() else { return Vec::new() };
        if first != ESC {
            // An unfinished UTF-8 character: nothing sensible to make of it.
            return Vec::new();
        }
        let mut events = convert(terminput::Event::Key(terminput::KeyCode::Esc.into())).into_iter().collect::<Vec<_>>();
        for &byte in rest {
            self.pending.push(byte);
            if self.pending == [ESC] {
                continue;
            }
            self.parse(&mut events);
        }
        events.extend(self.timed_out());
        events
    }

    fn parse(&mut self, events: &mut Vec<Event>) {
        // A lone Esc may be the start of a sequence whose rest is in the next packet.
        if self.pending == [ESC] {
            return;
        }
        if zero_mouse_coordinate(&self.pending) {
            self.pending.clear();
            return;
        }
        match terminput::Event::parse_from(&self.pending) {
            Ok(Some(event)) => {
                self.pending.clear();
                events.extend(convert(event));
            }
            Ok(None) if self.pending.len() > MAX_PENDING => self.pending.clear(),
            Ok(None) => {}
            // Garbage: dropped, as crossterm does, so the next key is read cleanly.
            Err(_) => self.pending.clear(),
        }
    }
}

/// A complete SGR (`ESC [ < b ; x ; y M`) or rxvt (`ESC [ b ; x ; y M`) mouse report with a
/// column or row of 0. Terminals count from 1 and never send one, but a client can, and
/// terminput (as crossterm) subtracts 1 from each: an overflow panic where overflow is checked
/// (found by the `ssh_input` fuzz target), a click at column 65535 elsewhere. It is garbage.
fn zero_mouse_coordinate(sequence: &[u8]) -> bool {
    let Some(body) = sequence.strip_prefix(b"\x1b[") else { return false };
    let Some(body) = body.strip_suffix(b"M").or_else(|| body.strip_prefix(b"<")?.strip_suffix(b"m")) else {
        return false;
    };
    let body = body.strip_prefix(b"<").unwrap_or(body);
    let Ok(body) = std::str::from_utf8(body) else { return false };
    body.split(';').skip(1).take(2).any(|n| n.parse::<u16>() == Ok(0))
}

fn convert(event: terminput::Event) -> Option<Event> {
    terminput_crossterm::to_crossterm(event).ok()
}

impl Paste {
    /// Takes one more byte; at the end marker, the paste's text (what was kept of it).
    fn push(&mut self, byte: u8) -> Option<String> {
        self.seen += 1;
        self.tail.rotate_left(1);
        self.tail[5] = byte;
        if self.kept.len() < PASTE_KEEP + PASTE_END.len() {
            self.kept.push(byte);
        }
        let ended = self.seen >= PASTE_END.len() && self.tail[..] == *PASTE_END;
        if !ended && self.seen < PASTE_GIVE_UP {
            return None;
        }
        let length = if ended { self.seen - PASTE_END.len() } else { self.seen };
        let mut kept = std::mem::take(&mut self.kept);
        kept.truncate(length.min(PASTE_KEEP));
        // Cut at the end of the last whole character.
        let whole = match std::str::from_utf8(&kept) {
            Ok(_) => kept.len(),
            Err(e) if e.error_len().is_none() => e.valid_up_to(),
            Err(_) => kept.len(),
        };
        kept.truncate(whole);
        Some(String::from_utf8_lossy(&kept).into_owned())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::crossterm::event::{KeyCode, KeyModifiers, MouseButton, MouseEventKind};

    fn keys(events: &[Event]) -> Vec<KeyCode> {
        events
            .iter()
            .filter_map(|e| match e {
                Event::Key(k) => Some(k.code),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn utf8_split_across_packets_is_one_character() {
        let mut decoder = InputDecoder::new();
        let bytes = "é".as_bytes();
        assert!(decoder.feed(&bytes[..1]).is_empty());
        assert_eq!(keys(&decoder.feed(&bytes[1..])), [KeyCode::Char('é')]);
    }

    #[test]
    fn an_arrow_split_across_packets_is_an_arrow() {
        let mut decoder = InputDecoder::new();
        assert!(decoder.feed(b"\x1b").is_empty());
        assert!(decoder.feed(b"[").is_empty());
        assert_eq!(keys(&decoder.feed(b"A")), [KeyCode::Up]);
        assert_eq!(keys(&decoder.feed(b"\x1bOP\x1b[15~")), [KeyCode::F(1), KeyCode::F(5)]);
    }

    #[test]
    fn a_lone_escape_waits_for_the_timeout() {
        let mut decoder = InputDecoder::new();
        assert_eq!(keys(&decoder.feed(b"ab\x1b")), [KeyCode::Char('a'), KeyCode::Char('b')]);
        assert!(decoder.waiting());
        assert_eq!(keys(&decoder.timed_out()), [KeyCode::Esc]);
        assert!(!decoder.waiting());
    }

    #[test]
    fn escape_then_bracket_without_more_is_two_keys() {
        let mut decoder = InputDecoder::new();
        assert!(decoder.feed(b"\x1b[").is_empty());
        assert_eq!(keys(&decoder.timed_out()), [KeyCode::Esc, KeyCode::Char('[')]);
    }

    #[test]
    fn bracketed_paste_split_across_packets() {
        let mut decoder = InputDecoder::new();
        assert!(decoder.feed(b"\x1b[200~terres ").is_empty());
        let events = decoder.feed("rares é\x1b[201~".as_bytes());
        assert!(matches!(&events[..], [Event::Paste(text)] if text == "terres rares é"), "{events:?}");
    }

    #[test]
    fn sgr_mouse_click_and_wheel() {
        let mut decoder = InputDecoder::new();
        let events = decoder.feed(b"\x1b[<0;10;5M\x1b[<65;3;4M");
        match &events[..] {
            [Event::Mouse(click), Event::Mouse(wheel)] => {
                assert_eq!(click.kind, MouseEventKind::Down(MouseButton::Left));
                assert_eq!((click.column, click.row), (9, 4));
                assert_eq!(wheel.kind, MouseEventKind::ScrollDown);
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn control_keys_and_garbage() {
        let mut decoder = InputDecoder::new();
        let events = decoder.feed(b"\x03\x1b[99;99;99;99X\xff\xfeq");
        let codes = keys(&events);
        assert_eq!(codes.first(), Some(&KeyCode::Char('c')));
        assert!(matches!(&events[0], Event::Key(k) if k.modifiers.contains(KeyModifiers::CONTROL)));
        assert_eq!(codes.last(), Some(&KeyCode::Char('q')));
    }

    #[test]
    fn a_mouse_report_at_column_or_row_zero_is_dropped() {
        let mut decoder = InputDecoder::new();
        let events = decoder.feed(b"\x1b[<1;00;5M\x1b[<0;3;0m\x1b[32;0;+0Mq\x1b[<65;3;4M");
        assert_eq!(keys(&events), [KeyCode::Char('q')]);
        assert!(matches!(&events[1..], [Event::Mouse(wheel)] if (wheel.column, wheel.row) == (2, 3)), "{events:?}");
    }

    #[test]
    fn an_endless_paste_keeps_its_first_64_kb_and_no_more() {
        let mut decoder = InputDecoder::new();
        decoder.feed(b"\x1b[200~");
        for _ in 0..40 {
            assert!(decoder.feed(&[b'x'; 64 * 1024]).is_empty());
        }
        let paste = decoder.paste.as_ref().expect("still in the paste");
        assert!(paste.kept.len() <= PASTE_KEEP + PASTE_END.len(), "{}", paste.kept.len());
        assert!(!decoder.waiting(), "a paste waits for its end, not for the Esc timeout");
    }

    #[test]
    fn a_megabyte_paste_is_one_event_of_its_first_64_kb_then_keys_again() {
        let mut decoder = InputDecoder::new();
        let mut bytes = b"/\x1b[200~".to_vec();
        bytes.extend(std::iter::repeat_n(b"terres rares \xc3\xa9 ".as_slice(), 70_000).flatten());
        bytes.extend_from_slice(b"\x1b[201~q");
        assert!(bytes.len() > 1_000_000);
        let mut events = Vec::new();
        // Cut anywhere, even inside the end marker and inside a character.
        for packet in bytes.chunks(997) {
            events.extend(decoder.feed(packet));
        }
        match &events[..] {
            [Event::Key(slash), Event::Paste(text), Event::Key(q)] => {
                assert_eq!((slash.code, q.code), (KeyCode::Char('/'), KeyCode::Char('q')));
                assert!(text.len() <= PASTE_KEEP && text.len() > PASTE_KEEP - 4, "{}", text.len());
                assert!(text.starts_with("terres rares é ") && !text.contains('\u{fffd}'), "cut on a character");
            }
            other => panic!("{:?}", other.iter().map(std::mem::discriminant).collect::<Vec<_>>()),
        }
        assert!(!decoder.waiting() && decoder.paste.is_none());
    }

    #[test]
    fn a_paste_that_never_ends_gives_up_and_keys_work_again() {
        let mut decoder = InputDecoder::new();
        decoder.feed(b"\x1b[200~");
        let mut events = Vec::new();
        for _ in 0..(PASTE_GIVE_UP / (1 << 20)) {
            events.extend(decoder.feed(&vec![b'x'; 1 << 20]));
        }
        assert!(matches!(&events[..], [Event::Paste(text)] if text.len() == PASTE_KEEP));
        assert_eq!(keys(&decoder.feed(b"q")), [KeyCode::Char('q')]);
    }
}
