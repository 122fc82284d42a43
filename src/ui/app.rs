//! The one state of a dashboard session: a handful of parts, each keeping its own
//! invariants ([`super::state`]), beside what they share ([`Shared`]). It changes only in
//! [`super::update`], where each `update` function is given its own part and the shared
//! context, never the whole `App`; the views read it.
//!
//! Entries are held by [`Id`](crate::model::Id) wherever the state must outlive a catalogue
//! snapshot (the selection, the followed entries); positions (results, facet values, filter
//! values) are valid within the current [`Indexed`](crate::query::Indexed) only, and
//! [`super::update::reindex`] carries them to a new one.

use std::path::PathBuf;

use super::action::Pane;
use super::event::Reloaded;
use super::screen::{Layer, Overlay, Screen};
pub use super::shared::{MIN_HEIGHT, MIN_WIDTH, Shared, WIDE};
use super::state::{
    BrowseState, ExportDialog, FollowState, FormState, OverviewState, PresentState, Role, ShortlistScreen, StartUp,
    ToursState,
};
use super::theme::ThemeName;
use crate::query::Facet;
use crate::shortlist::Shortlist;
use crate::text::Lang;

/// What the dashboard starts with, from the command line.
#[derive(Clone, Debug)]
pub struct Options {
    pub lang: Lang,
    pub theme: ThemeName,
    /// How many colours the terminal shows: frames are drawn with the nearest it has.
    pub colours: super::colours::Depth,
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
    /// The key table, with the keys of the user's config file.
    pub keys: std::sync::Arc<super::keymap::Keymap>,
    /// The export dialog's first format, and the folder its file names start in.
    pub export_format: crate::export::handout::Format,
    pub export_folder: Option<PathBuf>,
    /// Plain lines for a screen reader instead of a drawn screen (`--screen-reader`).
    pub screen_reader: bool,
    /// The config file's problems, listed under `!` before the catalogue's.
    pub config_problems: Vec<crate::diagnostic::Diagnostic>,
    /// Start on an entry's form (`boucle new KIND ID --form`).
    pub form: Option<super::state::FormStart>,
    /// In a room: how the participant takes the shortlist home (nothing is written on the
    /// server).
    pub take_home: Option<super::take_home::TakeHome>,
    /// The part this dashboard plays in a shared presentation ([`crate::presentation`]).
    pub presenting: Option<Role>,
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
            colours: super::colours::Depth::TrueColour,
            mouse: true,
            query: String::new(),
            filters: Vec::new(),
            shortlist: Shortlist::default(),
            shortlist_file: None,
            notice: None,
            catalogue_dirs: Vec::new(),
            chrome: true,
            present: None,
            keys: Default::default(),
            export_format: crate::export::handout::Format::Md,
            export_folder: None,
            screen_reader: false,
            config_problems: Vec::new(),
            form: None,
            take_home: None,
            presenting: None,
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
    pub(in crate::ui) shared: Shared,
    pub(in crate::ui) browse: BrowseState,
    pub(in crate::ui) tours: ToursState,
    pub(in crate::ui) present: PresentState,
    pub(in crate::ui) follow: FollowState,
    pub(in crate::ui) overview: OverviewState,
    pub(in crate::ui) shortlist: ShortlistScreen,
    pub(in crate::ui) export: ExportDialog,
    pub(in crate::ui) start: StartUp,
    /// The entry's form while it is open ([`Overlay::Form`]).
    pub(in crate::ui) form: Option<FormState>,
    /// A reload that came during a presentation, swapped in when present mode ends: nothing
    /// moves under a facilitator's slide.
    pub(in crate::ui) held_reload: Option<Reloaded>,
}

impl App {
    /// What every screen shares: the catalogue, its problems, language, theme, size, the last
    /// frame, the shortlist, the message, the screen and its overlays.
    pub fn shared(&self) -> &Shared {
        &self.shared
    }

    pub fn browse(&self) -> &BrowseState {
        &self.browse
    }

    pub fn tours(&self) -> &ToursState {
        &self.tours
    }

    pub fn present(&self) -> &PresentState {
        &self.present
    }

    pub fn follow(&self) -> &FollowState {
        &self.follow
    }

    pub fn overview(&self) -> &OverviewState {
        &self.overview
    }

    pub fn shortlist_screen(&self) -> &ShortlistScreen {
        &self.shortlist
    }

    pub fn export_dialog(&self) -> &ExportDialog {
        &self.export
    }

    pub fn form(&self) -> Option<&FormState> {
        self.form.as_ref()
    }

    pub fn start_up(&self) -> &StartUp {
        &self.start
    }

    pub fn screen(&self) -> Screen {
        self.shared.screen
    }

    /// The overlay on top, if one is open.
    pub fn overlay(&self) -> Option<Layer> {
        self.shared.overlay()
    }

    /// What has the keys.
    pub fn target(&self) -> Target {
        match (self.overlay(), self.browse.query_box.editing()) {
            (Some(layer), _) => Target::Overlay(layer.overlay),
            (None, true) => Target::Search,
            (None, false) => Target::Pane(self.browse.focus),
        }
    }
}
