//! Live reload in the dashboard: the folder watcher (`load::watch`) loads and indexes on its
//! own thread, and the new snapshot arrives on the session's channel as [`Event::Reloaded`];
//! `update::reloaded` swaps it in at once, keeping what the user was looking at (by id).

use std::path::PathBuf;
use std::sync::Arc;
use std::sync::mpsc::Sender;

use super::event::Event;
pub use super::event::Reloaded;
use crate::load::cache::{Cache, Parts};
use crate::load::watch;
use crate::query::Indexed;

/// How the dashboard learns that its folders changed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Watch {
    Off,
    /// Change events from the operating system.
    Events,
    /// Looking at the folders every second, for filesystems without change events.
    Poll,
}

/// Starts watching `folders`; each load is indexed on the watcher's thread and sent to the
/// session. Returns the sender that asks for a load now.
/// Each successful reload (no file kept from its last good version) also replaces the
/// catalogue cache, when there is one.
pub fn start(
    folders: Vec<PathBuf>,
    how: Watch,
    shown: Arc<Indexed>,
    events: Sender<Event>,
    cache: Option<Cache>,
) -> Option<Sender<()>> {
    if how == Watch::Off || folders.is_empty() {
        return None;
    }
    // The snapshot on screen, shared with the app (no copy), for keeping last good entries.
    let mut shown = shown;
    let cached_folders = folders.clone();
    let deliver = move |mut loaded: crate::load::Loaded| {
        let (stamps, sources, files_read) =
            (loaded.stamps.take(), std::mem::take(&mut loaded.sources), loaded.files_read);
        let from_files = loaded.catalogue.len();
        let loaded = watch::merge_last_good(loaded, shown.catalogue());
        // Only what the files hold now is cached, never an entry kept from an earlier load.
        let exact = loaded.catalogue.len() == from_files;
        let indexed = Arc::new(Indexed::new(loaded.catalogue));
        shown = indexed.clone();
        let problems = if exact && cache.is_some() { loaded.diagnostics.clone() } else { Vec::new() };
        let sent = events.send(Event::Reloaded(Box::new(Reloaded { indexed, problems: loaded.diagnostics }))).is_ok();
        if let (Some(cache), true) = (&cache, exact) {
            let archived = shown.engine().archive();
            let parts = Parts {
                catalogue: shown.catalogue(),
                diagnostics: &problems,
                sources: &sources,
                stamps: stamps.as_deref(),
                files_read,
                index: archived.as_deref(),
            };
            let _ = crate::load::cache::write(cache, &cached_folders, &parts);
        }
        sent
    };
    match watch::spawn(folders, how == Watch::Poll, deliver) {
        Ok(watching) => Some(watching.reload),
        Err(why) => {
            // The dashboard still works; `r` and live reload do not.
            eprintln!("boucle: cannot watch the catalogue folders ({why}); try --poll");
            None
        }
    }
}
