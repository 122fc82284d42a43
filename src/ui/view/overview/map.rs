//! The overview's map: ratatui's world map, zoomed to Europe by default, one marker per place
//! with results (the region's coordinates from the vocabulary, with how many entries are
//! there), the selected entry's place highlighted, and a legend under it.

use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Position, Rect};
use ratatui::style::Style;
use ratatui::symbols::Marker;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;
use ratatui::widgets::canvas::{Canvas, Map, MapResolution};
use ratatui::widgets::{Block, BorderType, Borders, Paragraph};

use super::super::super::app::App;
use super::super::super::state::MapZoom;
use crate::i18n::{Msg, t};
use crate::query::Facet;

/// A place on the map: longitude, latitude, how many results are there, whether the selected
/// entry is.
struct Place {
    lon: f64,
    lat: f64,
    count: u32,
    selected: bool,
    /// The region's name, printed beside the marker where there is room.
    label: String,
}

/// The coordinates of a region, or of its nearest ancestor that has some.
fn coordinates(app: &App, region: usize) -> Option<(f64, f64)> {
    let vocabulary = &app.shared.catalogue().vocabularies.regions;
    let mut at = Some(region);
    while let Some(index) = at {
        if let Some(point) = vocabulary.term(index).coordinates {
            return Some(point);
        }
        at = vocabulary.parent_of(index);
    }
    None
}

fn places(app: &App) -> (Vec<Place>, u32) {
    let vocabulary = &app.shared.catalogue().vocabularies.regions;
    let counts = app.overview.counts(Facet::Region);
    let selected = app
        .browse
        .shown_id()
        .and_then(|id| app.shared.entry(id))
        .and_then(|e| e.common.location.as_ref())
        .and_then(|l| vocabulary.index_of(l.region.as_str()));
    let mut out = Vec::new();
    let mut unplaced = 0;
    for (value, &n) in counts.iter().enumerate() {
        if n == 0 || value >= vocabulary.len() {
            continue;
        }
        // Only the most precise places: a parent's count is its children's.
        if vocabulary.children_of(value).iter().any(|&c| counts.get(c).copied().unwrap_or(0) > 0) {
            continue;
        }
        match coordinates(app, value) {
            Some((lat, lon)) => out.push(Place {
                lon,
                lat,
                count: n,
                selected: selected == Some(value),
                label: vocabulary.term(value).label.get(app.shared.lang).to_string(),
            }),
            None => unplaced += n,
        }
    }
    (out, unplaced)
}

/// The longitudes and latitudes shown.
fn bounds(app: &App, places: &[Place]) -> ([f64; 2], [f64; 2]) {
    match app.overview.zoom {
        MapZoom::World => ([-180.0, 180.0], [-90.0, 90.0]),
        MapZoom::Europe => ([-12.0, 34.0], [34.0, 62.0]),
        MapZoom::Region => {
            let centre = places.iter().find(|p| p.selected).map(|p| (p.lon, p.lat)).unwrap_or_else(|| {
                let n = places.len().max(1) as f64;
                (places.iter().map(|p| p.lon).sum::<f64>() / n, places.iter().map(|p| p.lat).sum::<f64>() / n)
            });
            ([centre.0 - 6.0, centre.0 + 6.0], [centre.1 - 3.5, centre.1 + 3.5])
        }
    }
}

/// Draws each cell of `small` (half-block land) as `scale`x`scale` cells of `target` from
/// `area`'s corner: a half-block's upper half fills the upper rows, its lower half the lower.
fn scale_up(small: &Buffer, target: &mut Buffer, area: Rect, scale: u16) {
    for y in 0..small.area.height {
        for x in 0..small.area.width {
            let cell = &small[(x, y)];
            let (upper, lower) = match cell.symbol() {
                "█" => (true, true),
                "▀" => (true, false),
                "▄" => (false, true),
                _ => continue,
            };
            for dy in 0..scale {
                if !(if dy * 2 < scale { upper } else { lower }) {
                    continue;
                }
                for dx in 0..scale {
                    let at = Position::new(area.x + x * scale + dx, area.y + y * scale + dy);
                    if area.contains(at) {
                        target[at].set_symbol("█").set_fg(cell.fg);
                    }
                }
            }
        }
    }
}

pub fn draw(frame: &mut Frame<'_>, app: &App, area: Rect) {
    let theme = *app.shared.theme();
    let lang = app.shared.lang;
    let block = Block::new()
        .borders(Borders::ALL)
        .border_type(BorderType::Rounded)
        .border_style(theme.border)
        .title(Span::styled(format!(" {} ", t(lang, Msg::MapTitle)), theme.heading));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    if inner.width < 10 || inner.height < 4 {
        return;
    }
    let (places, unplaced) = places(app);
    let [canvas_area, legend_area] = Layout::vertical([Constraint::Min(2), Constraint::Length(2)]).areas(inner);
    let (x_bounds, y_bounds) = bounds(app, &places);
    let land = theme.muted.fg.unwrap_or(ratatui::style::Color::Reset);
    let marker_style = theme.error;
    let selected_style = theme.selection;
    let label_style = theme.base;
    // Names beside the markers when the map is wide enough to keep them apart.
    let named = canvas_area.width >= 50;
    let background = theme.base.bg.unwrap_or(ratatui::style::Color::Reset);
    let zoomed = app.overview.zoom != MapZoom::World;
    // The world map's points are sparse once zoomed in: braille dots would scatter them.
    // Half-cells draw Europe's coasts as outlines on a map up to about 48x24 cells; a larger
    // map is that one scaled up, cell by cell, so the outline stays whole.
    let scale = if zoomed { (canvas_area.width / 48).min(canvas_area.height / 24).max(1) } else { 1 };
    frame.render_widget(Block::new().style(Style::new().bg(background)), canvas_area);
    let land_canvas = || {
        Canvas::default()
            .background_color(background)
            .marker(if zoomed { Marker::HalfBlock } else { Marker::Braille })
            .x_bounds(x_bounds)
            .y_bounds(y_bounds)
            .paint(move |ctx| ctx.draw(&Map { resolution: MapResolution::High, color: land }))
    };
    if scale > 1 {
        let small = Rect::new(0, 0, canvas_area.width / scale, canvas_area.height / scale);
        let mut buffer = Buffer::empty(small);
        land_canvas().render(small, &mut buffer);
        scale_up(&buffer, frame.buffer_mut(), canvas_area, scale);
    } else {
        frame.render_widget(land_canvas(), canvas_area);
    }
    let markers = Canvas::default().x_bounds(x_bounds).y_bounds(y_bounds).paint(move |ctx| {
        // The selected place last, so that it is on top.
        let ordered = places.iter().filter(|p| !p.selected).chain(places.iter().filter(|p| p.selected));
        for place in ordered {
            let (symbol, style) = if place.selected { ("◆", selected_style) } else { ("●", marker_style) };
            let mut spans = vec![Span::styled(format!("{symbol}{}", place.count), style)];
            if named {
                spans.push(Span::styled(format!(" {}", place.label), label_style));
            }
            ctx.print(place.lon, place.lat, Line::from(spans));
        }
    });
    frame.render_widget(markers, canvas_area);
    // The whole explanation where it fits, else the short one: a cut sentence explains nothing.
    let located = t(lang, Msg::MapLocated);
    let located = if 3 + unicode_width::UnicodeWidthStr::width(located) <= usize::from(legend_area.width) {
        located
    } else {
        t(lang, Msg::MapLocatedShort)
    };
    let mut legend = vec![
        Line::from(vec![Span::styled("●n ", marker_style), Span::styled(located.to_string(), theme.base)]),
        Line::from(vec![
            Span::styled("◆n", selected_style),
            Span::styled(format!(" {}", t(lang, Msg::MapSelected)), theme.base),
            Span::styled(format!("  · {}", t(lang, Msg::MapZoomKeys)), theme.muted),
        ]),
    ];
    if unplaced > 0
        && let Some(last) = legend.last_mut()
    {
        last.spans.push(Span::styled(format!("  · {unplaced} {}", t(lang, Msg::MapNotLocated)), theme.muted));
    }
    let width = usize::from(legend_area.width);
    let legend: Vec<Line> =
        legend.into_iter().map(|l| Line::from(super::super::widgets::fit_spans(l.spans, width))).collect();
    frame.render_widget(Paragraph::new(legend).style(theme.base), legend_area);
}
