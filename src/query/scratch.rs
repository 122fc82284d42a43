//! Per-thread scratch arrays for searches, kept between searches: at 1M entries a search
//! needs about 8 MB of per-entry arrays, and allocating them fresh each keystroke cost their
//! zeroing and page faults every time (perf: `clear_page_erms` under the search). Arrays come
//! back zeroed where they were written (a sparse reset over the entries a search touched), so
//! the next search finds them all zero. The engine is shared across sessions and threads;
//! each thread has its own scratch: one per search pool worker (`ui::search_pool`), not per
//! session.

use std::cell::RefCell;

use super::bits::Bits;
use super::split;

/// When more than one entry in this many was written (half), the whole arrays are zeroed.
const DENSE_RESET: usize = 2;

#[derive(Default)]
pub(super) struct Scratch {
    pub best: Vec<u16>,
    pub scores: Vec<u32>,
    pub word_masks: Vec<u16>,
}

thread_local! {
    static POOL: RefCell<Scratch> = RefCell::new(Scratch::default());
}

/// Arrays of `n` zeros (taken from this thread's pool when they fit).
pub(super) fn take(n: usize) -> Scratch {
    let mut scratch = POOL.with(|pool| std::mem::take(&mut *pool.borrow_mut()));
    for_each_array(&mut scratch, n);
    scratch
}

fn for_each_array(scratch: &mut Scratch, n: usize) {
    if scratch.best.len() != n {
        scratch.best = vec![0; n];
    }
    if scratch.scores.len() != n {
        scratch.scores = vec![0; n];
    }
    if scratch.word_masks.len() != n {
        scratch.word_masks = vec![0; n];
    }
}

/// Gives arrays back, zeroing the entries in `written` (every entry a search may have set).
/// `best` is zero already: the search resets it after each word.
/// One part of the entries per thread (`split.rs`).
pub(super) fn give_back(mut scratch: Scratch, written: &Bits) {
    debug_assert!(scratch.best.iter().all(|&b| b == 0));
    let n = scratch.scores.len().min(scratch.word_masks.len());
    let ranges = split::ranges(n);
    let scores = split::pieces(&mut scratch.scores[..n], &ranges, 1);
    let masks = split::pieces(&mut scratch.word_masks[..n], &ranges, 1);
    split::map(&ranges, |i, range| {
        let (Ok(mut scores), Ok(mut masks)) = (scores[i].lock(), masks[i].lock()) else {
            return;
        };
        let words = split::words(&range);
        if written.count_in(words.clone()) * DENSE_RESET > range.len() {
            // Most entries were written (a one-letter word): zeroing all is a plain memset,
            // cheaper than finding them one by one.
            scores.fill(0);
            masks.fill(0);
            return;
        }
        written.for_each_in(words, |e| {
            if let Some(s) = scores.get_mut(e - range.start) {
                *s = 0;
            }
            if let Some(m) = masks.get_mut(e - range.start) {
                *m = 0;
            }
        });
    });
    drop((scores, masks));
    POOL.with(|pool| *pool.borrow_mut() = scratch);
}
