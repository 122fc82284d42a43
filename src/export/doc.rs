//! [`EntryDoc`]: what one entry says, in one language, as ordered labelled blocks. Every
//! rendering of an entry (the dashboard's pane, `boucle show`, the exports) walks this one
//! document, so labels, their capitals and their order cannot drift apart.

use crate::model::{Date, Details, Entries, Entry, Id, Kind, ReviewStatus};
use crate::text::Lang;

/// One entry as a reader meets it: heading facts, then [`Block`]s in reading order.
#[derive(Clone, Debug)]
pub struct EntryDoc {
    pub id: Id,
    pub kind: Kind,
    /// The kind in words ("good practice"), as the dashboard's badge shows it.
    pub kind_word: &'static str,
    pub title: String,
    /// "Place, Region (CODE)", the region not repeated when the place has its name.
    pub place: Option<String>,
    /// The span the entry covers: one date, or "start → end".
    pub dates: Option<String>,
    pub summary: String,
    pub blocks: Vec<Block>,
}

/// A part of an entry under one label (or, for [`Block::Fields`], one label per line).
#[derive(Clone, Debug)]
pub enum Block {
    /// One-line facts shown together; never empty.
    Fields(Vec<Field>),
    /// A text of one or more paragraphs (lines separated by `\n`).
    Prose {
        label: &'static str,
        text: String,
    },
    /// A tour's stops, in order, each with the facilitator's note.
    Stops {
        label: &'static str,
        stops: Vec<StopItem>,
    },
    /// The entries this one leads to, in the order of [`link_targets`]; never empty.
    Links {
        label: &'static str,
        links: Vec<Link>,
    },
    Sources {
        label: &'static str,
        sources: Vec<SourceItem>,
    },
    Review {
        label: &'static str,
        review: ReviewItem,
    },
}

/// A labelled one-line fact.
#[derive(Clone, Debug)]
pub struct Field {
    pub label: &'static str,
    pub value: Value,
}

/// A fact's value, kept structured so that each medium can show ids where they help (a
/// handout names `team2` so it can be looked up) and hide them where they do not (the pane).
#[derive(Clone, Debug, PartialEq)]
pub enum Value {
    Text(String),
    /// Vocabulary terms. `codes`: the ids are codes readers know (ESRS topics such as E5),
    /// worth showing before the label.
    Terms {
        terms: Vec<Term>,
        codes: bool,
    },
    /// Entries of the catalogue named by id (organisations, programmes).
    Entries(Vec<EntryName>),
    Address(String),
}

/// A vocabulary term: its id, and its label (empty when the vocabulary lacks the id).
#[derive(Clone, Debug, PartialEq)]
pub struct Term {
    pub id: String,
    pub label: String,
}

/// An entry named by id, with its title when the catalogue has it.
#[derive(Clone, Debug, PartialEq)]
pub struct EntryName {
    pub id: Id,
    pub title: Option<String>,
}

impl EntryName {
    pub(super) fn new(catalogue: &dyn Entries, id: &Id, lang: Lang) -> EntryName {
        EntryName { id: id.clone(), title: catalogue.get(id.as_str()).map(|e| e.title().get(lang).to_string()) }
    }

    /// The title, or the id when the entry is missing.
    pub fn text(&self) -> &str {
        self.title.as_deref().unwrap_or(self.id.as_str())
    }
}

#[derive(Clone, Debug)]
pub struct StopItem {
    pub number: usize,
    pub entry: EntryName,
    /// Never empty when present.
    pub note: Option<String>,
}

/// A linked entry, which the dashboard can follow.
#[derive(Clone, Debug)]
pub struct Link {
    /// Its position in the catalogue the document was built from.
    pub index: usize,
    pub id: Id,
    pub title: String,
    pub kind: Kind,
    pub kind_word: &'static str,
}

#[derive(Clone, Debug)]
pub struct SourceItem {
    pub title: String,
    pub address: String,
    pub date: Option<String>,
}

#[derive(Clone, Debug)]
pub struct ReviewItem {
    pub status: ReviewStatus,
    pub status_word: &'static str,
    /// "last checked" / "vérifiée le", before the date.
    pub checked_word: &'static str,
    pub checked: String,
    /// Never empty when present.
    pub note: Option<String>,
}

impl ReviewItem {
    /// The status, then `between` and the day it was last checked when there is one: a
    /// malformed day (`2025-02-30`, dropped when read) leaves no dangling "last checked".
    pub fn line(&self, between: &str) -> String {
        match self.checked.is_empty() {
            true => self.status_word.to_string(),
            false => format!("{}{between}{} {}", self.status_word, self.checked_word, self.checked),
        }
    }
}

impl Value {
    /// The value as a line of text without ids: the dashboard's form.
    pub fn plain(&self) -> String {
        match self {
            Value::Text(text) | Value::Address(text) => text.clone(),
            Value::Terms { terms, codes } => join(terms.iter().map(|term| match (term.label.is_empty(), codes) {
                (true, _) => term.id.clone(),
                (false, true) => format!("{} {}", term.id, term.label),
                (false, false) => term.label.clone(),
            })),
            Value::Entries(names) => join(names.iter().map(|n| n.text().to_string())),
        }
    }

    pub fn is_empty(&self) -> bool {
        match self {
            Value::Text(text) | Value::Address(text) => text.is_empty(),
            Value::Terms { terms, .. } => terms.is_empty(),
            Value::Entries(names) => names.is_empty(),
        }
    }
}

pub(super) fn join(items: impl Iterator<Item = String>) -> String {
    items.collect::<Vec<_>>().join(", ")
}

/// Dates as every output shows them: one date for a one-day span, else "start → end".
pub fn dates(start: Option<Date>, end: Option<Date>) -> String {
    match (start, end) {
        (Some(s), Some(e)) if s != e => format!("{s} → {e}"),
        (Some(s), _) => s.to_string(),
        (None, Some(e)) => format!("→ {e}"),
        (None, None) => String::new(),
    }
}

/// The entries an entry leads to, as catalogue positions, in the order its document lists
/// them: a tour's stops, then related entries and programmes, then organisations; each once,
/// and only those the catalogue has. The dashboard numbers its links in this order.
pub fn link_targets(catalogue: &dyn Entries, entry: &Entry) -> Vec<usize> {
    let mut ids: Vec<&Id> = Vec::new();
    if let Details::Tour(tour) = &entry.details {
        ids.extend(tour.stops.iter().map(|s| &s.entry));
    }
    ids.extend(entry.entry_references().into_iter().filter(|(f, _)| *f != "entry").map(|(_, id)| id));
    ids.extend(entry.organisations());
    let mut out = Vec::new();
    for id in ids {
        if let Some(index) = catalogue.index_of(id.as_str())
            && !out.contains(&index)
        {
            out.push(index);
        }
    }
    out
}

impl EntryDoc {
    /// Numbers and their units (`10 M€`, `27 000 m²`) joined by no-break spaces in every text
    /// a reader sees, so that no output breaks them across lines.
    pub(super) fn keep_units_together(&mut self) {
        let keep = |text: &mut String| {
            if let std::borrow::Cow::Owned(kept) = crate::text::keep_units_together(text) {
                *text = kept;
            }
        };
        keep(&mut self.summary);
        for block in &mut self.blocks {
            match block {
                Block::Fields(fields) => fields.iter_mut().for_each(|f| {
                    if let Value::Text(text) = &mut f.value {
                        keep(text);
                    }
                }),
                Block::Prose { text, .. } => keep(text),
                Block::Stops { stops, .. } => stops.iter_mut().filter_map(|s| s.note.as_mut()).for_each(keep),
                Block::Links { .. } | Block::Sources { .. } | Block::Review { .. } => {}
            }
        }
    }

    /// The entries the document links to, in the order it lists them.
    pub fn links(&self) -> &[Link] {
        self.blocks
            .iter()
            .find_map(|b| match b {
                Block::Links { links, .. } => Some(links.as_slice()),
                _ => None,
            })
            .unwrap_or(&[])
    }

    /// Every label in reading order: block labels, and each field's label.
    pub fn labels(&self) -> Vec<&'static str> {
        let mut out = Vec::new();
        for block in &self.blocks {
            match block {
                Block::Fields(fields) => out.extend(fields.iter().map(|f| f.label)),
                Block::Prose { label, .. }
                | Block::Stops { label, .. }
                | Block::Links { label, .. }
                | Block::Sources { label, .. }
                | Block::Review { label, .. } => out.push(*label),
            }
        }
        out
    }
}
