//! What a session's searches hand on to its next one, whichever thread runs it: the words its
//! last search found (`narrow.rs`) and its facet counts (`recount.rs`). Both are kept per thread,
//! which suits a worker of its own (the local dashboard); in a room, two workers serve 200
//! sessions in turn, so a worker's last search was nearly always another session's and a
//! letter typed was searched from scratch. The pool keeps one of these per seat and runs each
//! of the seat's searches with it (`ui::search_pool`): a letter typed narrows its session's
//! previous search again. Results stay a fresh search's (`tests/it/query_narrowing.rs`,
//! `tests/it/query_recount.rs`).

use super::{narrow, recount};

/// Word entries a session keeps between its searches at most (8 bytes each): a word of a few
/// letters matches a large part of a catalogue, and 200 sessions each keeping four times the
/// catalogue's entries (a thread's cap) would be 640 MB at 100k. Past this the largest words go,
/// and are looked up afresh.
pub const MOST_ENTRIES: usize = 32 * 1024;

#[derive(Default)]
pub struct Carried {
    words: narrow::Kept,
    counts: recount::Kept,
}

impl Carried {
    /// Runs `search` on this thread as if this session's previous search had been the thread's
    /// last, then takes back what it leaves for the next (the thread's own is put back).
    pub fn run<R>(&mut self, search: impl FnOnce() -> R) -> R {
        narrow::swap(&mut self.words);
        recount::swap(&mut self.counts);
        let answer = search();
        narrow::swap(&mut self.words);
        recount::swap(&mut self.counts);
        narrow::trim(&mut self.words, MOST_ENTRIES);
        answer
    }
}
