//! Keys while the help or the problems panel is open: scrolling, bounded by the length the
//! last frame drew, moving the problems' cursor, opening the problem under it in the editor,
//! and closing. They take every key but those that always work.

use super::super::action::{Action, Handled};
use super::super::screen::Overlay;
use super::super::shared::Shared;

pub fn update(shared: &mut Shared, overlay: Overlay, action: &Action) -> Handled {
    if *action == own_toggle(overlay) || matches!(action, Action::CloseOverlay | Action::Back | Action::Cancel) {
        shared.overlays.pop();
        return Handled::done();
    }
    if *action == Action::OpenProblem {
        return Handled::Done(super::edit::open_problem(shared));
    }
    if action.always_works() {
        return Handled::Ignored;
    }
    let problems = shared.problems.len();
    let (page, lines) = (shared.frame.overlay_page.max(1), shared.frame.overlay_lines);
    let Some(layer) = shared.overlays.last_mut() else { return Handled::done() };
    if overlay == Overlay::Problems && problems > 0 {
        // The panel moves a cursor over the problems; the view scrolls to keep it in sight.
        layer.cursor = match action {
            Action::Up => layer.cursor.saturating_sub(1),
            Action::Down => layer.cursor + 1,
            Action::PageUp => layer.cursor.saturating_sub(5),
            Action::PageDown => layer.cursor + 5,
            Action::Home => 0,
            Action::End => problems - 1,
            _ => layer.cursor,
        }
        .min(problems - 1);
        return Handled::done();
    }
    let max = u16::try_from(lines.saturating_sub(usize::from(page))).unwrap_or(u16::MAX);
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
    Handled::done()
}

/// The action that opens an overlay, which also closes it.
#[deny(clippy::wildcard_enum_match_arm)]
fn own_toggle(overlay: Overlay) -> Action {
    match overlay {
        Overlay::Help => Action::ToggleHelp,
        Overlay::Problems => Action::ToggleProblems,
        // Their keys are handled in `export`, `note` and `form`.
        Overlay::Export => Action::OpenExport,
        Overlay::Note => Action::EditNote,
        Overlay::Form => Action::EditEntry,
    }
}
