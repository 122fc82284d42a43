//! Runs searches off the UI thread, so typing never waits for results. Requests carry a
//! generation number and the catalogue snapshot they are about; the worker skips to the
//! newest request, and the app ignores results older than the ones it shows or from another
//! snapshot. The worker hands each result to a function it is given, so it knows nothing of
//! the session's events.

use std::sync::Arc;
use std::sync::mpsc::{Sender, channel};
use std::thread;

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
    /// On a worker thread, whose results go to the function it was started with (the
    /// session's event channel).
    Worker(Sender<Request>),
}

impl Searcher {
    /// Runs `request` here, or hands it to the worker; a result found here is returned.
    pub fn search(&mut self, request: Request) -> Option<Response> {
        match self {
            Searcher::Inline => Some(request.run()),
            Searcher::Worker(requests) => match requests.send(request) {
                Ok(()) => None,
                Err(failed) => {
                    // The worker is gone (it never panics on data, but be safe): search here.
                    *self = Searcher::Inline;
                    Some(failed.0.run())
                }
            },
        }
    }

    /// A worker thread that hands each result to `deliver`, until `deliver` says the session
    /// is gone.
    pub fn worker(deliver: impl Fn(Response) -> bool + Send + 'static) -> Searcher {
        let (requests, inbox) = channel::<Request>();
        thread::Builder::new()
            .name("search".into())
            .spawn(move || {
                while let Ok(mut request) = inbox.recv() {
                    // Typing fast queues requests; only the newest is worth running.
                    while let Ok(newer) = inbox.try_recv() {
                        request = newer;
                    }
                    if !deliver(request.run()) {
                        break;
                    }
                }
            })
            .map(|_| Searcher::Worker(requests))
            .unwrap_or(Searcher::Inline)
    }
}
