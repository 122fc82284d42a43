//! Building the index: the dictionary of folded words with postings, the title words of each
//! entry, and the facet indices.

use std::sync::atomic::{AtomicU64, Ordering};

use super::engine::{Engine, NO_TERM};
use super::facet::Facet;
use super::facet_index::FacetIndices;
use super::fields::{Field, MAX_ENTRIES, TAGGED_FIELDS, posting};
use super::fold::for_each_token_in;
use super::fuzzy::TitleScorer;
use super::lists::{Postings, Terms};
use super::short::ShortPrefixes;
use super::slab::Slab;
use super::tagged::{self, Tagging};
use super::words::Words;
use crate::model::{Catalogue, Details, Id};

/// Builds the dictionary and postings of a range of entries. Names of vocabulary values and of
/// organisations, repeated across many entries, are tokenised once and cached.
struct Builder<'a> {
    catalogue: &'a Catalogue,
    /// The values each vocabulary term gives the entries tagged with it, and the lookups of
    /// ids (`tagged.rs`).
    tagging: &'a Tagging,
    words: Words,
    /// Per word: its postings, and the last entry they name, side by side (one cache line
    /// read per word seen, not two).
    postings: Vec<Posted>,
    title_terms: Vec<u32>,
    /// Per entry of the range: how many `title_terms` it added.
    title_lens: Vec<u32>,
    /// Per tagged vocabulary (`TAGGED_FIELDS`' order), per term: the words of the names of
    /// the values it gives an entry, without repeats, once seen.
    term_words: [Vec<Option<Box<[u32]>>>; 4],
    org_cache: hashbrown::HashMap<usize, Vec<u32>>,
    /// The folding buffer, kept from one text to the next.
    folded: String,
}

impl<'a> Builder<'a> {
    fn new(catalogue: &'a Catalogue, tagging: &'a Tagging) -> Builder<'a> {
        let vocabularies = &catalogue.vocabularies;
        Builder {
            catalogue,
            tagging,
            words: Words::default(),
            postings: Vec::new(),
            title_terms: Vec::new(),
            title_lens: Vec::new(),
            term_words: TAGGED_FIELDS
                .map(|(facet, _)| vec![None; facet.vocabulary().map_or(0, |kind| vocabularies.get(kind).len())]),
            org_cache: hashbrown::HashMap::default(),
            folded: String::new(),
        }
    }

    fn intern(&mut self, folded: &str) -> u32 {
        let (id, new) = self.words.intern(folded);
        if new {
            self.postings.push(Posted::default());
        }
        id
    }

    /// Calls `f(self, word)` for each word of `text`, folded into the builder's buffer.
    fn each_word(&mut self, text: &str, mut f: impl FnMut(&mut Self, u32)) {
        let mut folded = std::mem::take(&mut self.folded);
        for_each_token_in(text, &mut folded, |_, word| {
            let id = self.intern(word);
            f(self, id);
        });
        self.folded = folded;
    }

    #[inline]
    fn add_id(&mut self, e: usize, field: Field, id: u32) {
        let bit = field.bit();
        let t = id as usize;
        let posted = &mut self.postings[t];
        if posted.last == e as u32 + 1 {
            if let Some(p) = posted.postings.last_mut() {
                *p |= bit;
            }
        } else {
            posted.postings.push(posting(e, bit));
            posted.last = e as u32 + 1;
        }
    }

    fn add_text(&mut self, e: usize, field: Field, text: &str) {
        self.each_word(text, |builder, id| builder.add_id(e, field, id));
    }

    fn text_ids(&mut self, text: &str, out: &mut Vec<u32>) {
        self.each_word(text, |_, id| out.push(id));
    }

    fn add_entry(&mut self, e: usize) {
        let catalogue = self.catalogue;
        let entry = &catalogue.entries()[e];
        let common = &entry.common;
        self.add_titles(e);
        if let Details::Organisation(d) = &entry.details
            && let Some(short) = &d.short_name
        {
            self.add_text(e, Field::Title, short.as_str());
        }
        for tag in &common.tags {
            self.add_text(e, Field::Tags, tag.as_str());
        }
        for id in entry.organisations() {
            if let Some(o) = self.tagging.entry(catalogue, id) {
                self.add_organisation(e, o);
            }
        }
        if let Some(place) = common.location.as_ref().and_then(|l| l.place.as_ref()) {
            for t in place.variants() {
                self.add_text(e, Field::Place, t.as_str());
            }
        }
        self.add_tagged(e, Facet::Region, common.location.iter().map(|l| &l.region));
        self.add_tagged(e, Facet::Material, common.materials.iter());
        self.add_tagged(e, Facet::Theme, common.themes.iter());
        self.add_tagged(e, Facet::Stage, common.stages.iter());
        for t in common.summary.variants() {
            self.add_text(e, Field::Summary, t.as_str());
        }
        if let Some(description) = &common.description {
            for t in description.variants() {
                self.add_text(e, Field::Description, t.as_str());
            }
        }
    }

    /// The words of entry `e`'s titles, also kept in order for phrase ranking.
    fn add_titles(&mut self, e: usize) {
        let before = self.title_terms.len();
        for (i, title) in self.catalogue.entries()[e].common.title.variants().enumerate() {
            if i > 0 {
                self.title_terms.push(NO_TERM);
            }
            self.each_word(title.as_str(), |builder, id| {
                builder.add_id(e, Field::Title, id);
                builder.title_terms.push(id);
            });
        }
        self.title_lens.push((self.title_terms.len() - before) as u32);
    }

    /// The names and short name of organisation `o`, which entry `e` names.
    fn add_organisation(&mut self, e: usize, o: usize) {
        let ids = match self.org_cache.get(&o) {
            Some(ids) => ids.clone(),
            None => {
                let org = &self.catalogue.entries()[o];
                let mut ids = Vec::new();
                for t in org.common.title.variants() {
                    self.text_ids(t.as_str(), &mut ids);
                }
                if let Details::Organisation(d) = &org.details
                    && let Some(short) = &d.short_name
                {
                    self.text_ids(short.as_str(), &mut ids);
                }
                self.org_cache.insert(o, ids.clone());
                ids
            }
        };
        ids.into_iter().for_each(|id| self.add_id(e, Field::Organisation, id));
    }

    /// The names of the values the terms `ids` of `facet` give entry `e` (the term, its
    /// ancestors, a material's members), in the facet's field of `TAGGED_FIELDS`.
    fn add_tagged<'i>(&mut self, e: usize, facet: Facet, ids: impl Iterator<Item = &'i Id>) {
        let Some(slot) = TAGGED_FIELDS.iter().position(|&(f, _)| f == facet) else { return };
        let field = TAGGED_FIELDS[slot].1;
        let Some(kind) = facet.vocabulary() else { return };
        let (catalogue, tagging) = (self.catalogue, self.tagging);
        let vocabulary = catalogue.vocabularies.get(kind);
        for id in ids {
            let Some(t) = tagging.term(kind, vocabulary, id) else { continue };
            let words = match self.term_words[slot][t].take() {
                Some(words) => words,
                None => {
                    let mut words = Vec::new();
                    for &v in tagging.values(kind, t) {
                        for name in tagged::names(vocabulary.term(v as usize)) {
                            self.text_ids(name, &mut words);
                        }
                    }
                    words.sort_unstable();
                    words.dedup();
                    words.into_boxed_slice()
                }
            };
            words.iter().for_each(|&word| self.add_id(e, field, word));
            self.term_words[slot][t] = Some(words);
        }
    }

    /// Appends a builder of the entries that follow this one's.
    fn merge(&mut self, other: Builder<'a>) {
        let mut map = Vec::with_capacity(other.words.len());
        for (hash, term) in other.words.iter() {
            let (id, new) = self.words.intern_hashed(hash, term);
            if new {
                self.postings.push(Posted::default());
            }
            map.push(id);
        }
        for (local, postings) in other.postings.into_iter().enumerate() {
            self.postings[map[local] as usize].postings.extend(postings.postings);
        }
        self.title_terms.extend(other.title_terms.iter().map(|&t| if t == NO_TERM { t } else { map[t as usize] }));
        self.title_lens.extend(other.title_lens);
    }
}

#[derive(Default)]
struct Posted {
    postings: Vec<u32>,
    /// 1 + the last entry the word was seen in.
    last: u32,
}

/// The words of the catalogue, sorted so that prefixes are contiguous.
struct Dictionary {
    terms: Terms,
    postings: Postings,
    title_offsets: Vec<u32>,
    title_terms: Vec<u32>,
}

impl Engine {
    /// Builds the index, on up to four threads (words by ranges of entries, then dense short
    /// prefixes, beside the facets). Linear in the catalogue's text.
    ///
    /// # Panics
    /// If the catalogue has more than [`MAX_ENTRIES`] entries.
    pub fn new(catalogue: &Catalogue) -> Engine {
        let threads = if catalogue.len() >= PARALLEL_FROM { build_threads() } else { 1 };
        Engine::with_threads(catalogue, threads)
    }

    /// [`Engine::new`] on `threads` threads: the same index whatever their number (the unit
    /// test below compares the archived bytes).
    pub(super) fn with_threads(catalogue: &Catalogue, threads: usize) -> Engine {
        let n = catalogue.len();
        assert!(n < MAX_ENTRIES, "the search index holds at most {MAX_ENTRIES} entries");
        // The facet indices need nothing of the words: built on a thread of their own meanwhile
        // (once per load, so a scoped thread rather than the search pool's).
        let tagging = Tagging::new(catalogue);
        let (Dictionary { terms, postings, title_offsets, title_terms }, short, facets) = std::thread::scope(|scope| {
            let tagging = &tagging;
            let facets = (threads > 1).then(|| scope.spawn(|| FacetIndices::build(catalogue, tagging)));
            let words = Dictionary::sorted(build_words(catalogue, tagging, threads));
            let short = ShortPrefixes::build(&words.terms, &words.postings, n, threads);
            let facets = match facets {
                Some(handle) => handle.join().expect("facet index thread"),
                None => FacetIndices::build(catalogue, tagging),
            };
            (words, short, facets)
        });
        Engine::assembled(n, (terms, postings), (title_offsets, title_terms), short, facets)
    }

    /// An engine of `n` entries from its parts, under an id of its own (what searches keep
    /// between keystrokes is kept per engine): a full build's or a reload's patched one.
    pub(super) fn assembled(
        n: usize,
        (terms, postings): (Terms, Postings),
        (title_offsets, title_terms): (Vec<u32>, Vec<u32>),
        short: ShortPrefixes,
        facets: FacetIndices,
    ) -> Engine {
        let FacetIndices { facets, years, organisations } = facets;
        Engine {
            id: next_engine_id(),
            short,
            len: n,
            terms,
            postings,
            title_offsets: Slab::from(title_offsets),
            title_terms: Slab::from(title_terms),
            facets,
            years,
            organisations,
            scorer: TitleScorer::default(),
        }
    }
}

/// Catalogues of fewer entries are indexed on one thread: threads would cost more than they save.
pub(super) const PARALLEL_FROM: usize = 20_000;

/// How many threads build an index: the cores, up to 4 (the word builders' dictionaries are
/// merged one after the other, so more parts mean more merging).
pub(super) fn build_threads() -> usize {
    std::thread::available_parallelism().map_or(1, |p| p.get().min(4))
}

/// The words of every entry, in dictionary order of first sight, on up to four threads.
fn build_words<'a>(catalogue: &'a Catalogue, tagging: &'a Tagging, threads: usize) -> Builder<'a> {
    let n = catalogue.len();
    let chunk = n.div_ceil(threads.max(1)).max(1);
    let mut parts: Vec<Builder> = std::thread::scope(|scope| {
        let handles: Vec<_> = (0..threads)
            .map(|t| {
                scope.spawn(move || {
                    let mut builder = Builder::new(catalogue, tagging);
                    for e in t * chunk..((t + 1) * chunk).min(n) {
                        builder.add_entry(e);
                    }
                    builder
                })
            })
            .collect();
        handles.into_iter().map(|h| h.join().expect("index builder thread")).collect()
    });
    let mut builder = parts.remove(0);
    for part in parts {
        builder.merge(part);
    }
    builder
}

impl Dictionary {
    /// Sorts the words so prefixes are contiguous, and renumbers the title words.
    fn sorted(builder: Builder<'_>) -> Dictionary {
        let mut title_offsets = Vec::with_capacity(builder.title_lens.len() + 1);
        title_offsets.push(0u32);
        let mut end = 0u32;
        for &len in &builder.title_lens {
            end += len;
            title_offsets.push(end);
        }
        let Builder { words, postings, mut title_terms, term_words, org_cache, .. } = builder;
        drop((term_words, org_cache));

        let mut order: Vec<u32> = (0..words.len() as u32).collect();
        order.sort_unstable_by(|&a, &b| words.get(a).cmp(words.get(b)));
        let mut rank = vec![0u32; words.len()];
        for (r, &old) in order.iter().enumerate() {
            rank[old as usize] = r as u32;
        }
        let mut postings: Vec<Option<Vec<u32>>> = postings.into_iter().map(|p| Some(p.postings)).collect();
        let sorted_terms = Terms::new(order.iter().map(|&o| words.get(o)));
        let total = postings.iter().map(|p| p.as_ref().map_or(0, Vec::len)).sum();
        let sorted_postings =
            Postings::new(order.iter().map(|&o| postings[o as usize].take().unwrap_or_default()), total);
        for t in &mut title_terms {
            if *t != NO_TERM {
                *t = rank[*t as usize];
            }
        }
        Dictionary { terms: sorted_terms, postings: sorted_postings, title_offsets, title_terms }
    }
}

/// The words of some entries of a catalogue, as a full build finds them (`patch.rs` indexes
/// with them the entries a reload changed): the distinct words in order of first sight, each
/// word's postings, and the title words of each entry with how many each has.
pub(super) struct EntryWords {
    pub words: Vec<Box<str>>,
    pub postings: Vec<Vec<u32>>,
    pub title_terms: Vec<u32>,
    pub title_lens: Vec<u32>,
}

/// [`EntryWords`] of `entries` (ascending positions) of `catalogue`.
pub(super) fn entry_words(catalogue: &Catalogue, tagging: &Tagging, entries: &[usize]) -> EntryWords {
    let mut builder = Builder::new(catalogue, tagging);
    entries.iter().for_each(|&e| builder.add_entry(e));
    let Builder { words, postings, title_terms, title_lens, .. } = builder;
    EntryWords {
        words: words.iter().map(|(_, word)| word.into()).collect(),
        postings: postings.into_iter().map(|p| p.postings).collect(),
        title_terms,
        title_lens,
    }
}

/// A new engine's id, never given before in this process (see `Engine::id`).
pub(super) fn next_engine_id() -> u64 {
    static ENGINES: AtomicU64 = AtomicU64::new(0);
    ENGINES.fetch_add(1, Ordering::Relaxed)
}

#[cfg(test)]
mod tests {
    use super::Engine;
    use crate::load::{CatalogueSource, load};

    /// Built on several threads (words by ranges of entries, facets and dense prefixes beside),
    /// the index is the one built on one, byte for byte once archived.
    #[test]
    fn threads_build_the_same_index() {
        let folder = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/catalogue");
        let catalogue = load(&CatalogueSource::Folders(vec![folder.into()])).catalogue;
        let one = Engine::with_threads(&catalogue, 1).archive().expect("archived");
        for threads in 2..6 {
            let many = Engine::with_threads(&catalogue, threads).archive().expect("archived");
            assert!(many == one, "{threads} threads built another index");
        }
    }
}
