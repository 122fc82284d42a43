//! The files codespan quotes from: whole files, and windows of lines too long to quote whole.
//!
//! A window is a piece of one long line around a problem's column, cut at character
//! boundaries, with `…` where it was cut. It answers codespan's questions about line and
//! column with the real ones, so the header still reads `file:1:50001` and the marker sits
//! under the right character of the window.

use codespan_reporting::files::{Error, Files, SimpleFiles};
use std::ops::Range;

use crate::diagnostic::Position;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FileId {
    Whole(usize),
    Window(usize),
}

/// A piece of one line of a file.
pub struct Window {
    name: String,
    /// The piece, with `…` before and after where the line goes on.
    text: String,
    /// The line's number (1-based).
    line: usize,
    /// The real column of the window's first character after a leading `…`.
    first_column: usize,
    /// Bytes of the leading `…` (0 when the window starts the line).
    lead: usize,
}

const CUT: &str = "…";

impl Window {
    /// About `chars` characters of `line` around the column of `start` (on this line); `index`
    /// is the line's [`LongLine`], so that a window costs its own length, not the line's.
    pub fn around(name: &str, line: &str, index: &LongLine, start: Position, chars: usize) -> Option<Window> {
        let count = index.chars;
        let column = start.column.min(count + 1);
        let before = chars / 3;
        let first = column.saturating_sub(before).max(1);
        let last = (first + chars).min(count + 1);
        let (from, to) = (index.offset(line, first), index.offset(line, last));
        let mut text = String::new();
        let lead = if first > 1 { CUT.len() } else { 0 };
        if first > 1 {
            text.push_str(CUT);
        }
        text.push_str(line.get(from..to)?);
        if to < line.len() {
            text.push_str(CUT);
        }
        Some(Window { name: name.to_string(), text, line: start.line, first_column: first, lead })
    }

    /// U+FFFD characters shown (controls replaced): too many say the line is not text.
    pub fn replacement_chars(&self) -> usize {
        self.text.chars().filter(|c| *c == '\u{FFFD}').count()
    }

    /// The byte range, in the window, of the span `start..end` of the real line.
    fn range(&self, start: Position, end: Position) -> Range<usize> {
        let at = |column: usize| {
            let skip = column.saturating_sub(self.first_column);
            self.text[self.lead..].char_indices().nth(skip).map_or(self.text.len(), |(i, _)| self.lead + i)
        };
        let from = at(start.column).min(self.text.len());
        let to = if end.line == start.line { at(end.column).max(from) } else { self.text.len() };
        // A zero-width span still gets a visible marker.
        let to = if to == from { self.text[from..].chars().next().map_or(from, |c| from + c.len_utf8()) } else { to };
        from..to
    }
}

/// Where every 1024th character of a long line starts: a line of a megabyte with a problem in
/// every fifty bytes is windowed in one pass over it, not one per problem.
pub struct LongLine {
    checkpoints: Vec<usize>,
    chars: usize,
}

const STRIDE: usize = 1024;

impl LongLine {
    pub fn new(line: &str) -> LongLine {
        let mut checkpoints = Vec::new();
        let mut chars = 0;
        for (i, (byte, _)) in line.char_indices().enumerate() {
            if i % STRIDE == 0 {
                checkpoints.push(byte);
            }
            chars += 1;
        }
        LongLine { checkpoints, chars }
    }

    /// The byte offset of 1-based `column` (the line's end past its last character).
    fn offset(&self, line: &str, column: usize) -> usize {
        let index = column.saturating_sub(1);
        if index >= self.chars {
            return line.len();
        }
        let from = self.checkpoints[index / STRIDE];
        line[from..].char_indices().nth(index % STRIDE).map_or(line.len(), |(i, _)| from + i)
    }
}

/// Whole files, and windows made for problems on long lines.
#[derive(Default)]
pub struct Quoted {
    pub whole: SimpleFiles<String, String>,
    windows: Vec<Window>,
}

impl Quoted {
    /// Adds a window; its id and the range to mark in it for `start..end`.
    pub fn add_window_for(&mut self, window: Window, start: Position, end: Position) -> (FileId, Range<usize>) {
        let range = window.range(start, end);
        self.windows.push(window);
        (FileId::Window(self.windows.len() - 1), range)
    }

    fn window(&self, id: usize) -> Result<&Window, Error> {
        self.windows.get(id).ok_or(Error::FileMissing)
    }
}

impl<'a> Files<'a> for Quoted {
    type FileId = FileId;
    type Name = &'a str;
    type Source = &'a str;

    fn name(&'a self, id: FileId) -> Result<&'a str, Error> {
        match id {
            FileId::Whole(id) => Ok(self.whole.get(id)?.name().as_str()),
            FileId::Window(id) => Ok(self.window(id)?.name.as_str()),
        }
    }

    fn source(&'a self, id: FileId) -> Result<&'a str, Error> {
        match id {
            FileId::Whole(id) => Ok(self.whole.get(id)?.source().as_str()),
            FileId::Window(id) => Ok(self.window(id)?.text.as_str()),
        }
    }

    fn line_index(&'a self, id: FileId, byte_index: usize) -> Result<usize, Error> {
        match id {
            FileId::Whole(id) => self.whole.line_index(id, byte_index),
            FileId::Window(id) => Ok(self.window(id)?.line - 1),
        }
    }

    fn column_number(&'a self, id: FileId, line_index: usize, byte_index: usize) -> Result<usize, Error> {
        match id {
            FileId::Whole(id) => self.whole.column_number(id, line_index, byte_index),
            FileId::Window(id) => {
                let window = self.window(id)?;
                let byte = byte_index.clamp(window.lead, window.text.len());
                let chars = window.text.get(window.lead..byte).map_or(0, |s| s.chars().count());
                Ok(window.first_column + chars)
            }
        }
    }

    fn line_range(&'a self, id: FileId, line_index: usize) -> Result<Range<usize>, Error> {
        match id {
            FileId::Whole(id) => self.whole.line_range(id, line_index),
            FileId::Window(id) => {
                let window = self.window(id)?;
                if line_index + 1 != window.line {
                    return Err(Error::LineTooLarge { given: line_index, max: window.line - 1 });
                }
                Ok(0..window.text.len())
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_window_answers_with_the_real_line_and_column() {
        let line = format!("{}é{}", "a".repeat(50_000), "b".repeat(50_000));
        let at = Position::new(1, 50_001);
        let window = Window::around("x.ron", &line, &LongLine::new(&line), at, 30).unwrap();
        assert!(window.text.starts_with('…') && window.text.ends_with('…'), "{}", window.text);
        assert!(window.text.chars().count() <= 32);
        let mut quoted = Quoted::default();
        let (id, range) = quoted.add_window_for(window, at, at);
        assert_eq!(&quoted.source(id).unwrap()[range.clone()], "é");
        let location = quoted.location(id, range.start).unwrap();
        assert_eq!((location.line_number, location.column_number), (1, 50_001));
    }
}
