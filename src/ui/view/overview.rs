//! The overview of the current filters and query: counts by material, ESG theme, region and
//! value-chain stage as bars (from the engine's facet counts), and a map with a marker per
//! located place, the selected entry's highlighted. It also serves as a slide.

mod map;

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Borders, Paragraph};
use unicode_width::UnicodeWidthStr;

use super::super::app::App;
use super::super::frame::FrameFacts;
use super::{fit, search_box, status, tabs};
use crate::i18n::{Msg, facet_name, t};
use crate::query::Facet;

/// The facets charted, in the order.
const CHARTED: [Facet; 4] = [Facet::Material, Facet::Theme, Facet::Region, Facet::Stage];

pub fn draw(frame: &mut Frame<'_>, app: &App, facts: &mut FrameFacts) {
    let area = frame.area();
    let top = u16::from(app.chrome() || app.search().editing());
    let bottom = u16::from(app.chrome());
    let [head, main, foot] =
        Layout::vertical([Constraint::Length(top), Constraint::Min(1), Constraint::Length(bottom)]).areas(area);
    if !head.is_empty() {
        search_box::draw(frame, app, head);
        tabs::draw(frame, app, head);
    }
    if !foot.is_empty() {
        let foot = Rect { width: foot.width.saturating_sub(1), ..foot };
        status::draw(frame, app, foot);
        facts.chips = super::layout::chip_spans(app);
        facts.status = foot;
    }
    facts.search = head;
    draw_body(frame, app, main);
}

/// The charts and the map in `area` (the screen's middle, or a whole slide).
pub fn draw_body(frame: &mut Frame<'_>, app: &App, area: Rect) {
    if app.results().total == 0 {
        let text = Line::styled(t(app.lang(), Msg::NoCounts), app.theme().muted);
        frame.render_widget(Paragraph::new(text), area.inner(ratatui::layout::Margin::new(2, 1)));
        return;
    }
    // Side by side when there is room for both; the map under the charts on a tall narrow one.
    let [charts, map_area] = if area.width >= 90 || area.height < 30 {
        Layout::horizontal([Constraint::Percentage(50), Constraint::Percentage(50)]).areas(area)
    } else {
        Layout::vertical([Constraint::Percentage(55), Constraint::Percentage(45)]).areas(area)
    };
    draw_charts(frame, app, charts);
    map::draw(frame, app, map_area);
}

/// How many results have each value of a vocabulary facet (with its ancestors, as the engine
/// counts). The engine's facet counts say what each value *would* give, so for a facet with a
/// selection they ignore it; the results themselves are counted then.
pub(super) fn counts(app: &App, facet: Facet) -> Vec<u32> {
    if app.filters().selected(facet).is_empty() {
        return app.results().facet_counts.get(facet).to_vec();
    }
    let Some(kind) = facet.vocabulary() else { return Vec::new() };
    let mut counts = vec![0; app.catalogue().vocabularies.get(kind).len()];
    let all = app.indexed().search(app.query(), app.filters(), app.lang(), app.results().total.max(1));
    // Each result once per value it has, as the filters see them (a material's groups and
    // members, a region's parents).
    for hit in &all.hits {
        for &value in app.indexed().entry_values(facet, hit.entry) {
            if let Some(count) = counts.get_mut(value as usize) {
                *count += 1;
            }
        }
    }
    counts
}

/// The values of a facet worth a bar: those with results and no sub-value with results (the
/// most precise the catalogue says), most first.
fn bars(app: &App, facet: Facet) -> Vec<(String, u32)> {
    let counts = counts(app, facet);
    let Some(kind) = facet.vocabulary() else { return Vec::new() };
    let vocabulary = app.catalogue().vocabularies.get(kind);
    let mut out: Vec<(usize, u32)> = counts
        .iter()
        .enumerate()
        .filter(|&(value, &n)| n > 0 && value < vocabulary.len())
        .filter(|&(value, _)| vocabulary.children_of(value).iter().all(|&c| counts.get(c).copied().unwrap_or(0) == 0))
        .map(|(value, &n)| (value, n))
        .collect();
    out.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    let codes = facet == Facet::Theme || facet == Facet::Region;
    out.into_iter()
        .map(|(value, n)| {
            let term = vocabulary.term(value);
            let label = term.label.get(app.lang()).to_string();
            let text = if codes { format!("{label} ({})", term.id) } else { label };
            (text, n)
        })
        .collect()
}

fn draw_charts(frame: &mut Frame<'_>, app: &App, area: Rect) {
    let theme = app.theme();
    let groups: Vec<(Facet, Vec<(String, u32)>)> = CHARTED.iter().map(|&f| (f, bars(app, f))).collect();
    // Each chart gets rows in proportion to its values, at least its title and one bar.
    let rows: Vec<Constraint> = groups.iter().map(|(_, b)| Constraint::Fill(b.len().clamp(1, 8) as u16 + 3)).collect();
    let areas = Layout::vertical(rows).split(area);
    for ((facet, bars), chart) in groups.iter().zip(areas.iter()) {
        let block = Block::new()
            .borders(Borders::ALL)
            .border_type(BorderType::Rounded)
            .border_style(theme.border)
            .title(Span::styled(format!(" {} ", facet_name(app.lang(), *facet)), theme.heading));
        let inner = block.inner(*chart);
        frame.render_widget(block, *chart);
        if inner.width < 12 || inner.height == 0 {
            continue;
        }
        let width = usize::from(inner.width);
        let label_width = bars.iter().map(|(l, _)| l.width()).max().unwrap_or(0).min(width / 2).max(6);
        let max = bars.iter().map(|b| b.1).max().unwrap_or(1).max(1);
        let number_width = max.to_string().len();
        let room = width.saturating_sub(label_width + number_width + 3).max(1);
        let shown = usize::from(inner.height);
        let mut lines: Vec<Line> = bars
            .iter()
            .take(shown)
            .map(|(label, n)| {
                let length = ((*n as usize * room).div_ceil(max as usize)).max(1);
                Line::from(vec![
                    Span::styled(format!("{:<label_width$} ", fit(label, label_width)), theme.base),
                    Span::styled("█".repeat(length), theme.material_badge),
                    Span::styled(format!(" {n:>number_width$}"), theme.base),
                ])
            })
            .collect();
        if bars.len() > shown && shown > 0 {
            let more = bars.len() - shown + 1;
            lines.truncate(shown - 1);
            lines.push(Line::styled(format!("… +{more}"), theme.muted));
        }
        frame.render_widget(Paragraph::new(lines).style(theme.base), inner);
    }
}
