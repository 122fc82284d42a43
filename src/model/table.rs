//! [`EntryTable`]: a catalogue's entries, either all in memory or read from somewhere else
//! (the catalogue cache's archive, [`EntrySource`]) each the first time something touches it,
//! on whichever thread. The dashboard then draws its first results from a cache after
//! decoding the few entries they show, not 100,000 (BENCHMARKS.md, "The dashboard's first
//! results from the archive").
//!
//! An entry that fails its checks when first touched cannot be returned: a stand-in (an
//! entry that passed) is, and the table is marked [`damaged`](EntryTable::damaged). Whoever
//! shows a table checks that mark and loads the files instead when it is set.

use std::fmt;
use std::ops::Index;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, OnceLock};

use super::Entry;

/// Where the entries of a [`EntryTable::lazy`] table come from.
pub trait EntrySource: Send + Sync {
    /// How many entries it holds.
    fn count(&self) -> usize;

    /// Entry `e` (`e < len()`) checked and decoded; None when it fails its checks.
    fn decode(&self, e: usize) -> Option<Entry>;

    /// Entries `0..end` are decoded and kept: what the source holds for them may be given back.
    fn decoded_up_to(&self, _end: usize) {}
}

/// The entries of a catalogue, by position. Indexing, [`get`](EntryTable::get) and
/// [`iter`](EntryTable::iter) read them as a slice would.
#[derive(Clone)]
pub struct EntryTable(Store);

#[derive(Clone)]
enum Store {
    Owned(Vec<Entry>),
    Lazy(Arc<Slots>),
}

struct Slots {
    source: Box<dyn EntrySource>,
    slots: Box<[OnceLock<Option<Box<Entry>>>]>,
    stand_in: Entry,
    damaged: AtomicBool,
    filled: AtomicUsize,
}

impl Default for EntryTable {
    fn default() -> Self {
        EntryTable(Store::Owned(Vec::new()))
    }
}

impl fmt::Debug for EntryTable {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.0 {
            Store::Owned(entries) => f.debug_list().entries(entries).finish(),
            Store::Lazy(lazy) => write!(f, "EntryTable({} lazy, {} decoded)", lazy.slots.len(), self.decoded()),
        }
    }
}

impl EntryTable {
    pub(super) fn owned(entries: Vec<Entry>) -> EntryTable {
        EntryTable(Store::Owned(entries))
    }

    /// A table read from `source` as it is touched; None when it is empty or its first entry
    /// fails its checks (it stands in for any entry that fails later).
    pub(super) fn lazy(source: Box<dyn EntrySource>) -> Option<EntryTable> {
        let len = source.count();
        let stand_in = if len == 0 { None } else { source.decode(0) }?;
        let slots = std::iter::repeat_with(OnceLock::new).take(len).collect();
        let lazy = Slots { source, slots, stand_in, damaged: AtomicBool::new(false), filled: AtomicUsize::new(0) };
        Some(EntryTable(Store::Lazy(Arc::new(lazy))))
    }

    /// The entries of a table made from owned entries; none of a table read from an archive.
    pub(super) fn owned_mut(&mut self) -> &mut [Entry] {
        match &mut self.0 {
            Store::Owned(entries) => entries,
            Store::Lazy(_) => &mut [],
        }
    }

    pub(super) fn into_vec(self) -> Vec<Entry> {
        match self.0 {
            Store::Owned(entries) => entries,
            Store::Lazy(_) => self.iter().cloned().collect(),
        }
    }

    pub fn len(&self) -> usize {
        match &self.0 {
            Store::Owned(entries) => entries.len(),
            Store::Lazy(lazy) => lazy.slots.len(),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Entry `e`, None past the end.
    pub fn get(&self, e: usize) -> Option<&Entry> {
        match &self.0 {
            Store::Owned(entries) => entries.get(e),
            Store::Lazy(lazy) => {
                let decoded = lazy.slots.get(e)?.get_or_init(|| {
                    lazy.filled.fetch_add(1, Ordering::Relaxed);
                    lazy.source.decode(e).map(Box::new)
                });
                Some(decoded.as_deref().unwrap_or_else(|| {
                    lazy.damaged.store(true, Ordering::Relaxed);
                    &lazy.stand_in
                }))
            }
        }
    }

    pub fn first(&self) -> Option<&Entry> {
        self.get(0)
    }

    pub fn iter(&self) -> Iter<'_> {
        Iter { table: self, front: 0, back: self.len() }
    }

    /// The entries as one slice: borrowed when they are all in memory, else decoded into a
    /// copy (writing a cache from a lazy table, which is rare: it came from one).
    pub fn contiguous(&self) -> std::borrow::Cow<'_, [Entry]> {
        match &self.0 {
            Store::Owned(entries) => std::borrow::Cow::Borrowed(entries),
            Store::Lazy(_) => std::borrow::Cow::Owned(self.to_vec()),
        }
    }

    pub fn to_vec(&self) -> Vec<Entry> {
        self.iter().cloned().collect()
    }

    /// Whether an entry touched failed its checks (a stand-in was returned for it): what was
    /// made from this table must not be shown.
    pub fn damaged(&self) -> bool {
        match &self.0 {
            Store::Owned(_) => false,
            Store::Lazy(lazy) => lazy.damaged.load(Ordering::Relaxed),
        }
    }

    /// Whether the entries are read as they are touched (from a cache's archive).
    pub fn is_lazy(&self) -> bool {
        matches!(self.0, Store::Lazy(_))
    }

    /// How many entries are decoded so far (all of an owned table).
    pub fn decoded(&self) -> usize {
        match &self.0 {
            Store::Owned(entries) => entries.len(),
            Store::Lazy(lazy) => lazy.filled.load(Ordering::Relaxed),
        }
    }

    /// Touches every entry of a lazy table (from a background thread, so that the screens
    /// that read them all find them decoded), stopping at the first that fails; whether all
    /// passed.
    pub fn fill(&self) -> bool {
        let Store::Lazy(lazy) = &self.0 else { return true };
        for e in 0..self.len() {
            self.get(e);
            if self.damaged() {
                return false;
            }
            // What the source held for the entries behind is given back as the fill goes, so
            // that its pages and the decoded entries are not resident together.
            if (e + 1) % RELEASE_EVERY == 0 || e + 1 == self.len() {
                lazy.source.decoded_up_to(e + 1);
            }
        }
        true
    }
}

/// How many entries the fill decodes between two give-backs.
const RELEASE_EVERY: usize = 1024;

impl Index<usize> for EntryTable {
    type Output = Entry;

    fn index(&self, e: usize) -> &Entry {
        match self.get(e) {
            Some(entry) => entry,
            None => panic!("entry {e} out of range: the catalogue has {}", self.len()),
        }
    }
}

impl<'a> IntoIterator for &'a EntryTable {
    type Item = &'a Entry;
    type IntoIter = Iter<'a>;

    fn into_iter(self) -> Iter<'a> {
        self.iter()
    }
}

/// The entries of a table in order, each decoded as it is reached.
#[derive(Clone)]
pub struct Iter<'a> {
    table: &'a EntryTable,
    front: usize,
    back: usize,
}

impl<'a> Iterator for Iter<'a> {
    type Item = &'a Entry;

    fn next(&mut self) -> Option<&'a Entry> {
        if self.front >= self.back {
            return None;
        }
        self.front += 1;
        self.table.get(self.front - 1)
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        let left = self.back - self.front;
        (left, Some(left))
    }

    fn nth(&mut self, n: usize) -> Option<&'a Entry> {
        self.front = self.front.saturating_add(n).min(self.back);
        self.next()
    }
}

impl DoubleEndedIterator for Iter<'_> {
    fn next_back(&mut self) -> Option<Self::Item> {
        if self.front >= self.back {
            return None;
        }
        self.back -= 1;
        self.table.get(self.back)
    }
}

impl ExactSizeIterator for Iter<'_> {}
