//! Property: a search split into parts of the entries, run on several threads (as on a large
//! catalogue on a machine with cores to spare), gives exactly what one pass on one thread
//! gives: the same hits in the same order, with the same scores and highlights, the same
//! totals and every facet count, with and without facet selections.

use crate::common;

use boucle::query::bench_support::with_search_parts;
use boucle::query::{Facet, Filters, Indexed, Query};
use boucle::text::Lang;
use common::{Spec, catalogue, random};
use proptest::prelude::*;

/// Short words shared by many entries (one- and two-letter queries then read dense scores),
/// words of a few entries, near misses for typos.
const WORDS: &[&str] = &[
    "magnet",
    "magnets",
    "magnt",
    "aimants",
    "aiment",
    "béton",
    "Béthune",
    "recyclage",
    "recycling",
    "terres",
    "rares",
    "néodyme",
    "zinc",
    "plomb",
    "batterie",
    "a",
    "ab",
    "m",
    "ma",
    "mine",
    "minerai",
    "rare",
];
const QUERIES: &[&str] = &[
    "m",
    "ma",
    "mag",
    "magnets",
    "magntes",
    "a",
    "ai",
    "aimants",
    "b",
    "terres rares",
    "terre r",
    "ma re",
    "recycl",
    "zinc -plomb",
    "r",
    "mine -ma",
    "kind:practice m",
    "",
];

/// Up to 400 entries: parts are whole 64-entry words, so up to 7 parts.
fn catalogue_strategy() -> impl Strategy<Value = Vec<Spec>> {
    random::entries(400, WORDS, random::Sizes { title: 4, summary: 6, themes: 2 })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 24, ..ProptestConfig::default() })]

    #[test]
    fn a_split_search_gives_what_one_pass_gives(
        specs in catalogue_strategy(),
        picks in prop::collection::vec((0usize..Facet::COUNT, 0usize..8), 0..3),
        parts in 2usize..8,
        limit in prop::sample::select(vec![0usize, 1, 5, 50]),
    ) {
        let indexed = Indexed::new(catalogue(specs));
        let filters = random::filters(&indexed, picks);
        for text in QUERIES {
            let query = Query::parse(text);
            for filters in [Filters::default(), filters.clone()] {
                let one = with_search_parts(1, || indexed.search(&query, &filters, Lang::Fr, limit));
                let split = with_search_parts(parts, || indexed.search(&query, &filters, Lang::Fr, limit));
                prop_assert_eq!(&split, &one, "query {:?}, {} parts", text, parts);
            }
        }
    }
}
