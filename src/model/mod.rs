//! The catalogue model. It knows nothing of files, terminals or search.

pub mod entry;
pub mod values;
pub mod vocabulary;

pub use entry::{Details, Entry, Kind, Location, ReviewStatus, Source, Stop};
pub use values::{Date, Id, WebAddress};
pub use vocabulary::{Term, Vocabularies, Vocabulary, VocabularyKind};

use std::collections::HashMap;

/// A loaded catalogue: its vocabularies and its entries, in a stable order (kind, then id).
#[derive(Clone, Debug, Default)]
pub struct Catalogue {
    pub vocabularies: Vocabularies,
    entries: Vec<Entry>,
    by_id: HashMap<Id, usize>,
}

impl Catalogue {
    pub fn new(vocabularies: Vocabularies, mut entries: Vec<Entry>) -> Catalogue {
        entries.sort_by(|a, b| (a.kind, &a.id).cmp(&(b.kind, &b.id)));
        let by_id = entries.iter().enumerate().map(|(i, e)| (e.id.clone(), i)).collect();
        Catalogue { vocabularies, entries, by_id }
    }

    pub fn entries(&self) -> &[Entry] {
        &self.entries
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    pub fn index_of(&self, id: &str) -> Option<usize> {
        self.by_id.get(id).copied()
    }

    pub fn get(&self, id: &str) -> Option<&Entry> {
        self.index_of(id).map(|i| &self.entries[i])
    }

    /// How many entries of each kind, in [`Kind::ALL`] order.
    pub fn counts_by_kind(&self) -> Vec<(Kind, usize)> {
        Kind::ALL.into_iter().map(|k| (k, self.entries.iter().filter(|e| e.kind == k).count())).collect()
    }
}
