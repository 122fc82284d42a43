//! The filters pane: which facets and tree values are unfolded, and the cursor over its rows.
//! Rows are positions within one catalogue snapshot; [`FacetTree::carry_over`] moves the
//! unfolded values to a new snapshot by their ids.

use std::collections::HashSet;

use crate::query::{Facet, Filters, Indexed, Results};
use crate::text::Lang;

/// One row of the filters pane.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FacetRow {
    Header {
        facet: Facet,
        open: bool,
    },
    Value {
        facet: Facet,
        value: usize,
        /// The value it is listed under: a material in two groups has a row under each.
        under: Option<usize>,
        depth: usize,
        has_children: bool,
        open: bool,
    },
}

/// What a row is about: its facet, its value (none for a header) and the value it is listed
/// under, so that a value listed twice is still told apart.
pub type RowIdentity = (Facet, Option<usize>, Option<usize>);

impl FacetRow {
    /// What the row is about, whether or not it is folded.
    pub fn identity(self) -> RowIdentity {
        match self {
            FacetRow::Header { facet, .. } => (facet, None, None),
            FacetRow::Value { facet, value, under, .. } => (facet, Some(value), under),
        }
    }
}

#[derive(Clone, Debug)]
pub struct FacetTree {
    cursor: usize,
    offset: usize,
    open_facets: HashSet<Facet>,
    open_values: HashSet<(Facet, usize)>,
}

impl Default for FacetTree {
    fn default() -> Self {
        FacetTree {
            cursor: 0,
            offset: 0,
            open_facets: [Facet::Region, Facet::Material, Facet::Theme, Facet::Kind].into_iter().collect(),
            open_values: HashSet::new(),
        }
    }
}

impl FacetTree {
    pub fn cursor(&self) -> usize {
        self.cursor
    }

    pub fn offset(&self) -> usize {
        self.offset
    }

    pub fn set_facet_open(&mut self, facet: Facet, open: bool) {
        if open {
            self.open_facets.insert(facet);
        } else {
            self.open_facets.remove(&facet);
        }
    }

    pub fn set_value_open(&mut self, facet: Facet, value: usize, open: bool) {
        if open {
            self.open_values.insert((facet, value));
        } else {
            self.open_values.remove(&(facet, value));
        }
    }

    /// Puts the cursor on a row of `rows` rows, keeping it in a page of `page` rows, and the
    /// pane never scrolled past a full last page.
    pub fn place(&mut self, cursor: usize, rows: usize, page: usize) {
        self.cursor = cursor.min(rows.saturating_sub(1));
        self.offset = self.offset_for(rows, page);
    }

    /// The first row to show of `rows` in a page of `page`: the current one, moved as little
    /// as keeps the cursor in sight and the pane not scrolled past a full last page. The view
    /// draws from it (the state's own offset may be for the page before a resize).
    pub fn offset_for(&self, rows: usize, page: usize) -> usize {
        let page = page.max(1);
        let cursor = self.cursor.min(rows.saturating_sub(1));
        let mut offset = self.offset;
        if cursor < offset {
            offset = cursor;
        } else if cursor >= offset + page {
            offset = cursor + 1 - page;
        }
        offset.min(rows.saturating_sub(page))
    }

    /// The unfolded tree values, by value id, to find them again in another snapshot.
    pub fn open_value_ids(&self, indexed: &Indexed) -> Vec<(Facet, String)> {
        self.open_values.iter().map(|&(facet, value)| (facet, indexed.value_id(facet, value))).collect()
    }

    /// Unfolds in a new snapshot the values that were unfolded in the old one.
    pub fn carry_over(&mut self, open: Vec<(Facet, String)>, indexed: &Indexed) {
        self.open_values = open
            .into_iter()
            .filter_map(|(facet, id)| {
                let values = indexed.resolve_value(facet, &id)?;
                values.first().map(|&v| (facet, v))
            })
            .collect();
    }

    /// The rows of the pane: each facet's header, then (when open) its values with a result,
    /// or selected, in tree order; children only under an unfolded parent, and under each of
    /// their parents (neodymium under the light rare earths and under those for magnets).
    pub fn rows(&self, indexed: &Indexed, results: &Results, filters: &Filters, lang: Lang) -> Vec<FacetRow> {
        let mut rows = Vec::new();
        for facet in Facet::ALL {
            let open = self.open_facets.contains(&facet);
            rows.push(FacetRow::Header { facet, open });
            if !open {
                continue;
            }
            let visible =
                |value: usize| results.facet_counts.count(facet, value) > 0 || filters.is_selected(facet, value);
            match facet.vocabulary() {
                Some(kind) => {
                    let vocabulary = indexed.catalogue().vocabularies.get(kind);
                    let roots = (0..vocabulary.len()).filter(|&i| vocabulary.parent_of(i).is_none());
                    let mut stack: Vec<(usize, usize, Option<usize>)> = roots.rev().map(|i| (i, 0, None)).collect();
                    while let Some((value, depth, under)) = stack.pop() {
                        if !visible(value) {
                            continue;
                        }
                        let children = vocabulary.children_of(value);
                        let has_children = children.iter().any(|&c| visible(c));
                        // A cycle of parents (reported by `check`) must not unfold forever.
                        let open = self.open_values.contains(&(facet, value)) && depth < vocabulary.len();
                        rows.push(FacetRow::Value { facet, value, under, depth, has_children, open });
                        if open {
                            stack.extend(children.iter().rev().map(|&c| (c, depth + 1, Some(value))));
                        }
                    }
                }
                None => {
                    let engine = indexed.engine();
                    let mut values: Vec<usize> = (0..engine.value_count(facet)).filter(|&v| visible(v)).collect();
                    order_flat_values(facet, &mut values, indexed, lang);
                    rows.extend(values.into_iter().map(|value| FacetRow::Value {
                        facet,
                        value,
                        under: None,
                        depth: 0,
                        has_children: false,
                        open: false,
                    }));
                }
            }
        }
        rows
    }
}

/// Years newest first, organisations by name; kinds and statuses in their own order.
#[deny(clippy::wildcard_enum_match_arm)]
fn order_flat_values(facet: Facet, values: &mut [usize], indexed: &Indexed, lang: Lang) {
    match facet {
        Facet::Year => values.reverse(),
        Facet::Organisation => values.sort_by_cached_key(|&v| crate::query::fold(&indexed.value_label(facet, v, lang))),
        Facet::Kind | Facet::Status | Facet::Region | Facet::Material | Facet::Theme | Facet::Stage => {}
    }
}
