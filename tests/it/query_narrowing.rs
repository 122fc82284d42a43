//! Property: while a query is typed and erased key by key, each search on the thread that ran
//! the previous ones (which reuses and narrows their word matches) gives exactly what a fresh
//! search gives on a thread that never searched: the same hits in the same order, with the
//! same scores and highlights, the same totals and every facet count.

use crate::common;

use std::sync::Arc;

use boucle::query::{Facet, Filters, Indexed, Query};
use boucle::text::Lang;
use common::{Spec, catalogue, random};
use proptest::prelude::*;

/// Words of entries: prefixes of one another, accents, near misses, so that typing one letter
/// more changes which words match, with and without typos.
const WORDS: &[&str] = &[
    "magnet",
    "magnets",
    "magne",
    "magnt",
    "mangeto",
    "aimants",
    "aimant",
    "aiment",
    "béton",
    "Béthune",
    "bethnue",
    "recyclage",
    "recycling",
    "recyk",
    "terres",
    "terre",
    "rares",
    "néodyme",
    "néodymes",
    "zinc",
    "plomb",
    "batterie",
    "Κοζάνη",
    "œuvre",
    "a",
    "ab",
    "m",
    "ma",
];
/// Queries typed letter by letter: every start of them is searched.
const TYPED: &[&str] = &[
    "magnets",
    "magntes",
    "mangetos",
    "aimants",
    "aiments",
    "béthune",
    "bethnue",
    "recyclage",
    "recykl",
    "terres rares",
    "terre rare",
    "neodymes",
    "κοζάνη",
    "oeuvre",
    "ab",
    "ma",
    "zinc -plomb",
    "batteries",
];

fn catalogue_strategy() -> impl Strategy<Value = Vec<Spec>> {
    random::entries(40, WORDS, random::Sizes { title: 5, summary: 10, themes: 3 })
}

/// A typed query: one of `TYPED`, or two of them, or one with a field filter before it.
fn typed_strategy() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => prop::sample::select(TYPED).prop_map(str::to_string),
        1 => (prop::sample::select(TYPED), prop::sample::select(TYPED)).prop_map(|(a, b)| format!("{a} {b}")),
        1 => prop::sample::select(TYPED).prop_map(|t| format!("kind:practice {t}")),
    ]
}

fn seen(indexed: &Indexed, text: &str, filters: &Filters) -> String {
    format!("{:?}", indexed.search(&Query::parse(text), filters, Lang::Fr, 20))
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn typing_gives_what_fresh_searches_give(
        specs in catalogue_strategy(),
        typed in typed_strategy(),
        picks in prop::collection::vec((0usize..Facet::COUNT, 0usize..8), 0..2),
    ) {
        let indexed = Arc::new(Indexed::new(catalogue(specs)));
        let filters = random::filters(&indexed, picks);
        let keys = random::typed_then_erased(&typed);
        // Fresh: each search on a thread of its own, which has searched nothing before.
        let fresh: Vec<String> = keys
            .iter()
            .map(|key| {
                let (indexed, key, filters) = (indexed.clone(), key.clone(), filters.clone());
                std::thread::spawn(move || seen(&indexed, &key, &filters)).join().unwrap()
            })
            .collect();
        // Typed: one thread, one search after another, as the dashboard's search worker.
        let typed_results: Vec<String> = {
            let (indexed, keys, filters) = (indexed.clone(), keys.clone(), filters.clone());
            std::thread::spawn(move || keys.iter().map(|key| seen(&indexed, key, &filters)).collect()).join().unwrap()
        };
        for ((key, fresh), typed) in keys.iter().zip(&fresh).zip(&typed_results) {
            prop_assert_eq!(typed, fresh, "after typing {:?}", key);
        }
    }
}
