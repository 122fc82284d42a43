//! Keys in the export dialog, and what the loop reports back: the file written, or already
//! there (then the dialog asks before replacing it), an address opened or copied, the
//! shortlist saved or not. The handout is built here (a pure computation); writing it is an
//! [`Effect::WriteFile`] the loop carries out.

use std::path::PathBuf;

use super::super::action::{Action, Effect, Effects, Outcome};
use super::super::app::App;
use super::super::state::{ExportScope, ExportStep};
use super::marks::{edit, export_scopes, restriction};
use crate::export::handout::{self, Scope};
use crate::i18n::{Word, word};

pub fn dialog(app: &mut App, action: Action) -> Effects {
    match app.export.step().clone() {
        ExportStep::Choose => match action {
            Action::PrevChoice | Action::NextChoice => {
                let scopes = export_scopes(app);
                app.export.step_scope(action == Action::NextChoice, &scopes);
            }
            Action::PrevFormat | Action::NextFormat => app.export.step_format(action == Action::NextFormat),
            Action::Open | Action::SearchSubmit => app.export.set_step(ExportStep::Path),
            Action::CloseOverlay | Action::SearchCancel | Action::Back => close(app),
            _ => {}
        },
        ExportStep::Path => match action {
            Action::SearchSubmit => return write(app, false),
            Action::SearchCancel => app.export.set_step(ExportStep::Choose),
            other => edit(app.export.path_mut(), other),
        },
        ExportStep::Confirm => match action {
            Action::Yes => return write(app, true),
            Action::No | Action::SearchCancel | Action::CloseOverlay => app.export.set_step(ExportStep::Path),
            _ => {}
        },
        ExportStep::Done(_) => {
            if matches!(action, Action::CloseOverlay | Action::Open | Action::SearchSubmit | Action::Back) {
                close(app);
            }
        }
    }
    Effects::new()
}

fn close(app: &mut App) {
    app.overlays.pop();
}

/// The chosen handout's bytes, or why there is nothing to write.
fn contents(app: &App) -> Result<Vec<u8>, String> {
    let catalogue = app.catalogue();
    let positions: Vec<usize>;
    let entry = app.export.entry().map(str::to_string);
    let scope = match app.export.scope() {
        ExportScope::Shortlist => Scope::Shortlist,
        ExportScope::Entry => Scope::Entry(entry.as_deref().unwrap_or_default()),
        ExportScope::Results => {
            // Every result, not only the pages loaded so far.
            let mut filters = app.filters.clone();
            filters.restrict_to(restriction(app));
            let results = app.indexed.engine().search(catalogue, &app.query, &filters, app.lang, usize::MAX);
            positions = results.hits.iter().map(|h| h.entry).collect();
            Scope::Results(&positions)
        }
    };
    let nothing = || word(app.lang, Word::ExportNothing).to_string();
    let handout = handout::build(catalogue, scope, &app.shortlist, app.lang).map_err(|_| nothing())?;
    if handout.items.is_empty() {
        return Err(nothing());
    }
    Ok(handout::render(&handout, catalogue, app.export.format()))
}

fn write(app: &mut App, overwrite: bool) -> Effects {
    let path = PathBuf::from(app.export.path().text().trim());
    if path.as_os_str().is_empty() {
        return Effects::new();
    }
    match contents(app) {
        Ok(contents) => vec![Effect::WriteFile { path, contents, overwrite }],
        Err(why) => {
            app.export.set_step(ExportStep::Done(Err(why)));
            Effects::new()
        }
    }
}

/// Takes in what the loop found when it carried out an effect.
pub fn effect_done(app: &mut App, outcome: Outcome) {
    let lang = app.lang;
    match outcome {
        Outcome::ShortlistSaved(Ok(list)) => super::marks::saved(app, list),
        Outcome::ShortlistSaved(Err(why)) => {
            app.message = Some(format!("{} {why}", word(lang, Word::ShortlistSaveFailed)));
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
            app.message = Some(match result {
                Ok(()) => format!("{} {url}", word(lang, Word::Opening)),
                Err(_) => format!("{} {url}", word(lang, Word::NoOpener)),
            });
        }
        Outcome::Copied { text, result } => {
            app.message = Some(match result {
                Ok(()) => format!("{} {text}", word(lang, Word::Copied)),
                Err(why) => why,
            });
        }
    }
}
