//! Present mode: one entry per screen for a projector. The title in big letters, the key facts
//! most important first (from the entry's `EntryDoc`), the facilitator's note, and a discreet
//! footer: position, day and time, the elapsed time. No chrome, no pop-up, no key hints unless
//! asked for with `?` (one muted line).

mod console;
mod facts;
mod title;

use facts::key_facts;

use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Wrap};
use unicode_width::UnicodeWidthStr;

use super::super::frame::FrameFacts;
use super::super::keymap::{Context, bindings_of, key_name};
use super::super::state::tours::stops;
use super::super::state::{PresentState, Role, Slide};
use super::context::Ctx;
use super::detail::{doc_lines, stop_note_lines, wrap};
use super::widgets::{fit, fit_spans};
use crate::export::doc::EntryDoc;
use crate::i18n::presenting::clock;
use crate::i18n::{Msg, t, with_colon};
use crate::model::Stop;

/// Which parts of a slide's screen to draw: all of it, or all but what is the viewer's own (the
/// footer: their clock, their mark, the room line), which [`draw_own`] draws over a copy.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Parts {
    All,
    Shared,
}

/// Draws the slide; when it is the overview, returns the area it goes in (the overview's own
/// view draws it there, from its part of the state).
pub fn draw(frame: &mut Frame<'_>, ctx: &Ctx<'_>, present: &PresentState, facts: &mut FrameFacts) -> Option<Rect> {
    draw_parts(frame, ctx, present, facts, Parts::All)
}

/// The viewer's own part of a slide's screen ([`Parts`]), over the rest drawn without it: the
/// footer, where [`draw`] would put it.
pub fn draw_own(frame: &mut Frame<'_>, ctx: &Ctx<'_>, present: &PresentState) {
    if let Some(footer) = own_area(ctx, present, frame.area()) {
        draw_footer(frame, ctx, present, footer);
    }
}

/// Where the viewer's own part goes on `screen` ([`draw_own`]); none where there is none (the
/// console, the pause and black screens, the room line being typed).
pub fn own_area(ctx: &Ctx<'_>, present: &PresentState, screen: Rect) -> Option<Rect> {
    let none =
        ctx.follow.role() == Some(Role::Console) || resting(ctx) || present.blank() || ctx.follow.typing().is_some();
    (!none).then(|| footer_area(screen))
}

/// A follower's pause screen: the room rests.
fn resting(ctx: &Ctx<'_>) -> bool {
    ctx.follow.following() && ctx.follow.stage().is_some_and(crate::presentation::Stage::resting)
}

/// The text's area: margins that grow with the screen keep it clear of the projector's edges.
fn text_area(screen: Rect) -> Rect {
    let margin = if screen.width >= 160 { 4 } else { 2 };
    Rect {
        x: screen.x + margin,
        y: screen.y + u16::from(screen.height >= 40),
        width: screen.width.saturating_sub(2 * margin + 1),
        height: screen.height.saturating_sub(1 + u16::from(screen.height >= 40)),
    }
}

/// The footer's row, under the text's area.
fn footer_area(screen: Rect) -> Rect {
    Rect { y: screen.bottom().saturating_sub(1), height: 1, ..text_area(screen) }
}

pub fn draw_parts(
    frame: &mut Frame<'_>,
    ctx: &Ctx<'_>,
    present: &PresentState,
    facts: &mut FrameFacts,
    parts: Parts,
) -> Option<Rect> {
    let screen = frame.area();
    if ctx.follow.role() == Some(Role::Console) {
        console::draw(frame, ctx, present, screen);
        // `g` on the console: the stop to go to, searched over the console's notes.
        if let Some(jump) = present.jump() {
            let body = Rect { y: screen.y + 1, height: screen.height.saturating_sub(2), ..screen };
            super::widgets::clear(frame, body);
            draw_jump(frame, ctx, jump, body);
        }
        return None;
    }
    if resting(ctx) {
        console::draw_pause(frame, ctx, screen);
        return None;
    }
    if present.blank() {
        // A projector's black screen, whatever the theme; without colour, an empty one.
        let black = match ctx.shared.theme_name {
            crate::ui::theme::ThemeName::Mono => Style::new(),
            _ => Style::new().bg(Color::Black).fg(Color::Black),
        };
        frame.render_widget(Block::new().style(black), screen);
        return None;
    }
    let area = text_area(screen);
    let footer = footer_area(screen);
    if let Some(input) = ctx.follow.typing() {
        // The projector of a facilitator over SSH types the room line where its footer was.
        console::draw_room_line_box(frame, ctx, input, footer);
    }
    // The keys, wrapped between keys onto as many lines as the width needs (every key shown).
    let key_lines = if present.keys() { key_lines(ctx, usize::from(area.width)) } else { Vec::new() };
    let keys_height = (key_lines.len() as u16).min(area.height / 3);
    let body = Rect { height: area.height.saturating_sub(1 + keys_height), ..area };
    if keys_height > 0 {
        let keys_area = Rect { y: footer.y.saturating_sub(keys_height), height: keys_height, ..footer };
        frame.render_widget(Paragraph::new(key_lines), keys_area);
    }
    if ctx.follow.typing().is_none() && parts == Parts::All {
        draw_footer(frame, ctx, present, footer);
    }
    if let Some(jump) = present.jump() {
        draw_jump(frame, ctx, jump, body);
        return None;
    }
    let shown = present.detour().cloned().or_else(|| match present.slide() {
        Some(Slide::Entry { id, .. }) => Some(id.clone()),
        _ => None,
    });
    match (present.slide(), shown) {
        (Some(Slide::Overview), None) => return Some(body),
        (_, Some(id)) => {
            let Some(index) = ctx.shared.catalogue().index_of(id.as_str()) else {
                let said = crate::i18n::presenting::stop_removed(id.as_str());
                let text = Paragraph::new(said.get(ctx.shared.lang()).to_string()).wrap(Wrap { trim: false });
                frame.render_widget(text.style(ctx.shared.theme().warning), body);
                return None;
            };
            let stop = if present.detour().is_some() { None } else { current_stop(ctx, present) };
            if present.zoom() {
                draw_zoomed(frame, ctx, present, index, stop, body, facts);
            } else {
                let note = stop.and_then(|(_, s)| s.note.as_ref().map(|n| n.get(ctx.shared.lang())));
                // A tour's stop on a wide screen: its route beside the slide, this stop lit. Made
                // only there: it looks up every stop, and a room of followers draws each step.
                let tour = present.tour().and_then(|id| ctx.shared.entry(id)).filter(|_| body.width >= MAP_BESIDE);
                let route = stop.zip(tour).and_then(|((number, _), tour)| {
                    super::overview::tour_of(ctx.shared.catalogue(), tour, ctx.shared.lang(), Some(number))
                });
                match route.filter(|r| r.stops.iter().any(Option::is_some)) {
                    Some(route) => {
                        let map_width = body.width * 2 / 5;
                        let text = Rect { width: body.width - map_width - 2, ..body };
                        let map = Rect { x: body.right() - map_width, width: map_width, ..body };
                        draw_slide(frame, ctx, index, note, text);
                        let content = super::overview::map::MapContent { tour: Some(route), ..Default::default() };
                        super::overview::draw_framed_map(frame, ctx, map, &content, false);
                    }
                    None => draw_slide(frame, ctx, index, note, body),
                }
            }
        }
        (_, None) => {}
    }
    None
}

/// From this width, a tour's stop shows the tour's route on a map beside it.
const MAP_BESIDE: u16 = 150;

/// The tour's stop the current slide is, with its number.
fn current_stop<'a>(ctx: &Ctx<'a>, present: &PresentState) -> Option<(usize, &'a Stop)> {
    let Some(Slide::Entry { stop: Some(stop), .. }) = present.slide() else { return None };
    let tour = ctx.shared.entry(present.tour()?)?;
    stops(tour).get(*stop).map(|s| (*stop, s))
}

fn draw_slide(frame: &mut Frame<'_>, ctx: &Ctx<'_>, index: usize, note: Option<&str>, area: Rect) {
    let theme = ctx.shared.theme();
    let lang = ctx.shared.lang;
    let entry = &ctx.shared.catalogue().entries()[index];
    let doc = EntryDoc::new(ctx.shared.catalogue(), entry, lang);
    let width = usize::from(area.width);
    // The note is the facilitator's: it is kept whole where it can be, at the bottom.
    let mut note_lines = Vec::new();
    if let Some(note) = note.filter(|n| !n.trim().is_empty()) {
        for line in note.split('\n') {
            note_lines.extend(wrap::hanging(
                vec![
                    Span::styled("▌ ", theme.key),
                    Span::styled(line.to_string(), theme.base.add_modifier(Modifier::ITALIC)),
                ],
                2,
                width,
            ));
        }
    }
    let note_rows = (note_lines.len() as u16).min(area.height / 3);
    // The facts as they will wrap, to give the title whatever room they leave.
    let facts = key_facts(&doc, lang);
    let label_width = facts.iter().map(|(l, _)| with_colon(lang, l).width() + 1).max().unwrap_or(0).min(width / 3);
    let mut fact_lines: Vec<Line> = Vec::new();
    // The lines of every fact but the summary, the last: the big title may take its room.
    let mut essential = 0;
    let count = facts.len();
    for (i, (label, value)) in facts.into_iter().enumerate() {
        if i + 1 == count {
            essential = fact_lines.len();
        }
        let label = fit(&format!("{:<label_width$}", with_colon(lang, label)), label_width.max(1));
        let item = wrap::hanging(
            vec![Span::styled(format!("{label} "), theme.muted), Span::styled(value, theme.base)],
            label_width + 1,
            width,
        );
        fact_lines.extend(item);
    }
    let fixed = 2 + note_rows + u16::from(note_rows > 0);
    let wanted = u16::try_from(essential).unwrap_or(u16::MAX);
    let max_title =
        area.height.saturating_sub(fixed + wanted).clamp((area.height / 4).max(1), (area.height / 2).max(1));
    let title_rows = title::height(&doc.title, area.width, max_title).min(max_title);
    title::draw(frame, &doc.title, theme.title, Rect { height: title_rows, ..area }, max_title);
    let mut lines = Vec::new();
    let mut head = vec![Span::styled(doc.kind_word.to_string(), theme.kind_badge)];
    if let Some(dates) = &doc.dates {
        head.push(Span::styled(format!(" · {dates}"), theme.muted));
    }
    lines.push(Line::from(fit_spans(head, width)));
    lines.push(Line::default());
    let room = usize::from(area.height.saturating_sub(title_rows + note_rows + u16::from(note_rows > 0)));
    if lines.len() + fact_lines.len() > room {
        // The last fact that fits in part ends with an ellipsis; the most important come first.
        fact_lines.truncate(room.saturating_sub(lines.len()));
        if let Some(last) = fact_lines.last_mut() {
            last.spans.push(Span::styled("…", theme.muted));
        }
    }
    lines.extend(fact_lines);
    if note_rows > 0 {
        lines.push(Line::default());
        lines.extend(note_lines.into_iter().take(usize::from(note_rows)));
    }
    let body = Rect { y: area.y + title_rows, height: area.height.saturating_sub(title_rows), ..area };
    frame.render_widget(Paragraph::new(lines).style(theme.base), body);
}

/// `z`: the entry's whole text, as the entry pane has it, scrollable.
fn draw_zoomed(
    frame: &mut Frame<'_>,
    ctx: &Ctx<'_>,
    present: &PresentState,
    index: usize,
    stop: Option<(usize, &Stop)>,
    area: Rect,
    facts: &mut FrameFacts,
) {
    let mut lines = Vec::new();
    if let (Some((number, _)), Some(tour)) =
        (stop, present.tour().and_then(|id| ctx.shared.catalogue().index_of(id.as_str())))
    {
        lines.extend(stop_note_lines(ctx, tour, number, area.width));
    }
    lines.extend(doc_lines(ctx, index, area.width, None).0);
    let paragraph = Paragraph::new(lines).style(ctx.shared.theme().base).wrap(Wrap { trim: false });
    let total = paragraph.line_count(area.width);
    let max = u16::try_from(total.saturating_sub(usize::from(area.height))).unwrap_or(u16::MAX);
    facts.scroll_max = Some(max);
    frame.render_widget(paragraph.scroll((present.scroll().min(max), 0)), area);
}

fn draw_jump(frame: &mut Frame<'_>, ctx: &Ctx<'_>, jump: &super::super::state::Jump, area: Rect) {
    let theme = ctx.shared.theme();
    let lang = ctx.shared.lang;
    let prompt = format!("{} ", with_colon(lang, t(lang, Msg::JumpPrompt)));
    let line = Line::from(vec![
        Span::styled(prompt.clone(), theme.key),
        Span::styled(jump.text.text().to_string(), theme.base),
    ]);
    frame.render_widget(Paragraph::new(line), Rect { height: 1, ..area });
    let x = area.x + (prompt.width() + jump.text.text()[..jump.text.cursor()].width()) as u16;
    frame.set_cursor_position(Position::new(x.min(area.right().saturating_sub(1)), area.y));
    let list = Rect { y: area.y + 2, height: area.height.saturating_sub(2), ..area };
    if jump.hits.is_empty() {
        frame.render_widget(Paragraph::new(Line::styled(t(lang, Msg::JumpNoMatch), theme.muted)), list);
        return;
    }
    let width = usize::from(list.width);
    let rows = usize::from(list.height);
    let first = jump.cursor.saturating_sub(rows.saturating_sub(1));
    let lines: Vec<Line> = jump
        .hits
        .iter()
        .enumerate()
        .skip(first)
        .take(rows)
        .filter_map(|(i, id)| {
            let entry = ctx.shared.entry(id)?;
            let style = if i == jump.cursor { theme.selection } else { theme.base.add_modifier(Modifier::BOLD) };
            let spans = vec![
                Span::styled(entry.title().get(lang).to_string(), style),
                Span::styled(format!("  {}", crate::i18n::kind_name(lang, entry.kind)), theme.muted),
            ];
            Some(Line::from(fit_spans(spans, width)))
        })
        .collect();
    frame.render_widget(Paragraph::new(lines).style(theme.base), list);
}

/// The seconds the footer's clock shows: in a shared presentation, the presentation's time in
/// all, which the console shows too, on the projector and on every follower's screen alike
/// (each view's own start would differ by when it opened or began to follow); alone, since
/// present mode began.
fn shown_seconds(ctx: &Ctx<'_>, present: &PresentState) -> u64 {
    let shared = ctx.follow.role() == Some(Role::Projector) || ctx.follow.following();
    match ctx.follow.stage().filter(|_| shared) {
        Some(stage) => stage.total_at(ctx.follow.now_ms()) / 1000,
        None => present.elapsed(),
    }
}

/// The columns a follower's line needs beside the footer's right part (the French one, marked).
const FOLLOWING_ROOM: usize = 60;

/// The footer: where the deck comes from on the left; position, day, time and clock on the right.
fn draw_footer(frame: &mut Frame<'_>, ctx: &Ctx<'_>, present: &PresentState, area: Rect) {
    let theme = ctx.shared.theme();
    let lang = ctx.shared.lang;
    let mut right = Vec::new();
    if let Some((_, stop)) = current_stop(ctx, present).filter(|_| present.detour().is_none()) {
        if let Some(day) = stop.day {
            right.push(day.to_string());
        }
        if let Some(time) = &stop.time {
            right.push(time.get(lang).to_string());
        }
    }
    right.push(format!("{}/{}", present.position() + 1, present.slides().len()));
    right.push(format!("⏱ {}", clock(shown_seconds(ctx, present))));
    let following = ctx.follow.stage().filter(|_| ctx.follow.following());
    // A follower's line of how to leave comes before the stop's day and time, which the
    // programme holds: on a narrow screen those go.
    let position = right.len() - 2;
    let full = right.join(" · ");
    let right = if following.is_some() && full.width() + FOLLOWING_ROOM > usize::from(area.width) {
        right[position..].join(" · ")
    } else {
        full
    };
    let picks = ctx.follow.stage().and_then(|stage| match &stage.deck {
        crate::presentation::Deck::Picks(picks) if present.detour().is_none() => {
            let count = picks.ranked.get(present.position()).map_or(0, |(_, n)| *n);
            let said = crate::i18n::presenting::pick_slide(
                present.position() + 1,
                picks.ranked.len(),
                count,
                picks.participants,
            );
            Some(said)
        }
        _ => None,
    });
    // The room line on the projector too, as the room's followers see it (a line posted with
    // `--say` or the console's `l` was seen only on the console).
    let posted = ctx.follow.stage().filter(|_| following.is_none()).and_then(|s| s.line.as_ref());
    let posted = posted.map(|l| format!("{}  ", crate::i18n::presenting::room_line(l).get(lang))).unwrap_or_default();
    let left = if let (Some(said), None) = (&picks, following) {
        // The room's picks on the projector: the rank and the count, for the room to discuss.
        Span::styled(format!("{posted}{}", said.get(lang)), theme.key)
    } else if let Some(stage) = following {
        // A follower: where the facilitator is, how to break away; a stop they marked is starred.
        let marked = matches!(present.slide(), Some(Slide::Entry { id, .. }) if ctx.shared.is_marked(id));
        let said = match picks {
            Some(picks) => picks,
            None => crate::i18n::presenting::following(stage.stop + 1, stage.stops),
        };
        // The room line first: it is what the facilitator wants read.
        let line = stage.line.as_ref().map(|l| format!("{}  ", crate::i18n::presenting::room_line(l).get(lang)));
        Span::styled(
            format!("{}{}{}", line.unwrap_or_default(), if marked { "★ " } else { "" }, said.get(lang)),
            theme.key,
        )
    } else if let Some(message) = ctx.shared.message() {
        // What a key said (`p` outside a room): nothing pops up over a slide, so the driver
        // reads it where the tour's name was, until the next key.
        Span::styled(message.to_string(), theme.warning)
    } else if present.detour().is_some() {
        Span::styled(t(lang, Msg::Detour).to_string(), theme.warning)
    } else if !posted.is_empty() {
        let tour = present.tour().and_then(|id| ctx.shared.entry(id)).map(|e| e.title().get(lang).to_string());
        Span::styled(format!("{posted}{}", tour.unwrap_or_default()), theme.key)
    } else {
        let tour = present.tour().and_then(|id| ctx.shared.entry(id)).map(|e| e.title().get(lang).to_string());
        Span::styled(tour.unwrap_or_default(), theme.muted)
    };
    let width = usize::from(area.width);
    let room = width.saturating_sub(right.width() + 2);
    let left = Span::styled(fit(&left.content, room), left.style);
    let padding = width.saturating_sub(left.content.width() + right.width());
    let line = Line::from(vec![left, Span::raw(" ".repeat(padding)), Span::styled(right, theme.muted)]);
    frame.render_widget(Paragraph::new(line).style(theme.base), area);
}

/// `?` in present mode: the keys on one muted line, from the key table.
/// Present mode's keys as lines of `width`: each key with what it does, never cut in the middle
/// (a key too long for a line of its own is fitted to it).
fn key_lines(ctx: &Ctx<'_>, width: usize) -> Vec<Line<'static>> {
    let theme = ctx.shared.theme();
    let mut lines: Vec<Line<'static>> = Vec::new();
    let mut current: Vec<Span<'static>> = Vec::new();
    let mut used = 0;
    for b in bindings_of(ctx.shared.keys(), Context::Present) {
        let keys: Vec<String> = b.keys.iter().map(|k| key_name(k, ctx.shared.lang)).collect();
        let item = vec![
            Span::styled(keys.join("/"), theme.muted.add_modifier(Modifier::BOLD)),
            Span::styled(format!(" {}", b.describe(ctx.shared.lang())), theme.muted),
        ];
        let wide: usize = item.iter().map(|s| s.content.width()).sum();
        let gap = if current.is_empty() { 0 } else { 3 };
        if !current.is_empty() && used + gap + wide > width {
            lines.push(Line::from(std::mem::take(&mut current)));
            used = 0;
        }
        if !current.is_empty() {
            current.push(Span::styled("   ", theme.muted));
            used += 3;
        }
        used += wide;
        current.extend(fit_spans(item, width));
    }
    if !current.is_empty() {
        lines.push(Line::from(current));
    }
    lines
}
