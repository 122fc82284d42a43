//! The entries having every word of a query, from the words' own lists: a word read from
//! postings has its entries in entry order with their scores (`narrow::WordMatch`), so the
//! entries having all of them are the intersection of those lists, started from the shortest
//! (at 1M, `recyclage aimant` is two lists of 300–500k entries, which the search used to write
//! into per-entry arrays, walk for ranking and zero again). A short word's dense codes
//! (`short.rs`) are read at each entry left. Ranking and counting then read only the
//! intersection, as a one-word search reads its list.
//!
//! A word whose list is not at hand (the word being typed) is not read whole: its postings are
//! read only at the entries left (a bit test before each write, or for a dictionary word with
//! many more postings than entries left, a search of its postings for each of them), and no
//! pass over the whole catalogue collects them. At 1M, reading `circul` whole wrote most of a
//! million postings into the per-entry bests and scanned a million entries, at every key of
//! `economie circul…`, for an intersection with `economie`'s list that keeps a fraction.

use super::bits::Bits;
use super::engine::Engine;
use super::fields::posting_entry;
use super::matching::{Quality, SPELLED_RIGHT, posting_value, spelled};

/// A list this many times longer than the entries left is searched (binary search from where
/// the last entry was found) rather than walked.
const GALLOP: usize = 8;

/// One query word's entries, as the search found them.
pub(super) enum Source<'a> {
    /// Entry order, with the word's best score in each (`SPELLED_RIGHT` included).
    List(&'a [(u32, u16)]),
    /// Half a byte per entry (`short.rs`).
    Dense(&'a [u8]),
    /// The dictionary words the word matches, with how well: read at the entries left.
    Terms(&'a [(u32, Quality)]),
}

impl Engine {
    /// The entries in every one of `sources` (at least one a list), with the sum of their
    /// scores, in entry order. `best` (the per-entry scratch, all zeros) is left all zeros.
    pub(super) fn every(&self, sources: &[Source<'_>], best: &mut [u16]) -> Vec<(u32, u32)> {
        let mut lists: Vec<&[(u32, u16)]> = Vec::new();
        let mut reads: Vec<&[(u32, Quality)]> = Vec::new();
        for source in sources {
            match source {
                Source::List(list) => lists.push(list),
                Source::Terms(terms) => reads.push(terms),
                Source::Dense(_) => {}
            }
        }
        lists.sort_by_key(|l| l.len());
        let Some((shortest, others)) = lists.split_first() else { return Vec::new() };
        let mut kept: Vec<(u32, u32)> = shortest.iter().map(|&(e, s)| (e, u32::from(s))).collect();
        for list in others {
            if kept.is_empty() {
                break;
            }
            keep_in_list(&mut kept, list);
        }
        for source in sources {
            if let Source::Dense(codes) = source {
                kept.retain_mut(|(e, score)| {
                    let e = *e as usize;
                    let code = codes.get(e / 2).map_or(0, |byte| (byte >> (4 * (e % 2))) & 0xF);
                    // A word of fewer than five letters never matches by a typo.
                    *score += if code == 0 { 0 } else { u32::from(self.short.score(code)) + SPELLED_RIGHT };
                    code != 0
                });
            }
        }
        // The fewest postings first: each read leaves fewer entries for the next.
        reads.sort_by_key(|terms| self.volume(terms));
        for terms in reads {
            if kept.is_empty() {
                break;
            }
            self.keep_having(&mut kept, terms, best);
        }
        kept
    }

    /// Keeps in `kept` the entries having one of `terms` (a query word's dictionary words),
    /// adding the word's best score there; reads the postings only at those entries.
    fn keep_having(&self, kept: &mut Vec<(u32, u32)>, terms: &[(u32, Quality)], best: &mut [u16]) {
        let n = best.len();
        let mut within: Option<Bits> = None;
        for &(t, quality) in terms {
            let postings = &self.postings[t as usize];
            if postings.len() > GALLOP * kept.len() {
                let mut j = 0;
                for &(e, _) in kept.iter() {
                    let e = e as usize;
                    j += postings[j..].partition_point(|&p| posting_entry(p) < e);
                    match postings.get(j) {
                        Some(&p) if posting_entry(p) == e => {
                            best[e] = best[e].max(posting_value(p, quality));
                            j += 1;
                        }
                        Some(_) => {}
                        None => break,
                    }
                }
            } else {
                let within = within.get_or_insert_with(|| {
                    let mut bits = Bits::empty(n);
                    kept.iter().for_each(|&(e, _)| bits.insert(e as usize));
                    bits
                });
                for &p in postings {
                    let e = posting_entry(p);
                    if within.contains(e) {
                        best[e] = best[e].max(posting_value(p, quality));
                    }
                }
            }
        }
        kept.retain_mut(|(e, score)| {
            let b = std::mem::take(&mut best[*e as usize]);
            *score += u32::from(spelled(b));
            b != 0
        });
    }
}

/// Keeps in `kept` the entries of `list` (both in entry order), adding their scores there.
fn keep_in_list(kept: &mut Vec<(u32, u32)>, list: &[(u32, u16)]) {
    let gallop = list.len() > GALLOP * kept.len();
    let mut j = 0;
    kept.retain_mut(|(e, score)| {
        if gallop {
            j += list[j..].partition_point(|&(x, _)| x < *e);
        } else {
            while j < list.len() && list[j].0 < *e {
                j += 1;
            }
        }
        match list.get(j) {
            Some(&(x, s)) if x == *e => {
                *score += u32::from(s);
                j += 1;
                true
            }
            _ => false,
        }
    });
}
