//! What the dashboard knows while it starts: how far the background load is, the command
//! line's filters and query waiting for the catalogue, and, once it has come, why the dashboard
//! will not start (values the catalogue does not have).

use super::super::event::Stage;
use crate::query::Facet;

#[derive(Clone, Debug, Default)]
pub struct StartUp {
    /// How far the background load is, until the catalogue arrives.
    pub(in crate::ui) loading: Option<Stage>,
    /// Filters from the command line, resolved when the catalogue arrives.
    pub(in crate::ui) pending_filters: Vec<(Facet, String)>,
    /// The query from the command line, checked with them.
    pub(in crate::ui) pending_query: String,
    /// The command line's filters and query as given, kept once resolved: a cached catalogue
    /// found damaged after it came is replaced by the files' load, which must be resolved
    /// against them again.
    pub(in crate::ui) given: Option<(Vec<(Facet, String)>, String)>,
    /// Why the dashboard will not start: the command line names values the catalogue does
    /// not have (said as `boucle list` says it, and the session ends with the usage code).
    pub(in crate::ui) refusal: Option<String>,
}

impl StartUp {
    /// How far the background load is, while it runs.
    pub fn loading(&self) -> Option<Stage> {
        self.loading
    }

    /// Why the dashboard refuses to start, once the catalogue has come: the command line's
    /// unknown values, one line each, in `boucle list`'s words.
    pub fn refusal(&self) -> Option<&str> {
        self.refusal.as_deref()
    }
}
