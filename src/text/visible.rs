//! Text that came from outside, shown as it is without being able to act: a string an SSH
//! client chose (a user name, a refused command) on the facilitator's log, and a path given
//! on the command line in an error message. Unlike [`super::sanitize`], which removes what
//! catalogue text must not carry, these escape it, so that the reader sees what was sent.
//!
//! [`visible`] is OpenSSH's `strnvis` for a log: every control (C0, DEL, C1), format
//! (bidi, zero-width, soft hyphen…) and line or paragraph separator character is written as an
//! escape (`\x07`, `\u{202e}`), a backslash as `\\`, and the text is cut to a number of
//! characters with `…`. [`path`] quotes a path as GNU tools do in their messages: as it is
//! when it holds nothing to escape, else `$'…'` as a shell would read it back.

use std::borrow::Cow;
use std::fmt::Write;
use std::path::Path;

/// How many characters of one string from an SSH client the log shows: a user name (which
/// OpenSSH caps at 64 too), a refused command word, a subsystem's name.
pub const CLIENT_TEXT_MAX: usize = 64;

/// Whether `c` is one the reader must see as an escape rather than receive: a control
/// character, a format character (Unicode category Cf: bidi controls, zero-width characters,
/// the soft hyphen, tags) or a line or paragraph separator.
pub fn needs_escape(c: char) -> bool {
    c.is_control() || is_format(c) || matches!(c, '\u{2028}' | '\u{2029}')
}

/// Unicode's format characters (general category Cf, Unicode 15).
fn is_format(c: char) -> bool {
    matches!(
        c,
        '\u{00AD}'
            | '\u{0600}'..='\u{0605}'
            | '\u{061C}'
            | '\u{06DD}'
            | '\u{070F}'
            | '\u{0890}'..='\u{0891}'
            | '\u{08E2}'
            | '\u{180E}'
            | '\u{200B}'..='\u{200F}'
            | '\u{202A}'..='\u{202E}'
            | '\u{2060}'..='\u{2064}'
            | '\u{2066}'..='\u{206F}'
            | '\u{FEFF}'
            | '\u{FFF9}'..='\u{FFFB}'
            | '\u{110BD}'
            | '\u{110CD}'
            | '\u{13430}'..='\u{1343F}'
            | '\u{1BCA0}'..='\u{1BCA3}'
            | '\u{1D173}'..='\u{1D17A}'
            | '\u{E0001}'
            | '\u{E0020}'..='\u{E007F}'
    )
}

/// `raw` made visible and cut to `max_chars` of its characters (then ending with `…`): see
/// the module's doc. The result holds no character that [`needs_escape`].
pub fn visible(raw: &str, max_chars: usize) -> String {
    let mut out = String::with_capacity(raw.len().min(max_chars.saturating_mul(4)) + 4);
    for (taken, c) in raw.chars().enumerate() {
        if taken == max_chars {
            out.push('…');
            break;
        }
        match c {
            '\\' => out.push_str("\\\\"),
            c if needs_escape(c) => escape(&mut out, c),
            c => out.push(c),
        }
    }
    out
}

/// A string from an SSH client as the log shows it: [`visible`], cut to [`CLIENT_TEXT_MAX`].
pub fn client(raw: &str) -> String {
    visible(raw, CLIENT_TEXT_MAX)
}

/// A whole log line, as a last guard behind [`visible`]: what [`needs_escape`] is escaped,
/// the rest (backslashes included, which [`visible`] already wrote for the strings it showed)
/// is kept, so a line whose client strings went through [`visible`] comes out unchanged.
pub fn line(raw: &str) -> Cow<'_, str> {
    if !raw.chars().any(needs_escape) {
        return Cow::Borrowed(raw);
    }
    let mut out = String::with_capacity(raw.len() + 16);
    for c in raw.chars() {
        if needs_escape(c) { escape(&mut out, c) } else { out.push(c) }
    }
    Cow::Owned(out)
}

fn escape(out: &mut String, c: char) {
    let code = u32::from(c);
    let _ = if code < 0x100 { write!(out, "\\x{code:02x}") } else { write!(out, "\\u{{{code:04x}}}") };
}

/// A path for a message: as it is when every character of it can be shown, else quoted as
/// GNU tools quote it, `$'…'`, with controls and format characters escaped as a shell reads
/// them back (`\033`, `\a`, `\u202E`) and bytes that are not UTF-8 in octal.
pub fn path(path: &Path) -> Cow<'_, str> {
    let bytes = path.as_os_str().as_encoded_bytes();
    match std::str::from_utf8(bytes) {
        Ok(text) if !text.chars().any(needs_escape) => Cow::Borrowed(text),
        _ => Cow::Owned(shell_quoted(bytes)),
    }
}

/// `$'…'` for bytes that may not be UTF-8.
fn shell_quoted(bytes: &[u8]) -> String {
    let mut out = String::from("$'");
    for chunk in bytes.utf8_chunks() {
        for c in chunk.valid().chars() {
            match c {
                '\'' => out.push_str("\\'"),
                '\\' => out.push_str("\\\\"),
                '\x07' => out.push_str("\\a"),
                '\x08' => out.push_str("\\b"),
                '\t' => out.push_str("\\t"),
                '\n' => out.push_str("\\n"),
                '\x0b' => out.push_str("\\v"),
                '\x0c' => out.push_str("\\f"),
                '\r' => out.push_str("\\r"),
                c if u32::from(c) < 0x80 && needs_escape(c) => {
                    let _ = write!(out, "\\{:03o}", u32::from(c));
                }
                c if needs_escape(c) => {
                    let code = u32::from(c);
                    let _ = if code <= 0xFFFF { write!(out, "\\u{code:04X}") } else { write!(out, "\\U{code:08X}") };
                }
                c => out.push(c),
            }
        }
        for byte in chunk.invalid() {
            let _ = write!(out, "\\{byte:03o}");
        }
    }
    out.push('\'');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Each attack on a log line from the hostile tester's report, made visible.
    #[test]
    fn every_character_that_acts_on_a_terminal_is_shown_escaped() {
        let cases = [
            ("AAAA\u{8}\u{8}FAKE", "AAAA\\x08\\x08FAKE"),
            ("bell\u{7}", "bell\\x07"),
            ("v\u{b}t", "v\\x0bt"),
            ("f\u{c}f", "f\\x0cf"),
            ("del\u{7f}", "del\\x7f"),
            ("csi\u{9b}2J", "csi\\x9b2J"),
            ("nel\u{85}x", "nel\\x85x"),
            ("rlo\u{202e}cba", "rlo\\u{202e}cba"),
            ("esc\u{1b}]0;title\u{7}", "esc\\x1b]0;title\\x07"),
            ("line\nbreak\r", "line\\x0abreak\\x0d"),
            ("zero\u{200b}width\u{feff}", "zero\\u{200b}width\\u{feff}"),
            ("sep\u{2028}", "sep\\u{2028}"),
            ("back\\x07slash", "back\\\\x07slash"),
            ("Béthune 中文 🎉", "Béthune 中文 🎉"),
        ];
        for (raw, shown) in cases {
            assert_eq!(visible(raw, 100), shown, "{raw:?}");
            assert!(!visible(raw, 100).chars().any(needs_escape));
        }
    }

    #[test]
    fn long_strings_are_cut_with_an_ellipsis() {
        let huge = "a".repeat(200_000);
        let shown = client(&huge);
        assert_eq!(shown.chars().count(), CLIENT_TEXT_MAX + 1);
        assert!(shown.ends_with('…'));
        assert_eq!(client("fr"), "fr");
        // Escapes never multiply past ten bytes a character.
        assert!(client(&"\u{202e}".repeat(1000)).len() <= CLIENT_TEXT_MAX * 10 + 3);
    }

    #[test]
    fn paths_are_quoted_as_gnu_tools_quote_them() {
        assert_eq!(path(Path::new("out/handout.md")), "out/handout.md");
        assert_eq!(path(Path::new("dossier d'été/x.md")), "dossier d'été/x.md");
        assert_eq!(path(Path::new("x\u{1b}]0;t\u{7}/out.md")), "$'x\\033]0;t\\a/out.md'");
        assert_eq!(path(Path::new("it's\n\u{202e}")), "$'it\\'s\\n\\u202E'");
        #[cfg(unix)]
        {
            use std::os::unix::ffi::OsStrExt;
            let raw = Path::new(std::ffi::OsStr::from_bytes(b"a\xffb"));
            assert_eq!(path(raw), "$'a\\377b'");
        }
    }
}
