//! How many of a search's results have each value of a facet: what the overview charts. The
//! facet counts of a search say what each value *would* give if it were the only one chosen in
//! its facet, which, for a facet with no choice, is exactly this; for a facet with a choice,
//! the results are walked once, through the same per-entry values the counts use.

use super::{Facet, Filters, Indexed, Query, Results};
use crate::text::Lang;

impl Indexed {
    /// For each of `facets`, how many of `results` (a search of `query` and `filters`) have
    /// each of its values. An entry about a material group counts for its members and an
    /// entry in a region for its parents, as the filters pane counts them.
    pub fn tally(
        &self,
        query: &Query,
        filters: &Filters,
        lang: Lang,
        results: &Results,
        facets: &[Facet],
    ) -> Vec<Vec<u32>> {
        let chosen: Vec<Facet> = facets.iter().copied().filter(|&f| !filters.selected(f).is_empty()).collect();
        let mut walked: Vec<(Facet, Vec<u32>)> =
            chosen.iter().map(|&f| (f, vec![0; self.engine().value_count(f)])).collect();
        if !chosen.is_empty() && results.total > 0 {
            let all = if results.hits.len() >= results.total {
                None
            } else {
                Some(self.search(query, filters, lang, results.total))
            };
            let hits = all.as_ref().map_or(&results.hits, |r| &r.hits);
            for hit in hits {
                for (facet, counts) in &mut walked {
                    for &value in self.engine().facets.get(*facet).of_entry(hit.entry) {
                        counts[value as usize] += 1;
                    }
                }
            }
        }
        facets
            .iter()
            .map(|&facet| match walked.iter_mut().find(|(f, _)| *f == facet) {
                Some((_, counts)) => std::mem::take(counts),
                None => results.facet_counts.get(facet).to_vec(),
            })
            .collect()
    }
}
