//! Everything the user can ask for, and what `update` asks the loop to do in return. Keys
//! become actions through the key table ([`super::keymap`]); mouse events become actions in
//! [`super::input`], against the last frame drawn.

/// The panes of the browse screen, in Tab order.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Pane {
    Facets,
    Results,
    Detail,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Action {
    Quit,
    Suspend,
    /// Load the catalogue folders again now (`r`).
    Reload,
    /// Open the problem under the panel's cursor in the editor.
    OpenProblem,
    /// Open the selected entry's file in the editor (`e`).
    EditEntry,
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
    SearchInsert(char),
    SearchBackspace,
    SearchDelete,
    SearchLeft,
    SearchRight,
    SearchHome,
    SearchEnd,
    SearchClear,
    SearchDeleteWord,
    SearchHistoryPrev,
    SearchHistoryNext,
    /// Keep the query and go to the results.
    SearchSubmit,
    /// Leave the query box, restoring the query it had before.
    SearchCancel,
    Resize {
        width: u16,
        height: u16,
    },
}

/// What the loop must do after an update: things `update` cannot do itself, because they
/// touch the terminal or the process.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Effect {
    Quit,
    /// Give the terminal back to the shell and stop (Ctrl-Z), then resume.
    Suspend,
    /// Ask the watcher for a load of the catalogue folders now.
    Reload,
    /// Release the terminal, run `$VISUAL`/`$EDITOR` on this file at this line, then resume
    /// and reload.
    OpenEditor {
        path: std::path::PathBuf,
        line: usize,
    },
}

pub type Effects = Vec<Effect>;
