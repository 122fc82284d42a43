//! A million entries without a million files: the 100k synthetic folder, loaded once and
//! copied in memory with new ids. Writing 1M files would take about 1.3 GB of disk and most of
//! the run in `open`/`write`; the engine only sees entries, so copies of a 100k catalogue give
//! it the same word and facet distributions (the generator draws from fixed word pools, so a
//! generated 1M catalogue would have almost the same dictionary). Copies keep naming the
//! original organisations, so the organisation facet has 100k's values, copied tenfold.

use boucle::model::{Catalogue, Id};

/// `catalogue` with `times - 1` more copies of every entry (ids suffixed `-cN`).
pub fn replicated(catalogue: Catalogue, times: usize) -> Catalogue {
    let vocabularies = catalogue.vocabularies.clone();
    let originals = catalogue.entries();
    let mut entries = Vec::with_capacity(originals.len() * times);
    entries.extend(originals.iter().cloned());
    for copy in 1..times {
        for entry in originals {
            let mut e = entry.clone();
            e.id = Id::parse(&format!("{}-c{copy}", entry.id.as_str())).expect("a copied id is an id");
            entries.push(e);
        }
    }
    drop(catalogue);
    Catalogue::new(vocabularies, entries)
}
