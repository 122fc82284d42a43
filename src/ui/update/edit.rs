//! Asking for the editor: on a problem of the panel (Enter) or on the selected entry (`e`).
//! Whether the file exists and which editor to run is the host's business
//! ([`super::super::host::Host::edit`]): update only says which file and line, then, once the
//! editor has come back, what the status line says.

use std::path::{Path, PathBuf};

use super::super::action::{Effect, Effects};
use super::super::app::App;
use super::super::editor::EditOutcome;
use super::super::shared::Shared;
use crate::i18n::{Msg, t};
use crate::model::Id;

/// The problem under the panel's cursor, at its line.
pub fn open_problem(shared: &Shared) -> Effects {
    let cursor = shared.overlays.last().map_or(0, |layer| layer.cursor);
    match shared.problems.get(cursor) {
        Some(problem) => vec![Effect::OpenEditor { path: PathBuf::from(&problem.file), line: problem.start.line }],
        None => Effects::new(),
    }
}

/// The file of the entry in view, at its first line.
pub fn edit_entry(in_view: Option<Id>, shared: &Shared) -> Effects {
    let Some(id) = in_view else { return Effects::new() };
    match shared.catalogue().get(id.as_str()) {
        Some(entry) => vec![Effect::OpenEditor { path: PathBuf::from(&*entry.file()), line: 1 }],
        None => Effects::new(),
    }
}

/// What the status line says after a request to edit.
pub fn edited(app: &mut App, outcome: &EditOutcome, path: &Path, line: usize) {
    let lang = app.shared.lang;
    let place = format!("{}:{line}", crate::text::sanitize(&path.display().to_string(), crate::text::Lines::Single));
    app.shared.message = match outcome {
        EditOutcome::Edited => None,
        EditOutcome::NoEditor => Some(format!("{} ({place})", t(lang, Msg::NoEditor))),
        EditOutcome::NotAFile => Some(t(lang, Msg::NotEditableHere).to_string()),
        EditOutcome::Failed(why) => Some(format!(
            "{} {}",
            crate::i18n::with_colon(lang, t(lang, Msg::EditorFailed)),
            crate::text::sanitize(why.get(lang), crate::text::Lines::Single)
        )),
        EditOutcome::Unavailable => Some(t(lang, Msg::NoEditorHere).to_string()),
    };
}
