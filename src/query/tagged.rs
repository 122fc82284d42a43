//! What a vocabulary term tagged on an entry gives it: values in its facet, and words.
//!
//! One rule serves the filters and the search, so that they agree: an entry tagged with a
//! term has, in the term's facet, the term and its ancestors (an entry in the Pas-de-Calais
//! is in Hauts-de-France), and for a material also its members (an entry about rare earths for
//! magnets is about neodymium). It is found by the names of those same values: their labels
//! in every language, their ids (codes such as `FRE12`, `E5`) and symbols (`Nd`).
//!
//! The index build looks up every entry's terms and organisations, twice (facets and words):
//! [`Tagging`] finds them by the id's interned text, a pointer, rather than by case-folding and
//! comparing texts, which cost the build more than the names added to it (BENCHMARKS.md).

use crate::model::{Catalogue, Id, Kind, Term, Vocabularies, Vocabulary, VocabularyKind};

/// What the index build needs to know of tags, computed once per build.
pub(super) struct Tagging {
    /// Per vocabulary facet (regions, materials, themes, stages), per term: the values an
    /// entry tagged with the term has in that facet.
    values: [Vec<Vec<u32>>; 4],
    /// Per vocabulary facet: its terms by id.
    terms: [ByPointer; 4],
    /// The organisations by id.
    organisations: ByPointer,
}

/// The slot of a vocabulary in [`Tagging`]'s arrays (none for organisation types, no facet).
fn slot(kind: VocabularyKind) -> Option<usize> {
    match kind {
        VocabularyKind::Region => Some(0),
        VocabularyKind::Material => Some(1),
        VocabularyKind::Theme => Some(2),
        VocabularyKind::Stage => Some(3),
        VocabularyKind::OrganisationType => None,
    }
}

const KINDS: [VocabularyKind; 4] =
    [VocabularyKind::Region, VocabularyKind::Material, VocabularyKind::Theme, VocabularyKind::Stage];

impl Tagging {
    pub fn new(catalogue: &Catalogue) -> Tagging {
        let v: &Vocabularies = &catalogue.vocabularies;
        let by_id = |vocabulary: &Vocabulary| {
            ByPointer::new(vocabulary.terms().iter().enumerate().map(|(i, t)| (&t.id, i as u32)))
        };
        let organisations = catalogue
            .entries()
            .iter()
            .enumerate()
            .filter(|(_, e)| e.kind == Kind::Organisation)
            .map(|(i, e)| (&e.id, i as u32));
        Tagging {
            values: KINDS.map(|kind| match kind {
                VocabularyKind::Material => with_ancestors_and_members(v.get(kind)),
                _ => with_ancestors(v.get(kind)),
            }),
            terms: KINDS.map(|kind| by_id(v.get(kind))),
            organisations: ByPointer::new(organisations),
        }
    }

    /// The values term `term` of vocabulary `kind` gives an entry tagged with it.
    pub fn values(&self, kind: VocabularyKind, term: usize) -> &[u32] {
        slot(kind).and_then(|s| self.values[s].get(term)).map_or(&[], Vec::as_slice)
    }

    /// The term `id` names in `vocabulary` (of `kind`), as [`Vocabulary::index_of`] finds it.
    pub fn term(&self, kind: VocabularyKind, vocabulary: &Vocabulary, id: &Id) -> Option<usize> {
        let found = slot(kind).and_then(|s| self.terms[s].get(id));
        // Not written as the vocabulary writes it: another case, or a symbol.
        found.map(|i| i as usize).or_else(|| vocabulary.index_of(id.as_str()))
    }

    /// The entry `id` names, as [`Catalogue::index_of`] finds it.
    pub fn entry(&self, catalogue: &Catalogue, id: &Id) -> Option<usize> {
        self.organisations.get(id).map(|i| i as usize).or_else(|| catalogue.index_of(id.as_str()))
    }
}

/// Positions by id, sorted by the address of the id's text: ids are interned, so equal ids
/// share that address, and a lookup compares pointers.
struct ByPointer(Vec<(usize, u32)>);

impl ByPointer {
    fn new<'a>(ids: impl Iterator<Item = (&'a Id, u32)>) -> ByPointer {
        let mut all: Vec<(usize, u32)> = ids.map(|(id, i)| (address(id), i)).collect();
        all.sort_unstable();
        // A repeated id keeps its first position, as the lookups by text do.
        all.dedup_by_key(|(a, _)| *a);
        ByPointer(all)
    }

    fn get(&self, id: &Id) -> Option<u32> {
        let a = address(id);
        self.0.binary_search_by_key(&a, |&(k, _)| k).ok().map(|i| self.0[i].1)
    }
}

fn address(id: &Id) -> usize {
    id.as_str().as_ptr() as usize
}

fn with_ancestors(vocabulary: &Vocabulary) -> Vec<Vec<u32>> {
    (0..vocabulary.len()).map(|i| vocabulary.with_ancestors(i).into_iter().map(|a| a as u32).collect()).collect()
}

/// Each material with its ancestors (every group it is in), its descendants and their groups:
/// an entry tagged with a group (rare earths for magnets) is about each of its members, so a
/// filter on neodymium finds it and neodymium's count includes it; and being about neodymium it
/// is about the light rare earths too, so a group never counts fewer entries than one of its
/// members. Only the groups come along, not their other members: an entry about neodymium is
/// not about dysprosium because both are rare earths for magnets. Regions and themes do not
/// work downwards: an entry placed in a country is not in each of its regions.
fn with_ancestors_and_members(vocabulary: &Vocabulary) -> Vec<Vec<u32>> {
    let mut out = with_ancestors(vocabulary);
    for (i, values) in out.iter_mut().enumerate() {
        for d in vocabulary.with_descendants(i) {
            for a in vocabulary.with_ancestors(d) {
                if !values.contains(&(a as u32)) {
                    values.push(a as u32);
                }
            }
        }
    }
    out
}

/// The texts a term is found by: its label in every language, its id and its symbol.
pub(super) fn names(term: &Term) -> impl Iterator<Item = &str> {
    term.label
        .variants()
        .map(|l| l.as_str())
        .chain(std::iter::once(term.id.as_str()))
        .chain(term.symbol.iter().map(|s| s.as_str()))
}

#[cfg(test)]
mod tests {
    use super::Tagging;
    use crate::load::{CatalogueSource, load};
    use crate::model::{Id, VocabularyKind};

    /// The lookups by pointer find what the lookups by text find, for every id an entry of
    /// the fixture writes, and for ids written in another case.
    #[test]
    fn lookups_by_pointer_agree_with_lookups_by_text() {
        let folder = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/catalogue");
        let catalogue = load(&CatalogueSource::Folders(vec![folder.into()])).catalogue;
        let tagging = Tagging::new(&catalogue);
        let v = &catalogue.vocabularies;
        for entry in catalogue.entries() {
            let c = &entry.common;
            let tagged = [
                (VocabularyKind::Region, c.location.iter().map(|l| l.region.clone()).collect::<Vec<_>>()),
                (VocabularyKind::Material, c.materials.to_vec()),
                (VocabularyKind::Theme, c.themes.to_vec()),
                (VocabularyKind::Stage, c.stages.to_vec()),
            ];
            for (kind, ids) in tagged {
                for id in ids {
                    let vocabulary = v.get(kind);
                    assert_eq!(tagging.term(kind, vocabulary, &id), vocabulary.index_of(id.as_str()), "{id}");
                }
            }
            for id in entry.organisations() {
                assert_eq!(tagging.entry(&catalogue, id), catalogue.index_of(id.as_str()), "{id}");
            }
        }
        let other_case = Id::parse("fre12").unwrap();
        assert_eq!(tagging.term(VocabularyKind::Region, &v.regions, &other_case), v.regions.index_of("FRE12"));
        let symbol = Id::parse("Nd").unwrap();
        assert_eq!(tagging.term(VocabularyKind::Material, &v.materials, &symbol), v.materials.index_of("neodymium"));
    }
}
