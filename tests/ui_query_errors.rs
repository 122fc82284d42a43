//! What the query box cannot use is said, in the interface's language, on the query line.

use std::sync::Arc;

use boucle::load::{CatalogueSource, load};
use boucle::text::Lang;
use boucle::ui::view::draw;
use boucle::ui::{Action, App, Options, update};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

fn query_line(lang: Lang, typed: &str) -> String {
    let catalogue = Arc::new(load(&CatalogueSource::Bundled).catalogue);
    let mut app = App::new(catalogue, Vec::new(), Options { lang, ..Options::default() }, false);
    update(&mut app, Action::Resize { width: 120, height: 30 });
    update(&mut app, Action::FocusSearch);
    typed.chars().for_each(|c| update(&mut app, Action::SearchInsert(c)));
    let mut terminal = Terminal::new(TestBackend::new(120, 30)).unwrap();
    terminal.draw(|frame| draw(frame, &app)).unwrap();
    let buffer = terminal.backend().buffer();
    (0..120).map(|x| buffer[(x, 0)].symbol().to_string()).collect()
}

#[test]
fn an_unknown_field_is_named_in_french_and_english() {
    assert!(query_line(Lang::En, "foo:bar bethune").contains("⚠ unknown field foo: — fields: region mat theme"));
    assert!(query_line(Lang::Fr, "foo:bar bethune").contains("⚠ champ inconnu foo: — champs : region mat theme"));
}

#[test]
fn an_unknown_value_is_named_too() {
    assert!(query_line(Lang::Fr, "region:XX").contains("⚠ valeur inconnue region:XX"));
}
