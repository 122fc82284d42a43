//! The overview screen: the map's zoom and position, Tab between the map and the charts, the
//! charts' cursor and the material groups it unfolds; the rest are Global keys.

use super::super::action::Action;
use super::super::app::App;

pub fn update(app: &mut App, action: Action) {
    // The material rows as last drawn: the cursor moves along what the user sees.
    let rows = app.frame.overview_rows.clone();
    match action {
        Action::ZoomIn => app.overview.zoom_by(1),
        Action::ZoomOut => app.overview.zoom_by(-1),
        Action::PanMap { east, north } => app.overview.pan_by(i32::from(east), i32::from(north)),
        Action::FitMap => app.overview.refit(),
        Action::FocusNext | Action::FocusPrev => {
            app.overview.focus_map = !app.overview.focus_map;
            if app.overview.cursor.is_none() {
                app.overview.cursor = rows.first().copied();
            }
        }
        Action::Up => app.overview.move_cursor(&rows, -1),
        Action::Down => app.overview.move_cursor(&rows, 1),
        Action::Expand => app.overview.unfold(),
        Action::Collapse => {
            let materials = &app.indexed.catalogue().vocabularies.materials;
            let parent =
                app.overview.cursor.and_then(|c| (c < materials.len()).then(|| materials.parent_of(c)).flatten());
            app.overview.fold(parent);
        }
        other => {
            super::global::update(app, other);
        }
    }
}
