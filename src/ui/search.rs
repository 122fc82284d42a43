//! Runs searches off the UI thread, so typing never waits for results. Requests carry a
//! generation number; the worker skips to the newest request, and the app ignores results
//! older than the ones it shows.

use std::sync::Arc;
use std::sync::mpsc::{Receiver, Sender, channel};
use std::thread;

use crate::model::Catalogue;
use crate::query::{Engine, Filters, Query, Results};
use crate::text::Lang;

/// How many results a new search ranks and highlights for the list (the status line gives
/// the full count). Ranking many more would cost frames at 100k entries; scrolling near the
/// end of the list asks for more.
pub const FIRST_PAGE: usize = 60;

pub struct Request {
    pub generation: u64,
    pub query: Query,
    pub filters: Filters,
    pub lang: Lang,
    pub limit: usize,
}

pub struct Response {
    pub generation: u64,
    pub results: Results,
}

/// Where searches run.
pub enum Searcher {
    /// On the calling thread: for tests and benchmarks, where each action's outcome must be
    /// there at once.
    Inline,
    Worker {
        requests: Sender<Request>,
        responses: Receiver<Response>,
    },
}

impl Searcher {
    pub fn worker(catalogue: Arc<Catalogue>, engine: Arc<Engine>) -> Searcher {
        let (requests, inbox) = channel::<Request>();
        let (outbox, responses) = channel::<Response>();
        thread::Builder::new()
            .name("search".into())
            .spawn(move || {
                while let Ok(mut request) = inbox.recv() {
                    // Typing fast queues requests; only the newest is worth running.
                    while let Ok(newer) = inbox.try_recv() {
                        request = newer;
                    }
                    let results =
                        engine.search(&catalogue, &request.query, &request.filters, request.lang, request.limit);
                    if outbox.send(Response { generation: request.generation, results }).is_err() {
                        break;
                    }
                }
            })
            .map(|_| Searcher::Worker { requests, responses })
            .unwrap_or(Searcher::Inline)
    }
}
