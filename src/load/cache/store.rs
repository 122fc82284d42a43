//! The cache folder: which file holds the cache of which folders, reading it with a size
//! limit, writing it atomically, clearing it.

use std::io::Write;
use std::path::{Component, Path, PathBuf};
use std::sync::Arc;

use rkyv::util::AlignedVec;

use super::format::{self, Bytes, ReadAt};
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

/// The cache file of `folders`, and the key its header must carry. The file is named by the
/// folders' canonical paths alone, so that `c1m` and `/tmp/…/c1m` share one file rather than
/// keep two copies of one catalogue; the key also hashes each path as given (problems and
/// entries quote it), so a cache written under one spelling is refused under another and
/// replaced in the same file.
pub fn file_for(cache: &Cache, folders: &[PathBuf]) -> Option<(PathBuf, u64)> {
    let mut name = String::new();
    let mut key = String::new();
    for folder in folders {
        let canonical = folder.canonicalize().ok()?;
        name.push_str(canonical.to_str()?);
        name.push('\0');
        key.push_str(canonical.to_str()?);
        key.push('\0');
        key.push_str(folder.to_str()?);
        key.push('\0');
    }
    let (name, key) = (xxh3_64(name.as_bytes()), xxh3_64(key.as_bytes()));
    Some((cache.dir.join(format!("{name:016x}{SUFFIX}")), key))
}

/// The canonical paths of `folders`, as a cache records them (`cache list` shows them).
pub fn canonical_names(folders: &[PathBuf]) -> Vec<String> {
    folders
        .iter()
        .map(|f| f.canonicalize().map_or_else(|_| f.display().to_string(), |c| c.display().to_string()))
        .collect()
}

/// An open cache file, read in sections by several threads at once. Every section comes from
/// this one open file: a cache written again meanwhile (a rename over it) is not mixed in.
/// The file is mapped into memory where it can be, and its sections read in place: the cache
/// never changes a file once written (a new cache is renamed over it, and an evicted one
/// unlinked; the mapped file lives on until it is unmapped).
pub struct CacheFile {
    file: std::fs::File,
    len: u64,
    /// Shared with what is read in place from it (the search index's arrays).
    map: Option<Arc<memmap2::Mmap>>,
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
    // Shared while it is read, so that eviction passes it by; a file that cannot be locked
    // is read all the same (an open file survives its removal).
    let _ = file.try_lock_shared();
    Ok(CacheFile { map: map(&file, len), len, file })
}

/// The whole file mapped; None where it cannot be (the file is then read in sections).
fn map(file: &std::fs::File, len: u64) -> Option<Arc<memmap2::Mmap>> {
    if len == 0 {
        return None;
    }
    // SAFETY: a cache file is never written in place (see `CacheFile`); one truncated by
    // hand while it is read would stop this process (SIGBUS), never mislead it.
    let map = unsafe { memmap2::Mmap::map(file) }.ok()?;
    (map.len() as u64 == len).then(|| Arc::new(map))
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

impl CacheFile {
    /// The whole file, where it could be mapped.
    pub fn mapped(&self) -> Option<&[u8]> {
        self.map.as_deref().map(|map| &map[..])
    }

    /// The map, for what keeps reading it after the file is closed: it stays mapped while
    /// any of these lives.
    pub fn shared(&self) -> Option<Arc<memmap2::Mmap>> {
        self.map.clone()
    }
}

impl ReadAt for CacheFile {
    fn size(&self) -> u64 {
        self.len
    }

    fn read_at(&self, at: u64, len: usize) -> Option<Bytes<'_>> {
        // The lengths asked for lie inside the file's size, checked before any section is read.
        if at.checked_add(len as u64)? > self.len {
            return None;
        }
        if let Some(map) = &self.map {
            // A section's pages brought in by one call rather than a fault each (where the
            // system knows how: Linux 5.14 and later).
            #[cfg(target_os = "linux")]
            let _ = map.advise_range(memmap2::Advice::PopulateRead, usize::try_from(at).ok()?, len);
            return format::in_place(map, at, len);
        }
        let mut bytes = AlignedVec::<16>::with_capacity(len);
        bytes.resize(len, 0);
        read_exact_at(&self.file, &mut bytes, at).ok()?;
        Some(Bytes::Read(bytes))
    }

    fn in_place(&self, at: u64, len: usize) -> Option<Bytes<'_>> {
        match &self.map {
            Some(map) => format::in_place(map, at, len),
            None => self.read_at(at, len),
        }
    }

    fn release(&self, at: u64, len: usize) {
        if let (Some(map), Ok(at)) = (&self.map, usize::try_from(at))
            && let Some(part) = map.get(at..at.saturating_add(len))
        {
            release_in(map, part);
        }
    }
}

/// Gives back the pages that hold `part` (bytes of `map`), which drop out of the process's
/// resident memory; touched again, they are read again from the page cache.
pub fn release_in(map: &memmap2::Mmap, part: &[u8]) {
    #[cfg(unix)]
    if let Some(at) = (part.as_ptr() as usize).checked_sub(map.as_ptr() as usize).filter(|&at| at < map.len()) {
        let len = part.len().min(map.len() - at);
        // SAFETY: the file is never written in place, so a page given back here and read
        // again (a section beside it, on the same page) reads the same bytes; the range lies
        // inside the map (checked above).
        let _ = unsafe { map.unchecked_advise_range(memmap2::UncheckedAdvice::DontNeed, at, len) };
    }
    #[cfg(not(unix))]
    let _ = (map, part);
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
    // Locked while it is written, before its first byte: an unlocked temporary file is one a
    // writer left when it died, which eviction removes.
    temp.as_file().lock()?;
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
            match std::fs::remove_file(entry.path()) {
                Ok(()) => removed.push(entry.path()),
                // A writer finishing meanwhile renamed its temporary file: nothing left to remove.
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
                Err(e) => return Err(e),
            }
        }
    }
    removed.sort();
    if !removed.is_empty() && std::fs::remove_dir(&cache.dir).is_ok() {
        removed.push(cache.dir.clone());
    }
    Ok(removed)
}

/// Marks the cache file just read as used now (its modification time: the cache never
/// changes a file in place, so the time a file was last written or read is its last use) and
/// takes a shared lock on it for as long as `file` is open, so that eviction passes it by.
pub fn mark_used(file: &CacheFile) {
    let _ = file.file.set_modified(std::time::SystemTime::now());
}

/// The cache file of `folders`, opened and share-locked while the handle lives: a running
/// dashboard holds its catalogue's cache so that another process's eviction never removes it.
pub fn hold(cache: &Cache, folders: &[PathBuf]) -> Option<std::fs::File> {
    let (path, _) = file_for(cache, folders)?;
    let file = crate::files::open_regular(&path).ok()?;
    file.try_lock_shared().ok()?;
    Some(file)
}

/// Takes the cache folder's writers' lock, waiting for another writer to finish: the
/// detached writers of the commands take it so that two first runs on one folder write its
/// cache once. None where folders cannot be locked (not unix), or there is no folder yet.
pub fn writers_lock(cache: &Cache) -> Option<std::fs::File> {
    #[cfg(unix)]
    {
        private_folder(&resolved(&cache.dir)?).ok()?;
        let dir = std::fs::File::open(&cache.dir).ok()?;
        dir.lock().ok()?;
        Some(dir)
    }
    #[cfg(not(unix))]
    {
        let _ = cache;
        None
    }
}

/// A cache file in the folder, as `cache list` and eviction see it.
#[derive(Clone, Debug)]
pub struct Listed {
    pub path: PathBuf,
    pub bytes: u64,
    pub last_used: std::time::SystemTime,
    /// The canonical folders it holds; None when it is another format's, or not whole.
    pub folders: Option<Vec<String>>,
    /// Held by a running boucle (being read, or a dashboard's): never evicted.
    pub in_use: bool,
}

/// The cache files of the folder (named as the cache names them, its own: [`is_cache_file`]),
/// least recently used first. Leftover temporary files are not listed.
pub fn list(cache: &Cache) -> Vec<Listed> {
    let Ok(entries) = std::fs::read_dir(&cache.dir) else { return Vec::new() };
    let mut listed: Vec<Listed> = entries
        .flatten()
        .filter(|e| e.file_name().to_string_lossy().ends_with(SUFFIX) && is_cache_file(&e.path()))
        .filter_map(|e| {
            let path = e.path();
            let file = crate::files::open_regular(&path).ok()?;
            let metadata = file.metadata().ok()?;
            let in_use = file.try_lock().is_err();
            let folders = format::folders_of(&CacheFile { len: metadata.len(), file, map: None });
            Some(Listed { path, bytes: metadata.len(), last_used: metadata.modified().ok()?, folders, in_use })
        })
        .collect();
    listed.sort_by_key(|l| l.last_used);
    listed
}

/// Overrides the size the cache folder is kept under, in megabytes (10^6 bytes; a fraction
/// is allowed).
pub const MAX_ENV: &str = "BOUCLE_CACHE_MAX_MB";

/// The size the cache folder is kept under: `BOUCLE_CACHE_MAX_MB`, else four times its
/// largest cache (room for a few catalogues of the size in use, never less than the one just
/// written).
pub fn cap(listed: &[Listed]) -> u64 {
    let set = std::env::var(MAX_ENV).ok().and_then(|mb| mb.trim().parse::<f64>().ok()).filter(|mb| *mb >= 0.0);
    match set {
        // Saturates at u64::MAX for a huge figure.
        Some(mb) => (mb * 1e6) as u64,
        None => listed.iter().map(|l| l.bytes).max().unwrap_or(0).saturating_mul(4),
    }
}

/// Keeps the cache folder under [`cap`]: removes the least recently used caches first, never
/// `kept` (the cache just written) nor a cache in use (share-locked by a reader or a
/// dashboard; the lock is taken here too, exclusively, while the file is removed, so a reader
/// cannot take it meanwhile). Temporary files left by a writer that died (unlocked: a writer
/// locks its file while it writes) go too. Returns what was removed.
pub fn evict(cache: &Cache, kept: &Path) -> Vec<PathBuf> {
    let mut removed = abandoned_temporaries(cache);
    let listed = list(cache);
    let cap = cap(&listed);
    let mut total: u64 = listed.iter().map(|l| l.bytes).sum();
    for old in &listed {
        if total <= cap {
            break;
        }
        if old.path == kept {
            continue;
        }
        let Ok(file) = crate::files::open_regular(&old.path) else { continue };
        if file.try_lock().is_ok() && std::fs::remove_file(&old.path).is_ok() {
            total -= old.bytes;
            removed.push(old.path.clone());
        }
    }
    removed
}

fn abandoned_temporaries(cache: &Cache) -> Vec<PathBuf> {
    let Ok(entries) = std::fs::read_dir(&cache.dir) else { return Vec::new() };
    entries
        .flatten()
        .filter(|e| {
            let name = e.file_name().to_string_lossy().into_owned();
            name.starts_with(TEMP_PREFIX) && name.ends_with(TEMP_SUFFIX) && is_cache_file(&e.path())
        })
        .filter(|e| crate::files::open_regular(&e.path()).is_ok_and(|f| f.try_lock().is_ok()))
        .filter(|e| std::fs::remove_file(e.path()).is_ok())
        .map(|e| e.path())
        .collect()
}

/// How many bytes of `map` are resident in this process (its row of `/proc/self/smaps`):
/// for tests of what is given back, which the process's whole resident set, shared with
/// the other tests' threads, cannot show.
#[cfg(all(test, target_os = "linux"))]
pub(crate) fn resident(map: &memmap2::Mmap) -> usize {
    let start = format!("{:x}-", map.as_ptr() as usize);
    let smaps = std::fs::read_to_string("/proc/self/smaps").expect("smaps");
    let row = smaps.split_once(&format!("\n{start}")).expect("the map's row").1;
    let rss = row.lines().find_map(|l| l.strip_prefix("Rss:")).expect("its Rss");
    rss.trim().trim_end_matches("kB").trim().parse::<usize>().expect("kB") * 1024
}

#[cfg(all(test, target_os = "linux"))]
mod tests {
    use super::format::Section;
    use super::*;
    use std::sync::atomic::{AtomicUsize, Ordering};

    /// A cache file whose most resident bytes are noted at each part given back.
    struct Watched {
        file: CacheFile,
        most: AtomicUsize,
    }

    impl ReadAt for Watched {
        fn size(&self) -> u64 {
            self.file.size()
        }
        fn read_at(&self, at: u64, len: usize) -> Option<Bytes<'_>> {
            self.file.read_at(at, len)
        }
        fn in_place(&self, at: u64, len: usize) -> Option<Bytes<'_>> {
            self.file.in_place(at, len)
        }
        fn release(&self, at: u64, len: usize) {
            let map = self.file.map.as_deref().expect("mapped");
            self.most.fetch_max(resident(map), Ordering::Relaxed);
            self.file.release(at, len);
        }
    }

    /// A 40 MB section's checksum is checked part by part: never more than two parts of it
    /// resident at once, none once checked; a byte flipped in any part, or in the zeros after
    /// the section, is caught.
    #[test]
    fn a_large_section_is_checked_without_holding_it() {
        let len: usize = 40_000_003;
        let mut bytes: Vec<u8> = (0..len as u32).map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8).collect();
        bytes.resize(len.next_multiple_of(16), 0);
        let section = Section { offset: 0, len: len as u64, items: 0, checksum: xxh3_64(&bytes[..len]) };
        let dir = tempfile::tempdir().unwrap();
        let open_with = |bytes: &[u8]| {
            let path = dir.path().join("section");
            std::fs::write(&path, bytes).unwrap();
            Watched { file: open(&path).unwrap(), most: AtomicUsize::new(0) }
        };
        let watched = open_with(&bytes);
        let read = section.read_in_parts(&watched).expect("the section as written");
        let most = watched.most.load(Ordering::Relaxed);
        assert!(most <= 2 * (4 << 20) + (64 << 10), "at most two parts resident at once, not {most} bytes");
        assert!(resident(watched.file.map.as_deref().unwrap()) < 64 << 10, "the section given back once checked");
        assert_eq!(&read[..], &bytes[..len]);
        for at in [0, 5_000_000, 23_456_789, len - 1, len + 3] {
            let mut flipped = bytes.clone();
            flipped[at] ^= 1;
            assert!(section.read_in_parts(&open_with(&flipped)).is_err(), "a flip at {at}");
        }
    }
}
