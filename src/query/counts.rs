//! Facet counts: for every value of every facet, how many results it would hold if it were
//! the only value selected in its facet (the usual disjunctive count).

use super::bits::Bits;
use super::engine::Engine;
use super::facet::{Facet, PerFacet};
use super::facet_index::FacetIndex;
use super::results::FacetCounts;

impl Engine {
    /// Counts, for every facet, the entries of `base` that pass the other facets' selections,
    /// per value. Facets with no selection share one pass over the results. A set holding
    /// more than half the catalogue is counted through its complement: a value's count is
    /// then its number of entries minus those outside the set.
    pub(super) fn count_facets(&self, base: &Bits, results: &Bits, selections: &PerFacet<Option<Bits>>) -> FacetCounts {
        let mut counts: PerFacet<Vec<u32>> = PerFacet::default();
        let unselected: Vec<Facet> = selections.iter().filter(|(_, s)| s.is_none()).map(|(f, _)| f).collect();
        if !unselected.is_empty() {
            self.count_into(&unselected, results, &mut counts);
        }
        for (facet, _) in selections.iter().filter(|(_, s)| s.is_some()) {
            let mut others = base.clone();
            for (other, selection) in selections.iter() {
                if other != facet
                    && let Some(s) = selection
                {
                    others.and(s);
                }
            }
            self.count_into(&[facet], &others, &mut counts);
        }
        FacetCounts { counts }
    }

    /// Counts the values of `facets` over the entries of `set`, into `counts`. Each facet is
    /// counted from whichever side is less work: from the values' side (`count_by_value`,
    /// whose cost does not depend on the set) or by walking the set's entries (or its
    /// complement's) once for all the facets that chose it.
    fn count_into(&self, facets: &[Facet], set: &Bits, counts: &mut PerFacet<Vec<u32>>) {
        let size = set.count();
        let walked = size.min(self.len - size.min(self.len));
        let (by_value, by_entry): (Vec<Facet>, Vec<Facet>) = facets.iter().partition(|&&f| {
            let index = self.facets.get(f);
            index.value_side_cost() < walked.saturating_mul(index.per_entry_cost())
        });
        for &facet in &by_value {
            *counts.get_mut(facet) = self.facets.get(facet).count_by_value(set);
        }
        if !by_entry.is_empty() {
            self.count_by_entry(&by_entry, set, size, counts);
        }
    }

    /// Counts `facets` by walking the entries of `set` (of `size` entries), or of its
    /// complement when that is smaller.
    fn count_by_entry(&self, facets: &[Facet], set: &Bits, size: usize, counts: &mut PerFacet<Vec<u32>>) {
        let complement = size * 2 > self.len;
        // The facets' indices, looked up once rather than once per entry.
        let mut targets: Vec<(&FacetIndex, Vec<u32>)> = facets
            .iter()
            .map(|&f| {
                let index = self.facets.get(f);
                let start = if complement { index.sizes().collect() } else { vec![0; index.values()] };
                (index, start)
            })
            .collect();
        if complement {
            let mut rest = Bits::full(self.len);
            rest.and_not(set);
            rest.for_each(|e| {
                for (index, slot) in &mut targets {
                    index.of_entry(e).iter().for_each(|&v| slot[v as usize] -= 1);
                }
            });
        } else {
            set.for_each(|e| {
                for (index, slot) in &mut targets {
                    index.of_entry(e).iter().for_each(|&v| slot[v as usize] += 1);
                }
            });
        }
        for (&facet, (_, values)) in facets.iter().zip(targets) {
            *counts.get_mut(facet) = values;
        }
    }
}
