//! Asking for results and taking them in: a search of the current query, filters and
//! language, and the facet rows of the results shown.

use std::sync::Arc;

use super::super::app::App;
use super::super::searcher::{Request, Response, Searcher};
use crate::query::Query;

/// Asks for a search with the current query, filters and language. `new_query`: the query's
/// text changed, so its best result is selected when it comes; `first_page`: rank only the
/// first results again.
pub fn search_again(app: &mut App, new_query: bool, first_page: bool) {
    let request = next_request(app, new_query, first_page);
    match &app.searcher {
        Searcher::Inline => searched(app, request.run()),
        Searcher::Worker(requests) => {
            if let Err(failed) = requests.send(request) {
                // The worker is gone (it never panics on data, but be safe): search here.
                app.searcher = Searcher::Inline;
                searched(app, failed.0.run());
            }
        }
    }
}

pub(super) fn next_request(app: &mut App, new_query: bool, first_page: bool) -> Request {
    app.query = Query::parse(app.search.text());
    let (generation, limit) = app.list.ask(new_query, first_page);
    let mut filters = app.filters.clone();
    filters.restrict_to(super::marks::restriction(app));
    Request { indexed: app.indexed.clone(), generation, query: app.query.clone(), filters, lang: app.lang, limit }
}

/// Takes finished results, unless newer ones are shown or they are about another snapshot.
pub fn searched(app: &mut App, response: Response) {
    if !Arc::ptr_eq(&response.indexed, &app.indexed) {
        return;
    }
    // The facet row under the cursor, to find it again: counts change which rows show.
    let anchor = app.facet_rows.get(app.facets.cursor()).copied().map(|r| r.identity());
    let page = app.results_page();
    let Some(taken) = app.list.take(response.generation, response.results, app.indexed.catalogue(), page) else {
        return;
    };
    if taken.selection_moved {
        app.trail.reset();
    }
    refresh_facet_rows(app);
    let cursor = anchor
        .and_then(|anchor| app.facet_rows.iter().position(|r| r.identity() == anchor))
        .unwrap_or(app.facets.cursor());
    let (rows, page) = (app.facet_rows.len(), app.facets_page());
    app.facets.place(cursor, rows, page);
}

pub(super) fn refresh_facet_rows(app: &mut App) {
    app.facet_rows = app.facets.rows(&app.indexed, app.list.results(), &app.filters, app.lang);
}

pub(super) fn clamp_facet_cursor(app: &mut App) {
    let (cursor, rows, page) = (app.facets.cursor(), app.facet_rows.len(), app.facets_page());
    app.facets.place(cursor, rows, page);
}
