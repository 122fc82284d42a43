//! The map: Natural Earth's land, coasts and borders at the resolution the zoom needs
//! ([`crate::geo::atlas`]), the results placed at their own coordinates or their region's,
//! markers that would overlap gathered into one with a count, labels that never cover each
//! other, the selected entry highlighted, and a tour's stops numbered and joined by its route.
//! It opens fitted to what it shows; arrows, `+`/`-` and `0` move from there.

use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use unicode_width::UnicodeWidthStr;

use crate::geo::{Atlas, Bounds, Label, Point, Viewport, cluster, place_labels, route};
use crate::i18n::overview::{ChartWord, chart_word, not_on_map, stop_without_place};
use crate::text::Lang;
use crate::ui::theme::{Theme, ThemeName};

/// A place with results: where, how many, what to call it, whether the selected entry is there.
#[derive(Clone, Debug)]
pub struct Place {
    pub point: Point,
    pub count: u32,
    pub label: String,
    pub selected: bool,
}

/// A tour drawn as its route: each stop's place (if it has one) and name, and the stop being
/// presented.
#[derive(Clone, Debug, Default)]
pub struct Tour {
    pub stops: Vec<Option<Point>>,
    pub names: Vec<String>,
    pub current: Option<usize>,
}

/// Everything the map shows, gathered by its caller (the overview, a present-mode slide).
#[derive(Clone, Debug, Default)]
pub struct MapContent {
    pub places: Vec<Place>,
    /// Results with no place at all.
    pub unplaced: usize,
    pub tour: Option<Tour>,
    /// `+` presses less `-` presses, and arrow presses east and north, since the fit.
    pub zoom: i32,
    pub pan: (i32, i32),
}

/// The map's colours in a theme.
struct Palette {
    sea: Option<Color>,
    land: Option<Color>,
    coast: Style,
    border: Style,
    route: Style,
    marker: Style,
    label: Style,
    stop: Style,
    current: Style,
}

fn palette(name: ThemeName, theme: &Theme) -> Palette {
    let bold = Modifier::BOLD;
    match name {
        ThemeName::Light => Palette {
            // Pale sea, warm land, dark coasts: a washed-out projector keeps the shapes.
            sea: Some(Color::Rgb(226, 238, 250)),
            land: Some(Color::Rgb(243, 239, 228)),
            coast: Style::new().fg(Color::Rgb(70, 80, 95)),
            border: Style::new().fg(Color::Rgb(100, 92, 84)),
            route: Style::new().fg(Color::Rgb(0, 82, 163)).add_modifier(bold),
            marker: Style::new().fg(Color::Rgb(180, 0, 0)).add_modifier(bold),
            label: Style::new().fg(Color::Rgb(20, 20, 20)).add_modifier(bold),
            stop: Style::new().fg(Color::Rgb(255, 255, 255)).bg(Color::Rgb(0, 82, 163)).add_modifier(bold),
            current: Style::new().fg(Color::Rgb(255, 255, 255)).bg(Color::Rgb(180, 0, 0)).add_modifier(bold),
        },
        ThemeName::Dark => Palette {
            sea: Some(Color::Rgb(24, 26, 31)),
            land: Some(Color::Rgb(44, 49, 58)),
            coast: Style::new().fg(Color::Rgb(150, 157, 171)),
            border: Style::new().fg(Color::Rgb(95, 102, 117)),
            route: Style::new().fg(Color::Rgb(229, 192, 123)).add_modifier(bold),
            marker: Style::new().fg(Color::Rgb(240, 120, 128)).add_modifier(bold),
            label: Style::new().fg(Color::Rgb(230, 233, 238)).add_modifier(bold),
            stop: Style::new().fg(Color::Rgb(24, 26, 31)).bg(Color::Rgb(229, 192, 123)).add_modifier(bold),
            current: Style::new().fg(Color::Rgb(24, 26, 31)).bg(Color::Rgb(240, 120, 128)).add_modifier(bold),
        },
        // No fill where colours are few or absent: lines and marks only.
        ThemeName::HighContrast | ThemeName::Mono => Palette {
            sea: None,
            land: None,
            coast: theme.muted,
            border: theme.muted,
            route: theme.heading,
            marker: theme.error,
            label: theme.base.add_modifier(bold),
            stop: theme.selection,
            current: theme.selection.add_modifier(Modifier::UNDERLINED),
        },
    }
}

/// Europe, the network's home: where the map opens when there is nothing to place.
const EUROPE: Bounds = Bounds { west: -11.0, south: 35.0, east: 30.0, north: 60.0 };

/// The view the map shows on a grid of `cols` x `rows`: fitted to the places and the tour's
/// stops, then zoomed and moved as asked.
pub fn viewport(content: &MapContent, cols: u16, rows: u16) -> Viewport {
    let stops = content.tour.iter().flat_map(|t| t.stops.iter().flatten().copied());
    let points: Vec<Point> = content.places.iter().map(|p| p.point).chain(stops).filter(|p| p.is_valid()).collect();
    let fitted = match Bounds::around(points) {
        Some(bounds) => Viewport::fit(bounds, cols, rows),
        None => Viewport::around(EUROPE, cols, rows),
    };
    fitted.zoomed(content.zoom).panned(content.pan.0, content.pan.1)
}

/// Draws the map in `area` (no frame around it), with a legend on its last line.
pub fn draw(frame: &mut Frame<'_>, area: Rect, content: &MapContent, theme: &Theme, name: ThemeName, lang: Lang) {
    if area.width < 8 || area.height < 3 {
        return;
    }
    let colours = palette(name, theme);
    let canvas = Rect { height: area.height - 1, ..area };
    let legend = Rect { y: area.bottom() - 1, height: 1, ..area };
    let view = viewport(content, canvas.width, canvas.height);
    let buffer = frame.buffer_mut();
    draw_geography(buffer, canvas, &view, &colours);
    let tour = content.tour.as_ref().map(|t| (t, route(&t.stops)));
    if let Some((_, (places, legs))) = &tour {
        // Three dots wide, so that the route reads from the back of a room.
        let mut dots = Dots::new(canvas);
        for &(from, to) in legs {
            dots.thick_segment(&view, places[from].point, places[to].point, 2);
        }
        dots.render(buffer, &[colours.route, colours.route, colours.route]);
    }
    // Markers: the tour's stops (those that would overlap share one marker, `1–3`), then the
    // results' places gathered where they would overlap.
    let mut marks: Vec<Mark> = Vec::new();
    if let Some((t, (places, _))) = &tour {
        let projected: Vec<(f64, f64, u32)> = places
            .iter()
            .map(|p| {
                let (col, row) = view.project(p.point);
                (col, row, 1)
            })
            .collect();
        for group in cluster(&projected, 4.0) {
            let mut numbers: Vec<usize> = group.members.iter().flat_map(|&m| places[m].numbers.clone()).collect();
            numbers.sort_unstable();
            let first = crate::geo::RouteStop { point: places[group.members[0]].point, numbers };
            let current = t.current.is_some_and(|c| first.numbers.contains(&(c + 1)));
            let mut name = first.numbers.first().and_then(|n| t.names.get(n - 1)).cloned().unwrap_or_default();
            if group.members.len() > 1 {
                name.push_str(&format!(" +{}", group.members.len() - 1));
            }
            let (col, row) = view.project(places[group.members[0]].point);
            marks.push(Mark {
                col,
                row,
                text: format!(" {} ", first.label()),
                style: if current { colours.current } else { colours.stop },
                label: name,
                priority: if current { 0 } else { 2 },
            });
        }
    }
    let projected: Vec<(f64, f64, u32)> = content
        .places
        .iter()
        .map(|p| {
            let (col, row) = view.project(p.point);
            (col, row, p.count)
        })
        .collect();
    for group in cluster(&projected, 3.0) {
        let heaviest = group.members.iter().copied().max_by_key(|&m| (content.places[m].count, std::cmp::Reverse(m)));
        let Some(heaviest) = heaviest else { continue };
        let selected = group.members.iter().any(|&m| content.places[m].selected);
        let covered =
            marks.iter().any(|m| m.priority <= 2 && (m.col - group.col).abs() < 3.0 && (m.row - group.row).abs() < 1.0);
        if covered && !selected {
            continue; // under a stop of the tour, which says more
        }
        let mut label = content.places[heaviest].label.clone();
        if group.members.len() > 1 {
            label.push_str(&format!(" +{}", group.members.len() - 1));
        }
        marks.push(Mark {
            col: group.col,
            row: group.row,
            text: format!("{}{}", if selected { "◆" } else { "●" }, group.weight),
            style: if selected { theme.selection } else { colours.marker },
            label,
            priority: if selected { 1 } else { 3 },
        });
    }
    marks.sort_by_key(|m| m.priority);
    let marks = apart(marks);
    draw_marks(buffer, canvas, &marks, colours.label);
    draw_legend(frame, legend, content, theme, &colours, lang);
}

/// A marker on the grid, with its label.
struct Mark {
    col: f64,
    row: f64,
    text: String,
    style: Style,
    label: String,
    /// Lower first: the current stop, the selected entry, the tour's stops, then the rest.
    priority: u8,
}

/// The marks, most important first, each moved a row up or down where it would cover one
/// already placed, or left out where neither is free: no marker ever hides another.
fn apart(marks: Vec<Mark>) -> Vec<Mark> {
    let mut placed: Vec<Mark> = Vec::new();
    for mut mark in marks {
        let width = mark.text.width() as f64;
        let clear = |placed: &[Mark], col: f64, row: f64| {
            placed.iter().all(|p| {
                row.floor() != p.row.floor()
                    || col.floor() + width <= p.col.floor()
                    || p.col.floor() + p.text.width() as f64 <= col.floor()
            })
        };
        if let Some(row) = [mark.row, mark.row - 1.0, mark.row + 1.0].into_iter().find(|&r| clear(&placed, mark.col, r))
        {
            mark.row = row;
            placed.push(mark);
        }
    }
    placed
}

fn draw_marks(buffer: &mut Buffer, canvas: Rect, marks: &[Mark], label_style: Style) {
    // Markers whose first cell is off the grid are not drawn; their labels neither.
    let on: Vec<(&Mark, u16, u16)> = marks
        .iter()
        .filter(|m| m.col >= 0.0 && m.row >= 0.0 && m.col < f64::from(canvas.width) && m.row < f64::from(canvas.height))
        .map(|m| (m, m.col as u16, m.row as u16))
        .collect();
    let labels: Vec<Label> = on
        .iter()
        .map(|(m, col, row)| {
            let marker = (m.text.width() as u16).min(canvas.width - col);
            let room = canvas.width.saturating_sub(1);
            Label { col: *col, row: *row, marker, width: (m.label.width() as u16).min(room / 2) }
        })
        .collect();
    let spots = place_labels(&labels, canvas.width, canvas.height);
    // Labels under markers, so that a marker is never hidden; labels never cover each other.
    for ((m, _, _), (label, spot)) in on.iter().zip(labels.iter().zip(&spots)) {
        if let Some((col, row)) = spot {
            let text = crate::text::fit(&m.label, usize::from(label.width));
            buffer.set_stringn(canvas.x + col, canvas.y + row, &text, usize::from(label.width), label_style);
        }
    }
    for (m, col, row) in on.iter().rev() {
        let width = usize::from(canvas.width - col);
        buffer.set_stringn(canvas.x + col, canvas.y + row, &m.text, width, m.style);
    }
}

/// The land filled, then its coasts and the borders in braille dots.
fn draw_geography(buffer: &mut Buffer, canvas: Rect, view: &Viewport, colours: &Palette) {
    let shown = view.bounds();
    if let Some(sea) = colours.sea {
        buffer.set_style(canvas, Style::new().bg(sea));
    }
    let Some(level) = Atlas::get().level_for(view.lat_per_row / 4.0, &shown) else { return };
    let rings: Vec<&crate::geo::Line> = level.land.iter().filter(|r| r.bounds.intersects(&shown)).collect();
    if let Some(land) = colours.land {
        fill_land(buffer, canvas, view, &rings, land);
    }
    let mut dots = Dots::new(canvas);
    for border in level.borders.iter().filter(|b| b.bounds.intersects(&shown)) {
        for pair in border.points.windows(2) {
            dots.segment(view, point(pair[0]), point(pair[1]), 1);
        }
    }
    for ring in &rings {
        let closing = [ring.points[ring.points.len() - 1], ring.points[0]];
        for pair in ring.points.windows(2).chain(std::iter::once(&closing[..])) {
            if !level.on_clip_edge(pair[0], pair[1]) {
                dots.segment(view, point(pair[0]), point(pair[1]), 0);
            }
        }
    }
    dots.render(buffer, &[colours.coast, colours.border, colours.coast]);
}

fn point((lon, lat): (f32, f32)) -> Point {
    Point::new(f64::from(lat), f64::from(lon))
}

/// Each cell whose middle is on land gets the land's background, by the even-odd rule along
/// each row of cells.
fn fill_land(buffer: &mut Buffer, canvas: Rect, view: &Viewport, rings: &[&crate::geo::Line], land: Color) {
    let mut crossings: Vec<f64> = Vec::new();
    for row in 0..canvas.height {
        let lat = view.centre.lat - (f64::from(row) + 0.5 - f64::from(canvas.height) / 2.0) * view.lat_per_row;
        crossings.clear();
        for ring in rings.iter().filter(|r| r.bounds.south <= lat && r.bounds.north >= lat) {
            let closing = [ring.points[ring.points.len() - 1], ring.points[0]];
            for pair in ring.points.windows(2).chain(std::iter::once(&closing[..])) {
                let (a, b) = (point(pair[0]), point(pair[1]));
                if (a.lat > lat) != (b.lat > lat) {
                    let lon = a.lon + (lat - a.lat) / (b.lat - a.lat) * (b.lon - a.lon);
                    crossings.push(view.project(Point::new(lat, lon)).0);
                }
            }
        }
        crossings.sort_by(f64::total_cmp);
        for pair in crossings.chunks(2) {
            let [from, to] = pair else { continue };
            let first = (from - 0.5).ceil().max(0.0);
            let last = (to - 0.5).floor().min(f64::from(canvas.width) - 1.0);
            if last < first {
                continue;
            }
            for col in first as u16..=last as u16 {
                buffer[(canvas.x + col, canvas.y + row)].set_bg(land);
            }
        }
    }
}

/// A grid of braille dots (2 x 4 per cell), each remembering the most important line through
/// it: 0 coast, 1 border, 2 route (the higher wins).
struct Dots {
    area: Rect,
    kinds: Vec<Option<u8>>,
}

impl Dots {
    fn new(area: Rect) -> Dots {
        Dots { area, kinds: vec![None; usize::from(area.width) * 2 * usize::from(area.height) * 4] }
    }

    fn width(&self) -> i64 {
        i64::from(self.area.width) * 2
    }

    fn height(&self) -> i64 {
        i64::from(self.area.height) * 4
    }

    /// The line from `a` to `b`, dot by dot, clipped to the grid.
    fn segment(&mut self, view: &Viewport, a: Point, b: Point, kind: u8) {
        let (ax, ay) = view.project(a);
        let (bx, by) = view.project(b);
        let (x0, y0, x1, y1) = (ax * 2.0, ay * 4.0, bx * 2.0, by * 4.0);
        let (w, h) = (self.width() as f64, self.height() as f64);
        if (x0 < 0.0 && x1 < 0.0) || (y0 < 0.0 && y1 < 0.0) || (x0 >= w && x1 >= w) || (y0 >= h && y1 >= h) {
            return;
        }
        let steps = (x1 - x0).abs().max((y1 - y0).abs()).ceil().min(4096.0) as i64;
        for i in 0..=steps {
            let t = if steps == 0 { 0.0 } else { i as f64 / steps as f64 };
            let (x, y) = ((x0 + t * (x1 - x0)).floor() as i64, (y0 + t * (y1 - y0)).floor() as i64);
            if x >= 0 && y >= 0 && x < self.width() && y < self.height() {
                let width = self.width();
                let slot = &mut self.kinds[(y * width + x) as usize];
                *slot = Some(slot.map_or(kind, |k| k.max(kind)));
            }
        }
    }

    /// [`Dots::segment`] drawn again one dot to the right and one down.
    fn thick_segment(&mut self, view: &Viewport, a: Point, b: Point, kind: u8) {
        let (dx, dy) = (view.lon_per_col() / 2.0, view.lat_per_row / 4.0);
        for (east, south) in [(0.0, 0.0), (dx, 0.0), (0.0, dy)] {
            let shift = |p: Point| Point::new(p.lat - south, p.lon + east);
            self.segment(view, shift(a), shift(b), kind);
        }
    }

    /// Each cell with dots becomes a braille character in the style of its highest kind; the
    /// cell's background is kept.
    fn render(&self, buffer: &mut Buffer, styles: &[Style; 3]) {
        const BITS: [[u32; 2]; 4] = [[0x01, 0x08], [0x02, 0x10], [0x04, 0x20], [0x40, 0x80]];
        for row in 0..self.area.height {
            for col in 0..self.area.width {
                let mut bits = 0u32;
                let mut kind: Option<u8> = None;
                for (dy, line) in BITS.iter().enumerate() {
                    for (dx, bit) in line.iter().enumerate() {
                        let x = i64::from(col) * 2 + dx as i64;
                        let y = i64::from(row) * 4 + dy as i64;
                        if let Some(k) = self.kinds[(y * self.width() + x) as usize] {
                            bits |= bit;
                            kind = Some(kind.map_or(k, |old| old.max(k)));
                        }
                    }
                }
                let Some(kind) = kind else { continue };
                let symbol = char::from_u32(0x2800 + bits).unwrap_or(' ');
                let at = Position::new(self.area.x + col, self.area.y + row);
                let style = styles[usize::from(kind).min(2)];
                let cell = &mut buffer[at];
                cell.set_char(symbol).set_fg(style.fg.unwrap_or(Color::Reset));
                cell.modifier = style.add_modifier;
            }
        }
    }
}

/// One line: what the marks mean and the keys, the most needed first; a part that does not
/// fit whole is left out rather than cut.
fn draw_legend(frame: &mut Frame<'_>, area: Rect, content: &MapContent, theme: &Theme, colours: &Palette, lang: Lang) {
    let word = |w| chart_word(lang, w).to_string();
    let mut parts: Vec<Vec<Span>> = Vec::new();
    if let Some(tour) = &content.tour {
        parts.push(vec![Span::styled("━ 1 ", colours.route), Span::styled(word(ChartWord::Route), theme.base)]);
        match tour.current {
            // The stop being presented has no place: the map says so rather than lighting none.
            Some(c) if tour.stops.get(c).is_some_and(Option::is_none) => {
                parts.push(vec![Span::styled(stop_without_place(lang, c + 1), theme.muted)]);
            }
            Some(_) => parts.push(vec![
                Span::styled(" n ", colours.current),
                Span::styled(format!(" {}", word(ChartWord::CurrentStop)), theme.base),
            ]),
            None => {}
        }
    }
    if !content.places.is_empty() {
        parts.push(vec![Span::styled("●n ", colours.marker), Span::styled(word(ChartWord::Entries), theme.base)]);
    }
    if content.places.iter().any(|p| p.selected) {
        parts.push(vec![Span::styled("◆ ", theme.selection), Span::styled(word(ChartWord::Selected), theme.base)]);
    }
    if content.unplaced > 0 {
        parts.push(vec![Span::styled(not_on_map(lang, content.unplaced), theme.muted)]);
    }
    let width = usize::from(area.width);
    let wide = |p: &[Span]| p.iter().map(|s| s.content.width()).sum::<usize>();
    let mut spans: Vec<Span> = Vec::new();
    let mut used = 0;
    for part in parts {
        let gap = if spans.is_empty() { 0 } else { 2 };
        if used + gap + wide(&part) <= width {
            if gap > 0 {
                spans.push(Span::styled("  ", theme.base));
            }
            used += gap + wide(&part);
            spans.extend(part);
        }
    }
    for keys in [word(ChartWord::KeysLong), word(ChartWord::Keys)] {
        let text = if spans.is_empty() { keys } else { format!(" · {keys}") };
        if used + text.width() <= width {
            spans.push(Span::styled(text, theme.muted));
            break;
        }
    }
    frame.render_widget(Paragraph::new(Line::from(spans)).style(theme.base), area);
}
