//! The catalogue cache: one file per set of catalogue folders, in the user's cache folder
//! (`$XDG_CACHE_HOME/boucle`, `~/.cache/boucle`; `BOUCLE_CACHE_DIR` overrides it), never in a
//! catalogue folder. It holds a whole load (entries, vocabularies, every problem and the text
//! quoted by problems) with each file's stamp ([`stamp`]): a start that finds every file
//! unchanged reads one file instead of parsing thousands.
//!
//! The cache file is named by the folders' canonical paths (one file however a folder is
//! spelled), its header keyed by them and by the paths as given too (problems quote the paths
//! as given), and checked against the tool's version and the format's ([`format`]); it is
//! used only if every file listed now is a file stamped, unchanged. Anything else (another
//! version, a corrupt or truncated file, a changed, added or removed catalogue file) means a
//! normal load, whose result replaces the cache. The search index, archived by the query
//! layer, is kept beside the catalogue once built. A cache is mapped into memory and read on
//! every core, in sections ([`format`], [`decode`]). The bundled catalogue is never cached: it is small and compiled
//! in. The folder is kept under a size cap, the least recently used caches evicted first,
//! never one in use ([`evict`]).

mod archive;
mod clean;
mod decode;
mod folders;
pub mod format;
mod stamp;
mod store;

pub use archive::{Archive, StampCheck, open as open_archive};
pub use folders::{Folders, since_epoch};
pub use format::Refused;
pub use stamp::{Stamp, Stamped, TRUSTED_AFTER};
#[cfg(all(test, target_os = "linux"))]
pub(crate) use store::resident;
pub use store::{DIR_ENV, Listed, MAX_ENV, cap, clear, evict, hold, list, release_in, writers_lock};

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use super::{Loaded, listed_files};
use crate::diagnostic::Diagnostic;
use crate::model::{Catalogue, Vocabularies, Vocabulary, VocabularyKind};

/// Where caches are kept, and the version they must have been written by.
#[derive(Clone, Debug)]
pub struct Cache {
    dir: PathBuf,
    version: String,
}

impl Cache {
    /// The user's cache folder for boucle (`BOUCLE_CACHE_DIR` if set), if there is one.
    pub fn user() -> Option<Cache> {
        store::user_dir().map(Cache::at)
    }

    /// Caches in `dir`, for this build of boucle.
    pub fn at(dir: PathBuf) -> Cache {
        Cache { dir, version: this_build() }
    }

    /// The same folder, as another version of boucle would use it (for tests: a cache written
    /// by another version is never read).
    pub fn as_version(self, version: &str) -> Cache {
        Cache { version: version.to_string(), ..self }
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    fn version_hash(&self) -> u64 {
        format::version_hash(&self.version)
    }
}

/// What a load did with the cache.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Used {
    /// Every file matched: the catalogue came from the cache.
    Read,
    /// The cache could not be used (why) and was written again from a normal load.
    Rebuilt(Why),
    /// No cache for this load: bundled catalogue, cache off, or files that cannot be stamped.
    Not,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Why {
    /// No cache file yet, or it could not be read.
    Missing,
    Refused(Refused),
    /// A file changed, was added or was removed since the cache was written.
    Stale,
    /// The cache file is another user's, or others may write it: never read (it is written
    /// again, as the user's own).
    NotOwn,
}

/// The cached load of `folders`, without checking it against the files ([`is_fresh`] does):
/// the dashboard shows it at once and checks afterwards. `index` holds the archived search
/// index, copied ([`read_with`] decodes it on the way instead).
pub fn read(cache: &Cache, folders: &[PathBuf]) -> Result<Loaded, Why> {
    let (mut loaded, index) = read_with(cache, folders, <[u8]>::to_vec)?;
    loaded.index = index.filter(|bytes| !bytes.is_empty());
    Ok(loaded)
}

/// [`read`], giving the archived search index's bytes to `on_index` on one of the threads
/// that decode the entries meanwhile (the query layer restores the index there); its result
/// is returned beside the load, None when the cache holds no index.
pub fn read_with<T: Send>(
    cache: &Cache,
    folders: &[PathBuf],
    on_index: impl FnOnce(&[u8]) -> T + Send,
) -> Result<(Loaded, Option<T>), Why> {
    let (path, key) = store::file_for(cache, folders).ok_or(Why::Missing)?;
    let file = store::open(&path).map_err(|not| match not {
        store::NotOpened::Missing => Why::Missing,
        store::NotOpened::NotOwn => Why::NotOwn,
    })?;
    let decoded = decode::decode(&file, cache.version_hash(), key, on_index).map_err(Why::Refused)?;
    store::mark_used(&file);
    drop(file);
    let mut loaded = rest_of(decoded.meta);
    loaded.catalogue = Catalogue::new(std::mem::take(&mut loaded.catalogue.vocabularies), decoded.entries);
    Ok((loaded, decoded.index))
}

/// The load a cache's [`format::Meta`] holds: all but the entries (its catalogue has the
/// vocabularies and no entry).
pub fn rest_of(meta: format::Meta) -> Loaded {
    let mut vocabularies = Vocabularies::default();
    for (kind, terms) in VocabularyKind::ALL.into_iter().zip(meta.vocabularies) {
        *vocabularies.get_mut(kind) = Vocabulary::new(terms);
    }
    Loaded {
        catalogue: Catalogue::new(vocabularies, Vec::new()),
        diagnostics: meta.diagnostics,
        sources: meta.sources.into_iter().map(|s| (s.file, s.text)).collect(),
        files_read: usize::try_from(meta.files_read).unwrap_or(usize::MAX),
        stamps: Some(meta.stamps),
        index: None,
        unread_vocabularies: Vec::new(),
    }
}

/// Whether the files of `folders` are still those stamped (by a load), each unchanged.
pub fn is_fresh(stamps: Option<&[Stamp]>, folders: &[PathBuf]) -> bool {
    let Some(stamps) = stamps else { return false };
    let (files, _) = listed_files(folders);
    stamp::all_match(stamps, &files)
}

/// What a cache is written from: a load's parts, borrowed (after a reload the catalogue is
/// already inside the index, and is not copied to be cached).
pub struct Parts<'a> {
    pub catalogue: &'a Catalogue,
    pub diagnostics: &'a [Diagnostic],
    pub sources: &'a HashMap<String, String>,
    pub stamps: Option<&'a [Stamp]>,
    pub files_read: usize,
    /// The catalogue's search index as the query layer archived it, if it was built.
    pub index: Option<&'a [u8]>,
}

impl<'a> Parts<'a> {
    pub fn of(loaded: &'a Loaded) -> Parts<'a> {
        Parts {
            catalogue: &loaded.catalogue,
            diagnostics: &loaded.diagnostics,
            sources: &loaded.sources,
            stamps: loaded.stamps.as_deref(),
            files_read: loaded.files_read,
            index: loaded.index.as_deref(),
        }
    }
}

/// Writes the cache of `folders` atomically. Ok(false) when there is nothing to cache (no
/// stamps) or the cache folder is inside a catalogue folder (never written to).
pub fn write(cache: &Cache, folders: &[PathBuf], parts: &Parts<'_>) -> std::io::Result<bool> {
    let Some(stamps) = parts.stamps else { return Ok(false) };
    let Some((path, key)) = store::file_for(cache, folders) else { return Ok(false) };
    let mut sources: Vec<format::SourceRef<'_>> =
        parts.sources.iter().map(|(file, text)| format::SourceRef { file, text }).collect();
    sources.sort_by_key(|s| s.file);
    let meta = format::MetaWriting {
        folders: store::canonical_names(folders),
        stamps,
        vocabularies: VocabularyKind::ALL.map(|kind| parts.catalogue.vocabularies.get(kind).terms().to_vec()).to_vec(),
        diagnostics: parts.diagnostics,
        sources,
        files_read: parts.files_read as u64,
        by_id: parts.catalogue.by_id(),
    };
    let entries = parts.catalogue.entries().contiguous();
    let index = parts.index.unwrap_or_default();
    store::write(cache, folders, &path, |out| format::encode(out, &meta, &entries, index, cache.version_hash(), key))
}

/// The file that holds (or would hold) the cache of `folders`.
pub fn file_of(cache: &Cache, folders: &[PathBuf]) -> Option<PathBuf> {
    store::file_for(cache, folders).map(|(path, _)| path)
}

/// Whether `bytes` would be accepted as the cache of `folders` (checked as a cache file is,
/// without reading any catalogue file): for testing damaged caches without writing them.
pub fn accepts(cache: &Cache, folders: &[PathBuf], bytes: &[u8]) -> Result<(), Refused> {
    let (_, key) = store::file_for(cache, folders).ok_or(Refused::OtherKey)?;
    decode::decode(&format::InMemory(bytes), cache.version_hash(), key, |_: &[u8]| ()).map(drop)
}

/// The version a cache must have been written by: the package version, and the size and time
/// of the running executable. The cache holds text as cleaned, and the cleaning rules can
/// change between two builds of one version (a curator's own build, a development build); a
/// cache from another build is then rebuilt rather than shown with the old rules.
fn this_build() -> String {
    let package = env!("CARGO_PKG_VERSION");
    let exe = std::env::current_exe().and_then(std::fs::metadata);
    match exe {
        Ok(meta) => {
            let modified = meta.modified().ok().and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok());
            format!("{package}+{}-{}", meta.len(), modified.map_or(0, |t| t.as_nanos()))
        }
        Err(_) => package.to_string(),
    }
}
