//! The entry pane: every filled field of the entry, its sources with their addresses, and the
//! entries it links to, which can be followed.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

use super::super::action::Pane;
use super::super::app::App;
use super::super::frame::EntryFacts;
use super::super::i18n::{Msg, kind_name, status_name, t};
use super::pane_block;
use crate::model::{Date, Details, Entry, Id, Vocabulary};
use crate::text::{Lang, LocalText};

/// Draws the entry pane; says what it drew, to bound scrolling and find clicked links.
pub fn draw(frame: &mut Frame<'_>, app: &App, area: Rect) -> EntryFacts {
    let theme = &app.theme;
    let mut facts = EntryFacts { entry: app.shown_id().cloned(), ..EntryFacts::default() };
    let mut title = vec![Span::styled(format!(" {} ", t(app.lang, Msg::Detail)), theme.title)];
    if !app.trail.is_empty() {
        title.push(Span::styled(format!("← {} ", t(app.lang, Msg::Back)), theme.muted));
    }
    let block = pane_block(app, Pane::Detail, Line::from(title));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    // Wrapping wide characters into fewer than four columns trips a ratatui bug; such a pane
    // is too narrow to read anyway.
    facts.page = inner.height;
    if inner.width < 4 || inner.height == 0 {
        return facts;
    }
    let Some(entry) = app.shown_entry() else { return facts };
    let (lines, link_rows) = entry_lines(app, entry);
    // Where each link starts once wrapped: the lines before it, wrapped at this width.
    facts.link_lines = link_rows
        .iter()
        .map(|&row| Paragraph::new(lines[..row].to_vec()).wrap(Wrap { trim: false }).line_count(inner.width))
        .collect();
    let paragraph = Paragraph::new(lines).wrap(Wrap { trim: false });
    facts.lines = paragraph.line_count(inner.width);
    let max_scroll = u16::try_from(facts.lines.saturating_sub(usize::from(inner.height))).unwrap_or(u16::MAX);
    let mut scroll = app.trail.scroll();
    // A chosen link comes into view whole (it may wrap onto a second line).
    if app.trail.reveal_link()
        && let Some(&row) = app.trail.link().and_then(|link| facts.link_lines.get(link))
    {
        let row = u16::try_from(row).unwrap_or(u16::MAX);
        if row < scroll || row.saturating_add(2) > scroll.saturating_add(inner.height) {
            scroll = row.saturating_sub(inner.height / 2);
        }
    }
    facts.scroll = scroll.min(max_scroll);
    frame.render_widget(paragraph.scroll((facts.scroll, 0)), inner);
    facts
}

struct Writer<'a> {
    app: &'a App,
    lines: Vec<Line<'static>>,
}

impl Writer<'_> {
    /// One blank line, never two in a row.
    fn gap(&mut self) {
        if self.lines.last().is_some_and(|l| l.width() > 0) {
            self.lines.push(Line::default());
        }
    }

    fn heading(&mut self, msg: Msg) {
        self.gap();
        self.lines.push(Line::styled(t(self.app.lang, msg).to_string(), self.app.theme.heading));
    }

    fn prose<const M: bool>(&mut self, msg: Msg, text: &Option<LocalText<M>>) {
        if let Some(text) = text.as_ref().filter(|t| !t.is_empty()) {
            self.heading(msg);
            self.text(text.get(self.app.lang), self.app.theme.base);
        }
    }

    fn text(&mut self, text: &str, style: Style) {
        for line in text.split('\n') {
            self.lines.push(Line::styled(line.to_string(), style));
        }
    }

    fn field(&mut self, msg: Msg, value: String) {
        if value.is_empty() {
            return;
        }
        self.lines.push(Line::from(vec![
            // French puts a space before the colon.
            Span::styled(
                format!("{}{} ", t(self.app.lang, msg), if self.app.lang == Lang::Fr { " :" } else { ":" }),
                self.app.theme.muted,
            ),
            Span::styled(value, self.app.theme.base),
        ]));
    }

    fn organisation_names(&self, ids: &[&Id]) -> String {
        ids.iter()
            .map(|id| {
                self.app
                    .catalogue()
                    .get(id.as_str())
                    .map_or(id.to_string(), |e| e.title().get(self.app.lang).to_string())
            })
            .collect::<Vec<_>>()
            .join(", ")
    }

    fn terms(&self, ids: &[Id], vocabulary: &Vocabulary, with_id: bool) -> String {
        ids.iter()
            .map(|id| match vocabulary.get(id.as_str()) {
                Some(term) if with_id => format!("{} {}", term.id, term.label.get(self.app.lang)),
                Some(term) => term.label.get(self.app.lang).to_string(),
                None => id.to_string(),
            })
            .collect::<Vec<_>>()
            .join(", ")
    }
}

fn dates(start: Option<Date>, end: Option<Date>) -> String {
    match (start, end) {
        (Some(s), Some(e)) if s != e => format!("{s} → {e}"),
        (Some(s), _) => s.to_string(),
        (None, Some(e)) => format!("→ {e}"),
        (None, None) => String::new(),
    }
}

/// The entry's lines, and the line of each link, in the order of [`App::links`].
fn entry_lines(app: &App, index: usize) -> (Vec<Line<'static>>, Vec<usize>) {
    let entry: &Entry = &app.catalogue().entries()[index];
    let lang = app.lang;
    let theme = &app.theme;
    let vocabularies = &app.catalogue().vocabularies;
    let mut w = Writer { app, lines: Vec::new() };
    w.lines.push(Line::styled(entry.title().get(lang).to_string(), theme.title));
    let mut facts = vec![Span::styled(kind_name(lang, entry.kind).to_string(), theme.kind_badge)];
    if let Some(location) = &entry.common.location {
        let region = vocabularies.regions.get(location.region.as_str()).map(|r| r.label.get(lang).to_string());
        let place = location.place.as_ref().map(|p| p.get(lang).to_string());
        let text = match (place, region) {
            (Some(p), Some(r)) if p != r => format!("{p}, {r} ({})", location.region),
            (Some(p), _) => p,
            (None, Some(r)) => format!("{r} ({})", location.region),
            (None, None) => location.region.to_string(),
        };
        facts.push(Span::styled(" · ", theme.muted));
        facts.push(Span::styled(text, theme.base));
    }
    if let Some((start, end)) = entry.span() {
        facts.push(Span::styled(" · ", theme.muted));
        facts.push(Span::styled(dates(Some(start), end), theme.base));
    }
    w.lines.push(Line::from(facts));
    w.lines.push(Line::default());
    w.text(entry.summary().get(lang), theme.base.add_modifier(ratatui::style::Modifier::ITALIC));
    w.prose(Msg::Description, &entry.common.description);

    match &entry.details {
        Details::GoodPractice(d) => {
            w.gap();
            if let Some(institution) = &d.main_institution {
                let name = w.organisation_names(&[institution]);
                w.field(Msg::MainInstitution, name);
            }
            if let Some(timescale) = &d.timescale {
                let mut text = dates(timescale.start, timescale.end);
                if let Some(progress) = timescale.status {
                    let word = match (progress, lang) {
                        (crate::model::entry::Progress::Ongoing, Lang::En) => "ongoing",
                        (crate::model::entry::Progress::Ongoing, Lang::Fr) => "en cours",
                        (crate::model::entry::Progress::Ended, Lang::En) => "ended",
                        (crate::model::entry::Progress::Ended, Lang::Fr) => "terminé",
                    };
                    text = if text.is_empty() { word.to_string() } else { format!("{text} ({word})") };
                }
                w.field(Msg::Timescale, text);
            }
            w.prose(Msg::ResourcesNeeded, &d.resources_needed);
            w.prose(Msg::EvidenceOfSuccess, &d.evidence_of_success);
            w.prose(Msg::Difficulties, &d.difficulties);
            w.prose(Msg::TransferPotential, &d.transfer_potential);
            w.prose(Msg::FurtherInformation, &d.further_information);
        }
        Details::SiteVisit(d) => {
            w.gap();
            w.field(Msg::Site, d.site.as_ref().map(|s| s.get(lang).to_string()).unwrap_or_default());
            if let Some(host) = &d.host {
                let name = w.organisation_names(&[host]);
                w.field(Msg::Host, name);
            }
            w.field(Msg::Dates, dates(Some(d.start), d.end));
            w.prose(Msg::Seen, &d.seen);
            w.prose(Msg::Takeaways, &d.takeaways);
        }
        Details::Event(d) => {
            w.gap();
            let organisers: Vec<&Id> = d.organisers.iter().collect();
            let names = w.organisation_names(&organisers);
            w.field(Msg::Organisations, names);
            w.field(Msg::Dates, dates(Some(d.start), d.end));
            w.field(Msg::Venue, d.venue.as_ref().map(|v| v.get(lang).to_string()).unwrap_or_default());
            w.field(Msg::Participants, d.participants.map(|p| p.to_string()).unwrap_or_default());
        }
        Details::Tour(d) => {
            w.gap();
            w.field(Msg::Dates, dates(d.start, d.end));
            w.heading(Msg::Stops);
            for (number, stop) in d.stops.iter().enumerate() {
                let title = app
                    .catalogue()
                    .get(stop.entry.as_str())
                    .map_or(stop.entry.to_string(), |e| e.title().get(lang).to_string());
                w.lines.push(Line::styled(
                    format!("{}. {title}", number + 1),
                    theme.base.add_modifier(ratatui::style::Modifier::BOLD),
                ));
                if let Some(note) = &stop.note {
                    w.text(&format!("   {}", note.get(lang).replace('\n', "\n   ")), theme.muted);
                }
            }
        }
        Details::Organisation(d) => {
            w.gap();
            w.field(Msg::ShortName, d.short_name.as_ref().map(|s| s.as_str().to_string()).unwrap_or_default());
            let org_type = w.terms(std::slice::from_ref(&d.org_type), &vocabularies.organisation_types, false);
            w.field(Msg::OrganisationType, org_type);
            w.field(Msg::Website, d.website.as_ref().map(|u| u.to_string()).unwrap_or_default());
            w.field(Msg::Founded, d.founded.map(|f| f.to_string()).unwrap_or_default());
        }
    }

    w.gap();
    let common = &entry.common;
    let materials = w.terms(&common.materials, &vocabularies.materials, false);
    w.field(Msg::Materials, materials);
    let themes = w.terms(&common.themes, &vocabularies.themes, true);
    w.field(Msg::Themes, themes);
    let stages = w.terms(&common.stages, &vocabularies.stages, false);
    w.field(Msg::Stages, stages);
    w.field(Msg::Tags, common.tags.iter().map(|t| t.as_str()).collect::<Vec<_>>().join(", "));
    w.field(Msg::Project, common.project.as_ref().map(|p| p.as_str().to_string()).unwrap_or_default());

    let links = app.links();
    let mut link_rows = Vec::new();
    if !links.is_empty() {
        w.heading(Msg::Related);
        for (number, &target) in links.iter().enumerate() {
            let linked = &app.catalogue().entries()[target];
            let selected = app.trail.link() == Some(number);
            let style = if selected { theme.selection } else { theme.link };
            link_rows.push(w.lines.len());
            w.lines.push(Line::from(vec![
                Span::styled(if selected { "▶ " } else { "→ " }, theme.key),
                Span::styled(linked.title().get(lang).to_string(), style),
                Span::styled(format!("  ({})", kind_name(lang, linked.kind)), theme.muted),
            ]));
        }
    }
    if !common.sources.is_empty() {
        w.heading(Msg::Sources);
        for source in &common.sources {
            let date = source.date.map(|d| format!(" ({d})")).unwrap_or_default();
            w.lines.push(Line::styled(format!("• {}{date}", source.title.get(lang)), theme.base));
            w.lines.push(Line::styled(format!("  {}", source.url), theme.link));
        }
    }
    w.heading(Msg::Review);
    let review = &common.review;
    w.lines.push(Line::styled(
        format!("{} — {} {}", status_name(lang, review.status), t(lang, Msg::Checked), review.checked),
        theme.muted,
    ));
    if let Some(note) = &review.note {
        w.text(note.get(lang), theme.muted);
    }
    (w.lines, link_rows)
}
