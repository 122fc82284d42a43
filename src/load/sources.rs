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
    let mut problems = Vec::new();
    if !root.is_dir() {
        let shown = root.display().to_string();
        let message = if root.exists() { say::not_a_folder() } else { say::folder_not_found() };
        problems.push(Diagnostic::error("no-catalogue", &shown, Position::START, Position::START, message));
        return (files, problems);
    }
    // Links are followed only to files inside the folder (resolved once, when there are links).
    let mut inside: Option<Option<PathBuf>> = None;
    // Each folder with its path relative to `root`: a file's is its folder's and its name, not
    // the whole path taken apart again (the walk is the one part of a load on one thread).
    let mut pending: Vec<(PathBuf, String)> = vec![(root.to_path_buf(), String::new())];
    while let Some((dir, dir_relative)) = pending.pop() {
        let entries = match std::fs::read_dir(&dir) {
            Ok(entries) => entries,
            Err(e) => {
                let shown = dir.display().to_string();
                let why = say::io_problem(&e);
                problems.push(Diagnostic::error("unreadable", &shown, Position::START, Position::START, why));
                continue;
            }
        };
        for entry in entries.flatten() {
            let path = entry.path();
            let name = entry.file_name().to_string_lossy().into_owned();
            let Ok(file_type) = entry.file_type() else { continue };
            let flaw = name_flaw(&name);
            if flaw == Some(BadFileName::Hidden) {
                // Hidden folders (.git) are not the catalogue's, nor are what tools leave
                // beside a file (Emacs's `.#x.ron` lock links, macOS's `._x.ron` resource
                // forks); any other hidden file that looks like an entry is said to be left out.
                let tools = name.starts_with(".#") || name.starts_with("._");
                if name.ends_with(".ron") && !file_type.is_dir() && !tools {
                    problems.push(name_problem(&path, &name, BadFileName::Hidden));
                }
                continue;
            }
            if let (Some(why), true) = (flaw, name.ends_with(".ron")) {
                problems.push(name_problem(&path, &name, why));
            }
            let relative = || {
                let name = if name.contains('\\') { name.replace('\\', "/") } else { name.clone() };
                if dir_relative.is_empty() { name } else { format!("{dir_relative}/{name}") }
            };
            if file_type.is_dir() {
                pending.push((path, relative()));
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
                files.push(SourceFile { relative: relative(), shown, origin: Origin::Disk(path) });
            } else if name.ends_with(".ron") && !file_type.is_dir() {
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
    }
    files.sort_by(|a, b| a.relative.cmp(&b.relative));
    (files, problems)
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
    use super::{BadFileName, name_flaw};

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
