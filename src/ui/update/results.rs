//! Asking for results and taking them in: a search of the browse state's query, filters and
//! language is an [`Effect::Search`] the loop carries out (on the search worker, the newest
//! only); the results come back to [`searched`], which also recomputes the filter rows.

use std::sync::Arc;

use super::super::action::Effect;
use super::super::app::App;
use super::super::searcher::{Request, Response};
use super::super::shared::Shared;
use super::super::state::BrowseState;
use crate::query::Query;

/// A search of the current query, filters and language. `new_query`: the query's text changed,
/// so its best result is selected when it comes; `first_page`: rank only the first results
/// again.
pub(super) fn ask(browse: &mut BrowseState, shared: &Shared, new_query: bool, first_page: bool) -> Request {
    browse.query = Query::parse(browse.query_box.text());
    let (generation, limit) = browse.list.ask(new_query, first_page);
    let mut filters = browse.filters.clone();
    filters.restrict_to(browse.restriction(&shared.marks, shared.catalogue()));
    Request {
        indexed: shared.indexed.clone(),
        generation,
        query: browse.query.clone(),
        filters,
        lang: shared.lang,
        limit,
        keep_in: None,
    }
}

/// [`ask`], as the effect the loop carries out.
pub(super) fn search(browse: &mut BrowseState, shared: &Shared, new_query: bool, first_page: bool) -> Effect {
    Effect::Search(Box::new(ask(browse, shared, new_query, first_page)))
}

/// Searches the current query on this thread and takes the results: for a new app, so its
/// first frame has them.
pub fn search_now(app: &mut App) {
    let request = ask(&mut app.browse, &app.shared, false, true);
    take(&mut app.browse, &app.shared, request.run());
    super::overview::settle(app);
}

/// Takes finished results, unless newer ones are shown or they are about another snapshot.
pub fn searched(app: &mut App, response: Response) {
    take(&mut app.browse, &app.shared, response);
    super::overview::settle(app);
}

pub(super) fn take(browse: &mut BrowseState, shared: &Shared, response: Response) {
    if !Arc::ptr_eq(&response.indexed, &shared.indexed) {
        return;
    }
    // The facet row under the cursor, to find it again: counts change which rows show.
    let anchor = browse.facet_rows.get(browse.facets.cursor()).copied().map(|r| r.identity());
    let page = shared.frame.results_page();
    let Some(taken) = browse.list.take(response.generation, response.results, shared.catalogue(), page) else {
        return;
    };
    if taken.selection_moved {
        browse.trail.reset();
    }
    refresh_facet_rows(browse, shared);
    let cursor = anchor
        .and_then(|anchor| browse.facet_rows.iter().position(|r| r.identity() == anchor))
        .unwrap_or(browse.facets.cursor());
    let (rows, page) = (browse.facet_rows.len(), shared.frame.facets_page());
    browse.facets.place(cursor, rows, page);
}

pub(super) fn refresh_facet_rows(browse: &mut BrowseState, shared: &Shared) {
    browse.facet_rows = browse.facets.rows(&shared.indexed, browse.list.results(), &browse.filters, shared.lang);
}

pub(super) fn clamp_facet_cursor(browse: &mut BrowseState, shared: &Shared) {
    let (cursor, rows, page) = (browse.facets.cursor(), browse.facet_rows.len(), shared.frame.facets_page());
    browse.facets.place(cursor, rows, page);
}
