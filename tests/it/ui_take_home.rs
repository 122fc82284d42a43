//! #21 item 4 in a served dashboard (no server needed): a session whose room keeps its
//! shortlist hands every change to the loop, its shortlist screen shows the retrieval code and
//! the command that takes the shortlist home, and `x` offers that command — in the format
//! chosen — with the Markdown to copy, instead of writing a file on the server.

use crate::common;

use boucle::ui::take_home::TakeHome;
use boucle::ui::{Action, App, Effect, Options};
use common::ui::*;

fn served(lang: boucle::text::Lang) -> App {
    let take_home = Some(TakeHome { ssh: "ssh -p 2222 fr@192.0.2.7".into(), code: Some("K7M2-QX4P".into()) });
    app_sized(Options { lang, take_home, ..Options::default() }, 120, 40)
}

#[test]
fn a_served_sessions_marks_go_to_the_room_and_its_shortlist_screen_shows_the_code_and_command() {
    let mut app = served(boucle::text::Lang::Fr);
    let effects = keys(&mut app, "m");
    let kept = effects.iter().find_map(|e| match e {
        Effect::SaveShortlist { list, .. } => Some(list.clone()),
        _ => None,
    });
    assert_eq!(kept.map(|l| l.len()), Some(1), "the room is given the shortlist: {effects:?}");
    keys(&mut app, "4");
    let screen = screen(&app);
    assert!(screen.contains("Votre code : K7M2-QX4P"), "{screen}");
    assert!(
        screen.contains("ssh -p 2222 fr@192.0.2.7 export --shortlist K7M2-QX4P --format html > ma-selection.html"),
        "{screen}"
    );
}

#[test]
fn x_offers_the_command_in_the_format_chosen_and_the_markdown_to_copy_never_a_file() {
    let mut app = served(boucle::text::Lang::En);
    keys(&mut app, "m");
    keys(&mut app, "x");
    press(&mut app, Action::NextFormat);
    let effects = press(&mut app, Action::Open);
    assert!(!effects.iter().any(|e| matches!(e, Effect::WriteFile { .. })), "nothing written: {effects:?}");
    let copied = effects.iter().find_map(|e| match e {
        Effect::Copy(text) => Some(text.clone()),
        _ => None,
    });
    let copied = copied.expect("the Markdown to copy");
    assert!(copied.starts_with("# "), "Markdown: {copied}");
    let screen = screen(&app);
    assert!(screen.contains("Nothing is written on the server"), "{screen}");
    assert!(screen.contains("export --shortlist K7M2-QX4P --format html > my-shortlist.html"), "{screen}");
    assert!(screen.contains("clipboard (OSC 52)"), "{screen}");
}

#[test]
fn a_local_dashboard_without_a_file_keeps_its_marks_to_itself() {
    let mut app = app_sized(Options::default(), 120, 40);
    let effects = keys(&mut app, "m");
    assert!(!effects.iter().any(|e| matches!(e, Effect::SaveShortlist { .. })), "{effects:?}");
}
