//! The one place the catalogue cache is written (`tests/it/live.rs` checks that no other
//! source file calls `cache::write`): after a first load from the files, after a reload in
//! which no file kept an earlier version, and after a command's load ([`super::once`]).

use std::collections::HashMap;
use std::path::PathBuf;

use super::Snapshot;
use crate::load::Loaded;
use crate::load::cache::{self, Cache, Parts, Stamp};

/// What a load read besides its catalogue and problems, which the cache keeps with them.
#[derive(Default)]
pub(super) struct Read {
    pub sources: HashMap<String, String>,
    pub stamps: Option<Vec<Stamp>>,
    pub files_read: usize,
}

impl Read {
    /// Takes them out of `loaded`, whose catalogue and problems go into a snapshot.
    pub fn take(loaded: &mut Loaded) -> Read {
        Read {
            sources: std::mem::take(&mut loaded.sources),
            stamps: loaded.stamps.take(),
            files_read: loaded.files_read,
        }
    }
}

/// Caches `snapshot` as the load of `folders`, with its index; false when nothing was written
/// (no stamps, the cache folder inside a catalogue folder, or it could not be written: the
/// next start then loads from the files, which is never wrong).
pub(super) fn remember(cache: &Cache, folders: &[PathBuf], snapshot: &Snapshot, read: &Read) -> bool {
    let archived = snapshot.indexed.engine().archive();
    remember_load(
        cache,
        folders,
        &Parts {
            catalogue: snapshot.catalogue(),
            diagnostics: &snapshot.problems,
            sources: &read.sources,
            stamps: read.stamps.as_deref(),
            files_read: read.files_read,
            index: archived.as_deref(),
        },
    )
}

/// Caches a load as it is (with the index it carries, if any): the only call of
/// `cache::write`. Then the cache folder is kept under its size ([`cache::evict`]), the cache
/// just written kept.
pub(super) fn remember_load(cache: &Cache, folders: &[PathBuf], parts: &Parts<'_>) -> bool {
    let written = matches!(cache::write(cache, folders, parts), Ok(true));
    if let (true, Some(path)) = (written, cache::file_of(cache, folders)) {
        cache::evict(cache, &path);
    }
    written
}
