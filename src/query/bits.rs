//! Sets of entry indices, as bitsets.

use std::ops::Range;

/// A set of entry indices.
#[derive(Clone, Debug, PartialEq, Eq, rkyv::Archive, rkyv::Serialize, rkyv::Deserialize)]
pub(super) struct Bits(Vec<u64>);

impl Bits {
    /// How many 64-bit words the set holds.
    pub fn words(&self) -> usize {
        self.0.len()
    }

    pub fn empty(n: usize) -> Bits {
        Bits(vec![0; n.div_ceil(64)])
    }

    pub fn full(n: usize) -> Bits {
        let mut b = Bits(vec![u64::MAX; n.div_ceil(64)]);
        if !n.is_multiple_of(64)
            && let Some(last) = b.0.last_mut()
        {
            *last = (1u64 << (n % 64)) - 1;
        }
        b
    }

    #[inline]
    pub fn insert(&mut self, i: usize) {
        self.0[i / 64] |= 1 << (i % 64);
    }

    pub fn and(&mut self, other: &Bits) {
        self.0.iter_mut().zip(&other.0).for_each(|(a, b)| *a &= b);
    }

    pub fn or(&mut self, other: &Bits) {
        self.0.iter_mut().zip(&other.0).for_each(|(a, b)| *a |= b);
    }

    pub fn and_not(&mut self, other: &Bits) {
        self.0.iter_mut().zip(&other.0).for_each(|(a, b)| *a &= !b);
    }

    #[inline]
    pub fn contains(&self, i: usize) -> bool {
        self.0.get(i / 64).is_some_and(|w| w & (1 << (i % 64)) != 0)
    }

    /// How many entries both sets hold, without building their intersection.
    pub fn and_count(&self, other: &Bits) -> usize {
        self.0.iter().zip(&other.0).map(|(a, b)| (a & b).count_ones() as usize).sum()
    }

    pub fn count(&self) -> usize {
        self.0.iter().map(|w| w.count_ones() as usize).sum()
    }

    pub fn for_each(&self, f: impl FnMut(usize)) {
        self.for_each_in(0..self.0.len(), f);
    }

    /// [`Bits::for_each`] over the entries of the 64-bit words `words` only.
    pub fn for_each_in(&self, words: Range<usize>, mut f: impl FnMut(usize)) {
        let end = words.end.min(self.0.len());
        let start = words.start.min(end);
        for (i, &word) in self.0[start..end].iter().enumerate() {
            let mut w = word;
            while w != 0 {
                f((start + i) * 64 + w.trailing_zeros() as usize);
                w &= w - 1;
            }
        }
    }

    /// [`Bits::count`] over the 64-bit words `words` only.
    pub fn count_in(&self, words: Range<usize>) -> usize {
        let end = words.end.min(self.0.len());
        let start = words.start.min(end);
        self.0[start..end].iter().map(|w| w.count_ones() as usize).sum()
    }

    /// [`Bits::and_count`] over the 64-bit words `words` only.
    pub fn and_count_in(&self, other: &Bits, words: Range<usize>) -> usize {
        let end = words.end.min(self.0.len()).min(other.0.len());
        let start = words.start.min(end);
        self.0[start..end].iter().zip(&other.0[start..end]).map(|(a, b)| (a & b).count_ones() as usize).sum()
    }

    /// The 64-bit words, to be split between the parts of a search (`split.rs`).
    pub fn words_mut(&mut self) -> &mut [u64] {
        &mut self.0
    }
}
