//! The small pieces every view draws with: a pane's frame, a selected line, highlighted
//! matches, a cleared area to draw over, text fitted to columns.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Borders};

use super::super::action::Pane;
use super::context::Ctx;

/// A pane's frame: rounded, its title, and a stronger colour when it has the focus.
pub(super) fn pane_block<'a>(ctx: &Ctx<'_>, pane: Pane, title: Line<'a>) -> Block<'a> {
    let focused = ctx.focused_pane() == Some(pane);
    let theme = ctx.shared.theme();
    Block::new()
        .borders(Borders::ALL)
        .border_type(if focused { BorderType::Thick } else { BorderType::Rounded })
        .border_style(if focused { theme.border_focused } else { theme.border })
        .title(title)
}

/// A line drawn under the focused selection: every span takes the selection's colours and
/// keeps its own bold or underline, so that no coloured span vanishes into the highlight.
pub(super) fn as_selected(line: Line<'_>, selection: Style) -> Line<'_> {
    let spans: Vec<Span> = line
        .spans
        .into_iter()
        .map(|span| {
            let modifiers = span.style.add_modifier;
            Span::styled(span.content, selection.add_modifier(modifiers))
        })
        .collect();
    Line::from(spans)
}

/// `text` as spans, the byte ranges in `matched` styled as matches.
pub(super) fn highlighted<'a>(
    text: &'a str,
    matched: &[std::ops::Range<usize>],
    base: Style,
    hit: Style,
) -> Vec<Span<'a>> {
    let mut spans = Vec::new();
    let mut at = 0;
    for range in matched {
        let (start, end) = (range.start.min(text.len()), range.end.min(text.len()));
        if start < at || !text.is_char_boundary(start) || !text.is_char_boundary(end) {
            continue;
        }
        if start > at {
            spans.push(Span::styled(&text[at..start], base));
        }
        spans.push(Span::styled(&text[start..end], base.patch(hit)));
        at = end;
    }
    if at < text.len() {
        spans.push(Span::styled(&text[at..], base));
    }
    spans
}

/// Clears `area` to draw over the screen (an overlay, a message, the tabs), with any wide
/// character whose right half falls in the area's first column: a terminal would draw it over
/// that column, hiding the frame or text drawn there.
pub(super) fn clear(frame: &mut Frame<'_>, area: Rect) {
    use unicode_width::UnicodeWidthStr;
    frame.render_widget(ratatui::widgets::Clear, area);
    let buffer = frame.buffer_mut();
    let area = area.intersection(buffer.area);
    if area.is_empty() || area.x == buffer.area.x {
        return;
    }
    for y in area.top()..area.bottom() {
        let cell = &mut buffer[(area.x - 1, y)];
        if cell.symbol().width() > 1 {
            cell.set_symbol(" ");
        }
    }
}

/// Spans cut to `width` columns, with `…` where they were cut, keeping each span's style.
pub fn fit_spans(spans: Vec<Span<'_>>, width: usize) -> Vec<Span<'_>> {
    use unicode_width::UnicodeWidthStr;
    let total: usize = spans.iter().map(|s| s.content.width()).sum();
    if total <= width {
        return spans;
    }
    let mut out = Vec::new();
    let mut room = width;
    for span in spans {
        let w = span.content.width();
        if w < room {
            room -= w;
            out.push(span);
        } else {
            // `fit` leaves room for the ellipsis inside the given width.
            out.push(Span::styled(fit(&span.content, room), span.style));
            break;
        }
    }
    out
}

pub use crate::text::fit;
