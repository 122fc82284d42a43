//! The index builder's dictionary: each distinct folded word once, numbered in order of first
//! sight. The words are kept end to end in one buffer, each with its hash: a new word costs no
//! allocation of its own, a lookup hashes the word once, and merging another builder's words
//! reuses the hashes it computed (the dictionary was about a fifth of an uncached load's CPU).

use hashbrown::HashTable;

use crate::text::same_bytes;

#[derive(Default)]
pub(super) struct Words {
    /// Word numbers, placed by their words' hashes, with where each word is in `text`: a lookup
    /// reads the candidate's text without first reading `ends`.
    table: HashTable<Slot>,
    /// Every word, end to end.
    text: String,
    /// Where each word ends in `text` (it starts where the previous one ends).
    ends: Vec<u32>,
    hashes: Vec<u64>,
}

#[derive(Clone, Copy)]
struct Slot {
    n: u32,
    start: u32,
    end: u32,
}

fn hash(word: &str) -> u64 {
    xxhash_rust::xxh3::xxh3_64(word.as_bytes())
}

impl Words {
    pub(super) fn len(&self) -> usize {
        self.ends.len()
    }

    /// Word number `n`.
    pub(super) fn get(&self, n: u32) -> &str {
        word(&self.text, &self.ends, n)
    }

    /// The number of `word`, and whether it is new.
    pub(super) fn intern(&mut self, word: &str) -> (u32, bool) {
        self.intern_hashed(hash(word), word)
    }

    /// [`Words::intern`] for a word whose hash is known.
    pub(super) fn intern_hashed(&mut self, hash: u64, word: &str) -> (u32, bool) {
        let Words { table, text, ends, hashes } = self;
        let candidate = |s: &Slot| text.as_bytes().get(s.start as usize..s.end as usize);
        let found = table.find(hash, |s| candidate(s).is_some_and(|known| same_bytes(known, word.as_bytes())));
        if let Some(slot) = found {
            return (slot.n, false);
        }
        let n = ends.len() as u32;
        let start = text.len() as u32;
        text.push_str(word);
        let end = u32::try_from(text.len()).expect("the index's words hold under 4 GB of text");
        ends.push(end);
        hashes.push(hash);
        table.insert_unique(hash, Slot { n, start, end }, |s| hashes[s.n as usize]);
        (n, true)
    }

    /// Each word with its hash, in number order.
    pub(super) fn iter(&self) -> impl Iterator<Item = (u64, &str)> {
        (0..self.len() as u32).map(|n| (self.hashes[n as usize], self.get(n)))
    }
}

fn word<'a>(text: &'a str, ends: &[u32], n: u32) -> &'a str {
    let n = n as usize;
    let start = if n == 0 { 0 } else { ends[n - 1] as usize };
    &text[start..ends[n] as usize]
}

#[cfg(test)]
mod tests {
    use super::Words;
    use proptest::prelude::*;
    use std::collections::HashMap;

    proptest! {
        /// Numbered as a map from each word to its order of first sight numbers them, in one
        /// dictionary or in two merged (the builder's threads), and each number gives its word
        /// back.
        #[test]
        fn words_are_numbered_in_order_of_first_sight(
            seen in prop::collection::vec(prop::collection::vec("[a-dé]{0,4}", 0..40), 1..4),
        ) {
            let mut naive: HashMap<&str, u32> = HashMap::new();
            let mut order: Vec<&str> = Vec::new();
            for word in seen.iter().flatten() {
                naive.entry(word).or_insert_with(|| { order.push(word); order.len() as u32 - 1 });
            }
            let parts: Vec<Words> = seen.iter().map(|part| {
                let mut words = Words::default();
                part.iter().for_each(|w| { words.intern(w); });
                words
            }).collect();
            let mut merged = Words::default();
            for part in &parts {
                for (hash, word) in part.iter() {
                    merged.intern_hashed(hash, word);
                }
            }
            prop_assert_eq!(merged.len(), order.len());
            for (n, word) in order.iter().enumerate() {
                prop_assert_eq!(merged.get(n as u32), *word);
                prop_assert_eq!(merged.intern(word), (n as u32, false));
            }
        }
    }
}
