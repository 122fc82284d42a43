//! The query engine: facet filters with live counts and ranked, accent-insensitive search.
//! It has no UI; the dashboard and `boucle list` are two faces of it.
//!
//! ```no_run
//! # use boucle::model::Catalogue;
//! # use boucle::text::Lang;
//! use boucle::query::{Facet, Filters, Indexed, Query};
//! # let catalogue = Catalogue::default();
//! let indexed = Indexed::new(catalogue); // once per (re)load: the catalogue with its index
//! let mut filters = Filters::default();
//! if let Some(values) = indexed.resolve_value(Facet::Region, "FRE") {
//!     filters.select(Facet::Region, values[0]); // Hauts-de-France and every region in it
//! }
//! let results = indexed.search(&Query::parse("recyc aimant -draft"), &filters, Lang::Fr, 50);
//! for hit in &results.hits {
//!     let title = indexed.catalogue().entries()[hit.entry].title().get(Lang::Fr);
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
//!   more, within one typo ([`matching::match_word`]; never in the first letter). An entry
//!   matches if it has at least one word; entries with more of the words rank first, then those
//!   with more of them spelled right (not only by a typo: [`Hit::typo`] marks the others), then
//!   by field weight ([`Field`]), with a bonus for query words found next to each other in
//!   order (the phrase). An entry's words include the names of the vocabulary values it has,
//!   as filters see them (`tagged.rs`): labels in every language, codes and symbols of its
//!   region and the region's parents, of its materials with their groups and members, of its
//!   themes with their pillar, of its stages; so `néodyme` finds what `mat:nd` finds.
//! - **Exclusions**: `-word` drops entries having a word starting with `word` (no typo).
//! - **Field filters** in the query (`region:FRE12 mat:nd,pr -kind:event year:2025`) and
//!   [`Filters`] selections: OR within a facet, AND across facets; a parent value (a NUTS
//!   country or region, a material group, an ESG pillar) includes its descendants.
//!   A material also works downwards: an entry tagged with a group (rare earths for magnets)
//!   has each of its members too, so a filter on neodymium finds it (`tagged.rs`). A material
//!   may be in several groups (neodymium: for magnets, and light).
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
//!
//! # Files
//! - `facet.rs`, `filters.rs`, `results.rs`: the facets, what is selected, what a search returns;
//! - `indexed.rs`: a catalogue with its engine, valid by construction;
//! - `engine.rs`: the index's data; `build.rs` and `facet_index.rs` build it; `fields.rs` what is
//!   searchable and how postings are packed; `tagged.rs` the values and names a vocabulary term
//!   gives the entries tagged with it, for both; `bits.rs` sets of entries;
//! - `search.rs`: a search phase by phase; `counts.rs` facet counts, `recount.rs` the same
//!   updated from the previous search's while typing; `rank.rs` ranking and
//!   highlights; `values.rs` facet values by id and label;
//! - `parse.rs` the query box; `fold.rs`, `matching.rs`, `fuzzy.rs` words and how they match;
//! - `scratch.rs` per-thread arrays of a search; `narrow.rs` the previous search's words,
//!   reused while typing; `short.rs` dense scores of words of one to four letters;
//! - `split.rs` the ranges of entries a large search's passes are split into, run on the
//!   helper threads of `pool.rs`.

mod bits;
mod build;
mod counts;
mod engine;
mod every;
mod facet;
mod facet_index;
mod fields;
mod filters;
mod fold;
pub mod fuzzy;
mod indexed;
mod lists;
pub mod matching;
mod most_counts;
mod narrow;
mod parse;
mod pool;
mod rank;
mod recount;
mod results;
mod scratch;
mod search;
pub mod selection;
mod short;
mod slab;
mod split;
mod stop;
mod stored;
mod tagged;
mod tally;
mod values;
mod words;

#[doc(hidden)]
pub mod bench_support;

pub use crate::model::Facet;
pub use engine::Engine;
pub use fields::{Field, MAX_ENTRIES};
pub use filters::Filters;
pub use fold::{Token, fold, original_end_for_folded_prefix, tokens};
pub use indexed::Indexed;
pub use parse::{FieldFilter, MAX_WORDS, Query, QueryError, QueryErrorKind};
pub use results::{FacetCounts, Hit, Partial, Results};
pub use stored::{StoredEngine, read_cached};
