//! Shared vocabularies (regions, materials, ESG themes, value-chain stages, organisation types),
//! each a file under `practices/vocabularies/`. Terms may have a parent: selecting a parent
//! selects its children. A material may belong to several groups (`parents: [..]`): neodymium
//! is a light rare earth and a rare earth for magnets, and is found under both.

use serde::{Deserialize, Serialize};
use std::collections::HashMap;

use super::values::Id;
use crate::text::{Label, Line};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum VocabularyKind {
    Region,
    Material,
    Theme,
    Stage,
    OrganisationType,
}

impl VocabularyKind {
    pub const ALL: [VocabularyKind; 5] = [
        VocabularyKind::Region,
        VocabularyKind::Material,
        VocabularyKind::Theme,
        VocabularyKind::Stage,
        VocabularyKind::OrganisationType,
    ];

    /// The file under `practices/vocabularies/` that defines it.
    pub fn file_stem(self) -> &'static str {
        match self {
            VocabularyKind::Region => "regions",
            VocabularyKind::Material => "materials",
            VocabularyKind::Theme => "themes",
            VocabularyKind::Stage => "stages",
            VocabularyKind::OrganisationType => "organisation-types",
        }
    }

    /// How a term of it is named in messages: `unknown material "neodymum"`.
    pub fn noun(self) -> &'static str {
        match self {
            VocabularyKind::Region => "region",
            VocabularyKind::Material => "material",
            VocabularyKind::Theme => "ESG theme",
            VocabularyKind::Stage => "value-chain stage",
            VocabularyKind::OrganisationType => "organisation type",
        }
    }

    pub fn from_file_stem(stem: &str) -> Option<VocabularyKind> {
        VocabularyKind::ALL.into_iter().find(|k| k.file_stem() == stem)
    }
}

/// A region: a country (ISO code as NUTS uses it, `EL` for Greece) or a NUTS 2021 code.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RegionFileTerm {
    pub id: Id,
    pub label: Label,
    #[serde(default)]
    pub parent: Option<Id>,
    /// Latitude and longitude of a point inside the region, for the map.
    #[serde(default)]
    pub coordinates: Option<(f64, f64)>,
}

/// A material: a CRMA 2024/1252 raw material, one element of a group, or a non-critical stream.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MaterialFileTerm {
    pub id: Id,
    pub label: Label,
    /// One group it belongs to; `parents` lists several. Both may be given: the term is then
    /// in each.
    #[serde(default)]
    pub parent: Option<Id>,
    #[serde(default)]
    pub parents: Vec<Id>,
    /// Chemical symbol, usable in filters (`mat:nd`).
    #[serde(default)]
    pub symbol: Option<Line>,
    /// Listed in Annex II of Regulation (EU) 2024/1252.
    #[serde(default)]
    pub critical: bool,
    /// Listed in Annex I of Regulation (EU) 2024/1252.
    #[serde(default)]
    pub strategic: bool,
}

/// A term of a plain vocabulary (themes, stages, organisation types).
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PlainFileTerm {
    pub id: Id,
    pub label: Label,
    #[serde(default)]
    pub parent: Option<Id>,
}

/// A term of any vocabulary, as the rest of the program sees it.
#[derive(Clone, Debug, Serialize, rkyv::Archive, rkyv::Serialize, rkyv::Deserialize)]
pub struct Term {
    pub id: Id,
    pub label: Label,
    /// The broader terms it belongs to, as written (`parent:` first, then `parents:`); most
    /// terms have none or one. The first is where a term sits in a strict hierarchy (a
    /// region's country).
    pub parents: Vec<Id>,
    pub coordinates: Option<(f64, f64)>,
    pub symbol: Option<Line>,
    pub critical: bool,
    pub strategic: bool,
}

impl From<RegionFileTerm> for Term {
    fn from(t: RegionFileTerm) -> Term {
        Term {
            id: t.id,
            label: t.label,
            parents: t.parent.into_iter().collect(),
            coordinates: t.coordinates,
            symbol: None,
            critical: false,
            strategic: false,
        }
    }
}

impl From<MaterialFileTerm> for Term {
    fn from(t: MaterialFileTerm) -> Term {
        Term {
            id: t.id,
            label: t.label,
            parents: t.parent.into_iter().chain(t.parents).collect(),
            coordinates: None,
            symbol: t.symbol,
            critical: t.critical,
            strategic: t.strategic,
        }
    }
}

impl From<PlainFileTerm> for Term {
    fn from(t: PlainFileTerm) -> Term {
        Term {
            id: t.id,
            label: t.label,
            parents: t.parent.into_iter().collect(),
            coordinates: None,
            symbol: None,
            critical: false,
            strategic: false,
        }
    }
}

/// One vocabulary, in file order, with lookups by id (case-insensitive, and by symbol).
#[derive(Clone, Debug, Default)]
pub struct Vocabulary {
    terms: Vec<Term>,
    by_key: HashMap<String, usize>,
    /// Per term: its known parents, in the order written, without repeats or itself.
    parents: Vec<Vec<usize>>,
    children: Vec<Vec<usize>>,
}

impl Vocabulary {
    /// Builds the vocabulary. Terms whose id repeats an earlier one are dropped (the loader
    /// reports them); a parent that names no term, or the term itself, is ignored here (the
    /// loader reports it too).
    pub fn new(terms: Vec<Term>) -> Vocabulary {
        let mut vocabulary = Vocabulary::default();
        for term in terms {
            let key = term.id.as_str().to_lowercase();
            if vocabulary.by_key.contains_key(&key) {
                continue;
            }
            vocabulary.by_key.insert(key, vocabulary.terms.len());
            vocabulary.terms.push(term);
        }
        for (index, term) in vocabulary.terms.iter().enumerate() {
            if let Some(symbol) = &term.symbol {
                vocabulary.by_key.entry(symbol.as_str().to_lowercase()).or_insert(index);
            }
        }
        vocabulary.parents = (0..vocabulary.terms.len())
            .map(|index| {
                let mut known: Vec<usize> = Vec::new();
                for parent in &vocabulary.terms[index].parents {
                    if let Some(p) = vocabulary.index_of(parent.as_str())
                        && p != index
                        && !known.contains(&p)
                    {
                        known.push(p);
                    }
                }
                known
            })
            .collect();
        vocabulary.children = vec![Vec::new(); vocabulary.terms.len()];
        for index in 0..vocabulary.terms.len() {
            for &parent in &vocabulary.parents[index] {
                vocabulary.children[parent].push(index);
            }
        }
        vocabulary
    }

    pub fn terms(&self) -> &[Term] {
        &self.terms
    }

    pub fn len(&self) -> usize {
        self.terms.len()
    }

    pub fn is_empty(&self) -> bool {
        self.terms.is_empty()
    }

    /// The index of a term, found by its id or symbol, ignoring case.
    pub fn index_of(&self, key: &str) -> Option<usize> {
        self.by_key.get(&key.to_lowercase()).copied()
    }

    pub fn get(&self, key: &str) -> Option<&Term> {
        self.index_of(key).map(|i| &self.terms[i])
    }

    pub fn term(&self, index: usize) -> &Term {
        &self.terms[index]
    }

    /// The first known parent: the one above it in a strict hierarchy (a region's country).
    pub fn parent_of(&self, index: usize) -> Option<usize> {
        self.parents[index].first().copied()
    }

    /// Every known parent (a material in several groups has more than one).
    pub fn parents_of(&self, index: usize) -> &[usize] {
        &self.parents[index]
    }

    /// The terms having this one among their parents, in file order.
    pub fn children_of(&self, index: usize) -> &[usize] {
        &self.children[index]
    }

    /// The term and everything below it. A cycle in the parents cannot loop forever.
    pub fn with_descendants(&self, index: usize) -> Vec<usize> {
        let mut seen = vec![false; self.terms.len()];
        let mut out = Vec::new();
        let mut stack = vec![index];
        while let Some(i) = stack.pop() {
            if std::mem::replace(&mut seen[i], true) {
                continue;
            }
            out.push(i);
            stack.extend(self.children[i].iter().copied());
        }
        out
    }

    /// The term and its ancestors through every parent, nearest first, each once. A cycle in
    /// the parents cannot loop forever.
    pub fn with_ancestors(&self, index: usize) -> Vec<usize> {
        let mut out = vec![index];
        let mut next = 0;
        while let Some(&current) = out.get(next) {
            for &parent in &self.parents[current] {
                if !out.contains(&parent) {
                    out.push(parent);
                }
            }
            next += 1;
        }
        out
    }

    /// How many first parents lie above the term (0 for a top term): its level in a strict
    /// hierarchy such as NUTS. A cycle in the parents cannot loop forever.
    pub fn depth(&self, index: usize) -> usize {
        let mut seen = vec![index];
        let mut current = index;
        while let Some(parent) = self.parent_of(current)
            && !seen.contains(&parent)
        {
            seen.push(parent);
            current = parent;
        }
        seen.len() - 1
    }

    /// All ids, for "did you mean" suggestions.
    pub fn ids(&self) -> impl Iterator<Item = &str> {
        self.terms.iter().map(|t| t.id.as_str())
    }
}

/// The five vocabularies of a catalogue.
#[derive(Clone, Debug, Default)]
pub struct Vocabularies {
    pub regions: Vocabulary,
    pub materials: Vocabulary,
    pub themes: Vocabulary,
    pub stages: Vocabulary,
    pub organisation_types: Vocabulary,
}

impl Vocabularies {
    pub fn get(&self, kind: VocabularyKind) -> &Vocabulary {
        match kind {
            VocabularyKind::Region => &self.regions,
            VocabularyKind::Material => &self.materials,
            VocabularyKind::Theme => &self.themes,
            VocabularyKind::Stage => &self.stages,
            VocabularyKind::OrganisationType => &self.organisation_types,
        }
    }

    pub fn get_mut(&mut self, kind: VocabularyKind) -> &mut Vocabulary {
        match kind {
            VocabularyKind::Region => &mut self.regions,
            VocabularyKind::Material => &mut self.materials,
            VocabularyKind::Theme => &mut self.themes,
            VocabularyKind::Stage => &mut self.stages,
            VocabularyKind::OrganisationType => &mut self.organisation_types,
        }
    }
}
