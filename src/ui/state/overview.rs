//! The overview screen's state: how the map was moved since it was fitted to the results, and
//! which material groups are unfolded.

/// The map opens fitted to what it shows ([`crate::geo::Viewport::fit`]); these say how far
/// the user moved from there, so that `0` (all back to zero) fits it again.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct OverviewState {
    /// `+` presses less `-` presses.
    pub zoom: i32,
    /// Arrow presses east and north.
    pub pan: (i32, i32),
    /// Material values whose members are shown (`→` on a group).
    pub unfolded: Vec<usize>,
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
