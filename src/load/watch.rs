//! Live reload: watch the catalogue folders, and load again when a `.ron` file changes.
//!
//! Folders are watched, not files: editors save by writing a new file and renaming it over
//! the old one, after which a watch on the file itself goes silent. Editors' temporary files
//! (`.x.ron.swp`, `4913`, `x.ron~`, `#x.ron#`) are not `.ron` files and are ignored. Events
//! are gathered until the folder has been quiet for a moment (one save is several events);
//! the load runs on this thread, never on the dashboard's. A file that fails to load is tried
//! again once about a second later, since an event can arrive in the middle of a slow write;
//! whoever receives the load keeps its last good entry meanwhile (`live`).

use std::collections::{HashMap, HashSet};
use std::hash::{Hash, Hasher};
use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, RecvTimeoutError, Sender, channel};
use std::time::{Duration, Instant};

use notify::{EventKind, RecursiveMode, Watcher};

use super::{CatalogueSource, Loaded, load};

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
/// shows: the watcher keeps no copy of the catalogue.
///
/// A folder that is removed (`rm -rf`, `mv`) takes its watch with it, and the one that comes
/// back in its place is a new folder: the parent of each folder is watched too (its own
/// entries only), and a folder seen again there is watched again and loaded. Where the parent
/// cannot be watched, a missing folder is looked for every [`POLL_INTERVAL`].
pub fn spawn(
    folders: Vec<PathBuf>,
    poll: bool,
    deliver: impl FnMut(Loaded) -> bool + Send + 'static,
) -> Result<Watching, String> {
    spawn_loading(folders, poll, |source, _| load(source), deliver)
}

/// [`spawn`], loading with `load_again`, which is told whether the load was asked for (`r`, a
/// folder back): then it is a full one, trusting no stamp (see [`super::again`]).
pub fn spawn_loading(
    folders: Vec<PathBuf>,
    poll: bool,
    load_again: impl FnMut(&CatalogueSource, bool) -> Loaded + Send + 'static,
    deliver: impl FnMut(Loaded) -> bool + Send + 'static,
) -> Result<Watching, String> {
    // Paths in events are absolute: so are the folders compared with them.
    let watched: Vec<PathBuf> = folders.iter().map(|f| std::path::absolute(f).unwrap_or_else(|_| f.clone())).collect();
    let (raw_sender, raw) = channel::<Change>();
    let events = raw_sender.clone();
    let ours = watched.clone();
    let handler = move |event: notify::Result<notify::Event>| {
        if let Ok(event) = event
            && !matches!(event.kind, EventKind::Access(_))
        {
            // The parents' watches see their other entries too: only the folders' own matter.
            let paths: Vec<PathBuf> =
                event.paths.into_iter().filter(|p| ours.iter().any(|folder| p.starts_with(folder))).collect();
            if !paths.is_empty() {
                let _ = events.send(Change::Paths(paths));
            }
        }
    };
    let mut watcher: Box<dyn Watcher + Send> = if poll {
        let config = notify::Config::default().with_poll_interval(POLL_INTERVAL);
        Box::new(notify::PollWatcher::new(handler, config).map_err(|e| e.to_string())?)
    } else {
        Box::new(notify::recommended_watcher(handler).map_err(|e| e.to_string())?)
    };
    let mut folders_watched = Folders { paths: watched, watched: Vec::new() };
    for folder in &folders_watched.paths {
        if let Some(parent) = folder.parent().filter(|p| !p.as_os_str().is_empty()) {
            // Best effort: without it, a folder that comes back is found by looking.
            let _ = watcher.watch(parent, RecursiveMode::NonRecursive);
        }
        // A folder missing now is watched when it comes.
        let watched = folder.is_dir();
        if watched {
            watcher.watch(folder, RecursiveMode::Recursive).map_err(|e| format!("{}: {e}", folder.display()))?;
        }
        folders_watched.watched.push(watched);
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
            let mut watching = Watched { watcher, folders: folders_watched };
            run(CatalogueSource::Folders(folders), &raw, &mut watching, (load_again, deliver));
        })
        .map_err(|e| e.to_string())?;
    Ok(Watching { reload })
}

/// The watcher, and which folders it holds a watch on now.
struct Watched {
    watcher: Box<dyn Watcher + Send>,
    folders: Folders,
}

struct Folders {
    /// Absolute, in the order given.
    paths: Vec<PathBuf>,
    /// Whether each is watched now (a removed folder's watch went with it).
    watched: Vec<bool>,
}

impl Watched {
    /// Watches again each folder that `paths` names and that is a folder now: one created
    /// (or moved) in place of one removed. True if one was.
    fn rewatch_named(&mut self, paths: &[PathBuf]) -> bool {
        let mut again = false;
        for (i, folder) in self.folders.paths.iter().enumerate() {
            if paths.iter().any(|p| p == folder) {
                if folder.is_dir() {
                    // The old watch, if notify still holds one, is on the folder that went.
                    let _ = self.watcher.unwatch(folder);
                    let watched = self.watcher.watch(folder, RecursiveMode::Recursive).is_ok();
                    self.folders.watched[i] = watched;
                    again |= watched;
                } else {
                    self.folders.watched[i] = false;
                }
            }
        }
        again
    }

    /// Watches each folder not watched that is there now; true if one was.
    fn rewatch_returned(&mut self) -> bool {
        let back: Vec<PathBuf> = (self.folders.paths.iter().zip(&self.folders.watched))
            .filter(|(folder, watched)| !**watched && folder.is_dir())
            .map(|(folder, _)| folder.clone())
            .collect();
        !back.is_empty() && self.rewatch_named(&back)
    }

    /// Whether a folder is missing (not watched), so that its return is looked for.
    fn missing(&self) -> bool {
        self.folders.watched.iter().any(|watched| !watched)
    }

    /// Marks the folders that are gone now.
    fn forget_gone(&mut self) {
        for (folder, watched) in self.folders.paths.iter().zip(&mut self.folders.watched) {
            if !folder.is_dir() {
                *watched = false;
            }
        }
    }
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

fn run(
    source: CatalogueSource,
    raw: &Receiver<Change>,
    watching: &mut Watched,
    (mut load_again, mut deliver): (impl FnMut(&CatalogueSource, bool) -> Loaded, impl FnMut(Loaded) -> bool),
) {
    let mut contents: HashMap<PathBuf, u64> = HashMap::new();
    let mut retry: Option<(Instant, HashSet<PathBuf>)> = None;
    loop {
        // Woken by a change, else at the retry's time, else (a folder missing) to look for it.
        let look = watching.missing().then(|| Instant::now() + POLL_INTERVAL);
        let wake = match (retry.as_ref().map(|(at, _)| *at), look) {
            (Some(at), Some(look)) => Some(at.min(look)),
            (at, look) => at.or(look),
        };
        let first = match wake {
            Some(at) => match raw.recv_timeout(at.saturating_duration_since(Instant::now())) {
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
        let retrying = first.is_none() && retry.as_ref().is_some_and(|(at, _)| Instant::now() >= *at);
        // A folder that came back where its parent could not be watched: found by looking.
        let returned = first.is_none() && watching.rewatch_returned();
        if first.is_none() && !retrying && !returned {
            continue;
        }
        if let Some((_, paths)) = retry.take_if(|_| retrying) {
            changed = paths;
        }
        asked |= returned;
        if let Some(first) = first {
            absorb(first, watching, &mut changed, &mut asked);
            // One save is several events: wait for the folders to be quiet.
            let started = Instant::now();
            while started.elapsed() < LONGEST_WAIT {
                match raw.recv_timeout(QUIET) {
                    Ok(change) => absorb(change, watching, &mut changed, &mut asked),
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
        let loaded = load_again(&source, asked);
        watching.forget_gone();
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

fn absorb(change: Change, watching: &mut Watched, changed: &mut HashSet<PathBuf>, asked: &mut bool) {
    match change {
        Change::Paths(paths) => {
            // A folder created in place of a removed one is watched at once, so that the
            // files copied into it after this are seen.
            watching.rewatch_named(&paths);
            let folders = &watching.folders.paths;
            changed.extend(paths.into_iter().filter(|p| matters(p) || folders.contains(p)));
        }
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
