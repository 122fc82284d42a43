//! A catalogue cache written and damaged as the cache tests need it (`cache_archive.rs`,
//! `ui_cached_start.rs`).

use std::fs;
use std::path::{Path, PathBuf};

use boucle::load::Loaded;
use boucle::load::cache::{self, Cache, Parts};
use boucle::query::Indexed;

/// `loaded`'s load, with `indexed`'s catalogue and index, written as the cache of `folders`.
pub fn write_cache(cache: &Cache, folders: &[PathBuf], loaded: &Loaded, indexed: &Indexed) {
    let archived = indexed.engine().archive().unwrap();
    let parts = Parts { catalogue: indexed.catalogue(), index: Some(&archived), ..Parts::of(loaded) };
    assert!(cache::write(cache, folders, &parts).unwrap());
}

/// Changes one letter of `text`'s last copy in the file at `path` (in the entries, after the
/// index) into another letter: still clean text, caught only by a checksum.
pub fn damage_text(path: &Path, text: &str) {
    let mut bytes = fs::read(path).unwrap();
    let at = bytes.windows(text.len()).rposition(|w| w == text.as_bytes()).expect("the text is in the cache");
    let letter = text.bytes().position(|b| b.is_ascii_lowercase()).expect("a lower-case letter");
    bytes[at + letter] = if bytes[at + letter] == b'x' { b'y' } else { b'x' };
    fs::write(path, bytes).unwrap();
}
