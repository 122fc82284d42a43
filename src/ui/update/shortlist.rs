//! The shortlist screen: the cursor, reordering, removing, writing a note (in the note overlay,
//! [`super::note`]), reading an entry (in the browse screen's entry pane, as a followed link).

use super::super::action::{Action, Effects, Handled, Pane};
use super::super::screen::{Layer, Overlay, Screen};
use super::super::shared::Shared;
use super::super::state::{BrowseState, Note, ShortlistScreen};
use super::marks::{changed, said};
use crate::i18n::Word;

pub fn update(screen: &mut ShortlistScreen, browse: &mut BrowseState, shared: &mut Shared, action: &Action) -> Handled {
    let count = shared.marks.len();
    let at = screen.cursor(count);
    let last = count.saturating_sub(1);
    let page = shared.frame.list_page();
    let effects = match action {
        Action::Up | Action::Down | Action::PageUp | Action::PageDown | Action::Home | Action::End => {
            screen.cursor = super::browse::stepped(at, count, page, action);
            Effects::new()
        }
        Action::MoveItemUp | Action::MoveItemDown => match shared.marks.shift(at, *action == Action::MoveItemUp) {
            Some(to) => {
                screen.cursor = to;
                changed(browse, shared)
            }
            None => Effects::new(),
        },
        // On this screen, `m` takes the item off the list, as `d` does.
        Action::RemoveItem | Action::ToggleMark => match shared.marks.remove(at) {
            Some(item) => {
                said(shared, &item.id, Word::Unmarked);
                screen.cursor = screen.cursor.min(last.saturating_sub(1));
                changed(browse, shared)
            }
            None => Effects::new(),
        },
        Action::EditNote => {
            if let Some(item) = shared.marks.items().get(at) {
                screen.note = Some(Note::new(item.id.clone(), &item.note));
                shared.overlays.push(Layer::new(Overlay::Note));
            }
            Effects::new()
        }
        Action::Back => {
            shared.screen = Screen::Browse;
            Effects::new()
        }
        // Enter reads the entry in the entry pane, as a followed link: Backspace comes back
        // to the result that was selected.
        Action::Open => {
            let target = shared.marks.items().get(at).map(|item| item.id.clone());
            if let (Some(target), Some(shown)) = (target, browse.shown_id().cloned())
                && shared.entry(&target).is_some()
            {
                if shown != target {
                    browse.trail.follow(&shown, target);
                }
                shared.screen = Screen::Browse;
                browse.focus = Pane::Detail;
            }
            Effects::new()
        }
        // The shortlist screen shows the shortlist itself: "only the shortlist" is the results'.
        Action::ToggleShortlistFilter => Effects::new(),
        _ => return Handled::Ignored,
    };
    Handled::Done(effects)
}
