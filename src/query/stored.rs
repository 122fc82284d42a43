//! The index as bytes, kept in the catalogue cache beside the catalogue it was built from:
//! a cached start then reads the index instead of building it again, which at 100k entries
//! was most of a cached start (BENCHMARKS.md, #13).
//!
//! The bytes come from the cache, whose checksum they passed; they are validated all the same
//! (rkyv checks every offset and length), and an index that does not fit the catalogue it is
//! given (another size, a term list out of order, postings naming entries beyond it) is not
//! used: the index is then built as usual.

use super::build::next_engine_id;
use super::fields::posting_entry;
use super::fuzzy::TitleScorer;
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
            rkyv::from_bytes::<Engine, rkyv::rancor::Error>(bytes).ok()?
        } else {
            let mut aligned = rkyv::util::AlignedVec::<16>::with_capacity(bytes.len());
            aligned.extend_from_slice(bytes);
            rkyv::from_bytes::<Engine, rkyv::rancor::Error>(&aligned).ok()?
        };
        Some(StoredEngine(engine))
    }

    /// The index kept in a cache, for the `len` entries of the same cache read entry by entry
    /// (`load::cache::Archive`): None when the bytes are not one or it does not fit.
    pub fn restored_for(bytes: &[u8], len: usize) -> Option<Engine> {
        let StoredEngine(mut engine) = Engine::unarchive(bytes)?;
        if !engine.fits(len) {
            return None;
        }
        engine.id = next_engine_id();
        engine.scorer = TitleScorer::default();
        Some(engine)
    }

    /// Whether this index (read back from a cache) can search a catalogue of `n` entries: its
    /// sizes, order and every entry it names agree.
    fn fits(&self, n: usize) -> bool {
        self.len == n
            && self.title_offsets.len() == n + 1
            && self.terms.len() == self.postings.len()
            && self.terms.is_sorted()
            && self.postings.iter().flatten().all(|&p| posting_entry(p) < n)
            && self.title_terms.iter().all(|&t| t == super::engine::NO_TERM || (t as usize) < self.terms.len())
            && self.title_offsets.windows(2).all(|w| w[0] <= w[1])
            && self.title_offsets.last().is_some_and(|&end| end as usize == self.title_terms.len())
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
