//! Reading only regular files ([`open_regular`]: a FIFO where a file is expected is refused,
//! never waited on), and writing files the way users can trust: atomically (a temporary file in the target's own
//! folder, then a rename, so a reader never sees half a file and a crash leaves the old one),
//! with the permissions a new file normally gets (0666 less the umask: 0644 under 022, where
//! `tempfile`'s own default would be 0600), and never over an existing file unless asked.
//! Even when asked, only a regular file is replaced (never a folder, FIFO, socket or
//! device), and a symbolic link is written through, its target replaced atomically.

use std::io::{self, Write};
use std::path::{Path, PathBuf};

use crate::i18n::Said;
pub use crate::i18n::guards::Special;
use crate::i18n::guards::never_replaced;
use crate::i18n::problems as say;
use crate::text::visible::path as shown;

/// Whether an existing file at the target may be replaced.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Overwrite {
    Never,
    Allowed,
}

/// Why a file was not written.
#[derive(Debug)]
pub enum WriteError {
    /// The target exists and `Overwrite::Never` was asked.
    Exists(PathBuf),
    /// The target is inside a folder that must never be written to (a catalogue).
    Forbidden {
        path: PathBuf,
        folder: PathBuf,
    },
    /// The target (or what a link there leads to) is a folder, FIFO, socket or device: never
    /// replaced, even when asked (`rename` would put a file in its place: `/dev/null` made a
    /// file breaks every program on the machine).
    NotAFile {
        path: PathBuf,
        special: Special,
    },
    Io {
        path: PathBuf,
        error: io::Error,
    },
    /// Nothing is written where this session runs (a participant's session over SSH writes
    /// nothing on the facilitator's machine).
    NotOnThisHost(PathBuf),
}

impl WriteError {
    /// Why the file was not written, in both languages.
    pub fn said(&self) -> Said {
        match self {
            WriteError::Exists(path) => say::exists_force_replaces(&shown(path)),
            WriteError::Forbidden { path, folder } => say::inside_the_catalogue(&shown(path), &shown(folder)),
            WriteError::NotAFile { path, special } => never_replaced(&shown(path), *special),
            WriteError::Io { path, error } => say::cannot_write(&shown(path), &say::io_problem(error)),
            WriteError::NotOnThisHost(path) => say::not_written_over_ssh(&shown(path)),
        }
    }
}

impl std::fmt::Display for WriteError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.said().get(crate::text::Lang::En))
    }
}

/// What a file's type is, when it is not a regular file.
pub fn special(file_type: std::fs::FileType) -> Option<Special> {
    if file_type.is_file() {
        return None;
    }
    if file_type.is_dir() {
        return Some(Special::Folder);
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if file_type.is_fifo() {
            return Some(Special::Fifo);
        }
        if file_type.is_socket() {
            return Some(Special::Socket);
        }
        if file_type.is_block_device() || file_type.is_char_device() {
            return Some(Special::Device);
        }
    }
    Some(Special::Other)
}

/// Where a write to `path` lands: `path` itself, or, when it is a symbolic link, the file
/// the link leads to (through every link on the way), so that the link stays a link and its
/// target gets the new contents, as editors write a linked file. The target need not exist
/// yet (a link made before its file, as dotfile managers may).
pub fn write_target(path: &Path) -> io::Result<PathBuf> {
    let mut current = path.to_path_buf();
    // As many links as the system follows itself before it says "too many levels".
    for _ in 0..40 {
        match current.symlink_metadata() {
            Ok(metadata) if metadata.file_type().is_symlink() => {
                let next = std::fs::read_link(&current)?;
                current = if next.is_absolute() { next } else { parent_of(&current).join(next) };
            }
            _ => return Ok(current),
        }
    }
    Err(crate::i18n::Explained::io(
        io::ErrorKind::Other,
        Said::new("too many levels of symbolic links", "trop de niveaux de liens symboliques"),
    ))
}

impl std::error::Error for WriteError {}

/// Opens `path` for reading if it is a regular file. A FIFO put where a file is expected would
/// block a plain open until something writes to it (a hung start, a stuck watcher), and a
/// device could be endless: on Unix the file is opened without blocking, then refused unless
/// it is a regular file (`InvalidInput`, "not a regular file").
pub fn open_regular(path: &Path) -> io::Result<std::fs::File> {
    let mut options = std::fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::custom_flags(&mut options, libc::O_NONBLOCK);
    let file = options.open(path)?;
    if !file.metadata()?.is_file() {
        return Err(io::Error::new(io::ErrorKind::InvalidInput, "not a regular file"));
    }
    Ok(file)
}

/// The bytes of the regular file at `path` (see [`open_regular`]).
pub fn read_regular(path: &Path) -> io::Result<Vec<u8>> {
    let mut bytes = Vec::new();
    io::Read::read_to_end(&mut open_regular(path)?, &mut bytes)?;
    Ok(bytes)
}

/// The folder a path is in, `.` for a bare file name.
fn parent_of(path: &Path) -> &Path {
    match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent,
        _ => Path::new("."),
    }
}

/// Whether `path` would land inside one of `folders` (compared once symbolic links and `..`
/// are resolved, so `catalogue/../catalogue/x` is caught too).
pub fn inside_any(path: &Path, folders: &[PathBuf]) -> Option<PathBuf> {
    let target_dir = parent_of(path).canonicalize().ok()?;
    folders.iter().find(|folder| folder.canonicalize().is_ok_and(|f| target_dir.starts_with(&f))).cloned()
}

/// Writes `contents` to `path` atomically. `forbidden`: folders the file must not go into.
/// A new file gets 0666 less the umask (see [`write_atomic_with`]).
pub fn write_atomic(
    path: &Path,
    contents: &[u8],
    overwrite: Overwrite,
    forbidden: &[PathBuf],
) -> Result<(), WriteError> {
    write_atomic_with(path, contents, overwrite, forbidden, 0o666)
}

/// [`write_atomic`], a new file made with `mode` (less the umask). Only a regular file is
/// ever replaced ([`WriteError::NotAFile`] otherwise, whatever `overwrite` says), keeping its
/// permissions; a symbolic link is written through ([`write_target`]): its target is replaced
/// atomically, the link stays, and the target is what must not be in a `forbidden` folder.
pub fn write_atomic_with(
    path: &Path,
    contents: &[u8],
    overwrite: Overwrite,
    forbidden: &[PathBuf],
    mode: u32,
) -> Result<(), WriteError> {
    let io_error = |error: io::Error| WriteError::Io { path: path.to_path_buf(), error };
    if overwrite == Overwrite::Never && path.symlink_metadata().is_ok() {
        if let Ok(metadata) = std::fs::metadata(path)
            && let Some(special) = special(metadata.file_type())
        {
            return Err(WriteError::NotAFile { path: path.to_path_buf(), special });
        }
        return Err(WriteError::Exists(path.to_path_buf()));
    }
    let target = write_target(path).map_err(io_error)?;
    if let Some(folder) = inside_any(&target, forbidden) {
        return Err(WriteError::Forbidden { path: path.to_path_buf(), folder });
    }
    let existing = match target.symlink_metadata() {
        Ok(metadata) => match special(metadata.file_type()) {
            Some(special) => return Err(WriteError::NotAFile { path: path.to_path_buf(), special }),
            None => Some(metadata.permissions()),
        },
        Err(e) if e.kind() == io::ErrorKind::NotFound => None,
        Err(e) => return Err(io_error(e)),
    };
    let mut builder = tempfile::Builder::new();
    builder.prefix(".boucle-").suffix(".tmp");
    #[cfg(unix)]
    builder.permissions({
        use std::os::unix::fs::PermissionsExt;
        std::fs::Permissions::from_mode(mode)
    });
    #[cfg(not(unix))]
    let _ = mode;
    let mut temp = builder.tempfile_in(parent_of(&target)).map_err(io_error)?;
    temp.write_all(contents).map_err(io_error)?;
    // The file replaced keeps its permissions (umask does not apply to an explicit chmod).
    if let Some(permissions) = existing {
        temp.as_file().set_permissions(permissions).map_err(io_error)?;
    }
    temp.as_file().sync_all().map_err(io_error)?;
    match overwrite {
        Overwrite::Allowed => temp.persist(&target).map(drop).map_err(|e| io_error(e.error)),
        // Checked again at the rename: another program may have made the file meanwhile.
        Overwrite::Never => temp.persist_noclobber(&target).map(drop).map_err(|e| {
            if e.error.kind() == io::ErrorKind::AlreadyExists {
                WriteError::Exists(path.to_path_buf())
            } else {
                io_error(e.error)
            }
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[cfg(unix)]
    #[test]
    fn a_fifo_is_refused_without_waiting_for_a_writer() {
        let dir = tempfile::tempdir().unwrap();
        let fifo = dir.path().join("shortlist.ron");
        assert!(std::process::Command::new("mkfifo").arg(&fifo).status().unwrap().success());
        let (done, finished) = std::sync::mpsc::channel();
        let path = fifo.clone();
        std::thread::spawn(move || {
            let _ = done.send(read_regular(&path).map_err(|e| e.kind()));
        });
        let read = finished.recv_timeout(std::time::Duration::from_secs(30)).expect("no wait on the FIFO");
        assert_eq!(read, Err(io::ErrorKind::InvalidInput));
        // The shortlist's reader says why and leaves it where it is: not a file boucle wrote.
        let opened = crate::shortlist::store::open(&fifo);
        assert!(
            matches!(&opened, crate::shortlist::store::Opened::Unusable { problem } if problem.get(crate::text::Lang::En) == "it is not a regular file"),
            "{opened:?}"
        );
        assert!(fifo.exists(), "the FIFO is not renamed");
        let file = dir.path().join("notes.md");
        std::fs::write(&file, "kept").unwrap();
        assert_eq!(read_regular(&file).unwrap(), b"kept");
        assert_eq!(read_regular(&dir.path().join("none")).map_err(|e| e.kind()), Err(io::ErrorKind::NotFound));
    }

    #[test]
    fn writes_new_files_and_refuses_to_replace_unless_asked() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("out.md");
        write_atomic(&path, b"one", Overwrite::Never, &[]).unwrap();
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "one");
        let err = write_atomic(&path, b"two", Overwrite::Never, &[]).unwrap_err();
        assert!(matches!(err, WriteError::Exists(_)), "{err}");
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "one");
        write_atomic(&path, b"two", Overwrite::Allowed, &[]).unwrap();
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "two");
        // No temporary file is left behind.
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
    }

    /// `--force` replaces a regular file only: a folder, a FIFO, a socket and a device (here
    /// one made like /dev/null, when the tests run as root) are refused and left as they were.
    #[cfg(unix)]
    #[test]
    fn only_a_regular_file_is_ever_replaced() {
        use std::os::unix::fs::FileTypeExt;
        let dir = tempfile::tempdir().unwrap();
        let fifo = dir.path().join("fifo.md");
        assert!(std::process::Command::new("mkfifo").arg(&fifo).status().unwrap().success());
        let socket = dir.path().join("socket.md");
        let _listener = std::os::unix::net::UnixListener::bind(&socket).unwrap();
        let folder = dir.path().join("folder.md");
        std::fs::create_dir(&folder).unwrap();
        let mut cases =
            vec![(fifo.clone(), Special::Fifo), (socket.clone(), Special::Socket), (folder, Special::Folder)];
        let device = dir.path().join("null.md");
        // SAFETY: mknod with a valid C path; fails (and is skipped) unless run as root.
        let made = unsafe {
            let path = std::ffi::CString::new(device.to_str().unwrap()).unwrap();
            libc::mknod(path.as_ptr(), libc::S_IFCHR | 0o666, libc::makedev(1, 3)) == 0
        };
        if made {
            cases.push((device.clone(), Special::Device));
        }
        for (path, kind) in cases {
            for overwrite in [Overwrite::Allowed, Overwrite::Never] {
                let err = write_atomic(&path, b"export", overwrite, &[]).unwrap_err();
                assert!(matches!(&err, WriteError::NotAFile { special, .. } if *special == kind), "{path:?}: {err}");
                assert!(err.to_string().contains("replaces only a regular file"), "{err}");
            }
        }
        assert!(std::fs::symlink_metadata(&fifo).unwrap().file_type().is_fifo());
        assert!(std::fs::symlink_metadata(&socket).unwrap().file_type().is_socket());
        if made {
            assert!(std::fs::symlink_metadata(&device).unwrap().file_type().is_char_device());
        }
        // A link to a FIFO is refused the same.
        let link = dir.path().join("link.md");
        std::os::unix::fs::symlink(&fifo, &link).unwrap();
        assert!(matches!(write_atomic(&link, b"x", Overwrite::Allowed, &[]), Err(WriteError::NotAFile { .. })));
    }

    /// A link is written through, atomically: its target gets the contents and keeps its
    /// permissions, the link stays a link, and a target inside a catalogue is refused.
    #[cfg(unix)]
    #[test]
    fn a_link_is_written_through_to_its_target() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("real.md");
        std::fs::write(&target, "old").unwrap();
        std::fs::set_permissions(&target, std::fs::Permissions::from_mode(0o640)).unwrap();
        let link = dir.path().join("handout.md");
        std::os::unix::fs::symlink("real.md", &link).unwrap();
        assert!(matches!(write_atomic(&link, b"new", Overwrite::Never, &[]), Err(WriteError::Exists(_))));
        write_atomic(&link, b"new", Overwrite::Allowed, &[]).unwrap();
        assert!(link.symlink_metadata().unwrap().file_type().is_symlink());
        assert_eq!(std::fs::read_to_string(&target).unwrap(), "new");
        assert_eq!(std::fs::metadata(&target).unwrap().permissions().mode() & 0o777, 0o640);
        let catalogue = dir.path().join("catalogue");
        std::fs::create_dir(&catalogue).unwrap();
        std::fs::write(catalogue.join("entry.ron"), "kept").unwrap();
        let sneaky = dir.path().join("sneaky.md");
        std::os::unix::fs::symlink(catalogue.join("entry.ron"), &sneaky).unwrap();
        let err = write_atomic(&sneaky, b"x", Overwrite::Allowed, std::slice::from_ref(&catalogue)).unwrap_err();
        assert!(matches!(err, WriteError::Forbidden { .. }), "{err}");
        assert_eq!(std::fs::read_to_string(catalogue.join("entry.ron")).unwrap(), "kept");
    }

    #[test]
    fn never_writes_into_a_forbidden_folder() {
        let dir = tempfile::tempdir().unwrap();
        let catalogue = dir.path().join("catalogue");
        std::fs::create_dir_all(catalogue.join("tours")).unwrap();
        let sneaky = catalogue.join("tours/../tours/x.md");
        let err = write_atomic(&sneaky, b"x", Overwrite::Allowed, std::slice::from_ref(&catalogue)).unwrap_err();
        assert!(matches!(err, WriteError::Forbidden { .. }), "{err}");
        assert!(!catalogue.join("tours/x.md").exists());
    }
}
