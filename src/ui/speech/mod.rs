//! The screen-reader mode (`--screen-reader`): instead of a drawn screen, plain lines appended
//! to the terminal as things change, each said once: where the keys are, the selected entry in
//! one line (title, kind, place, « 3 sur 90 »), the entry read whole when opened, the help and
//! the problems as lists, the message of the status line. Nothing is said again while nothing
//! changes, so a screen reader hears each thing once and an idle dashboard writes nothing.
//!
//! Like the views, this only reads the state, and each function is given the parts it reads.

mod lines;

use super::action::Pane;
use super::app::Target;
use super::shared::Shared;
use super::state::BrowseState;

/// What was said last, by kind: a line is said again only when what it says changed.
#[derive(Debug, Default)]
pub struct Transcript {
    started: bool,
    place: Option<String>,
    selection: Option<String>,
    entry: Option<String>,
    overlay: Option<String>,
    found: Option<String>,
    message: Option<String>,
}

impl Transcript {
    /// The lines to append now, the selection last (the cursor rests on it).
    pub fn news(&mut self, shared: &Shared, browse: &BrowseState, target: Target, loading: bool) -> Vec<String> {
        let lang = shared.lang();
        let mut said = Vec::new();
        if !self.started {
            self.started = true;
            said.push(crate::i18n::config::reader_start(lang).to_string());
        }
        let place = lines::place(shared, browse, target);
        if once(&mut self.place, Some(place.clone())) {
            said.push(place);
            // Back to a list from elsewhere (an entry, the help): the selection is said again,
            // so that the cursor rests on it.
            if matches!(target, Target::Pane(Pane::Results | Pane::Facets)) {
                self.selection = None;
            }
        }
        // An overlay is read whole when it opens (the help, the problems, a dialog).
        let overlay = lines::overlay(shared, target);
        let overlay_key = overlay.as_ref().map(|l| l.join("\n"));
        if once(&mut self.overlay, overlay_key) {
            said.extend(overlay.unwrap_or_default());
        }
        if let Some(found) = lines::found(shared, browse, target).filter(|_| !loading)
            && once(&mut self.found, Some(found.clone()))
        {
            said.push(found);
        }
        let entry = lines::entry(shared, browse, target);
        let entry_key = entry.as_ref().and_then(|l| l.first().cloned());
        if once(&mut self.entry, entry_key) {
            said.extend(entry.unwrap_or_default());
        }
        if once(&mut self.message, shared.message().map(str::to_string))
            && let Some(message) = shared.message()
        {
            said.push(message.to_string());
        }
        if let Some(selection) = lines::selection(shared, browse, target)
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
