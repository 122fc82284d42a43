//! The overview screen's state: how the map was moved since it was fitted to the results, and
//! which material groups are unfolded.

/// The map opens fitted to what it shows ([`crate::geo::Viewport::fit`]); these say how far
/// the user moved from there, so that `0` (all back to zero) fits it again.
#[derive(Clone, Debug, PartialEq, Eq)]
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
}

impl Default for OverviewState {
    fn default() -> OverviewState {
        OverviewState { zoom: 0, pan: (0, 0), unfolded: Vec::new(), focus_map: true, cursor: None }
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
