//! The index of a reloaded catalogue, updated from the index of the catalogue shown before it
//! rather than built again: at 100k entries a full build is 1.6 s of CPU for one saved file.
//!
//! Entries are matched between the two catalogues by kind and id (the catalogue's order, so the
//! entries both hold keep their relative order: the postings stay sorted when their positions
//! are moved). An entry whose searched and filtered values are the same in both keeps what the
//! old index says of it, moved to its new position; every other entry is indexed again with the
//! full build's own code (`build::entry_words`, `FacetContext`): an edited entry, an added one,
//! and every entry naming an organisation that was edited, added or removed (its organisation's
//! words are its own). Words no entry has any more leave the dictionary, new ones enter it in
//! order. The dense short prefixes are chosen and filled again from the new postings (which
//! prefixes qualify depends on every word's postings). The result is the index a full build
//! gives, byte for byte once archived (`tests/it/live_again.rs` checks it over random edits);
//! anything this cannot match (other vocabularies, many entries changed) is built in full.

use std::cmp::Ordering;
use std::collections::HashSet;
use std::ops::Range;

use super::build::{EntryWords, PARALLEL_FROM, build_threads, entry_words};
use super::engine::{Engine, NO_TERM};
use super::facet::{Facet, PerFacet};
use super::facet_index::{FacetContext, FacetIndex, FacetIndices, years_of};
use super::fields::{MAX_ENTRIES, posting, posting_entry, posting_mask};
use super::lists::{Postings, Terms};
use super::short::ShortPrefixes;
use super::tagged::Tagging;
use crate::model::{Catalogue, Details, Entry, Vocabulary};
use crate::text::{Label, Line};

/// No position: an entry removed, or indexed again.
const GONE: u32 = u32::MAX;

/// When more than one entry in this many is to be indexed again, a full build costs less than
/// the patch's passes over the whole index...
const FULL_BUILD_SHARE: usize = 8;
/// ... in catalogues of at least this many entries (below it both take a few milliseconds).
const ALWAYS_PATCHED_BELOW: usize = 1000;

impl Engine {
    /// The index of `new`, updated from this one, the index of `old`; None when it must be
    /// built in full (see the module's note).
    pub(super) fn patched(&self, old: &Catalogue, new: &Catalogue) -> Option<Engine> {
        let n = new.len();
        if n >= MAX_ENTRIES || self.len != old.len() || !same_vocabularies(old, new) {
            return None;
        }
        let threads = if n >= PARALLEL_FROM { build_threads() } else { 1 };
        let moves = Moves::between(old, new, threads);
        if n >= ALWAYS_PATCHED_BELOW && moves.fresh.len() * FULL_BUILD_SHARE > n {
            return None;
        }
        let tagging = Tagging::new(new);
        let (words, facets) = std::thread::scope(|scope| {
            let (tagging, moves) = (&tagging, &moves);
            let facets = (threads > 1).then(|| scope.spawn(move || self.patched_facets(new, tagging, moves)));
            let words = self.patched_words(new, tagging, moves);
            let facets = match facets {
                Some(handle) => handle.join().ok().flatten(),
                None => self.patched_facets(new, tagging, moves),
            };
            (words, facets)
        });
        let (Words { terms, postings, title_offsets, title_terms }, facets) = (words?, facets?);
        let short = ShortPrefixes::build(&terms, &postings, n, threads);
        Some(Engine::assembled(n, (terms, postings), (title_offsets, title_terms), short, facets))
    }

    /// The dictionary, postings and title words of `new`: this index's, less the entries
    /// gone or indexed again, moved, with the fresh entries' words merged in.
    fn patched_words(&self, new: &Catalogue, tagging: &Tagging, moves: &Moves) -> Option<Words> {
        let fresh = entry_words(new, tagging, &moves.fresh);
        let mut order: Vec<u32> = (0..fresh.words.len() as u32).collect();
        order.sort_unstable_by(|&a, &b| fresh.words[a as usize].cmp(&fresh.words[b as usize]));
        let old_words = self.terms.len();
        let fresh_total: usize = fresh.postings.iter().map(Vec::len).sum();
        let mut text: Vec<u8> = Vec::new();
        let mut text_offsets: Vec<u32> = vec![0];
        let mut items: Vec<u32> = Vec::with_capacity(self.postings.all().len() + fresh_total);
        let mut item_offsets: Vec<u32> = Vec::with_capacity(old_words + order.len() + 1);
        item_offsets.push(0);
        let (mut old_rank, mut fresh_rank) = (vec![GONE; old_words], vec![GONE; order.len()]);
        let (mut t, mut f) = (0, 0);
        loop {
            let old_word = (t < old_words).then(|| self.terms.get(t));
            let fresh_word = order.get(f).map(|&w| &*fresh.words[w as usize]);
            let (from_old, from_fresh) = match (old_word, fresh_word) {
                (None, None) => break,
                (Some(_), None) => (true, false),
                (None, Some(_)) => (false, true),
                (Some(a), Some(b)) => (a <= b, b <= a),
            };
            let start = items.len();
            if from_old {
                for &p in &self.postings[t] {
                    let e = moves.to_new[posting_entry(p)];
                    if e != GONE {
                        items.push(posting(e as usize, posting_mask(p) as u32));
                    }
                }
            }
            if from_fresh {
                // Fresh entries are none of the kept ones: the two lists interleave by entry.
                merge_into(&mut items, start, &fresh.postings[order[f] as usize]);
            }
            if items.len() > start {
                let rank = text_offsets.len() as u32 - 1;
                let word = if from_old { old_word } else { fresh_word }.unwrap_or("");
                text.extend_from_slice(word.as_bytes());
                text_offsets.push(u32::try_from(text.len()).ok()?);
                item_offsets.push(u32::try_from(items.len()).ok()?);
                if from_old {
                    old_rank[t] = rank;
                }
                if from_fresh {
                    fresh_rank[order[f] as usize] = rank;
                }
            }
            t += usize::from(from_old);
            f += usize::from(from_fresh);
        }
        let (title_offsets, title_terms) = self.patched_titles(moves, &fresh, &old_rank, &fresh_rank)?;
        Some(Words {
            terms: Terms::from_parts(text_offsets, text),
            postings: Postings::from_parts(item_offsets, items),
            title_offsets,
            title_terms,
        })
    }

    /// Every entry's title words, renumbered in the new dictionary.
    fn patched_titles(
        &self,
        moves: &Moves,
        fresh: &EntryWords,
        old_rank: &[u32],
        fresh_rank: &[u32],
    ) -> Option<(Vec<u32>, Vec<u32>)> {
        let n = moves.from_old.len();
        let mut offsets = Vec::with_capacity(n + 1);
        offsets.push(0u32);
        let mut terms = Vec::with_capacity(self.title_terms.len());
        let (mut k, mut fresh_start) = (0, 0);
        // A word every entry kept still has is in the new dictionary: never GONE.
        let renumber = |t: u32, rank: &[u32]| match t {
            NO_TERM => Some(t),
            t => rank.get(t as usize).copied().filter(|&r| r != GONE),
        };
        for &o in &moves.from_old {
            if o != GONE {
                for &t in self.title_terms(o as usize) {
                    terms.push(renumber(t, old_rank)?);
                }
            } else {
                let end = fresh_start + *fresh.title_lens.get(k)? as usize;
                for &t in fresh.title_terms.get(fresh_start..end)? {
                    terms.push(renumber(t, fresh_rank)?);
                }
                (k, fresh_start) = (k + 1, end);
            }
            offsets.push(u32::try_from(terms.len()).ok()?);
        }
        Some((offsets, terms))
    }

    /// The facet indices of `new`: each kept entry's values from this index (its years and
    /// organisations renumbered), the fresh entries' computed; None when a kept entry's value
    /// has no place in the new facet (never, when the entries were matched right).
    fn patched_facets(&self, new: &Catalogue, tagging: &Tagging, moves: &Moves) -> Option<FacetIndices> {
        let n = new.len();
        let years = years_of(new);
        let (context, organisations) = FacetContext::new(new, tagging, &years);
        let year_to_new: Vec<u32> =
            self.years.iter().map(|y| years.binary_search(y).map_or(GONE, |i| i as u32)).collect();
        let organisation_to_new: Vec<u32> = self
            .organisations
            .iter()
            .map(|&o| match moves.to_new[o as usize] {
                GONE => GONE,
                e => organisations.binary_search(&e).map_or(GONE, |i| i as u32),
            })
            .collect();
        let mut columns: PerFacet<(Vec<u32>, Vec<u32>)> = PerFacet::from_fn(|_| {
            let mut offsets = Vec::with_capacity(n + 1);
            offsets.push(0);
            (offsets, Vec::new())
        });
        let mut scratch: PerFacet<Vec<u32>> = PerFacet::default();
        for (e, &o) in moves.from_old.iter().enumerate() {
            if o == GONE {
                context.sorted_values(e, &mut scratch);
            } else {
                for (facet, values) in scratch.iter_mut() {
                    values.clear();
                    let of_entry = self.facets.get(facet).of_entry(o as usize);
                    let renumbered = match facet {
                        Facet::Year => &year_to_new[..],
                        Facet::Organisation => &organisation_to_new[..],
                        _ => {
                            values.extend_from_slice(of_entry);
                            continue;
                        }
                    };
                    for &v in of_entry {
                        values.push(renumbered.get(v as usize).copied().filter(|&v| v != GONE)?);
                    }
                }
            }
            for ((_, values), (_, (offsets, flat))) in scratch.iter_mut().zip(columns.iter_mut()) {
                flat.extend_from_slice(values);
                offsets.push(u32::try_from(flat.len()).ok()?);
            }
        }
        let sizes = context.sizes(organisations.len());
        drop(context);
        let facets = columns.zip(sizes).map(|_, ((offsets, values), size)| FacetIndex::build(size, offsets, values));
        Some(FacetIndices { facets, years, organisations })
    }
}

/// The words part of an index.
struct Words {
    terms: Terms,
    postings: Postings,
    title_offsets: Vec<u32>,
    title_terms: Vec<u32>,
}

/// Merges `fresh` (postings sorted by entry) into `items[start..]` (too), by entry.
fn merge_into(items: &mut Vec<u32>, start: usize, fresh: &[u32]) {
    let Some(&first) = fresh.first() else { return };
    if items.len() == start || items.last().is_some_and(|&p| posting_entry(p) < posting_entry(first)) {
        items.extend_from_slice(fresh);
        return;
    }
    let kept: Vec<u32> = items.drain(start..).collect();
    let (mut i, mut j) = (0, 0);
    while i < kept.len() && j < fresh.len() {
        if posting_entry(kept[i]) < posting_entry(fresh[j]) {
            items.push(kept[i]);
            i += 1;
        } else {
            items.push(fresh[j]);
            j += 1;
        }
    }
    items.extend_from_slice(&kept[i..]);
    items.extend_from_slice(&fresh[j..]);
}

/// Where each entry went between the two catalogues.
struct Moves {
    /// Per old entry: its new position; [`GONE`] when it was removed or is indexed again.
    to_new: Vec<u32>,
    /// Per new entry: its old position; [`GONE`] when it is indexed again.
    from_old: Vec<u32>,
    /// The new positions indexed again, ascending.
    fresh: Vec<usize>,
}

impl Moves {
    /// On `threads` threads (comparing the entries is most of the patch's time at 100k).
    fn between(old: &Catalogue, new: &Catalogue, threads: usize) -> Moves {
        let (olds, news) = (old.entries(), new.entries());
        // The entries in both, by kind and id; the ids of the entries added or removed.
        let mut both: Vec<(u32, u32)> = Vec::with_capacity(new.len());
        let mut touched: HashSet<&str> = HashSet::new();
        let (mut i, mut j) = (0, 0);
        while i < old.len() || j < new.len() {
            let order = match (olds.get(i), news.get(j)) {
                (Some(a), Some(b)) => (a.kind, &a.id).cmp(&(b.kind, &b.id)),
                (Some(_), None) => Ordering::Less,
                _ => Ordering::Greater,
            };
            match order {
                Ordering::Less => touched.insert(olds[i].id.as_str()),
                Ordering::Greater => touched.insert(news[j].id.as_str()),
                Ordering::Equal => {
                    both.push((i as u32, j as u32));
                    true
                }
            };
            i += usize::from(order != Ordering::Greater);
            j += usize::from(order != Ordering::Less);
        }
        let same = in_parts(both.len(), threads, |range| {
            both[range].iter().map(|&(i, j)| same_for_index(&olds[i as usize], &news[j as usize])).collect()
        });
        let mut to_new = vec![GONE; old.len()];
        let mut from_old = vec![GONE; new.len()];
        for (&(i, j), same) in both.iter().zip(same) {
            if same {
                (to_new[i as usize], from_old[j as usize]) = (j, i);
            } else {
                // Whoever names an entry edited, added or removed is indexed again.
                touched.insert(news[j as usize].id.as_str());
            }
        }
        if !touched.is_empty() {
            let naming = in_parts(new.len(), threads, |range| {
                range
                    .filter(|&j| {
                        from_old[j] != GONE && news[j].organisations().iter().any(|id| touched.contains(id.as_str()))
                    })
                    .collect()
            });
            for j in naming {
                to_new[from_old[j] as usize] = GONE;
                from_old[j] = GONE;
            }
        }
        let fresh = (0..new.len()).filter(|&j| from_old[j] == GONE).collect();
        Moves { to_new, from_old, fresh }
    }
}

/// `f` of `0..len` in `threads` parts, each on a thread of its own but the first, end to end.
fn in_parts<T: Send>(len: usize, threads: usize, f: impl Fn(Range<usize>) -> Vec<T> + Sync) -> Vec<T> {
    let part = len.div_ceil(threads.max(1)).max(1);
    let ranges: Vec<Range<usize>> = (0..len).step_by(part).map(|start| start..(start + part).min(len)).collect();
    let Some((first, rest)) = ranges.split_first() else { return Vec::new() };
    std::thread::scope(|scope| {
        let f = &f;
        let handles: Vec<_> = rest.iter().map(|range| scope.spawn(move || f(range.clone()))).collect();
        let mut all = f(first.clone());
        for handle in handles {
            all.extend(handle.join().unwrap_or_else(|panic| std::panic::resume_unwind(panic)));
        }
        all
    })
}

/// Whether two versions of an entry (same kind and id) give the same words and facet values:
/// every field `build.rs` and `facet_index.rs` read, but the organisations it names, whose
/// changes [`Moves::between`] follows.
fn same_for_index(a: &Entry, b: &Entry) -> bool {
    let (x, y) = (&a.common, &b.common);
    x.title == y.title
        && x.summary == y.summary
        && x.description == y.description
        && x.tags == y.tags
        && x.materials == y.materials
        && x.themes == y.themes
        && x.stages == y.stages
        && x.review.status == y.review.status
        && place(a) == place(b)
        && short_name(a) == short_name(b)
        && a.organisations() == b.organisations()
        && a.years() == b.years()
}

/// An organisation's short name.
fn short_name(e: &Entry) -> Option<&Line> {
    match &e.details {
        Details::Organisation(d) => d.short_name.as_ref(),
        _ => None,
    }
}

/// An entry's region and place name.
fn place(e: &Entry) -> Option<(&str, Option<&Label>)> {
    e.common.location.as_ref().map(|l| (l.region.as_str(), l.place.as_ref()))
}

/// Whether the vocabularies that give entries words and values (regions, materials, themes,
/// stages) are the same: ids, labels, parents and symbols, in order.
fn same_vocabularies(old: &Catalogue, new: &Catalogue) -> bool {
    let same = |a: &Vocabulary, b: &Vocabulary| {
        a.len() == b.len()
            && a.terms()
                .iter()
                .zip(b.terms())
                .all(|(s, t)| s.id == t.id && s.label == t.label && s.parents == t.parents && s.symbol == t.symbol)
    };
    let (a, b) = (&old.vocabularies, &new.vocabularies);
    same(&a.regions, &b.regions)
        && same(&a.materials, &b.materials)
        && same(&a.themes, &b.themes)
        && same(&a.stages, &b.stages)
}
