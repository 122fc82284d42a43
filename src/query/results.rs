//! What a search returns.

use std::ops::Range;

use super::facet::{Facet, PerFacet};

/// For each facet, the count of every value (indexed as in [`Filters`](super::Filters)), zeros
/// included.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct FacetCounts {
    pub(super) counts: PerFacet<Vec<u32>>,
}

impl FacetCounts {
    /// Counts of every value of `facet`, indexed by value.
    pub fn get(&self, facet: Facet) -> &[u32] {
        self.counts.get(facet)
    }

    pub fn count(&self, facet: Facet, value: usize) -> u32 {
        self.counts.get(facet).get(value).copied().unwrap_or(0)
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
    /// A close match: one of the query's words is in the entry only within one typo (never
    /// exactly, nor as a start), so the results mark it.
    pub typo: bool,
}

/// The words the results have when none has them all: `have` of the query's `of`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Partial {
    pub have: u32,
    pub of: u32,
    /// Some entry outside the facet panel's selections has every word: the line says "in
    /// this selection", since the catalogue has them.
    pub elsewhere: bool,
}

/// What a search returns.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Results {
    /// The best `limit` hits, best first (catalogue order when the query has no words).
    pub hits: Vec<Hit>,
    /// How many entries match the query and the filters.
    pub total: usize,
    /// Set when no entry matching the rest of the query has every word: the results are then
    /// the entries having the most of them, and say so.
    pub partial: Option<Partial>,
    pub facet_counts: FacetCounts,
    /// Field-filter values that name nothing (`region:XX`); such a filter is ignored.
    pub unknown_values: Vec<(Facet, String)>,
}
