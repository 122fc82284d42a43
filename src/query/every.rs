//! The entries having every word of a query, from the words' own lists: a word read from
//! postings has its entries in entry order with their scores (`narrow::WordMatch`), so the
//! entries having all of them are the intersection of those lists, started from the shortest
//! (at 1M, `recyclage aimant` is two lists of 300–500k entries, which the search used to write
//! into per-entry arrays, walk for ranking and zero again). A short word's dense codes
//! (`short.rs`) are read at each entry left. Ranking and counting then read only the
//! intersection, as a one-word search reads its list.

use super::engine::Engine;
use super::matching::SPELLED_RIGHT;

/// A list this many times longer than the entries left is searched (binary search from where
/// the last entry was found) rather than walked.
const GALLOP: usize = 8;

/// One query word's entries, as the search found them.
pub(super) enum Source<'a> {
    /// Entry order, with the word's best score in each (`SPELLED_RIGHT` included).
    List(&'a [(u32, u16)]),
    /// Half a byte per entry (`short.rs`).
    Dense(&'a [u8]),
}

impl Engine {
    /// The entries in every one of `sources` (at least one a list), with the sum of their
    /// scores, in entry order.
    pub(super) fn every(&self, sources: &[Source<'_>]) -> Vec<(u32, u32)> {
        let mut lists: Vec<&[(u32, u16)]> = sources
            .iter()
            .filter_map(|s| match s {
                Source::List(list) => Some(*list),
                Source::Dense(_) => None,
            })
            .collect();
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
        kept
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
