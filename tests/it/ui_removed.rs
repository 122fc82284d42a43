//! An entry removed from the catalogue (its file deleted) while the dashboard shows it: the
//! entry pane says so, naming its file, and the selection moves to its neighbour in the
//! results; a follower's slide of a stop this session's catalogue lost says so too, at the
//! facilitator's position, instead of drawing nothing.

use crate::common;

use std::sync::Arc;

use boucle::model::Catalogue;
use boucle::presentation::{Deck, Drive, Hub, Stage, now_ms};
use boucle::query::Indexed;
use boucle::text::Lang;
use boucle::ui::state::Role;
use boucle::ui::update::presented;
use boucle::ui::{Options, Pane, Screen};
use common::ui::{
    app_on, app_sized, fixture, keys, pane_text, redraw, resize, result_ids, screen, select, selected_id,
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
