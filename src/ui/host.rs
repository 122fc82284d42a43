//! What a session draws to and does things with: the local terminal ([`super::terminal`]) or
//! a participant's SSH channel (`serve`). The session loop ([`super::session`]) asks it.

use ratatui::Terminal;
use ratatui::backend::Backend;

use super::app::App;
use super::editor::EditOutcome;
use crate::files::{Overwrite, WriteError, write_atomic};

/// Where a session draws, and what it can do with its terminal.
pub trait Host {
    type Output: Backend;

    fn terminal(&mut self) -> &mut Terminal<Self::Output>;

    /// Draws the app's frame and records what it drew; a host whose sessions share what they
    /// draw (a room's followers over SSH) draws the same frame its own way.
    fn render(&mut self, app: &mut App) -> Result<(), <Self::Output as Backend>::Error> {
        super::render::render(self.terminal(), app)
    }

    /// Appends plain lines below what is there (the screen-reader mode), the cursor left at
    /// the start of the last; a host that draws only frames ignores them.
    fn append(&mut self, _lines: &[String]) -> Result<(), <Self::Output as Backend>::Error> {
        Ok(())
    }

    /// Gives the terminal back and stops until resumed (Ctrl-Z); a host that cannot, ignores it.
    fn suspend(&mut self) -> Result<(), <Self::Output as Backend>::Error>;

    /// Takes the terminal again after a stop that could not be caught (SIGCONT); a host
    /// without a terminal of its own ignores it.
    fn resume(&mut self) -> Result<(), <Self::Output as Backend>::Error> {
        Ok(())
    }

    /// Opens a web address for the user; a host that cannot says why.
    fn open_url(&mut self, _url: &str) -> Result<(), String> {
        Err("this session cannot open addresses".into())
    }

    /// Puts text on the user's clipboard; a host that cannot says why.
    fn copy(&mut self, _text: &str) -> Result<(), crate::i18n::Said> {
        Err(crate::i18n::Said::by(|lang| crate::i18n::word(lang, crate::i18n::Word::NoClipboard).to_string()))
    }

    /// Saves the shortlist, merged with what changed in its file since `base`; returns what
    /// the file holds now. By default to the file on this machine; a host whose user is
    /// elsewhere (a session served over SSH) keeps it its own way.
    fn save_shortlist(
        &mut self,
        path: &std::path::Path,
        base: &crate::shortlist::Shortlist,
        list: &crate::shortlist::Shortlist,
    ) -> Result<crate::shortlist::Shortlist, crate::i18n::Said> {
        use crate::shortlist::store::{Privacy, save_merged};
        save_merged(path, base, list, Privacy::Usual).map(|saved| saved.list).map_err(|e| e.said())
    }

    /// The shortlist changed and has no file: a host whose room keeps it (for the participant
    /// to take home) takes it; by default, nothing.
    fn keep_shortlist(&mut self, _list: &crate::shortlist::Shortlist) {}

    /// Writes an export; by default to a file on this machine, atomically, never into the
    /// `forbidden` folders (the catalogue's).
    fn write_file(
        &mut self,
        path: &std::path::Path,
        contents: &[u8],
        overwrite: Overwrite,
        forbidden: &[std::path::PathBuf],
    ) -> Result<(), WriteError> {
        write_atomic(path, contents, overwrite, forbidden)
    }

    /// Sends a drive to the shared presentation; a host that may not drive ignores it (a
    /// participant's session is never given the right).
    fn drive(&mut self, _drive: crate::presentation::Drive) {}

    /// The user started or stopped following the presentation (the room counts them).
    fn following(&mut self, _following: bool) {}

    /// Asks for the catalogue to be loaded again (`r`); false when there is nothing to reload
    /// (the bundled catalogue, no watcher).
    fn reload(&mut self) -> bool {
        false
    }

    /// Opens `path` at `line` in the curator's editor, with the terminal released meanwhile.
    fn edit(&mut self, _path: &std::path::Path, _line: usize) -> Result<EditOutcome, <Self::Output as Backend>::Error> {
        Ok(EditOutcome::Unavailable)
    }

    /// The text of an entry's file, for the form; why not when this host does not edit files (a
    /// session over SSH), the entry has no file (the catalogue built into the program), or it
    /// cannot be read.
    fn read_entry(&mut self, _path: &std::path::Path) -> Result<String, EditOutcome> {
        Err(EditOutcome::Unavailable)
    }

    /// Writes the form's entry: a new file (never over one) when `before` is `None`, else the
    /// file replaced atomically if it still holds `before`.
    fn save_entry(
        &mut self,
        _path: &std::path::Path,
        _text: &str,
        _before: Option<&str>,
    ) -> Result<(), crate::i18n::Said> {
        Err(crate::i18n::Said::by(|lang| crate::i18n::t(lang, crate::i18n::Msg::NoEditorHere).to_string()))
    }
}
