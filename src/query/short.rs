//! Dense per-entry scores for short query words (one to four letters). Such a word is a prefix
//! of a large share of the dictionary: its search would read postings for most of the catalogue,
//! scattered over many words, and write its per-entry best score at random places. At 1M
//! entries a common start (`rec`, `eco`: two or three postings per entry) took 25–30 ms that
//! way, against 8 ms for one pass over a dense array. For the prefixes whose postings cover many
//! entries, the index keeps the best score of every entry instead, half a byte each, read in
//! one sequential pass. Words of fewer than five letters never match with a typo, so the best
//! score is the best field weight × (exact or prefix) over the prefix's dictionary words, as
//! `search::select` computes it from postings.

use super::fields::{FIELD_MASKS, Field, posting_best_field, posting_entry, posting_mask};
use super::lists::{Postings, Terms};
use super::matching::{Quality, typo_allowed};
use super::slab::Slab;

/// Prefixes of at most this many characters get a dense array (five allow typos).
const MAX_CHARS: usize = 4;
/// ... if their postings number at least a quarter of the entries: below that, reading the
/// postings costs less than a pass over every entry.
const MIN_POSTINGS_SHARE: usize = 4;
/// At most this many arrays (half a byte per entry each: 80 MB at 1M entries, 8 MB at 100k),
/// the largest first. At 1M the 160th has about 0.6 postings per entry.
const MAX_ARRAYS: usize = 160;
/// Codes per byte: a code is 4 bits (0, or one of at most 14 scores).
const PER_BYTE: usize = 2;
const _: () = assert!(2 * Field::ALL.len() < 16, "a code must fit in 4 bits");

/// Per chosen short prefix, per entry, the code of its best score (0: the entry has no word
/// starting with the prefix), two entries per byte (the even entry in the low half).
#[derive(Default, rkyv::Archive, rkyv::Serialize, rkyv::Deserialize)]
#[rkyv(deserialize_bounds(__D: super::slab::Viewing))]
pub(super) struct ShortPrefixes {
    /// Sorted, for binary search.
    prefixes: Vec<Box<str>>,
    codes: Vec<Slab<u8>>,
    /// The scores a code stands for: code `c > 0` is `scores[c - 1]`; ascending, so that the
    /// best code is the best score.
    scores: Vec<u16>,
}

/// The code of entry `e` in a packed array.
#[cfg(test)]
fn code_of(codes: &[u8], e: usize) -> u8 {
    (codes[e / PER_BYTE] >> (4 * (e % PER_BYTE))) & 0xF
}

/// Every score a posting can give a word that matches without a typo, ascending.
fn possible_scores() -> Vec<u16> {
    let mut scores: Vec<u16> = Field::ALL
        .iter()
        .flat_map(|f| [Quality::Exact, Quality::Prefix].map(|q| (f.weight() * q.factor()) as u16))
        .collect();
    scores.sort_unstable();
    scores.dedup();
    scores
}

impl ShortPrefixes {
    /// Whether these arrays (read back from the cache) fit a catalogue of `n` entries.
    pub fn fits(&self, n: usize) -> bool {
        self.prefixes.len() == self.codes.len()
            && self.prefixes.is_sorted()
            && self.codes.iter().all(|codes| {
                codes.len() == n.div_ceil(PER_BYTE)
                    && codes.all_parts(|part| {
                        part.iter().all(|&c| usize::from(c & 0xF).max(usize::from(c >> 4)) <= self.scores.len())
                    })
            })
    }

    /// From the sorted dictionary and its postings, for a catalogue of `n` entries, on
    /// `threads` threads.
    pub fn build(terms: &Terms, postings: &Postings, n: usize, threads: usize) -> ShortPrefixes {
        let scores = possible_scores();
        // (postings, chars, range of dictionary words) of every prefix of 1 or 2 characters.
        let mut candidates: Vec<(usize, usize, usize, usize)> = Vec::new();
        for chars in 1..=MAX_CHARS {
            let mut t = 0;
            while t < terms.len() {
                let Some(prefix) = first_chars(&terms[t], chars) else {
                    t += 1;
                    continue;
                };
                let end = t + terms.partition_point_from(t, |term| term.starts_with(prefix));
                let volume = postings.volume(t..end);
                if volume * MIN_POSTINGS_SHARE >= n {
                    candidates.push((volume, chars, t, end));
                }
                t = end;
            }
        }
        candidates.sort_unstable_by_key(|c| std::cmp::Reverse(c.0));
        candidates.truncate(MAX_ARRAYS);
        let array = |&(_, chars, start, end): &(usize, usize, usize, usize)| {
            let prefix = first_chars(&terms[start], chars)?;
            // A byte per entry while the postings are read, packed two to a byte after: the
            // half-byte's shifts and masks per posting were most of this build's instructions.
            let mut best = vec![0u8; n];
            for t in start..end {
                let quality = if &terms[t] == prefix { Quality::Exact } else { Quality::Prefix };
                let q = quality.factor();
                // The code of each mask of fields at this quality (its heaviest field's), looked
                // up per posting rather than searched (the search per posting was a sixth of an
                // uncached load's instructions).
                let by_field =
                    Field::ALL.map(|f| scores.binary_search(&((f.weight() * q) as u16)).map_or(0, |i| i as u8 + 1));
                let mut by_mask = [0u8; FIELD_MASKS];
                for (mask, code) in by_mask.iter_mut().enumerate().skip(1) {
                    *code = by_field[posting_best_field(mask as u32) as usize];
                }
                for &p in postings[t].iter() {
                    if let Some(slot) = best.get_mut(posting_entry(p)) {
                        *slot = (*slot).max(by_mask[posting_mask(p)]);
                    }
                }
            }
            let codes: Vec<u8> =
                best.chunks(PER_BYTE).map(|pair| pair[0] | pair.get(1).map_or(0, |odd| odd << 4)).collect();
            Some((Box::<str>::from(prefix), Slab::from(codes)))
        };
        // Each array on its own: shared between the threads, every other one
        // to each thread (the largest come first, so the shares are even).
        let threads = threads.min(candidates.len()).max(1);
        let mut chosen: Vec<(Box<str>, Slab<u8>)> = std::thread::scope(|scope| {
            let handles: Vec<_> = (1..threads)
                .map(|t| {
                    let (candidates, array) = (&candidates, &array);
                    scope
                        .spawn(move || candidates.iter().skip(t).step_by(threads).filter_map(array).collect::<Vec<_>>())
                })
                .collect();
            let mut chosen: Vec<_> = candidates.iter().step_by(threads).filter_map(array).collect();
            for handle in handles {
                chosen.extend(handle.join().expect("short prefix thread"));
            }
            chosen
        });
        chosen.sort_unstable_by(|a, b| a.0.cmp(&b.0));
        let (prefixes, codes) = chosen.into_iter().unzip();
        ShortPrefixes { prefixes, codes, scores }
    }

    /// The per-entry codes of `word` (a folded query word), if it has them (two per byte).
    pub fn codes(&self, word: &str) -> Option<&[u8]> {
        if typo_allowed(word) {
            return None;
        }
        self.prefixes.binary_search_by(|p| p.as_ref().cmp(word)).ok().map(|i| &*self.codes[i])
    }

    /// The score of a code other than 0.
    #[inline]
    pub fn score(&self, code: u8) -> u16 {
        self.scores[usize::from(code) - 1]
    }
}

/// The first `chars` characters of `term`, if it has that many.
fn first_chars(term: &str, chars: usize) -> Option<&str> {
    let mut ends = term.char_indices().map(|(i, c)| i + c.len_utf8());
    ends.nth(chars - 1).map(|end| &term[..end])
}

#[cfg(test)]
mod tests {
    use super::super::Engine;
    use crate::load::{CatalogueSource, load};

    /// Every dense array holds, per entry, the score its prefix's postings give it.
    #[test]
    fn dense_scores_are_the_scores_postings_give() {
        let folder = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/catalogue");
        let catalogue = load(&CatalogueSource::Folders(vec![folder.into()])).catalogue;
        let engine = Engine::new(&catalogue);
        let n = engine.len();
        let short = &engine.short;
        assert!(short.prefixes.len() >= 10, "{} dense prefixes", short.prefixes.len());
        // Prefixes of three and four letters too, where the fixture has enough of them.
        assert!(short.prefixes.iter().any(|p| p.chars().count() > 2), "{:?}", short.prefixes);
        let mut best = vec![0u16; n];
        for (prefix, codes) in short.prefixes.iter().zip(&short.codes) {
            let from_postings = engine.word_entries(prefix, engine.matching_terms(prefix), n, &mut best);
            let mut expected = vec![0u16; n];
            from_postings.entries.iter().for_each(|&(e, s)| expected[e as usize] = s);
            // Postings count every word there spelled right; a short word always is.
            let spelled_right = super::super::matching::SPELLED_RIGHT as u16;
            let dense: Vec<u16> = (0..n)
                .map(|e| match super::code_of(codes, e) {
                    0 => 0,
                    c => short.score(c) + spelled_right,
                })
                .collect();
            assert_eq!(dense, expected, "prefix {prefix:?}");
        }
    }
}
