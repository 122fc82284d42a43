//! The overview screen's state: how close the map is, and how many of the results shown have
//! each value of the charted facets.

use crate::query::Facet;

/// How much of the world the map shows.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum MapZoom {
    World,
    /// The default: the network's home.
    #[default]
    Europe,
    /// Around the selected entry, or the results' middle.
    Region,
}

impl MapZoom {
    pub fn closer(self) -> MapZoom {
        match self {
            MapZoom::World => MapZoom::Europe,
            MapZoom::Europe | MapZoom::Region => MapZoom::Region,
        }
    }

    pub fn wider(self) -> MapZoom {
        match self {
            MapZoom::Region => MapZoom::Europe,
            MapZoom::Europe | MapZoom::World => MapZoom::World,
        }
    }
}

#[derive(Clone, Debug, Default)]
pub struct OverviewState {
    pub zoom: MapZoom,
    pub(in crate::ui) tally: Tally,
}

impl OverviewState {
    /// How many of the results shown have each value of `facet` (a value counts its
    /// sub-values' entries), by value position; empty for a facet that is not charted.
    pub fn counts(&self, facet: Facet) -> &[u32] {
        self.tally.counts.iter().find(|(f, _)| *f == facet).map_or(&[], |(_, counts)| counts.as_slice())
    }
}

/// The charts' and the map's counts, taken when the results they are of came (with a value of a
/// charted facet selected, that is a search of every result: never a frame's work).
#[derive(Clone, Debug, Default)]
pub struct Tally {
    /// The search whose results these are ([`ResultList::shown_generation`](super::ResultList::shown_generation)).
    of: Option<u64>,
    counts: Vec<(Facet, Vec<u32>)>,
}

impl Tally {
    pub fn is_of(&self, generation: u64) -> bool {
        self.of == Some(generation)
    }

    pub fn set(&mut self, generation: u64, counts: Vec<(Facet, Vec<u32>)>) {
        self.of = Some(generation);
        self.counts = counts;
    }
}
