//! The index built at load, and the search over it.

use std::cmp::Reverse;
use std::collections::{BinaryHeap, HashMap};
use std::hash::{BuildHasherDefault, Hasher};
use std::ops::Range;

use super::fold::{self, for_each_token};
use super::fuzzy::TitleScorer;
use super::matching::{Quality, match_exclusion, match_word, prefix_within_one, typo_allowed};
use super::{Facet, FacetCounts, Filters, Hit, Query, Results};
use crate::model::{Catalogue, Details, Kind, ReviewStatus};
use crate::text::Lang;

/// The searchable fields of an entry, highest weight first.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Field {
    /// Title (and an organisation's own short name).
    Title,
    Tags,
    /// Names and short names of the organisations the entry names.
    Organisation,
    /// The place name and the labels of the region and its parents.
    Place,
    Summary,
    Description,
}

impl Field {
    pub const ALL: [Field; 6] =
        [Field::Title, Field::Tags, Field::Organisation, Field::Place, Field::Summary, Field::Description];

    /// How much a word found in this field weighs in the score.
    pub fn weight(self) -> u32 {
        match self {
            Field::Title => 100,
            Field::Tags => 60,
            Field::Organisation => 45,
            Field::Place => 35,
            Field::Summary => 25,
            Field::Description => 10,
        }
    }
}

/// Low bits of a posting hold the mask of fields the word occurs in.
const FIELD_BITS: u32 = 6;
const FIELD_MASK: u32 = (1 << FIELD_BITS) - 1;
/// Entries beyond this cannot be indexed (postings pack the entry index in 26 bits).
pub const MAX_ENTRIES: usize = 1 << (32 - FIELD_BITS);
/// Separates the title variants (languages) of one entry in `title_terms`.
const NO_TERM: u32 = u32::MAX;

fn quality_factor(q: Quality) -> u32 {
    match q {
        Quality::Exact => 10,
        Quality::Prefix => 7,
        Quality::Typo => 4,
    }
}

/// Each additional query word matched outranks any score from fields and bonuses.
const PER_WORD: i64 = 1_000_000;
/// Bonus for two consecutive query words found next to each other, in order, in a title...
const PHRASE_TITLE: u32 = 800;
/// ...and in the summary, tags, place or organisation names.
const PHRASE_OTHER: u32 = 300;
/// The fuzzy title score (fuzzy-matcher's units) is divided by this and capped at `FUZZY_CAP`.
const FUZZY_DIVISOR: i64 = 3;
const FUZZY_CAP: i64 = 100;

/// A small fast hasher for the dictionary while building (FxHash).
#[derive(Default)]
struct FxHasher(u64);

impl Hasher for FxHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for chunk in bytes.chunks(8) {
            let mut word = [0u8; 8];
            word[..chunk.len()].copy_from_slice(chunk);
            self.0 = (self.0.rotate_left(5) ^ u64::from_le_bytes(word)).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
        }
    }
}

/// A set of entry indices.
#[derive(Clone, Debug, PartialEq, Eq)]
struct Bits(Vec<u64>);

impl Bits {
    fn empty(n: usize) -> Bits {
        Bits(vec![0; n.div_ceil(64)])
    }

    fn full(n: usize) -> Bits {
        let mut b = Bits(vec![u64::MAX; n.div_ceil(64)]);
        if !n.is_multiple_of(64)
            && let Some(last) = b.0.last_mut()
        {
            *last = (1u64 << (n % 64)) - 1;
        }
        b
    }

    #[inline]
    fn insert(&mut self, i: usize) {
        self.0[i / 64] |= 1 << (i % 64);
    }

    fn and(&mut self, other: &Bits) {
        self.0.iter_mut().zip(&other.0).for_each(|(a, b)| *a &= b);
    }

    fn and_not(&mut self, other: &Bits) {
        self.0.iter_mut().zip(&other.0).for_each(|(a, b)| *a &= !b);
    }

    fn count(&self) -> usize {
        self.0.iter().map(|w| w.count_ones() as usize).sum()
    }

    fn for_each(&self, mut f: impl FnMut(usize)) {
        for (i, &word) in self.0.iter().enumerate() {
            let mut w = word;
            while w != 0 {
                f(i * 64 + w.trailing_zeros() as usize);
                w &= w - 1;
            }
        }
    }
}

/// One facet: the values of each entry (parents included) and the entries of each value.
#[derive(Debug, Default)]
struct FacetIndex {
    values: usize,
    entry_offsets: Vec<u32>,
    entry_values: Vec<u32>,
    value_offsets: Vec<u32>,
    value_entries: Vec<u32>,
}

impl FacetIndex {
    /// From each entry's values (sorted, without repeats), in CSR form.
    fn build(values: usize, entry_offsets: Vec<u32>, entry_values: Vec<u32>) -> FacetIndex {
        let mut counts = vec![0u32; values + 1];
        for &v in &entry_values {
            counts[v as usize + 1] += 1;
        }
        for v in 0..values {
            counts[v + 1] += counts[v];
        }
        let value_offsets = counts.clone();
        let mut fill = counts;
        let mut value_entries = vec![0u32; entry_values.len()];
        for e in 0..entry_offsets.len() - 1 {
            for &v in &entry_values[entry_offsets[e] as usize..entry_offsets[e + 1] as usize] {
                value_entries[fill[v as usize] as usize] = e as u32;
                fill[v as usize] += 1;
            }
        }
        FacetIndex { values, entry_offsets, entry_values, value_offsets, value_entries }
    }

    fn of_entry(&self, e: usize) -> &[u32] {
        &self.entry_values[self.entry_offsets[e] as usize..self.entry_offsets[e + 1] as usize]
    }

    fn entries_of(&self, v: usize) -> &[u32] {
        &self.value_entries[self.value_offsets[v] as usize..self.value_offsets[v + 1] as usize]
    }

    fn select(&self, n: usize, values: &[usize]) -> Bits {
        let mut bits = Bits::empty(n);
        for &v in values.iter().filter(|&&v| v < self.values) {
            for &e in self.entries_of(v) {
                bits.insert(e as usize);
            }
        }
        bits
    }
}

/// The search index of one catalogue. Build it with [`Engine::new`] whenever the catalogue is
/// (re)loaded and pass that same catalogue to [`Engine::search`].
pub struct Engine {
    len: usize,
    /// Every folded word of the catalogue, sorted.
    terms: Vec<Box<str>>,
    /// Per word: `entry << FIELD_BITS | fields`, by entry.
    postings: Vec<Box<[u32]>>,
    /// Per entry: its title's words (all languages, `NO_TERM` between them).
    title_offsets: Vec<u32>,
    title_terms: Vec<u32>,
    facets: Vec<FacetIndex>,
    years: Vec<i32>,
    /// The organisation facet's values: entry indices of the organisations.
    organisations: Vec<u32>,
    scorer: TitleScorer,
}

/// Collects the searchable texts of entry `e`.
fn searchable<'a>(catalogue: &'a Catalogue, e: usize, out: &mut Vec<(Field, &'a str)>) {
    out.clear();
    let entry = &catalogue.entries()[e];
    let common = &entry.common;
    out.extend(common.title.variants().map(|t| (Field::Title, t.as_str())));
    if let Details::Organisation(d) = &entry.details
        && let Some(short) = &d.short_name
    {
        out.push((Field::Title, short.as_str()));
    }
    out.extend(common.tags.iter().map(|t| (Field::Tags, t.as_str())));
    for id in entry.organisations() {
        if let Some(org) = catalogue.get(id.as_str()) {
            out.extend(org.common.title.variants().map(|t| (Field::Organisation, t.as_str())));
            if let Details::Organisation(d) = &org.details
                && let Some(short) = &d.short_name
            {
                out.push((Field::Organisation, short.as_str()));
            }
        }
    }
    if let Some(location) = &common.location {
        if let Some(place) = &location.place {
            out.extend(place.variants().map(|t| (Field::Place, t.as_str())));
        }
        let regions = &catalogue.vocabularies.regions;
        if let Some(r) = regions.index_of(location.region.as_str()) {
            for a in regions.with_ancestors(r) {
                out.extend(regions.term(a).label.variants().map(|t| (Field::Place, t.as_str())));
            }
        }
    }
    out.extend(common.summary.variants().map(|t| (Field::Summary, t.as_str())));
    if let Some(description) = &common.description {
        out.extend(description.variants().map(|t| (Field::Description, t.as_str())));
    }
}

/// What facet values are computed from, once per index build.
struct FacetContext<'a> {
    catalogue: &'a Catalogue,
    /// Per vocabulary facet (region, material, theme, stage): each term with its ancestors.
    ancestors: [Vec<Vec<u32>>; 4],
    org_value: Vec<u32>,
    years: Vec<i32>,
}

impl FacetContext<'_> {
    /// The values of every facet for entry `e`, parents included (before sorting and dedup).
    fn values(&self, e: usize, out: &mut [Vec<u32>; Facet::COUNT]) {
        let catalogue = self.catalogue;
        let entry = &catalogue.entries()[e];
        let v = &catalogue.vocabularies;
        out.iter_mut().for_each(Vec::clear);
        let mut add_terms =
            |slot: usize, facet: Facet, vocabulary: &crate::model::Vocabulary, ids: &mut dyn Iterator<Item = &str>| {
                for id in ids {
                    if let Some(i) = vocabulary.index_of(id) {
                        out[facet.index()].extend_from_slice(&self.ancestors[slot][i]);
                    }
                }
            };
        add_terms(0, Facet::Region, &v.regions, &mut entry.common.location.iter().map(|l| l.region.as_str()));
        add_terms(1, Facet::Material, &v.materials, &mut entry.common.materials.iter().map(|i| i.as_str()));
        add_terms(2, Facet::Theme, &v.themes, &mut entry.common.themes.iter().map(|i| i.as_str()));
        add_terms(3, Facet::Stage, &v.stages, &mut entry.common.stages.iter().map(|i| i.as_str()));
        out[Facet::Kind.index()].push(Kind::ALL.iter().position(|&k| k == entry.kind).unwrap_or(0) as u32);
        let status = entry.common.review.status;
        out[Facet::Status.index()].push(ReviewStatus::ALL.iter().position(|&s| s == status).unwrap_or(0) as u32);
        for id in entry.organisations() {
            if let Some(o) = catalogue.index_of(id.as_str())
                && self.org_value[o] != u32::MAX
            {
                out[Facet::Organisation.index()].push(self.org_value[o]);
            }
        }
        if self.org_value[e] != u32::MAX {
            out[Facet::Organisation.index()].push(self.org_value[e]);
        }
        for year in entry.years() {
            if let Ok(y) = self.years.binary_search(&year) {
                out[Facet::Year.index()].push(y as u32);
            }
        }
    }
}

/// Builds the dictionary and postings of a range of entries. Labels of regions and names of
/// organisations, repeated across many entries, are tokenised once and cached.
struct Builder<'a> {
    catalogue: &'a Catalogue,
    dictionary: HashMap<Box<str>, u32, BuildHasherDefault<FxHasher>>,
    terms: Vec<Box<str>>,
    postings: Vec<Vec<u32>>,
    /// Per word: 1 + the last entry it was seen in.
    last: Vec<u32>,
    title_terms: Vec<u32>,
    /// Per entry of the range: how many `title_terms` it added.
    title_lens: Vec<u32>,
    region_cache: Vec<Option<Vec<u32>>>,
    org_cache: HashMap<usize, Vec<u32>, BuildHasherDefault<FxHasher>>,
}

impl<'a> Builder<'a> {
    fn new(catalogue: &'a Catalogue) -> Builder<'a> {
        Builder {
            catalogue,
            dictionary: HashMap::default(),
            terms: Vec::new(),
            postings: Vec::new(),
            last: Vec::new(),
            title_terms: Vec::new(),
            title_lens: Vec::new(),
            region_cache: vec![None; catalogue.vocabularies.regions.len()],
            org_cache: HashMap::default(),
        }
    }

    fn intern(&mut self, folded: &str) -> u32 {
        if let Some(&id) = self.dictionary.get(folded) {
            return id;
        }
        self.intern_new(folded.into())
    }

    fn intern_new(&mut self, boxed: Box<str>) -> u32 {
        let id = self.terms.len() as u32;
        self.dictionary.insert(boxed.clone(), id);
        self.terms.push(boxed);
        self.postings.push(Vec::new());
        self.last.push(0);
        id
    }

    #[inline]
    fn add_id(&mut self, e: usize, field: Field, id: u32) {
        let bit = 1u32 << field as u32;
        let t = id as usize;
        if self.last[t] == e as u32 + 1 {
            if let Some(p) = self.postings[t].last_mut() {
                *p |= bit;
            }
        } else {
            self.postings[t].push((e as u32) << FIELD_BITS | bit);
            self.last[t] = e as u32 + 1;
        }
    }

    fn add_text(&mut self, e: usize, field: Field, text: &str) {
        for_each_token(text, |_, folded| {
            let id = self.intern(folded);
            self.add_id(e, field, id);
        });
    }

    fn text_ids(&mut self, text: &str, out: &mut Vec<u32>) {
        for_each_token(text, |_, folded| out.push(self.intern(folded)));
    }

    fn add_entry(&mut self, e: usize) {
        let catalogue = self.catalogue;
        let entry = &catalogue.entries()[e];
        let common = &entry.common;
        let before = self.title_terms.len();
        for (i, title) in common.title.variants().enumerate() {
            if i > 0 {
                self.title_terms.push(NO_TERM);
            }
            for_each_token(title.as_str(), |_, folded| {
                let id = self.intern(folded);
                self.add_id(e, Field::Title, id);
                self.title_terms.push(id);
            });
        }
        self.title_lens.push((self.title_terms.len() - before) as u32);
        if let Details::Organisation(d) = &entry.details
            && let Some(short) = &d.short_name
        {
            self.add_text(e, Field::Title, short.as_str());
        }
        for tag in &common.tags {
            self.add_text(e, Field::Tags, tag.as_str());
        }
        for id in entry.organisations() {
            let Some(o) = catalogue.index_of(id.as_str()) else { continue };
            let ids = match self.org_cache.get(&o) {
                Some(ids) => ids.clone(),
                None => {
                    let org = &catalogue.entries()[o];
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
        if let Some(location) = &common.location {
            if let Some(place) = &location.place {
                for t in place.variants() {
                    self.add_text(e, Field::Place, t.as_str());
                }
            }
            let regions = &catalogue.vocabularies.regions;
            if let Some(r) = regions.index_of(location.region.as_str()) {
                if self.region_cache[r].is_none() {
                    let mut ids = Vec::new();
                    for a in regions.with_ancestors(r) {
                        for t in regions.term(a).label.variants() {
                            self.text_ids(t.as_str(), &mut ids);
                        }
                    }
                    self.region_cache[r] = Some(ids);
                }
                let ids = std::mem::take(&mut self.region_cache[r]).unwrap_or_default();
                ids.iter().for_each(|&id| self.add_id(e, Field::Place, id));
                self.region_cache[r] = Some(ids);
            }
        }
        for t in common.summary.variants() {
            self.add_text(e, Field::Summary, t.as_str());
        }
        if let Some(description) = &common.description {
            for t in description.variants() {
                self.add_text(e, Field::Description, t.as_str());
            }
        }
    }

    /// Appends a builder of the entries that follow this one's.
    fn merge(&mut self, other: Builder<'a>) {
        let mut map = Vec::with_capacity(other.terms.len());
        for term in other.terms {
            let id = match self.dictionary.get(&term) {
                Some(&id) => id,
                None => self.intern_new(term),
            };
            map.push(id);
        }
        for (local, postings) in other.postings.into_iter().enumerate() {
            self.postings[map[local] as usize].extend(postings);
        }
        self.title_terms.extend(other.title_terms.iter().map(|&t| if t == NO_TERM { t } else { map[t as usize] }));
        self.title_lens.extend(other.title_lens);
    }
}

impl Engine {
    /// Builds the index, on up to two threads. Linear in the catalogue's text.
    ///
    /// # Panics
    /// If the catalogue has more than [`MAX_ENTRIES`] entries.
    pub fn new(catalogue: &Catalogue) -> Engine {
        let n = catalogue.len();
        assert!(n < MAX_ENTRIES, "the search index holds at most {MAX_ENTRIES} entries");
        let threads = if n >= 20_000 { std::thread::available_parallelism().map_or(1, |p| p.get().min(2)) } else { 1 };
        let chunk = n.div_ceil(threads.max(1)).max(1);
        let mut parts: Vec<Builder> = std::thread::scope(|scope| {
            let handles: Vec<_> = (0..threads)
                .map(|t| {
                    scope.spawn(move || {
                        let mut builder = Builder::new(catalogue);
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
        let mut title_offsets = Vec::with_capacity(n + 1);
        title_offsets.push(0u32);
        let mut end = 0u32;
        for &len in &builder.title_lens {
            end += len;
            title_offsets.push(end);
        }
        let Builder { dictionary, terms, postings, last, mut title_terms, region_cache, org_cache, .. } = builder;
        drop((dictionary, last, region_cache, org_cache));

        // Sort the dictionary so prefixes are contiguous, and renumber.
        let mut order: Vec<u32> = (0..terms.len() as u32).collect();
        order.sort_unstable_by(|&a, &b| terms[a as usize].cmp(&terms[b as usize]));
        let mut rank = vec![0u32; terms.len()];
        for (r, &old) in order.iter().enumerate() {
            rank[old as usize] = r as u32;
        }
        let mut terms: Vec<Option<Box<str>>> = terms.into_iter().map(Some).collect();
        let mut postings: Vec<Option<Vec<u32>>> = postings.into_iter().map(Some).collect();
        let sorted_terms: Vec<Box<str>> = order.iter().map(|&o| terms[o as usize].take().unwrap_or_default()).collect();
        let sorted_postings: Vec<Box<[u32]>> =
            order.iter().map(|&o| postings[o as usize].take().unwrap_or_default().into_boxed_slice()).collect();
        for t in &mut title_terms {
            if *t != NO_TERM {
                *t = rank[*t as usize];
            }
        }

        // Facets.
        let entries = catalogue.entries();
        let mut years: Vec<i32> = entries.iter().flat_map(|e| e.years()).collect();
        years.sort_unstable();
        years.dedup();
        let mut org_value = vec![u32::MAX; n];
        let mut organisations = Vec::new();
        for (i, e) in entries.iter().enumerate() {
            if e.kind == Kind::Organisation {
                org_value[i] = organisations.len() as u32;
                organisations.push(i as u32);
            }
        }
        let v = &catalogue.vocabularies;
        let ancestors_of = |vocabulary: &crate::model::Vocabulary| -> Vec<Vec<u32>> {
            (0..vocabulary.len())
                .map(|i| vocabulary.with_ancestors(i).into_iter().map(|a| a as u32).collect())
                .collect()
        };
        let context = FacetContext {
            catalogue,
            ancestors: [
                ancestors_of(&v.regions),
                ancestors_of(&v.materials),
                ancestors_of(&v.themes),
                ancestors_of(&v.stages),
            ],
            org_value,
            years,
        };
        let mut offsets: [Vec<u32>; Facet::COUNT] = Default::default();
        let mut flat: [Vec<u32>; Facet::COUNT] = Default::default();
        for o in &mut offsets {
            o.reserve(n + 1);
            o.push(0);
        }
        let mut scratch: [Vec<u32>; Facet::COUNT] = Default::default();
        for e in 0..n {
            context.values(e, &mut scratch);
            for f in 0..Facet::COUNT {
                let vals = &mut scratch[f];
                vals.sort_unstable();
                vals.dedup();
                flat[f].extend_from_slice(vals);
                offsets[f].push(flat[f].len() as u32);
            }
        }
        let FacetContext { years, .. } = context;
        let v = &catalogue.vocabularies;
        let sizes = [
            v.regions.len(),
            v.materials.len(),
            v.themes.len(),
            Kind::ALL.len(),
            v.stages.len(),
            organisations.len(),
            years.len(),
            ReviewStatus::ALL.len(),
        ];
        let facets = offsets
            .into_iter()
            .zip(flat)
            .zip(sizes)
            .map(|((offsets, values), size)| FacetIndex::build(size, offsets, values))
            .collect();

        Engine {
            len: n,
            terms: sorted_terms,
            postings: sorted_postings,
            title_offsets,
            title_terms,
            facets,
            years,
            organisations,
            scorer: TitleScorer::default(),
        }
    }

    /// How many entries the index covers.
    pub fn len(&self) -> usize {
        self.len
    }

    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// How many distinct folded words the dictionary holds.
    pub fn dictionary_len(&self) -> usize {
        self.terms.len()
    }

    /// The values of [`Facet::Year`], ascending.
    pub fn years(&self) -> &[i32] {
        &self.years
    }

    /// The values of [`Facet::Organisation`]: catalogue indices of organisation entries.
    pub fn organisations(&self) -> &[u32] {
        &self.organisations
    }

    /// How many values `facet` has.
    pub fn value_count(&self, facet: Facet) -> usize {
        self.facets[facet.index()].values
    }

    /// The id of a facet value, as typed in `field:value` filters and `--region` flags.
    pub fn value_id(&self, catalogue: &Catalogue, facet: Facet, value: usize) -> String {
        match facet {
            Facet::Kind => Kind::ALL.get(value).map(|k| k.id().to_string()).unwrap_or_default(),
            Facet::Status => ReviewStatus::ALL.get(value).map(|s| s.id().to_string()).unwrap_or_default(),
            Facet::Year => self.years.get(value).map(|y| y.to_string()).unwrap_or_default(),
            Facet::Organisation => self
                .organisations
                .get(value)
                .map(|&e| catalogue.entries()[e as usize].id.to_string())
                .unwrap_or_default(),
            _ => {
                let vocabulary = catalogue.vocabularies.get(facet.vocabulary().expect("vocabulary facet"));
                if value < vocabulary.len() { vocabulary.term(value).id.to_string() } else { String::new() }
            }
        }
    }

    /// The label of a facet value in `lang` (the id where there is no label).
    pub fn value_label(&self, catalogue: &Catalogue, facet: Facet, value: usize, lang: Lang) -> String {
        match facet {
            Facet::Organisation => self
                .organisations
                .get(value)
                .map(|&e| catalogue.entries()[e as usize].title().get(lang).to_string())
                .unwrap_or_default(),
            Facet::Kind | Facet::Status | Facet::Year => self.value_id(catalogue, facet, value),
            _ => {
                let vocabulary = catalogue.vocabularies.get(facet.vocabulary().expect("vocabulary facet"));
                if value < vocabulary.len() {
                    let term = vocabulary.term(value);
                    let label = term.label.get(lang);
                    if label.is_empty() { term.id.to_string() } else { label.to_string() }
                } else {
                    String::new()
                }
            }
        }
    }

    /// Finds the values a typed value names: an id or symbol (any case), else a label
    /// (accent- and case-folded), an organisation's short name, a kind's or status' id,
    /// a year or a range of years `2020..2023`. `None` when it names nothing; a year with no
    /// entries gives `Some` of nothing.
    pub fn resolve_value(&self, catalogue: &Catalogue, facet: Facet, text: &str) -> Option<Vec<usize>> {
        let folded = fold::fold(text);
        match facet {
            Facet::Kind => Kind::parse(text).and_then(|k| Kind::ALL.iter().position(|&x| x == k)).map(|i| vec![i]),
            Facet::Status => ReviewStatus::ALL
                .iter()
                .position(|s| s.id() == folded || s.id().replace('-', "") == folded.replace(['-', '_', ' '], ""))
                .map(|i| vec![i]),
            Facet::Year => {
                let (from, to) = match text.split_once("..") {
                    Some((a, b)) => (a.trim().parse::<i32>().ok()?, b.trim().parse::<i32>().ok()?),
                    None => {
                        let y = text.trim().parse::<i32>().ok()?;
                        (y, y)
                    }
                };
                Some(self.years.iter().enumerate().filter(|(_, y)| (from..=to).contains(*y)).map(|(i, _)| i).collect())
            }
            Facet::Organisation => {
                let by_id =
                    catalogue.index_of(text).and_then(|e| self.organisations.iter().position(|&o| o as usize == e));
                by_id.map(|i| vec![i]).or_else(|| {
                    self.organisations
                        .iter()
                        .position(|&o| {
                            let entry = &catalogue.entries()[o as usize];
                            entry.id.as_str().eq_ignore_ascii_case(text)
                                || entry.title().variants().any(|t| fold::fold(t.as_str()) == folded)
                                || matches!(&entry.details, Details::Organisation(d)
                                    if d.short_name.as_ref().is_some_and(|s| fold::fold(s.as_str()) == folded))
                        })
                        .map(|i| vec![i])
                })
            }
            _ => {
                let vocabulary = catalogue.vocabularies.get(facet.vocabulary().expect("vocabulary facet"));
                vocabulary.index_of(text).map(|i| vec![i]).or_else(|| {
                    (0..vocabulary.len())
                        .find(|&i| vocabulary.term(i).label.variants().any(|l| fold::fold(l.as_str()) == folded))
                        .map(|i| vec![i])
                })
            }
        }
    }

    /// Dictionary words matching `word`, with how well.
    fn matching_terms(&self, word: &str) -> Vec<(u32, Quality)> {
        let lo = self.terms.partition_point(|t| t.as_ref() < word);
        let hi = lo + self.terms[lo..].partition_point(|t| t.starts_with(word));
        let mut out: Vec<(u32, Quality)> = (lo..hi)
            .map(|t| (t as u32, if self.terms[t].as_ref() == word { Quality::Exact } else { Quality::Prefix }))
            .collect();
        if typo_allowed(word) {
            // A word of n characters is within one edit only of starts of n - 1 characters or
            // more, and a term has at least as many bytes as characters.
            let chars = word.chars().count();
            for (t, term) in self.terms.iter().enumerate() {
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

    /// Entries having a word that starts with `word`.
    fn entries_with_prefix(&self, word: &str) -> Bits {
        let mut bits = Bits::empty(self.len);
        let lo = self.terms.partition_point(|t| t.as_ref() < word);
        let hi = lo + self.terms[lo..].partition_point(|t| match_exclusion(word, t));
        for postings in &self.postings[lo..hi] {
            for &p in postings.iter() {
                bits.insert((p >> FIELD_BITS) as usize);
            }
        }
        bits
    }

    /// Runs a query with the selected filters. `catalogue` must be the one the engine was
    /// built from. Returns the best `limit` hits, the totals and every facet count.
    pub fn search(&self, catalogue: &Catalogue, query: &Query, filters: &Filters, lang: Lang, limit: usize) -> Results {
        self.search_timed(catalogue, query, filters, lang, limit).0
    }

    /// [`Engine::search`], also returning the time spent on facet counts (for the benchmark).
    #[doc(hidden)]
    pub fn search_timed(
        &self,
        catalogue: &Catalogue,
        query: &Query,
        filters: &Filters,
        lang: Lang,
        limit: usize,
    ) -> (Results, std::time::Duration) {
        let n = self.len;
        debug_assert_eq!(n, catalogue.len(), "the engine was built from another catalogue");
        let n = n.min(catalogue.len());
        let mut unknown_values = Vec::new();

        // What the query itself selects: words, exclusions, field filters.
        let words = &query.words;
        let mut scores: Vec<u32> = Vec::new();
        let mut word_masks: Vec<u16> = Vec::new();
        let mut term_words: Vec<u16> = Vec::new();
        let mut base = if words.is_empty() {
            Bits::full(n)
        } else {
            scores = vec![0; n];
            word_masks = vec![0; n];
            let mut best: Vec<u16> = vec![0; n];
            let mut touched: Vec<u32> = Vec::new();
            let mut bits = Bits::empty(n);
            if words.len() > 1 {
                term_words = vec![0; self.terms.len()];
            }
            for (w, word) in words.iter().enumerate() {
                touched.clear();
                for (t, quality) in self.matching_terms(word) {
                    if !term_words.is_empty() {
                        term_words[t as usize] |= 1 << w;
                    }
                    let q = quality_factor(quality);
                    for &p in self.postings[t as usize].iter() {
                        let e = (p >> FIELD_BITS) as usize;
                        let field = (p & FIELD_MASK).trailing_zeros() as usize;
                        let s = (Field::ALL[field].weight() * q) as u16;
                        if e >= n {
                            continue;
                        }
                        if best[e] == 0 {
                            touched.push(e as u32);
                        }
                        best[e] = best[e].max(s);
                    }
                }
                for &e in &touched {
                    let e = e as usize;
                    scores[e] += u32::from(best[e]);
                    word_masks[e] |= 1 << w;
                    best[e] = 0;
                    bits.insert(e);
                }
            }
            bits
        };
        for group in &query.exclusions {
            let mut excluded = Bits::full(n);
            for word in group {
                excluded.and(&self.entries_with_prefix(word));
            }
            base.and_not(&excluded);
        }
        let mut field_selection: [Option<Bits>; Facet::COUNT] = Default::default();
        for filter in &query.fields {
            let mut values = Vec::new();
            for text in &filter.values {
                match self.resolve_value(catalogue, filter.facet, text) {
                    Some(v) => values.extend(v),
                    None => unknown_values.push((filter.facet, text.clone())),
                }
            }
            if values.is_empty() && filter.values.iter().all(|t| unknown_values.iter().any(|(_, u)| u == t)) {
                continue; // names nothing known: ignored, and reported
            }
            let bits = self.facets[filter.facet.index()].select(n, &values);
            if filter.negated {
                base.and_not(&bits);
            } else {
                // Several filters on one field are OR-ed, like values of one facet.
                let slot = &mut field_selection[filter.facet.index()];
                match slot {
                    Some(existing) => existing.0.iter_mut().zip(&bits.0).for_each(|(a, b)| *a |= b),
                    None => *slot = Some(bits),
                }
            }
        }
        for selection in field_selection.iter().flatten() {
            base.and(selection);
        }
        if let Some(only) = filters.restriction() {
            let mut allowed = Bits::empty(n);
            only.iter().filter(|&&e| e < n).for_each(|&e| allowed.insert(e));
            base.and(&allowed);
        }

        // The facets' selections, and the results.
        let selections: Vec<Option<Bits>> = Facet::ALL
            .iter()
            .map(|&f| {
                let chosen = filters.selected(f);
                (!chosen.is_empty()).then(|| self.facets[f.index()].select(n, chosen))
            })
            .collect();
        let mut results = base.clone();
        for selection in selections.iter().flatten() {
            results.and(selection);
        }
        let counting = std::time::Instant::now();
        let facet_counts = self.count_facets(&base, &results, &selections);
        let counting = counting.elapsed();

        let total = results.count();
        let all_words_mask: u16 = if words.is_empty() { 0 } else { ((1u32 << words.len()) - 1) as u16 };
        let mut total_all_words = 0;
        let hits = if words.is_empty() {
            total_all_words = total;
            let mut hits = Vec::new();
            results.for_each(|e| {
                if hits.len() < limit {
                    hits.push(Hit {
                        entry: e,
                        score: 0,
                        words: 0,
                        title_highlights: Vec::new(),
                        summary_highlights: Vec::new(),
                    });
                }
            });
            hits
        } else {
            // Rank: a bounded heap over the results, then a finer score for the best few.
            let keep = limit.max(10).saturating_mul(3).min(total);
            let mut heap: BinaryHeap<Reverse<(i64, Reverse<usize>)>> = BinaryHeap::with_capacity(keep + 1);
            results.for_each(|e| {
                let mask = word_masks[e];
                if mask == all_words_mask {
                    total_all_words += 1;
                }
                if keep == 0 {
                    return;
                }
                let mut score = i64::from(mask.count_ones()) * PER_WORD + i64::from(scores[e]);
                if mask.count_ones() > 1 {
                    score += i64::from(self.title_phrase_pairs(e, &term_words, words.len()) * PHRASE_TITLE);
                }
                let key = (score, Reverse(e));
                if heap.len() < keep {
                    heap.push(Reverse(key));
                } else if heap.peek().is_some_and(|Reverse(min)| key > *min) {
                    heap.pop();
                    heap.push(Reverse(key));
                }
            });
            let pattern = words.join(" ");
            let mut ranked: Vec<(i64, usize, u32)> = heap
                .into_iter()
                .map(|Reverse((score, Reverse(e)))| {
                    let entry = &catalogue.entries()[e];
                    let mask = word_masks[e];
                    let mut score = score;
                    if mask.count_ones() > 1 {
                        score += i64::from(other_phrase_pairs(catalogue, e, words) * PHRASE_OTHER);
                    }
                    let title = fold::fold(entry.title().get(lang));
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
                    let entry = &catalogue.entries()[e];
                    Hit {
                        entry: e,
                        score,
                        words: count,
                        title_highlights: highlights(entry.title().get(lang), words),
                        summary_highlights: highlights(entry.summary().get(lang), words),
                    }
                })
                .collect()
        };
        (Results { hits, total, total_all_words, facet_counts, unknown_values }, counting)
    }

    /// How many consecutive query-word pairs (i, i+1) occur next to each other in a title.
    fn title_phrase_pairs(&self, e: usize, term_words: &[u16], words: usize) -> u32 {
        let terms = &self.title_terms[self.title_offsets[e] as usize..self.title_offsets[e + 1] as usize];
        let mut found: u16 = 0;
        for pair in terms.windows(2) {
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

    /// Counts, for every facet, the entries of `base` that pass the other facets' selections,
    /// per value. Facets with no selection share one pass over the results. A set holding
    /// more than half the catalogue is counted through its complement: a value's count is
    /// then its number of entries minus those outside the set.
    fn count_facets(&self, base: &Bits, results: &Bits, selections: &[Option<Bits>]) -> FacetCounts {
        let mut counts: [Vec<u32>; Facet::COUNT] = Default::default();
        let unselected: Vec<usize> = (0..Facet::COUNT).filter(|&f| selections[f].is_none()).collect();
        if !unselected.is_empty() {
            self.count_into(&unselected, results, &mut counts);
        }
        for f in (0..Facet::COUNT).filter(|&f| selections[f].is_some()) {
            let mut others = base.clone();
            for (g, selection) in selections.iter().enumerate() {
                if g != f
                    && let Some(s) = selection
                {
                    others.and(s);
                }
            }
            self.count_into(&[f], &others, &mut counts);
        }
        FacetCounts { counts }
    }

    fn count_into(&self, facets: &[usize], set: &Bits, counts: &mut [Vec<u32>; Facet::COUNT]) {
        let size = set.count();
        let (walk, complement) = if size * 2 > self.len {
            let mut rest = Bits::full(self.len);
            rest.and_not(set);
            (rest, true)
        } else {
            (set.clone(), false)
        };
        for &f in facets {
            counts[f] = if complement {
                let index = &self.facets[f];
                (0..index.values).map(|v| index.value_offsets[v + 1] - index.value_offsets[v]).collect()
            } else {
                vec![0; self.facets[f].values]
            };
        }
        walk.for_each(|e| {
            for &f in facets {
                let slot = &mut counts[f];
                for &v in self.facets[f].of_entry(e) {
                    if complement {
                        slot[v as usize] -= 1;
                    } else {
                        slot[v as usize] += 1;
                    }
                }
            }
        });
    }
}

/// The searchable texts other than titles, folded into words, to find phrases.
fn other_phrase_pairs(catalogue: &Catalogue, e: usize, words: &[String]) -> u32 {
    let mut fields = Vec::new();
    searchable(catalogue, e, &mut fields);
    let mut found: u32 = 0;
    for &(field, text) in &fields {
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

const _: () = {
    const fn assert_send_sync<T: Send + Sync>() {}
    assert_send_sync::<Engine>();
};
