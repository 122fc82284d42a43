//! Writing a catalogue file the curator asked to change (`fmt`, `check --fix`): atomically
//! (a temporary file beside it, then a rename), keeping its permissions, through a symbolic
//! link to the file it points at as editors do; and the diff that says what changed.

use std::path::{Path, PathBuf};

use similar::TextDiff;

/// Replaces the file at `path` with `text`.
pub fn replace(path: &Path, text: &str) -> std::io::Result<()> {
    replace_from(path, text, None)
}

/// A file that no longer holds the text a change was made from: another program (an editor,
/// `git pull`) wrote it meanwhile, and writing over it would lose that.
#[derive(Debug)]
pub struct ChangedMeanwhile;

impl std::fmt::Display for ChangedMeanwhile {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("the file changed since it was read")
    }
}

impl std::error::Error for ChangedMeanwhile {}

/// Replaces the file at `path` with `text` only if it still holds `before` (when given); else
/// an error whose inner error is [`ChangedMeanwhile`], and the file is left as it is.
pub fn replace_from(path: &Path, text: &str, before: Option<&str>) -> std::io::Result<()> {
    let target: PathBuf = std::fs::canonicalize(path)?;
    let metadata = std::fs::metadata(&target)?;
    if !metadata.is_file() {
        return Err(std::io::Error::new(std::io::ErrorKind::InvalidInput, "not a regular file"));
    }
    if let Some(before) = before
        && std::fs::read(&target)? != before.as_bytes()
    {
        return Err(std::io::Error::other(ChangedMeanwhile));
    }
    let folder = target.parent().unwrap_or(Path::new("."));
    let mut temp = tempfile::Builder::new().prefix(".boucle-").suffix(".tmp").tempfile_in(folder)?;
    std::io::Write::write_all(&mut temp, text.as_bytes())?;
    temp.as_file().set_permissions(metadata.permissions())?;
    temp.as_file().sync_all()?;
    temp.persist(&target).map_err(|e| e.error)?;
    Ok(())
}

/// Writes a new file at `path` (its folder made if need be), atomically, never over a file
/// already there.
pub fn create(path: &Path, text: &str) -> std::io::Result<()> {
    let folder = path.parent().unwrap_or(Path::new("."));
    std::fs::create_dir_all(folder)?;
    let mut temp = tempfile::Builder::new().prefix(".boucle-").suffix(".tmp").tempfile_in(folder)?;
    std::io::Write::write_all(&mut temp, text.as_bytes())?;
    temp.as_file().sync_all()?;
    temp.persist_noclobber(path).map_err(|e| e.error)?;
    Ok(())
}

/// A unified diff of `before` and `after`, named `name` (empty when they are equal).
pub fn diff(name: &str, before: &str, after: &str) -> String {
    if before == after {
        return String::new();
    }
    // A byte-order mark both keep is how the file is stored, not what changed.
    let (before, after) = match (before.strip_prefix('\u{feff}'), after.strip_prefix('\u{feff}')) {
        (Some(before), Some(after)) => (before, after),
        _ => (before, after),
    };
    let diff = TextDiff::from_lines(before, after).unified_diff().context_radius(2).header(name, name).to_string();
    displayable(&diff)
}

/// Text from a catalogue file as it may reach a terminal: every character that could drive or
/// spoof it is replaced by U+FFFD. A CRLF line ending is how the file is stored, not what it
/// says: its `\r` is left out, so that a Windows file's diff reads as any other's.
fn displayable(text: &str) -> String {
    let mut shown = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\r' && matches!(chars.peek(), Some('\n') | None) {
            continue;
        }
        let unsafe_char = (c.is_control() && c != '\n' && c != '\t')
            || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{200B}'..='\u{200F}' | '\u{FEFF}');
        shown.push(if unsafe_char { '\u{FFFD}' } else { c });
    }
    shown
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `check --fix` on a file saved by a Windows editor: its diff lines end as any file's,
    /// without a replacement character for each `\r`, and a lone `\r` is still neutralised.
    #[test]
    fn a_crlf_file_with_a_bom_diffs_cleanly() {
        let before = "\u{feff}GoodPractice(\r\n    sumary: \"a\",\r\n)\r\n";
        let after = "\u{feff}GoodPractice(\r\n    summary: \"a\",\r\n)\r\n";
        let shown = diff("x.ron", before, after);
        assert!(shown.contains("-    sumary: \"a\",\n+    summary: \"a\",\n"), "{shown}");
        assert!(shown.contains(" GoodPractice(\n"), "{shown}");
        assert!(!shown.contains('\u{FFFD}') && !shown.contains('\r'), "{shown}");
        assert_eq!(displayable("a\rb\u{feff}\r\n"), "a\u{FFFD}b\u{FFFD}\n");
    }

    /// The form opened on a file; an editor (or `git pull`) wrote it meanwhile: saving the
    /// form must not silently throw that away.
    #[test]
    fn a_file_changed_since_it_was_read_is_not_written_over() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("entry.ron");
        std::fs::write(&path, "read by the form").unwrap();
        replace_from(&path, "the form's text", Some("read by the form")).unwrap();
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "the form's text");
        std::fs::write(&path, "an editor's change").unwrap();
        let refused = replace_from(&path, "the form's second text", Some("the form's text")).unwrap_err();
        assert!(refused.get_ref().is_some_and(|inner| inner.is::<ChangedMeanwhile>()), "{refused:?}");
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "an editor's change");
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1, "no temporary file left");
    }
}
