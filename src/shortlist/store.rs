//! The shortlist on disk: a small RON file in the user's data folder
//! (`$XDG_DATA_HOME/boucle/shortlist.ron`, else `~/.local/share/boucle/shortlist.ron`), or the
//! file `--shortlist` names. Written atomically on every change. A file that cannot be read
//! or understood is never overwritten: it is renamed beside itself, and the user is told where
//! it went, so a participant's list is never lost without a word, and the start never fails.

use std::io::Read;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::{Item, Shortlist};
use crate::files::{Overwrite, WriteError, write_atomic};
use crate::i18n::Said;
use crate::i18n::problems as say;

/// Larger than any real shortlist by far; a bigger file is not one.
const MAX_BYTES: u64 = 1 << 20;

/// The file's layout. `version` lets a later layout be recognised.
#[derive(Debug, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    #[serde(default = "one")]
    version: u32,
    #[serde(default)]
    entries: Vec<Item>,
}

fn one() -> u32 {
    1
}

/// Where the shortlist lives when `--shortlist` does not say: the platform's user data folder.
pub fn default_path() -> Option<PathBuf> {
    dirs::data_dir().map(|dir| dir.join("boucle").join("shortlist.ron"))
}

/// What reading the shortlist file found.
#[derive(Debug)]
pub enum Opened {
    /// No file yet: an empty shortlist, saved on the first mark.
    New(Shortlist),
    Read(Shortlist),
    /// The file could not be understood; it was renamed to `moved_to`, and an empty shortlist
    /// starts in its place.
    SetAside {
        problem: Said,
        moved_to: PathBuf,
    },
    /// The file could not be read nor moved aside: the shortlist starts empty and is not saved
    /// there, so the file stays as it is.
    Unusable {
        problem: Said,
    },
}

impl Opened {
    pub fn shortlist(&self) -> Shortlist {
        match self {
            Opened::New(list) | Opened::Read(list) => list.clone(),
            Opened::SetAside { .. } | Opened::Unusable { .. } => Shortlist::default(),
        }
    }

    /// Whether changes may be saved to the file.
    pub fn writable(&self) -> bool {
        !matches!(self, Opened::Unusable { .. })
    }
}

/// Reads the shortlist at `path`; never fails, never panics (see [`Opened`]).
pub fn open(path: &Path) -> Opened {
    match read(path) {
        Ok(None) => Opened::New(Shortlist::default()),
        Ok(Some(list)) => Opened::Read(list),
        Err(problem) => match set_aside(path) {
            Ok(moved_to) => Opened::SetAside { problem, moved_to },
            Err(e) => Opened::Unusable { problem: say::not_moved_aside_either(&problem, &say::io_problem(&e)) },
        },
    }
}

/// `Ok(None)`: there is no file.
fn read(path: &Path) -> Result<Option<Shortlist>, Said> {
    let file = match crate::files::open_regular(path) {
        Ok(file) => file,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) if e.kind() == std::io::ErrorKind::InvalidInput => return Err(say::not_a_regular_file()),
        Err(e) => return Err(say::io_problem(&e)),
    };
    let mut bytes = Vec::new();
    file.take(MAX_BYTES + 1).read_to_end(&mut bytes).map_err(|e| say::io_problem(&e))?;
    if bytes.len() as u64 > MAX_BYTES {
        return Err(say::larger_than_kib(MAX_BYTES / 1024));
    }
    let text = String::from_utf8(bytes).map_err(|_| say::not_utf8_text())?;
    // ron's own account names Rust types (`Expected struct File`): the place is what helps.
    let file: File = ron::from_str(text.trim_start_matches('\u{feff}'))
        .map_err(|e| say::not_a_shortlist(e.span.start.line, e.span.start.col))?;
    if file.version != 1 {
        return Err(say::unknown_version(file.version));
    }
    Ok(Some(Shortlist::from_items(file.entries)))
}

/// Renames a bad file beside itself, to the first free `NAME.bad-N`.
fn set_aside(path: &Path) -> std::io::Result<PathBuf> {
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_else(|| "shortlist".into());
    for n in 1..1000 {
        let candidate = path.with_file_name(format!("{name}.bad-{n}"));
        if candidate.symlink_metadata().is_err() {
            std::fs::rename(path, &candidate)?;
            return Ok(candidate);
        }
    }
    Err(std::io::Error::other("no free name beside it"))
}

/// The file's text for a shortlist.
pub fn to_text(list: &Shortlist) -> String {
    let file = File { version: 1, entries: list.items().to_vec() };
    let config = ron::ser::PrettyConfig::new().depth_limit(3);
    let body = ron::ser::to_string_pretty(&file, config).unwrap_or_default();
    format!("// boucle's shortlist: the entries marked with m, in order, and their notes.\n{body}\n")
}

/// Saves the shortlist atomically, creating its folder when needed.
pub fn save(path: &Path, list: &Shortlist) -> Result<(), WriteError> {
    if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
        std::fs::create_dir_all(parent).map_err(|error| WriteError::Io { path: path.to_path_buf(), error })?;
    }
    write_atomic(path, to_text(list).as_bytes(), Overwrite::Allowed, &[])
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Id;

    #[test]
    fn saves_and_reads_back_order_and_notes() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("sub/shortlist.ron");
        assert!(matches!(open(&path), Opened::New(_)));
        let mut list = Shortlist::default();
        for id in ["b", "a", "c"] {
            list.toggle(&Id::parse(id).unwrap());
        }
        list.set_note(1, "ask \"why\" (cost)");
        save(&path, &list).unwrap();
        let opened = open(&path);
        assert!(matches!(opened, Opened::Read(_)), "{opened:?}");
        assert_eq!(opened.shortlist(), list);
    }

    #[test]
    fn a_corrupt_file_is_set_aside_and_named() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("shortlist.ron");
        std::fs::write(&path, "(entries: [(id: \"a\", note: 3)])").unwrap();
        match open(&path) {
            Opened::SetAside { problem, moved_to } => {
                assert!(problem.get(crate::text::Lang::En).contains("line 1"), "{problem:?}");
                assert_eq!(moved_to, dir.path().join("shortlist.ron.bad-1"));
                assert!(moved_to.exists() && !path.exists());
            }
            other => panic!("{other:?}"),
        }
        std::fs::write(&path, [0xff, 0xfe, 0x00]).unwrap();
        match open(&path) {
            Opened::SetAside { moved_to, .. } => assert_eq!(moved_to, dir.path().join("shortlist.ron.bad-2")),
            other => panic!("{other:?}"),
        }
    }
}
