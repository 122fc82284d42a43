//! Runs searches off the UI thread, so typing never waits for results. Requests carry a
//! generation number and the catalogue snapshot they are about; the pool runs a session's
//! newest request only (`search_pool.rs`), and the app ignores results older than the ones it
//! shows or from another snapshot. The pool hands each result to a function it is given, so
//! it knows nothing of the session's events. In a room, the seats share a [`SearchCache`]: a
//! search kept there is answered at once, and a worker keeps what it finds there.

use std::sync::Arc;

use super::search_cache::{Asked, SearchCache};
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
    /// Where the results are kept for others asking the same search (the room's cache); set by
    /// the searcher that sends it to a worker.
    pub keep_in: Option<Arc<SearchCache>>,
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
    /// What the room's cache knows this search by.
    pub fn asked(&self) -> Asked<'_> {
        Asked { indexed: &self.indexed, query: &self.query, filters: &self.filters, lang: self.lang, limit: self.limit }
    }

    pub fn run(self) -> Response {
        let results = self.indexed.search(&self.query, &self.filters, self.lang, self.limit);
        if let Some(cache) = &self.keep_in {
            cache.keep(&self.asked(), &results);
        }
        Response { indexed: self.indexed, generation: self.generation, results }
    }
}

impl Job for Request {
    type Answer = Response;
    type Carry = crate::query::Carried;
    /// Looked up again first: while this waited for a worker, another session may have asked
    /// the same search and kept its results (in a room of 200, a search waits for a worker
    /// while others type the same first letters and common words).
    fn run(self, carried: &mut crate::query::Carried) -> Response {
        let found = self.keep_in.as_ref().and_then(|cache| cache.find_again(&self.asked()));
        match found {
            Some(results) => Response { indexed: self.indexed, generation: self.generation, results },
            None => carried.run(|| Request::run(self)),
        }
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
    /// session's event channel); with the cache its searches are first looked up in, if any.
    Pooled(Seat<Request>, Option<Arc<SearchCache>>),
}

impl Searcher {
    /// Runs `request` here, or posts it to the pool; a result found here (or in the cache) is
    /// returned.
    pub fn search(&mut self, mut request: Request) -> Option<Response> {
        match self {
            Searcher::Inline => Some(request.run()),
            Searcher::Pooled(seat, cache) => {
                if let Some(cache) = cache {
                    if let Some(results) = cache.find(&request.asked()) {
                        seat.withdraw();
                        return Some(Response { indexed: request.indexed, generation: request.generation, results });
                    }
                    request.keep_in = Some(cache.clone());
                }
                match seat.post(request) {
                    Ok(()) => None,
                    Err(request) => {
                        // The pool has no worker (none could start): search here.
                        *self = Searcher::Inline;
                        Some(request.run())
                    }
                }
            }
        }
    }

    /// A seat in `pool` whose results go to `deliver`, until it says the session is gone.
    pub fn seated(pool: &SearchPool<Request>, deliver: impl Fn(Response) -> bool + Send + Sync + 'static) -> Searcher {
        Searcher::Pooled(pool.seat(deliver), None)
    }

    /// The same searcher, looking its searches up in `cache` first and keeping there what its
    /// worker finds (a room's sessions share one); a searcher without a pool is left as it is.
    pub fn sharing(self, cache: Arc<SearchCache>) -> Searcher {
        match self {
            Searcher::Pooled(seat, _) => Searcher::Pooled(seat, Some(cache)),
            Searcher::Inline => Searcher::Inline,
        }
    }
}
