//! `boucle fmt` (issue #23 item 4): the canonical layout never changes a value, keeps every
//! comment where it was, and is stable; on the fixture catalogue, on random valid files of
//! every type (the fast path's generator: every way RON can write a value, comments in every
//! gap), and as a command (`--check` and its diff, files it cannot read left alone). The
//! bundled catalogue's files are checked in `tests/bundled_catalogue.rs`.

use boucle::curate::fmt::{FileType, cst, format};
use boucle::model::entry::{EventFile, GoodPracticeFile, OrganisationFile, SiteVisitFile, TourFile};
use boucle::model::vocabulary::{MaterialFileTerm, PlainFileTerm, RegionFileTerm};
use boucle::model::{Kind, VocabularyKind};
use proptest::prelude::*;
use serde::de::DeserializeOwned;
use std::process::{Command, Output};

/// The typed value of a file, as its `Debug` text (the types hold no `PartialEq`).
fn typed(file_type: FileType, text: &str) -> Option<String> {
    fn read<T: DeserializeOwned + std::fmt::Debug>(text: &str) -> Option<String> {
        boucle::load::ron_options().from_str::<T>(text).ok().map(|v| format!("{v:?}"))
    }
    match file_type {
        FileType::Entry(Kind::GoodPractice) => read::<GoodPracticeFile>(text),
        FileType::Entry(Kind::SiteVisit) => read::<SiteVisitFile>(text),
        FileType::Entry(Kind::Event) => read::<EventFile>(text),
        FileType::Entry(Kind::Tour) => read::<TourFile>(text),
        FileType::Entry(Kind::Organisation) => read::<OrganisationFile>(text),
        FileType::Terms(VocabularyKind::Region) => read::<Vec<RegionFileTerm>>(text),
        FileType::Terms(VocabularyKind::Material) => read::<Vec<MaterialFileTerm>>(text),
        FileType::Terms(_) => read::<Vec<PlainFileTerm>>(text),
    }
}

/// Formats `text` and checks every promise: same value (as written and as read), the same
/// comments, a second pass changes nothing. The formatted text.
pub fn formats_safely(file_type: FileType, text: &str) -> String {
    let formatted = format(text, Some(file_type)).unwrap_or_else(|e| panic!("{e:?} on:\n{text}"));
    let (before, after) = (cst::parse(text).unwrap(), cst::parse(&formatted).unwrap());
    assert_eq!(before.value.shape(), after.value.shape(), "a value changed:\n{text}\n---\n{formatted}");
    assert_eq!(typed(file_type, text), typed(file_type, &formatted), "a value reads differently:\n{formatted}");
    let (mut comments, mut kept) = (cst::comments(text), cst::comments(&formatted));
    assert_eq!(comments.len(), kept.len(), "comments counted:\n{text}\n---\n{formatted}");
    comments.sort();
    kept.sort();
    assert_eq!(comments, kept);
    assert_eq!(format(&formatted, Some(file_type)).as_deref(), Ok(formatted.as_str()), "not stable:\n{formatted}");
    formatted
}

fn file_type_of_byte(kind: u8) -> FileType {
    match kind % 8 {
        0 => FileType::Entry(Kind::GoodPractice),
        1 => FileType::Entry(Kind::SiteVisit),
        2 => FileType::Entry(Kind::Event),
        3 => FileType::Entry(Kind::Tour),
        4 => FileType::Entry(Kind::Organisation),
        5 => FileType::Terms(VocabularyKind::Region),
        6 => FileType::Terms(VocabularyKind::Material),
        _ => FileType::Terms(VocabularyKind::Stage),
    }
}

#[test]
fn every_fixture_file_is_formatted_without_changing_a_value() {
    let mut formatted = 0;
    for (kind, text) in crate::fast_ron::fixture_files() {
        // The fixture keeps one broken file on purpose: fmt leaves it alone.
        if cst::parse(text).is_err() {
            assert!(format(text, Some(file_type_of_byte(*kind))).is_err());
            continue;
        }
        formats_safely(file_type_of_byte(*kind), text);
        formatted += 1;
    }
    assert!(formatted >= 15, "{formatted}");
}

const COMMENTED: &str = "// The head of the file.\n\nGoodPractice(\n    review: (status: reviewed, checked: \"2026-11-28\"), // last checked\n\n    // The title, in both languages.\n    title: (fr: \"Régénération\", /* court */ en: \"Regeneration\"),\n    summary /* odd */ : \"Des batteries\",\n    materials: [\n        \"lead\", // the main one\n        // more later\n    ],\n    /* a dangling note */\n)\n// The tail.\n";

#[test]
fn every_comment_stays_with_its_field_and_fields_take_the_schema_order() {
    let formatted = formats_safely(FileType::Entry(Kind::GoodPractice), COMMENTED);
    assert_eq!(cst::comments(&formatted).len(), 9, "{formatted}");
    let expected = "// The head of the file.

GoodPractice(
    // The title, in both languages.
    title: (
        fr: \"Régénération\", /* court */
        en: \"Regeneration\",
    ),
    /* odd */
    summary: \"Des batteries\",
    materials: [
        \"lead\", // the main one
        // more later
    ],
    review: (status: reviewed, checked: \"2026-11-28\"), // last checked
    /* a dangling note */
)
// The tail.
";
    assert_eq!(formatted, expected);
}

#[test]
fn long_lists_take_one_item_per_line_and_short_ones_one_line() {
    let long: Vec<String> = (0..12).map(|i| format!("\"related-entry-number-{i}\"")).collect();
    let text = format!(
        "GoodPractice(title: \"t\", summary: \"s\", tags: [\"a\", \"b\"], related: [{}], review: (status: draft, checked: \"2026-01-01\"))",
        long.join(", ")
    );
    let formatted = formats_safely(FileType::Entry(Kind::GoodPractice), &text);
    assert!(formatted.contains("    tags: [\"a\", \"b\"],\n"), "{formatted}");
    assert!(formatted.contains("    related: [\n        \"related-entry-number-0\",\n"), "{formatted}");
    assert!(formatted.lines().all(|l| l.chars().count() <= 120), "{formatted}");
}

fn cases() -> u32 {
    std::env::var("PROPTEST_CASES").ok().and_then(|n| n.parse().ok()).unwrap_or(256)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: cases(), ..ProptestConfig::default() })]

    #[test]
    fn any_valid_file_is_formatted_without_changing_a_value(seed in any::<u64>()) {
        let (kind, text) = crate::fast_ron::generated_file(seed);
        formats_safely(file_type_of_byte(kind), &text);
    }
}

fn fmt(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_boucle"))
        .arg("fmt")
        .args(args)
        .env_remove("BOUCLE_CATALOGUE")
        .env("NO_COLOR", "1")
        .env("LANG", "C")
        .env_remove("LC_ALL")
        .output()
        .expect("run boucle")
}

#[test]
fn check_mode_prints_a_diff_and_fails_then_fmt_writes_and_it_passes() {
    let fixture = crate::common::written::Fixture::new();
    let unformatted =
        crate::common::written::PRACTICE.replace("    materials: [\"lead\"],", "  materials:[\"lead\"] ,");
    fixture.file("good-practices/x.ron", &unformatted);
    fixture.file("good-practices/broken.ron", "GoodPractice(\n    title: \"x,\n)\n");
    let folder = fixture.path().to_str().unwrap();
    let checked = fmt(&["--check", folder]);
    let text = String::from_utf8_lossy(&checked.stdout);
    assert_eq!(checked.status.code(), Some(1), "{text}");
    assert!(text.contains("-  materials:[\"lead\"] ,"), "{text}");
    assert!(text.contains("+    materials: [\"lead\"],"), "{text}");
    assert_eq!(std::fs::read_to_string(fixture.path().join("good-practices/x.ron")).unwrap(), unformatted);

    let written = fmt(&[folder]);
    let errors = String::from_utf8_lossy(&written.stderr);
    assert!(errors.contains("broken.ron: left as it is"), "{errors}");
    assert_eq!(written.status.code(), Some(1), "a file left as it is fails the run");
    assert_eq!(
        std::fs::read_to_string(fixture.path().join("good-practices/broken.ron")).unwrap(),
        "GoodPractice(\n    title: \"x,\n)\n"
    );
    std::fs::remove_file(fixture.path().join("good-practices/broken.ron")).unwrap();
    let again = fmt(&["--check", folder]);
    assert_eq!(again.status.code(), Some(0), "{}", String::from_utf8_lossy(&again.stdout));
    let loaded = fixture.load();
    assert!(loaded.diagnostics.is_empty(), "{:?}", loaded.diagnostics);
}
