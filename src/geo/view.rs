//! Where a place falls on a grid of terminal cells, and which part of the world the grid shows.
//!
//! The projection is equirectangular, longitudes shrunk by the cosine of the view's middle
//! latitude: at the scale of a country or of Europe it keeps shapes recognisable, and a
//! straight line stays straight. A terminal cell is about twice as tall as it is wide, so one
//! cell covers twice as many degrees of latitude as of (shrunk) longitude.

use super::{Bounds, Point};

/// How much taller a cell is than wide.
pub const CELL_ASPECT: f64 = 2.0;
/// Each `+` shows this much less of the world, each `-` this much more.
pub const ZOOM_FACTOR: f64 = 1.6;
/// An arrow key moves the view by this share of its width or height.
pub const PAN_SHARE: f64 = 0.25;
/// The smallest extent a fitted view shows, in degrees of latitude: one place alone is shown
/// with its surroundings (about 130 km: for a Nord-Pas-de-Calais, the coast and the border),
/// not at street level.
pub const MIN_SPAN_LAT: f64 = 1.2;
/// The closest a view may come, in degrees of latitude across.
pub const MAX_ZOOM_SPAN_LAT: f64 = 0.02;

/// What a grid of `cols` x `rows` cells shows: the point at its middle and how many degrees
/// of latitude one cell's height covers.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Viewport {
    pub centre: Point,
    /// Degrees of latitude per cell row.
    pub lat_per_row: f64,
    pub cols: u16,
    pub rows: u16,
}

impl Viewport {
    /// The view of the whole of `bounds`, with a margin, on a grid of `cols` x `rows`.
    pub fn fit(bounds: Bounds, cols: u16, rows: u16) -> Viewport {
        let centre = Point::new((bounds.south + bounds.north) / 2.0, (bounds.west + bounds.east) / 2.0);
        let shrink = shrink_at(centre.lat);
        let cols_f = f64::from(cols.max(1));
        let rows_f = f64::from(rows.max(1));
        let span_lat = (bounds.north - bounds.south).max(MIN_SPAN_LAT);
        let span_lon = (bounds.east - bounds.west) * shrink;
        // A margin of a tenth on each side, and room for a label at the edge.
        let by_height = span_lat * 1.2 / rows_f;
        let by_width = span_lon * 1.2 / cols_f * CELL_ASPECT;
        Viewport { centre, lat_per_row: by_height.max(by_width), cols, rows }
    }

    /// The view around a box of degrees that is not about points (Europe, the world).
    pub fn around(bounds: Bounds, cols: u16, rows: u16) -> Viewport {
        let mut view = Viewport::fit(bounds, cols, rows);
        view.lat_per_row /= 1.2;
        view
    }

    /// The same grid, `steps` times closer (negative: farther), never closer than
    /// [`MAX_ZOOM_SPAN_LAT`] across nor farther than the whole world.
    pub fn zoomed(self, steps: i32) -> Viewport {
        let rows = f64::from(self.rows.max(1));
        let lat_per_row = (self.lat_per_row / ZOOM_FACTOR.powi(steps)).clamp(MAX_ZOOM_SPAN_LAT / rows, 180.0 / rows);
        Viewport { lat_per_row, ..self }
    }

    /// The view moved by `dx` widths and `dy` heights of [`PAN_SHARE`] (east and north positive).
    pub fn panned(self, dx: i32, dy: i32) -> Viewport {
        let lat = self.centre.lat + f64::from(dy) * PAN_SHARE * self.lat_per_row * f64::from(self.rows);
        let lat = lat.clamp(-85.0, 85.0);
        let lon_per_col = self.lat_per_row / CELL_ASPECT / shrink_at(lat);
        let lon = self.centre.lon + f64::from(dx) * PAN_SHARE * lon_per_col * f64::from(self.cols);
        let lon = (lon + 540.0).rem_euclid(360.0) - 180.0;
        Viewport { centre: Point::new(lat, lon), ..self }
    }

    /// Degrees of longitude per cell column.
    pub fn lon_per_col(&self) -> f64 {
        self.lat_per_row / CELL_ASPECT / shrink_at(self.centre.lat)
    }

    /// Where a point falls, in cells from the grid's top-left corner (fractional; may be
    /// outside the grid).
    pub fn project(&self, p: Point) -> (f64, f64) {
        let col = (p.lon - self.centre.lon) / self.lon_per_col() + f64::from(self.cols) / 2.0;
        let row = (self.centre.lat - p.lat) / self.lat_per_row + f64::from(self.rows) / 2.0;
        (col, row)
    }

    /// The cell a point falls in, if it is on the grid.
    pub fn cell(&self, p: Point) -> Option<(u16, u16)> {
        let (col, row) = self.project(p);
        let inside = col >= 0.0 && row >= 0.0 && col < f64::from(self.cols) && row < f64::from(self.rows);
        inside.then_some((col as u16, row as u16))
    }

    /// The degrees the grid shows.
    pub fn bounds(&self) -> Bounds {
        let half_lon = self.lon_per_col() * f64::from(self.cols) / 2.0;
        let half_lat = self.lat_per_row * f64::from(self.rows) / 2.0;
        Bounds {
            west: self.centre.lon - half_lon,
            east: self.centre.lon + half_lon,
            south: self.centre.lat - half_lat,
            north: self.centre.lat + half_lat,
        }
    }
}

/// How much a degree of longitude is shorter than one of latitude at `lat`; never below a
/// tenth, so that a view near a pole stays finite.
fn shrink_at(lat: f64) -> f64 {
    lat.to_radians().cos().max(0.1)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn nord_pas_de_calais() -> Bounds {
        Bounds { west: 1.6, south: 50.0, east: 4.2, north: 51.1 }
    }

    #[test]
    fn a_fitted_view_holds_every_point_inside_the_grid() {
        let b = nord_pas_de_calais();
        for (cols, rows) in [(38, 18), (78, 44), (120, 40), (20, 40)] {
            let view = Viewport::fit(b, cols, rows);
            for p in [Point::new(b.south, b.west), Point::new(b.north, b.east), Point::new(50.43, 2.83)] {
                assert!(view.cell(p).is_some(), "{p:?} off a {cols}x{rows} grid: {view:?}");
            }
            // And it is not a view of Europe: the box takes most of one of the grid's sides.
            let (w, n) = view.project(Point::new(b.north, b.west));
            let (e, s) = view.project(Point::new(b.south, b.east));
            let share = ((e - w) / f64::from(cols)).max((s - n) / f64::from(rows));
            assert!(share > 0.75, "{share} of the grid for {cols}x{rows}");
        }
    }

    #[test]
    fn one_point_is_shown_with_its_surroundings() {
        let p = Point::new(50.53, 2.64);
        let view = Viewport::fit(Bounds::around([p]).unwrap(), 80, 40);
        assert_eq!(view.cell(p), Some((40, 20)));
        let b = view.bounds();
        assert!(b.north - b.south >= MIN_SPAN_LAT, "{b:?}");
        assert!(b.north - b.south < 3.0, "{b:?}");
    }

    #[test]
    fn north_is_up_and_east_is_right() {
        let view = Viewport::fit(nord_pas_de_calais(), 80, 40);
        let lille = view.project(Point::new(50.63, 3.06));
        let bethune = view.project(Point::new(50.53, 2.64));
        assert!(lille.0 > bethune.0, "Lille is east of Béthune");
        assert!(lille.1 < bethune.1, "and north of it");
    }

    #[test]
    fn zooming_in_then_out_comes_back_and_panning_moves_by_a_quarter() {
        let view = Viewport::fit(nord_pas_de_calais(), 80, 40);
        let back = view.zoomed(2).zoomed(-2);
        assert!((back.lat_per_row - view.lat_per_row).abs() < 1e-12);
        assert!(view.zoomed(1).lat_per_row < view.lat_per_row);
        let moved = view.panned(1, 0);
        let (col, _) = moved.project(view.centre);
        assert!((col - 20.0).abs() < 1e-6, "the old centre is a quarter to the left: {col}");
        let up = view.panned(0, 1);
        let (_, row) = up.project(view.centre);
        assert!((row - 30.0).abs() < 1e-6, "the old centre is a quarter lower: {row}");
    }

    #[test]
    fn zoom_and_pan_stay_finite_at_the_extremes() {
        let mut view = Viewport::fit(nord_pas_de_calais(), 80, 40);
        for _ in 0..100 {
            view = view.zoomed(-1).panned(3, 3);
        }
        assert!(view.lat_per_row <= 180.0 / 40.0 && view.centre.lat <= 85.0, "{view:?}");
        for _ in 0..100 {
            view = view.zoomed(1).panned(-3, -3);
        }
        assert!(view.lat_per_row * 40.0 >= MAX_ZOOM_SPAN_LAT - 1e-12, "{view:?}");
        assert!(view.centre.lon.is_finite() && view.centre.lon.abs() <= 180.0, "{view:?}");
        let tiny = Viewport::fit(nord_pas_de_calais(), 0, 0);
        assert!(tiny.lat_per_row.is_finite());
    }
}
