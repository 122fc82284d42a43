//! Where each part of the browse screen goes. What was drawn where is reported in
//! [`FrameFacts`](crate::ui::frame::FrameFacts), against which clicks are hit-tested.

use ratatui::layout::{Constraint, Layout, Rect};
use unicode_width::UnicodeWidthStr;

use super::context::Ctx;
use crate::i18n::{Noun, count};
use crate::ui::action::Pane;
use crate::ui::state::BrowseState;

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Areas {
    pub search: Rect,
    /// Empty when not shown (the entry has the whole screen on a narrow terminal).
    pub facets: Rect,
    pub results: Rect,
    pub detail: Rect,
    pub status: Rect,
}

/// The status line starts with the count, then one chip per active filter.
pub fn count_text(ctx: &Ctx<'_>, browse: &BrowseState) -> String {
    if let Some(stage) = ctx.loading {
        return format!(" {} ", loading_text(ctx.shared.lang, stage));
    }
    // ★: only the shortlist's entries are shown (`s`), even where the filters pane is hidden.
    // The total alone: how many are ranked so far (more as the list scrolls) is no news.
    let only = if browse.shortlist_only { "★ " } else { "" };
    format!(" {only}{} ", count(ctx.shared.lang, Noun::Result, browse.results().total))
}

pub fn chip_text(label: &str) -> String {
    format!(" {label} ✕ ")
}

/// Columns (from the status line's left edge) of each filter chip.
pub fn chip_spans(ctx: &Ctx<'_>, browse: &BrowseState) -> Vec<(u16, u16)> {
    let mut x = count_text(ctx, browse).width() as u16;
    browse
        .active_filters(&ctx.shared.indexed)
        .iter()
        .map(|(_, _, label)| {
            let width = chip_text(label).width() as u16;
            let span = (x, x + width);
            x += width + 1;
            span
        })
        .collect()
}

pub fn areas(ctx: &Ctx<'_>, browse: &BrowseState) -> Areas {
    let (width, height) = ctx.shared.size();
    let screen = Rect::new(0, 0, width, height);
    // `--present` hides the query line (until `/`) and the status line.
    let top = u16::from(ctx.shared.chrome || browse.query_box.editing());
    let bottom = u16::from(ctx.shared.chrome);
    let [search, main, status] =
        Layout::vertical([Constraint::Length(top), Constraint::Min(1), Constraint::Length(bottom)]).areas(screen);
    let facets_width = match width {
        w if w >= 160 => 34,
        w if w >= 120 => 30,
        w if w >= 90 => 28,
        _ => 24,
    };
    // The bottom-right cell stays empty: ratatui 0.30.2 panics when a wide glyph there is
    // replaced by a narrower one (upstream issue #2695).
    let status = Rect { width: status.width.saturating_sub(1), ..status };
    let mut areas = Areas { search, status, ..Areas::default() };
    if ctx.shared.wide() {
        // The entry is what is read: on a wide screen the results keep what a title needs
        // (about 64 columns) and the entry takes the rest.
        let results_width = if width >= 160 { Constraint::Length(64) } else { Constraint::Percentage(40) };
        let [facets, results, detail] =
            Layout::horizontal([Constraint::Length(facets_width), results_width, Constraint::Min(30)]).areas(main);
        areas.facets = facets;
        areas.results = results;
        areas.detail = detail;
    } else if browse.focus == Pane::Detail {
        areas.detail = main;
    } else {
        let [facets, results] = Layout::horizontal([Constraint::Length(facets_width), Constraint::Min(20)]).areas(main);
        areas.facets = facets;
        areas.results = results;
    }
    areas
}

/// The progress line while the catalogue loads: files read of total, then indexing.
pub fn loading_text(lang: crate::text::Lang, stage: crate::ui::event::Stage) -> String {
    use crate::i18n::{Msg, t};
    use crate::ui::event::Stage;
    match stage {
        Stage::Reading { total: 0, .. } => format!("{}…", t(lang, Msg::LoadingFiles)),
        Stage::Reading { read, total } => format!("{} {read}/{total}…", t(lang, Msg::LoadingFiles)),
        Stage::Indexing => t(lang, Msg::Indexing).to_string(),
    }
}
