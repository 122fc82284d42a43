//! `?`: every key, grouped by where it works, straight from the key table.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Borders, Paragraph, Wrap};
use unicode_width::UnicodeWidthStr;

use super::super::keymap::{Context, bindings_of, keys_label};
use super::super::screen::{Layer, Overlay};
use super::context::Ctx;
use super::widgets::fit;
use crate::i18n::{Msg, t};

pub fn help_lines(ctx: &Ctx<'_>, width: usize) -> Vec<Line<'static>> {
    let theme = &ctx.shared.theme;
    let mut lines = Vec::new();
    for context in Context::ALL {
        if !lines.is_empty() {
            lines.push(Line::default());
        }
        lines.push(Line::styled(context.title(ctx.shared.lang).to_string(), theme.heading));
        // The text editing keys are written once, and listed with the search box's own.
        let text = if context == Context::Search { Some(Context::Text) } else { None };
        let keymap = ctx.shared.keys();
        let text_rows = text.into_iter().flat_map(|text| bindings_of(keymap, text));
        for binding in bindings_of(keymap, context).chain(text_rows) {
            let keys = format!("  {:<22}", keys_label(binding, ctx.shared.lang));
            let room = width.saturating_sub(keys.width());
            lines.push(Line::from(vec![
                Span::styled(keys, theme.key),
                Span::styled(fit(binding.describe(ctx.shared.lang), room), theme.base),
            ]));
        }
        if context == Context::Search {
            lines.push(Line::styled(fit(t(ctx.shared.lang, Msg::HelpOtherKeys), width), theme.muted));
            lines.push(Line::styled(fit(t(ctx.shared.lang, Msg::HelpCloseMatch), width), theme.muted));
        }
        if matches!(context, Context::Input | Context::PresentJump) {
            lines.push(Line::styled(fit(t(ctx.shared.lang, Msg::HelpTextKeys), width), theme.muted));
        }
    }
    lines
}

/// The box an overlay (help, problems) takes on a screen of this size.
pub fn overlay_area(screen: Rect) -> Rect {
    // Full width on small screens: slivers of the panes beside it would only distract.
    let width = screen.width.min(100);
    let height = screen.height.saturating_sub(2);
    Rect { x: screen.x + (screen.width - width) / 2, y: screen.y + (screen.height - height) / 2, width, height }
}

/// The overlay's text area: the box less its border.
pub fn overlay_inner(screen: Rect) -> Rect {
    let area = overlay_area(screen);
    Rect { x: area.x + 1, y: area.y + 1, width: area.width.saturating_sub(2), height: area.height.saturating_sub(2) }
}

/// Draws an overlay over the screen; returns its wrapped line count and the rows it shows,
/// which bound its scrolling.
#[deny(clippy::wildcard_enum_match_arm)]
pub fn draw(frame: &mut Frame<'_>, ctx: &Ctx<'_>, layer: Layer, screen: Rect) -> (usize, u16) {
    let width = usize::from(overlay_inner(screen).width);
    let (title, lines, wraps) = match layer.overlay {
        Overlay::Problems => {
            let counts = super::status::badge_counts(ctx);
            let title =
                if ctx.shared.problems().is_empty() { format!(" {counts} ") } else { format!(" ⚠ {counts} ") };
            // Problems quote paths and messages of any length: they wrap. Help lines are fitted.
            (title, super::problems::lines(ctx, width, layer.cursor), true)
        }
        Overlay::Help => (format!(" {} ", t(ctx.shared.lang, Msg::HelpTitle)), help_lines(ctx, width), false),
        // Small boxes of their own (`dialogs`), never drawn here.
        Overlay::Export | Overlay::Note | Overlay::Form => return (0, 0),
    };
    let theme = &ctx.shared.theme;
    let area = overlay_area(screen);
    let block = Block::new()
        .borders(Borders::ALL)
        .border_type(BorderType::Thick)
        .border_style(theme.border_focused)
        .title(Line::styled(title, theme.title))
        .title_bottom(Line::styled(format!(" {} ", t(ctx.shared.lang, Msg::HelpFooter)), theme.muted))
        .style(theme.base);
    let inner = block.inner(area);
    super::widgets::clear(frame, area);
    frame.render_widget(block, area);
    let paragraph = if wraps && inner.width >= 4 {
        Paragraph::new(lines).wrap(Wrap { trim: false })
    } else {
        Paragraph::new(lines)
    };
    let total = paragraph.line_count(inner.width);
    let max_scroll = total.saturating_sub(usize::from(inner.height)) as u16;
    let scroll = match layer.overlay {
        Overlay::Problems => super::problems::scroll(ctx, layer, inner.width, inner.height),
        Overlay::Help | Overlay::Export | Overlay::Note | Overlay::Form => layer.scroll,
    };
    frame.render_widget(paragraph.scroll((scroll.min(max_scroll), 0)), inner);
    (total, inner.height)
}
