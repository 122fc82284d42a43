//! The overview screen's state: how close the map is.

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

#[derive(Clone, Copy, Debug, Default)]
pub struct OverviewState {
    pub zoom: MapZoom,
}
