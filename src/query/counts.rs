//! Facet counts: for every value of every facet, how many results it would hold if it were
//! the only value selected in its facet (the usual disjunctive count).

use super::bits::Bits;
use super::engine::Engine;
use super::facet::{Facet, PerFacet};
use super::facet_index::FacetIndex;
use super::results::FacetCounts;
use super::split;
use std::ops::Range;

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
    /// complement's) once for all the facets that chose it. Each part of the entries
    /// (`split.rs`) is counted on its own, and the parts' counts summed.
    fn count_into(&self, facets: &[Facet], set: &Bits, counts: &mut PerFacet<Vec<u32>>) {
        let size = set.count();
        let walked = size.min(self.len - size.min(self.len));
        let (by_value, by_entry): (Vec<Facet>, Vec<Facet>) = facets.iter().partition(|&&f| {
            let index = self.facets.get(f);
            index.value_side_cost() < walked.saturating_mul(index.per_entry_cost())
        });
        let complement = size * 2 > self.len;
        let walk = if complement && !by_entry.is_empty() {
            let mut rest = Bits::full(self.len);
            rest.and_not(set);
            rest
        } else {
            set.clone()
        };
        let indices: Vec<&FacetIndex> = by_value.iter().chain(&by_entry).map(|&f| self.facets.get(f)).collect();
        let ranges = split::ranges(self.len);
        let parts = split::map(&ranges, |_, range| {
            let mut part: Vec<Vec<u32>> =
                indices[..by_value.len()].iter().map(|index| index.count_by_value_in(set, &range, self.len)).collect();
            part.extend(self.count_by_entry_in(&indices[by_value.len()..], &walk, &range));
            part
        });
        let mut sums: Vec<Vec<u32>> = indices.iter().map(|index| vec![0; index.values()]).collect();
        for part in parts {
            for (sum, values) in sums.iter_mut().zip(part) {
                sum.iter_mut().zip(values).for_each(|(s, v)| *s += v);
            }
        }
        for (i, (&facet, sum)) in by_value.iter().chain(&by_entry).zip(sums).enumerate() {
            *counts.get_mut(facet) = if complement && i >= by_value.len() {
                // The entries outside the set were counted: a value's count is the rest of its
                // entries.
                indices[i].sizes().zip(sum).map(|(size, outside)| size - outside).collect()
            } else {
                sum
            };
        }
    }

    /// Per facet of `indices`, how many entries of `walk` within `range` have each value.
    fn count_by_entry_in(&self, indices: &[&FacetIndex], walk: &Bits, range: &Range<usize>) -> Vec<Vec<u32>> {
        let mut targets: Vec<Vec<u32>> = indices.iter().map(|index| vec![0; index.values()]).collect();
        if indices.is_empty() {
            return targets;
        }
        walk.for_each_in(split::words(range), |e| {
            for (index, slot) in indices.iter().zip(targets.iter_mut()) {
                index.of_entry(e).iter().for_each(|&v| slot[v as usize] += 1);
            }
        });
        targets
    }
}
