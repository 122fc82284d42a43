//! The browse screen's state, which the other tabs read too: the query box and the query it
//! last searched, the filters, the results list, the filters pane and its rows, the entries
//! followed from the selection, which pane has the keys, and whether only the shortlist shows.

use super::super::action::Pane;
use super::{FacetRow, FacetTree, QueryBox, ResultList, Trail};
use crate::model::{Catalogue, Id};
use crate::query::{Facet, Filters, Indexed, Query, Results};
use crate::shortlist::Shortlist;
use crate::text::Lang;

#[derive(Clone, Debug)]
pub struct BrowseState {
    pub(in crate::ui) query_box: QueryBox,
    /// The query as parsed from the box's text when the last search was asked for.
    pub(in crate::ui) query: Query,
    pub(in crate::ui) filters: Filters,
    pub(in crate::ui) list: ResultList,
    pub(in crate::ui) facets: FacetTree,
    /// The facet rows for the results shown, computed once when they arrive.
    pub(in crate::ui) facet_rows: Vec<FacetRow>,
    pub(in crate::ui) trail: Trail,
    /// The pane that has the keys once the query box and overlays are closed.
    pub(in crate::ui) focus: Pane,
    /// The results show only the shortlist's entries.
    pub(in crate::ui) shortlist_only: bool,
    /// The entry a reload removed while it was shown, which the entry pane names.
    pub(in crate::ui) removed: Option<Removed>,
}

/// An entry shown when a reload removed it (its file deleted, or no longer loading): the entry
/// pane says so, naming its file, above the entry shown instead, until another is shown.
#[derive(Clone, Debug)]
pub struct Removed {
    pub id: Id,
    pub title: crate::text::Label,
    pub file: String,
    /// What the pane shows instead (a neighbour in the results), if anything.
    pub instead: Option<Id>,
}

impl BrowseState {
    pub fn new(query: &str, filters: Filters) -> BrowseState {
        BrowseState {
            query_box: QueryBox::new(query),
            query: Query::default(),
            filters,
            list: ResultList::default(),
            facets: FacetTree::default(),
            facet_rows: Vec::new(),
            trail: Trail::default(),
            focus: Pane::Results,
            shortlist_only: false,
            removed: None,
        }
    }

    pub fn query_box(&self) -> &QueryBox {
        &self.query_box
    }

    pub fn query(&self) -> &Query {
        &self.query
    }

    pub fn filters(&self) -> &Filters {
        &self.filters
    }

    pub fn list(&self) -> &ResultList {
        &self.list
    }

    pub fn results(&self) -> &Results {
        self.list.results()
    }

    pub fn facets(&self) -> &FacetTree {
        &self.facets
    }

    pub fn facet_rows(&self) -> &[FacetRow] {
        &self.facet_rows
    }

    pub fn trail(&self) -> &Trail {
        &self.trail
    }

    pub fn focus(&self) -> Pane {
        self.focus
    }

    pub fn shortlist_only(&self) -> bool {
        self.shortlist_only
    }

    /// The catalogue positions of the shortlist's entries when only they show (the "in my
    /// shortlist" filter), for every search of the results.
    pub fn restriction(&self, marks: &Shortlist, catalogue: &Catalogue) -> Option<Vec<usize>> {
        self.shortlist_only.then(|| marks.ids().filter_map(|id| catalogue.index_of(id.as_str())).collect())
    }

    /// The filters pane starts with an "in my shortlist" row once something is marked.
    pub fn shows_shortlist_row(&self, marks: &Shortlist) -> bool {
        !marks.is_empty() || self.shortlist_only
    }

    /// The entry the entry pane shows: the last followed link, else the selected result.
    /// The entry a reload removed, while the pane still shows what came in its place.
    pub fn removed(&self) -> Option<&Removed> {
        self.removed.as_ref().filter(|removed| removed.instead.as_ref() == self.shown_id())
    }

    pub fn shown_id(&self) -> Option<&Id> {
        self.trail.followed().or(self.list.selected())
    }

    /// The shown entry's position in `catalogue`.
    pub fn shown_entry(&self, catalogue: &Catalogue) -> Option<usize> {
        catalogue.index_of(self.shown_id()?.as_str())
    }

    /// The entries the shown entry links to (stops, related, programme, organisations), in
    /// the order the entry pane lists them, without repeats or dangling ids.
    pub fn links(&self, catalogue: &Catalogue) -> Vec<usize> {
        self.shown_entry(catalogue)
            .map_or_else(Vec::new, |i| crate::export::link_targets(catalogue, &catalogue.entries()[i]))
    }

    /// The web addresses of the shown entry (websites, then sources), which the entry pane lets
    /// the user choose after its related entries: choice `links().len() + i` is address `i`.
    pub fn addresses(&self, catalogue: &Catalogue, lang: Lang) -> Vec<String> {
        self.shown_entry(catalogue).map_or_else(Vec::new, |i| {
            let doc = crate::export::EntryDoc::new(catalogue, &catalogue.entries()[i], lang);
            crate::export::handout::addresses(&doc)
        })
    }

    /// The address chosen in the entry pane, if the choice is an address.
    pub fn chosen_address(&self, catalogue: &Catalogue, lang: Lang) -> Option<String> {
        let chosen = self.trail.link()?;
        let links = self.links(catalogue).len();
        chosen.checked_sub(links).and_then(|i| self.addresses(catalogue, lang).into_iter().nth(i))
    }

    /// The active filters, as `field:value` chips, in the order they can be removed.
    pub fn active_filters(&self, indexed: &Indexed) -> Vec<(Facet, usize, String)> {
        let mut out = Vec::new();
        for facet in Facet::ALL {
            for &value in self.filters.selected(facet) {
                let id = indexed.value_id(facet, value);
                out.push((facet, value, format!("{}:{id}", facet.field_name())));
            }
        }
        out
    }

    /// The command line that opens this view: the filters as flags, the query as `--query`.
    pub fn equivalent_command(&self, indexed: &Indexed, lang: Lang) -> String {
        let mut parts = vec!["boucle".to_string()];
        for facet in Facet::ALL {
            for &value in self.filters.selected(facet) {
                let flag = facet.flag();
                parts.push(format!("{flag} {}", shell_quote(&indexed.value_id(facet, value))));
            }
        }
        let query = self.query_box.text().trim();
        if !query.is_empty() {
            parts.push(format!("--query {}", shell_quote(query)));
        }
        if lang == Lang::Fr {
            parts.push("--lang fr".into());
        }
        parts.join(" ")
    }
}

/// Quotes a word for a POSIX shell when it needs it.
fn shell_quote(text: &str) -> String {
    let plain = !text.is_empty() && text.chars().all(|c| c.is_alphanumeric() || "-_.,:/".contains(c));
    if plain { text.to_string() } else { format!("'{}'", text.replace('\'', r"'\''")) }
}
