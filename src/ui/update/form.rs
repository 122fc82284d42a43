//! The entry's form: `e` asks the loop to read the entry's file ([`Effect::OpenForm`]), which
//! hands the text back to [`form_opened`]; the form's keys move between rows, type, pick and
//! save ([`Effect::SaveEntry`], handed back to [`form_saved`]). Every change of a value checks
//! the file the form would write again, with the loader's own checks.

use super::super::action::{Action, Effect, Effects, Handled};
use super::super::app::App;
use super::super::keymap::{Context, first_key_name};
use super::super::screen::{Layer, Overlay};
use super::super::shared::Shared;
use super::super::state::form::NotSaved;
use super::super::state::{Edited, FormStart, FormState};
use crate::i18n::form::{FormWord, form_word, leave_unsaved, saved};
use crate::model::Id;

/// `e`: the form of the entry in view, once the loop has read its file.
pub fn edit_entry(in_view: Option<Id>, shared: &Shared) -> Effects {
    let Some(id) = in_view else { return Effects::new() };
    let Some(entry) = shared.catalogue().get(id.as_str()) else { return Effects::new() };
    let start = FormStart {
        kind: entry.kind,
        id: entry.id.to_string(),
        path: std::path::PathBuf::from(&*entry.file()),
        text: None,
        ends_session: false,
    };
    vec![Effect::OpenForm(Box::new(start))]
}

/// Opens the form on `start` (its text read by the loop, or none for a new entry).
pub fn form_opened(app: &mut App, start: FormStart) {
    let lang = app.shared.lang;
    match FormState::open(start, app.shared.catalogue(), lang) {
        Ok(form) => {
            app.form = Some(form);
            app.shared.overlays.push(Layer::new(Overlay::Form));
        }
        Err(why) => app.shared.message = Some(why.get(lang).to_string()),
    }
}

/// How the save went: saved, the form closes (and a `boucle new --form` session ends);
/// else the form stays, and says why.
pub fn form_saved(app: &mut App, result: Result<(), crate::i18n::Said>) -> Effects {
    let lang = app.shared.lang;
    let Some(form) = &app.form else { return Effects::new() };
    match result {
        Ok(()) => {
            app.shared.message = Some(saved(lang, &form.start.path.display().to_string()));
            close(&mut app.form, &mut app.shared)
        }
        Err(why) => {
            let not = form_word(lang, FormWord::NotSaved);
            app.shared.message = Some(format!("✗ {not}: {}", why.get(lang)));
            Effects::new()
        }
    }
}

fn close(form: &mut Option<FormState>, shared: &mut Shared) -> Effects {
    let ends = form.take().is_some_and(|form| form.start.ends_session);
    shared.overlays.retain(|layer| layer.overlay != Overlay::Form);
    if ends { vec![Effect::Quit] } else { Effects::new() }
}

/// The form's keys; it takes every key but those that always work.
pub fn update(state: &mut Option<FormState>, shared: &mut Shared, action: &Action) -> Handled {
    let Some(form) = state.as_mut() else {
        shared.overlays.pop();
        return Handled::done();
    };
    // A second Esc leaves only if it follows the first at once.
    let leaving = std::mem::take(&mut form.leaving);
    let changed = match action {
        Action::Up => {
            form.up();
            false
        }
        Action::Down => {
            form.down();
            false
        }
        Action::Submit if form.picker.is_some() => form.pick(),
        Action::Submit => {
            if !form.open_picker("") {
                form.down();
            }
            false
        }
        Action::Cancel if form.picker.is_some() => {
            form.close_picker();
            false
        }
        Action::Cancel | Action::CloseOverlay if form.edited() && !leaving => {
            form.leaving = true;
            let key = |action| first_key_name(shared.keys(), Context::Form, action, shared.lang);
            let (again, save) = (key(Action::Cancel), key(Action::SaveForm));
            shared.message = Some(leave_unsaved(shared.lang, &again, &save));
            false
        }
        Action::Cancel | Action::CloseOverlay => return Handled::Done(close(state, shared)),
        Action::SaveForm => {
            return Handled::Done(match form.to_save() {
                Ok(text) => {
                    vec![Effect::SaveEntry { path: form.start.path.clone(), text, before: form.start.text.clone() }]
                }
                Err(not) => {
                    let lang = shared.lang;
                    let why = match not {
                        NotSaved::DoesNotLoad => FormWord::DoesNotLoad,
                        NotSaved::Unsafe => FormWord::Unsafe,
                    };
                    shared.message =
                        Some(format!("✗ {}: {}", form_word(lang, FormWord::NotSaved), form_word(lang, why)));
                    Effects::new()
                }
            });
        }
        Action::Edit(edit) => form.edit(edit) != Edited::Unchanged,
        other if other.always_works() => return Handled::Ignored,
        _ => false,
    };
    if changed {
        form.check(shared.catalogue());
    }
    Handled::done()
}
