//! Runs searches off the UI thread, so typing never waits for results. Requests carry a
//! generation number and the catalogue snapshot they are about; the pool runs a session's
//! newest request only (`search_pool.rs`), and the app ignores results older than the ones it
//! shows or from another snapshot. The pool hands each result to a function it is given, so
//! it knows nothing of the session's events.

use std::sync::Arc;

use super::search_pool::{Job, SearchPool, Seat};

use crate::query::{Filters, Indexed, Query, Results};
use crate::text::Lang;

#[derive(Clone)]
pub struct Request {
    pub indexed: Arc<Indexed>,
    pub generation: u64,
    pub query: Query,
    pub filters: Filters,
    pub lang: Lang,
    pub limit: usize,
}

/// Two requests are the same search when they are the same generation of the same snapshot.
impl PartialEq for Request {
    fn eq(&self, other: &Request) -> bool {
        self.generation == other.generation && Arc::ptr_eq(&self.indexed, &other.indexed)
    }
}

impl Eq for Request {}

impl std::fmt::Debug for Request {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Request").field("generation", &self.generation).field("limit", &self.limit).finish()
    }
}

impl Request {
    pub fn run(self) -> Response {
        let results = self.indexed.search(&self.query, &self.filters, self.lang, self.limit);
        Response { indexed: self.indexed, generation: self.generation, results }
    }
}

impl Job for Request {
    type Answer = Response;
    fn run(self) -> Response {
        Request::run(self)
    }
}

pub struct Response {
    pub indexed: Arc<Indexed>,
    pub generation: u64,
    pub results: Results,
}

/// Where searches run.
pub enum Searcher {
    /// On the calling thread: for tests and benchmarks, where each action's outcome must be
    /// there at once.
    Inline,
    /// A seat in a pool of workers, whose results go to the function it was given (the
    /// session's event channel).
    Pooled(Seat<Request>),
}

impl Searcher {
    /// Runs `request` here, or posts it to the pool; a result found here is returned.
    pub fn search(&mut self, request: Request) -> Option<Response> {
        match self {
            Searcher::Inline => Some(request.run()),
            Searcher::Pooled(seat) => match seat.post(request) {
                Ok(()) => None,
                Err(request) => {
                    // The pool has no worker (none could start): search here.
                    *self = Searcher::Inline;
                    Some(request.run())
                }
            },
        }
    }

    /// A seat in `pool` whose results go to `deliver`, until it says the session is gone.
    pub fn seated(pool: &SearchPool<Request>, deliver: impl Fn(Response) -> bool + Send + Sync + 'static) -> Searcher {
        Searcher::Pooled(pool.seat(deliver))
    }
}
