//! `check` on an entry's coordinates (#22 item 3): a place outside its region's country is
//! reported where it is written, with the two numbers the other way round named when that is
//! the mistake; coordinates more precise than any source are reported too; good ones are not.
//! In both languages.

use crate::common::written::{Fixture, PRACTICE};

fn with_location(location: &str) -> Vec<boucle::diagnostic::Diagnostic> {
    let fixture = Fixture::new();
    let text = PRACTICE.replace(r#"    location: (region: "FRE12", place: "Béthune"),"#, location);
    assert_ne!(text, PRACTICE, "the location line was replaced");
    fixture.file("good-practices/battery-regeneration.ron", &text);
    fixture.load().diagnostics
}

#[test]
fn a_place_outside_the_regions_country_is_reported_where_it_is_written() {
    // Kozani, in Greece, for an entry in the Pas-de-Calais.
    let line = r#"    location: (region: "FRE12", place: "Béthune", coordinates: (40.3, 21.79)),"#;
    let found = with_location(line);
    let column = line[..line.find("coordinates").unwrap()].chars().count() + 1;
    let outside: Vec<_> = found.iter().filter(|d| d.code == "coordinates-outside-region").collect();
    assert_eq!(outside.len(), 1, "{found:#?}");
    let d = outside[0];
    assert_eq!((d.start.line, d.start.column), (4, column), "{}", d.one_line());
    assert!(
        d.message.contains("(40.3, 21.79) are outside \"France\"") && d.message.contains("\"FRE12\""),
        "{}",
        d.message
    );
    assert!(d.french.message.contains("sont hors de « France »"), "{}", d.french.message);
    assert!(d.suggestion.as_deref().unwrap_or_default().contains("check the place"), "{d:?}");
}

#[test]
fn swapped_latitude_and_longitude_are_named() {
    let found = with_location(r#"    location: (region: "FRE12", place: "Béthune", coordinates: (2.64, 50.53)),"#);
    let d = found.iter().find(|d| d.code == "coordinates-outside-region").expect("reported");
    assert!(d.suggestion.as_deref().unwrap_or_default().contains("did you mean (50.53, 2.64)?"), "{d:?}");
    assert!(d.french.suggestion.as_deref().unwrap_or_default().contains("vouliez-vous dire (50.53, 2.64)"), "{d:?}");
}

#[test]
fn more_than_five_decimals_is_more_than_a_source_supports() {
    let found = with_location(r#"    location: (region: "FRE12", place: "Béthune", coordinates: (50.530312, 2.64)),"#);
    let d = found.iter().find(|d| d.code == "coordinates-too-precise").expect("reported");
    assert!(d.message.contains("(50.530312, 2.64) have 6 decimals"), "{}", d.message);
    assert!(d.french.message.contains("ont 6 décimales"), "{}", d.french.message);
    assert_eq!(d.severity, boucle::diagnostic::Severity::Warning);
}

#[test]
fn a_commune_or_a_site_inside_the_country_is_fine() {
    for coordinates in ["(50.53, 2.64)", "(50.5303, 2.6408)", "(50.53031, 2.64081)"] {
        let found = with_location(&format!(
            r#"    location: (region: "FRE12", place: "Béthune", coordinates: {coordinates}),"#
        ));
        let coordinate_problems: Vec<String> =
            found.iter().filter(|d| d.code.starts_with("coordinates")).map(|d| d.one_line()).collect();
        assert!(coordinate_problems.is_empty(), "{coordinates}: {coordinate_problems:?}");
    }
}
