//! How many results have each value of a vocabulary facet, for the charts and the map.

use super::super::super::app::App;
use crate::query::Facet;

/// How many results have each value of a vocabulary facet (with its ancestors, as the engine
/// counts). The engine's facet counts say what each value *would* give, so for a facet with a
/// selection they ignore it; the results themselves are counted then.
pub(super) fn counts(app: &App, facet: Facet) -> Vec<u32> {
    if app.browse.filters.selected(facet).is_empty() {
        return app.browse.results().facet_counts.get(facet).to_vec();
    }
    let Some(kind) = facet.vocabulary() else { return Vec::new() };
    let catalogue = app.shared.catalogue();
    let vocabulary = catalogue.vocabularies.get(kind);
    let mut counts = vec![0; vocabulary.len()];
    let all = app.shared.indexed().search(
        &app.browse.query,
        &app.browse.filters,
        app.shared.lang,
        app.browse.results().total.max(1),
    );
    for hit in &all.hits {
        let entry = &catalogue.entries()[hit.entry];
        let ids: Vec<&crate::model::Id> = match facet {
            Facet::Region => entry.common.location.iter().map(|l| &l.region).collect(),
            Facet::Material => entry.common.materials.iter().collect(),
            Facet::Theme => entry.common.themes.iter().collect(),
            Facet::Stage => entry.common.stages.iter().collect(),
            _ => Vec::new(),
        };
        let mut values: Vec<usize> = ids
            .iter()
            .filter_map(|id| vocabulary.index_of(id.as_str()))
            .flat_map(|v| vocabulary.with_ancestors(v))
            .collect();
        values.sort_unstable();
        values.dedup();
        for value in values {
            counts[value] += 1;
        }
    }
    counts
}
