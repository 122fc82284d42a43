//! A search, phase by phase: select the entries having the query's words, exclude the `-word`
//! ones, apply the query's field filters, then the facets' selections, count the facets and
//! rank. Each phase is one function.

use std::cell::Cell;
use std::sync::Arc;
use std::time::{Duration, Instant};

use super::bits::Bits;
use super::engine::Engine;
use super::every::Source;
use super::facet::PerFacet;
use super::fields::{posting_best_field, posting_entry};
use super::matching::{Quality, RIGHT_BIT, SPELLED_RIGHT, match_exclusion, prefix_within_one, spelled, typo_allowed};
use super::narrow::{self, WordMatch};

/// A word's entries are collected by a scan of every entry when its postings number more than
/// one in this many entries, else by sorting those it touched.
const SCAN_SHARE: usize = 32;
use super::scratch;
use super::split;
use super::{Facet, FieldFilter, Filters, Partial, Query, Results};
use crate::model::Entries;
use crate::text::Lang;

thread_local! {
    /// Set to search this thread without the shortcuts of large catalogues (dense short words,
    /// the scan for common words, ranking only the results with every word, one word ranked
    /// from its list): the plain paths,
    /// which the tests compare them with.
    static PLAIN: Cell<bool> = const { Cell::new(false) };
    /// Set to read every word of a query whole and intersect the lists (the tests compare the
    /// reads of a word at the other words' entries with it).
    static WHOLE: Cell<bool> = const { Cell::new(false) };
}

/// Whether this thread reads every word whole ([`with_whole_reads`]).
fn whole_reads() -> bool {
    WHOLE.with(Cell::get)
}

/// Runs `f` with every word of this thread's searches read whole, then intersected.
pub(super) fn with_whole_reads<R>(f: impl FnOnce() -> R) -> R {
    let before = WHOLE.with(|whole| whole.replace(true));
    let result = f();
    WHOLE.with(|whole| whole.set(before));
    result
}

/// Whether this thread searches without shortcuts ([`without_shortcuts`]).
pub(super) fn plain() -> bool {
    PLAIN.with(Cell::get)
}

/// Runs `f` with every search of this thread on the plain paths.
pub(super) fn without_shortcuts<R>(f: impl FnOnce() -> R) -> R {
    let before = PLAIN.with(|plain| plain.replace(true));
    let result = f();
    PLAIN.with(|plain| plain.set(before));
    result
}

/// The time each phase of a search took (for `examples/bench`: where a keystroke's time goes).
#[derive(Clone, Copy, Debug, Default)]
pub struct Phases {
    /// Looking the words up and adding their scores.
    pub select: Duration,
    /// Exclusions, field filters and the facets' selections.
    pub filter: Duration,
    pub count: Duration,
    pub rank: Duration,
    /// Giving the scratch arrays back zeroed.
    pub reset: Duration,
}

/// What the query's words select, with what ranking needs of them.
pub(super) struct Matched {
    /// The entries having at least one of the words (every entry when there are none).
    pub bits: Bits,
    /// Per entry: the sum over the words it has of the best field weight × match quality, plus
    /// [`SPELLED_RIGHT`] for each word it has exactly or as a start (not only by a typo).
    pub scores: Vec<u32>,
    /// Per entry: bit `w` set if it has word `w`.
    pub word_masks: Vec<u16>,
    /// Per dictionary word, with two query words or more: bit `w` set if it matches word `w`.
    pub term_words: Vec<u16>,
    /// All zeros: the per-word scratch, kept to go back to the pool with the rest.
    pub best: Vec<u16>,
    /// With two words or more, the entries having every word: they outrank all others, so
    /// ranking need look no further when they are enough (`rank.rs`).
    pub all_words: Option<Bits>,
    /// With one word read from postings: its entries with their scores, in entry order.
    /// Ranking reads them there, and `scores` and `word_masks` are left all zeros: at 1M, a
    /// common word's hundreds of thousands of entries were written to both, walked again by
    /// ranking and zeroed again afterwards.
    pub single: Option<Arc<Vec<(u32, u16)>>>,
    /// With several words, when some entry passing the rest of the query has every one: those
    /// entries with their scores summed, in entry order (`every.rs`); `scores` and
    /// `word_masks` are then left all zeros, as with `single`.
    pub every: Option<Vec<(u32, u32)>>,
    /// The entries whose `scores` and `word_masks` the words set (none with `single` or
    /// `every`): what goes back to the pool zeroed.
    pub written: Option<Bits>,
}

impl Matched {
    /// The words entry `e` has (bit `w` for word `w`).
    pub fn word_mask(&self, e: usize, words: usize) -> u16 {
        match (&self.single, &self.every) {
            (Some(list), _) => u16::from(list.binary_search_by_key(&(e as u32), |&(entry, _)| entry).is_ok()),
            (_, Some(list)) => match list.binary_search_by_key(&(e as u32), |&(entry, _)| entry) {
                Ok(_) => ((1u32 << words) - 1) as u16,
                Err(_) => 0,
            },
            (None, None) => self.word_masks[e],
        }
    }

    /// Entry `e`'s score from its words ([`Matched::scores`]).
    pub fn score(&self, e: usize) -> u32 {
        match (&self.single, &self.every) {
            (Some(list), _) => {
                list.binary_search_by_key(&(e as u32), |&(entry, _)| entry).map_or(0, |i| u32::from(list[i].1))
            }
            (_, Some(list)) => list.binary_search_by_key(&(e as u32), |&(entry, _)| entry).map_or(0, |i| list[i].1),
            (None, None) => self.scores[e],
        }
    }

    /// The per-thread arrays, to give back to the pool.
    fn scratch(&mut self) -> scratch::Scratch {
        scratch::Scratch {
            best: std::mem::take(&mut self.best),
            scores: std::mem::take(&mut self.scores),
            word_masks: std::mem::take(&mut self.word_masks),
        }
    }

    /// Keeps in [`Matched::all_words`] only the entries of `word_bits` (one word's entries).
    fn keep_all_words(&mut self, word_bits: Bits) {
        match self.all_words.as_mut() {
            Some(all) => all.and(&word_bits),
            None => self.all_words = Some(word_bits),
        }
    }
}

impl Engine {
    /// Runs a query with the selected filters. `catalogue` must be the one the engine was
    /// built from (an [`Indexed`](super::Indexed) keeps the two together). Returns the best
    /// `limit` hits, the totals and every facet count.
    pub fn search(
        &self,
        catalogue: &dyn Entries,
        query: &Query,
        filters: &Filters,
        lang: Lang,
        limit: usize,
    ) -> Results {
        self.search_measured(catalogue, query, filters, lang, limit, &mut Phases::default())
    }

    /// [`Engine::search`], noting in `phases` the time each phase took.
    pub(super) fn search_measured(
        &self,
        catalogue: &dyn Entries,
        query: &Query,
        filters: &Filters,
        lang: Lang,
        limit: usize,
        phases: &mut Phases,
    ) -> Results {
        debug_assert_eq!(self.len, catalogue.len(), "the engine was built from another catalogue");
        let n = self.len.min(catalogue.len());
        let start = Instant::now();
        let mut matched = self.select(&query.words, n, true);
        phases.select = start.elapsed();
        let start = Instant::now();
        let mut unknown_values = Vec::new();
        let allowed = self.allowed(catalogue, query, filters, n, &mut unknown_values);
        if let Some(allowed) = &allowed {
            matched.bits.and(allowed);
        }
        let selections = self.select_facets(filters, n);
        let selected = selected_by_all(&selections);
        if matched.every.is_some() && count_within(&matched.bits, selected.as_ref()) == 0 {
            // No entry passing the rest of the query and the facet panel's selections has
            // every word: the entries having the most, which the per-entry arrays count (rare,
            // and slower).
            scratch::give_back(matched.scratch(), &Bits::empty(n));
            let again = Instant::now();
            matched = self.select(&query.words, n, false);
            phases.select += again.elapsed();
            if let Some(allowed) = &allowed {
                matched.bits.and(allowed);
            }
        }
        // The entries the words set scores for, before exclusions and filters removed some:
        // what the scratch arrays need reset.
        let written = (!query.words.is_empty()).then(|| matched.written.take().unwrap_or_else(|| Bits::empty(n)));
        // The entries having any word, which the fallback's counts need (`most_counts.rs`).
        let candidates = (query.words.len() >= 2 && matched.every.is_none()).then(|| matched.bits.clone());
        let partial = keep_most_words(&mut matched, query.words.len(), selected.as_ref());
        let base = &matched.bits;
        let mut results = base.clone();
        if let Some(selected) = &selected {
            results.and(selected);
        }
        phases.filter = start.elapsed();
        let start = Instant::now();
        let facet_counts = match (&partial, &candidates) {
            (Some(_), Some(candidates)) => {
                self.count_facets_most_words(candidates, &matched.word_masks, &selections, selected.as_ref())
            }
            _ => self.count_facets_kept(base, &results, &selections, filters, n),
        };
        phases.count = start.elapsed();
        let total = results.count();
        let start = Instant::now();
        let hits = self.rank(catalogue, &matched, &results, &query.words, lang, limit);
        phases.rank = start.elapsed();
        let start = Instant::now();
        if let Some(written) = written {
            scratch::give_back(matched.scratch(), &written);
        }
        phases.reset = start.elapsed();
        Results { hits, total, partial, facet_counts, unknown_values }
    }

    /// The entries having `words`, scored: with `every`, those having every word, from the
    /// words' lists (`every.rs`) when one of them has a list; else those having any of them,
    /// with their words and scores in the per-entry arrays. Only the postings of the
    /// dictionary words that match a query word are read, or for a short word its dense scores
    /// (`short.rs`); words unchanged since the last search on this thread are not looked up
    /// again (`narrow.rs`).
    fn select(&self, words: &[String], n: usize, every: bool) -> Matched {
        if words.is_empty() {
            return Matched {
                bits: Bits::full(n),
                scores: Vec::new(),
                word_masks: Vec::new(),
                term_words: Vec::new(),
                best: Vec::new(),
                all_words: None,
                single: None,
                every: None,
                written: None,
            };
        }
        let scratch = scratch::take(n);
        let mut matched = Matched {
            bits: Bits::empty(n),
            scores: scratch.scores,
            word_masks: scratch.word_masks,
            term_words: if words.len() > 1 { vec![0; self.terms.len()] } else { Vec::new() },
            best: scratch.best,
            all_words: None,
            single: None,
            every: None,
            written: None,
        };
        let several = words.len() > 1;
        // With several words all required, a word not kept from the last search is read only
        // at the entries having the others (`every.rs`), unless the tests ask for whole reads.
        let within = several && every && !plain() && !whole_reads();
        let previous = narrow::previous(self.id, n);
        let mut current: Vec<WordMatch> = Vec::with_capacity(words.len());
        // Per word: its dense codes, or the index of its match in `current`.
        let mut found: Vec<Result<&[u8], usize>> = Vec::with_capacity(words.len());
        for (w, word) in words.iter().enumerate() {
            let bit = 1 << w;
            if let Some(codes) = self.short.codes(word).filter(|_| !plain()) {
                if !matched.term_words.is_empty() {
                    self.matching_terms(word).into_iter().for_each(|(t, _)| matched.term_words[t as usize] |= bit);
                }
                found.push(Ok(codes));
                continue;
            }
            if let Some(i) = current.iter().position(|m| m.word == *word) {
                found.push(Err(i));
            } else {
                let same = previous.iter().find(|m| m.word == *word);
                let word_match = same.filter(|m| m.whole || within).cloned().unwrap_or_else(|| {
                    let terms = match same.or_else(|| previous.iter().find(|m| narrow::narrows(&m.word, word))) {
                        Some(known) if known.word == *word => known.terms.to_vec(),
                        Some(shorter) => self.matching_terms_among(word, &shorter.terms),
                        None => self.matching_terms(word),
                    };
                    if within {
                        WordMatch::terms_only(word, terms.into())
                    } else {
                        self.word_entries(word, terms, n, &mut matched.best)
                    }
                });
                current.push(word_match);
                found.push(Err(current.len() - 1));
            }
            if !matched.term_words.is_empty() {
                let terms = &current[current.len() - 1].terms;
                terms.iter().for_each(|&(t, _)| matched.term_words[t as usize] |= bit);
            }
        }
        let listed = found.iter().any(Result::is_err);
        if !several && listed && !plain() {
            let entries = &current[0].entries;
            entries.iter().for_each(|&(e, _)| matched.bits.insert(e as usize));
            matched.single = Some(entries.clone());
        } else if several && every && listed && !plain() {
            if !current.iter().any(|m| m.whole) {
                // No word's entries are at hand: the one with the fewest postings is read
                // whole (and kept while the next words are typed), the others at its entries.
                let fewest = (0..current.len()).min_by_key(|&i| self.volume(&current[i].terms)).unwrap_or(0);
                let (word, terms) = (current[fewest].word.clone(), current[fewest].terms.to_vec());
                current[fewest] = self.word_entries(&word, terms, n, &mut matched.best);
            }
            let mut sources: Vec<Source<'_>> = Vec::with_capacity(found.len());
            for f in &found {
                sources.push(match *f {
                    Ok(codes) => Source::Dense(codes),
                    Err(i) if current[i].whole => Source::List(&current[i].entries),
                    Err(i) => Source::Terms(&current[i].terms),
                });
            }
            let kept = self.every(&sources, &mut matched.best);
            kept.iter().for_each(|&(e, _)| matched.bits.insert(e as usize));
            matched.every = Some(kept);
        } else {
            for (w, source) in found.iter().enumerate() {
                let bit = 1 << w;
                let word_bits = match *source {
                    Ok(codes) => self.add_dense(codes, bit, n, &mut matched),
                    Err(i) => add_list(&current[i].entries, bit, n, &mut matched),
                };
                matched.bits.or(&word_bits);
                if several {
                    matched.keep_all_words(word_bits);
                }
            }
            matched.written = Some(matched.bits.clone());
        }
        narrow::keep(self.id, n, current);
        matched
    }

    /// Adds the dense scores `codes` (packed, `short.rs`) of a short word (bit `bit` of the
    /// words) to `matched`,
    /// one part of the entries per thread (`split.rs`). Returns the word's entries.
    fn add_dense(&self, codes: &[u8], bit: u16, n: usize, matched: &mut Matched) -> Bits {
        let mut word_bits = Bits::empty(n);
        let ranges = split::ranges(n);
        let scores = split::pieces(&mut matched.scores[..n], &ranges, 1);
        let masks = split::pieces(&mut matched.word_masks[..n], &ranges, 1);
        let bits = split::pieces(word_bits.words_mut(), &ranges, 64);
        split::map(&ranges, |i, range| {
            let (Ok(mut scores), Ok(mut masks), Ok(mut bits)) = (scores[i].lock(), masks[i].lock(), bits[i].lock())
            else {
                return;
            };
            // Ranges start at multiples of 64: a part's codes start at a whole byte.
            let codes = &codes[(range.start / 2).min(codes.len())..range.end.div_ceil(2).min(codes.len())];
            let len = range.len().min(scores.len());
            for (pair, &byte) in codes.iter().enumerate() {
                if byte == 0 {
                    continue;
                }
                for (k, code) in [(2 * pair, byte & 0xF), (2 * pair + 1, byte >> 4)] {
                    if code != 0 && k < len {
                        // A word of fewer than five letters never matches by a typo.
                        scores[k] += u32::from(self.short.score(code)) + SPELLED_RIGHT;
                        masks[k] |= bit;
                        bits[k / 64] |= 1 << (k % 64);
                    }
                }
            }
        });
        drop((scores, masks, bits));
        word_bits
    }

    /// The entries (of `n`) having one of `terms`, each with its best score over them.
    /// `best` is all zeros, and is left so.
    pub(super) fn word_entries(&self, word: &str, terms: Vec<(u32, Quality)>, n: usize, best: &mut [u16]) -> WordMatch {
        let volume = self.volume(&terms);
        let best = &mut best[..n];
        // In entry order, so that every pass adding them to a search's per-entry arrays walks
        // those arrays forwards instead of jumping about them (at 1M, a common word's entries
        // in postings order cost the search a cache miss each).
        let entries: Vec<(u32, u16)> = if volume * SCAN_SHARE > n && !plain() {
            // Many postings: no list of the entries touched (whether an entry is new is a
            // branch the processor cannot guess), then one forward scan of `best` keeps
            // those set, without a branch either.
            for &(t, quality) in &terms {
                let (q, right) = (quality.factor(), if quality == Quality::Typo { 0 } else { RIGHT_BIT });
                for &p in self.postings[t as usize].iter() {
                    if let Some(b) = best.get_mut(posting_entry(p)) {
                        *b = (*b).max((posting_best_field(p).weight() * q) as u16 | right);
                    }
                }
            }
            let mut entries = vec![(0u32, 0u16); volume.min(n) + 1];
            let mut len = 0;
            for (e, b) in best.iter_mut().enumerate() {
                entries[len] = (e as u32, spelled(*b));
                len += usize::from(*b != 0);
                *b = 0;
            }
            entries.truncate(len);
            if entries.capacity() > len + len / 2 {
                // Many more postings than entries (a word in several fields, typos): what the
                // narrowing keeps is bounded by lengths, so the room left is given back.
                entries.shrink_to_fit();
            }
            entries
        } else {
            let mut touched: Vec<u32> = Vec::new();
            for &(t, quality) in &terms {
                let (q, right) = (quality.factor(), if quality == Quality::Typo { 0 } else { RIGHT_BIT });
                for &p in self.postings[t as usize].iter() {
                    let e = posting_entry(p);
                    if let Some(b) = best.get_mut(e) {
                        if *b == 0 {
                            touched.push(e as u32);
                        }
                        *b = (*b).max((posting_best_field(p).weight() * q) as u16 | right);
                    }
                }
            }
            touched.sort_unstable();
            touched.iter().map(|&e| (e, spelled(std::mem::take(&mut best[e as usize])))).collect()
        };
        WordMatch { word: word.to_string(), terms: terms.into(), entries: Arc::new(entries), whole: true }
    }

    /// How many postings `terms` have in all: at most that many entries have one of them.
    pub(super) fn volume(&self, terms: &[(u32, Quality)]) -> usize {
        terms.iter().map(|&(t, _)| self.postings[t as usize].len()).sum()
    }

    /// [`Engine::matching_terms`] of `word`, known to be among `candidates` (the dictionary
    /// words of a word it narrows), with the same qualities.
    fn matching_terms_among(&self, word: &str, candidates: &[(u32, Quality)]) -> Vec<(u32, Quality)> {
        let chars = word.chars().count();
        let typos = typo_allowed(word);
        candidates
            .iter()
            .filter_map(|&(t, _)| {
                let term = &self.terms[t as usize];
                let quality = if term == word {
                    Quality::Exact
                } else if term.starts_with(word) {
                    Quality::Prefix
                } else if typos && term.len() + 1 >= chars && prefix_within_one(word, term) {
                    Quality::Typo
                } else {
                    return None;
                };
                Some((t, quality))
            })
            .collect()
    }

    /// Dictionary words matching `word`, with how well.
    pub(super) fn matching_terms(&self, word: &str) -> Vec<(u32, Quality)> {
        let lo = self.terms.partition_point(|t| t < word);
        let hi = lo + self.terms.partition_point_from(lo, |t| t.starts_with(word));
        let mut out: Vec<(u32, Quality)> = (lo..hi)
            .map(|t| (t as u32, if &self.terms[t] == word { Quality::Exact } else { Quality::Prefix }))
            .collect();
        if typo_allowed(word) {
            // A word of n characters is within one edit only of starts of n - 1 characters or
            // more, and a term has at least as many bytes as characters.
            let chars = word.chars().count();
            // A typo is never in the first letter (`prefix_within_one`): only the words starting
            // with the same letter are read, a range of the sorted dictionary (at 1M, a scan of
            // the whole dictionary took about as long as the rest of a search).
            let first = &word[..word.chars().next().map_or(0, char::len_utf8)];
            let from = self.terms.partition_point(|t| t < first);
            let to = from + self.terms.partition_point_from(from, |t| t.starts_with(first));
            for t in from..to {
                let term = &self.terms[t];
                if (lo..hi).contains(&t) || term.len() + 1 < chars {
                    continue;
                }
                if prefix_within_one(word, term) {
                    out.push((t as u32, Quality::Typo));
                }
            }
        }
        out
    }

    /// The entries the query's exclusions and field filters and the filters' restriction
    /// allow (None: all), and in `unknown` the field values naming nothing.
    fn allowed(
        &self,
        catalogue: &dyn Entries,
        query: &Query,
        filters: &Filters,
        n: usize,
        unknown: &mut Vec<(Facet, String)>,
    ) -> Option<Bits> {
        if query.exclusions.is_empty() && query.fields.is_empty() && filters.restriction().is_none() {
            return None;
        }
        let mut allowed = Bits::full(n);
        self.exclude(&query.exclusions, n, &mut allowed);
        self.filter_fields(catalogue, &query.fields, n, &mut allowed, unknown);
        restrict(filters, n, &mut allowed);
        Some(allowed)
    }

    /// Drops from `base` the entries having every word of one of the `-chunk`s.
    fn exclude(&self, exclusions: &[Vec<String>], n: usize, base: &mut Bits) {
        for group in exclusions {
            let mut excluded = Bits::full(n);
            for word in group {
                excluded.and(&self.entries_with_prefix(word));
            }
            base.and_not(&excluded);
        }
    }

    /// Entries having a word that starts with `word`.
    fn entries_with_prefix(&self, word: &str) -> Bits {
        let mut bits = Bits::empty(self.len);
        let lo = self.terms.partition_point(|t| t < word);
        let hi = lo + self.terms.partition_point_from(lo, |t| match_exclusion(word, t));
        for t in lo..hi {
            for &p in self.postings[t].iter() {
                bits.insert(posting_entry(p));
            }
        }
        bits
    }

    /// Applies the query's `field:value` filters to `base`: OR within a field, AND across
    /// fields; a negated filter removes its entries. Values naming nothing are reported in
    /// `unknown`, and a filter with only such values is ignored.
    fn filter_fields(
        &self,
        catalogue: &dyn Entries,
        filters: &[FieldFilter],
        n: usize,
        base: &mut Bits,
        unknown: &mut Vec<(Facet, String)>,
    ) {
        let mut by_field: PerFacet<Option<Bits>> = PerFacet::default();
        for filter in filters {
            let mut values = Vec::new();
            for text in &filter.values {
                match self.resolve_value(catalogue, filter.facet, text) {
                    Some(v) => values.extend(v),
                    None => unknown.push((filter.facet, text.clone())),
                }
            }
            if values.is_empty() && filter.values.iter().all(|t| unknown.iter().any(|(_, u)| u == t)) {
                continue; // names nothing known: ignored, and reported
            }
            let bits = self.facets.get(filter.facet).select(n, &values);
            if filter.negated {
                base.and_not(&bits);
            } else {
                // Several filters on one field are OR-ed, like values of one facet.
                match by_field.get_mut(filter.facet) {
                    Some(existing) => existing.or(&bits),
                    slot @ None => *slot = Some(bits),
                }
            }
        }
        for selection in by_field.iter().filter_map(|(_, s)| s.as_ref()) {
            base.and(selection);
        }
    }

    /// Per facet, the entries having any of its selected values (`None` with no selection).
    fn select_facets(&self, filters: &Filters, n: usize) -> PerFacet<Option<Bits>> {
        PerFacet::from_fn(|facet| {
            let chosen = filters.selected(facet);
            (!chosen.is_empty()).then(|| self.facets.get(facet).select(n, chosen))
        })
    }
}

/// Adds one word's entries (`list`, bit `bit` of the words) to `matched`'s per-entry arrays;
/// returns them.
fn add_list(list: &[(u32, u16)], bit: u16, n: usize, matched: &mut Matched) -> Bits {
    let mut word_bits = Bits::empty(n);
    for &(e, score) in list {
        let e = e as usize;
        matched.scores[e] += u32::from(score);
        matched.word_masks[e] |= bit;
        word_bits.insert(e);
    }
    word_bits
}

/// Keeps in `matched.bits` (the entries passing the query but for its words) those having
/// every one of the query's `words` words; if none of those the facet panel `selected` has
/// them all, those having the most of them among the selected, which the returned [`Partial`]
/// says, and every other entry having at least as many: the selections narrow them after, and
/// the facet counts say what ticking another value too would show.
fn keep_most_words(matched: &mut Matched, words: usize, selected: Option<&Bits>) -> Option<Partial> {
    if words < 2 || matched.every.is_some() {
        return None; // the entries selected have every word (one word: those having it)
    }
    let mut all = matched.all_words.take().unwrap_or_else(|| Bits::empty(matched.bits.words() * 64));
    all.and(&matched.bits);
    if count_within(&all, selected) > 0 {
        matched.all_words = Some(all.clone());
        matched.bits = all;
        return None;
    }
    let most_within = |within: Option<&Bits>| {
        let mut most = 0;
        matched.bits.for_each(|e| {
            if within.is_none_or(|within| within.contains(e)) {
                most = most.max(matched.word_masks[e].count_ones());
            }
        });
        most
    };
    let mut most = most_within(selected);
    if most == 0 && selected.is_some() {
        // The selections keep no entry with any word: the counts say what the words find
        // elsewhere, as without the fallback.
        if all.count() > 0 {
            matched.all_words = Some(all.clone());
            matched.bits = all;
            return None;
        }
        most = most_within(None);
    }
    if most == 0 {
        return None; // nothing to show
    }
    let mut kept = Bits::empty(matched.bits.words() * 64);
    matched.bits.for_each(|e| {
        if matched.word_masks[e].count_ones() >= most {
            kept.insert(e);
        }
    });
    matched.bits = kept;
    Some(Partial { have: most, of: words as u32, elsewhere: selected.is_some() && all.count() > 0 })
}

/// How many of `bits` the facet panel's selections keep (all of them without a selection).
fn count_within(bits: &Bits, selected: Option<&Bits>) -> usize {
    selected.map_or_else(|| bits.count(), |selected| bits.and_count(selected))
}

/// The entries every facet selection keeps; `None` when nothing is selected.
fn selected_by_all(selections: &PerFacet<Option<Bits>>) -> Option<Bits> {
    let mut chosen = selections.iter().filter_map(|(_, s)| s.as_ref());
    let mut all = chosen.next()?.clone();
    chosen.for_each(|selection| all.and(selection));
    Some(all)
}

/// Keeps only the entries the filters are restricted to (the shortlist's), before facet
/// counts, so that the counts are the shortlist's too.
fn restrict(filters: &Filters, n: usize, base: &mut Bits) {
    if let Some(only) = filters.restriction() {
        let mut allowed = Bits::empty(n);
        only.iter().filter(|&&e| e < n).for_each(|&e| allowed.insert(e));
        base.and(&allowed);
    }
}
