//! Checks that need the whole catalogue: vocabulary ids, references between entries,
//! duplicate ids, and what a parser cannot see (empty texts, missing sources).

mod places;

use std::collections::HashMap;

use super::locate::{Locator, Span, locate_field};
use crate::diagnostic::{Diagnostic, fix_candidates, suggestion};
use crate::i18n::Said;
use crate::i18n::problems as say;
use crate::model::{Details, Entry, Id, Kind, Term, Vocabularies, Vocabulary, VocabularyKind};

/// Reports at the right occurrence when the same bad value appears more than once in a file.
/// The file's text is fetched only when there is something to report.
struct FileReporter<'a> {
    file: &'a str,
    text_of: &'a dyn Fn(&str) -> Option<String>,
    /// The file's text and what was located in it so far.
    text: Option<(String, Locator)>,
    occurrences: HashMap<(&'static str, String), usize>,
}

impl<'a> FileReporter<'a> {
    fn new(file: &'a str, text_of: &'a dyn Fn(&str) -> Option<String>) -> Self {
        FileReporter { file, text_of, text: None, occurrences: HashMap::new() }
    }

    fn located(&mut self) -> (&str, &mut Locator) {
        let (text, locator) =
            self.text.get_or_insert_with(|| ((self.text_of)(self.file).unwrap_or_default(), Locator::default()));
        (text, locator)
    }

    /// The entry's first line of code (its `GoodPractice(`), past any comments above it: where
    /// a problem of the whole entry points.
    fn entry_span(&mut self) -> Span {
        let (text, _) = self.located();
        let start = super::locate::first_code(text);
        let name = text[start..].bytes().take_while(|b| b.is_ascii_alphanumeric() || *b == b'_').count().max(1);
        let end = text[start..].char_indices().nth(name).map_or(text.len(), |(i, _)| start + i);
        Span { start: super::locate::position_of(text, start), end: super::locate::position_of(text, end) }
    }

    fn field_span(&mut self, field: &str) -> Span {
        let (text, locator) = self.located();
        locator.locate_field(text, field)
    }

    fn value_span(&mut self, field: &'static str, value: &str) -> Span {
        let count = *self.occurrences.entry((field, value.to_string())).and_modify(|c| *c += 1).or_insert(0);
        let (text, locator) = self.located();
        locator.locate(text, field, value, count)
    }

    /// [`FileReporter::value_span`] of a value that may be written under either of two fields
    /// (a term's `parent` or `parents`): its next occurrence under the first that still has one.
    fn value_span_either(&mut self, fields: [&'static str; 2], value: &str) -> Span {
        for field in fields {
            let count = self.occurrences.get(&(field, value.to_string())).map_or(0, |c| c + 1);
            let (text, locator) = self.located();
            if locator.has(text, field, value, count) {
                return self.value_span(field, value);
            }
        }
        self.value_span(fields[0], value)
    }

    fn error_at(&mut self, code: &'static str, field: &'static str, value: &str, message: Said) -> Diagnostic {
        let span = self.value_span(field, value);
        Diagnostic::error(code, self.file, span.start, span.end, message)
    }
}

/// What the checks of entries need besides the entries.
pub struct Checks<'a> {
    pub vocabularies: &'a Vocabularies,
    pub vocabulary_files: &'a [(VocabularyKind, Said)],
    /// Vocabulary files with a syntax error, by kind: an id of theirs unknown is a
    /// consequence of that error, folded under it, not an error of its own.
    pub unread_vocabularies: &'a [(VocabularyKind, String)],
    /// A file's text, fetched only when there is something to report in it.
    pub text_of: &'a dyn Fn(&str) -> Option<String>,
}

/// Checks every entry; returns the indices of the entries to keep (all but later duplicates).
/// `checked_only`: what could be read of files with syntax errors, whose ids and references
/// are checked too, so that one syntax error hides no other problem.
pub fn check_entries(
    checks: &Checks<'_>,
    entries: &[&Entry],
    checked_only: &[(Entry, String)],
    unloaded: &HashMap<&str, &str>,
    problems: &mut Vec<Diagnostic>,
) -> Vec<usize> {
    let Checks { vocabularies, text_of, .. } = *checks;
    // The first entry of each id, by index: its file's name is built only for a duplicate.
    // hashbrown's maps (foldhash) here, as 100k ids are looked up several times each.
    let mut first_entry: hashbrown::HashMap<&Id, usize> = hashbrown::HashMap::with_capacity(entries.len());
    let mut kept = Vec::new();
    for (index, entry) in entries.iter().enumerate() {
        match first_entry.get(&entry.id) {
            Some(&first) => {
                let first = entries[first].file();
                let file = entry.file();
                let span = FileReporter::new(&file, text_of).entry_span();
                problems.push(
                    Diagnostic::error(
                        "duplicate-id",
                        &file,
                        span.start,
                        span.end,
                        say::duplicate_id(entry.id.as_str(), &first),
                    )
                    .with_help(Some(say::rename_one())),
                )
            }
            None => {
                first_entry.insert(&entry.id, index);
                kept.push(index);
            }
        }
    }
    let kinds: hashbrown::HashMap<&Id, Kind> = kept.iter().map(|&i| (&entries[i].id, entries[i].kind)).collect();
    let organisation_ids: Vec<&str> =
        kinds.iter().filter(|(_, k)| **k == Kind::Organisation).map(|(id, _)| id.as_str()).collect();
    let all_ids: Vec<&str> = kinds.keys().map(|id| id.as_str()).collect();
    let programme_ids: Vec<&str> =
        kinds.iter().filter(|(_, k)| matches!(k, Kind::Event | Kind::Tour)).map(|(id, _)| id.as_str()).collect();

    let loaded = kept.iter().map(|&index| (entries[index], None));
    for (entry, located) in loaded.chain(checked_only.iter().map(|(entry, text)| (entry, Some(text)))) {
        let file = entry.file();
        let whole = located.is_none();
        let text_in = |_: &str| located.cloned();
        let mut reporter = FileReporter::new(&file, if whole { text_of } else { &text_in });
        // What a syntax error cut short reads as empty: not a problem of its own.
        if whole {
            check_texts(entry, &mut reporter, problems);
        }
        check_vocabulary_ids(entry, checks, &mut reporter, problems);
        check_repeated_values(entry, &mut reporter, problems);
        places::check_coordinates(entry, &vocabularies.regions, &mut reporter, problems);
        let organisation_references = entry.organisation_references();
        let mut fixes = Certain::new(entry.id.as_str(), &organisation_references);
        for &(field, id) in &organisation_references {
            // An id that did load elsewhere (a copy in the wrong folder failed) is no consequence.
            if let Some(file) = unloaded.get(id.as_str()).filter(|_| !kinds.contains_key(id)) {
                problems.push(unloaded_reference(&mut reporter, field, id, file));
                continue;
            }
            match kinds.get(id) {
                Some(Kind::Organisation) => {}
                found => {
                    let message = match found {
                        Some(kind) => say::not_an_organisation(id.as_str(), *kind),
                        None => say::unknown_organisation(id.as_str()),
                    };
                    problems.push(
                        reporter
                            .error_at("broken-reference", field, id.as_str(), message)
                            .with_expected(say::an_organisation_id())
                            .with_help(suggestion(
                                id.as_str(),
                                organisation_ids.iter().copied().filter(|o| *o != entry.id.as_str()),
                            ))
                            .with_candidates(fixes.of(field, id.as_str(), organisation_ids.iter().copied())),
                    );
                }
            }
        }
        let mut related_seen: Vec<&Id> = Vec::new();
        let entry_references = entry.entry_references();
        let mut fixes = Certain::new(entry.id.as_str(), &entry_references);
        for &(field, id) in &entry_references {
            if field == "related" {
                if related_seen.contains(&id) {
                    // The first occurrence is where it belongs: point at the repeat.
                    reporter.value_span(field, id.as_str());
                    let span = reporter.value_span(field, id.as_str());
                    problems.push(
                        Diagnostic::warning(
                            "repeated-id",
                            &entry.file(),
                            span.start,
                            span.end,
                            say::listed_twice(id.as_str(), "related"),
                        )
                        .with_help(Some(say::remove_the_repeat())),
                    );
                    continue;
                }
                related_seen.push(id);
            }
            if id == &entry.id && field != "related" {
                let span = reporter.value_span(field, id.as_str());
                let (what, expected) = if field == "entry" {
                    (say::stop_is_the_tour(), say::another_entry_id())
                } else {
                    (say::own_programme(), say::a_programme_id())
                };
                problems.push(
                    Diagnostic::error("self-reference", &entry.file(), span.start, span.end, what)
                        .with_expected(expected),
                );
                continue;
            }
            if let Some(file) = unloaded.get(id.as_str()).filter(|_| !kinds.contains_key(id)) {
                problems.push(unloaded_reference(&mut reporter, field, id, file));
                continue;
            }
            let found = kinds.get(id);
            let wrong_kind = field == "programme" && found.is_some_and(|k| !matches!(k, Kind::Event | Kind::Tour));
            if found.is_none() || wrong_kind {
                let (message, expected) = if wrong_kind {
                    (say::not_a_programme(id.as_str()), say::a_programme_id())
                } else {
                    (say::broken_reference(id.as_str()), say::an_entry_id())
                };
                // A programme must be an event or a tour: only those can replace it.
                let fitting =
                    all_ids.iter().copied().filter(|other| field != "programme" || programme_ids.contains(other));
                problems.push(
                    reporter
                        .error_at("broken-reference", field, id.as_str(), message)
                        .with_expected(expected)
                        .with_help(suggestion(id.as_str(), all_ids.iter().copied().filter(|o| *o != entry.id.as_str())))
                        .with_candidates(fixes.of(field, id.as_str(), fitting)),
                );
            } else if id == &entry.id && field == "related" {
                let span = reporter.value_span(field, id.as_str());
                problems.push(Diagnostic::warning(
                    "self-reference",
                    &entry.file(),
                    span.start,
                    span.end,
                    say::not_related_to_itself(),
                ));
            }
        }
    }
    kept
}

/// The candidates `check --fix` may write for the values of one entry: never the entry's own
/// id (a new self-reference), never a value its field already holds, nor one already given
/// to another value of the field (a repeat in the list either way).
struct Certain<'a> {
    own: &'a str,
    taken: Vec<(&'static str, String)>,
}

impl<'a> Certain<'a> {
    fn new(own: &'a str, values: &[(&'static str, &Id)]) -> Self {
        Certain { own, taken: values.iter().map(|(field, id)| (*field, id.as_str().to_lowercase())).collect() }
    }

    fn of<'c>(&mut self, field: &'static str, id: &str, candidates: impl IntoIterator<Item = &'c str>) -> Vec<&'c str> {
        let fitting: Vec<&str> = fix_candidates(id, candidates)
            .into_iter()
            .filter(|c| !c.eq_ignore_ascii_case(self.own))
            .filter(|c| !self.taken.iter().any(|(f, taken)| *f == field && *taken == c.to_lowercase()))
            .collect();
        if let [only] = fitting[..] {
            self.taken.push((field, only.to_lowercase()));
        }
        fitting
    }
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
        say::refers_to_unloaded(id.as_str(), file),
    )
    .caused_by(file)
}

fn check_texts(entry: &Entry, reporter: &mut FileReporter<'_>, problems: &mut Vec<Diagnostic>) {
    for (field, empty) in [("title", entry.common.title.is_empty()), ("summary", entry.common.summary.is_empty())] {
        if empty {
            let span = reporter.field_span(field);
            if span == Span::FILE_START {
                continue; // the field is missing: reported as such while parsing
            }
            problems.push(
                Diagnostic::error("empty-text", reporter.file, span.start, span.end, say::empty_text(field))
                    .with_help(Some(say::write_it(field))),
            );
        }
    }
    // Sources that were written but all dropped as malformed are reported already.
    if entry.common.sources.is_empty() && reporter.field_span("sources") == Span::FILE_START {
        let span = reporter.entry_span();
        problems.push(
            Diagnostic::warning("no-source", reporter.file, span.start, span.end, say::no_source())
                .with_help(Some(say::add_sources())),
        );
    }
    if let Details::Tour(tour) = &entry.details
        && tour.stops.is_empty()
    {
        let span = reporter.field_span("stops");
        if span == Span::FILE_START {
            return; // missing: reported while parsing
        }
        problems.push(Diagnostic::error("empty-tour", reporter.file, span.start, span.end, say::tour_needs_stops()));
    }
    if let Details::Tour(tour) = &entry.details {
        check_stop_days(tour, reporter, problems);
        check_stop_times(tour, reporter, problems);
    }
    check_date_order(entry, reporter, problems);
}

/// An `end` before its `start` (an event that ends before it begins, a practice whose
/// timescale runs backwards): compared as precisely as both are written, so `2025` → `2025-03`
/// is fine and `2025-11` → `2024` is not. Shown as it was, the span would read as nonsense on
/// every screen and in every export.
fn check_date_order(entry: &Entry, reporter: &mut FileReporter<'_>, problems: &mut Vec<Diagnostic>) {
    let (start, end) = match &entry.details {
        Details::GoodPractice(d) => match &d.timescale {
            Some(t) => (t.start, t.end),
            None => return,
        },
        Details::SiteVisit(d) => (d.start, d.end),
        Details::Event(d) => (d.start, d.end),
        Details::Tour(d) => (d.start, d.end),
        Details::Organisation(_) => return,
    };
    let (Some(start), Some(end)) = (start, end) else { return };
    let (start, end) = (start.to_string(), end.to_string());
    let cut = start.len().min(end.len());
    if end[..cut] >= start[..cut] {
        return;
    }
    let span = reporter.value_span("end", &end);
    problems.push(
        Diagnostic::error("end-before-start", reporter.file, span.start, span.end, say::end_before_start(&end, &start))
            .with_help(Some(say::give_an_end_after())),
    );
}

/// A stop's day falls within the tour's dates, compared as precisely as both are written
/// (`2025-07-30` is within a tour that ends in `2025-07`).
fn check_stop_days(tour: &crate::model::entry::Tour, reporter: &mut FileReporter<'_>, problems: &mut Vec<Diagnostic>) {
    let start = tour.start.map(|d| d.to_string());
    let end = tour.end.or(tour.start).map(|d| d.to_string());
    for stop in &tour.stops {
        let Some(day) = stop.day.map(|d| d.to_string()) else { continue };
        // Every day is located, in order, so that a repeated day points at its own stop.
        let span = reporter.value_span("day", &day);
        if day_outside(tour, &day) {
            let dates = match (&start, &end) {
                (Some(s), Some(e)) if s != e => format!("{s} → {e}"),
                (Some(s), _) => s.clone(),
                (None, _) => String::new(),
            };
            // Without a start (not a date), the day can only be after the end: say that.
            let said = match (&start, &end) {
                (None, Some(end)) => say::stop_day_after_end(&day, end),
                _ => say::stop_day_outside(&day, &dates),
            };
            problems.push(
                Diagnostic::error("stop-day-outside-tour", reporter.file, span.start, span.end, said)
                    .with_help(Some(say::give_a_day_within())),
            );
        }
    }
}

/// `day` (as written) falls before the tour's start or after its end, compared as precisely
/// as both are written.
fn day_outside(tour: &crate::model::entry::Tour, day: &str) -> bool {
    let start = tour.start.map(|d| d.to_string());
    let end = tour.end.or(tour.start).map(|d| d.to_string());
    let cut = |a: &str, b: &str| a.len().min(b.len());
    let early = start.as_deref().is_some_and(|s| day[..cut(day, s)] < s[..cut(day, s)]);
    let late = end.as_deref().is_some_and(|e| day[..cut(day, e)] > e[..cut(day, e)]);
    early || late
}

/// A time written as a clock time (it starts with a digit) that no clock shows: `25:99`.
fn impossible_time(time: &str) -> bool {
    time.trim_start().starts_with(|c: char| c.is_ascii_digit()) && !is_clock_time(time)
}

/// Takes off the values [`check_entries`] reports as impossible (a stop's day outside the
/// tour, a time `25:99`, coordinates off the globe), as a malformed date is dropped: what is
/// shown to the room, on the map, the console and every export must never be a value the
/// check said cannot be true.
/// The vocabulary ids entries use, written as their vocabulary writes them (`e5` is `E5`):
/// what is shown, exported and compared is the vocabulary's id, whatever case a file used.
pub fn canonical_vocabulary_ids(entries: &mut [Entry], vocabularies: &Vocabularies) {
    let canonical = |kind: VocabularyKind, id: &mut Id| {
        if let Some(term) = vocabularies.get(kind).get(id.as_str())
            && term.id.as_str() != id.as_str()
        {
            *id = term.id.clone();
        }
    };
    for entry in entries {
        let common = &mut entry.common;
        if let Some(location) = &mut common.location {
            canonical(VocabularyKind::Region, &mut location.region);
        }
        common.materials.iter_mut().for_each(|id| canonical(VocabularyKind::Material, id));
        common.themes.iter_mut().for_each(|id| canonical(VocabularyKind::Theme, id));
        common.stages.iter_mut().for_each(|id| canonical(VocabularyKind::Stage, id));
        if let Details::Organisation(organisation) = &mut entry.details
            && let Some(org_type) = &mut organisation.org_type
        {
            canonical(VocabularyKind::OrganisationType, org_type);
        }
    }
}

pub fn drop_impossible_values(entries: &mut [Entry]) {
    for entry in entries {
        if let Some(location) = &mut entry.common.location
            && location.coordinates.as_deref().is_some_and(|&(lat, lon)| !places::on_the_globe(lat, lon))
        {
            location.coordinates = None;
        }
        let Details::Tour(tour) = &mut entry.details else { continue };
        let outside: Vec<bool> = tour
            .stops
            .iter()
            .map(|stop| stop.day.as_ref().is_some_and(|d| day_outside(tour, &d.to_string())))
            .collect();
        for (stop, outside) in tour.stops.iter_mut().zip(outside) {
            if outside {
                stop.day = None;
            }
            if stop.time.as_ref().is_some_and(|t| t.variants().any(|v| impossible_time(v.as_str()))) {
                stop.time = None;
            }
        }
    }
}

/// A stop's `time` written as a clock time (it starts with a digit) is one: `HH:MM` (or the
/// French `9h30`, `14 h`), hours 0–23, minutes 0–59. `"25:99"` would be shown to the room as
/// the programme's time and never counted down to. Words (`(fr: "matin", en: "morning")`) are
/// not clock times.
fn check_stop_times(tour: &crate::model::entry::Tour, reporter: &mut FileReporter<'_>, problems: &mut Vec<Diagnostic>) {
    let times = tour.stops.iter().filter_map(|stop| stop.time.as_ref());
    for time in times.flat_map(|t| t.variants().map(|v| v.as_str().to_string()).collect::<Vec<_>>()) {
        if !impossible_time(&time) {
            continue;
        }
        let span = reporter.value_span("time", &time);
        problems.push(
            Diagnostic::error("impossible-time", reporter.file, span.start, span.end, say::impossible_time(&time))
                .with_help(Some(say::write_a_time())),
        );
    }
}

/// `9:30`, `09:30`, `9h30`, `14 h`, `14h`: hours of one or two digits below 24, then minutes of
/// two digits below 60 (which `h` may leave out).
fn is_clock_time(text: &str) -> bool {
    let text = text.trim();
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    let (hours, minutes, may_omit) = match text.split_once(':') {
        Some((h, m)) => (h, m, false),
        None => match text.split_once('h') {
            Some((h, m)) => (h.trim_end(), m.trim_start(), true),
            None => return false,
        },
    };
    let hours_ok = digits(hours) && hours.len() <= 2 && hours.parse::<u32>().is_ok_and(|h| h < 24);
    let minutes_ok = (may_omit && minutes.is_empty())
        || (digits(minutes) && minutes.len() == 2 && minutes.parse::<u32>().is_ok_and(|m| m < 60));
    hours_ok && minutes_ok
}

/// A value listed twice in one of the entry's lists (`materials: ["lead", "lead"]`, as a
/// hand edit or `check --fix` of a misspelling next to its right spelling leaves it): said at
/// the repeat, the first being where it belongs. `related` says it with the references.
fn check_repeated_values(entry: &Entry, reporter: &mut FileReporter<'_>, problems: &mut Vec<Diagnostic>) {
    let common = &entry.common;
    let ids = |list: &[Id]| list.iter().map(|id| id.as_str().to_string()).collect::<Vec<_>>();
    let lists: [(&'static str, Vec<String>); 5] = [
        ("organisations", ids(&common.organisations)),
        ("materials", ids(&common.materials)),
        ("themes", ids(&common.themes)),
        ("stages", ids(&common.stages)),
        ("tags", common.tags.iter().map(|t| t.as_str().to_string()).collect()),
    ];
    for (field, values) in lists {
        for (at, value) in values.iter().enumerate() {
            let before = values[..at].iter().filter(|v| *v == value).count();
            if before != 1 {
                continue; // the first, or a third already said with the second
            }
            let (text, locator) = reporter.located();
            let span = locator.locate(text, field, value, 1);
            problems.push(
                Diagnostic::warning(
                    "repeated-id",
                    reporter.file,
                    span.start,
                    span.end,
                    say::listed_twice(value, field),
                )
                .with_help(Some(say::remove_the_repeat())),
            );
        }
    }
}

fn check_vocabulary_ids(
    entry: &Entry,
    checks: &Checks<'_>,
    reporter: &mut FileReporter<'_>,
    problems: &mut Vec<Diagnostic>,
) {
    let Checks { vocabularies, vocabulary_files, unread_vocabularies, .. } = *checks;
    let common = &entry.common;
    let mut uses: Vec<(VocabularyKind, &'static str, &Id)> = Vec::new();
    uses.extend(common.location.iter().map(|l| (VocabularyKind::Region, "region", &l.region)));
    uses.extend(common.materials.iter().map(|id| (VocabularyKind::Material, "materials", id)));
    uses.extend(common.themes.iter().map(|id| (VocabularyKind::Theme, "themes", id)));
    uses.extend(common.stages.iter().map(|id| (VocabularyKind::Stage, "stages", id)));
    if let Details::Organisation(organisation) = &entry.details
        && let Some(org_type) = &organisation.org_type
    {
        uses.push((VocabularyKind::OrganisationType, "org_type", org_type));
    }
    let values: Vec<(&'static str, &Id)> = uses.iter().map(|(_, field, id)| (*field, *id)).collect();
    let mut fixes = Certain::new("", &values);
    for (kind, field, id) in uses {
        let vocabulary = vocabularies.get(kind);
        // Ids are looked up in any case; the entry is loaded with the vocabulary's, and told.
        if let Some(canonical) = vocabulary.get(id.as_str()).map(|t| t.id.as_str())
            && canonical != id.as_str()
        {
            let span = reporter.value_span(field, id.as_str());
            let said = say::term_in_other_case(kind, id.as_str(), canonical);
            problems.push(
                Diagnostic::warning("vocabulary-id-case", reporter.file, span.start, span.end, said)
                    .with_help(crate::i18n::did_you_mean(&[canonical]))
                    .with_candidates([canonical]),
            );
            continue;
        }
        if vocabulary.index_of(id.as_str()).is_none() {
            if let Some((_, unread)) = unread_vocabularies.iter().find(|(k, _)| *k == kind) {
                let span = reporter.value_span(field, id.as_str());
                let said = say::term_of_unread(kind, id.as_str(), unread);
                problems.push(
                    Diagnostic::error("unknown-vocabulary-id", reporter.file, span.start, span.end, said)
                        .caused_by(unread),
                );
                continue;
            }
            let files = vocabulary_files.iter().find(|(k, _)| *k == kind).map(|(_, files)| files.clone());
            let mut candidates = fixes.of(field, id.as_str(), vocabulary.ids());
            // Region codes (NUTS) differ by one letter from their neighbours: FRF11 (Bas-Rhin)
            // is one keystroke from FRE11 (Nord). A lone close code is suggested, never written.
            if kind == VocabularyKind::Region && candidates.len() == 1 {
                candidates.clear();
            }
            let problem = unknown_term(reporter, kind, vocabulary, &files.unwrap_or_default(), field, id);
            problems.push(problem.with_candidates(candidates));
        }
    }
}

fn unknown_term(
    reporter: &mut FileReporter<'_>,
    kind: VocabularyKind,
    vocabulary: &Vocabulary,
    files: &Said,
    field: &'static str,
    id: &Id,
) -> Diagnostic {
    // A short vocabulary is listed whole when no id is close: the curator picks from it.
    let suggestion = suggestion(id.as_str(), vocabulary.ids()).or_else(|| {
        (vocabulary.len() <= 30 && !vocabulary.is_empty())
            .then(|| say::ids_are(&vocabulary.ids().collect::<Vec<_>>().join(", ")))
    });
    reporter
        .error_at("unknown-vocabulary-id", field, id.as_str(), say::unknown_term(kind, id.as_str()))
        .with_expected(files.clone())
        .with_help(suggestion)
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
                say::defined_twice(term.id.as_str()),
            ));
        }
        for parent in &term.parents {
            let span = reporter.value_span_either(["parent", "parents"], parent.as_str());
            if vocabulary.index_of(parent.as_str()).is_none() {
                problems.push(
                    Diagnostic::error(
                        "unknown-parent",
                        file,
                        span.start,
                        span.end,
                        say::unknown_parent(parent.as_str()),
                    )
                    .with_expected(say::another_term_id())
                    .with_help(suggestion(parent.as_str(), vocabulary.ids())),
                );
            } else if parent == &term.id {
                problems.push(Diagnostic::error("unknown-parent", file, span.start, span.end, say::own_parent()));
            } else if let Some(cycle) = parent_cycle(vocabulary, term, parent) {
                problems.push(
                    Diagnostic::error(
                        "parent-cycle",
                        file,
                        span.start,
                        span.end,
                        say::parent_cycle(term.id.as_str(), &cycle.join(" → ")),
                    )
                    .with_help(Some(say::break_the_cycle())),
                );
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
                    say::off_the_globe(lat, lon, term.id.as_str()),
                )
                .with_expected(say::on_the_globe()),
            );
        }
    }
}

/// A chain of parents leading from `term` through `first` back to itself (two terms or more;
/// a term that is its own parent is reported on its own), reported once, at the cycle's
/// smallest id. With several parents a term may be on several cycles: the first found
/// through `first` is given.
fn parent_cycle(vocabulary: &Vocabulary, term: &Term, first: &Id) -> Option<Vec<String>> {
    // Depth-first over the parents, each term visited once: a path back to `term` is a cycle.
    let start = vocabulary.index_of(first.as_str())?;
    let target = vocabulary.index_of(term.id.as_str())?;
    let mut visited = vec![false; vocabulary.len()];
    let mut path: Vec<(usize, usize)> = vec![(start, 0)];
    visited[start] = true;
    while let Some(&mut (at, ref mut next)) = path.last_mut() {
        if at == target {
            let mut chain = vec![term.id.to_string()];
            chain.extend(path.iter().map(|&(t, _)| vocabulary.term(t).id.to_string()));
            let smallest = chain.iter().min().is_some_and(|m| m == term.id.as_str());
            return (chain.len() > 2 && smallest).then_some(chain);
        }
        match vocabulary.parents_of(at).get(*next) {
            Some(&parent) => {
                *next += 1;
                if !visited[parent] {
                    visited[parent] = true;
                    path.push((parent, 0));
                }
            }
            None => {
                path.pop();
            }
        }
    }
    None
}
