//! The overview of the current filters and query: what the results are about (materials as
//! the vocabulary groups them, ESG themes under their pillars, regions at the level that tells
//! most, value-chain stages, years) as bars, and the map of where they are. It also serves as
//! a slide.

pub mod charts;
pub mod map;

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Borders, Paragraph};
use unicode_width::UnicodeWidthStr;

use super::super::app::App;
use super::super::frame::FrameFacts;
use super::{search_box, status, tabs};
use crate::geo::Point;
use crate::i18n::overview::{ChartWord, chart_word};
use crate::i18n::{Msg, t};
use crate::model::{Catalogue, Details, Entry};
use crate::query::Facet;
use crate::text::fit;
use charts::{Chart, Fold};

/// The facets the charts count, in the order drawn.
const CHARTED: [Facet; 5] = [Facet::Material, Facet::Theme, Facet::Region, Facet::Stage, Facet::Year];

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
    draw_body(frame, app, main, facts);
}

/// The charts and the map in `area` (the screen's middle, or a whole slide).
pub fn draw_body(frame: &mut Frame<'_>, app: &App, area: Rect, facts: &mut FrameFacts) {
    if app.results().total == 0 {
        let text = Line::styled(t(app.lang(), Msg::NoCounts), app.theme().muted);
        frame.render_widget(Paragraph::new(text), area.inner(ratatui::layout::Margin::new(2, 1)));
        return;
    }
    // Side by side when there is room for both; the map under the charts on a tall narrow one.
    let [charts, map_area] = if area.width >= 100 {
        Layout::horizontal([Constraint::Percentage(45), Constraint::Percentage(55)]).areas(area)
    } else if area.height >= 36 {
        Layout::vertical([Constraint::Percentage(50), Constraint::Percentage(50)]).areas(area)
    } else {
        Layout::horizontal([Constraint::Percentage(50), Constraint::Percentage(50)]).areas(area)
    };
    facts.overview_rows = draw_charts(frame, app, charts);
    draw_map(frame, app, map_area);
}

/// The map of the results in a frame of its own, titled.
pub fn draw_map(frame: &mut Frame<'_>, app: &App, area: Rect) {
    draw_framed_map(frame, app, area, &map_content(app));
}

/// A map of `content` in a frame of its own, titled.
pub fn draw_framed_map(frame: &mut Frame<'_>, app: &App, area: Rect, content: &map::MapContent) {
    let theme = app.theme();
    // The map's frame is lit while the arrows move it (on the overview; a slide has no focus).
    let focused = app.screen() == crate::ui::Screen::Overview && app.overview().focus_map;
    let block = Block::new()
        .borders(Borders::ALL)
        .border_type(BorderType::Rounded)
        .border_style(if focused { theme.border_focused } else { theme.border })
        .title(Span::styled(format!(" {} ", chart_word(app.lang(), ChartWord::Map)), theme.heading));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    map::draw(frame, inner, content, theme, app.theme_name(), app.lang());
}

/// Where an entry is: its own coordinates, else its region's (or the nearest parent region's
/// that has a point).
pub fn place_of(catalogue: &Catalogue, entry: &Entry) -> Option<Point> {
    let location = entry.common.location.as_ref()?;
    if let Some(own) = location.coordinates.as_deref().map(|&c| Point::from_lat_lon(c)).filter(|p| p.is_valid()) {
        return Some(own);
    }
    let regions = &catalogue.vocabularies.regions;
    let index = regions.index_of(location.region.as_str())?;
    // The region's label point in GISCO's NUTS 2024 where the table has it, else the
    // vocabulary's point; else the nearest parent's.
    regions.with_ancestors(index).into_iter().find_map(|r| {
        let term = regions.term(r);
        crate::geo::nuts::label_point(term.id.as_str()).or(term.coordinates).map(Point::from_lat_lon)
    })
}

/// What an entry's place is called on the map: its `place` where it has its own coordinates,
/// else its region's name.
fn place_name(catalogue: &Catalogue, entry: &Entry, lang: crate::text::Lang) -> String {
    let Some(location) = entry.common.location.as_ref() else { return String::new() };
    if location.coordinates.is_some()
        && let Some(place) = &location.place
    {
        return place.get(lang).to_string();
    }
    let regions = &catalogue.vocabularies.regions;
    regions.get(location.region.as_str()).map(|t| t.label.get(lang).to_string()).unwrap_or_default()
}

/// The results' places (all of them, not only the first page), the selected entry's, and the
/// shown tour's route.
pub fn map_content(app: &App) -> map::MapContent {
    let catalogue = app.catalogue();
    let lang = app.lang();
    let results = app.results();
    let all;
    let hits = if results.hits.len() >= results.total {
        &results.hits
    } else {
        all = app.indexed().search(app.query(), app.filters(), lang, results.total);
        &all.hits
    };
    let selected = app.shown_entry();
    let mut places: Vec<map::Place> = Vec::new();
    let mut unplaced = 0;
    for hit in hits {
        let entry = &catalogue.entries()[hit.entry];
        let Some(point) = place_of(catalogue, entry) else {
            unplaced += 1;
            continue;
        };
        let is_selected = selected == Some(hit.entry);
        match places.iter_mut().find(|p| p.point == point) {
            Some(place) => {
                place.count += 1;
                place.selected |= is_selected;
            }
            None => places.push(map::Place {
                point,
                count: 1,
                label: place_name(catalogue, entry, lang),
                selected: is_selected,
            }),
        }
    }
    let tour = selected.map(|e| &catalogue.entries()[e]).and_then(|entry| tour_of(catalogue, entry, lang, None));
    let state = app.overview();
    map::MapContent { places, unplaced, tour, zoom: state.zoom, pan: state.pan }
}

/// A tour's stops as a route for the map, `current` (from 0) highlighted.
pub fn tour_of(
    catalogue: &Catalogue,
    entry: &Entry,
    lang: crate::text::Lang,
    current: Option<usize>,
) -> Option<map::Tour> {
    let Details::Tour(tour) = &entry.details else { return None };
    let stops: Vec<Option<&Entry>> =
        tour.stops.iter().map(|s| catalogue.index_of(s.entry.as_str()).map(|i| &catalogue.entries()[i])).collect();
    Some(map::Tour {
        stops: stops.iter().map(|e| e.and_then(|e| place_of(catalogue, e))).collect(),
        names: stops.iter().map(|e| e.map(|e| place_name(catalogue, e, lang)).unwrap_or_default()).collect(),
        current,
    })
}

/// The five charts, one under the other, each given lines in proportion to what it has to say.
/// Returns the material values of the rows drawn, for the charts' cursor.
fn draw_charts(frame: &mut Frame<'_>, app: &App, area: Rect) -> Vec<usize> {
    let lang = app.lang();
    let area = Rect { width: area.width.saturating_sub(1), ..area };
    if area.width < 12 || area.height < 2 {
        return Vec::new();
    }
    let counts = app.indexed().tally(app.query(), app.filters(), lang, app.results(), &CHARTED);
    let vocabularies = &app.catalogue().vocabularies;
    let unfolded = app.overview().unfolded.as_slice();
    let make = |i: usize, room: usize| -> Chart {
        let c = &counts[i];
        match CHARTED[i] {
            Facet::Material => charts::materials(&vocabularies.materials, c, unfolded, lang, room),
            Facet::Theme => charts::themes(&vocabularies.themes, c, lang, room),
            Facet::Region => charts::regions(&vocabularies.regions, c, lang, room),
            Facet::Stage => charts::stages(&vocabularies.stages, c, lang, room),
            _ => charts::years(app.indexed().engine().years(), c, lang, room),
        }
    };
    let wanted: Vec<usize> = (0..CHARTED.len()).map(|i| make(i, usize::from(area.height)).rows.len()).collect();
    let present: Vec<usize> = (0..CHARTED.len()).filter(|&i| wanted[i] > 0).collect();
    let headings = present.len();
    let gaps = present.len().saturating_sub(1);
    let height = usize::from(area.height);
    let gap = usize::from(height >= headings * 2 + gaps + present.iter().map(|&i| wanted[i].min(3)).sum::<usize>());
    let mut room = vec![0usize; CHARTED.len()];
    let mut left = height.saturating_sub(headings + gaps * gap);
    // One line each first, then one more at a time, in chart order, while any wants more.
    loop {
        let mut gave = false;
        for &i in &present {
            if left > 0 && room[i] < wanted[i] {
                room[i] += 1;
                left -= 1;
                gave = true;
            }
        }
        if !gave {
            break;
        }
    }
    let mut y = area.y;
    let mut materials = Vec::new();
    for &i in &present {
        if room[i] == 0 || y >= area.bottom() {
            continue;
        }
        let chart = make(i, room[i]);
        let rows = (1 + chart.rows.len() as u16).min(area.bottom() - y);
        draw_chart(frame, app, &chart, CHARTED[i], Rect { y, height: rows, ..area });
        if CHARTED[i] == Facet::Material {
            materials = chart.rows.iter().filter_map(|r| r.value).collect();
        }
        y += rows + gap as u16;
    }
    materials
}

fn draw_chart(frame: &mut Frame<'_>, app: &App, chart: &Chart, facet: Facet, area: Rect) {
    let theme = app.theme();
    let width = usize::from(area.width);
    let mut lines = vec![];
    // Only materials unfold (→); themes and regions show their levels as the room allows.
    let foldable = facet == Facet::Material;
    let mut heading = vec![Span::styled(chart.heading.clone(), theme.heading)];
    if foldable && chart.rows.iter().any(|r| r.fold == Fold::Folded) {
        let hint = chart_word(app.lang(), ChartWord::Unfold);
        let used = chart.heading.width();
        if used + 3 + hint.width() <= width {
            heading.push(Span::styled(format!("{:>w$}", hint, w = width - used), theme.muted));
        }
    }
    lines.push(Line::from(heading));
    let groups = foldable && chart.rows.iter().any(|r| r.fold != Fold::Leaf);
    let code_width = chart.rows.iter().filter_map(|r| r.code.as_ref()).map(|c| c.width()).max().unwrap_or(0);
    let lead = |r: &charts::Row| {
        let glyph = match r.fold {
            Fold::Folded if groups => "▸ ",
            Fold::Unfolded if groups => "▾ ",
            _ if groups => "  ",
            _ => "",
        };
        let code = match &r.code {
            Some(code) => format!("{code:<code_width$} "),
            None if code_width > 0 && r.value.is_some() => " ".repeat(code_width + 1),
            None => String::new(),
        };
        format!("{}{glyph}{code}", "  ".repeat(usize::from(r.depth)))
    };
    let max = chart.rows.iter().map(|r| r.count).max().unwrap_or(1).max(1);
    let number_width = max.to_string().len();
    // Labels first: a bar can be short, a cut name says nothing. At least four cells of bar.
    let natural =
        chart.rows.iter().filter(|r| r.value.is_some()).map(|r| lead(r).width() + r.label.width()).max().unwrap_or(0);
    let label_width = natural.min(width.saturating_sub(number_width + 6)).max(4);
    let bar_room = width.saturating_sub(label_width + number_width + 2).max(1);
    let bar_style = if facet == Facet::Theme { theme.theme_badge } else { theme.material_badge };
    for row in &chart.rows {
        if row.value.is_none() {
            lines.push(Line::styled(fit(&format!("{}{}", lead(row), row.label), width), theme.muted));
            continue;
        }
        let text = fit(&format!("{}{}", lead(row), row.label), label_width);
        let length = ((row.count as usize * bar_room).div_ceil(max as usize)).max(1);
        let at_cursor = foldable && !app.overview().focus_map && row.value == app.overview().cursor;
        let label_style = match (at_cursor, row.depth) {
            (true, _) => theme.selection,
            (false, 0) => theme.base,
            (false, _) => theme.muted,
        };
        lines.push(Line::from(vec![
            Span::styled(format!("{text:<label_width$} "), label_style),
            Span::styled("█".repeat(length), bar_style),
            Span::styled(format!(" {:>number_width$}", row.count), theme.base),
        ]));
    }
    frame.render_widget(Paragraph::new(lines).style(theme.base), area);
}
