//! The overview screen: the map's zoom; the rest are Global keys.

use super::super::action::Action;
use super::super::app::App;

pub fn update(app: &mut App, action: Action) {
    match action {
        Action::ZoomIn => app.overview.zoom = app.overview.zoom.closer(),
        Action::ZoomOut => app.overview.zoom = app.overview.zoom.wider(),
        other => {
            super::global::update(app, other);
        }
    }
}
