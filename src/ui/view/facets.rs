//! The filters pane: each facet, its values with live counts, folded trees for regions,
//! materials and themes.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{List, ListItem};
use unicode_width::UnicodeWidthStr;

use super::super::action::Pane;
use super::super::state::{BrowseState, FacetRow};
use super::context::Ctx;
use super::widgets::{as_selected, fit, pane_block};
use crate::i18n::{Msg, Word, facet_name, kind_name, status_name, t, word};
use crate::model::{Kind, ReviewStatus};
use crate::query::Facet;

/// Draws the pane; returns the first row shown and how many rows it had room for.
pub fn draw(frame: &mut Frame<'_>, ctx: &Ctx<'_>, browse: &BrowseState, area: Rect) -> (usize, usize) {
    let theme = &ctx.shared.theme;
    let block =
        pane_block(ctx, Pane::Facets, Line::styled(format!(" {} ", t(ctx.shared.lang, Msg::Facets)), theme.title));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let width = usize::from(inner.width);
    // "In my shortlist" comes first, once something is marked: it filters like a facet value.
    let inner = if browse.shows_shortlist_row(ctx.shared.shortlist()) && inner.height > 1 {
        let checked = browse.shortlist_only;
        let label = format!("★ {}", word(ctx.shared.lang, Word::InShortlist));
        // What the row selects: the marks this catalogue has (marks from another are kept apart).
        let here = ctx.shared.shortlist().items().iter().filter(|i| ctx.shared.entry(&i.id).is_some()).count();
        let count = format!(" {here}");
        let check = if checked { "■ " } else { "□ " };
        let room = width.saturating_sub(1 + check.width() + count.width());
        let label = fit(&label, room);
        let padding = width.saturating_sub(1 + check.width() + label.width() + count.width());
        let style = if checked { theme.checked } else { theme.heading };
        let line = Line::from(vec![
            Span::raw(" "),
            Span::styled(check, if checked { theme.checked } else { theme.muted }),
            Span::styled(label, style),
            Span::raw(" ".repeat(padding)),
            Span::styled(count, theme.count),
        ]);
        frame.render_widget(ratatui::widgets::Paragraph::new(line), Rect { height: 1, ..inner });
        Rect { y: inner.y + 1, height: inner.height - 1, ..inner }
    } else {
        inner
    };
    let rows = &browse.facet_rows;
    let focused = browse.focus == Pane::Facets;
    // The cursor is kept in sight of the rows there are now (the state's offset may be for the
    // size before a resize).
    let page = usize::from(inner.height);
    let (cursor, offset) = (browse.facets.cursor(), browse.facets.offset_for(rows.len(), page));
    let items: Vec<ListItem> = rows
        .iter()
        .enumerate()
        .skip(offset)
        .take(page)
        .map(|(index, row)| {
            let line = row_line(ctx, browse, row, width);
            match (index == cursor, focused) {
                (true, true) => ListItem::new(as_selected(line, theme.selection)).style(theme.selection),
                (true, false) => ListItem::new(line).style(theme.selection_unfocused),
                _ => ListItem::new(line),
            }
        })
        .collect();
    frame.render_widget(List::new(items), inner);
    (offset, page)
}

fn row_line(ctx: &Ctx<'_>, browse: &BrowseState, row: &FacetRow, width: usize) -> Line<'static> {
    let theme = &ctx.shared.theme;
    match *row {
        FacetRow::Header { facet, open } => {
            let selected = browse.filters.selected(facet).len();
            let marker = if open { "▾ " } else { "▸ " };
            let mut spans =
                vec![Span::styled(format!("{marker}{}", facet_name(ctx.shared.lang, facet)), theme.heading)];
            if selected > 0 {
                spans.push(Span::styled(format!(" ({selected})"), theme.checked));
            }
            Line::from(spans)
        }
        FacetRow::Value { facet, value, depth, has_children, open, .. } => {
            let selected = browse.filters.is_selected(facet, value);
            let count = browse.results().facet_counts.count(facet, value);
            let indent = " ".repeat(1 + depth * 2);
            let fold = match (has_children, open) {
                (true, true) => "▾",
                (true, false) => "▸",
                _ => " ",
            };
            let check = if selected { "■ " } else { "□ " };
            let count_text = format!(" {count}");
            let prefix_width = indent.width() + fold.width() + check.width();
            let label_width = width.saturating_sub(prefix_width + count_text.width());
            let label = fit(&value_label(ctx, facet, value), label_width);
            let padding = width.saturating_sub(prefix_width + label.width() + count_text.width());
            // No background of its own: the cursor bar must run unbroken under the label.
            let label_style = if selected { theme.checked } else { Style::new() };
            Line::from(vec![
                Span::raw(indent),
                Span::styled(fold, theme.muted),
                Span::styled(check, if selected { theme.checked } else { theme.muted }),
                Span::styled(label, label_style),
                Span::raw(" ".repeat(padding)),
                Span::styled(count_text, theme.count),
            ])
        }
    }
}

/// How a value is named in the pane: the vocabulary label, the interface's word for a kind or
/// status, an organisation's short name when it has one.
#[deny(clippy::wildcard_enum_match_arm)]
pub fn value_label(ctx: &Ctx<'_>, facet: Facet, value: usize) -> String {
    match facet {
        Facet::Kind => Kind::ALL.get(value).map(|k| kind_name(ctx.shared.lang, *k).to_string()).unwrap_or_default(),
        Facet::Status => {
            ReviewStatus::ALL.get(value).map(|s| status_name(ctx.shared.lang, *s).to_string()).unwrap_or_default()
        }
        Facet::Region => {
            let id = ctx.shared.indexed.value_id(facet, value);
            format!("{} {id}", ctx.shared.indexed.value_label(facet, value, ctx.shared.lang))
        }
        Facet::Material | Facet::Theme | Facet::Stage | Facet::Organisation | Facet::Year => {
            ctx.shared.indexed.value_label(facet, value, ctx.shared.lang)
        }
    }
}
