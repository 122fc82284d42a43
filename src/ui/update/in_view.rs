//! The entry a key that acts on "the entry" means: the one the screen shows, so that `e` and
//! `E` on the shortlist edit the item under its cursor, not what browse last selected.

use super::super::app::App;
use super::super::screen::Screen;
use super::super::state::{Slide, ToursLevel, tours};
use crate::model::Id;

/// The entry the current screen shows or has under its cursor, if any.
pub fn entry_in_view(app: &App) -> Option<Id> {
    match app.shared.screen {
        // A link followed in the entry pane shows that entry, not the list's selection.
        Screen::Browse | Screen::Overview => app.browse.shown_id().cloned(),
        Screen::Shortlist => {
            let items = app.shared.marks.items();
            items.get(app.shortlist.cursor(items.len())).map(|item| item.id.clone())
        }
        Screen::Tours => {
            let catalogue = app.shared.catalogue();
            let tour = app.tours.tour(catalogue)?;
            match app.tours.level() {
                ToursLevel::Tours => Some(tour.id.clone()),
                ToursLevel::Stops | ToursLevel::Entry => {
                    tours::stops(tour).get(app.tours.stop(catalogue)).map(|stop| stop.entry.clone())
                }
            }
        }
        Screen::Present => match app.present.slide()? {
            Slide::Entry { id, .. } => Some(id.clone()),
            Slide::Overview => None,
        },
    }
}
