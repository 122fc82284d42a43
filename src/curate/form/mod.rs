//! The form curators fill instead of writing RON (`boucle new KIND ID --form`, `e` in the
//! dashboard), below the terminal: which lines a kind's form has (from the loader's schema, so
//! it cannot miss a field), what each holds as read from a file, the file it writes (the
//! document changed only where the curator edited, printed by `fmt`'s writer), the pickers'
//! choices, and which line a problem of `check` belongs to.

pub mod doc;

use std::sync::Arc;

use super::fmt::cst::{Doc, Value, parse};
use crate::diagnostic::Diagnostic;
use crate::load::schema::{Need, STATUSES, Shape, Ty, entry_fields};
use crate::model::{Catalogue, Kind, VocabularyKind};
use crate::text::Lang;
use doc::{Step, get, quote, set, string_list, strings, unquote};

/// Which entry a form writes, and where.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FormStart {
    pub kind: Kind,
    pub id: String,
    /// The file on disk.
    pub path: std::path::PathBuf,
    /// Its text when it exists (editing), else `None` (a new entry).
    pub text: Option<String>,
    /// The session ends when the form closes (`boucle new --form`).
    pub ends_session: bool,
}

/// Where a picker's choices come from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Choices {
    Vocabulary(VocabularyKind),
    Organisations,
    /// Events and tours (a visit's or event's `programme`).
    Programmes,
    /// Any entry (`related`).
    Entries,
    /// A few bare words (a review's status).
    Words(&'static [&'static str]),
}

/// What a line of the form edits.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Control {
    /// A line of text, written as a string.
    Text,
    /// A date, checked as it is typed.
    Date,
    /// A whole number.
    Count,
    /// Words separated by commas, written as a list of strings (tags).
    Words,
    /// One id, picked.
    One(Choices),
    /// A list of ids, picked.
    Many(Choices),
    /// Shown, but kept as written: the form cannot edit it (a tour's stops, several sources);
    /// the curator's editor can.
    Kept,
}

/// One line of the form.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Line {
    /// Where its value is in the file: `title`, `title.fr`, `review.checked`, `sources[0].url`.
    pub path: Vec<Step>,
    pub control: Control,
    /// Written even when empty (as `boucle new`'s template writes it), so that `check` says
    /// what it lacks beside it.
    pub required: bool,
}

impl Line {
    /// The top field's name.
    pub fn field(&self) -> &'static str {
        match self.path.first() {
            Some(Step::Field(name)) => name,
            _ => "",
        }
    }

    /// The name of the part of the field it edits (`fr`, `region`, `url`), if any.
    pub fn part(&self) -> Option<&'static str> {
        self.path.iter().skip(1).rev().find_map(|step| match step {
            Step::Field(name) => Some(*name),
            Step::Item(_) => None,
        })
    }
}

/// A value as the form holds it: text typed, or ids picked.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Filled {
    Text(String),
    Ids(Vec<String>),
}

/// The lines of a kind's form, in the schema's order.
pub fn lines(kind: Kind) -> Vec<Line> {
    let mut out = Vec::new();
    for spec in entry_fields(kind) {
        let required = spec.need != Need::Optional;
        let top = Step::Field(spec.name);
        let mut add = |path: Vec<Step>, control: Control, required: bool| out.push(Line { path, control, required });
        match spec.ty {
            Ty::One(Shape::Text) => {
                add(vec![top, Step::Field("fr")], Control::Text, required);
                add(vec![top, Step::Field("en")], Control::Text, required);
            }
            Ty::Struct("location", _) => {
                add(vec![top, Step::Field("region")], Control::One(Choices::Vocabulary(VocabularyKind::Region)), false);
                add(vec![top, Step::Field("place")], Control::Text, false);
            }
            Ty::Struct("review", _) => {
                add(vec![top, Step::Field("status")], Control::One(Choices::Words(&STATUSES[..3])), true);
                add(vec![top, Step::Field("checked")], Control::Date, true);
            }
            Ty::Struct("timescale", _) => {
                add(vec![top, Step::Field("start")], Control::Date, false);
                add(vec![top, Step::Field("end")], Control::Date, false);
                add(vec![top, Step::Field("status")], Control::One(Choices::Words(&["ongoing", "ended"])), false);
            }
            Ty::List(Ty::Struct("sources", _)) => {
                let first = |part| vec![top, Step::Item(0), Step::Field(part)];
                add(first("title"), Control::Text, false);
                add(first("url"), Control::Text, false);
                add(first("date"), Control::Date, false);
            }
            ty => add(vec![top], control_of(spec.name, &ty), required),
        }
    }
    out
}

fn control_of(field: &str, ty: &Ty) -> Control {
    match (ty, field) {
        (Ty::One(Shape::Line | Shape::Address), _) => Control::Text,
        (Ty::One(Shape::Date), _) => Control::Date,
        (Ty::One(Shape::Count), _) => Control::Count,
        (Ty::List(Ty::One(Shape::Line)), _) => Control::Words,
        (Ty::One(Shape::Id), "main_institution" | "host") => Control::One(Choices::Organisations),
        (Ty::One(Shape::Id), "programme") => Control::One(Choices::Programmes),
        (Ty::One(Shape::Id), "org_type") => Control::One(Choices::Vocabulary(VocabularyKind::OrganisationType)),
        (Ty::List(Ty::One(Shape::Id)), "organisations" | "organisers") => Control::Many(Choices::Organisations),
        (Ty::List(Ty::One(Shape::Id)), "materials") => Control::Many(Choices::Vocabulary(VocabularyKind::Material)),
        (Ty::List(Ty::One(Shape::Id)), "themes") => Control::Many(Choices::Vocabulary(VocabularyKind::Theme)),
        (Ty::List(Ty::One(Shape::Id)), "stages") => Control::Many(Choices::Vocabulary(VocabularyKind::Stage)),
        (Ty::List(Ty::One(Shape::Id)), "related") => Control::Many(Choices::Entries),
        _ => Control::Kept,
    }
}

/// The document a new entry starts from: its kind's name and nothing else.
pub fn empty(kind: Kind) -> Doc {
    parse(&format!("{}(\n)\n", kind.struct_name())).expect("an empty struct parses")
}

/// What a line holds in `doc`, and whether the form can edit it there: a value of another
/// shape than the line writes (several sources, a text where a list was expected) is kept.
pub fn read(doc: &Doc, line: &Line) -> (Filled, Control) {
    let value = get(doc, &line.path);
    let several_sources = line.field() == "sources"
        && matches!(get(doc, &line.path[..1]), Some(Value::List(seq)) if seq.members.len() > 1);
    if several_sources {
        return (Filled::Text(String::new()), Control::Kept);
    }
    // A per-language text written once for both languages: each line shows it.
    let value = value.or_else(|| match line.part() {
        Some("fr" | "en") => get(doc, &line.path[..1]).filter(|v| matches!(v, Value::Scalar(_))),
        _ => None,
    });
    let Some(value) = value else {
        let empty = match line.control {
            Control::Many(_) => Filled::Ids(Vec::new()),
            _ => Filled::Text(String::new()),
        };
        return (empty, line.control);
    };
    match (line.control, value) {
        (Control::Many(_), value) => match strings(value) {
            Some(ids) => (Filled::Ids(ids), line.control),
            None => (Filled::Ids(Vec::new()), Control::Kept),
        },
        (Control::Words, value) => match strings(value) {
            Some(words) => (Filled::Text(words.join(", ")), line.control),
            None => (Filled::Text(String::new()), Control::Kept),
        },
        (Control::Kept, _) => (Filled::Text(String::new()), Control::Kept),
        (Control::Count | Control::One(Choices::Words(_)), Value::Scalar(s)) => {
            (Filled::Text(unquote(s).unwrap_or_else(|| s.clone())), line.control)
        }
        (_, Value::Scalar(s)) => match unquote(s) {
            Some(text) => (Filled::Text(text), line.control),
            None => (Filled::Text(String::new()), Control::Kept),
        },
        _ => (Filled::Text(String::new()), Control::Kept),
    }
}

/// The document with the edited lines' values put in: an emptied optional value is removed,
/// a required one written empty. Lines not edited are left as they are.
pub fn apply(doc: &Doc, edits: &[(&Line, &Filled)]) -> Doc {
    let mut doc = doc.clone();
    for (line, filled) in edits {
        // A text written once for both languages becomes one per language when either is edited.
        if matches!(line.part(), Some("fr" | "en"))
            && let Some(Value::Scalar(plain)) = get(&doc, &line.path[..1]).cloned()
        {
            set(&mut doc, &line.path[..1], None);
            for lang in ["fr", "en"] {
                set(&mut doc, &[line.path[0], Step::Field(lang)], Some(Value::Scalar(plain.clone())));
            }
        }
        let value = match (line.control, filled) {
            (Control::Kept, _) => continue,
            (_, Filled::Ids(ids)) if ids.is_empty() && !line.required => None,
            (_, Filled::Ids(ids)) => Some(match line.control {
                Control::Many(_) => string_list(get(&doc, &line.path), ids),
                _ => Value::Scalar(quote(ids.first().map_or("", String::as_str))),
            }),
            (_, Filled::Text(text)) if text.trim().is_empty() && !line.required => None,
            (Control::Count, Filled::Text(text)) if text.trim().parse::<u32>().is_ok() => {
                Some(Value::Scalar(text.trim().to_string()))
            }
            (Control::One(Choices::Words(_)), Filled::Text(word)) if !word.is_empty() => {
                Some(Value::Scalar(word.clone()))
            }
            (Control::Words, Filled::Text(text)) => {
                let words: Vec<String> =
                    text.split(',').map(str::trim).filter(|w| !w.is_empty()).map(str::to_string).collect();
                Some(string_list(get(&doc, &line.path), &words))
            }
            (_, Filled::Text(text)) => Some(Value::Scalar(quote(text.trim()))),
        };
        set(&mut doc, &line.path, value);
        // A struct left with nothing in it (a location whose region and place were emptied)
        // goes too.
        if line.path.len() > 1
            && let Some(Value::Struct { fields, .. }) = get(&doc, &line.path[..line.path.len() - 1])
            && fields.members.is_empty()
        {
            let parent = line.path.len() - 1;
            let top = if matches!(line.path.get(1), Some(Step::Item(_))) { 1 } else { parent };
            set(&mut doc, &line.path[..top], None);
        }
    }
    // An empty list of sources is no source.
    if let Some(Value::List(seq)) = get(&doc, &[Step::Field("sources")])
        && seq.members.is_empty()
    {
        set(&mut doc, &[Step::Field("sources")], None);
    }
    doc
}

/// One choice of a picker: the id written, and the label shown in the curator's language.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Choice {
    pub id: String,
    pub label: String,
}

/// A picker's choices, labelled in `lang`, in the catalogue's order.
pub fn choices(catalogue: &Catalogue, from: Choices, lang: Lang) -> Arc<[Choice]> {
    let entries = |keep: &dyn Fn(Kind) -> bool| -> Vec<Choice> {
        catalogue
            .entries()
            .iter()
            .filter(|e| keep(e.kind))
            .map(|e| Choice { id: e.id.to_string(), label: e.title().get(lang).to_string() })
            .collect()
    };
    let list = match from {
        Choices::Vocabulary(kind) => catalogue
            .vocabularies
            .get(kind)
            .terms()
            .iter()
            .map(|t| Choice { id: t.id.to_string(), label: t.label.get(lang).to_string() })
            .collect(),
        Choices::Organisations => entries(&|k| k == Kind::Organisation),
        Choices::Programmes => entries(&|k| matches!(k, Kind::Event | Kind::Tour)),
        Choices::Entries => entries(&|_| true),
        Choices::Words(words) => words
            .iter()
            .map(|w| Choice { id: (*w).to_string(), label: crate::i18n::form::word_label(lang, w) })
            .collect(),
    };
    list.into()
}

/// The problems of a date as typed, before the file is checked: `None` when it reads as a date
/// (or is empty).
pub fn date_problem(text: &str) -> Option<crate::i18n::Said> {
    let text = text.trim();
    if text.is_empty() {
        return None;
    }
    crate::model::Date::parse(text).err().map(|refused| crate::i18n::problems::refused(&refused))
}

/// The line a problem of the written `text` belongs to: the line whose field (and part of the
/// field) the problem's position is in; `None` for a problem of the whole entry.
pub fn line_of(text: &str, problem: &Diagnostic, lines: &[Line]) -> Option<usize> {
    // A missing source is said at the entry's start: its place in the form is the source's line.
    if problem.code == "no-source" {
        return lines.iter().position(|l| l.field() == "sources");
    }
    let rows: Vec<&str> = text.lines().collect();
    let row = problem.start.line.checked_sub(1)?;
    // The top field whose lines hold the position: the last field started at or before it.
    let field = rows[..=row.min(rows.len().saturating_sub(1))].iter().rev().find_map(|r| {
        let rest = r.strip_prefix("    ")?;
        if rest.starts_with(' ') {
            return None;
        }
        let name = rest.split(':').next()?.trim();
        (rest.contains(':') && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')).then_some(name)
    })?;
    let candidates: Vec<usize> = (0..lines.len()).filter(|&i| lines[i].field() == field).collect();
    let first = *candidates.first()?;
    // Within the field, the part named last before the position (`checked:` in a one-line
    // review, `en:` in a text).
    let upto: String = rows.get(row).map(|r| r.chars().take(problem.start.column).collect()).unwrap_or_default();
    let part = candidates
        .iter()
        .filter_map(|&i| {
            let part = lines[i].part()?;
            upto.rfind(&format!("{part}:")).map(|at| (at, i))
        })
        .max();
    Some(part.map_or(first, |(_, i)| i))
}

/// Every problem of the file the form would write, from the loader's own checks, and whether
/// its entry would load.
pub fn problems(catalogue: &Catalogue, kind: Kind, relative: &str, text: &str) -> crate::load::CheckedOne {
    crate::load::check_one(catalogue, kind, relative, text)
}

#[cfg(test)]
mod tests;
