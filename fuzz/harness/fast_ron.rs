//! Fuzz target `fast_ron`: one catalogue file's text read by the fast path and by ron as one
//! of the catalogue's file types (chosen by the input's first byte). Whatever the fast path
//! accepts, ron must accept too and read as the same value; it may give up on anything (ron
//! then reads the file). Shared by the fuzz target, `tests/it/fuzz_regressions.rs` and the
//! property test `tests/it/fast_ron.rs`.

use std::fmt::Debug;

use boucle::load::fast_ron;
use boucle::model::entry::{EventFile, GoodPracticeFile, OrganisationFile, SiteVisitFile, TourFile};
use boucle::model::vocabulary::{MaterialFileTerm, PlainFileTerm, RegionFileTerm};
use serde::de::DeserializeOwned;

/// The file types, in the order of the first byte (modulo their number).
#[allow(dead_code)] // used by the property test, not the fuzz target
pub const TYPES: [&str; 8] = [
    "good-practices",
    "site-visits",
    "events",
    "tours",
    "organisations",
    "vocabularies/regions",
    "vocabularies/materials",
    "vocabularies/other",
];

#[allow(dead_code)] // used by the fuzz target and the regression replay, not the property test
pub fn run(data: &[u8]) {
    let Some((&kind, bytes)) = data.split_first() else { return };
    let Ok(text) = std::str::from_utf8(bytes) else { return };
    let _ = check(kind, text);
}

/// The fast path's reading of `text` as the type `kind` stands for, checked against ron's:
/// whether the fast path accepted it. Panics where the two disagree.
pub fn check(kind: u8, text: &str) -> bool {
    match usize::from(kind) % 8 {
        0 => agrees::<GoodPracticeFile>(text),
        1 => agrees::<SiteVisitFile>(text),
        2 => agrees::<EventFile>(text),
        3 => agrees::<TourFile>(text),
        4 => agrees::<OrganisationFile>(text),
        5 => agrees::<Vec<RegionFileTerm>>(text),
        6 => agrees::<Vec<MaterialFileTerm>>(text),
        _ => agrees::<Vec<PlainFileTerm>>(text),
    }
}

/// Whether ron reads `text` as the type `kind` stands for.
#[allow(dead_code)] // used by the property test, not the fuzz target
pub fn ron_reads(kind: u8, text: &str) -> bool {
    fn reads<T: DeserializeOwned>(text: &str) -> bool {
        fast_ron::with_ron::<T>(text).is_ok()
    }
    match usize::from(kind) % 8 {
        0 => reads::<GoodPracticeFile>(text),
        1 => reads::<SiteVisitFile>(text),
        2 => reads::<EventFile>(text),
        3 => reads::<TourFile>(text),
        4 => reads::<OrganisationFile>(text),
        5 => reads::<Vec<RegionFileTerm>>(text),
        6 => reads::<Vec<MaterialFileTerm>>(text),
        _ => reads::<Vec<PlainFileTerm>>(text),
    }
}

fn agrees<T: DeserializeOwned + Debug>(text: &str) -> bool {
    let Some(fast) = fast_ron::from_str::<T>(text) else { return false };
    match fast_ron::with_ron::<T>(text) {
        // The types hold no `PartialEq`; their `Debug` text shows every value (and tells
        // `-0.0` from `0.0`).
        Ok(reference) => assert_eq!(format!("{fast:?}"), format!("{reference:?}"), "the fast path misread {text:?}"),
        Err(error) => panic!("the fast path accepted what ron rejects ({error}): {text:?}"),
    }
    true
}
