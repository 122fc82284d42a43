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

pub struct Request {
    pub indexed: Arc<Indexed>,
    pub generation: u64,
    pub query: Query,
    pub filters: Filters,
    pub lang: Lang,
    pub limit: usize,
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
