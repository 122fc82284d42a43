//! The dictionary's words and their postings, each list of lists laid end to end in one
//! [`Slab`] with the offsets where each item starts: the form the cache searches in place
//! (a list of boxes would be a box per word to decode), and one array to read in order.

use super::fields::posting_entry;
use super::slab::Slab;

/// Offsets into items: `offsets[i]..offsets[i + 1]` is item `i`.
#[derive(Default, rkyv::Archive, rkyv::Serialize, rkyv::Deserialize)]
#[rkyv(deserialize_bounds(__D: super::slab::Viewing))]
pub(super) struct Offsets(Slab<u32>);

impl Offsets {
    fn range(&self, i: usize) -> std::ops::Range<usize> {
        self.0[i] as usize..self.0[i + 1] as usize
    }

    fn count(&self) -> usize {
        self.0.len().saturating_sub(1)
    }

    /// Whether these offsets start at 0, never decrease, and end at `items` (their pages
    /// given back as they are checked: see [`Slab::all_parts`]).
    fn fit(&self, items: usize) -> bool {
        self.0.first() == Some(&0) && self.0.last().is_some_and(|&end| end as usize == items) && self.0.ascending()
    }
}

/// Items added one after another.
struct Growing<T> {
    offsets: Vec<u32>,
    items: Vec<T>,
}

impl<T> Growing<T> {
    fn with_capacity(lists: usize, items: usize) -> Growing<T> {
        let mut offsets = Vec::with_capacity(lists + 1);
        offsets.push(0);
        Growing { offsets, items: Vec::with_capacity(items) }
    }

    fn end_item(&mut self) {
        self.offsets.push(u32::try_from(self.items.len()).expect("the index's lists hold under 4 G items"));
    }
}

/// The dictionary: folded words, sorted, in one text.
#[derive(Default, rkyv::Archive, rkyv::Serialize, rkyv::Deserialize)]
#[rkyv(deserialize_bounds(__D: super::slab::Viewing))]
pub(super) struct Terms {
    offsets: Offsets,
    /// Every word's bytes, one after another (checked to be UTF-8 before use: [`Terms::fits`]).
    text: Slab<u8>,
}

impl Terms {
    /// From the words in order.
    pub fn new<'w>(words: impl ExactSizeIterator<Item = &'w str>) -> Terms {
        let mut growing = Growing::with_capacity(words.len(), words.len() * 8);
        for word in words {
            growing.items.extend_from_slice(word.as_bytes());
            growing.end_item();
        }
        Terms { offsets: Offsets(Slab::from(growing.offsets)), text: Slab::from(growing.items) }
    }

    /// From the words' bytes end to end and the offsets where each starts (0 first, the
    /// bytes' length last), as [`Terms::new`] lays them out.
    pub fn from_parts(offsets: Vec<u32>, text: Vec<u8>) -> Terms {
        Terms { offsets: Offsets(Slab::from(offsets)), text: Slab::from(text) }
    }

    pub fn len(&self) -> usize {
        self.offsets.count()
    }

    /// Word `i`; an empty word where the bytes are not a word (never in an index that
    /// [fits](Terms::fits)).
    #[inline]
    pub fn get(&self, i: usize) -> &str {
        std::str::from_utf8(&self.text[self.offsets.range(i)]).unwrap_or("")
    }

    /// The first word from `from` on for which `pred` is false, counted from `from` (as
    /// `words[from..].partition_point(pred)`), the words being partitioned by it.
    pub fn partition_point_from(&self, from: usize, mut pred: impl FnMut(&str) -> bool) -> usize {
        let (mut lo, mut hi) = (from, self.len());
        while lo < hi {
            let mid = lo + (hi - lo) / 2;
            if pred(self.get(mid)) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        lo - from
    }

    /// [`Terms::partition_point_from`] the first word.
    pub fn partition_point(&self, pred: impl FnMut(&str) -> bool) -> usize {
        self.partition_point_from(0, pred)
    }

    pub fn is_view(&self) -> bool {
        self.offsets.0.is_view() && self.text.is_view()
    }

    /// Whether these words (read back from a cache) are well formed: offsets in order within
    /// the text, every word UTF-8, and sorted.
    pub fn fits(&self) -> bool {
        let bytes = |i| &self.text[self.offsets.range(i)];
        // Bytes compare as their text does (UTF-8 keeps the order of code points).
        let fits = self.offsets.fit(self.text.len())
            && (0..self.len()).all(|i| std::str::from_utf8(bytes(i)).is_ok() && (i == 0 || bytes(i - 1) <= bytes(i)));
        // The words are a few thousand: checked whole, then given back together.
        self.offsets.0.release_all();
        self.text.release_all();
        fits
    }
}

impl std::ops::Index<usize> for Terms {
    type Output = str;

    #[inline]
    fn index(&self, i: usize) -> &str {
        self.get(i)
    }
}

/// Per word of the dictionary: its postings, in entry order.
#[derive(Default, rkyv::Archive, rkyv::Serialize, rkyv::Deserialize)]
#[rkyv(deserialize_bounds(__D: super::slab::Viewing))]
pub(super) struct Postings {
    offsets: Offsets,
    items: Slab<u32>,
}

impl Postings {
    /// From each word's postings, in dictionary order.
    pub fn new(lists: impl ExactSizeIterator<Item = Vec<u32>>, total: usize) -> Postings {
        let mut growing = Growing::with_capacity(lists.len(), total);
        for list in lists {
            growing.items.extend_from_slice(&list);
            growing.end_item();
        }
        Postings { offsets: Offsets(Slab::from(growing.offsets)), items: Slab::from(growing.items) }
    }

    /// From every word's postings end to end and the offsets where each word's start, as
    /// [`Postings::new`] lays them out.
    pub fn from_parts(offsets: Vec<u32>, items: Vec<u32>) -> Postings {
        Postings { offsets: Offsets(Slab::from(offsets)), items: Slab::from(items) }
    }

    pub fn len(&self) -> usize {
        self.offsets.count()
    }

    /// How many postings words `range` have together.
    pub fn volume(&self, range: std::ops::Range<usize>) -> usize {
        (self.offsets.0[range.end] - self.offsets.0[range.start]) as usize
    }

    /// Every posting, word after word.
    pub fn all(&self) -> &[u32] {
        &self.items
    }

    pub fn is_view(&self) -> bool {
        self.offsets.0.is_view() && self.items.is_view()
    }

    /// Whether these lists (read back from a cache) are well formed for a catalogue of `n`
    /// entries: offsets in order within the postings, each naming an entry below `n` (their
    /// pages given back as they are checked).
    pub fn fits(&self, n: usize) -> bool {
        self.offsets.fit(self.items.len()) && self.items.all_parts(|part| part.iter().all(|&p| posting_entry(p) < n))
    }
}

impl std::ops::Index<usize> for Postings {
    type Output = [u32];

    #[inline]
    fn index(&self, t: usize) -> &[u32] {
        &self.items[self.offsets.range(t)]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_and_postings_read_back_as_given() {
        let words = Terms::new(["aimant", "aimants", "recyclage", "été"].into_iter());
        assert_eq!(words.len(), 4);
        assert_eq!((0..words.len()).map(|i| &words[i]).collect::<Vec<_>>(), ["aimant", "aimants", "recyclage", "été"]);
        assert_eq!(&words[3], "été");
        assert_eq!(words.partition_point(|w| w < "aimants"), 1);
        assert_eq!(words.partition_point_from(1, |w| w.starts_with("aim")), 1);
        assert!(words.fits());
        let postings = Postings::new([vec![1, 2], vec![], vec![7]].into_iter(), 3);
        assert_eq!((&postings[0], &postings[1], &postings[2]), (&[1, 2][..], &[][..], &[7][..]));
        assert_eq!(postings.volume(0..3), 3);
        let named = |e| crate::query::fields::posting(e, 1);
        let postings = Postings::new([vec![named(1), named(2)], vec![], vec![named(7)]].into_iter(), 3);
        assert!(postings.fits(8));
        assert!(!postings.fits(7), "a posting names entry 7");
    }
}
