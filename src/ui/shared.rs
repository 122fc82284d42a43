//! What every screen shares, handed to each `update` function beside its own state: the
//! catalogue snapshot and its problems, the language and theme, the size of the terminal and
//! what the last frame drew, the shortlist, the message on the bottom line, and where the user
//! is (the screen, the overlays over it).

use std::path::PathBuf;
use std::sync::Arc;

use super::frame::FrameFacts;
use super::keymap::overrides::Keymap;
use super::screen::{Layer, Screen};
use super::theme::{Theme, ThemeName};
use crate::diagnostic::Diagnostic;
use crate::model::{Catalogue, Entry, Id};
use crate::query::Indexed;
use crate::shortlist::Shortlist;
use crate::text::Lang;

/// Below this size the layout would break; a message says what is needed instead.
pub const MIN_WIDTH: u16 = 60;
pub const MIN_HEIGHT: u16 = 15;
/// From this width the entry shows beside the results; below it, on its own screen.
pub const WIDE: u16 = 120;

pub struct Shared {
    /// The catalogue snapshot every screen shows (shared with the room's other sessions).
    pub(in crate::ui) indexed: Arc<Indexed>,
    /// The catalogue's problems, shared with the snapshot they came with (and the room's other
    /// sessions): never copied per session.
    pub(in crate::ui) problems: crate::live::Problems,
    /// The config file's problems, listed before the catalogue's under `!`.
    pub(in crate::ui) config_problems: Vec<Diagnostic>,
    /// Plain lines for a screen reader instead of a drawn screen.
    pub(in crate::ui) screen_reader: bool,
    pub(in crate::ui) lang: Lang,
    pub(in crate::ui) theme_name: ThemeName,
    pub(in crate::ui) theme: Theme,
    pub(in crate::ui) colours: super::colours::Depth,
    pub(in crate::ui) mouse: bool,
    /// The key table, with the user's config file's keys: dispatch, help and hints read it.
    pub(in crate::ui) keys: Arc<Keymap>,
    /// The export dialog's first format, and the folder its file names start in.
    pub(in crate::ui) export_format: crate::export::handout::Format,
    pub(in crate::ui) export_folder: Option<PathBuf>,
    /// Whether the tabs, query line and status line are drawn (not with `--present`).
    pub(in crate::ui) chrome: bool,
    /// The terminal's size, as last told.
    pub(in crate::ui) width: u16,
    pub(in crate::ui) height: u16,
    /// What the last frame drew: the bounds of scrolls and pages, and where clicks land.
    pub(in crate::ui) frame: FrameFacts,
    /// The shortlist, and the file it is saved to (none: kept for the session only).
    pub(in crate::ui) marks: Shortlist,
    /// The shortlist as last read from or written to its file: what a save merges the file's
    /// changes since against (`shortlist::merge`).
    pub(in crate::ui) marks_saved: Shortlist,
    pub(in crate::ui) marks_file: Option<PathBuf>,
    /// In a room: the command that takes the shortlist home; the room keeps the shortlist
    /// (a save without a file goes to it).
    pub(in crate::ui) take_home: Option<super::take_home::TakeHome>,
    /// Folders exports must never be written into.
    pub(in crate::ui) catalogue_dirs: Vec<PathBuf>,
    /// A message over the status line (the equivalent command, a theme change), until the
    /// next thing the user does.
    pub(in crate::ui) message: Option<String>,
    /// The screen under the overlays, and the overlays, the top one last.
    pub(in crate::ui) screen: Screen,
    pub(in crate::ui) overlays: Vec<Layer>,
    /// Entries a reload removed that a screen may still name (the shortlist's marks, tours'
    /// stops), with their title and file, so that each says it as the entry pane does.
    pub(in crate::ui) gone: Vec<super::state::Removed>,
}

impl Shared {
    /// The entry `id` as it was when a reload removed it this session, if one did.
    pub fn gone(&self, id: &str) -> Option<&super::state::Removed> {
        self.gone.iter().find(|removed| removed.id.as_str() == id)
    }

    pub fn indexed(&self) -> &Arc<Indexed> {
        &self.indexed
    }

    pub fn catalogue(&self) -> &Catalogue {
        self.indexed.catalogue()
    }

    pub fn entry(&self, id: &Id) -> Option<&Entry> {
        self.catalogue().get(id.as_str())
    }

    pub fn problems(&self) -> &[Diagnostic] {
        &self.problems
    }

    pub fn screen_reader(&self) -> bool {
        self.screen_reader
    }

    pub fn keys(&self) -> &Keymap {
        &self.keys
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

    pub fn chrome(&self) -> bool {
        self.chrome
    }

    pub fn size(&self) -> (u16, u16) {
        (self.width, self.height)
    }

    /// Whether the window is wide enough to show the entry beside the results.
    pub fn wide(&self) -> bool {
        self.width >= WIDE
    }

    pub fn too_small(&self) -> bool {
        self.width < MIN_WIDTH || self.height < MIN_HEIGHT
    }

    /// What the last frame drew.
    pub fn frame(&self) -> &FrameFacts {
        &self.frame
    }

    pub fn shortlist(&self) -> &Shortlist {
        &self.marks
    }

    /// Where the shortlist is saved; `None` when it is not.
    pub fn shortlist_file(&self) -> Option<&std::path::Path> {
        self.marks_file.as_deref()
    }

    /// In a room: how the shortlist goes home.
    pub fn take_home(&self) -> Option<&super::take_home::TakeHome> {
        self.take_home.as_ref()
    }

    pub fn is_marked(&self, id: &Id) -> bool {
        self.marks.contains(id.as_str())
    }

    pub fn catalogue_dirs(&self) -> &[PathBuf] {
        &self.catalogue_dirs
    }

    pub fn message(&self) -> Option<&str> {
        self.message.as_deref()
    }

    pub fn screen(&self) -> Screen {
        self.screen
    }

    /// The overlay on top, if one is open.
    pub fn overlay(&self) -> Option<Layer> {
        self.overlays.last().copied()
    }
}
