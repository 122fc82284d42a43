//! Where each part of the screen goes. One function, used by the views to draw and by
//! `update` to know what a mouse click hit, so the two always agree.

use ratatui::layout::{Constraint, Layout, Position, Rect};
use unicode_width::UnicodeWidthStr;

use crate::ui::action::Pane;
use crate::ui::app::App;
use crate::ui::i18n::{Msg, t};

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Areas {
    pub search: Rect,
    /// Empty when not shown (the entry has the whole screen on a narrow terminal).
    pub facets: Rect,
    pub results: Rect,
    pub detail: Rect,
    pub status: Rect,
}

impl Areas {
    pub fn pane_at(&self, column: u16, row: u16) -> Option<Pane> {
        let at = Position::new(column, row);
        [(self.facets, Pane::Facets), (self.results, Pane::Results), (self.detail, Pane::Detail)]
            .into_iter()
            .find(|(area, _)| area.contains(at))
            .map(|(_, pane)| pane)
    }

    /// Which active-filter chip of the status line is at a position.
    pub fn filter_chip_at(&self, app: &App, column: u16, row: u16) -> Option<usize> {
        if row != self.status.y {
            return None;
        }
        chip_spans(app).into_iter().position(|(from, to)| (from..to).contains(&column.saturating_sub(self.status.x)))
    }
}

/// The status line starts with the count, then one chip per active filter.
pub fn count_text(app: &App) -> String {
    let shown = app.results.hits.len();
    if shown < app.results.total {
        format!(" {shown}/{} {} ", app.results.total, t(app.lang, Msg::ResultCount))
    } else {
        format!(" {} {} ", app.results.total, t(app.lang, Msg::ResultCount))
    }
}

pub fn chip_text(label: &str) -> String {
    format!(" {label} ✕ ")
}

/// Columns (from the status line's left edge) of each filter chip.
pub fn chip_spans(app: &App) -> Vec<(u16, u16)> {
    let mut x = count_text(app).width() as u16;
    app.active_filters()
        .iter()
        .map(|(_, _, label)| {
            let width = chip_text(label).width() as u16;
            let span = (x, x + width);
            x += width + 1;
            span
        })
        .collect()
}

pub fn areas(app: &App) -> Areas {
    let screen = Rect::new(0, 0, app.width, app.height);
    let [search, main, status] =
        Layout::vertical([Constraint::Length(1), Constraint::Min(1), Constraint::Length(1)]).areas(screen);
    let facets_width = match app.width {
        w if w >= 160 => 34,
        w if w >= 120 => 30,
        w if w >= 90 => 28,
        _ => 24,
    };
    // The bottom-right cell stays empty: ratatui 0.30.2 panics when a wide glyph there is
    // replaced by a narrower one (upstream issue #2695).
    let status = Rect { width: status.width.saturating_sub(1), ..status };
    let mut areas = Areas { search, status, ..Areas::default() };
    if app.wide() {
        let [facets, results, detail] =
            Layout::horizontal([Constraint::Length(facets_width), Constraint::Percentage(40), Constraint::Min(30)])
                .areas(main);
        areas.facets = facets;
        areas.results = results;
        areas.detail = detail;
    } else if app.focus == Pane::Detail {
        areas.detail = main;
    } else {
        let [facets, results] = Layout::horizontal([Constraint::Length(facets_width), Constraint::Min(20)]).areas(main);
        areas.facets = facets;
        areas.results = results;
    }
    areas
}
