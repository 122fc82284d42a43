//! What the user ticked in the facets.

use super::facet::{Facet, PerFacet};

/// The values selected in each facet (what the user ticked), as value indices.
///
/// A facet's values are indexed as follows: vocabulary facets by term index in the
/// vocabulary; [`Facet::Kind`] by position in `Kind::ALL`; [`Facet::Status`] by position in
/// `ReviewStatus::ALL`; [`Facet::Organisation`] and [`Facet::Year`] by position in
/// [`Engine::organisations`](super::Engine::organisations) and
/// [`Engine::years`](super::Engine::years). [`Engine::value_id`](super::Engine::value_id) and
/// [`Engine::value_label`](super::Engine::value_label) name them;
/// [`Engine::resolve_value`](super::Engine::resolve_value) finds them.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Filters {
    selected: PerFacet<Vec<usize>>,
    /// When set, only these entries (catalogue positions) can be results: the shortlist's.
    only: Option<Vec<usize>>,
}

impl Filters {
    pub fn selected(&self, facet: Facet) -> &[usize] {
        self.selected.get(facet)
    }

    pub fn is_selected(&self, facet: Facet, value: usize) -> bool {
        self.selected.get(facet).contains(&value)
    }

    pub fn select(&mut self, facet: Facet, value: usize) {
        if !self.is_selected(facet, value) {
            self.selected.get_mut(facet).push(value);
        }
    }

    pub fn deselect(&mut self, facet: Facet, value: usize) {
        self.selected.get_mut(facet).retain(|&v| v != value);
    }

    /// Selects or deselects; returns whether the value is now selected.
    pub fn toggle(&mut self, facet: Facet, value: usize) -> bool {
        if self.is_selected(facet, value) {
            self.deselect(facet, value);
            false
        } else {
            self.select(facet, value);
            true
        }
    }

    pub fn clear(&mut self, facet: Facet) {
        self.selected.get_mut(facet).clear();
    }

    pub fn clear_all(&mut self) {
        self.selected.iter_mut().for_each(|(_, values)| values.clear());
    }

    pub fn is_empty(&self) -> bool {
        self.selected.iter().all(|(_, values)| values.is_empty()) && self.only.is_none()
    }

    /// Restricts the results to these entries (catalogue positions), or lifts the restriction.
    /// Like the query, it applies before facet counts, so the counts are the shortlist's.
    pub fn restrict_to(&mut self, entries: Option<Vec<usize>>) {
        self.only = entries;
    }

    pub fn restriction(&self) -> Option<&[usize]> {
        self.only.as_deref()
    }
}
