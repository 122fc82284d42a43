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
use crate::model::Catalogue;

impl Engine {
    /// The index as bytes, for the catalogue cache; `None` if it cannot be archived.
    pub fn archive(&self) -> Option<Vec<u8>> {
        rkyv::to_bytes::<rkyv::rancor::Error>(self).ok().map(|bytes| bytes.into_vec())
    }

    /// An index read back from [`Engine::archive`]'s bytes, if they are one and fit `catalogue`.
    fn restore(bytes: &[u8], catalogue: &Catalogue) -> Option<Engine> {
        let mut aligned = rkyv::util::AlignedVec::<16>::with_capacity(bytes.len());
        aligned.extend_from_slice(bytes);
        let mut engine = rkyv::from_bytes::<Engine, rkyv::rancor::Error>(&aligned).ok()?;
        let n = catalogue.len();
        let fits = engine.len == n
            && engine.title_offsets.len() == n + 1
            && engine.terms.len() == engine.postings.len()
            && engine.terms.is_sorted()
            && engine.postings.iter().flatten().all(|&p| posting_entry(p) < n)
            && engine.title_terms.iter().all(|&t| t == super::engine::NO_TERM || (t as usize) < engine.terms.len())
            && engine.title_offsets.windows(2).all(|w| w[0] <= w[1])
            && engine.title_offsets.last().is_some_and(|&end| end as usize == engine.title_terms.len())
            && engine.short.fits(n)
            && Facet::ALL.into_iter().all(|facet| engine.facets.get(facet).fits(n))
            && engine.organisations.iter().all(|&o| (o as usize) < n);
        if !fits {
            return None;
        }
        engine.id = next_engine_id();
        engine.scorer = TitleScorer::default();
        Some(engine)
    }
}

impl Indexed {
    /// `catalogue` with the index read from `stored` (the catalogue cache's), or built when
    /// there is none or it does not fit.
    pub fn restored(catalogue: Catalogue, stored: Option<&[u8]>) -> Indexed {
        match stored.and_then(|bytes| Engine::restore(bytes, &catalogue)) {
            Some(engine) => Indexed::from_parts(catalogue, engine),
            None => Indexed::new(catalogue),
        }
    }
}
