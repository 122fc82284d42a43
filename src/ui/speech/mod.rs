//! The screen-reader mode (`--screen-reader`): instead of a drawn screen, plain lines appended
//! to the terminal as things change, each said once: where the keys are, the selection in one
//! line (an entry: title, kind, place, « 3 sur 90 »; a filter's value; a tour, a stop, a
//! shortlist item, a slide), an entry read whole when opened, the help and the problems as
//! lists, the export dialog's choices, the message of the status line. Nothing is said again
//! while nothing changes, so a screen reader hears each thing once and an idle dashboard
//! writes nothing.
//!
//! Like the views, this only reads the state; each function is given the parts it reads.

mod form;
mod lines;
mod overview;
mod screens;
mod seen;

pub use seen::Seen;

use super::action::Pane;
use super::app::Target;

/// What was said last, by kind: a line is said again only when what it says changed.
#[derive(Debug, Default)]
pub struct Transcript {
    started: bool,
    place: Option<String>,
    selection: Option<String>,
    entry: Option<String>,
    overlay: Option<String>,
    dialog: Option<String>,
    found: Option<String>,
    message: Option<String>,
}

impl Transcript {
    /// The lines to append now, the selection last (the cursor rests on it).
    pub fn news(&mut self, seen: &Seen) -> Vec<String> {
        let Seen { shared, browse, target, .. } = *seen;
        let mut said = Vec::new();
        if !self.started {
            self.started = true;
            said.push(crate::i18n::config::reader_start(shared.lang()).to_string());
        }
        let place = lines::place(shared, browse, target);
        if once(&mut self.place, Some(place.clone())) {
            said.push(place);
            // Back to a list from elsewhere (an entry, the help): the selection is said again,
            // so that the cursor rests on it.
            // (Not after an entry read whole: its title was just said.)
            if matches!(target, Target::Pane(pane) if pane != Pane::Detail) {
                self.selection = None;
            }
        }
        // An overlay is read whole when it opens (the help, the problems).
        let overlay = lines::overlay(shared, target);
        if once(&mut self.overlay, overlay.as_ref().map(|l| l.join("\n"))) {
            said.extend(overlay.unwrap_or_default());
        }
        // A dialog is said again as its choices change.
        if let Some(dialog) = screens::dialog(seen)
            && once(&mut self.dialog, Some(dialog.clone()))
        {
            said.push(dialog);
        }
        if let Some(found) = lines::found(shared, browse, target).filter(|_| !seen.loading)
            && once(&mut self.found, Some(found.clone()))
        {
            said.push(found);
        }
        let entry = screens::reading(seen);
        if once(&mut self.entry, entry.as_ref().and_then(|l| l.first().cloned())) {
            said.extend(entry.unwrap_or_default());
        }
        if once(&mut self.message, shared.message().map(str::to_string))
            && let Some(message) = shared.message()
        {
            said.push(message.to_string());
        }
        if let Some(selection) = screens::selection(seen)
            && once(&mut self.selection, Some(selection.clone()))
        {
            said.push(selection);
        }
        said
    }
}

/// Keeps `now` as what was said; true when it differs from what was, and is something.
fn once(last: &mut Option<String>, now: Option<String>) -> bool {
    if *last == now {
        return false;
    }
    let new = now.is_some();
    *last = now;
    new
}
