//! The catalogue cache read entry by entry: the header and table checked, the rest of the load
//! ([`Meta`]) decoded, the index's bytes handed over, and each entry validated (its checksum,
//! rkyv's checks, the texts' invariants) and decoded only when something first asks for it.
//! A `list` from the cache then reads the few entries a search ranks and prints instead of
//! decoding 100,000 (BENCHMARKS.md, "The zero-copy cached start").
//!
//! An entry that fails its checks cannot be returned: a stand-in (the first entry) is, and the
//! archive is marked [`damaged`](Archive::damaged). Whoever reads an archive checks that mark
//! before trusting what it made, and loads the files instead when it is set.

use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, OnceLock};

use rkyv::rancor::Error;

use super::format::{self, FIRST_CHUNK, INDEX, META, Meta, Refused, Section};
use super::store::{self, CacheFile};
use super::{Cache, Why};
use crate::model::{Entries, Entry, EntrySource, Vocabularies, Vocabulary, VocabularyKind};

/// A cache file opened to be read entry by entry.
pub struct Archive {
    file: CacheFile,
    meta: Section,
    index: Section,
    chunks: Vec<Section>,
    /// The position of each chunk's first entry, and the number of entries last.
    starts: Vec<usize>,
    vocabularies: Vocabularies,
    by_id: Vec<u32>,
    slots: Vec<OnceLock<Option<Box<Entry>>>>,
    damaged: AtomicBool,
    stand_in: Entry,
}

/// Opens the cache of `folders` to be read entry by entry. Refused like a whole read when its
/// header, table or [`Meta`] fail their checks, and when the file cannot be mapped or holds
/// no entry (a whole read serves those).
pub fn open(cache: &Cache, folders: &[PathBuf]) -> Result<(Archive, Meta), Why> {
    let (path, key) = store::file_for(cache, folders).ok_or(Why::Missing)?;
    let file = store::open(&path).map_err(|not| match not {
        store::NotOpened::Missing => Why::Missing,
        store::NotOpened::NotOwn => Why::NotOwn,
    })?;
    let sections = format::sections(&file, cache.version_hash(), key).map_err(Why::Refused)?;
    if file.mapped().is_none() {
        return Err(Why::Missing);
    }
    let meta =
        super::decode::meta_but_stamps(&sections[META].read(&file).map_err(Why::Refused)?).map_err(Why::Refused)?;
    store::mark_used(&file);
    let chunks = sections[FIRST_CHUNK..].to_vec();
    let mut starts = Vec::with_capacity(chunks.len() + 1);
    let mut len = 0usize;
    for chunk in &chunks {
        starts.push(len);
        len = usize::try_from(chunk.items)
            .ok()
            .and_then(|items| len.checked_add(items))
            .ok_or(Why::Refused(Refused::Invalid))?;
    }
    starts.push(len);
    if len == 0 || meta.by_id.len() != len || meta.by_id.iter().any(|&e| e as usize >= len) {
        return Err(Why::Refused(Refused::Invalid));
    }
    let mut vocabularies = Vocabularies::default();
    for (kind, terms) in VocabularyKind::ALL.into_iter().zip(&meta.vocabularies) {
        *vocabularies.get_mut(kind) = Vocabulary::new(terms.clone());
    }
    let by_id = meta.by_id.clone();
    let first = decode_one(&file, &chunks[0], 0).map_err(Why::Refused)?;
    let archive = Archive {
        file,
        meta: sections[META],
        index: sections[INDEX],
        chunks,
        starts,
        vocabularies,
        by_id,
        slots: std::iter::repeat_with(OnceLock::new).take(len).collect(),
        damaged: AtomicBool::new(false),
        stand_in: first,
    };
    Ok((archive, meta))
}

/// The stamps of an [`Archive`], with the map they lie in.
pub struct StampCheck {
    map: Option<Arc<memmap2::Mmap>>,
    meta: Section,
}

impl StampCheck {
    /// Whether the files of `folders` are those stamped, each unchanged (see [`super::is_fresh`]).
    pub fn fresh(&self, folders: &[PathBuf]) -> bool {
        let Some(map) = &self.map else { return false };
        // Its checksum held when `open` read it, and a cache file never changes in place.
        let Ok(len) = usize::try_from(self.meta.len) else { return false };
        let Some(bytes) = format::in_place(map, self.meta.offset, len) else { return false };
        let Ok(meta) = super::decode::archived_meta(&bytes) else { return false };
        let (files, _) = crate::load::listed_files(folders);
        super::stamp::all_match(&meta.stamps, &files)
    }
}

/// Entry `i` of `chunk`, checked and decoded.
fn decode_one(file: &CacheFile, chunk: &Section, i: usize) -> Result<Entry, Refused> {
    let map = file.mapped().ok_or(Refused::Length)?;
    let len = usize::try_from(chunk.len).map_err(|_| Refused::Length)?;
    let bytes = format::in_place(map, chunk.offset, len).ok_or(Refused::Length)?;
    let items = usize::try_from(chunk.items).map_err(|_| Refused::Invalid)?;
    let archived = format::entry_in(&bytes, items, i, true)?;
    rkyv::deserialize::<Entry, Error>(archived).map_err(|_| Refused::Invalid)
}

impl Archive {
    /// What `restore` makes of the archived search index's bytes (checked against their
    /// checksum, part by part, each part's pages given back) and the map they lie in, None
    /// when the cache kept none or they fail. The index is searched where it lies: `restore`
    /// keeps the map for as long as it needs it.
    pub fn with_index<T>(&self, restore: impl FnOnce(&[u8], Arc<memmap2::Mmap>) -> Option<T>) -> Option<T> {
        if self.index.len == 0 {
            return None;
        }
        let map = self.file.shared()?;
        let bytes = self.index.read_in_parts(&self.file).ok()?;
        restore(&bytes, map)
    }

    /// The check of the files against the stamps archived in the cache, to run on another
    /// thread: the stamps are read where they lie in the map, never decoded.
    pub fn stamp_check(&self) -> StampCheck {
        StampCheck { map: self.file.shared(), meta: self.meta }
    }

    /// Whether an entry asked for failed its checks (a stand-in was returned for it).
    pub fn damaged(&self) -> bool {
        self.damaged.load(Ordering::Relaxed)
    }

    /// How many entries were decoded so far.
    pub fn decoded(&self) -> usize {
        self.slots.iter().filter(|slot| slot.get().is_some()).count()
    }
}

impl Entries for Archive {
    fn len(&self) -> usize {
        self.slots.len()
    }

    fn vocabularies(&self) -> &Vocabularies {
        &self.vocabularies
    }

    fn entry(&self, e: usize) -> &Entry {
        let chunk = self.starts.partition_point(|&start| start <= e).saturating_sub(1);
        let decoded = self.slots[e].get_or_init(|| {
            let i = e - self.starts[chunk];
            decode_one(&self.file, &self.chunks[chunk], i).ok().map(Box::new)
        });
        match decoded {
            Some(entry) => entry,
            None => {
                self.damaged.store(true, Ordering::Relaxed);
                &self.stand_in
            }
        }
    }

    fn index_of(&self, id: &str) -> Option<usize> {
        let found = self.by_id.binary_search_by(|&e| self.entry(e as usize).id.as_str().cmp(id)).ok()?;
        Some(self.by_id[found] as usize)
    }
}

/// The archive as the source of a catalogue that keeps its own slots
/// ([`crate::model::Catalogue::lazy`]): the dashboard's first screen from the cache.
impl EntrySource for Archive {
    fn count(&self) -> usize {
        self.slots.len()
    }

    fn decode(&self, e: usize) -> Option<Entry> {
        let chunk = self.starts.partition_point(|&start| start <= e).saturating_sub(1);
        decode_one(&self.file, self.chunks.get(chunk)?, e.checked_sub(self.starts[chunk])?).ok()
    }

    /// The pages of the chunks whose entries are all decoded are given back (the cache file
    /// would otherwise stay resident beside the decoded entries).
    fn decoded_up_to(&self, end: usize) {
        let whole = self.starts[1..].partition_point(|&next| next <= end);
        self.chunks.iter().take(whole).for_each(|chunk| chunk.release(&self.file));
    }
}

impl Archive {
    /// Entry positions in id order, as the cache kept them.
    pub fn by_id(&self) -> &[u32] {
        &self.by_id
    }
}
