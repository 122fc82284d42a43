//! A long result list is ranked a page at a time: typing stays fast on a large catalogue, and
//! scrolling towards the end of what is ranked asks for more, so every result can be reached.

use crate::common;
use crate::common::written;

use boucle::ui::{Action, Options, Pane};
use common::ui::{app_on, press, result_ids, selected_position, total};
use written::{Fixture, PRACTICE};

#[test]
fn scrolling_down_reaches_every_result() {
    let fixture = Fixture::new();
    for i in 0..250 {
        fixture.file(&format!("good-practices/battery-{i:03}.ron"), PRACTICE);
    }
    let loaded = fixture.load();
    assert_eq!(loaded.errors(), 0);
    let mut app = app_on(loaded.catalogue, Vec::new(), Options::default());
    press(&mut app, Action::Resize { width: 100, height: 30 });
    press(&mut app, Action::Focus(Pane::Results));
    assert_eq!(total(&app), 251, "250 practices and the organisation");
    assert!(result_ids(&app).len() < total(&app), "the first search ranks one page, not everything");
    for _ in 0..300 {
        press(&mut app, Action::Down);
    }
    assert_eq!(result_ids(&app).len(), total(&app), "scrolling ranked the rest");
    assert_eq!(selected_position(&app), Some(250), "the selection reached the last result");
}
