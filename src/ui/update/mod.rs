//! How the state changes: [`update`] applies an action and returns what the loop must do;
//! [`searched`], [`frame_drawn`] and [`reindex`] take in what the loop learns (results, the
//! frame drawn, a new catalogue). Nothing here draws or measures text: bounds come from the
//! last [`FrameFacts`](super::frame::FrameFacts).

mod addresses;
mod browse;
mod edit;
mod export;
mod global;
mod loading;
pub mod marks;
mod overlay;
mod overview;
pub mod present;
mod search;
mod tours;

pub use present::{present_entries, tick};

pub use export::effect_done;

use std::sync::Arc;

pub use loading::{load_progress, loaded};

use super::action::{Action, Effect, Effects};
use super::app::{App, Target};
use super::frame::FrameFacts;
use super::screen::{Overlay, Screen};
use super::search::{Request, Response, Searcher};
use crate::live::Problems;
use crate::query::{Facet, Indexed, Query};

#[deny(clippy::wildcard_enum_match_arm)]
pub fn update(app: &mut App, action: Action) -> Effects {
    // A message stays until the next thing the user does.
    if !matches!(action, Action::Resize { .. }) {
        app.message = None;
    }
    // These work whatever has the keys.
    if let Some(effects) = for_any_target(app, action) {
        return effects;
    }
    match app.target() {
        Target::Overlay(Overlay::Export) => return export::dialog(app, action),
        Target::Overlay(Overlay::Note) => return marks::note(app, action),
        Target::Overlay(overlay) => overlay::update(app, overlay, action),
        Target::Search if search::is_edit(action) => search::update(app, action),
        Target::Search | Target::Pane(_) => {
            if app.search.editing() {
                // Only the mouse reaches past the query box: it keeps the query, as Enter does.
                app.search.submit();
            }
            match app.screen {
                Screen::Browse => match marks::browse(app, action) {
                    Some(effects) => return effects,
                    None => browse::update(app, action),
                },
                Screen::Shortlist => return marks::screen(app, action),
                // The shortlist's keys (mark, only the shortlist, export) work on every tab.
                Screen::Tours => match marks::browse(app, action) {
                    Some(effects) => return effects,
                    None => tours::update(app, action),
                },
                Screen::Overview => match marks::browse(app, action) {
                    Some(effects) => return effects,
                    None => overview::update(app, action),
                },
                Screen::Present => return present::update(app, action),
            }
        }
    }
    Effects::new()
}

fn for_any_target(app: &mut App, action: Action) -> Option<Effects> {
    match action {
        Action::Quit => Some(vec![Effect::Quit]),
        Action::Suspend => Some(vec![Effect::Suspend]),
        Action::Reload => Some(vec![Effect::Reload]),
        Action::OpenProblem => Some(edit::open_problem(app)),
        Action::EditEntry => Some(edit::edit_entry(app)),
        Action::Resize { width, height } => {
            resize(app, width, height);
            Some(Effects::new())
        }
        _ => None,
    }
}

fn resize(app: &mut App, width: u16, height: u16) {
    app.width = width;
    app.height = height;
    let page = app.results_page();
    app.list.keep_visible(app.indexed.catalogue(), page);
    clamp_facet_cursor(app);
}

/// Asks for a search with the current query, filters and language. `new_query`: the query's
/// text changed, so its best result is selected when it comes; `first_page`: rank only the
/// first results again.
pub(super) fn search_again(app: &mut App, new_query: bool, first_page: bool) {
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

fn next_request(app: &mut App, new_query: bool, first_page: bool) -> Request {
    app.query = Query::parse(app.search.text());
    let (generation, limit) = app.list.ask(new_query, first_page);
    let mut filters = app.filters.clone();
    filters.restrict_to(marks::restriction(app));
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

/// Records what the frame drew: the bounds of the next scrolls and clicks, and the entry
/// pane's scroll as it was drawn (bounded, and moved to show a chosen link).
pub fn frame_drawn(app: &mut App, facts: FrameFacts) {
    if let Some(entry) = &facts.entry
        && entry.entry.as_ref() == app.shown_id()
    {
        app.trail.set_scroll(entry.scroll);
        app.trail.revealed();
    }
    app.frame = facts;
}

/// Swaps in a new catalogue snapshot (a reload), keeping what the user was looking at: the
/// selection and followed entries by id, the filters and unfolded values by value id, the
/// query as typed.
pub fn reindex(app: &mut App, indexed: Arc<Indexed>, problems: impl Into<Problems>) {
    let old = app.indexed.clone();
    let filters: Vec<(Facet, String)> = Facet::ALL
        .into_iter()
        .flat_map(|facet| app.filters.selected(facet).iter().map(move |&v| (facet, v)))
        .map(|(facet, value)| (facet, old.value_id(facet, value)))
        .collect();
    let open = app.facets.open_value_ids(&old);
    let anchor = app.facet_rows.get(app.facets.cursor()).copied().map(|row| {
        let (facet, value, under) = row.identity();
        (facet, value.map(|v| old.value_id(facet, v)), under.map(|v| old.value_id(facet, v)))
    });
    app.indexed = indexed;
    app.problems = problems.into();
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
    if let Some((facet, value, under)) = anchor {
        let found = |id: Option<String>| id.and_then(|id| app.indexed.resolve_value(facet, &id)?.first().copied());
        let (value, under) = (found(value), found(under));
        if let Some(row) = app.facet_rows.iter().position(|r| r.identity() == (facet, value, under)) {
            let (rows, page) = (app.facet_rows.len(), app.facets_page());
            app.facets.place(row, rows, page);
        }
    }
}

pub(super) fn refresh_facet_rows(app: &mut App) {
    app.facet_rows = app.facets.rows(&app.indexed, app.list.results(), &app.filters, app.lang);
}

pub(super) fn clamp_facet_cursor(app: &mut App) {
    let (cursor, rows, page) = (app.facets.cursor(), app.facet_rows.len(), app.facets_page());
    app.facets.place(cursor, rows, page);
}
