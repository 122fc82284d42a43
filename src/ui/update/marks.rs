//! The shortlist in the dashboard: `m` marks and unmarks, and every change asks the loop to
//! save it ([`Effect::SaveShortlist`]); nothing here touches a file. When the results show
//! only the shortlist, they are searched again.

use super::super::action::{Effect, Effects};
use super::super::shared::Shared;
use super::super::state::BrowseState;
use super::results::search;
use crate::i18n::{Word, word};
use crate::model::Id;

/// Saves the shortlist, when it has a file.
pub(super) fn save(shared: &Shared) -> Effects {
    match shared.marks_file {
        Some(_) => vec![Effect::SaveShortlist(shared.marks.clone())],
        None => Effects::new(),
    }
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
