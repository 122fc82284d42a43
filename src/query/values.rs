//! Facet values by name: the id and label of a value, and the values a typed text names.

use super::engine::Engine;
use super::facet::Facet;
use super::fold;
use crate::model::{Details, Entries, Kind, ReviewStatus, Term, Vocabulary, VocabularyKind};
use crate::text::Lang;

impl Engine {
    /// The id of a facet value, as typed in `field:value` filters and `--region` flags.
    pub fn value_id(&self, catalogue: &dyn Entries, facet: Facet, value: usize) -> String {
        let term_id = |kind| term(catalogue, kind, value).map(|t| t.id.to_string()).unwrap_or_default();
        match facet {
            Facet::Region => term_id(VocabularyKind::Region),
            Facet::Material => term_id(VocabularyKind::Material),
            Facet::Theme => term_id(VocabularyKind::Theme),
            Facet::Stage => term_id(VocabularyKind::Stage),
            Facet::Kind => Kind::ALL.get(value).map(|k| k.id().to_string()).unwrap_or_default(),
            Facet::Status => ReviewStatus::ALL.get(value).map(|s| s.id().to_string()).unwrap_or_default(),
            Facet::Year => self.years.get(value).map(|y| y.to_string()).unwrap_or_default(),
            Facet::Organisation => {
                self.organisations.get(value).map(|&e| catalogue.entry(e as usize).id.to_string()).unwrap_or_default()
            }
        }
    }

    /// The label of a facet value in `lang` (the id where there is no label).
    pub fn value_label(&self, catalogue: &dyn Entries, facet: Facet, value: usize, lang: Lang) -> String {
        let term_label = |kind| {
            term(catalogue, kind, value)
                .map(|term| {
                    let label = term.label.get(lang);
                    if label.is_empty() { term.id.to_string() } else { label.to_string() }
                })
                .unwrap_or_default()
        };
        match facet {
            Facet::Region => term_label(VocabularyKind::Region),
            Facet::Material => term_label(VocabularyKind::Material),
            Facet::Theme => term_label(VocabularyKind::Theme),
            Facet::Stage => term_label(VocabularyKind::Stage),
            Facet::Organisation => self
                .organisations
                .get(value)
                .map(|&e| catalogue.entry(e as usize).title().get(lang).to_string())
                .unwrap_or_default(),
            Facet::Kind | Facet::Status | Facet::Year => self.value_id(catalogue, facet, value),
        }
    }

    /// Finds the values a typed value names: an id or symbol (any case), else a label
    /// (accent- and case-folded), an organisation's short name, a kind's or status' id,
    /// a year or a range of years `2020..2023`. `None` when it names nothing; a year with no
    /// entries gives `Some` of nothing.
    pub fn resolve_value(&self, catalogue: &dyn Entries, facet: Facet, text: &str) -> Option<Vec<usize>> {
        let folded = fold::fold(text);
        let in_vocabulary = |kind| resolve_term(catalogue.vocabularies().get(kind), text, &folded);
        match facet {
            Facet::Region => in_vocabulary(VocabularyKind::Region),
            Facet::Material => in_vocabulary(VocabularyKind::Material),
            Facet::Theme => in_vocabulary(VocabularyKind::Theme),
            Facet::Stage => in_vocabulary(VocabularyKind::Stage),
            Facet::Kind => Kind::parse(text).and_then(|k| Kind::ALL.iter().position(|&x| x == k)).map(|i| vec![i]),
            Facet::Status => ReviewStatus::ALL
                .iter()
                .position(|s| s.id() == folded || s.id().replace('-', "") == folded.replace(['-', '_', ' '], ""))
                .map(|i| vec![i]),
            Facet::Year => self.resolve_years(text),
            Facet::Organisation => self.resolve_organisation(catalogue, text, &folded).map(|i| vec![i]),
        }
    }

    /// The years of a year `2020` or a range `2020..2023` that have entries.
    fn resolve_years(&self, text: &str) -> Option<Vec<usize>> {
        let (from, to) = match text.split_once("..") {
            Some((a, b)) => (a.trim().parse::<i32>().ok()?, b.trim().parse::<i32>().ok()?),
            None => {
                let y = text.trim().parse::<i32>().ok()?;
                (y, y)
            }
        };
        Some(self.years.iter().enumerate().filter(|(_, y)| (from..=to).contains(*y)).map(|(i, _)| i).collect())
    }

    /// The organisation an id, a name or a short name names.
    fn resolve_organisation(&self, catalogue: &dyn Entries, text: &str, folded: &str) -> Option<usize> {
        let by_id = catalogue.index_of(text).and_then(|e| self.organisations.iter().position(|&o| o as usize == e));
        by_id.or_else(|| {
            self.organisations.iter().position(|&o| {
                let entry = catalogue.entry(o as usize);
                entry.id.as_str().eq_ignore_ascii_case(text)
                    || entry.title().variants().any(|t| fold::fold(t.as_str()) == folded)
                    || matches!(&entry.details, Details::Organisation(d)
                        if d.short_name.as_ref().is_some_and(|s| fold::fold(s.as_str()) == folded))
            })
        })
    }
}

/// Term `value` of a vocabulary, if there is one.
fn term(catalogue: &dyn Entries, kind: VocabularyKind, value: usize) -> Option<&Term> {
    let vocabulary = catalogue.vocabularies().get(kind);
    (value < vocabulary.len()).then(|| vocabulary.term(value))
}

/// The term an id or symbol (any case) names, else the first whose label folds to `folded`.
fn resolve_term(vocabulary: &Vocabulary, text: &str, folded: &str) -> Option<Vec<usize>> {
    vocabulary.index_of(text).map(|i| vec![i]).or_else(|| {
        (0..vocabulary.len())
            .find(|&i| vocabulary.term(i).label.variants().any(|l| fold::fold(l.as_str()) == folded))
            .map(|i| vec![i])
    })
}
