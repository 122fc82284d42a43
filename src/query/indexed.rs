//! A catalogue with the index built from it: the pair a reload swaps as one.

use super::{Engine, Facet, Filters, Query, Results};
use crate::load::{CatalogueSource, Loaded, Stamps, load_reporting_then, progress};
use crate::model::Catalogue;
use crate::text::Lang;

/// A catalogue and the [`Engine`] built from it. An engine is valid only with the catalogue
/// it was built from; this pair is, by construction: there is no way to put another
/// catalogue next to the engine, or to change the catalogue under it.
pub struct Indexed {
    catalogue: Catalogue,
    engine: Engine,
}

impl Indexed {
    /// Builds the index of `catalogue` (see [`Engine::new`]).
    pub fn new(catalogue: Catalogue) -> Indexed {
        let engine = Engine::new(&catalogue);
        Indexed { catalogue, engine }
    }

    /// Loads `source` from its files and indexes it, the index built while the load's last
    /// checks run ([`load_reporting_then`]); the load's catalogue is moved into the
    /// [`Indexed`]. The files' stamps are kept, for a cache this process writes.
    pub fn load(source: &CatalogueSource) -> (Indexed, Loaded) {
        Indexed::load_reporting(source, &progress::unwatched, Stamps::Kept, &|| ())
    }

    /// [`Indexed::load`] for a load this process does not cache: no stamp is taken.
    pub fn load_unstamped(source: &CatalogueSource) -> (Indexed, Loaded) {
        Indexed::load_reporting(source, &progress::unwatched, Stamps::Skipped, &|| ())
    }

    /// [`Indexed::load`], telling `report` how many files are read, and `indexing` when the
    /// index starts (beside the checks, once every file is parsed).
    pub fn load_reporting(
        source: &CatalogueSource,
        report: progress::Report<'_>,
        stamps: Stamps,
        indexing: &(dyn Fn() + Sync),
    ) -> (Indexed, Loaded) {
        let index = |catalogue: &Catalogue| {
            indexing();
            Engine::new(catalogue)
        };
        let (mut loaded, engine) = load_reporting_then(source, report, stamps, &index);
        (Indexed::from_parts(std::mem::take(&mut loaded.catalogue), engine), loaded)
    }

    /// A catalogue and an index known to be its own (`stored.rs` checks it).
    pub(super) fn from_parts(catalogue: Catalogue, engine: Engine) -> Indexed {
        Indexed { catalogue, engine }
    }

    /// A catalogue read from a cache and the index the same cache kept, restored for it
    /// ([`Engine::restored_for`] checks that it fits); None when their sizes differ.
    pub fn with_engine(catalogue: Catalogue, engine: Engine) -> Option<Indexed> {
        (engine.len() == catalogue.len()).then(|| Indexed::from_parts(catalogue, engine))
    }

    pub fn catalogue(&self) -> &Catalogue {
        &self.catalogue
    }

    pub fn engine(&self) -> &Engine {
        &self.engine
    }

    /// Gives the catalogue back, dropping its index.
    pub fn into_catalogue(self) -> Catalogue {
        self.catalogue
    }

    /// [`Engine::search`] over this catalogue.
    pub fn search(&self, query: &Query, filters: &Filters, lang: Lang, limit: usize) -> Results {
        self.engine.search(&self.catalogue, query, filters, lang, limit)
    }

    /// [`Engine::resolve_value`] in this catalogue.
    pub fn resolve_value(&self, facet: Facet, text: &str) -> Option<Vec<usize>> {
        self.engine.resolve_value(&self.catalogue, facet, text)
    }

    /// [`super::selection::suggestions`] in this catalogue.
    pub fn suggestions(&self, facet: Facet, text: &str) -> Vec<String> {
        super::selection::suggestions(&self.engine, &self.catalogue, facet, text)
    }

    /// [`Engine::value_id`] in this catalogue.
    pub fn value_id(&self, facet: Facet, value: usize) -> String {
        self.engine.value_id(&self.catalogue, facet, value)
    }

    /// The values entry `e` has in `facet`, as filters and counts see them (a region's
    /// parents, a material's groups and members), ascending; none for an entry out of range.
    pub fn entry_values(&self, facet: Facet, e: usize) -> &[u32] {
        if e < self.engine.len() { self.engine.facets.get(facet).of_entry(e) } else { &[] }
    }

    /// [`Engine::value_label`] in this catalogue.
    pub fn value_label(&self, facet: Facet, value: usize, lang: Lang) -> String {
        self.engine.value_label(&self.catalogue, facet, value, lang)
    }
}

const _: () = {
    const fn assert_send_sync<T: Send + Sync>() {}
    assert_send_sync::<Indexed>();
};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_empty_catalogue_indexes_and_searches() {
        let indexed = Indexed::new(Catalogue::default());
        assert!(indexed.engine().is_empty());
        assert_eq!(indexed.catalogue().len(), 0);
        let results = indexed.search(&Query::parse("x region:FR"), &Filters::default(), Lang::Fr, 10);
        assert_eq!(results.total, 0);
        assert!(results.hits.is_empty());
    }
}
