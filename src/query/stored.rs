//! The index as bytes, kept in the catalogue cache beside the catalogue it was built from:
//! a cached start then reads the index instead of building it again, which at 100k entries
//! was most of a cached start (BENCHMARKS.md, #13).
//!
//! The bytes come from the cache, whose checksum they passed; they are validated all the same
//! (rkyv checks every offset and length), and an index that does not fit the catalogue it is
//! given (another size, a term list out of order, postings naming entries beyond it) is not
//! used: the index is then built as usual.
//!
//! Read from a mapped cache ([`Engine::restored_in`]), the index's arrays are views on the
//! file's pages ([`super::slab`]): nothing of its size is copied.

use super::build::next_engine_id;
use super::engine::ArchivedEngine;
use super::fuzzy::TitleScorer;
use super::slab::{Backing, Viewer};
use super::{Engine, Facet, Indexed};
use std::path::PathBuf;

use crate::load::Loaded;
use crate::load::cache::{self, Cache, Why};
use crate::model::Catalogue;

impl Engine {
    /// The index as bytes, for the catalogue cache; `None` if it cannot be archived.
    pub fn archive(&self) -> Option<Vec<u8>> {
        rkyv::to_bytes::<rkyv::rancor::Error>(self).ok().map(|bytes| bytes.into_vec())
    }

    /// An index read back from [`Engine::archive`]'s bytes, if they are one. It must still be
    /// found to fit its catalogue ([`Indexed::with_stored`]) before it is used.
    pub fn unarchive(bytes: &[u8]) -> Option<StoredEngine> {
        // The cache hands over 16-byte aligned bytes; others are copied to be so.
        let engine = if (bytes.as_ptr() as usize).is_multiple_of(16) {
            Engine::read(bytes, None)?
        } else {
            let mut aligned = rkyv::util::AlignedVec::<16>::with_capacity(bytes.len());
            aligned.extend_from_slice(bytes);
            Engine::read(&aligned, None)?
        };
        Some(StoredEngine(engine))
    }

    /// `bytes` validated as an archived index and read, its arrays views on `backing` where
    /// `bytes` lie in it, else copies.
    fn read(bytes: &[u8], backing: Option<Backing>) -> Option<Engine> {
        let archived = rkyv::access::<ArchivedEngine, rkyv::rancor::Error>(bytes).ok()?;
        rkyv::api::deserialize_using::<Engine, _, rkyv::rancor::Error>(archived, &mut Viewer { backing }).ok()
    }

    /// The index kept in a cache, for the `len` entries of the same cache read entry by entry
    /// (`load::cache::Archive`), searched in place: `bytes` lie in `backing` (the cache file's
    /// map, checksummed), and the index's arrays are views on them. None when the bytes are
    /// not one or it does not fit.
    pub fn restored_in(bytes: &[u8], backing: Backing, len: usize) -> Option<Engine> {
        let mut engine = Engine::read(bytes, Some(backing))?;
        if !engine.fits(len) {
            return None;
        }
        engine.id = next_engine_id();
        engine.scorer = TitleScorer::default();
        Some(engine)
    }

    /// Whether the index is searched where it lies in a mapped cache: its arrays (postings,
    /// words, titles, facets) are views on the file's pages, not copies.
    pub fn is_in_place(&self) -> bool {
        self.postings.is_view() && self.terms.is_view() && self.title_terms.is_view()
    }

    /// Whether this index (read back from a cache) can search a catalogue of `n` entries: its
    /// sizes, order and every entry it names agree. Every array is read, part by part, and
    /// an array in a mapped cache gives each part's pages back once checked (a search brings
    /// back the few it reads): the check never holds the whole index (BENCHMARKS.md, "A cached
    /// `list` within 1.2× the catalogue's size").
    fn fits(&self, n: usize) -> bool {
        let words = self.terms.len();
        self.len == n
            && self.title_offsets.len() == n + 1
            && self.title_offsets.first() == Some(&0)
            && self.title_offsets.last().is_some_and(|&end| end as usize == self.title_terms.len())
            && self.terms.len() == self.postings.len()
            && self.terms.fits()
            && self.postings.fits(n)
            && self
                .title_terms
                .all_parts(|part| part.iter().all(|&t| t == super::engine::NO_TERM || (t as usize) < words))
            && self.title_offsets.ascending()
            && self.short.fits(n)
            && Facet::ALL.into_iter().all(|facet| self.facets.get(facet).fits(n))
            && self.organisations.iter().all(|&o| (o as usize) < n)
    }
}

/// An index read back from a cache, not yet checked against the catalogue it came with.
pub struct StoredEngine(Engine);

/// A cached load of `folders`, with its index read back on one of the threads that decode
/// the entries (None when the cache kept no index or it could not be read).
pub fn read_cached(cache: &Cache, folders: &[PathBuf]) -> Result<(Loaded, Option<StoredEngine>), Why> {
    cache::read_with(cache, folders, Engine::unarchive).map(|(loaded, engine)| (loaded, engine.flatten()))
}

impl Indexed {
    /// `catalogue` with the index read from `stored` (the catalogue cache's), or built when
    /// there is none or it does not fit.
    pub fn restored(catalogue: Catalogue, stored: Option<&[u8]>) -> Indexed {
        Indexed::with_stored(catalogue, stored.and_then(Engine::unarchive)).0
    }

    /// `catalogue` with `stored` as its index if it fits (true), or else with an index built
    /// now (false: the cache should be given the new one).
    pub fn with_stored(catalogue: Catalogue, stored: Option<StoredEngine>) -> (Indexed, bool) {
        match stored {
            Some(StoredEngine(mut engine)) if engine.fits(catalogue.len()) => {
                engine.id = next_engine_id();
                engine.scorer = TitleScorer::default();
                (Indexed::from_parts(catalogue, engine), true)
            }
            _ => (Indexed::new(catalogue), false),
        }
    }
}
