//! Diagnostics as a compiler would print them (source line, a marker under the span), and as
//! JSON for tools.

use codespan_reporting::diagnostic::{Diagnostic as Report, Label};
use codespan_reporting::files::{Files, SimpleFiles};
use codespan_reporting::term::{self, termcolor};
use std::collections::HashMap;
use std::ops::Range;

use super::{Diagnostic, Position, Severity};
use crate::i18n::problems as say;
use crate::text::Lang;

mod window;

use window::{LongLine, Quoted, Window};

/// Source lines longer than this are quoted as a window around the problem's column: a
/// minified or hostile file would flood the terminal.
const MAX_QUOTED_LINE: usize = 400;

/// Renders every diagnostic, quoting the source lines from `sources` (file name → text).
/// `colour` adds ANSI styles; the caller decides (terminal, `NO_COLOR`).
pub fn render_human(diagnostics: &[Diagnostic], sources: &HashMap<String, String>, colour: bool) -> String {
    render_human_in(diagnostics, sources, colour, Lang::En)
}

/// The same, in the reader's language: each problem's words and the words around them.
pub fn render_human_in(
    diagnostics: &[Diagnostic],
    sources: &HashMap<String, String>,
    colour: bool,
    lang: Lang,
) -> String {
    let (expected_word, help_word) = (say::expected_word(lang), say::help_word(lang));
    let mut files = Quoted::default();
    let mut ids = HashMap::new();
    let mut long_lines: HashMap<(usize, usize), LongLine> = HashMap::new();
    let config = term::Config::default();
    let mut out = String::new();
    for diagnostic in diagnostics {
        // Each file is made displayable once, however many problems it has.
        let id = sources.get(&diagnostic.file).map(|text| {
            *ids.entry(diagnostic.file.clone())
                .or_insert_with(|| files.whole.add(diagnostic.file.clone(), displayable(text)))
        });
        // A line too long to quote whole is quoted as a window around the column.
        let quotable = id.and_then(|id| match span_in(&files.whole, id, diagnostic.start, diagnostic.end) {
            Quote::Whole(range) => Some((window::FileId::Whole(id), range)),
            // A problem of the whole file (its size, its place) is no place in its first line.
            Quote::Window if WHOLE_FILE.contains(&diagnostic.code) => None,
            Quote::Window => {
                let (_, line) = line_of(&files.whole, id, diagnostic.start.line)?;
                let index = long_lines.entry((id, diagnostic.start.line)).or_insert_with(|| LongLine::new(line));
                let window = Window::around(&diagnostic.file, line, index, diagnostic.start, WINDOW_CHARS)?;
                (window.replacement_chars() <= 20)
                    .then(|| files.add_window_for(window, diagnostic.start, diagnostic.end))
            }
            Quote::No => None,
        });
        let (id, quotable) = match quotable {
            Some((id, range)) => (Some(id), Some(range)),
            None => (id.map(window::FileId::Whole), None),
        };
        let severity = match diagnostic.severity {
            Severity::Error => codespan_reporting::diagnostic::Severity::Error,
            Severity::Warning => codespan_reporting::diagnostic::Severity::Warning,
            Severity::Note => codespan_reporting::diagnostic::Severity::Note,
        };
        let mut report = Report::new(severity).with_code(diagnostic.code).with_message(diagnostic.message.get(lang));
        let mut notes = Vec::new();
        if let Some(expected) = &diagnostic.expected {
            notes.push(format!("{expected_word} {}", expected.get(lang)));
        }
        if let Some(suggestion) = &diagnostic.suggestion {
            notes.push(format!("{help_word} {}", suggestion.get(lang)));
        }
        match (id, quotable) {
            (Some(id), Some(range)) => {
                let label_text = diagnostic.suggestion.as_ref().map(|s| s.get(lang).to_string()).unwrap_or_default();
                report = report.with_labels(vec![Label::primary(id, range).with_message(label_text)]);
                notes.retain(|n| !n.starts_with(help_word));
            }
            _ => {
                // A problem of a whole file or folder has no line worth naming.
                let whole = diagnostic.start == Position::START && diagnostic.end == Position::START;
                let at = (!whole).then_some((diagnostic.start.line, diagnostic.start.column));
                let place = say::place_note(lang, &diagnostic.file, at);
                notes.insert(0, place);
            }
        }
        if let Some(summary) = diagnostic.follow_on_said().map(|s| s.get(lang).to_string()) {
            let places: Vec<String> = diagnostic.follow_ons.iter().take(3).map(|f| f.one_line(lang)).collect();
            let more = if diagnostic.follow_ons.len() > 3 { ", …" } else { "" };
            notes.push(format!("{} {}{more}", crate::i18n::with_colon(lang, &summary), places.join("; ")));
        }
        report = report.with_notes(notes);
        // The only failure is a span outside its file, which `span_in` rules out; fall back to
        // the one-line form rather than lose the problem.
        let mut one = if colour { termcolor::Buffer::ansi() } else { termcolor::Buffer::no_color() };
        if term::emit_to_write_style(&mut one, &config, &files, &report).is_err() {
            use std::io::Write;
            let _ = writeln!(one, "{}", diagnostic.one_line(lang));
        }
        out.push_str(&headed_in(&String::from_utf8_lossy(one.as_slice()), diagnostic, lang));
    }
    out
}

/// codespan heads a problem with `error[code]` or `warning[code]`, in English: the same in
/// the reader's language. The head comes first in the problem's rendering, before anything
/// quoted from the file.
fn headed_in(rendered: &str, diagnostic: &Diagnostic, lang: Lang) -> String {
    let english = format!("{}[{}]", severity_word(Lang::En, diagnostic.severity), diagnostic.code);
    let said = format!("{}[{}]", severity_word(lang, diagnostic.severity), diagnostic.code);
    rendered.replacen(&english, &said, 1)
}

/// `error`, `warning` or `note`, in `lang`: how a problem is headed, and said.
pub fn severity_word(lang: Lang, severity: Severity) -> &'static str {
    match severity {
        Severity::Note => say::note_word(lang),
        severity => say::severity_word(lang, severity == Severity::Error),
    }
}

/// The source as it may be shown: every character that could drive or spoof the terminal is
/// replaced by U+FFFD, one for one, so that character columns still line up. A line's CRLF end
/// (Windows editors) is a line end, not an odd character: its CR becomes a space.
fn displayable(text: &str) -> String {
    let mut chars = text.chars().peekable();
    std::iter::from_fn(|| chars.next().map(|c| (c, chars.peek().copied())))
        .map(|(c, next)| {
            if c == '\r' && matches!(next, Some('\n') | None) {
                return ' ';
            }
            let unsafe_char = (c.is_control() && c != '\n' && c != '\t')
                || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{200B}'..='\u{200F}' | '\u{FEFF}');
            if unsafe_char { '\u{FFFD}' } else { c }
        })
        .collect()
}

/// Problems of a whole file, placed at its start for want of a better place.
const WHOLE_FILE: &[&str] = &["file-too-large", "unreadable", "no-catalogue", "ignored-file", "not-a-file"];

/// How many characters of a long line are quoted around a problem's column.
const WINDOW_CHARS: usize = 100;

enum Quote {
    Whole(Range<usize>),
    /// The line is too long to quote whole.
    Window,
    No,
}

/// The byte range of a character span in a displayable file, if its line is short enough to
/// quote. Lines are found through the file's line index, so a file with a problem on every
/// value renders in one pass, not one pass per problem (found by fuzzing).
fn span_in(files: &SimpleFiles<String, String>, id: usize, start: Position, end: Position) -> Quote {
    let Some(shown) = files.get(id).ok().map(|f| f.source().as_str()) else { return Quote::No };
    let Some((line_start, line)) = line_of(files, id, start.line) else { return Quote::No };
    // More bytes than four per character allows is too long without counting.
    if line.len() > 4 * MAX_QUOTED_LINE || line.chars().count() > MAX_QUOTED_LINE {
        return Quote::Window;
    }
    if line.chars().filter(|c| *c == '\u{FFFD}').count() > 20 {
        return Quote::No;
    }
    let from = line_start + column_offset(line, start.column);
    let to = line_of(files, id, end.line).map_or(from, |(at, line)| at + column_offset(line, end.column)).max(from);
    // A zero-width span still gets a visible marker.
    let to = if to == from { shown[from..].chars().next().map_or(from, |c| from + c.len_utf8()) } else { to };
    Quote::Whole(from..to)
}

/// Where line `number` (1-based) starts, and its text without the line end.
fn line_of(files: &SimpleFiles<String, String>, id: usize, number: usize) -> Option<(usize, &str)> {
    let range = files.line_range(id, number.checked_sub(1)?).ok()?;
    let line = files.get(id).ok()?.source().get(range.clone())?;
    Some((range.start, line.strip_suffix('\n').unwrap_or(line)))
}

fn column_offset(line: &str, column: usize) -> usize {
    line.char_indices().nth(column.saturating_sub(1)).map_or(line.len(), |(i, _)| i)
}

/// One line per kind of problem, errors first: how much of each there is to fix.
pub fn render_kinds(diagnostics: &[Diagnostic], lang: Lang) -> String {
    let mut kinds: Vec<(Severity, &str, usize)> = Vec::new();
    for d in diagnostics {
        match kinds.iter_mut().find(|(s, c, _)| *s == d.severity && *c == d.code) {
            Some(kind) => kind.2 += 1,
            None => kinds.push((d.severity, d.code, 1)),
        }
    }
    kinds.sort_by(|a, b| (a.0, std::cmp::Reverse(a.2), a.1).cmp(&(b.0, std::cmp::Reverse(b.2), b.1)));
    kinds
        .into_iter()
        .map(|(severity, code, n)| {
            let word = severity_word(lang, severity);
            format!("{n:>5} {word}[{code}]\n")
        })
        .collect()
}

/// All diagnostics and a summary, as one JSON document, the problems in the reader's language.
pub fn render_json(diagnostics: &[Diagnostic], summary: serde_json::Value, lang: Lang) -> String {
    let errors = diagnostics.iter().filter(|d| d.is_error()).count();
    let document = serde_json::json!({
        "summary": summary,
        "errors": errors,
        "warnings": diagnostics.len() - errors,
        "problems": diagnostics.iter().map(|d| d.json(lang)).collect::<Vec<_>>(),
    });
    serde_json::to_string_pretty(&document).unwrap_or_else(|_| "{}".to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A file with CRLF ends was quoted with a `�` at the end of each line.
    #[test]
    fn a_crlf_line_end_is_quoted_as_a_line_end() {
        assert_eq!(displayable("    sumary: (\r\n)\r"), "    sumary: ( \n) ");
        assert_eq!(displayable("a\rb\x1b[2J"), "a\u{FFFD}b\u{FFFD}[2J", "a CR inside a line is still replaced");
    }

    #[test]
    fn quotes_the_line_and_marks_the_span() {
        let source = "GoodPractice(\n    materials: [\"neodymum\"],\n)\n".to_string();
        let d = Diagnostic::error(
            "unknown-vocabulary-id",
            "good-practices/x.ron",
            Position::new(2, 17),
            Position::new(2, 27),
            crate::i18n::problems::unknown_term(crate::model::VocabularyKind::Material, "neodymum"),
        )
        .with_help(crate::i18n::did_you_mean(&["neodymium"]));
        let sources = HashMap::from([("good-practices/x.ron".to_string(), source)]);
        let out = render_human(&[d], &sources, false);
        assert!(out.contains("good-practices/x.ron:2:17"), "{out}");
        assert!(out.contains("materials: [\"neodymum\"]"), "{out}");
        assert!(out.contains("^^^^^^^^^^ did you mean \"neodymium\"?"), "{out}");
    }

    #[test]
    fn never_quotes_control_characters() {
        let source = "(\n  title: \"\u{1b}]0;owned\u{7}\",\n  bad: 1,\n)".to_string();
        let message = crate::i18n::problems::unknown_field("bad", "x");
        let d = Diagnostic::error("unknown-field", "a.ron", Position::new(2, 12), Position::new(2, 14), message);
        let sources = HashMap::from([("a.ron".to_string(), source)]);
        let out = render_human(&[d], &sources, false);
        assert!(!out.chars().any(|c| c.is_control() && c != '\n'), "{out:?}");
    }
}
