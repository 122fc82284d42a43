//! The one key table ([`table`]), read through a session's [`Keymap`] (the table with the keys
//! the user's config file gives instead), and the contexts a key is looked up in, from what has
//! the keys. It dispatches keys and, unchanged, feeds the help overlay and the key hints, so the
//! three can never disagree.

use super::app::{App, Target};
use super::screen::{Overlay, Screen};
use super::state::ExportStep;

mod names;
pub mod overrides;
pub mod table;

pub use names::{action_name, key_spelling, parse_key};
pub use overrides::{Keymap, Override};
pub use table::{BINDINGS, Binding, Context, Key, action_for, bindings_of, key_name, keys_label};

/// The contexts a key is looked up in, most specific first: the overlay on top, else the
/// query box, else the focused pane of the screen and the screen's own keys; then the keys
/// that always work. A text box's own keys come before the editing keys they share.
#[deny(clippy::wildcard_enum_match_arm)]
pub fn contexts(app: &App) -> Vec<Context> {
    match app.target() {
        Target::Overlay(Overlay::Help) => vec![Context::Overlay, Context::Always],
        Target::Overlay(Overlay::Problems) => vec![Context::Problems, Context::Overlay, Context::Always],
        Target::Overlay(Overlay::Note) => vec![Context::Input, Context::Text, Context::Always],
        Target::Overlay(Overlay::Export) => match app.export_dialog().step() {
            ExportStep::Choose => vec![Context::ExportChoose, Context::Always],
            ExportStep::Path => vec![Context::Input, Context::Text, Context::Always],
            ExportStep::Confirm => vec![Context::Confirm, Context::Always],
            ExportStep::Done(_) | ExportStep::TakeHome { .. } => vec![Context::Overlay, Context::Always],
        },
        Target::Search => vec![Context::Search, Context::Text, Context::Always],
        Target::Pane(pane) => match app.screen() {
            Screen::Browse => vec![Context::for_pane(pane), Context::Global, Context::Always],
            Screen::Shortlist => vec![Context::Shortlist, Context::Global, Context::Always],
            Screen::Tours => vec![Context::Tours, Context::Global, Context::Always],
            Screen::Overview if app.overview().focus_map => {
                vec![Context::OverviewMap, Context::Overview, Context::Global, Context::Always]
            }
            Screen::Overview => vec![Context::OverviewCharts, Context::Overview, Context::Global, Context::Always],
            Screen::Present if app.present().jumping() => {
                vec![Context::PresentJump, Context::Text, Context::Always]
            }
            Screen::Present => vec![Context::Present, Context::Always],
        },
    }
}
