//! `?`: every key, grouped by where it works, straight from the key table.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Borders, Clear, Paragraph};
use unicode_width::UnicodeWidthStr;

use super::super::app::App;
use super::super::i18n::{Msg, t};
use super::super::keymap::{Context, bindings_of, keys_label};
use super::fit;

const CONTEXTS: [Context; 6] =
    [Context::Global, Context::Search, Context::Facets, Context::Results, Context::Detail, Context::Help];

pub fn help_lines(app: &App, width: usize) -> Vec<Line<'static>> {
    let theme = &app.theme;
    let mut lines = Vec::new();
    for context in CONTEXTS {
        if !lines.is_empty() {
            lines.push(Line::default());
        }
        lines.push(Line::styled(context.title(app.lang).to_string(), theme.heading));
        for binding in bindings_of(context) {
            let keys = format!("  {:<22}", keys_label(binding));
            let room = width.saturating_sub(keys.width());
            lines.push(Line::from(vec![
                Span::styled(keys, theme.key),
                Span::styled(fit(binding.describe(app.lang), room), theme.base),
            ]));
        }
        if context == Context::Search {
            let text = match app.lang {
                crate::text::Lang::En => "  any other key types into the query; mouse: wheel scrolls, click selects",
                crate::text::Lang::Fr => "  les autres touches s'écrivent dans la recherche ; souris : molette, clic",
            };
            lines.push(Line::styled(fit(text, width), theme.muted));
        }
    }
    lines
}

pub fn draw(frame: &mut Frame<'_>, app: &App, screen: Rect, scroll: u16) {
    let theme = &app.theme;
    let width = screen.width.saturating_sub(4).min(78);
    let height = screen.height.saturating_sub(2);
    let area =
        Rect { x: screen.x + (screen.width - width) / 2, y: screen.y + (screen.height - height) / 2, width, height };
    let block = Block::new()
        .borders(Borders::ALL)
        .border_type(BorderType::Thick)
        .border_style(theme.border_focused)
        .title(Line::styled(format!(" {} ", t(app.lang, Msg::HelpTitle)), theme.title))
        .title_bottom(Line::styled(format!(" {} ", t(app.lang, Msg::HelpFooter)), theme.muted))
        .style(theme.base);
    let inner = block.inner(area);
    frame.render_widget(Clear, area);
    frame.render_widget(block, area);
    let lines = help_lines(app, usize::from(inner.width));
    let max_scroll = lines.len().saturating_sub(usize::from(inner.height)) as u16;
    frame.render_widget(Paragraph::new(lines).scroll((scroll.min(max_scroll), 0)), inner);
}
