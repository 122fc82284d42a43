//! How a search splits its passes over entries (dense short-word scores, ranking, facet counts,
//! the scratch reset) into contiguous ranges run on the pool's threads (`pool.rs`), and hands
//! each part its own slice of the per-entry arrays.
//!
//! Only large catalogues are split: a part has at least [`MIN_PART`] entries, so the bundled
//! catalogue (about 100 entries) and the 100k benchmark catalogue run on the caller's thread
//! alone, where waking a helper would cost more than the pass. Ranges start at multiples of 64
//! so that each part owns whole words of the entry bitsets. Every merge (sums of counts, the
//! best of the parts' best) gives exactly what one pass gives (`tests/it/query_parallel.rs`).

use std::cell::Cell;
use std::ops::Range;
use std::sync::Mutex;

use super::pool;

/// Entries per part, at least.
const MIN_PART: usize = 1 << 17;

thread_local! {
    /// Parts forced for the searches of this thread (tests and benchmarks only).
    static FORCED: Cell<Option<usize>> = const { Cell::new(None) };
}

/// Runs `f` with every search of this thread split into `parts` parts, whatever the size.
pub(super) fn with_parts<R>(parts: usize, f: impl FnOnce() -> R) -> R {
    let before = FORCED.with(|forced| forced.replace(Some(parts.max(1))));
    let result = f();
    FORCED.with(|forced| forced.set(before));
    result
}

/// The ranges of `0..n` the passes of a search are split into.
pub(super) fn ranges(n: usize) -> Vec<Range<usize>> {
    // A small catalogue never starts the pool's threads.
    let parts = FORCED
        .with(Cell::get)
        .unwrap_or_else(|| if n < 2 * MIN_PART { 1 } else { (n / MIN_PART).min(pool::threads()) });
    let words = n.div_ceil(64);
    let per = words.div_ceil(parts.max(1)).max(1);
    (0..parts).map(|p| ((p * per * 64).min(n))..(((p + 1) * per * 64).min(n))).filter(|r| !r.is_empty()).collect()
}

/// The words of a bitset over entries that hold `range`'s entries (`range.start` is a multiple
/// of 64).
pub(super) fn words(range: &Range<usize>) -> Range<usize> {
    range.start / 64..range.end.div_ceil(64)
}

/// `slice` cut at `ranges` (indices divided by `scale`), each piece behind its own lock, for
/// one part each: every part then writes its own piece, uncontended.
pub(super) fn pieces<'a, T>(mut slice: &'a mut [T], ranges: &[Range<usize>], scale: usize) -> Vec<Mutex<&'a mut [T]>> {
    let mut out = Vec::with_capacity(ranges.len());
    let mut at = 0;
    for range in ranges {
        let end = range.end.div_ceil(scale).min(at + slice.len());
        let (piece, rest) = std::mem::take(&mut slice).split_at_mut(end - at);
        out.push(Mutex::new(piece));
        slice = rest;
        at = end;
    }
    out
}

/// `part(range)` for each range of `ranges`, on the pool, in order of ranges.
pub(super) fn map<R: Send>(ranges: &[Range<usize>], part: impl Fn(usize, Range<usize>) -> R + Sync) -> Vec<R> {
    pool::map(ranges.len(), |i| part(i, ranges[i].clone()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ranges_cover_every_entry_once_on_word_boundaries() {
        for n in [0, 1, 63, 64, 65, 1000, 300_000, 1_000_000] {
            for parts in 1..9 {
                let ranges = with_parts(parts, || ranges(n));
                assert!(ranges.len() <= parts);
                let covered: Vec<usize> = ranges.iter().flat_map(|r| r.clone()).collect();
                assert_eq!(covered, (0..n).collect::<Vec<_>>(), "n {n}, {parts} parts");
                assert!(ranges.iter().all(|r| r.start % 64 == 0));
            }
        }
    }

    #[test]
    fn small_catalogues_are_not_split() {
        assert_eq!(ranges(100).len(), 1);
        assert_eq!(ranges(100_000).len(), 1);
    }
}
