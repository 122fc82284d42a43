//! Everything the user can ask for, and what `update` asks the loop to do in return. Keys
//! become actions through the key table ([`super::keymap`]); mouse events become actions in
//! [`super::input`], against the last frame drawn. Each layer of `update` (overlay, screen,
//! the keys the tabs share, the keys that always work) answers an action with [`Handled`].

/// The panes of the browse screen, in Tab order.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Pane {
    Facets,
    Results,
    Detail,
}

/// An edit of the text box that has the keys: the query, a shortlist note, an export file
/// name, present mode's jump search. One family, applied by [`super::state::TextInput`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Edit {
    Insert(char),
    /// A bracketed paste, as one edit (line breaks and controls already turned into spaces).
    Paste(String),
    Backspace,
    Delete,
    Left,
    Right,
    Home,
    End,
    Clear,
    DeleteWord,
}

/// Not `Copy`: a paste carries its text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Action {
    Quit,
    Suspend,
    /// Load the catalogue folders again now (`r`).
    Reload,
    /// Open the problem under the panel's cursor in the editor.
    OpenProblem,
    /// Open the selected entry in the form (`e`).
    EditEntry,
    /// Open the selected entry's file in the curator's editor (`E`).
    EditFile,
    /// Save the form's entry (Ctrl-S).
    SaveForm,
    ToggleHelp,
    ToggleProblems,
    /// Close the overlay on top.
    CloseOverlay,
    FocusSearch,
    FocusNext,
    FocusPrev,
    Focus(Pane),
    ClearFilters,
    RemoveLastFilter,
    /// Remove the active filter at this position of the status line's chips.
    RemoveFilter(usize),
    CycleTheme,
    SwitchLanguage,
    ShowCommand,
    Up,
    Down,
    PageUp,
    PageDown,
    Home,
    End,
    /// Select or deselect the facet value under the cursor.
    ToggleValue,
    Expand,
    Collapse,
    /// Open the selected result, or follow the selected link of the detail.
    Open,
    Back,
    NextLink,
    PrevLink,
    /// A click on a row of the filters pane: the cursor goes there; a second click toggles.
    ClickFacetRow(usize),
    /// A click on a result: it is selected; a second click opens it.
    ClickResult(usize),
    /// A click on a related entry of the entry pane: it is followed.
    FollowLink(usize),
    /// Edit the text box that has the keys.
    Edit(Edit),
    /// The query box's history: the kept query before, or after.
    HistoryPrev,
    HistoryNext,
    /// Enter in a text box: keep the query (and go to the results), the note, the file name.
    Submit,
    /// Esc in a text box: leave it as it was before.
    Cancel,
    Resize {
        width: u16,
        height: u16,
    },
    /// Mark or unmark the selected entry (the entry under the cursor on the shortlist screen).
    ToggleMark,
    /// Show only the shortlist's entries in the results, or all of them again.
    ToggleShortlistFilter,
    /// Move the shortlist item under the cursor up or down.
    MoveItemUp,
    MoveItemDown,
    RemoveItem,
    EditNote,
    /// The export dialog.
    OpenExport,
    /// In the export dialog: the previous or next scope and format.
    PrevChoice,
    NextChoice,
    PrevFormat,
    NextFormat,
    /// Answers to a question (replace the file?).
    Yes,
    No,
    /// Open or copy the address chosen in the entry pane.
    OpenAddress,
    CopyAddress,
    /// Switch to a tab (`1` Browse, `2` Tours, `3` Overview, `4` Shortlist).
    ShowScreen(super::screen::Screen),
    /// `p`: present what the screen shows (a tour, the results) one entry per screen.
    Present,
    NextSlide,
    PrevSlide,
    /// Present mode: blank the screen, or bring it back.
    Blank,
    /// Present mode: search for any entry to show, then come back to the same stop.
    JumpSearch,
    /// Present mode: the entry's whole text on the screen, or back to the slide.
    Zoom,
    /// Present mode: one discreet line of keys, or none.
    PresentKeys,
    /// Present mode in a shared presentation: present the room's picks, ranked, to every view
    /// (followers too), again to come back to the tour at its stop. `p` presents, here as on
    /// the tabs; the room rests with `b`.
    PresentPicks,
    /// Present mode, for who drives: type a line for the whole room (Enter posts it, an empty
    /// line clears it).
    RoomLine,
    /// Present mode, for who drives: the console's view (notes, clocks, the room's picks) or
    /// the projector's, in turn.
    SwitchView,
    /// A participant: follow the facilitator's presentation (`f`), or come back to it.
    Follow,
    /// Leave present mode, back where the facilitator was.
    LeavePresent,
    /// The map of the overview: closer, or wider.
    ZoomIn,
    ZoomOut,
    /// The map of the overview moved a quarter of its width or height (east and north positive).
    PanMap {
        east: i8,
        north: i8,
    },
    /// The map of the overview fitted to the results again.
    FitMap,
}

impl Action {
    /// The actions that work whatever has the keys (an overlay, the query box, any screen):
    /// the layers above the last let them through.
    pub fn always_works(&self) -> bool {
        matches!(
            self,
            Action::Quit
                | Action::Suspend
                | Action::Reload
                | Action::EditEntry
                | Action::EditFile
                | Action::OpenProblem
                | Action::Resize { .. }
        )
    }
}

/// What the loop must do after an update: things `update` cannot do itself, because they
/// touch the terminal or the process.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Effect {
    Quit,
    /// Give the terminal back to the shell and stop (Ctrl-Z), then resume.
    Suspend,
    /// Write the shortlist to its file (atomically), merged with what changed there since
    /// `base` was read or written; the loop reports back with [`Outcome::ShortlistSaved`].
    SaveShortlist {
        base: crate::shortlist::Shortlist,
        list: crate::shortlist::Shortlist,
    },
    /// Open a web address with the platform's opener; never anything but http/https.
    OpenUrl(String),
    /// Put text on the clipboard through the terminal (OSC 52).
    Copy(String),
    /// Write an export file atomically; `overwrite` only once the user said so.
    WriteFile {
        path: std::path::PathBuf,
        contents: Vec<u8>,
        overwrite: bool,
    },
    /// Ask the watcher for a load of the catalogue folders now.
    Reload,
    /// Release the terminal, run `$VISUAL`/`$EDITOR` on this file at this line, then resume
    /// and reload.
    OpenEditor {
        path: std::path::PathBuf,
        line: usize,
    },
    /// Read this entry's file and open the form on it; the loop hands the text to
    /// `update::form_opened`.
    OpenForm(Box<crate::curate::form::FormStart>),
    /// Write the form's entry: a new file (never over one, `before` is `None`), or the file
    /// replaced atomically if it still holds `before`, the text the form was opened on; the
    /// loop hands how it went to `update::form_saved`.
    SaveEntry {
        path: std::path::PathBuf,
        text: String,
        before: Option<String>,
    },
    /// Search the catalogue snapshot the request names; the results come back to
    /// `update::searched`. When searches are asked faster than they finish, only the newest
    /// is run.
    Search(Box<super::searcher::Request>),
    /// Send a drive to the shared presentation (the projector's and console's keys).
    Drive(crate::presentation::Drive),
}

/// What a layer of `update` made of an action: not its business (the next layer is asked), or
/// done, with what the loop must do. Every `update` function answers with this; the layers are
/// asked in one fixed order: the overlay on top, the screen, the keys every tab shares, the
/// keys that always work.
#[derive(Debug, PartialEq, Eq)]
pub enum Handled {
    Ignored,
    Done(Effects),
}

impl Handled {
    /// Done, and nothing for the loop to do.
    pub fn done() -> Handled {
        Handled::Done(Effects::new())
    }

    /// Done, with one thing for the loop to do.
    pub fn effect(effect: Effect) -> Handled {
        Handled::Done(vec![effect])
    }
}

/// What the loop found when it carried out an effect, handed back to
/// [`super::update::effect_done`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Outcome {
    /// The shortlist now in the file (the session's, merged with changes made elsewhere).
    ShortlistSaved(Result<crate::shortlist::Shortlist, crate::i18n::Said>),
    /// `Err(None)`: the file exists and was left alone; `Err(Some(why))`: it failed.
    FileWritten {
        path: std::path::PathBuf,
        result: Result<(), Option<crate::i18n::Said>>,
    },
    UrlOpened {
        url: String,
        result: Result<(), String>,
    },
    Copied {
        text: String,
        result: Result<(), crate::i18n::Said>,
    },
}

pub type Effects = Vec<Effect>;
