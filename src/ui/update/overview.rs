//! The overview screen: the map's zoom; the rest are the keys every tab shares.

use super::super::action::{Action, Handled};
use super::super::state::OverviewState;

pub fn update(overview: &mut OverviewState, action: &Action) -> Handled {
    match action {
        Action::ZoomIn => overview.zoom = overview.zoom.closer(),
        Action::ZoomOut => overview.zoom = overview.zoom.wider(),
        _ => return Handled::Ignored,
    }
    Handled::done()
}
