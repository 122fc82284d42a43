//! What the query box cannot use is said, in the interface's language, on the query line.

use crate::common;

use boucle::text::Lang;
use boucle::ui::Options;
use common::ui::{app_sized, query_line, type_query};

fn query_line_after(lang: Lang, typed: &str) -> String {
    let mut app = app_sized(Options { lang, ..Options::default() }, 120, 30);
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
