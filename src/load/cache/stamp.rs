//! What a catalogue file looked like when it was read: its path, size, modification and change
//! times, and its content's hash when the times alone cannot be trusted. A cache is used only
//! while every file still matches its stamp.
//!
//! The change time (ctime) is there for copies that set the modification time on purpose
//! (`cp -p`, `rsync --inplace -t`, `touch -d`): a same-size write with its modification time
//! put back leaves size and mtime as stamped, but the inode's change time moves to now, and no
//! call can set it back.
//!
//! Times are trusted for a file last modified or changed more than [`TRUSTED_AFTER`] before
//! it was read: a later write gives it a later time. A file changed within that window (or "in
//! the future") may be written again within the same tick of a coarse clock (1 s on many
//! filesystems, 2 s on FAT) with the same size, and its times would not change; for those
//! files the stamp also holds a hash of the bytes read, and checking it reads the file again.

use std::fs::Metadata;
use std::path::Path;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, SystemTime};

use xxhash_rust::xxh3::xxh3_64;

use super::folders::{Folders, Seen, changed_of, since_epoch};
use crate::load::SourceFile;

/// How old a file's time must be, when it is read, for the time alone to be trusted.
pub const TRUSTED_AFTER: Duration = Duration::from_secs(2);

#[derive(Clone, Debug, PartialEq, Eq, rkyv::Archive, rkyv::Serialize, rkyv::Deserialize)]
pub struct Stamp {
    /// The file's path as the load named it (`SourceFile::shown` of a file on disk).
    pub path: Box<str>,
    pub size: u64,
    /// Modification time: seconds and nanoseconds since 1970 (negative seconds before).
    pub seconds: i64,
    pub nanos: u32,
    /// The inode's change time, likewise (see the module's note).
    pub changed_seconds: i64,
    pub changed_nanos: u32,
    /// The content's hash, for a file modified or changed shortly before it was read.
    pub hash: Option<u64>,
}

impl Stamp {
    /// The stamp of a file just read: `metadata` from the open file, before its bytes were
    /// read (a write after the stamp then makes the stamp stale, never the reverse).
    /// None for a path that is not UTF-8 or a filesystem without modification times.
    pub fn of_read(path: &Path, metadata: &Metadata, bytes: &[u8]) -> Option<Stamp> {
        let (seconds, nanos) = since_epoch(metadata.modified().ok()?);
        let (changed_seconds, changed_nanos) = changed_of(metadata)?;
        let recent = SystemTime::now()
            .checked_sub(TRUSTED_AFTER)
            .is_none_or(|settled| (seconds, nanos).max((changed_seconds, changed_nanos)) >= since_epoch(settled));
        Some(Stamp {
            path: path.to_str()?.into(),
            size: metadata.len(),
            seconds,
            nanos,
            changed_seconds,
            changed_nanos,
            hash: recent.then(|| xxh3_64(bytes)),
        })
    }
}

/// A stamp as the check reads it: decoded, or archived in a mapped cache (whose 102,515
/// paths at 100k entries are then compared where they lie, never copied).
pub trait Stamped: Sync {
    fn path(&self) -> &str;
    fn seen(&self) -> Seen;
    fn hash(&self) -> Option<u64>;

    /// Whether `file` still matches this stamp, looked up in `folders`.
    fn matches(&self, file: &SourceFile, folders: &mut Folders) -> bool {
        let crate::load::Origin::Disk(path) = &file.origin else { return false };
        if path.to_str() != Some(self.path()) {
            return false;
        }
        if folders.look(path) != Some(self.seen()) {
            return false;
        }
        match self.hash() {
            None => true,
            Some(hash) => file.read().is_ok_and(|bytes| xxh3_64(&bytes) == hash),
        }
    }
}

impl Stamped for Stamp {
    fn path(&self) -> &str {
        &self.path
    }

    fn seen(&self) -> Seen {
        Seen {
            size: self.size,
            seconds: self.seconds,
            nanos: self.nanos,
            changed_seconds: self.changed_seconds,
            changed_nanos: self.changed_nanos,
        }
    }

    fn hash(&self) -> Option<u64> {
        self.hash
    }
}

impl Stamped for ArchivedStamp {
    fn path(&self) -> &str {
        &self.path
    }

    fn seen(&self) -> Seen {
        Seen {
            size: self.size.to_native(),
            seconds: self.seconds.to_native(),
            nanos: self.nanos.to_native(),
            changed_seconds: self.changed_seconds.to_native(),
            changed_nanos: self.changed_nanos.to_native(),
        }
    }

    fn hash(&self) -> Option<u64> {
        self.hash.as_ref().map(|hash| hash.to_native())
    }
}

/// Files fewer than this per core are not worth a thread.
const PER_WORKER: usize = 2048;

/// Whether the files listed now are the files stamped, in the same order, each unchanged.
/// Checked on every core, each a run of files in order, the first mismatch stopping them all.
pub fn all_match<S: Stamped>(stamps: &[S], files: &[SourceFile]) -> bool {
    if stamps.len() != files.len() {
        return false;
    }
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    let workers = cores.min(files.len().div_ceil(PER_WORKER)).max(1);
    let run = files.len().div_ceil(workers).max(1);
    let stale = AtomicBool::new(false);
    let check = |stamps: &[S], files: &[SourceFile]| {
        let mut folders = Folders::default();
        for (stamp, file) in stamps.iter().zip(files) {
            if stale.load(Ordering::Relaxed) {
                return;
            }
            if !stamp.matches(file, &mut folders) {
                stale.store(true, Ordering::Relaxed);
                return;
            }
        }
    };
    std::thread::scope(|scope| {
        let mut runs = stamps.chunks(run).zip(files.chunks(run));
        let mine = runs.next();
        for (stamps, files) in runs {
            scope.spawn(move || check(stamps, files));
        }
        if let Some((stamps, files)) = mine {
            check(stamps, files);
        }
    });
    !stale.load(Ordering::Relaxed)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::Origin;

    /// Enough files in two folders for the check to split them between threads (the fixture
    /// catalogues of the cache tests are checked on one).
    fn stamped(dir: &Path) -> (Vec<Stamp>, Vec<SourceFile>) {
        let mut files = Vec::new();
        for folder in ["a", "b"] {
            std::fs::create_dir(dir.join(folder)).unwrap();
            for i in 0..PER_WORKER + 10 {
                let path = dir.join(folder).join(format!("f{i:05}.ron"));
                std::fs::write(&path, format!("({i})")).unwrap();
                let shown = path.display().to_string();
                files.push(SourceFile { relative: format!("{folder}/f{i:05}.ron"), shown, origin: Origin::Disk(path) });
            }
        }
        let stamps = files
            .iter()
            .map(|f| {
                let Origin::Disk(path) = &f.origin else { unreachable!() };
                stamp_of(path)
            })
            .collect();
        (stamps, files)
    }

    fn stamp_of(path: &Path) -> Stamp {
        let file = std::fs::File::open(path).unwrap();
        Stamp::of_read(path, &file.metadata().unwrap(), &std::fs::read(path).unwrap()).unwrap()
    }

    #[test]
    fn every_file_on_every_thread_is_checked() {
        let dir = tempfile::tempdir().unwrap();
        let (mut stamps, files) = stamped(dir.path());
        assert!(all_match(&stamps, &files));
        // A change in either thread's run of files is seen: the first file, and the last.
        for changed in [0, files.len() - 1] {
            let Origin::Disk(path) = &files[changed].origin else { unreachable!() };
            let (before, time) = (std::fs::read(path).unwrap(), std::fs::metadata(path).unwrap().modified().unwrap());
            std::fs::write(path, b"(changed)").unwrap();
            assert!(!all_match(&stamps, &files), "file {changed} changed");
            // Put back as it was, bytes and modification time: the change time still tells.
            std::fs::write(path, before).unwrap();
            std::fs::File::options().write(true).open(path).unwrap().set_modified(time).unwrap();
            assert!(!all_match(&stamps, &files), "file {changed} put back");
            stamps[changed] = stamp_of(path);
            assert!(all_match(&stamps, &files), "file {changed} stamped again");
        }
        // A file removed, and one listed that was not stamped.
        let Origin::Disk(path) = &files[files.len() / 2 + 1].origin else { unreachable!() };
        std::fs::remove_file(path).unwrap();
        assert!(!all_match(&stamps, &files));
        assert!(!all_match(&stamps[1..], &files));
    }
}
