//! The problems panel and the editor keys, on the frozen fixture (one broken file): the panel
//! lists the problem with a cursor, in the reader's language; Enter asks for the editor at the
//! problem's line, `E` at the selected entry's file; `e` opens the entry's form, whose keys
//! type (every letter, even `q`), and Ctrl-S asks the loop to save the file it would write.

use crate::common;

use std::path::PathBuf;

use boucle::text::Lang;
use boucle::ui::action::Effect;
use boucle::ui::{Action, Options};
use common::ui::{app, app_with, key, keys, message, press, screen, selected_id};
use ratatui::crossterm::event::{KeyCode, KeyModifiers};

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
fn shift_e_asks_for_the_editor_on_the_selected_entry() {
    let mut app = app();
    let id = selected_id(&app).expect("a selected entry");
    let effects = keys(&mut app, "E");
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

#[test]
fn e_opens_the_form_whose_keys_type_and_save() {
    let mut app = app();
    let id = selected_id(&app).expect("a selected entry");
    let effects = keys(&mut app, "e");
    let [Effect::OpenForm(start)] = effects.as_slice() else { panic!("{effects:?}") };
    assert!(start.path.ends_with(format!("{id}.ron")), "{start:?}");
    // The loop reads the file and hands its text back.
    let text = std::fs::read_to_string(&start.path).unwrap();
    boucle::ui::update::form_opened(
        &mut app,
        boucle::curate::form::FormStart { text: Some(text), ..(**start).clone() },
    );
    assert!(screen(&app).contains("Edit entry"), "{}", screen(&app));
    assert!(screen(&app).contains("Ctrl-S save the entry"), "the form's keys are hinted:\n{}", screen(&app));
    // The English title's row: `q` is typed, not quit.
    key(&mut app, KeyCode::Down, KeyModifiers::NONE);
    assert!(keys(&mut app, " q").is_empty());
    let effects = key(&mut app, KeyCode::Char('s'), KeyModifiers::CONTROL);
    let [Effect::SaveEntry { path, text, new: false }] = effects.as_slice() else { panic!("{effects:?}") };
    assert_eq!(path, &start.path);
    assert!(text.contains(" q\""), "{text}");
    let effects = boucle::ui::update::form_saved(&mut app, Ok(()));
    assert!(effects.is_empty(), "the dashboard goes on");
    assert!(!screen(&app).contains("Edit entry"));
    assert!(message(&app).is_some_and(|m| m.contains("saved")), "{:?}", message(&app));
}
