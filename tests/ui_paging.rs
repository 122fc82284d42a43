//! A long result list is ranked a page at a time: typing stays fast on a large catalogue, and
//! scrolling towards the end of what is ranked asks for more, so every result can be reached.

mod fixture;

use std::sync::Arc;

use boucle::ui::{Action, App, Options, Pane, update};
use fixture::{Fixture, PRACTICE};

#[test]
fn scrolling_down_reaches_every_result() {
    let fixture = Fixture::new();
    for i in 0..250 {
        fixture.file(&format!("good-practices/battery-{i:03}.ron"), PRACTICE);
    }
    let loaded = fixture.load();
    assert_eq!(loaded.errors(), 0);
    let mut app = App::new(Arc::new(loaded.catalogue), Vec::new(), Options::default(), false);
    update(&mut app, Action::Resize { width: 100, height: 30 });
    update(&mut app, Action::Focus(Pane::Results));
    assert_eq!(app.results.total, 251, "250 practices and the organisation");
    assert!(app.results.hits.len() < app.results.total, "the first search ranks one page, not everything");
    for _ in 0..300 {
        update(&mut app, Action::Down);
    }
    assert_eq!(app.results.hits.len(), app.results.total, "scrolling ranked the rest");
    assert_eq!(app.selected_position(), Some(250), "the selection reached the last result");
}
