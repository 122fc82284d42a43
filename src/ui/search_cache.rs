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

use std::collections::{BTreeMap, HashMap};
use std::hash::{DefaultHasher, Hash, Hasher};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, MutexGuard, Weak};

use crate::query::{Facet, Filters, Indexed, Query, Results};
use crate::text::Lang;

/// What a room keeps at least: a few hundred searches at 100k (their results' first page and
/// facet counts), against the 90 MB of the catalogue's index.
pub const ROOM_BYTES: usize = 8 << 20;

/// What a room keeps for each session in it, past [`ROOM_BYTES`]: about what a session types
/// between a letter and its erasure (a query's prefixes, 10–20 searches of 17 kB on average at
/// 100k), so that erasing finds what typing asked however many type at once. With 200 sessions
/// and room for 512 searches, most were gone before their erasure asked them again: 45 % were
/// found, 73 % with this budget (`room_frames --sessions 200`, BENCHMARKS.md "A room of 200 at
/// 100k").
pub const SESSION_BYTES: usize = 256 << 10;

/// A search as the cache knows it: what its results depend on.
pub struct Asked<'a> {
    pub indexed: &'a Arc<Indexed>,
    pub query: &'a Query,
    pub filters: &'a Filters,
    pub lang: Lang,
    pub limit: usize,
}

impl Asked<'_> {
    /// A hash of what the results depend on (the query's words and exclusions, the
    /// selections, the language, the length); searches of one hash are told apart by
    /// [`Kept::answers`].
    fn hash(&self) -> u64 {
        let mut hasher = DefaultHasher::new();
        (self.lang, self.limit, &self.query.words, &self.query.exclusions).hash(&mut hasher);
        (self.query.fields.len(), self.query.errors.len()).hash(&mut hasher);
        for facet in Facet::ALL.iter() {
            self.filters.selected(*facet).hash(&mut hasher);
        }
        hasher.finish()
    }
}

/// Results kept, with what they answer.
struct Kept {
    query: Query,
    filters: Filters,
    lang: Lang,
    limit: usize,
    results: Arc<Results>,
    bytes: usize,
    /// When it was last asked for (a count of lookups and keeps, never the same twice): the
    /// oldest goes first.
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
    /// By [`Asked::hash`]: the searches of that hash (nearly always one).
    by_hash: HashMap<u64, Vec<Kept>>,
    /// Each kept search's `used`, and its hash: the least recently asked first.
    by_age: BTreeMap<u64, u64>,
    bytes: usize,
    clock: u64,
    found: u64,
    missed: u64,
}

impl Kepts {
    fn tick(&mut self) -> u64 {
        self.clock += 1;
        self.clock
    }

    fn forget_all(&mut self) {
        self.by_hash.clear();
        self.by_age.clear();
        self.bytes = 0;
    }

    /// Lets the least recently asked go until `bytes` more fit in `budget`.
    fn make_room(&mut self, bytes: usize, budget: usize) {
        while self.bytes + bytes > budget {
            let Some((used, hash)) = self.by_age.pop_first() else { break };
            let Some(bucket) = self.by_hash.get_mut(&hash) else { continue };
            if let Some(i) = bucket.iter().position(|kept| kept.used == used) {
                self.bytes -= bucket.swap_remove(i).bytes;
            }
            if bucket.is_empty() {
                self.by_hash.remove(&hash);
            }
        }
    }
}

/// The room's kept results, shared by its sessions' searchers.
pub struct SearchCache {
    kepts: Mutex<Kepts>,
    budget: AtomicUsize,
}

/// How often a cache was asked and could answer, and what it keeps.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct CacheCounts {
    pub found: u64,
    pub missed: u64,
    /// Searches kept now, and their bytes.
    pub kept: usize,
    pub bytes: usize,
}

impl SearchCache {
    /// A cache holding results of about `budget` bytes at most.
    pub fn new(budget: usize) -> SearchCache {
        SearchCache { kepts: Mutex::new(Kepts::default()), budget: AtomicUsize::new(budget) }
    }

    /// The cache of a room of `sessions`: [`ROOM_BYTES`], and [`SESSION_BYTES`] a session.
    pub fn room_budget(sessions: usize) -> usize {
        ROOM_BYTES + sessions * SESSION_BYTES
    }

    /// Holds about `budget` bytes from now on (the room grew or shrank); a smaller budget lets
    /// the least recently asked go when the next results are kept.
    pub fn set_budget(&self, budget: usize) {
        self.budget.store(budget, Ordering::Relaxed);
    }

    fn lock(&self) -> MutexGuard<'_, Kepts> {
        // Nothing panics while holding the lock (results are cloned outside it).
        self.kepts.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// The results of `request`'s search, when that search of the same snapshot is kept.
    pub fn find(&self, request: &Asked<'_>) -> Option<Results> {
        self.look_up(request, true)
    }

    /// [`SearchCache::find`] for a search that was looked for already, when it was asked: a
    /// worker looks again before running it, as another session may have asked the same
    /// meanwhile. Not counted again: the counts are of what sessions ask.
    pub fn find_again(&self, request: &Asked<'_>) -> Option<Results> {
        self.look_up(request, false)
    }

    fn look_up(&self, request: &Asked<'_>, counted: bool) -> Option<Results> {
        let hash = request.hash();
        let found = {
            let mut kepts = self.lock();
            let same_snapshot = Weak::ptr_eq(&kepts.snapshot, &Arc::downgrade(request.indexed));
            let now = kepts.tick();
            let kept = match same_snapshot {
                true => kepts.by_hash.get_mut(&hash).and_then(|bucket| bucket.iter_mut().find(|k| k.answers(request))),
                false => None,
            };
            let found = kept.map(|kept| (std::mem::replace(&mut kept.used, now), kept.results.clone()));
            match found {
                Some((was, results)) => {
                    kepts.by_age.remove(&was);
                    kepts.by_age.insert(now, hash);
                    kepts.found += u64::from(counted);
                    Some(results)
                }
                None => {
                    kepts.missed += u64::from(counted);
                    None
                }
            }
        };
        found.map(|results| Results::clone(&results))
    }

    /// Keeps `results`, found by `request`'s search, for whoever asks it next. Results of
    /// another snapshot than those kept replace them all.
    pub fn keep(&self, request: &Asked<'_>, results: &Results) {
        let bytes = size_of(results);
        let budget = self.budget.load(Ordering::Relaxed);
        if bytes > budget {
            return;
        }
        let hash = request.hash();
        let results = Arc::new(results.clone());
        let mut kepts = self.lock();
        let snapshot = Arc::downgrade(request.indexed);
        if !Weak::ptr_eq(&kepts.snapshot, &snapshot) {
            kepts.forget_all();
            kepts.snapshot = snapshot;
        }
        let now = kepts.tick();
        let asked_again =
            kepts.by_hash.get_mut(&hash).and_then(|bucket| bucket.iter_mut().find(|k| k.answers(request)));
        if let Some(kept) = asked_again {
            // Two sessions asked it at once: the same results.
            let was = std::mem::replace(&mut kept.used, now);
            kepts.by_age.remove(&was);
            kepts.by_age.insert(now, hash);
            return;
        }
        kepts.make_room(bytes, budget);
        kepts.bytes += bytes;
        kepts.by_age.insert(now, hash);
        let kept = Kept {
            query: request.query.clone(),
            filters: request.filters.clone(),
            lang: request.lang,
            limit: request.limit,
            results,
            bytes,
            used: now,
        };
        kepts.by_hash.entry(hash).or_default().push(kept);
    }

    /// How often it was asked, and answered; what it keeps.
    pub fn counts(&self) -> CacheCounts {
        let kepts = self.lock();
        CacheCounts { found: kepts.found, missed: kepts.missed, kept: kepts.by_age.len(), bytes: kepts.bytes }
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
    let counts: usize = Facet::ALL.iter().map(|&f| results.facet_counts.get(f).len() * 4).sum();
    std::mem::size_of::<Results>() + hits + counts + results.unknown_values.len() * 32
}
