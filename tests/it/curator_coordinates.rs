//! `check` on an entry's coordinates (#22 item 3): a place outside its region's country, or
//! inside the country but outside the box of the region's NUTS 2024 outline, is reported where
//! it is written, with the two numbers the other way round named when that is the mistake, and
//! else the regions the point may belong to or where the region lies; coordinates more precise
//! than any source are reported too; good ones are not. In both languages.

use crate::common::written::{Fixture, PRACTICE};
use boucle::text::Lang::{En, Fr};

fn with_location(location: &str) -> Vec<boucle::diagnostic::Diagnostic> {
    with_regions(None, location)
}

/// The practice with its location line replaced, on the fixture's regions or on `regions`.
fn with_regions(regions: Option<&str>, location: &str) -> Vec<boucle::diagnostic::Diagnostic> {
    let fixture = Fixture::new();
    if let Some(regions) = regions {
        fixture.file("vocabularies/regions.ron", regions);
    }
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
    assert_eq!((d.start.line, d.start.column), (4, column), "{}", d.one_line(En));
    let message = d.message.get(En);
    assert!(message.contains("(40.3, 21.79) are outside \"France\"") && message.contains("\"FRE12\""), "{message}");
    assert!(d.message.get(Fr).contains("sont hors de « France »"), "{}", d.message.get(Fr));
    assert!(d.suggestion.as_ref().is_some_and(|s| s.get(En).contains("check the place")), "{d:?}");
}

#[test]
fn swapped_latitude_and_longitude_are_named() {
    let found = with_location(r#"    location: (region: "FRE12", place: "Béthune", coordinates: (2.64, 50.53)),"#);
    let d = found.iter().find(|d| d.code == "coordinates-outside-region").expect("reported");
    assert!(d.suggestion.as_ref().is_some_and(|s| s.get(En).contains("did you mean (50.53, 2.64)?")), "{d:?}");
    assert!(d.suggestion.as_ref().is_some_and(|s| s.get(Fr).contains("vouliez-vous dire (50.53, 2.64)")), "{d:?}");
}

#[test]
fn more_than_five_decimals_is_more_than_a_source_supports() {
    let found = with_location(r#"    location: (region: "FRE12", place: "Béthune", coordinates: (50.530312, 2.64)),"#);
    let d = found.iter().find(|d| d.code == "coordinates-too-precise").expect("reported");
    assert!(d.message.get(En).contains("(50.530312, 2.64) have 6 decimals"), "{}", d.message.get(En));
    assert!(d.message.get(Fr).contains("ont 6 décimales"), "{}", d.message.get(Fr));
    assert_eq!(d.severity, boucle::diagnostic::Severity::Warning);
}

#[test]
fn a_commune_or_a_site_inside_the_country_is_fine() {
    for coordinates in ["(50.53, 2.64)", "(50.5303, 2.6408)", "(50.53031, 2.64081)"] {
        let found = with_location(&format!(
            r#"    location: (region: "FRE12", place: "Béthune", coordinates: {coordinates}),"#
        ));
        let coordinate_problems: Vec<String> =
            found.iter().filter(|d| d.code.starts_with("coordinates")).map(|d| d.one_line(En)).collect();
        assert!(coordinate_problems.is_empty(), "{coordinates}: {coordinate_problems:?}");
    }
}

fn outside_region(found: &[boucle::diagnostic::Diagnostic]) -> &boucle::diagnostic::Diagnostic {
    let outside: Vec<_> = found.iter().filter(|d| d.code == "coordinates-outside-region").collect();
    assert_eq!(outside.len(), 1, "{found:#?}");
    outside[0]
}

#[test]
fn a_place_in_the_country_but_outside_the_regions_nuts_box_is_reported() {
    // Valenciennes, in the Nord, for an entry in the Pas-de-Calais: France, but 0.38° east of the
    // Pas-de-Calais's NUTS 2024 box (1.566–3.141° E), beyond its 0.1° margin.
    let line = r#"    location: (region: "FRE12", place: "Béthune", coordinates: (50.36, 3.52)),"#;
    let found = with_location(line);
    let d = outside_region(&found);
    let column = line[..line.find("coordinates").unwrap()].chars().count() + 1;
    assert_eq!((d.start.line, d.start.column), (4, column), "{}", d.one_line(En));
    let (en, fr) = (d.message.get(En), d.message.get(Fr));
    assert!(en.contains("(50.36, 3.52) are outside \"Pas-de-Calais\" (\"FRE12\"), the entry's region"), "{en}");
    assert!(fr.contains("sont hors de « Pas-de-Calais » (« FRE12 »), la région de la fiche"), "{fr}");
    // The fixture's vocabulary has no other region there: the suggestion says where the region lies.
    let help = d.suggestion.as_ref().expect("a suggestion");
    assert!(
        help.get(En).contains("\"Pas-de-Calais\" (\"FRE12\") lies between latitudes 50.046 and 51.007"),
        "{help:?}"
    );
    assert!(
        help.get(Fr).contains("s’étend entre les latitudes 50.046 et 51.007 et les longitudes 1.566 et 3.141"),
        "{help:?}"
    );
}

#[test]
fn the_region_the_point_falls_in_is_suggested() {
    let regions = crate::common::written::REGIONS.replace(
        "]",
        r#"    (id: "FRE11", parent: "FRE1", label: (fr: "Nord", en: "Nord")),
]"#,
    );
    let found = with_regions(
        Some(&regions),
        r#"    location: (region: "FRE12", place: "Béthune", coordinates: (50.36, 3.52)),"#,
    );
    let help = outside_region(&found).suggestion.clone().expect("a suggestion");
    assert!(
        help.get(En).contains("in the bounding box of \"Nord\" (\"FRE11\"): is that the entry's region?"),
        "{help:?}"
    );
    assert!(
        help.get(Fr).contains("dans l’emprise de « Nord » (« FRE11 ») : est-ce la région de la fiche ?"),
        "{help:?}"
    );
}

#[test]
fn a_region_without_a_box_is_tested_against_its_nearest_parents() {
    // A curator's own sub-region of the Pas-de-Calais: no NUTS box, so the Pas-de-Calais's is used.
    let regions = crate::common::written::REGIONS.replace(
        "]",
        r#"    (id: "lens-basin", parent: "FRE12", label: (fr: "Bassin de Lens", en: "Lens basin")),
]"#,
    );
    let line = r#"    location: (region: "lens-basin", place: "Lens", coordinates: ("#;
    let inside = with_regions(Some(&regions), &format!("{line}50.43, 2.83)),"));
    assert!(inside.iter().all(|d| !d.code.starts_with("coordinates")), "{inside:#?}");
    // Amiens, in the Somme: south of the Pas-de-Calais's box (50.046° N) by more than the margin.
    let found = with_regions(Some(&regions), &format!("{line}49.89, 2.3)),"));
    let d = outside_region(&found);
    assert!(
        d.message
            .get(En)
            .contains("outside \"Pas-de-Calais\" (\"FRE12\"), which holds the entry's region \"lens-basin\""),
        "{}",
        d.message.get(En)
    );
    assert!(d.message.get(Fr).contains("qui contient « lens-basin », la région de la fiche"), "{}", d.message.get(Fr));
}

#[test]
fn lilles_coordinates_for_an_entry_in_paris_are_outside_paris() {
    // Paris's box is a tenth of a degree across: Lille, 1.7° north, is far outside it.
    let regions = crate::common::written::REGIONS.replace(
        "]",
        r#"    (id: "FR1", parent: "FR", label: "Île-de-France"), (id: "FR10", parent: "FR1", label: "Île-de-France"), (id: "FR101", parent: "FR10", label: "Paris"),
]"#,
    );
    let found =
        with_regions(Some(&regions), r#"    location: (region: "FR101", place: "Paris", coordinates: (50.63, 3.06)),"#);
    let d = outside_region(&found);
    assert!(d.message.get(En).contains("outside \"Paris\" (\"FR101\")"), "{}", d.message.get(En));
}

/// The frozen fixture catalogue's placed entry (a visit in Béthune, FRE12) is inside its box;
/// moved to Valenciennes in a copy, it is reported, and the fixture's Nord (FRE11) suggested.
#[test]
fn on_the_fixture_catalogue_a_visit_in_bethune_is_inside_and_one_in_valenciennes_is_not() {
    let coordinate_problems = |folder: &std::path::Path| -> Vec<boucle::diagnostic::Diagnostic> {
        let loaded = boucle::load::load(&boucle::load::CatalogueSource::Folders(vec![folder.to_path_buf()]));
        loaded.diagnostics.into_iter().filter(|d| d.code.starts_with("coordinates")).collect()
    };
    let fixture = std::path::Path::new(crate::common::ui::FIXTURE);
    let visit = "site-visits/bringback-visit-2025.ron";
    let text = std::fs::read_to_string(fixture.join(visit)).unwrap();
    assert!(text.contains(r#"region: "FRE12", place: "Béthune", coordinates: (50.53, 2.64)"#), "{text}");
    assert_eq!(coordinate_problems(fixture), vec![]);
    let copy = tempfile::tempdir().unwrap();
    crate::common::copy_dir(fixture, copy.path());
    std::fs::write(copy.path().join(visit), text.replace("(50.53, 2.64)", "(50.36, 3.52)")).unwrap();
    let found = coordinate_problems(copy.path());
    let d = outside_region(&found);
    assert!(d.file.ends_with(visit), "{d:?}");
    assert!(d.message.get(En).contains("outside \"Pas-de-Calais\" (\"FRE12\")"), "{}", d.message.get(En));
    let help = d.suggestion.as_ref().expect("a suggestion");
    assert!(help.get(En).contains("\"Nord\" (\"FRE11\")"), "{help:?}");
}

/// Coordinates no place has (hostile trial: `(95.0, 2.64)` and `(NaN, inf)` passed `check`,
/// and `show --format json` printed them) are an error at the value, and the entry is not
/// placed on the map.
#[test]
fn coordinates_off_the_globe_are_an_error_and_never_placed() {
    for coordinates in ["(95.0, 2.64)", "(NaN, inf)", "(50.5, -200.0)"] {
        let fixture = Fixture::new();
        let line = format!(r#"    location: (region: "FRE12", place: "Béthune", coordinates: {coordinates}),"#);
        let text = PRACTICE.replace(r#"    location: (region: "FRE12", place: "Béthune"),"#, &line);
        fixture.file("good-practices/battery-regeneration.ron", &text);
        let loaded = fixture.load();
        let column = line[..line.find("coordinates").unwrap()].chars().count() + 1;
        let bad: Vec<_> = loaded.diagnostics.iter().filter(|d| d.code == "bad-coordinates").collect();
        assert_eq!(bad.len(), 1, "{coordinates}: {:#?}", loaded.diagnostics);
        assert!(bad[0].is_error() && bad[0].start.line == 4 && bad[0].start.column == column, "{:?}", bad[0]);
        assert!(bad[0].message.get(En).contains("are not on the globe"), "{}", bad[0].message.get(En));
        assert!(bad[0].message.get(Fr).contains("ne sont pas sur le globe"), "{}", bad[0].message.get(Fr));
        let entry = loaded.catalogue.get("battery-regeneration").expect("the entry still loads");
        let location = entry.common.location.as_ref().unwrap();
        assert!(location.coordinates.is_none(), "{coordinates}: never placed on the map");
    }
}
