//! The export dialog (`x`): what to export, in which format, where; then, when the file exists,
//! whether to replace it; then where it went. The file name follows the choices until the user
//! types one of their own.

use std::path::PathBuf;

use super::super::action::Edit;
use super::{Edited, TextInput};
use crate::export::handout::Format;

/// What the dialog exports.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ExportScope {
    Shortlist,
    Results,
    Entry,
}

/// The most characters of a file name typed in the dialog (as many as a note).
const FILE_NAME_MAX: usize = crate::shortlist::NOTE_MAX;

impl ExportScope {
    pub const ALL: [ExportScope; 3] = [ExportScope::Shortlist, ExportScope::Results, ExportScope::Entry];
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ExportStep {
    Choose,
    /// The file name is being typed.
    Path,
    /// The file exists: replace it?
    Confirm,
    /// Written (the full path), or why not.
    Done(Result<PathBuf, crate::i18n::Said>),
    /// In a room, where nothing is written on the server: the command that takes the shortlist
    /// home, and what became of the copy of its Markdown (OSC 52).
    TakeHome {
        command: String,
        clipboard: String,
    },
}

#[derive(Clone, Debug)]
pub struct ExportDialog {
    scope: ExportScope,
    format: Format,
    step: ExportStep,
    path: TextInput,
    /// Whether the user typed the file name (then choices no longer rename it).
    named: bool,
    /// The entry the "this entry" scope means, by id.
    entry: Option<String>,
}

impl Default for ExportDialog {
    fn default() -> Self {
        ExportDialog {
            scope: ExportScope::Shortlist,
            format: Format::Md,
            step: ExportStep::Choose,
            path: TextInput::new("", FILE_NAME_MAX),
            named: false,
            entry: None,
        }
    }
}

impl ExportDialog {
    /// A fresh dialog on `scope`, for the entry shown (if any).
    pub fn open(scope: ExportScope, entry: Option<String>) -> ExportDialog {
        let mut dialog = ExportDialog { scope, entry, ..ExportDialog::default() };
        dialog.rename();
        dialog
    }

    pub fn scope(&self) -> ExportScope {
        self.scope
    }

    pub fn format(&self) -> Format {
        self.format
    }

    pub fn step(&self) -> &ExportStep {
        &self.step
    }

    pub fn path(&self) -> &TextInput {
        &self.path
    }

    /// Edits the file name, which from then on is the user's own.
    pub fn edit_path(&mut self, edit: &Edit) -> Edited {
        self.named = true;
        self.path.apply(edit)
    }

    pub fn entry(&self) -> Option<&str> {
        self.entry.as_deref()
    }

    pub fn set_step(&mut self, step: ExportStep) {
        if step == ExportStep::Path {
            self.path.apply(&Edit::End);
        }
        self.step = step;
    }

    /// The next or previous scope among those `available`.
    pub fn step_scope(&mut self, forward: bool, available: &[ExportScope]) {
        if available.is_empty() {
            return;
        }
        let at = available.iter().position(|s| *s == self.scope).unwrap_or(0);
        let n = available.len();
        self.scope = available[if forward { (at + 1) % n } else { (at + n - 1) % n }];
        self.rename();
    }

    pub fn step_format(&mut self, forward: bool) {
        let all = Format::ALL;
        let at = all.iter().position(|f| *f == self.format).unwrap_or(0);
        let n = all.len();
        self.format = all[if forward { (at + 1) % n } else { (at + n - 1) % n }];
        self.rename();
    }

    /// The default file name, in the current folder: `boucle-shortlist.md`, `boucle-<id>.html`.
    fn rename(&mut self) {
        if self.named {
            return;
        }
        let stem = match self.scope {
            ExportScope::Shortlist => "shortlist".to_string(),
            ExportScope::Results => "results".to_string(),
            ExportScope::Entry => self.entry.clone().unwrap_or_else(|| "entry".into()),
        };
        let suffix = if self.format == Format::Interreg { "-interreg" } else { "" };
        self.path.set(&format!("boucle-{stem}{suffix}.{}", self.format.extension()));
    }
}
