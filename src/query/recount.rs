//! Facet counts updated from the previous search's instead of counted again: while typing, a
//! query's results change little from one key to the next (`terres rar` → `terres rare` drops
//! a few entries of 300k at 1M), and with the same selections every facet's count is a sum
//! over the entries passing the query (`counts.rs`: a facet with a selection counts the
//! entries passing the query and the other facets' selections). So the new counts are the
//! previous ones, plus the counts of the entries that came in, minus those of the entries that
//! left, exactly; only those are walked. At 1M, the results of two common words are 20–40 % of
//! the catalogue, the costliest size to count (neither they nor their complement are few).
//!
//! Kept per thread, like the words (`narrow.rs`): searches run on a pool's workers, and what a
//! worker last counted is usually its session's previous key. The counts are a fresh search's
//! (`tests/it/query_recount.rs`).

use std::cell::RefCell;

use super::bits::Bits;
use super::engine::Engine;
use super::facet::PerFacet;
use super::results::FacetCounts;
use super::search;
use super::{Facet, Filters};

/// The last counts on this thread, with what they were counted from.
struct Last {
    engine: u64,
    n: usize,
    /// The facets' selected values.
    selected: PerFacet<Vec<usize>>,
    /// The entries passing the query, before the facets' selections.
    base: Bits,
    counts: FacetCounts,
}

thread_local! {
    static LAST: RefCell<Option<Last>> = const { RefCell::new(None) };
}

/// A session's counts, carried from one worker to the next by the pool (`super::carried`).
#[derive(Default)]
pub(super) struct Kept(Option<Last>);

/// Swaps `kept` with this thread's counts.
pub(super) fn swap(kept: &mut Kept) {
    LAST.with(|last| std::mem::swap(&mut *last.borrow_mut(), &mut kept.0));
}

impl Engine {
    /// [`Engine::count_facets`] of `base` (the entries passing the query) under `filters`'
    /// selections, from the last counts on this thread when they were taken with the same
    /// selections and fewer entries changed than a count from scratch would walk.
    pub(super) fn count_facets_kept(
        &self,
        base: &Bits,
        results: &Bits,
        selections: &PerFacet<Option<Bits>>,
        filters: &Filters,
        n: usize,
    ) -> FacetCounts {
        let selected = PerFacet::from_fn(|facet: Facet| filters.selected(facet).to_vec());
        let last = LAST.with(|last| last.borrow_mut().take());
        let updated = last
            .filter(|l| l.engine == self.id && l.n == n && l.selected == selected && !search::plain())
            .and_then(|last| {
                let mut came = base.clone();
                came.and_not(&last.base);
                let mut left = last.base.clone();
                left.and_not(base);
                let changed = came.count() + left.count();
                let size = base.count();
                // A count from scratch walks the set or its complement, whichever is smaller;
                // two counts of a few entries each are worth it below half of that.
                (changed * 2 < size.min(n - size.min(n))).then(|| {
                    let plus = self.count_of(&came, selections);
                    let minus = self.count_of(&left, selections);
                    let mut counts = last.counts;
                    for (facet, values) in counts.counts.iter_mut() {
                        let (plus, minus) = (plus.get(facet), minus.get(facet));
                        for ((count, &p), &m) in values.iter_mut().zip(plus).zip(minus) {
                            *count = *count + p - m;
                        }
                    }
                    counts
                })
            });
        let counts = updated.unwrap_or_else(|| self.count_facets(base, results, selections));
        let kept = Last { engine: self.id, n, selected, base: base.clone(), counts: counts.clone() };
        LAST.with(|last| *last.borrow_mut() = Some(kept));
        counts
    }

    /// The counts of the entries of `set` alone, under `selections`.
    fn count_of(&self, set: &Bits, selections: &PerFacet<Option<Bits>>) -> FacetCounts {
        let mut results = set.clone();
        for selection in selections.iter().filter_map(|(_, s)| s.as_ref()) {
            results.and(selection);
        }
        self.count_facets(set, &results, selections)
    }
}
