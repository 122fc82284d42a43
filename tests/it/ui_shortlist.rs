//! The shortlist in the dashboard, as a participant uses it: `m` marks, ★ shows, the shortlist
//! screen reorders, annotates and removes, the list survives a restart and a reload, a
//! damaged file is set aside with the user told, entries gone from the catalogue stay shown
//! as missing; the export dialog; opening and copying addresses.

use crate::common;

use boucle::model::Id;
use boucle::shortlist::store::{self, Opened};
use boucle::shortlist::{Item, Shortlist};
use boucle::ui::action::Outcome;
use boucle::ui::{Action, App, Effect, Options, Pane};
use common::ui::*;
use ratatui::crossterm::event::{KeyCode, KeyModifiers};

fn saved(effects: &[Effect]) -> Option<Shortlist> {
    effects.iter().rev().find_map(|e| match e {
        Effect::SaveShortlist { list, .. } => Some(list.clone()),
        _ => None,
    })
}

fn ids(list: &Shortlist) -> Vec<String> {
    list.ids().map(|id| id.to_string()).collect()
}

/// An app that saves its shortlist to `path` (the effects say so; the test writes them).
fn app_saving(path: &std::path::Path, list: Shortlist) -> App {
    app_sized(Options { shortlist: list, shortlist_file: Some(path.to_path_buf()), ..Options::default() }, 160, 48)
}

/// Marks `id` with `m` in the results, saving as the loop would.
fn mark(app: &mut App, id: &str, path: &std::path::Path) {
    select(app, id);
    let effects = keys(app, "m");
    let list = saved(&effects).expect("a mark saves the shortlist");
    store::save(path, &list).unwrap();
}

#[test]
fn marks_show_in_the_results_and_survive_a_restart() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("shortlist.ron");
    let mut app = app_saving(&path, Shortlist::default());
    for id in ["zinc-loop-hauts-de-france", "bringback-lead-acid-regeneration", "team2"] {
        mark(&mut app, id, &path);
    }
    let results = pane_text(&app, Pane::Results);
    let zinc = title(&app, "zinc-loop-hauts-de-france");
    assert!(results.lines().any(|l| l.starts_with('★') && zinc.starts_with(l[3..].trim_end_matches('…'))), "{results}");
    assert!(message(&app).unwrap().contains("Added to the shortlist"));

    // Start again on the same file: the same three, in the order they were marked.
    let opened = store::open(&path);
    assert!(matches!(opened, Opened::Read(_)), "{opened:?}");
    let mut again = app_saving(&path, opened.shortlist());
    assert_eq!(
        ids(again.shared().shortlist()),
        ["zinc-loop-hauts-de-france", "bringback-lead-acid-regeneration", "team2"]
    );
    assert_eq!(pane_text(&again, Pane::Results).lines().filter(|l| l.starts_with('★')).count(), 3);

    // m again unmarks.
    select(&mut again, "team2");
    let effects = keys(&mut again, "m");
    assert_eq!(ids(&saved(&effects).unwrap()), ["zinc-loop-hauts-de-france", "bringback-lead-acid-regeneration"]);
    assert!(message(&again).unwrap().contains("Removed from the shortlist"));
}

#[test]
fn the_shortlist_screen_reorders_annotates_and_removes() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("shortlist.ron");
    let list = Shortlist::from_items(
        ["team2", "zinc-loop-hauts-de-france", "bringback-visit-2025"]
            .iter()
            .map(|id| Item { id: Id::parse(id).unwrap(), note: String::new() })
            .collect(),
    );
    let mut app = app_saving(&path, list);
    keys(&mut app, "4");
    let shown = screen(&app);
    assert!(shown.contains("★ My shortlist · 3"), "{shown}");
    assert!(shown.contains(" 1. TEAM2"), "{shown}");
    assert!(shown.contains(&path.display().to_string()), "the file is named:\n{shown}");

    // J moves the first down; K moves it back up.
    let effects = keys(&mut app, "J");
    assert_eq!(ids(&saved(&effects).unwrap()), ["zinc-loop-hauts-de-france", "team2", "bringback-visit-2025"]);
    assert!(screen(&app).contains(" 2. TEAM2"));
    let effects = keys(&mut app, "K");
    assert_eq!(ids(&saved(&effects).unwrap())[0], "team2");

    // n writes a note; Enter keeps it; it shows under the entry and is saved.
    keys(&mut app, "j");
    keys(&mut app, "n");
    let effects = keys(&mut app, "ask about the Auby plant");
    assert!(saved(&effects).is_none(), "typing does not save");
    let effects = key(&mut app, KeyCode::Enter, KeyModifiers::NONE);
    let list = saved(&effects).expect("a note saves");
    assert_eq!(list.note("zinc-loop-hauts-de-france"), Some("ask about the Auby plant"));
    assert!(screen(&app).contains("✎ ask about the Auby plant"), "{}", screen(&app));

    // Esc in the note box keeps the old note.
    keys(&mut app, "n");
    keys(&mut app, "xyz");
    key(&mut app, KeyCode::Esc, KeyModifiers::NONE);
    assert!(screen(&app).contains("✎ ask about the Auby plant"));

    // d removes the entry under the cursor.
    let effects = keys(&mut app, "d");
    assert_eq!(ids(&saved(&effects).unwrap()), ["team2", "bringback-visit-2025"]);
    assert!(!screen(&app).contains("Auby"));

    // Esc goes back to browsing.
    key(&mut app, KeyCode::Esc, KeyModifiers::NONE);
    assert!(screen(&app).contains("Results"));

    // Enter on an item reads it in the entry pane; Backspace comes back.
    keys(&mut app, "4");
    keys(&mut app, "j");
    key(&mut app, KeyCode::Enter, KeyModifiers::NONE);
    assert_eq!(shown_id(&app).as_deref(), Some("bringback-visit-2025"));
    assert_eq!(focus(&app), Pane::Detail);
    key(&mut app, KeyCode::Backspace, KeyModifiers::NONE);
    assert_ne!(shown_id(&app).as_deref(), Some("bringback-visit-2025"));
}

#[test]
fn marks_this_catalogue_lacks_stay_shown_apart_as_kept_and_can_be_removed() {
    let list = Shortlist::from_items(vec![
        Item { id: Id::parse("no-longer-here").unwrap(), note: "from last year".into() },
        Item { id: Id::parse("team2").unwrap(), note: String::new() },
    ]);
    let mut app = app_with(Options { shortlist: list, ..Options::default() });
    keys(&mut app, "4");
    let shown = screen(&app);
    assert!(shown.contains("no-longer-here") && shown.contains("not in this catalogue: kept"), "{shown}");
    // Kept as another catalogue's mark: nothing invites removing it, and "In my shortlist"
    // counts only the marks this catalogue has (#22: 5 shown, then 0 results selected).
    assert!(!shown.contains("d removes") && !shown.contains('✗'), "{shown}");
    assert!(shown.contains("✎ from last year"), "{shown}");
    keys(&mut app, "1");
    let facets = common::ui::pane_text(&app, Pane::Facets);
    assert!(facets.lines().next().unwrap_or_default().trim_end().ends_with("In my shortlist 1"), "{facets}");
    keys(&mut app, "4");
    // A reload keeps it too: the shortlist is held by id.
    boucle::ui::update::reindex(&mut app, indexed(), problems());
    assert!(screen(&app).contains("no-longer-here"));
    keys(&mut app, "d");
    let shown = screen(&app);
    assert!(!shown.contains("not in this catalogue") && shown.contains(" 1. TEAM2"), "{shown}");
    assert!(message(&app).unwrap().contains("Removed from the shortlist: no-longer-here"));
}

#[test]
fn the_in_my_shortlist_row_filters_the_results() {
    let list = Shortlist::from_items(
        ["team2", "bringback-visit-2025"]
            .iter()
            .map(|id| Item { id: Id::parse(id).unwrap(), note: String::new() })
            .collect(),
    );
    let mut app = app_sized(Options { shortlist: list, ..Options::default() }, 160, 48);
    assert_eq!(total(&app), common::ui::FIXTURE_ENTRIES);
    let facets = pane_text(&app, Pane::Facets);
    assert!(facets.lines().next().unwrap().contains("□ ★ In my shortlist"), "{facets}");
    keys(&mut app, "s");
    let mut shown = result_ids(&app);
    shown.sort();
    assert_eq!(shown, ["bringback-visit-2025", "team2"]);
    assert!(pane_text(&app, Pane::Facets).lines().next().unwrap().contains("■ ★ In my shortlist"));
    assert!(status_line(&app).starts_with(" ★ 2 results"), "said where the filters are hidden too");
    // A click on the row lifts it again.
    let area = pane_area(&app, Pane::Facets);
    click(&mut app, area.x + 3, area.y + 1);
    assert_eq!(total(&app), common::ui::FIXTURE_ENTRIES);
    // Facet rows below it are still clicked where they are drawn.
    click(&mut app, area.x + 3, area.y + 2);
    assert_eq!(focus(&app), Pane::Facets);
}

#[test]
fn a_damaged_shortlist_file_is_set_aside_and_the_user_is_told() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("shortlist.ron");
    std::fs::write(&path, "(entries: [(id: \"team2\", note: \"unterminated)]").unwrap();
    let opened = store::open(&path);
    let Opened::SetAside { problem, moved_to } = &opened else { panic!("{opened:?}") };
    assert!(std::fs::read_to_string(moved_to).unwrap().contains("unterminated"), "the file is kept whole");
    let en = boucle::text::Lang::En;
    let notice = boucle::i18n::shortlist_set_aside(en, problem.get(en), &moved_to.display().to_string());
    let app = app_sized(
        Options {
            shortlist: opened.shortlist(),
            shortlist_file: Some(path.clone()),
            notice: Some(notice),
            ..Options::default()
        },
        160,
        48,
    );
    let shown = screen(&app);
    assert!(shown.contains("could not be read") && shown.contains("shortlist.ron.bad-1"), "{shown}");
    assert!(!path.exists(), "nothing is written until the user marks something");
}

#[test]
fn the_export_dialog_writes_through_the_loop_and_asks_before_replacing() {
    let list = Shortlist::from_items(vec![Item { id: Id::parse("team2").unwrap(), note: "call them".into() }]);
    let mut app = app_sized(Options { shortlist: list, ..Options::default() }, 160, 48);
    keys(&mut app, "x");
    let shown = screen(&app);
    assert!(
        shown.contains("Export") && shown.contains("my shortlist") && shown.contains("boucle-shortlist.md"),
        "{shown}"
    );
    // → changes the format, and the file name with it.
    key(&mut app, KeyCode::Right, KeyModifiers::NONE);
    assert!(screen(&app).contains("boucle-shortlist.html"));
    key(&mut app, KeyCode::Enter, KeyModifiers::NONE);
    let effects = key(&mut app, KeyCode::Enter, KeyModifiers::NONE);
    let Some(Effect::WriteFile { path, contents, overwrite }) = effects.first() else { panic!("{effects:?}") };
    assert_eq!(path.to_str(), Some("boucle-shortlist.html"));
    assert!(!overwrite, "never over a file unasked");
    let html = String::from_utf8(contents.clone()).unwrap();
    assert!(html.contains("TEAM2") && html.contains("call them"));

    // The file exists: the dialog asks; y replaces.
    boucle::ui::update::effect_done(&mut app, Outcome::FileWritten { path: path.clone(), result: Err(None) });
    redraw(&mut app);
    assert!(screen(&app).contains("This file exists. Replace it?"), "{}", screen(&app));
    let effects = keys(&mut app, "y");
    assert!(matches!(effects.first(), Some(Effect::WriteFile { overwrite: true, .. })), "{effects:?}");
    let written = std::path::PathBuf::from("/somewhere/boucle-shortlist.html");
    boucle::ui::update::effect_done(&mut app, Outcome::FileWritten { path: written, result: Ok(()) });
    redraw(&mut app);
    assert!(screen(&app).contains("Written to /somewhere/boucle-shortlist.html"), "{}", screen(&app));
    key(&mut app, KeyCode::Esc, KeyModifiers::NONE);
    assert!(!screen(&app).contains("Written to"));
}

#[test]
fn addresses_of_the_entry_pane_can_be_chosen_opened_and_copied() {
    let mut app = app_sized(Options::default(), 160, 48);
    select(&mut app, "team2");
    press(&mut app, Action::Open);
    // Nothing chosen: o says how to choose, and asks nothing of the loop.
    let effects = keys(&mut app, "o");
    assert!(effects.is_empty(), "{effects:?}");
    assert!(message(&app).unwrap().contains("Choose an address first"));
    // n goes past the related entries to the website.
    let links = link_ids(&app).len();
    for _ in 0..=links {
        keys(&mut app, "n");
    }
    assert!(pane_text(&app, Pane::Detail).contains("▶ https://"), "{}", pane_text(&app, Pane::Detail));
    // Also whole on the bottom line, with the keys that act on it.
    let chosen = message(&app).unwrap();
    assert!(chosen.starts_with("https://") && chosen.ends_with("o open · C copy"), "{chosen}");
    let effects = keys(&mut app, "o");
    let Some(Effect::OpenUrl(url)) = effects.first() else { panic!("{effects:?}") };
    assert!(url.starts_with("https://"), "{url}");
    let effects = keys(&mut app, "C");
    assert_eq!(effects, vec![Effect::Copy(url.clone())]);
    boucle::ui::update::effect_done(&mut app, Outcome::Copied { text: url.clone(), result: Ok(()) });
    assert!(message(&app).unwrap().contains("Copied"));
    boucle::ui::update::effect_done(
        &mut app,
        Outcome::UrlOpened { url: url.clone(), result: Err("xdg-open is not installed".into()) },
    );
    assert!(message(&app).unwrap().contains("No program to open addresses"), "the user is told, with the address");
}

#[test]
fn a_click_on_a_related_entry_follows_it() {
    let mut app = app_sized(Options::default(), 160, 48);
    select(&mut app, "bringback-visit-2025");
    press(&mut app, Action::Open);
    let before = shown_id(&app);
    let area = pane_area(&app, Pane::Detail);
    let text = pane_text(&app, Pane::Detail);
    let row = text.lines().position(|l| l.starts_with("→ ")).expect("a related entry is drawn");
    click(&mut app, area.x + 4, area.y + 1 + row as u16);
    assert_ne!(shown_id(&app), before, "the click followed the link");
}

/// A host that records what it was asked to open and copy.
struct SpyHost {
    terminal: ratatui::Terminal<ratatui::backend::TestBackend>,
    opened: Vec<String>,
    copied: Vec<String>,
}

impl boucle::ui::host::Host for SpyHost {
    type Output = ratatui::backend::TestBackend;

    fn terminal(&mut self) -> &mut ratatui::Terminal<ratatui::backend::TestBackend> {
        &mut self.terminal
    }

    fn suspend(&mut self) -> Result<(), std::convert::Infallible> {
        Ok(())
    }

    fn open_url(&mut self, url: &str) -> Result<(), String> {
        self.opened.push(url.to_string());
        Ok(())
    }

    fn copy(&mut self, text: &str) -> Result<(), boucle::i18n::Said> {
        self.copied.push(text.to_string());
        Ok(())
    }
}

/// The real loop: keys arrive on the session's channel; it saves the shortlist to its file,
/// opens and copies the chosen address through the host, and writes an export.
#[test]
fn the_session_loop_saves_opens_copies_and_exports() {
    use ratatui::crossterm::event::{Event as Input, KeyEvent};
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("data/boucle/shortlist.ron");
    let export = dir.path().join("out.md");
    let (sender, events) = std::sync::mpsc::channel();
    let queue = boucle::ui::input_queue::InputQueue::new(sender.clone());
    let options = Options { shortlist_file: Some(path.clone()), ..Options::default() };
    let mut app = App::new(indexed(), problems(), options);
    let key = |code| Input::Key(KeyEvent::new(code, KeyModifiers::NONE));
    let mut codes: Vec<KeyCode> = "jm".chars().map(KeyCode::Char).collect();
    // Open the entry, go past its related entries to its first address, open and copy it.
    codes.push(KeyCode::Enter);
    let links = {
        let mut probe = app_sized(Options::default(), 120, 40);
        press(&mut probe, Action::Down);
        press(&mut probe, Action::Open);
        link_ids(&probe).len()
    };
    codes.extend(std::iter::repeat_n(KeyCode::Char('n'), links + 1));
    codes.extend([KeyCode::Char('o'), KeyCode::Char('C'), KeyCode::Backspace]);
    // Export the shortlist to a file named in the dialog.
    codes.push(KeyCode::Char('x'));
    codes.push(KeyCode::Enter);
    let name = export.display().to_string();
    for code in codes {
        queue.push(key(code)).unwrap();
    }
    // Ctrl-U empties the proposed name; the test's own goes in its place.
    queue.push(Input::Key(KeyEvent::new(KeyCode::Char('u'), KeyModifiers::CONTROL))).unwrap();
    for c in name.chars() {
        queue.push(key(KeyCode::Char(c))).unwrap();
    }
    queue.push(key(KeyCode::Enter)).unwrap();
    queue.push(key(KeyCode::Esc)).unwrap();
    queue.push(key(KeyCode::Char('q'))).unwrap();
    let terminal = ratatui::Terminal::new(ratatui::backend::TestBackend::new(120, 40)).unwrap();
    let mut host = SpyHost { terminal, opened: Vec::new(), copied: Vec::new() };
    let exit =
        boucle::ui::session::run_session(&mut host, &mut app, &events, &queue, boucle::ui::searcher::Searcher::Inline)
            .unwrap();
    assert_eq!(exit, boucle::ui::session::Exit::Quit);

    let opened = store::open(&path);
    assert!(matches!(opened, Opened::Read(_)), "the loop saved the shortlist: {opened:?}");
    let marked = ids(&opened.shortlist());
    assert_eq!(marked.len(), 1);
    assert_eq!(host.opened.len(), 1, "o opened one address");
    assert!(host.opened[0].starts_with("http"), "{:?}", host.opened);
    assert_eq!(host.copied, host.opened, "c copied the same address");
    let md = std::fs::read_to_string(&export).expect("the export was written by the loop");
    assert!(md.starts_with("# My shortlist"), "{md}");
    assert!(md.contains(&format!("`{}`", marked[0])));
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        assert_eq!(std::fs::metadata(&export).unwrap().permissions().mode() & 0o777, 0o644);
        assert_eq!(std::fs::metadata(&path).unwrap().permissions().mode() & 0o777, 0o644);
    }
}

/// The hint under an item without a note names the key that writes one (`e` edits the
/// catalogue's file: a participant sent there by the hint would be editing the catalogue), and
/// the key the user's config gives instead when it gives one.
#[test]
fn the_note_hint_names_the_key_that_writes_a_note() {
    use boucle::diagnostic::Position;
    use boucle::ui::keymap::{Keymap, Override};
    let with_note_key = |keymap: Keymap| {
        let mut app = app_sized(
            Options {
                shortlist: Shortlist::from_items(vec![Item {
                    id: Id::parse("zinc-loop-hauts-de-france").unwrap(),
                    note: String::new(),
                }]),
                keys: std::sync::Arc::new(keymap),
                ..Options::default()
            },
            100,
            30,
        );
        keys(&mut app, "4");
        screen(&app)
    };
    let table = with_note_key(Keymap::default());
    assert!(table.contains("no note (n to write one)"), "{table}");
    let moved = Override {
        name: "shortlist.edit-note".into(),
        keys: vec!["N".into()],
        at: Position::START,
        key_at: Vec::new(),
    };
    let (keymap, problems) = Keymap::with_overrides(&[moved], "config.ron");
    assert!(problems.is_empty(), "{problems:?}");
    let overridden = with_note_key(keymap);
    assert!(overridden.contains("no note (N to write one)"), "{overridden}");
}
