//! Syntax errors of a file the typed parser rejected: a file that does not even start like
//! one, and the recovering reader's errors, placed where the string or bracket left open began.

use super::locate::position_of;
use super::tree::{self, Node, SyntaxError};
use crate::diagnostic::Diagnostic;
use crate::i18n::problems as say;

/// The file's value (with `Value::Broken` where a field could not be read), unless a syntax
/// error could not be stepped over, and its syntax errors.
pub struct Started {
    pub node: Option<Node>,
    pub errors: Vec<Diagnostic>,
    /// The text with a `"` closing each string left open at the end of its first line, for
    /// locating values after reading went on (a scanner that counts quotes would otherwise
    /// take every later string for code, and every later field for text).
    pub repaired: Option<String>,
}

pub fn start_and_read(file: &str, text: &str, expected: &str, opener: u8) -> Started {
    // A file that does not even start like one is wrong from its first character; say so
    // there rather than where a bracket happens to be left open.
    let first = super::locate::first_code(text);
    let starts_well = match text.as_bytes().get(first) {
        Some(&b) if b == opener || b == b'#' => true,
        // A struct name must be followed by its parenthesis: `title: …` at the top is a lost head.
        Some(&b) if opener == b'(' && b.is_ascii_alphabetic() => {
            let rest = &text[first..];
            let name_len = rest.bytes().take_while(|b| b.is_ascii_alphanumeric() || *b == b'_').count();
            rest[name_len..].trim_start().starts_with('(')
        }
        _ => false,
    };
    if !starts_well {
        let at = position_of(text, first);
        let word: String = text[first..].chars().take_while(|c| c.is_ascii_alphanumeric() || *c == '_').collect();
        let found = match text[first..].chars().next() {
            None => "the end of the file".to_string(),
            Some(_) if !word.is_empty() => format!("`{word}`"),
            Some(c) => format!("`{c}`"),
        };
        let problem = Diagnostic::error(
            "syntax",
            file,
            at,
            at,
            say::reader_message(&format!("expected {expected} at the start of the file, found {found}")),
        )
        .with_expected(say::reader_message(expected));
        return Started { node: None, errors: vec![problem], repaired: None };
    }
    let read = tree::read(text);
    let mut ends: Vec<usize> = read
        .errors
        .iter()
        .filter(|e| e.resumed)
        .filter_map(|e| match e.opened {
            Some((at, "string")) => Some(text[at..].find('\n').map_or(text.len(), |i| at + i)),
            _ => None,
        })
        .collect();
    let repaired = (!ends.is_empty()).then(|| {
        ends.sort_unstable();
        ends.dedup();
        let mut repaired = text.to_string();
        for end in ends.into_iter().rev() {
            repaired.insert(end, '"');
        }
        repaired
    });
    Started { node: read.node, errors: read.errors.iter().map(|e| syntax(file, text, e)).collect(), repaired }
}

/// A syntax error, placed where the construct left open began when there is one, since that
/// is where the fix goes; where reading stopped is said in the message.
pub fn syntax(file: &str, text: &str, error: &SyntaxError) -> Diagnostic {
    let stopped = position_of(text, error.at);
    let said = say::reader_message(&error.message);
    let problem = match error.opened {
        Some((opened, "string")) => {
            let at = position_of(text, opened);
            Diagnostic::error("unclosed-string", file, at, at, say::unclosed_string(stopped.line, &said))
                .with_help(Some(say::close_the_string()))
        }
        Some((opened, what)) => {
            let at = position_of(text, opened);
            Diagnostic::error(
                "unclosed-bracket",
                file,
                at,
                at,
                say::bracket_not_closed(what, &said, stopped.line, stopped.column),
            )
            .with_help(Some(say::close_or_remove()))
        }
        None => {
            // A value followed on the next line by another is almost always a lost comma.
            let before = text[..error.at.min(text.len())].trim_end();
            let previous_line = before.matches('\n').count() + 1;
            let suggestion = (error.message.starts_with("expected `,`") && previous_line < stopped.line)
                .then(|| say::comma_missing(previous_line));
            Diagnostic::error("syntax", file, stopped, stopped, said).with_help(suggestion)
        }
    };
    if error.resumed { problem.with_message_after(say::read_on_after()) } else { problem }
}
