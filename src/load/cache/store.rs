//! The cache folder: which file holds the cache of which folders, reading it with a size
//! limit, writing it atomically, clearing it.

use std::io::Write;
use std::path::{Component, Path, PathBuf};

use rkyv::util::AlignedVec;

use super::format::{self, ReadAt};
use xxhash_rust::xxh3::xxh3_64;

use super::Cache;

/// Overrides the cache folder (tests, or a user who wants it elsewhere).
pub const DIR_ENV: &str = "BOUCLE_CACHE_DIR";

/// Larger cache files are not read (a 1M-entry catalogue caches to about 1.5 GB).
const MAX_BYTES: u64 = 8 << 30;

const SUFFIX: &str = ".cache";
const TEMP_PREFIX: &str = ".boucle-";
const TEMP_SUFFIX: &str = ".tmp";

/// The cache folder: `BOUCLE_CACHE_DIR`, else `$XDG_CACHE_HOME/boucle`, else
/// `$HOME/.cache/boucle`. None when HOME is set but empty and nothing else says where: an
/// empty HOME says "not my home", and the cache stays off rather than fall back on the home
/// the password database names (a sandbox, a CI job, a test that emptied HOME on purpose).
/// A HOME that is not set at all (a service) still falls back on the password database.
pub fn user_dir() -> Option<PathBuf> {
    match std::env::var_os(DIR_ENV) {
        Some(dir) if !dir.is_empty() => return Some(PathBuf::from(dir)),
        _ => {}
    }
    let xdg = std::env::var_os("XDG_CACHE_HOME").filter(|dir| !dir.is_empty() && Path::new(dir).is_absolute());
    if xdg.is_none() && std::env::var_os("HOME").is_some_and(|home| home.is_empty()) {
        return None;
    }
    dirs::cache_dir().map(|dir| dir.join("boucle"))
}

/// The cache file of `folders`, and the key its header must carry: a hash of each folder's
/// canonical path (so two spellings of one folder from different places do not collide
/// with other folders) and of the path as given (problems and entries quote it).
pub fn file_for(cache: &Cache, folders: &[PathBuf]) -> Option<(PathBuf, u64)> {
    let mut key = String::new();
    for folder in folders {
        let canonical = folder.canonicalize().ok()?;
        key.push_str(canonical.to_str()?);
        key.push('\0');
        key.push_str(folder.to_str()?);
        key.push('\0');
    }
    let key = xxh3_64(key.as_bytes());
    Some((cache.dir.join(format!("{key:016x}{SUFFIX}")), key))
}

/// An open cache file, read in sections by several threads at once. Every section comes from
/// this one open file: a cache written again meanwhile (a rename over it) is not mixed in.
pub struct CacheFile {
    file: std::fs::File,
    len: u64,
}

/// Why a cache file was not opened.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NotOpened {
    /// Missing, unreadable, too large or not a regular file (a FIFO in its place is refused,
    /// never waited on).
    Missing,
    /// Another user's file, or one that others may write (see [`is_own`]).
    NotOwn,
}

/// The cache file at `path`, if it may be read.
pub fn open(path: &Path) -> Result<CacheFile, NotOpened> {
    let file = crate::files::open_regular(path).map_err(|_| NotOpened::Missing)?;
    let metadata = file.metadata().map_err(|_| NotOpened::Missing)?;
    if !is_own(&metadata) {
        return Err(NotOpened::NotOwn);
    }
    let len = metadata.len();
    if len > MAX_BYTES {
        return Err(NotOpened::Missing);
    }
    Ok(CacheFile { len, file })
}

/// Whether a cache file may be trusted as the user's own, as ssh's StrictModes trusts a key
/// file: owned by the user who runs boucle, and writable by nobody else. Anyone who could
/// write the file could otherwise choose what the catalogue says, checksums and all.
#[cfg(unix)]
pub fn is_own(metadata: &std::fs::Metadata) -> bool {
    use std::os::unix::fs::MetadataExt;
    // SAFETY: geteuid has no preconditions and cannot fail.
    let user = unsafe { libc::geteuid() };
    metadata.uid() == user && metadata.mode() & 0o022 == 0
}

#[cfg(not(unix))]
pub fn is_own(_: &std::fs::Metadata) -> bool {
    true
}

impl ReadAt for CacheFile {
    fn size(&self) -> u64 {
        self.len
    }

    fn read_at(&self, at: u64, len: usize) -> Option<AlignedVec<16>> {
        // The lengths asked for lie inside the file's size, checked before any section is read.
        if at.checked_add(len as u64)? > self.len {
            return None;
        }
        let mut bytes = AlignedVec::<16>::with_capacity(len);
        bytes.resize(len, 0);
        read_exact_at(&self.file, &mut bytes, at).ok()?;
        Some(bytes)
    }
}

#[cfg(unix)]
fn read_exact_at(file: &std::fs::File, buf: &mut [u8], at: u64) -> std::io::Result<()> {
    std::os::unix::fs::FileExt::read_exact_at(file, buf, at)
}

#[cfg(windows)]
fn read_exact_at(file: &std::fs::File, mut buf: &mut [u8], mut at: u64) -> std::io::Result<()> {
    while !buf.is_empty() {
        match std::os::windows::fs::FileExt::seek_read(file, buf, at)? {
            0 => return Err(std::io::ErrorKind::UnexpectedEof.into()),
            n => {
                buf = &mut buf[n..];
                at += n as u64;
            }
        }
    }
    Ok(())
}

/// `path` made absolute, with `.` and `..` resolved against the nearest folder that exists
/// (which is canonicalised, symbolic links included).
fn resolved(path: &Path) -> Option<PathBuf> {
    let absolute = if path.is_absolute() { path.to_path_buf() } else { std::env::current_dir().ok()?.join(path) };
    let mut existing = absolute.as_path();
    let mut rest = Vec::new();
    while existing.canonicalize().is_err() {
        rest.push(existing.file_name()?.to_owned());
        existing = existing.parent()?;
    }
    let mut out = existing.canonicalize().ok()?;
    for part in rest.iter().rev() {
        match Path::new(part).components().next() {
            Some(Component::ParentDir) => {
                out.pop();
            }
            Some(Component::Normal(name)) => out.push(name),
            _ => {}
        }
    }
    Some(out)
}

/// Writes the cache file atomically (a temporary file in the cache folder, renamed over the
/// old one), unless the cache folder is inside one of the catalogue folders: boucle never
/// writes there. Not synced to disk: a cache lost or torn in a crash fails its checksum and
/// is rebuilt, which is cheaper than making every first start wait for the disk.
pub fn write(
    cache: &Cache,
    folders: &[PathBuf],
    path: &Path,
    contents: impl FnOnce(&mut std::io::BufWriter<&mut std::fs::File>) -> std::io::Result<()>,
) -> std::io::Result<bool> {
    let dir = resolved(&cache.dir).ok_or_else(|| std::io::Error::other("cache folder cannot be resolved"))?;
    let inside = folders.iter().filter_map(|f| f.canonicalize().ok()).any(|folder| dir.starts_with(folder));
    if inside {
        return Ok(false);
    }
    private_folder(&dir)?;
    let mut temp = tempfile::Builder::new().prefix(TEMP_PREFIX).suffix(TEMP_SUFFIX).tempfile_in(&dir)?;
    let mut out = std::io::BufWriter::with_capacity(1 << 20, temp.as_file_mut());
    contents(&mut out)?;
    out.flush()?;
    drop(out);
    temp.persist(path).map_err(|e| e.error)?;
    Ok(true)
}

/// Makes the cache folder, readable by its user only (0700): the cache says what a catalogue
/// holds, and who else could list or replace its files has no business there. Folders above
/// it are made as usual; a folder that exists keeps its permissions (`BOUCLE_CACHE_DIR` may
/// name any folder of the user's), but for the cache's own `boucle` folder under the user's
/// cache folder, which an older boucle made 0755, and is made 0700.
fn private_folder(dir: &Path) -> std::io::Result<()> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::{DirBuilderExt, MetadataExt, PermissionsExt};
        if let Some(parent) = dir.parent().filter(|p| !p.as_os_str().is_empty()) {
            std::fs::create_dir_all(parent)?;
        }
        match std::fs::DirBuilder::new().mode(0o700).create(dir) {
            Ok(()) => return Ok(()),
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {}
            Err(e) => return Err(e),
        }
        let default = dirs::cache_dir().map(|d| d.join("boucle")).and_then(|d| d.canonicalize().ok());
        let metadata = std::fs::metadata(dir)?;
        // SAFETY: geteuid has no preconditions and cannot fail.
        let user = unsafe { libc::geteuid() };
        if default.as_deref() == Some(dir) && metadata.uid() == user && metadata.mode() & 0o077 != 0 {
            std::fs::set_permissions(dir, std::fs::Permissions::from_mode(0o700))?;
        }
        Ok(())
    }
    #[cfg(not(unix))]
    std::fs::create_dir_all(dir)
}

/// Whether the file at `path` is one of the cache's own: a regular file, not a link (never
/// followed), that starts with the cache's magic bytes. A file being written starts with
/// them from its first write (`format::encode`), so a temporary file a crash left behind is
/// one too.
fn is_cache_file(path: &Path) -> bool {
    use std::io::Read;
    let mut options = std::fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::custom_flags(&mut options, libc::O_NOFOLLOW | libc::O_NONBLOCK);
    let Ok(file) = options.open(path) else { return false };
    if !file.metadata().is_ok_and(|m| m.is_file()) {
        return false;
    }
    let mut magic = [0; 8];
    file.take(8).read_exact(&mut magic).is_ok() && format::is_magic(&magic)
}

/// Removes every cache file (and leftover temporary file) of the cache folder, then the
/// folder if that left it empty. Returns what was removed. Only the cache's own files go
/// ([`is_cache_file`]: named as the cache names them, a regular file, not a link, starting
/// with its magic bytes): `BOUCLE_CACHE_DIR=. boucle cache clear` leaves a `notes.cache`
/// alone.
pub fn clear(cache: &Cache) -> std::io::Result<Vec<PathBuf>> {
    let entries = match std::fs::read_dir(&cache.dir) {
        Ok(entries) => entries,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(e) => return Err(e),
    };
    let mut removed = Vec::new();
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        let named = name.ends_with(SUFFIX) || name.starts_with(TEMP_PREFIX) && name.ends_with(TEMP_SUFFIX);
        if named && entry.file_type().is_ok_and(|t| t.is_file()) && is_cache_file(&entry.path()) {
            std::fs::remove_file(entry.path())?;
            removed.push(entry.path());
        }
    }
    removed.sort();
    if !removed.is_empty() && std::fs::remove_dir(&cache.dir).is_ok() {
        removed.push(cache.dir.clone());
    }
    Ok(removed)
}
