//! The bytes a participant's terminal sends, turned into the same crossterm events the local
//! dashboard reads. Parsing is terminput's (crossterm's own parser, made public); this file only
//! feeds it the way crossterm's reader does — a byte at a time, keeping an incomplete sequence
//! for the next packet — and holds a lone Esc back until more bytes or a short timeout say
//! whether it was the Esc key or the start of a sequence split across packets.

use std::time::Duration;

use ratatui::crossterm::event::Event;

/// How long a lone Esc waits for the rest of a sequence before it is the Esc key. Sequences are
/// sent in one write by terminals, so a split one is rare, and this only delays the Esc key.
pub const ESCAPE_TIMEOUT: Duration = Duration::from_millis(40);

/// An incomplete sequence longer than this is dropped: a paste that never ends must not grow
/// the server's memory.
const MAX_PENDING: usize = 256 * 1024;

const ESC: u8 = 0x1b;

#[derive(Default)]
pub struct InputDecoder {
    pending: Vec<u8>,
}

impl InputDecoder {
    pub fn new() -> InputDecoder {
        InputDecoder::default()
    }

    /// The events completed by `bytes`, in order. A trailing lone Esc, or the incomplete start
    /// of a sequence, stays pending.
    pub fn feed(&mut self, bytes: &[u8]) -> Vec<Event> {
        let mut events = Vec::new();
        for &byte in bytes {
            self.pending.push(byte);
            self.parse(&mut events);
        }
        events
    }

    /// Whether bytes wait for more (then [`InputDecoder::timed_out`] is due after
    /// [`ESCAPE_TIMEOUT`] without input).
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
    fn an_endless_paste_is_dropped_not_kept() {
        let mut decoder = InputDecoder::new();
        decoder.feed(b"\x1b[200~");
        decoder.feed(&vec![b'x'; MAX_PENDING + 10]);
        assert!(decoder.pending.len() <= MAX_PENDING);
    }
}
