//! An entry tagged with a material group (rare earths for magnets) is about each of its
//! members: a filter on neodymium finds it, in the dashboard and in `boucle list`, and
//! neodymium's count says so. A filter on the group finds the entries tagged with any member.
//! The fixture's TEAM2 is tagged with the group, its magnets day with neodymium itself; its
//! neodymium is also a light rare earth (`parents: [..]`), listed and counted under both.

use crate::common;

use std::process::Command;

use boucle::query::Facet;
use boucle::ui::state::FacetRow;
use boucle::ui::{Action, Options, Pane};
use common::ui::{
    FIXTURE, app_sized, app_with, count_beside, facet_cursor_to, pane_text, press, result_ids, toggle_filter,
};
use common::written::{Fixture, problems};

const GROUP_TAGGED: &str = "team2";
const MEMBER_TAGGED: &str = "rare-earth-magnets-day-2025";

#[test]
fn a_filter_on_a_member_finds_the_entries_tagged_with_its_group() {
    let mut app = app_with(Options::default());
    assert_eq!(count_beside(&app, Facet::Material, "neodymium"), 2, "the magnets day and TEAM2");
    assert_eq!(count_beside(&app, Facet::Material, "dysprosium"), 1, "TEAM2, through its group");
    toggle_filter(&mut app, Facet::Material, "neodymium");
    let ids = result_ids(&app);
    assert!(ids.contains(&GROUP_TAGGED.to_string()), "{ids:?}");
    assert!(ids.contains(&MEMBER_TAGGED.to_string()), "{ids:?}");
    assert_eq!(ids.len(), 2, "{ids:?}");
}

#[test]
fn a_filter_on_the_group_finds_the_entries_tagged_with_a_member() {
    let mut app = app_with(Options::default());
    toggle_filter(&mut app, Facet::Material, "rare-earths-magnets");
    let ids = result_ids(&app);
    assert!(ids.contains(&GROUP_TAGGED.to_string()) && ids.contains(&MEMBER_TAGGED.to_string()), "{ids:?}");
    // The group is not about every material: the lead recycler stays out.
    assert!(!ids.contains(&"bringback".to_string()), "{ids:?}");
}

#[test]
fn list_and_the_query_box_agree() {
    for args in [&["--material", "nd"][..], &["--query", "mat:nd"][..]] {
        let output = Command::new(env!("CARGO_BIN_EXE_boucle"))
            .args(["--catalogue", FIXTURE, "list", "--format", "json"])
            .args(args)
            .output()
            .expect("run boucle");
        assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
        let list: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
        let ids: Vec<&str> = list.as_array().unwrap().iter().map(|e| e["id"].as_str().unwrap()).collect();
        assert!(ids.contains(&GROUP_TAGGED) && ids.contains(&MEMBER_TAGGED), "{args:?}: {ids:?}");
    }
}

#[test]
fn an_element_of_two_groups_is_found_by_a_filter_on_either() {
    let mut app = app_with(Options::default());
    // The magnets day is tagged with neodymium and praseodymium, light rare earths both; TEAM2
    // with the magnets' group, so with them too, and with dysprosium, a heavy one.
    assert_eq!(count_beside(&app, Facet::Material, "light-rare-earths"), 2);
    assert_eq!(count_beside(&app, Facet::Material, "heavy-rare-earths"), 1);
    toggle_filter(&mut app, Facet::Material, "light-rare-earths");
    let mut ids = result_ids(&app);
    ids.sort();
    assert_eq!(ids, [MEMBER_TAGGED, GROUP_TAGGED]);
}

#[test]
fn a_group_never_counts_fewer_entries_than_one_of_its_members() {
    let app = app_with(Options::default());
    let materials = &app.shared().catalogue().vocabularies.materials;
    let counts = &app.browse().results().facet_counts;
    for member in 0..materials.len() {
        for &group in materials.parents_of(member) {
            let (m, g) = (counts.count(Facet::Material, member), counts.count(Facet::Material, group));
            assert!(g >= m, "{} counts {g}, its member {} {m}", materials.term(group).id, materials.term(member).id);
        }
    }
}

/// The material rows of the filters pane: (value id, id of the value it is listed under).
fn material_rows(app: &boucle::ui::App) -> Vec<(String, Option<String>)> {
    let id = |v: usize| app.shared().indexed().value_id(Facet::Material, v);
    app.browse()
        .facet_rows()
        .iter()
        .filter_map(|row| match *row {
            FacetRow::Value { facet: Facet::Material, value, under, .. } => Some((id(value), under.map(id))),
            _ => None,
        })
        .collect()
}

#[test]
fn an_element_of_two_groups_is_listed_under_each_with_one_count() {
    let mut app = app_sized(Options::default(), 200, 60);
    facet_cursor_to(&mut app, Facet::Material, "neodymium"); // unfolds the magnets group
    facet_cursor_to(&mut app, Facet::Material, "light-rare-earths");
    press(&mut app, Action::Expand);
    let rows = material_rows(&app);
    let neodymium: Vec<_> = rows.iter().filter(|(v, _)| v == "neodymium").map(|(_, under)| under.clone()).collect();
    assert_eq!(neodymium, [Some("rare-earths-magnets".to_string()), Some("light-rare-earths".to_string())], "{rows:?}");
    let pane = pane_text(&app, Pane::Facets);
    let shown: Vec<&str> = pane.lines().filter(|l| l.contains("Neodymium")).collect();
    assert_eq!(shown.len(), 2, "{pane}");
    assert!(shown.iter().all(|l| l.trim_end().ends_with(" 2")), "the same count under each group: {shown:?}");

    // Ticking it under the second group keeps the cursor there, not on its first row.
    let second = app
        .browse()
        .facet_rows()
        .iter()
        .position(|r| {
            matches!(r, FacetRow::Value { facet: Facet::Material, under: Some(u), .. }
            if app.shared().indexed().value_id(Facet::Material, *u) == "light-rare-earths")
        })
        .expect("a row under the light rare earths");
    while app.browse().facets().cursor() < second {
        press(&mut app, Action::Down);
    }
    press(&mut app, Action::ToggleValue);
    let at = app.browse().facet_rows()[app.browse().facets().cursor()];
    assert!(
        matches!(at, FacetRow::Value { under: Some(u), .. } if app.shared().indexed().value_id(Facet::Material, u) == "light-rare-earths"),
        "{at:?}"
    );
}

const MATERIALS_IN_TWO_GROUPS: &str = r#"[
    (id: "magnets", label: "Magnets"),
    (id: "light", label: "Light"),
    (id: "neodymium", parents: ["magnets", "light"], label: "Neodymium"),
    (id: "cerium", parent: "light", parents: ["magnetz"], label: "Cerium"),
]"#;

#[test]
fn parents_load_and_check_reports_an_unknown_one_where_it_is_written() {
    let fixture = Fixture::new();
    fixture.file("vocabularies/materials.ron", MATERIALS_IN_TWO_GROUPS);
    let loaded = fixture.load();
    let found = problems(&fixture, &loaded);
    assert_eq!(found.len(), 1, "{found:#?}");
    assert!(found[0].starts_with("vocabularies/materials.ron:5:47: unknown parent \"magnetz\""), "{found:#?}");
    assert!(found[0].contains("did you mean \"magnets\""), "{found:#?}");
    let materials = &loaded.catalogue.vocabularies.materials;
    let parents = |id: &str| -> Vec<&str> {
        let i = materials.index_of(id).unwrap();
        materials.parents_of(i).iter().map(|&p| materials.term(p).id.as_str()).collect()
    };
    assert_eq!(parents("neodymium"), ["magnets", "light"]);
    assert_eq!(parents("cerium"), ["light"], "the unknown one is left out");
}

#[test]
fn a_cycle_through_a_second_parent_is_reported() {
    let fixture = Fixture::new();
    fixture.file(
        "vocabularies/materials.ron",
        r#"[
    (id: "a", label: "A"),
    (id: "b", parents: ["a", "c"], label: "B"),
    (id: "c", parent: "b", label: "C"),
]"#,
    );
    let found = problems(&fixture, &fixture.load());
    assert_eq!(found.len(), 1, "{found:#?}");
    assert!(
        found[0].starts_with("vocabularies/materials.ron:3:30: the parents of \"b\" make a cycle: b → c → b"),
        "{found:#?}"
    );
}

#[test]
fn the_recovering_reader_keeps_the_parents_of_the_good_terms() {
    let fixture = Fixture::new();
    fixture.file(
        "vocabularies/materials.ron",
        r#"[
    (id: "magnets", label: "Magnets"),
    (id: "light", label: "Light"),
    (id: "neodymium", parents: ["magnets", "light"], label: "Neodymium"),
    (id: "cerium", parents: "light", label: "Cerium"),
]"#,
    );
    let loaded = fixture.load();
    let found = problems(&fixture, &loaded);
    assert_eq!(found.len(), 1, "{found:#?}");
    assert!(found[0].starts_with("vocabularies/materials.ron:5:29: `parents` holds a string"), "{found:#?}");
    let expected = loaded.diagnostics[0].expected.as_ref().map(|e| e.get(boucle::text::Lang::En)).unwrap_or_default();
    assert!(expected.contains("a list [ … ] of an id"), "{expected}");
    let materials = &loaded.catalogue.vocabularies.materials;
    let neodymium = materials.index_of("neodymium").expect("the good term is kept");
    assert_eq!(materials.parents_of(neodymium).len(), 2);
}
