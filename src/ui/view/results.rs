//! The results pane: two lines an entry — the title with its matched characters, then what
//! it is, where, and its materials and themes.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{List, ListItem, Paragraph, Wrap};

use super::super::action::Pane;
use super::super::state::BrowseState;
use super::context::Ctx;
use super::widgets::{as_selected, fit, fit_spans, highlighted, pane_block};
use crate::i18n::{Msg, Noun, count, kind_name, t};
use crate::model::Entry;

/// Draws the pane; returns the first result shown, how many rows of results it had room for,
/// and whether its first row says that no entry has every word.
pub fn draw(frame: &mut Frame<'_>, ctx: &Ctx<'_>, browse: &BrowseState, area: Rect) -> (usize, usize, u16) {
    let theme = &ctx.shared.theme;
    let title = Line::styled(format!(" {} ", t(ctx.shared.lang, Msg::Results)), theme.title);
    let mut block = pane_block(ctx, Pane::Results, title);
    // Close matches (≈) are counted where they are marked, so the mark explains itself.
    let close = browse.results().hits.iter().filter(|hit| hit.typo).count();
    if close > 0 && area.width >= 24 {
        let legend = format!(" ≈ {} ", count(ctx.shared.lang, Noun::CloseMatch, close));
        block =
            block.title_bottom(Line::styled(fit(&legend, usize::from(area.width) - 4), theme.muted).right_aligned());
    }
    let mut inner = block.inner(area);
    frame.render_widget(block, area);
    // Results lacking some words say so above them, where there is room for a result besides.
    let note = browse.results().partial.filter(|_| inner.height >= 3 && inner.width >= 4);
    let mut note_rows = 0;
    if let Some(partial) = note {
        let said = crate::i18n::partial_words(browse.results().total, partial.have, partial.of, partial.elsewhere);
        let lines = note_lines(said.get(ctx.shared.lang), usize::from(inner.width), inner.height >= 5);
        note_rows = lines.len() as u16;
        let lines: Vec<Line> = lines.into_iter().map(|line| Line::styled(line, theme.muted)).collect();
        frame.render_widget(Paragraph::new(lines), Rect { height: note_rows, ..inner });
        inner = Rect { y: inner.y + note_rows, height: inner.height - note_rows, ..inner };
    }
    // Two lines a result; the selection is kept in sight of the rows there are now (the
    // state's offset may be for the size before a resize).
    let rows = usize::from(inner.height / 2).max(1);
    let offset = browse.list.offset_for(ctx.shared.catalogue(), rows);
    if browse.results().hits.is_empty() {
        if inner.width >= 4 {
            let text = match ctx.loading {
                Some(stage) => super::layout::loading_text(ctx.shared.lang, stage),
                None => t(ctx.shared.lang, Msg::NoResults).to_string(),
            };
            let message = Paragraph::new(Line::styled(text, theme.muted)).wrap(Wrap { trim: true });
            frame.render_widget(message, inner);
        }
        return (offset, rows, note_rows);
    }
    let width = usize::from(inner.width);
    // The selection keeps its colours while the query is typed: it is what Enter opens.
    let focused = browse.focus == Pane::Results;
    let selected = browse.list.selected_position(ctx.shared.catalogue());
    let items: Vec<ListItem> = browse
        .results()
        .hits
        .iter()
        .enumerate()
        .skip(offset)
        .take(rows)
        .map(|(position, hit)| {
            let entry = &ctx.shared.catalogue().entries()[hit.entry];
            let title = entry.title().get(ctx.shared.lang);
            // ★ marks the shortlist's entries, in the column the title's margin left free.
            let mut first = if ctx.shared.is_marked(&entry.id) {
                vec![Span::styled("★", theme.checked)]
            } else {
                vec![Span::raw(" ")]
            };
            first.extend(highlighted(title, &hit.title_highlights, theme.title, theme.matched));
            let mut facts = facts_line(ctx, entry, width);
            if hit.typo {
                // ≈ in the facts line's margin: found by a typo, not by the words as typed.
                facts.spans[0] = Span::styled("≈ ", theme.muted);
            }
            let lines = vec![Line::from(fit_spans(first, width)), facts];
            match (Some(position) == selected, focused) {
                (true, true) => {
                    ListItem::new(lines.into_iter().map(|l| as_selected(l, theme.selection)).collect::<Vec<_>>())
                        .style(theme.selection)
                }
                (true, false) => ListItem::new(lines).style(theme.selection_unfocused),
                _ => ListItem::new(lines),
            }
        })
        .collect();
    frame.render_widget(List::new(items), inner);
    (offset, rows, note_rows)
}

/// `  visit · Béthune · Lead · E5`
fn facts_line(ctx: &Ctx<'_>, entry: &Entry, width: usize) -> Line<'static> {
    let theme = &ctx.shared.theme;
    let vocabularies = &ctx.shared.catalogue().vocabularies;
    let mut spans =
        vec![Span::raw("  "), Span::styled(kind_name(ctx.shared.lang, entry.kind).to_string(), theme.kind_badge)];
    let mut used = 2 + kind_name(ctx.shared.lang, entry.kind).chars().count();
    let mut push = |text: String, style, spans: &mut Vec<Span<'static>>| {
        let room = width.saturating_sub(used + 3);
        if room < 2 {
            return;
        }
        let text = fit(&text, room);
        used += 3 + unicode_width::UnicodeWidthStr::width(text.as_str());
        spans.push(Span::styled(" · ", theme.muted));
        spans.push(Span::styled(text, style));
    };
    if let Some(location) = &entry.common.location {
        let place = location.place.as_ref().map(|p| p.get(ctx.shared.lang).to_string()).unwrap_or_else(|| {
            vocabularies
                .regions
                .get(location.region.as_str())
                .map(|r| r.label.get(ctx.shared.lang).to_string())
                .unwrap_or_default()
        });
        if !place.is_empty() {
            push(place, theme.muted, &mut spans);
        }
    }
    if let Some((start, _)) = entry.span() {
        push(start.year().to_string(), theme.muted, &mut spans);
    }
    let materials: Vec<String> = entry
        .common
        .materials
        .iter()
        .filter_map(|id| vocabularies.materials.get(id.as_str()))
        .map(|m| {
            m.symbol
                .as_ref()
                .map(|s| s.as_str().to_string())
                .unwrap_or_else(|| m.label.get(ctx.shared.lang).to_string())
        })
        .collect();
    if !materials.is_empty() {
        push(materials.join(", "), theme.material_badge, &mut spans);
    }
    if !entry.common.themes.is_empty() {
        let themes: Vec<&str> = entry.common.themes.iter().map(|id| id.as_str()).collect();
        push(themes.join(" "), theme.theme_badge, &mut spans);
    }
    Line::from(spans)
}

/// The line above results lacking some words, on one row, or on two split after its first
/// clause (`…every word;` / `10 have 1 of 2 words`) when one row would cut its counts and
/// `two_rows` are spared.
fn note_lines(said: &str, width: usize, two_rows: bool) -> Vec<String> {
    use unicode_width::UnicodeWidthStr;
    let split = said.find(';').map(|at| said.split_at(at + ';'.len_utf8()));
    match split {
        Some((first, rest)) if two_rows && said.width() > width => {
            vec![fit(first, width), fit(rest.trim_start(), width)]
        }
        _ => vec![fit(said, width)],
    }
}
