//! The shortlist screen's state: the item under the cursor, and the note being written, with
//! the entry it is for. The shortlist itself is shared by every screen
//! ([`crate::ui::shared::Shared`]).

use super::TextInput;
use crate::model::Id;

/// A note being written in the note overlay.
#[derive(Clone, Debug)]
pub struct Note {
    pub(in crate::ui) input: TextInput,
    pub(in crate::ui) entry: Id,
}

impl Note {
    pub fn new(entry: Id, text: &str) -> Note {
        Note { input: TextInput::new(text, crate::shortlist::NOTE_MAX), entry }
    }

    pub fn input(&self) -> &TextInput {
        &self.input
    }

    pub fn entry(&self) -> &Id {
        &self.entry
    }
}

#[derive(Clone, Debug, Default)]
pub struct ShortlistScreen {
    pub(in crate::ui) cursor: usize,
    pub(in crate::ui) note: Option<Note>,
}

impl ShortlistScreen {
    /// The item under the cursor, within a shortlist of `len` items.
    pub fn cursor(&self, len: usize) -> usize {
        self.cursor.min(len.saturating_sub(1))
    }

    pub fn note(&self) -> Option<&Note> {
        self.note.as_ref()
    }
}
