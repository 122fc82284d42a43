//! Geography for the map, below the dashboard and free of it: the embedded coastlines and
//! borders ([`atlas`]), where a place falls on a grid of terminal cells ([`view`]), markers
//! that would overlap gathered into one with a count ([`cluster`]), labels placed so that none
//! covers another ([`labels`]), and a tour's stops as a numbered route ([`route`]).
//! Everything here is a pure function of its arguments.

pub mod atlas;
pub mod cluster;
pub mod labels;
pub mod nuts;
mod nuts_boxes;
pub mod route;
pub mod view;

pub use atlas::{Atlas, Level, Line};
pub use cluster::{Cluster, cluster};
pub use labels::{Label, place_labels};
pub use route::{RouteStop, route};
pub use view::Viewport;

/// A place on Earth, in degrees. The catalogue writes `(latitude, longitude)`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Point {
    pub lat: f64,
    pub lon: f64,
}

impl Point {
    pub fn new(lat: f64, lon: f64) -> Point {
        Point { lat, lon }
    }

    /// From the catalogue's `(latitude, longitude)`.
    pub fn from_lat_lon((lat, lon): (f64, f64)) -> Point {
        Point { lat, lon }
    }

    pub fn is_valid(self) -> bool {
        self.lat.is_finite() && self.lon.is_finite() && self.lat.abs() <= 90.0 && self.lon.abs() <= 180.0
    }
}

/// A box in degrees: west, south, east, north.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Bounds {
    pub west: f64,
    pub south: f64,
    pub east: f64,
    pub north: f64,
}

impl Bounds {
    pub fn contains(&self, p: Point) -> bool {
        p.lon >= self.west && p.lon <= self.east && p.lat >= self.south && p.lat <= self.north
    }

    pub fn intersects(&self, other: &Bounds) -> bool {
        self.west <= other.east && other.west <= self.east && self.south <= other.north && other.south <= self.north
    }

    /// The smallest box holding every point, or `None` for no point.
    pub fn around(points: impl IntoIterator<Item = Point>) -> Option<Bounds> {
        let mut it = points.into_iter();
        let first = it.next()?;
        let mut b = Bounds { west: first.lon, south: first.lat, east: first.lon, north: first.lat };
        for p in it {
            b.west = b.west.min(p.lon);
            b.east = b.east.max(p.lon);
            b.south = b.south.min(p.lat);
            b.north = b.north.max(p.lat);
        }
        Some(b)
    }
}
