//! The commands' loads (`check`, `list`, `show`, `export`, `present`): one load, through the
//! catalogue cache, checked against the files before it is used. Nothing is watched and
//! nothing follows.
//!
//! A load the cache did not hold is not cached by the command itself: the command prints
//! what it was asked for first, then [`write_behind`] hands the write to a detached `boucle
//! cache write` process and the command exits, so a first run on a new folder takes no
//! longer than with `--no-cache`. Detached rather than waited for, because the write (about
//! 0.6 s at 100,000 entries) would otherwise hold the shell's prompt; a process rather than a
//! fork of this one, because a fork of a process with threads (rayon's, the allocator's) may
//! only call async-signal-safe functions until it execs. The detached writer loads the
//! folders again, which costs a load's CPU once per new or changed folder set; its write is
//! atomic (a locked temporary file renamed into place), so it leaves a whole cache or none,
//! whenever it is stopped.

use std::path::PathBuf;
use std::sync::Mutex;

use super::remember::remember_load;
use crate::load::cache::{self, Cache, Parts, Used, Why};
use crate::load::{CatalogueSource, Loaded, load as load_files};
use crate::query::{Indexed, read_cached};

/// The folder sets whose cache is due, written by [`write_behind`] once the command's output is
/// out.
static DUE: Mutex<Vec<(Cache, Vec<PathBuf>)>> = Mutex::new(Vec::new());

fn due(cache: &Cache, folders: &[PathBuf]) {
    let mut due = DUE.lock().unwrap_or_else(|p| p.into_inner());
    if !due.iter().any(|(c, f)| c.dir() == cache.dir() && f == folders) {
        due.push((cache.clone(), folders.to_vec()));
    }
}

/// Starts a detached `boucle cache write` for each folder set loaded from its files by this
/// process (see the module's comment); the command's output must be out before. Where the
/// executable cannot be started again, the cache is simply not written this time.
pub fn write_behind() {
    let due = std::mem::take(&mut *DUE.lock().unwrap_or_else(|p| p.into_inner()));
    let Ok(exe) = std::env::current_exe() else { return };
    for (cache, folders) in due {
        let mut command = std::process::Command::new(&exe);
        command
            .args(["cache", "write", "--lang", "en", "--"])
            .args(&folders)
            .env_remove("BOUCLE_CATALOGUE")
            .env(cache::DIR_ENV, cache.dir())
            .stdin(std::process::Stdio::null())
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null());
        // Its own process group: a Ctrl-C at the prompt meant for the next command does not
        // stop it midway (it would leave nothing torn, but no cache either).
        #[cfg(unix)]
        std::os::unix::process::CommandExt::process_group(&mut command, 0);
        match std::env::var_os(WAIT_ENV).is_some_and(|v| v == "wait") {
            true => drop(command.status()),
            false => drop(command.spawn()),
        }
    }
}

/// `BOUCLE_CACHE_WRITE=wait`: a command waits for the cache it hands off to be written before
/// it exits (a script that wants the next command to find the cache; the tests).
pub const WAIT_ENV: &str = "BOUCLE_CACHE_WRITE";

/// The detached writer's work (`boucle cache write`): once the cache folder's other writer, if
/// any, is done, the folders' cache is brought up to date (left alone when it already is:
/// two first runs write it once) and the folder kept under its size ([`cache::evict`]).
/// Whether the cache holds the folders now.
pub fn write_now(folders: &[PathBuf], cache: &Cache) -> bool {
    let _writers = cache::writers_lock(cache);
    let (_, used) = load_telling(&CatalogueSource::Folders(folders.to_vec()), Some(cache));
    used != Used::Not
}

/// Loads `source` through the cache when one is given; a load from the files is cached behind
/// ([`write_behind`]).
pub fn load(source: &CatalogueSource, cache: Option<&Cache>) -> Loaded {
    let (CatalogueSource::Folders(folders), Some(cache)) = (source, cache) else {
        return load_files(source);
    };
    match cache::read(cache, folders) {
        Ok(cached) if cache::is_fresh(cached.stamps.as_deref(), folders) => cached,
        _ => {
            due(cache, folders);
            load_files(source)
        }
    }
}

/// Loads `source` through the cache, writing it now when it did not hold the load, and says
/// what it did with the cache.
pub fn load_telling(source: &CatalogueSource, cache: Option<&Cache>) -> (Loaded, Used) {
    let (CatalogueSource::Folders(folders), Some(cache)) = (source, cache) else {
        return (load_files(source), Used::Not);
    };
    let why = match cache::read(cache, folders) {
        Ok(cached) if cache::is_fresh(cached.stamps.as_deref(), folders) => return (cached, Used::Read),
        Ok(_) => Why::Stale,
        Err(why) => why,
    };
    let (indexed, mut loaded) = Indexed::load(source);
    let archived = indexed.engine().archive();
    let parts = Parts { catalogue: indexed.catalogue(), index: archived.as_deref(), ..Parts::of(&loaded) };
    let written = remember_load(cache, folders, &parts);
    loaded.catalogue = indexed.into_catalogue();
    match written {
        true => (loaded, Used::Rebuilt(why)),
        false => (loaded, Used::Not),
    }
}

/// Loads `source` through `cache`, with its search index: the one kept in the cache when it
/// fits, else built now (and the load cached behind, [`write_behind`]). The load's catalogue
/// is moved into the [`Indexed`]; the rest of the load is returned beside it.
pub fn load_indexed(source: &CatalogueSource, cache: Option<&Cache>) -> (Indexed, Loaded) {
    // The cache, if any, is written behind by another process: this load keeps no stamp.
    let (CatalogueSource::Folders(folders), Some(cache)) = (source, cache) else {
        return Indexed::load_unstamped(source);
    };
    let (mut loaded, stored) = match read_cached(cache, folders) {
        Ok((loaded, stored)) if cache::is_fresh(loaded.stamps.as_deref(), folders) => (loaded, stored),
        _ => {
            due(cache, folders);
            return Indexed::load_unstamped(source);
        }
    };
    let (indexed, restored) = Indexed::with_stored(std::mem::take(&mut loaded.catalogue), stored);
    if !restored {
        due(cache, folders);
    }
    (indexed, loaded)
}
