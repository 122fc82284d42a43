//! Hooks for `examples/bench` only: not part of the query API, and may change at any time.

pub use super::search::Phases;
use super::{Engine, Filters, Query, Results};
use crate::model::Catalogue;
use crate::text::Lang;

/// [`Engine::search`], also returning the time each of its phases took.
pub fn search_timed(
    engine: &Engine,
    catalogue: &Catalogue,
    query: &Query,
    filters: &Filters,
    lang: Lang,
    limit: usize,
) -> (Results, Phases) {
    let mut phases = Phases::default();
    let results = engine.search_measured(catalogue, query, filters, lang, limit, &mut phases);
    (results, phases)
}

/// Runs `f` with every search of this thread split into `parts` parts of the entries (as on
/// that many cores), whatever the catalogue's size: for benchmarks comparing one thread with
/// several, and for tests checking that the split changes no result.
pub fn with_search_parts<R>(parts: usize, f: impl FnOnce() -> R) -> R {
    super::split::with_parts(parts, f)
}

/// [`Engine::new`] on `threads` threads (it chooses by itself otherwise), to compare builds.
pub fn index_with_threads(catalogue: &Catalogue, threads: usize) -> Engine {
    Engine::with_threads(catalogue, threads)
}

/// Runs `f` with every search of this thread on the plain paths, without the shortcuts that
/// make large catalogues fast (dense scores of short words, the scan collecting a common
/// word's entries, ranking only the results having every word): for tests checking that the
/// shortcuts change no result, and benchmarks measuring what they save.
pub fn without_shortcuts<R>(f: impl FnOnce() -> R) -> R {
    super::search::without_shortcuts(f)
}

/// Runs `f` with every word of this thread's searches read whole and the words' lists
/// intersected, instead of reading a word only at the entries having the others: for tests
/// checking that both give the same results.
pub fn with_whole_reads<R>(f: impl FnOnce() -> R) -> R {
    super::search::with_whole_reads(f)
}
