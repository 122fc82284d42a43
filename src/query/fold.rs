//! Accent- and case-folding and tokenising, shared by the index, the highlighter and the tests.
//!
//! Folding maps each character of the original text to zero or more folded characters
//! (`É` → `e`, `œ` → `oe`, `ﬃ` → `ffi`, a combining accent → nothing), so a token keeps the byte range of
//! its original text and a folded prefix can be mapped back to original bytes: highlight
//! ranges are always byte ranges on character boundaries of the displayed string.

use std::ops::Range;

/// Folds one character, already lowercased, to its unaccented form. Returns the folded text
/// as up to two chars (the second `'\0'` when unused), or `None` to drop the character.
fn fold_lower(c: char) -> Option<(char, char)> {
    let one = |x| Some((x, '\0'));
    match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ă' | 'ą' => one('a'),
        'ç' | 'ć' | 'ĉ' | 'ċ' | 'č' => one('c'),
        'ď' | 'đ' | 'ð' => one('d'),
        'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ĕ' | 'ė' | 'ę' | 'ě' => one('e'),
        'ĝ' | 'ğ' | 'ġ' | 'ģ' => one('g'),
        'ĥ' | 'ħ' => one('h'),
        'ì' | 'í' | 'î' | 'ï' | 'ĩ' | 'ī' | 'ĭ' | 'į' | 'ı' => one('i'),
        'ĵ' => one('j'),
        'ķ' => one('k'),
        'ĺ' | 'ļ' | 'ľ' | 'ŀ' | 'ł' => one('l'),
        'ñ' | 'ń' | 'ņ' | 'ň' => one('n'),
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'ŏ' | 'ő' => one('o'),
        'ŕ' | 'ŗ' | 'ř' => one('r'),
        'ś' | 'ŝ' | 'ş' | 'š' | 'ș' => one('s'),
        'ţ' | 'ť' | 'ŧ' | 'ț' => one('t'),
        'ù' | 'ú' | 'û' | 'ü' | 'ũ' | 'ū' | 'ŭ' | 'ů' | 'ű' | 'ų' => one('u'),
        'ŵ' => one('w'),
        'ý' | 'ÿ' | 'ŷ' => one('y'),
        'ź' | 'ż' | 'ž' => one('z'),
        'œ' => Some(('o', 'e')),
        'æ' => Some(('a', 'e')),
        'ß' => Some(('s', 's')),
        'þ' => Some(('t', 'h')),
        // Greek: tonos and dialytika, and the final sigma.
        'ά' => one('α'),
        'έ' => one('ε'),
        'ή' => one('η'),
        'ί' | 'ϊ' | 'ΐ' => one('ι'),
        'ό' => one('ο'),
        'ύ' | 'ϋ' | 'ΰ' => one('υ'),
        'ώ' => one('ω'),
        'ς' => one('σ'),
        c if is_combining(c) => None,
        c => one(c),
    }
}

/// Combining diacritical marks: part of the word they follow, folded to nothing.
fn is_combining(c: char) -> bool {
    matches!(c, '\u{0300}'..='\u{036F}' | '\u{1AB0}'..='\u{1AFF}' | '\u{1DC0}'..='\u{1DFF}' | '\u{20D0}'..='\u{20FF}')
}

/// Whether `c` belongs to a word.
fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
}

/// Appends the folded form of `c` to `out`.
#[inline]
pub(crate) fn push_folded(c: char, out: &mut String) {
    if c.is_ascii() {
        out.push(c.to_ascii_lowercase());
        return;
    }
    match Known::of(c) {
        Some(known) => out.push_str(known.folded()),
        None => push_folded_slowly(c, out),
    }
}

/// [`push_folded`] through Unicode's tables, for characters outside [`Known`]'s: the
/// character's compatibility decomposition (NFKD's: `ﬁ` → `fi`, `ﬃ` → `ffi`, `Ｒ` → `R`, `²` →
/// `2`, `é` → `e` and its accent), each part lowercased and unaccented, so that a title typed
/// with a ligature or full-width letters is found by the plain word and the reverse. A letter's
/// parts that are neither letters nor marks (`ŀ` → `l·`, `½` → `1⁄2`) are dropped: a word
/// folds to a word.
fn push_folded_slowly(c: char, out: &mut String) {
    if c.is_ascii() {
        out.push(c.to_ascii_lowercase());
        return;
    }
    let word = is_word_char(c);
    unicode_normalization::char::decompose_compatible(c, |part| {
        if word && !is_word_char(part) && !unicode_normalization::char::is_combining_mark(part) {
            return;
        }
        for lower in part.to_lowercase() {
            if let Some((a, b)) = fold_lower(lower) {
                out.push(a);
                if b != '\0' {
                    out.push(b);
                }
            }
        }
    });
}

/// Characters below this have their folding and word class in a table (Latin, IPA, combining
/// marks, Greek, Cyrillic): the catalogue's accented letters then cost one lookup instead of
/// Unicode's lowercase and alphanumeric tables (folding was about 4.5 % of an uncached load).
const KNOWN_BELOW: u32 = 0x500;

/// What the table keeps of a character: where its folded form is in the table's text, and
/// whether it is part of a word. Built from `push_folded_slowly`, `is_word_char` and
/// `is_combining`, so it says exactly what they say.
#[derive(Clone, Copy)]
struct Known {
    start: u16,
    len: u8,
    word: bool,
    combining: bool,
}

/// The known characters, and their folded forms end to end: a folded form is a slice of text
/// already checked, where copying it out of a byte array checked its UTF-8 once per character.
struct Table {
    known: Box<[Option<Known>]>,
    text: String,
}

static KNOWN: std::sync::LazyLock<Table> = std::sync::LazyLock::new(|| {
    let mut text = String::new();
    let known = (0..KNOWN_BELOW)
        .map(|code| {
            let c = char::from_u32(code)?;
            let start = text.len();
            push_folded_slowly(c, &mut text);
            let len = u8::try_from(text.len() - start).ok()?;
            Some(Known { start: u16::try_from(start).ok()?, len, word: is_word_char(c), combining: is_combining(c) })
        })
        .collect();
    Table { known, text }
});

impl Known {
    #[inline]
    fn of(c: char) -> Option<Known> {
        if (c as u32) < KNOWN_BELOW { KNOWN.known[c as usize] } else { None }
    }

    #[inline]
    fn folded(self) -> &'static str {
        let start = usize::from(self.start);
        KNOWN.text.get(start..start + usize::from(self.len)).unwrap_or_default()
    }
}

/// Whether `c` starts a word, and whether it continues one.
#[inline]
fn word_class(c: char) -> (bool, bool) {
    match Known::of(c) {
        Some(known) => (known.word, known.word || known.combining),
        None => {
            let word = is_word_char(c);
            (word, word || is_combining(c))
        }
    }
}

/// Folds a whole string: lowercase, accents removed, every other character kept.
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        push_folded(c, &mut out);
    }
    out
}

/// One word of a text: its byte range in the original text and its folded form.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Token {
    pub range: Range<usize>,
    pub folded: String,
}

/// Calls `f(range, folded)` for each word of `text`, reusing one buffer. Words are runs of
/// letters and digits (with the combining marks that follow them); anything else separates.
pub fn for_each_token(text: &str, f: impl FnMut(Range<usize>, &str)) {
    for_each_token_in(text, &mut String::new(), f);
}

/// [`for_each_token`] folding into `folded`, a buffer the caller keeps from one text to the
/// next (the index builder tokenises millions of short texts).
pub(crate) fn for_each_token_in(text: &str, folded: &mut String, mut f: impl FnMut(Range<usize>, &str)) {
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        // Skip to the start of a word.
        let b = bytes[i];
        if b < 0x80 {
            if !b.is_ascii_alphanumeric() {
                i += 1;
                continue;
            }
        } else {
            let c = text[i..].chars().next().unwrap_or(' ');
            if !word_class(c).0 {
                i += c.len_utf8();
                continue;
            }
        }
        let start = i;
        folded.clear();
        while i < bytes.len() {
            let b = bytes[i];
            if b < 0x80 {
                // A run of ASCII letters and digits is copied at once, then lowercased.
                let run = i;
                while i < bytes.len() && bytes[i].is_ascii_alphanumeric() {
                    i += 1;
                }
                if i == run {
                    break;
                }
                let from = folded.len();
                folded.push_str(&text[run..i]);
                folded[from..].make_ascii_lowercase();
            } else {
                // One lookup for the character's class and its folded form.
                let c = text[i..].chars().next().unwrap_or(' ');
                match Known::of(c) {
                    Some(known) if known.word || known.combining => folded.push_str(known.folded()),
                    Some(_) => break,
                    None if word_class(c).1 => push_folded_slowly(c, folded),
                    None => break,
                }
                i += c.len_utf8();
            }
        }
        if !folded.is_empty() {
            f(start..i, folded);
        }
    }
}

/// The words of `text`, folded, with their original byte ranges.
pub fn tokens(text: &str) -> Vec<Token> {
    let mut out = Vec::new();
    for_each_token(text, |range, folded| out.push(Token { range, folded: folded.to_string() }));
    out
}

/// The original byte end of the shortest start of `original` whose folded form is at least
/// `folded_len` bytes long, extended over any following combining marks. Never splits a char.
pub fn original_end_for_folded_prefix(original: &str, folded_len: usize) -> usize {
    let mut buffer = String::new();
    let mut chars = original.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        push_folded(c, &mut buffer);
        if buffer.len() >= folded_len {
            let mut end = i + c.len_utf8();
            while let Some(&(j, next)) = chars.peek() {
                if !is_combining(next) {
                    break;
                }
                end = j + next.len_utf8();
                chars.next();
            }
            return end;
        }
    }
    original.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_accents_case_and_ligatures() {
        assert_eq!(fold("Béthune-Bruay"), "bethune-bruay");
        assert_eq!(fold("ŒUVRE Straße"), "oeuvre strasse");
        assert_eq!(fold("Κοζάνη"), "κοζανη");
        assert_eq!(fold("e\u{301}te\u{301}"), "ete");
    }

    /// Compatibility forms fold as NFKD does: ligatures, full-width and superscript letters
    /// and digits are the plain ones; a letter's parts that are no letter are dropped.
    #[test]
    fn folds_compatibility_forms() {
        assert_eq!(fold("ﬁlière ＲＡＷ４ＲＥＳ ﬃ m²"), "filiere raw4res ffi m2");
        assert_eq!(fold("Ｂéｔｈｕｎｅ"), "bethune");
        assert_eq!(fold("ŀl"), "ll");
        let t = tokens("La ﬁlière ＲＡＷ４ＲＥＳ");
        let words: Vec<&str> = t.iter().map(|t| t.folded.as_str()).collect();
        assert_eq!(words, ["la", "filiere", "raw4res"]);
        assert_eq!(t[1].range, 3.."La ﬁlière".len());
        assert_eq!(t[2].range.len(), "ＲＡＷ４ＲＥＳ".len());
    }

    #[test]
    fn tokens_keep_original_byte_ranges() {
        let text = "Aimants, l'économie «circulaire» e\u{301}t";
        let t = tokens(text);
        let words: Vec<&str> = t.iter().map(|t| t.folded.as_str()).collect();
        assert_eq!(words, ["aimants", "l", "economie", "circulaire", "et"]);
        assert_eq!(&text[t[2].range.clone()], "économie");
        assert_eq!(&text[t[4].range.clone()], "e\u{301}t");
    }

    /// The table of known characters says what Unicode's tables say, for every character it
    /// holds and the first ones past it.
    #[test]
    fn the_table_folds_as_unicode_does() {
        for c in (0..KNOWN_BELOW + 0x100).filter_map(char::from_u32) {
            let (mut fast, mut slow) = (String::new(), String::new());
            push_folded(c, &mut fast);
            push_folded_slowly(c, &mut slow);
            assert_eq!(fast, slow, "{c:?} folded");
            assert_eq!(word_class(c), (is_word_char(c), is_word_char(c) || is_combining(c)), "{c:?}'s class");
        }
        assert_eq!(fold("İSTANBUL Ǆ Ἀθῆναι"), "istanbul dz αθηναι");
    }

    #[test]
    fn folded_prefixes_map_to_char_boundaries() {
        assert_eq!(original_end_for_folded_prefix("Écrans", 1), "É".len());
        assert_eq!(original_end_for_folded_prefix("œuvre", 1), "œ".len());
        assert_eq!(original_end_for_folded_prefix("e\u{301}t", 1), "e\u{301}".len());
        assert_eq!(original_end_for_folded_prefix("abc", 10), 3);
        // A ligature is one character: a prefix ending inside it takes it whole.
        assert_eq!(original_end_for_folded_prefix("ﬃx", 2), "ﬃ".len());
        assert_eq!(original_end_for_folded_prefix("ﬃx", 4), "ﬃx".len());
        assert_eq!(original_end_for_folded_prefix("ＲＡＷ", 2), "ＲＡ".len());
    }
}
