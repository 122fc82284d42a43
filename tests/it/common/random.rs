//! Random catalogues for property tests: entries written with a test's own words, placed in
//! the fixture's regions and tagged with its materials and themes.

use boucle::model::{Kind, ReviewStatus};
use boucle::query::{Facet, Filters, Indexed};
use proptest::prelude::*;

use super::Spec;

pub const REGIONS: &[&str] = &["FR", "FRE", "FRE11", "FRE12", "EL", "EL64"];
pub const MATERIALS: &[&str] = &["rare-earths-magnets", "neodymium", "zinc", "lead"];
pub const THEMES: &[&str] = &["E", "E1", "E5", "S", "S3"];

/// At most how many words or values each part of a random entry has.
#[derive(Clone, Copy)]
pub struct Sizes {
    pub title: usize,
    pub summary: usize,
    pub themes: usize,
}

fn text(words: &'static [&'static str], max: usize) -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(words), 0..max).prop_map(|w| w.join(" "))
}

/// Entry `i`: a practice, visit or event with random texts, region, materials, themes, tags
/// and review status.
pub fn entry(i: usize, words: &'static [&'static str], sizes: Sizes) -> impl Strategy<Value = Spec> {
    (
        text(words, sizes.title),
        text(words, sizes.summary),
        text(words, 3),
        prop::option::of(prop::sample::select(REGIONS)),
        prop::collection::vec(prop::sample::select(MATERIALS), 0..3),
        prop::collection::vec(prop::sample::select(THEMES), 0..sizes.themes),
        (0usize..3, 0usize..3),
    )
        .prop_map(move |(title, summary, tags, region, materials, themes, (kind, status))| {
            let kind = [Kind::GoodPractice, Kind::SiteVisit, Kind::Event][kind];
            let mut s = Spec::new(&format!("entry-{i}"), kind, &title)
                .summary(&summary)
                .materials(&materials)
                .themes(&themes)
                .tags(&tags.split(' ').filter(|t| !t.is_empty()).collect::<Vec<_>>())
                .status(ReviewStatus::ALL[status]);
            if let Some(r) = region {
                s = s.region(r);
            }
            s
        })
}

/// Fewer than `max` random entries.
pub fn entries(max: usize, words: &'static [&'static str], sizes: Sizes) -> impl Strategy<Value = Vec<Spec>> {
    (0usize..max).prop_flat_map(move |n| (0..n).map(|i| entry(i, words, sizes)).collect::<Vec<_>>())
}

/// Filters selecting, for each `(facet, value)` pick, that value of `indexed` (taken modulo
/// the facet's values; a facet without values is skipped): what a user might have checked.
pub fn filters(indexed: &Indexed, picks: Vec<(usize, usize)>) -> Filters {
    let mut filters = Filters::default();
    for (f, v) in picks {
        let facet = Facet::ALL[f];
        let values = indexed.engine().value_count(facet);
        if values > 0 {
            filters.select(facet, v % values);
        }
    }
    filters
}

/// Every start of `typed`, as its keys are typed one by one.
pub fn typed_starts(typed: &str) -> Vec<String> {
    typed.char_indices().map(|(i, c)| typed[..i + c.len_utf8()].to_string()).collect()
}

/// Every start of `typed` (as keys are typed), then every start again from the longest (as
/// they are erased).
pub fn typed_then_erased(typed: &str) -> Vec<String> {
    let mut starts = typed_starts(typed);
    let erased: Vec<String> = starts.iter().rev().skip(1).cloned().collect();
    starts.extend(erased);
    starts
}
