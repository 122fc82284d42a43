//! The status line: how many results, the active filters (click one to remove it), catalogue
//! problems, and the keys of the focused pane, all from the key table.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use unicode_width::UnicodeWidthStr;

use super::super::action::Action;
use super::super::app::Target;
use super::super::keymap::{Binding, Context, bindings_of, key_name};
use super::super::state::BrowseState;
use super::context::Ctx;
use super::layout::{chip_text, count_text};
use crate::text::Lang;

pub fn draw(frame: &mut Frame<'_>, ctx: &Ctx<'_>, browse: &BrowseState, area: Rect) {
    let theme = ctx.shared.theme();
    let mut spans = vec![Span::styled(count_text(ctx, browse), theme.selection_unfocused)];
    for (_, _, label) in browse.active_filters(&ctx.shared.indexed) {
        spans.push(Span::styled(chip_text(&label), theme.checked.patch(theme.selection_unfocused)));
        spans.push(Span::raw(" "));
    }
    draw_after(frame, ctx, area, spans);
}

/// The status line of a screen that counts something else than the search's results (the
/// tours): its own count, the catalogue's problems and the keys.
pub fn draw_counting(frame: &mut Frame<'_>, ctx: &Ctx<'_>, area: Rect, counted: String) {
    let spans = vec![Span::styled(format!(" {counted} "), ctx.shared.theme().selection_unfocused)];
    draw_after(frame, ctx, area, spans);
}

fn draw_after(frame: &mut Frame<'_>, ctx: &Ctx<'_>, area: Rect, mut spans: Vec<Span<'static>>) {
    let theme = ctx.shared.theme();
    let width = usize::from(area.width);
    spans.splice(0..0, presentation_spans(ctx));
    if !ctx.shared.problems().is_empty() {
        spans.push(Span::styled(format!(" ⚠ {} (!) ", badge_counts(ctx)), theme.error));
    }
    let used: usize = spans.iter().map(|s| s.content.width()).sum();
    let hints = hints(ctx, width.saturating_sub(used + 2));
    let padding = width.saturating_sub(used + hints.iter().map(|s| s.content.width()).sum::<usize>());
    spans.push(Span::raw(" ".repeat(padding)));
    spans.extend(hints);
    frame.render_widget(Paragraph::new(Line::from(spans)), area);
}

/// The status line of screens without results: the keys of the current contexts only.
pub fn draw_hints_only(frame: &mut Frame<'_>, ctx: &Ctx<'_>, area: Rect) {
    let width = usize::from(area.width);
    let mut spans = presentation_spans(ctx);
    let used: usize = spans.iter().map(|s| s.content.width()).sum();
    let hints = hints(ctx, width.saturating_sub(used + 2));
    let padding = width.saturating_sub(used + hints.iter().map(|s| s.content.width()).sum::<usize>());
    spans.push(Span::raw(" ".repeat(padding)));
    spans.extend(hints);
    frame.render_widget(Paragraph::new(Line::from(spans)), area);
}

/// A participant in a room with a presentation running: where the facilitator is (or that the
/// room rests) and how to follow, and the room line the facilitator posted, first on the line.
fn presentation_spans(ctx: &Ctx<'_>) -> Vec<Span<'static>> {
    use crate::i18n::presenting::{facilitator_at, facilitator_paused, room_line};
    let theme = ctx.theme();
    let lang = ctx.lang();
    let follow = ctx.follow;
    let Some(stage) = follow.stage().filter(|_| follow.role() == Some(super::super::state::Role::Follower)) else {
        return Vec::new();
    };
    let (stop, stops) = (stage.stop + 1, stage.stops);
    let said = if stage.resting() { facilitator_paused(stop, stops) } else { facilitator_at(stop, stops) };
    let mut spans = vec![Span::styled(format!(" {} ", said.get(lang)), theme.key)];
    if let Some(line) = &stage.line {
        spans.push(Span::styled(format!(" {} ", room_line(line).get(lang)), theme.warning));
    }
    spans
}

/// The hinted keys of the current contexts, as many as fit; `? help` is always kept, since it
/// leads to all the others.
fn hints(ctx: &Ctx<'_>, room: usize) -> Vec<Span<'static>> {
    let theme = ctx.shared.theme();
    let lang = ctx.shared.lang;
    // `? help` is kept where `?` opens the help: on the screen, not in the query box or an
    // overlay.
    let help = ctx
        .shared
        .keys()
        .iter()
        .find(|b| b.action == Action::ToggleHelp && b.context == Context::Global)
        .filter(|_| matches!(ctx.target, Target::Pane(_)));
    let mut chosen: Vec<&Binding> = Vec::new();
    let mut used = help.map_or(0, |h| hint_width(h, lang));
    // A key a more specific context takes (Tab on the overview) is not hinted with the meaning
    // it has elsewhere.
    let mut hinted: Vec<&Binding> = Vec::new();
    let mut taken: Vec<super::super::keymap::Key> = Vec::new();
    for &context in &ctx.contexts {
        let here: Vec<&Binding> = bindings_of(ctx.shared.keys(), context).collect();
        hinted.extend(here.iter().filter(|b| b.hint && !b.keys.first().is_some_and(|k| taken.contains(k))));
        taken.extend(here.iter().flat_map(|b| b.keys.iter().copied()));
    }
    for binding in hinted.into_iter().filter(|b| b.action != Action::ToggleHelp) {
        let width = hint_width(binding, lang);
        if used + width > room {
            break;
        }
        used += width;
        chosen.push(binding);
    }
    chosen.extend(help);
    chosen
        .into_iter()
        .flat_map(|binding| {
            [
                Span::styled(binding.keys.first().map(|k| key_name(k, lang)).unwrap_or_default(), theme.key),
                Span::styled(format!(" {}  ", binding.describe(lang)), theme.muted),
            ]
        })
        .collect()
}

fn hint_width(binding: &Binding, lang: Lang) -> usize {
    let key = binding.keys.first().map(|k| key_name(k, lang)).unwrap_or_default();
    key.width() + 1 + binding.describe(lang).width() + 2
}

/// A message (the command for this view, a theme change) over the bottom of the screen,
/// wrapped so that a long command can be read, and copied, whole.
pub fn draw_message(frame: &mut Frame<'_>, ctx: &Ctx<'_>, screen: Rect) {
    let Some(message) = ctx.shared.message() else { return };
    let width = screen.width.saturating_sub(1);
    if width < 4 {
        return;
    }
    let paragraph = Paragraph::new(Line::styled(message.to_string(), ctx.shared.theme().warning))
        .wrap(ratatui::widgets::Wrap { trim: false })
        .style(ctx.shared.theme().base);
    let rows = paragraph.line_count(width) as u16;
    if rows <= 1 {
        let area = Rect { x: screen.x, y: screen.bottom().saturating_sub(1), width, height: 1 };
        super::widgets::clear(frame, area);
        frame.render_widget(paragraph, area);
        return;
    }
    // Longer: a small framed overlay over the bottom of the screen (#22: two lines drawn over
    // the panes' borders read as a broken screen), every line inside its frame.
    let block = ratatui::widgets::Block::bordered()
        .border_type(ratatui::widgets::BorderType::Rounded)
        .border_style(ctx.shared.theme().warning);
    let inner_rows = (paragraph.line_count(screen.width.saturating_sub(2)) as u16).max(1);
    let height = (inner_rows + 2).min(screen.height.saturating_sub(1).max(1));
    // The frame spans the whole width: its border, not a pane's, is the last column.
    let area = Rect { x: screen.x, y: screen.bottom().saturating_sub(height), width: screen.width, height };
    super::widgets::clear(frame, area);
    frame.render_widget(paragraph.block(block), area);
}

/// Errors and warnings apart, in the words and numbers `boucle check` uses.
pub fn badge_counts(ctx: &Ctx<'_>) -> String {
    let errors = ctx.shared.problems().iter().filter(|p| p.is_error()).count();
    crate::i18n::problem_counts(ctx.shared.lang, errors, ctx.shared.problems().len() - errors)
}
