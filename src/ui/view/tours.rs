//! The tours screen: the tours, then a tour's stops in order, grouped by day, with their times
//! and the facilitator's notes (wrapped under their text); the stop opened shows beside them
//! (or alone on a narrow screen) with its note above it.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Modifier;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Borders, Paragraph, Wrap};

use super::super::frame::FrameFacts;
use super::super::state::tours::{stops, tours};
use super::super::state::{ToursLevel, ToursState};
use super::context::Ctx;
use super::detail::{doc_lines, removed_said, stop_note_lines, wrap};
use super::{status, tabs};
use crate::i18n::{Msg, Noun, count, t};
use crate::model::{Catalogue, Entry};

/// Below this width one list shows at a time.
const SIDE_BY_SIDE: u16 = 100;

pub fn draw(frame: &mut Frame<'_>, ctx: &Ctx<'_>, state: &ToursState, facts: &mut FrameFacts) {
    let area = frame.area();
    let (top, bottom) = (u16::from(ctx.shared.chrome), u16::from(ctx.shared.chrome));
    let [head, main, foot] =
        Layout::vertical([Constraint::Length(top), Constraint::Min(1), Constraint::Length(bottom)]).areas(area);
    if !head.is_empty() {
        let rest = tabs::draw(frame, ctx, head);
        let title = Line::styled(format!(" {}", t(ctx.shared.lang, Msg::ToursTitle)), ctx.shared.theme().title);
        frame.render_widget(Paragraph::new(title), rest);
    }
    if !foot.is_empty() {
        let counted = count(ctx.shared.lang, Noun::Tour, tours(ctx.shared.catalogue()).len());
        status::draw_counting(frame, ctx, Rect { width: foot.width.saturating_sub(1), ..foot }, counted);
    }
    let catalogue = ctx.shared.catalogue();
    let Some(tour) = state.tour(catalogue) else {
        let text = Paragraph::new(Line::styled(t(ctx.shared.lang, Msg::NoTours), ctx.shared.theme().muted));
        frame.render_widget(text, main.inner(ratatui::layout::Margin::new(2, 1)));
        return;
    };
    let level = state.level();
    let wide = main.width >= SIDE_BY_SIDE;
    match (level, wide) {
        (ToursLevel::Tours | ToursLevel::Stops, true) => {
            let [left, right] = Layout::horizontal([Constraint::Length(34), Constraint::Min(30)]).areas(main);
            draw_tours(frame, ctx, state, left, facts);
            draw_stops(frame, ctx, state, tour, right, facts);
        }
        (ToursLevel::Tours, false) => draw_tours(frame, ctx, state, main, facts),
        (ToursLevel::Stops, false) => draw_stops(frame, ctx, state, tour, main, facts),
        (ToursLevel::Entry, true) => {
            let [left, right] = Layout::horizontal([Constraint::Percentage(38), Constraint::Min(40)]).areas(main);
            draw_stops(frame, ctx, state, tour, left, facts);
            draw_entry(frame, ctx, state, tour, right, facts);
        }
        (ToursLevel::Entry, false) => draw_entry(frame, ctx, state, tour, main, facts),
    }
}

fn block<'a>(ctx: &Ctx<'_>, title: String, focused: bool) -> Block<'a> {
    let theme = ctx.shared.theme();
    Block::new()
        .borders(Borders::ALL)
        .border_type(if focused { BorderType::Thick } else { BorderType::Rounded })
        .border_style(if focused { theme.border_focused } else { theme.border })
        .title(Span::styled(format!(" {title} "), theme.title))
}

fn draw_tours(frame: &mut Frame<'_>, ctx: &Ctx<'_>, state: &ToursState, area: Rect, facts: &mut FrameFacts) {
    let theme = ctx.shared.theme();
    let focused = state.level() == ToursLevel::Tours;
    let block = block(ctx, t(ctx.shared.lang, Msg::ToursTitle).to_string(), focused);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    facts.list_rows = usize::from(inner.height);
    let catalogue = ctx.shared.catalogue();
    let chosen = state.tour_position(catalogue);
    let width = usize::from(inner.width);
    let mut lines = Vec::new();
    for (i, tour) in tours(catalogue).into_iter().enumerate() {
        let style = match (Some(i) == chosen, focused) {
            (true, true) => theme.selection,
            (true, false) => theme.selection_unfocused.add_modifier(Modifier::BOLD),
            (false, _) => theme.base.add_modifier(Modifier::BOLD),
        };
        lines.extend(wrap::hanging(vec![Span::styled(tour.title().get(ctx.shared.lang).to_string(), style)], 1, width));
        let mut facts = count(ctx.shared.lang, Noun::Stop, stops(tour).len());
        if let Some((start, end)) = tour.span() {
            facts = format!("{} · {facts}", crate::export::doc::dates(Some(start), end));
        }
        lines.extend(wrap::hanging(vec![Span::styled(format!(" {facts}"), theme.muted)], 1, width));
        lines.push(Line::default());
    }
    frame.render_widget(Paragraph::new(lines).style(theme.base), inner);
}

/// The stops as lines, grouped by day; and the line each stop starts on.
fn stop_lines(
    ctx: &Ctx<'_>,
    state: &ToursState,
    catalogue: &Catalogue,
    tour: &Entry,
    width: usize,
) -> (Vec<Line<'static>>, Vec<usize>) {
    let theme = ctx.shared.theme();
    let lang = ctx.shared.lang;
    let all = stops(tour);
    let chosen = state.stop(catalogue);
    let focused = state.level() == ToursLevel::Stops;
    let grouped = all.iter().any(|s| s.day.is_some());
    let mut days = Vec::new();
    let mut lines = Vec::new();
    let mut starts = Vec::new();
    let mut current_day = None;
    for (i, stop) in all.iter().enumerate() {
        if grouped && (i == 0 || stop.day != current_day) {
            current_day = stop.day;
            let heading = match stop.day {
                Some(day) => {
                    if !days.contains(&day) {
                        days.push(day);
                    }
                    let number = days.iter().position(|d| *d == day).map_or(0, |p| p + 1);
                    format!("{} {number} · {day}", day_word(ctx))
                }
                None => t(lang, Msg::DayUnknown).to_string(),
            };
            if !lines.is_empty() {
                lines.push(Line::default());
            }
            lines.push(Line::styled(heading, theme.heading));
        }
        starts.push(lines.len());
        let marker = format!("{:>2}. ", i + 1);
        let time = stop.time.as_ref().map(|t| format!("{}  ", t.get(lang))).unwrap_or_default();
        let title = catalogue.get(stop.entry.as_str()).map_or(stop.entry.as_str(), |e| e.title().get(lang)).to_string();
        let style = match (i == chosen, focused) {
            (true, true) => theme.selection,
            (true, false) => theme.selection_unfocused.add_modifier(Modifier::BOLD),
            (false, _) => theme.base.add_modifier(Modifier::BOLD),
        };
        let indent = marker.len();
        lines.extend(wrap::hanging(
            vec![Span::styled(marker, theme.muted), Span::styled(time, theme.key), Span::styled(title, style)],
            indent,
            width,
        ));
        if let Some(note) = stop.note.as_ref().map(|n| n.get(lang)).filter(|n| !n.trim().is_empty()) {
            for line in note.split('\n') {
                let spans = vec![Span::raw(" ".repeat(indent)), Span::styled(line.to_string(), theme.muted)];
                lines.extend(wrap::hanging(spans, indent, width));
            }
        }
    }
    (lines, starts)
}

fn day_word(ctx: &Ctx<'_>) -> &'static str {
    match ctx.shared.lang {
        crate::text::Lang::En => "Day",
        crate::text::Lang::Fr => "Jour",
    }
}

fn draw_stops(
    frame: &mut Frame<'_>,
    ctx: &Ctx<'_>,
    state: &ToursState,
    tour: &Entry,
    area: Rect,
    facts: &mut FrameFacts,
) {
    let theme = ctx.shared.theme();
    let focused = state.level() == ToursLevel::Stops;
    let block = block(ctx, tour.title().get(ctx.shared.lang).to_string(), focused);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    facts.list_rows = usize::from(inner.height);
    if inner.width < 8 || inner.height == 0 {
        return;
    }
    let catalogue = ctx.shared.catalogue();
    if stops(tour).is_empty() {
        frame.render_widget(Paragraph::new(Line::styled(t(ctx.shared.lang, Msg::NoStops), theme.muted)), inner);
        return;
    }
    let (lines, starts) = stop_lines(ctx, state, catalogue, tour, usize::from(inner.width));
    // The chosen stop and its note stay in view.
    let chosen = state.stop(catalogue);
    let start = starts.get(chosen).copied().unwrap_or(0);
    let end = starts.get(chosen + 1).copied().unwrap_or(lines.len());
    let height = usize::from(inner.height);
    let scroll =
        if end <= height { 0 } else { end.saturating_sub(height).max(start.saturating_sub(height / 3)).min(start) };
    let scroll = u16::try_from(scroll).unwrap_or(0);
    frame.render_widget(Paragraph::new(lines).style(theme.base).scroll((scroll, 0)), inner);
}

fn draw_entry(
    frame: &mut Frame<'_>,
    ctx: &Ctx<'_>,
    state: &ToursState,
    tour: &Entry,
    area: Rect,
    facts: &mut FrameFacts,
) {
    let catalogue = ctx.shared.catalogue();
    let stop = state.stop(catalogue);
    let Some(entry) = stops(tour).get(stop).map(|s| &s.entry) else { return };
    let block = block(ctx, t(ctx.shared.lang, Msg::Detail).to_string(), true);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    facts.list_rows = usize::from(inner.height);
    if inner.width < 8 || inner.height == 0 {
        return;
    }
    let Some(tour_index) = catalogue.index_of(tour.id.as_str()) else { return };
    let mut lines = stop_note_lines(ctx, tour_index, stop, inner.width);
    match catalogue.index_of(entry.as_str()) {
        Some(index) => lines.extend(doc_lines(ctx, index, inner.width, None).0),
        // The stop's entry a reload removed (or a stop naming none): said under its note, as
        // the entry pane says it, rather than a pane left empty.
        None => lines.push(Line::styled(removed_said(ctx, entry), ctx.shared.theme().warning)),
    }
    let paragraph = Paragraph::new(lines).style(ctx.shared.theme().base).wrap(Wrap { trim: false });
    let total = paragraph.line_count(inner.width);
    let max = u16::try_from(total.saturating_sub(usize::from(inner.height))).unwrap_or(u16::MAX);
    facts.scroll_max = Some(max);
    frame.render_widget(paragraph.scroll((state.scroll().min(max), 0)), inner);
}
