//! The status line: how many results, the active filters (click one to remove it), catalogue
//! problems, and the keys of the focused pane, all from the key table.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use unicode_width::UnicodeWidthStr;

use super::super::app::App;
use super::super::i18n::{Msg, t};
use super::super::keymap::{Context, bindings_of, key_name};
use super::fit;
use super::layout::{chip_text, count_text};

pub fn draw(frame: &mut Frame<'_>, app: &App, area: Rect) {
    let theme = &app.theme;
    let width = usize::from(area.width);
    if let Some(message) = &app.message {
        let line = Line::styled(fit(&format!(" {message}"), width), theme.warning);
        frame.render_widget(Paragraph::new(line), area);
        return;
    }
    let mut spans = vec![Span::styled(count_text(app), theme.selection_unfocused)];
    for (_, _, label) in app.active_filters() {
        spans.push(Span::styled(chip_text(&label), theme.checked.patch(theme.selection_unfocused)));
        spans.push(Span::raw(" "));
    }
    if !app.problems.is_empty() {
        spans.push(Span::styled(
            format!(" ⚠ {} {} (!) ", app.problems.len(), t(app.lang, Msg::CatalogueProblems)),
            theme.error,
        ));
    }
    let used: usize = spans.iter().map(|s| s.content.width()).sum();
    let hints = hints(app, width.saturating_sub(used + 2));
    let padding = width.saturating_sub(used + hints.iter().map(|s| s.content.width()).sum::<usize>());
    spans.push(Span::raw(" ".repeat(padding)));
    spans.extend(hints);
    frame.render_widget(Paragraph::new(Line::from(spans)), area);
}

/// The hinted keys of the current context, then the global ones, as many as fit.
fn hints(app: &App, room: usize) -> Vec<Span<'static>> {
    let theme = &app.theme;
    let contexts =
        if app.search.editing { vec![Context::Search] } else { vec![Context::for_pane(app.focus), Context::Global] };
    let mut out = Vec::new();
    let mut used = 0;
    for binding in contexts.into_iter().flat_map(bindings_of).filter(|b| b.hint) {
        let keys = binding.keys.first().map(key_name).unwrap_or_default();
        let text = binding.describe(app.lang);
        let width = keys.width() + 1 + text.width() + 2;
        if used + width > room {
            break;
        }
        used += width;
        out.push(Span::styled(keys, theme.key));
        out.push(Span::styled(format!(" {text}  "), theme.muted));
    }
    out
}
