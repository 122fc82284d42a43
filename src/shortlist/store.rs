//! The shortlist on disk: a small RON file in the user's data folder
//! (`$XDG_DATA_HOME/boucle/shortlist.ron`, else `~/.local/share/boucle/shortlist.ron`), or the
//! file `--shortlist` names. Written atomically on every change. A file that cannot be read
//! or understood is never overwritten: it is renamed beside itself, and the user is told where
//! it went, so a participant's list is never lost without a word, and the start never fails.
//! A save merges what another session saved meanwhile ([`save_merged`]), and writes through
//! a symbolic link (dotfile managers make them).

use std::io::Read;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::{Item, Shortlist};
use crate::files::{Overwrite, WriteError};
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
    entries: Vec<Raw>,
}

/// One entry as the file holds it: its id read as any value, so that one malformed id (`"Bad
/// Id!"`, or not text at all: `5`, `true`) costs that entry only (named, and kept in the
/// file), never the rest of the shortlist.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct Raw {
    id: ron::Value,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    note: String,
}

/// An entry kept as read, with the good ids written before it in the file (the nearest last):
/// it is written back after the nearest of them still marked, where the user put it.
#[derive(Clone, Debug)]
struct Kept {
    after: Vec<crate::model::Id>,
    raw: Raw,
}

/// What a shortlist file holds: the entries with good ids, and those whose id is not one
/// (written by hand, or by a later boucle), kept to be written back as they were.
struct Readout {
    list: Shortlist,
    kept: Vec<Kept>,
    /// Each kept entry, named where it is (`shortlist.ron:4:14: "Bad Id!" is not an id…`).
    skipped: Vec<Said>,
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
    /// Read, but some entries' ids are not ids: the others are the shortlist, and these are
    /// named (file:line:col) and kept in the file through every save.
    Skipping {
        list: Shortlist,
        skipped: Vec<Said>,
    },
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
            Opened::New(list) | Opened::Read(list) | Opened::Skipping { list, .. } => list.clone(),
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
        Ok(Some(read)) if read.skipped.is_empty() => Opened::Read(read.list),
        Ok(Some(read)) => Opened::Skipping { list: read.list, skipped: read.skipped },
        Err(Unread::NotAFile(error)) => Opened::Unusable { problem: problem_of(&error) },
        Err(Unread::NotAShortlist(problem)) => match set_aside(path) {
            Ok(moved_to) => Opened::SetAside { problem, moved_to },
            Err(e) => Opened::Unusable { problem: say::not_moved_aside_either(&problem, &say::io_problem(&e)) },
        },
    }
}

fn problem_of(error: &std::io::Error) -> Said {
    match error.kind() {
        std::io::ErrorKind::InvalidInput => say::not_a_regular_file(),
        _ => say::io_problem(error),
    }
}

/// Why a shortlist could not be read, which says whether it may be moved aside.
enum Unread {
    /// A folder, a FIFO, a device, or a file this user may not read (`--shortlist ~/Documents`
    /// by a slip): never renamed nor replaced, since it is not a shortlist boucle wrote.
    NotAFile(std::io::Error),
    /// A regular file whose bytes are not a shortlist: kept beside itself under another name.
    NotAShortlist(Said),
}

/// `Ok(None)`: there is no file.
fn read(path: &Path) -> Result<Option<Readout>, Unread> {
    let file = match crate::files::open_regular(path) {
        Ok(file) => file,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(Unread::NotAFile(e)),
    };
    let mut bytes = Vec::new();
    file.take(MAX_BYTES + 1).read_to_end(&mut bytes).map_err(Unread::NotAFile)?;
    let bad = Unread::NotAShortlist;
    if bytes.len() as u64 > MAX_BYTES {
        return Err(bad(say::larger_than_kib(MAX_BYTES / 1024)));
    }
    let text = String::from_utf8(bytes).map_err(|_| bad(say::not_utf8_text()))?;
    // ron's own account names Rust types (`Expected struct File`): the place is what helps.
    let file: File = ron::from_str(text.trim_start_matches('\u{feff}'))
        .map_err(|e| bad(say::not_a_shortlist(e.span.start.line, e.span.start.col)))?;
    if file.version != 1 {
        return Err(bad(say::unknown_version(file.version)));
    }
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let (mut items, mut kept, mut skipped) = (Vec::new(), Vec::new(), Vec::new());
    let mut from = 0;
    let mut before = Vec::new();
    for raw in file.entries {
        let id = match &raw.id {
            ron::Value::String(id) => crate::model::Id::parse(id).map_err(|_| Some(id.as_str())),
            _ => Err(None),
        };
        match id {
            Ok(id) => {
                before.push(id.clone());
                items.push(Item { id, note: raw.note });
            }
            Err(text_id) => {
                let written = ron::to_string(&raw.id).unwrap_or_default();
                let (line, column, after) = place_of(&text, &written, from);
                from = after;
                let shown = crate::text::sanitize(text_id.unwrap_or(&written), crate::text::Lines::Single);
                skipped.push(match text_id {
                    Some(_) => say::shortlist_id_skipped(&name, line, column, &shown),
                    None => say::shortlist_id_not_text(&name, line, column, &shown),
                });
                kept.push(Kept { after: before.clone(), raw });
            }
        }
    }
    Ok(Some(Readout { list: Shortlist::from_items(items), kept, skipped }))
}

/// Line and column (from 1, in characters) of an id written `written` (as RON writes it:
/// `"Bad Id!"`, `5`) after the key `id:` at or after byte `from` of `text`, and the byte after
/// it, so that a repeated bad id is found at each place in turn. An id written otherwise (with
/// escapes) is not found as typed: the start of the file is named then.
fn place_of(text: &str, written: &str, from: usize) -> (usize, usize, usize) {
    let mut key = from;
    let at = loop {
        let Some(found) = text.get(key..).and_then(|rest| rest.find("id")).map(|at| key + at) else {
            return (1, 1, from);
        };
        key = found + "id".len();
        let word_before = text[..found].chars().next_back().is_some_and(|c| c.is_alphanumeric() || c == '_');
        let rest = text[key..].trim_start();
        let Some(value) = rest.strip_prefix(':').map(str::trim_start) else { continue };
        let ends = value.get(written.len()..).and_then(|after| after.chars().next());
        let whole = !ends.is_some_and(|c| c.is_alphanumeric() || matches!(c, '_' | '.' | '"'));
        if !word_before && value.starts_with(written) && whole {
            break text.len() - value.len();
        }
    };
    let before = &text[..at];
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().unwrap_or("").chars().count() + 1;
    (line, column, at + written.len())
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
    text_keeping(list, &[])
}

/// The file's text for a shortlist, with the entries whose ids are not ids among them, as
/// read: each after the nearest good entry the file had before it that is still marked (at the
/// start when none is), so the user's order stays as they wrote it.
fn text_keeping(list: &Shortlist, kept: &[Kept]) -> String {
    // Slot 0 is before every entry; slot i + 1 is after the list's entry i.
    let mut slots: Vec<Vec<Raw>> = vec![Vec::new(); list.len() + 1];
    for kept in kept {
        let slot = kept.after.iter().rev().find_map(|id| list.position(id.as_str())).map_or(0, |at| at + 1);
        slots[slot].push(kept.raw.clone());
    }
    let mut slots = slots.into_iter();
    let mut entries: Vec<Raw> = slots.next().unwrap_or_default();
    for (item, after) in list.items().iter().zip(slots) {
        entries.push(Raw { id: ron::Value::String(item.id.to_string()), note: item.note.clone() });
        entries.extend(after);
    }
    let file = File { version: 1, entries };
    let config = ron::ser::PrettyConfig::new().depth_limit(3);
    let body = ron::ser::to_string_pretty(&file, config).unwrap_or_default();
    format!("// boucle's shortlist: the entries marked with m, in order, and their notes.\n{body}\n")
}

/// Who may read a shortlist file.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Privacy {
    /// The user's own shortlist: a new file and folder get the usual permissions.
    Usual,
    /// A participant's shortlist kept on the server of a room: 0600, in a folder made 0700.
    Private,
}

/// Saves the shortlist as it is (no merge: it replaces what the file holds), atomically,
/// creating its folder when needed, through a symbolic link.
pub fn save(path: &Path, list: &Shortlist) -> Result<(), WriteError> {
    save_with(path, None, list, Privacy::Usual).map(drop)
}

/// What a save wrote.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Saved {
    /// The shortlist now in the file: `mine` merged with what changed there since `base`.
    pub list: Shortlist,
    /// Whether the file was written (false when it already held `list`).
    pub wrote: bool,
}

/// Saves `mine`, merged by id ([`super::merge`]) with what another dashboard or session
/// saved to the file since this one last read or wrote it (`base`), so that two sessions on
/// one file never lose each other's marks. The read, merge and write are done holding a lock
/// on the file's folder, so two boucles saving at once take turns. A symbolic link at `path`
/// is written through (its target gets the list; the link stays). A file that cannot be read
/// now is set aside as at start, and `mine` written in its place.
pub fn save_merged(path: &Path, base: &Shortlist, mine: &Shortlist, privacy: Privacy) -> Result<Saved, WriteError> {
    save_with(path, Some(base), mine, privacy)
}

/// [`save_merged`] from `base`, or without a merge when there is none.
fn save_with(path: &Path, base: Option<&Shortlist>, mine: &Shortlist, privacy: Privacy) -> Result<Saved, WriteError> {
    let io_error = |error: std::io::Error| WriteError::Io { path: path.to_path_buf(), error };
    let folder = path.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
    make_folder(folder, privacy).map_err(io_error)?;
    let _lock = FolderLock::take(folder);
    let (theirs, kept) = match read(&crate::files::write_target(path).map_err(io_error)?) {
        Ok(Some(read)) => (Some(read.list), read.kept),
        Ok(None) => (None, Vec::new()),
        Err(Unread::NotAShortlist(_)) => {
            let _ = set_aside(path);
            (None, Vec::new())
        }
        // `write_atomic` refuses a folder, FIFO or device itself, saying which.
        Err(Unread::NotAFile(error)) if error.kind() == std::io::ErrorKind::InvalidInput => (None, Vec::new()),
        Err(Unread::NotAFile(error)) => return Err(io_error(error)),
    };
    let list = match (&theirs, base) {
        (Some(theirs), Some(base)) => super::merge(base, theirs, mine),
        _ => mine.clone(),
    };
    if theirs.as_ref() == Some(&list) {
        return Ok(Saved { list, wrote: false });
    }
    let mode = match privacy {
        Privacy::Usual => 0o666,
        Privacy::Private => 0o600,
    };
    let text = text_keeping(&list, &kept);
    crate::files::write_atomic_with(path, text.as_bytes(), Overwrite::Allowed, &[], mode)?;
    Ok(Saved { list, wrote: true })
}

/// Creates the shortlist's folder if needed: as usual, or 0700 for [`Privacy::Private`]
/// (also made 0700 when it exists: it is the server's own folder of participants' lists).
fn make_folder(folder: &Path, privacy: Privacy) -> std::io::Result<()> {
    #[cfg(unix)]
    if privacy == Privacy::Private {
        use std::os::unix::fs::{DirBuilderExt, PermissionsExt};
        if let Some(parent) = folder.parent().filter(|p| !p.as_os_str().is_empty()) {
            std::fs::create_dir_all(parent)?;
        }
        return match std::fs::DirBuilder::new().mode(0o700).create(folder) {
            Ok(()) => Ok(()),
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
                std::fs::set_permissions(folder, std::fs::Permissions::from_mode(0o700))
            }
            Err(e) => Err(e),
        };
    }
    let _ = privacy;
    std::fs::create_dir_all(folder)
}

/// An advisory lock on a folder (`flock`), held while a shortlist in it is read, merged and
/// written; released when dropped. Another boucle that holds it for more than two seconds
/// (stuck) is not waited for longer: the save goes ahead, merged all the same.
struct FolderLock(Option<std::fs::File>);

impl FolderLock {
    fn take(folder: &Path) -> FolderLock {
        #[cfg(unix)]
        {
            use std::os::fd::AsRawFd;
            let Ok(file) = std::fs::File::open(folder) else { return FolderLock(None) };
            let deadline = std::time::Instant::now() + std::time::Duration::from_secs(2);
            loop {
                // SAFETY: flock on a descriptor this function owns for the call's duration.
                if unsafe { libc::flock(file.as_raw_fd(), libc::LOCK_EX | libc::LOCK_NB) } == 0 {
                    return FolderLock(Some(file));
                }
                if std::time::Instant::now() >= deadline {
                    return FolderLock(None);
                }
                std::thread::sleep(std::time::Duration::from_millis(10));
            }
        }
        #[cfg(not(unix))]
        FolderLock(None)
    }
}

impl Drop for FolderLock {
    fn drop(&mut self) {
        #[cfg(unix)]
        if let Some(file) = &self.0 {
            use std::os::fd::AsRawFd;
            // SAFETY: as in `take`; closing the file would release it too.
            unsafe { libc::flock(file.as_raw_fd(), libc::LOCK_UN) };
        }
    }
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

    /// A shortlist file that is a symbolic link (as dotfile managers make them) stays a link:
    /// its target gets the list, as an editor writes a linked file.
    #[cfg(unix)]
    #[test]
    fn a_linked_shortlist_is_written_through_its_link() {
        let dir = tempfile::tempdir().unwrap();
        let dotfiles = dir.path().join("dotfiles");
        std::fs::create_dir(&dotfiles).unwrap();
        let target = dotfiles.join("shortlist.ron");
        let link = dir.path().join("shortlist.ron");
        std::os::unix::fs::symlink("dotfiles/shortlist.ron", &link).unwrap();
        let mut list = Shortlist::default();
        list.toggle(&Id::parse("a").unwrap());
        // The target does not exist yet: the first save makes it.
        save(&link, &list).unwrap();
        list.toggle(&Id::parse("b").unwrap());
        save(&link, &list).unwrap();
        assert!(link.symlink_metadata().unwrap().file_type().is_symlink(), "still a link");
        assert_eq!(open(&link).shortlist(), list);
        assert_eq!(open(&target).shortlist(), list);
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 2, "nothing else left beside it");
    }

    /// Two sessions saving one file, each from what it last read: the tester's sequence.
    #[test]
    fn saves_from_two_sessions_merge() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("shortlist.ron");
        let id = |s: &str| Id::parse(s).unwrap();
        let empty = Shortlist::default();
        let (mut a, mut b) = (Shortlist::default(), Shortlist::default());
        a.toggle(&id("x"));
        let a_base = save_merged(&path, &empty, &a, Privacy::Usual).unwrap().list;
        b.toggle(&id("y"));
        let saved = save_merged(&path, &empty, &b, Privacy::Usual).unwrap();
        assert!(saved.wrote && saved.list.contains("x") && saved.list.contains("y"));
        a.toggle(&id("z"));
        let saved = save_merged(&path, &a_base, &a, Privacy::Usual).unwrap();
        let ids: Vec<&str> = saved.list.ids().map(Id::as_str).collect();
        assert_eq!(ids, ["x", "z", "y"]);
        assert_eq!(open(&path).shortlist(), saved.list);
        // Saving what the file holds writes nothing.
        assert!(!save_merged(&path, &saved.list, &saved.list, Privacy::Usual).unwrap().wrote);
    }

    /// One entry whose id is not an id costs that entry only: the others are read, it is
    /// named where it is, and every save keeps it in the file (a later boucle may know it).
    #[test]
    fn a_bad_id_is_named_and_kept_and_the_rest_is_read() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("shortlist.ron");
        let text = "(\n    version: 1,\n    entries: [\n        (id: \"good\", note: \"ask costs\"),\n        \
                    (id: \"Bad Id!\", note: \"keep me\"),\n        (id: \"other-catalogue\"),\n    ],\n)\n";
        std::fs::write(&path, text).unwrap();
        let Opened::Skipping { list, skipped } = open(&path) else { panic!("{:?}", open(&path)) };
        assert_eq!(list.ids().map(Id::as_str).collect::<Vec<_>>(), ["good", "other-catalogue"]);
        assert_eq!(list.note("good"), Some("ask costs"));
        assert_eq!(skipped.len(), 1);
        let en = skipped[0].get(crate::text::Lang::En);
        assert!(en.starts_with("shortlist.ron:5:14: \"Bad Id!\" is not an entry id"), "{en}");
        assert!(skipped[0].get(crate::text::Lang::Fr).starts_with("shortlist.ron:5:14 : « Bad Id! »"));
        assert!(path.exists(), "not set aside");

        let mut list = list;
        list.toggle(&Id::parse("new").unwrap());
        let saved = save_merged(&path, &open(&path).shortlist(), &list, Privacy::Usual).unwrap();
        assert!(saved.wrote);
        let Opened::Skipping { list: again, skipped } = open(&path) else { panic!("the bad entry was dropped") };
        assert_eq!(again, list);
        assert_eq!(skipped.len(), 1);
        let written = std::fs::read_to_string(&path).unwrap();
        assert!(written.contains("id: \"Bad Id!\"") && written.contains("note: \"keep me\""), "{written}");
    }

    /// The ids a shortlist file holds, in the file's order, as RON writes them.
    fn written_ids(path: &Path) -> Vec<String> {
        let file: File = ron::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
        file.entries.iter().map(|raw| ron::to_string(&raw.id).unwrap()).collect()
    }

    /// An id that is not text at all (`id: 5`, `id: true`, a slip of a hand-edited file)
    /// costs that entry only, named where it is, as a malformed id does: the file is not set
    /// aside, and the entry stays in it.
    #[test]
    fn an_id_that_is_not_text_costs_that_entry_only() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("shortlist.ron");
        let text = "(\n    version: 1,\n    entries: [\n        (id: \"good\", note: \"my ID: 5\"),\n        \
                    (id: 5, note: \"five\"),\n        (note: \"no id first\", id: true),\n        (id: \"other\"),\n    ],\n)\n";
        std::fs::write(&path, text).unwrap();
        let Opened::Skipping { list, skipped } = open(&path) else { panic!("{:?}", open(&path)) };
        assert_eq!(list.ids().map(Id::as_str).collect::<Vec<_>>(), ["good", "other"]);
        let en: Vec<&str> = skipped.iter().map(|s| s.get(crate::text::Lang::En)).collect();
        assert_eq!(en.len(), 2, "{en:?}");
        assert!(en[0].starts_with("shortlist.ron:5:14: 5 is not an entry id: an id is text in quotes"), "{en:?}");
        assert!(en[1].starts_with("shortlist.ron:6:35: true is not an entry id"), "{en:?}");
        let fr = skipped[0].get(crate::text::Lang::Fr);
        assert!(fr.starts_with("shortlist.ron:5:14 : 5 n’est pas un identifiant de fiche"), "{fr}");
        assert!(path.exists(), "not set aside");

        let mut mine = list.clone();
        mine.toggle(&Id::parse("new").unwrap());
        assert!(save_merged(&path, &list, &mine, Privacy::Usual).unwrap().wrote);
        assert_eq!(written_ids(&path), ["\"good\"", "5", "true", "\"other\"", "\"new\""]);
        let written = std::fs::read_to_string(&path).unwrap();
        assert!(written.contains("note: \"five\""), "{written}");
    }

    /// Entries kept for their bad ids are written back where the user put them, among the
    /// others, not gathered at the end: after the nearest good entry before them that is still
    /// marked, or first.
    #[test]
    fn kept_entries_stay_in_their_place_in_the_users_order() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("shortlist.ron");
        let text = "(entries: [(id: \"Top!\"), (id: \"a\"), (id: \"Bad Id!\"), (id: \"b\"), (id: 7), (id: \"c\")])";
        std::fs::write(&path, text).unwrap();
        let base = open(&path).shortlist();
        let mut mine = base.clone();
        mine.toggle(&Id::parse("new").unwrap());
        save_merged(&path, &base, &mine, Privacy::Usual).unwrap();
        assert_eq!(written_ids(&path), ["\"Top!\"", "\"a\"", "\"Bad Id!\"", "\"b\"", "7", "\"c\"", "\"new\""]);
        // b unmarked: the entry after it goes after a, the nearest still marked before it.
        let base = open(&path).shortlist();
        let mut mine = base.clone();
        mine.toggle(&Id::parse("b").unwrap());
        save_merged(&path, &base, &mine, Privacy::Usual).unwrap();
        assert_eq!(written_ids(&path), ["\"Top!\"", "\"a\"", "\"Bad Id!\"", "7", "\"c\"", "\"new\""]);
        // Reordered: each kept entry follows the good one it followed.
        let base = open(&path).shortlist();
        let mut mine = base.clone();
        mine.shift(0, false);
        save_merged(&path, &base, &mine, Privacy::Usual).unwrap();
        assert_eq!(written_ids(&path), ["\"Top!\"", "\"c\"", "\"a\"", "\"Bad Id!\"", "7", "\"new\""]);
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

    /// `--shortlist ~/Documents` by a slip: the folder and what it holds stay where they are,
    /// and nothing is written there.
    #[test]
    fn a_folder_given_as_the_shortlist_is_never_moved() {
        let dir = tempfile::tempdir().unwrap();
        let folder = dir.path().join("Documents");
        std::fs::create_dir(&folder).unwrap();
        std::fs::write(folder.join("thesis.txt"), "important").unwrap();
        let opened = open(&folder);
        match &opened {
            Opened::Unusable { problem } => assert_eq!(problem.get(crate::text::Lang::En), "it is not a regular file"),
            other => panic!("{other:?}"),
        }
        assert!(!opened.writable());
        let mut list = Shortlist::default();
        list.toggle(&Id::parse("a").unwrap());
        assert!(save_merged(&folder, &Shortlist::default(), &list, Privacy::Usual).is_err());
        assert_eq!(std::fs::read_to_string(folder.join("thesis.txt")).unwrap(), "important");
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1, "nothing renamed beside it");
    }
}
