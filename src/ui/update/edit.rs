//! Asking for the editor: on a problem of the panel (Enter) or on the selected entry (`e`).
//! Whether the file exists and which editor to run is the host's business
//! ([`super::super::session::Host::edit`]): update only says which file and line.

use std::path::PathBuf;

use super::super::action::{Effect, Effects};
use super::super::app::App;

/// The problem under the panel's cursor, at its line.
pub fn open_problem(app: &mut App) -> Effects {
    let cursor = app.overlays.last().map_or(0, |layer| layer.cursor);
    match app.problems.get(cursor) {
        Some(problem) => vec![Effect::OpenEditor { path: PathBuf::from(&problem.file), line: problem.start.line }],
        None => Effects::new(),
    }
}

/// The selected entry's file, at its first line.
pub fn edit_entry(app: &mut App) -> Effects {
    let Some(id) = app.selected_id() else { return Effects::new() };
    match app.indexed.catalogue().get(id.as_str()) {
        Some(entry) => vec![Effect::OpenEditor { path: PathBuf::from(&*entry.file()), line: 1 }],
        None => Effects::new(),
    }
}
