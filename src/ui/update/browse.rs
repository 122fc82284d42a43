//! The browse screen: focus, the cursors of the three panes, facet values, following links
//! (and, in [`super::addresses`], the entry's web addresses).

use super::super::action::{Action, Effects, Handled, Pane};
use super::super::shared::Shared;
use super::super::state::{BrowseState, FacetRow};
use super::results::{clamp_facet_cursor, refresh_facet_rows, search};

pub fn update(browse: &mut BrowseState, shared: &mut Shared, action: &Action) -> Handled {
    if let Handled::Done(effects) = super::addresses::update(browse, shared, action) {
        return Handled::Done(effects);
    }
    let effects = match action {
        Action::FocusNext => cycle_focus(browse, true),
        Action::FocusPrev => cycle_focus(browse, false),
        Action::Focus(pane) => {
            browse.focus = *pane;
            Effects::new()
        }
        Action::RemoveLastFilter => match browse.active_filters(&shared.indexed).pop() {
            Some((facet, value, _)) => {
                browse.filters.deselect(facet, value);
                vec![search(browse, shared, false, true)]
            }
            None => Effects::new(),
        },
        Action::RemoveFilter(chip) => match browse.active_filters(&shared.indexed).get(*chip) {
            Some(&(facet, value, _)) => {
                browse.filters.deselect(facet, value);
                vec![search(browse, shared, false, true)]
            }
            None => Effects::new(),
        },
        Action::Up | Action::Down | Action::PageUp | Action::PageDown | Action::Home | Action::End => {
            move_cursor(browse, shared, action)
        }
        Action::ToggleValue => toggle_value(browse, shared),
        Action::Expand => fold(browse, shared, true),
        Action::Collapse => fold(browse, shared, false),
        Action::Open => open(browse, shared),
        Action::Back => {
            back(browse);
            Effects::new()
        }
        Action::ClickFacetRow(row) => click_facet_row(browse, shared, *row),
        Action::ClickResult(position) => {
            click_result(browse, shared, *position);
            Effects::new()
        }
        Action::FollowLink(link) => {
            browse.focus = Pane::Detail;
            follow(browse, shared, *link);
            Effects::new()
        }
        // The keys every tab shares, and those that always work, are the next layers'; the
        // query box's own actions reach it only while it has the keys; overlays close
        // themselves.
        _ => return Handled::Ignored,
    };
    Handled::Done(effects)
}

fn cycle_focus(browse: &mut BrowseState, forward: bool) -> Effects {
    let order = [Pane::Facets, Pane::Results, Pane::Detail];
    let at = order.iter().position(|p| *p == browse.focus).unwrap_or(1);
    let next = if forward { (at + 1) % order.len() } else { (at + order.len() - 1) % order.len() };
    browse.focus = order[next];
    Effects::new()
}

fn move_cursor(browse: &mut BrowseState, shared: &Shared, action: &Action) -> Effects {
    match browse.focus {
        Pane::Facets => {
            let (rows, page) = (browse.facet_rows.len(), shared.frame.facets_page());
            let cursor = stepped(browse.facets.cursor(), rows, page, action);
            browse.facets.place(cursor, rows, page);
        }
        Pane::Results => {
            let count = browse.list.results().hits.len();
            if count == 0 {
                return Effects::new();
            }
            let page = shared.frame.results_page();
            let position = browse.list.selected_position(shared.catalogue()).unwrap_or(0);
            let next = stepped(position, count, page, action);
            select_result(browse, shared, next);
            // End means the last result, not the last of those ranked so far.
            if *action == Action::End && browse.list.ask_to_end() {
                return vec![search(browse, shared, false, false)];
            }
            if browse.list.wants_more(shared.catalogue(), page) {
                return vec![search(browse, shared, false, false)];
            }
        }
        Pane::Detail => {
            // Bounded by the entry as last drawn; the next frame bounds it again anyway.
            let frame = &shared.frame;
            let drawn = frame.entry.as_ref().filter(|e| e.entry.as_ref() == browse.shown_id());
            let page = drawn.map_or(1, |e| e.page.max(1));
            let max = if drawn.is_some() { frame.entry_max_scroll() } else { u16::MAX };
            let scroll = browse.trail.scroll();
            let next = match action {
                Action::Up => scroll.saturating_sub(1),
                Action::Down => scroll.saturating_add(1),
                Action::PageUp => scroll.saturating_sub(page),
                Action::PageDown => scroll.saturating_add(page),
                Action::Home => 0,
                _ => max,
            };
            browse.trail.set_scroll(next.min(max));
        }
    }
    Effects::new()
}

/// Moves a cursor within `count` rows (every list of every screen moves so).
pub(super) fn stepped(position: usize, count: usize, page: usize, action: &Action) -> usize {
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

fn select_result(browse: &mut BrowseState, shared: &Shared, position: usize) {
    if browse.list.select(position, shared.catalogue(), shared.frame.results_page()) {
        browse.trail.reset();
    }
}

fn toggle_value(browse: &mut BrowseState, shared: &Shared) -> Effects {
    match browse.facet_rows.get(browse.facets.cursor()).copied() {
        Some(FacetRow::Header { facet, open }) => {
            browse.facets.set_facet_open(facet, !open);
            refresh_facet_rows(browse, shared);
            clamp_facet_cursor(browse, shared);
            Effects::new()
        }
        Some(FacetRow::Value { facet, value, .. }) => {
            browse.filters.toggle(facet, value);
            vec![search(browse, shared, false, true)]
        }
        None => Effects::new(),
    }
}

fn fold(browse: &mut BrowseState, shared: &Shared, open: bool) -> Effects {
    let cursor = browse.facets.cursor();
    match browse.facet_rows.get(cursor).copied() {
        Some(FacetRow::Header { facet, .. }) => browse.facets.set_facet_open(facet, open),
        Some(FacetRow::Value { facet, value, has_children, open: is_open, depth, .. }) => {
            if open && has_children {
                browse.facets.set_value_open(facet, value, true);
            } else if open {
                // A leaf: → moves on to the results, as in a file manager.
                browse.focus = Pane::Results;
            } else if is_open {
                browse.facets.set_value_open(facet, value, false);
            } else {
                // Fold the parent and put the cursor on it.
                let parent = browse.facet_rows[..cursor].iter().rposition(|r| match r {
                    FacetRow::Value { facet: f, depth: d, .. } => *f == facet && *d + 1 == depth,
                    FacetRow::Header { facet: f, .. } => *f == facet && depth == 0,
                });
                if let Some(parent) = parent {
                    if let FacetRow::Value { facet, value, .. } = browse.facet_rows[parent] {
                        browse.facets.set_value_open(facet, value, false);
                    }
                    let (rows, page) = (browse.facet_rows.len(), shared.frame.facets_page());
                    browse.facets.place(parent, rows, page);
                }
            }
        }
        None => {}
    }
    refresh_facet_rows(browse, shared);
    clamp_facet_cursor(browse, shared);
    Effects::new()
}

fn open(browse: &mut BrowseState, shared: &Shared) -> Effects {
    match browse.focus {
        Pane::Facets => return toggle_value(browse, shared),
        Pane::Results => {
            if browse.list.selected().is_some() {
                browse.focus = Pane::Detail;
            }
        }
        Pane::Detail => {
            if let Some(link) = browse.trail.link() {
                follow(browse, shared, link);
            }
        }
    }
    Effects::new()
}

/// Follows link `link` of the entry shown; the entry left is remembered with its scroll.
fn follow(browse: &mut BrowseState, shared: &Shared, link: usize) {
    let catalogue = shared.catalogue();
    let links = browse.links(catalogue);
    let (Some(&target), Some(shown)) = (links.get(link), browse.shown_id().cloned()) else { return };
    let target = catalogue.entries()[target].id.clone();
    browse.trail.follow(&shown, target);
}

fn back(browse: &mut BrowseState) {
    let selected = browse.list.selected().cloned();
    if !browse.trail.back(selected.as_ref()) {
        browse.focus = Pane::Results;
    }
}

fn click_facet_row(browse: &mut BrowseState, shared: &Shared, row: usize) -> Effects {
    browse.focus = Pane::Facets;
    if row < browse.facet_rows.len() {
        let again = row == browse.facets.cursor();
        let (rows, page) = (browse.facet_rows.len(), shared.frame.facets_page());
        browse.facets.place(row, rows, page);
        if again {
            return toggle_value(browse, shared);
        }
    }
    Effects::new()
}

fn click_result(browse: &mut BrowseState, shared: &Shared, position: usize) {
    browse.focus = Pane::Results;
    if position < browse.list.results().hits.len() {
        let again = browse.list.selected_position(shared.catalogue()) == Some(position);
        select_result(browse, shared, position);
        if again {
            browse.focus = Pane::Detail;
        }
    }
}
