//! What the screen-reader mode is lent of the state each time it speaks.

use super::super::app::Target;
use super::super::shared::Shared;
use super::super::state::{
    BrowseState, ExportDialog, FormState, OverviewState, PresentState, ShortlistScreen, ToursState,
};

/// The parts of the state the screen-reader mode reads, lent by the loop.
pub struct Seen<'a> {
    pub shared: &'a Shared,
    pub browse: &'a BrowseState,
    pub tours: &'a ToursState,
    pub shortlist: &'a ShortlistScreen,
    pub present: &'a PresentState,
    pub overview: &'a OverviewState,
    pub export: &'a ExportDialog,
    pub form: Option<&'a FormState>,
    pub target: Target,
    /// The catalogue is still loading: its empty results are not said.
    pub loading: bool,
}
