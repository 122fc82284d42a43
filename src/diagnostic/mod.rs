//! Problems found in a catalogue, in the terms a curator needs: where (file, line, column),
//! what is wrong, what was expected, and a suggestion where one exists.

mod code;
mod render;

pub use render::{render_human, render_human_in, render_json, render_kinds, severity_word};

use serde::Serialize;

use crate::i18n::Said;
use crate::text::{Lang, Lines, sanitize};

#[derive(
    Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, rkyv::Archive, rkyv::Serialize, rkyv::Deserialize,
)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
    /// Said for the curator's information (`check --interreg`); never fails a check.
    Note,
}

/// A position in a file: 1-based line, 1-based column counted in characters (as ron does).
#[derive(
    Clone,
    Copy,
    Debug,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Serialize,
    Default,
    rkyv::Archive,
    rkyv::Serialize,
    rkyv::Deserialize,
)]
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

#[derive(Clone, Debug, PartialEq, rkyv::Archive, rkyv::Serialize, rkyv::Deserialize)]
pub struct Diagnostic {
    pub severity: Severity,
    /// A stable, short name of the problem kind, for tools (`unknown-vocabulary-id`).
    #[rkyv(with = code::Interned)]
    pub code: &'static str,
    /// The file as the curator named it (relative to the catalogue folder given).
    pub file: String,
    pub start: Position,
    pub end: Position,
    /// What is wrong, in both languages: the reader's is picked when it is shown.
    pub message: Said,
    pub expected: Option<Said>,
    pub suggestion: Option<Said>,
    /// Places that are wrong only because of this problem (references to an entry that did not
    /// load): listed under it, not counted as problems of their own.
    pub follow_ons: Vec<FollowOn>,
    /// For a follow-on before it is grouped: the file whose error causes it.
    pub caused_by: Option<String>,
    /// What could replace the value at `start..end` (a misspelt field, id, status or
    /// reference): every known word close enough to be what was meant, best first. One
    /// candidate is a fix `check --fix` applies; several are left for the curator to choose.
    pub candidates: Vec<String>,
}

/// A place that is wrong only as a consequence of another problem.
#[derive(Clone, Debug, PartialEq, rkyv::Archive, rkyv::Serialize, rkyv::Deserialize)]
pub struct FollowOn {
    pub file: String,
    pub start: Position,
    pub message: Said,
}

impl FollowOn {
    pub fn one_line(&self, lang: Lang) -> String {
        format!("{}:{}:{}: {}", self.file, self.start.line, self.start.column, self.message.get(lang))
    }
}

/// Follow-on problems moved under the error that causes them, then errors first, each group
/// by file and place: what to fix first comes first, and one mistake reads as one problem.
pub fn group(mut problems: Vec<Diagnostic>) -> Vec<Diagnostic> {
    let (follow_ons, mut rest): (Vec<Diagnostic>, Vec<Diagnostic>) =
        problems.drain(..).partition(|p| p.caused_by.is_some());
    rest.sort_by(|a, b| (a.severity, &a.file, a.start).cmp(&(b.severity, &b.file, b.start)));
    for follow_on in follow_ons {
        let cause = follow_on.caused_by.as_deref().unwrap_or_default();
        match rest.iter_mut().find(|p| p.is_error() && p.file == cause) {
            Some(cause) => cause.follow_ons.push(FollowOn {
                file: follow_on.file,
                start: follow_on.start,
                message: follow_on.message,
            }),
            // No error to hang it on (cannot happen today): keep it as a problem of its own.
            None => rest.push(Diagnostic { caused_by: None, ..follow_on }),
        }
    }
    // An error others follow from (a vocabulary with a syntax error, an entry that did not
    // load) is what to fix first: it comes before the rest of its severity.
    rest.sort_by_key(|p| (p.severity, p.follow_ons.is_empty()));
    rest
}

impl Diagnostic {
    /// A new error. The message and file name are sanitised here, once, since both may quote
    /// what a stranger wrote.
    pub fn error(code: &'static str, file: &str, start: Position, end: Position, message: Said) -> Self {
        Diagnostic {
            severity: Severity::Error,
            code,
            file: sanitize(file, Lines::Single),
            start,
            end: end.max(start),
            message: message.map(|m| sanitize(m, Lines::Single)),
            expected: None,
            suggestion: None,
            follow_ons: Vec::new(),
            caused_by: None,
            candidates: Vec::new(),
        }
    }

    pub fn warning(code: &'static str, file: &str, start: Position, end: Position, message: Said) -> Self {
        Diagnostic { severity: Severity::Warning, ..Diagnostic::error(code, file, start, end, message) }
    }

    pub fn with_expected(mut self, expected: Said) -> Self {
        self.expected = Some(expected.map(|e| sanitize(e, Lines::Single)));
        self
    }

    /// `message`, then `more` (a sentence that qualifies it), in both languages.
    pub fn with_message_after(mut self, more: Said) -> Self {
        let more = more.map(|m| sanitize(m, Lines::Single));
        self.message = Said::by(|lang| format!("{} {}", self.message.get(lang), more.get(lang)));
        self
    }

    /// The words that could replace the value this problem points at ([`close_candidates`]).
    pub fn with_candidates<'a>(mut self, candidates: impl IntoIterator<Item = &'a str>) -> Self {
        self.candidates = candidates.into_iter().map(|c| sanitize(c, Lines::Single)).collect();
        self
    }

    pub fn with_help(mut self, suggestion: Option<Said>) -> Self {
        self.suggestion = suggestion.map(|s| s.map(|s| sanitize(s, Lines::Single)));
        self
    }

    /// Marks this problem as a consequence of the error in `file`.
    pub fn caused_by(mut self, file: &str) -> Self {
        self.caused_by = Some(sanitize(file, Lines::Single));
        self
    }

    /// "and 22 references to it", for a problem with follow-ons.
    pub fn follow_on_said(&self) -> Option<Said> {
        let n = self.follow_ons.len();
        let vocabulary = std::path::Path::new(&self.file)
            .parent()
            .is_some_and(|folder| folder.file_name().is_some_and(|name| name == "vocabularies"));
        (n > 0).then(|| match vocabulary {
            true => crate::i18n::problems::unchecked_uses(n),
            false => crate::i18n::problems::follow_ons(n),
        })
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }

    /// `file:line:col: message`, the one-line form editors and the dashboard's panel use.
    pub fn one_line(&self, lang: Lang) -> String {
        let mut text = format!("{}:{}:{}: {}", self.file, self.start.line, self.start.column, self.message.get(lang));
        if let Some(suggestion) = &self.suggestion {
            text.push_str(" — ");
            text.push_str(suggestion.get(lang));
        }
        if let Some(follow_ons) = self.follow_on_said() {
            text.push_str(&format!(" ({})", follow_ons.get(lang)));
        }
        text
    }

    /// This problem as tools read it (`check --format json`), in the reader's language.
    pub fn json(&self, lang: Lang) -> serde_json::Value {
        #[derive(Serialize)]
        struct Shown<'a> {
            severity: Severity,
            code: &'a str,
            file: &'a str,
            start: Position,
            end: Position,
            message: &'a str,
            #[serde(skip_serializing_if = "Option::is_none")]
            expected: Option<&'a str>,
            #[serde(skip_serializing_if = "Option::is_none")]
            suggestion: Option<&'a str>,
            #[serde(skip_serializing_if = "Vec::is_empty")]
            follow_ons: Vec<FollowOnShown<'a>>,
            #[serde(skip_serializing_if = "<[String]>::is_empty")]
            candidates: &'a [String],
        }
        #[derive(Serialize)]
        struct FollowOnShown<'a> {
            file: &'a str,
            start: Position,
            message: &'a str,
        }
        let shown = Shown {
            severity: self.severity,
            code: self.code,
            file: &self.file,
            start: self.start,
            end: self.end,
            message: self.message.get(lang),
            expected: self.expected.as_ref().map(|e| e.get(lang)),
            suggestion: self.suggestion.as_ref().map(|s| s.get(lang)),
            follow_ons: self
                .follow_ons
                .iter()
                .map(|f| FollowOnShown { file: &f.file, start: f.start, message: f.message.get(lang) })
                .collect(),
            candidates: &self.candidates,
        };
        serde_json::to_value(shown).unwrap_or_default()
    }
}

/// The closest candidate to a misspelt `word`, if one is close enough to be a likely typo: the
/// fewest edits (a swap of two letters counts as one), then the same length (a substitution is
/// likelier than a dropped letter), then the longest shared start. Words of one or two letters
/// get no suggestion: every short id is one edit from another. A word that starts a candidate
/// counts as one edit away.
pub fn closest<'a>(word: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    close_candidates(word, candidates).into_iter().next()
}

/// Every candidate close enough to a misspelt `word` to be a likely typo, best first (see
/// [`closest`] for what counts as close and which comes first).
pub fn close_candidates<'a>(word: &str, candidates: impl IntoIterator<Item = &'a str>) -> Vec<&'a str> {
    let word = word.to_lowercase();
    let length = word.chars().count();
    if length < 3 {
        return Vec::new();
    }
    let allowed = ((length + 2) / 4).max(1);
    let mut close: Vec<((usize, usize, i64), &str)> = candidates
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
        .collect();
    close.sort_by_key(|c| c.0);
    close.dedup_by(|a, b| a.1 == b.1);
    close.into_iter().map(|(_, candidate)| candidate).collect()
}

/// The candidates a misspelt `word` may be replaced by without asking (`check --fix`): those a
/// few letters away as [`close_candidates`] counts them, but never a word that merely starts
/// or ends the other ("umicore" for "umicore-hoboken-precious-metals-recycling" is a different
/// entry, not a slip of the keyboard).
pub fn fix_candidates<'a>(word: &str, candidates: impl IntoIterator<Item = &'a str>) -> Vec<&'a str> {
    let lower = word.to_lowercase();
    let allowed = ((lower.chars().count() + 2) / 4).max(1);
    close_candidates(word, candidates)
        .into_iter()
        .filter(|candidate| strsim::osa_distance(&lower, &candidate.to_lowercase()) <= allowed)
        .collect()
}

/// "did you mean …?" for a misspelt `word`, if a candidate is close.
pub fn suggestion<'a>(word: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<Said> {
    closest(word, candidates).and_then(|c| crate::i18n::did_you_mean(&[c]))
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
    fn a_fix_is_never_a_word_that_only_starts_the_other() {
        let ids = ["umicore", "carester", "neodymium"];
        assert_eq!(closest("umicore-hoboken-precious-metals-recycling", ids), Some("umicore"));
        assert!(fix_candidates("umicore-hoboken-precious-metals-recycling", ids).is_empty());
        assert!(fix_candidates("carester-caremag", ids).is_empty());
        assert_eq!(fix_candidates("neodymum", ids), ["neodymium"]);
    }

    #[test]
    fn messages_cannot_carry_escape_sequences() {
        let message = Said::new("bad \u{1b}]0;t\u{7}", "mauvais \u{1b}]0;t\u{7}");
        let d = Diagnostic::error("x", "a\u{1b}b.ron", Position::START, Position::START, message);
        for lang in Lang::ALL {
            assert!(!d.one_line(lang).chars().any(char::is_control));
        }
    }
}
