//! Typing in the query box, while it has the keys. A changed query is a new search whose best
//! result is selected; a paste is one edit and one search, cut at the box's cap (and said so).

use super::super::action::{Action, Handled, Pane};
use super::super::shared::Shared;
use super::super::state::{BrowseState, Edited};
use super::results::search;

pub fn update(browse: &mut BrowseState, shared: &mut Shared, action: &Action) -> Handled {
    let before = browse.query_box.text().to_string();
    let query_box = &mut browse.query_box;
    match action {
        Action::Edit(edit) => {
            if query_box.edit(edit) == Edited::Cut {
                shared.message = Some(crate::i18n::input_cut(shared.lang, query_box.input().cap()));
            }
        }
        Action::HistoryPrev => query_box.walk_history(true),
        Action::HistoryNext => query_box.walk_history(false),
        Action::Submit => {
            query_box.submit();
            browse.focus = Pane::Results;
        }
        Action::Cancel => query_box.cancel(),
        other if other.always_works() => return Handled::Ignored,
        _ => {
            // Only the mouse reaches past the query box: it keeps the query, as Enter does,
            // and the screen takes the click.
            query_box.submit();
            return Handled::Ignored;
        }
    }
    if browse.query_box.text() == before {
        return Handled::done();
    }
    Handled::effect(search(browse, shared, true, true))
}
