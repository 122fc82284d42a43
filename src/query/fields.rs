//! The searchable fields of an entry, and how a posting packs an entry with its fields.

use crate::model::{Catalogue, Details};

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

    /// Its bit in a posting's mask of fields.
    pub(super) fn bit(self) -> u32 {
        1 << self as u32
    }
}

/// Low bits of a posting hold the mask of fields the word occurs in.
const FIELD_BITS: u32 = 6;
const FIELD_MASK: u32 = (1 << FIELD_BITS) - 1;
const _: () = assert!(Field::ALL.len() as u32 <= FIELD_BITS);

/// Entries beyond this cannot be indexed (postings pack the entry index in 26 bits).
pub const MAX_ENTRIES: usize = 1 << (32 - FIELD_BITS);

/// A posting: entry `e` has the word in the fields of `mask` (bits of [`Field::bit`]).
#[inline]
pub(super) fn posting(e: usize, mask: u32) -> u32 {
    (e as u32) << FIELD_BITS | mask
}

/// The entry of a posting.
#[inline]
pub(super) fn posting_entry(p: u32) -> usize {
    (p >> FIELD_BITS) as usize
}

/// The heaviest field of a posting.
#[inline]
pub(super) fn posting_best_field(p: u32) -> Field {
    Field::ALL[(p & FIELD_MASK).trailing_zeros() as usize]
}

/// Collects the searchable texts of entry `e`.
pub(super) fn searchable<'a>(catalogue: &'a Catalogue, e: usize, out: &mut Vec<(Field, &'a str)>) {
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
