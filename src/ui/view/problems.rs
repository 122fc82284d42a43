//! `!`: the catalogue's problems, grouped as `boucle check` prints them (errors first, the
//! references to an entry that did not load under its error), in the reader's language, with
//! a cursor; Enter opens the editor at the problem's line.

use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Wrap};

use super::super::screen::Layer;
use super::context::Ctx;
use super::widgets::fit;
use crate::diagnostic::Diagnostic;
use crate::i18n::{Msg, t};

/// The lines of one problem: where, what, the suggestion and its follow-ons.
fn problem_lines(ctx: &Ctx<'_>, problem: &Diagnostic, selected: bool) -> Vec<Line<'static>> {
    let (theme, lang) = (&ctx.shared.theme, ctx.shared.lang);
    let marker = if selected { "▶ " } else { "  " };
    let place_style = if problem.is_error() { theme.error } else { theme.warning };
    let place_style = if selected { place_style.patch(theme.selection_unfocused) } else { place_style };
    let place = format!("{marker}{}:{}:{}", problem.file, problem.start.line, problem.start.column);
    let mut lines =
        vec![Line::styled(place, place_style), Line::styled(format!("    {}", problem.message.get(lang)), theme.base)];
    if let Some(suggestion) = &problem.suggestion {
        lines.push(Line::styled(format!("    {}", suggestion.get(lang)), theme.muted));
    }
    if let Some(follow_ons) = problem.follow_on_said() {
        lines.push(Line::styled(format!("    {}", follow_ons.get(lang)), theme.muted));
    }
    lines
}

/// Every line of the panel.
pub fn lines(ctx: &Ctx<'_>, width: usize, cursor: usize) -> Vec<Line<'static>> {
    let theme = &ctx.shared.theme;
    let mut lines: Vec<Line<'static>> = Vec::new();
    for (index, problem) in ctx.shared.problems().iter().enumerate() {
        lines.extend(problem_lines(ctx, problem, index == cursor));
    }
    if ctx.shared.problems().is_empty() {
        lines.push(Line::styled(t(ctx.shared.lang, Msg::NoProblems), theme.checked));
    }
    lines.push(Line::default());
    lines.push(Line::styled(fit(t(ctx.shared.lang, Msg::ProblemsHint), width), theme.muted));
    lines
}

/// The scroll that keeps the problem under the cursor in sight, starting from the layer's
/// own: wrapped lines are counted as the panel draws them.
pub fn scroll(ctx: &Ctx<'_>, layer: Layer, width: u16, height: u16) -> u16 {
    if width < 4 {
        return layer.scroll;
    }
    let rows = |problem: &Diagnostic, selected: bool| {
        Paragraph::new(problem_lines(ctx, problem, selected)).wrap(Wrap { trim: false }).line_count(width)
    };
    let before: usize = ctx.shared.problems().iter().take(layer.cursor).map(|p| rows(p, false)).sum();
    let own = ctx.shared.problems().get(layer.cursor).map_or(0, |p| rows(p, true));
    let (top, bottom) = (before, before + own);
    let scroll = usize::from(layer.scroll);
    let height = usize::from(height);
    let scroll = if top < scroll {
        top
    } else if bottom > scroll + height {
        bottom.saturating_sub(height).min(top)
    } else {
        scroll
    };
    u16::try_from(scroll).unwrap_or(u16::MAX)
}
