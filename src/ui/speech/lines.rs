//! The lines the screen-reader mode says, from the state parts each one reads: plain text, no
//! box drawing, one thing a line.

use super::super::action::Pane;
use super::super::app::Target;
use super::super::keymap::{Context, bindings_of, keys_label};
use super::super::screen::{Overlay, Screen};
use super::super::shared::Shared;
use super::super::state::BrowseState;
use super::super::state::FacetRow;
use super::super::view::facets::value_label;
use crate::export::EntryDoc;
use crate::export::doc::Block;
use crate::i18n::config::{self as say, facet_heading, facet_value};
use crate::i18n::with_colon;
use crate::model::{Catalogue, Entry};
use crate::text::Lang;

/// Where the keys are: the pane, the screen, the search box, the overlay, by the key table's
/// names for them.
pub fn place(shared: &Shared, browse: &BrowseState, target: Target) -> String {
    let lang = shared.lang();
    match target {
        Target::Search => say::typing(lang, browse.query_box().text()),
        Target::Overlay(overlay) => match overlay {
            Overlay::Help => Context::Overlay.title(lang).to_string(),
            Overlay::Problems => Context::Problems.title(lang).to_string(),
            Overlay::Export => Context::ExportChoose.title(lang).to_string(),
            Overlay::Note => Context::Input.title(lang).to_string(),
            Overlay::Form => Context::Form.title(lang).to_string(),
        },
        Target::Pane(pane) => match shared.screen() {
            Screen::Browse => match pane {
                Pane::Facets => Context::Facets,
                Pane::Results => Context::Results,
                Pane::Detail => Context::Detail,
            }
            .title(lang)
            .to_string(),
            Screen::Shortlist => Context::Shortlist.title(lang).to_string(),
            Screen::Tours => Context::Tours.title(lang).to_string(),
            Screen::Overview => Context::Overview.title(lang).to_string(),
            Screen::Present => Context::Present.title(lang).to_string(),
        },
    }
}

/// The help (every key, as the session's key table has them) or the problems, read whole.
pub fn overlay(shared: &Shared, target: Target) -> Option<Vec<String>> {
    let lang = shared.lang();
    match target {
        Target::Overlay(Overlay::Help) => {
            let keys = shared.keys();
            let mut lines = Vec::new();
            for context in Context::ALL {
                lines.push(context.title(lang).to_string());
                let text = (context == Context::Search).then_some(Context::Text);
                let text_rows = text.into_iter().flat_map(|text| bindings_of(keys, text));
                for binding in bindings_of(keys, context).chain(text_rows) {
                    lines.push(format!("  {}: {}", keys_label(binding, lang), binding.describe(lang)));
                }
            }
            Some(lines)
        }
        Target::Overlay(Overlay::Problems) => {
            Some(shared.problems().iter().map(|problem| problem.one_line(lang)).collect())
        }
        Target::Overlay(Overlay::Export | Overlay::Note | Overlay::Form) | Target::Search | Target::Pane(_) => None,
    }
}

/// How many entries the query and filters find, once typing is done.
pub fn found(shared: &Shared, browse: &BrowseState, target: Target) -> Option<String> {
    if target == Target::Search || shared.screen() != Screen::Browse || browse.list().searching() {
        return None;
    }
    let results = browse.results();
    let found = say::found(shared.lang(), results.total, browse.query_box().text());
    // As the results pane says it above them: they lack some of the words.
    Some(match results.partial {
        Some(partial) => {
            let said = crate::i18n::partial_words(results.total, partial.have, partial.of, partial.elsewhere);
            format!("{found}. {}", said.get(shared.lang()))
        }
        None => found,
    })
}

/// The selection in one line: in the filters pane, the value under the cursor; elsewhere the
/// selected entry: title, kind, place, position (« 3 sur 90 »).
pub fn selection(shared: &Shared, browse: &BrowseState, target: Target) -> Option<String> {
    if shared.screen() != Screen::Browse {
        return None;
    }
    if target == Target::Pane(Pane::Facets) {
        return facet_row(shared, browse);
    }
    let catalogue = shared.catalogue();
    let position = browse.list().selected_position(catalogue)?;
    let hit = browse.results().hits.get(position)?;
    let entry = catalogue.entries().get(hit.entry)?;
    Some(entry_line(catalogue, entry, shared.lang(), Some((position, browse.results().total))))
}

/// The entry shown in the entry pane, once it has the keys.
pub fn shown_entry(shared: &Shared, browse: &BrowseState, target: Target) -> Option<usize> {
    if target != Target::Pane(Pane::Detail) || shared.screen() != Screen::Browse {
        return None;
    }
    browse.shown_entry(shared.catalogue())
}

/// An entry in one line: title, kind, place, and its position when it has one.
pub fn entry_line(catalogue: &Catalogue, entry: &Entry, lang: Lang, position: Option<(usize, usize)>) -> String {
    let doc = EntryDoc::new(catalogue, entry, lang);
    let mut parts = vec![doc.title, doc.kind_word.to_string()];
    parts.extend(doc.place);
    parts.extend(position.map(|(at, of)| say::position(lang, at + 1, of)));
    parts.join(", ")
}

/// An entry read whole, one fact or paragraph a line.
pub fn entry_lines(catalogue: &Catalogue, entry: &Entry, lang: Lang) -> Vec<String> {
    let doc = EntryDoc::new(catalogue, entry, lang);
    let mut lines = vec![doc.title.clone(), doc.kind_word.to_string()];
    lines.extend(doc.place.clone());
    lines.extend(doc.dates.clone());
    lines.push(doc.summary.clone());
    for block in &doc.blocks {
        match block {
            Block::Fields(fields) => {
                lines.extend(fields.iter().map(|f| format!("{} {}", with_colon(lang, f.label), f.value.plain())));
            }
            Block::Prose { label, text } => {
                lines.push(with_colon(lang, label));
                lines.extend(text.lines().filter(|l| !l.trim().is_empty()).map(str::to_string));
            }
            Block::Stops { label, stops } => {
                lines.push(with_colon(lang, label));
                for stop in stops {
                    let note = stop.note.as_deref().map(|n| format!(" — {n}")).unwrap_or_default();
                    lines.push(format!("{}. {}{note}", stop.number, stop.entry.text()));
                }
            }
            Block::Links { label, links } => {
                lines.push(with_colon(lang, label));
                lines.extend(links.iter().map(|l| format!("{}, {}", l.title, l.kind_word)));
            }
            Block::Sources { label, sources } => {
                lines.push(with_colon(lang, label));
                lines.extend(sources.iter().map(|s| format!("{} {}", s.title, s.address)));
            }
            Block::Review { label, review } => {
                lines.push(format!("{} {}", with_colon(lang, label), review.line(", ")));
            }
        }
    }
    lines
}

/// The row of the filters pane under the cursor, with its position among the rows.
fn facet_row(shared: &Shared, browse: &BrowseState) -> Option<String> {
    let lang = shared.lang();
    let at = browse.facets().cursor();
    let row = *browse.facet_rows().get(at)?;
    let said = match row {
        FacetRow::Header { facet, open } => {
            facet_heading(lang, crate::i18n::facet_name(lang, facet), open, browse.filters().selected(facet).len())
        }
        FacetRow::Value { facet, value, .. } => {
            let label = value_label(shared.indexed(), lang, facet, value);
            let count = browse.results().facet_counts.count(facet, value);
            facet_value(lang, &label, browse.filters().is_selected(facet, value), count as usize)
        }
    };
    Some(format!("{said}, {}", say::position(lang, at + 1, browse.facet_rows().len())))
}
