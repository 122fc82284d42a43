//! Checks that need the whole catalogue: vocabulary ids, references between entries,
//! duplicate ids, and what a parser cannot see (empty texts, missing sources).

use std::collections::HashMap;

use super::locate::{Span, locate, locate_field};
use crate::diagnostic::{Diagnostic, Position, did_you_mean};
use crate::model::{Details, Entry, Id, Kind, Term, Vocabularies, Vocabulary, VocabularyKind};

/// Reports at the right occurrence when the same bad value appears more than once in a file.
/// The file's text is fetched only when there is something to report.
struct FileReporter<'a> {
    file: &'a str,
    text_of: &'a dyn Fn(&str) -> Option<String>,
    text: Option<String>,
    occurrences: HashMap<(&'static str, String), usize>,
}

impl<'a> FileReporter<'a> {
    fn new(file: &'a str, text_of: &'a dyn Fn(&str) -> Option<String>) -> Self {
        FileReporter { file, text_of, text: None, occurrences: HashMap::new() }
    }

    fn text(&mut self) -> &str {
        if self.text.is_none() {
            self.text = Some((self.text_of)(self.file).unwrap_or_default());
        }
        self.text.as_deref().unwrap_or_default()
    }

    fn field_span(&mut self, field: &str) -> Span {
        locate_field(self.text(), field)
    }

    fn value_span(&mut self, field: &'static str, value: &str) -> Span {
        let count = *self.occurrences.entry((field, value.to_string())).and_modify(|c| *c += 1).or_insert(0);
        locate(self.text(), field, value, count)
    }

    fn error_at(&mut self, code: &'static str, field: &'static str, value: &str, message: String) -> Diagnostic {
        let span = self.value_span(field, value);
        Diagnostic::error(code, self.file, span.start, span.end, message)
    }
}

/// Checks every entry; returns the indices of the entries to keep (all but later duplicates).
pub fn check_entries(
    vocabularies: &Vocabularies,
    entries: &[Entry],
    unloaded: &HashMap<&str, &str>,
    text_of: &dyn Fn(&str) -> Option<String>,
    problems: &mut Vec<Diagnostic>,
) -> Vec<usize> {
    let mut first_file: HashMap<&Id, &str> = HashMap::new();
    let mut kept = Vec::new();
    for (index, entry) in entries.iter().enumerate() {
        match first_file.get(&entry.id) {
            Some(first) => problems.push(
                Diagnostic::error(
                    "duplicate-id",
                    &entry.file,
                    Position::START,
                    Position::START,
                    format!("duplicate id \"{}\": {first} has the same file name", entry.id),
                )
                .with_suggestion(Some("rename one of the files; ids are unique across all kinds".into())),
            ),
            None => {
                first_file.insert(&entry.id, &entry.file);
                kept.push(index);
            }
        }
    }
    let kinds: HashMap<&Id, Kind> = kept.iter().map(|&i| (&entries[i].id, entries[i].kind)).collect();
    let organisation_ids: Vec<&str> =
        kinds.iter().filter(|(_, k)| **k == Kind::Organisation).map(|(id, _)| id.as_str()).collect();
    let all_ids: Vec<&str> = kinds.keys().map(|id| id.as_str()).collect();

    for &index in &kept {
        let entry = &entries[index];
        let mut reporter = FileReporter::new(&entry.file, text_of);
        check_texts(entry, &mut reporter, problems);
        check_vocabulary_ids(entry, vocabularies, &mut reporter, problems);
        for (field, id) in entry.organisation_references() {
            if let Some(file) = unloaded.get(id.as_str()) {
                problems.push(unloaded_reference(&mut reporter, field, id, file));
                continue;
            }
            match kinds.get(id) {
                Some(Kind::Organisation) => {}
                found => {
                    let message = match found {
                        Some(kind) => format!("\"{id}\" is a {}, not an organisation", kind.id()),
                        None => format!("unknown organisation \"{id}\""),
                    };
                    problems.push(
                        reporter
                            .error_at("broken-reference", field, id.as_str(), message)
                            .with_expected("the id of a file in organisations/")
                            .with_suggestion(did_you_mean(id.as_str(), organisation_ids.iter().copied())),
                    );
                }
            }
        }
        for (field, id) in entry.entry_references() {
            if let Some(file) = unloaded.get(id.as_str()) {
                problems.push(unloaded_reference(&mut reporter, field, id, file));
                continue;
            }
            let found = kinds.get(id);
            let wrong_kind = field == "programme" && found.is_some_and(|k| !matches!(k, Kind::Event | Kind::Tour));
            if found.is_none() || wrong_kind {
                let (message, expected) = if wrong_kind {
                    (format!("\"{id}\" is not an event or a tour"), "the id of an event or a tour")
                } else {
                    (format!("broken reference: no entry has the id \"{id}\""), "the id (file name) of an entry")
                };
                problems.push(
                    reporter
                        .error_at("broken-reference", field, id.as_str(), message)
                        .with_expected(expected)
                        .with_suggestion(did_you_mean(id.as_str(), all_ids.iter().copied())),
                );
            } else if id == &entry.id && field == "related" {
                let span = reporter.value_span(field, id.as_str());
                problems.push(Diagnostic::warning(
                    "self-reference",
                    &entry.file,
                    span.start,
                    span.end,
                    "an entry is not related to itself",
                ));
            }
        }
    }
    kept
}

/// A reference to an entry whose own file has an error: reported as a consequence of that
/// error (a warning pointing at it), not as a broken reference with a wrong suggestion.
fn unloaded_reference(reporter: &mut FileReporter<'_>, field: &'static str, id: &Id, file: &str) -> Diagnostic {
    let span = reporter.value_span(field, id.as_str());
    Diagnostic::warning(
        "unloaded-reference",
        reporter.file,
        span.start,
        span.end,
        format!("refers to \"{id}\", whose file did not load: see the error in {file}"),
    )
}

fn check_texts(entry: &Entry, reporter: &mut FileReporter<'_>, problems: &mut Vec<Diagnostic>) {
    for (field, empty) in [("title", entry.common.title.is_empty()), ("summary", entry.common.summary.is_empty())] {
        if empty {
            let span = reporter.field_span(field);
            problems.push(Diagnostic::error(
                "empty-text",
                reporter.file,
                span.start,
                span.end,
                format!("the {field} is empty"),
            ));
        }
    }
    if entry.common.sources.is_empty() {
        problems.push(
            Diagnostic::warning(
                "no-source",
                reporter.file,
                Position::START,
                Position::START,
                "no sources: readers cannot check what this entry states",
            )
            .with_suggestion(Some("add `sources: [(title: \"…\", url: \"https://…\")]`".into())),
        );
    }
    if let Details::Tour(tour) = &entry.details
        && tour.stops.is_empty()
    {
        let span = reporter.field_span("stops");
        problems.push(Diagnostic::error("empty-tour", reporter.file, span.start, span.end, "a tour needs stops"));
    }
    if let Details::Tour(tour) = &entry.details {
        check_stop_days(tour, reporter, problems);
    }
}

/// A stop's day falls within the tour's dates, compared as precisely as both are written
/// (`2025-07-30` is within a tour that ends in `2025-07`).
fn check_stop_days(tour: &crate::model::entry::Tour, reporter: &mut FileReporter<'_>, problems: &mut Vec<Diagnostic>) {
    let start = tour.start.map(|d| d.to_string());
    let end = tour.end.or(tour.start).map(|d| d.to_string());
    let cut = |a: &str, b: &str| a.len().min(b.len());
    for stop in &tour.stops {
        let Some(day) = stop.day.map(|d| d.to_string()) else { continue };
        // Every day is located, in order, so that a repeated day points at its own stop.
        let span = reporter.value_span("day", &day);
        let early = start.as_deref().is_some_and(|s| day[..cut(&day, s)] < s[..cut(&day, s)]);
        let late = end.as_deref().is_some_and(|e| day[..cut(&day, e)] > e[..cut(&day, e)]);
        if early || late {
            let dates = match (&start, &end) {
                (Some(s), Some(e)) if s != e => format!("{s} → {e}"),
                (Some(s), _) => s.clone(),
                (None, _) => String::new(),
            };
            problems.push(
                Diagnostic::error(
                    "stop-day-outside-tour",
                    reporter.file,
                    span.start,
                    span.end,
                    format!("stop day {day} is outside the tour's dates ({dates})"),
                )
                .with_suggestion(Some("give a day between the tour's `start` and `end`, or leave `day` out".into())),
            );
        }
    }
}

fn check_vocabulary_ids(
    entry: &Entry,
    vocabularies: &Vocabularies,
    reporter: &mut FileReporter<'_>,
    problems: &mut Vec<Diagnostic>,
) {
    let common = &entry.common;
    let mut uses: Vec<(VocabularyKind, &'static str, &Id)> = Vec::new();
    uses.extend(common.location.iter().map(|l| (VocabularyKind::Region, "region", &l.region)));
    uses.extend(common.materials.iter().map(|id| (VocabularyKind::Material, "materials", id)));
    uses.extend(common.themes.iter().map(|id| (VocabularyKind::Theme, "themes", id)));
    uses.extend(common.stages.iter().map(|id| (VocabularyKind::Stage, "stages", id)));
    if let Details::Organisation(organisation) = &entry.details {
        uses.push((VocabularyKind::OrganisationType, "org_type", &organisation.org_type));
    }
    for (kind, field, id) in uses {
        let vocabulary = vocabularies.get(kind);
        if vocabulary.index_of(id.as_str()).is_none() {
            problems.push(unknown_term(reporter, kind, vocabulary, field, id));
        }
    }
}

fn unknown_term(
    reporter: &mut FileReporter<'_>,
    kind: VocabularyKind,
    vocabulary: &Vocabulary,
    field: &'static str,
    id: &Id,
) -> Diagnostic {
    reporter
        .error_at("unknown-vocabulary-id", field, id.as_str(), format!("unknown {} \"{id}\"", kind.noun()))
        .with_expected(format!("an id from vocabularies/{}.ron", kind.file_stem()))
        .with_suggestion(did_you_mean(id.as_str(), vocabulary.ids()))
}

/// Checks one vocabulary file: duplicate ids, unknown parents, coordinates on the globe.
pub fn check_vocabulary(
    vocabulary: &Vocabulary,
    file: &str,
    text: &str,
    terms: &[Term],
    problems: &mut Vec<Diagnostic>,
) {
    let text_of = |_: &str| Some(text.to_string());
    let mut reporter = FileReporter::new(file, &text_of);
    let mut seen: HashMap<String, ()> = HashMap::new();
    for term in terms {
        let key = term.id.as_str().to_lowercase();
        // Find this definition's own `id:` occurrence, so later problems point at the right term.
        let id_span = reporter.value_span("id", term.id.as_str());
        if seen.insert(key, ()).is_some() {
            problems.push(Diagnostic::error(
                "duplicate-id",
                file,
                id_span.start,
                id_span.end,
                format!("\"{}\" is defined twice in this vocabulary", term.id),
            ));
        }
        if let Some(parent) = &term.parent {
            if vocabulary.index_of(parent.as_str()).is_none() {
                problems.push(
                    reporter
                        .error_at("unknown-parent", "parent", parent.as_str(), format!("unknown parent \"{parent}\""))
                        .with_expected("the id of another term of this vocabulary")
                        .with_suggestion(did_you_mean(parent.as_str(), vocabulary.ids())),
                );
            } else if parent == &term.id {
                let span = reporter.value_span("parent", parent.as_str());
                problems.push(Diagnostic::error(
                    "unknown-parent",
                    file,
                    span.start,
                    span.end,
                    "a term is its own parent",
                ));
            }
        }
        if let Some((lat, lon)) = term.coordinates
            && !((-90.0..=90.0).contains(&lat) && (-180.0..=180.0).contains(&lon))
        {
            let span = locate_field(text, "coordinates");
            problems.push(
                Diagnostic::error(
                    "bad-coordinates",
                    file,
                    span.start,
                    span.end,
                    format!("coordinates ({lat}, {lon}) of \"{}\" are not on the globe", term.id),
                )
                .with_expected("(latitude between -90 and 90, longitude between -180 and 180)"),
            );
        }
    }
}
