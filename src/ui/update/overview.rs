//! The overview screen: the map's zoom and position, Tab between the map and the charts, the
//! charts' cursor and the material groups it unfolds (the rest are the keys every tab
//! shares); and what it shows of the results, taken here when they change while it is on
//! screen ([`settle`]) so that a frame only reads it.

use std::borrow::Cow;

use super::super::action::{Action, Handled};
use super::super::app::App;
use super::super::screen::Screen;
use super::super::shared::Shared;
use super::super::state::{BrowseState, CHARTED, OverviewState, Slide, Tally};

pub fn update(overview: &mut OverviewState, shared: &Shared, action: &Action) -> Handled {
    // The material rows as last drawn: the cursor moves along what the user sees.
    let rows = &shared.frame.overview_rows;
    match action {
        Action::ZoomIn => overview.zoom_by(1),
        Action::ZoomOut => overview.zoom_by(-1),
        Action::PanMap { east, north } => overview.pan_by(i32::from(*east), i32::from(*north)),
        Action::FitMap => overview.refit(),
        Action::FocusNext | Action::FocusPrev => {
            overview.focus_map = !overview.focus_map;
            if overview.cursor.is_none() {
                overview.cursor = rows.first().copied();
            }
        }
        Action::Up => overview.move_cursor(rows, -1),
        Action::Down => overview.move_cursor(rows, 1),
        Action::Expand => overview.unfold(),
        Action::Collapse => {
            let materials = &shared.catalogue().vocabularies.materials;
            let parent = overview.cursor.and_then(|c| (c < materials.len()).then(|| materials.parent_of(c)).flatten());
            overview.fold(parent);
        }
        _ => return Handled::Ignored,
    }
    Handled::done()
}

/// Brings what the overview shows up to the results shown, if it is on screen (its tab, or a
/// presentation's overview slide) and it is not already: called after each action and each
/// result taken in. Off screen it waits, so typing on another tab never pays for it.
pub fn settle(app: &mut App) {
    let shown = match app.shared.screen {
        Screen::Overview => true,
        Screen::Present => matches!(app.present.slide(), Some(Slide::Overview)) && app.present.detour().is_none(),
        Screen::Browse | Screen::Shortlist | Screen::Tours => false,
    };
    let generation = app.browse.list.shown_generation();
    if shown && !app.overview.tally.is_of(generation) {
        app.overview.tally = tally(&app.browse, &app.shared, generation);
    }
}

/// The charts' counts and the map's places of every result: the results shown when they are
/// all there, else one search of them all (with the restriction to the shortlist the results
/// have).
fn tally(browse: &BrowseState, shared: &Shared, generation: u64) -> Tally {
    let shown = browse.list.results();
    let mut filters = browse.filters.clone();
    filters.restrict_to(browse.restriction(&shared.marks, shared.catalogue()));
    let all = if shown.hits.len() >= shown.total {
        Cow::Borrowed(shown)
    } else {
        Cow::Owned(shared.indexed.search(&browse.query, &filters, shared.lang, shown.total))
    };
    let counts = shared.indexed.tally(&browse.query, &filters, shared.lang, &all, &CHARTED);
    let entries: Vec<usize> = all.hits.iter().map(|h| h.entry).collect();
    Tally::new(generation, counts, &entries, shared.catalogue(), shared.lang)
}
