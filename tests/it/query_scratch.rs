//! Searches reuse per-thread scratch arrays: a search must give the same results whatever
//! searches ran before it on the same thread.

use std::sync::Arc;

use boucle::load::{CatalogueSource, load};
use boucle::query::{Filters, Indexed, Query};
use boucle::text::Lang;

const QUERIES: &[&str] =
    &["zinc", "z", "mining heritage", "bethune", "m", "lead -acid", "recycling kind:practice", "", "magnet recyling"];

fn indexed() -> Arc<Indexed> {
    let loaded = load(&CatalogueSource::Folders(vec!["tests/fixtures/catalogue".into()]));
    Arc::new(Indexed::new(loaded.catalogue))
}

/// Results as the user sees them: ids in order, totals and counts.
fn seen(indexed: &Indexed, text: &str) -> String {
    format!("{:?}", indexed.search(&Query::parse(text), &Filters::default(), Lang::En, 50))
}

#[test]
fn a_search_gives_the_same_results_after_any_other_search_on_its_thread() {
    let indexed = indexed();
    let fresh: Vec<String> = QUERIES
        .iter()
        .map(|q| {
            let (indexed, q) = (indexed.clone(), q.to_string());
            std::thread::spawn(move || seen(&indexed, &q)).join().unwrap()
        })
        .collect();
    assert!(fresh.iter().filter(|r| r.contains("Hit {")).count() >= 5, "most queries find entries: {fresh:?}");
    for (i, first) in QUERIES.iter().enumerate() {
        for (j, second) in QUERIES.iter().enumerate() {
            let _ = seen(&indexed, first);
            assert_eq!(seen(&indexed, second), fresh[j], "`{second}` after `{first}` ({i}, {j})");
        }
    }
}
