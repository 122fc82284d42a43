//! `update`: the only place the dashboard's state changes.

use super::action::{Action, Pane};
use super::app::{App, FacetRow};
use super::i18n::{Msg, t};
use super::theme::Theme;
use super::view::layout::{Areas, areas};
use super::view::{detail_line_count, link_line};
use ratatui::layout::Rect;

pub fn update(app: &mut App, action: Action) {
    // A message stays until the next thing the user does.
    if !matches!(action, Action::Resize { .. }) {
        app.message = None;
    }
    let overlay_open = app.help_scroll.is_some() || app.problems_scroll.is_some();
    if overlay_open && !matches!(action, Action::Resize { .. } | Action::Quit | Action::Suspend) {
        update_overlay(app, action);
        return;
    }
    match action {
        Action::Quit => app.should_quit = true,
        Action::Suspend => app.suspend_requested = true,
        Action::ToggleHelp => app.help_scroll = Some(0),
        Action::ToggleProblems => app.problems_scroll = Some(0),
        Action::FocusSearch => {
            app.search.editing = true;
            app.search.before_edit = app.search.text.clone();
            app.search.cursor = app.search.text.len();
            app.search.history_position = None;
        }
        Action::FocusNext => cycle_focus(app, true),
        Action::FocusPrev => cycle_focus(app, false),
        Action::Focus(pane) => app.focus = pane,
        Action::ClearFilters => {
            app.filters.clear_all();
            app.search.text.clear();
            app.search.cursor = 0;
            app.refresh();
        }
        Action::RemoveLastFilter => remove_last_filter(app),
        Action::CycleTheme => {
            app.theme_name = app.theme_name.next();
            app.theme = Theme::new(app.theme_name);
            app.message = Some(format!("{} {}", t(app.lang, Msg::ThemeChanged), app.theme_name.id()));
        }
        Action::SwitchLanguage => {
            app.lang = app.lang.other();
            // Highlights are positions in the displayed language's text: search again.
            app.refresh();
        }
        Action::ShowCommand => {
            app.message = Some(format!("{} {}", t(app.lang, Msg::CommandForView), app.equivalent_command()))
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
        Action::SearchInsert(_)
        | Action::SearchBackspace
        | Action::SearchDelete
        | Action::SearchLeft
        | Action::SearchRight
        | Action::SearchHome
        | Action::SearchEnd
        | Action::SearchClear
        | Action::SearchDeleteWord
        | Action::SearchHistoryPrev
        | Action::SearchHistoryNext
        | Action::SearchSubmit
        | Action::SearchCancel => edit_search(app, action),
        Action::ScrollAt { column, row, down } => scroll_at(app, column, row, down),
        Action::ClickAt { column, row } => click_at(app, column, row),
        Action::Resize { width, height } => {
            app.width = width;
            app.height = height;
            app.keep_results_cursor_visible();
            app.clamp_facet_cursor();
        }
    }
}

/// Keys while the help or the problems list is open: scrolling, bounded by its length, and
/// closing.
fn update_overlay(app: &mut App, action: Action) {
    let slot = if app.problems_scroll.is_some() { &mut app.problems_scroll } else { &mut app.help_scroll };
    let scroll = slot.unwrap_or(0);
    if matches!(action, Action::ToggleHelp | Action::ToggleProblems | Action::Back | Action::SearchCancel) {
        *slot = None;
        return;
    }
    let page = app.height.saturating_sub(4).max(1);
    let visible = usize::from(page);
    let lines = super::view::help::overlay_line_count(app);
    let max = u16::try_from(lines.saturating_sub(visible)).unwrap_or(u16::MAX);
    let next = match action {
        Action::Up => scroll.saturating_sub(1),
        Action::Down => scroll.saturating_add(1),
        Action::PageUp => scroll.saturating_sub(page),
        Action::PageDown => scroll.saturating_add(page),
        Action::Home => 0,
        Action::End => max,
        Action::ScrollAt { down, .. } => {
            if down {
                scroll.saturating_add(3)
            } else {
                scroll.saturating_sub(3)
            }
        }
        _ => scroll,
    };
    let slot = if app.problems_scroll.is_some() { &mut app.problems_scroll } else { &mut app.help_scroll };
    *slot = Some(next.min(max));
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
            let rows = app.facet_rows().len();
            let page = app.facets_page();
            app.facet_cursor = stepped(app.facet_cursor, rows, page, action);
            app.keep_facet_cursor_visible();
        }
        Pane::Results => {
            let count = app.results.hits.len();
            if count == 0 {
                return;
            }
            let position = app.selected_position().unwrap_or(0);
            let next = stepped(position, count, app.results_page(), action);
            select_result(app, next);
            app.load_more_if_near_end();
        }
        Pane::Detail => {
            let (page, max) = detail_bounds(app);
            app.detail_scroll = match action {
                Action::Up => app.detail_scroll.saturating_sub(1),
                Action::Down => app.detail_scroll.saturating_add(1),
                Action::PageUp => app.detail_scroll.saturating_sub(page),
                Action::PageDown => app.detail_scroll.saturating_add(page),
                Action::Home => 0,
                _ => max,
            }
            .min(max);
        }
    }
}

/// The entry pane's inner width and height at the current size. On a narrow screen the pane
/// is laid out only when focused; measure it as it will be.
fn detail_inner(app: &App) -> (u16, u16) {
    let area = areas(app).detail;
    let area = if area.is_empty() { Rect::new(0, 1, app.width, app.height.saturating_sub(2)) } else { area };
    (area.width.saturating_sub(2), area.height.saturating_sub(2))
}

/// The entry pane's page height and largest useful scroll.
fn detail_bounds(app: &App) -> (u16, u16) {
    let (width, height) = detail_inner(app);
    let max = detail_line_count(app, width).saturating_sub(usize::from(height));
    (height.max(1), u16::try_from(max).unwrap_or(u16::MAX))
}

/// Moves a cursor within `count` rows.
fn stepped(position: usize, count: usize, page: usize, action: Action) -> usize {
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
    let entry = app.results.hits.get(position).map(|h| h.entry);
    if entry != app.selected {
        app.selected = entry;
        app.trail.clear();
        app.detail_scroll = 0;
        app.detail_link = None;
    }
    app.keep_results_cursor_visible();
}

fn toggle_value(app: &mut App) {
    match app.facet_rows().get(app.facet_cursor).copied() {
        Some(FacetRow::Header { facet, open }) => {
            if open {
                app.open_facets.remove(&facet);
            } else {
                app.open_facets.insert(facet);
            }
            app.clamp_facet_cursor();
        }
        Some(FacetRow::Value { facet, value, .. }) => {
            app.filters.toggle(facet, value);
            app.refresh();
        }
        None => {}
    }
}

fn fold(app: &mut App, open: bool) {
    let rows = app.facet_rows();
    match rows.get(app.facet_cursor).copied() {
        Some(FacetRow::Header { facet, .. }) => {
            if open {
                app.open_facets.insert(facet);
            } else {
                app.open_facets.remove(&facet);
            }
        }
        Some(FacetRow::Value { facet, value, has_children, open: is_open, depth }) => {
            if open && has_children {
                app.open_values.insert((facet, value));
            } else if open {
                // A leaf: → moves on to the results, as in a file manager.
                app.focus = Pane::Results;
            } else if is_open {
                app.open_values.remove(&(facet, value));
            } else {
                // Fold the parent and put the cursor on it.
                let parent = rows[..app.facet_cursor].iter().rposition(|r| match r {
                    FacetRow::Value { facet: f, depth: d, .. } => *f == facet && *d + 1 == depth,
                    FacetRow::Header { facet: f, .. } => *f == facet && depth == 0,
                });
                if let Some(parent) = parent {
                    if let FacetRow::Value { facet, value, .. } = rows[parent] {
                        app.open_values.remove(&(facet, value));
                    }
                    app.facet_cursor = parent;
                }
            }
        }
        None => {}
    }
    app.clamp_facet_cursor();
}

fn open(app: &mut App) {
    match app.focus {
        Pane::Facets => toggle_value(app),
        Pane::Results => {
            if app.selected.is_some() {
                app.focus = Pane::Detail;
            }
        }
        Pane::Detail => {
            let links = app.links();
            if let (Some(link), Some(shown)) = (app.detail_link, app.shown_entry())
                && let Some(&target) = links.get(link)
            {
                // The visit to leave is remembered with where it was scrolled.
                match app.trail.last_mut() {
                    Some(current) => {
                        current.scroll = app.detail_scroll;
                        current.link = app.detail_link;
                    }
                    None => app.trail.push(super::app::Visit {
                        entry: shown,
                        scroll: app.detail_scroll,
                        link: app.detail_link,
                    }),
                }
                app.trail.push(super::app::Visit { entry: target, scroll: 0, link: None });
                app.detail_scroll = 0;
                app.detail_link = None;
            }
        }
    }
}

fn back(app: &mut App) {
    if app.trail.len() > 1 {
        app.trail.pop();
        let visit = *app.trail.last().expect("a visit remains");
        if app.trail.len() == 1 && Some(visit.entry) == app.selected {
            app.trail.clear();
        }
        app.detail_scroll = visit.scroll;
        app.detail_link = visit.link;
    } else {
        app.trail.clear();
        app.focus = Pane::Results;
    }
}

fn step_link(app: &mut App, forward: bool) {
    let count = app.links().len();
    if count == 0 {
        return;
    }
    let link = match (app.detail_link, forward) {
        (None, true) => 0,
        (None, false) => count - 1,
        (Some(i), true) => (i + 1) % count,
        (Some(i), false) => (i + count - 1) % count,
    };
    app.detail_link = Some(link);
    // Bring the chosen link into view.
    let (page, max) = detail_bounds(app);
    let row = u16::try_from(link_line(app, detail_inner(app).0, link)).unwrap_or(u16::MAX);
    // A link may wrap onto a second line: keep both in view.
    if row < app.detail_scroll || row.saturating_add(2) > app.detail_scroll.saturating_add(page) {
        app.detail_scroll = row.saturating_sub(page / 2).min(max);
    }
}

fn remove_last_filter(app: &mut App) {
    if let Some((facet, value, _)) = app.active_filters().pop() {
        app.filters.deselect(facet, value);
        app.refresh();
    }
}

fn edit_search(app: &mut App, action: Action) {
    let search = &mut app.search;
    let before = search.text.clone();
    match action {
        // Controls, bidi overrides and zero-width characters would spoof the query line.
        Action::SearchInsert(c) if crate::text::is_displayable(c) => {
            search.text.insert(search.cursor, c);
            search.cursor += c.len_utf8();
        }
        Action::SearchBackspace => {
            if let Some(c) = search.text[..search.cursor].chars().next_back() {
                search.cursor -= c.len_utf8();
                search.text.remove(search.cursor);
            }
        }
        Action::SearchDelete if search.cursor < search.text.len() => {
            search.text.remove(search.cursor);
        }
        Action::SearchLeft => {
            if let Some(c) = search.text[..search.cursor].chars().next_back() {
                search.cursor -= c.len_utf8();
            }
        }
        Action::SearchRight => {
            if let Some(c) = search.text[search.cursor..].chars().next() {
                search.cursor += c.len_utf8();
            }
        }
        Action::SearchHome => search.cursor = 0,
        Action::SearchEnd => search.cursor = search.text.len(),
        Action::SearchClear => {
            search.text.clear();
            search.cursor = 0;
        }
        Action::SearchDeleteWord => {
            let head = &search.text[..search.cursor];
            let start = head.trim_end().rfind(char::is_whitespace).map_or(0, |i| i + 1);
            search.text.replace_range(start..search.cursor, "");
            search.cursor = start;
        }
        Action::SearchHistoryPrev | Action::SearchHistoryNext => {
            let count = search.history.len();
            if count > 0 {
                let position = match (search.history_position, action == Action::SearchHistoryPrev) {
                    (None, true) => Some(count - 1),
                    (None, false) => None,
                    (Some(p), true) => Some(p.saturating_sub(1)),
                    (Some(p), false) if p + 1 < count => Some(p + 1),
                    (Some(_), false) => None,
                };
                search.history_position = position;
                search.text = position.map_or_else(|| search.before_edit.clone(), |p| search.history[p].clone());
                search.cursor = search.text.len();
            }
        }
        Action::SearchSubmit => {
            search.editing = false;
            let text = search.text.trim().to_string();
            if !text.is_empty() && search.history.last() != Some(&text) {
                search.history.retain(|h| h != &text);
                search.history.push(text);
            }
            app.focus = Pane::Results;
        }
        Action::SearchCancel => {
            search.editing = false;
            search.text = search.before_edit.clone();
            search.cursor = search.text.len();
        }
        _ => {}
    }
    if app.search.text != before {
        app.refresh_new_query();
    }
}

fn scroll_at(app: &mut App, column: u16, row: u16, down: bool) {
    let areas = areas(app);
    let Some(pane) = areas.pane_at(column, row) else { return };
    app.focus = pane;
    let step = if down { Action::Down } else { Action::Up };
    for _ in 0..3 {
        move_cursor(app, step);
    }
}

fn click_at(app: &mut App, column: u16, row: u16) {
    let areas: Areas = areas(app);
    if let Some(chip) = areas.filter_chip_at(app, column, row) {
        let (facet, value, _) = app.active_filters()[chip];
        app.filters.deselect(facet, value);
        app.refresh();
        return;
    }
    if areas.search.contains((column, row).into()) {
        update(app, Action::FocusSearch);
        return;
    }
    let Some(pane) = areas.pane_at(column, row) else { return };
    app.focus = pane;
    match pane {
        Pane::Facets => {
            let inner_row = usize::from(row.saturating_sub(areas.facets.y + 1));
            let target = app.facets_offset + inner_row;
            if target < app.facet_rows().len() {
                let again = target == app.facet_cursor;
                app.facet_cursor = target;
                if again {
                    toggle_value(app);
                }
            }
        }
        Pane::Results => {
            let inner_row = usize::from(row.saturating_sub(areas.results.y + 1));
            let target = app.results_offset + inner_row / 2;
            if target < app.results.hits.len() {
                let again = app.selected_position() == Some(target);
                select_result(app, target);
                if again {
                    app.focus = Pane::Detail;
                }
            }
        }
        Pane::Detail => {}
    }
}
