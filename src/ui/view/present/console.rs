//! The facilitator's console, beside the projector: the stop now (its title and key facts) and
//! the next one, the facilitator's notes for the stop, the time on the stop and in all, a
//! countdown to the next stop's time where the programme gives one ("14:00", in the warning
//! colour once late), the room (connected, following, free), the room's live picks (the top
//! entries, how many marked each and how many marked anything, never who) and the room line.
//! Its keys drive the presentation as the projector's do; `l` types the room line in its last
//! row. It reads the clocks the loop's tick stored.

use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::style::Modifier;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use unicode_width::UnicodeWidthStr;

use super::super::super::state::tours::stops;
use super::super::super::state::{PresentState, Slide};
use super::super::context::Ctx;
use super::super::detail::wrap;
use super::super::widgets::fit;
use super::facts::key_facts;
use crate::export::doc::EntryDoc;
use crate::i18n::presenting::{Console, clock, console, countdown, pause_screen, room_counts, room_line, stop_of};
use crate::i18n::with_colon;
use crate::model::Stop;
use crate::presentation::clock_time;

pub fn draw(frame: &mut Frame<'_>, ctx: &Ctx<'_>, present: &PresentState, area: Rect) {
    let theme = ctx.theme();
    let lang = ctx.lang();
    let width = usize::from(area.width.saturating_sub(2));
    let follow = ctx.follow;
    let now = follow.now_ms();
    let tour = present.tour().and_then(|id| ctx.shared.entry(id));
    let tour_stops = tour.map(stops).unwrap_or(&[]);
    let stop_of_slide = |position: usize| -> Option<&Stop> {
        match present.slides().get(position) {
            Some(Slide::Entry { stop: Some(stop), .. }) => tour_stops.get(*stop),
            _ => None,
        }
    };
    let title_of = |position: usize| -> Option<String> {
        match present.slides().get(position)? {
            Slide::Entry { id, .. } => ctx.shared.entry(id).map(|e| e.title().get(lang).to_string()),
            Slide::Overview => None,
        }
    };
    let position = present.position();
    let mut lines: Vec<Line> = Vec::new();

    // The head: the console, the tour, where it is, the clocks.
    let mut right = vec![stop_of(position + 1, present.slides().len()).get(lang).to_string()];
    if let Some(stage) = follow.stage() {
        right.push(format!("⏱ {} {}", clock(stage.stop_at(now) / 1000), console(lang, Console::OnStop)));
        right.push(format!("{} {}", clock(stage.total_at(now) / 1000), console(lang, Console::Total)));
    }
    let right = right.join(" · ");
    let left = format!(
        "{} · {}",
        console(lang, Console::Title),
        match follow.stage().map(|s| &s.deck) {
            Some(crate::presentation::Deck::Picks(_)) => crate::i18n::picks::title(lang).to_string(),
            _ => tour.map(|t| t.title().get(lang).to_string()).unwrap_or_default(),
        }
    );
    let left = fit(&left, width.saturating_sub(right.width() + 2));
    let padding = width.saturating_sub(left.width() + right.width());
    lines.push(Line::from(vec![
        Span::styled(left, theme.title),
        Span::raw(" ".repeat(padding)),
        Span::styled(right, theme.key),
    ]));
    if let Some(stage) = follow.stage() {
        if stage.blank {
            lines.push(Line::styled(
                fit(console(lang, Console::Blank), width),
                theme.warning.add_modifier(Modifier::BOLD),
            ));
        }
        if stage.aside.is_some() {
            lines.push(Line::styled(fit(console(lang, Console::PresentingPicks), width), theme.warning));
        }
    }
    lines.push(Line::default());

    // Now: the title and the key facts.
    let now_title = title_of(position).unwrap_or_default();
    lines.push(Line::from(vec![
        Span::styled(with_colon(lang, console(lang, Console::Now)) + " ", theme.muted),
        Span::styled(fit(&now_title, width.saturating_sub(14)), theme.title.add_modifier(Modifier::BOLD)),
    ]));
    if let Some(Slide::Entry { id, .. }) = present.slide()
        && let Some(entry) = ctx.shared.entry(id)
    {
        let doc = EntryDoc::new(ctx.shared.catalogue(), entry, lang);
        for (label, value) in key_facts(&doc, lang).into_iter().take(4) {
            let label = with_colon(lang, label);
            let text = fit(&format!("  {label} {value}"), width);
            lines.push(Line::styled(text, theme.base));
        }
    }
    lines.push(Line::default());

    // Next, with its time.
    let next = match title_of(position + 1) {
        Some(title) => {
            let time = stop_of_slide(position + 1).and_then(|s| s.time.as_ref()).map(|t| t.get(lang).to_string());
            match time {
                Some(time) => format!("{title} ({time})"),
                None => title,
            }
        }
        None => console(lang, Console::LastStop).to_string(),
    };
    lines.push(Line::from(vec![
        Span::styled(with_colon(lang, console(lang, Console::Next)) + " ", theme.muted),
        Span::styled(fit(&next, width.saturating_sub(14)), theme.base),
    ]));
    // The countdown to the next stop's clock time.
    if let Some((time, at)) = stop_of_slide(position + 1)
        .and_then(|s| s.time.as_ref())
        .and_then(|t| t.variants().find_map(|v| clock_time(v.as_str()).map(|at| (v.as_str().to_string(), at))))
    {
        let seconds = i64::from(at) - i64::from(follow.local_seconds());
        let style = if seconds < 0 { theme.error.add_modifier(Modifier::BOLD) } else { theme.key };
        lines.push(Line::styled(format!("⏰ {}", countdown(&time, seconds).get(lang)), style));
    }
    lines.push(Line::default());

    // The facilitator's notes for this stop, whole.
    lines.push(Line::styled(console(lang, Console::Notes), theme.muted.add_modifier(Modifier::BOLD)));
    match stop_of_slide(position).and_then(|s| s.note.as_ref()).map(|n| n.get(lang)).filter(|n| !n.trim().is_empty()) {
        Some(note) => {
            for line in note.split('\n') {
                lines.extend(wrap::hanging(
                    vec![Span::styled("▌ ", theme.key), Span::styled(line.to_string(), theme.base)],
                    2,
                    width,
                ));
            }
        }
        None => lines.push(Line::styled(console(lang, Console::NoNotes), theme.muted)),
    }
    lines.push(Line::default());

    // The room, and its line.
    if let Some(stage) = follow.stage() {
        if let Some(room) = &stage.room {
            lines.push(Line::styled(room_counts(room.connected, room.following).get(lang).to_string(), theme.base));
        }
        if let Some(line) = &stage.line {
            lines.push(Line::styled(fit(room_line(line).get(lang), width), theme.warning));
        }
        if let Some(picks) = &stage.picks {
            lines.push(Line::default());
            lines.extend(picks_lines(ctx, picks, width));
        }
    }
    let inner = Rect { x: area.x + 1, width: area.width.saturating_sub(2), ..area };
    let body = Rect { height: inner.height.saturating_sub(1), ..inner };
    frame.render_widget(Paragraph::new(lines).style(theme.base), body);
    let footer = Rect { y: inner.bottom().saturating_sub(1), height: 1, ..inner };
    draw_quiet_line(frame, ctx, body);
    match follow.typing() {
        Some(input) => draw_room_line_box(frame, ctx, input, footer),
        None => {
            let keys = Line::styled(fit(console(lang, Console::Keys), width), theme.muted);
            frame.render_widget(Paragraph::new(keys).style(theme.base), footer);
        }
    }
}

/// What a key said, or the start (a shortlist id skipped), on the console's quiet line: the
/// last rows of its body, over the keys, wrapped so that it is read whole, in no frame that
/// pops up. The projector never shows it.
fn draw_quiet_line(frame: &mut Frame<'_>, ctx: &Ctx<'_>, body: Rect) {
    let Some(message) = ctx.shared.message() else { return };
    let paragraph = Paragraph::new(Line::styled(message.to_string(), ctx.theme().warning))
        .wrap(ratatui::widgets::Wrap { trim: false })
        .style(ctx.theme().base);
    let rows = u16::try_from(paragraph.line_count(body.width)).unwrap_or(u16::MAX).min(body.height / 2).max(1);
    let area = Rect { y: body.bottom().saturating_sub(rows), height: rows, ..body };
    super::super::widgets::clear(frame, area);
    frame.render_widget(paragraph, area);
}

/// The most entries the console lists of the room's picks.
const TOP_PICKS: usize = 5;

/// The room's picks: a head with how many marked anything, then the top entries, a count each.
fn picks_lines(ctx: &Ctx<'_>, picks: &crate::presentation::RoomPicks, width: usize) -> Vec<Line<'static>> {
    use crate::i18n::picks as say;
    let (theme, lang) = (ctx.theme(), ctx.lang());
    let head = format!("{} · {}", say::title(lang), say::participants(lang, picks.participants));
    let mut lines = vec![Line::styled(fit(&head, width), theme.muted.add_modifier(Modifier::BOLD))];
    if picks.ranked.is_empty() {
        lines.push(Line::styled(format!("  {}", say::none_yet(lang)), theme.muted));
    }
    for (rank, (id, count)) in picks.ranked.iter().take(TOP_PICKS).enumerate() {
        let title = ctx.shared.catalogue().get(id).map_or_else(|| id.clone(), |e| e.title().get(lang).to_string());
        let text = format!("{:>3}. {count:>3} × {title}", rank + 1);
        lines.push(Line::styled(fit(&text, width), theme.base));
    }
    lines
}

/// The room line being typed (`l`), in the last row, with the cursor in it.
pub fn draw_room_line_box(frame: &mut Frame<'_>, ctx: &Ctx<'_>, input: &crate::ui::state::TextInput, area: Rect) {
    let theme = ctx.theme();
    let prompt = format!("{} ", console(ctx.lang(), Console::RoomLinePrompt));
    // A line longer than the room left shows its end, where the cursor is as it is typed.
    let room = usize::from(area.width).saturating_sub(prompt.width() + 1).max(1);
    let before = &input.text()[..input.cursor()];
    let mut start = 0;
    while before[start..].width() > room {
        start += before[start..].chars().next().map_or(1, char::len_utf8);
    }
    let shown = fit(&input.text()[start..], room);
    let line = Line::from(vec![Span::styled(prompt.clone(), theme.key), Span::styled(shown, theme.base)]);
    frame.render_widget(Paragraph::new(line).style(theme.base), area);
    let x = area.x + (prompt.width() + before[start..].width()) as u16;
    frame.set_cursor_position(Position::new(x.min(area.right().saturating_sub(1)), area.y));
}

/// What followers see while the facilitator blanks or pauses: a quiet line, centred.
pub fn draw_pause(frame: &mut Frame<'_>, ctx: &Ctx<'_>, area: Rect) {
    let theme = ctx.shared.theme();
    let text = pause_screen();
    let text = text.get(ctx.lang());
    let y = area.y + area.height / 2;
    let x = area.x + area.width.saturating_sub(text.width() as u16) / 2;
    let line = Rect { x, y, width: area.width.saturating_sub(x - area.x), height: 1 };
    frame.render_widget(Paragraph::new(Line::styled(fit(text, usize::from(line.width)), theme.muted)), line);
}
