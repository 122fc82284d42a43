//! The one key table ([`table`]), read through a session's [`Keymap`] (the table with the keys
//! the user's config file gives instead), and the contexts a key is looked up in, from what has
//! the keys. It dispatches keys and, unchanged, feeds the help overlay and the key hints, so the
//! three can never disagree.

use super::action::{Action, Pane};
use super::app::{App, Target};
use super::screen::{Overlay, Screen};
use super::state::ExportStep;

mod context;
mod names;
pub mod overrides;
pub mod table;

pub use context::Context;
pub use names::{action_name, key_spelling, parse_key};
pub use overrides::{Keymap, Override};
pub use table::{BINDINGS, Binding, Key, action_for, bindings_of, first_key_name, key_name, keys_label};

/// The contexts a key is looked up in, most specific first: the overlay on top, else the
/// query box, else the focused pane of the screen and the screen's own keys; then the keys
/// that always work. A text box's own keys come before the editing keys they share.
#[deny(clippy::wildcard_enum_match_arm)]
pub fn contexts(app: &App) -> Vec<Context> {
    let stack: &[Context] = match app.target() {
        Target::Overlay(Overlay::Help) => stacks::OVERLAY,
        Target::Overlay(Overlay::Problems) => stacks::PROBLEMS,
        Target::Overlay(Overlay::Note) => stacks::INPUT,
        Target::Overlay(Overlay::Form) => match app.form().is_some_and(|form| form.picker.is_some()) {
            true => stacks::PICKER,
            false => stacks::FORM,
        },
        Target::Overlay(Overlay::Export) => match app.export_dialog().step() {
            ExportStep::Choose => stacks::EXPORT_CHOOSE,
            ExportStep::Path => stacks::INPUT,
            ExportStep::Confirm => stacks::CONFIRM,
            ExportStep::Done(_) | ExportStep::TakeHome { .. } => stacks::OVERLAY,
        },
        Target::Search => stacks::SEARCH,
        Target::Pane(pane) => screen_stack(app, app.screen(), pane),
    };
    stack.to_vec()
}

/// A screen's own contexts, the focused pane's first on the browse screen.
#[deny(clippy::wildcard_enum_match_arm)]
fn screen_stack(app: &App, screen: Screen, pane: Pane) -> &'static [Context] {
    match screen {
        Screen::Browse => match pane {
            Pane::Facets => stacks::FACETS,
            Pane::Results => stacks::RESULTS,
            Pane::Detail => stacks::DETAIL,
        },
        Screen::Shortlist => stacks::SHORTLIST,
        Screen::Tours => stacks::TOURS,
        Screen::Overview if app.overview().focus_map => stacks::OVERVIEW_MAP,
        Screen::Overview => stacks::OVERVIEW_CHARTS,
        Screen::Present if app.follow().typing().is_some() => stacks::INPUT,
        Screen::Present if app.present().jumping() => stacks::PRESENT_JUMP,
        Screen::Present => stacks::PRESENT,
    }
}

/// The present-mode actions a following participant keeps (marking the stop shown among them):
/// any other key breaks away.
pub fn follower_keeps(action: &Action) -> bool {
    matches!(
        action,
        Action::Zoom | Action::Up | Action::Down | Action::PresentKeys | Action::Follow | Action::ToggleMark
    ) || action.always_works()
}

/// Where a following participant's key is looked up when present mode binds it to nothing a
/// follower keeps: in the screen they would go back to, so "any browsing key" breaks away and
/// does there what it does (`2` opens the tours, `/` the search — which present mode binds to
/// its jump, a follower's to nothing), instead of doing nothing.
pub fn contexts_when_breaking_away(app: &App) -> Option<&'static [Context]> {
    let following = app.screen() == Screen::Present && app.follow().following() && !app.present().jumping();
    let Target::Pane(pane) = app.target() else { return None };
    if !following {
        return None;
    }
    let back = match app.present().return_to() {
        None | Some(Screen::Present) => Screen::Browse,
        Some(screen) => screen,
    };
    Some(screen_stack(app, back, pane))
}

/// Every list of contexts [`contexts`] gives: a key has one meaning in each (a test checks it).
pub mod stacks {
    use crate::ui::keymap::Context::{self, *};

    pub const OVERLAY: &[Context] = &[Overlay, Always];
    pub const PROBLEMS: &[Context] = &[Problems, Overlay, Always];
    pub const INPUT: &[Context] = &[Input, Text, Always];
    pub const FORM: &[Context] = &[Form, Text, Always];
    pub const PICKER: &[Context] = &[Picker, Text, Always];
    pub const EXPORT_CHOOSE: &[Context] = &[ExportChoose, Always];
    pub const CONFIRM: &[Context] = &[Confirm, Always];
    pub const SEARCH: &[Context] = &[Search, Text, Always];
    pub const FACETS: &[Context] = &[Facets, Global, Always];
    pub const RESULTS: &[Context] = &[Results, Global, Always];
    pub const DETAIL: &[Context] = &[Detail, Global, Always];
    pub const SHORTLIST: &[Context] = &[Shortlist, Global, Always];
    pub const TOURS: &[Context] = &[Tours, Global, Always];
    pub const OVERVIEW_MAP: &[Context] = &[OverviewMap, Overview, Global, Always];
    pub const OVERVIEW_CHARTS: &[Context] = &[OverviewCharts, Overview, Global, Always];
    pub const PRESENT_JUMP: &[Context] = &[PresentJump, Text, Always];
    pub const PRESENT: &[Context] = &[Present, Always];

    pub const ALL: &[&[Context]] = &[
        OVERLAY,
        PROBLEMS,
        INPUT,
        FORM,
        PICKER,
        EXPORT_CHOOSE,
        CONFIRM,
        SEARCH,
        FACETS,
        RESULTS,
        DETAIL,
        SHORTLIST,
        TOURS,
        OVERVIEW_MAP,
        OVERVIEW_CHARTS,
        PRESENT_JUMP,
        PRESENT,
    ];
}
