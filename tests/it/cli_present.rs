//! `boucle present` as a process: a tour the catalogue lacks is a usage error that names the
//! tours it has, before any terminal is touched. And the curator's side of tour days: a stop's
//! day outside its tour's dates is reported where it is written.

use std::process::Command;

const FIXTURE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/catalogue");

#[test]
fn an_unknown_tour_is_refused_with_the_tours_there_are() {
    let output = Command::new(env!("CARGO_BIN_EXE_boucle"))
        .args(["present", "no-such-tour", "--catalogue", FIXTURE])
        .env_remove("BOUCLE_CATALOGUE")
        .output()
        .expect("boucle runs");
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("no tour \"no-such-tour\"") && stderr.contains("peer-review-lille-2025"), "{stderr}");
}

#[test]
fn an_entry_that_is_not_a_tour_is_refused_too() {
    let output = Command::new(env!("CARGO_BIN_EXE_boucle"))
        .args(["present", "bringback", "--catalogue", FIXTURE])
        .env_remove("BOUCLE_CATALOGUE")
        .output()
        .expect("boucle runs");
    assert_eq!(output.status.code(), Some(2));
}

use crate::common::written;

/// A tour with no stop (or none that loads) has nothing to show: said at once, as an unknown
/// tour is, not as a dashboard that talks about the search.
#[test]
fn a_tour_with_no_stop_that_loads_is_refused() {
    let fixture = written::Fixture::new();
    fixture.file("good-practices/battery-regeneration.ron", written::PRACTICE);
    let empty =
        TOUR.replace(&TOUR[TOUR.find("    stops: [").unwrap()..TOUR.find("    ],\n").unwrap() + 7], "    stops: [],\n");
    fixture.file("tours/empty-tour.ron", &empty);
    fixture.file("tours/gone.ron", &TOUR.replace("\"battery-regeneration\"", "\"no-such-entry\""));
    for tour in ["empty", "gone"] {
        let output = Command::new(env!("CARGO_BIN_EXE_boucle"))
            .args(["present", tour, "--catalogue", &fixture.path().to_string_lossy()])
            .env_remove("BOUCLE_CATALOGUE")
            .env("LANG", "C")
            .env_remove("LC_ALL")
            .output()
            .expect("boucle runs");
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert_eq!(output.status.code(), Some(2), "{tour}: {stderr}");
        assert!(stderr.contains("has no stop to present"), "{tour}: {stderr}");
    }
}

/// A tour whose second stop is on a day after the tour ends.
const TOUR: &str = r#"Tour(
    title: "Visite",
    summary: "Une journée",
    sources: [(title: "TEAM2", url: "https://www.team2.fr")],
    review: (status: reviewed, checked: "2026-11-28"),
    start: "2025-07-29",
    end: "2025-07-30",
    stops: [
        (entry: "battery-regeneration", day: "2025-07-29", time: "09:30"),
        (entry: "battery-regeneration", day: "2025-07-29", time: (fr: "après-midi", en: "afternoon")),
        (entry: "battery-regeneration", day: "2025-08-02"),
    ],
)
"#;

#[test]
fn boucle_check_reports_a_stop_day_outside_the_tour_at_its_place() {
    let fixture = written::Fixture::new();
    fixture.file("good-practices/battery-regeneration.ron", written::PRACTICE);
    fixture.file("tours/visit.ron", TOUR);
    let loaded = fixture.load();
    let found = written::problems(&fixture, &loaded);
    assert_eq!(found.len(), 1, "{found:#?}");
    assert!(
        found[0].contains("tours/visit.ron:11:46:") && found[0].contains("stop day 2025-08-02 is outside"),
        "{}",
        found[0]
    );
}

/// A tour whose start is no date (`2025-02-30`) said of a stop after its end that it was
/// "outside the tour's dates ()" (hostile trial): the end it is after is named.
#[test]
fn a_stop_day_after_the_end_of_a_tour_without_a_start_names_the_end() {
    let fixture = written::Fixture::new();
    fixture.file("good-practices/battery-regeneration.ron", written::PRACTICE);
    fixture.file("tours/visit.ron", &TOUR.replace("start: \"2025-07-29\"", "start: \"2025-02-30\""));
    let loaded = fixture.load();
    let found = written::problems(&fixture, &loaded);
    assert!(found.iter().any(|p| p.contains("stop day 2025-08-02 is after the tour's end (2025-07-30)")), "{found:#?}");
    assert!(!found.iter().any(|p| p.contains("()")), "{found:#?}");
}

/// A stop time no clock shows (`25:99`) and a day outside the tour are reported by `check`,
/// and never shown to the room as if true (hostile trial: the footer read
/// `2025-07-31 · 25:99 · 2/9`): they are dropped, as a malformed date is.
#[test]
fn an_impossible_time_and_a_day_outside_the_tour_are_reported_and_not_presented() {
    use crate::common::ui::{app_on, press, screen};
    use boucle::ui::app::PresentStart;
    use boucle::ui::{Action, Options};
    let fixture = written::Fixture::new();
    fixture.file("good-practices/battery-regeneration.ron", written::PRACTICE);
    let tour = TOUR.replace("time: \"09:30\"", "time: \"25:99\"");
    fixture.file("tours/visit.ron", &tour);
    let loaded = fixture.load();
    let found = written::problems(&fixture, &loaded);
    assert!(found.iter().any(|p| p.contains("tours/visit.ron:9:66:") && p.contains("25:99")), "{found:#?}");
    assert!(found.iter().any(|p| p.contains("stop day 2025-08-02 is outside")), "{found:#?}");
    let options = Options { present: Some(PresentStart::Tour("visit".into())), chrome: false, ..Options::default() };
    let mut app = app_on(loaded.catalogue, loaded.diagnostics, options);
    let footer = |app: &boucle::ui::App| screen(app).lines().last().unwrap_or_default().to_string();
    let first = footer(&app);
    assert!(first.contains("2025-07-29 · 1/3") && !first.contains("25:99"), "{first}");
    press(&mut app, Action::NextSlide);
    press(&mut app, Action::NextSlide);
    let third = footer(&app);
    assert!(third.contains("3/3") && !third.contains("2025-08-02"), "{third}");
}

/// `present --query` that selects nothing has nothing to show: said at once with the usage exit
/// code, as a tour with no stop is, not a dashboard waiting for `p`.
#[test]
fn a_query_that_selects_nothing_is_refused() {
    let run = |args: &[&str], lang: &str| {
        let output = Command::new(env!("CARGO_BIN_EXE_boucle"))
            .args(["present", "--catalogue", FIXTURE, "--lang", lang])
            .args(args)
            .env_remove("BOUCLE_CATALOGUE")
            .output()
            .expect("boucle runs");
        (output.status.code(), String::from_utf8_lossy(&output.stderr).into_owned())
    };
    let (code, stderr) = run(&["--query", "zzzz"], "en");
    assert_eq!(code, Some(2), "{stderr}");
    assert!(stderr.contains("no entry matches \"zzzz\" and the filters given: nothing to present"), "{stderr}");
    let (code, stderr) = run(&["--query", "zzzz"], "fr");
    assert_eq!(code, Some(2), "{stderr}");
    assert!(stderr.contains("aucune fiche ne répond à « zzzz »"), "{stderr}");
}
