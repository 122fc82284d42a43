//! The shortlist screen (`4`): the marked entries in the order the participant keeps them, each
//! with its note; marks of entries this catalogue does not have (marked in another catalogue,
//! or since removed) stay, shown apart as kept: one shortlist follows the participant across
//! catalogues, so moving between `--catalogue` folders never loses a mark.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Borders, List, ListItem, Paragraph, Wrap};

use super::super::frame::FrameFacts;
use super::super::state::ShortlistScreen;
use super::context::Ctx;
use super::detail::removed_said;
use super::status;
use super::widgets::{as_selected, fit, fit_spans};
use crate::i18n::{Word, empty_shortlist, kind_name, no_note, word};
use crate::ui::action::Action;
use crate::ui::keymap::{Context, first_key_name};

pub fn draw(frame: &mut Frame<'_>, ctx: &Ctx<'_>, shortlist: &ShortlistScreen, screen: Rect, facts: &mut FrameFacts) {
    let theme = ctx.shared.theme();
    let lang = ctx.shared.lang;
    let list = ctx.shared.shortlist();
    // The tabs on the top line, as on every screen.
    let top = u16::from(ctx.shared.chrome);
    if top > 0 {
        let rest = super::tabs::draw(frame, ctx, Rect { height: 1, ..screen });
        frame.render_widget(
            Paragraph::new(Line::styled(format!(" ★ {}", word(lang, Word::MyShortlist)), theme.title)),
            rest,
        );
    }
    let main = Rect { y: screen.y + top, height: screen.height.saturating_sub(1 + top), ..screen };
    let status_area =
        Rect { y: screen.bottom().saturating_sub(1), height: 1, width: screen.width.saturating_sub(1), ..screen };
    let title = format!(" ★ {} · {} ", word(lang, Word::MyShortlist), list.len());
    let mut block = Block::new()
        .borders(Borders::ALL)
        .border_type(BorderType::Thick)
        .border_style(theme.border_focused)
        .title(Line::styled(title, theme.title));
    // In a room, the server's file is not the participant's business: the take-home lines are.
    if let (None, Some(file)) = (ctx.shared.take_home(), ctx.shared.shortlist_file()) {
        let room = usize::from(screen.width).saturating_sub(6);
        let text = fit(&format!(" {} {} ", word(lang, Word::ShortlistFile), file.display()), room);
        block = block.title_bottom(Line::styled(text, theme.muted));
    }
    let mut inner = block.inner(main);
    frame.render_widget(block, main);
    if let Some(home) = ctx.shared.take_home() {
        inner = take_home(frame, ctx, home, inner);
    }
    status::draw_hints_only(frame, ctx, status_area);
    if inner.width < 4 || inner.height == 0 {
        return;
    }
    if list.is_empty() {
        let empty = Paragraph::new(Line::styled(
            empty_shortlist(lang, &first_key_name(ctx.shared.keys(), Context::Global, Action::ToggleMark, lang)),
            theme.muted,
        ))
        .wrap(Wrap { trim: true });
        frame.render_widget(empty, inner);
        return;
    }
    let width = usize::from(inner.width);
    let rows = usize::from(inner.height / 2).max(1);
    facts.list_rows = rows;
    let cursor = shortlist.cursor(list.len());
    let offset = cursor.saturating_sub(rows - 1);
    let note_key = first_key_name(ctx.shared.keys(), Context::Shortlist, Action::EditNote, lang);
    let items: Vec<ListItem> = list
        .items()
        .iter()
        .enumerate()
        .skip(offset)
        .take(rows)
        .map(|(at, item)| {
            let number = format!(" {:>2}. ", at + 1);
            let first = match ctx.shared.entry(&item.id) {
                Some(entry) => vec![
                    Span::styled(number, theme.muted),
                    Span::styled(entry.title().get(lang).to_string(), theme.title),
                    Span::styled(format!("  {}", kind_name(lang, entry.kind)), theme.kind_badge),
                ],
                // An entry a reload removed this session: said as the entry pane says it, the
                // mark kept all the same.
                None if ctx.shared.gone(item.id.as_str()).is_some() => {
                    vec![Span::styled(number, theme.muted), Span::styled(removed_said(ctx, &item.id), theme.warning)]
                }
                // A mark from another catalogue: shown apart, muted, as kept, not as an error
                // to clear (#22: a participant deleted good marks).
                None => vec![
                    Span::styled(number, theme.muted),
                    Span::styled(item.id.to_string(), theme.muted),
                    Span::styled(format!("  ○ {}", word(lang, Word::MissingLong)), theme.muted),
                ],
            };
            let second = if item.note.is_empty() {
                Line::styled(fit(&format!("      {}", no_note(lang, &note_key)), width), theme.muted)
            } else {
                Line::styled(fit(&format!("      ✎ {}", item.note), width), theme.base)
            };
            let lines = vec![Line::from(fit_spans(first, width)), second];
            if at == cursor {
                ListItem::new(lines.into_iter().map(|l| as_selected(l, theme.selection)).collect::<Vec<_>>())
                    .style(theme.selection)
            } else {
                ListItem::new(lines)
            }
        })
        .collect();
    frame.render_widget(List::new(items), inner);
}

/// The retrieval code and the command that takes the shortlist home, at the bottom of `area`
/// (wrapped, whole); returns what is left above.
fn take_home(frame: &mut Frame<'_>, ctx: &Ctx<'_>, home: &crate::ui::take_home::TakeHome, area: Rect) -> Rect {
    let (lang, theme) = (ctx.shared.lang, ctx.shared.theme());
    let command = home.command(lang, crate::export::handout::Format::Html);
    let width = usize::from(area.width.max(1));
    let said = crate::i18n::take_home::code_line(lang, home.code.as_deref());
    let rows = |text: &str| unicode_width::UnicodeWidthStr::width(text).div_ceil(width).max(1);
    let height = u16::try_from(rows(&said) + rows(&command)).unwrap_or(u16::MAX);
    if area.height < height + 3 {
        return area;
    }
    let bottom = Rect { y: area.bottom() - height, height, ..area };
    let lines = vec![Line::styled(said, theme.muted), Line::styled(command, theme.key)];
    frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: false }), bottom);
    Rect { height: area.height - height - 1, ..area }
}
