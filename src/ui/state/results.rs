//! The results list: the latest results shown, the selected entry (by id, so that it survives
//! new results and reloads), the first row shown, and how many results are ranked.

use crate::model::{Catalogue, Id};
use crate::query::Results;

/// How many results a new search ranks and highlights for the list (the status line gives
/// the full count). Ranking many more would cost frames at 100k entries; scrolling near the
/// end of the list asks for more.
pub const FIRST_PAGE: usize = 60;

#[derive(Clone, Debug)]
pub struct ResultList {
    results: Results,
    selected: Option<Id>,
    offset: usize,
    limit: usize,
    /// The newest search asked for, and the one whose results are shown.
    generation: u64,
    shown_generation: u64,
    /// Results from this search on come from a new query: they select their best result.
    top_from: Option<u64>,
    /// End was pressed with results not ranked yet: every result is asked for, and the last
    /// is selected when they come.
    to_end: bool,
}

impl Default for ResultList {
    fn default() -> Self {
        ResultList {
            results: Results::default(),
            selected: None,
            offset: 0,
            limit: FIRST_PAGE,
            generation: 0,
            shown_generation: 0,
            top_from: None,
            to_end: false,
        }
    }
}

/// What taking new results changed.
pub struct Taken {
    /// The selection moved to another entry (the entry pane starts again from its top).
    pub selection_moved: bool,
}

impl ResultList {
    pub fn results(&self) -> &Results {
        &self.results
    }

    pub fn selected(&self) -> Option<&Id> {
        self.selected.as_ref()
    }

    pub fn offset(&self) -> usize {
        self.offset
    }

    pub fn limit(&self) -> usize {
        self.limit
    }

    /// The search whose results are shown: it changes with each result taken.
    pub fn shown_generation(&self) -> u64 {
        self.shown_generation
    }

    /// Whether a search is running whose results are not shown yet.
    pub fn searching(&self) -> bool {
        self.shown_generation < self.generation
    }

    /// Position of the selected entry in the results.
    pub fn selected_position(&self, catalogue: &Catalogue) -> Option<usize> {
        let selected = self.selected.as_ref()?;
        self.results.hits.iter().position(|h| catalogue.entries().get(h.entry).is_some_and(|e| &e.id == selected))
    }

    /// A new search: `new_query` when the query text changed (its best result is selected
    /// when it comes), `first_page` to rank only the first results again.
    pub fn ask(&mut self, new_query: bool, first_page: bool) -> (u64, usize) {
        self.generation += 1;
        if new_query {
            self.top_from = Some(self.generation);
        }
        if first_page {
            self.limit = FIRST_PAGE;
        }
        if new_query || first_page {
            self.to_end = false;
        }
        (self.generation, self.limit)
    }

    /// End, when only the first results are ranked: the next search ranks them all (on the
    /// search thread), and the last is selected when they come. Returns whether a search is
    /// needed.
    pub fn ask_to_end(&mut self) -> bool {
        let more_exist = self.results.hits.len() < self.results.total;
        if more_exist {
            self.limit = self.limit.max(self.results.total);
            self.to_end = true;
        }
        more_exist
    }

    /// Asks for more results when the selection nears the end of those ranked so far.
    pub fn wants_more(&mut self, catalogue: &Catalogue, page: usize) -> bool {
        let near_end = self.selected_position(catalogue).unwrap_or(0) + page >= self.results.hits.len();
        let more_exist = self.results.hits.len() < self.results.total;
        let already_asked = self.limit > self.results.hits.len() && self.searching();
        if near_end && more_exist && !already_asked {
            self.limit = self.limit.saturating_mul(2);
            return true;
        }
        false
    }

    /// Takes the results of search `generation`, unless newer ones are shown already.
    pub fn take(&mut self, generation: u64, results: Results, catalogue: &Catalogue, page: usize) -> Option<Taken> {
        if generation < self.shown_generation {
            return None;
        }
        self.shown_generation = generation;
        self.results = results;
        let new_query = self.top_from.is_some_and(|first| generation >= first);
        if new_query {
            self.top_from = None;
        }
        let still_there = self.selected_position(catalogue).is_some();
        let mut selection_moved = false;
        if self.to_end && !new_query && self.results.hits.len() >= self.results.total {
            self.to_end = false;
            let last = self.results.hits.last().and_then(|h| catalogue.entries().get(h.entry)).map(|e| e.id.clone());
            if last.is_some() {
                selection_moved = last != self.selected;
                self.selected = last;
                self.keep_visible(catalogue, page);
                return Some(Taken { selection_moved });
            }
        }
        if new_query || !still_there {
            // The selected entry is gone: the best result is what the user wants to see next.
            let best = self.results.hits.first().and_then(|h| catalogue.entries().get(h.entry)).map(|e| e.id.clone());
            selection_moved = best != self.selected;
            self.selected = best;
            self.offset = 0;
        }
        self.keep_visible(catalogue, page);
        Some(Taken { selection_moved })
    }

    /// Selects the result at `position`; returns whether the selection moved.
    pub fn select(&mut self, position: usize, catalogue: &Catalogue, page: usize) -> bool {
        let entry =
            self.results.hits.get(position).and_then(|h| catalogue.entries().get(h.entry)).map(|e| e.id.clone());
        let moved = entry.is_some() && entry != self.selected;
        if moved {
            self.selected = entry;
        }
        self.keep_visible(catalogue, page);
        moved
    }

    /// Keeps the selection within a page of `page` rows, and the list never scrolled past a
    /// full last page.
    pub fn keep_visible(&mut self, catalogue: &Catalogue, page: usize) {
        self.offset = self.offset_for(catalogue, page);
    }

    /// The first row to show in a page of `page` rows: the current one, moved as little as
    /// keeps the selection in sight and the list not scrolled past a full last page. The view
    /// draws from it (the state's own offset may be for the page before a resize).
    pub fn offset_for(&self, catalogue: &Catalogue, page: usize) -> usize {
        let page = page.max(1);
        let position = self.selected_position(catalogue).unwrap_or(0);
        let mut offset = self.offset;
        if position < offset {
            offset = position;
        } else if position >= offset + page {
            offset = position + 1 - page;
        }
        offset.min(self.results.hits.len().saturating_sub(page))
    }
}
