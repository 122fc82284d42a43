//! A command's catalogue straight from the cache's archive (`load::cache::Archive`): the index
//! restored and the search run on the archive at once, decoding only the entries the search
//! ranks and the output prints, while the files are checked against their stamps on other
//! threads. What was made is trusted only once that check passes and every entry read passed
//! its own; otherwise the command runs again on a whole load, as without this path.
//!
//! The dashboard's first snapshot comes from the archive too ([`lazy`]): a catalogue whose
//! entries are checked and decoded as they are first touched.

use std::sync::OnceLock;
use std::thread::JoinHandle;

use crate::load::cache::{self, Archive, Cache, StampCheck};
use crate::load::{CatalogueSource, Loaded};
use crate::model::{Catalogue, Entries};
use crate::query::{Engine, Indexed};
use std::path::PathBuf;

/// The cache's archive as a catalogue whose entries are checked and decoded as they are first
/// touched, with the index the cache kept: the first search and screen read the few entries
/// they show (the rest are filled behind). None when either cannot be used: the whole
/// read, or the files, serve those.
pub fn lazy(cache: &Cache, folders: &[PathBuf]) -> Option<(Loaded, Indexed, StampCheck)> {
    let (archive, meta) = cache::open_archive(cache, folders).ok()?;
    // The stamps stay in the map (the meta read has none): they are checked from there.
    let stamps = archive.stamp_check();
    let engine = archive.with_index(|bytes, map| Engine::restored_in(bytes, map, Entries::len(&archive)))?;
    let by_id = archive.by_id().to_vec();
    let mut loaded = cache::rest_of(meta);
    let vocabularies = std::mem::take(&mut loaded.catalogue.vocabularies);
    let catalogue = Catalogue::lazy(vocabularies, by_id, Box::new(archive))?;
    Some((loaded, Indexed::with_engine(catalogue, engine)?, stamps))
}

pub struct FromArchive {
    pub archive: Archive,
    /// The index kept in the cache, restored when first asked for (`show` needs none).
    engine: OnceLock<Option<Engine>>,
    /// The rest of the load (problems, quoted sources); its catalogue holds no entry.
    pub loaded: Loaded,
    check: Option<JoinHandle<bool>>,
}

/// The cache's archive of `source`'s folders, its stamp check started; None when there is no
/// usable cache (a whole load serves those).
pub fn open(source: &CatalogueSource, cache: Option<&Cache>) -> Option<FromArchive> {
    let (CatalogueSource::Folders(folders), Some(cache)) = (source, cache) else { return None };
    let (archive, meta) = cache::open_archive(cache, folders).ok()?;
    let mut loaded = cache::rest_of(meta);
    // The archive's meta holds no stamps: the check reads them where they lie.
    loaded.stamps = None;
    let (stamps, folders) = (archive.stamp_check(), folders.clone());
    let check = std::thread::spawn(move || stamps.fresh(&folders));
    Some(FromArchive { archive, engine: OnceLock::new(), loaded, check: Some(check) })
}

impl FromArchive {
    /// The search index kept in the cache, None when it kept none that fits.
    pub fn engine(&self) -> Option<&Engine> {
        let archive = &self.archive;
        let restore = |bytes: &[u8], map: std::sync::Arc<memmap2::Mmap>| Engine::restored_in(bytes, map, archive.len());
        self.engine.get_or_init(|| archive.with_index(restore)).as_ref()
    }

    /// Whether what was made from the archive may be shown: every file is as stamped, and
    /// every entry read passed its checks. Waits for the stamp check.
    pub fn trusted(&mut self) -> bool {
        let fresh = self.check.take().is_some_and(|check| check.join().unwrap_or(false));
        fresh && !self.archive.damaged()
    }
}
