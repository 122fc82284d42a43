//! The note overlay: the note's text box, Enter keeps the note (and saves the shortlist), Esc
//! leaves it as it was. It takes every key but those that always work.

use super::super::action::{Action, Effects, Handled};
use super::super::shared::Shared;
use super::super::state::{Edited, ShortlistScreen};
use super::marks::save;

pub fn update(screen: &mut ShortlistScreen, shared: &mut Shared, action: &Action) -> Handled {
    let effects = match action {
        Action::Submit => {
            shared.overlays.pop();
            match screen.note.take() {
                Some(note) => match shared.marks.position(note.entry.as_str()) {
                    Some(at) => {
                        shared.marks.set_note(at, note.input.text());
                        save(shared)
                    }
                    None => Effects::new(),
                },
                None => Effects::new(),
            }
        }
        Action::Cancel | Action::CloseOverlay => {
            shared.overlays.pop();
            screen.note = None;
            Effects::new()
        }
        Action::Edit(edit) => {
            if let Some(note) = screen.note.as_mut()
                && note.input.apply(edit) == Edited::Cut
            {
                shared.message = Some(crate::i18n::input_cut(shared.lang, note.input.cap()));
            }
            Effects::new()
        }
        other if other.always_works() => return Handled::Ignored,
        _ => Effects::new(),
    };
    Handled::Done(effects)
}
