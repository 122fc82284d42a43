//! The searchable fields of an entry, and how a posting packs an entry with its fields.

use super::facet::Facet;
use crate::model::{Details, Entries};

/// The searchable fields of an entry, highest weight first.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Field {
    /// Title (and an organisation's own short name).
    Title,
    Tags,
    /// Names and short names of the organisations the entry names.
    Organisation,
    /// The place name, and the labels and codes (`FRE12`) of the region and its parents.
    Place,
    /// The names of the entry's materials, ESG themes and value-chain stages: labels in every
    /// language, ids and symbols, of every value the entry has in those facets (groups and
    /// members of its materials, pillars of its themes: `tagged.rs`).
    Vocabulary,
    Summary,
    Description,
}

impl Field {
    pub const ALL: [Field; 7] = [
        Field::Title,
        Field::Tags,
        Field::Organisation,
        Field::Place,
        Field::Vocabulary,
        Field::Summary,
        Field::Description,
    ];

    /// How much a word found in this field weighs in the score.
    pub fn weight(self) -> u32 {
        match self {
            Field::Title => 100,
            Field::Tags => 60,
            Field::Organisation => 45,
            Field::Place => 35,
            // Below a place: an entry tagged with a group is found by each member's name.
            Field::Vocabulary => 30,
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
const FIELD_BITS: u32 = 7;
const FIELD_MASK: u32 = (1 << FIELD_BITS) - 1;
const _: () = assert!(Field::ALL.len() as u32 <= FIELD_BITS);

/// Entries beyond this cannot be indexed (postings pack the entry index in 25 bits).
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

/// The mask of fields of a posting, as a number below [`FIELD_MASKS`].
#[inline]
pub(super) fn posting_mask(p: u32) -> usize {
    (p & FIELD_MASK) as usize
}

/// How many masks of fields there are.
pub(super) const FIELD_MASKS: usize = 1 << FIELD_BITS;

/// The heaviest field of a posting.
#[inline]
pub(super) fn posting_best_field(p: u32) -> Field {
    Field::ALL[(p & FIELD_MASK).trailing_zeros() as usize]
}

/// The vocabulary facets whose values' names are words of the entries having them, and the
/// field they are found in: a region's are a place's.
pub(super) const TAGGED_FIELDS: [(Facet, Field); 4] = [
    (Facet::Region, Field::Place),
    (Facet::Material, Field::Vocabulary),
    (Facet::Theme, Field::Vocabulary),
    (Facet::Stage, Field::Vocabulary),
];

/// Collects the texts of entry `e` that phrases are looked for in: every searchable text but
/// the names of its materials, themes and stages and the codes of its regions, which count as
/// words only (an entry tagged with a group has the names of every member). `regions` is the
/// entry's values in the region facet (the index's: the region and its parents), whose labels
/// are places.
pub(super) fn searchable<'a>(catalogue: &'a dyn Entries, regions: &[u32], e: usize, out: &mut Vec<(Field, &'a str)>) {
    out.clear();
    let entry = catalogue.entry(e);
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
    if let Some(place) = common.location.as_ref().and_then(|l| l.place.as_ref()) {
        out.extend(place.variants().map(|t| (Field::Place, t.as_str())));
    }
    let vocabulary = &catalogue.vocabularies().regions;
    for &r in regions {
        if let Some(term) = vocabulary.terms().get(r as usize) {
            out.extend(term.label.variants().map(|t| (Field::Place, t.as_str())));
        }
    }
    out.extend(common.summary.variants().map(|t| (Field::Summary, t.as_str())));
    if let Some(description) = &common.description {
        out.extend(description.variants().map(|t| (Field::Description, t.as_str())));
    }
}
