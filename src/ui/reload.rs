//! Live reload in the dashboard: [`crate::live`] loads and indexes on its own thread, and the
//! new snapshot arrives on the session's channel as [`Event::Reloaded`](super::event::Event);
//! [`apply`] swaps it in at once, keeping what the user was looking at (by id).

use super::app::App;
use super::update::reindex;
use crate::i18n::{Msg, problem_counts, t};

/// How the dashboard learns that its folders changed.
pub use crate::live::Watch;

/// A catalogue loaded again and indexed, ready to swap in; or the last good one kept, with
/// the problem that says why (a folder gone).
pub type Reloaded = crate::live::Snapshot;

/// `r` when the catalogue cannot change (the bundled one).
pub fn nothing_to_reload(app: &mut App) {
    app.message = Some(t(app.lang, Msg::NothingToReload).to_string());
}

/// Swaps in a reloaded catalogue, and says so quietly on the status line; during a
/// presentation it waits until present mode ends (the newest reload only).
pub fn apply(app: &mut App, reloaded: Reloaded) {
    if app.screen == super::screen::Screen::Present {
        app.held_reload = Some(reloaded);
        return;
    }
    // A folder gone: the catalogue is the last good one, and the line says why.
    let gone = reloaded.gone().next().map(|problem| problem.in_lang(app.lang).message);
    reindex(app, reloaded.indexed, reloaded.problems);
    let errors = app.problems.iter().filter(|p| p.is_error()).count();
    let mut note = gone.unwrap_or_else(|| t(app.lang, Msg::Reloaded).to_string());
    if !app.problems.is_empty() {
        note = format!("{note} — {}", problem_counts(app.lang, errors, app.problems.len() - errors));
    }
    app.message = Some(note);
}

/// Swaps in the reload held back during a presentation, if one came.
pub fn apply_held(app: &mut App) {
    if let Some(reloaded) = app.held_reload.take() {
        apply(app, reloaded);
    }
}
