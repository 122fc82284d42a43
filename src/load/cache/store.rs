//! The cache folder: which file holds the cache of which folders, reading it with a size
//! limit, writing it atomically, clearing it.

use std::io::Write;
use std::path::{Component, Path, PathBuf};

use rkyv::util::AlignedVec;

use super::format::ReadAt;
use xxhash_rust::xxh3::xxh3_64;

use super::Cache;

/// Overrides the cache folder (tests, or a user who wants it elsewhere).
pub const DIR_ENV: &str = "BOUCLE_CACHE_DIR";

/// Larger cache files are not read (a 1M-entry catalogue caches to about 1.5 GB).
const MAX_BYTES: u64 = 8 << 30;

const SUFFIX: &str = ".cache";
const TEMP_PREFIX: &str = ".boucle-";
const TEMP_SUFFIX: &str = ".tmp";

pub fn user_dir() -> Option<PathBuf> {
    match std::env::var_os(DIR_ENV) {
        Some(dir) if !dir.is_empty() => Some(PathBuf::from(dir)),
        _ => dirs::cache_dir().map(|dir| dir.join("boucle")),
    }
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

/// The cache file at `path`; None when it is missing, unreadable, too large or not a regular
/// file (a FIFO in its place is refused, never waited on).
pub fn open(path: &Path) -> Option<CacheFile> {
    let file = crate::files::open_regular(path).ok()?;
    let len = file.metadata().ok()?.len();
    (len <= MAX_BYTES).then_some(CacheFile { len, file })
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
    std::fs::create_dir_all(&dir)?;
    let mut temp = tempfile::Builder::new().prefix(TEMP_PREFIX).suffix(TEMP_SUFFIX).tempfile_in(&dir)?;
    let mut out = std::io::BufWriter::with_capacity(1 << 20, temp.as_file_mut());
    contents(&mut out)?;
    out.flush()?;
    drop(out);
    temp.persist(path).map_err(|e| e.error)?;
    Ok(true)
}

/// Removes every cache file (and leftover temporary file) of the cache folder, then the
/// folder if it is empty. Returns what was removed; files it did not make are left alone.
pub fn clear(cache: &Cache) -> std::io::Result<Vec<PathBuf>> {
    let entries = match std::fs::read_dir(&cache.dir) {
        Ok(entries) => entries,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(e) => return Err(e),
    };
    let mut removed = Vec::new();
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        let ours = name.ends_with(SUFFIX) || name.starts_with(TEMP_PREFIX) && name.ends_with(TEMP_SUFFIX);
        if ours && entry.file_type().is_ok_and(|t| t.is_file()) {
            std::fs::remove_file(entry.path())?;
            removed.push(entry.path());
        }
    }
    removed.sort();
    if std::fs::remove_dir(&cache.dir).is_ok() {
        removed.push(cache.dir.clone());
    }
    Ok(removed)
}
