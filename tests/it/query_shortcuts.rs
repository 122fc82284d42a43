//! Property: the shortcuts that make a search fast on a large catalogue (dense scores of words
//! of up to four letters, a common word's entries collected by one scan, ranking only the
//! results having every word when they are enough, one word ranked from its list of entries
//! without the per-entry arrays, several from the intersection of their lists, the word being
//! typed read only at the others' entries) give exactly what the plain paths give
//! (postings read word by word, every result ranked): the same hits in the same order, with
//! the same scores and highlights, the same totals and every facet count, while typing,
//! with and without facet selections, on one part and split into several.

use crate::common;

use boucle::query::bench_support::{with_search_parts, with_whole_reads, without_shortcuts};
use boucle::query::{Facet, Filters, Indexed, Query};
use boucle::text::Lang;
use common::{Spec, catalogue, random};
use proptest::prelude::*;
use proptest::test_runner::TestCaseError;
use std::sync::LazyLock;

/// Few words, repeated: their starts of one to four letters are held by most entries (so they
/// get dense scores), and common words by enough entries for the scan; prefixes of one another
/// and near misses change the qualities from one keystroke to the next.
const WORDS: &[&str] = &[
    "recyclage",
    "recycling",
    "recyk",
    "economie",
    "circulaire",
    "terres",
    "terre",
    "rares",
    "aimants",
    "aimant",
    "béton",
    "Béthune",
    "batterie",
    "a",
    "re",
    "rec",
];

/// Typed letter by letter: every start of them is searched.
const TYPED: &[&str] = &[
    "recyclage aimants",
    "economie circulaire",
    "terres rares",
    "rec ter",
    "béthune",
    "a re",
    "recycling -rec",
    "kind:practice terre",
    // Every word's entries, then none left after the filters: the entries with the most words.
    "terres rares -aimant",
    "recyclage xylophone",
    "recyc terre kind:event",
];

/// Common words many times over and rarer ones once, so that a rare word's entries are few
/// beside a common word's postings: a word is then read by searching its postings for the
/// entries left, not by walking them.
static SKEWED: LazyLock<Vec<&'static str>> = LazyLock::new(|| {
    let common =
        [("recyclage", 16), ("aimants", 14), ("terres", 12), ("economie", 12), ("circulaire", 10), ("rares", 8)];
    let rare = ["béthune", "batterie", "friche", "recyk", "aimant", "terre"];
    common.iter().flat_map(|&(word, times)| std::iter::repeat_n(word, times)).chain(rare).collect()
});

/// Up to 300 entries of [`SKEWED`] words.
fn skewed_catalogue() -> impl Strategy<Value = Vec<Spec>> {
    random::entries(300, &SKEWED, random::Sizes { title: 4, summary: 8, themes: 2 })
}

/// Several words, the first rare or common, typed letter by letter: the word being typed is
/// read only at the entries having the others, by a bit test or by a search of its postings
/// (when they are many more than those entries).
const SEVERAL: &[&str] = &[
    "béthune recyclage aimants",
    "economie circulaire",
    "friche terres rares",
    "rec economie batterie",
    "terres xylophone",
    "aimants mat:nd recyclage",
    "circulaire -terre economie",
];

/// Up to 300 entries: up to 4 parts of 64-entry words.
fn catalogue_strategy() -> impl Strategy<Value = Vec<Spec>> {
    random::entries(300, WORDS, random::Sizes { title: 4, summary: 8, themes: 2 })
}

/// Types each of `typed` key by key, then erases it, as one session per way of searching on
/// this thread (each search follows its own previous one, whose words it may keep): with every
/// shortcut on `parts` parts, reading every word whole, and on the plain paths. All three must
/// give the same results at every key.
fn ways_agree(
    indexed: &Indexed,
    filters: &Filters,
    typed: &[&str],
    parts: usize,
    limit: usize,
) -> Result<(), TestCaseError> {
    for typed in typed {
        let keys = random::typed_then_erased(typed);
        for filters in [Filters::default(), filters.clone()] {
            let search = |key: &String| indexed.search(&Query::parse(key), &filters, Lang::Fr, limit);
            let fast: Vec<_> = keys.iter().map(|key| with_search_parts(parts, || search(key))).collect();
            let whole: Vec<_> = keys.iter().map(|key| with_whole_reads(|| search(key))).collect();
            let plain: Vec<_> = keys.iter().map(|key| without_shortcuts(|| search(key))).collect();
            for (k, key) in keys.iter().enumerate() {
                prop_assert_eq!(&fast[k], &whole[k], "query {:?}, {} parts, limit {}", key, parts, limit);
                prop_assert_eq!(&fast[k], &plain[k], "query {:?}, {} parts, limit {}", key, parts, limit);
            }
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 12, ..ProptestConfig::default() })]

    #[test]
    fn shortcuts_give_what_the_plain_paths_give(
        specs in catalogue_strategy(),
        picks in prop::collection::vec((0usize..Facet::COUNT, 0usize..8), 0..3),
        parts in 1usize..4,
        limit in prop::sample::select(vec![0usize, 1, 5, 50]),
    ) {
        let indexed = Indexed::new(catalogue(specs));
        let filters = random::filters(&indexed, picks);
        ways_agree(&indexed, &filters, TYPED, parts, limit)?;
    }

    /// A word read only at the entries having the query's other words gives what reading it
    /// whole and intersecting the lists gives, and what the plain paths give.
    #[test]
    fn a_word_read_at_the_others_entries_gives_what_the_whole_lists_give(
        specs in skewed_catalogue(),
        picks in prop::collection::vec((0usize..Facet::COUNT, 0usize..8), 0..3),
        parts in 1usize..4,
        limit in prop::sample::select(vec![0usize, 1, 5, 50]),
    ) {
        let indexed = Indexed::new(catalogue(specs));
        let filters = random::filters(&indexed, picks);
        ways_agree(&indexed, &filters, SEVERAL, parts, limit)?;
    }
}
