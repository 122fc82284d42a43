//! How the state changes: [`update`] applies an action and returns what the loop must do;
//! [`searched`], [`frame_drawn`] and [`reindex`] take in what the loop learns (results, the
//! frame drawn, a new catalogue). Nothing here draws or measures text: bounds come from the
//! last [`FrameFacts`](super::frame::FrameFacts).

mod addresses;
mod browse;
mod edit;
mod export;
mod frame;
mod global;
mod marks;
mod news;
mod overlay;
mod overview;
pub mod present;
mod query_box;
mod reindex;
mod results;
mod tours;

pub use edit::edited;
pub use export::effect_done;
pub use frame::frame_drawn;
pub use news::{apply_held, load_progress, loaded, nothing_to_reload, reloaded};
pub use present::{present_entries, tick};
pub use reindex::reindex;
pub use results::{search_again, searched};

use super::action::{Action, Effect, Effects};
use super::app::{App, Target};
use super::screen::{Overlay, Screen};

#[deny(clippy::wildcard_enum_match_arm)]
pub fn update(app: &mut App, action: Action) -> Effects {
    // A message stays until the next thing the user does.
    if !matches!(action, Action::Resize { .. }) {
        app.message = None;
    }
    // These work whatever has the keys.
    if let Some(effects) = for_any_target(app, action) {
        return effects;
    }
    match app.target() {
        Target::Overlay(Overlay::Export) => return export::dialog(app, action),
        Target::Overlay(Overlay::Note) => return marks::note(app, action),
        Target::Overlay(overlay) => overlay::update(app, overlay, action),
        Target::Search if query_box::is_edit(action) => query_box::update(app, action),
        Target::Search | Target::Pane(_) => {
            if app.search.editing() {
                // Only the mouse reaches past the query box: it keeps the query, as Enter does.
                app.search.submit();
            }
            match app.screen {
                Screen::Browse => match marks::browse(app, action) {
                    Some(effects) => return effects,
                    None => browse::update(app, action),
                },
                Screen::Shortlist => return marks::screen(app, action),
                // The shortlist's keys (mark, only the shortlist, export) work on every tab.
                Screen::Tours => match marks::browse(app, action) {
                    Some(effects) => return effects,
                    None => tours::update(app, action),
                },
                Screen::Overview => match marks::browse(app, action) {
                    Some(effects) => return effects,
                    None => overview::update(app, action),
                },
                Screen::Present => return present::update(app, action),
            }
        }
    }
    Effects::new()
}

fn for_any_target(app: &mut App, action: Action) -> Option<Effects> {
    match action {
        Action::Quit => Some(vec![Effect::Quit]),
        Action::Suspend => Some(vec![Effect::Suspend]),
        Action::Reload => Some(vec![Effect::Reload]),
        Action::OpenProblem => Some(edit::open_problem(app)),
        Action::EditEntry => Some(edit::edit_entry(app)),
        Action::Resize { width, height } => {
            resize(app, width, height);
            Some(Effects::new())
        }
        _ => None,
    }
}

fn resize(app: &mut App, width: u16, height: u16) {
    app.width = width;
    app.height = height;
    let page = app.results_page();
    app.list.keep_visible(app.indexed.catalogue(), page);
    results::clamp_facet_cursor(app);
}
