//! Each load after the first, from the watcher or asked for: merged with the last good
//! snapshot, indexed once, given to the subscriber, and cached when it is exactly what the
//! files hold.
//!
//! Two ways a load is not taken as it is, so that a bad moment never empties the screen:
//! - a file that now fails but still exists keeps its last good entry ([`merge_last_good`]),
//!   its problem listed beside it (a half-written or broken save);
//! - a folder that went away (`rm -rf`, `mv`) or holds no catalogue now (emptied, being
//!   copied back) keeps the whole last good catalogue, with a problem naming the folder
//!   ([`super::Update::Kept`]). The whole, not only that folder's entries: the folders'
//!   vocabularies are merged, and the other folders' entries would be checked against a
//!   vocabulary that lacks the missing one's terms. Nothing new is shown until the folder is
//!   back, and then everything is.

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use super::remember::{Read, remember};
use super::{Problems, Sink, Snapshot, Update};
use crate::diagnostic::{Diagnostic, Position};
use crate::i18n::problems::{folder_emptied, folder_gone, put_the_folder_back};
use crate::load::again::{self, Memory};
use crate::load::cache::Cache;
use crate::load::{CatalogueSource, Loaded};
use crate::model::{Catalogue, Entry};
use crate::query::Indexed;

/// The code of the problem that names a folder gone.
pub const FOLDER_GONE: &str = "folder-gone";

/// The loader's code for a folder given that is missing, not a folder, or holds no catalogue.
const NO_CATALOGUE: &str = "no-catalogue";

pub(super) struct Reloads {
    /// The last good snapshot: what a failing file or a missing folder falls back on.
    shown: Snapshot,
    cache: Option<Cache>,
    folders: Vec<PathBuf>,
    sink: Sink,
    /// The cache of the catalogue shown, share-locked while it is shown: another process's
    /// eviction passes it by (two dashboards on two folders keep both caches).
    held: Option<std::fs::File>,
    /// What the last load parsed of each file, for the next to read only the files changed.
    memory: Memory,
}

impl Reloads {
    pub fn new(shown: Snapshot, cache: Option<Cache>, folders: Vec<PathBuf>, sink: Sink) -> Reloads {
        Reloads { shown, cache, folders, sink, held: None, memory: Memory::default() }
    }

    /// Holds the cache of the folders as it is now (after it was read or written).
    pub fn hold_cache(&mut self) {
        self.held = self.cache.as_ref().and_then(|cache| crate::load::cache::hold(cache, &self.folders));
    }

    /// Forgets the snapshot shown, which a damaged cache made: none of its entries is kept
    /// as a last good one.
    pub fn forget_shown(&mut self) {
        self.shown = Snapshot::new(Indexed::new(Catalogue::default()), Vec::new());
    }

    /// Loads `source` again: only the files changed since the last load are read, unless
    /// `full` (a load asked for, which trusts no stamp), or nothing was loaded here yet.
    pub fn load_again(&mut self, source: &CatalogueSource, full: bool) -> Loaded {
        if full {
            self.memory = Memory::default();
        }
        again::load_again(source, &mut self.memory, self.shown.catalogue())
    }

    /// Remembers the snapshot shown as the last load, when nothing was loaded here yet, for
    /// the first change to read only what changed ([`again::remembered`]); `before`: when its
    /// files were read or checked.
    pub fn remember_shown(&mut self, before: std::time::SystemTime) {
        if self.memory.is_empty() {
            self.memory = again::remembered(&self.folders, self.shown.catalogue(), &self.shown.problems, before);
        }
    }

    /// Takes a new load in; false when the subscriber is gone.
    pub fn deliver(&mut self, mut loaded: Loaded) -> bool {
        // A folder missing from the last good catalogue too (one of several, missing from the
        // start) is no loss: the others load as they are.
        let missing_before: HashSet<&str> =
            self.shown.problems.iter().filter(|d| d.code == NO_CATALOGUE).map(|d| d.file.as_str()).collect();
        let gone: Vec<Diagnostic> = loaded
            .diagnostics
            .iter()
            .filter(|d| d.code == NO_CATALOGUE && !missing_before.contains(d.file.as_str()))
            .map(|d| named_gone(&d.file))
            .collect();
        if !gone.is_empty() {
            let problems: Problems = gone.into_iter().chain(self.shown.problems.iter().cloned()).collect();
            return self.sink.send(Update::Kept(Snapshot { indexed: self.shown.indexed.clone(), problems }));
        }
        let read = Read::take(&mut loaded);
        let from_files = loaded.catalogue.len();
        let loaded = merge_last_good(loaded, self.shown.catalogue());
        // Only what the files hold now is cached, never an entry or vocabulary kept from an
        // earlier load.
        let exact = loaded.catalogue.len() == from_files && loaded.unread_vocabularies.is_empty();
        let indexed = Indexed::reloaded(&self.shown.indexed, loaded.catalogue);
        // The last snapshot is let go once the new one is out and cached: at 100k entries
        // dropping a catalogue takes a tenth of a second, which the frame need not wait for (the
        // dashboard's copy is then rarely the last one).
        let previous = std::mem::replace(&mut self.shown, Snapshot::new(indexed, loaded.diagnostics));
        let sent = self.sink.send(Update::Reloaded(self.shown.clone()));
        if let (Some(cache), true) = (&self.cache, exact) {
            remember(cache, &self.folders, &self.shown, &read);
            self.hold_cache();
        }
        drop(previous);
        sent
    }
}

/// The problem that says `folder` (as the loader named it) is gone, or empty.
fn named_gone(folder: &str) -> Diagnostic {
    let said = if Path::new(folder).is_dir() { folder_emptied(folder) } else { folder_gone(folder) };
    Diagnostic::error(FOLDER_GONE, folder, Position::START, Position::START, said)
        .with_help(Some(put_the_folder_back()))
}

/// A new load, in which each file that now fails but still exists keeps the entry it had in
/// `previous`: a half-written or broken file never takes its entry off the screen, and its
/// problem is listed beside it. So does a vocabulary a file of which cannot be read now: its
/// facet does not empty, and its terms are still named.
pub fn merge_last_good(mut loaded: Loaded, previous: &Catalogue) -> Loaded {
    for &kind in &loaded.unread_vocabularies {
        let last_good = previous.vocabularies.get(kind);
        if !last_good.is_empty() {
            *loaded.catalogue.vocabularies.get_mut(kind) = last_good.clone();
        }
    }
    let failed: HashSet<&str> = loaded.diagnostics.iter().filter(|d| d.is_error()).map(|d| d.file.as_str()).collect();
    if failed.is_empty() {
        return loaded;
    }
    let kept: Vec<Entry> = previous
        .entries()
        .iter()
        .filter(|old| {
            failed.contains(&*old.file())
                && !loaded.catalogue.entries().iter().any(|new| new.id == old.id && new.file() == old.file())
                && loaded.catalogue.get(old.id.as_str()).is_none()
                && Path::new(&*old.file()).is_file()
        })
        .cloned()
        .collect();
    if kept.is_empty() {
        return loaded;
    }
    let catalogue = std::mem::take(&mut loaded.catalogue);
    let vocabularies = catalogue.vocabularies.clone();
    let mut entries = catalogue.entries().to_vec();
    entries.extend(kept);
    loaded.catalogue = Catalogue::new(vocabularies, entries);
    loaded
}
