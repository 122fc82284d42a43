//! Typing in the query box. A changed query is a new search whose best result is selected.

use super::super::action::{Action, Pane};
use super::super::app::App;

/// Whether an action is one of the query box's own.
pub fn is_edit(action: Action) -> bool {
    matches!(
        action,
        Action::SearchInsert(_)
            | Action::SearchBackspace
            | Action::SearchDelete
            | Action::SearchLeft
            | Action::SearchRight
            | Action::SearchHome
            | Action::SearchEnd
            | Action::SearchClear
            | Action::SearchDeleteWord
            | Action::SearchHistoryPrev
            | Action::SearchHistoryNext
            | Action::SearchSubmit
            | Action::SearchCancel
    )
}

pub fn update(app: &mut App, action: Action) {
    let before = app.search.text().to_string();
    let search = &mut app.search;
    match action {
        Action::SearchInsert(c) => search.insert(c),
        Action::SearchBackspace => search.backspace(),
        Action::SearchDelete => search.delete(),
        Action::SearchLeft => search.left(),
        Action::SearchRight => search.right(),
        Action::SearchHome => search.home(),
        Action::SearchEnd => search.end(),
        Action::SearchClear => search.clear(),
        Action::SearchDeleteWord => search.delete_word(),
        Action::SearchHistoryPrev => search.walk_history(true),
        Action::SearchHistoryNext => search.walk_history(false),
        Action::SearchSubmit => {
            search.submit();
            app.focus = Pane::Results;
        }
        Action::SearchCancel => search.cancel(),
        _ => {}
    }
    if app.search.text() != before {
        super::results::search_again(app, true, true);
    }
}
