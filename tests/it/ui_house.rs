//! The dashboard's structure, as a user meets it: keys that work from every context, the
//! focus drawn only where the keys go, what the user was looking at kept across a reload of
//! the catalogue, and the session loop driven through its one event channel.

use crate::common;

use std::sync::Arc;
use std::sync::mpsc::channel;

use boucle::model::{Catalogue, Id};
use boucle::query::{Facet, Indexed};
use boucle::ui::keymap::Context;
use boucle::ui::session::search_worker;
use boucle::ui::session::{Exit, run_session};
use boucle::ui::{Action, App, Options, Pane};
use common::ui::*;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{Event as Input, KeyCode, KeyEvent, KeyModifiers};

fn ctrl(app: &mut App, c: char) -> Vec<boucle::ui::Effect> {
    key(app, KeyCode::Char(c), KeyModifiers::CONTROL)
}

/// A place the keys can be, and how to get there.
type Place = (&'static str, fn(&mut App));

/// Ctrl-Z and Ctrl-C reach the loop from every place the keys can be: each pane, the query
/// box, the help and the problems list.
#[test]
fn ctrl_z_suspends_and_ctrl_c_quits_from_every_context() {
    let places: [Place; 6] = [
        ("the filters", |app| drop(press(app, Action::Focus(Pane::Facets)))),
        ("the results", |_| {}),
        ("the entry", |app| drop(press(app, Action::Open))),
        ("the query box", |app| drop(keys(app, "/zin"))),
        ("the help", |app| drop(keys(app, "?"))),
        ("the problems", |app| drop(keys(app, "!"))),
    ];
    for (place, go) in places {
        let mut app = app();
        go(&mut app);
        let before = screen(&app);
        assert!(suspends(&ctrl(&mut app, 'z')), "Ctrl-Z suspends from {place}");
        assert_eq!(screen(&app), before, "and changes nothing on screen in {place}");
        assert!(quits(&ctrl(&mut app, 'c')), "Ctrl-C quits from {place}");
    }
}

/// Only the place that has the keys draws a heavy frame: none of the panes while an overlay
/// or the query box has them.
#[test]
fn no_focus_border_under_an_overlay_or_while_typing() {
    let heavy = |app: &App, pane: Pane| {
        let area = pane_area(app, pane);
        draw(app)[(area.x, area.y)].symbol() == "┏"
    };
    let mut app = app_sized(Options::default(), 160, 48);
    press(&mut app, Action::Focus(Pane::Facets));
    assert!(heavy(&app, Pane::Facets), "the focused pane has the heavy frame");
    keys(&mut app, "!");
    assert!(screen(&app).contains("broken-magnet-recycling.ron"), "the problems list is open");
    assert!(!heavy(&app, Pane::Facets), "not under the problems list");
    keys(&mut app, "!");
    keys(&mut app, "?");
    assert!(!heavy(&app, Pane::Facets), "not under the help");
    key(&mut app, KeyCode::Esc, KeyModifiers::NONE);
    assert!(heavy(&app, Pane::Facets), "back once the help is closed");
    keys(&mut app, "/");
    assert!(!heavy(&app, Pane::Facets), "not while the query is typed");
    for pane in [Pane::Results, Pane::Detail] {
        assert!(!heavy(&app, pane), "{pane:?} is not heavy either");
    }
}

/// The help has a section for every context keys are looked up in, so no key is hidden.
#[test]
fn the_help_lists_every_context() {
    let mut app = app_sized(Options::default(), 160, 48);
    keys(&mut app, "?");
    let mut seen = String::new();
    for _ in 0..20 {
        seen.push_str(&screen(&app));
        press(&mut app, Action::PageDown);
    }
    for context in Context::ALL {
        let title = context.title(boucle::text::Lang::En);
        assert!(seen.contains(title), "the help has a section '{title}'");
    }
}

/// The fixture's entries plus one whose id sorts first, as a reload that adds a file gives:
/// every entry moves one position down.
fn reloaded_with_one_more() -> Arc<Indexed> {
    let old = fixture().catalogue.clone();
    let mut entries = old.entries().to_vec();
    let mut first = old.get("zinc-loop-hauts-de-france").unwrap().clone();
    first.id = Id::parse("aaa-added-while-running").unwrap();
    entries.push(first);
    Arc::new(Indexed::new(Catalogue::new(old.vocabularies.clone(), entries)))
}

/// The entry pane draws again the text it laid out for the last frame while the same entry is
/// shown the same way (`ui::frame::EntryText`); a reload that changes that entry's text, at the
/// same position in the catalogue, is drawn at once, never the kept text.
#[test]
fn a_reload_that_changes_the_shown_entrys_text_is_drawn_at_once() {
    let mut app = app_sized(Options::default(), 160, 48);
    select(&mut app, "bethune-bruay-mining-heritage");
    let before = pane_text(&app, Pane::Detail);
    redraw(&mut app);
    assert_eq!(pane_text(&app, Pane::Detail), before, "drawn again the same");
    let old = fixture().catalogue.clone();
    let mut entries = old.entries().to_vec();
    let position = old.index_of("bethune-bruay-mining-heritage").unwrap();
    entries[position].common.summary = boucle::text::Label::plain("A summary rewritten while the room ran");
    let indexed = Arc::new(Indexed::new(Catalogue::new(old.vocabularies.clone(), entries)));
    assert_eq!(indexed.catalogue().index_of("bethune-bruay-mining-heritage"), Some(position), "the same position");
    boucle::ui::update::reindex(&mut app, indexed, problems());
    redraw(&mut app);
    let after = pane_text(&app, Pane::Detail);
    assert!(after.contains("rewritten while the room ran"), "{after}");
    assert_ne!(after, before);
}

#[test]
fn selection_trail_and_filters_survive_a_reload_that_moves_every_entry() {
    let mut app = app_sized(Options::default(), 160, 48);
    toggle_filter(&mut app, Facet::Region, "FRE");
    toggle_filter(&mut app, Facet::Kind, "practice");
    select(&mut app, "bethune-bruay-mining-heritage");
    press(&mut app, Action::Open);
    press(&mut app, Action::NextLink);
    press(&mut app, Action::Open);
    let followed = shown_id(&app).expect("a link was followed");
    assert_ne!(followed, "bethune-bruay-mining-heritage");
    let chips = filter_chips(&app);
    let results = result_ids(&app);
    let cursor = cursor_row(&app);
    let pane = pane_text(&app, Pane::Detail);

    let indexed = reloaded_with_one_more();
    let moved = indexed.catalogue().index_of("bethune-bruay-mining-heritage");
    assert_ne!(moved, fixture().catalogue.index_of("bethune-bruay-mining-heritage"), "positions did move");
    boucle::ui::update::reindex(&mut app, indexed, problems());
    redraw(&mut app);

    assert_eq!(selected_id(&app).as_deref(), Some("bethune-bruay-mining-heritage"), "the selection is kept");
    assert_eq!(shown_id(&app), Some(followed), "the followed entry is still shown");
    assert_eq!(pane_text(&app, Pane::Detail), pane, "and the entry pane reads the same");
    assert_eq!(filter_chips(&app), chips, "the filters are kept");
    // The added entry is a copy of a practice in Hauts-de-France: it joins the results.
    let expected: Vec<String> = std::iter::once("aaa-added-while-running".to_string()).chain(results).collect();
    assert_eq!(result_ids(&app), expected, "the filters still apply, to the new catalogue");
    assert_eq!(cursor_row(&app), cursor, "the filters pane's cursor stays on its value");
    press(&mut app, Action::Back);
    assert_eq!(shown_id(&app).as_deref(), Some("bethune-bruay-mining-heritage"), "Back still goes back");
}

#[test]
fn an_entry_gone_after_a_reload_gives_way_to_its_neighbour() {
    let mut app = app();
    let before = result_ids(&app);
    let at = before.iter().position(|id| id == "zinc-loop-hauts-de-france").unwrap();
    select(&mut app, "zinc-loop-hauts-de-france");
    let old = fixture().catalogue.clone();
    let entries = old.entries().iter().filter(|e| e.id.as_str() != "zinc-loop-hauts-de-france").cloned().collect();
    let indexed = Arc::new(Indexed::new(Catalogue::new(old.vocabularies.clone(), entries)));
    boucle::ui::update::reindex(&mut app, indexed, Vec::new());
    redraw(&mut app);
    assert_eq!(total(&app), FIXTURE_ENTRIES - 1);
    // The entry after it in the results (where the user was), not the first result.
    assert_eq!(selected_id(&app), before.get(at + 1).cloned(), "its neighbour is selected");
    assert!(!status_line(&app).contains('⚠'), "the new problems replace the old ones");
}

#[test]
fn a_session_runs_over_any_backend_through_one_event_channel() {
    let (sender, events) = channel();
    let queue = boucle::ui::input_queue::InputQueue::new(sender.clone());
    let mut app = App::new(indexed(), problems(), Options::default());
    let searcher = search_worker(sender.clone());
    let key = |code| Input::Key(KeyEvent::new(code, KeyModifiers::NONE));
    for code in [KeyCode::Char('/'), KeyCode::Char('z'), KeyCode::Char('i'), KeyCode::Char('n'), KeyCode::Enter] {
        queue.push(key(code)).unwrap();
    }
    let mut host = TestHost(Terminal::new(TestBackend::new(100, 30)).unwrap());
    // The loop draws after each burst; the results come back on the same channel. Once they
    // are on screen, `q` ends the session.
    let typing = queue.clone();
    let watcher = std::thread::spawn(move || {
        std::thread::sleep(std::time::Duration::from_millis(300));
        typing.push(key(KeyCode::Char('q'))).unwrap();
    });
    let exit = run_session(&mut host, &mut app, &events, &queue, searcher).unwrap();
    watcher.join().unwrap();
    assert_eq!(exit, Exit::Quit);
    let text = buffer_text(host.0.backend().buffer());
    assert!(text.contains("/ zin"), "{text}");
    assert!(text.contains("A zinc loop"), "the results of the search are on screen:\n{text}");
    let fresh = app_with(Options { query: "zin".into(), ..Options::default() });
    let count = format!(" {} result", total(&fresh));
    assert!(text.lines().last().unwrap().starts_with(&count), "the count of --query zin:\n{text}");
}

/// Nothing moves under a facilitator's slide: a reload that comes during a presentation is
/// swapped in when present mode ends.
#[test]
fn a_reload_waits_until_the_presentation_ends() {
    let mut app = app_sized(Options::default(), 100, 30);
    keys(&mut app, "p");
    // The slide without its clock, which may tick meanwhile.
    let slide_of = |app: &App| screen(app).lines().filter(|l| !l.contains('⏱')).collect::<Vec<_>>().join("\n");
    let slide = slide_of(&app);
    assert!(screen(&app).contains(&format!("1/{FIXTURE_ENTRIES}")), "presenting the results:\n{slide}");
    let reloaded = boucle::ui::reload::Reloaded { indexed: reloaded_with_one_more(), problems: Vec::new().into() };
    boucle::ui::update::reloaded(&mut app, reloaded);
    redraw(&mut app);
    assert_eq!(slide_of(&app), slide, "the slide did not change");
    assert_eq!(total(&app), FIXTURE_ENTRIES, "nor the catalogue behind it");
    keys(&mut app, "q");
    assert_eq!(total(&app), FIXTURE_ENTRIES + 1, "the reload came in once present mode ended");
}

/// The French interface names keys as French keyboards print them, in the hints and in the
/// help alike (it said `Esc fermer` under a frame that said `Échap ou ? fermer`).
#[test]
fn french_keys_are_named_alike_in_hints_and_help() {
    let mut app = app_with(Options { lang: boucle::text::Lang::Fr, ..Options::default() });
    keys(&mut app, "?");
    let text = screen(&app);
    let status = text.lines().last().unwrap();
    assert!(status.contains("Échap fermer"), "{status}");
    assert!(text.contains("Échap ou ? fermer"), "{text}");
    assert!(!text.contains("Esc"), "no English key name left:\n{text}");
}
