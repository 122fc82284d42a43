//! The parts of the dashboard's state, each keeping its own invariants: a screen's state
//! (browse, tours, present, overview, the shortlist screen), the export dialog, the start-up,
//! and the pieces they are made of.

pub mod browse;
pub mod export_dialog;
pub mod facets;
pub mod follow;
pub mod form;
pub mod overview;
pub mod present;
pub mod query_box;
pub mod results;
pub mod shortlist;
pub mod start;
pub mod text_input;
pub mod tours;
pub mod trail;

pub use browse::{BrowseState, Removed};
pub use export_dialog::{ExportDialog, ExportScope, ExportStep};
pub use facets::{FacetRow, FacetTree};
pub use follow::{FollowState, Role};
pub use form::{FormStart, FormState};
pub use overview::{CHARTED, OverviewState, Tally};
pub use present::{Jump, PresentState, Slide};
pub use query_box::{MAX_QUERY_CHARS, QueryBox};
pub use results::ResultList;
pub use shortlist::{Note, ShortlistScreen};
pub use start::StartUp;
pub use text_input::{Edited, TextInput};
pub use tours::{ToursLevel, ToursState};
pub use trail::{Trail, Visit};
