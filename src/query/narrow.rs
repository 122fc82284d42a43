//! What the previous search on this thread found for each of its words, reused by the next
//! search: while typing, a query changes one word at a time (`terres r` → `terres ra`), so the
//! words that did not change are not looked up again, and a word that grew (`magn` →
//! `magne`) is looked up only among the dictionary words the shorter one matched, instead of
//! the whole dictionary.
//!
//! When a longer word matches only dictionary words the shorter one matched: a word that
//! starts with `w` starts with any start of `w`; and a word within one typo of a start of the
//! longer word is within one typo of a start of `w` (drop the extra letters from the
//! alignment; `matching::tests` checks it on `prefix_within_one` itself). But words of fewer
//! than five letters match without typos: `magne` (5) may match `magnt…` with a typo where
//! `magn` (4) matched only `magn…`. So a word narrows another only if typos were allowed for
//! the shorter one too, or are not allowed for the longer one. Otherwise the lookup is fresh.
//!
//! Entries are then found through the postings of those dictionary words, which hold only
//! entries of the shorter word: narrowing the entries too would need a forward index, and
//! would save nothing once the words are known. Results are the same as a fresh search's
//! (`tests/it/query_narrowing.rs`).
//!
//! Searches run on a pool's workers (`ui::search_pool`), so what is kept is one set of words per
//! worker, never per session: in a room, the last search on a worker is often another
//! session's, whose words narrow only when they happen to (the results stay a fresh search's:
//! `tests/it/search_pool.rs`).

use std::cell::RefCell;
use std::sync::Arc;

use super::matching::{Quality, typo_allowed};

/// One query word's matches.
#[derive(Clone)]
pub(super) struct WordMatch {
    pub word: String,
    /// The dictionary words it matches, with how well.
    pub terms: Arc<[(u32, Quality)]>,
    /// Per entry having one of them: its best field weight × match quality. Empty when the
    /// word was read only at the entries having the query's other words (`every.rs`): then
    /// only its dictionary words are kept, for a longer word to narrow. A vector behind the
    /// `Arc`, not a slice: at 1M a common word's list is megabytes, which turning the vector
    /// it is collected in into a slice copied, on new pages, at every key.
    pub entries: Arc<Vec<(u32, u16)>>,
    /// Whether `entries` are all the word's entries.
    pub whole: bool,
}

impl WordMatch {
    /// A word whose entries were not all read: its dictionary words alone.
    pub fn terms_only(word: &str, terms: Arc<[(u32, Quality)]>) -> WordMatch {
        WordMatch { word: word.to_string(), terms, entries: Arc::new(Vec::new()), whole: false }
    }
}

/// The words of the last search on this thread, for one engine and catalogue size.
#[derive(Default)]
struct Last {
    engine: u64,
    n: usize,
    words: Vec<WordMatch>,
}

/// How many word entries are kept per catalogue entry: two common words (at 1M, `recyclage`
/// and `aimant` have 400–600k entries each) are both kept, so typing the second does not look
/// the first up again. Eight bytes each: at most 32 MB per search thread at 1M, 3 MB at 100k.
const KEPT_PER_ENTRY: usize = 4;

thread_local! {
    static LAST: RefCell<Last> = RefCell::new(Last::default());
}

/// The word matches of the last search on this thread with engine `engine` over `n` entries
/// (none if the last search was with another engine or size).
pub(super) fn previous(engine: u64, n: usize) -> Vec<WordMatch> {
    LAST.with(|last| {
        let mut last = last.borrow_mut();
        if last.engine == engine && last.n == n { std::mem::take(&mut last.words) } else { Vec::new() }
    })
}

/// Keeps `words` for the next search, as long as they hold no more than [`KEPT_PER_ENTRY`]
/// times `n` entries in all; the largest are dropped first.
pub(super) fn keep(engine: u64, n: usize, mut words: Vec<WordMatch>) {
    words.sort_by_key(|w| w.entries.len());
    let mut total = 0;
    words.retain(|w| {
        total += w.entries.len();
        total <= KEPT_PER_ENTRY * n.max(1024)
    });
    LAST.with(|last| *last.borrow_mut() = Last { engine, n, words });
}

/// A session's words, carried from one worker to the next by the pool (`super::carried`).
#[derive(Default)]
pub(super) struct Kept(Last);

/// Swaps `kept` with this thread's words.
pub(super) fn swap(kept: &mut Kept) {
    LAST.with(|last| std::mem::swap(&mut *last.borrow_mut(), &mut kept.0));
}

/// Lets the largest words go until `kept` holds no more than `most` word entries.
pub(super) fn trim(kept: &mut Kept, most: usize) {
    let mut total = 0;
    kept.0.words.retain(|w| {
        total += w.entries.len();
        total <= most
    });
}

/// Whether every dictionary word `longer` matches is matched by `shorter`.
pub(super) fn narrows(shorter: &str, longer: &str) -> bool {
    longer.len() > shorter.len() && longer.starts_with(shorter) && (typo_allowed(shorter) || !typo_allowed(longer))
}
