//! The one state of the dashboard. `update` (in [`super::update`]) changes it; the views only
//! read it.

use std::collections::HashSet;
use std::sync::Arc;

use super::action::Pane;
use super::search::{Request, Searcher};
use super::theme::{Theme, ThemeName};
use crate::diagnostic::Diagnostic;
use crate::model::{Catalogue, Details, Id, Kind};
use crate::query::{Engine, Facet, Filters, Query, Results};
use crate::text::Lang;

/// Below this size the layout would break; a message says what is needed instead.
pub const MIN_WIDTH: u16 = 60;
pub const MIN_HEIGHT: u16 = 15;
/// From this width the entry shows beside the results; below it, on its own screen.
pub const WIDE: u16 = 120;

/// What the dashboard starts with, from the command line.
#[derive(Clone, Debug)]
pub struct Options {
    pub lang: Lang,
    pub theme: ThemeName,
    pub mouse: bool,
    pub query: String,
    /// Facet values as typed on the command line (`--region FRE`), resolved once the
    /// catalogue is indexed.
    pub filters: Vec<(Facet, String)>,
}

impl Default for Options {
    fn default() -> Self {
        Options { lang: Lang::En, theme: ThemeName::Dark, mouse: true, query: String::new(), filters: Vec::new() }
    }
}

/// The query box being typed in.
#[derive(Clone, Debug, Default)]
pub struct SearchBox {
    pub text: String,
    /// Byte offset of the cursor in `text`, always on a character boundary.
    pub cursor: usize,
    pub editing: bool,
    /// The query before this edit began, restored by Esc.
    pub before_edit: String,
    pub history: Vec<String>,
    /// Position while walking the history with ↑/↓.
    pub history_position: Option<usize>,
}

/// One row of the filters pane.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FacetRow {
    Header { facet: Facet, open: bool },
    Value { facet: Facet, value: usize, depth: usize, has_children: bool, open: bool },
}

/// A place in the entry pane's history, to come back to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Visit {
    pub entry: usize,
    pub scroll: u16,
    pub link: Option<usize>,
}

pub struct App {
    pub catalogue: Arc<Catalogue>,
    pub engine: Arc<Engine>,
    pub problems: Vec<Diagnostic>,
    pub lang: Lang,
    pub theme_name: ThemeName,
    pub theme: Theme,
    pub mouse: bool,
    pub focus: Pane,
    pub help_scroll: Option<u16>,
    /// The catalogue problems overlay, when open, with its scroll.
    pub problems_scroll: Option<u16>,
    pub search: SearchBox,
    pub query: Query,
    pub filters: Filters,
    pub results: Results,
    generation: u64,
    shown_generation: u64,
    /// How many results the current search ranks; grows as the list is scrolled.
    result_limit: usize,
    /// Results from this search on come from a new query: they select their best result.
    top_from: Option<u64>,
    searcher: Searcher,
    /// The selected result, as a catalogue index: kept when the results change.
    pub selected: Option<usize>,
    pub results_offset: usize,
    pub facet_cursor: usize,
    pub facets_offset: usize,
    pub open_facets: HashSet<Facet>,
    pub open_values: HashSet<(Facet, usize)>,
    /// The entry shown after following links; empty when the pane shows the selected result.
    pub trail: Vec<Visit>,
    pub detail_scroll: u16,
    pub detail_link: Option<usize>,
    pub width: u16,
    pub height: u16,
    /// A one-line message over the status line (the equivalent command, a theme change).
    pub message: Option<String>,
    pub should_quit: bool,
    pub suspend_requested: bool,
}

impl App {
    /// The app on a catalogue; `background` runs searches on a worker thread (the dashboard)
    /// rather than inline (tests, benchmarks).
    pub fn new(catalogue: Arc<Catalogue>, problems: Vec<Diagnostic>, options: Options, background: bool) -> App {
        let engine = Arc::new(Engine::new(&catalogue));
        App::with_engine(catalogue, engine, problems, options, background)
    }

    /// The app with an index already built for `catalogue`.
    pub fn with_engine(
        catalogue: Arc<Catalogue>,
        engine: Arc<Engine>,
        problems: Vec<Diagnostic>,
        options: Options,
        background: bool,
    ) -> App {
        let searcher = if background { Searcher::worker(catalogue.clone(), engine.clone()) } else { Searcher::Inline };
        let mut filters = Filters::default();
        let mut unknown = Vec::new();
        for (facet, text) in &options.filters {
            match engine.resolve_value(&catalogue, *facet, text) {
                Some(values) => values.into_iter().for_each(|v| filters.select(*facet, v)),
                None => unknown.push(format!("{}:{text}", facet.field_name())),
            }
        }
        let mut app = App {
            catalogue,
            engine,
            problems,
            lang: options.lang,
            theme_name: options.theme,
            theme: Theme::new(options.theme),
            mouse: options.mouse,
            focus: Pane::Results,
            help_scroll: None,
            problems_scroll: None,
            search: SearchBox { cursor: options.query.len(), text: options.query, ..SearchBox::default() },
            query: Query::default(),
            filters,
            results: Results::default(),
            generation: 0,
            shown_generation: 0,
            result_limit: super::search::FIRST_PAGE,
            top_from: None,
            searcher,
            selected: None,
            results_offset: 0,
            facet_cursor: 0,
            facets_offset: 0,
            open_facets: [Facet::Region, Facet::Material, Facet::Theme, Facet::Kind].into_iter().collect(),
            open_values: HashSet::new(),
            trail: Vec::new(),
            detail_scroll: 0,
            detail_link: None,
            width: 80,
            height: 24,
            message: (!unknown.is_empty()).then(|| {
                format!("{}: {}", super::i18n::t(options.lang, super::i18n::Msg::UnknownQueryValue), unknown.join(" "))
            }),
            should_quit: false,
            suspend_requested: false,
        };
        app.refresh();
        app
    }

    /// Starts a search for the current query, filters and language.
    pub fn refresh(&mut self) {
        self.result_limit = super::search::FIRST_PAGE;
        self.search_again();
    }

    /// Searches for a query just typed: a new query is a new list, whose best result is selected
    /// (filters and language changes keep the selection instead).
    pub fn refresh_new_query(&mut self) {
        self.top_from = Some(self.generation + 1);
        self.refresh();
    }

    /// Asks for more results when the selection nears the end of those ranked so far.
    pub fn load_more_if_near_end(&mut self) {
        let near_end = self.selected_position().unwrap_or(0) + self.results_page() >= self.results.hits.len();
        let more_exist = self.results.hits.len() < self.results.total;
        let already_asked = self.result_limit > self.results.hits.len() && self.searching();
        if near_end && more_exist && !already_asked {
            self.result_limit = self.result_limit.saturating_mul(2);
            self.search_again();
        }
    }

    fn search_again(&mut self) {
        self.query = Query::parse(&self.search.text);
        self.generation += 1;
        let request = Request {
            generation: self.generation,
            query: self.query.clone(),
            filters: self.filters.clone(),
            lang: self.lang,
            limit: self.result_limit,
        };
        match &self.searcher {
            Searcher::Inline => {
                let results =
                    self.engine.search(&self.catalogue, &request.query, &request.filters, request.lang, request.limit);
                self.apply_results(request.generation, results);
            }
            Searcher::Worker { requests, .. } => {
                if requests.send(request).is_err() {
                    // The worker is gone (it never panics on data, but be safe): search here.
                    self.searcher = Searcher::Inline;
                    self.search_again();
                }
            }
        }
    }

    /// Takes the results the worker has finished; returns whether anything changed.
    pub fn poll_results(&mut self) -> bool {
        let mut changed = false;
        if let Searcher::Worker { responses, .. } = &self.searcher {
            let mut latest = None;
            while let Ok(response) = responses.try_recv() {
                latest = Some(response);
            }
            if let Some(response) = latest {
                self.apply_results(response.generation, response.results);
                changed = true;
            }
        }
        changed
    }

    /// Whether a search is running whose results are not shown yet.
    pub fn searching(&self) -> bool {
        self.shown_generation < self.generation
    }

    fn apply_results(&mut self, generation: u64, results: Results) {
        if generation < self.shown_generation {
            return;
        }
        self.shown_generation = generation;
        // The facet row under the cursor, to find it again: counts change which rows show.
        let anchor = self.facet_rows().get(self.facet_cursor).copied().map(row_identity);
        self.results = results;
        let new_query = self.top_from.is_some_and(|first| generation >= first);
        if new_query {
            self.top_from = None;
        }
        let still_there = self.selected.is_some_and(|e| self.results.hits.iter().any(|h| h.entry == e));
        if new_query || !still_there {
            // The selected entry is gone: the best result is what the user wants to see next.
            self.selected = self.results.hits.first().map(|h| h.entry);
            self.results_offset = 0;
            self.trail.clear();
            self.detail_scroll = 0;
            self.detail_link = None;
        }
        let rows = self.facet_rows();
        if let Some(row) = anchor.and_then(|anchor| rows.iter().position(|r| row_identity(*r) == anchor)) {
            self.facet_cursor = row;
        }
        self.clamp_facet_cursor_to(rows.len());
        self.keep_results_cursor_visible();
    }

    /// Position of the selected entry in the results.
    pub fn selected_position(&self) -> Option<usize> {
        let selected = self.selected?;
        self.results.hits.iter().position(|h| h.entry == selected)
    }

    /// The entry the entry pane shows: the last followed link, else the selected result.
    pub fn shown_entry(&self) -> Option<usize> {
        self.trail.last().map(|v| v.entry).or(self.selected)
    }

    /// The entries the shown entry links to (related, programme, stops, organisations), in
    /// the order the entry pane lists them, without repeats or dangling ids.
    pub fn links(&self) -> Vec<usize> {
        let Some(entry) = self.shown_entry().map(|i| &self.catalogue.entries()[i]) else { return Vec::new() };
        let mut ids: Vec<&Id> = Vec::new();
        if let Details::Tour(tour) = &entry.details {
            ids.extend(tour.stops.iter().map(|s| &s.entry));
        }
        ids.extend(entry.entry_references().into_iter().filter(|(f, _)| *f != "entry").map(|(_, id)| id));
        ids.extend(entry.organisations());
        let mut out = Vec::new();
        for id in ids {
            if let Some(index) = self.catalogue.index_of(id.as_str())
                && !out.contains(&index)
            {
                out.push(index);
            }
        }
        out
    }

    /// Whether the window is wide enough to show the entry beside the results.
    pub fn wide(&self) -> bool {
        self.width >= WIDE
    }

    pub fn too_small(&self) -> bool {
        self.width < MIN_WIDTH || self.height < MIN_HEIGHT
    }

    /// Rows of the results list that fit: two lines an entry, inside a border, between the
    /// search line and the status line.
    pub fn results_page(&self) -> usize {
        (usize::from(self.height.saturating_sub(2 + 2)) / 2).max(1)
    }

    /// Rows of the filters pane that fit.
    pub fn facets_page(&self) -> usize {
        usize::from(self.height.saturating_sub(2 + 2)).max(1)
    }

    pub fn keep_results_cursor_visible(&mut self) {
        let page = self.results_page();
        let position = self.selected_position().unwrap_or(0);
        if position < self.results_offset {
            self.results_offset = position;
        } else if position >= self.results_offset + page {
            self.results_offset = position + 1 - page;
        }
        // Never scrolled past a full last page: the pane stays filled when the list shrinks.
        self.results_offset = self.results_offset.min(self.results.hits.len().saturating_sub(page));
    }

    pub fn keep_facet_cursor_visible(&mut self) {
        let page = self.facets_page();
        if self.facet_cursor < self.facets_offset {
            self.facets_offset = self.facet_cursor;
        } else if self.facet_cursor >= self.facets_offset + page {
            self.facets_offset = self.facet_cursor + 1 - page;
        }
    }

    pub fn clamp_facet_cursor(&mut self) {
        let rows = self.facet_rows().len();
        self.clamp_facet_cursor_to(rows);
    }

    fn clamp_facet_cursor_to(&mut self, rows: usize) {
        self.facet_cursor = self.facet_cursor.min(rows.saturating_sub(1));
        self.keep_facet_cursor_visible();
        // Never scrolled past a full last page: the pane stays filled when values vanish.
        self.facets_offset = self.facets_offset.min(rows.saturating_sub(self.facets_page()));
    }

    /// The rows of the filters pane: each facet's header, then (when open) its values with a
    /// result, or selected, in tree order; children only under an unfolded parent.
    pub fn facet_rows(&self) -> Vec<FacetRow> {
        let mut rows = Vec::new();
        for facet in Facet::ALL {
            let open = self.open_facets.contains(&facet);
            rows.push(FacetRow::Header { facet, open });
            if !open {
                continue;
            }
            let visible = |value: usize| {
                self.results.facet_counts.count(facet, value) > 0 || self.filters.is_selected(facet, value)
            };
            match facet.vocabulary() {
                Some(kind) => {
                    let vocabulary = self.catalogue.vocabularies.get(kind);
                    let roots = (0..vocabulary.len()).filter(|&i| vocabulary.parent_of(i).is_none());
                    let mut stack: Vec<(usize, usize)> = roots.rev().map(|i| (i, 0)).collect();
                    while let Some((value, depth)) = stack.pop() {
                        if !visible(value) {
                            continue;
                        }
                        let children = vocabulary.children_of(value);
                        let has_children = children.iter().any(|&c| visible(c));
                        let open = self.open_values.contains(&(facet, value));
                        rows.push(FacetRow::Value { facet, value, depth, has_children, open });
                        if open {
                            stack.extend(children.iter().rev().map(|&c| (c, depth + 1)));
                        }
                    }
                }
                None => {
                    let mut values: Vec<usize> = (0..self.engine.value_count(facet)).filter(|&v| visible(v)).collect();
                    match facet {
                        Facet::Year => values.reverse(),
                        Facet::Organisation => values.sort_by_cached_key(|&v| {
                            crate::query::fold(&self.engine.value_label(&self.catalogue, facet, v, self.lang))
                        }),
                        _ => {}
                    }
                    rows.extend(values.into_iter().map(|value| FacetRow::Value {
                        facet,
                        value,
                        depth: 0,
                        has_children: false,
                        open: false,
                    }));
                }
            }
        }
        rows
    }

    /// The active filters, as `field:value` chips, in the order they can be removed.
    pub fn active_filters(&self) -> Vec<(Facet, usize, String)> {
        let mut out = Vec::new();
        for facet in Facet::ALL {
            for &value in self.filters.selected(facet) {
                let id = self.engine.value_id(&self.catalogue, facet, value);
                out.push((facet, value, format!("{}:{id}", facet.field_name())));
            }
        }
        out
    }

    /// The command line that opens this view: the filters as flags, the query as `--query`.
    pub fn equivalent_command(&self) -> String {
        let mut parts = vec!["boucle".to_string()];
        for facet in Facet::ALL {
            for &value in self.filters.selected(facet) {
                let flag = facet.flag();
                parts.push(format!("{flag} {}", shell_quote(&self.engine.value_id(&self.catalogue, facet, value))));
            }
        }
        if !self.search.text.trim().is_empty() {
            parts.push(format!("--query {}", shell_quote(self.search.text.trim())));
        }
        if self.lang == Lang::Fr {
            parts.push("--lang fr".into());
        }
        parts.join(" ")
    }

    pub fn kind_of(&self, entry: usize) -> Kind {
        self.catalogue.entries()[entry].kind
    }
}

/// What a facet row is about, whether or not it is folded.
fn row_identity(row: FacetRow) -> (Facet, Option<usize>) {
    match row {
        FacetRow::Header { facet, .. } => (facet, None),
        FacetRow::Value { facet, value, .. } => (facet, Some(value)),
    }
}

/// Quotes a word for a POSIX shell when it needs it.
fn shell_quote(text: &str) -> String {
    let plain = !text.is_empty() && text.chars().all(|c| c.is_alphanumeric() || "-_.,:/".contains(c));
    if plain { text.to_string() } else { format!("'{}'", text.replace('\'', r"'\''")) }
}
