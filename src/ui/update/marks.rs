//! The shortlist in the dashboard: `m` marks and unmarks, the shortlist screen reorders,
//! removes and annotates, the "in my shortlist" row filters the results. Every change asks the
//! loop to save the shortlist ([`Effect::SaveShortlist`]); nothing here touches a file.

use super::super::action::{Action, Effect, Effects, Pane};
use super::super::app::App;
use super::super::screen::{Layer, Overlay, Screen};
use super::super::state::{ExportDialog, ExportScope, SearchBox};
use super::search_again;
use crate::i18n::{Word, word};
use crate::model::Id;

/// Saves the shortlist, when it has a file.
fn save(app: &App) -> Effects {
    match app.shortlist_file {
        Some(_) => vec![Effect::SaveShortlist { base: app.shortlist_saved.clone(), list: app.shortlist.clone() }],
        None => Effects::new(),
    }
}

/// The shortlist's file was saved by another session (of the same key, in a room): saving
/// ours merges what it changed, and shows it.
pub fn changed_elsewhere(app: &App) -> Effects {
    save(app)
}

/// The shortlist now in the file, after a save: this session's, with what other sessions
/// changed merged in; the user is told when it differs from what they had.
pub fn saved(app: &mut App, list: crate::shortlist::Shortlist) {
    if list != app.shortlist {
        app.shortlist = list.clone();
        app.message = Some(format!("★ {}", word(app.lang, Word::ShortlistMerged)));
        if app.shortlist_only {
            search_again(app, false, false);
        }
        app.shortlist_cursor = app.shortlist_cursor.min(app.shortlist.len().saturating_sub(1));
    }
    app.shortlist_saved = list;
}

/// After a change of the shortlist: search again when the results depend on it, then save.
fn changed(app: &mut App) -> Effects {
    if app.shortlist_only {
        search_again(app, false, false);
    }
    app.shortlist_cursor = app.shortlist_cursor.min(app.shortlist.len().saturating_sub(1));
    save(app)
}

/// The actions of the browse screen that are the shortlist's, exports', or addresses'.
pub fn browse(app: &mut App, action: Action) -> Option<Effects> {
    match action {
        Action::ToggleMark => {
            // The entry the user is looking at: the one shown in the entry pane when it has the
            // keys, else the selected result.
            let id = match app.focus {
                Pane::Detail => app.shown_id().cloned(),
                Pane::Facets | Pane::Results => app.selected_id().cloned(),
            };
            Some(id.map_or_else(Effects::new, |id| toggle(app, &id)))
        }
        Action::ToggleShortlistFilter => {
            app.shortlist_only = !app.shortlist_only;
            search_again(app, false, true);
            Some(Effects::new())
        }
        Action::OpenExport => {
            open_export(app);
            Some(Effects::new())
        }
        _ => super::addresses::browse(app, action),
    }
}

fn toggle(app: &mut App, id: &Id) -> Effects {
    let marked = app.shortlist.toggle(id);
    let title = app.entry(id).map(|e| e.title().get(app.lang).to_string()).unwrap_or_else(|| id.to_string());
    let said = if marked { Word::Marked } else { Word::Unmarked };
    app.message = Some(format!("★ {} {title}", word(app.lang, said)));
    changed(app)
}

/// The export dialog, on the shortlist when it has something, else on the results.
pub fn open_export(app: &mut App) {
    let shown = app.shown_id().map(|id| id.to_string());
    let scope = match (app.screen, app.focus) {
        (Screen::Shortlist, _) => ExportScope::Shortlist,
        (Screen::Browse, Pane::Detail) if shown.is_some() => ExportScope::Entry,
        (Screen::Browse | Screen::Tours | Screen::Overview | Screen::Present, _) if !app.shortlist.is_empty() => {
            ExportScope::Shortlist
        }
        (Screen::Browse | Screen::Tours | Screen::Overview | Screen::Present, _) => ExportScope::Results,
    };
    app.export = ExportDialog::open(scope, shown);
    app.overlays.push(Layer::new(Overlay::Export));
}

/// The shortlist screen.
pub fn screen(app: &mut App, action: Action) -> Effects {
    let count = app.shortlist.len();
    let at = app.shortlist_cursor.min(count.saturating_sub(1));
    match action {
        Action::Up => app.shortlist_cursor = at.saturating_sub(1),
        Action::Down => app.shortlist_cursor = (at + 1).min(count.saturating_sub(1)),
        Action::PageUp => app.shortlist_cursor = at.saturating_sub(app.results_page()),
        Action::PageDown => app.shortlist_cursor = (at + app.results_page()).min(count.saturating_sub(1)),
        Action::Home => app.shortlist_cursor = 0,
        Action::End => app.shortlist_cursor = count.saturating_sub(1),
        Action::MoveItemUp | Action::MoveItemDown => {
            if let Some(to) = app.shortlist.shift(at, action == Action::MoveItemUp) {
                app.shortlist_cursor = to;
                return changed(app);
            }
        }
        Action::RemoveItem | Action::ToggleMark => {
            if let Some(item) = app.shortlist.remove(at) {
                let title = app.entry(&item.id).map(|e| e.title().get(app.lang).to_string());
                let title = title.unwrap_or_else(|| item.id.to_string());
                app.message = Some(format!("★ {} {title}", word(app.lang, Word::Unmarked)));
                return changed(app);
            }
        }
        Action::EditNote => {
            if let Some(item) = app.shortlist.items().get(at) {
                app.note = SearchBox::new(item.note.clone());
                app.note.begin_edit();
                app.note_for = Some(item.id.clone());
                app.overlays.push(Layer::new(Overlay::Note));
            }
        }
        Action::Back => app.screen = Screen::Browse,
        // Enter reads the entry in the entry pane, as a followed link: Backspace comes back
        // to the result that was selected.
        Action::Open => {
            let target = app.shortlist.items().get(at).map(|item| item.id.clone());
            if let (Some(target), Some(shown)) = (target, app.shown_id().cloned())
                && app.entry(&target).is_some()
            {
                if shown != target {
                    app.trail.follow(&shown, target);
                }
                app.screen = Screen::Browse;
                app.focus = Pane::Detail;
            }
        }
        Action::OpenExport => open_export(app),
        other => {
            // The keys every tab shares: help, problems, theme, language, tabs, search.
            super::global::update(app, other);
        }
    }
    Effects::new()
}

/// Keys in the note overlay: the text box, Enter keeps the note, Esc leaves it as it was.
pub fn note(app: &mut App, action: Action) -> Effects {
    match action {
        Action::SearchSubmit => {
            app.overlays.pop();
            let id = app.note_for.take();
            if let Some(at) = id.and_then(|id| app.shortlist.position(id.as_str())) {
                app.shortlist.set_note(at, app.note.text());
                return save(app);
            }
        }
        Action::SearchCancel | Action::CloseOverlay => {
            app.overlays.pop();
            app.note_for = None;
        }
        other => edit(&mut app.note, other),
    }
    Effects::new()
}

/// A text box's editing keys.
pub fn edit(text: &mut SearchBox, action: Action) {
    match action {
        Action::SearchInsert(c) if text.text().chars().count() < crate::shortlist::NOTE_MAX => text.insert(c),
        Action::SearchBackspace => text.backspace(),
        Action::SearchDelete => text.delete(),
        Action::SearchLeft => text.left(),
        Action::SearchRight => text.right(),
        Action::SearchHome => text.home(),
        Action::SearchEnd => text.end(),
        Action::SearchClear => text.clear(),
        Action::SearchDeleteWord => text.delete_word(),
        _ => {}
    }
}

/// The catalogue positions of the shortlist's entries, for the "in my shortlist" filter.
pub fn restriction(app: &App) -> Option<Vec<usize>> {
    app.shortlist_only.then(|| app.shortlist.ids().filter_map(|id| app.catalogue().index_of(id.as_str())).collect())
}

/// Which scopes the export dialog offers now.
pub fn export_scopes(app: &App) -> Vec<ExportScope> {
    ExportScope::ALL
        .into_iter()
        .filter(|scope| match scope {
            ExportScope::Shortlist => true,
            ExportScope::Results => !app.results().hits.is_empty(),
            ExportScope::Entry => app.export.entry().is_some(),
        })
        .collect()
}
