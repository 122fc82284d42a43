//! What the query box cannot use is said, in the interface's language, on the query line.

use crate::common;

use boucle::text::Lang;
use boucle::ui::Options;
use common::ui::{app_sized, query_line, type_query};

fn query_line_after(lang: Lang, typed: &str) -> String {
    query_line_at(lang, typed, 120)
}

fn query_line_at(lang: Lang, typed: &str, width: u16) -> String {
    let mut app = app_sized(Options { lang, ..Options::default() }, width, 30);
    type_query(&mut app, typed);
    query_line(&app)
}

#[test]
fn an_unknown_field_is_named_in_french_and_english() {
    assert!(query_line_after(Lang::En, "foo:bar bethune").contains("⚠ unknown field foo: — fields: region mat theme"));
    assert!(query_line_after(Lang::Fr, "foo:bar bethune").contains("⚠ champ inconnu foo: — champs : region mat theme"));
}

#[test]
fn an_unknown_value_is_named_too() {
    assert!(query_line_after(Lang::Fr, "region:XX").contains("⚠ valeur inconnue region:XX"));
}

/// A misspelt kind gets the closest names, as a misspelt region does, in both languages'
/// words for kinds (`kind:visite` is taken as `kind:visit` is).
#[test]
fn an_unknown_value_offers_the_closest_names_kinds_too() {
    let line = query_line_at(Lang::En, "kind:visitt", 200);
    assert!(line.contains("⚠ unknown value kind:visitt — did you mean \"visit\", \"visite\"?"), "{line}");
    let line = query_line_at(Lang::Fr, "kind:evenemnt", 200);
    assert!(line.contains("⚠ valeur inconnue kind:evenemnt — vouliez-vous dire « event », « événement » ?"), "{line}");
    let line = query_line_after(Lang::En, "region:FRE1x");
    assert!(line.contains("did you mean \"FRE1"), "{line}");
}
