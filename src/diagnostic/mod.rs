//! Problems found in a catalogue, in the terms a curator needs: where (file, line, column),
//! what is wrong, what was expected, and a suggestion where one exists.

mod render;

pub use render::{render_human, render_json};

use serde::Serialize;

use crate::text::{Lines, sanitize};

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
}

/// A position in a file: 1-based line, 1-based column counted in characters (as ron does).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Default)]
pub struct Position {
    pub line: usize,
    pub column: usize,
}

impl Position {
    pub const START: Position = Position { line: 1, column: 1 };

    pub fn new(line: usize, column: usize) -> Position {
        Position { line: line.max(1), column: column.max(1) }
    }
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Diagnostic {
    pub severity: Severity,
    /// A stable, short name of the problem kind, for tools (`unknown-vocabulary-id`).
    pub code: &'static str,
    /// The file as the curator named it (relative to the catalogue folder given).
    pub file: String,
    pub start: Position,
    pub end: Position,
    pub message: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub expected: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub suggestion: Option<String>,
}

impl Diagnostic {
    /// A new error. The message and file name are sanitised here, once, since both may quote
    /// what a stranger wrote.
    pub fn error(code: &'static str, file: &str, start: Position, end: Position, message: impl AsRef<str>) -> Self {
        Diagnostic {
            severity: Severity::Error,
            code,
            file: sanitize(file, Lines::Single),
            start,
            end: end.max(start),
            message: sanitize(message.as_ref(), Lines::Single),
            expected: None,
            suggestion: None,
        }
    }

    pub fn warning(code: &'static str, file: &str, start: Position, end: Position, message: impl AsRef<str>) -> Self {
        Diagnostic { severity: Severity::Warning, ..Diagnostic::error(code, file, start, end, message) }
    }

    pub fn with_expected(mut self, expected: impl AsRef<str>) -> Self {
        self.expected = Some(sanitize(expected.as_ref(), Lines::Single));
        self
    }

    pub fn with_suggestion(mut self, suggestion: Option<String>) -> Self {
        self.suggestion = suggestion.map(|s| sanitize(&s, Lines::Single));
        self
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }

    /// `file:line:col: message`, the one-line form editors and the dashboard's panel use.
    pub fn one_line(&self) -> String {
        let mut text = format!("{}:{}:{}: {}", self.file, self.start.line, self.start.column, self.message);
        if let Some(suggestion) = &self.suggestion {
            text.push_str(" — ");
            text.push_str(suggestion);
        }
        text
    }
}

/// The closest candidate to a misspelt `word`, if one is close enough to be a likely typo: the
/// fewest edits (a swap of two letters counts as one), then the same length (a substitution is
/// likelier than a dropped letter), then the longest shared start. Words of one or two letters
/// get no suggestion: every short id is one edit from another. A word that starts a candidate
/// counts as one edit away.
pub fn closest<'a>(word: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let word = word.to_lowercase();
    let length = word.chars().count();
    if length < 3 {
        return None;
    }
    let allowed = ((length + 2) / 4).max(1);
    candidates
        .into_iter()
        .filter_map(|candidate| {
            let lower = candidate.to_lowercase();
            // A word that starts another ("recycling" for "recycling-recovery") is a near miss too.
            let prefix = lower.starts_with(&word) || word.starts_with(&lower) && lower.chars().count() >= 3;
            let distance = if prefix { 1 } else { strsim::osa_distance(&word, &lower) };
            let length_gap = length.abs_diff(lower.chars().count());
            (distance <= allowed && distance > 0).then(|| {
                let similarity = (strsim::jaro_winkler(&word, &lower) * 1000.0) as i64;
                ((distance, length_gap, -similarity), candidate)
            })
        })
        .min_by(|a, b| a.0.cmp(&b.0))
        .map(|(_, candidate)| candidate)
}

/// "did you mean …?" for a misspelt `word`, if a candidate is close.
pub fn did_you_mean<'a>(word: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<String> {
    closest(word, candidates).map(|c| format!("did you mean \"{c}\"?"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggests_the_closest_id_only_when_close() {
        let ids = ["neodymium", "praseodymium", "lead", "zinc"];
        assert_eq!(closest("neodymum", ids), Some("neodymium"));
        assert_eq!(closest("copper", ids), None);
        assert_eq!(closest("FRE13", ["FRE1", "FRE12"]), Some("FRE12"));
        assert_eq!(closest("materails", ["materials", "themes"]), Some("materials"));
        assert_eq!(closest("E9", ["E", "E5"]), None);
    }

    #[test]
    fn messages_cannot_carry_escape_sequences() {
        let d = Diagnostic::error("x", "a\u{1b}b.ron", Position::START, Position::START, "bad \u{1b}]0;t\u{7}");
        assert!(!d.one_line().chars().any(char::is_control));
    }
}
