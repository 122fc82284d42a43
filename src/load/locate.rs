//! Finds where a value sits in a RON source, for problems found after parsing (unknown ids,
//! broken references), which serde cannot place. A small scanner that knows RON's strings and
//! comments is enough: it looks for `field:` and then for the string literal inside that
//! field's value.

use crate::diagnostic::Position;

/// A span in characters, as diagnostics count columns.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Span {
    pub start: Position,
    pub end: Position,
}

impl Span {
    pub const FILE_START: Span = Span { start: Position::START, end: Position::START };
}

/// The string literal `"value"` inside the `occurrence`-th (0-based) place where `field:`
/// holds it; else the `field:` name itself; else the file's start.
pub fn locate(text: &str, field: &str, value: &str, occurrence: usize) -> Span {
    let fields = field_positions(text, field);
    let mut seen = 0;
    for &(field_end, _) in &fields {
        let region = value_region(text, field_end);
        for (literal_start, literal_end) in string_literals(text, region.0, region.1) {
            if literal_text(text, literal_start, literal_end) == Some(value) {
                if seen == occurrence {
                    return Span { start: position_of(text, literal_start), end: position_of(text, literal_end) };
                }
                seen += 1;
            }
        }
    }
    match fields.first() {
        Some(&(end, start)) => Span { start: position_of(text, start), end: position_of(text, end) },
        None => Span::FILE_START,
    }
}

/// The span of the `field:` name, or the file's start.
pub fn locate_field(text: &str, field: &str) -> Span {
    match field_positions(text, field).first() {
        Some(&(end, start)) => Span { start: position_of(text, start), end: position_of(text, end) },
        None => Span::FILE_START,
    }
}

/// The offset of the first character that is not blank or a comment: where a file's code
/// starts.
pub fn first_code(text: &str) -> usize {
    let mut at = 0;
    loop {
        let rest = &text[at..];
        let trimmed = rest.trim_start();
        at += rest.len() - trimmed.len();
        if trimmed.starts_with("//") {
            at += trimmed.find('\n').unwrap_or(trimmed.len());
        } else if trimmed.starts_with("/*") {
            at += trimmed.find("*/").map_or(trimmed.len(), |i| i + 2);
        } else {
            return at;
        }
    }
}

/// Line and column (in characters) of a byte offset.
pub fn position_of(text: &str, byte: usize) -> Position {
    let before = &text[..byte.min(text.len())];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    Position::new(line, before[line_start..].chars().count() + 1)
}

/// [`locate`] and [`locate_field`] for many values of one file: each field's places and string
/// literals are found once, and positions are counted from a line index, so that a file with
/// thousands of located values (bad ids, tour days) costs one pass per field instead of one
/// pass over the whole file per value (found by fuzzing: a 480 kB tour took minutes to load).
#[derive(Default)]
pub struct Locator {
    fields: std::collections::HashMap<String, FieldPlaces>,
    lines: Option<Lines>,
}

struct FieldPlaces {
    /// (end, start) of the first `field:`, the fallback place.
    first: Option<(usize, usize)>,
    /// Each string literal inside the field's values, by its text: (start, end), in file order.
    literals: std::collections::HashMap<String, Vec<(usize, usize)>>,
}

impl Locator {
    /// The same span as [`locate`]`(text, field, value, occurrence)`; `text` must be the same
    /// text at every call.
    pub fn locate(&mut self, text: &str, field: &str, value: &str, occurrence: usize) -> Span {
        let places = self.places(text, field);
        let found = places.literals.get(value).and_then(|all| all.get(occurrence)).copied();
        let span = match (found, places.first) {
            (Some((start, end)), _) => Some((start, end)),
            (None, Some((end, start))) => Some((start, end)),
            (None, None) => None,
        };
        match span {
            Some((start, end)) => {
                let lines = self.lines.get_or_insert_with(|| Lines::new(text));
                Span { start: lines.position(text, start), end: lines.position(text, end) }
            }
            None => Span::FILE_START,
        }
    }

    /// Whether the value `value` occurs at least `occurrence + 1` times inside `field:` values.
    pub fn has(&mut self, text: &str, field: &str, value: &str, occurrence: usize) -> bool {
        self.places(text, field).literals.get(value).is_some_and(|all| all.len() > occurrence)
    }

    /// The same span as [`locate_field`]`(text, field)`.
    pub fn locate_field(&mut self, text: &str, field: &str) -> Span {
        match self.places(text, field).first {
            Some((end, start)) => {
                let lines = self.lines.get_or_insert_with(|| Lines::new(text));
                Span { start: lines.position(text, start), end: lines.position(text, end) }
            }
            None => Span::FILE_START,
        }
    }

    fn places(&mut self, text: &str, field: &str) -> &FieldPlaces {
        self.fields.entry(field.to_string()).or_insert_with(|| {
            let fields = field_positions(text, field);
            let mut literals: std::collections::HashMap<String, Vec<(usize, usize)>> = Default::default();
            for &(field_end, _) in &fields {
                let region = value_region(text, field_end);
                for (start, end) in string_literals(text, region.0, region.1) {
                    if let Some(literal) = literal_text(text, start, end) {
                        literals.entry(literal.to_string()).or_default().push((start, end));
                    }
                }
            }
            FieldPlaces { first: fields.first().copied(), literals }
        })
    }
}

/// Line starts of a text, and the last position counted, so that positions asked in file
/// order cost one pass even on a file of one long line.
pub struct Lines {
    starts: Vec<usize>,
    last: (usize, Position),
}

impl Lines {
    pub fn new(text: &str) -> Lines {
        let starts = std::iter::once(0).chain(text.match_indices('\n').map(|(i, _)| i + 1)).collect();
        Lines { starts, last: (0, Position::START) }
    }

    /// The same as [`position_of`]`(text, byte)`.
    pub fn position(&mut self, text: &str, byte: usize) -> Position {
        let byte = byte.min(text.len());
        // `starts[0]` is 0, so the line is at least 1.
        let line = self.starts.partition_point(|&start| start <= byte);
        let line_start = self.starts[line - 1];
        let (from_byte, from_column) = match self.last {
            (last_byte, last) if last.line == line && (line_start..=byte).contains(&last_byte) => {
                (last_byte, last.column)
            }
            _ => (line_start, 1),
        };
        let position = Position::new(line, from_column + text[from_byte..byte].chars().count());
        self.last = (byte, position);
        position
    }
}

/// Byte offsets (end, start) of each `field` identifier followed by `:`, outside strings and
/// comments.
fn field_positions(text: &str, field: &str) -> Vec<(usize, usize)> {
    let mut found = Vec::new();
    for (start, end) in identifiers(text) {
        if &text[start..end] == field && text[end..].trim_start().starts_with(':') {
            found.push((end, start));
        }
    }
    found
}

/// The bytes of the value that follows a `field:` ending at `field_end`: a bracketed group, or
/// a single token.
fn value_region(text: &str, field_end: usize) -> (usize, usize) {
    let after_colon = field_end + text[field_end..].find(':').map_or(0, |i| i + 1);
    let bytes = text.as_bytes();
    let mut i = after_colon;
    let mut depth = 0usize;
    let mut started = false;
    while i < bytes.len() {
        match bytes[i] {
            b'"' => {
                i = skip_string(bytes, i);
                started = true;
                if depth == 0 {
                    return (after_colon, i);
                }
                continue;
            }
            b'/' if bytes.get(i + 1) == Some(&b'/') => {
                i = text[i..].find('\n').map_or(bytes.len(), |n| i + n);
                continue;
            }
            b'/' if bytes.get(i + 1) == Some(&b'*') => {
                i = skip_block_comment(text, i);
                continue;
            }
            b'(' | b'[' | b'{' => {
                depth += 1;
                started = true;
            }
            b')' | b']' | b'}' => {
                if depth == 0 {
                    return (after_colon, i);
                }
                depth -= 1;
                if depth == 0 {
                    return (after_colon, i + 1);
                }
            }
            b',' if depth == 0 && started => return (after_colon, i),
            c if !c.is_ascii_whitespace() => started = true,
            _ => {}
        }
        i += 1;
    }
    (after_colon, bytes.len())
}

/// Byte ranges of the string literals (quotes included) between `from` and `to`.
fn string_literals(text: &str, from: usize, to: usize) -> Vec<(usize, usize)> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut i = from;
    while i < to.min(bytes.len()) {
        if bytes[i] == b'"' {
            let end = skip_string(bytes, i);
            out.push((i, end));
            i = end;
        } else if bytes[i..].starts_with(b"//") {
            i = text[i..].find('\n').map_or(bytes.len(), |n| i + n);
        } else if bytes[i..].starts_with(b"/*") {
            i = skip_block_comment(text, i);
        } else {
            i += 1;
        }
    }
    out
}

/// The byte just after the `/* … */` comment starting at `start` (RON's are not nested here:
/// a value's place only needs its quotes and brackets skipped).
fn skip_block_comment(text: &str, start: usize) -> usize {
    text[start + 2..].find("*/").map_or(text.len(), |n| start + n + 4)
}

/// The text between a literal's quotes. A literal the scanner could not close (a quote inside
/// a block comment) runs to the end of the file, which may end inside a character or right
/// after the quote: then it is no value.
fn literal_text(text: &str, start: usize, end: usize) -> Option<&str> {
    text.get(start + 1..end.checked_sub(1)?)
}

/// The byte just after the string literal starting at `start`.
fn skip_string(bytes: &[u8], start: usize) -> usize {
    let mut i = start + 1;
    while i < bytes.len() {
        match bytes[i] {
            b'\\' => i += 2,
            b'"' => return i + 1,
            _ => i += 1,
        }
    }
    bytes.len()
}

/// Byte ranges of identifiers outside strings and comments.
fn identifiers(text: &str) -> Vec<(usize, usize)> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'"' => i = skip_string(bytes, i),
            b'/' if bytes.get(i + 1) == Some(&b'/') => i = text[i..].find('\n').map_or(bytes.len(), |n| i + n),
            b'/' if bytes.get(i + 1) == Some(&b'*') => i = skip_block_comment(text, i),
            c if c.is_ascii_alphabetic() || c == b'_' => {
                let start = i;
                while i < bytes.len() && (bytes[i].is_ascii_alphanumeric() || bytes[i] == b'_') {
                    i += 1;
                }
                out.push((start, i));
            }
            _ => i += 1,
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const SOURCE: &str = "GoodPractice(\n  // materials: [\"neodymum\"]\n  title: \"materials: neodymum\",\n  materials: [\"lead\", \"neodymum\"],\n  related: [\"neodymum\"],\n)\n";

    #[test]
    fn finds_the_value_inside_its_field_not_in_comments_or_strings() {
        let span = locate(SOURCE, "materials", "neodymum", 0);
        assert_eq!(span.start, Position::new(4, 23));
        assert_eq!(span.end, Position::new(4, 33));
    }

    #[test]
    fn the_locator_finds_what_locate_finds() {
        let texts = [
            SOURCE,
            "(materials: [\"zz\", /* \" */ \"zz\", // \"zz\n \"zz\"],\n)\n// é",
            "(\n stops: [(entry: \"a\"), (entry: \"b\"), (entry: \"a\")],\n)",
            "(entry: (entry: \"a\", day: \"é\"), day: \"é\", day: \"x\") // entry: \"a\"\n day: \"é\"",
        ];
        for text in texts {
            let mut locator = Locator::default();
            let mut lines = Lines::new(text);
            for field in ["materials", "entry", "day", "related", "title", "nothing"] {
                assert_eq!(locator.locate_field(text, field), locate_field(text, field), "{field} in {text}");
                for value in ["neodymum", "lead", "a", "b", "é", "x", "zzz"] {
                    for occurrence in 0..3 {
                        let expected = locate(text, field, value, occurrence);
                        assert_eq!(locator.locate(text, field, value, occurrence), expected, "{field} {value} {text}");
                    }
                }
            }
            let boundaries: Vec<usize> = (0..=text.len()).filter(|&i| text.is_char_boundary(i)).collect();
            for &byte in boundaries.iter().chain(boundaries.iter().rev()) {
                assert_eq!(lines.position(text, byte), position_of(text, byte), "{byte} in {text:?}");
            }
        }
    }

    #[test]
    fn finds_later_occurrences_and_falls_back_to_the_field() {
        let text = "(\n stops: [(entry: \"a\"), (entry: \"b\"), (entry: \"a\")],\n)";
        assert_eq!(locate(text, "entry", "a", 1).start, Position::new(2, 46));
        assert_eq!(locate(text, "entry", "zzz", 0).start, Position::new(2, 11));
        assert_eq!(locate(text, "nothing", "a", 0), Span::FILE_START);
    }
}
