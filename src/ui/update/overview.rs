//! The overview screen: the map's zoom; the rest are Global keys.

use super::super::action::Action;
use super::super::app::App;

pub fn update(app: &mut App, action: Action) {
    match action {
        Action::ZoomIn => app.overview.zoom_by(1),
        Action::ZoomOut => app.overview.zoom_by(-1),
        other => {
            super::global::update(app, other);
        }
    }
}
