//! An entry removed from the catalogue (its file deleted) while the dashboard shows it: the
//! entry pane says so, naming its file, and the selection moves to its neighbour in the
//! results; a follower's slide of a stop this session's catalogue lost says so too, at the
//! facilitator's position, instead of drawing nothing. Every other screen that names an entry
//! says it the same way: the tours screen's open stop (also after a presentation, which held
//! the reload back), a mark on the shortlist screen; the overview moves its selection on.

use crate::common;

use std::sync::Arc;

use boucle::model::Catalogue;
use boucle::presentation::{Deck, Drive, Hub, Stage, now_ms};
use boucle::query::Indexed;
use boucle::text::Lang;
use boucle::ui::state::Role;
use boucle::ui::update::presented;
use boucle::ui::{Action, Options, Pane, Screen};
use common::ui::{
    app_on, app_sized, fixture, keys, message, pane_text, press, press_all, redraw, resize, result_ids, screen, select,
    selected_id, title,
};

/// The fixture's catalogue without `gone`, as a reload after its file was deleted brings it.
fn without(gone: &str) -> Catalogue {
    let old = &fixture().catalogue;
    let entries = old.entries().iter().filter(|e| e.id.as_str() != gone).cloned().collect();
    Catalogue::new(old.vocabularies.clone(), entries)
}

fn reload_without(app: &mut boucle::ui::App, gone: &str) {
    let reloaded =
        boucle::ui::reload::Reloaded { indexed: Arc::new(Indexed::new(without(gone))), problems: Vec::new().into() };
    boucle::ui::update::reloaded(app, reloaded);
    redraw(app);
}

#[test]
fn the_entry_pane_names_a_removed_entry_and_the_selection_goes_to_its_neighbour() {
    for lang in [Lang::En, Lang::Fr] {
        let mut app = app_sized(Options { lang, ..Options::default() }, 160, 48);
        let ids = result_ids(&app);
        let (gone, next) = (ids[1].clone(), ids[2].clone());
        select(&mut app, &gone);
        reload_without(&mut app, &gone);
        assert_eq!(selected_id(&app).as_deref(), Some(next.as_str()), "the entry after it, not the first result");
        let text = pane_text(&app, Pane::Detail);
        let (pane, joined) = (text.replace('\n', " "), text.replace('\n', ""));
        let said = match lang {
            Lang::En => "was removed from the catalogue",
            Lang::Fr => "a été retirée du catalogue",
        };
        assert!(pane.contains(said) && joined.contains(&format!("{gone}.ron")), "{pane}");
        // And the status line, where the reload is said.
        assert_eq!(screen(&app).matches(said).count(), 2, "{}", screen(&app));
        // Moving on: the note has said what it had to.
        keys(&mut app, "j");
        assert!(!pane_text(&app, Pane::Detail).contains(said));
    }

    // The last result removed: the one before it.
    let mut app = app_sized(Options::default(), 160, 48);
    let ids = result_ids(&app);
    let last = ids.last().unwrap().clone();
    select(&mut app, &last);
    reload_without(&mut app, &last);
    assert_eq!(selected_id(&app).as_deref(), Some(ids[ids.len() - 2].as_str()));
}

/// The facilitator presents the tour from a catalogue that has all its stops; this participant's
/// reloaded without the third. Following, the participant is at the facilitator's stop, and
/// the third stop's slide says it is gone (it was drawn blank at the end, one stop off before).
#[test]
fn a_follower_whose_catalogue_lost_a_stop_is_told_at_that_stop() {
    const TOUR: &str = "peer-review-lille-2025";
    const GONE: &str = "bethune-bruay-mining-sites-2025";
    let hub = Hub::new(Stage::new(Deck::Tour(TOUR.into()), 4, now_ms()));
    hub.drive(&Drive::Next);
    hub.drive(&Drive::Next);
    let options = Options { presenting: Some(Role::Follower), ..Options::default() };
    let mut app = app_on(without(GONE), Vec::new(), options);
    resize(&mut app, 120, 40);
    presented(&mut app, hub.stage().for_follower());
    keys(&mut app, "f");
    assert_eq!((app.screen(), app.present().position()), (Screen::Present, 2));
    let shown = screen(&app);
    assert!(shown.contains("Following, stop 3/4"), "{shown}");
    assert!(shown.contains(&format!("“{GONE}”, is no longer in the catalogue")), "{shown}");
    hub.drive(&Drive::Next);
    presented(&mut app, hub.stage().for_follower());
    redraw(&mut app);
    assert!(
        screen(&app).contains("stop 4/4") && !screen(&app).contains("no longer in the catalogue"),
        "{}",
        screen(&app)
    );
}

/// A stop of the fixture's tour (its second), and the words its removal is said in.
const STOP: &str = "zinc-loop-hauts-de-france";

fn removed_words(lang: Lang) -> &'static str {
    match lang {
        Lang::En => "was removed from the catalogue",
        Lang::Fr => "a été retirée du catalogue",
    }
}

/// The screen's rows without their borders, joined: a sentence wrapped in a single pane reads
/// whole (the screens here are narrow enough for one pane).
fn flat(app: &boucle::ui::App) -> String {
    let trim: &[char] = &[' ', '│', '┃', '╭', '╮', '╰', '╯', '┏', '┓', '┗', '┛', '─', '━'];
    screen(app).lines().map(|row| row.trim_matches(trim)).filter(|row| !row.is_empty()).collect::<Vec<_>>().join(" ")
}

/// The tours screen, at a stop opened, when the stop's entry is removed: the stop's note
/// stays, and under it the entry is said removed, title and file, as the entry pane says it
/// (the pane was left out before, the screen half empty); the status line says it too.
#[test]
fn the_tours_screen_names_a_removed_stop_under_its_note() {
    for lang in [Lang::En, Lang::Fr] {
        let mut app = app_sized(Options { lang, ..Options::default() }, 90, 40);
        press_all(&mut app, &[Action::ShowScreen(Screen::Tours), Action::Open, Action::Down, Action::Open]);
        let name = title(&app, STOP);
        assert!(flat(&app).contains(&name), "{}", screen(&app));
        reload_without(&mut app, STOP);
        let shown = flat(&app);
        let note = match lang {
            Lang::En => "Day 1, afternoon",
            Lang::Fr => "Jour 1, après-midi",
        };
        assert!(shown.contains(note), "the stop's note stays: {shown}");
        assert!(shown.contains(removed_words(lang)) && shown.contains(&format!("{STOP}.ron")), "{shown}");
        assert!(shown.contains(&name), "named by its title: {shown}");
        let line = message(&app).unwrap_or_default();
        assert!(line.contains(removed_words(lang)) && line.contains(&name), "{line}");
    }
}

/// A presentation holds a reload back (nothing moves under a facilitator's slide); leaving it
/// lands on the tours screen at the stop, which says its entry was removed meanwhile.
#[test]
fn a_stop_removed_during_a_presentation_is_said_once_it_ends() {
    let mut app = app_sized(Options::default(), 90, 40);
    press_all(
        &mut app,
        &[Action::ShowScreen(Screen::Tours), Action::Open, Action::Down, Action::Open, Action::Present],
    );
    assert_eq!(app.screen(), Screen::Present);
    reload_without(&mut app, STOP);
    assert!(!flat(&app).contains(removed_words(Lang::En)), "held back: {}", screen(&app));
    press(&mut app, Action::LeavePresent);
    assert_eq!(app.screen(), Screen::Tours);
    let shown = flat(&app);
    assert!(shown.contains(removed_words(Lang::En)) && shown.contains(&format!("{STOP}.ron")), "{shown}");
}

/// A marked entry removed while the shortlist screen shows it: the mark stays (a shortlist
/// keeps its marks), said removed with its title and file rather than by an id as a mark from
/// another catalogue is.
#[test]
fn the_shortlist_screen_names_a_removed_mark() {
    for lang in [Lang::En, Lang::Fr] {
        let mut app = app_sized(Options { lang, ..Options::default() }, 120, 30);
        select(&mut app, STOP);
        // Marked, then another entry selected: the browse pane has nothing to say of it.
        press_all(&mut app, &[Action::ToggleMark, Action::Down, Action::ShowScreen(Screen::Shortlist)]);
        assert_ne!(selected_id(&app).as_deref(), Some(STOP));
        let name = title(&app, STOP);
        reload_without(&mut app, STOP);
        assert!(app.shared().shortlist().contains(STOP), "the mark is kept");
        let shown = screen(&app);
        let row = shown.lines().find(|row| row.contains(" 1. ")).unwrap_or_default();
        assert!(row.contains(removed_words(lang)) && row.contains(&name), "{shown}");
        let line = message(&app).unwrap_or_default();
        assert!(line.contains(removed_words(lang)) && line.contains(&name), "{line}");
    }
}

/// The overview with the removed entry selected: its map and charts are drawn for the results
/// left, the selection moved on, and the status line says what went.
#[test]
fn the_overview_moves_on_from_a_removed_entry() {
    let mut app = app_sized(Options::default(), 120, 40);
    select(&mut app, STOP);
    press(&mut app, Action::ShowScreen(Screen::Overview));
    let name = title(&app, STOP);
    reload_without(&mut app, STOP);
    assert_eq!(app.screen(), Screen::Overview);
    assert!(selected_id(&app).is_some_and(|id| id != STOP));
    assert!(screen(&app).contains("Map"), "{}", screen(&app));
    let line = message(&app).unwrap_or_default();
    assert!(line.contains(removed_words(Lang::En)) && line.contains(&name), "{line}");
}
