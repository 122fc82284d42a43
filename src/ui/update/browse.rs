//! The browse screen: focus, the cursors of the three panes, facet values, following links.

use super::super::action::{Action, Pane};
use super::super::app::App;
use super::super::state::FacetRow;
use super::{clamp_facet_cursor, refresh_facet_rows, search_again};

pub fn update(app: &mut App, action: Action) {
    match action {
        Action::FocusNext => cycle_focus(app, true),
        Action::FocusPrev => cycle_focus(app, false),
        Action::Focus(pane) => app.focus = pane,
        Action::RemoveLastFilter => {
            if let Some((facet, value, _)) = app.active_filters().pop() {
                app.filters.deselect(facet, value);
                search_again(app, false, true);
            }
        }
        Action::RemoveFilter(chip) => {
            if let Some(&(facet, value, _)) = app.active_filters().get(chip) {
                app.filters.deselect(facet, value);
                search_again(app, false, true);
            }
        }
        Action::ToggleHelp
        | Action::ToggleProblems
        | Action::FocusSearch
        | Action::ClearFilters
        | Action::CycleTheme
        | Action::SwitchLanguage
        | Action::ShowCommand
        | Action::ShowScreen(_)
        | Action::Present => {
            super::global::update(app, action);
        }
        Action::Up | Action::Down | Action::PageUp | Action::PageDown | Action::Home | Action::End => {
            move_cursor(app, action)
        }
        Action::ToggleValue => toggle_value(app),
        Action::Expand => fold(app, true),
        Action::Collapse => fold(app, false),
        Action::Open => open(app),
        Action::Back => back(app),
        Action::NextLink | Action::PrevLink => step_link(app, action == Action::NextLink),
        Action::ClickFacetRow(row) => click_facet_row(app, row),
        Action::ClickResult(position) => click_result(app, position),
        Action::FollowLink(link) => {
            app.focus = Pane::Detail;
            follow(app, link);
        }
        // Quit, suspend and resize are handled before the screen sees them; the query box's own
        // actions reach it only while it has the keys; overlays close themselves; the
        // shortlist's, the export dialog's and the addresses' actions have their own modules.
        _ => {}
    }
}

fn cycle_focus(app: &mut App, forward: bool) {
    let order = [Pane::Facets, Pane::Results, Pane::Detail];
    let at = order.iter().position(|p| *p == app.focus).unwrap_or(1);
    let next = if forward { (at + 1) % order.len() } else { (at + order.len() - 1) % order.len() };
    app.focus = order[next];
}

fn move_cursor(app: &mut App, action: Action) {
    match app.focus {
        Pane::Facets => {
            let (rows, page) = (app.facet_rows.len(), app.facets_page());
            let cursor = stepped(app.facets.cursor(), rows, page, action);
            app.facets.place(cursor, rows, page);
        }
        Pane::Results => {
            let count = app.list.results().hits.len();
            if count == 0 {
                return;
            }
            let position = app.selected_position().unwrap_or(0);
            let next = stepped(position, count, app.results_page(), action);
            select_result(app, next);
            // End means the last result, not the last of those ranked so far.
            if action == Action::End && app.list.ask_to_end() {
                search_again(app, false, false);
                return;
            }
            let page = app.results_page();
            if app.list.wants_more(app.indexed.catalogue(), page) {
                search_again(app, false, false);
            }
        }
        Pane::Detail => {
            // Bounded by the entry as last drawn; the next frame bounds it again anyway.
            let drawn = app.frame.entry.as_ref().filter(|e| e.entry.as_ref() == app.shown_id());
            let page = drawn.map_or(1, |e| e.page.max(1));
            let max = if drawn.is_some() { app.frame.entry_max_scroll() } else { u16::MAX };
            let scroll = app.trail.scroll();
            let next = match action {
                Action::Up => scroll.saturating_sub(1),
                Action::Down => scroll.saturating_add(1),
                Action::PageUp => scroll.saturating_sub(page),
                Action::PageDown => scroll.saturating_add(page),
                Action::Home => 0,
                _ => max,
            };
            app.trail.set_scroll(next.min(max));
        }
    }
}

/// Moves a cursor within `count` rows (every list of every screen moves so).
pub(super) fn stepped(position: usize, count: usize, page: usize, action: Action) -> usize {
    let last = count.saturating_sub(1);
    match action {
        Action::Up => position.saturating_sub(1),
        Action::Down => (position + 1).min(last),
        Action::PageUp => position.saturating_sub(page),
        Action::PageDown => (position + page).min(last),
        Action::Home => 0,
        _ => last,
    }
}

fn select_result(app: &mut App, position: usize) {
    let page = app.results_page();
    if app.list.select(position, app.indexed.catalogue(), page) {
        app.trail.reset();
    }
}

fn toggle_value(app: &mut App) {
    match app.facet_rows.get(app.facets.cursor()).copied() {
        Some(FacetRow::Header { facet, open }) => {
            app.facets.set_facet_open(facet, !open);
            refresh_facet_rows(app);
            clamp_facet_cursor(app);
        }
        Some(FacetRow::Value { facet, value, .. }) => {
            app.filters.toggle(facet, value);
            search_again(app, false, true);
        }
        None => {}
    }
}

fn fold(app: &mut App, open: bool) {
    let cursor = app.facets.cursor();
    match app.facet_rows.get(cursor).copied() {
        Some(FacetRow::Header { facet, .. }) => app.facets.set_facet_open(facet, open),
        Some(FacetRow::Value { facet, value, has_children, open: is_open, depth, .. }) => {
            if open && has_children {
                app.facets.set_value_open(facet, value, true);
            } else if open {
                // A leaf: → moves on to the results, as in a file manager.
                app.focus = Pane::Results;
            } else if is_open {
                app.facets.set_value_open(facet, value, false);
            } else {
                // Fold the parent and put the cursor on it.
                let parent = app.facet_rows[..cursor].iter().rposition(|r| match r {
                    FacetRow::Value { facet: f, depth: d, .. } => *f == facet && *d + 1 == depth,
                    FacetRow::Header { facet: f, .. } => *f == facet && depth == 0,
                });
                if let Some(parent) = parent {
                    if let FacetRow::Value { facet, value, .. } = app.facet_rows[parent] {
                        app.facets.set_value_open(facet, value, false);
                    }
                    let (rows, page) = (app.facet_rows.len(), app.facets_page());
                    app.facets.place(parent, rows, page);
                }
            }
        }
        None => {}
    }
    refresh_facet_rows(app);
    clamp_facet_cursor(app);
}

fn open(app: &mut App) {
    match app.focus {
        Pane::Facets => toggle_value(app),
        Pane::Results => {
            if app.list.selected().is_some() {
                app.focus = Pane::Detail;
            }
        }
        Pane::Detail => {
            if let Some(link) = app.trail.link() {
                follow(app, link);
            }
        }
    }
}

/// Follows link `link` of the entry shown; the entry left is remembered with its scroll.
fn follow(app: &mut App, link: usize) {
    let links = app.links();
    let (Some(&target), Some(shown)) = (links.get(link), app.shown_id().cloned()) else { return };
    let target = app.indexed.catalogue().entries()[target].id.clone();
    app.trail.follow(&shown, target);
}

fn back(app: &mut App) {
    let selected = app.list.selected().cloned();
    if !app.trail.back(selected.as_ref()) {
        app.focus = Pane::Results;
    }
}

fn step_link(app: &mut App, forward: bool) {
    let count = app.links().len();
    if count == 0 {
        return;
    }
    let link = match (app.trail.link(), forward) {
        (None, true) => 0,
        (None, false) => count - 1,
        (Some(i), true) => (i + 1) % count,
        (Some(i), false) => (i + count - 1) % count,
    };
    app.trail.choose_link(link);
}

fn click_facet_row(app: &mut App, row: usize) {
    app.focus = Pane::Facets;
    if row < app.facet_rows.len() {
        let again = row == app.facets.cursor();
        let (rows, page) = (app.facet_rows.len(), app.facets_page());
        app.facets.place(row, rows, page);
        if again {
            toggle_value(app);
        }
    }
}

fn click_result(app: &mut App, position: usize) {
    app.focus = Pane::Results;
    if position < app.list.results().hits.len() {
        let again = app.selected_position() == Some(position);
        select_result(app, position);
        if again {
            app.focus = Pane::Detail;
        }
    }
}
