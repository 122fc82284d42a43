//! Reading a catalogue's files in a row, as the loader's threads do: each file is opened by
//! its name alone, relative to its folder's descriptor, which stays open while that folder's
//! files follow (they come sorted), so the kernel resolves one name per file instead of the
//! whole path; and each file's bytes land in one buffer kept from file to file.
//!
//! A load whose stamps are kept reads a file for the size its metadata gave (one `statx`, one
//! `read`): reading to the end took a second call to find nothing. A load that keeps no stamp
//! (one whose cache, if any, another process writes) asks no metadata: it reads to the end,
//! which is that second `read` instead of the `statx`, and no stamp is made (its path copied,
//! the clock read, a recent file hashed), 102,500 of each at 100k entries.

use std::fs::File;
use std::io::{self, Read};
use std::path::{Path, PathBuf};

use super::Stamps;
use super::cache::Stamp;
use super::sources::{Origin, SourceFile};

/// Reads files one after the other, keeping the last folder open and the last file's bytes.
#[derive(Default)]
pub struct Reader {
    #[cfg(unix)]
    folder: Option<(PathBuf, std::os::fd::OwnedFd)>,
    bytes: Vec<u8>,
}

impl Reader {
    /// The file's bytes (at most one over the size limit), and with [`Stamps::Kept`] its stamp,
    /// taken from the open file before its bytes are read (none for a file not on disk).
    pub fn read<'a>(&'a mut self, file: &'a SourceFile, stamps: Stamps) -> io::Result<(&'a [u8], Option<Stamp>)> {
        let path = match &file.origin {
            Origin::Disk(path) => path,
            Origin::Bundled(bytes) => return Ok((bytes, None)),
            Origin::Memory(bytes) => return Ok((bytes, None)),
        };
        let cap = super::parse::MAX_FILE_BYTES as u64 + 1;
        let opened = self.open(path)?;
        self.bytes.clear();
        let stamp = match stamps {
            Stamps::Kept => {
                let metadata = opened.metadata()?;
                // A file its metadata says is empty is read to its end, in case it is not.
                let size = metadata.len().min(cap);
                let limit = if size == 0 { cap } else { size };
                self.bytes.reserve(usize::try_from(size).unwrap_or(0));
                opened.take(limit).read_to_end(&mut self.bytes)?;
                Stamp::of_read(path, &metadata, &self.bytes)
            }
            Stamps::Skipped => {
                opened.take(cap).read_to_end(&mut self.bytes)?;
                None
            }
        };
        Ok((&self.bytes, stamp))
    }

    #[cfg(unix)]
    fn open(&mut self, path: &Path) -> io::Result<File> {
        use rustix::fs::{Mode, OFlags};
        let (Some(parent), Some(name)) = (path.parent(), path.file_name()) else { return File::open(path) };
        let parent = if parent.as_os_str().is_empty() { Path::new(".") } else { parent };
        let folder = match self.folder.take() {
            Some((open, fd)) if open == parent => (open, fd),
            _ => {
                let flags = OFlags::RDONLY | OFlags::DIRECTORY | OFlags::CLOEXEC;
                (parent.to_path_buf(), rustix::fs::open(parent, flags, Mode::empty())?)
            }
        };
        let opened = rustix::fs::openat(&folder.1, name, OFlags::RDONLY | OFlags::CLOEXEC, Mode::empty());
        self.folder = Some(folder);
        Ok(File::from(opened?))
    }

    #[cfg(not(unix))]
    fn open(&mut self, path: &Path) -> io::Result<File> {
        File::open(path)
    }
}
