//! The problems panel and the editor keys, on the frozen fixture (one broken file): the panel
//! lists the problem with a cursor, in the reader's language; Enter asks for the editor at the
//! problem's line, `e` at the selected entry's file.

use crate::common;

use std::path::PathBuf;

use boucle::text::Lang;
use boucle::ui::action::Effect;
use boucle::ui::{Action, Options};
use common::ui::{app, app_with, keys, press, screen, selected_id};

#[test]
fn enter_in_the_panel_asks_for_the_editor_at_the_problem() {
    let mut app = app();
    keys(&mut app, "!");
    let text = screen(&app);
    assert!(text.contains("▶ tests/fixtures/catalogue/good-practices/broken-magnet-recycling.ron:3:5"), "{text}");
    assert!(text.contains("Enter open in the editor"), "the hint says what Enter does:\n{text}");
    let effects = press(&mut app, Action::OpenProblem);
    assert_eq!(
        effects,
        vec![Effect::OpenEditor {
            path: PathBuf::from("tests/fixtures/catalogue/good-practices/broken-magnet-recycling.ron"),
            line: 3
        }]
    );
}

#[test]
fn e_asks_for_the_editor_on_the_selected_entry() {
    let mut app = app();
    let id = selected_id(&app).expect("a selected entry");
    let effects = keys(&mut app, "e");
    let [Effect::OpenEditor { path, line }] = effects.as_slice() else { panic!("{effects:?}") };
    assert!(path.ends_with(format!("{id}.ron")), "{path:?}");
    assert_eq!(*line, 1);
}

#[test]
fn the_french_panel_says_the_problem_in_french() {
    let mut app = app_with(Options { lang: Lang::Fr, ..Options::default() });
    keys(&mut app, "!");
    let text = screen(&app);
    assert!(text.contains("⚠ 1 erreur"), "{text}");
    assert!(text.contains("attendu `,` ou `)`, trouvé `summary`"), "{text}");
}
