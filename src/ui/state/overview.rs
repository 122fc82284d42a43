//! The overview screen's state: how the map was moved since it was fitted to the results,
//! which material groups are unfolded, and what it shows of the results ([`Tally`]: the
//! charts' counts and the map's places, of every result, not only the first page).

use crate::geo::Point;
use crate::model::{Catalogue, Entry};
use crate::query::Facet;
use crate::text::Lang;

/// The facets the charts count, in the order drawn.
pub const CHARTED: [Facet; 5] = [Facet::Material, Facet::Theme, Facet::Region, Facet::Stage, Facet::Year];

/// The map opens fitted to what it shows ([`crate::geo::Viewport::fit`]); these say how far
/// the user moved from there, so that `0` (all back to zero) fits it again.
#[derive(Clone, Debug)]
pub struct OverviewState {
    /// `+` presses less `-` presses.
    pub zoom: i32,
    /// Arrow presses east and north.
    pub pan: (i32, i32),
    /// Material values whose members are shown (`→` on a group).
    pub unfolded: Vec<usize>,
    /// Whether the arrows move the map (the default: a projector's keys) or the charts'
    /// cursor; Tab switches.
    pub focus_map: bool,
    /// The material value at the charts' cursor.
    pub cursor: Option<usize>,
    /// What the charts and the map show of the results, taken when they change.
    pub(in crate::ui) tally: Tally,
}

impl Default for OverviewState {
    fn default() -> OverviewState {
        OverviewState {
            zoom: 0,
            pan: (0, 0),
            unfolded: Vec::new(),
            focus_map: true,
            cursor: None,
            tally: Tally::default(),
        }
    }
}

impl OverviewState {
    /// Each step shows [`crate::geo::view::ZOOM_FACTOR`] times more or less; at most 12 steps
    /// either way (a street's width, or the whole world, from a region).
    pub fn zoom_by(&mut self, steps: i32) {
        self.zoom = (self.zoom + steps).clamp(-12, 12);
    }

    pub fn pan_by(&mut self, east: i32, north: i32) {
        self.pan = ((self.pan.0 + east).clamp(-400, 400), (self.pan.1 + north).clamp(-400, 400));
    }

    /// Fitted to the results again.
    pub fn refit(&mut self) {
        self.zoom = 0;
        self.pan = (0, 0);
    }
}

impl OverviewState {
    /// Moves the charts' cursor along `rows` (the material values as last drawn) by `step`.
    pub fn move_cursor(&mut self, rows: &[usize], step: isize) {
        let at = self.cursor.and_then(|c| rows.iter().position(|&r| r == c));
        let next = match at {
            Some(i) => i.saturating_add_signed(step).min(rows.len().saturating_sub(1)),
            None => 0,
        };
        self.cursor = rows.get(next).copied();
    }

    /// Unfolds the group at the cursor.
    pub fn unfold(&mut self) {
        if let Some(value) = self.cursor
            && !self.unfolded.contains(&value)
        {
            self.unfolded.push(value);
        }
    }

    /// Folds the group at the cursor, else the one it belongs to (its `parent`), the cursor
    /// going to it.
    pub fn fold(&mut self, parent: Option<usize>) {
        let Some(value) = self.cursor else { return };
        if self.unfolded.contains(&value) {
            self.unfolded.retain(|&v| v != value);
        } else if let Some(parent) = parent {
            self.unfolded.retain(|&v| v != parent);
            self.cursor = Some(parent);
        }
    }
}

impl OverviewState {
    /// What the charts and the map show of the results.
    pub fn tally(&self) -> &Tally {
        &self.tally
    }
}

/// The charts' counts and the map's places, of every result: taken by
/// [`crate::ui::update`] when the results shown change while the overview is on screen,
/// never while drawing (with more results than the first page, that takes a search of them all).
#[derive(Clone, Debug, Default)]
pub struct Tally {
    /// The search whose results these are ([`super::ResultList::shown_generation`]).
    of: Option<u64>,
    /// For each of [`CHARTED`], how many results have each value.
    counts: Vec<Vec<u32>>,
    places: Vec<Spot>,
    unplaced: usize,
    /// The catalogue positions of every result, in order: whether the shown entry is one.
    members: Vec<usize>,
}

/// A place with results: where, how many, what it is called.
#[derive(Clone, Debug, PartialEq)]
pub struct Spot {
    pub point: Point,
    pub count: u32,
    pub label: String,
}

impl Tally {
    pub fn is_of(&self, generation: u64) -> bool {
        self.of == Some(generation)
    }

    /// The tally of the search `generation`: `counts` for each of [`CHARTED`], and `entries`,
    /// the catalogue positions of all its results.
    pub fn new(generation: u64, counts: Vec<Vec<u32>>, entries: &[usize], catalogue: &Catalogue, lang: Lang) -> Tally {
        let mut places: Vec<Spot> = Vec::new();
        let mut unplaced = 0;
        for &index in entries {
            let entry = &catalogue.entries()[index];
            let Some(point) = place_of(catalogue, entry) else {
                unplaced += 1;
                continue;
            };
            match places.iter_mut().find(|p| p.point == point) {
                Some(place) => place.count += 1,
                None => places.push(Spot { point, count: 1, label: place_name(catalogue, entry, lang) }),
            }
        }
        let mut members = entries.to_vec();
        members.sort_unstable();
        Tally { of: Some(generation), counts, places, unplaced, members }
    }

    /// How many results have each value of `facet` (empty for a facet not charted).
    pub fn counts(&self, facet: Facet) -> &[u32] {
        CHARTED.iter().position(|&f| f == facet).and_then(|i| self.counts.get(i)).map_or(&[], Vec::as_slice)
    }

    pub fn places(&self) -> &[Spot] {
        &self.places
    }

    /// Results with no place at all.
    pub fn unplaced(&self) -> usize {
        self.unplaced
    }

    /// Whether the entry at `index` in the catalogue is one of the results.
    pub fn has(&self, index: usize) -> bool {
        self.members.binary_search(&index).is_ok()
    }
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
pub fn place_name(catalogue: &Catalogue, entry: &Entry, lang: Lang) -> String {
    let Some(location) = entry.common.location.as_ref() else { return String::new() };
    if location.coordinates.is_some()
        && let Some(place) = &location.place
    {
        return place.get(lang).to_string();
    }
    let regions = &catalogue.vocabularies.regions;
    regions.get(location.region.as_str()).map(|t| t.label.get(lang).to_string()).unwrap_or_default()
}
