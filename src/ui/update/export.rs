//! The export dialog: opening it on what the screen shows, its keys, and what the loop reports
//! back: the file written, or already there (then the dialog asks before replacing it), an
//! address opened or copied, the shortlist saved or not. The handout is built here (a pure
//! computation); writing it is an [`Effect::WriteFile`] the loop carries out.

use std::path::PathBuf;

use super::super::action::{Action, Effect, Effects, Handled, Outcome, Pane};
use super::super::app::App;
use super::super::screen::{Layer, Overlay, Screen};
use super::super::shared::Shared;
use super::super::state::{BrowseState, Edited, ExportDialog, ExportScope, ExportStep};
use super::super::take_home::{COPY_MAX, TakeHome};
use crate::export::handout::{self, Format, Scope};
use crate::i18n::{Word, word};

/// `x`: the export dialog, on the shortlist when it has something, else on the results (or on
/// the entry the entry pane shows, when it has the keys).
pub fn open(dialog: &mut ExportDialog, browse: &BrowseState, shared: &mut Shared) -> Handled {
    let shown = browse.shown_id().map(|id| id.to_string());
    let scope = match (shared.screen, browse.focus) {
        (Screen::Shortlist, _) => ExportScope::Shortlist,
        (Screen::Browse, Pane::Detail) if shown.is_some() => ExportScope::Entry,
        (Screen::Browse | Screen::Tours | Screen::Overview | Screen::Present, _) if !shared.marks.is_empty() => {
            ExportScope::Shortlist
        }
        (Screen::Browse | Screen::Tours | Screen::Overview | Screen::Present, _) => ExportScope::Results,
    };
    *dialog = ExportDialog::open(scope, shown);
    shared.overlays.push(Layer::new(Overlay::Export));
    Handled::done()
}

/// The dialog's keys. It takes every key but those that always work.
pub fn dialog(dialog: &mut ExportDialog, browse: &BrowseState, shared: &mut Shared, action: &Action) -> Handled {
    if action.always_works() {
        return Handled::Ignored;
    }
    match dialog.step().clone() {
        ExportStep::Choose => match action {
            Action::PrevChoice | Action::NextChoice => {
                let scopes = scopes(dialog, browse);
                dialog.step_scope(*action == Action::NextChoice, &scopes);
            }
            Action::PrevFormat | Action::NextFormat => dialog.step_format(*action == Action::NextFormat),
            Action::Open | Action::Submit => match (&shared.take_home, dialog.scope()) {
                (Some(home), ExportScope::Shortlist) => return Handled::Done(take_home(dialog, browse, shared, home)),
                _ => dialog.set_step(ExportStep::Path),
            },
            Action::CloseOverlay | Action::Cancel | Action::Back => close(shared),
            _ => {}
        },
        ExportStep::Path => match action {
            Action::Submit => return Handled::Done(write(dialog, browse, shared, false)),
            Action::Cancel => dialog.set_step(ExportStep::Choose),
            Action::Edit(edit) => {
                let edited = dialog.edit_path(edit);
                if edited == Edited::Cut {
                    shared.message = Some(crate::i18n::input_cut(shared.lang, dialog.path().cap()));
                }
            }
            _ => {}
        },
        ExportStep::Confirm => match action {
            Action::Yes => return Handled::Done(write(dialog, browse, shared, true)),
            Action::No | Action::Cancel | Action::CloseOverlay => dialog.set_step(ExportStep::Path),
            _ => {}
        },
        ExportStep::Done(_) | ExportStep::TakeHome { .. } => {
            if matches!(action, Action::CloseOverlay | Action::Open | Action::Submit | Action::Back) {
                close(shared);
            }
        }
    }
    Handled::done()
}

/// In a room, nothing is written on the server: the command that takes the shortlist home,
/// and its Markdown to the participant's clipboard when it fits in what terminals take.
fn take_home(dialog: &mut ExportDialog, browse: &BrowseState, shared: &Shared, home: &TakeHome) -> Effects {
    let lang = shared.lang;
    let command = home.command(lang, dialog.format());
    let markdown = contents(dialog, browse, shared, Format::Md);
    let (clipboard, effects) = match markdown {
        Err(why) => (why.get(lang).to_string(), Effects::new()),
        Ok(bytes) => {
            let text = String::from_utf8_lossy(&bytes).into_owned();
            if TakeHome::fits_clipboard(&text) {
                (crate::i18n::take_home::copied(lang, text.len()), vec![Effect::Copy(text)])
            } else {
                (crate::i18n::take_home::too_long_to_copy(lang, text.len(), COPY_MAX), Effects::new())
            }
        }
    };
    dialog.set_step(ExportStep::TakeHome { command, clipboard });
    effects
}

fn close(shared: &mut Shared) {
    shared.overlays.pop();
}

/// Which scopes the dialog offers now.
fn scopes(dialog: &ExportDialog, browse: &BrowseState) -> Vec<ExportScope> {
    ExportScope::ALL
        .into_iter()
        .filter(|scope| match scope {
            ExportScope::Shortlist => true,
            ExportScope::Results => !browse.results().hits.is_empty(),
            ExportScope::Entry => dialog.entry().is_some(),
        })
        .collect()
}

/// The chosen handout's bytes, or why there is nothing to write.
fn contents(
    dialog: &ExportDialog,
    browse: &BrowseState,
    shared: &Shared,
    format: Format,
) -> Result<Vec<u8>, crate::i18n::Said> {
    let catalogue = shared.catalogue();
    let positions: Vec<usize>;
    let entry = dialog.entry().map(str::to_string);
    let scope = match dialog.scope() {
        ExportScope::Shortlist => Scope::Shortlist,
        ExportScope::Entry => Scope::Entry(entry.as_deref().unwrap_or_default()),
        ExportScope::Results => {
            // Every result, not only the pages loaded so far.
            let mut filters = browse.filters.clone();
            filters.restrict_to(browse.restriction(&shared.marks, shared.catalogue()));
            let results = shared.indexed.engine().search(catalogue, &browse.query, &filters, shared.lang, usize::MAX);
            positions = results.hits.iter().map(|h| h.entry).collect();
            Scope::Results(&positions)
        }
    };
    let nothing = || crate::i18n::Said::by(|lang| word(lang, Word::ExportNothing).to_string());
    let handout = handout::build(catalogue, scope, &shared.marks, shared.lang).map_err(|_| nothing())?;
    if handout.items.is_empty() {
        return Err(nothing());
    }
    Ok(handout::render(&handout, catalogue, format))
}

fn write(dialog: &mut ExportDialog, browse: &BrowseState, shared: &Shared, overwrite: bool) -> Effects {
    let path = PathBuf::from(dialog.path().text().trim());
    if path.as_os_str().is_empty() {
        return Effects::new();
    }
    match contents(dialog, browse, shared, dialog.format()) {
        Ok(contents) => vec![Effect::WriteFile { path, contents, overwrite }],
        Err(why) => {
            dialog.set_step(ExportStep::Done(Err(why)));
            Effects::new()
        }
    }
}

/// Takes in what the loop found when it carried out an effect.
pub fn effect_done(app: &mut App, outcome: Outcome) {
    let outcome = match outcome {
        Outcome::ShortlistSaved(Ok(list)) => return super::marks::saved(app, list),
        other => other,
    };
    let shared = &mut app.shared;
    let lang = shared.lang;
    match outcome {
        Outcome::ShortlistSaved(Ok(_)) => {}
        Outcome::ShortlistSaved(Err(why)) => {
            shared.message = Some(format!("{} {}", word(lang, Word::ShortlistSaveFailed), why.get(lang)));
        }
        Outcome::FileWritten { path, result } => {
            let step = match result {
                Ok(()) => ExportStep::Done(Ok(path)),
                Err(None) => ExportStep::Confirm,
                Err(Some(why)) => ExportStep::Done(Err(why)),
            };
            app.export.set_step(step);
        }
        Outcome::UrlOpened { url, result } => {
            shared.message = Some(match result {
                Ok(()) => format!("{} {url}", word(lang, Word::Opening)),
                Err(_) => format!("{} {url}", word(lang, Word::NoOpener)),
            });
        }
        // The copy of a take-home: said in the dialog, never the whole Markdown on the status line.
        Outcome::Copied { result, .. } if matches!(app.export.step(), ExportStep::TakeHome { .. }) => {
            if let (Err(why), ExportStep::TakeHome { command, .. }) = (result, app.export.step().clone()) {
                app.export.set_step(ExportStep::TakeHome { command, clipboard: why.get(lang).to_string() });
            }
        }
        Outcome::Copied { text, result } => {
            shared.message = Some(match result {
                Ok(()) => format!("{} {text}", word(lang, Word::Copied)),
                Err(why) => why.get(lang).to_string(),
            });
        }
    }
}
