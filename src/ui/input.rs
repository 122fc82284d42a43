//! Input becomes actions here, and only here: keys through the key table in the contexts of
//! what has the keys, mouse positions against the last frame drawn (a click on a result is
//! `ClickResult(n)`, not a pair of coordinates), a paste as one edit of the text box that has
//! the keys.

use ratatui::crossterm::event::{Event, KeyEventKind, MouseButton, MouseEventKind};

use super::action::{Action, Edit, Pane};
use super::app::{App, Target};
use super::frame::FrameFacts;
use super::keymap::{Context, action_for, contexts, contexts_when_breaking_away};

/// The actions an input event asks for, in order.
pub fn actions_for(app: &App, event: &Event) -> Vec<Action> {
    match event {
        Event::Key(key) if key.kind != KeyEventKind::Release => {
            let keys = app.shared().keys();
            let found = action_for(keys, &contexts(app), key);
            let away = || action_for(keys, contexts_when_breaking_away(app)?, key);
            match found {
                // A follower has no jump: `/` is the dashboard's search for them.
                Some(Action::JumpSearch) => away().or(found),
                Some(action) => Some(action),
                None => away(),
            }
            .into_iter()
            .collect()
        }
        Event::Mouse(mouse) if app.shared().mouse() => match mouse.kind {
            MouseEventKind::ScrollDown => wheel(app, mouse.column, mouse.row, true),
            MouseEventKind::ScrollUp => wheel(app, mouse.column, mouse.row, false),
            MouseEventKind::Down(MouseButton::Left) => click(app, mouse.column, mouse.row).into_iter().collect(),
            _ => Vec::new(),
        },
        Event::Resize(width, height) => vec![Action::Resize { width: *width, height: *height }],
        // A paste goes into the text box that has the keys (the query, a note, a file name, the
        // jump search) as one edit, however long: the box keeps what fits and says so; line
        // breaks and other controls become spaces.
        Event::Paste(text) if contexts(app).contains(&Context::Text) => {
            vec![Action::Edit(Edit::Paste(text.chars().map(|c| if c.is_control() { ' ' } else { c }).collect()))]
        }
        _ => Vec::new(),
    }
}

/// The wheel scrolls what is under the pointer by three rows: the overlay when one is open,
/// else the pane there, which takes the focus.
fn wheel(app: &App, column: u16, row: u16, down: bool) -> Vec<Action> {
    let step = if down { Action::Down } else { Action::Up };
    match app.target() {
        Target::Overlay(_) => vec![step; 3],
        Target::Search | Target::Pane(_) => match app.shared().frame().pane_at(column, row) {
            Some(pane) => std::iter::once(Action::Focus(pane)).chain(std::iter::repeat_n(step, 3)).collect(),
            None => Vec::new(),
        },
    }
}

fn click(app: &App, column: u16, row: u16) -> Option<Action> {
    if matches!(app.target(), Target::Overlay(_)) {
        return None;
    }
    let frame = app.shared().frame();
    if let Some(chip) = frame.chip_at(column, row) {
        return Some(Action::RemoveFilter(chip));
    }
    if frame.search.contains((column, row).into()) {
        return Some(Action::FocusSearch);
    }
    let pane = frame.pane_at(column, row)?;
    if pane == Pane::Facets && frame.shortlist_row == Some(row) {
        return Some(Action::ToggleShortlistFilter);
    }
    let area = match pane {
        Pane::Facets => frame.facets,
        Pane::Results => frame.results,
        Pane::Detail => frame.detail,
    };
    let Some(inner_row) = FrameFacts::inner_row(area, row) else { return Some(Action::Focus(pane)) };
    Some(match pane {
        // Below the "in my shortlist" row when it is there.
        Pane::Facets => match frame.shortlist_row {
            Some(_) => Action::ClickFacetRow(frame.facets_offset + inner_row.saturating_sub(1)),
            None => Action::ClickFacetRow(frame.facets_offset + inner_row),
        },
        // Below the note that no entry has every word, when it is there.
        Pane::Results if inner_row < usize::from(frame.results_note) => Action::Focus(Pane::Results),
        Pane::Results => Action::ClickResult(frame.results_offset + (inner_row - usize::from(frame.results_note)) / 2),
        Pane::Detail => {
            // Below the note that the entry shown before was removed, when it is there.
            let notice = frame.entry.as_ref().map_or(0, |e| usize::from(e.notice_rows));
            let Some(inner_row) = inner_row.checked_sub(notice) else { return Some(Action::Focus(Pane::Detail)) };
            let line = frame.entry.as_ref().map_or(0, |e| usize::from(e.scroll)) + inner_row;
            match frame.link_at_line(line) {
                Some(link) => Action::FollowLink(link),
                None => Action::Focus(Pane::Detail),
            }
        }
    })
}

/// A panic on demand, for the end-to-end test that proves the panic hook gives the terminal
/// back and prints the message on the main screen (`tests/it/e2e_terminal.rs`), called on each
/// input event. Only debug builds have it: `cargo test` builds `target/debug/boucle` anyway
/// (the test finds it by `CARGO_BIN_EXE_boucle`), whereas a cargo feature would need a third
/// build of the whole tree for one test; and a release binary never reads the variable, so
/// nothing in a user's environment can make the dashboard panic.
pub fn panic_if_asked() {
    #[cfg(debug_assertions)]
    if std::env::var_os("BOUCLE_PANIC_TEST").is_some_and(|value| value == "1") {
        panic!("BOUCLE_PANIC_TEST=1: a panic on purpose, to test that the terminal is restored");
    }
}
