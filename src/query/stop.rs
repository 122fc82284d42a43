//! Words too common to narrow a search. With every word of a query required, `recyclage des
//! aimants` would otherwise need `des`, which nearly every French text has and a title often
//! lacks, and a lone article (`de`, `the`) would match the whole catalogue by its starts. They
//! are dropped from a query that has other words, and kept when it has nothing else (`the`
//! alone still searches). Folded forms (`d'` and `l'` fold to `d` and `l`), sorted for binary
//! search: French and English, the interface's two languages.

const STOP_WORDS: &[&str] = &[
    "a", "an", "and", "au", "aux", "d", "de", "des", "du", "en", "et", "for", "in", "l", "la", "le", "les", "of", "on",
    "or", "ou", "par", "pour", "sur", "the", "to", "un", "une",
];

/// Whether `word` (folded) is a stop word.
pub fn is_stop_word(word: &str) -> bool {
    STOP_WORDS.binary_search(&word).is_ok()
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_list_is_sorted_and_folded() {
        assert!(super::STOP_WORDS.is_sorted(), "binary search needs it sorted");
        for word in super::STOP_WORDS {
            assert_eq!(super::super::fold(word), *word);
        }
    }
}
