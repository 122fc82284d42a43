//! The tokens of the RON subset catalogue files use, read straight from the text. Every
//! function fails (with [`Unsupported`]) on anything ron might read differently, so the
//! caller falls back to ron; none of them panics, and each reads every byte at most a few
//! times, so a file costs time linear in its length.

use std::borrow::Cow;

use super::Unsupported;

type Read<T> = Result<T, Unsupported>;

/// A position in the text being read.
pub struct Cursor<'de> {
    text: &'de str,
    at: usize,
}

impl<'de> Cursor<'de> {
    pub fn new(text: &'de str) -> Self {
        Cursor { text, at: 0 }
    }

    pub fn at_end(&self) -> bool {
        self.at >= self.text.len()
    }

    pub fn peek(&self) -> Option<u8> {
        self.text.as_bytes().get(self.at).copied()
    }

    fn peek_at(&self, offset: usize) -> Option<u8> {
        self.text.as_bytes().get(self.at + offset).copied()
    }

    pub fn eat(&mut self, byte: u8) -> bool {
        let found = self.peek() == Some(byte);
        if found {
            self.at += 1;
        }
        found
    }

    pub fn expect(&mut self, byte: u8) -> Read<()> {
        if self.eat(byte) { Ok(()) } else { Err(Unsupported) }
    }

    /// Where the cursor is, to come back to after looking ahead.
    pub fn mark(&self) -> usize {
        self.at
    }

    pub fn reset(&mut self, mark: usize) {
        self.at = mark;
    }

    /// Skips what ron counts as whitespace (its list includes U+0085, U+200E, U+200F,
    /// U+2028 and U+2029), line comments and nested block comments.
    pub fn skip_ws(&mut self) -> Read<()> {
        let bytes = self.text.as_bytes();
        loop {
            // ASCII blanks (the indentation between fields) a byte at a time, without slicing;
            // only a byte that may start a comment or a non-ASCII blank goes to the match.
            while let Some(b' ' | b'\t' | b'\n' | b'\r' | 0x0B | 0x0C) = bytes.get(self.at) {
                self.at += 1;
            }
            if !matches!(bytes.get(self.at), Some(b'/' | 0xC2 | 0xE2)) {
                return Ok(());
            }
            match bytes.get(self.at..self.at + 3).unwrap_or(&bytes[self.at.min(bytes.len())..]) {
                [b' ' | b'\t' | b'\n' | b'\r' | 0x0B | 0x0C, ..] => self.at += 1,
                [0xC2, 0x85, ..] => self.at += 2,
                [0xE2, 0x80, 0x8E | 0x8F | 0xA8 | 0xA9] => self.at += 3,
                [b'/', b'/', ..] => {
                    // To the line break, which the next round skips as whitespace.
                    self.at = memchr::memchr(b'\n', &bytes[self.at..]).map_or(bytes.len(), |i| self.at + i);
                }
                [b'/', b'*', ..] => self.skip_block_comment()?,
                [b'/', ..] => return Err(Unsupported),
                _ => return Ok(()),
            }
        }
    }

    /// Whether one of the non-ASCII characters ron skips as whitespace starts at `at`: none of
    /// them can continue an identifier or a number.
    fn unicode_space_at(&self, at: usize) -> bool {
        matches!(self.text.as_bytes().get(at..at + 2), Some([0xC2, 0x85]))
            || matches!(self.text.as_bytes().get(at..at + 3), Some([0xE2, 0x80, 0x8E | 0x8F | 0xA8 | 0xA9]))
    }

    /// `/* … */`, nested as in ron: each `/*` opens a level, each `*/` closes one.
    fn skip_block_comment(&mut self) -> Read<()> {
        let bytes = self.text.as_bytes();
        self.at += 2;
        let mut level = 1_usize;
        while level > 0 {
            let next = memchr::memchr2(b'/', b'*', &bytes[self.at..]).ok_or(Unsupported)?;
            self.at += next;
            if bytes[self.at..].starts_with(b"/*") {
                level += 1;
                self.at += 2;
            } else if bytes[self.at..].starts_with(b"*/") {
                level -= 1;
                self.at += 2;
            } else {
                self.at += 1;
            }
        }
        Ok(())
    }

    /// `,` with the whitespace around it, as ron's `comma`: whether there was one.
    pub fn comma(&mut self) -> Read<bool> {
        self.skip_ws()?;
        if self.eat(b',') {
            self.skip_ws()?;
            Ok(true)
        } else {
            Ok(false)
        }
    }

    /// A plain ASCII identifier. Refused where ron would read something else: a raw
    /// identifier (`r#…`), a string or byte literal (`r"`, `b"`, `b'`, `br#`), or a name that
    /// goes on with characters ron reads as part of it (`.`, `+`, `-`, any non-ASCII).
    pub fn ident(&mut self) -> Read<&'de str> {
        let bytes = self.text.as_bytes();
        let start = self.at;
        match bytes.get(start) {
            Some(b) if b.is_ascii_alphabetic() || *b == b'_' => {}
            _ => return Err(Unsupported),
        }
        let len = bytes[start..]
            .iter()
            .position(|b| !(b.is_ascii_alphanumeric() || *b == b'_'))
            .unwrap_or(bytes.len() - start);
        match bytes.get(start + len) {
            Some(b'.' | b'+' | b'-' | b'#' | b'"' | b'\'') => return Err(Unsupported),
            Some(b) if !b.is_ascii() && !self.unicode_space_at(start + len) => return Err(Unsupported),
            _ => {}
        }
        self.at += len;
        Ok(&self.text[start..start + len])
    }

    /// A name where ron reads raw identifiers too (field names, enum variants, struct names):
    /// `r#to-complete` is `to-complete`.
    pub fn identifier(&mut self) -> Read<&'de str> {
        if !self.text.as_bytes()[self.at..].starts_with(b"r#") {
            return self.ident();
        }
        let bytes = self.text.as_bytes();
        let start = self.at + 2;
        let len = bytes[start..]
            .iter()
            .position(|b| !(b.is_ascii_alphanumeric() || matches!(b, b'_' | b'.' | b'+' | b'-')))
            .unwrap_or(bytes.len() - start);
        if len == 0 {
            return Err(Unsupported);
        }
        match bytes.get(start + len) {
            Some(b'#' | b'"' | b'\'') => return Err(Unsupported),
            Some(b) if !b.is_ascii() && !self.unicode_space_at(start + len) => return Err(Unsupported),
            _ => {}
        }
        self.at = start + len;
        Ok(&self.text[start..start + len])
    }

    /// Whether a raw string (`r"…"`, `r#"…"#`) starts here.
    pub fn at_raw_string(&self) -> bool {
        if self.peek() != Some(b'r') {
            return false;
        }
        let hashes = self.text.as_bytes()[self.at + 1..].iter().take_while(|b| **b == b'#').count();
        self.peek_at(1 + hashes) == Some(b'"')
    }

    /// A string, borrowed from the text when it holds no escape.
    pub fn string(&mut self) -> Read<Cow<'de, str>> {
        if self.eat(b'"') {
            self.escaped_string()
        } else if self.eat(b'r') {
            self.raw_string()
        } else {
            Err(Unsupported)
        }
    }

    fn raw_string(&mut self) -> Read<Cow<'de, str>> {
        let bytes = self.text.as_bytes();
        let hashes = bytes[self.at..].iter().take_while(|b| **b == b'#').count();
        self.at += hashes;
        self.expect(b'"')?;
        let start = self.at;
        let mut from = start;
        // The first `"` followed by as many `#` as opened the string ends it, as in ron.
        loop {
            let quote = from + memchr::memchr(b'"', &bytes[from..]).ok_or(Unsupported)?;
            let closing = bytes[quote + 1..].iter().take(hashes).take_while(|b| **b == b'#').count();
            if closing == hashes {
                self.at = quote + 1 + hashes;
                return Ok(Cow::Borrowed(&self.text[start..quote]));
            }
            from = quote + 1 + closing;
        }
    }

    fn escaped_string(&mut self) -> Read<Cow<'de, str>> {
        let bytes = self.text.as_bytes();
        let start = self.at;
        let stop = start + memchr::memchr2(b'"', b'\\', &bytes[start..]).ok_or(Unsupported)?;
        if bytes[stop] == b'"' {
            self.at = stop + 1;
            return Ok(Cow::Borrowed(&self.text[start..stop]));
        }
        let mut owned = String::with_capacity(stop - start + 16);
        owned.push_str(&self.text[start..stop]);
        self.at = stop;
        loop {
            // At a backslash.
            self.at += 1;
            self.escape(&mut owned)?;
            let from = self.at;
            let stop = from + memchr::memchr2(b'"', b'\\', &bytes[from..]).ok_or(Unsupported)?;
            owned.push_str(&self.text[from..stop]);
            self.at = stop;
            if bytes[stop] == b'"' {
                self.at += 1;
                return Ok(Cow::Owned(owned));
            }
        }
    }

    /// One escape after its backslash. A `\x` escape above `\x7f` (ron assembles several into
    /// one character) is left to ron.
    fn escape(&mut self, out: &mut String) -> Read<()> {
        let bytes = self.text.as_bytes();
        let c = self.peek().ok_or(Unsupported)?;
        self.at += 1;
        let decoded = match c {
            b'\n' | b'\r' => {
                // A line continuation: the line break and the blanks after it vanish.
                if c == b'\r' {
                    self.expect(b'\n')?;
                }
                let blanks = bytes[self.at..].iter().take_while(|b| matches!(b, b' ' | b'\t' | b'\n' | b'\r')).count();
                self.at += blanks;
                return Ok(());
            }
            b'\'' => '\'',
            b'"' => '"',
            b'\\' => '\\',
            b'n' => '\n',
            b'r' => '\r',
            b't' => '\t',
            b'0' => '\0',
            b'x' => {
                let value = self.hex_digit()? * 16 + self.hex_digit()?;
                if value >= 0x80 {
                    return Err(Unsupported);
                }
                char::from(value as u8)
            }
            b'u' => {
                self.expect(b'{')?;
                let mut value = 0_u32;
                let mut digits = 0;
                while digits < 6 && self.peek() != Some(b'}') {
                    value = value * 16 + self.hex_digit()?;
                    digits += 1;
                }
                if digits == 0 {
                    return Err(Unsupported);
                }
                self.expect(b'}')?;
                char::from_u32(value).ok_or(Unsupported)?
            }
            _ => return Err(Unsupported),
        };
        out.push(decoded);
        Ok(())
    }

    fn hex_digit(&mut self) -> Read<u32> {
        let digit = char::from(self.peek().ok_or(Unsupported)?).to_digit(16).ok_or(Unsupported)?;
        self.at += 1;
        Ok(digit)
    }

    /// The run of characters ron reads as one number (`is_float_char`, or `is_int_char` for
    /// integers), and whether what follows it ends a value. A number ron might read with a
    /// suffix, an exponent, underscores or another base is refused.
    fn number_run(&self, float: bool) -> Read<&'de str> {
        let bytes = &self.text.as_bytes()[self.at..];
        let len = bytes
            .iter()
            .position(|&b| {
                let c = char::from(b);
                !if float {
                    c.is_ascii_digit() || matches!(c, 'e' | 'E' | '.' | '+' | '-' | '_')
                } else {
                    c.is_ascii_hexdigit() || c == '_'
                }
            })
            .unwrap_or(bytes.len());
        match bytes.get(len) {
            None | Some(b' ' | b'\t' | b'\n' | b'\r' | 0x0B | 0x0C | b',' | b')' | b']' | b'/') => {
                Ok(&self.text[self.at..self.at + len])
            }
            Some(_) if self.unicode_space_at(self.at + len) => Ok(&self.text[self.at..self.at + len]),
            _ => Err(Unsupported),
        }
    }

    /// An unsigned decimal integer: digits only.
    pub fn unsigned(&mut self) -> Read<u64> {
        let run = self.number_run(false)?;
        if run.is_empty() || run.len() > 19 || !run.bytes().all(|b| b.is_ascii_digit()) {
            return Err(Unsupported);
        }
        self.at += run.len();
        run.parse().map_err(|_| Unsupported)
    }

    /// A decimal number: `-`, digits, then optionally `.` and digits.
    pub fn float(&mut self) -> Read<f64> {
        let run = self.number_run(true)?;
        let digits = run.strip_prefix('-').unwrap_or(run);
        let (whole, fraction) = digits.split_once('.').unwrap_or((digits, "0"));
        let plain = |part: &str| !part.is_empty() && part.bytes().all(|b| b.is_ascii_digit());
        if !plain(whole) || !plain(fraction) {
            return Err(Unsupported);
        }
        self.at += run.len();
        run.parse().map_err(|_| Unsupported)
    }
}
