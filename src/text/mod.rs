//! Text from catalogue files is written by strangers: it is cleaned once, at load, into
//! [`SafeString`], the only string type the model exposes for catalogue text. Everything
//! downstream (terminal UI, `check` output, exports) can then print it without re-checking.

use serde::de::Deserializer;
use serde::{Deserialize, Serialize, Serializer};
use std::fmt;
use unicode_width::UnicodeWidthChar;

mod clusters;
mod local;
mod same;
mod scan;
mod units;
pub mod visible;
pub use clusters::{is_presentation, joins_emoji};
pub use local::{Label, LocalText, Prose, SafeStr};
pub use same::same_bytes;
pub use units::keep_units_together;

/// How many zero-width marks may follow one visible character. Real scripts need at most
/// a handful (Vietnamese stacks two or three); more is only ever an attack on the layout.
const MAX_COMBINING_RUN: usize = 4;

/// Whether a text may keep its line breaks.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Lines {
    /// Titles, names, ids: line breaks become spaces.
    Single,
    /// Descriptions and notes: line breaks are kept.
    Multi,
}

/// A string cleaned of anything that could drive or spoof a terminal: C0/C1 controls and DEL
/// are removed (tabs become spaces), bidi controls and zero-width characters are removed (but
/// for the ZWJ inside an emoji), runs of combining marks are capped, and nothing is left that
/// ratatui would count as zero columns (a combining mark that starts a line). Emoji lose what
/// makes terminals draw them at another width than ratatui counts (see `text/clusters.rs`).
#[derive(
    Clone, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, rkyv::Archive, rkyv::Serialize, rkyv::Deserialize,
)]
#[rkyv(bytecheck(verify))]
pub struct SafeString(Box<str>);

/// A text read back from the catalogue cache is checked against what cleaning leaves
/// ([`is_sanitized`]) while the archive is validated, before anything reads it: a cache file
/// with valid checksums may still have been written by someone else (a shared CI cache, a
/// restored home), and xxh3 is no signature. Any text that fails refuses the whole cache.
// SAFETY (of the `unsafe impl`): `verify` returns Ok only when the invariant holds; it reads
// the string only through the archived `str`, whose UTF-8 and bounds bytecheck has checked.
unsafe impl<C> rkyv::bytecheck::Verify<C> for ArchivedSafeString
where
    C: rkyv::rancor::Fallible + ?Sized,
    C::Error: rkyv::rancor::Source,
{
    fn verify(&self, _: &mut C) -> Result<(), C::Error> {
        if is_sanitized(self.0.as_ref()) { Ok(()) } else { rkyv::rancor::fail!(Unclean) }
    }
}

/// A value that no load could have made (a text not as cleaning leaves it, a malformed id,
/// address or date), found in a catalogue cache: one that was tampered with.
#[derive(Debug)]
pub struct Unclean;

impl fmt::Display for Unclean {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a value no load could have made (a text not cleaned, a malformed id, address or date)")
    }
}

impl std::error::Error for Unclean {}

/// Whether `text` is as [`sanitize`] leaves a text that may span lines (a one-line text is
/// one too): the invariant of every [`SafeString`] and every version of a [`LocalText`], which
/// the catalogue cache's reader checks. Text of printable ASCII and line ends, the bulk of a
/// catalogue, is checked a byte at a time; other text a character at a time, and only text
/// with combining marks or emoji is cleaned again to compare.
pub fn is_sanitized(text: &str) -> bool {
    // The bytes of text that is clean whatever their order: printable ASCII, line ends, and
    // the characters U+00C0–U+02FF (lead bytes C3–CB, and continuation bytes), Latin letters
    // with their accents and spacing modifiers, none of them a control, a format character
    // or zero columns wide. Catalogue text in French or English is checked here, by a table.
    const QUICK: [bool; 256] = {
        let mut table = [false; 256];
        let mut b = 0x20;
        while b < 0x7f {
            table[b] = true;
            b += 1;
        }
        table[b'\n' as usize] = true;
        let mut b = 0x80;
        while b <= 0xbf {
            table[b] = true;
            b += 1;
        }
        let mut b = 0xc3;
        while b <= 0xcb {
            table[b] = true;
            b += 1;
        }
        table
    };
    text.bytes().all(|b| QUICK[usize::from(b)]) || is_clean(text, Lines::Multi) || sanitize(text, Lines::Multi) == text
}

impl SafeString {
    pub fn new(raw: &str, lines: Lines) -> Self {
        SafeString(sanitize(raw, lines).into_boxed_str())
    }

    /// Like [`SafeString::new`], keeping the string's own buffer when it is already clean (the
    /// common case, which then costs one scan and no copy).
    pub fn from_string(raw: String, lines: Lines) -> Self {
        let clean = if is_clean(&raw, lines) { raw } else { sanitize(&raw, lines) };
        SafeString(clean.into_boxed_str())
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    pub fn is_empty(&self) -> bool {
        self.0.trim().is_empty()
    }
}

impl fmt::Display for SafeString {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl AsRef<str> for SafeString {
    fn as_ref(&self) -> &str {
        &self.0
    }
}

impl Serialize for SafeString {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.0)
    }
}

fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{200E}' | '\u{200F}' | '\u{061C}')
}

fn is_invisible(c: char) -> bool {
    matches!(c, '\u{200B}'..='\u{200D}' | '\u{2060}' | '\u{FEFF}' | '\u{00AD}')
}

/// Whether a character may be shown as typed: not a control, bidi control or invisible
/// character. For text typed into the interface, which is checked a character at a time.
pub fn is_displayable(c: char) -> bool {
    !(c.is_control() || is_bidi_control(c) || is_invisible(c))
}

/// Whether a character typed into the interface is taken: displayable, and drawn at the width
/// counted for it (no VS16 or skin tone).
pub fn is_typeable(c: char) -> bool {
    is_displayable(c) && !is_presentation(c)
}

/// The first character of a file's text that is removed when it is shown (a control, bidi
/// control or invisible character; tabs and line ends are kept), with its byte offset: a
/// curator should know that what the file says is not what readers will see. Scans bytes and
/// decodes only the lead bytes such characters can start with, so a catalogue load barely
/// notices it.
pub fn first_cleaned(text: &str) -> Option<(usize, char)> {
    // The bytes such a character can start with: C0 controls but tab and line ends, DEL, and
    // the UTF-8 lead bytes of C1 controls and U+00AD (C2), U+061C (D8), U+200B–U+206F (E2)
    // and U+FEFF (EF).
    const SUSPECT: [bool; 256] = {
        let mut table = [false; 256];
        let mut b = 0;
        while b < 0x20 {
            table[b] = !matches!(b, 0x09 | 0x0A | 0x0D);
            b += 1;
        }
        table[0x7F] = true;
        table[0xC2] = true;
        table[0xD8] = true;
        table[0xE2] = true;
        table[0xEF] = true;
        table
    };
    let bytes = text.as_bytes();
    let mut from = 0;
    loop {
        // Blocks of harmless bytes at once, then the next block a byte at a time.
        from = scan::harmless_until(bytes, from);
        let block = &bytes[from..(from + 16).min(bytes.len())];
        let Some(offset) = block.iter().position(|&b| SUSPECT[usize::from(b)]) else {
            if block.is_empty() {
                return None;
            }
            from += block.len();
            continue;
        };
        let at = from + offset;
        let c = text.get(at..).and_then(|rest| rest.chars().next())?;
        if !is_displayable(c) && !matches!(c, '\t' | '\n' | '\r') && !is_kept_zwj(text, at, c) {
            return Some((at, c));
        }
        from = at + 1;
    }
}

/// Whether the character at `at` is a ZWJ that `sanitize` keeps inside an emoji.
fn is_kept_zwj(text: &str, at: usize, c: char) -> bool {
    let before = text[..at].chars().rev().find(|&b| !clusters::is_emoji_modifier(b));
    let after = text[at + c.len_utf8()..].chars().next();
    c == clusters::ZWJ && before.zip(after).is_some_and(|(b, a)| joins_emoji(b, a))
}

/// Whether `sanitize` would leave `raw` as it is. Conservative: a combining mark sends the
/// text through `sanitize`, which keeps it unless the run is too long.
fn is_clean(raw: &str, lines: Lines) -> bool {
    if lines == Lines::Single && raw.trim().len() != raw.len() {
        return false;
    }
    let plain = scan::plain_prefix(raw.as_bytes(), lines == Lines::Multi);
    raw[plain..].chars().all(|c| match c {
        ' '..='~' => true,
        '\n' => lines == Lines::Multi,
        c if c.is_ascii() => false,
        c => {
            is_displayable(c)
                && !matches!(c, '\u{2028}' | '\u{2029}')
                && c.width() != Some(0)
                && !clusters::is_emoji_modifier(c)
        }
    })
}

/// Cleans `raw` as described on [`SafeString`]. Public so that messages quoting raw input
/// (diagnostics) can apply the same rules.
pub fn sanitize(raw: &str, lines: Lines) -> String {
    let mut out = String::with_capacity(raw.len());
    let mut combining_run = 0usize;
    let mut zero_width_kept = false;
    let mut chars = raw.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            ' '..='~' => {
                combining_run = 0;
                out.push(c);
            }
            '\t' => {
                out.push_str(if lines == Lines::Multi { "    " } else { " " });
                combining_run = 0;
            }
            '\r' => {
                // CRLF and lone CR both end a line.
                if chars.peek() != Some(&'\n') {
                    push_newline(&mut out, lines);
                }
            }
            '\n' | '\u{2028}' | '\u{2029}' | '\u{0085}' => {
                push_newline(&mut out, lines);
                combining_run = 0;
            }
            clusters::ZWJ => {
                if clusters::keeps_zwj(&out, chars.peek().copied()) {
                    out.push(c);
                }
            }
            c if is_presentation(c) => {}
            c if c.is_control() || is_bidi_control(c) || is_invisible(c) => {}
            c if c.width() == Some(0) => {
                combining_run += 1;
                if combining_run <= MAX_COMBINING_RUN {
                    out.push(c);
                    zero_width_kept = true;
                }
            }
            c => {
                combining_run = 0;
                out.push(c);
            }
        }
    }
    // Trimming can uncover a mark that sat on a space, and dropping a cluster can uncover
    // spaces: repeat until neither changes the text (each round shortens it).
    loop {
        let before = out.len();
        if lines == Lines::Single && out.trim().len() != out.len() {
            out = out.trim().to_string();
        }
        if zero_width_kept && clusters::has_zero_width_cluster(&out) {
            out = clusters::drop_zero_width_clusters(&out);
        }
        if out.len() == before {
            return out;
        }
    }
}

fn push_newline(out: &mut String, lines: Lines) {
    match lines {
        Lines::Multi => out.push('\n'),
        Lines::Single => out.push(' '),
    }
}

/// `text` cut to `width` terminal columns, ending with `…` where it was cut. Wide characters
/// count as two columns, combining marks as none. Cut between clusters: half an emoji sequence
/// would end in a ZWJ that joins the `…` to it.
pub fn fit(text: &str, width: usize) -> String {
    use unicode_segmentation::UnicodeSegmentation;
    use unicode_width::UnicodeWidthStr;
    if text.width() <= width {
        return text.to_string();
    }
    let mut out = String::new();
    let mut used = 0;
    for cluster in text.graphemes(true) {
        let w = cluster.width();
        if used + w + 1 > width {
            break;
        }
        out.push_str(cluster);
        used += w;
    }
    if width > 0 {
        out.push('…');
    }
    out
}

/// The interface and content languages.
#[derive(
    Clone,
    Copy,
    Debug,
    PartialEq,
    Eq,
    Hash,
    Serialize,
    PartialOrd,
    Ord,
    rkyv::Archive,
    rkyv::Serialize,
    rkyv::Deserialize,
)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    Fr,
    En,
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::Fr, Lang::En];

    pub fn code(self) -> &'static str {
        match self {
            Lang::Fr => "fr",
            Lang::En => "en",
        }
    }

    pub fn other(self) -> Lang {
        match self {
            Lang::Fr => Lang::En,
            Lang::En => Lang::Fr,
        }
    }

    pub fn from_code(code: &str) -> Option<Lang> {
        match code.to_ascii_lowercase().as_str() {
            "fr" => Some(Lang::Fr),
            "en" => Some(Lang::En),
            _ => None,
        }
    }

    /// Reads a locale such as `fr_FR.UTF-8`; anything not French is English.
    pub fn from_locale(locale: &str) -> Lang {
        if locale.to_ascii_lowercase().starts_with("fr") { Lang::Fr } else { Lang::En }
    }
}

/// A one-line language-neutral text (tags, place names, short names).
#[derive(
    Clone, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, rkyv::Archive, rkyv::Serialize, rkyv::Deserialize,
)]
pub struct Line(pub SafeString);

impl<'de> Deserialize<'de> for Line {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let raw = String::deserialize(d)?;
        Ok(Line(SafeString::from_string(raw, Lines::Single)))
    }
}

impl Serialize for Line {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        self.0.serialize(s)
    }
}

impl Line {
    pub fn as_str(&self) -> &str {
        self.0.as_str()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escape_sequences_lose_their_escape() {
        let clean = sanitize("a\u{1b}]0;pwned\u{7}b\u{1b}[31mred", Lines::Single);
        assert!(!clean.chars().any(|c| c.is_control()), "{clean:?}");
        assert!(clean.starts_with('a'));
    }

    #[test]
    fn single_line_text_folds_newlines_and_multi_line_keeps_them() {
        assert_eq!(sanitize("one\r\ntwo\tthree", Lines::Single), "one two three");
        assert_eq!(sanitize("one\r\ntwo\tthree", Lines::Multi), "one\ntwo    three");
    }

    #[test]
    fn bidi_and_zero_width_are_removed_and_accents_kept() {
        assert_eq!(sanitize("Bé\u{202E}thu\u{200B}ne\u{2066}", Lines::Single), "Béthune");
        assert_eq!(sanitize("e\u{301}", Lines::Single), "e\u{301}");
    }

    #[test]
    fn clean_text_is_kept_and_dirty_text_is_cleaned() {
        for raw in ["Béthune-Bruay", "a\u{1b}[31mb", " padded ", "line\nbreak", "e\u{301}", "x\u{202e}y", "中文"] {
            for lines in [Lines::Single, Lines::Multi] {
                assert_eq!(SafeString::from_string(raw.to_string(), lines).as_str(), sanitize(raw, lines), "{raw:?}");
            }
        }
    }

    /// What cleaning leaves passes the check; what it would change does not, whichever path
    /// (the byte table, the character scan, cleaning again) decides.
    #[test]
    fn the_cache_check_accepts_exactly_what_cleaning_leaves() {
        let samples = [
            "Béthune-Bruay: a former coal-mining area",
            "Ελληνικά κείμενα",
            "e\u{301} accent combining",
            "line\nbreak",
            "emoji 👩\u{200d}🔬 joined",
            "ǅ ʰ ˈ modifiers",
            "a\u{1b}]0;x\u{7}",
            "rlo\u{202e}",
            "nel\u{85}",
            "c1\u{9b}",
            "soft\u{ad}hyphen",
            "zwsp\u{200b}",
            "\u{301}leading mark",
            "tab\tcr\r",
            "vs16 ❤\u{fe0f}",
        ];
        for raw in samples {
            let clean = sanitize(raw, Lines::Multi);
            assert!(is_sanitized(&clean), "{clean:?}");
            assert_eq!(is_sanitized(raw), clean == raw, "{raw:?}");
        }
    }

    #[test]
    fn combining_runs_are_capped() {
        let raw = format!("a{}b", "\u{301}".repeat(10_000));
        let clean = sanitize(&raw, Lines::Single);
        assert_eq!(clean.chars().count(), 2 + MAX_COMBINING_RUN);
    }

    #[test]
    fn fitting_counts_columns_not_bytes() {
        assert_eq!(fit("Béthune", 7), "Béthune");
        assert_eq!(fit("Béthune-Bruay", 7), "Béthun…");
        assert_eq!(fit("中文中文", 5), "中文…");
        assert_eq!(fit("abc", 0), "");
    }

    #[test]
    fn falls_back_to_the_other_language() {
        let only_fr = Label::only(Lang::Fr, "Aimants");
        assert_eq!(only_fr.get(Lang::En), "Aimants");
        let both = Label::both("Aimants", "Magnets");
        assert_eq!(both.get(Lang::En), "Magnets");
        assert_eq!(both.get(Lang::Fr), "Aimants");
    }
}
