//! The shortlist in the dashboard: `m` marks and unmarks, and every change asks the loop to
//! save it ([`Effect::SaveShortlist`]); nothing here touches a file. When the results show
//! only the shortlist, they are searched again.

use super::super::action::{Effect, Effects};
use super::super::app::App;
use super::super::shared::Shared;
use super::super::state::BrowseState;
use super::results::search;
use crate::i18n::{Word, word};
use crate::model::Id;
use crate::shortlist::Shortlist;

/// Saves the shortlist, when it has a file or a room keeps it.
pub(super) fn save(shared: &Shared) -> Effects {
    if shared.marks_file.is_none() && shared.take_home.is_none() {
        return Effects::new();
    }
    vec![Effect::SaveShortlist { base: shared.marks_saved.clone(), list: shared.marks.clone() }]
}

/// After a change of the shortlist: search again when the results depend on it, then save.
pub(super) fn changed(browse: &mut BrowseState, shared: &Shared) -> Effects {
    let mut effects = Effects::new();
    if browse.shortlist_only {
        effects.push(search(browse, shared, false, false));
    }
    effects.extend(save(shared));
    effects
}

/// Marks or unmarks an entry, and says which.
pub(super) fn toggle(browse: &mut BrowseState, shared: &mut Shared, id: &Id) -> Effects {
    let marked = shared.marks.toggle(id);
    said(shared, id, if marked { Word::Marked } else { Word::Unmarked });
    changed(browse, shared)
}

/// "★ Marked Title" on the status line.
pub(super) fn said(shared: &mut Shared, id: &Id, said: Word) {
    let title = shared.entry(id).map(|e| e.title().get(shared.lang).to_string()).unwrap_or_else(|| id.to_string());
    shared.message = Some(format!("★ {} {title}", word(shared.lang, said)));
}

/// The shortlist's file was saved by another session (of the same key, in a room): saving
/// ours merges what it changed, and shows it.
pub fn changed_elsewhere(app: &App) -> Effects {
    save(&app.shared)
}

/// The shortlist now in the file, after a save: this session's, with what other sessions
/// changed merged in; the user is told when it differs from what they had.
pub(super) fn saved(app: &mut App, list: Shortlist) {
    if list != app.shared.marks {
        app.shared.marks = list.clone();
        app.shared.message = Some(format!("★ {}", word(app.shared.lang, Word::ShortlistMerged)));
        if app.browse.shortlist_only {
            super::results::search_now(app);
        }
    }
    app.shared.marks_saved = list;
}
