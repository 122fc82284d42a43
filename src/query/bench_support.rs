//! Hooks for `examples/bench` only: not part of the query API, and may change at any time.

use std::time::Duration;

use super::{Engine, Filters, Query, Results};
use crate::model::Catalogue;
use crate::text::Lang;

/// [`Engine::search`], also returning the time it spent on facet counts.
pub fn search_timed(
    engine: &Engine,
    catalogue: &Catalogue,
    query: &Query,
    filters: &Filters,
    lang: Lang,
    limit: usize,
) -> (Results, Duration) {
    let mut counting = Duration::ZERO;
    let results = engine.search_measured(catalogue, query, filters, lang, limit, &mut counting);
    (results, counting)
}
