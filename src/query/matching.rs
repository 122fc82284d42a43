//! When one folded query word matches one folded word of an entry: the single definition the
//! index, the highlighter and the brute-force tests share.

use super::fields::posting_best_field;

/// How well a query word matches a word of the text, best first.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Quality {
    /// Within one typo (substitution, insertion, deletion or swap of neighbours) of the word or
    /// of one of its starts, with the first letter right; only for query words of
    /// [`TYPO_MIN_CHARS`] letters or more.
    Typo,
    /// The query word starts the word: `recyc` in `recyclage`.
    Prefix,
    /// The same word.
    Exact,
}

impl Quality {
    /// How much a match of this quality multiplies a field's weight.
    pub fn factor(self) -> u32 {
        match self {
            Quality::Exact => 10,
            Quality::Prefix => 7,
            Quality::Typo => 4,
        }
    }
}

/// Each query word matched exactly or as a start, not only by a typo, outranks any score from
/// fields and bonuses (at most 16 words × 1000 from fields, 15 × (800 + 300) from phrases, 100
/// fuzzy): typo matches rank after every exact and prefix match with as many words. Added to a
/// word's score per entry by the search's word selection; ranking's score per word is above 16
/// of them.
pub(crate) const SPELLED_RIGHT: u32 = 40_000;

/// Query words shorter than this (in characters) must match without a typo.
pub const TYPO_MIN_CHARS: usize = 5;

/// How `word` (a folded query word) matches `term` (a folded word of the text), if it does.
pub fn match_word(word: &str, term: &str) -> Option<Quality> {
    if term == word {
        Some(Quality::Exact)
    } else if term.starts_with(word) {
        Some(Quality::Prefix)
    } else if typo_allowed(word) && prefix_within_one(word, term) {
        Some(Quality::Typo)
    } else {
        None
    }
}

/// Matching for exclusions (`-word`): exact or prefix, never a typo.
pub fn match_exclusion(word: &str, term: &str) -> bool {
    term.starts_with(word)
}

pub(crate) fn typo_allowed(word: &str) -> bool {
    word.len() >= TYPO_MIN_CHARS && word.chars().count() >= TYPO_MIN_CHARS
}

/// Whether some start of `term` (possibly all of it) is within one edit of `word`, counting
/// the swap of two neighbouring characters as one edit.
pub(crate) fn prefix_within_one(word: &str, term: &str) -> bool {
    if word.is_ascii() && term.is_ascii() {
        prefix_within_one_slices(word.as_bytes(), term.as_bytes())
    } else {
        let w: Vec<char> = word.chars().collect();
        let t: Vec<char> = term.chars().collect();
        prefix_within_one_slices(&w, &t)
    }
}

fn prefix_within_one_slices<T: Eq>(w: &[T], t: &[T]) -> bool {
    let common = w.iter().zip(t).take_while(|(a, b)| a == b).count();
    // The first letter is the one people get right: a typo allowed there finds words the user
    // did not mean (`mining` would find `lining`). Search tools agree (Meilisearch counts a
    // first-letter typo as two); the first letter is also what one scans a list by.
    if common == 0 && !w.is_empty() {
        return false;
    }
    if common == w.len() {
        return true; // a plain prefix
    }
    let i = common;
    let starts = |a: &[T], b: &[T]| b.len() >= a.len() && a == &b[..a.len()];
    // The word's last character is extra (term ended, or the rest differs): deletion.
    if i + 1 == w.len() {
        return true;
    }
    // Substitution at i.
    if i < t.len() && starts(&w[i + 1..], &t[i + 1..]) {
        return true;
    }
    // An extra character in the word at i (deletion from the word).
    if starts(&w[i + 1..], &t[i..]) {
        return true;
    }
    // A missing character in the word at i (insertion into the word).
    if i < t.len() && starts(&w[i..], &t[i + 1..]) {
        return true;
    }
    // Two neighbours swapped.
    i + 1 < t.len() && w[i] == t[i + 1] && w[i + 1] == t[i] && starts(&w[i + 2..], &t[i + 2..])
}

/// In a word's best score per entry while its postings are read, set when the word is there
/// exactly or as a start (field scores are at most 1000, far below).
pub(super) const RIGHT_BIT: u16 = 1 << 15;

/// What a posting `p` of a dictionary word matching a query word this well (`quality`) sets
/// in the word's best score per entry while it is read (the larger value wins).
#[inline]
pub(super) fn posting_value(p: u32, quality: Quality) -> u16 {
    let right = if quality == Quality::Typo { 0 } else { RIGHT_BIT };
    (posting_best_field(p).weight() * quality.factor()) as u16 | right
}

/// A word's best score at an entry, as it adds up in the search's sum: the field score, plus
/// [`SPELLED_RIGHT`] where it is spelled right (at most 41,000 in all).
pub(super) fn spelled(best: u16) -> u16 {
    (best & !RIGHT_BIT) + if best & RIGHT_BIT != 0 { SPELLED_RIGHT as u16 } else { 0 }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn exact_prefix_and_typos() {
        assert_eq!(match_word("aimants", "aimants"), Some(Quality::Exact));
        assert_eq!(match_word("recyc", "recyclage"), Some(Quality::Prefix));
        assert_eq!(match_word("bethnue", "bethune"), Some(Quality::Typo)); // swap
        assert_eq!(match_word("bethune", "betune"), Some(Quality::Typo)); // extra letter
        assert_eq!(match_word("betune", "bethune"), Some(Quality::Typo)); // missing letter
        assert_eq!(match_word("bxthune", "bethune"), Some(Quality::Typo)); // substitution
        assert_eq!(match_word("recyk", "recyclage"), Some(Quality::Typo)); // typo in a prefix
        assert_eq!(match_word("bxthxne", "bethune"), None); // two typos
        assert_eq!(match_word("bton", "beton"), None); // too short for a typo
        assert_eq!(match_word("κοζαν", "κοζανη"), Some(Quality::Prefix));
        assert_eq!(match_word("κοζξνη", "κοζανη"), Some(Quality::Typo));
        // Never a typo in the first letter.
        assert_eq!(match_word("xethune", "bethune"), None);
        assert_eq!(match_word("ebthune", "bethune"), None);
        assert_eq!(match_word("ethune", "bethune"), None);
        assert_eq!(match_word("abethune", "bethune"), None);
    }

    proptest::proptest! {
        /// What narrowing (`narrow.rs`) rests on: a word that allows typos matches every
        /// text word that a longer word starting with it matches.
        #[test]
        fn a_start_of_a_word_matches_whatever_the_word_matches(
            word in "[abcé]{5,10}",
            cut in 5usize..10,
            term in "[abcé]{0,12}",
        ) {
            let shorter: String = word.chars().take(cut).collect();
            if typo_allowed(&shorter) && match_word(&word, &term).is_some() {
                proptest::prop_assert!(match_word(&shorter, &term).is_some(), "{shorter} / {word} / {term}");
            }
        }
    }
}
