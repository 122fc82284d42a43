//! Per facet: the values of each entry (parents included) and the entries of each value.

use super::bits::Bits;
use super::facet::PerFacet;
use super::slab::Slab;
use super::split;
use super::tagged::Tagging;
use crate::model::{Catalogue, Id, Kind, ReviewStatus, VocabularyKind};
use std::ops::Range;

/// A value held by at least this share of the entries (1 / `DENSE_SHARE`) also keeps its
/// entries as a bitset: counting it is then one AND and popcount over the set's words, and at
/// most `DENSE_SHARE` values per value-of-an-entry qualify, which bounds the memory.
const DENSE_SHARE: usize = 32;

/// One facet's index, in CSR form both ways.
#[derive(Debug, Default, rkyv::Archive, rkyv::Serialize, rkyv::Deserialize)]
#[rkyv(deserialize_bounds(__D: super::slab::Viewing))]
pub(super) struct FacetIndex {
    values: usize,
    entry_offsets: Slab<u32>,
    entry_values: Slab<u32>,
    value_offsets: Slab<u32>,
    value_entries: Slab<u32>,
    /// The values held by many entries, with their entries as a set.
    dense: Vec<(u32, Bits)>,
    /// Work to count every value from the values' side: words of the dense sets plus the
    /// entries of the other values (see `counts.rs`).
    value_side_cost: usize,
}

impl FacetIndex {
    /// Whether this index (read back from the cache) can serve a catalogue of `n` entries:
    /// every offset in order and every index in range, so no search can index out of bounds.
    pub fn fits(&self, n: usize) -> bool {
        // Each array's pages are given back as it is checked (see `Slab::all_parts`).
        let csr = |offsets: &Slab<u32>, items: &Slab<u32>, rows: usize, bound: usize| {
            offsets.len() == rows + 1
                && offsets.first() == Some(&0)
                && offsets.last().is_some_and(|&end| end as usize == items.len())
                && offsets.ascending()
                && items.all_below(bound)
        };
        csr(&self.entry_offsets, &self.entry_values, n, self.values)
            && csr(&self.value_offsets, &self.value_entries, self.values, n)
            && self.dense.iter().all(|(v, set)| (*v as usize) < self.values && set.words() == n.div_ceil(64))
    }

    /// From each entry's values (sorted, without repeats), in CSR form.
    pub(super) fn build(values: usize, entry_offsets: Vec<u32>, entry_values: Vec<u32>) -> FacetIndex {
        let mut counts = vec![0u32; values + 1];
        for &v in &entry_values {
            counts[v as usize + 1] += 1;
        }
        for v in 0..values {
            counts[v + 1] += counts[v];
        }
        let value_offsets = Slab::from(counts.clone());
        let mut fill = counts;
        let mut value_entries = vec![0u32; entry_values.len()];
        let n = entry_offsets.len() - 1;
        for e in 0..n {
            for &v in &entry_values[entry_offsets[e] as usize..entry_offsets[e + 1] as usize] {
                value_entries[fill[v as usize] as usize] = e as u32;
                fill[v as usize] += 1;
            }
        }
        let mut index = FacetIndex {
            values,
            entry_offsets: Slab::from(entry_offsets),
            entry_values: Slab::from(entry_values),
            value_offsets,
            value_entries: Slab::from(value_entries),
            dense: Vec::new(),
            value_side_cost: 0,
        };
        for v in 0..values {
            let size = index.entries_of(v).len();
            if size > 0 && size * DENSE_SHARE >= n {
                let mut bits = Bits::empty(n);
                index.entries_of(v).iter().for_each(|&e| bits.insert(e as usize));
                index.dense.push((v as u32, bits));
                index.value_side_cost += n.div_ceil(64);
            } else {
                index.value_side_cost += size;
            }
        }
        index
    }

    /// Per value, how many entries of `set` have it, counted from the values' side: the dense
    /// values by popcount, the others by looking their entries up in `set`.
    pub fn count_by_value(&self, set: &Bits) -> Vec<u32> {
        let mut counts = vec![0u32; self.values];
        let mut dense = self.dense.iter().peekable();
        for (v, slot) in counts.iter_mut().enumerate() {
            if let Some((_, bits)) = dense.next_if(|(d, _)| *d as usize == v) {
                *slot = set.and_count(bits) as u32;
            } else {
                *slot = self.entries_of(v).iter().filter(|&&e| set.contains(e as usize)).count() as u32;
            }
        }
        counts
    }

    /// [`FacetIndex::count_by_value`] of the entries of `range` only (of a catalogue of `n`).
    pub fn count_by_value_in(&self, set: &Bits, range: &Range<usize>, n: usize) -> Vec<u32> {
        if range.start == 0 && range.end >= n {
            return self.count_by_value(set);
        }
        let words = split::words(range);
        let mut counts = vec![0u32; self.values];
        let mut dense = self.dense.iter().peekable();
        let (start, end) = (range.start as u32, range.end as u32);
        for (v, slot) in counts.iter_mut().enumerate() {
            if let Some((_, bits)) = dense.next_if(|(d, _)| *d as usize == v) {
                *slot = set.and_count_in(bits, words.clone()) as u32;
            } else {
                // A value's entries are in catalogue order.
                let mut entries = self.entries_of(v);
                if start > 0 {
                    entries = &entries[entries.partition_point(|&e| e < start)..];
                }
                if range.end < n {
                    entries = &entries[..entries.partition_point(|&e| e < end)];
                }
                *slot = entries.iter().filter(|&&e| set.contains(e as usize)).count() as u32;
            }
        }
        counts
    }

    /// Work to count from the values' side (in words or entries looked up).
    pub fn value_side_cost(&self) -> usize {
        self.value_side_cost
    }

    /// Work to count from the entries' side, per entry: its values and their offsets.
    pub fn per_entry_cost(&self) -> usize {
        2 + self.entry_values.len() / self.entry_offsets.len().saturating_sub(1).max(1)
    }

    /// How many values the facet has.
    pub fn values(&self) -> usize {
        self.values
    }

    /// The values of entry `e`, sorted.
    pub fn of_entry(&self, e: usize) -> &[u32] {
        &self.entry_values[self.entry_offsets[e] as usize..self.entry_offsets[e + 1] as usize]
    }

    /// The entries having value `v`.
    pub fn entries_of(&self, v: usize) -> &[u32] {
        &self.value_entries[self.value_offsets[v] as usize..self.value_offsets[v + 1] as usize]
    }

    /// How many entries have each value.
    pub fn sizes(&self) -> impl Iterator<Item = u32> + '_ {
        self.value_offsets.windows(2).map(|w| w[1] - w[0])
    }

    /// The entries (of `n`) having any of `values`.
    pub fn select(&self, n: usize, values: &[usize]) -> Bits {
        let mut bits = Bits::empty(n);
        for &v in values.iter().filter(|&&v| v < self.values) {
            // A value of many entries (a country, a kind) is one OR of words.
            match self.dense.binary_search_by_key(&(v as u32), |(d, _)| *d) {
                Ok(i) if n == self.entry_offsets.len() - 1 => bits.or(&self.dense[i].1),
                _ => self.entries_of(v).iter().filter(|&&e| (e as usize) < n).for_each(|&e| bits.insert(e as usize)),
            }
        }
        bits
    }
}

/// The facet indices of a catalogue, with the values of the two facets not backed by a
/// vocabulary or an enum.
pub(super) struct FacetIndices {
    pub facets: PerFacet<FacetIndex>,
    /// The values of the year facet, ascending.
    pub years: Vec<i32>,
    /// The values of the organisation facet: catalogue indices of organisation entries.
    pub organisations: Vec<u32>,
}

/// What facet values are computed from, once per index build (and per reload's patch of it,
/// `patch.rs`).
pub(super) struct FacetContext<'a> {
    catalogue: &'a Catalogue,
    /// The values each term gives the entries tagged with it, and the lookups of ids.
    tagging: &'a Tagging,
    /// Per entry: its value in the organisation facet, `u32::MAX` if it is not an organisation.
    org_value: Vec<u32>,
    years: &'a [i32],
}

/// The values of the year facet of `catalogue`, ascending.
pub(super) fn years_of(catalogue: &Catalogue) -> Vec<i32> {
    let mut years: Vec<i32> = catalogue.entries().iter().flat_map(|e| e.years()).collect();
    years.sort_unstable();
    years.dedup();
    years
}

/// Appends the values the terms `ids` of vocabulary `kind` give an entry.
fn add_terms<'i>(
    out: &mut Vec<u32>,
    catalogue: &Catalogue,
    tagging: &Tagging,
    kind: VocabularyKind,
    ids: impl Iterator<Item = &'i Id>,
) {
    let vocabulary = catalogue.vocabularies.get(kind);
    for id in ids {
        if let Some(i) = tagging.term(kind, vocabulary, id) {
            out.extend_from_slice(tagging.values(kind, i));
        }
    }
}

impl<'a> FacetContext<'a> {
    /// The context of `catalogue`'s facets, whose years are `years`; with the organisation
    /// facet's values (the positions of the organisation entries).
    pub(super) fn new(
        catalogue: &'a Catalogue,
        tagging: &'a Tagging,
        years: &'a [i32],
    ) -> (FacetContext<'a>, Vec<u32>) {
        let mut org_value = vec![u32::MAX; catalogue.len()];
        let mut organisations = Vec::new();
        for (i, e) in catalogue.entries().iter().enumerate() {
            if e.kind == Kind::Organisation {
                org_value[i] = organisations.len() as u32;
                organisations.push(i as u32);
            }
        }
        (FacetContext { catalogue, tagging, org_value, years }, organisations)
    }

    /// How many values each facet has.
    pub(super) fn sizes(&self, organisations: usize) -> PerFacet<usize> {
        let v = &self.catalogue.vocabularies;
        PerFacet {
            region: v.regions.len(),
            material: v.materials.len(),
            theme: v.themes.len(),
            kind: Kind::ALL.len(),
            stage: v.stages.len(),
            organisation: organisations,
            year: self.years.len(),
            status: ReviewStatus::ALL.len(),
        }
    }

    /// The values of every facet for entry `e`, parents included, sorted, without repeats.
    pub(super) fn sorted_values(&self, e: usize, out: &mut PerFacet<Vec<u32>>) {
        self.values(e, out);
        for (_, values) in out.iter_mut() {
            values.sort_unstable();
            values.dedup();
        }
    }
}

impl FacetContext<'_> {
    /// The values of every facet for entry `e`, parents included (before sorting and dedup).
    fn values(&self, e: usize, out: &mut PerFacet<Vec<u32>>) {
        let catalogue = self.catalogue;
        let entry = &catalogue.entries()[e];
        let common = &entry.common;
        let t = self.tagging;
        out.iter_mut().for_each(|(_, values)| values.clear());
        add_terms(&mut out.region, catalogue, t, VocabularyKind::Region, common.location.iter().map(|l| &l.region));
        add_terms(&mut out.material, catalogue, t, VocabularyKind::Material, common.materials.iter());
        add_terms(&mut out.theme, catalogue, t, VocabularyKind::Theme, common.themes.iter());
        add_terms(&mut out.stage, catalogue, t, VocabularyKind::Stage, common.stages.iter());
        out.kind.push(Kind::ALL.iter().position(|&k| k == entry.kind).unwrap_or(0) as u32);
        let status = common.review.status;
        out.status.push(ReviewStatus::ALL.iter().position(|&s| s == status).unwrap_or(0) as u32);
        for id in entry.organisations() {
            if let Some(o) = self.tagging.entry(catalogue, id)
                && self.org_value[o] != u32::MAX
            {
                out.organisation.push(self.org_value[o]);
            }
        }
        if self.org_value[e] != u32::MAX {
            out.organisation.push(self.org_value[e]);
        }
        for year in entry.years() {
            if let Ok(y) = self.years.binary_search(&year) {
                out.year.push(y as u32);
            }
        }
    }
}

impl FacetIndices {
    pub fn build(catalogue: &Catalogue, tagging: &Tagging) -> FacetIndices {
        let n = catalogue.len();
        let years = years_of(catalogue);
        let (context, organisations) = FacetContext::new(catalogue, tagging, &years);
        // Per facet: offsets into the values, and the values of every entry one after another.
        let mut columns: PerFacet<(Vec<u32>, Vec<u32>)> = PerFacet::from_fn(|_| {
            let mut offsets = Vec::with_capacity(n + 1);
            offsets.push(0);
            (offsets, Vec::new())
        });
        let mut scratch: PerFacet<Vec<u32>> = PerFacet::default();
        for e in 0..n {
            context.sorted_values(e, &mut scratch);
            for ((_, values), (_, (offsets, flat))) in scratch.iter_mut().zip(columns.iter_mut()) {
                flat.extend_from_slice(values);
                offsets.push(flat.len() as u32);
            }
        }
        let sizes = context.sizes(organisations.len());
        let facets = columns.zip(sizes).map(|_, ((offsets, values), size)| FacetIndex::build(size, offsets, values));
        FacetIndices { facets, years, organisations }
    }
}
