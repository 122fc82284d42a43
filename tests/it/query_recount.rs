//! Property: the facet counts a search updates from the previous search's on its thread (the
//! entries that came in and left, `query/recount.rs`) equal a fresh search's, while queries are
//! typed and erased key by key and, between them, facet values are checked and unchecked and
//! the results restricted to a shortlist or not. Hits, order, scores, totals and every count.

use crate::common;

use std::sync::Arc;

use boucle::query::{Facet, Filters, Indexed, Query};
use boucle::text::Lang;
use common::{Spec, catalogue, random};
use proptest::prelude::*;

/// Few words, most entries having several: result sets are large and change by a few entries
/// from one key to the next, which is when the counts are updated rather than recounted.
const WORDS: &[&str] = &["terres", "terre", "rares", "rare", "recyclage", "aimant", "aimants", "a", "ab", "zinc"];
/// Queries typed letter by letter.
const TYPED: &[&str] = &["terres rares", "terre rare", "recyclage aimants", "aimant", "ab", "zinc -rare", "rares a"];

fn catalogue_strategy() -> impl Strategy<Value = Vec<Spec>> {
    random::entries(90, WORDS, random::Sizes { title: 4, summary: 6, themes: 3 })
}

/// One step of a session: a query typed then erased, under some checked values and maybe a
/// shortlist (every `k`-th entry).
fn step_strategy() -> impl Strategy<Value = (String, Vec<(usize, usize)>, Option<usize>)> {
    (
        prop::sample::select(TYPED).prop_map(str::to_string),
        prop::collection::vec((0usize..Facet::COUNT, 0usize..8), 0..3),
        prop::option::weighted(0.2, 2usize..4),
    )
}

fn seen(indexed: &Indexed, text: &str, filters: &Filters) -> String {
    format!("{:?}", indexed.search(&Query::parse(text), filters, Lang::Fr, 10))
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn counts_kept_while_typing_and_checking_are_a_fresh_searchs(
        specs in catalogue_strategy(),
        steps in prop::collection::vec(step_strategy(), 1..4),
    ) {
        let indexed = Arc::new(Indexed::new(catalogue(specs)));
        let n = indexed.catalogue().len();
        let mut session: Vec<(String, Filters)> = Vec::new();
        for (typed, picks, every) in steps {
            let mut filters = random::filters(&indexed, picks);
            filters.restrict_to(every.map(|k| (0..n).step_by(k).collect()));
            session.extend(random::typed_then_erased(&typed).into_iter().map(|key| (key, filters.clone())));
        }
        // Fresh: each search on a thread that has searched nothing before.
        let fresh: Vec<String> = session
            .iter()
            .map(|(key, filters)| {
                let (indexed, key, filters) = (indexed.clone(), key.clone(), filters.clone());
                std::thread::spawn(move || seen(&indexed, &key, &filters)).join().unwrap()
            })
            .collect();
        // Kept: one thread, one search after another, as a search worker.
        let kept: Vec<String> = {
            let (indexed, session) = (indexed.clone(), session.clone());
            std::thread::spawn(move || session.iter().map(|(key, filters)| seen(&indexed, key, filters)).collect())
                .join()
                .unwrap()
        };
        for (((key, filters), fresh), kept) in session.iter().zip(&fresh).zip(&kept) {
            prop_assert_eq!(kept, fresh, "after typing {:?} with {:?}", key, filters);
        }
    }
}
