//! What a curator sees when a catalogue has problems: each kind of problem at its exact
//! file:line:col, all of them in one run, and the good files still loaded.

use crate::common::written;

use written::{Fixture, PRACTICE, problems};

fn with_line(line: usize, replacement: &str) -> String {
    PRACTICE
        .lines()
        .enumerate()
        .map(|(i, l)| if i + 1 == line { replacement.to_string() } else { l.to_string() })
        .collect::<Vec<_>>()
        .join("\n")
}

fn single_problem(relative: &str, text: &str) -> String {
    let fixture = Fixture::new();
    fixture.file(relative, text);
    let loaded = fixture.load();
    let found = problems(&fixture, &loaded);
    assert_eq!(found.len(), 1, "expected one problem, got {found:#?}");
    found[0].clone()
}

#[test]
fn a_valid_catalogue_has_no_problems() {
    let fixture = Fixture::new();
    fixture.file("good-practices/battery-regeneration.ron", PRACTICE);
    let loaded = fixture.load();
    assert_eq!(problems(&fixture, &loaded), Vec::<String>::new());
    assert_eq!(loaded.catalogue.len(), 2);
    assert!(loaded.catalogue.get("battery-regeneration").is_some());
}

#[test]
fn unknown_material_is_located_with_a_suggestion() {
    let text = with_line(6, r#"    materials: ["neodymum"],"#);
    assert_eq!(
        single_problem("good-practices/x.ron", &text),
        r#"good-practices/x.ron:6:17: unknown material "neodymum" — did you mean "neodymium"?"#
    );
}

#[test]
fn unknown_region_theme_and_stage_are_located() {
    let fixture = Fixture::new();
    let text = with_line(4, r#"    location: (region: "FRE13", place: "Béthune"),"#);
    let text = text.replace(r#"themes: ["E5"]"#, r#"themes: ["E9"]"#).replace("recycling-recovery", "recycling");
    fixture.file("good-practices/x.ron", &text);
    let found = problems(&fixture, &fixture.load());
    assert_eq!(
        found,
        vec![
            r#"good-practices/x.ron:4:24: unknown region "FRE13" — did you mean "FRE12"?"#,
            r#"good-practices/x.ron:7:14: unknown ESG theme "E9" — the ids are E, E5"#,
            r#"good-practices/x.ron:8:14: unknown value-chain stage "recycling" — did you mean "recycling-recovery"?"#,
        ]
    );
}

#[test]
fn syntax_error_is_located() {
    let text = with_line(5, r#"    main_institution: "team2""#);
    assert_eq!(
        single_problem("good-practices/x.ron", &text),
        "good-practices/x.ron:6:5: expected `,` or `)`, found `materials` (reading went on at the next field: later \
         problems of this file may follow from this one) — a `,` is probably missing at the end of line 5"
    );
}

#[test]
fn unknown_field_names_the_expected_ones_and_the_closest() {
    let text = with_line(6, r#"    materails: ["lead"],"#);
    let fixture = Fixture::new();
    fixture.file("good-practices/x.ron", &text);
    let loaded = fixture.load();
    let problem = &loaded.diagnostics[0];
    assert_eq!(
        problems(&fixture, &loaded),
        vec![r#"good-practices/x.ron:6:5: unknown field `materails` in `GoodPractice` — did you mean "materials"?"#]
    );
    assert!(problem.expected.as_ref().unwrap().get(boucle::text::Lang::En).contains("`materials`"));
}

#[test]
fn missing_required_field_is_reported() {
    let text = PRACTICE.lines().filter(|l| !l.trim_start().starts_with("summary:")).collect::<Vec<_>>().join("\n");
    let found = single_problem("good-practices/x.ron", &text);
    assert!(
        found.starts_with("good-practices/x.ron:11:1: missing required field `summary` in `GoodPractice`"),
        "{found}"
    );
}

#[test]
fn malformed_date_and_address_are_located() {
    let text = with_line(9, r#"    timescale: (start: "2024-13-01", status: ongoing),"#);
    assert_eq!(
        single_problem("good-practices/x.ron", &text),
        r#"good-practices/x.ron:9:24: "2024-13-01" is not a real calendar date"#
    );
    let text = with_line(10, r#"    sources: [(title: "Le Moniteur", url: "www.lemoniteur.fr")],"#);
    assert_eq!(
        single_problem("good-practices/x.ron", &text),
        r#"good-practices/x.ron:10:43: malformed address "www.lemoniteur.fr": expected an address starting with https:// or http://"#
    );
}

#[test]
fn duplicate_ids_across_kinds_are_reported() {
    let fixture = Fixture::new();
    fixture.file("good-practices/battery.ron", PRACTICE);
    fixture.file(
        "site-visits/battery.ron",
        &PRACTICE
            .replace("GoodPractice(", "SiteVisit(start: \"2025-07-29\",")
            .replace("    main_institution: \"team2\",\n", "")
            .replace("    timescale: (start: \"2024\", status: ongoing),\n", ""),
    );
    let loaded = fixture.load();
    let found = problems(&fixture, &loaded);
    assert_eq!(
        found,
        vec![
            "site-visits/battery.ron:1:1: duplicate id \"battery\": good-practices/battery.ron has the same file name \
             — rename one of the files; ids are unique across all kinds"
        ]
    );
    assert_eq!(loaded.catalogue.get("battery").unwrap().kind, boucle::model::Kind::GoodPractice);
}

/// The index a load builds while its last checks run is the one built afterwards from the
/// catalogue kept: also when the checks drop a repeated id, which the index started on.
#[test]
fn the_index_built_beside_the_checks_is_the_kept_catalogues() {
    use boucle::load::{CatalogueSource, load};
    use boucle::query::Indexed;
    use boucle::text::Lang;
    let repeated = Fixture::new();
    repeated.file("good-practices/battery.ron", PRACTICE);
    repeated.file("good-practices/zinc.ron", &PRACTICE.replace("Battery", "Zinc plating"));
    repeated.file(
        "site-visits/battery.ron",
        &PRACTICE
            .replace("GoodPractice(", "SiteVisit(start: \"2025-07-29\",")
            .replace("    main_institution: \"team2\",\n", "")
            .replace("    timescale: (start: \"2024\", status: ongoing),\n", ""),
    );
    let fixtures = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/catalogue");
    for (folder, dropped) in [(repeated.path(), true), (std::path::Path::new(fixtures), false)] {
        let source = CatalogueSource::Folders(vec![folder.to_path_buf()]);
        let (indexed, loaded) = Indexed::load(&source);
        let after = load(&source);
        let ids = |c: &boucle::model::Catalogue| c.entries().iter().map(|e| e.id.to_string()).collect::<Vec<_>>();
        assert_eq!(ids(indexed.catalogue()), ids(&after.catalogue), "{folder:?}");
        let said = |l: &boucle::load::Loaded| l.diagnostics.iter().map(|d| d.one_line(Lang::En)).collect::<Vec<_>>();
        assert_eq!(said(&loaded), said(&after), "{folder:?}");
        let found = loaded.diagnostics.iter().any(|d| d.code == "duplicate-id");
        assert_eq!(found, dropped, "{folder:?}");
        let built_after = Indexed::new(after.catalogue);
        assert!(indexed.engine().archive() == built_after.engine().archive(), "{folder:?}: another index");
    }
}

#[test]
fn broken_references_are_located() {
    let fixture = Fixture::new();
    let practice = with_line(5, r#"    main_institution: "team-2","#)
        .replace("    materials:", "    related: [\"battery-regeneration\", \"no-such-entry\"],\n    materials:");
    fixture.file("good-practices/battery-regeneration.ron", &practice);
    fixture.file(
        "tours/peer-review.ron",
        r#"Tour(
    title: "Peer review",
    summary: "Two days",
    stops: [
        (entry: "battery-regeneration", note: "First"),
        (entry: "battery-regenration"),
    ],
    sources: [(title: "TEAM2", url: "https://www.team2.fr")],
    review: (status: draft, checked: "2026-11-28"),
)"#,
    );
    let found = problems(&fixture, &fixture.load());
    assert_eq!(
        found,
        vec![
            r#"good-practices/battery-regeneration.ron:5:23: unknown organisation "team-2" — did you mean "team2"?"#,
            r#"good-practices/battery-regeneration.ron:6:39: broken reference: no entry has the id "no-such-entry""#,
            r#"tours/peer-review.ron:6:17: broken reference: no entry has the id "battery-regenration" — did you mean "battery-regeneration"?"#,
            // Warnings after the errors.
            r#"good-practices/battery-regeneration.ron:6:15: an entry is not related to itself"#,
        ]
    );
}

#[test]
fn all_problems_of_all_files_are_reported_in_one_run_and_good_files_still_load() {
    let fixture = Fixture::new();
    fixture.file("good-practices/good.ron", PRACTICE);
    fixture.file("good-practices/bad-syntax.ron", "GoodPractice(\n  title: \"x\"\n  summary: \"y\",\n)");
    fixture.file("good-practices/bad-material.ron", &with_line(6, r#"    materials: ["neodymum", "zinc"],"#));
    fixture.file("site-visits/bad-date.ron", "SiteVisit(title: \"Visit\", summary: \"A visit\", start: \"29/07/2025\", sources: [(title: \"T\", url: \"https://www.team2.fr\")], review: (status: draft, checked: \"2026-11-28\"))");
    let loaded = fixture.load();
    let found = problems(&fixture, &loaded);
    // The missing comma, and what reading on after it finds: `review` is missing too.
    assert_eq!(found.len(), 5, "{found:#?}");
    assert!(found[0].starts_with("good-practices/bad-material.ron:6:17: unknown material \"neodymum\""));
    assert!(found[1].starts_with("good-practices/bad-material.ron:6:29: unknown material \"zinc\""));
    assert!(found[2].starts_with("good-practices/bad-syntax.ron:3:3: expected `,` or `)`, found `summary`"));
    assert!(found[3].starts_with("good-practices/bad-syntax.ron:4:1: missing required field `review`"));
    assert!(found[4].starts_with("site-visits/bad-date.ron:1:54: malformed date \"29/07/2025\""));
    // The valid practice, the organisation and the practice with unknown ids are all there.
    assert!(loaded.catalogue.get("good").is_some());
    assert!(loaded.catalogue.get("team2").is_some());
    assert!(loaded.catalogue.get("bad-material").is_some());
    assert!(loaded.catalogue.get("bad-syntax").is_none());
    assert!(loaded.catalogue.get("bad-date").is_some(), "a bad date costs the date, not the visit");
}

#[test]
fn files_outside_kind_folders_are_flagged_not_loaded() {
    let fixture = Fixture::new();
    fixture.file("practices-old/x.ron", PRACTICE);
    let found = problems(&fixture, &fixture.load());
    assert_eq!(found.len(), 1);
    assert!(found[0].starts_with("practices-old/x.ron:1:1: ignored: `practices-old` is not a catalogue folder"));
}

#[test]
fn a_file_name_that_is_no_id_is_reported() {
    let found = single_problem("good-practices/Battery regeneration!.ron", PRACTICE);
    assert!(found.contains("malformed id \"Battery regeneration!\""), "{found}");
}

#[test]
fn a_reference_to_a_file_that_did_not_load_points_to_its_error() {
    let fixture = Fixture::new();
    fixture.file("good-practices/broken.ron", "GoodPractice(\n  title: \"x\"\n  summary: \"y\",\n)");
    let practice = PRACTICE.replace("    materials:", "    related: [\"broken\"],\n    materials:");
    fixture.file("good-practices/uses-it.ron", &practice);
    let loaded = fixture.load();
    let found = problems(&fixture, &loaded);
    assert_eq!(found.len(), 2, "the missing comma, then the missing `review`: {found:#?}");
    assert!(
        found[0].starts_with("good-practices/broken.ron:3:3: expected `,` or `)`, found `summary`"),
        "{}",
        found[0]
    );
    assert!(found[0].ends_with("(and 1 reference to it)"), "{}", found[0]);
    let follow_on = &loaded.diagnostics[0].follow_ons[0];
    assert_eq!(
        follow_on.one_line(boucle::text::Lang::En).replace(&format!("{}/", fixture.path().display()), ""),
        "good-practices/uses-it.ron:6:15: refers to \"broken\", whose file did not load: \
         see the error in good-practices/broken.ron"
    );
    assert_eq!((loaded.errors(), loaded.warnings()), (2, 0), "the consequence is no problem of its own");
}
