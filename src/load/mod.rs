//! Loading a catalogue: every file is read and parsed on its own, so one broken file never
//! hides the others; then the whole is checked (vocabulary ids, references, duplicates). All
//! problems are collected, none stops the load.

pub mod again;
pub mod cache;
mod entries;
mod escapes;
pub mod fast_ron;
mod locate;
mod one;
mod parse;
pub mod progress;
mod read;
mod recover;
pub mod schema;
mod sources;
mod syntax;
mod threads;
mod tree;
mod validate;
pub mod watch;

pub use fast_ron::ron_options;
pub use locate::{Locator, first_code};
pub use one::{CheckedOne, check_one};
pub use parse::to_diagnostic as ron_problem;
pub use parse::{MAX_FILE_BYTES, decode};
pub use sources::{Origin, SourceFile, bundled_files, folder_files, name_flaw};

/// Line and column (in characters) of a byte offset of a file's text.
pub fn position_in(text: &str, byte: usize) -> crate::diagnostic::Position {
    locate::position_of(text, byte)
}

/// Where `field:` is in a file's text (its first occurrence), for checks made after loading.
pub fn field_position(text: &str, field: &str) -> crate::diagnostic::Position {
    locate::locate_field(text, field).start
}

use std::cell::RefCell;
use std::collections::HashMap;
use std::collections::hash_map::Entry as Read;
use std::path::PathBuf;

use crate::diagnostic::{Diagnostic, Position};
use crate::i18n::problems as say;
use crate::model::{Catalogue, Entry, Kind, Term, Vocabularies, Vocabulary, VocabularyKind};
use progress::Progress;

/// Where to read a catalogue from.
#[derive(Clone, Debug)]
pub enum CatalogueSource {
    /// The catalogue compiled into the binary.
    Bundled,
    /// Folders on disk, merged in order.
    Folders(Vec<PathBuf>),
}

/// A loaded catalogue with every problem found on the way.
#[derive(Clone, Debug, Default)]
pub struct Loaded {
    pub catalogue: Catalogue,
    pub diagnostics: Vec<Diagnostic>,
    /// The text of each file that has a diagnostic, to quote it.
    pub sources: HashMap<String, String>,
    pub files_read: usize,
    /// Each file's stamp when it was read, in file order, for the catalogue cache; none for
    /// the bundled catalogue, or when a file could not be stamped (then nothing is cached).
    pub stamps: Option<Vec<cache::Stamp>>,
    /// The search index built from this catalogue, as the query layer archived it, when the
    /// load came from a cache that kept one (`query::Indexed::restored` reads it).
    pub index: Option<Vec<u8>>,
    /// The vocabularies a file of which could not be read (a syntax error): their terms are
    /// missing from this load, and live reload keeps the last good ones instead.
    pub unread_vocabularies: Vec<VocabularyKind>,
}

impl Loaded {
    pub fn errors(&self) -> usize {
        self.diagnostics.iter().filter(|d| d.is_error()).count()
    }

    pub fn warnings(&self) -> usize {
        self.diagnostics.len() - self.errors()
    }
}

pub fn load(source: &CatalogueSource) -> Loaded {
    load_reporting(source, &progress::unwatched)
}

/// Whether a load keeps each file's stamp in [`Loaded::stamps`], for the catalogue cache. A
/// load that this process will not cache (a `list` whose cache, if any, another process
/// writes behind) skips them: no `statx`, and no stamp made, per file.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Stamps {
    Kept,
    Skipped,
}

/// [`load`], telling `report` how many files are read, of how many, as it goes (throttled:
/// see [`progress`]).
pub fn load_reporting(source: &CatalogueSource, report: progress::Report<'_>) -> Loaded {
    load_reporting_then(source, report, Stamps::Kept, &|_| ()).0
}

/// What is made of a catalogue as soon as its files are parsed (its search index), by a layer
/// above this one.
pub type Then<'a, T> = &'a (dyn Fn(&Catalogue) -> T + Sync);

/// [`load`], with `then` made of the catalogue on a thread of its own while the checks after
/// parsing run (they took a core alone for about 0.3 s at 100k entries, the other idle). When
/// the checks drop an entry (a repeated id), `then` is made again of the catalogue kept.
pub fn load_then<T: Send>(source: &CatalogueSource, then: Then<'_, T>) -> (Loaded, T) {
    load_reporting_then(source, &progress::unwatched, Stamps::Kept, then)
}

/// [`load_reporting`] and [`load_then`] at once, keeping the files' stamps or not.
pub fn load_reporting_then<T: Send>(
    source: &CatalogueSource,
    report: progress::Report<'_>,
    stamps: Stamps,
    then: Then<'_, T>,
) -> (Loaded, T) {
    let CatalogueSource::Folders(folders) = source else {
        return load_files_reporting(bundled_files(), Vec::new(), report, stamps, then);
    };
    // The files are parsed as the walk finds them.
    let (mut problems, mut in_order) = (Vec::new(), true);
    let feed = |found: &mut dyn FnMut(SourceFile)| (problems, in_order) = walk_folders(folders, found);
    let (files, parsed) = threads::parse_fed(feed, report, stamps);
    if !in_order {
        // A name with a `\` (read as `/`) took the walk out of load order: the sorted list, then.
        let (files, problems) = listed_files(folders);
        return load_files_reporting(files, problems, report, stamps, then);
    }
    checked(files, problems, parsed, then)
}

/// The files of catalogue folders, in load order, and the problems with the folders; the
/// catalogue cache lists them the same way to see whether any was added or removed.
fn listed_files(folders: &[PathBuf]) -> (Vec<SourceFile>, Vec<Diagnostic>) {
    let mut all = Vec::new();
    let mut problems = Vec::new();
    for folder in folders {
        if let Some(problem) = not_a_catalogue(folder) {
            problems.push(problem);
            continue;
        }
        let (files, folder_problems) = folder_files(folder);
        all.extend(files);
        problems.extend(folder_problems);
    }
    (all, problems)
}

/// [`listed_files`], each file given to `found` as the walk finds it; says whether they came in
/// load order (see [`sources::walk_folder`]).
fn walk_folders(folders: &[PathBuf], found: &mut dyn FnMut(SourceFile)) -> (Vec<Diagnostic>, bool) {
    let mut problems = Vec::new();
    let mut in_order = true;
    for folder in folders {
        if let Some(problem) = not_a_catalogue(folder) {
            problems.push(problem);
            continue;
        }
        let (folder_problems, sorted) = sources::walk_folder(folder, found);
        problems.extend(folder_problems);
        in_order &= sorted;
    }
    (problems, in_order)
}

/// A vocabulary file's terms, with the file they came from.
#[derive(Clone)]
struct VocabularyFile {
    kind: VocabularyKind,
    shown: String,
    text: String,
    terms: Vec<Term>,
}

/// Why a folder given as a catalogue is none (a kind folder, an empty or unrelated folder), so
/// that `boucle check` fails instead of passing on the wrong path.
fn not_a_catalogue(folder: &std::path::Path) -> Option<Diagnostic> {
    if !folder.is_dir() {
        return None; // reported by `folder_files`
    }
    let known: Vec<&str> = std::iter::once("vocabularies").chain(Kind::ALL.map(Kind::folder)).collect();
    if known.iter().any(|name| folder.join(name).is_dir()) {
        return None;
    }
    let shown = folder.display().to_string();
    let name = folder.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let suggestion =
        if known.contains(&name.as_str()) { say::give_the_folder_above(&name) } else { say::what_a_catalogue_holds() };
    Some(
        Diagnostic::error("no-catalogue", &shown, Position::START, Position::START, say::no_catalogue_here())
            .with_expected(say::one_of_the_folders(&known.join(", ")))
            .with_help(Some(suggestion)),
    )
}

/// What parsing the files gave, in file order.
#[derive(Default)]
struct ParsedFiles {
    entries: Vec<Entry>,
    /// What could be read of entry files with syntax errors: checked, never loaded; with the
    /// text to locate their values in.
    checked_only: Vec<(Entry, String)>,
    vocabulary_files: Vec<VocabularyFile>,
    /// Vocabulary files that could not be read: (kind, file as shown).
    unread_vocabularies: Vec<(VocabularyKind, String)>,
    problems: Vec<Diagnostic>,
    stamps: Vec<cache::Stamp>,
    /// A file had no stamp (unreadable, bundled, no modification time).
    unstamped: bool,
    /// The entry files that gave no entry to load (unreadable, broken, misnamed), by index.
    unloaded: Vec<usize>,
}

/// What parsing a run of files gave besides its entries, which go straight into their slots.
#[derive(Default)]
struct ParsedRun {
    checked_only: Vec<(Entry, String)>,
    vocabulary_files: Vec<VocabularyFile>,
    unread_vocabularies: Vec<(VocabularyKind, String)>,
    problems: Vec<Diagnostic>,
    stamps: Vec<cache::Stamp>,
    unstamped: bool,
}

fn lost(run: &[SourceFile]) -> ParsedRun {
    let problems = run
        .iter()
        .map(|f| Diagnostic::error("internal", &f.shown, Position::START, Position::START, say::could_not_be_read()))
        .collect();
    ParsedRun { problems, unstamped: true, ..ParsedRun::default() }
}

/// Reads and parses each file on its own: a broken file becomes a diagnostic and the next
/// file is read as if nothing happened.
fn parse_run(files: &[SourceFile], slots: &mut [Option<Entry>], progress: &Progress<'_>, stamps: Stamps) -> ParsedRun {
    // No stamp kept is as if a file had none: the load gives no stamps.
    let mut parsed = ParsedRun { unstamped: stamps == Stamps::Skipped, ..ParsedRun::default() };
    let mut reader = read::Reader::default();
    for (file, slot) in files.iter().zip(slots) {
        progress.file_read();
        let bytes = match reader.read(file, stamps) {
            Ok((bytes, stamp)) => {
                match stamp {
                    Some(stamp) => parsed.stamps.push(stamp),
                    None => parsed.unstamped = true,
                }
                bytes
            }
            Err(e) => {
                parsed.unstamped = true;
                let problem =
                    Diagnostic::error("unreadable", &file.shown, Position::START, Position::START, say::io_problem(&e));
                parsed.problems.push(problem);
                continue;
            }
        };
        let text = match parse::decode(&file.shown, bytes) {
            Ok(text) => text,
            Err(problem) => {
                parsed.problems.push(*problem);
                continue;
            }
        };
        if let Some((at, c)) = crate::text::first_cleaned(text).or_else(|| escapes::first_cleaned_escape(text)) {
            let place = locate::position_of(text, at);
            parsed.problems.push(
                Diagnostic::warning("cleaned-text", &file.shown, place, place, say::cleaned_text(c))
                    .with_help(Some(say::remove_it())),
            );
        }
        match classify(&file.relative) {
            FileRole::Vocabulary(kind) => {
                let (terms, problems) = entries::parse_vocabulary(kind, &file.shown, text);
                parsed.problems.extend(problems);
                match terms {
                    Some(terms) => parsed.vocabulary_files.push(VocabularyFile {
                        kind,
                        shown: file.shown.clone(),
                        text: text.to_string(),
                        terms,
                    }),
                    None => parsed.unread_vocabularies.push((kind, file.shown.clone())),
                }
            }
            FileRole::Entry(kind) => {
                let entry = entries::parse_entry(kind, file, text);
                parsed.problems.extend(entry.problems);
                parsed.checked_only.extend(entry.checked_only);
                *slot = entry.entry;
            }
            FileRole::Unknown(reason) => parsed.problems.push(Diagnostic::warning(
                "ignored-file",
                &file.shown,
                Position::START,
                Position::START,
                reason,
            )),
        }
    }
    parsed
}

/// Loads a catalogue from its files. `problems` are earlier ones (unreadable folders) to keep.
/// When no file is a vocabulary, the bundled vocabularies are used, so that a folder of
/// entries alone is a valid catalogue.
pub fn load_files(files: Vec<SourceFile>, problems: Vec<Diagnostic>) -> Loaded {
    load_files_reporting(files, problems, &progress::unwatched, Stamps::Kept, &|_| ()).0
}

/// [`load_files`], telling `report` how far it is, and making `then` of the catalogue beside
/// the checks ([`load_then`]).
fn load_files_reporting<T: Send>(
    files: Vec<SourceFile>,
    problems: Vec<Diagnostic>,
    report: progress::Report<'_>,
    stamps: Stamps,
    then: Then<'_, T>,
) -> (Loaded, T) {
    let (files, parsed) = threads::parse_fed(|found| files.into_iter().for_each(found), report, stamps);
    checked(files, problems, parsed, then)
}

/// The catalogue the parsed files make, checked as a whole (vocabularies, ids, references),
/// with `then` made of it beside the checks: the part of a load that a load again ([`again`])
/// does in full too.
fn checked<T: Send>(
    files: Vec<SourceFile>,
    mut problems: Vec<Diagnostic>,
    parsed: ParsedFiles,
    then: Then<'_, T>,
) -> (Loaded, T) {
    let files_read = files.len();
    let ParsedFiles {
        entries,
        checked_only,
        mut vocabulary_files,
        unread_vocabularies,
        problems: parse_problems,
        stamps,
        unstamped,
        unloaded,
    } = parsed;
    problems.extend(parse_problems);

    let bundled = vocabulary_files.is_empty();
    if bundled {
        vocabulary_files = bundled_vocabularies();
    }
    // Messages name the files the ids really come from, which may be the bundled ones.
    let vocabulary_names: Vec<(VocabularyKind, crate::i18n::Said)> = VocabularyKind::ALL
        .into_iter()
        .map(|kind| {
            let mut names: Vec<String> =
                vocabulary_files.iter().filter(|f| f.kind == kind).map(|f| f.shown.clone()).collect();
            if names.is_empty() {
                names.push(format!("vocabularies/{}.ron", kind.file_stem()));
            }
            (kind, say::an_id_from(&names, bundled))
        })
        .collect();
    let vocabularies = build_vocabularies(&vocabulary_files, &mut problems);

    // Checks after parsing quote the file only when they find a problem: read it again then.
    // hashbrown's map (foldhash): std's SipHash of 100k paths was most of building it.
    let by_name: hashbrown::HashMap<&str, &SourceFile> = files.iter().map(|f| (f.shown.as_str(), f)).collect();
    // A file a check quotes is quoted again beside its problems below: its bytes are read once
    // for both (thousands of files at 100k entries, read on this one thread).
    let read_again: RefCell<HashMap<&str, Vec<u8>>> = RefCell::default();
    let text_of = |shown: &str| -> Option<String> {
        let mut read = read_again.borrow_mut();
        let bytes = match read.entry(*by_name.get_key_value(shown)?.0) {
            Read::Occupied(known) => known.into_mut(),
            Read::Vacant(slot) => slot.insert(by_name.get(shown)?.read().ok()?.into_owned()),
        };
        parse::decode(shown, bytes).ok().map(str::to_string)
    };
    // Entries whose file did not load: a reference to one is a consequence, not a second fault.
    fn stem(f: &SourceFile) -> &str {
        f.relative.rsplit('/').next().unwrap_or("").trim_end_matches(".ron")
    }
    let unloaded: HashMap<&str, &str> = unloaded.iter().map(|&i| (stem(&files[i]), files[i].shown.as_str())).collect();
    // The catalogue as it will be if the checks drop nothing: `then` starts on it meanwhile.
    let (catalogue, placed) = Catalogue::placed(vocabularies, entries);
    let (kept, made) = std::thread::scope(|scope| {
        let made = scope.spawn(|| then(&catalogue));
        let in_file_order: Vec<&Entry> = placed.iter().map(|&at| &catalogue.entries()[at as usize]).collect();
        let vocabularies = &catalogue.vocabularies;
        let checks = validate::Checks {
            vocabularies,
            vocabulary_files: &vocabulary_names,
            unread_vocabularies: &unread_vocabularies,
            text_of: &text_of,
        };
        let kept = validate::check_entries(&checks, &in_file_order, &checked_only, &unloaded, &mut problems);
        for vocabulary_file in &vocabulary_files {
            validate::check_vocabulary(
                vocabularies.get(vocabulary_file.kind),
                &vocabulary_file.shown,
                &vocabulary_file.text,
                &vocabulary_file.terms,
                &mut problems,
            );
        }
        // What `then` did not finish (it cannot fail on data: the index takes any catalogue)
        // ends the load as it would have ended it without the thread.
        (kept, made.join().unwrap_or_else(|panic| std::panic::resume_unwind(panic)))
    });
    let mut sources: HashMap<String, String> = HashMap::new();
    for problem in &problems {
        if sources.contains_key(&problem.file) {
            continue;
        }
        let text = vocabulary_files.iter().find(|v| v.shown == problem.file).map(|v| v.text.clone()).or_else(|| {
            let known = read_again.borrow_mut().remove(problem.file.as_str());
            let bytes = match known {
                Some(bytes) => bytes,
                None => by_name.get(problem.file.as_str())?.read().ok()?.into_owned(),
            };
            Some(String::from_utf8_lossy(&bytes).into_owned())
        });
        if let Some(text) = text {
            sources.insert(problem.file.clone(), text);
        }
    }
    let (catalogue, made) = match kept.len() == placed.len() {
        true => (catalogue, made),
        false => {
            drop(made);
            let catalogue = kept_only(catalogue, &placed, &kept);
            let made = then(&catalogue);
            (catalogue, made)
        }
    };

    let mut catalogue = catalogue;
    // Off the index's values (places and stops' days and times are not searched): safe after it.
    validate::drop_impossible_values(catalogue.owned_entries_mut());
    let problems = crate::diagnostic::group(problems);
    let stamps = (!unstamped && !files.is_empty()).then_some(stamps);
    let unread_vocabularies = unread_vocabularies.into_iter().map(|(kind, _)| kind).collect();
    let loaded =
        Loaded { catalogue, diagnostics: problems, sources, files_read, stamps, index: None, unread_vocabularies };
    (loaded, made)
}

/// The catalogue of the entries `kept` (by file order, ascending) of `all`, whose `i`th entry
/// in file order is at `placed[i]`: what [`Catalogue::new`] makes of the kept entries alone.
fn kept_only(mut all: Catalogue, placed: &[u32], kept: &[usize]) -> Catalogue {
    let vocabularies = std::mem::take(&mut all.vocabularies);
    let mut slots: Vec<Option<Entry>> = all.into_entries().into_iter().map(Some).collect();
    let entries = kept.iter().filter_map(|&i| slots.get_mut(*placed.get(i)? as usize)?.take()).collect();
    Catalogue::new(vocabularies, entries)
}

enum FileRole {
    Vocabulary(VocabularyKind),
    Entry(Kind),
    Unknown(crate::i18n::Said),
}

/// A file's role from its path. Called once per file of a load, and again for a file that
/// gave no entry: the messages' lists are built only for a file that is ignored.
fn classify(relative: &str) -> FileRole {
    let kinds = || Kind::ALL.map(Kind::folder).join(", ");
    let Some((folder, rest)) = relative.split_once('/') else {
        return FileRole::Unknown(say::ignored(say::Ignored::NoFolder(&kinds())));
    };
    if folder == "vocabularies" {
        let stem = rest.trim_end_matches(".ron");
        return match VocabularyKind::from_file_stem(stem) {
            Some(kind) => FileRole::Vocabulary(kind),
            None => {
                let files = VocabularyKind::ALL.map(|k| format!("{}.ron", k.file_stem())).join(", ");
                FileRole::Unknown(say::ignored(say::Ignored::UnknownVocabulary(&files)))
            }
        };
    }
    match Kind::from_folder(folder) {
        Some(kind) => FileRole::Entry(kind),
        None => FileRole::Unknown(say::ignored(say::Ignored::UnknownFolder(folder, &kinds()))),
    }
}

/// The bundled vocabulary files, parsed. They are checked by the test suite, so any problem
/// here is a build defect and is dropped rather than shown against a user's folder.
fn bundled_vocabularies() -> Vec<VocabularyFile> {
    bundled_files()
        .into_iter()
        .filter_map(|file| {
            let FileRole::Vocabulary(kind) = classify(&file.relative) else { return None };
            let bytes = file.read().ok()?;
            let text = parse::decode(&file.shown, &bytes).ok()?;
            let terms = entries::parse_vocabulary(kind, &file.shown, text).0?;
            Some(VocabularyFile { kind, shown: file.shown.clone(), text: text.to_string(), terms })
        })
        .collect()
}

/// Merges the vocabulary files of each kind in order; a term repeated from an earlier file of
/// another folder is skipped (merged catalogues often share vocabularies), but reported when
/// it disagrees with the first definition.
fn build_vocabularies(files: &[VocabularyFile], problems: &mut Vec<Diagnostic>) -> Vocabularies {
    let mut vocabularies = Vocabularies::default();
    for kind in VocabularyKind::ALL {
        let mut terms: Vec<Term> = Vec::new();
        let mut first_file: HashMap<String, &str> = HashMap::new();
        for file in files.iter().filter(|f| f.kind == kind) {
            for term in &file.terms {
                let key = term.id.as_str().to_lowercase();
                match first_file.get(&key) {
                    Some(earlier) if *earlier != file.shown => {
                        let first = terms.iter().find(|t| t.id.as_str().eq_ignore_ascii_case(term.id.as_str()));
                        if first.is_some_and(|f| f.label != term.label || f.parents != term.parents) {
                            let span = locate::locate(&file.text, "id", term.id.as_str(), 0);
                            problems.push(Diagnostic::warning(
                                "conflicting-term",
                                &file.shown,
                                span.start,
                                span.end,
                                say::conflicting_term(kind, term.id.as_str(), earlier),
                            ));
                        }
                    }
                    Some(_) => {} // a duplicate inside one file, reported by check_vocabulary
                    None => {
                        first_file.insert(key, &file.shown);
                        terms.push(term.clone());
                    }
                }
            }
        }
        *vocabularies.get_mut(kind) = Vocabulary::new(terms);
    }
    vocabularies
}
