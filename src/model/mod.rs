//! The catalogue model. It knows nothing of files, terminals or search.

mod entries;
pub mod entry;
mod facet;
mod file;
mod id;
pub mod interreg;
mod refused;
mod table;
pub mod values;
pub mod vocabulary;

pub use entries::Entries;
pub use entry::{Details, Entry, Kind, Location, ReviewStatus, Source, Stop};
pub use facet::Facet;
pub use file::EntryFile;
pub use refused::{AddressFlaw, Refused, Script};
pub use table::{EntrySource, EntryTable, Iter};
pub use values::{Date, Id, WebAddress};
pub use vocabulary::{Term, Vocabularies, Vocabulary, VocabularyKind};

/// A loaded catalogue: its vocabularies and its entries, in a stable order (kind, then id).
#[derive(Clone, Debug, Default)]
pub struct Catalogue {
    pub vocabularies: Vocabularies,
    entries: EntryTable,
    /// Entry positions in id order, for lookups by id: a tenth of the memory of a hash map
    /// from cloned ids, at a handful of comparisons a lookup.
    by_id: Vec<u32>,
}

impl Catalogue {
    pub fn new(vocabularies: Vocabularies, mut entries: Vec<Entry>) -> Catalogue {
        // Ids are unique, so an unstable sort gives the same order without a buffer of half
        // the entries.
        entries.sort_unstable_by(|a, b| (a.kind, &a.id).cmp(&(b.kind, &b.id)));
        let mut by_id: Vec<u32> = (0..entries.len() as u32).collect();
        // Sorted by kind and id, the entries are a few runs already sorted by id, which a stable
        // sort finds and merges (unique ids: the same order as an unstable sort's).
        by_id.sort_by(|&a, &b| entries[a as usize].id.cmp(&entries[b as usize].id));
        Catalogue { vocabularies, entries: EntryTable::owned(entries), by_id }
    }

    /// [`Catalogue::new`] of entries with unique ids, saying where each went: the `i`th given
    /// entry is at `placed[i]`. The loader checks the entries in file order through it while the
    /// catalogue is already being indexed. Their positions are sorted, and each entry is then
    /// moved once round its permutation's cycle: no buffer of entries beside them.
    pub fn placed(vocabularies: Vocabularies, mut entries: Vec<Entry>) -> (Catalogue, Vec<u32>) {
        let mut order: Vec<u32> = (0..entries.len() as u32).collect();
        order.sort_unstable_by(|&a, &b| {
            let (a, b) = (&entries[a as usize], &entries[b as usize]);
            (a.kind, &a.id).cmp(&(b.kind, &b.id))
        });
        let mut placed = vec![0u32; entries.len()];
        for (at, &from) in order.iter().enumerate() {
            placed[from as usize] = at as u32;
        }
        // Position `start` takes the entry `order[start]` names, whose own position takes the
        // next, until the cycle comes back; a position done names itself.
        for start in 0..entries.len() {
            let mut at = start;
            while order[at] as usize != start {
                let from = order[at] as usize;
                entries.swap(at, from);
                order[at] = at as u32;
                at = from;
            }
            order[at] = at as u32;
        }
        let mut by_id: Vec<u32> = (0..entries.len() as u32).collect();
        by_id.sort_by(|&a, &b| entries[a as usize].id.cmp(&entries[b as usize].id));
        (Catalogue { vocabularies, entries: EntryTable::owned(entries), by_id }, placed)
    }

    /// A catalogue whose entries are read from `source` as they are first touched (the cache's
    /// archive), already in catalogue order, `by_id` their positions in id order. None when
    /// there is no entry, or the first fails its checks, or `by_id` does not fit.
    pub fn lazy(vocabularies: Vocabularies, by_id: Vec<u32>, source: Box<dyn EntrySource>) -> Option<Catalogue> {
        let len = source.count();
        if by_id.len() != len || by_id.iter().any(|&e| e as usize >= len) {
            return None;
        }
        Some(Catalogue { vocabularies, entries: EntryTable::lazy(source)?, by_id })
    }

    pub fn entries(&self) -> &EntryTable {
        &self.entries
    }

    /// The entries, owned (decoded first if they were read as touched).
    /// The entries of a catalogue loaded from its files, to change values in place (never ids
    /// or kinds: their order and the lookups by id stay); none of one read from the cache.
    pub fn owned_entries_mut(&mut self) -> &mut [Entry] {
        self.entries.owned_mut()
    }

    pub fn into_entries(self) -> Vec<Entry> {
        self.entries.into_vec()
    }

    /// The positions of the entries of `kind`: entries are in kind order, so a binary search
    /// finds them without reading the others.
    pub fn of_kind(&self, kind: Kind) -> std::ops::Range<usize> {
        let start = partition_point(self.len(), |e| self.entries[e].kind < kind);
        let end = partition_point(self.len(), |e| self.entries[e].kind <= kind);
        start..end.max(start)
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    pub fn index_of(&self, id: &str) -> Option<usize> {
        let found = self.by_id.binary_search_by(|&i| self.entries[i as usize].id.as_str().cmp(id)).ok()?;
        Some(self.by_id[found] as usize)
    }

    pub fn get(&self, id: &str) -> Option<&Entry> {
        self.index_of(id).map(|i| &self.entries[i])
    }

    /// Entry positions in id order (what [`Catalogue::index_of`] searches), for the cache.
    pub fn by_id(&self) -> &[u32] {
        &self.by_id
    }

    /// How many entries of each kind, in [`Kind::ALL`] order.
    pub fn counts_by_kind(&self) -> Vec<(Kind, usize)> {
        Kind::ALL.into_iter().map(|k| (k, self.of_kind(k).len())).collect()
    }
}

/// The first position in `0..len` where `before` is false (it is true, then false).
fn partition_point(len: usize, before: impl Fn(usize) -> bool) -> usize {
    let (mut low, mut high) = (0, len);
    while low < high {
        let middle = low + (high - low) / 2;
        if before(middle) { low = middle + 1 } else { high = middle }
    }
    low
}
