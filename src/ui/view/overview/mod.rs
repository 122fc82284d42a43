//! The overview of the current filters and query: what the results are about (materials as
//! the vocabulary groups them, ESG themes under their pillars, regions at the level that tells
//! most, value-chain stages, years) as bars, and the map of where they are. It also serves as
//! a slide.

pub mod charts;
pub mod map;

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Borders, Paragraph};
use unicode_width::UnicodeWidthStr;

use super::super::frame::FrameFacts;
use super::super::state::overview::{place_name, place_of};
use super::super::state::{CHARTED, OverviewState};
use super::context::Ctx;
use super::widgets::fit;
use crate::i18n::overview::{ChartWord, chart_word};
use crate::i18n::{Msg, t};
use crate::model::{Catalogue, Details, Entry};
use crate::query::Facet;
use charts::{Chart, Fold};

/// The charts and the map in `area` (the screen's middle, or a whole slide).
pub fn draw_body(frame: &mut Frame<'_>, ctx: &Ctx<'_>, overview: &OverviewState, area: Rect, facts: &mut FrameFacts) {
    if ctx.total == 0 {
        let text = Line::styled(t(ctx.shared.lang(), Msg::NoCounts), ctx.shared.theme().muted);
        frame.render_widget(Paragraph::new(text), area.inner(ratatui::layout::Margin::new(2, 1)));
        return;
    }
    // Side by side when there is room for both; the map under the charts on a tall narrow one.
    let [charts, map_area] = if area.width >= 100 {
        Layout::horizontal([Constraint::Percentage(45), Constraint::Percentage(55)]).areas(area)
    } else if area.height >= 36 {
        Layout::vertical([Constraint::Percentage(50), Constraint::Percentage(50)]).areas(area)
    } else {
        Layout::horizontal([Constraint::Percentage(50), Constraint::Percentage(50)]).areas(area)
    };
    facts.overview_rows = draw_charts(frame, ctx, overview, charts);
    draw_map(frame, ctx, overview, map_area);
}

/// The map of the results in a frame of its own, titled.
pub fn draw_map(frame: &mut Frame<'_>, ctx: &Ctx<'_>, overview: &OverviewState, area: Rect) {
    // The map's frame is lit while the arrows move it (on the overview; a slide has no focus).
    let focused = ctx.shared.screen() == crate::ui::Screen::Overview && overview.focus_map;
    draw_framed_map(frame, ctx, area, &map_content(ctx, overview), focused);
}

/// A map of `content` in a frame of its own, titled.
pub fn draw_framed_map(frame: &mut Frame<'_>, ctx: &Ctx<'_>, area: Rect, content: &map::MapContent, focused: bool) {
    let theme = ctx.shared.theme();
    let block = Block::new()
        .borders(Borders::ALL)
        .border_type(BorderType::Rounded)
        .border_style(if focused { theme.border_focused } else { theme.border })
        .title(Span::styled(format!(" {} ", chart_word(ctx.shared.lang(), ChartWord::Map)), theme.heading));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    map::draw(frame, inner, content, theme, ctx.shared.theme_name(), ctx.shared.lang());
}

/// The results' places (all of them, not only the first page, as the overview's tally has
/// them), the selected entry's, and the shown tour's route.
pub fn map_content(ctx: &Ctx<'_>, overview: &OverviewState) -> map::MapContent {
    let catalogue = ctx.shared.catalogue();
    let lang = ctx.shared.lang;
    let tally = overview.tally();
    let selected = ctx.chosen;
    // The selected entry's place, where it is one of the results.
    let lit = selected.filter(|&e| tally.has(e)).and_then(|e| place_of(catalogue, &catalogue.entries()[e]));
    let places = tally
        .places()
        .iter()
        .map(|spot| map::Place {
            point: spot.point,
            count: spot.count,
            label: spot.label.clone(),
            selected: lit == Some(spot.point),
        })
        .collect();
    let tour = selected.map(|e| &catalogue.entries()[e]).and_then(|entry| tour_of(catalogue, entry, lang, None));
    map::MapContent { places, unplaced: tally.unplaced(), tour, zoom: overview.zoom, pan: overview.pan }
}

/// A tour's stops as a route for the map, `current` (from 0) highlighted.
pub fn tour_of(
    catalogue: &Catalogue,
    entry: &Entry,
    lang: crate::text::Lang,
    current: Option<usize>,
) -> Option<map::Tour> {
    let Details::Tour(tour) = &entry.details else { return None };
    let stops: Vec<Option<&Entry>> =
        tour.stops.iter().map(|s| catalogue.index_of(s.entry.as_str()).map(|i| &catalogue.entries()[i])).collect();
    Some(map::Tour {
        stops: stops.iter().map(|e| e.and_then(|e| place_of(catalogue, e))).collect(),
        names: stops.iter().map(|e| e.map(|e| place_name(catalogue, e, lang)).unwrap_or_default()).collect(),
        current,
    })
}

/// The five charts, one under the other, each given lines in proportion to what it has to say.
/// Returns the material values of the rows drawn, for the charts' cursor.
fn draw_charts(frame: &mut Frame<'_>, ctx: &Ctx<'_>, overview: &OverviewState, area: Rect) -> Vec<usize> {
    let lang = ctx.shared.lang();
    let area = Rect { width: area.width.saturating_sub(1), ..area };
    if area.width < 12 || area.height < 2 {
        return Vec::new();
    }
    let make =
        |i: usize, room: usize| -> Chart { charts::chart(ctx.shared.indexed(), overview, CHARTED[i], lang, room) };
    let wanted: Vec<usize> = (0..CHARTED.len()).map(|i| make(i, usize::from(area.height)).rows.len()).collect();
    let present: Vec<usize> = (0..CHARTED.len()).filter(|&i| wanted[i] > 0).collect();
    let headings = present.len();
    let gaps = present.len().saturating_sub(1);
    let height = usize::from(area.height);
    let gap = usize::from(height >= headings * 2 + gaps + present.iter().map(|&i| wanted[i].min(3)).sum::<usize>());
    let mut room = vec![0usize; CHARTED.len()];
    let mut left = height.saturating_sub(headings + gaps * gap);
    // One line each first, then one more at a time, in chart order, while any wants more.
    loop {
        let mut gave = false;
        for &i in &present {
            if left > 0 && room[i] < wanted[i] {
                room[i] += 1;
                left -= 1;
                gave = true;
            }
        }
        if !gave {
            break;
        }
    }
    let mut y = area.y;
    let mut materials = Vec::new();
    for &i in &present {
        if room[i] == 0 || y >= area.bottom() {
            continue;
        }
        let chart = make(i, room[i]);
        let rows = (1 + chart.rows.len() as u16).min(area.bottom() - y);
        draw_chart(frame, ctx, overview, &chart, CHARTED[i], Rect { y, height: rows, ..area });
        if CHARTED[i] == Facet::Material {
            materials = chart.rows.iter().filter_map(|r| r.value).collect();
        }
        y += rows + gap as u16;
    }
    materials
}

fn draw_chart(frame: &mut Frame<'_>, ctx: &Ctx<'_>, overview: &OverviewState, chart: &Chart, facet: Facet, area: Rect) {
    let theme = ctx.shared.theme();
    let width = usize::from(area.width);
    let mut lines = vec![];
    // Only materials unfold (→); themes and regions show their levels as the room allows.
    let foldable = facet == Facet::Material;
    let mut heading = vec![Span::styled(chart.heading.clone(), theme.heading)];
    if foldable && chart.rows.iter().any(|r| r.fold == Fold::Folded) {
        let hint = chart_word(ctx.shared.lang(), ChartWord::Unfold);
        let used = chart.heading.width();
        if used + 3 + hint.width() <= width {
            heading.push(Span::styled(format!("{:>w$}", hint, w = width - used), theme.muted));
        }
    }
    lines.push(Line::from(heading));
    let groups = foldable && chart.rows.iter().any(|r| r.fold != Fold::Leaf);
    let code_width = chart.rows.iter().filter_map(|r| r.code.as_ref()).map(|c| c.width()).max().unwrap_or(0);
    let lead = |r: &charts::Row| {
        let glyph = match r.fold {
            Fold::Folded if groups => "▸ ",
            Fold::Unfolded if groups => "▾ ",
            _ if groups => "  ",
            _ => "",
        };
        let code = match &r.code {
            Some(code) => format!("{code:<code_width$} "),
            None if code_width > 0 && r.value.is_some() => " ".repeat(code_width + 1),
            None => String::new(),
        };
        format!("{}{glyph}{code}", "  ".repeat(usize::from(r.depth)))
    };
    let max = chart.rows.iter().map(|r| r.count).max().unwrap_or(1).max(1);
    let number_width = max.to_string().len();
    // Labels first: a bar can be short, a cut name says nothing. At least four cells of bar.
    let natural =
        chart.rows.iter().filter(|r| r.value.is_some()).map(|r| lead(r).width() + r.label.width()).max().unwrap_or(0);
    let label_width = natural.min(width.saturating_sub(number_width + 6)).max(4);
    let bar_room = width.saturating_sub(label_width + number_width + 2).max(1);
    let bar_style = if facet == Facet::Theme { theme.theme_badge } else { theme.material_badge };
    for row in &chart.rows {
        if row.value.is_none() {
            lines.push(Line::styled(fit(&format!("{}{}", lead(row), row.label), width), theme.muted));
            continue;
        }
        let text = fit(&format!("{}{}", lead(row), row.label), label_width);
        let length = ((row.count as usize * bar_room).div_ceil(max as usize)).max(1);
        let at_cursor = foldable && !overview.focus_map && row.value == overview.cursor;
        let label_style = match (at_cursor, row.depth) {
            (true, _) => theme.selection,
            (false, 0) => theme.base,
            (false, _) => theme.muted,
        };
        lines.push(Line::from(vec![
            Span::styled(format!("{text:<label_width$} "), label_style),
            Span::styled("█".repeat(length), bar_style),
            Span::styled(format!(" {:>number_width$}", row.count), theme.base),
        ]));
    }
    frame.render_widget(Paragraph::new(lines).style(theme.base), area);
}
