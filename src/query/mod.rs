//! The query engine: facet filters with live counts and ranked, accent-insensitive search.
//! It has no UI; the dashboard and `boucle list` are two faces of it.
//!
//! ```no_run
//! # use boucle::model::Catalogue;
//! # use boucle::text::Lang;
//! use boucle::query::{Engine, Facet, Filters, Query};
//! # let catalogue = Catalogue::default();
//! let engine = Engine::new(&catalogue); // once per (re)load
//! let mut filters = Filters::default();
//! if let Some(values) = engine.resolve_value(&catalogue, Facet::Region, "FRE") {
//!     filters.select(Facet::Region, values[0]); // Hauts-de-France and every region in it
//! }
//! let results = engine.search(&catalogue, &Query::parse("recyc aimant -draft"), &filters, Lang::Fr, 50);
//! for hit in &results.hits {
//!     let title = catalogue.entries()[hit.entry].title().get(Lang::Fr);
//!     for range in &hit.title_highlights {
//!         let _matched: &str = &title[range.clone()]; // byte ranges, always on char boundaries
//!     }
//! }
//! let _in_hauts_de_france = results.facet_counts.get(Facet::Region);
//! ```
//!
//! # Semantics
//! - **Words**: the query's free words are accent- and case-folded. A word matches a word of an
//!   entry's text exactly, as its start (`recyc` → recyclage), or, for words of 5 letters or
//!   more, within one typo ([`matching::match_word`]). An entry matches if it has at least one
//!   word; entries with more of the words rank first, then by field weight ([`Field`]), with a
//!   bonus for query words found next to each other in order (the phrase).
//! - **Exclusions**: `-word` drops entries having a word starting with `word` (no typo).
//! - **Field filters** in the query (`region:FRE12 mat:nd,pr -kind:event year:2025`) and
//!   [`Filters`] selections: OR within a facet, AND across facets; a parent value (a NUTS
//!   country or region, a material group, an ESG pillar) includes its descendants.
//! - **Facet counts**: for every value of every facet, how many entries match the query and the
//!   *other* facets' selections and have that value (the usual disjunctive count: what the
//!   results would hold if only that value were selected in its facet). A parent counts the
//!   entries under any of its descendants.
//!
//! # Cost
//! [`Engine::new`] builds, once per load, a sorted dictionary of folded words with postings
//! (entry and fields), the title words of each entry (for phrase ranking), and per facet the
//! values of each entry (parents included) and the entries of each value. A search touches
//! only the postings of the dictionary words that match the query words, then works with
//! bitsets over entries; it ranks with a bounded heap and re-scores only the top few with
//! full text and fuzzy-matcher. [`Engine`] is immutable, `Send` and `Sync`.

mod engine;
mod fold;
mod fuzzy;
mod indexed;
pub mod matching;
mod parse;

pub use engine::{Engine, Field};
pub use fold::{Token, fold, original_end_for_folded_prefix, tokens};
pub use indexed::Indexed;
pub use parse::{FieldFilter, MAX_WORDS, Query, QueryError, QueryErrorKind};

use std::ops::Range;

use crate::model::VocabularyKind;

/// The facets entries can be filtered by, in the order the dashboard lists them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Facet {
    Region,
    Material,
    Theme,
    Kind,
    Stage,
    Organisation,
    Year,
    Status,
}

impl Facet {
    pub const COUNT: usize = 8;
    pub const ALL: [Facet; Facet::COUNT] = [
        Facet::Region,
        Facet::Material,
        Facet::Theme,
        Facet::Kind,
        Facet::Stage,
        Facet::Organisation,
        Facet::Year,
        Facet::Status,
    ];

    /// Position in [`Facet::ALL`].
    pub fn index(self) -> usize {
        self as usize
    }

    /// The name used in the query box (`mat:nd`).
    pub fn field_name(self) -> &'static str {
        match self {
            Facet::Region => "region",
            Facet::Material => "mat",
            Facet::Theme => "theme",
            Facet::Kind => "kind",
            Facet::Stage => "stage",
            Facet::Organisation => "org",
            Facet::Year => "year",
            Facet::Status => "status",
        }
    }

    /// The command-line flag that selects values of this facet (`boucle --esg E5`, `boucle list
    /// --esg E5`). The ESG flag is not `--theme`, which names the colour theme.
    pub fn flag(self) -> &'static str {
        match self {
            Facet::Region => "--region",
            Facet::Material => "--material",
            Facet::Theme => "--esg",
            Facet::Kind => "--kind",
            Facet::Stage => "--stage",
            Facet::Organisation => "--org",
            Facet::Year => "--year",
            Facet::Status => "--status",
        }
    }

    /// Reads a field name of the query box, with a few long and English/French forms.
    pub fn from_field_name(name: &str) -> Option<Facet> {
        Some(match name.to_lowercase().as_str() {
            "region" | "reg" | "nuts" | "région" => Facet::Region,
            "mat" | "material" | "materials" | "matériau" | "materiau" => Facet::Material,
            "theme" | "themes" | "esg" | "thème" => Facet::Theme,
            "kind" | "type" => Facet::Kind,
            "stage" | "stages" | "étape" | "etape" => Facet::Stage,
            "org" | "orgs" | "organisation" | "organization" => Facet::Organisation,
            "year" | "année" | "annee" => Facet::Year,
            "status" | "review" | "statut" => Facet::Status,
            _ => return None,
        })
    }

    /// The vocabulary its values come from, for the four vocabulary facets.
    pub fn vocabulary(self) -> Option<VocabularyKind> {
        match self {
            Facet::Region => Some(VocabularyKind::Region),
            Facet::Material => Some(VocabularyKind::Material),
            Facet::Theme => Some(VocabularyKind::Theme),
            Facet::Stage => Some(VocabularyKind::Stage),
            _ => None,
        }
    }
}

/// The values selected in each facet (what the user ticked), as value indices.
///
/// A facet's values are indexed as follows: vocabulary facets by term index in the
/// vocabulary; [`Facet::Kind`] by position in `Kind::ALL`; [`Facet::Status`] by position in
/// `ReviewStatus::ALL`; [`Facet::Organisation`] and [`Facet::Year`] by position in
/// [`Engine::organisations`] and [`Engine::years`]. [`Engine::value_id`] and
/// [`Engine::value_label`] name them; [`Engine::resolve_value`] finds them.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Filters {
    selected: [Vec<usize>; Facet::COUNT],
    /// When set, only these entries (catalogue positions) can be results: the shortlist's.
    only: Option<Vec<usize>>,
}

impl Filters {
    pub fn selected(&self, facet: Facet) -> &[usize] {
        &self.selected[facet.index()]
    }

    pub fn is_selected(&self, facet: Facet, value: usize) -> bool {
        self.selected[facet.index()].contains(&value)
    }

    pub fn select(&mut self, facet: Facet, value: usize) {
        if !self.is_selected(facet, value) {
            self.selected[facet.index()].push(value);
        }
    }

    pub fn deselect(&mut self, facet: Facet, value: usize) {
        self.selected[facet.index()].retain(|&v| v != value);
    }

    /// Selects or deselects; returns whether the value is now selected.
    pub fn toggle(&mut self, facet: Facet, value: usize) -> bool {
        if self.is_selected(facet, value) {
            self.deselect(facet, value);
            false
        } else {
            self.select(facet, value);
            true
        }
    }

    pub fn clear(&mut self, facet: Facet) {
        self.selected[facet.index()].clear();
    }

    pub fn clear_all(&mut self) {
        self.selected.iter_mut().for_each(Vec::clear);
    }

    pub fn is_empty(&self) -> bool {
        self.selected.iter().all(Vec::is_empty) && self.only.is_none()
    }

    /// Restricts the results to these entries (catalogue positions), or lifts the restriction.
    /// Like the query, it applies before facet counts, so the counts are the shortlist's.
    pub fn restrict_to(&mut self, entries: Option<Vec<usize>>) {
        self.only = entries;
    }

    pub fn restriction(&self) -> Option<&[usize]> {
        self.only.as_deref()
    }
}

/// For each facet, the count of every value (indexed as in [`Filters`]), zeros included.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct FacetCounts {
    pub(crate) counts: [Vec<u32>; Facet::COUNT],
}

impl FacetCounts {
    /// Counts of every value of `facet`, indexed by value.
    pub fn get(&self, facet: Facet) -> &[u32] {
        &self.counts[facet.index()]
    }

    pub fn count(&self, facet: Facet, value: usize) -> u32 {
        self.counts[facet.index()].get(value).copied().unwrap_or(0)
    }
}

/// One result.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Hit {
    /// Index into `Catalogue::entries()`.
    pub entry: usize,
    /// Higher is better. Entries with more query words always score higher.
    pub score: i64,
    /// How many of the query's words the entry has.
    pub words: u32,
    /// Matched characters as byte ranges of `entry.title().get(lang)`, sorted, disjoint.
    pub title_highlights: Vec<Range<usize>>,
    /// The same for `entry.summary().get(lang)`.
    pub summary_highlights: Vec<Range<usize>>,
}

/// What a search returns.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Results {
    /// The best `limit` hits, best first (catalogue order when the query has no words).
    pub hits: Vec<Hit>,
    /// How many entries match the query and the filters.
    pub total: usize,
    /// How many of those have every query word.
    pub total_all_words: usize,
    pub facet_counts: FacetCounts,
    /// Field-filter values that name nothing (`region:XX`); such a filter is ignored.
    pub unknown_values: Vec<(Facet, String)>,
}
