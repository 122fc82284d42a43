//! What the query box cannot use is said, in the interface's language, on the query line.

use crate::common;

use boucle::text::Lang;
use boucle::ui::Options;
use boucle::ui::{Action, Edit};
use common::ui::{app_sized, buffer_text, draw_with_cursor, press, query_line, type_query};

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

/// The first line as drawn, and the text left of the cursor on it.
fn typed_at_80x24(lang: Lang, typed: &str, then: &[Edit]) -> (String, String) {
    let mut app = app_sized(Options { lang, ..Options::default() }, 80, 24);
    type_query(&mut app, typed);
    for edit in then {
        press(&mut app, Action::Edit(edit.clone()));
    }
    let (buffer, cursor) = draw_with_cursor(&app);
    let cursor = cursor.expect("the cursor shows while typing");
    assert_eq!(cursor.y, 0, "the cursor is on the query line");
    let line = buffer_text(&buffer).lines().next().unwrap_or_default().to_string();
    let before: String = (0..cursor.x).map(|x| buffer[(x, 0)].symbol().to_string()).collect();
    (line, before)
}

#[test]
fn at_80x24_the_end_of_a_long_query_and_its_warning_stay_in_view() {
    let typed = "aimants permanents recyclage lacq mat:neodymum";
    let (line, before) = typed_at_80x24(Lang::Fr, typed, &[]);
    assert!(line.contains("lacq mat:neodymum   ⚠ valeur inconnue mat:neodymum"), "{line}");
    assert!(before.ends_with("lacq mat:neodymum"), "the cursor sits after what was typed, not on a tab: {before:?}");
    let (line, _) = typed_at_80x24(Lang::En, typed, &[]);
    assert!(line.contains("lacq mat:neodymum   ⚠ unknown value mat:neodymum"), "{line}");
}

#[test]
fn at_80x24_the_cursor_moved_home_shows_the_start_of_the_query() {
    let typed = "aimants permanents recyclage lacq mat:neodymum";
    let (line, before) = typed_at_80x24(Lang::Fr, typed, &[Edit::Home]);
    assert!(line.starts_with(" / aimants permanents"), "{line}");
    assert!(line.contains("⚠ valeur inconnue mat:neodymum"), "{line}");
    assert_eq!(before, " / ");
}

#[test]
fn the_tabs_stay_whole_while_a_short_query_leaves_them_room() {
    let (line, _) = typed_at_80x24(Lang::Fr, "aimants", &[]);
    assert!(line.contains("1 Recherche  2 Parcours"), "{line}");
    // A long query keeps the current tab's name and the others' keys.
    let (line, _) = typed_at_80x24(Lang::Fr, "aimants permanents recyclage", &[]);
    assert!(line.contains("1 Recherche  2 3 4"), "{line}");
}
