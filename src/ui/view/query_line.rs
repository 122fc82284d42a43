//! The query line at the top: what is typed, the cursor, and what the query could not use.

use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

use super::super::app::Target;
use super::super::state::BrowseState;
use super::context::Ctx;
use super::tabs::{self, Beside};
use crate::i18n::{Msg, t};

/// The prompt ` / ` before what is typed.
const PROMPT: u16 = 3;
/// The columns what is typed keeps beside a warning: enough to see the word at the cursor.
const TYPED_MIN: u16 = 12;
/// Between what is typed and the warning.
const GAP: &str = "   ";

/// Draws the query line and the tabs on `line`: the tabs are shortened, then left out, rather
/// than drawn over what is typed or over the warning.
pub fn draw_with_tabs(frame: &mut Frame<'_>, ctx: &Ctx<'_>, browse: &BrowseState, line: Rect) {
    let rest = tabs::draw_beside(frame, ctx, line, beside(ctx, browse));
    draw(frame, ctx, browse, rest);
}

/// What the query asks of the top line.
fn beside(ctx: &Ctx<'_>, browse: &BrowseState) -> Beside {
    let text = browse.query_box.text();
    let warning = problem(ctx, browse).map_or(0, |p| warning_width(&flagged(&p)));
    if text.is_empty() && ctx.target != Target::Search && warning == 0 {
        // The hint is cut to what is left.
        return Beside { wanted: 20, needed: None };
    }
    let typed = text.width() as u16 + 1;
    Beside { wanted: PROMPT + typed + warning, needed: Some(PROMPT + typed.min(TYPED_MIN) + warning) }
}

/// What the query could not use, so a typo in a field name is not silently ignored: the
/// first problem.
fn problem(ctx: &Ctx<'_>, browse: &BrowseState) -> Option<String> {
    let lang = ctx.shared.lang;
    if let Some(error) = browse.query.errors.first() {
        return Some(error.kind.in_box().get(lang).to_string());
    }
    browse
        .results()
        .unknown_values
        .first()
        .map(|(facet, value)| format!("{} {}:{value}", t(lang, Msg::UnknownQueryValue), facet.field_name()))
}

fn flagged(problem: &str) -> String {
    format!("⚠ {problem}")
}

/// The columns a warning takes, with the gap before it.
fn warning_width(warning: &str) -> u16 {
    (GAP.width() + warning.width()) as u16
}

pub fn draw(frame: &mut Frame<'_>, ctx: &Ctx<'_>, browse: &BrowseState, area: Rect) {
    let theme = ctx.shared.theme();
    let lang = ctx.shared.lang;
    let editing = ctx.target == Target::Search;
    let text = browse.query_box.text();
    let prompt = Span::styled(" / ", if editing { theme.border_focused } else { theme.key });
    let mut spans = vec![prompt];
    let problem = problem(ctx, browse);
    // The warning keeps its whole width unless what is typed would have less than TYPED_MIN.
    let warning = problem.as_ref().map(|p| {
        let room = area.width.saturating_sub(PROMPT + TYPED_MIN.min(text.width() as u16 + 1) + GAP.width() as u16);
        super::widgets::fit(&flagged(p), usize::from(room))
    });
    let room = usize::from(area.width.saturating_sub(PROMPT + warning.as_ref().map_or(0, |w| warning_width(w))));
    let mut cursor = None;
    if text.is_empty() && !editing {
        let room = usize::from(area.width).saturating_sub(4);
        spans.push(Span::styled(super::widgets::fit(t(lang, Msg::SearchHint), room), theme.muted));
    } else {
        let at = text[..browse.query_box.input().cursor()].width();
        let (shown, x) = window(text, at, room);
        cursor = Some(x);
        spans.push(Span::styled(shown, theme.base));
    }
    if let Some(warning) = warning {
        spans.push(Span::raw(GAP));
        spans.push(Span::styled(warning, theme.warning));
    } else if browse.list.searching() {
        spans.push(Span::styled(format!("{GAP}{}", t(lang, Msg::Searching)), theme.muted));
    }
    frame.render_widget(Paragraph::new(Line::from(spans)), area);
    if let (true, Some(x)) = (editing, cursor) {
        let x = (area.x + PROMPT + x as u16).min(area.right().saturating_sub(1));
        frame.set_cursor_position(Position::new(x, area.y));
    }
}

/// The part of `text` shown in `room` columns, with the cursor (at column `cursor` of the text)
/// kept in view as fzf and television do: the start scrolls out to the left, what is past the
/// cursor out to the right, each side marked `…` when something is hidden there. Returns the
/// shown text and the cursor's column in it.
fn window(text: &str, cursor: usize, room: usize) -> (String, usize) {
    let total = text.width();
    // The cursor after the last character takes a column too.
    if total < room || room < 3 {
        return (text.to_string(), cursor);
    }
    let after = if cursor < total { 2 } else { 1 };
    let start = (cursor + after).saturating_sub(room);
    let end = start + room;
    let (first, last) = (start + usize::from(start > 0), if total > end { end - 1 } else { end });
    let mut shown = String::new();
    if start > 0 {
        shown.push('…');
    }
    let mut column = 0;
    for cluster in text.graphemes(true) {
        let width = cluster.width();
        let (from, to) = (column, column + width);
        column = to;
        if to <= first || from >= last {
            continue;
        }
        if from >= first && to <= last {
            shown.push_str(cluster);
        } else {
            // A wide character cut by an edge: its visible half as blanks, so the columns hold.
            shown.push_str(&" ".repeat(to.min(last) - from.max(first)));
        }
    }
    if total > end {
        shown.push('…');
    }
    (shown, cursor - start)
}

#[cfg(test)]
mod tests {
    use super::window;

    #[test]
    fn a_short_text_is_shown_whole() {
        assert_eq!(window("aimants", 7, 20), ("aimants".to_string(), 7));
    }

    #[test]
    fn typing_past_the_edge_scrolls_the_start_out() {
        let (shown, x) = window("aimants permanents recyclage", 28, 12);
        assert_eq!(shown, "… recyclage");
        assert_eq!(x, 11);
    }

    #[test]
    fn the_cursor_moved_home_shows_the_start_and_marks_the_rest() {
        let (shown, x) = window("aimants permanents recyclage", 0, 12);
        assert_eq!(shown, "aimants per…");
        assert_eq!(x, 0);
    }

    #[test]
    fn a_wide_character_cut_by_the_edge_keeps_the_columns() {
        let (shown, x) = window("日本語日本語", 12, 7);
        assert_eq!(shown, "… 本語");
        assert_eq!(x, 6);
    }
}
