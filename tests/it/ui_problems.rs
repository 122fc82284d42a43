//! The problems panel and the editor keys, on the frozen fixture (one broken file): the panel
//! lists the problem with a cursor, in the reader's language; Enter asks for the editor at the
//! problem's line, `E` at the file of the entry in view (browse's, the shortlist's, a tour's stop);
//! `e` opens that entry's form, whose keys
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
    let [Effect::SaveEntry { path, text, before: Some(before) }] = effects.as_slice() else { panic!("{effects:?}") };
    assert_eq!(path, &start.path);
    // What the file held when the form opened: a file changed since is not written over.
    assert_eq!(before, &std::fs::read_to_string(&start.path).unwrap());
    assert!(text.contains(" q\""), "{text}");
    let effects = boucle::ui::update::form_saved(&mut app, Ok(()));
    assert!(effects.is_empty(), "the dashboard goes on");
    assert!(!screen(&app).contains("Edit entry"));
    assert!(message(&app).is_some_and(|m| m.contains("saved")), "{:?}", message(&app));
}

/// Esc on a form with changes does not throw them away: it says what a second Esc does and
/// how to save; any other key in between keeps the form as it was. A form left unchanged
/// closes at one Esc.
#[test]
fn esc_on_a_changed_form_asks_again_before_throwing_the_changes_away() {
    let mut app = app();
    let effects = keys(&mut app, "e");
    let [Effect::OpenForm(start)] = effects.as_slice() else { panic!("{effects:?}") };
    let text = std::fs::read_to_string(&start.path).unwrap();
    let open = |app: &mut boucle::ui::App| {
        boucle::ui::update::form_opened(
            app,
            boucle::curate::form::FormStart { text: Some(text.clone()), ..(**start).clone() },
        )
    };
    open(&mut app);
    key(&mut app, KeyCode::Esc, KeyModifiers::NONE);
    assert!(!screen(&app).contains("Edit entry"), "an unchanged form closes at once:\n{}", screen(&app));

    open(&mut app);
    key(&mut app, KeyCode::Down, KeyModifiers::NONE);
    keys(&mut app, " typed");
    key(&mut app, KeyCode::Esc, KeyModifiers::NONE);
    assert!(screen(&app).contains("Edit entry"), "one Esc keeps a changed form:\n{}", screen(&app));
    let said = message(&app).unwrap_or_default();
    assert!(said.contains("Esc again leaves without saving") && said.contains("Ctrl-S saves"), "{said}");
    // Another key in between: the next Esc asks again.
    key(&mut app, KeyCode::Down, KeyModifiers::NONE);
    key(&mut app, KeyCode::Esc, KeyModifiers::NONE);
    assert!(screen(&app).contains("Edit entry"), "{}", screen(&app));
    let effects = key(&mut app, KeyCode::Char('s'), KeyModifiers::CONTROL);
    let [Effect::SaveEntry { text, .. }] = effects.as_slice() else {
        panic!("the changes are still there to save: {effects:?}")
    };
    assert!(text.contains(" typed\""), "{text}");
    key(&mut app, KeyCode::Esc, KeyModifiers::NONE);
    key(&mut app, KeyCode::Esc, KeyModifiers::NONE);
    assert!(!screen(&app).contains("Edit entry"), "two Esc in a row leave:\n{}", screen(&app));
}

/// A shortlist of two, with the dashboard on its screen (4).
fn on_the_shortlist(first: &str, second: &str) -> boucle::ui::App {
    use boucle::model::Id;
    use boucle::shortlist::{Item, Shortlist};
    let item = |id: &str| Item { id: Id::parse(id).unwrap(), note: String::new() };
    let list = Shortlist::from_items(vec![item(first), item(second)]);
    let mut app = app_with(Options { shortlist: list, ..Options::default() });
    keys(&mut app, "4");
    app
}

#[test]
fn on_the_shortlist_e_and_shift_e_act_on_the_item_under_its_cursor_not_on_browse_s_selection() {
    let mut app = on_the_shortlist("team2", "zinc-loop-hauts-de-france");
    let browsed = selected_id(&app).expect("browse has a selection");
    assert_ne!(browsed, "zinc-loop-hauts-de-france", "the test needs browse elsewhere");
    press(&mut app, Action::Down);
    let effects = keys(&mut app, "E");
    let [Effect::OpenEditor { path, .. }] = effects.as_slice() else { panic!("{effects:?}") };
    assert!(path.ends_with("zinc-loop-hauts-de-france.ron"), "{path:?}");
    let effects = keys(&mut app, "e");
    let [Effect::OpenForm(start)] = effects.as_slice() else { panic!("{effects:?}") };
    assert_eq!(start.id, "zinc-loop-hauts-de-france");
}

#[test]
fn on_a_tour_s_stop_e_edits_the_stop_s_entry_and_on_the_list_of_tours_the_tour() {
    let mut app = app();
    let browsed = selected_id(&app);
    keys(&mut app, "2");
    let effects = keys(&mut app, "e");
    let [Effect::OpenForm(start)] = effects.as_slice() else { panic!("{effects:?}") };
    assert_eq!(start.id, "peer-review-lille-2025", "on the list of tours, the tour");
    press(&mut app, Action::Open);
    let effects = keys(&mut app, "e");
    let [Effect::OpenForm(start)] = effects.as_slice() else { panic!("{effects:?}") };
    assert_eq!(start.id, "bringback-visit-2025", "on its stops, the first stop's entry");
    assert!(
        browsed.as_deref().is_some_and(|b| b != "peer-review-lille-2025" && b != "bringback-visit-2025"),
        "browse's selection ({browsed:?}) is neither, so neither answer came from it"
    );
}
