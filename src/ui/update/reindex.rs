//! A new catalogue snapshot swapped in (a reload, the first load), keeping what the user was
//! looking at.

use std::sync::Arc;

use super::super::app::App;
use super::results::{next_request, searched};
use crate::diagnostic::Diagnostic;
use crate::query::{Facet, Indexed};

/// Swaps in a new catalogue snapshot (a reload), keeping what the user was looking at: the
/// selection and followed entries by id, the filters and unfolded values by value id, the
/// query as typed.
pub fn reindex(app: &mut App, indexed: Arc<Indexed>, problems: Vec<Diagnostic>) {
    let old = app.indexed.clone();
    let filters: Vec<(Facet, String)> = Facet::ALL
        .into_iter()
        .flat_map(|facet| app.filters.selected(facet).iter().map(move |&v| (facet, v)))
        .map(|(facet, value)| (facet, old.value_id(facet, value)))
        .collect();
    let open = app.facets.open_value_ids(&old);
    let anchor = app.facet_rows.get(app.facets.cursor()).copied().map(|row| match row.identity() {
        (facet, Some(value)) => (facet, Some(old.value_id(facet, value))),
        (facet, None) => (facet, None),
    });
    app.indexed = indexed;
    app.problems = problems;
    app.filters = Default::default();
    for (facet, id) in filters {
        for value in app.indexed.resolve_value(facet, &id).unwrap_or_default().into_iter().take(1) {
            app.filters.select(facet, value);
        }
    }
    app.facets.carry_over(open, &app.indexed);
    let catalogue = app.indexed.clone();
    app.trail.retain(|id| catalogue.catalogue().get(id.as_str()).is_some());
    app.present.retain(|id| catalogue.catalogue().get(id.as_str()).is_some());
    // Results and facet rows are positions in the old snapshot: search the new one now, on
    // this thread, so that no frame shows old positions in the new catalogue.
    app.facet_rows.clear();
    let request = next_request(app, false, false);
    searched(app, request.run());
    if let Some((facet, value)) = anchor {
        let value = value.and_then(|id| app.indexed.resolve_value(facet, &id)).and_then(|v| v.first().copied());
        if let Some(row) = app.facet_rows.iter().position(|r| r.identity() == (facet, value)) {
            let (rows, page) = (app.facet_rows.len(), app.facets_page());
            app.facets.place(row, rows, page);
        }
    }
}
