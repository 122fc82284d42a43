//! Reading a cache file on every core: each section is a task (find it in the file's map, or
//! read it where the file cannot be mapped; check its checksum, validate and decode it), taken
//! by whichever worker is free, the index first since it is the largest. Entries are decoded
//! straight into their place in the catalogue's list, and each section's pages are given back
//! as soon as it is decoded, so a start never holds the whole file and the decoded catalogue
//! at once. Validating a section checks its texts too (the archived text types verify
//! themselves; `clean.rs` checks the problems' words).

use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, Ordering};

use rkyv::rancor::Error;

use super::format::{ArchivedMeta, FIRST_CHUNK, INDEX, META, Meta, ReadAt, Refused, Section, entry_in, sections};
use crate::model::Entry;

/// A cache file decoded: the rest of the load, its entries in order, and what the caller's
/// `on_index` made of the archived index (None when the cache holds none).
pub struct Decoded<T> {
    pub meta: Meta,
    pub entries: Vec<Entry>,
    pub index: Option<T>,
}

/// At most this many workers: decoding is bound by memory bandwidth beyond a few cores.
const MAX_WORKERS: usize = 8;

enum Task<'s> {
    Meta(Section),
    Index(Section),
    Chunk(Section, &'s mut [Option<Entry>]),
}

/// Decodes the cache in `file`, written by `version` for `key`. `on_index` is given the
/// index's bytes (checksummed, 16-byte aligned) on a worker, while entries are decoded.
pub fn decode<T: Send>(
    file: &dyn ReadAt,
    version: u64,
    key: u64,
    on_index: impl FnOnce(&[u8]) -> T + Send,
) -> Result<Decoded<T>, Refused> {
    let sections = sections(file, version, key)?;
    let total =
        sections[FIRST_CHUNK..].iter().try_fold(0usize, |sum, s| sum.checked_add(usize::try_from(s.items).ok()?));
    let total = total.ok_or(Refused::Invalid)?;
    let mut slots: Vec<Option<Entry>> = std::iter::repeat_with(|| None).take(total).collect();
    let mut tasks = vec![Task::Index(sections[INDEX]), Task::Meta(sections[META])];
    let mut rest = slots.as_mut_slice();
    for section in &sections[FIRST_CHUNK..] {
        let (these, others) = rest.split_at_mut(section.items as usize);
        tasks.push(Task::Chunk(*section, these));
        rest = others;
    }
    let workers = std::thread::available_parallelism().map_or(1, |n| n.get()).clamp(1, MAX_WORKERS).min(tasks.len());
    let shared = Shared {
        file,
        tasks: Mutex::new(tasks.into_iter()),
        failed: AtomicBool::new(false),
        refused: Mutex::new(None),
        meta: Mutex::new(None),
        on_index: Mutex::new(Some(on_index)),
        index: Mutex::new(None),
    };
    std::thread::scope(|scope| {
        for _ in 1..workers {
            scope.spawn(|| shared.work());
        }
        shared.work();
    });
    if let Some(refused) = take(shared.refused) {
        return Err(refused);
    }
    let meta = take(shared.meta).ok_or(Refused::Invalid)?;
    let index = take(shared.index);
    // Every slot was filled, or a task failed above; `filter_map` collects in place.
    #[allow(clippy::filter_map_identity)]
    let entries: Vec<Entry> = slots.into_iter().filter_map(|slot| slot).collect();
    if entries.len() != total {
        return Err(Refused::Invalid);
    }
    Ok(Decoded { meta, entries, index })
}

/// The [`Meta`] section's bytes (their checksum checked), validated, checked clean and decoded.
pub fn meta(bytes: &[u8]) -> Result<Meta, Refused> {
    rkyv::deserialize::<Meta, Error>(archived_meta(bytes)?).map_err(|_| Refused::Invalid)
}

/// [`meta`] without the stamps, which a read in place checks where they lie
/// ([`super::archive::StampCheck`]): the other fields are a few hundred values.
pub fn meta_but_stamps(bytes: &[u8]) -> Result<Meta, Refused> {
    let archived = archived_meta(bytes)?;
    let invalid = |_| Refused::Invalid;
    Ok(Meta {
        folders: rkyv::deserialize::<_, Error>(&archived.folders).map_err(invalid)?,
        stamps: Vec::new(),
        vocabularies: rkyv::deserialize::<_, Error>(&archived.vocabularies).map_err(invalid)?,
        diagnostics: rkyv::deserialize::<_, Error>(&archived.diagnostics).map_err(invalid)?,
        sources: rkyv::deserialize::<_, Error>(&archived.sources).map_err(invalid)?,
        files_read: archived.files_read.to_native(),
        by_id: rkyv::deserialize::<_, Error>(&archived.by_id).map_err(invalid)?,
    })
}

/// The [`Meta`] section's bytes validated and checked clean.
pub fn archived_meta(bytes: &[u8]) -> Result<&ArchivedMeta, Refused> {
    let archived = rkyv::access::<ArchivedMeta, Error>(bytes).map_err(|_| Refused::Invalid)?;
    if !super::clean::meta_is_clean(archived) {
        return Err(Refused::Invalid);
    }
    Ok(archived)
}

fn take<T>(cell: Mutex<Option<T>>) -> Option<T> {
    cell.into_inner().unwrap_or_else(|poisoned| poisoned.into_inner())
}

fn lock<T>(cell: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    cell.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
}

struct Shared<'s, T, F> {
    file: &'s dyn ReadAt,
    tasks: Mutex<std::vec::IntoIter<Task<'s>>>,
    failed: AtomicBool,
    refused: Mutex<Option<Refused>>,
    meta: Mutex<Option<Meta>>,
    on_index: Mutex<Option<F>>,
    index: Mutex<Option<T>>,
}

impl<T: Send, F: FnOnce(&[u8]) -> T + Send> Shared<'_, T, F> {
    fn work(&self) {
        while !self.failed.load(Ordering::Relaxed) {
            let Some(task) = lock(&self.tasks).next() else { return };
            if let Err(refused) = self.run(task) {
                self.failed.store(true, Ordering::Relaxed);
                lock(&self.refused).get_or_insert(refused);
            }
        }
    }

    fn run(&self, task: Task<'_>) -> Result<(), Refused> {
        let section = match &task {
            Task::Meta(s) | Task::Index(s) | Task::Chunk(s, _) => *s,
        };
        if matches!(task, Task::Index(_)) && section.len == 0 {
            return Ok(());
        }
        let bytes = section.read(self.file)?;
        let decoded = self.decode(task, &bytes);
        drop(bytes);
        section.release(self.file);
        decoded
    }

    fn decode(&self, task: Task<'_>, bytes: &[u8]) -> Result<(), Refused> {
        match task {
            Task::Meta(_) => *lock(&self.meta) = Some(meta(bytes)?),
            Task::Index(_) => {
                if let Some(on_index) = lock(&self.on_index).take() {
                    let index = on_index(bytes);
                    *lock(&self.index) = Some(index);
                }
            }
            Task::Chunk(_, slots) => {
                let items = slots.len();
                for (i, slot) in slots.iter_mut().enumerate() {
                    // The chunk's checksum held: the entries' own are not checked again.
                    let archived = entry_in(bytes, items, i, false)?;
                    *slot = Some(rkyv::deserialize::<Entry, Error>(archived).map_err(|_| Refused::Invalid)?);
                }
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::cache::format::{InMemory, MetaWriting, encode};
    use crate::load::{CatalogueSource, load};
    use crate::model::Id;

    /// More entries than one chunk holds, each with its own id, in order.
    fn many_entries() -> Vec<Entry> {
        let fixture = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/catalogue");
        let loaded = load(&CatalogueSource::Folders(vec![fixture]));
        let models = loaded.catalogue.entries();
        (0..5000)
            .map(|i| {
                let mut entry = models[i % models.len()].clone();
                entry.id = Id::parse(&format!("entry-{i:05}")).unwrap();
                entry
            })
            .collect()
    }

    fn written(entries: &[Entry], index: &[u8]) -> Vec<u8> {
        let meta = MetaWriting {
            folders: Vec::new(),
            stamps: &[],
            vocabularies: Vec::new(),
            diagnostics: &[],
            sources: Vec::new(),
            files_read: entries.len() as u64,
            by_id: &[],
        };
        let mut out = std::io::Cursor::new(Vec::new());
        encode(&mut out, &meta, entries, index, 7, 9).unwrap();
        out.into_inner()
    }

    #[test]
    fn entries_in_several_chunks_come_back_whole_and_in_order() {
        let entries = many_entries();
        let index: Vec<u8> = (0..=255).collect();
        let bytes = written(&entries, &index);
        let decoded = decode(&InMemory(&bytes), 7, 9, <[u8]>::to_vec).unwrap();
        let ids = |list: &[Entry]| list.iter().map(|e| e.id.to_string()).collect::<Vec<_>>();
        assert_eq!(ids(&decoded.entries), ids(&entries));
        assert_eq!(decoded.index, Some(index));
        assert_eq!(decoded.meta.files_read, 5000);
        let sections = sections(&InMemory(&bytes), 7, 9).unwrap();
        assert!(sections.len() > FIRST_CHUNK + 1, "{} sections", sections.len());
    }

    #[test]
    fn a_damaged_chunk_refuses_the_whole_cache() {
        let entries = many_entries();
        let mut bytes = written(&entries, &[]);
        let sections = sections(&InMemory(&bytes), 7, 9).unwrap();
        let last = sections.last().unwrap();
        bytes[(last.offset + last.len / 2) as usize] ^= 0x10;
        assert_eq!(decode(&InMemory(&bytes), 7, 9, <[u8]>::to_vec).err(), Some(Refused::Checksum));
        let decoded = decode(&InMemory(&written(&entries, &[])), 7, 9, <[u8]>::to_vec).unwrap();
        assert_eq!(decoded.index, None, "an empty index section is no index");
    }
}
