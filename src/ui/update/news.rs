//! The background load's news: its progress, then the catalogue, which takes over from the
//! empty one the dashboard started on. What was typed meanwhile stays in the query box and is
//! searched in the new catalogue at once. Reloads come the same way, and wait while a
//! presentation runs.

use super::super::app::App;
use super::super::event::{Ready, Reloaded, Stage};
use super::super::screen::Screen;
use super::super::state::ToursLevel;
use super::reindex::reindex;
use super::results::{ask, take};
use std::sync::Arc;

use crate::diagnostic::Diagnostic;
use crate::i18n::{Msg, problem_counts, t};
use crate::model::Catalogue;
use crate::query::{Indexed, Query, selection};

pub fn load_progress(app: &mut App, stage: Stage) {
    if app.start.loading.is_some() {
        app.start.loading = Some(stage);
    }
}

pub fn loaded(app: &mut App, ready: Ready) {
    app.start.loading = None;
    reindex(app, ready.indexed, ready.problems);
    let pending = std::mem::take(&mut app.start.pending_filters);
    let query_text = std::mem::take(&mut app.start.pending_query);
    let query = Query::parse(&query_text);
    app.start.given = Some((pending.clone(), query_text));
    if pending.is_empty() && query.fields.is_empty() && query.errors.is_empty() {
        return;
    }
    // What the command line asked for is checked as `boucle list` checks it: a value the
    // catalogue does not have ends the dashboard with list's message and exit code, rather
    // than opening it on more than was asked for.
    let indexed = app.shared.indexed.clone();
    let browse = &mut app.browse;
    match selection::resolve(indexed.engine(), indexed.catalogue(), &pending, &query) {
        Ok(resolved) => {
            browse.filters = resolved.filters;
            // A year with no entries has no value to tick: it goes in the query, where it
            // selects nothing and shows; once, though the files' load after a damaged cache
            // resolves the command line again on the box the cache's load filled.
            if !resolved.empty_years.is_empty() && !browse.query_box.editing() {
                let mut text = browse.query_box.text().to_string();
                for year in resolved.empty_years.iter().map(|y| format!("year:{y}")) {
                    if !text.split_whitespace().any(|word| word == year) {
                        text = format!("{text} {year}");
                    }
                }
                browse.query_box.set(text.trim());
            }
        }
        Err(problems) => {
            app.start.refusal = Some(problems.iter().map(|p| p.get(app.shared.lang)).collect::<Vec<_>>().join("\n"));
            return;
        }
    }
    // Searched here, as a reload is: no frame shows the empty catalogue's results.
    let request = ask(browse, &app.shared, false, true);
    take(browse, &app.shared, request.run());
    super::overview::settle(app);
}

/// The catalogue shown came from the cache, and an entry failed its checks when a frame first
/// read it: nothing of it is shown. The dashboard waits again as it did for the first load;
/// the files' load, which the catalogue's owner starts at once, comes as a reload and is taken
/// as the first load.
pub fn cache_damaged(app: &mut App) {
    app.start.loading = Some(Stage::Reading { read: 0, total: 0 });
    // The command line's filters apply to the files' load as they did to the cache's.
    if let Some((filters, query)) = app.start.given.take() {
        app.start.pending_filters = filters;
        app.start.pending_query = query;
    }
    reindex(app, Arc::new(Indexed::new(Catalogue::default())), Vec::<Diagnostic>::new());
}

/// `r` when the catalogue cannot change (the bundled one).
pub fn nothing_to_reload(app: &mut App) {
    app.shared.message = Some(t(app.shared.lang, Msg::NothingToReload).to_string());
}

/// Swaps in a reloaded catalogue, and says so quietly on the status line; during a
/// presentation it waits until present mode ends (the newest reload only).
pub fn reloaded(app: &mut App, reloaded: Reloaded) {
    if app.start.loading.is_some() {
        // The files' load after a damaged cache: the first catalogue shown.
        return loaded(app, Ready { indexed: reloaded.indexed, problems: reloaded.problems });
    }
    if app.shared.screen == Screen::Present {
        app.held_reload = Some(reloaded);
        return;
    }
    // A folder gone: the catalogue is the last good one, and the line says why.
    let gone = reloaded.gone().next().map(|problem| problem.message.get(app.shared.lang).to_string());
    let known: Vec<_> = app.shared.gone.iter().map(|removed| removed.id.clone()).collect();
    reindex(app, reloaded.indexed, reloaded.problems);
    let shared = &mut app.shared;
    let errors = shared.problems.iter().filter(|p| p.is_error()).count();
    let mut note = gone.unwrap_or_else(|| t(shared.lang, Msg::Reloaded).to_string());
    // The entry this screen showed that the reload removed, named as the entry pane names it:
    // the tours screen's open stop, a mark on the shortlist screen, else the browse pane's.
    let shown = |id: &crate::model::Id| match shared.screen {
        Screen::Tours => app.tours.level() == ToursLevel::Entry && app.tours.stop_entry(shared.catalogue()) == Some(id),
        Screen::Shortlist => shared.marks.contains(id.as_str()),
        Screen::Browse | Screen::Overview | Screen::Present => false,
    };
    let removed = shared.gone.iter().find(|r| !known.contains(&r.id) && shown(&r.id));
    if let Some(removed) = removed.or(app.browse.removed.as_ref()) {
        let title = removed.title.get(shared.lang);
        note = format!("{note} — {}", crate::i18n::entry_removed(title, &removed.file).get(shared.lang));
    }
    if !shared.problems.is_empty() {
        note = format!("{note} — {}", problem_counts(shared.lang, errors, shared.problems.len() - errors));
    }
    shared.message = Some(note);
}

/// Swaps in the reload held back during a presentation, if one came.
pub(super) fn apply_held(app: &mut App) {
    if let Some(held) = app.held_reload.take() {
        reloaded(app, held);
    }
}
