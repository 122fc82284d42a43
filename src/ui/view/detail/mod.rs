//! The entry pane: the entry's [`EntryDoc`] drawn block by block, the same document that
//! `boucle show` and the exports walk, so the pane and a handout name and order things alike.
//! Its links can be followed.

pub(super) mod wrap;

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

use super::super::action::Pane;
use super::super::frame::{EntryFacts, EntryText, EntryTextKey};
use super::super::state::BrowseState;
use super::context::Ctx;
use super::widgets::pane_block;
use crate::export::doc::{Block, EntryDoc, Field, Link, ReviewItem, SourceItem, StopItem, Value};
use crate::export::handout::addresses;
use crate::i18n::{KeyWord, Msg, key_word, t, with_colon};
use crate::model::Id;
use std::sync::Arc;
use unicode_width::UnicodeWidthStr;

/// What a screen says of an entry it names that the catalogue no longer has: as the entry
/// pane says it (title and file) when a reload removed it this session, else by its id.
pub(super) fn removed_said(ctx: &Ctx<'_>, id: &Id) -> String {
    let said = match ctx.shared.gone(id.as_str()) {
        Some(removed) => crate::i18n::entry_removed(removed.title.get(ctx.shared.lang), &removed.file),
        None => crate::i18n::presenting::stop_removed(id.as_str()),
    };
    said.get(ctx.shared.lang).to_string()
}

/// Draws the entry pane; says what it drew, to bound scrolling and find clicked links.
pub fn draw(frame: &mut Frame<'_>, ctx: &Ctx<'_>, browse: &BrowseState, area: Rect) -> EntryFacts {
    let theme = &ctx.shared.theme;
    let mut facts = EntryFacts { entry: browse.shown_id().cloned(), ..EntryFacts::default() };
    let mut title = vec![Span::styled(format!(" {} ", t(ctx.shared.lang, Msg::Detail)), theme.title)];
    if !browse.trail.is_empty() {
        title.push(Span::styled(format!("← {} ", t(ctx.shared.lang, Msg::Back)), theme.muted));
    }
    let block = pane_block(ctx, Pane::Detail, Line::from(title));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    // Wrapping wide characters into fewer than four columns trips a ratatui bug; such a pane
    // is too narrow to read anyway.
    if inner.width < 4 || inner.height == 0 {
        facts.page = inner.height;
        return facts;
    }
    // The entry shown before a reload removed it, named above what came in its place.
    let inner = match browse.removed() {
        Some(removed) => {
            let said = crate::i18n::entry_removed(removed.title.get(ctx.shared.lang), &removed.file);
            let notice = Paragraph::new(said.get(ctx.shared.lang).to_string()).wrap(Wrap { trim: false });
            let rows = u16::try_from(notice.line_count(inner.width)).unwrap_or(u16::MAX).min(inner.height);
            frame.render_widget(notice.style(theme.warning), Rect { height: rows, ..inner });
            facts.notice_rows = rows;
            Rect { y: inner.y + rows, height: inner.height - rows, ..inner }
        }
        None => inner,
    };
    facts.page = inner.height;
    if inner.height == 0 {
        return facts;
    }
    let Some(index) = browse.shown_entry(ctx.shared.catalogue()) else { return facts };
    let key = EntryTextKey {
        entry: index,
        width: inner.width,
        lang: ctx.shared.lang,
        theme: ctx.shared.theme,
        chosen: browse.trail.link(),
        stop: followed_stop(ctx, browse),
    };
    // The last frame's text, when it is this one (the entry selected while a query is typed).
    let kept = ctx.shared.frame.entry.as_ref().and_then(|entry| entry.text.as_ref());
    let text = match kept.filter(|text| text.shows(&key, &ctx.shared.indexed, |id| ctx.shared.is_marked(id))) {
        Some(text) => text.clone(),
        None => Arc::new(lay_out(ctx, key)),
    };
    let wrapped =
        |row: usize| text.before.get(row).copied().unwrap_or_else(|| text.before.last().copied().unwrap_or(0));
    facts.link_lines = text.link_rows.iter().map(|&(_, start, _)| wrapped(start)).collect();
    facts.link_ends = text.link_rows.iter().map(|&(_, _, end)| wrapped(end)).collect();
    // Drawn from the kept lines, borrowed: no copy of their text.
    let lines: Vec<Line<'_>> = text
        .lines
        .iter()
        .map(|line| Line {
            style: line.style,
            alignment: line.alignment,
            spans: line.spans.iter().map(|span| Span::styled(span.content.as_ref(), span.style)).collect(),
        })
        .collect();
    let paragraph = Paragraph::new(lines).wrap(Wrap { trim: false });
    facts.lines = wrapped(text.before.len() - 1);
    let max_scroll = u16::try_from(facts.lines.saturating_sub(usize::from(inner.height))).unwrap_or(u16::MAX);
    let mut scroll = browse.trail.scroll();
    // A chosen link comes into view whole (it may wrap onto a second line).
    if browse.trail.reveal_link()
        && let Some(&row) = browse.trail.link().and_then(|link| facts.link_lines.get(link))
    {
        let row = u16::try_from(row).unwrap_or(u16::MAX);
        if row < scroll || row.saturating_add(2) > scroll.saturating_add(inner.height) {
            scroll = row.saturating_sub(inner.height / 2);
        }
    }
    facts.scroll = scroll.min(max_scroll);
    frame.render_widget(paragraph.scroll((facts.scroll, 0)), inner);
    facts.text = Some(text);
    facts
}

/// The entry's text for the pane, with where each line starts once wrapped at its width.
fn lay_out(ctx: &Ctx<'_>, key: EntryTextKey) -> EntryText {
    // A stop followed from its tour keeps the facilitator's note above it.
    let mut lines = key.stop.map_or_else(Vec::new, |(tour, stop)| stop_note_lines(ctx, tour, stop, key.width));
    let offset = lines.len();
    let (entry, link_rows, marks) = doc_text(ctx, key.entry, key.width, key.chosen);
    lines.extend(entry);
    let mut link_rows: Vec<ChoiceRows> =
        link_rows.into_iter().map(|(choice, start, end)| (choice, start + offset, end + offset)).collect();
    // Where each link and address starts and ends once wrapped, in choice order: the lines
    // before it, wrapped at this width.
    link_rows.sort_by_key(|&(index, _, _)| index);
    // Lines wrap one by one, so each is wrapped once and the rows before any line are a sum
    // (wrapping the text before each link again cost a frame 2×links whole wraps).
    let mut before = Vec::with_capacity(lines.len() + 1);
    before.push(0);
    for line in &lines {
        let rows = Paragraph::new(line.clone()).wrap(Wrap { trim: false }).line_count(key.width);
        before.push(before.last().copied().unwrap_or(0) + rows);
    }
    EntryText { key, snapshot: Arc::downgrade(&ctx.shared.indexed), marks, lines, before, link_rows }
}

/// The tour and stop number the shown entry was followed from, when it is a tour's stop.
fn followed_stop(ctx: &Ctx<'_>, browse: &BrowseState) -> Option<(usize, usize)> {
    let visits = browse.trail.visits();
    let shown = visits.last()?;
    let from = &visits.get(visits.len().checked_sub(2)?)?.entry;
    let tour_index = ctx.shared.catalogue().index_of(from.as_str())?;
    let tour = &ctx.shared.catalogue().entries()[tour_index];
    let stop = crate::ui::state::tours::stops(tour).iter().position(|s| s.entry == shown.entry)?;
    Some((tour_index, stop))
}

/// "Stop 3/9 · tour title, day, time", then the facilitator's note, hanging under its marker.
pub(super) fn stop_note_lines(ctx: &Ctx<'_>, tour_index: usize, stop: usize, width: u16) -> Vec<Line<'static>> {
    let theme = &ctx.shared.theme;
    let tour = &ctx.shared.catalogue().entries()[tour_index];
    let stops = crate::ui::state::tours::stops(tour);
    let Some(item) = stops.get(stop) else { return Vec::new() };
    let width = usize::from(width);
    let mut head = format!(
        "{} {}/{} · {}",
        t(ctx.shared.lang, Msg::StopOf),
        stop + 1,
        stops.len(),
        tour.title().get(ctx.shared.lang)
    );
    if let Some(day) = item.day {
        head.push_str(&format!(" · {day}"));
    }
    if let Some(time) = &item.time {
        head.push_str(&format!(" {}", time.get(ctx.shared.lang)));
    }
    let mut lines = wrap::hanging(vec![Span::styled(head, theme.heading)], 2, width);
    if let Some(note) = item.note.as_ref().map(|n| n.get(ctx.shared.lang)).filter(|n| !n.trim().is_empty()) {
        for line in note.split('\n') {
            lines.extend(wrap::hanging(
                vec![
                    Span::styled("▌ ", theme.key),
                    Span::styled(line.to_string(), theme.base.add_modifier(Modifier::ITALIC)),
                ],
                2,
                width,
            ));
        }
    }
    lines.push(Line::default());
    lines
}

/// An entry's lines at `width` (list items are wrapped here, with a hanging indent; the rest
/// by the paragraph), and for each link (in [`EntryDoc::links`] order) and address (in
/// [`addresses`] order, after the links) its choice number, first line and end line;
/// `chosen` is the choice drawn as chosen.
pub(super) fn doc_lines(
    ctx: &Ctx<'_>,
    index: usize,
    width: u16,
    chosen: Option<usize>,
) -> (Vec<Line<'static>>, Vec<ChoiceRows>) {
    let (lines, link_rows, _) = doc_text(ctx, index, width, chosen);
    (lines, link_rows)
}

/// [`doc_lines`], with the entries whose shortlist marks the lines show, and the marks shown.
fn doc_text(
    ctx: &Ctx<'_>,
    index: usize,
    width: u16,
    chosen: Option<usize>,
) -> (Vec<Line<'static>>, Vec<ChoiceRows>, Vec<(Id, bool)>) {
    let entry = &ctx.shared.catalogue().entries()[index];
    let doc = EntryDoc::new(ctx.shared.catalogue(), entry, ctx.shared.lang);
    let mut w = Writer {
        ctx,
        width: usize::from(width),
        lines: Vec::new(),
        link_rows: Vec::new(),
        first_address: doc.links().len(),
        addresses: addresses(&doc),
        chosen,
        marks: Vec::new(),
    };
    w.head(&doc);
    for block in &doc.blocks {
        match block {
            Block::Fields(fields) => w.fields(fields),
            Block::Prose { label, text } => {
                w.heading(label);
                w.text(text, ctx.shared.theme.base);
            }
            Block::Stops { label, stops } => w.stops(label, stops),
            Block::Links { label, links } => w.links(label, links),
            Block::Sources { label, sources } => w.sources(label, sources),
            Block::Review { label, review } => w.review(label, review),
        }
    }
    (w.lines, w.link_rows, w.marks)
}

/// A link's or address's choice number, first line and end line.
type ChoiceRows = (usize, usize, usize);

/// The pane shows at most this much of one text: it is wrapped again on every frame, and a
/// pasted 1 MB description took about 60 ms a frame. No real entry's text comes near it.
const MAX_SHOWN_BYTES: usize = 64 * 1024;

/// `text` up to `max` bytes, cut at a character boundary.
fn cut_to(text: &str, max: usize) -> &str {
    if text.len() <= max {
        return text;
    }
    let end = (0..=max).rev().find(|&i| text.is_char_boundary(i)).unwrap_or(0);
    &text[..end]
}

struct Writer<'a> {
    ctx: &'a Ctx<'a>,
    width: usize,
    lines: Vec<Line<'static>>,
    /// (choice number, first line, end line) of each link and address drawn.
    link_rows: Vec<ChoiceRows>,
    /// Addresses are choices after the links: address `i` is choice `first_address + i`.
    first_address: usize,
    addresses: Vec<String>,
    /// The choice drawn as chosen.
    chosen: Option<usize>,
    /// The entries whose shortlist mark was looked at, with the mark.
    marks: Vec<(Id, bool)>,
}

impl Writer<'_> {
    /// Whether `id` is in the shortlist, noted: the text shows it.
    fn marked(&mut self, id: &Id) -> bool {
        let marked = self.ctx.shared.is_marked(id);
        self.marks.push((id.clone(), marked));
        marked
    }

    /// One blank line, never two in a row.
    fn gap(&mut self) {
        if self.lines.last().is_some_and(|l| l.width() > 0) {
            self.lines.push(Line::default());
        }
    }

    /// Records the lines `draw` adds as choice `index` (the first drawing of it only).
    fn choice(&mut self, index: usize, draw: impl FnOnce(&mut Self)) {
        let start = self.lines.len();
        draw(self);
        if !self.link_rows.iter().any(|&(i, _, _)| i == index) {
            self.link_rows.push((index, start, self.lines.len()));
        }
    }

    /// An address on its own lines, whole: never cut by an indent, so that terminals that
    /// recognise addresses can open it, and chosen like a link.
    fn address(&mut self, address: &str) {
        let theme = &self.ctx.shared.theme;
        let index = self.addresses.iter().position(|a| a == address).map(|i| self.first_address + i);
        let chosen = index.is_some() && self.chosen == index;
        let style = if chosen { theme.selection } else { theme.link };
        let marker = if chosen { "▶ " } else { "  " };
        let text = if address.width() + 2 <= self.width { format!("{marker}{address}") } else { address.to_string() };
        let draw = |w: &mut Self| w.item(vec![Span::styled(text, style)], 0);
        match index {
            Some(index) => self.choice(index, draw),
            None => draw(self),
        }
    }

    fn heading(&mut self, label: &str) {
        self.gap();
        self.lines.push(Line::styled(label.to_string(), self.ctx.shared.theme.heading));
    }

    fn text(&mut self, text: &str, style: Style) {
        let shown = cut_to(text, MAX_SHOWN_BYTES);
        for line in shown.split('\n') {
            self.lines.push(Line::styled(line.to_string(), style));
        }
        if shown.len() < text.len() {
            let left = (text.len() - shown.len()).div_ceil(1000);
            self.lines
                .push(Line::styled(crate::i18n::text_cut(self.ctx.shared.lang, left), self.ctx.shared.theme.muted));
        }
    }

    /// A list item: its lines wrapped under its text, past the marker.
    fn item(&mut self, spans: Vec<Span<'static>>, indent: usize) {
        self.lines.extend(wrap::hanging(spans, indent, self.width));
    }

    /// Title, then kind · place · dates, then the summary.
    fn head(&mut self, doc: &EntryDoc) {
        let theme = &self.ctx.shared.theme;
        self.lines.push(Line::styled(doc.title.clone(), theme.title));
        let mut facts = vec![Span::styled(doc.kind_word.to_string(), theme.kind_badge)];
        for fact in doc.place.iter().chain(&doc.dates) {
            facts.push(Span::styled(" · ", theme.muted));
            facts.push(Span::styled(fact.clone(), theme.base));
        }
        self.lines.push(Line::from(facts));
        self.lines.push(Line::default());
        self.text(&doc.summary, theme.base.add_modifier(Modifier::ITALIC));
    }

    fn fields(&mut self, fields: &[Field]) {
        self.gap();
        for field in fields {
            let label = Span::styled(
                format!("{} ", with_colon(self.ctx.shared.lang, field.label)),
                self.ctx.shared.theme.muted,
            );
            if let Value::Address(address) = &field.value {
                // The label, then the address whole on its own line, to be chosen and opened.
                self.lines.push(Line::from(label));
                self.address(address);
                continue;
            }
            // Wrapped values hang under the value, or two columns in when the label is long.
            let indent = if label.content.width() * 2 <= self.width { label.content.width() } else { 2 };
            self.item(vec![label, Span::styled(field.value.plain(), self.ctx.shared.theme.base)], indent);
        }
    }

    fn stops(&mut self, label: &str, stops: &[StopItem]) {
        let theme = &self.ctx.shared.theme;
        self.heading(label);
        for stop in stops {
            let marker = format!("{}. ", stop.number);
            let indent = marker.len();
            let bold = theme.base.add_modifier(Modifier::BOLD);
            let star = if self.marked(&stop.entry.id) { " ★" } else { "" };
            self.item(vec![Span::styled(format!("{marker}{}{star}", stop.entry.text()), bold)], indent);
            for line in stop.note.iter().flat_map(|n| n.split('\n')) {
                self.item(vec![Span::styled(format!("   {line}"), theme.muted)], 3);
            }
        }
    }

    fn links(&mut self, label: &str, links: &[Link]) {
        let theme = &self.ctx.shared.theme;
        self.heading(label);
        for (number, link) in links.iter().enumerate() {
            let selected = self.chosen == Some(number);
            let star = if self.marked(&link.id) { " ★" } else { "" };
            let mut spans = vec![
                Span::styled(if selected { "▶ " } else { "→ " }, theme.key),
                Span::styled(link.title.clone(), if selected { theme.selection } else { theme.link }),
                Span::styled(format!("  ({}){star}", link.kind_word), theme.muted),
            ];
            if selected {
                // Said beside the chosen link, where the eye is: a narrow status line has no room
                // for this hint after `n` and Backspace.
                let lang = self.ctx.shared.lang;
                spans.push(Span::styled(format!("  {}", key_word(lang, KeyWord::Enter)), theme.key));
                spans.push(Span::styled(format!(" {}", t(lang, Msg::FollowChosenLink)), theme.muted));
            }
            self.choice(number, |w| w.item(spans, 2));
        }
    }

    fn sources(&mut self, label: &str, sources: &[SourceItem]) {
        let theme = &self.ctx.shared.theme;
        self.heading(label);
        for source in sources {
            let date = source.date.as_ref().map(|d| format!(" ({d})")).unwrap_or_default();
            self.item(vec![Span::styled(format!("• {}{date}", source.title), theme.base)], 2);
            // The address on its own line, whole, so it can be chosen, opened and copied.
            self.address(&source.address);
        }
    }

    fn review(&mut self, label: &str, review: &ReviewItem) {
        let muted = self.ctx.shared.theme.muted;
        self.heading(label);
        let status = review.line(" — ");
        self.lines.push(Line::styled(status, muted));
        if let Some(note) = &review.note {
            self.text(note, muted);
        }
    }
}
