//! The tabs at the right end of the top line: `1 Browse  2 Tours  3 Overview`, the current one
//! highlighted. Screens without a tab (present mode) draw none.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use unicode_width::UnicodeWidthStr;

use super::super::screen::Screen;
use super::context::Ctx;
use crate::i18n::{Msg, t};

/// The tabs, in key order: the key that shows each, and its name.
pub const TABS: &[(char, Screen, Msg)] = &[
    ('1', Screen::Browse, Msg::TabBrowse),
    ('2', Screen::Tours, Msg::TabTours),
    ('3', Screen::Overview, Msg::TabOverview),
    ('4', Screen::Shortlist, Msg::TabShortlist),
];

fn spans(ctx: &Ctx<'_>) -> Vec<Span<'static>> {
    let theme = ctx.shared.theme();
    TABS.iter()
        .flat_map(|&(key, screen, msg)| {
            let current = ctx.shared.screen() == screen;
            let style = if current { theme.selection } else { theme.muted };
            let key_style = if current { theme.selection } else { theme.key };
            [Span::styled(format!(" {key}"), key_style), Span::styled(format!(" {} ", t(ctx.shared.lang, msg)), style)]
        })
        .collect()
}

/// How wide the tabs are.
pub fn width(ctx: &Ctx<'_>) -> u16 {
    spans(ctx).iter().map(|s| s.content.width() as u16).sum()
}

/// Draws the tabs at the right end of `line` (the top line); returns what is left of it.
pub fn draw(frame: &mut Frame<'_>, ctx: &Ctx<'_>, line: Rect) -> Rect {
    let width = width(ctx);
    // The query keeps at least half the line: on a narrow screen the tabs give way.
    if width + 20 > line.width || !ctx.shared.chrome {
        return line;
    }
    let tabs = Rect { x: line.right() - width, width, ..line };
    super::widgets::clear(frame, tabs);
    frame.render_widget(Paragraph::new(Line::from(spans(ctx))).style(ctx.shared.theme().base), tabs);
    Rect { width: line.width - width, ..line }
}
