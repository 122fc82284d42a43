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

/// How much of the tabs is drawn: all the names, or (when the query needs the line) only the
/// current screen's, the others by their key alone.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Form {
    Full,
    Short,
}

fn spans(ctx: &Ctx<'_>, form: Form) -> Vec<Span<'static>> {
    let theme = ctx.shared.theme();
    TABS.iter()
        .flat_map(|&(key, screen, msg)| {
            let current = ctx.shared.screen() == screen;
            let style = if current { theme.selection } else { theme.muted };
            let key_style = if current { theme.selection } else { theme.key };
            let name =
                (current || form == Form::Full).then(|| Span::styled(format!(" {} ", t(ctx.shared.lang, msg)), style));
            std::iter::once(Span::styled(format!(" {key}"), key_style)).chain(name)
        })
        .collect()
}

fn width_of(ctx: &Ctx<'_>, form: Form) -> u16 {
    spans(ctx, form).iter().map(|s| s.content.width() as u16).sum()
}

/// Draws the tabs at the right end of `line` (the top line); returns what is left of it.
pub fn draw(frame: &mut Frame<'_>, ctx: &Ctx<'_>, line: Rect) -> Rect {
    // The title beside them keeps at least 20 columns: on a narrow screen the tabs give way.
    draw_beside(frame, ctx, line, Beside { wanted: 20, needed: None })
}

/// What the left part of the top line asks of it.
#[derive(Clone, Copy)]
pub struct Beside {
    /// The columns that show all of it.
    pub wanted: u16,
    /// The columns it cannot do without (what is typed in the query, and what the query could
    /// not use): the tabs are shortened, then left out, rather than drawn over them. `None`
    /// when it can be cut instead.
    pub needed: Option<u16>,
}

/// Draws the tabs at the right end of `line`, as much of them as leaves the left part what it
/// asks; returns what is left of the line.
pub fn draw_beside(frame: &mut Frame<'_>, ctx: &Ctx<'_>, line: Rect, beside: Beside) -> Rect {
    if !ctx.shared.chrome {
        return line;
    }
    let full = width_of(ctx, Form::Full);
    let form = match beside.needed {
        _ if beside.wanted + full <= line.width => Form::Full,
        Some(needed) if needed + width_of(ctx, Form::Short) <= line.width => Form::Short,
        _ => return line,
    };
    let width = width_of(ctx, form);
    let tabs = Rect { x: line.right() - width, width, ..line };
    super::widgets::clear(frame, tabs);
    frame.render_widget(Paragraph::new(Line::from(spans(ctx, form))).style(ctx.shared.theme().base), tabs);
    Rect { width: line.width - width, ..line }
}
