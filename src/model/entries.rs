//! [`Entries`]: the entries of a catalogue as searches and outputs read them, one at a time by
//! position, whether they are all in memory (a [`Catalogue`]) or read from the catalogue
//! cache's archive as they are first asked for (`load::cache::Archive`): a cached `list`
//! then reads the few entries it prints, not the whole catalogue.

use super::{Catalogue, Entry, Vocabularies};

pub trait Entries: Sync {
    fn len(&self) -> usize;

    fn is_empty(&self) -> bool {
        self.len() == 0
    }

    fn vocabularies(&self) -> &Vocabularies;

    /// Entry `e`, `e < len()`.
    fn entry(&self, e: usize) -> &Entry;

    /// The position of the entry with this id.
    fn index_of(&self, id: &str) -> Option<usize>;

    fn get(&self, id: &str) -> Option<&Entry> {
        self.index_of(id).map(|e| self.entry(e))
    }
}

impl Entries for Catalogue {
    fn len(&self) -> usize {
        Catalogue::len(self)
    }

    fn vocabularies(&self) -> &Vocabularies {
        &self.vocabularies
    }

    fn entry(&self, e: usize) -> &Entry {
        &self.entries()[e]
    }

    fn index_of(&self, id: &str) -> Option<usize> {
        Catalogue::index_of(self, id)
    }
}
