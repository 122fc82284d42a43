//! The commands' loads (`check`, `list`, `show`, `export`, `present`): one load, through the
//! catalogue cache, checked against the files before it is used, and cached when the cache
//! did not hold it. Nothing is watched and nothing follows.

use super::remember::remember_load;
use crate::load::cache::{self, Cache, Parts, Used, Why};
use crate::load::{CatalogueSource, Loaded, load as load_files};
use crate::query::{Indexed, read_cached};

/// Loads `source` through the cache when one is given.
pub fn load(source: &CatalogueSource, cache: Option<&Cache>) -> Loaded {
    load_telling(source, cache).0
}

/// [`load`], saying what it did with the cache.
pub fn load_telling(source: &CatalogueSource, cache: Option<&Cache>) -> (Loaded, Used) {
    let (CatalogueSource::Folders(folders), Some(cache)) = (source, cache) else {
        return (load_files(source), Used::Not);
    };
    let why = match cache::read(cache, folders) {
        Ok(cached) if cache::is_fresh(cached.stamps.as_deref(), folders) => return (cached, Used::Read),
        Ok(_) => Why::Stale,
        Err(why) => why,
    };
    let loaded = load_files(source);
    match remember_load(cache, folders, &Parts::of(&loaded)) {
        true => (loaded, Used::Rebuilt(why)),
        false => (loaded, Used::Not),
    }
}

/// Loads `source` through `cache`, with its search index: the one kept in the cache when it
/// fits, else built now and kept in the cache with the load. The load's catalogue is moved
/// into the [`Indexed`]; the rest of the load is returned beside it.
pub fn load_indexed(source: &CatalogueSource, cache: Option<&Cache>) -> (Indexed, Loaded) {
    let (CatalogueSource::Folders(folders), Some(cache)) = (source, cache) else {
        let mut loaded = load_files(source);
        return (Indexed::new(std::mem::take(&mut loaded.catalogue)), loaded);
    };
    let (mut loaded, stored, from_cache) = match read_cached(cache, folders) {
        Ok((loaded, stored)) if cache::is_fresh(loaded.stamps.as_deref(), folders) => (loaded, stored, true),
        _ => (load_files(source), None, false),
    };
    let (indexed, restored) = Indexed::with_stored(std::mem::take(&mut loaded.catalogue), stored);
    if !from_cache || !restored {
        let archived = indexed.engine().archive();
        let parts = Parts { catalogue: indexed.catalogue(), index: archived.as_deref(), ..Parts::of(&loaded) };
        remember_load(cache, folders, &parts);
    }
    (indexed, loaded)
}
