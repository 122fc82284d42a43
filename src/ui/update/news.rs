//! The background load's news: its progress, then the catalogue, which takes over from the
//! empty one the dashboard started on. What was typed meanwhile stays in the query box and is
//! searched in the new catalogue at once. Reloads come the same way, and wait while a
//! presentation runs.

use super::super::app::App;
use super::super::event::{Ready, Reloaded, Stage};
use super::super::screen::Screen;
use super::super::state::SearchBox;
use super::reindex::reindex;
use super::results::{next_request, searched};
use crate::i18n::{Msg, problem_counts, t};
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
            app.refusal = Some(problems.join("\n"));
            return;
        }
    }
    let request = next_request(app, false, true);
    searched(app, request.run());
}

/// `r` when the catalogue cannot change (the bundled one).
pub fn nothing_to_reload(app: &mut App) {
    app.message = Some(t(app.lang, Msg::NothingToReload).to_string());
}

/// Swaps in a reloaded catalogue, and says so quietly on the status line; during a
/// presentation it waits until present mode ends (the newest reload only).
pub fn reloaded(app: &mut App, reloaded: Reloaded) {
    if app.screen == Screen::Present {
        app.held_reload = Some(reloaded);
        return;
    }
    reindex(app, reloaded.indexed, reloaded.problems);
    let errors = app.problems.iter().filter(|p| p.is_error()).count();
    let mut note = t(app.lang, Msg::Reloaded).to_string();
    if !app.problems.is_empty() {
        note = format!("{note} — {}", problem_counts(app.lang, errors, app.problems.len() - errors));
    }
    app.message = Some(note);
}

/// Swaps in the reload held back during a presentation, if one came.
pub fn apply_held(app: &mut App) {
    if let Some(reloaded) = app.held_reload.take() {
        self::reloaded(app, reloaded);
    }
}
