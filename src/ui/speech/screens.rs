//! What each screen says in the screen-reader mode: its selection in one line, the entry it
//! opens read whole, and its dialogs' choices.

use super::super::app::Target;
use super::super::keymap::Context;
use super::super::screen::{Overlay, Screen};
use super::super::shared::Shared;
use super::super::state::{ExportStep, PresentState, ShortlistScreen, Slide, ToursLevel, ToursState};
use super::lines::{entry_line, entry_lines, selection as browse_selection, shown_entry};
use super::seen::Seen;
use crate::i18n::config as say;
use crate::i18n::{Word, with_colon, word};

/// The selection of the screen in one line: the entry, the tour, the stop, the shortlist's
/// item, the slide.
#[deny(clippy::wildcard_enum_match_arm)]
pub fn selection(seen: &Seen) -> Option<String> {
    let shared = seen.shared;
    match shared.screen() {
        Screen::Browse => browse_selection(shared, seen.browse, seen.target),
        Screen::Tours => tour_or_stop(shared, seen.tours),
        Screen::Shortlist => shortlist_item(shared, seen.shortlist),
        Screen::Present => slide(shared, seen.present),
        Screen::Overview => None,
    }
}

/// The entry opened, read whole: in the entry pane, or a tour's stop opened; or the
/// overview's charts and map, as lists.
pub fn reading(seen: &Seen) -> Option<Vec<String>> {
    let shared = seen.shared;
    let catalogue = shared.catalogue();
    let index = match shared.screen() {
        Screen::Browse => shown_entry(shared, seen.browse, seen.target)?,
        Screen::Tours if seen.tours.level() == ToursLevel::Entry && matches!(seen.target, Target::Pane(_)) => {
            let tour = seen.tours.tour(catalogue)?;
            let stop = super::super::state::tours::stops(tour).get(seen.tours.stop(catalogue))?;
            catalogue.entries().iter().position(|e| e.id == stop.entry)?
        }
        Screen::Overview if matches!(seen.target, Target::Pane(_)) => return Some(super::overview::lines(seen)),
        Screen::Tours | Screen::Shortlist | Screen::Present | Screen::Overview => return None,
    };
    Some(entry_lines(catalogue, catalogue.entries().get(index)?, shared.lang()))
}

fn tour_or_stop(shared: &Shared, tours: &ToursState) -> Option<String> {
    use super::super::state::tours::{stops, tours as all_tours};
    let catalogue = shared.catalogue();
    let lang = shared.lang();
    let tour = tours.tour(catalogue)?;
    match tours.level() {
        ToursLevel::Tours => {
            let position = tours.tour_position(catalogue)?;
            Some(entry_line(catalogue, tour, lang, Some((position, all_tours(catalogue).len()))))
        }
        ToursLevel::Stops | ToursLevel::Entry => {
            let all = stops(tour);
            let at = tours.stop(catalogue);
            let stop = all.get(at)?;
            let entry = catalogue.get(stop.entry.as_str())?;
            let mut line = entry_line(catalogue, entry, lang, Some((at, all.len())));
            if let Some(note) = &stop.note {
                line.push_str(&format!(" — {}", note.get(lang)));
            }
            Some(line)
        }
    }
}

fn shortlist_item(shared: &Shared, screen: &ShortlistScreen) -> Option<String> {
    let items = shared.shortlist().items();
    let at = screen.cursor(items.len());
    let item = items.get(at)?;
    let catalogue = shared.catalogue();
    let lang = shared.lang();
    let mut line = match catalogue.get(item.id.as_str()) {
        Some(entry) => entry_line(catalogue, entry, lang, Some((at, items.len()))),
        None => format!("{}, {}", item.id.as_str(), say::position(lang, at + 1, items.len())),
    };
    if !item.note.is_empty() {
        line.push_str(&format!(" — {}", item.note));
    }
    Some(line)
}

fn slide(shared: &Shared, present: &PresentState) -> Option<String> {
    let catalogue = shared.catalogue();
    let lang = shared.lang();
    if let Some(jump) = present.jump() {
        let hit = jump.hits.get(jump.cursor)?;
        let entry = catalogue.get(hit.as_str())?;
        return Some(entry_line(catalogue, entry, lang, Some((jump.cursor, jump.hits.len()))));
    }
    let at = Some((present.position(), present.slides().len()));
    let id = match (present.detour(), present.slide()?) {
        (Some(detour), _) => detour,
        (None, Slide::Entry { id, .. }) => id,
        (None, Slide::Overview) => return Some(Context::Overview.title(lang).to_string()),
    };
    let entry = catalogue.get(id.as_str())?;
    Some(entry_line(catalogue, entry, lang, at))
}

/// The export dialog's choices and where it stands, the note being written, the form's line,
/// or the jump search being typed, in one line.
pub fn dialog(seen: &Seen) -> Option<String> {
    let (shared, export, shortlist) = (seen.shared, seen.export, seen.shortlist);
    let lang = shared.lang();
    if let Some(jump) = seen.present.jump().filter(|_| shared.screen() == Screen::Present) {
        return Some(say::typing(lang, jump.text.text()));
    }
    match seen.target {
        Target::Overlay(Overlay::Export) => {
            let mut line = format!(
                "{} {}; {} {}; {} {}",
                with_colon(lang, word(lang, Word::ExportScope)),
                word(lang, export.scope().word()),
                with_colon(lang, word(lang, Word::ExportFormat)),
                export.format().id(),
                with_colon(lang, word(lang, Word::ExportPath)),
                export.path().text(),
            );
            let said = match export.step() {
                ExportStep::Choose | ExportStep::Path => None,
                ExportStep::Confirm => Some(word(lang, Word::ExportExists).to_string()),
                ExportStep::Done(Ok(path)) => Some(format!("{} {}", word(lang, Word::ExportWritten), path.display())),
                ExportStep::Done(Err(why)) => Some(format!("{} {}", word(lang, Word::ExportFailed), why.get(lang))),
                // Only in a room, which draws: the command and the clipboard's outcome, as said.
                ExportStep::TakeHome { command, clipboard } => Some(format!("{command} {clipboard}")),
            };
            if let Some(said) = said {
                line = format!("{said} ({line})");
            }
            Some(line)
        }
        Target::Overlay(Overlay::Note) => {
            let note = shortlist.note()?;
            Some(format!("{} {}", with_colon(lang, word(lang, Word::NoteTitle)), note.input().text()))
        }
        Target::Overlay(Overlay::Form) => seen.form.map(|form| super::form::line(form, lang)),
        Target::Overlay(Overlay::Help | Overlay::Problems) | Target::Search | Target::Pane(_) => None,
    }
}
