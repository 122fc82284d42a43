//! Loading the folders again after a change, reading only what changed: each file whose stamp
//! (size, modification and change times, and the content's hash for a file written shortly before it was
//! read: [`cache::Stamp`]) still matches is taken as it was parsed last time, unread; new and
//! changed files are read and parsed; files gone drop out. The whole is then checked as a full
//! load checks it (vocabularies, ids, references, duplicates), so the catalogue and problems
//! are a full load's. At 100k entries a full load reads and parses 102,500 files for one
//! that changed.
//!
//! Entries are not kept twice: a file that gave an entry is remembered as having given one,
//! and the entry is taken again from the catalogue shown, where it is found by its id and file.
//! When it is not there (the shown catalogue came from elsewhere, or the entry was a later
//! duplicate that the catalogue dropped), the file is read again: a miss costs a read, never
//! a wrong entry.

use std::collections::{HashMap, HashSet};
use std::time::SystemTime;

use super::cache::{self, Folders, Stamped, since_epoch};
use super::progress;
use super::{
    CatalogueSource, FileRole, Loaded, ParsedFiles, SourceFile, VocabularyFile, checked, classify, listed_files, load,
};
use crate::diagnostic::Diagnostic;
use crate::model::{Catalogue, Entry, VocabularyKind};

/// What the last load parsed of each file, by the name the load gives it, to be taken again
/// while the file is unchanged. Empty at first: the first load again reads every file.
#[derive(Default)]
pub struct Memory {
    files: HashMap<String, Parsed>,
}

impl Memory {
    /// How many files are remembered.
    pub fn len(&self) -> usize {
        self.files.len()
    }

    pub fn is_empty(&self) -> bool {
        self.files.is_empty()
    }
}

/// What parsing one file gave (besides its entry, which the catalogue holds).
#[derive(Clone)]
struct Parsed {
    stamp: cache::Stamp,
    /// The file gave an entry to load.
    entry: bool,
    checked_only: Vec<(Entry, String)>,
    vocabulary: Option<VocabularyFile>,
    /// A vocabulary file that did not read: the uses of its terms are folded under its error.
    unread: Option<VocabularyKind>,
    problems: Vec<Diagnostic>,
}

/// One file's part of this load: remembered, or parsed now (then with its entry, and without a
/// stamp when it could not be stamped: it is not remembered and is read again next time).
struct Part {
    parsed: Parsed,
    stamped: bool,
    entry: Option<Entry>,
}

/// Files fewer than this per thread are checked on one.
const PER_THREAD: usize = 4096;

/// Loads `source` again, reading only the files changed since the load `memory` remembers, and
/// taking the unchanged files' entries from `shown` (the catalogue shown now). The result is a
/// full load's ([`load`]); `memory` then remembers it.
pub fn load_again(source: &CatalogueSource, memory: &mut Memory, shown: &Catalogue) -> Loaded {
    let CatalogueSource::Folders(folders) = source else {
        *memory = Memory::default();
        return load(source);
    };
    let (files, folder_problems) = listed_files(folders);
    let taken = unchanged(&files, memory, shown);
    let changed: Vec<SourceFile> =
        files.iter().zip(&taken).filter(|(_, taken)| taken.is_none()).map(|(file, _)| file.clone()).collect();
    let Some(mut fresh) = parse_apart(&changed) else {
        // A problem named another file than the one parsed: not split by file, so not
        // remembered; a full load is never wrong.
        *memory = Memory::default();
        return load(source);
    };
    let mut parts: Vec<Part> = Vec::with_capacity(files.len());
    for (file, taken) in files.iter().zip(taken) {
        let remembered = taken.and_then(|entry| Some((memory.files.remove(&file.shown)?, entry)));
        let part = match remembered {
            Some((parsed, entry)) => Part { parsed, stamped: true, entry },
            None => match fresh.remove(&file.shown) {
                Some(part) => part,
                None => {
                    // Parsed, yet nothing came of it under its name: as for a stray problem.
                    *memory = Memory::default();
                    return load(source);
                }
            },
        };
        parts.push(part);
    }
    let mut parsed = ParsedFiles::default();
    let mut remembered = HashMap::with_capacity(files.len());
    for (i, (file, part)) in files.iter().zip(parts).enumerate() {
        let Part { parsed: one, stamped, entry } = part;
        match entry {
            Some(entry) => parsed.entries.push(entry),
            None if matches!(classify(&file.relative), FileRole::Entry(_)) => parsed.unloaded.push(i),
            None => {}
        }
        // Cloned: the memory keeps them for the next load (few files have any).
        parsed.checked_only.extend(one.checked_only.iter().cloned());
        parsed.vocabulary_files.extend(one.vocabulary.iter().cloned());
        parsed.unread_vocabularies.extend(one.unread.map(|kind| (kind, file.shown.clone())));
        parsed.problems.extend(one.problems.iter().cloned());
        if stamped {
            parsed.stamps.push(one.stamp.clone());
            remembered.insert(file.shown.clone(), one);
        } else {
            parsed.unstamped = true;
        }
    }
    memory.files = remembered;
    checked(files, folder_problems, parsed, &|_| ()).0
}

/// For each file unchanged since the memory's load, whose entry (if it gave one) is found in
/// `shown`: that entry; None for a file to read. Checked on every
/// core (a `statx` per file, and the content read again for a recently written one).
fn unchanged(files: &[SourceFile], memory: &Memory, shown: &Catalogue) -> Vec<Option<Option<Entry>>> {
    if memory.is_empty() {
        return files.iter().map(|_| None).collect();
    }
    let check = |files: &[SourceFile]| -> Vec<Option<Option<Entry>>> {
        let mut folders = Folders::default();
        files
            .iter()
            .map(|file| {
                let parsed = memory.files.get(&file.shown)?;
                if !parsed.stamp.matches(file, &mut folders) {
                    return None;
                }
                let entry = match parsed.entry {
                    true => Some(entry_of(file, shown)?.clone()),
                    false => None,
                };
                Some(entry)
            })
            .collect()
    };
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get()).min(files.len().div_ceil(PER_THREAD));
    if threads <= 1 {
        return check(files);
    }
    let run = files.len().div_ceil(threads);
    std::thread::scope(|scope| {
        let handles: Vec<_> = files.chunks(run).map(|files| scope.spawn(move || check(files))).collect();
        // A thread that panicked gives no file to take again: they are all read.
        (handles.into_iter().zip(files.chunks(run)))
            .flat_map(|(handle, files)| handle.join().unwrap_or_else(|_| files.iter().map(|_| None).collect()))
            .collect()
    })
}

/// The entry `file` gave, in `shown`: the one of the id its name gives, from that very file.
fn entry_of<'a>(file: &SourceFile, shown: &'a Catalogue) -> Option<&'a Entry> {
    let name = file.relative.rsplit('/').next()?;
    let entry = shown.get(name.strip_suffix(".ron")?)?;
    (entry.file() == file.shown.as_str()).then_some(entry)
}

/// Parses `files` as a load does, and splits what came of it by file; None when a problem (or
/// anything else) names a file that was not parsed, as nothing then says whose it is.
fn parse_apart(files: &[SourceFile]) -> Option<HashMap<String, Part>> {
    let feed = |found: &mut dyn FnMut(SourceFile)| files.iter().cloned().for_each(found);
    let (_, all) = super::threads::parse_fed(feed, &progress::unwatched, super::Stamps::Kept);
    let mut parts: HashMap<String, Part> = HashMap::with_capacity(files.len());
    let stamps: HashMap<&str, &cache::Stamp> = all.stamps.iter().map(|s| (&*s.path, s)).collect();
    for file in files {
        let stamp = stamps.get(file.shown.as_str()).map(|&s| s.clone());
        let stamped = stamp.is_some();
        let stamp = stamp.unwrap_or_else(|| cache::Stamp {
            path: file.shown.as_str().into(),
            size: 0,
            seconds: 0,
            nanos: 0,
            changed_seconds: 0,
            changed_nanos: 0,
            hash: None,
        });
        let parsed = Parsed {
            stamp,
            entry: false,
            checked_only: Vec::new(),
            vocabulary: None,
            unread: None,
            problems: Vec::new(),
        };
        parts.insert(file.shown.clone(), Part { parsed, stamped, entry: None });
    }
    for entry in all.entries {
        let file = entry.file().into_owned();
        let part = parts.get_mut(&file)?;
        part.parsed.entry = true;
        part.entry = Some(entry);
    }
    for (entry, text) in all.checked_only {
        let file = entry.file().into_owned();
        parts.get_mut(&file)?.parsed.checked_only.push((entry, text));
    }
    for vocabulary in all.vocabulary_files {
        let file = vocabulary.shown.clone();
        parts.get_mut(&file)?.parsed.vocabulary = Some(vocabulary);
    }
    for (kind, file) in all.unread_vocabularies {
        parts.get_mut(&file)?.parsed.unread = Some(kind);
    }
    for problem in all.problems {
        let file = problem.file.clone();
        parts.get_mut(&file)?.parsed.problems.push(problem);
    }
    Some(parts)
}

/// A memory of a catalogue given without this module (the first snapshot: from the cache, or
/// a first load), so that the first change after a start reads only what changed too. Only
/// what is certain is remembered: the entry files no problem names (a file's own problems are
/// not told apart from the whole's in a finished load), whose entry `shown` holds, and whose
/// modification time is older than `before` (when the snapshot's files were read or checked)
/// by more than a coarse clock's tick, so that no write after that can hide behind the time
/// and size stamped now. Everything else is read at the first change, as it changes. Empty
/// when a problem names something that is not a listed file (a folder, a bundled vocabulary).
pub fn remembered(
    folders: &[std::path::PathBuf],
    shown: &Catalogue,
    problems: &[Diagnostic],
    before: SystemTime,
) -> Memory {
    let (files, folder_problems) = listed_files(folders);
    if !folder_problems.is_empty() {
        return Memory::default();
    }
    let listed: HashSet<&str> = files.iter().map(|f| f.shown.as_str()).collect();
    let mut named: HashSet<&str> = HashSet::new();
    for problem in problems {
        named.insert(&problem.file);
        named.extend(problem.follow_ons.iter().map(|f| f.file.as_str()));
        named.extend(problem.caused_by.as_deref());
    }
    if !named.iter().all(|name| listed.contains(name)) {
        return Memory::default();
    }
    let Some(settled) = before.checked_sub(cache::TRUSTED_AFTER) else { return Memory::default() };
    let (seconds, nanos) = since_epoch(settled);
    let mut looks = Folders::default();
    let mut memory = Memory::default();
    for file in &files {
        let super::Origin::Disk(path) = &file.origin else { continue };
        if named.contains(file.shown.as_str())
            || !matches!(classify(&file.relative), FileRole::Entry(_))
            || entry_of(file, shown).is_none()
        {
            continue;
        }
        let (Some(seen), Some(path)) = (looks.look(path), path.to_str()) else { continue };
        // The change time too: a write whose modification time was put back is recent by it.
        if (seen.seconds, seen.nanos).max((seen.changed_seconds, seen.changed_nanos)) >= (seconds, nanos) {
            continue;
        }
        let stamp = cache::Stamp {
            path: path.into(),
            size: seen.size,
            seconds: seen.seconds,
            nanos: seen.nanos,
            changed_seconds: seen.changed_seconds,
            changed_nanos: seen.changed_nanos,
            hash: None,
        };
        let parsed = Parsed {
            stamp,
            entry: true,
            checked_only: Vec::new(),
            vocabulary: None,
            unread: None,
            problems: Vec::new(),
        };
        memory.files.insert(file.shown.clone(), parsed);
    }
    memory
}
