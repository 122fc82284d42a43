//! The background load's news: its progress, then the catalogue, which takes over from the
//! empty one the dashboard started on. What was typed meanwhile stays in the query box and is
//! searched in the new catalogue at once.

use super::super::app::App;
use super::super::loading::{Ready, Stage};
use super::super::state::SearchBox;
use super::{next_request, reindex, searched};
use crate::query::{Query, selection};

pub fn load_progress(app: &mut App, stage: Stage) {
    if app.loading.is_some() {
        app.loading = Some(stage);
    }
}

pub fn loaded(app: &mut App, ready: Ready) {
    app.loading = None;
    reindex(app, ready.indexed, ready.problems);
    let pending = std::mem::take(&mut app.pending_filters);
    let query = Query::parse(&std::mem::take(&mut app.pending_query));
    if pending.is_empty() && query.fields.is_empty() && query.errors.is_empty() {
        return;
    }
    // What the command line asked for is checked as `boucle list` checks it: a value the
    // catalogue does not have ends the dashboard with list's message and exit code, rather
    // than opening it on more than was asked for.
    let indexed = app.indexed.clone();
    match selection::resolve(indexed.engine(), indexed.catalogue(), &pending, &query) {
        Ok(resolved) => {
            app.filters = resolved.filters;
            // A year with no entries has no value to tick: it goes in the query, where it
            // selects nothing and shows.
            if !resolved.empty_years.is_empty() && !app.search.editing() {
                let years: Vec<String> = resolved.empty_years.iter().map(|y| format!("year:{y}")).collect();
                app.search = SearchBox::new(format!("{} {}", app.search.text(), years.join(" ")).trim().to_string());
            }
        }
        Err(problems) => {
            app.refusal = Some(problems.iter().map(|p| p.get(app.lang)).collect::<Vec<_>>().join("\n"));
            return;
        }
    }
    let request = next_request(app, false, true);
    searched(app, request.run());
}
