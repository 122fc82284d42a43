//! `boucle check --fix`: the suggestions that leave no doubt, applied to the files.
//!
//! A problem is fixed when its value (a misspelt field, vocabulary id, status or reference)
//! has exactly one known word close enough to be what was meant
//! ([`crate::diagnostic::close_candidates`]): the value is replaced by it, in place, and
//! nothing else of the file changes. A problem with several candidates is left for the
//! curator, with the list; so is every problem of a file that has syntax errors (its values
//! may not be where they seem). A file is written only if it still reads after the edits.

use std::collections::BTreeMap;

use crate::diagnostic::{Diagnostic, Position};

/// The problem codes whose value a candidate can replace.
const FIXABLE: &[&str] = &[
    "unknown-field",
    "unknown-value",
    "unknown-vocabulary-id",
    "vocabulary-id-case",
    "broken-reference",
    "wrong-kind",
];

/// What `--fix` will do with a catalogue's problems.
#[derive(Debug, Default)]
pub struct Plan {
    /// Per file: the problems with one candidate.
    pub fixes: BTreeMap<String, Vec<Diagnostic>>,
    /// Problems with several candidates.
    pub ambiguous: Vec<Diagnostic>,
}

pub fn plan(problems: &[Diagnostic]) -> Plan {
    let mut plan = Plan::default();
    for problem in problems.iter().filter(|p| FIXABLE.contains(&p.code) && !p.candidates.is_empty()) {
        if problem.candidates.len() == 1 {
            plan.fixes.entry(problem.file.clone()).or_default().push(problem.clone());
        } else {
            plan.ambiguous.push(problem.clone());
        }
    }
    plan
}

/// Why a file's fixes were not applied.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Refused {
    /// The file has syntax errors: fix them first.
    Syntax,
    /// A problem's place no longer holds a value (the file changed since it was read).
    Moved,
}

/// `text` with `fixes` applied, and how many were. A byte-order mark (which some Windows
/// editors write) is kept, and the places are counted after it, as the loader counts them.
pub fn apply(text: &str, fixes: &[Diagnostic]) -> Result<(String, usize), Refused> {
    match text.strip_prefix('\u{feff}') {
        Some(body) => apply_to_body(body, fixes).map(|(fixed, count)| (format!("\u{feff}{fixed}"), count)),
        None => apply_to_body(text, fixes),
    }
}

fn apply_to_body(text: &str, fixes: &[Diagnostic]) -> Result<(String, usize), Refused> {
    if super::fmt::cst::parse(text).is_err() {
        return Err(Refused::Syntax);
    }
    let lines: Vec<usize> = std::iter::once(0).chain(text.match_indices('\n').map(|(i, _)| i + 1)).collect();
    let mut edits: Vec<(usize, usize, String)> = Vec::new();
    for fix in fixes {
        let (Some(start), Some(end)) = (offset(text, &lines, fix.start), offset(text, &lines, fix.end)) else {
            return Err(Refused::Moved);
        };
        let Some(replacement) = replacement(&text[start..end], &fix.candidates[0]) else {
            return Err(Refused::Moved);
        };
        edits.push((start, end, replacement));
    }
    edits.sort_by_key(|e| e.0);
    edits.dedup_by_key(|e| e.0);
    let mut fixed = text.to_string();
    let mut last = usize::MAX;
    for (start, end, replacement) in edits.iter().rev() {
        if *end > last {
            continue; // overlapping: cannot happen for distinct values
        }
        fixed.replace_range(*start..*end, replacement);
        last = *start;
    }
    if super::fmt::cst::parse(&fixed).is_err() {
        return Err(Refused::Moved);
    }
    Ok((fixed, edits.len()))
}

/// The byte offset of a position (1-based line, column in characters).
fn offset(text: &str, lines: &[usize], at: Position) -> Option<usize> {
    let start = *lines.get(at.line.checked_sub(1)?)?;
    let line_end = text[start..].find('\n').map_or(text.len(), |i| start + i);
    let line = &text[start..line_end];
    let column = at.column.checked_sub(1)?;
    match line.char_indices().nth(column) {
        Some((i, _)) => Some(start + i),
        None if column == line.chars().count() => Some(line_end),
        None => None,
    }
}

/// What replaces the value `found` (a quoted id, or a bare word: a field name, a status) by
/// `candidate`, written the same way; `None` when `found` is not such a value.
fn replacement(found: &str, candidate: &str) -> Option<String> {
    let id_like =
        |s: &str| !s.is_empty() && s.chars().all(|c| c.is_alphanumeric() || matches!(c, '-' | '_' | '.' | '+'));
    if let Some(inner) = found.strip_prefix('"').and_then(|s| s.strip_suffix('"')) {
        return (id_like(inner) && id_like(candidate)).then(|| format!("\"{candidate}\""));
    }
    let word = found.strip_prefix("r#").unwrap_or(found);
    let plain = |s: &str| {
        s.chars().next().is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
            && s.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
    };
    (id_like(word) && id_like(candidate))
        .then(|| if plain(candidate) { candidate.to_string() } else { format!("r#{candidate}") })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn problem(code: &'static str, start: (usize, usize), end: (usize, usize), candidates: &[&str]) -> Diagnostic {
        let message = crate::i18n::problems::unknown_value("x", "status");
        Diagnostic::error(code, "x.ron", Position::new(start.0, start.1), Position::new(end.0, end.1), message)
            .with_candidates(candidates.iter().copied())
    }

    #[test]
    fn a_value_is_replaced_in_place_written_as_it_was() {
        let text = "GoodPractice(\n    sumary: \"é\",\n    materials: [\"leed\"],\n    review: (status: reviewd),\n)\n";
        let fixes = [
            problem("unknown-field", (2, 5), (2, 11), &["summary"]),
            problem("unknown-vocabulary-id", (3, 17), (3, 23), &["lead"]),
            problem("unknown-value", (4, 22), (4, 29), &["reviewed"]),
        ];
        let (fixed, count) = apply(text, &fixes).unwrap();
        assert_eq!(count, 3);
        assert_eq!(fixed, text.replace("sumary", "summary").replace("leed", "lead").replace("reviewd", "reviewed"));
        assert_eq!(replacement("r#to-complet", "to_complete").as_deref(), Some("to_complete"));
        assert_eq!(replacement("\"a b\"", "x"), None);
    }

    #[test]
    fn a_file_with_syntax_errors_is_refused() {
        let text = "GoodPractice(\n    sumary: \"é,\n)\n";
        let fixes = [problem("unknown-field", (2, 5), (2, 11), &["summary"])];
        assert_eq!(apply(text, &fixes), Err(Refused::Syntax));
    }
}
