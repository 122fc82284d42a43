//! The entry's form over the whole screen: one row per field (its name, its value, the labels
//! of the ids picked), the problems `check` finds beside their row (on the same line when the
//! screen is wide, under it when it is not), and the picker open on a row. It reads the form's
//! state and the views' small context only ([`Ctx`]), and scrolls to keep the cursor's row in sight.

use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Borders, Paragraph};
use unicode_width::UnicodeWidthStr;

use super::super::state::FormState;
use super::super::state::form::{Row, Shown};
use super::context::Ctx;
use super::fit;
use crate::curate::form::Control;
use crate::diagnostic::Severity;
use crate::i18n::form::{FormWord, field_label, field_label_parts, form_word};
use crate::i18n::with_colon;

/// From this width a problem goes beside its row's value; below it, under the row.
const BESIDE: u16 = 120;

/// Draws the form in `area`.
pub fn draw(frame: &mut Frame<'_>, form: &FormState, ctx: &Ctx<'_>, area: Rect) {
    super::widgets::clear(frame, area);
    frame.render_widget(Block::new().style(ctx.theme().base), area);
    if area.height < 4 || area.width < 20 {
        return;
    }
    let (theme, lang) = (ctx.theme(), ctx.lang());
    let title = form_word(lang, if form.start.text.is_some() { FormWord::EditTitle } else { FormWord::NewTitle });
    let head = format!(" {title} · {}", form.relative);
    frame.render_widget(Paragraph::new(Line::styled(fit(&head, usize::from(area.width)), theme.title)), area);
    let picker_rows = if form.picker.is_some() { (area.height / 2).clamp(4, 14) } else { 0 };
    let body = Rect { y: area.y + 1, height: area.height.saturating_sub(1 + picker_rows), ..area };
    let label_width = (usize::from(area.width) * 3 / 10).clamp(12, 30);
    let beside = area.width >= BESIDE;
    let value_width = if beside {
        (usize::from(area.width) - label_width) / 2
    } else {
        usize::from(area.width).saturating_sub(label_width + 1)
    };
    let (lines, cursor_at, cursor_x) = body_lines(form, ctx, label_width, value_width, beside, usize::from(area.width));
    let height = usize::from(body.height);
    let offset = cursor_at.saturating_sub(height / 3).min(lines.len().saturating_sub(height));
    let shown: Vec<Line> = lines.into_iter().skip(offset).take(height).collect();
    frame.render_widget(Paragraph::new(shown), body);
    if form.picker.is_none()
        && let Some(x) = cursor_x
        && cursor_at >= offset
    {
        let y = body.y + (cursor_at - offset) as u16;
        if y < body.bottom() {
            frame.set_cursor_position(Position::new((area.x + x as u16).min(area.right() - 1), y));
        }
    }
    if picker_rows > 0 {
        let area = Rect { y: body.bottom(), height: picker_rows, ..area };
        draw_picker(frame, form, ctx, area);
    }
}

/// The form's lines, the line of the cursor's row, and the column of the text cursor there
/// (on a row that is typed in).
fn body_lines<'a>(
    form: &'a FormState,
    ctx: &Ctx<'_>,
    label_width: usize,
    value_width: usize,
    beside: bool,
    width: usize,
) -> (Vec<Line<'a>>, usize, Option<usize>) {
    let (theme, lang) = (ctx.theme(), ctx.lang());
    let mut lines: Vec<Line> = Vec::new();
    let problem_line = |shown: &Shown, indent: usize, room: usize| -> Line<'a> {
        let (mark, style) = match shown.severity {
            Severity::Error => ("✗ ", theme.error),
            Severity::Warning => ("⚠ ", theme.warning),
            Severity::Note => ("· ", theme.muted),
        };
        let text = fit(&format!("{mark}{}", shown.message.get(lang)), room);
        Line::from(vec![Span::raw(" ".repeat(indent)), Span::styled(text, style)])
    };
    let total: usize = form.rows.iter().map(|r| r.problems.len()).sum::<usize>() + form.whole.len();
    if total == 0 {
        lines.push(Line::styled(fit(form_word(lang, FormWord::NoProblem), width), theme.checked));
    }
    for shown in &form.whole {
        let whole = with_colon(lang, form_word(lang, FormWord::Whole));
        let mut line = problem_line(shown, 0, width.saturating_sub(whole.width() + 1));
        line.spans.insert(0, Span::styled(format!("{whole} "), theme.heading));
        lines.push(line);
    }
    let (mut cursor_at, mut cursor_x) = (0, None);
    for (i, row) in form.rows.iter().enumerate() {
        let here = i == form.cursor;
        let mark = if row.line.required { "•" } else { " " };
        let (name, part) = field_label_parts(lang, row.line.field(), row.line.part());
        let room = (label_width - 1).saturating_sub(part.width() + mark.width());
        let label = format!("{mark}{}{part}", fit(name, room));
        let label_style = if here { theme.selection } else { theme.key };
        let mut spans =
            vec![Span::styled(format!("{label:<width$}", width = label_width - 1), label_style), Span::raw(" ")];
        let (value, style, typed) = value_of(row, here, ctx);
        let value =
            // The row being typed in shows the text's end, where the cursor usually is; the
            // others, its start.
            if typed && here { tail(&value, row, value_width.saturating_sub(1)) } else { (fit(&value, value_width), 0) };
        if here && typed {
            cursor_at = lines.len();
            cursor_x = Some(label_width + value.1);
        } else if here {
            cursor_at = lines.len();
        }
        let value_text = value.0;
        let used = value_text.width();
        spans.push(Span::styled(value_text, style));
        let mut problems = row.problems.iter();
        if beside && let Some(first) = problems.next() {
            spans.push(Span::raw(" ".repeat(value_width.saturating_sub(used) + 1)));
            let room = width.saturating_sub(label_width + value_width + 1);
            spans.extend(problem_line(first, 0, room).spans);
        }
        lines.push(Line::from(spans));
        let indent = if beside { label_width + value_width + 1 } else { label_width };
        for shown in problems {
            lines.push(problem_line(shown, indent, width.saturating_sub(indent)));
        }
    }
    (lines, cursor_at, cursor_x)
}

/// A row's value as shown, its style, and whether it is typed in.
fn value_of(row: &Row, here: bool, ctx: &Ctx<'_>) -> (String, Style, bool) {
    let (theme, lang) = (ctx.theme(), ctx.lang());
    match row.control {
        Control::Kept => (row.value_text(lang).0, theme.muted, false),
        Control::One(_) | Control::Many(_) if row.ids.is_empty() => {
            let hint = if here { form_word(lang, FormWord::PickHint) } else { "" };
            (hint.to_string(), theme.muted, false)
        }
        Control::One(_) | Control::Many(_) | Control::Text | Control::Date | Control::Count | Control::Words => {
            let (text, typed) = row.value_text(lang);
            (text, theme.base, typed)
        }
    }
}

/// The end of a long text, so that what is typed stays in sight, and the cursor's column in it.
fn tail(text: &str, row: &Row, room: usize) -> (String, usize) {
    let chars: Vec<char> = text.chars().collect();
    let mut start = 0;
    while start < chars.len() && chars[start..].iter().collect::<String>().width() > room {
        start += 1;
    }
    let shown: String = chars[start..].iter().collect();
    let before: String = text[..row.input.cursor()].chars().skip(start).collect();
    (shown, before.width())
}

/// The picker: what is typed, then the matching choices, labels in the curator's language
/// and the ids that are written, the picked ones ticked.
fn draw_picker(frame: &mut Frame<'_>, form: &FormState, ctx: &Ctx<'_>, area: Rect) {
    let (theme, lang) = (ctx.theme(), ctx.lang());
    let Some(picker) = &form.picker else { return };
    let row = form.row();
    let block = Block::new()
        .borders(Borders::ALL)
        .border_type(BorderType::Thick)
        .border_style(theme.border_focused)
        .title(Line::styled(format!(" {} ", field_label(lang, row.line.field(), row.line.part())), theme.title))
        .style(theme.base);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    if inner.height < 2 || inner.width < 8 {
        return;
    }
    let query = format!("› {}", picker.query.text());
    frame.render_widget(Paragraph::new(Line::styled(fit(&query, usize::from(inner.width)), theme.key)), inner);
    let before: String = picker.query.text()[..picker.query.cursor()].to_string();
    let x = inner.x + (2 + before.width()) as u16;
    frame.set_cursor_position(Position::new(x.min(inner.right() - 1), inner.y));
    let list = Rect { y: inner.y + 1, height: inner.height - 1, ..inner };
    let rows = usize::from(list.height);
    if picker.matches.is_empty() {
        frame.render_widget(Paragraph::new(Line::styled(form_word(lang, FormWord::NoMatch), theme.muted)), list);
        return;
    }
    let offset = picker.cursor.saturating_sub(rows.saturating_sub(1));
    let many = matches!(row.control, Control::Many(_));
    let lines: Vec<Line> = picker
        .matches
        .iter()
        .enumerate()
        .skip(offset)
        .take(rows)
        .map(|(at, &choice)| {
            let choice = &row.choices[choice];
            let picked = row.ids.contains(&choice.id);
            let tick = match (many, picked) {
                (true, true) => "[x] ",
                (true, false) => "[ ] ",
                (false, true) => "● ",
                (false, false) => "○ ",
            };
            let text = fit(&format!("{tick}{}  {}", choice.label, choice.id), usize::from(list.width));
            let style = if at == picker.cursor { theme.selection } else { theme.base };
            Line::styled(text, style)
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), list);
}
