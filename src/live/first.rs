//! The first snapshot: the catalogue cache when it holds these folders (and, with
//! [`First::Checked`], still matches their files), else a load from the files, reported as it
//! goes; then, once it is given, the cache brought up to date or found out of date.

use std::path::PathBuf;

use super::remember::{Read, remember};
use super::{First, Progress, Sink, Snapshot, Update};
use crate::load::cache::{self, Cache};
use crate::load::{CatalogueSource, Stamps};
use crate::query::{Indexed, read_cached};

/// The first snapshot, with what the cache needs to know about it.
pub(super) struct FirstLoad {
    pub snapshot: Snapshot,
    read: Read,
    from_cache: bool,
    /// A cached load was checked against the files before it was given.
    checked: bool,
    /// The index came from the cache (and fitted): the cache need not be given it.
    index_cached: bool,
    /// The archive's own check of its stamps, where they lie in the map (the lazy start reads
    /// none into `read`).
    stamps: Option<cache::StampCheck>,
}

pub(super) fn load(source: &CatalogueSource, cache: Option<&Cache>, first: First, sink: &Sink) -> FirstLoad {
    if let (CatalogueSource::Folders(folders), Some(cache), First::AtOnce) = (source, cache, first)
        && let Some((mut loaded, indexed, stamps)) = super::archived::lazy(cache, folders)
    {
        let read = Read::take(&mut loaded);
        let snapshot = Snapshot::new(indexed, loaded.diagnostics);
        let stamps = Some(stamps);
        return FirstLoad { snapshot, read, from_cache: true, checked: false, index_cached: true, stamps };
    }
    let cached = match (source, cache) {
        (CatalogueSource::Folders(folders), Some(cache)) => read_cached(cache, folders)
            .ok()
            .filter(|(loaded, _)| first == First::AtOnce || cache::is_fresh(loaded.stamps.as_deref(), folders)),
        _ => None,
    };
    let from_cache = cached.is_some();
    let (indexed, mut loaded, index_cached) = match cached {
        Some((mut loaded, stored)) => {
            sink.send(Update::Progress(Progress::Indexing));
            let (indexed, index_cached) = Indexed::with_stored(std::mem::take(&mut loaded.catalogue), stored);
            (indexed, loaded, index_cached)
        }
        // From the files, the index is built beside the load's last checks, as `list`'s is.
        None => {
            let report = |read, total| {
                sink.send(Update::Progress(Progress::Reading { read, total }));
            };
            let indexing = || {
                sink.send(Update::Progress(Progress::Indexing));
            };
            let (indexed, loaded) = Indexed::load_reporting(source, &report, Stamps::Kept, &indexing);
            (indexed, loaded, false)
        }
    };
    let read = Read::take(&mut loaded);
    let checked = first == First::Checked;
    let snapshot = Snapshot::new(indexed, loaded.diagnostics);
    FirstLoad { snapshot, read, from_cache, checked, index_cached, stamps: None }
}

impl FirstLoad {
    /// Whether the snapshot came from the cache and is checked against the files only after
    /// it is given ([`First::AtOnce`]).
    pub fn checked_after(&self) -> bool {
        self.from_cache && !self.checked
    }
}

/// Touches every entry of a snapshot read from the archive, on a thread of its own, so that
/// what reads them all (the map, exports, the tours) finds them decoded, and a damaged entry
/// is found soon; the handle says whether every entry passed its checks (a snapshot in
/// memory passes at once).
pub(super) fn fill(snapshot: &Snapshot) -> Option<std::thread::JoinHandle<bool>> {
    let indexed = snapshot.indexed.clone();
    if !indexed.catalogue().entries().is_lazy() {
        return None;
    }
    let fill = move || {
        // Behind the first screen, never before it: the screen's thread goes first on a busy
        // machine (2 cores shared with the folders' watch and the stamp check).
        lower_priority();
        indexed.catalogue().entries().fill()
    };
    std::thread::Builder::new().name("fill".into()).spawn(fill).ok()
}

/// Lowers the calling thread's scheduling priority (nice 10), where threads have their own.
fn lower_priority() {
    #[cfg(target_os = "linux")]
    // SAFETY: gettid cannot fail; setpriority on this thread's id changes only its nice value,
    // and a refusal leaves it as it was.
    unsafe {
        let _ = libc::setpriority(libc::PRIO_PROCESS, libc::gettid() as libc::id_t, 10);
    }
}

/// What the cache was found to hold, once the first snapshot is given.
#[derive(Debug, PartialEq, Eq)]
pub(super) enum Cached {
    /// It holds this catalogue, as the files are now (given to it now if it did not).
    UpToDate,
    /// The snapshot came from the cache, and a file has changed, was added or removed since:
    /// the folders must be loaded again.
    OutOfDate,
}

/// Once the first snapshot is given: a load from the files (or a cached one whose index was
/// not kept, or did not fit) is cached with its index; a cached load not yet checked is
/// checked against the files.
pub(super) fn after_shown(first: FirstLoad, cache: &Cache, folders: &[PathBuf]) -> Cached {
    let FirstLoad { snapshot, read, from_cache, checked, index_cached, stamps } = first;
    let fresh = || match &stamps {
        Some(check) => check.fresh(folders),
        None => cache::is_fresh(read.stamps.as_deref(), folders),
    };
    if from_cache && !checked && !fresh() {
        return Cached::OutOfDate;
    }
    if !from_cache || !index_cached {
        remember(cache, folders, &snapshot, &read);
    }
    Cached::UpToDate
}
