//! The one owner of a catalogue while something shows it: the first load, live reload, the
//! progress of the first load, and the catalogue cache. The dashboard and the room subscribe
//! to it; each gets snapshots ([`Snapshot`]: the indexed catalogue and its problems, both
//! shared, never copied per subscriber) as [`Update`]s.
//!
//! - The first load is the first snapshot: from the cache when it holds these folders (checked
//!   against the files after it is shown, or before, as [`First`] says; a changed catalogue
//!   follows as a reload), else from the files, reported as it goes ([`Progress`]).
//! - Live reload: the folder watcher (`load::watch`) loads on its thread, reading only the
//!   files changed since the last load (`load::again`, with the memory [`reload`] keeps; `r`
//!   loads everything, trusting no stamp), and hands the load here, where a file that fails keeps its last good entry, a folder that went away keeps
//!   the whole last good catalogue with the problem named ([`Update::Kept`]), and the result
//!   is indexed once for every subscriber.
//! - The cache is written in one place ([`remember`]), by the first load and each successful
//!   reload, and by the commands' one-shot loads ([`once`]).
//!
//! A subscriber is a closure ([`start_with`]) or a channel ([`start`]): nothing here knows
//! the dashboard's events or the room's sessions.

pub mod archived;
mod first;
pub mod once;
mod reload;
mod remember;

use std::path::PathBuf;
use std::sync::mpsc::{Receiver, Sender, channel};
use std::sync::{Arc, Mutex};

use crate::diagnostic::Diagnostic;
use crate::load::cache::Cache;
use crate::load::{CatalogueSource, watch};
use crate::model::Catalogue;
use crate::query::Indexed;
use crate::text::Lang;
use reload::Reloads;

pub use reload::{FOLDER_GONE, merge_last_good};

/// A catalogue's problems, shared by everyone who shows them.
pub type Problems = Arc<[Diagnostic]>;

/// One catalogue as loaded: its index and its problems. Cloning it clones two pointers.
#[derive(Clone)]
pub struct Snapshot {
    pub indexed: Arc<Indexed>,
    pub problems: Problems,
}

impl Snapshot {
    pub fn new(indexed: Indexed, problems: Vec<Diagnostic>) -> Snapshot {
        Snapshot { indexed: Arc::new(indexed), problems: problems.into() }
    }

    pub fn catalogue(&self) -> &Catalogue {
        self.indexed.catalogue()
    }

    /// The problems that say a folder went away (first among the problems of a kept snapshot).
    pub fn gone(&self) -> impl Iterator<Item = &Diagnostic> {
        self.problems.iter().filter(|p| p.code == FOLDER_GONE)
    }
}

/// How far the first load is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Progress {
    /// Files read, of how many (0 of 0 while the folders are listed).
    Reading { read: usize, total: usize },
    /// Every file is parsed; the search index is being built.
    Indexing,
}

/// What a subscriber is told.
pub enum Update {
    /// How far the first load is.
    Progress(Progress),
    /// The first snapshot: the end of the first load.
    Loaded(Snapshot),
    /// A newer catalogue: the folders changed, or a reload was asked for, or the cached one
    /// shown first was out of date.
    Reloaded(Snapshot),
    /// A load that could not be used: a folder went away (or holds no catalogue now). The
    /// last good catalogue stays, its problems led by the ones that name the folders
    /// ([`Snapshot::gone`]).
    Kept(Snapshot),
}

/// How the folders are watched for changes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Watch {
    Off,
    /// Change events from the operating system.
    Events,
    /// Looking at the folders every second, for filesystems without change events.
    Poll,
}

/// When a cached catalogue is checked against its files.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum First {
    /// After it is given: the dashboard's first screen comes at once, and a changed catalogue
    /// follows as a reload.
    AtOnce,
    /// Before it is given: the room serves its first snapshot to everyone, and says how many
    /// entries it has.
    Checked,
}

/// The handle of a running owner: asks for loads.
#[derive(Clone)]
pub struct Live {
    asks: Option<Sender<()>>,
}

impl Live {
    /// Asks for the folders to be loaded again now (`r`, after the editor), whether or not
    /// they are watched; false when there is nothing to load again (the bundled catalogue) or
    /// nobody subscribes any more.
    pub fn reload(&self) -> bool {
        self.asks.as_ref().is_some_and(|asks| asks.send(()).is_ok())
    }
}

/// Starts loading `source`; the updates come on the channel returned. What cannot be done
/// (no thread, no watcher) is said on standard error in `lang`.
pub fn start(
    source: CatalogueSource,
    watch: Watch,
    cache: Option<Cache>,
    first: First,
    lang: Lang,
) -> (Live, Receiver<Update>) {
    let (sender, updates) = channel();
    let live = start_with(source, watch, cache, first, lang, move |update| sender.send(update).is_ok());
    (live, updates)
}

/// Starts loading `source` on a thread of its own, and gives each update to `subscriber`
/// (progress from the parsing threads, one at a time) until it returns false.
pub fn start_with(
    source: CatalogueSource,
    watch: Watch,
    cache: Option<Cache>,
    first: First,
    lang: Lang,
    subscriber: impl FnMut(Update) -> bool + Send + 'static,
) -> Live {
    let sink = Sink(Arc::new(Mutex::new(Box::new(subscriber))));
    let (asks, asked) = channel();
    let live = Live { asks: matches!(source, CatalogueSource::Folders(_)).then_some(asks) };
    let spawned = std::thread::Builder::new()
        .name("live".into())
        .spawn(move || run(source, watch, cache, (first, lang), &sink, &asked));
    if spawned.is_err() {
        eprintln!("boucle: {}", crate::i18n::commands::no_thread_for("live").get(lang));
    }
    live
}

/// Where updates go: the subscriber, behind a lock because progress comes from the parsing
/// threads and reloads from the watcher's.
#[derive(Clone)]
struct Sink(Arc<Mutex<Subscriber>>);

/// Takes an update; false when it wants no more.
type Subscriber = Box<dyn FnMut(Update) -> bool + Send>;

impl Sink {
    fn send(&self, update: Update) -> bool {
        let mut subscriber = self.0.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        subscriber(update)
    }
}

fn run(
    source: CatalogueSource,
    watch: Watch,
    cache: Option<Cache>,
    (first, lang): (First, Lang),
    sink: &Sink,
    asked: &Receiver<()>,
) {
    let folders: Vec<PathBuf> = match &source {
        CatalogueSource::Folders(folders) => folders.clone(),
        CatalogueSource::Bundled => Vec::new(),
    };
    let before = std::time::SystemTime::now();
    let loaded = first::load(&source, cache.as_ref(), first, sink);
    let reloads =
        Arc::new(Mutex::new(Reloads::new(loaded.snapshot.clone(), cache.clone(), folders.clone(), sink.clone())));
    // A cached snapshot checked against its files after it is given goes out before the folders
    // are watched: watching 100k files' folders costs 150 ms of CPU (notify walks the tree),
    // and the stamp check, which runs after the watches are in place, finds any change saved
    // meanwhile. Any other first snapshot is given once watched, so that a change saved after
    // it is shown is never missed.
    let early = loaded.checked_after();
    if early && !sink.send(Update::Loaded(loaded.snapshot.clone())) {
        return;
    }
    // Entries read from the archive as touched are filled behind the first screen (a snapshot
    // in memory has none to fill).
    let fill = first::fill(&loaded.snapshot);
    let watcher = (watch != Watch::Off && !folders.is_empty())
        .then(|| {
            let (loads, reloads) = (reloads.clone(), reloads.clone());
            let load_again = move |source: &CatalogueSource, full| {
                loads.lock().unwrap_or_else(|p| p.into_inner()).load_again(source, full)
            };
            let deliver = move |load| reloads.lock().unwrap_or_else(|p| p.into_inner()).deliver(load);
            watch::spawn_loading(folders.clone(), watch == Watch::Poll, load_again, deliver)
                .map_err(|why| eprintln!("boucle: {}", crate::i18n::commands::cannot_watch(&why.to_string()).get(lang)))
                .ok()
        })
        .flatten();
    if !early && !sink.send(Update::Loaded(loaded.snapshot.clone())) {
        return;
    }
    // A load asked for goes to the watcher, which loads one at a time; without one, here.
    let load_again = || match &watcher {
        Some(watcher) => watcher.reload.send(()).is_ok(),
        None => {
            let mut reloads = reloads.lock().unwrap_or_else(|p| p.into_inner());
            let load = reloads.load_again(&source, true);
            reloads.deliver(load)
        }
    };
    if let (Some(cache), false) = (&cache, folders.is_empty()) {
        // An entry that fails its checks in the fill (or first touched by a screen) means the
        // files are loaded at once, as for a changed file.
        let cached = first::after_shown(loaded, cache, &folders);
        reloads.lock().unwrap_or_else(|p| p.into_inner()).hold_cache();
        let stale = cached == first::Cached::OutOfDate;
        let damaged = !stale && fill.is_some_and(|fill| !fill.join().unwrap_or(false));
        if damaged {
            reloads.lock().unwrap_or_else(|p| p.into_inner()).forget_shown();
        }
        if (stale || damaged) && !load_again() {
            return;
        }
        if !stale && !damaged && watcher.is_some() {
            reloads.lock().unwrap_or_else(|p| p.into_inner()).remember_shown(before);
        }
    } else if watcher.is_some() {
        reloads.lock().unwrap_or_else(|p| p.into_inner()).remember_shown(before);
    }
    while asked.recv().is_ok() {
        if !load_again() {
            return;
        }
    }
}
