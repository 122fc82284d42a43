//! The results a room's searches found lately, for the next session that asks the same search
//! of the same catalogue: the same words with the same selections, language and length. In a
//! room at 100k a search is three quarters of the CPU a key costs (BENCHMARKS.md, #25), and many
//! are asked again: each letter erased asks again what its typing asked, the first letters of
//! words are few, and a workshop's participants type what the facilitator says. A search found
//! here is answered on the session's own thread at once, without a worker.
//!
//! Kept results belong to one catalogue snapshot: a search of another (a reload) finds nothing
//! here, and keeping its results forgets the old snapshot's. The snapshot is held weakly, so its
//! address cannot be given to another while anything here names it.

use std::sync::{Arc, Mutex, MutexGuard, Weak};

use crate::query::{Filters, Indexed, Query, Results};
use crate::text::Lang;

/// What a room keeps at most: a few hundred searches at 100k (their results' first page and
/// facet counts), against the 90 MB of the catalogue's index.
pub const ROOM_BYTES: usize = 8 << 20;

/// At most this many kept searches, whatever their size: a lookup compares them one by one.
const MOST: usize = 512;

/// A search as the cache knows it: what its results depend on.
pub struct Asked<'a> {
    pub indexed: &'a Arc<Indexed>,
    pub query: &'a Query,
    pub filters: &'a Filters,
    pub lang: Lang,
    pub limit: usize,
}

/// Results kept, with what they answer.
struct Kept {
    query: Query,
    filters: Filters,
    lang: Lang,
    limit: usize,
    results: Arc<Results>,
    bytes: usize,
    /// When it was last asked for (a count of lookups and keeps): the oldest goes first.
    used: u64,
}

impl Kept {
    fn answers(&self, request: &Asked<'_>) -> bool {
        self.lang == request.lang
            && self.limit == request.limit
            && self.query == *request.query
            && self.filters == *request.filters
    }
}

#[derive(Default)]
struct Kepts {
    snapshot: Weak<Indexed>,
    kept: Vec<Kept>,
    bytes: usize,
    clock: u64,
    found: u64,
    missed: u64,
}

/// The room's kept results, shared by its sessions' searchers.
pub struct SearchCache {
    kepts: Mutex<Kepts>,
    budget: usize,
}

/// How often a cache was asked and could answer.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct CacheCounts {
    pub found: u64,
    pub missed: u64,
}

impl SearchCache {
    /// A cache holding results of about `budget` bytes at most.
    pub fn new(budget: usize) -> SearchCache {
        SearchCache { kepts: Mutex::new(Kepts::default()), budget }
    }

    fn lock(&self) -> MutexGuard<'_, Kepts> {
        // Nothing panics while holding the lock (results are cloned outside it).
        self.kepts.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// The results of `request`'s search, when that search of the same snapshot is kept.
    pub fn find(&self, request: &Asked<'_>) -> Option<Results> {
        let found = {
            let mut kepts = self.lock();
            let same_snapshot = Weak::ptr_eq(&kepts.snapshot, &Arc::downgrade(request.indexed));
            kepts.clock += 1;
            let now = kepts.clock;
            let found = if same_snapshot {
                kepts.kept.iter_mut().find(|kept| kept.answers(request)).map(|kept| {
                    kept.used = now;
                    kept.results.clone()
                })
            } else {
                None
            };
            match found {
                Some(_) => kepts.found += 1,
                None => kepts.missed += 1,
            }
            found
        };
        found.map(|results| Results::clone(&results))
    }

    /// Keeps `results`, found by `request`'s search, for whoever asks it next. Results of
    /// another snapshot than those kept replace them all.
    pub fn keep(&self, request: &Asked<'_>, results: &Results) {
        let bytes = size_of(results);
        if bytes > self.budget {
            return;
        }
        let results = Arc::new(results.clone());
        let mut kepts = self.lock();
        let snapshot = Arc::downgrade(request.indexed);
        if !Weak::ptr_eq(&kepts.snapshot, &snapshot) {
            kepts.kept.clear();
            kepts.bytes = 0;
            kepts.snapshot = snapshot;
        }
        kepts.clock += 1;
        let now = kepts.clock;
        if let Some(kept) = kepts.kept.iter_mut().find(|kept| kept.answers(request)) {
            // Two sessions asked it at once: the same results.
            kept.used = now;
            return;
        }
        while !kepts.kept.is_empty() && (kepts.bytes + bytes > self.budget || kepts.kept.len() >= MOST) {
            let oldest = kepts.kept.iter().enumerate().min_by_key(|(_, kept)| kept.used).map(|(i, _)| i);
            if let Some(i) = oldest {
                let gone = kepts.kept.swap_remove(i);
                kepts.bytes -= gone.bytes;
            }
        }
        kepts.bytes += bytes;
        kepts.kept.push(Kept {
            query: request.query.clone(),
            filters: request.filters.clone(),
            lang: request.lang,
            limit: request.limit,
            results,
            bytes,
            used: now,
        });
    }

    /// How often it was asked, and answered.
    pub fn counts(&self) -> CacheCounts {
        let kepts = self.lock();
        CacheCounts { found: kepts.found, missed: kepts.missed }
    }
}

/// About the bytes `results` hold: their hits with the highlights, and the facet counts; what a
/// cache's budget counts.
pub fn size_of(results: &Results) -> usize {
    let hits: usize = results
        .hits
        .iter()
        .map(|hit| {
            std::mem::size_of_val(hit)
                + (hit.title_highlights.len() + hit.summary_highlights.len())
                    * std::mem::size_of::<std::ops::Range<usize>>()
        })
        .sum();
    let counts: usize = crate::query::Facet::ALL.iter().map(|&f| results.facet_counts.get(f).len() * 4).sum();
    std::mem::size_of::<Results>() + hits + counts + results.unknown_values.len() * 32
}
