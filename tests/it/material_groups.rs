//! An entry tagged with a material group (rare earths for magnets) is about each of its
//! members: a filter on neodymium finds it, in the dashboard and in `boucle list`, and
//! neodymium's count says so. A filter on the group finds the entries tagged with any member.
//! The fixture's TEAM2 is tagged with the group, its magnets day with neodymium itself.

use crate::common;

use std::process::Command;

use boucle::query::Facet;
use boucle::ui::Options;
use common::ui::{FIXTURE, app_with, count_beside, result_ids, toggle_filter};

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
