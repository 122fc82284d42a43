//! Names are words: the label of an entry's material, region, ESG theme or value-chain stage,
//! in either language, and its code typed alone (`FRE12`, `E5`), find the entries tagged with
//! it, as a filter on it does (a material's groups and members, a region's and a theme's
//! parents); below a title word, and with a typo like any word. On the fixture catalogue,
//! whose neodymium and praseodymium are light rare earths and rare earths for magnets.

use crate::common;

use std::collections::BTreeSet;
use std::process::Command;

use boucle::query::{Filters, Indexed, Query, Results};
use boucle::text::Lang;
use common::ui::{FIXTURE, indexed};
use common::{Spec, catalogue};

fn search(indexed: &Indexed, text: &str) -> Results {
    indexed.search(&Query::parse(text), &Filters::default(), Lang::Fr, 100)
}

fn ids(indexed: &Indexed, results: &Results) -> Vec<String> {
    results.hits.iter().map(|h| indexed.catalogue().entries()[h.entry].id.to_string()).collect()
}

/// The entries having every word of `text`, spelled right (not only within a typo: `FRE11`
/// is a close match of `FRE12`, listed after them, as any word's).
fn with_every_word(indexed: &Indexed, text: &str) -> BTreeSet<String> {
    let query = Query::parse(text);
    let results = search(indexed, text);
    results
        .hits
        .iter()
        .filter(|h| h.words as usize == query.words.len() && !h.typo)
        .map(|h| indexed.catalogue().entries()[h.entry].id.to_string())
        .collect()
}

/// The entries a field filter such as `mat:nd` selects.
fn filtered(indexed: &Indexed, filter: &str) -> BTreeSet<String> {
    let results = search(indexed, filter);
    assert!(results.unknown_values.is_empty(), "{filter} names a value");
    ids(indexed, &results).into_iter().collect()
}

#[test]
fn a_material_name_in_either_language_finds_the_entries_tagged_with_it_or_its_group() {
    let indexed = indexed();
    let tagged = filtered(&indexed, "mat:nd");
    // The magnets day is tagged with neodymium, TEAM2 with its group.
    assert!(tagged.contains("rare-earth-magnets-day-2025") && tagged.contains("team2"), "{tagged:?}");
    for word in ["néodyme", "NEODYME", "neodymium", "Nd"] {
        assert_eq!(with_every_word(&indexed, word), tagged, "{word}");
    }
}

#[test]
fn a_group_name_finds_the_entries_tagged_with_a_member() {
    let indexed = indexed();
    let light = filtered(&indexed, "mat:light-rare-earths");
    assert!(light.contains("rare-earth-magnets-day-2025"), "tagged with neodymium: {light:?}");
    for text in ["terres rares légères", "light rare earths", "terres rares legeres"] {
        assert_eq!(with_every_word(&indexed, text), light, "{text}");
    }
    // And the other way: TEAM2 is tagged with the magnets group, which holds dysprosium.
    assert_eq!(with_every_word(&indexed, "dysprosium"), filtered(&indexed, "mat:dy"));
    assert!(with_every_word(&indexed, "dysprosium").contains("team2"));
}

#[test]
fn a_region_name_or_code_finds_the_entries_placed_in_it() {
    let indexed = indexed();
    let in_pas_de_calais = filtered(&indexed, "region:FRE12");
    assert!(in_pas_de_calais.len() >= 5, "{in_pas_de_calais:?}");
    for text in ["FRE12", "fre12"] {
        assert_eq!(with_every_word(&indexed, text), in_pas_de_calais, "{text}");
    }
    // The name: every entry of the Pas-de-Calais has it whole, as do those of the
    // Nord-Pas-de-Calais region that contains it.
    let named = with_every_word(&indexed, "pas-de-calais");
    assert!(in_pas_de_calais.is_subset(&named), "{named:?}");
    // A code stands for the region and everything in it, as `region:FRE` does.
    assert_eq!(with_every_word(&indexed, "FRE"), filtered(&indexed, "region:FRE"));
}

#[test]
fn a_theme_or_stage_name_or_code_finds_the_entries_tagged_with_it() {
    let indexed = indexed();
    let circular = filtered(&indexed, "theme:E5");
    assert!(!circular.is_empty());
    assert_eq!(with_every_word(&indexed, "E5"), circular);
    assert_eq!(with_every_word(&indexed, "économie circulaire"), circular);
    // A pillar's name finds the entries under any of its standards, as `theme:E` does.
    assert_eq!(with_every_word(&indexed, "environnement"), filtered(&indexed, "theme:E"));
    assert_eq!(with_every_word(&indexed, "démantèlement"), filtered(&indexed, "stage:collection-sorting"));
}

#[test]
fn a_name_with_a_typo_finds_them_as_a_close_match() {
    let indexed = indexed();
    let results = search(&indexed, "neodymum");
    let found: BTreeSet<String> = ids(&indexed, &results).into_iter().collect();
    assert_eq!(found, filtered(&indexed, "mat:nd"));
    assert!(results.hits.iter().all(|h| h.typo), "found only through the typo");
}

#[test]
fn a_name_ranks_below_the_same_word_in_a_title_and_above_it_in_a_summary() {
    let indexed = Indexed::new(catalogue(vec![
        Spec::practice("tagged", "Démonter des moteurs").materials(&["neodymium"]),
        Spec::practice("in-a-summary", "Des aimants").summary("Récupérer le néodyme des moteurs."),
        Spec::practice("in-the-title", "Recycler le néodyme"),
        Spec::practice("unrelated", "Du zinc").materials(&["zinc"]),
    ]));
    let results = search(&indexed, "néodyme");
    assert_eq!(ids(&indexed, &results), ["in-the-title", "tagged", "in-a-summary"]);
}

/// `boucle list --format json` on the fixture: (id, how many of the query's words).
fn listed(args: &[&str]) -> Vec<(String, u64)> {
    let output = Command::new(env!("CARGO_BIN_EXE_boucle"))
        .args(["--catalogue", FIXTURE, "list", "--format", "json"])
        .args(args)
        .output()
        .expect("run boucle");
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    let list: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let rows = list.as_array().unwrap();
    rows.iter().map(|r| (r["id"].as_str().unwrap().to_string(), r["words"].as_u64().unwrap_or(0))).collect()
}

fn listed_ids(args: &[&str]) -> BTreeSet<String> {
    listed(args).into_iter().map(|(id, _)| id).collect()
}

#[test]
fn list_finds_the_same_entries_by_name_as_by_filter() {
    assert_eq!(listed_ids(&["--query", "néodyme"]), listed_ids(&["--material", "nd"]));
    assert_eq!(listed_ids(&["--query", "E5"]), listed_ids(&["--esg", "E5"]));
    // A code typed alone lists the region's entries first; close codes (FRE11) follow, as a
    // close match of any word does.
    let in_pas_de_calais = listed_ids(&["--region", "FRE12"]);
    let rows = listed(&["--query", "FRE12"]);
    let first: BTreeSet<String> = rows.iter().take(in_pas_de_calais.len()).map(|(id, _)| id.clone()).collect();
    assert_eq!(first, in_pas_de_calais, "{rows:?}");
}

/// `terres rares légères` lists first, with its three words, what a filter on the light rare
/// earths finds (the magnets day, tagged with neodymium; TEAM2, tagged with the magnets' group,
/// whose neodymium is light); then the entries with fewer of the words (other rare earths).
#[test]
fn list_puts_the_light_rare_earths_first_for_terres_rares_legeres() {
    let light = listed_ids(&["--material", "light-rare-earths"]);
    assert!(light.contains("rare-earth-magnets-day-2025") && light.contains("team2"), "{light:?}");
    let rows = listed(&["--query", "terres rares légères"]);
    let first: BTreeSet<String> = rows.iter().take(light.len()).map(|(id, _)| id.clone()).collect();
    assert_eq!(first, light, "{rows:?}");
    assert!(rows[..light.len()].iter().all(|&(_, words)| words == 3), "{rows:?}");
    assert!(rows[light.len()..].iter().all(|&(_, words)| words < 3), "{rows:?}");
}
