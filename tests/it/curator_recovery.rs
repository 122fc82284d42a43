//! One missing quote or bracket never hides the rest of a file (issue #23, items 1–3): the
//! reader goes on at the next field, every other problem of the file is still reported, a
//! syntax error on a very long line keeps its place and quotes a window of it, and a problem
//! of a whole entry points at its code, never at a comment above it.

use crate::common::written::{Fixture, PRACTICE, problems};

use std::process::{Command, Output};

fn check(folder: &std::path::Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_boucle"))
        .args(["check", "--no-cache"])
        .arg(folder)
        .env_remove("BOUCLE_CATALOGUE")
        .env("NO_COLOR", "1")
        .env("LANG", "C")
        .env_remove("LC_ALL")
        .output()
        .expect("run boucle")
}

/// Seven different mistakes and one missing quote, in one file.
const EIGHT_MISTAKES: &str = r#"// A practice written in a hurry.
GoodPractice(
    title: (fr: "Régénération de batteries", en: "Battery regeneration"),
    summary: "Des batteries au plomb régénérées à Béthune,
    location: (region: "FRE12", place: "Béthune"),
    main_institution: "team3",
    materials: ["neodymum"],
    tags: "recyclage",
    descripton: "Une description",
    timescale: (start: "2025-13-01", status: ongoing),
    sources: [(title: "Le Moniteur", url: "htps://www.lemoniteur.fr/article")],
    review: (status: tocomplete, checked: "2026-11-28"),
)
"#;

#[test]
fn a_missing_quote_hides_none_of_the_seven_other_mistakes() {
    let fixture = Fixture::new();
    fixture.file("good-practices/hurried.ron", EIGHT_MISTAKES);
    let loaded = fixture.load();
    let found = problems(&fixture, &loaded);
    let codes: Vec<&str> = loaded.diagnostics.iter().map(|d| d.code).collect();
    assert_eq!(found.len(), 8, "{found:#?}");
    let mut sorted = codes.clone();
    sorted.sort();
    assert_eq!(
        sorted,
        [
            "broken-reference",
            "malformed-address",
            "malformed-date",
            "unclosed-string",
            "unknown-field",
            "unknown-value",
            "unknown-vocabulary-id",
            "wrong-type",
        ],
        "{found:#?}"
    );
    // The missing quote is reported where its string opened, and says that what follows may
    // come from it.
    let unclosed = found.iter().find(|p| p.contains("this string is never closed")).expect("the unclosed string");
    assert!(unclosed.starts_with("good-practices/hurried.ron:4:14:"), "{unclosed}");
    assert!(unclosed.contains("later problems of this file may follow from this one"), "{unclosed}");
    for (place, what) in [
        ("6:23", "team3"),
        ("7:17", "neodymum"),
        ("8:11", "`tags`"),
        ("9:5", "descripton"),
        ("10:24", "2025-13-01"),
        ("11:43", "htps://"),
        ("12:22", "tocomplete"),
    ] {
        let prefix = format!("good-practices/hurried.ron:{place}:");
        assert!(found.iter().any(|p| p.starts_with(&prefix) && p.contains(what)), "{what} at {place}: {found:#?}");
    }
    // A file with a syntax error never loads (live reload keeps its last good entry).
    assert!(loaded.catalogue.get("hurried").is_none());
    let output = check(fixture.path());
    let text = String::from_utf8_lossy(&output.stdout);
    assert!(text.trim_end().ends_with("8 errors"), "{text}");
}

#[test]
fn the_same_file_with_its_quote_back_has_the_seven_others() {
    let fixture = Fixture::new();
    fixture.file("good-practices/hurried.ron", &EIGHT_MISTAKES.replace("Béthune,\n", "Béthune\",\n"));
    let loaded = fixture.load();
    assert_eq!(loaded.diagnostics.len(), 7, "{:#?}", problems(&fixture, &loaded));
}

#[test]
fn an_unclosed_bracket_is_reported_where_it_opened_and_reading_goes_on() {
    let fixture = Fixture::new();
    let text = PRACTICE.replace("materials: [\"lead\"],", "materials: [\"lead\",").replace("[\"E5\"]", "[\"E9\"]");
    fixture.file("good-practices/x.ron", &text);
    let loaded = fixture.load();
    let found = problems(&fixture, &loaded);
    assert_eq!(found.len(), 2, "{found:#?}");
    assert!(found[0].starts_with("good-practices/x.ron:6:16: the `[` opened here is not closed"), "{found:#?}");
    assert!(found[1].starts_with("good-practices/x.ron:7:14: unknown ESG theme \"E9\""), "{found:#?}");
}

#[test]
fn a_syntax_error_on_a_very_long_line_keeps_its_place_and_quotes_a_window() {
    let fixture = Fixture::new();
    let long = format!(
        "GoodPractice(title: \"{}\", summary: \"s\", review: (status: reviewed, checked: \"2026-11-28\") oops)",
        "é".repeat(100_000)
    );
    fixture.file("good-practices/long.ron", &long);
    let output = check(fixture.path());
    let text = String::from_utf8_lossy(&output.stdout);
    let at = long[..long.find("oops").unwrap()].chars().count() + 1;
    let place = format!("good-practices/long.ron:1:{at}");
    assert!(text.contains(&place), "the place {place} in:\n{}", &text[..text.len().min(3000)]);
    assert!(text.contains("…"), "a window of the line, cut: {}", &text[..text.len().min(3000)]);
    assert!(text.contains("oops"), "the window shows the place: {}", &text[..text.len().min(3000)]);
    assert!(text.len() < 4000, "the line is not printed whole ({} bytes)", text.len());
    assert!(!text.contains("= in "), "{}", &text[..text.len().min(3000)]);
}

#[test]
fn a_warning_about_an_entry_points_at_its_code_not_at_a_comment() {
    let fixture = Fixture::new();
    let no_sources: String = PRACTICE.lines().filter(|l| !l.contains("sources:")).map(|l| format!("{l}\n")).collect();
    fixture.file("good-practices/x.ron", &format!("// Written on the train.\n// To be checked.\n\n{no_sources}"));
    let found = problems(&fixture, &fixture.load());
    assert_eq!(found.len(), 1, "{found:#?}");
    assert!(found[0].starts_with("good-practices/x.ron:4:1: no sources: readers cannot check"), "{found:#?}");
}
