//! `boucle check` for curators and their CI: consequences under their cause, errors first,
//! a line per kind of problem, `--errors-only`, `--deny-warnings`, GitHub annotations, and the
//! seven-mistakes scenario of the curators' trial (issue #8).

use crate::common::written;

use std::process::{Command, Output};
use written::{Fixture, ORGANISATION, PRACTICE, problems};

fn check(folder: &std::path::Path, extra: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_boucle"))
        .arg("check")
        .args(extra)
        .arg(folder)
        .env_remove("BOUCLE_CATALOGUE")
        .env("NO_COLOR", "1")
        .env("LANG", "C")
        .env_remove("LC_ALL")
        .output()
        .expect("run boucle")
}

fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

/// A practice that names `team2` from two fields.
fn practice_using(org: &str) -> String {
    PRACTICE
        .replace("\"team2\"", &format!("\"{org}\""))
        .replace("    materials:", &format!("    organisations: [\"{org}\"],\n    materials:"))
}

#[test]
fn references_to_an_entry_that_did_not_load_are_one_line_under_its_error() {
    let fixture = Fixture::new();
    fixture.file("organisations/broken.ron", "Organisation(\n  title: \"x\"\n  summary: \"y\",\n)");
    for name in ["a", "b", "c", "d"] {
        fixture.file(&format!("good-practices/{name}.ron"), &practice_using("broken"));
    }
    let loaded = fixture.load();
    let found = problems(&fixture, &loaded);
    // The missing comma, then what reading on found: two required fields missing.
    assert_eq!(found.len(), 3, "{found:#?}");
    assert!(found[0].ends_with("(and 8 references to it)"), "{}", found[0]);
    assert!(found[1..].iter().all(|p| p.contains("missing required field")), "{found:#?}");
    assert_eq!((loaded.errors(), loaded.warnings()), (3, 0));
    let text = stdout(&check(fixture.path(), &[]));
    assert!(text.contains("and 8 references to it: "), "{text}");
    assert!(text.contains("good-practices/a.ron:5:23: refers to \"broken\""), "{text}");
    assert!(text.trim_end().ends_with("— 3 errors"), "{text}");
}

#[test]
fn errors_come_first_and_each_kind_of_problem_is_counted() {
    let fixture = Fixture::new();
    // A warning in a file sorted first, an error in one sorted last.
    let no_sources: String = PRACTICE.lines().filter(|l| !l.contains("sources:")).map(|l| format!("{l}\n")).collect();
    fixture.file("good-practices/a-no-sources.ron", &no_sources);
    fixture.file("good-practices/z-bad.ron", &PRACTICE.replace("[\"lead\"]", "[\"leed\", \"zinc\"]"));
    let found = problems(&fixture, &fixture.load());
    assert!(found[0].starts_with("good-practices/z-bad.ron"), "{found:#?}");
    assert!(found[2].starts_with("good-practices/a-no-sources.ron"), "{found:#?}");
    let output = check(fixture.path(), &[]);
    let text = stdout(&output);
    assert!(text.contains("    2 error[unknown-vocabulary-id]\n    1 warning[no-source]\n"), "{text}");
    assert_eq!(output.status.code(), Some(1));

    let only = stdout(&check(fixture.path(), &["--errors-only"]));
    assert!(!only.contains("warning[no-source]"), "{only}");
    assert!(only.trim_end().ends_with("2 errors, 1 warning"), "the summary still counts both: {only}");
}

#[test]
fn deny_warnings_fails_on_warnings_alone() {
    let fixture = Fixture::new();
    let no_sources: String = PRACTICE.lines().filter(|l| !l.contains("sources:")).map(|l| format!("{l}\n")).collect();
    fixture.file("good-practices/x.ron", &no_sources);
    assert_eq!(check(fixture.path(), &[]).status.code(), Some(0));
    assert_eq!(check(fixture.path(), &["--deny-warnings"]).status.code(), Some(1));
}

#[test]
fn github_format_gives_one_annotation_per_problem() {
    let fixture = Fixture::new();
    fixture.file("good-practices/x.ron", &PRACTICE.replace("[\"lead\"]", "[\"neodymum\"]"));
    let output = check(fixture.path(), &["--format", "github"]);
    let text = stdout(&output);
    let file = fixture.shown("good-practices/x.ron");
    let first = text.lines().next().unwrap();
    assert_eq!(
        first,
        format!(
            "::error file={file},line=6,col=17,endLine=6,endColumn=27,title=unknown-vocabulary-id::unknown material \
             \"neodymum\"%0Aexpected an id from {}/vocabularies/materials.ron%0Ahelp: did you mean \"neodymium\"?",
            fixture.path().display()
        )
    );
    assert_eq!(output.status.code(), Some(1));
}

/// The trial's seven mistakes in one catalogue: seven errors at their lines, no cascade, and
/// every entry loads but the one whose syntax is broken (and the copy in the wrong folder).
#[test]
fn the_seven_mistakes_scenario() {
    let fixture = Fixture::new();
    // 1. an address typed htps:// in the organisation every practice names
    fixture.file("organisations/team2.ron", &ORGANISATION.replace("https://www.team2.fr", "htps://www.team2.fr"));
    for name in ["p1", "p2", "p3"] {
        fixture.file(&format!("good-practices/{name}.ron"), &practice_using("team2"));
    }
    // 2. an impossible date
    fixture.file("good-practices/date.ron", &PRACTICE.replace("(start: \"2024\"", "(start: \"2025-13-01\""));
    // 3. a missing summary
    let no_summary: String = PRACTICE.lines().filter(|l| !l.contains("summary:")).map(|l| format!("{l}\n")).collect();
    fixture.file("good-practices/no-summary.ron", &no_summary);
    // 4. and 5. a misspelt field and a misspelt status in one file
    fixture.file(
        "good-practices/two.ron",
        &PRACTICE.replace("    summary:", "    sumary:").replace("(status: reviewed", "(status: tocomplete"),
    );
    // 6. an unclosed string on a title
    fixture.file(
        "good-practices/unclosed.ron",
        &PRACTICE.replace("en: \"Battery regeneration\")", "en: \"Battery regeneration)"),
    );
    // 7. a site visit saved under events/ as well as under site-visits/
    let visit = "SiteVisit(title: \"Visit\", summary: \"A visit\", start: \"2025-07-29\", \
                 sources: [(title: \"T\", url: \"https://www.team2.fr\")], review: (status: draft, checked: \"2026-11-28\"))";
    fixture.file("site-visits/visit.ron", visit);
    fixture.file("events/visit.ron", visit);
    fixture.file(
        "good-practices/p1.ron",
        &practice_using("team2").replace("    materials:", "    related: [\"visit\"],\n    materials:"),
    );

    let loaded = fixture.load();
    let found = problems(&fixture, &loaded);
    let expected_places = [
        "events/visit.ron:1:1:",
        "good-practices/date.ron:9:24:",
        "good-practices/no-summary.ron:11:1:",
        "good-practices/two.ron:3:5:",
        "good-practices/two.ron:11:22:",
        "good-practices/unclosed.ron:2:50:",
        "organisations/team2.ron:5:37:",
    ];
    assert_eq!(found.len(), 7, "{found:#?}");
    for (problem, place) in found.iter().zip(expected_places) {
        assert!(problem.starts_with(place), "{problem} at {place}");
    }
    assert_eq!((loaded.errors(), loaded.warnings()), (7, 0), "no cascade: {found:#?}");
    for id in ["team2", "p1", "p2", "p3", "date", "no-summary", "two", "visit"] {
        assert!(loaded.catalogue.get(id).is_some(), "{id} loads");
    }
    assert!(loaded.catalogue.get("unclosed").is_none());
}

#[test]
fn review_age_warns_about_entries_checked_too_long_ago() {
    let fixture = Fixture::new();
    fixture.file("good-practices/old.ron", &PRACTICE.replace("checked: \"2026-11-28\"", "checked: \"2019-03-01\""));
    let plain = check(fixture.path(), &[]);
    assert_eq!(plain.status.code(), Some(0), "off unless asked: {}", stdout(&plain));
    let output = check(fixture.path(), &["--review-age", "365"]);
    let text = stdout(&output);
    assert!(text.contains("warning[review-age]: last checked on 2019-03-01, more than 365 days ago"), "{text}");
    assert!(text.contains("old.ron:11:32"), "at its `checked:`: {text}");
    assert_eq!(output.status.code(), Some(0), "a warning: {text}");
    assert_eq!(check(fixture.path(), &["--review-age", "365", "--deny-warnings"]).status.code(), Some(1));
}

#[test]
fn text_cleaned_at_load_is_a_warning_at_its_place() {
    let fixture = Fixture::new();
    fixture.file("good-practices/x.ron", &PRACTICE.replace("Battery regeneration", "Battery\u{202e} regeneration"));
    let found = problems(&fixture, &fixture.load());
    assert_eq!(found.len(), 1, "{found:#?}");
    assert!(found[0].starts_with("good-practices/x.ron:2:58: this file holds U+202E"), "{found:#?}");
}

/// A hidden `.ron` file in a catalogue folder is named as not loaded, never skipped without
/// a word; a file named as Windows names a device is an error (the repository could not be
/// checked out there).
#[test]
fn hidden_and_reserved_file_names_are_reported() {
    let fixture = Fixture::new();
    fixture.file("good-practices/.draft.ron", PRACTICE);
    fixture.file("good-practices/con.ron", PRACTICE);
    fixture.file("good-practices/Lpt1.ron", PRACTICE);
    // What tools leave beside a file is not the curator's: no word about it.
    fixture.file("good-practices/._battery.ron", "\u{0}\u{5}binary");
    let output = check(fixture.path(), &[]);
    let text = stdout(&output);
    assert_eq!(output.status.code(), Some(1), "{text}");
    assert!(text.contains("warning[hidden-file]") && text.contains("`.draft.ron` starts with a dot"), "{text}");
    assert!(
        text.contains("error[reserved-file-name]") && text.contains("`con.ron` is a name Windows reserves"),
        "{text}"
    );
    assert!(text.contains("`Lpt1.ron`"), "{text}");
    assert!(!text.contains("._battery"), "{text}");
    let french = check(fixture.path(), &["--lang", "fr"]);
    assert!(stdout(&french).contains("commence par un point"), "{}", stdout(&french));
}

/// An address with a quote, angle brackets, a space or another scheme than http/https is a
/// problem at its place: it would end a link or run script in a handout or `show`.
#[test]
fn addresses_that_would_break_out_of_a_link_are_reported_where_they_are() {
    let fixture = Fixture::new();
    let url = r#"https://www.lemoniteur.fr/article"#;
    for (name, bad) in [
        ("quote", r#"https://x.org/\"><script>alert(4)</script>"#),
        ("angle", "https://x.org/<b>"),
        ("scheme", "javascript:alert(1)"),
        ("ftp", "ftp://x.org/file"),
        ("tick", "https://x.org/`id`"),
    ] {
        fixture.file(&format!("good-practices/{name}.ron"), &PRACTICE.replace(url, bad));
    }
    let text = stdout(&check(fixture.path(), &[]));
    for (name, at, what) in [
        ("quote", "good-practices/quote.ron:10:58", "it contains a double quote (\")"),
        ("angle", "good-practices/angle.ron:10:58", "it contains an angle bracket (<)"),
        ("scheme", "good-practices/scheme.ron:10:43", "expected an address starting with https://"),
        ("ftp", "good-practices/ftp.ron:10:43", "expected an address starting with https://"),
        ("tick", "good-practices/tick.ron:10:58", "it contains a backtick (`)"),
    ] {
        assert!(text.contains(at), "{name} at {at}:\n{text}");
        assert!(text.contains(what), "{name}: {what}:\n{text}");
    }
    assert!(text.trim_end().ends_with("— 5 errors"), "one error each, nothing else:\n{text}");
    let french = stdout(&check(fixture.path(), &["--lang", "fr"]));
    assert!(french.contains("adresse mal formée") && french.contains("codez-le en %22"), "{french}");
}

/// An end before its start is an error where the `end` is written, for a practice's
/// timescale, an event and a tour; dates compared as precisely as both are written, so a
/// year that ends in a month of that year is fine.
#[test]
fn an_end_before_its_start_is_reported_where_the_end_is_written() {
    let fixture = Fixture::new();
    fixture.file(
        "good-practices/backwards.ron",
        &PRACTICE
            .replace(r#"timescale: (start: "2024", status: ongoing)"#, r#"timescale: (start: "2020", end: "2012")"#),
    );
    fixture.file(
        "good-practices/within-the-year.ron",
        &PRACTICE
            .replace(r#"timescale: (start: "2024", status: ongoing)"#, r#"timescale: (start: "2024", end: "2024-03")"#),
    );
    fixture.file(
        "events/day.ron",
        "Event(\n    title: \"Day\",\n    summary: \"A day\",\n    start: \"2025-11-07\",\n    end: \"2024-01-01\",\n    sources: [(title: \"TEAM2\", url: \"https://www.team2.fr\")],\n    review: (status: reviewed, checked: \"2026-11-28\"),\n)\n",
    );
    let loaded = fixture.load();
    let found = problems(&fixture, &loaded);
    assert_eq!(found.len(), 2, "{found:#?}");
    assert!(
        found.iter().any(
            |p| p.contains("good-practices/backwards.ron:9:37:") && p.contains("`end` 2012 is before `start` 2020")
        ),
        "{found:#?}"
    );
    assert!(
        found
            .iter()
            .any(|p| p.contains("events/day.ron:5:10:") && p.contains("`end` 2024-01-01 is before `start` 2025-11-07")),
        "{found:#?}"
    );
}

/// A stop's clock time that no clock shows (`"25:99"`, `"9:75"`) is an error where it is
/// written, in English and French; a time in words per language and a right time are not.
#[test]
fn an_impossible_stop_time_is_reported_where_it_is_written() {
    let fixture = Fixture::new();
    fixture.file("good-practices/p.ron", PRACTICE);
    fixture.file(
        "tours/day.ron",
        "Tour(\n    title: \"Day\",\n    summary: \"A day\",\n    stops: [\n        (entry: \"p\", time: \"25:99\"),\n        (entry: \"p\", time: (fr: \"matin\", en: \"morning\")),\n        (entry: \"p\", time: \"09:30\"),\n        (entry: \"p\", time: \"14 h\"),\n        (entry: \"p\", time: \"9:75\"),\n    ],\n    sources: [(title: \"TEAM2\", url: \"https://www.team2.fr\")],\n    review: (status: reviewed, checked: \"2026-11-28\"),\n)\n",
    );
    let output = check(fixture.path(), &[]);
    let text = stdout(&output);
    assert_eq!(output.status.code(), Some(1), "{text}");
    assert!(text.contains("error[impossible-time]: `time` \"25:99\" is not a time of day"), "{text}");
    assert!(text.contains("tours/day.ron:5:28") && text.contains("tours/day.ron:9:28"), "{text}");
    for line in 6..=8 {
        assert!(!text.contains(&format!("tours/day.ron:{line}:")), "line {line} is right:\n{text}");
    }
    assert!(text.trim_end().ends_with("— 2 errors"), "{text}");
    let french = stdout(&check(fixture.path(), &["--lang", "fr"]));
    assert!(french.contains("`time` « 25:99 » n’est pas une heure"), "{french}");
}

/// A value listed twice in one list (by hand, or where `check --fix` turned a misspelling
/// into the spelling already beside it) is said at the repeat.
#[test]
fn a_value_listed_twice_in_a_list_is_said_at_the_repeat() {
    let fixture = Fixture::new();
    fixture.file(
        "good-practices/twice.ron",
        &PRACTICE.replace(r#"materials: ["lead"],"#, r#"materials: ["lead", "lead"],"#).replace(
            r#"stages: ["recycling-recovery"],"#,
            r#"stages: ["recycling-recovery"], tags: ["batteries", "plomb", "batteries"],"#,
        ),
    );
    let loaded = fixture.load();
    let found = problems(&fixture, &loaded);
    assert_eq!(found.len(), 2, "{found:#?}");
    assert!(
        found.iter().any(|p| p.contains("twice.ron:6:25:") && p.contains("\"lead\" is listed twice in `materials`")),
        "{found:#?}"
    );
    assert!(found.iter().any(|p| p.contains("\"batteries\" is listed twice in `tags`")), "{found:#?}");
}
