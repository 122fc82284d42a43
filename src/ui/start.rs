//! Making the one `App` of a session: on a catalogue (searched at once, on this thread, so the
//! first frame has its results), or before the catalogue is there (the background load brings
//! it, [`super::update::loaded`]).

use std::sync::Arc;

use super::app::{App, Options};
use super::event::Stage;
use super::frame::FrameFacts;
use super::screen::Screen;
use super::shared::Shared;
use super::state::{
    BrowseState, ExportDialog, FollowState, OverviewState, PresentState, ShortlistScreen, StartUp, ToursState,
};
use super::theme::Theme;
use crate::model::Catalogue;
use crate::query::{Facet, Filters, Indexed};
use crate::text::Lang;

impl App {
    /// The app on a catalogue, its first results searched on this thread.
    pub fn new(indexed: Arc<Indexed>, problems: impl Into<crate::live::Problems>, options: Options) -> App {
        let (filters, message) = resolve_filters(&indexed, &options.filters, options.lang);
        // A shortlist file set aside at the start is said once, unless a filter problem is.
        let message = message.or(options.notice.clone());
        let shared = Shared {
            indexed,
            problems: super::update::reindex::with_config_problems(&options.config_problems, problems.into()),
            config_problems: options.config_problems.clone(),
            screen_reader: options.screen_reader,
            lang: options.lang,
            theme_name: options.theme,
            theme: Theme::new(options.theme),
            colours: options.colours,
            mouse: options.mouse,
            keys: options.keys.clone(),
            export_format: options.export_format,
            export_folder: options.export_folder.clone(),
            chrome: options.chrome,
            width: 80,
            height: 24,
            frame: FrameFacts::default(),
            marks_saved: options.shortlist.clone(),
            marks: options.shortlist,
            marks_file: options.shortlist_file,
            take_home: options.take_home,
            catalogue_dirs: options.catalogue_dirs,
            message,
            screen: Screen::Browse,
            overlays: Vec::new(),
            gone: Vec::new(),
        };
        let mut app = App {
            shared,
            browse: BrowseState::new(&options.query, filters),
            tours: ToursState::default(),
            present: PresentState::default(),
            follow: FollowState::new(options.presenting),
            overview: OverviewState::default(),
            shortlist: ShortlistScreen::default(),
            export: ExportDialog::new(options.export_format, options.export_folder.clone()),
            start: StartUp::default(),
            form: None,
            held_reload: None,
        };
        super::update::search_now(&mut app);
        if let Some(start) = options.form {
            super::update::form_opened(&mut app, start);
        }
        if let Some(start) = &options.present {
            super::update::present::start_from_command_line(&mut app, start);
            super::update::count_overview(&mut app);
        }
        app
    }

    /// The app before its catalogue is there: an empty catalogue, with the query box, the keys
    /// and the help already working. The command line's filters wait for the catalogue
    /// ([`super::update::loaded`]).
    pub fn loading(options: Options) -> App {
        let pending_filters = options.filters.clone();
        let pending_query = options.query.clone();
        let empty = Arc::new(Indexed::new(Catalogue::default()));
        let mut app = App::new(empty, crate::live::Problems::default(), Options { filters: Vec::new(), ..options });
        app.start = StartUp {
            loading: Some(Stage::Reading { read: 0, total: 0 }),
            pending_filters,
            pending_query,
            refusal: None,
            given: None,
        };
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
