//! The parts of the dashboard's state, each keeping its own invariants.

pub mod export_dialog;
pub mod facets;
pub mod results;
pub mod search_box;
pub mod trail;

pub use export_dialog::{ExportDialog, ExportScope, ExportStep};
pub use facets::{FacetRow, FacetTree};
pub use results::ResultList;
pub use search_box::SearchBox;
pub use trail::{Trail, Visit};
pub mod overview;
pub mod present;
pub mod tours;

pub use overview::OverviewState;
pub use present::{Jump, PresentState, Slide};
pub use tours::{ToursLevel, ToursState};
