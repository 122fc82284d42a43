//! Reading only regular files ([`open_regular`]: a FIFO where a file is expected is refused,
//! never waited on), and writing files the way users can trust: atomically (a temporary file in the target's own
//! folder, then a rename, so a reader never sees half a file and a crash leaves the old one),
//! with the permissions a new file normally gets (0666 less the umask: 0644 under 022, where
//! `tempfile`'s own default would be 0600), and never over an existing file unless asked.

use std::io::{self, Write};
use std::path::{Path, PathBuf};

use crate::i18n::Said;
use crate::i18n::problems as say;

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
            WriteError::Exists(path) => say::exists_force_replaces(&path.display().to_string()),
            WriteError::Forbidden { path, folder } => {
                say::inside_the_catalogue(&path.display().to_string(), &folder.display().to_string())
            }
            WriteError::Io { path, error } => say::cannot_write(&path.display().to_string(), &say::io_problem(error)),
            WriteError::NotOnThisHost(path) => say::not_written_over_ssh(&path.display().to_string()),
        }
    }
}

impl std::fmt::Display for WriteError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.said().get(crate::text::Lang::En))
    }
}

impl std::error::Error for WriteError {}

/// The folder a path is in, `.` for a bare file name.
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
pub fn write_atomic(
    path: &Path,
    contents: &[u8],
    overwrite: Overwrite,
    forbidden: &[PathBuf],
) -> Result<(), WriteError> {
    if let Some(folder) = inside_any(path, forbidden) {
        return Err(WriteError::Forbidden { path: path.to_path_buf(), folder });
    }
    let io_error = |error: io::Error| WriteError::Io { path: path.to_path_buf(), error };
    if overwrite == Overwrite::Never && path.symlink_metadata().is_ok() {
        return Err(WriteError::Exists(path.to_path_buf()));
    }
    let mut builder = tempfile::Builder::new();
    builder.prefix(".boucle-").suffix(".tmp");
    #[cfg(unix)]
    builder.permissions(mode_for_new_files());
    let mut temp = builder.tempfile_in(parent_of(path)).map_err(io_error)?;
    temp.write_all(contents).map_err(io_error)?;
    temp.as_file().sync_all().map_err(io_error)?;
    match overwrite {
        Overwrite::Allowed => temp.persist(path).map(drop).map_err(|e| io_error(e.error)),
        // Checked again at the rename: another program may have made the file meanwhile.
        Overwrite::Never => temp.persist_noclobber(path).map(drop).map_err(|e| {
            if e.error.kind() == io::ErrorKind::AlreadyExists {
                WriteError::Exists(path.to_path_buf())
            } else {
                io_error(e.error)
            }
        }),
    }
}

/// 0666: the system's umask then takes away what the user wants taken away, as for any new file.
#[cfg(unix)]
fn mode_for_new_files() -> std::fs::Permissions {
    use std::os::unix::fs::PermissionsExt;
    std::fs::Permissions::from_mode(0o666)
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
        // The shortlist's reader sets it aside, saying why, as it does any unusable file.
        let opened = crate::shortlist::store::open(&fifo);
        assert!(
            matches!(&opened, crate::shortlist::store::Opened::SetAside { problem, .. } if problem.get(crate::text::Lang::En) == "it is not a regular file"),
            "{opened:?}"
        );
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
