//! The first screen comes before the catalogue: the dashboard starts on an empty catalogue
//! with a progress line, keys work at once, and what is typed while it loads is searched when
//! the catalogue arrives — nothing typed is lost.

use crate::common;

use std::sync::mpsc::channel;

use boucle::load::CatalogueSource;
use boucle::query::Facet;
use boucle::ui::event::Event;
use boucle::ui::loading::{Ready, Stage, spawn_loader};
use boucle::ui::reload::Watch;
use boucle::ui::search::Searcher;
use boucle::ui::session::{Exit, run_session};
use boucle::ui::update::{load_progress, loaded};
use boucle::ui::{App, Options};
use common::ui::*;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{Event as Input, KeyCode, KeyEvent, KeyModifiers};

fn loading_app(options: Options) -> App {
    let mut app = App::loading(options, Searcher::Inline);
    resize(&mut app, 100, 30);
    app
}

fn ready() -> Ready {
    Ready { indexed: indexed(), problems: problems() }
}

#[test]
fn the_first_screen_shows_progress_and_the_keys_before_the_catalogue() {
    let mut app = loading_app(Options::default());
    load_progress(&mut app, Stage::Reading { read: 3, total: 17 });
    redraw(&mut app);
    let status = status_line(&app);
    assert!(status.contains("reading the catalogue 3/17…"), "{status}");
    assert!(status.contains("q quit"), "the key hints are there at once: {status}");
    load_progress(&mut app, Stage::Indexing);
    redraw(&mut app);
    assert!(status_line(&app).contains("indexing the catalogue…"), "{}", status_line(&app));
    assert!(result_ids(&app).is_empty());
}

#[test]
fn keys_typed_while_loading_are_searched_when_the_catalogue_arrives() {
    let mut app = loading_app(Options::default());
    keys(&mut app, "/zin");
    assert_eq!(query_text(&app), "zin");
    loaded(&mut app, ready());
    redraw(&mut app);
    assert_eq!(query_text(&app), "zin", "the query typed while loading is kept");
    assert!(editing(&app), "the query box still has the keys");
    keys(&mut app, "c");
    let fresh = app_with(Options { query: "zinc".into(), ..Options::default() });
    assert!(!result_ids(&fresh).is_empty());
    assert_eq!(result_ids(&app), result_ids(&fresh), "typing goes on in the loaded catalogue");
    assert!(!status_line(&app).contains("reading"), "{}", status_line(&app));
}

#[test]
fn command_line_filters_wait_for_the_catalogue() {
    let options = Options { filters: vec![(Facet::Kind, "visit".into())], ..Options::default() };
    let mut app = loading_app(options.clone());
    assert_eq!(message(&app), None, "a filter is not unknown before the catalogue is there");
    loaded(&mut app, ready());
    redraw(&mut app);
    let fresh = app_with(options);
    assert_eq!(result_ids(&app), result_ids(&fresh));
    assert_eq!(filter_chips(&app), filter_chips(&fresh));
}

/// Through the real loop and the real loader: keys sent before the catalogue has loaded are
/// all in the query box, and their results are on screen once it has.
#[test]
fn a_session_keeps_the_keys_sent_before_its_catalogue_loads() {
    let (sender, events) = channel();
    let mut app = App::loading(Options::default(), Searcher::worker(sender.clone()));
    let key = |code| Event::Input(Input::Key(KeyEvent::new(code, KeyModifiers::NONE)));
    for code in [KeyCode::Char('/'), KeyCode::Char('z'), KeyCode::Char('i'), KeyCode::Char('n')] {
        sender.send(key(code)).unwrap();
    }
    spawn_loader(CatalogueSource::Folders(vec![FIXTURE_RELATIVE.into()]), sender.clone(), Watch::Off);
    let mut host = TestHost(Terminal::new(TestBackend::new(100, 30)).unwrap());
    let quitter = std::thread::spawn(move || {
        // Generous for a loaded CI machine: the fixture loads in milliseconds.
        std::thread::sleep(std::time::Duration::from_millis(1500));
        sender.send(key(KeyCode::Enter)).unwrap();
        sender.send(key(KeyCode::Char('q'))).unwrap();
    });
    let exit = run_session(&mut host, &mut app, &events).unwrap();
    quitter.join().unwrap();
    assert_eq!(exit, Exit::Quit);
    let text = buffer_text(host.0.backend().buffer());
    assert!(text.contains("/ zin"), "{text}");
    assert!(text.contains("A zinc loop"), "the results of the search are on screen:\n{text}");
}

/// A catalogue with no entry that loads ends the session with its problems, as the dashboard
/// did before loading in the background.
#[test]
fn a_catalogue_with_nothing_loadable_ends_the_session() {
    let empty = tempfile::tempdir().unwrap();
    std::fs::create_dir(empty.path().join("good-practices")).unwrap();
    std::fs::write(empty.path().join("good-practices/broken.ron"), "(id: ").unwrap();
    let (sender, events) = channel();
    let mut app = App::loading(Options::default(), Searcher::worker(sender.clone()));
    spawn_loader(CatalogueSource::Folders(vec![empty.path().into()]), sender, Watch::Off);
    let mut host = TestHost(Terminal::new(TestBackend::new(100, 30)).unwrap());
    let exit = run_session(&mut host, &mut app, &events).unwrap();
    assert_eq!(exit, Exit::NothingLoaded);
    assert!(app.problems().iter().any(|p| p.is_error()));
}
