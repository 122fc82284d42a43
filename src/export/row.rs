//! [`Row`]: one entry as a line of a list (the table, CSV, JSON and Markdown of `boucle list`).
//! It holds the short facts of the entry's [`EntryDoc`](super::EntryDoc) (title, kind word,
//! region) with the ids a tool needs, without the entry's texts.

use crate::i18n::kind_name;
use crate::model::{Entries, Entry, Id, Kind, ReviewStatus, Vocabulary};
use crate::text::Lang;

#[derive(Clone, Debug)]
pub struct Row {
    pub id: Id,
    pub kind: Kind,
    /// As [`EntryDoc::kind_word`](super::EntryDoc::kind_word).
    pub kind_word: &'static str,
    pub title: String,
    pub summary: String,
    pub region: Option<Listed>,
    pub place: Option<String>,
    pub materials: Vec<Listed>,
    pub themes: Vec<Listed>,
    pub stages: Vec<Listed>,
    /// The leading organisation (institution, host, organisers) first.
    pub organisations: Vec<Listed>,
    pub years: Vec<i32>,
    pub status: ReviewStatus,
    pub tags: Vec<String>,
    pub file: String,
    /// Where the search put it, when the list is ranked.
    pub rank: Option<Rank>,
}

/// A term or an entry named in a row: its id, and its label when the catalogue has it.
#[derive(Clone, Debug, PartialEq)]
pub struct Listed {
    pub id: String,
    pub label: Option<String>,
}

/// A search's judgement of a row.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Rank {
    /// Higher is better.
    pub score: i64,
    /// How many of the query's words the entry has.
    pub words: u32,
    /// Found only within a typo of one of the words (marked ≈, as in the dashboard).
    pub close: bool,
}

impl Row {
    /// The title as a list shows it: marked ≈ when the row is a close match.
    pub fn marked_title(&self) -> String {
        match self.rank {
            Some(Rank { close: true, .. }) => format!("≈ {}", self.title),
            _ => self.title.clone(),
        }
    }
}

impl Listed {
    fn term(vocabulary: &Vocabulary, id: &Id, lang: Lang) -> Listed {
        let label = vocabulary.get(id.as_str()).map(|t| match t.label.get(lang) {
            "" => t.id.to_string(),
            label => label.to_string(),
        });
        Listed { id: id.to_string(), label }
    }
}

impl Row {
    pub fn new(catalogue: &dyn Entries, entry: &Entry, lang: Lang, rank: Option<Rank>) -> Row {
        let v = catalogue.vocabularies();
        let c = &entry.common;
        let terms =
            |vocabulary: &Vocabulary, ids: &[Id]| ids.iter().map(|id| Listed::term(vocabulary, id, lang)).collect();
        Row {
            id: entry.id.clone(),
            kind: entry.kind,
            kind_word: kind_name(lang, entry.kind),
            title: entry.title().get(lang).to_string(),
            summary: entry.summary().get(lang).to_string(),
            region: c.location.as_ref().map(|l| Listed::term(&v.regions, &l.region, lang)),
            place: c.location.as_ref().and_then(|l| l.place.as_ref()).map(|p| p.get(lang).to_string()),
            materials: terms(&v.materials, &c.materials),
            themes: terms(&v.themes, &c.themes),
            stages: terms(&v.stages, &c.stages),
            organisations: entry
                .organisations()
                .into_iter()
                .map(|id| Listed {
                    id: id.to_string(),
                    label: catalogue.get(id.as_str()).map(|e| e.title().get(lang).to_string()),
                })
                .collect(),
            years: entry.years(),
            status: c.review.status,
            tags: c.tags.iter().map(|t| t.as_str().to_string()).collect(),
            file: entry.file().into_owned(),
            rank,
        }
    }

    /// The region's code, or nothing.
    pub fn region_id(&self) -> &str {
        self.region.as_ref().map_or("", |r| r.id.as_str())
    }

    /// Years as shown: `2017–2019`, `2025`, or nothing.
    pub fn years_text(&self) -> String {
        match (self.years.first(), self.years.last()) {
            (Some(a), Some(b)) if a != b => format!("{a}–{b}"),
            (Some(a), _) => a.to_string(),
            _ => String::new(),
        }
    }
}
