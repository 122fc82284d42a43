//! Asking for the editor: on a problem of the panel (Enter) or on the selected entry (`e`).
//! Whether the file exists and which editor to run is the host's business
//! ([`super::super::host::Host::edit`]): update only says which file and line.

use std::path::{Path, PathBuf};

use super::super::action::{Effect, Effects};
use super::super::app::App;
use super::super::editor::EditOutcome;
use crate::i18n::{Msg, t};

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

/// What the status line says after a request to edit.
pub fn edited(app: &mut App, outcome: &EditOutcome, path: &Path, line: usize) {
    let place = format!("{}:{line}", crate::text::sanitize(&path.display().to_string(), crate::text::Lines::Single));
    app.message = match outcome {
        EditOutcome::Edited => None,
        EditOutcome::NoEditor => Some(format!("{} ({place})", t(app.lang, Msg::NoEditor))),
        EditOutcome::NotAFile => Some(t(app.lang, Msg::NotEditableHere).to_string()),
        EditOutcome::Failed(why) => Some(format!(
            "{}: {}",
            t(app.lang, Msg::EditorFailed),
            crate::text::sanitize(why, crate::text::Lines::Single)
        )),
        EditOutcome::Unavailable => Some(t(app.lang, Msg::NoEditorHere).to_string()),
    };
}
