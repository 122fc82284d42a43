//! Ranking: a score per matched entry from the words it has, their fields and the phrase in
//! its title; a bounded heap of the best; a finer score of those few (phrases in other fields,
//! fuzzy title match); highlights of the hits.

use std::cmp::Reverse;
use std::collections::BinaryHeap;
use std::ops::Range;

use super::bits::Bits;
use super::engine::{Engine, NO_TERM};
use super::fields::{Field, searchable};
use super::fold::{self, for_each_token};
use super::matching::{Quality, SPELLED_RIGHT, match_word};
use super::search::{self, Matched};
use super::split;
use super::{Facet, Hit};
use crate::model::Entries;
use crate::text::Lang;

/// Each additional query word matched outranks any score from fields and bonuses, and so any
/// sum of [`SPELLED_RIGHT`]s (16 of them stay below it).
const PER_WORD: i64 = 1_000_000;
const _: () = assert!(16 * SPELLED_RIGHT as i64 + 16 * 1000 + 15 * 1100 + 100 < PER_WORD);

/// Whether an entry with these words (`mask`) and this selection score has a word only by a
/// typo: fewer words spelled right than words.
fn has_typo_only_word(mask: u16, score: u32) -> bool {
    score / SPELLED_RIGHT < mask.count_ones()
}
/// Bonus for two consecutive query words found next to each other, in order, in a title...
const PHRASE_TITLE: u32 = 800;
/// ...and in the summary, tags, place or organisation names.
const PHRASE_OTHER: u32 = 300;
/// The fuzzy title score (fuzzy-matcher's units) is divided by this and capped at `FUZZY_CAP`.
const FUZZY_DIVISOR: i64 = 3;
const FUZZY_CAP: i64 = 100;

/// The best scores seen so far, worst on top: `(score, Reverse(entry))`, so that of two equal
/// scores the earlier entry ranks higher.
type Best = BinaryHeap<Reverse<(i64, Reverse<usize>)>>;

impl Engine {
    /// The best `limit` of `results` (catalogue order when there are no words).
    pub(super) fn rank(
        &self,
        catalogue: &dyn Entries,
        matched: &Matched,
        results: &Bits,
        words: &[String],
        lang: Lang,
        limit: usize,
    ) -> Vec<Hit> {
        if words.is_empty() {
            let mut hits = Vec::new();
            results.for_each(|e| {
                if hits.len() < limit {
                    hits.push(Hit {
                        entry: e,
                        score: 0,
                        words: 0,
                        title_highlights: Vec::new(),
                        summary_highlights: Vec::new(),
                        typo: false,
                    });
                }
            });
            return hits;
        }
        let heap = self.best_few(matched, results, words.len(), limit);
        let pattern = words.join(" ");
        // The texts of one hit at a time, in one buffer for all of them.
        let mut fields = Vec::new();
        let mut ranked: Vec<(i64, usize, u32)> = heap
            .into_iter()
            .map(|Reverse((score, Reverse(e)))| {
                let mask = matched.word_mask(e, words.len());
                let mut score = score;
                if mask.count_ones() > 1 {
                    let regions = self.facets.get(Facet::Region).of_entry(e);
                    searchable(catalogue, regions, e, &mut fields);
                    score += i64::from(other_phrase_pairs(&fields, words) * PHRASE_OTHER);
                }
                let title = fold::fold(catalogue.entry(e).title().get(lang));
                if let Some(fuzzy) = self.scorer.score(&title, &pattern) {
                    score += (fuzzy / FUZZY_DIVISOR).clamp(0, FUZZY_CAP);
                }
                (score, e, mask.count_ones())
            })
            .collect();
        ranked.sort_unstable_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
        ranked.truncate(limit);
        ranked
            .into_iter()
            .map(|(score, e, count)| {
                let entry = catalogue.entry(e);
                Hit {
                    entry: e,
                    score,
                    words: count,
                    title_highlights: highlights(entry.title().get(lang), words),
                    summary_highlights: highlights(entry.summary().get(lang), words),
                    typo: has_typo_only_word(matched.word_mask(e, words.len()), matched.score(e)),
                }
            })
            .collect()
    }

    /// A bounded heap of the best few results by words, fields and title phrase (three times
    /// `limit`, at least 30, for the finer score to reorder). Each part of the entries (`split.rs`) keeps its own best few; the best
    /// of theirs are the best of all, since scores and ties (by entry) order entries totally.
    ///
    /// Results having every word outrank all others: when there are at least as many of them
    /// as the heap keeps, only they are walked (at 1M, a tenth to a half of the results of
    /// two common words).
    fn best_few(&self, matched: &Matched, results: &Bits, words: usize, limit: usize) -> Best {
        let keep = limit.max(10).saturating_mul(3).min(results.count());
        let all_words = matched.all_words.as_ref().map(|all| {
            let mut all = all.clone();
            all.and(results);
            all
        });
        let walk = match &all_words {
            Some(all) if all.count() >= keep && !search::plain() => all,
            _ => results,
        };
        let ranges = split::ranges(walk.words() * 64);
        let parts = split::map(&ranges, |_, range| self.best_few_in(matched, walk, words, keep, range));
        let mut heap: Best = BinaryHeap::with_capacity(keep + 1);
        for part in parts {
            for Reverse(key) in part {
                push_bounded(&mut heap, keep, key);
            }
        }
        heap
    }

    /// [`Engine::best_few`] over the entries of `range`.
    fn best_few_in(&self, matched: &Matched, results: &Bits, words: usize, keep: usize, range: Range<usize>) -> Best {
        let mut heap: Best = BinaryHeap::with_capacity(keep + 1);
        if let Some(list) = &matched.single {
            // One word: every result has it, scored in its list (in entry order).
            let lo = list.partition_point(|&(e, _)| (e as usize) < range.start);
            let hi = lo + list[lo..].partition_point(|&(e, _)| (e as usize) < range.end);
            for &(e, score) in &list[lo..hi] {
                let e = e as usize;
                if keep > 0 && results.contains(e) {
                    push_bounded(&mut heap, keep, (PER_WORD + i64::from(score), Reverse(e)));
                }
            }
            return heap;
        }
        if let Some(list) = &matched.every {
            // Every result has every word, scored in the list (in entry order).
            let lo = list.partition_point(|&(e, _)| (e as usize) < range.start);
            let hi = lo + list[lo..].partition_point(|&(e, _)| (e as usize) < range.end);
            let all = words as i64 * PER_WORD;
            for &(e, score) in &list[lo..hi] {
                let e = e as usize;
                if keep > 0 && results.contains(e) {
                    let key = (all + i64::from(score), e);
                    self.push_scored(&mut heap, keep, key, words as u32, words, &matched.term_words);
                }
            }
            return heap;
        }
        results.for_each_in(split::words(&range), |e| {
            let mask = matched.word_masks[e];
            if keep == 0 {
                return;
            }
            let score = i64::from(mask.count_ones()) * PER_WORD + i64::from(matched.scores[e]);
            match mask.count_ones() {
                1 => push_bounded(&mut heap, keep, (score, Reverse(e))),
                have => self.push_scored(&mut heap, keep, (score, e), have, words, &matched.term_words),
            }
        });
        heap
    }

    /// Adds entry `e`, with `score` from the `have` words it has (two or more) of `words`, to
    /// `heap` if it is among the best `keep` once the phrase bonus of its title is added.
    fn push_scored(
        &self,
        heap: &mut Best,
        keep: usize,
        (score, e): (i64, usize),
        have: u32,
        words: usize,
        term_words: &[u16],
    ) {
        // The phrase bonus reads the title's words: skip it for an entry that could not enter
        // the heap even with every pair found (most of them at 1M).
        let best_possible = score + i64::from((have - 1) * PHRASE_TITLE);
        if heap.len() == keep && heap.peek().is_some_and(|Reverse(min)| (best_possible, Reverse(e)) <= *min) {
            return;
        }
        let score = score + i64::from(self.title_phrase_pairs(e, term_words, words) * PHRASE_TITLE);
        push_bounded(heap, keep, (score, Reverse(e)));
    }

    /// How many consecutive query-word pairs (i, i+1) occur next to each other in a title.
    fn title_phrase_pairs(&self, e: usize, term_words: &[u16], words: usize) -> u32 {
        let mut found: u16 = 0;
        for pair in self.title_terms(e).windows(2) {
            if pair[0] == NO_TERM || pair[1] == NO_TERM {
                continue;
            }
            let (a, b) = (term_words[pair[0] as usize], term_words[pair[1] as usize]);
            for w in 0..words.saturating_sub(1) {
                if a & (1 << w) != 0 && b & (1 << (w + 1)) != 0 {
                    found |= 1 << w;
                }
            }
        }
        found.count_ones()
    }
}

/// Adds `key` to `heap` if it is among the best `keep`.
fn push_bounded(heap: &mut Best, keep: usize, key: (i64, Reverse<usize>)) {
    if heap.len() < keep {
        heap.push(Reverse(key));
    } else if heap.peek().is_some_and(|Reverse(min)| key > *min) {
        heap.pop();
        heap.push(Reverse(key));
    }
}

/// In an entry's searchable texts (`fields`) other than titles, folded into words, how many
/// consecutive query-word pairs occur next to each other.
fn other_phrase_pairs(fields: &[(Field, &str)], words: &[String]) -> u32 {
    let mut found: u32 = 0;
    for &(field, text) in fields {
        if matches!(field, Field::Title | Field::Description) {
            continue;
        }
        let mut previous: u32 = 0;
        for_each_token(text, |_, folded| {
            let mut current: u32 = 0;
            for (w, word) in words.iter().enumerate() {
                if match_word(word, folded).is_some() {
                    current |= 1 << w;
                }
            }
            // Pair (w, w+1) is adjacent if the previous word matched w and this one w+1.
            found |= (previous << 1) & current;
            previous = current;
        });
    }
    // Bit w+1 set means pair (w, w+1) found.
    found.count_ones()
}

/// The byte ranges of `text` whose words match any query word, merged.
fn highlights(text: &str, words: &[String]) -> Vec<Range<usize>> {
    let mut ranges: Vec<Range<usize>> = Vec::new();
    for_each_token(text, |range, folded| {
        let mut best: Option<(Quality, usize)> = None;
        for word in words {
            if let Some(q) = match_word(word, folded) {
                let len = if q == Quality::Exact { folded.len() } else { word.len().min(folded.len()) };
                if best.is_none_or(|(bq, bl)| (q, len) > (bq, bl)) {
                    best = Some((q, len));
                }
            }
        }
        if let Some((q, len)) = best {
            let end = if q == Quality::Exact {
                range.end
            } else {
                range.start + fold::original_end_for_folded_prefix(&text[range.clone()], len)
            };
            ranges.push(range.start..end);
        }
    });
    let mut merged: Vec<Range<usize>> = Vec::with_capacity(ranges.len());
    for r in ranges {
        match merged.last_mut() {
            Some(last) if r.start <= last.end => last.end = last.end.max(r.end),
            _ => merged.push(r),
        }
    }
    merged
}
