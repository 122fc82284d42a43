//! `check --review-age DAYS`: a warning for each entry last checked longer ago than that. It
//! depends on today's date, so it is `check`'s alone (the loader, and so the dashboard's
//! count, give the same answer any day), and a CI asks for it explicitly.

use std::time::{SystemTime, UNIX_EPOCH};

use crate::diagnostic::{Diagnostic, Position};
use crate::i18n::problems as say;
use crate::load::{CatalogueSource, Loaded, bundled_files, field_position};
use crate::model::Date;

/// Adds the warnings to `loaded`, errors first as always.
pub fn warn(loaded: &mut Loaded, days: u32, source: &CatalogueSource) {
    let Some(cutoff) = cutoff(days) else { return };
    let mut found = Vec::new();
    for entry in loaded.catalogue.entries() {
        let Some(checked) = entry.common.review.checked else { continue };
        if checked >= cutoff {
            continue;
        }
        let file = entry.file();
        let text = text_of(&file, source);
        let place = text.as_deref().map_or(Position::START, |text| field_position(text, "checked"));
        let message = say::review_too_old(&checked.to_string(), days);
        let help = say::check_it_again();
        found.push(Diagnostic::warning("review-age", &file, place, place, message).with_help(Some(help)));
        if let Some(text) = text {
            loaded.sources.entry(file.into_owned()).or_insert(text);
        }
    }
    let mut all = std::mem::take(&mut loaded.diagnostics);
    all.extend(found);
    loaded.diagnostics = crate::diagnostic::group(all);
}

/// The day `days` before today, as a catalogue date.
fn cutoff(days: u32) -> Option<Date> {
    let today = SystemTime::now().duration_since(UNIX_EPOCH).ok()?.as_secs() / 86_400;
    let epoch = chrono::NaiveDate::from_ymd_opt(1970, 1, 1)?;
    let day = epoch.checked_add_days(chrono::Days::new(today.saturating_sub(u64::from(days))))?;
    Date::parse(&day.format("%Y-%m-%d").to_string()).ok()
}

fn text_of(file: &str, source: &CatalogueSource) -> Option<String> {
    match source {
        CatalogueSource::Bundled => bundled_files()
            .into_iter()
            .find(|f| f.shown == file)
            .and_then(|f| f.read().ok())
            .map(|bytes| String::from_utf8_lossy(&bytes).into_owned()),
        CatalogueSource::Folders(_) => std::fs::read_to_string(file).ok(),
    }
}
