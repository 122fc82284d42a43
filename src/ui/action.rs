//! Everything the user can ask for. Keys become actions through the key table
//! ([`super::keymap`]); mouse and resize events become actions too; `update` applies them.

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
    ToggleHelp,
    ToggleProblems,
    FocusSearch,
    FocusNext,
    FocusPrev,
    Focus(Pane),
    ClearFilters,
    RemoveLastFilter,
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
    ScrollAt {
        column: u16,
        row: u16,
        down: bool,
    },
    ClickAt {
        column: u16,
        row: u16,
    },
    Resize {
        width: u16,
        height: u16,
    },
}
