//! The query line at the top: what is typed, the cursor, and what the query could not use.

use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use unicode_width::UnicodeWidthStr;

use super::super::app::Target;
use super::super::state::BrowseState;
use super::context::Ctx;
use crate::i18n::{Msg, t};

pub fn draw(frame: &mut Frame<'_>, ctx: &Ctx<'_>, browse: &BrowseState, area: Rect) {
    let theme = ctx.shared.theme();
    let lang = ctx.shared.lang;
    let editing = ctx.target == Target::Search;
    let text = browse.query_box.text();
    let prompt = Span::styled(" / ", if editing { theme.border_focused } else { theme.key });
    let mut spans = vec![prompt];
    if text.is_empty() && !editing {
        let room = usize::from(area.width).saturating_sub(4);
        spans.push(Span::styled(super::widgets::fit(t(lang, Msg::SearchHint), room), theme.muted));
    } else {
        spans.push(Span::styled(text, theme.base));
    }
    // What the query could not use, so a typo in a field name is not silently ignored.
    let mut problems: Vec<String> =
        browse.query.errors.iter().map(|e| e.kind.in_box().get(ctx.shared.lang).to_string()).collect();
    problems.extend(browse.results().unknown_values.iter().map(|(facet, value)| {
        // The closest names, as `boucle list` offers them: a typo is one glance from its fix.
        let names = ctx.shared.indexed().suggestions(*facet, value);
        let names: Vec<&str> = names.iter().map(String::as_str).collect();
        let hint = crate::i18n::did_you_mean(&names).map(|s| format!(" — {}", s.get(lang))).unwrap_or_default();
        format!("{} {}:{value}{hint}", t(lang, Msg::UnknownQueryValue), facet.field_name())
    }));
    if let Some(problem) = problems.first() {
        spans.push(Span::raw("   "));
        spans.push(Span::styled(format!("⚠ {problem}"), theme.warning));
    } else if browse.list.searching() {
        spans.push(Span::styled(format!("   {}", t(lang, Msg::Searching)), theme.muted));
    }
    frame.render_widget(Paragraph::new(Line::from(spans)), area);
    if editing {
        let before = text[..browse.query_box.input().cursor()].width() as u16;
        let x = (area.x + 3 + before).min(area.right().saturating_sub(1));
        frame.set_cursor_position(Position::new(x, area.y));
    }
}
