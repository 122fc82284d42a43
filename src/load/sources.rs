//! Where catalogue files come from: folders on disk, or the catalogue embedded at build time.

use include_dir::{Dir, include_dir};
use std::borrow::Cow;
use std::path::{Path, PathBuf};

use crate::diagnostic::{Diagnostic, Position};
use crate::i18n::guards::{BadFileName, bad_file_name, rename_the_file};
use crate::i18n::problems as say;

static BUNDLED: Dir<'_> = include_dir!("$CARGO_MANIFEST_DIR/practices");

/// Where a file's bytes are. Files on disk are read one at a time while loading, and again
/// only to quote a line in a diagnostic, so a large catalogue is never held twice in memory.
#[derive(Clone, Debug)]
pub enum Origin {
    Bundled(&'static [u8]),
    Disk(PathBuf),
    /// Bytes held in memory: one file's text fed to the loader as it is (the fuzz targets and
    /// their regression tests go through the whole load this way).
    Memory(std::sync::Arc<[u8]>),
}

/// One file of a catalogue.
#[derive(Clone, Debug)]
pub struct SourceFile {
    /// Path inside the catalogue folder, with `/` separators: `good-practices/x.ron`.
    pub relative: String,
    /// How messages name it: the folder as the user gave it, joined with `relative`.
    pub shown: String,
    pub origin: Origin,
}

impl SourceFile {
    /// The file's bytes, at most one byte over the size limit (enough to know it is too big).
    pub fn read(&self) -> std::io::Result<Cow<'static, [u8]>> {
        match &self.origin {
            Origin::Bundled(bytes) => Ok(Cow::Borrowed(bytes)),
            Origin::Disk(path) => read_capped(path).map(|(bytes, _)| Cow::Owned(bytes)),
            Origin::Memory(bytes) => Ok(Cow::Owned(bytes.to_vec())),
        }
    }

    /// A file of `relative` path (`good-practices/x.ron`, `vocabularies/regions.ron`) whose
    /// bytes are given: with [`super::load_files`], the entry point that loads one file's text
    /// exactly as a catalogue folder's file is loaded.
    pub fn in_memory(relative: &str, bytes: &[u8]) -> SourceFile {
        SourceFile { relative: relative.to_string(), shown: relative.to_string(), origin: Origin::Memory(bytes.into()) }
    }
}

/// The catalogue compiled into the binary, as `practices/…` files.
pub fn bundled_files() -> Vec<SourceFile> {
    let mut out = Vec::new();
    collect_bundled(&BUNDLED, &mut out);
    out.sort_by(|a, b| a.relative.cmp(&b.relative));
    out
}

fn collect_bundled(dir: &'static Dir<'static>, out: &mut Vec<SourceFile>) {
    for file in dir.files() {
        let relative = file.path().to_string_lossy().replace('\\', "/");
        if relative.ends_with(".ron") {
            let origin = Origin::Bundled(file.contents());
            out.push(SourceFile { shown: format!("practices/{relative}"), relative, origin });
        }
    }
    for sub in dir.dirs() {
        collect_bundled(sub, out);
    }
}

/// Why a catalogue file's name cannot be used, if it cannot: it starts with a dot (hidden:
/// the loader skips hidden files), or its part before the first dot is a name Windows keeps
/// for a device, whatever its case and extension (`con.ron`, `Lpt1.ron`): a repository
/// holding one cannot be checked out on Windows.
pub fn name_flaw(name: &str) -> Option<BadFileName> {
    if name.starts_with('.') {
        return Some(BadFileName::Hidden);
    }
    // Compared without case rather than uppercased: this is asked of every file of a walk.
    let stem = name.split('.').next().unwrap_or(name).as_bytes();
    let numbered =
        |prefix: &[u8]| stem.len() == 4 && stem[..3].eq_ignore_ascii_case(prefix) && (b'1'..=b'9').contains(&stem[3]);
    let named = |word: &[u8]| stem.eq_ignore_ascii_case(word);
    let reserved = [&b"CON"[..], b"PRN", b"AUX", b"NUL"].into_iter().any(named) || numbered(b"COM") || numbered(b"LPT");
    reserved.then_some(BadFileName::Reserved)
}

/// The problem of a `.ron` file whose name cannot be used ([`name_flaw`]): a hidden one is
/// named as not loaded (a warning), rather than skipped without a word; a reserved one is an
/// error (it loads here, but breaks the repository for Windows users).
fn name_problem(path: &Path, name: &str, why: BadFileName) -> Diagnostic {
    let shown = path.display().to_string();
    let message = bad_file_name(why, name);
    let problem = match why {
        BadFileName::Hidden => Diagnostic::warning("hidden-file", &shown, Position::START, Position::START, message),
        BadFileName::Reserved => {
            Diagnostic::error("reserved-file-name", &shown, Position::START, Position::START, message)
        }
    };
    problem.with_help(Some(rename_the_file(why)))
}

/// Every `.ron` file under `root`, sorted, skipping hidden entries (a hidden `.ron` file is
/// named as not loaded) and symbolic links to folders (which could loop). Unreadable folders
/// and unusable file names become diagnostics; files are read later.
pub fn folder_files(root: &Path) -> (Vec<SourceFile>, Vec<Diagnostic>) {
    let mut files = Vec::new();
    let (problems, sorted) = walk_folder(root, &mut |file| files.push(file));
    if !sorted {
        files.sort_by(|a, b| a.relative.cmp(&b.relative));
    }
    (files, problems)
}

/// [`folder_files`], each file given to `found` as soon as the walk finds it, so that the
/// loader parses while the walk goes on: each folder's entries are sorted, and a folder's
/// files are given where its name with a `/` sorts among its neighbours, which is the order
/// of the files' relative paths sorted whole. Says whether the files came in that order: they
/// do unless a name holds a `\` (read as `/`), which then needs the sort of the whole list.
pub fn walk_folder(root: &Path, found: &mut dyn FnMut(SourceFile)) -> (Vec<Diagnostic>, bool) {
    let mut problems = Vec::new();
    if !root.is_dir() {
        let shown = root.display().to_string();
        let message = if root.exists() { say::not_a_folder() } else { say::folder_not_found() };
        problems.push(Diagnostic::error("no-catalogue", &shown, Position::START, Position::START, message));
        return (problems, true);
    }
    // Links are followed only to files inside the folder (resolved once, when there are links).
    let mut inside: Option<Option<PathBuf>> = None;
    // Whether a name held a `\`, read as `/`: only then may the walk's order not be the sort's.
    let mut slashed = false;
    // The folders being walked, each with its entries still to visit, in order.
    let mut pending = vec![folder_entries(root.to_path_buf(), String::new(), &mut problems, &mut slashed).into_iter()];
    while let Some(folder) = pending.last_mut() {
        let Some(Found { path, name, relative, file_type }) = folder.next() else {
            pending.pop();
            continue;
        };
        if file_type.is_dir() {
            pending.push(folder_entries(path, relative, &mut problems, &mut slashed).into_iter());
        } else if name.ends_with(".ron")
            && file_type.is_symlink()
            && path.is_file()
            && !leads_inside(&path, root, &mut inside)
        {
            let shown = path.display().to_string();
            let message = say::not_a_file(say::NotAFile::LinkOutside, None);
            let problem = Diagnostic::error("not-a-file", &shown, Position::START, Position::START, message)
                .with_help(Some(say::replace_with_the_file()));
            problems.push(problem);
        } else if name.ends_with(".ron") && (file_type.is_file() || path.is_file()) {
            // What `display` shows, without the formatting machinery.
            let shown = path.to_string_lossy().into_owned();
            found(SourceFile { relative, shown, origin: Origin::Disk(path) });
        } else if name.ends_with(".ron") {
            // Reading a FIFO would block and a device could be endless: name it, never read it.
            let message = match std::fs::metadata(&path) {
                Err(e) if e.raw_os_error() == Some(libc::ELOOP) => say::not_a_file(say::NotAFile::LinkLoop, None),
                Err(e) => say::not_a_file(say::NotAFile::DanglingLink, Some(&say::io_problem(&e))),
                Ok(_) if file_type.is_symlink() => say::not_a_file(say::NotAFile::LinkToSomethingElse, None),
                Ok(_) => say::not_a_file(say::NotAFile::Special, None),
            };
            let shown = path.display().to_string();
            let problem = Diagnostic::error("not-a-file", &shown, Position::START, Position::START, message)
                .with_help(Some(say::replace_with_the_file()));
            problems.push(problem);
        }
    }
    (problems, !slashed)
}

/// An entry of a folder being walked.
struct Found {
    path: PathBuf,
    name: String,
    /// Its path relative to the catalogue; a folder's ends with `/`, so that it sorts among its
    /// neighbours where its files do.
    relative: String,
    file_type: std::fs::FileType,
}

/// The entries of folder `dir` (whose path relative to the catalogue is `dir_relative`) that
/// the walk visits, sorted; hidden ones are left out, named when they look like an entry.
/// `slashed` is set when a name holds a `\`.
fn folder_entries(
    dir: PathBuf,
    dir_relative: String,
    problems: &mut Vec<Diagnostic>,
    slashed: &mut bool,
) -> Vec<Found> {
    let entries = match std::fs::read_dir(&dir) {
        Ok(entries) => entries,
        Err(e) => {
            let shown = dir.display().to_string();
            let why = say::io_problem(&e);
            problems.push(Diagnostic::error("unreadable", &shown, Position::START, Position::START, why));
            return Vec::new();
        }
    };
    let mut found = Vec::new();
    for entry in entries.flatten() {
        let path = entry.path();
        let name = entry.file_name().to_string_lossy().into_owned();
        let Ok(file_type) = entry.file_type() else { continue };
        let flaw = name_flaw(&name);
        if flaw == Some(BadFileName::Hidden) {
            // Hidden folders (.git) are not the catalogue's, nor are what tools leave beside a
            // file (Emacs's `.#x.ron` lock links, macOS's `._x.ron` resource forks); any other
            // hidden file that looks like an entry is said to be left out.
            let tools = name.starts_with(".#") || name.starts_with("._");
            if name.ends_with(".ron") && !file_type.is_dir() && !tools {
                problems.push(name_problem(&path, &name, BadFileName::Hidden));
            }
            continue;
        }
        if let (Some(why), true) = (flaw, name.ends_with(".ron")) {
            problems.push(name_problem(&path, &name, why));
        }
        let mut relative = dir_relative.clone();
        match name.contains('\\') {
            true => {
                *slashed = true;
                relative.push_str(&name.replace('\\', "/"));
            }
            false => relative.push_str(&name),
        }
        if file_type.is_dir() {
            relative.push('/');
        }
        found.push(Found { path, name, relative, file_type });
    }
    found.sort_unstable_by(|a, b| a.relative.cmp(&b.relative));
    found
}

/// Whether the symbolic link at `link` leads to a file inside `root` (resolved once into
/// `inside`): a catalogue may link its own files, never files elsewhere.
fn leads_inside(link: &Path, root: &Path, inside: &mut Option<Option<PathBuf>>) -> bool {
    let Some(root) = inside.get_or_insert_with(|| std::fs::canonicalize(root).ok()) else { return false };
    std::fs::canonicalize(link).is_ok_and(|target| target.starts_with(root))
}

/// Reads at most one byte more than the size limit, so that a huge file costs no memory and
/// is still reported as too large.
fn read_capped(path: &Path) -> std::io::Result<(Vec<u8>, std::fs::Metadata)> {
    use std::io::Read;
    let cap = super::parse::MAX_FILE_BYTES as u64 + 1;
    let file = std::fs::File::open(path)?;
    // Sized from the file's length, the buffer takes the whole file in one `read` (and one
    // more to see the end), where growing it from empty took about eight.
    let metadata = file.metadata()?;
    let size = metadata.len().min(cap);
    let mut bytes = Vec::with_capacity(usize::try_from(size).unwrap_or(0) + 1);
    file.take(cap).read_to_end(&mut bytes)?;
    Ok((bytes, metadata))
}

#[cfg(test)]
mod tests {
    use super::{BadFileName, folder_files, name_flaw, walk_folder};

    /// The walk hands files out as it finds them, for the loader to parse meanwhile, in the
    /// order of their sorted paths (the load's order: which of two files of one id comes
    /// first, the cache's list of files), whatever sorts around a subfolder's name; a name
    /// with a `\` (read as `/`) is said to break that order, and the list is then sorted.
    #[test]
    fn the_walk_gives_files_in_the_order_of_their_sorted_paths() {
        let root = tempfile::tempdir().expect("temporary folder");
        let names = [
            "good-practices/b.ron",
            "good-practices/b-x.ron",
            "good-practices/b0.ron",
            "good-practices/b/c.ron",
            "good-practices/b/a/z.ron",
            "good-practices/b.d/y.ron",
            "good-practices-extra/q.ron",
            "good-practices/B.ron",
            "vocabularies/regions.ron",
        ];
        for name in names {
            let path = root.path().join(name);
            std::fs::create_dir_all(path.parent().expect("a folder")).expect("folder");
            std::fs::write(&path, "x").expect("file");
        }
        let mut walked = Vec::new();
        let (problems, sorted) = walk_folder(root.path(), &mut |file| walked.push(file.relative));
        let mut expected: Vec<String> = names.iter().map(|n| n.to_string()).collect();
        expected.sort();
        assert!(problems.is_empty() && sorted, "{problems:?}");
        assert_eq!(walked, expected);

        #[cfg(unix)]
        {
            std::fs::write(root.path().join("good-practices/b\\a.ron"), "x").expect("file");
            let (_, sorted) = walk_folder(root.path(), &mut |_| ());
            assert!(!sorted, "a name with a backslash sorts as if it held a slash");
            let listed: Vec<String> = folder_files(root.path()).0.into_iter().map(|f| f.relative).collect();
            assert!(listed.is_sorted() && listed.contains(&"good-practices/b/a.ron".to_string()), "{listed:?}");
        }
    }

    /// A device name Windows keeps is refused in any case and with any extension; a name that
    /// only starts like one is not.
    #[test]
    fn device_names_are_found_whatever_their_case() {
        let reserved =
            ["con.ron", "CON.ron", "Prn.x.ron", "aux.ron", "nUl.ron", "com1.ron", "LPT9.ron", "Com5.tar.ron"];
        for name in reserved {
            assert_eq!(name_flaw(name), Some(BadFileName::Reserved), "{name}");
        }
        let fine = ["com0.ron", "com10.ron", "console.ron", "lpt.ron", "coné.ron", "é.ron", "co.ron", "x-con.ron"];
        for name in fine {
            assert_eq!(name_flaw(name), None, "{name}");
        }
        assert_eq!(name_flaw(".con.ron"), Some(BadFileName::Hidden));
    }
}
