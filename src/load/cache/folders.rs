//! A file's size, modification and change times, looked up relative to its folder's descriptor: the
//! stamp check asks this of every catalogue file (102,515 at 100k entries), and looking each
//! full path up from the root again was most of its time. A folder is opened once for the
//! run of files in it (they come sorted by path), and only the size and times are asked for.

use std::path::{Path, PathBuf};
use std::time::{SystemTime, UNIX_EPOCH};

/// What the stamp check compares: size, modification time since 1970 (seconds, negative
/// before, and nanoseconds), and the inode's change time, which any write or `touch` moves to
/// now and nothing but the clock can set: a same-size write whose modification time is put
/// back (`cp -p`, `rsync --inplace -t`, `touch -d`) still changes it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Seen {
    pub size: u64,
    pub seconds: i64,
    pub nanos: u32,
    pub changed_seconds: i64,
    pub changed_nanos: u32,
}

/// The change time of a file (seconds and nanoseconds since 1970); where there is none (not
/// Unix), its modification time.
pub fn changed_of(metadata: &std::fs::Metadata) -> Option<(i64, u32)> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        Some((metadata.ctime(), u32::try_from(metadata.ctime_nsec()).ok()?))
    }
    #[cfg(not(unix))]
    {
        Some(since_epoch(metadata.modified().ok()?))
    }
}

/// Seconds and nanoseconds since 1970 of a time, before or after.
pub fn since_epoch(time: SystemTime) -> (i64, u32) {
    match time.duration_since(UNIX_EPOCH) {
        Ok(after) => (i64::try_from(after.as_secs()).unwrap_or(i64::MAX), after.subsec_nanos()),
        Err(before) => {
            let before = before.duration();
            let (secs, nanos) = (i64::try_from(before.as_secs()).unwrap_or(i64::MAX), before.subsec_nanos());
            if nanos == 0 { (-secs, 0) } else { (-secs - 1, 1_000_000_000 - nanos) }
        }
    }
}

/// The folder whose files are being looked up, opened.
#[derive(Default)]
pub struct Folders {
    open: Option<(PathBuf, Folder)>,
}

impl Folders {
    /// The size and times of the file at `path` (links followed, as the loader's `open` does);
    /// None if it cannot be found or has no modification time.
    pub fn look(&mut self, path: &Path) -> Option<Seen> {
        let (parent, name) = (path.parent()?, path.file_name()?);
        // Compared as bytes, not component by component: a run of files in one folder spells
        // it the same way (a folder spelled otherwise is only opened again).
        if self.open.as_ref().is_none_or(|(open, _)| open.as_os_str() != parent.as_os_str()) {
            // An empty parent is the current folder.
            let folder = Folder::open(if parent.as_os_str().is_empty() { Path::new(".") } else { parent })?;
            self.open = Some((parent.to_path_buf(), folder));
        }
        let (_, folder) = self.open.as_ref()?;
        folder.look(name)
    }
}

#[cfg(unix)]
struct Folder(std::os::fd::OwnedFd);

#[cfg(unix)]
impl Folder {
    fn open(path: &Path) -> Option<Folder> {
        use std::os::unix::fs::OpenOptionsExt;
        let mut options = std::fs::OpenOptions::new();
        options.read(true);
        // A descriptor that only names the folder (O_PATH needs no read permission on it).
        #[cfg(target_os = "linux")]
        options.custom_flags(libc::O_PATH | libc::O_DIRECTORY);
        #[cfg(not(target_os = "linux"))]
        options.custom_flags(libc::O_DIRECTORY);
        options.open(path).ok().map(|file| Folder(file.into()))
    }

    /// statx with only the size and times asked for.
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    fn look(&self, name: &std::ffi::OsStr) -> Option<Seen> {
        use std::os::fd::AsRawFd;
        use std::os::unix::ffi::OsStrExt;
        let name = std::ffi::CString::new(name.as_bytes()).ok()?;
        let wanted = libc::STATX_SIZE | libc::STATX_MTIME | libc::STATX_CTIME;
        let mut out = std::mem::MaybeUninit::<libc::statx>::zeroed();
        // SAFETY: the descriptor is open for as long as `self`, `name` is a NUL-terminated
        // string and `out` a statx buffer the call fills.
        let done = unsafe {
            libc::statx(self.0.as_raw_fd(), name.as_ptr(), libc::AT_STATX_SYNC_AS_STAT, wanted, out.as_mut_ptr())
        };
        if done != 0 {
            return None;
        }
        // SAFETY: statx succeeded, so it filled the buffer (zeroed before, in any case).
        let out = unsafe { out.assume_init() };
        if out.stx_mask & wanted != wanted {
            return None;
        }
        Some(Seen {
            size: out.stx_size,
            seconds: out.stx_mtime.tv_sec,
            nanos: out.stx_mtime.tv_nsec,
            changed_seconds: out.stx_ctime.tv_sec,
            changed_nanos: out.stx_ctime.tv_nsec,
        })
    }

    #[cfg(not(all(target_os = "linux", target_env = "gnu")))]
    fn look(&self, name: &std::ffi::OsStr) -> Option<Seen> {
        use std::os::fd::AsRawFd;
        use std::os::unix::ffi::OsStrExt;
        let name = std::ffi::CString::new(name.as_bytes()).ok()?;
        let mut out = std::mem::MaybeUninit::<libc::stat>::zeroed();
        // SAFETY: as for statx above.
        let done = unsafe { libc::fstatat(self.0.as_raw_fd(), name.as_ptr(), out.as_mut_ptr(), 0) };
        if done != 0 {
            return None;
        }
        // SAFETY: fstatat succeeded.
        let out = unsafe { out.assume_init() };
        Some(Seen {
            size: u64::try_from(out.st_size).ok()?,
            seconds: i64::from(out.st_mtime),
            nanos: u32::try_from(out.st_mtime_nsec).ok()?,
            changed_seconds: i64::from(out.st_ctime),
            changed_nanos: u32::try_from(out.st_ctime_nsec).ok()?,
        })
    }
}

/// Elsewhere, the path is looked up whole.
#[cfg(not(unix))]
struct Folder(PathBuf);

#[cfg(not(unix))]
impl Folder {
    fn open(path: &Path) -> Option<Folder> {
        Some(Folder(path.to_path_buf()))
    }

    fn look(&self, name: &std::ffi::OsStr) -> Option<Seen> {
        let metadata = std::fs::metadata(self.0.join(name)).ok()?;
        let (seconds, nanos) = since_epoch(metadata.modified().ok()?);
        let (changed_seconds, changed_nanos) = changed_of(&metadata)?;
        Some(Seen { size: metadata.len(), seconds, nanos, changed_seconds, changed_nanos })
    }
}
