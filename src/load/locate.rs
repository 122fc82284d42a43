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
            if &text[literal_start + 1..literal_end - 1] == value {
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

/// Line and column (in characters) of a byte offset.
pub fn position_of(text: &str, byte: usize) -> Position {
    let before = &text[..byte.min(text.len())];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    Position::new(line, before[line_start..].chars().count() + 1)
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
        } else {
            i += 1;
        }
    }
    out
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
            b'/' if bytes.get(i + 1) == Some(&b'*') => i = text[i + 2..].find("*/").map_or(bytes.len(), |n| i + n + 4),
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
    fn finds_later_occurrences_and_falls_back_to_the_field() {
        let text = "(\n stops: [(entry: \"a\"), (entry: \"b\"), (entry: \"a\")],\n)";
        assert_eq!(locate(text, "entry", "a", 1).start, Position::new(2, 46));
        assert_eq!(locate(text, "entry", "zzz", 0).start, Position::new(2, 11));
        assert_eq!(locate(text, "nothing", "a", 0), Span::FILE_START);
    }
}
