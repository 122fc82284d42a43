//! A new catalogue snapshot swapped in (a reload, the first load), keeping what the user was
//! looking at: the selection and followed entries by id, the filters and unfolded values by
//! value id, the query as typed.

use std::sync::Arc;

use super::super::app::App;
use super::super::shared::Shared;
use super::super::state::Removed;
use super::super::state::tours::stops;
use super::results::{ask, take};
use crate::live::Problems;
use crate::model::Entry;
use crate::query::{Facet, Indexed};

pub fn reindex(app: &mut App, indexed: Arc<Indexed>, problems: impl Into<Problems>) {
    let (browse, shared) = (&mut app.browse, &mut app.shared);
    let old = shared.indexed.clone();
    let filters: Vec<(Facet, String)> = Facet::ALL
        .into_iter()
        .flat_map(|facet| browse.filters.selected(facet).iter().map(move |&v| (facet, v)))
        .map(|(facet, value)| (facet, old.value_id(facet, value)))
        .collect();
    let open = browse.facets.open_value_ids(&old);
    let anchor = browse.facet_rows.get(browse.facets.cursor()).copied().map(|row| {
        let (facet, value, under) = row.identity();
        (facet, value.map(|v| old.value_id(facet, v)), under.map(|v| old.value_id(facet, v)))
    });
    // The entry shown, to say so when it is removed and put the selection on its neighbour.
    let shown = browse.shown_id().and_then(|id| old.catalogue().get(id.as_str())).map(|entry| {
        let selected = browse.list.selected() == Some(&entry.id);
        let at = browse.list.selected_position(old.catalogue()).filter(|_| selected);
        (entry.id.clone(), entry.title().clone(), entry.file().into_owned(), at)
    });
    shared.indexed = indexed;
    remember_gone(shared, &old, app.tours.tour(old.catalogue()));
    shared.problems = with_config_problems(&shared.config_problems, problems.into());
    browse.filters = Default::default();
    for (facet, id) in filters {
        for value in shared.indexed.resolve_value(facet, &id).unwrap_or_default().into_iter().take(1) {
            browse.filters.select(facet, value);
        }
    }
    browse.facets.carry_over(open, &shared.indexed);
    let catalogue = shared.indexed.clone();
    browse.trail.retain(|id| catalogue.catalogue().get(id.as_str()).is_some());
    app.present.retain(|id| catalogue.catalogue().get(id.as_str()).is_some());
    // Results and facet rows are positions in the old snapshot: search the new one now, on
    // this thread, so that no frame shows old positions in the new catalogue.
    browse.facet_rows.clear();
    let request = ask(browse, shared, false, false);
    take(browse, shared, request.run());
    browse.removed = None;
    if let Some((id, title, file, at)) = shown.filter(|(id, ..)| shared.catalogue().get(id.as_str()).is_none()) {
        // The entry that took its place in the results, else the one before it (it was last):
        // not the first result, far from where the user was.
        let hits = browse.list.results().hits.len();
        if let Some(at) = at.filter(|_| hits > 0)
            && browse.list.select(at.min(hits - 1), shared.catalogue(), shared.frame.results_page())
        {
            browse.trail.reset();
        }
        browse.removed = Some(Removed { id, title, file, instead: browse.shown_id().cloned() });
    }
    if let Some((facet, value, under)) = anchor {
        let found = |id: Option<String>| id.and_then(|id| shared.indexed.resolve_value(facet, &id)?.first().copied());
        let (value, under) = (found(value), found(under));
        if let Some(row) = browse.facet_rows.iter().position(|r| r.identity() == (facet, value, under)) {
            let (rows, page) = (browse.facet_rows.len(), shared.frame.facets_page());
            browse.facets.place(row, rows, page);
        }
    }
    super::overview::settle(app);
}

/// Remembers, with their title and file, the entries the new snapshot lost that a screen may
/// still name: the shortlist's marks and the stops of the tour the tours screen shows (not
/// every entry: a few lookups per reload). One that comes back is forgotten.
fn remember_gone(shared: &mut Shared, old: &Indexed, tour: Option<&Entry>) {
    let new = shared.indexed.clone();
    shared.gone.retain(|removed| new.catalogue().get(removed.id.as_str()).is_none());
    let stops = tour.map_or(&[][..], stops).iter().map(|stop| &stop.entry);
    for id in shared.marks.ids().chain(stops) {
        if new.catalogue().get(id.as_str()).is_some() || shared.gone.iter().any(|removed| &removed.id == id) {
            continue;
        }
        if let Some(entry) = old.catalogue().get(id.as_str()) {
            let (title, file) = (entry.title().clone(), entry.file().into_owned());
            shared.gone.push(Removed { id: entry.id.clone(), title, file, instead: None });
        }
    }
}

/// The catalogue's problems, after the config file's when it has any: both are listed under `!`,
/// the file's first (they explain keys or colours that are not what the user wrote).
pub fn with_config_problems(config: &[crate::diagnostic::Diagnostic], problems: Problems) -> Problems {
    if config.is_empty() {
        return problems;
    }
    config.iter().chain(problems.iter()).cloned().collect::<Vec<_>>().into()
}
