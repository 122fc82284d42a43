//! The catalogue loads in the background while the first screen is already up: the frame, the
//! query box and the key hints work at once, a progress line says how far the load is, and
//! what is typed meanwhile is searched as soon as the index is ready
//! ([`super::update::loaded`]).

use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::Sender;
use std::thread;
use std::time::Duration;

use super::event::Event;
use super::reload::Watch;
use crate::load::cache::{self, Cache, Parts};
use crate::load::{CatalogueSource, Loaded, load, progress};
use crate::query::{Indexed, read_cached};

/// How often the progress line moves: enough to see it move, few frames.
const PROGRESS_EVERY: Duration = Duration::from_millis(100);

pub use super::event::{Ready, Stage};

/// Loads `source` and builds its index on a thread of its own, sending [`Event::Loading`]
/// while it works and [`Event::Loaded`] when done; then watches `folders` as `watch` says.
pub fn spawn_loader(source: CatalogueSource, events: Sender<Event>, folders: Vec<PathBuf>, watch: Watch) {
    spawn_loader_cached(source, events, folders, watch, None);
}

/// [`spawn_loader`] through the catalogue cache: a cached load is shown at once and checked
/// against the files afterwards ([`after_shown`]); a load from the files is cached once shown.
pub fn spawn_loader_cached(
    source: CatalogueSource,
    events: Sender<Event>,
    folders: Vec<PathBuf>,
    watch: Watch,
    cache: Option<Cache>,
) {
    let done = Arc::new(AtomicBool::new(false));
    let watching = done.clone();
    let progress_events = events.clone();
    let _ = thread::Builder::new().name("load-progress".into()).spawn(move || {
        while !watching.load(Ordering::Relaxed) {
            thread::sleep(PROGRESS_EVERY);
            let (read, total) = progress::files_read();
            if watching.load(Ordering::Relaxed)
                || progress_events.send(Event::Loading(Stage::Reading { read, total })).is_err()
            {
                break;
            }
        }
    });
    let spawned = thread::Builder::new().name("load".into()).spawn(move || {
        let cached = match (&source, &cache) {
            (CatalogueSource::Folders(folders), Some(cache)) => read_cached(cache, folders).ok(),
            _ => None,
        };
        let from_cache = cached.is_some();
        let (loaded, stored) = cached.unwrap_or_else(|| (load(&source), None));
        let Loaded { catalogue, diagnostics, sources, files_read, stamps, index: _ } = loaded;
        done.store(true, Ordering::Relaxed);
        let _ = events.send(Event::Loading(Stage::Indexing));
        let (indexed, had_index) = Indexed::with_stored(catalogue, stored);
        let indexed = Arc::new(indexed);
        // Watched from the snapshot first shown, so a change saved meanwhile is not missed
        // for long: the watcher's first event reloads it.
        let reloader = super::reload::start(folders, watch, indexed.clone(), events.clone(), cache.clone());
        let asker = reloader.clone();
        let problems = if cache.is_some() { diagnostics.clone() } else { Vec::new() };
        let _ =
            events.send(Event::Loaded(Box::new(Ready { indexed: indexed.clone(), problems: diagnostics, reloader })));
        let (CatalogueSource::Folders(folders), Some(cache)) = (&source, &cache) else { return };
        // Archived after the first screen, and only when the cache does not hold it already.
        let archived = if had_index { None } else { indexed.engine().archive() };
        let parts = Parts {
            catalogue: indexed.catalogue(),
            diagnostics: &problems,
            sources: &sources,
            stamps: stamps.as_deref(),
            files_read,
            index: archived.as_deref(),
        };
        after_shown(folders, cache, from_cache, &parts, asker, &events);
    });
    if spawned.is_err() {
        eprintln!("boucle: could not start the loader");
    }
}

/// Once the first catalogue is on screen: a load from the files (or a cached one without its
/// index, or whose index did not fit it) is cached with its index; a cached load is
/// checked against the files, and if any changed, was added or removed, loaded again in the
/// background (by the watcher when there is one, which caches what it loads) and swapped in
/// as a reload.
fn after_shown(
    folders: &[PathBuf],
    cache: &Cache,
    from_cache: bool,
    shown: &Parts<'_>,
    watcher: Option<Sender<()>>,
    events: &Sender<Event>,
) {
    if !from_cache {
        let _ = cache::write(cache, folders, shown);
        return;
    }
    if cache::is_fresh(shown.stamps, folders) {
        if shown.index.is_some() {
            // Cached without a usable index (none kept, or one that did not fit): now with it.
            let _ = cache::write(cache, folders, shown);
        }
        return;
    }
    if let Some(watcher) = watcher {
        let _ = watcher.send(());
        return;
    }
    let loaded = load(&CatalogueSource::Folders(folders.to_vec()));
    let indexed = Arc::new(Indexed::new(loaded.catalogue));
    let archived = indexed.engine().archive();
    let parts = Parts {
        catalogue: indexed.catalogue(),
        diagnostics: &loaded.diagnostics,
        sources: &loaded.sources,
        stamps: loaded.stamps.as_deref(),
        files_read: loaded.files_read,
        index: archived.as_deref(),
    };
    let _ = cache::write(cache, folders, &parts);
    let _ = events.send(Event::Reloaded(Box::new(super::event::Reloaded { indexed, problems: loaded.diagnostics })));
}
