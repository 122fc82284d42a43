//! How the state changes. [`update`] routes an action through the layers in one fixed order —
//! the overlay on top, the screen (the query box first while it has the keys), the keys every
//! tab shares, the keys that always work — until one answers [`Handled::Done`] with what the
//! loop must do. Each layer's function is given its own part of the state and the shared
//! context ([`Shared`](super::shared::Shared)), never the whole `App`.
//!
//! The loop's news come in by their own doors: [`searched`] (results), [`frame_drawn`] (what
//! the frame drew), [`loaded`], [`reloaded`] and [`reindex`] (a new catalogue),
//! [`effect_done`] (how an effect went), [`edited`] (the editor came back), [`tick`] (the
//! clock). Nothing here draws or measures text: bounds come from the last
//! [`FrameFacts`](super::frame::FrameFacts). What a view would otherwise compute while drawing
//! (the overview's counts) is computed here when what it depends on changes.

mod addresses;
mod browse;
mod edit;
mod export;
mod follow;
mod form;
mod frame;
mod global;
mod in_view;
mod marks;
mod news;
mod note;
mod overlay;
mod overview;
pub mod present;
mod query_box;
pub(super) mod reindex;
mod results;
mod shortlist;
mod tabs;
mod tours;

pub use edit::edited;
pub use export::effect_done;
pub use follow::{presentation_lost, presented, tick};
pub use form::{form_opened, form_saved};
pub use frame::frame_drawn;
pub use marks::changed_elsewhere;
pub use news::{cache_damaged, load_progress, loaded, nothing_to_reload, reloaded};
pub use overview::settle as count_overview;
pub use present::{next_deadline, present_entries};
pub use reindex::reindex;
pub use results::{search_now, searched};

use super::action::{Action, Effects, Handled};
use super::app::App;
use super::screen::{Overlay, Screen};

/// Applies an action: each layer in turn, until one has handled it.
pub fn update(app: &mut App, action: Action) -> Effects {
    // A message stays until the next thing the user does.
    if !matches!(action, Action::Resize { .. }) {
        app.shared.message = None;
    }
    let layers: [fn(&mut App, &Action) -> Handled; 4] = [overlay_layer, screen_layer, tabs_layer, global_layer];
    let mut effects = Effects::new();
    for layer in layers {
        if let Handled::Done(done) = layer(app, &action) {
            effects = done;
            break;
        }
    }
    // A reload held back while presenting comes in once present mode has ended.
    if app.shared.screen != Screen::Present {
        news::apply_held(app);
    }
    follow::left(&mut app.follow, &app.shared);
    overview::settle(app);
    effects
}

/// The overlay on top takes every key but those that always work.
#[deny(clippy::wildcard_enum_match_arm)]
fn overlay_layer(app: &mut App, action: &Action) -> Handled {
    let Some(layer) = app.shared.overlay() else { return Handled::Ignored };
    match layer.overlay {
        Overlay::Help | Overlay::Problems => overlay::update(&mut app.shared, layer.overlay, action),
        Overlay::Export => export::dialog(&mut app.export, &app.browse, &mut app.shared, action),
        Overlay::Note => note::update(&mut app.shortlist, &mut app.shared, action),
        Overlay::Form => form::update(&mut app.form, &mut app.shared, action),
    }
}

/// The query box while it has the keys, then the screen.
#[deny(clippy::wildcard_enum_match_arm)]
fn screen_layer(app: &mut App, action: &Action) -> Handled {
    if app.browse.query_box.editing()
        && let Handled::Done(effects) = query_box::update(&mut app.browse, &mut app.shared, action)
    {
        return Handled::Done(effects);
    }
    match app.shared.screen {
        Screen::Browse => browse::update(&mut app.browse, &mut app.shared, action),
        Screen::Shortlist => shortlist::update(&mut app.shortlist, &mut app.browse, &mut app.shared, action),
        Screen::Tours => tours::update(&mut app.tours, &mut app.shared, action),
        Screen::Overview => overview::update(&mut app.overview, &app.shared, action),
        Screen::Present => {
            let linked = follow::update(&mut app.follow, &mut app.present, &mut app.browse, &mut app.shared, action);
            if linked != Handled::Ignored {
                return linked; // driven through the hub
            }
            if app.shared.screen != Screen::Present {
                // A follower broke away: the key is the screen's it went back to (`/` searches).
                return screen_layer(app, action);
            }
            present::update(&mut app.present, &mut app.tours, &mut app.shared, action)
        }
    }
}

/// The keys every tab shares (present mode is not a tab). Starting present mode and the
/// export dialog read what the tabs show; the rest needs only the browse state.
fn tabs_layer(app: &mut App, action: &Action) -> Handled {
    if app.shared.screen == Screen::Present {
        return Handled::Ignored;
    }
    match action {
        Action::Present => {
            present::present_screen(&mut app.present, &app.browse, &app.tours, &app.shortlist, &mut app.shared)
        }
        Action::OpenExport => export::open(&mut app.export, &app.browse, &mut app.shared),
        Action::Follow => follow::start(&mut app.follow, &mut app.present, &mut app.shared),
        _ => tabs::update(&mut app.browse, &mut app.shared, action),
    }
}

/// The keys that always work, whatever has the keys: quit, suspend, reload, edit, resize.
fn global_layer(app: &mut App, action: &Action) -> Handled {
    let in_view = match action {
        Action::EditEntry | Action::EditFile => in_view::entry_in_view(app),
        _ => None,
    };
    global::update(in_view, &mut app.shared, action)
}
