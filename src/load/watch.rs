//! Live reload: watch the catalogue folders, and load again when a `.ron` file changes.
//!
//! Folders are watched, not files: editors save by writing a new file and renaming it over
//! the old one, after which a watch on the file itself goes silent. Editors' temporary files
//! (`.x.ron.swp`, `4913`, `x.ron~`, `#x.ron#`) are not `.ron` files and are ignored. Events
//! are gathered until the folder has been quiet for a moment (one save is several events);
//! the load runs on this thread, never on the dashboard's. A file that fails to load keeps
//! its last good entry ([`merge_last_good`]), and is tried again once about a second later,
//! since an event can arrive in the middle of a slow write.

use std::collections::{HashMap, HashSet};
use std::hash::{Hash, Hasher};
use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, RecvTimeoutError, Sender, channel};
use std::time::{Duration, Instant};

use notify::{EventKind, RecursiveMode, Watcher};

use super::{CatalogueSource, Loaded, load};
use crate::model::{Catalogue, Entry};

/// How long the folders must be quiet before loading: one save is a burst of events.
pub const QUIET: Duration = Duration::from_millis(150);
/// The longest a burst of events can put a load off.
const LONGEST_WAIT: Duration = Duration::from_millis(800);
/// When a changed file failed to load (half-written?), it is tried again after this.
pub const RETRY: Duration = Duration::from_secs(1);
/// How often `--poll` looks at the folders, for filesystems without change events.
pub const POLL_INTERVAL: Duration = Duration::from_secs(1);

/// What started the watcher; dropping it stops the watching thread.
pub struct Watching {
    /// Asks for a load now (`r`, after the editor), whatever the folders say.
    pub reload: Sender<()>,
}

/// Watches `folders` (by events, or by polling), and calls `deliver` with each new load,
/// from its own thread, until `deliver` returns false. The receiver merges it with what it
/// shows ([`merge_last_good`]): the watcher keeps no second copy of the catalogue.
pub fn spawn(
    folders: Vec<PathBuf>,
    poll: bool,
    deliver: impl FnMut(Loaded) -> bool + Send + 'static,
) -> Result<Watching, String> {
    let (raw_sender, raw) = channel::<Change>();
    let events = raw_sender.clone();
    let handler = move |event: notify::Result<notify::Event>| {
        if let Ok(event) = event
            && !matches!(event.kind, EventKind::Access(_))
        {
            let _ = events.send(Change::Paths(event.paths));
        }
    };
    let mut watcher: Box<dyn Watcher + Send> = if poll {
        let config = notify::Config::default().with_poll_interval(POLL_INTERVAL);
        Box::new(notify::PollWatcher::new(handler, config).map_err(|e| e.to_string())?)
    } else {
        Box::new(notify::recommended_watcher(handler).map_err(|e| e.to_string())?)
    };
    for folder in &folders {
        watcher.watch(folder, RecursiveMode::Recursive).map_err(|e| format!("{}: {e}", folder.display()))?;
    }
    let (reload, asked) = channel::<()>();
    let forward = raw_sender;
    std::thread::Builder::new()
        .name("reload-requests".into())
        .spawn(move || {
            while asked.recv().is_ok() {
                if forward.send(Change::Asked).is_err() {
                    break;
                }
            }
        })
        .map_err(|e| e.to_string())?;
    std::thread::Builder::new()
        .name("watch".into())
        .spawn(move || {
            // The watcher lives as long as this thread; it stops when the dashboard goes.
            let _watcher = watcher;
            run(CatalogueSource::Folders(folders), &raw, deliver);
        })
        .map_err(|e| e.to_string())?;
    Ok(Watching { reload })
}

enum Change {
    Paths(Vec<PathBuf>),
    /// A load asked for by the user.
    Asked,
}

/// Whether a changed path can change the catalogue: a `.ron` file that is not hidden, or a
/// folder (a kind folder moved or removed).
pub fn matters(path: &Path) -> bool {
    let Some(name) = path.file_name().map(|n| n.to_string_lossy()) else { return false };
    if name.starts_with('.') || name.starts_with('#') {
        return false;
    }
    name.ends_with(".ron") || path.extension().is_none() && !name.chars().all(|c| c.is_ascii_digit())
}

fn run(source: CatalogueSource, raw: &Receiver<Change>, mut deliver: impl FnMut(Loaded) -> bool) {
    let mut contents: HashMap<PathBuf, u64> = HashMap::new();
    let mut retry: Option<(Instant, HashSet<PathBuf>)> = None;
    loop {
        let first = match &retry {
            Some((at, _)) => match raw.recv_timeout(at.saturating_duration_since(Instant::now())) {
                Ok(change) => Some(change),
                Err(RecvTimeoutError::Timeout) => None,
                Err(RecvTimeoutError::Disconnected) => return,
            },
            None => match raw.recv() {
                Ok(change) => Some(change),
                Err(_) => return,
            },
        };
        let (mut changed, mut asked) = (HashSet::new(), false);
        let retrying = first.is_none();
        if let Some((_, paths)) = retry.take().filter(|_| retrying) {
            changed = paths;
        }
        if let Some(first) = first {
            absorb(first, &mut changed, &mut asked);
            // One save is several events: wait for the folders to be quiet.
            let started = Instant::now();
            while started.elapsed() < LONGEST_WAIT {
                match raw.recv_timeout(QUIET) {
                    Ok(change) => absorb(change, &mut changed, &mut asked),
                    Err(RecvTimeoutError::Timeout) => break,
                    Err(RecvTimeoutError::Disconnected) => return,
                }
            }
            if changed.is_empty() && !asked {
                continue;
            }
            if !asked && !retrying && unchanged(&changed, &mut contents) {
                continue;
            }
        }
        let loaded = load(&source);
        let failed_now: HashSet<PathBuf> = changed
            .iter()
            .filter(|path| loaded.diagnostics.iter().any(|d| d.is_error() && Path::new(&d.file) == path.as_path()))
            .cloned()
            .collect();
        if !failed_now.is_empty() && !retrying {
            retry = Some((Instant::now() + RETRY, failed_now));
        }
        if !deliver(loaded) {
            return;
        }
    }
}

fn absorb(change: Change, changed: &mut HashSet<PathBuf>, asked: &mut bool) {
    match change {
        Change::Paths(paths) => changed.extend(paths.into_iter().filter(|p| matters(p))),
        Change::Asked => *asked = true,
    }
}

/// Whether every changed file holds what it held at the last load (a save without changes,
/// an editor touching a file): then there is nothing to load. Remembers the new contents.
fn unchanged(changed: &HashSet<PathBuf>, contents: &mut HashMap<PathBuf, u64>) -> bool {
    let mut same = true;
    for path in changed {
        // A FIFO saved into a watched folder must not stop the watcher: it is never waited on.
        let now = crate::files::read_regular(path).ok().map(|bytes| {
            let mut hasher = std::collections::hash_map::DefaultHasher::new();
            bytes.hash(&mut hasher);
            hasher.finish()
        });
        match now {
            Some(hash) => same &= contents.insert(path.clone(), hash) == Some(hash),
            // Deleted, or a folder: the catalogue changed.
            None => {
                contents.remove(path);
                same = false;
            }
        }
    }
    same
}

/// A new load, in which each file that now fails but still exists keeps the entry it had in
/// `previous`: a half-written or broken file never takes its entry off the screen, and its
/// problem is listed beside it.
pub fn merge_last_good(mut loaded: Loaded, previous: &Catalogue) -> Loaded {
    let failed: HashSet<&str> = loaded.diagnostics.iter().filter(|d| d.is_error()).map(|d| d.file.as_str()).collect();
    if failed.is_empty() {
        return loaded;
    }
    let kept: Vec<Entry> = previous
        .entries()
        .iter()
        .filter(|old| {
            failed.contains(&*old.file())
                && !loaded.catalogue.entries().iter().any(|new| new.id == old.id && new.file() == old.file())
                && loaded.catalogue.get(old.id.as_str()).is_none()
                && Path::new(&*old.file()).is_file()
        })
        .cloned()
        .collect();
    if kept.is_empty() {
        return loaded;
    }
    let catalogue = std::mem::take(&mut loaded.catalogue);
    let vocabularies = catalogue.vocabularies.clone();
    let mut entries = catalogue.entries().to_vec();
    entries.extend(kept);
    loaded.catalogue = Catalogue::new(vocabularies, entries);
    loaded
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_catalogue_files_and_folders_matter() {
        for path in ["a/good-practices/x.ron", "a/good-practices"] {
            assert!(matters(Path::new(path)), "{path}");
        }
        for path in ["a/.x.ron.swp", "a/x.ron~", "a/4913", "a/.#x.ron", "a/#x.ron#", "a/x.ron.swp", "a/x.tmp"] {
            assert!(!matters(Path::new(path)), "{path}");
        }
    }
}
