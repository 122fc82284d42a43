//! Keys while an overlay is open: scrolling, bounded by the length the last frame drew, and
//! closing.

use super::super::action::Action;
use super::super::app::App;
use super::super::screen::Overlay;

pub fn update(app: &mut App, overlay: Overlay, action: Action) {
    if own_toggle(overlay) == action || matches!(action, Action::CloseOverlay | Action::Back | Action::SearchCancel) {
        app.overlays.pop();
        return;
    }
    let Some(layer) = app.overlays.last_mut() else { return };
    let page = app.frame.overlay_page.max(1);
    let max = u16::try_from(app.frame.overlay_lines.saturating_sub(usize::from(page))).unwrap_or(u16::MAX);
    let scroll = layer.scroll;
    layer.scroll = match action {
        Action::Up => scroll.saturating_sub(1),
        Action::Down => scroll.saturating_add(1),
        Action::PageUp => scroll.saturating_sub(page),
        Action::PageDown => scroll.saturating_add(page),
        Action::Home => 0,
        Action::End => max,
        _ => scroll,
    }
    .min(max);
}

/// The action that opens an overlay, which also closes it.
#[deny(clippy::wildcard_enum_match_arm)]
fn own_toggle(overlay: Overlay) -> Action {
    match overlay {
        Overlay::Help => Action::ToggleHelp,
        Overlay::Problems => Action::ToggleProblems,
        // Their keys are handled in `export` and `marks`.
        Overlay::Export => Action::OpenExport,
        Overlay::Note => Action::EditNote,
    }
}
