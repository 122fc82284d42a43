//! Facet counts when no entry the facet panel keeps has every word of the query. The results
//! are then the entries there having the most words, and a value's count is still what
//! ticking it shows: the entries of that value, under the other facets' selections, having
//! the most words that ticking it would bring — which may be more than the results have now
//! (a region elsewhere with entries having every word), or fewer (a material whose entries
//! have only one word of three).

use super::bits::Bits;
use super::engine::Engine;
use super::facet::{Facet, PerFacet};
use super::results::FacetCounts;

impl Engine {
    /// The counts under the words' fallback: `candidates` are the entries having at least one
    /// word and passing the rest of the query, `word_masks` their words, `selected` the entries
    /// every selection keeps.
    pub(super) fn count_facets_most_words(
        &self,
        candidates: &Bits,
        word_masks: &[u16],
        selections: &PerFacet<Option<Bits>>,
        selected: Option<&Bits>,
    ) -> FacetCounts {
        let words = |e: usize| word_masks[e].count_ones();
        // What a facet's own selection already shows: ticking one more of its values shows
        // the entries with the most words over both.
        let shown_most = selected.map_or(0, |selected| {
            let mut most = 0;
            candidates.for_each(|e| {
                if selected.contains(e) {
                    most = most.max(words(e));
                }
            });
            most
        });
        let mut counts: PerFacet<Vec<u32>> = PerFacet::default();
        // Facets with no selection of their own see the same entries: one pass for them all.
        let unselected: Vec<Facet> = selections.iter().filter(|(_, s)| s.is_none()).map(|(f, _)| f).collect();
        let mut groups: Vec<(Vec<Facet>, Bits, u32)> = Vec::new();
        if !unselected.is_empty() {
            let mut seen = candidates.clone();
            if let Some(selected) = selected {
                seen.and(selected);
            }
            groups.push((unselected, seen, 0));
        }
        for (facet, _) in selections.iter().filter(|(_, s)| s.is_some()) {
            let mut seen = candidates.clone();
            for (other, selection) in selections.iter() {
                if other != facet
                    && let Some(selection) = selection
                {
                    seen.and(selection);
                }
            }
            groups.push((vec![facet], seen, shown_most));
        }
        for (facets, seen, floor) in groups {
            let indices: Vec<_> = facets.iter().map(|&f| self.facets.get(f)).collect();
            // Per value: the most words one of its entries has, and how many have that many.
            let mut most: Vec<Vec<(u32, u32)>> = indices.iter().map(|index| vec![(0, 0); index.values()]).collect();
            seen.for_each(|e| {
                let w = words(e);
                for (index, most) in indices.iter().zip(most.iter_mut()) {
                    for &v in index.of_entry(e) {
                        let (top, count) = &mut most[v as usize];
                        if w > *top {
                            (*top, *count) = (w, 1);
                        } else if w == *top {
                            *count += 1;
                        }
                    }
                }
            });
            for (facet, most) in facets.into_iter().zip(most) {
                *counts.get_mut(facet) =
                    most.into_iter().map(|(top, count)| if top >= floor { count } else { 0 }).collect();
            }
        }
        FacetCounts { counts }
    }
}
