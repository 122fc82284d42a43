//! The config file's settings as the dashboard obeys them: a key given to an action in
//! `config.ron` is the key that works, and the key the help and the hints show, since all three
//! read the session's one key table; a file with problems starts the dashboard on the defaults,
//! its problems listed under `!`.

use std::sync::Arc;

use crate::common;

use boucle::config::parse;
use boucle::ui::{Action, Options};
use common::ui::{app_sized, key, press, screen, status_line};
use ratatui::crossterm::event::{KeyCode, KeyModifiers};

fn options_from(text: &str) -> (Options, usize) {
    let (settings, problems) = parse("config.ron", text, None);
    let options = Options { keys: Arc::new(settings.keys), config_problems: problems.clone(), ..Options::default() };
    (options, problems.len())
}

#[test]
fn a_key_given_in_the_config_file_is_the_key_that_works_and_the_one_the_help_shows() {
    let (options, problems) =
        options_from("Config(keys: { \"global.toggle-help\": [\"F2\"], \"global.quit\": [\"Q\"] })");
    assert_eq!(problems, 0);
    let mut app = app_sized(options, 200, 50);
    // The hints of the status line name the new key.
    let status = status_line(&app);
    assert!(status.contains("F2 help") && status.contains("Q quit"), "{status}");
    // `?` no longer opens the help; F2 does, and the help lists the keys as overridden.
    key(&mut app, KeyCode::Char('?'), KeyModifiers::NONE);
    assert!(!screen(&app).contains("Everywhere"), "? still opens the help");
    key(&mut app, KeyCode::F(2), KeyModifiers::NONE);
    let help = screen(&app);
    assert!(help.contains("Everywhere"), "{help}");
    let quit_row = help.lines().find(|l| l.contains(" quit") && !l.contains("Ctrl")).unwrap_or_default();
    assert!(quit_row.contains(" Q "), "the help's quit row: {quit_row:?}\n{help}");
    press(&mut app, Action::CloseOverlay);
    // q is no longer quit; Q is.
    assert!(key(&mut app, KeyCode::Char('q'), KeyModifiers::NONE).is_empty());
    let effects = key(&mut app, KeyCode::Char('Q'), KeyModifiers::NONE);
    assert!(effects.contains(&boucle::ui::Effect::Quit), "{effects:?}");
}

#[test]
fn a_file_with_problems_starts_on_the_defaults_and_lists_them_under_the_problems_key() {
    let (options, problems) = options_from("Config(\n  keys: {\n    \"global.quitt\": [\"Q\"],\n  },\n)\n");
    assert_eq!(problems, 1);
    let mut app = app_sized(options, 200, 50);
    assert!(status_line(&app).contains("? help"), "{}", status_line(&app));
    assert!(!key(&mut app, KeyCode::Char('Q'), KeyModifiers::NONE).contains(&boucle::ui::Effect::Quit));
    key(&mut app, KeyCode::Char('!'), KeyModifiers::NONE);
    let listed = screen(&app);
    assert!(listed.contains("config.ron:3:5") && listed.contains("global.quit"), "{listed}");
}

/// `t` and `L` last the session; what they say names the config line that keeps the choice
/// (a tester expected them to be remembered, as "preferences" suggested).
#[test]
fn theme_and_language_keys_say_how_to_keep_the_choice() {
    let mut app = common::ui::app();
    common::ui::keys(&mut app, "t");
    let said = common::ui::status_line(&app);
    assert!(said.contains("for this session") && said.contains("theme: \"light\""), "{said}");
    common::ui::keys(&mut app, "L");
    let said = common::ui::status_line(&app);
    assert!(said.contains("pour cette session") && said.contains("language: \"fr\""), "{said}");
}
