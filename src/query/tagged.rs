//! What a vocabulary term tagged on an entry gives it: values in its facet, and words.
//!
//! One rule serves the filters and the search, so that they agree: an entry tagged with a
//! term has, in the term's facet, the term and its ancestors (an entry in the Pas-de-Calais
//! is in Hauts-de-France), and for a material also its members (an entry about rare earths for
//! magnets is about neodymium). It is found by the names of those same values: their labels
//! in every language, their ids (codes such as `FRE12`, `E5`) and symbols (`Nd`).

use crate::model::{Term, Vocabularies, Vocabulary, VocabularyKind};

/// Per vocabulary facet, per term: the values an entry tagged with the term has in that facet.
pub(super) struct TermValues {
    regions: Vec<Vec<u32>>,
    materials: Vec<Vec<u32>>,
    themes: Vec<Vec<u32>>,
    stages: Vec<Vec<u32>>,
}

impl TermValues {
    pub fn new(v: &Vocabularies) -> TermValues {
        TermValues {
            regions: with_ancestors(&v.regions),
            materials: with_ancestors_and_members(&v.materials),
            themes: with_ancestors(&v.themes),
            stages: with_ancestors(&v.stages),
        }
    }

    /// The values term `term` of vocabulary `kind` gives an entry tagged with it (none for
    /// organisation types, which are no facet).
    pub fn of(&self, kind: VocabularyKind, term: usize) -> &[u32] {
        let per_term = match kind {
            VocabularyKind::Region => &self.regions,
            VocabularyKind::Material => &self.materials,
            VocabularyKind::Theme => &self.themes,
            VocabularyKind::Stage => &self.stages,
            VocabularyKind::OrganisationType => return &[],
        };
        per_term.get(term).map_or(&[], Vec::as_slice)
    }
}

fn with_ancestors(vocabulary: &Vocabulary) -> Vec<Vec<u32>> {
    (0..vocabulary.len()).map(|i| vocabulary.with_ancestors(i).into_iter().map(|a| a as u32).collect()).collect()
}

/// Each material with its ancestors (every group it is in) and its descendants: an entry
/// tagged with a group (rare earths for magnets) is about each of its members, so a filter on
/// neodymium finds it and neodymium's count includes it. Regions and themes do not work this
/// way: an entry placed in a country is not in each of its regions. Only the tagged term's own
/// members count, not its groups' other members: an entry about neodymium is not about
/// dysprosium because both are rare earths for magnets.
fn with_ancestors_and_members(vocabulary: &Vocabulary) -> Vec<Vec<u32>> {
    let mut out = with_ancestors(vocabulary);
    for (i, values) in out.iter_mut().enumerate() {
        for d in vocabulary.with_descendants(i) {
            if !values.contains(&(d as u32)) {
                values.push(d as u32);
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
