//! Small boxes over the screen: the export dialog (what, format, file; replace?; where it went)
//! and the note of a shortlist entry. Each shows the keys it takes at its bottom.

use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Borders, Paragraph, Wrap};
use unicode_width::UnicodeWidthStr;

use super::super::state::{ExportDialog, ExportScope, ExportStep, ShortlistScreen, TextInput};
use super::context::Ctx;
use crate::export::handout::Format;
use crate::i18n::{Word, with_colon, word};

/// A box of `height` rows in the middle of the screen, at most 76 columns wide.
fn boxed<'a>(
    frame: &mut Frame<'_>,
    ctx: &Ctx<'_>,
    screen: Rect,
    height: u16,
    title: &str,
    help: &str,
) -> (Rect, Block<'a>) {
    boxed_wide(frame, ctx, screen, (76, height), title, help)
}

/// As [`boxed`], up to `widest` columns (a command line shown whole, where the screen allows).
fn boxed_wide<'a>(
    frame: &mut Frame<'_>,
    ctx: &Ctx<'_>,
    screen: Rect,
    (widest, height): (u16, u16),
    title: &str,
    help: &str,
) -> (Rect, Block<'a>) {
    let width = screen.width.saturating_sub(4).min(widest);
    let height = height.min(screen.height.saturating_sub(2));
    let area =
        Rect { x: screen.x + (screen.width - width) / 2, y: screen.y + (screen.height - height) / 2, width, height };
    let theme = ctx.shared.theme();
    let block = Block::new()
        .borders(Borders::ALL)
        .border_type(BorderType::Thick)
        .border_style(theme.border_focused)
        .title(Line::styled(format!(" {title} "), theme.title))
        .title_bottom(Line::styled(format!(" {help} "), theme.muted))
        .style(theme.base);
    super::widgets::clear(frame, area);
    (area, block)
}

/// A text box's line, with the terminal's cursor at its cursor when it has the keys.
fn text_line(frame: &mut Frame<'_>, ctx: &Ctx<'_>, area: Rect, label: &str, text: &TextInput, editing: bool) {
    let theme = ctx.shared.theme();
    let prefix = format!("{label} ");
    let room = usize::from(area.width).saturating_sub(prefix.width() + 1);
    // The end of a long text stays in view while typing.
    let shown: String = {
        let chars: Vec<char> = text.text().chars().collect();
        let mut start = 0;
        while chars[start..].iter().collect::<String>().width() > room && start < chars.len() {
            start += 1;
        }
        chars[start..].iter().collect()
    };
    let line = Line::from(vec![Span::styled(prefix.clone(), theme.key), Span::styled(shown.clone(), theme.base)]);
    frame.render_widget(Paragraph::new(line), area);
    if editing {
        let hidden = text.text().chars().count() - shown.chars().count();
        let before: String = text.text()[..text.cursor()].chars().skip(hidden).collect();
        let x = area.x + (prefix.width() + before.width()) as u16;
        frame.set_cursor_position(Position::new(x.min(area.right().saturating_sub(1)), area.y));
    }
}

pub fn draw_note(frame: &mut Frame<'_>, ctx: &Ctx<'_>, shortlist: &ShortlistScreen, screen: Rect) {
    let lang = ctx.shared.lang;
    let (area, block) = boxed(frame, ctx, screen, 3, word(lang, Word::NoteTitle), word(lang, Word::NoteHelp));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    if let Some(note) = shortlist.note() {
        text_line(frame, ctx, inner, "✎", note.input(), true);
    }
}

pub fn draw_export(frame: &mut Frame<'_>, ctx: &Ctx<'_>, dialog: &ExportDialog, screen: Rect) {
    let lang = ctx.shared.lang;
    let theme = ctx.shared.theme();
    let help = match dialog.step() {
        ExportStep::Choose => Word::ExportChooseHelp,
        ExportStep::Path => Word::ExportPathHelp,
        ExportStep::Confirm => Word::ExportConfirmHelp,
        ExportStep::Done(_) | ExportStep::TakeHome { .. } => Word::ExportDoneHelp,
    };
    // A take-home's command is shown on one line where the screen is wide enough, to be copied.
    let (widest, height) = match dialog.step() {
        ExportStep::TakeHome { command, .. } => {
            (u16::try_from(command.chars().count() + 2).unwrap_or(u16::MAX).max(76), 12)
        }
        _ => (76, 9),
    };
    let (area, block) = boxed_wide(frame, ctx, screen, (widest, height), word(lang, Word::Export), word(lang, help));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    if inner.width < 8 || inner.height < 3 {
        return;
    }
    let width = usize::from(inner.width);
    let choosing = *dialog.step() == ExportStep::Choose;
    let chosen = if choosing { theme.selection } else { theme.checked };
    let row = |y: u16| Rect { y: inner.y + y, height: 1, ..inner };
    let scope = Line::from(vec![
        Span::styled(format!("{} ", with_colon(lang, word(lang, Word::ExportScope))), theme.key),
        Span::styled(if choosing { "↑↓ " } else { "" }, theme.muted),
        Span::styled(format!(" {} ", word(lang, dialog.scope().word())), chosen),
    ]);
    frame.render_widget(Paragraph::new(scope), row(0));
    let mut formats = vec![
        Span::styled(format!("{} ", with_colon(lang, word(lang, Word::ExportFormat))), theme.key),
        Span::styled(if choosing { "←→ " } else { "" }, theme.muted),
    ];
    for format in Format::ALL {
        let style = if format == dialog.format() { chosen } else { theme.muted };
        formats.push(Span::styled(format!(" {} ", format.id()), style));
    }
    frame.render_widget(Paragraph::new(Line::from(super::widgets::fit_spans(formats, width))), row(1));
    if let ExportStep::TakeHome { command, clipboard } = dialog.step() {
        let lines = vec![
            Line::styled(crate::i18n::take_home::offered(lang), theme.base),
            Line::styled(command.clone(), theme.key),
            Line::styled(clipboard.clone(), theme.muted),
        ];
        let area = Rect { y: inner.y + 3, height: inner.height.saturating_sub(3), ..inner };
        frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: false }), area);
        return;
    }
    // In a room, the shortlist is never written on the server: said up front, not a file name.
    if ctx.shared.take_home().is_some() && dialog.scope() == ExportScope::Shortlist {
        let area = Rect { y: inner.y + 3, height: inner.height.saturating_sub(3), ..inner };
        let said = Line::styled(crate::i18n::take_home::will_offer(lang), theme.base);
        frame.render_widget(Paragraph::new(said).wrap(Wrap { trim: false }), area);
        return;
    }
    let editing = *dialog.step() == ExportStep::Path;
    text_line(frame, ctx, row(3), &with_colon(lang, word(lang, Word::ExportPath)), dialog.path(), editing);
    let message = match dialog.step() {
        ExportStep::Confirm => Some(Line::styled(word(lang, Word::ExportExists), theme.warning)),
        ExportStep::Done(Ok(path)) => {
            Some(Line::styled(format!("✓ {} {}", word(lang, Word::ExportWritten), path.display()), theme.checked))
        }
        ExportStep::Done(Err(why)) => {
            Some(Line::styled(format!("✗ {} {}", word(lang, Word::ExportFailed), why.get(lang)), theme.error))
        }
        ExportStep::Choose | ExportStep::Path | ExportStep::TakeHome { .. } => None,
    };
    if let Some(message) = message
        && inner.height > 5
    {
        // A path is shown whole, wrapped if it must, so the user can find the file.
        let area = Rect { y: inner.y + 5, height: inner.height - 5, ..inner };
        frame.render_widget(Paragraph::new(message).wrap(Wrap { trim: false }), area);
    }
}
