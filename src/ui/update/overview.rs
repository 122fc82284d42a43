//! The overview screen: the map's zoom (the rest are the keys every tab shares), and its
//! counts, taken here when the results change while it is on screen ([`settle`]) so that a
//! frame only reads them.

use super::super::action::{Action, Handled};
use super::super::app::App;
use super::super::screen::Screen;
use super::super::shared::Shared;
use super::super::state::{BrowseState, OverviewState, Slide};
use crate::model::Id;
use crate::query::Facet;

/// The facets the overview charts or maps.
const COUNTED: [Facet; 4] = [Facet::Material, Facet::Theme, Facet::Region, Facet::Stage];

pub fn update(overview: &mut OverviewState, action: &Action) -> Handled {
    match action {
        Action::ZoomIn => overview.zoom = overview.zoom.closer(),
        Action::ZoomOut => overview.zoom = overview.zoom.wider(),
        _ => return Handled::Ignored,
    }
    Handled::done()
}

/// Brings the overview's counts up to the results shown, if the overview is on screen (its
/// tab, or a presentation's overview slide) and they are not already: called after each
/// action and each result taken in. Off screen they wait, so typing on another tab never pays
/// for them.
pub fn settle(app: &mut App) {
    let shown = match app.shared.screen {
        Screen::Overview => true,
        Screen::Present => matches!(app.present.slide(), Some(Slide::Overview)) && app.present.detour().is_none(),
        Screen::Browse | Screen::Shortlist | Screen::Tours => false,
    };
    let generation = app.browse.list.shown_generation();
    if shown && !app.overview.tally.is_of(generation) {
        let counts = COUNTED.into_iter().map(|facet| (facet, counts(&app.browse, &app.shared, facet))).collect();
        app.overview.tally.set(generation, counts);
    }
}

/// How many results have each value of a vocabulary facet (with its ancestors, as the engine
/// counts). The engine's facet counts say what each value *would* give, so for a facet with a
/// selection they ignore it; the results themselves are counted then, every one of them (the
/// results shown may be only their first page).
fn counts(browse: &BrowseState, shared: &Shared, facet: Facet) -> Vec<u32> {
    let results = browse.list.results();
    if browse.filters.selected(facet).is_empty() {
        return results.facet_counts.get(facet).to_vec();
    }
    let Some(kind) = facet.vocabulary() else { return Vec::new() };
    let catalogue = shared.catalogue();
    let vocabulary = catalogue.vocabularies.get(kind);
    let mut counts = vec![0; vocabulary.len()];
    let mut filters = browse.filters.clone();
    filters.restrict_to(browse.restriction(&shared.marks, shared.catalogue()));
    let all = shared.indexed.search(&browse.query, &filters, shared.lang, results.total.max(1));
    for hit in &all.hits {
        let entry = &catalogue.entries()[hit.entry];
        let ids: Vec<&Id> = match facet {
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
