//! Property: on random catalogues, queries and filters, the indexed engine selects exactly the
//! entries a brute-force scan selects, and its facet counts are the brute-force counts.

use crate::common;

use std::collections::BTreeSet;

use boucle::model::{Kind, ReviewStatus};
use boucle::query::{Engine, Facet, Filters, Partial, Query};
use boucle::text::Lang;
use common::{Spec, brute_count, brute_results, catalogue};
use proptest::prelude::*;

const WORDS: &[&str] = &[
    "béton",
    "Béthune",
    "aimants",
    "aimant",
    "recyclage",
    "recycling",
    "terres",
    "rares",
    "néodyme",
    "économie",
    "circulaire",
    "Κοζάνη",
    "œuvre",
    "friche",
    "minière",
    "zinc",
    "plomb",
    "batterie",
    "batteries",
    "lens",
];
const QUERY_WORDS: &[&str] = &[
    "bet",
    "beton",
    "bethune",
    "bethnue",
    "aim",
    "aimant",
    "recyc",
    "recyk",
    "terres",
    "rares",
    "neodyme",
    "economie",
    "κοζ",
    "oeuvre",
    "fric",
    "minere",
    "zin",
    "batery",
    "l",
    "circulair",
    "x",
];
const REGIONS: &[&str] = &["FR", "FRE", "FRE1", "FRE11", "FRE12", "FR1", "EL", "EL6", "EL64", "EL53"];
const MATERIALS: &[&str] =
    &["rare-earths-magnets", "neodymium", "praseodymium", "dysprosium", "zinc", "lead", "plastics"];
const THEMES: &[&str] = &["E", "E1", "E5", "S", "S3", "G", "G1"];
const STAGES: &[&str] = &["extraction", "recycling-recovery", "post-mining"];
const ORGS: &[&str] = &["org-a", "org-b", "org-c"];

fn text(max: usize) -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(WORDS), 0..max).prop_map(|w| w.join(" "))
}

fn subset(pool: &'static [&'static str], max: usize) -> impl Strategy<Value = Vec<&'static str>> {
    prop::collection::vec(prop::sample::select(pool), 0..max)
}

fn spec(i: usize) -> impl Strategy<Value = Spec> {
    (
        (text(5), text(8), text(3), prop::option::of(prop::sample::select(REGIONS)), subset(MATERIALS, 3)),
        (subset(THEMES, 3), subset(STAGES, 2), subset(ORGS, 2), 0usize..3, 0usize..4),
        (prop::option::of((2020i32..2026, prop::option::of(0i32..3))), text(2)),
    )
        .prop_map(
            move |((title, summary, tags, region, materials), (themes, stages, orgs, status, kind), (years, desc))| {
                let kind = [Kind::GoodPractice, Kind::SiteVisit, Kind::Event, Kind::Tour][kind];
                let mut s = Spec::new(&format!("entry-{i}"), kind, &title)
                    .summary(&summary)
                    .description(&desc)
                    .materials(&materials)
                    .themes(&themes)
                    .stages(&stages)
                    .orgs(&orgs)
                    .tags(&tags.split(' ').filter(|t| !t.is_empty()).collect::<Vec<_>>())
                    .status(ReviewStatus::ALL[status]);
                if let Some(r) = region {
                    s = s.region(r);
                }
                if let Some((start, len)) = years {
                    s = s.years(start, len.map(|l| start + l));
                }
                s
            },
        )
}

fn catalogue_strategy() -> impl Strategy<Value = Vec<Spec>> {
    (0usize..25).prop_flat_map(|n| (0..n).map(spec).collect::<Vec<_>>()).prop_map(|mut specs| {
        specs.push(Spec::new("org-a", Kind::Organisation, "Pôle TEAM2").short_name("TEAM2").region("FRE12"));
        specs.push(Spec::new("org-b", Kind::Organisation, "Recytech").region("FRE11"));
        specs
    })
}

fn field_filter() -> impl Strategy<Value = String> {
    prop_oneof![
        prop::sample::select(REGIONS).prop_map(|v| format!("region:{v}")),
        prop::sample::select(MATERIALS).prop_map(|v| format!("mat:{v}")),
        prop::sample::select(THEMES).prop_map(|v| format!("theme:{v}")),
        prop::sample::select(STAGES).prop_map(|v| format!("stage:{v}")),
        prop::sample::select(&["practice", "visit", "event", "tour", "organisation"][..])
            .prop_map(|v| format!("kind:{v}")),
        prop::sample::select(&["draft", "to-complete", "reviewed"][..]).prop_map(|v| format!("status:{v}")),
        (2019i32..2028).prop_map(|y| format!("year:{y}")),
        prop::sample::select(ORGS).prop_map(|v| format!("org:{v}")),
    ]
}

fn query_strategy() -> impl Strategy<Value = String> {
    prop::collection::vec(
        prop_oneof![
            4 => prop::sample::select(QUERY_WORDS).prop_map(str::to_string),
            1 => prop::sample::select(QUERY_WORDS).prop_map(|w| format!("-{w}")),
            2 => field_filter(),
            1 => field_filter().prop_map(|f| format!("-{f}")),
        ],
        0..4,
    )
    .prop_map(|chunks| chunks.join(" "))
}

fn filters_strategy() -> impl Strategy<Value = Vec<(usize, usize)>> {
    prop::collection::vec((0usize..Facet::COUNT, 0usize..12), 0..4)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 96, ..ProptestConfig::default() })]

    #[test]
    fn indexed_search_selects_what_a_full_scan_selects(
        specs in catalogue_strategy(),
        text in query_strategy(),
        picks in filters_strategy(),
    ) {
        let cat = catalogue(specs);
        let engine = Engine::new(&cat);
        let mut filters = Filters::default();
        for (f, v) in picks {
            let facet = Facet::ALL[f];
            if engine.value_count(facet) > 0 {
                filters.select(facet, v % engine.value_count(facet));
            }
        }
        let query = Query::parse(&text);
        let results = engine.search(&cat, &query, &filters, Lang::Fr, usize::MAX);
        let found: BTreeSet<usize> = results.hits.iter().map(|h| h.entry).collect();
        let expected = brute_results(&cat, &query, &filters);
        prop_assert_eq!(&found, &expected, "query {:?}", text);
        prop_assert_eq!(results.total, expected.len());
        // Fewer than every word only when no entry has them all, and said.
        let most = common::most_words(&cat, &query, &filters);
        let partial = (most > 0 && most < query.words.len()).then_some(Partial {
            have: most as u32,
            of: query.words.len() as u32,
            elsewhere: common::every_word_elsewhere(&cat, &query, &filters),
        });
        prop_assert_eq!(results.partial, partial, "query {:?}", text);
        prop_assert!(results.hits.iter().all(|h| h.words as usize == most));
        // More words always rank first.
        prop_assert!(results.hits.windows(2).all(|w| w[0].words >= w[1].words && w[0].score >= w[1].score));
        for facet in Facet::ALL {
            for v in 0..engine.value_count(facet) {
                prop_assert_eq!(
                    results.facet_counts.count(facet, v),
                    brute_count(&cat, &query, &filters, facet, v),
                    "query {:?}, {:?} value {}", text, facet, v
                );
            }
        }
        // Highlights are valid, sorted, disjoint byte ranges of the displayed texts.
        for hit in &results.hits {
            let entry = &cat.entries()[hit.entry];
            for (text, ranges) in [(entry.title().get(Lang::Fr), &hit.title_highlights), (entry.summary().get(Lang::Fr), &hit.summary_highlights)] {
                for r in ranges.iter() {
                    prop_assert!(text.get(r.clone()).is_some_and(|s| !s.is_empty()));
                }
                prop_assert!(ranges.windows(2).all(|w| w[0].end < w[1].start));
            }
        }
    }
}
