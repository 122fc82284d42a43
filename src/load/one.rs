//! The problems `boucle check` would report in one entry's file, from its text as it would be
//! written, against a catalogue already loaded: what the form shows beside its fields while
//! the curator types, without reading or writing a file.

use std::collections::HashMap;

use super::entries::parse_entry;
use super::sources::SourceFile;
use super::validate::{Checks, check_entries};
use crate::diagnostic::Diagnostic;
use crate::i18n::problems as say;
use crate::model::{Catalogue, Kind, VocabularyKind};

/// What [`check_one`] found.
pub struct CheckedOne {
    pub problems: Vec<Diagnostic>,
    /// Whether the entry loads (a value the typed reader refuses, such as a date of no
    /// calendar, keeps it out of the catalogue until it is fixed).
    pub loads: bool,
}

/// Every problem of the file `relative` (`good-practices/x.ron`) holding `text`, as if it
/// replaced the entry of the same id in `catalogue` (or joined it). The entry is parsed and
/// checked by the loader's own functions, its references against the catalogue's entries.
pub fn check_one(catalogue: &Catalogue, kind: Kind, relative: &str, text: &str) -> CheckedOne {
    let file = SourceFile::in_memory(relative, text.as_bytes());
    let parsed = parse_entry(kind, &file, text);
    let mut problems = parsed.problems;
    let stem = relative.rsplit('/').next().unwrap_or("").trim_end_matches(".ron");
    let mut entries: Vec<_> = catalogue.entries().iter().filter(|e| e.id.as_str() != stem).collect();
    let loads = parsed.entry.is_some();
    entries.extend(parsed.entry.as_ref());
    let checked_only: Vec<_> = parsed.checked_only.into_iter().collect();
    let names: Vec<(VocabularyKind, crate::i18n::Said)> = VocabularyKind::ALL
        .into_iter()
        .map(|kind| (kind, say::an_id_from(&[format!("vocabularies/{}.ron", kind.file_stem())], false)))
        .collect();
    let text_of = |shown: &str| (shown == relative).then(|| text.to_string());
    let checks = Checks {
        vocabularies: &catalogue.vocabularies,
        vocabulary_files: &names,
        unread_vocabularies: &[],
        text_of: &text_of,
    };
    check_entries(&checks, &entries, &checked_only, &HashMap::new(), &mut problems);
    problems.retain(|p| p.file == relative);
    CheckedOne { problems: crate::diagnostic::group(problems), loads }
}
