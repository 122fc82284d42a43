//! Making the one `App` of a session: on a catalogue (searched at once), or before the
//! catalogue is there (the background load brings it).

use std::sync::Arc;

use super::action::Pane;
use super::app::{App, Options};
use super::event::Stage;
use super::frame::FrameFacts;
use super::screen::Screen;
use super::searcher::Searcher;
use super::state::{ExportDialog, FacetTree, OverviewState, PresentState, ResultList, SearchBox, ToursState, Trail};
use super::theme::Theme;
use crate::diagnostic::Diagnostic;
use crate::model::Catalogue;
use crate::query::{Facet, Filters, Indexed, Query};
use crate::text::Lang;

impl App {
    /// The app on a catalogue, searching inline (tests, benchmarks).
    pub fn new(indexed: Arc<Indexed>, problems: Vec<Diagnostic>, options: Options) -> App {
        App::with_searcher(indexed, problems, options, Searcher::Inline)
    }

    /// The app with searches run by `searcher` (a worker thread in the dashboard).
    pub fn with_searcher(
        indexed: Arc<Indexed>,
        problems: Vec<Diagnostic>,
        options: Options,
        searcher: Searcher,
    ) -> App {
        let (filters, message) = resolve_filters(&indexed, &options.filters, options.lang);
        // A shortlist file set aside at the start is said once, unless a filter problem is.
        let message = message.or(options.notice.clone());
        let mut app = App {
            indexed,
            problems,
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
        let mut app = App::with_searcher(empty, Vec::new(), Options { filters: Vec::new(), ..options }, searcher);
        app.loading = Some(Stage::Reading { read: 0, total: 0 });
        app.pending_filters = pending;
        app.pending_query = pending_query;
        app
    }
}

/// Resolves filters as typed on the command line; those that name nothing are said in a message.
fn resolve_filters(indexed: &Indexed, asked: &[(Facet, String)], lang: Lang) -> (Filters, Option<String>) {
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
