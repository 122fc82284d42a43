//! The one state of a dashboard session, made of parts that keep their own invariants
//! ([`super::state`]). It changes only in [`super::update`]; the views read it.
//!
//! Entries are held by [`Id`] wherever the state must outlive a catalogue snapshot (the
//! selection, the followed entries); positions (results, facet values, filter values) are
//! valid within the current [`Indexed`] only, and [`super::update::reindex`] carries them to
//! a new one.

use std::path::PathBuf;
use std::sync::Arc;

use super::action::Pane;
use super::frame::FrameFacts;
use super::loading::Stage;
use super::screen::{Layer, Overlay, Screen};
use super::search::Searcher;
use super::state::{
    ExportDialog, FacetRow, FacetTree, OverviewState, PresentState, ResultList, SearchBox, ToursState, Trail,
};
use super::theme::{Theme, ThemeName};
use crate::diagnostic::Diagnostic;
use crate::live::Problems;
use crate::model::{Catalogue, Entry, Id};
use crate::query::{Facet, Filters, Indexed, Query, Results};
use crate::shortlist::Shortlist;
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
    /// The shortlist as read, and the file it is saved to (none: kept for the session only).
    pub shortlist: Shortlist,
    pub shortlist_file: Option<PathBuf>,
    /// Said once at the start (a shortlist file that had to be set aside).
    pub notice: Option<String>,
    /// Folders exports must never be written into.
    pub catalogue_dirs: Vec<PathBuf>,
    /// Draw the tabs, the query line and the status line (`--present` hides them).
    pub chrome: bool,
    /// Start in present mode (`boucle present`).
    pub present: Option<PresentStart>,
}

/// What `boucle present` presents.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PresentStart {
    /// A tour's stops, by the tour's id.
    Tour(String),
    /// The results of the query and filters.
    Results,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            lang: Lang::En,
            theme: ThemeName::Dark,
            mouse: true,
            query: String::new(),
            filters: Vec::new(),
            shortlist: Shortlist::default(),
            shortlist_file: None,
            notice: None,
            catalogue_dirs: Vec::new(),
            chrome: true,
            present: None,
        }
    }
}

/// What has the keys: the overlay on top, else the query box while it is typed in, else a
/// pane of the screen. The one place this is decided: keys, hints, borders and the cursor
/// all ask here.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Target {
    Overlay(Overlay),
    Search,
    Pane(Pane),
}

pub struct App {
    pub(super) indexed: Arc<Indexed>,
    /// The catalogue's problems, shared with the snapshot they came with (and the room's other
    /// sessions): never copied per session.
    pub(super) problems: Problems,
    pub(super) lang: Lang,
    pub(super) theme_name: ThemeName,
    pub(super) theme: Theme,
    pub(super) mouse: bool,
    pub(super) screen: Screen,
    pub(super) overlays: Vec<Layer>,
    pub(super) focus: Pane,
    pub(super) search: SearchBox,
    /// The query as parsed from the box's text when the last search was asked for.
    pub(super) query: Query,
    pub(super) filters: Filters,
    pub(super) list: ResultList,
    pub(super) facets: FacetTree,
    /// The facet rows for the results shown, computed once when they arrive.
    pub(super) facet_rows: Vec<FacetRow>,
    pub(super) trail: Trail,
    pub(super) width: u16,
    pub(super) height: u16,
    /// A message over the status line (the equivalent command, a theme change), until the
    /// next thing the user does.
    pub(super) message: Option<String>,
    pub(super) searcher: Searcher,
    /// What the last frame drew, for hit-testing and bounding scrolls.
    pub(super) frame: FrameFacts,
    pub(super) shortlist: Shortlist,
    /// The shortlist as last read from or written to its file: what a save merges the
    /// file's changes since against (`shortlist::merge`).
    pub(super) shortlist_saved: Shortlist,
    pub(super) shortlist_file: Option<PathBuf>,
    /// The results show only the shortlist's entries.
    pub(super) shortlist_only: bool,
    /// The item under the cursor on the shortlist screen.
    pub(super) shortlist_cursor: usize,
    /// The note being written, and the entry it is for.
    pub(super) note: SearchBox,
    pub(super) note_for: Option<Id>,
    pub(super) export: ExportDialog,
    pub(super) catalogue_dirs: Vec<PathBuf>,
    pub(super) tours: ToursState,
    pub(super) present: PresentState,
    pub(super) overview: OverviewState,
    pub(super) chrome: bool,
    /// A reload that came during a presentation, swapped in when present mode ends: nothing
    /// moves under a facilitator's slide.
    pub(super) held_reload: Option<super::reload::Reloaded>,
    /// How far the background load is, until the catalogue arrives.
    pub(super) loading: Option<Stage>,
    /// Filters from the command line, resolved when the catalogue arrives.
    pub(super) pending_filters: Vec<(Facet, String)>,
    /// The query from the command line, checked with them.
    pub(super) pending_query: String,
    /// Why the dashboard will not start: the command line names values the catalogue does
    /// not have (said as `boucle list` says it, and the session ends with the usage code).
    pub(super) refusal: Option<String>,
}

impl App {
    /// The app on a catalogue, searching inline (tests, benchmarks).
    pub fn new(indexed: Arc<Indexed>, problems: impl Into<Problems>, options: Options) -> App {
        App::with_searcher(indexed, problems, options, Searcher::Inline)
    }

    /// The app with searches run by `searcher` (a worker thread in the dashboard).
    pub fn with_searcher(
        indexed: Arc<Indexed>,
        problems: impl Into<Problems>,
        options: Options,
        searcher: Searcher,
    ) -> App {
        let (filters, message) = resolve_filters(&indexed, &options.filters, options.lang);
        // A shortlist file set aside at the start is said once, unless a filter problem is.
        let message = message.or(options.notice.clone());
        let mut app = App {
            indexed,
            problems: problems.into(),
            lang: options.lang,
            theme_name: options.theme,
            theme: Theme::new(options.theme),
            mouse: options.mouse,
            screen: Screen::Browse,
            overlays: Vec::new(),
            focus: Pane::Results,
            search: SearchBox::new(options.query),
            query: Query::default(),
            filters,
            list: ResultList::default(),
            facets: FacetTree::default(),
            facet_rows: Vec::new(),
            trail: Trail::default(),
            width: 80,
            height: 24,
            message,
            searcher,
            frame: FrameFacts::default(),
            shortlist_saved: options.shortlist.clone(),
            shortlist: options.shortlist,
            shortlist_file: options.shortlist_file,
            shortlist_only: false,
            shortlist_cursor: 0,
            note: SearchBox::default(),
            note_for: None,
            export: ExportDialog::default(),
            catalogue_dirs: options.catalogue_dirs,
            tours: ToursState::default(),
            present: PresentState::default(),
            overview: OverviewState::default(),
            chrome: options.chrome,
            held_reload: None,
            loading: None,
            pending_filters: Vec::new(),
            pending_query: String::new(),
            refusal: None,
        };
        super::update::search_again(&mut app, false, true);
        if let Some(start) = &options.present {
            super::update::present::start_from_command_line(&mut app, start);
        }
        app
    }

    /// The app before its catalogue is there: an empty catalogue, with the query box, the keys
    /// and the help already working. The command line's filters wait for the catalogue
    /// ([`super::update::loaded`]).
    pub fn loading(options: Options, searcher: Searcher) -> App {
        let pending = options.filters.clone();
        let pending_query = options.query.clone();
        let empty = Arc::new(Indexed::new(Catalogue::default()));
        let mut app =
            App::with_searcher(empty, Problems::default(), Options { filters: Vec::new(), ..options }, searcher);
        app.loading = Some(Stage::Reading { read: 0, total: 0 });
        app.pending_filters = pending;
        app.pending_query = pending_query;
        app
    }

    /// Why the dashboard refuses to start, once the catalogue has come: the command line's
    /// unknown values, one line each, in `boucle list`'s words.
    pub fn refusal(&self) -> Option<&str> {
        self.refusal.as_deref()
    }

    /// How far the background load is, while it runs.
    pub fn loading_stage(&self) -> Option<Stage> {
        self.loading
    }

    pub fn indexed(&self) -> &Arc<Indexed> {
        &self.indexed
    }

    pub fn catalogue(&self) -> &Catalogue {
        self.indexed.catalogue()
    }

    pub fn problems(&self) -> &[Diagnostic] {
        &self.problems
    }

    pub fn lang(&self) -> Lang {
        self.lang
    }

    pub fn theme(&self) -> &Theme {
        &self.theme
    }

    pub fn theme_name(&self) -> ThemeName {
        self.theme_name
    }

    pub fn mouse(&self) -> bool {
        self.mouse
    }

    pub fn screen(&self) -> Screen {
        self.screen
    }

    pub fn tours(&self) -> &ToursState {
        &self.tours
    }

    pub fn present(&self) -> &PresentState {
        &self.present
    }

    pub fn overview(&self) -> &OverviewState {
        &self.overview
    }

    /// Whether the tabs, query line and status line are drawn (not with `--present`).
    pub fn chrome(&self) -> bool {
        self.chrome
    }

    /// The overlay on top, if one is open.
    pub fn overlay(&self) -> Option<Layer> {
        self.overlays.last().copied()
    }

    /// What has the keys.
    pub fn target(&self) -> Target {
        match (self.overlay(), self.search.editing()) {
            (Some(layer), _) => Target::Overlay(layer.overlay),
            (None, true) => Target::Search,
            (None, false) => Target::Pane(self.focus),
        }
    }

    /// The pane drawn as focused: none while an overlay or the query box has the keys.
    pub fn focused_pane(&self) -> Option<Pane> {
        match self.target() {
            Target::Pane(pane) => Some(pane),
            Target::Overlay(_) | Target::Search => None,
        }
    }

    /// The pane that has the keys once the query box and overlays are closed.
    pub fn focus(&self) -> Pane {
        self.focus
    }

    pub fn search(&self) -> &SearchBox {
        &self.search
    }

    pub fn query(&self) -> &Query {
        &self.query
    }

    pub fn filters(&self) -> &Filters {
        &self.filters
    }

    pub fn results(&self) -> &Results {
        self.list.results()
    }

    pub fn searching(&self) -> bool {
        self.list.searching()
    }

    pub fn results_offset(&self) -> usize {
        self.list.offset()
    }

    pub fn facet_rows(&self) -> &[FacetRow] {
        &self.facet_rows
    }

    pub fn facet_cursor(&self) -> usize {
        self.facets.cursor()
    }

    pub fn facets_offset(&self) -> usize {
        self.facets.offset()
    }

    pub fn trail(&self) -> &Trail {
        &self.trail
    }

    pub fn size(&self) -> (u16, u16) {
        (self.width, self.height)
    }

    pub fn message(&self) -> Option<&str> {
        self.message.as_deref()
    }

    /// What the last frame drew.
    pub fn frame(&self) -> &FrameFacts {
        &self.frame
    }

    /// The selected result's id.
    pub fn selected_id(&self) -> Option<&Id> {
        self.list.selected()
    }

    /// Position of the selected entry in the results.
    pub fn selected_position(&self) -> Option<usize> {
        self.list.selected_position(self.catalogue())
    }

    /// The entry the entry pane shows: the last followed link, else the selected result.
    pub fn shown_id(&self) -> Option<&Id> {
        self.trail.followed().or(self.list.selected())
    }

    /// The shown entry's position in the current catalogue.
    pub fn shown_entry(&self) -> Option<usize> {
        self.catalogue().index_of(self.shown_id()?.as_str())
    }

    pub fn entry(&self, id: &Id) -> Option<&Entry> {
        self.catalogue().get(id.as_str())
    }

    /// The entries the shown entry links to (stops, related, programme, organisations), in
    /// the order the entry pane lists them, without repeats or dangling ids.
    pub fn links(&self) -> Vec<usize> {
        let catalogue = self.catalogue();
        self.shown_entry().map_or_else(Vec::new, |i| crate::export::link_targets(catalogue, &catalogue.entries()[i]))
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

    /// Rows of the filters pane that fit (below the shortlist's row, when it shows).
    pub fn facets_page(&self) -> usize {
        let shortlist_row = usize::from(self.shows_shortlist_row());
        usize::from(self.height.saturating_sub(2 + 2)).saturating_sub(shortlist_row).max(1)
    }

    /// The active filters, as `field:value` chips, in the order they can be removed.
    pub fn active_filters(&self) -> Vec<(Facet, usize, String)> {
        let mut out = Vec::new();
        for facet in Facet::ALL {
            for &value in self.filters.selected(facet) {
                let id = self.indexed.value_id(facet, value);
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
                parts.push(format!("{flag} {}", shell_quote(&self.indexed.value_id(facet, value))));
            }
        }
        if !self.search.text().trim().is_empty() {
            parts.push(format!("--query {}", shell_quote(self.search.text().trim())));
        }
        if self.lang == Lang::Fr {
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

/// Resolves filters as typed on the command line; those that name nothing are said in a message.
pub(super) fn resolve_filters(indexed: &Indexed, asked: &[(Facet, String)], lang: Lang) -> (Filters, Option<String>) {
    let mut filters = Filters::default();
    let mut unknown = Vec::new();
    for (facet, text) in asked {
        match indexed.resolve_value(*facet, text) {
            Some(values) => values.into_iter().for_each(|v| filters.select(*facet, v)),
            None => unknown.push(format!("{}:{text}", facet.field_name())),
        }
    }
    let message = (!unknown.is_empty())
        .then(|| format!("{}: {}", crate::i18n::t(lang, crate::i18n::Msg::UnknownQueryValue), unknown.join(" ")));
    (filters, message)
}
