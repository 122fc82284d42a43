//! The search index of one catalogue: the data [`Engine::new`] builds (in `build.rs`) and
//! every search reads. The other files of `query/` each add one kind of method to it.

use super::facet::{Facet, PerFacet};
use super::facet_index::FacetIndex;
use super::fuzzy::TitleScorer;
use super::lists::{Postings, Terms};
use super::short::ShortPrefixes;
use super::slab::Slab;

/// Separates the title variants (languages) of one entry in `title_terms`.
pub(super) const NO_TERM: u32 = u32::MAX;

/// The search index of one catalogue. Build it with [`Engine::new`] whenever the catalogue is
/// (re)loaded and pass that same catalogue to [`Engine::search`], or hold both in an
/// [`Indexed`](super::Indexed), which keeps them together.
///
/// Archived with the catalogue in the catalogue cache (`stored.rs`): all but its id and the
/// title scorer, which hold nothing of the catalogue. Its large arrays are [`Slab`]s: read
/// from a mapped cache, they are views on the file's pages rather than copies.
#[derive(rkyv::Archive, rkyv::Serialize, rkyv::Deserialize)]
#[rkyv(deserialize_bounds(__D: super::slab::Viewing))]
pub struct Engine {
    /// Unique among the engines of this process: what a search kept on its thread for the
    /// next one (`narrow.rs`) is valid only for the engine it came from.
    #[rkyv(with = rkyv::with::Skip)]
    pub(super) id: u64,
    pub(super) len: usize,
    /// Every folded word of the catalogue, sorted.
    pub(super) terms: Terms,
    /// Per word: its [postings](super::fields::posting), by entry.
    pub(super) postings: Postings,
    /// Per entry: its title's words (all languages, `NO_TERM` between them).
    pub(super) title_offsets: Slab<u32>,
    pub(super) title_terms: Slab<u32>,
    pub(super) facets: PerFacet<FacetIndex>,
    /// The values of the year facet, ascending.
    pub(super) years: Vec<i32>,
    /// The organisation facet's values: entry indices of the organisations.
    pub(super) organisations: Vec<u32>,
    #[rkyv(with = rkyv::with::Skip)]
    pub(super) scorer: TitleScorer,
    /// Dense scores of the prefixes of one to four letters of many entries.
    pub(super) short: ShortPrefixes,
}

impl Engine {
    /// How many entries the index covers.
    pub fn len(&self) -> usize {
        self.len
    }

    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// How many distinct folded words the dictionary holds.
    pub fn dictionary_len(&self) -> usize {
        self.terms.len()
    }

    /// The values of [`Facet::Year`], ascending.
    pub fn years(&self) -> &[i32] {
        &self.years
    }

    /// The values of [`Facet::Organisation`]: catalogue indices of organisation entries.
    pub fn organisations(&self) -> &[u32] {
        &self.organisations
    }

    /// How many values `facet` has.
    pub fn value_count(&self, facet: Facet) -> usize {
        self.facets.get(facet).values()
    }

    /// The words of entry `e`'s titles, `NO_TERM` between languages.
    pub(super) fn title_terms(&self, e: usize) -> &[u32] {
        &self.title_terms[self.title_offsets[e] as usize..self.title_offsets[e + 1] as usize]
    }
}

const _: () = {
    const fn assert_send_sync<T: Send + Sync>() {}
    assert_send_sync::<Engine>();
};
