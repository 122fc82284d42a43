//! A catalogue and the index built from it, kept together so that the pair is valid by
//! construction: an [`Engine`] answers only for the catalogue it was built from.

use super::{Engine, Facet, Filters, Query, Results};
use crate::model::Catalogue;
use crate::text::Lang;

pub struct Indexed {
    catalogue: Catalogue,
    engine: Engine,
}

impl Indexed {
    pub fn new(catalogue: Catalogue) -> Indexed {
        let engine = Engine::new(&catalogue);
        Indexed { catalogue, engine }
    }

    pub fn catalogue(&self) -> &Catalogue {
        &self.catalogue
    }

    pub fn engine(&self) -> &Engine {
        &self.engine
    }

    pub fn search(&self, query: &Query, filters: &Filters, lang: Lang, limit: usize) -> Results {
        self.engine.search(&self.catalogue, query, filters, lang, limit)
    }

    pub fn resolve_value(&self, facet: Facet, text: &str) -> Option<Vec<usize>> {
        self.engine.resolve_value(&self.catalogue, facet, text)
    }

    pub fn value_id(&self, facet: Facet, value: usize) -> String {
        self.engine.value_id(&self.catalogue, facet, value)
    }

    pub fn value_label(&self, facet: Facet, value: usize, lang: Lang) -> String {
        self.engine.value_label(&self.catalogue, facet, value, lang)
    }
}
