//! The dashboard's first screen from the catalogue cache's archive (#25 item 2): its entries
//! are checked and decoded as a search or a frame first touches them. The screen drawn from
//! the archive is the one drawn from a whole load (text and colours, small and large); the
//! first screen of a large catalogue decodes a few of its entries; and an entry damaged in the
//! cache is never shown: the dashboard waits for the files' load instead.

use crate::common;

use std::fs;
use std::path::PathBuf;
use std::sync::mpsc::channel;
use std::sync::{Arc, Mutex};

use boucle::live::archived;
use boucle::load::CatalogueSource;
use boucle::load::cache::Cache;
use boucle::query::{Facet, Indexed};
use boucle::text::Lang;
use boucle::ui::input_queue::InputQueue;
use boucle::ui::loading::{Ready, spawn_loader_cached};
use boucle::ui::reload::Watch;
use boucle::ui::session::{Exit, run_session, search_worker};
use boucle::ui::update::loaded;
use boucle::ui::{App, Options};
use common::cached::{damage_text, write_cache};
use common::ui::*;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::crossterm::event::{Event as Input, KeyCode, KeyEvent, KeyModifiers};

/// The first frame of a dashboard given `ready` at `width`×`height`, drawn as the loop draws.
fn first_frame(ready: Ready, width: u16, height: u16) -> (App, Buffer) {
    first_frame_with(ready, width, height, Options::default())
}

/// [`first_frame`] for a dashboard started with `options` (the command line's filters).
fn first_frame_with(ready: Ready, width: u16, height: u16, options: Options) -> (App, Buffer) {
    let mut app = App::loading(options);
    resize(&mut app, width, height);
    loaded(&mut app, ready);
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    boucle::ui::render(&mut terminal, &mut app).unwrap();
    let buffer = terminal.backend().buffer().clone();
    (app, buffer)
}

#[test]
fn the_first_screen_from_the_archive_is_the_whole_loads_in_text_and_colours() {
    let dir = tempfile::tempdir().unwrap();
    let cache = Cache::at(dir.path().join("cache"));
    let folders = vec![PathBuf::from(FIXTURE_RELATIVE)];
    write_cache(&cache, &folders, fixture(), &indexed());
    for (width, height) in [(80, 24), (220, 60)] {
        let (loaded, lazy, _) = archived::lazy(&cache, &folders).expect("the archive opens");
        assert!(lazy.catalogue().entries().is_lazy());
        let from_archive = Ready { indexed: Arc::new(lazy), problems: loaded.diagnostics.into() };
        let (app, drawn) = first_frame(from_archive, width, height);
        let (_, whole) = first_frame(Ready { indexed: indexed(), problems: problems() }, width, height);
        assert!(!result_ids(&app).is_empty(), "results are shown");
        assert_eq!(buffer_text(&drawn), buffer_text(&whole), "{width}×{height}");
        assert_eq!(drawn, whole, "{width}×{height}: the same symbols and colours");
        assert!(!app.shared().indexed().catalogue().entries().damaged());
    }
}

#[test]
fn the_first_screen_of_a_large_cached_catalogue_decodes_few_of_its_entries() {
    use common::Spec;
    let specs = (0..3000)
        .map(|i| Spec::practice(&format!("gp-{i:05}"), &format!("Practice {i} of zinc")).region("FR").summary("A loop"))
        .collect();
    let catalogue = common::catalogue(specs);
    let folder = tempfile::tempdir().unwrap();
    let folders = vec![folder.path().to_path_buf()];
    let cache_dir = tempfile::tempdir().unwrap();
    let cache = Cache::at(cache_dir.path().to_path_buf());
    let loaded = boucle::load::Loaded { stamps: Some(Vec::new()), ..Default::default() };
    let whole = Indexed::new(catalogue);
    write_cache(&cache, &folders, &loaded, &whole);
    let (_, lazy, _) = archived::lazy(&cache, &folders).expect("the archive opens");
    let lazy = Arc::new(lazy);
    let (app, drawn) = first_frame(Ready { indexed: lazy.clone(), problems: Vec::new().into() }, 120, 40);
    let (_, expected) = first_frame(Ready { indexed: Arc::new(whole), problems: Vec::new().into() }, 120, 40);
    assert_eq!(drawn, expected);
    assert!(result_ids(&app).len() > 10, "a screenful of results: {:?}", result_ids(&app));
    let decoded = lazy.catalogue().entries().decoded();
    assert!(decoded < 3000 / 10, "the first screen decoded {decoded} entries of 3,000");
}

/// Draws as the dashboard does, and keeps the text of every frame that shows results.
struct Recording {
    terminal: Terminal<TestBackend>,
    frames: Arc<Mutex<Vec<String>>>,
    done: Box<dyn FnMut(&str)>,
}

impl boucle::ui::host::Host for Recording {
    type Output = TestBackend;

    fn terminal(&mut self) -> &mut Terminal<TestBackend> {
        &mut self.terminal
    }

    fn render(&mut self, app: &mut App) -> Result<(), std::convert::Infallible> {
        boucle::ui::render(&mut self.terminal, app)?;
        if !result_ids(app).is_empty() {
            let text = buffer_text(self.terminal.backend().buffer());
            (self.done)(&text);
            self.frames.lock().unwrap().push(text);
        }
        Ok(())
    }

    fn suspend(&mut self) -> Result<(), std::convert::Infallible> {
        Ok(())
    }
}

/// Through the real loop and the real owner of loading: the fixture's cache with one entry's
/// title changed inside its bytes. The first frame touches that entry; every frame with
/// results is then the files' (the whole load's), never one drawn from the damaged cache.
#[test]
fn an_entry_damaged_in_the_cache_and_first_touched_by_a_frame_is_never_shown() {
    damaged_entry_is_never_shown(Vec::new());
}

/// The files' load that replaces a damaged cache keeps the command line's filters
/// (`--region FRE`), as the query is kept: its screen is the filtered one, not the whole
/// catalogue's.
#[test]
fn the_files_load_after_a_damaged_cache_keeps_the_command_lines_filters() {
    damaged_entry_is_never_shown(vec![(Facet::Region, "FRE".to_string())]);
}

/// A dashboard started with `filters` on the fixture's cache, one of whose entries on the
/// first screen is damaged: no frame shows that cache, and the files' screen, as the
/// command line asked for it, follows.
fn damaged_entry_is_never_shown(filters: Vec<(Facet, String)>) {
    let options = || Options { filters: filters.clone(), ..Options::default() };
    let dir = tempfile::tempdir().unwrap();
    let cache = Cache::at(dir.path().join("cache"));
    let folders = vec![PathBuf::from(FIXTURE_RELATIVE)];
    let mut loaded = boucle::load::load(&CatalogueSource::Folders(folders.clone()));
    let whole = Indexed::new(std::mem::take(&mut loaded.catalogue));
    write_cache(&cache, &folders, &loaded, &whole);
    let (width, height) = (100, 30);
    let ready = || Ready { indexed: indexed(), problems: problems() };
    let (reference_app, reference) = first_frame_with(ready(), width, height, options());
    let reference = buffer_text(&reference);
    if !filters.is_empty() {
        let (_, unfiltered) = first_frame(ready(), width, height);
        assert_ne!(buffer_text(&unfiltered), reference, "the filters change the screen");
    }
    // An entry on the first screen, not the first of the catalogue (which stands in for any
    // that fails): its title is damaged in the cache.
    let shown = result_ids(&reference_app);
    let position =
        (1..whole.catalogue().len()).find(|&e| shown.contains(&whole.catalogue().entries()[e].id.to_string()));
    let victim = &whole.catalogue().entries()[position.unwrap()];
    let title = victim.title().get(Lang::En).to_string();
    let file = fs::read_dir(cache.dir()).unwrap().flatten().map(|e| e.path()).find(|p| p.is_file()).unwrap();
    damage_text(&file, &title);
    let (_, lazy, _) = archived::lazy(&cache, &folders).expect("the damaged entry is not read on opening");
    assert!(!lazy.catalogue().entries().damaged());
    assert_ne!(lazy.catalogue().entries()[position.unwrap()].id, victim.id, "a stand-in");
    assert!(lazy.catalogue().entries().damaged());
    // Damage found before the frame (by the fill, which reads every entry): no frame of that
    // cache either, the dashboard waits for the files.
    assert!(!lazy.catalogue().entries().fill());
    let (app, drawn) =
        first_frame_with(Ready { indexed: Arc::new(lazy), problems: problems() }, width, height, options());
    assert!(result_ids(&app).is_empty(), "{}", buffer_text(&drawn));
    assert!(!buffer_text(&drawn).contains(&result_titles(&reference_app)[0]), "{}", buffer_text(&drawn));
    assert!(status_line(&app).contains("reading the catalogue"), "{}", status_line(&app));

    let (sender, events) = channel();
    let queue = InputQueue::new(sender.clone());
    let mut app = App::loading(options());
    resize(&mut app, width, height);
    let searcher = search_worker(sender.clone());
    let source = CatalogueSource::Folders(folders.clone());
    spawn_loader_cached(source, sender, Watch::Off, Some(cache.clone()), Lang::En);
    let frames = Arc::new(Mutex::new(Vec::new()));
    let quitter = queue.clone();
    let expected = reference.clone();
    let done = move |text: &str| {
        if text == expected {
            quitter.push(Input::Key(KeyEvent::new(KeyCode::Char('q'), KeyModifiers::NONE))).unwrap();
        }
    };
    let mut host = Recording {
        terminal: Terminal::new(TestBackend::new(width, height)).unwrap(),
        frames: frames.clone(),
        done: Box::new(done),
    };
    // A screen that never comes (the files' load without the filters) ends the session too.
    let watchdog = queue.clone();
    std::thread::spawn(move || {
        std::thread::sleep(std::time::Duration::from_secs(30));
        let _ = watchdog.push(Input::Key(KeyEvent::new(KeyCode::Char('q'), KeyModifiers::NONE)));
    });
    let exit = run_session(&mut host, &mut app, &events, &queue, searcher).unwrap();
    assert_eq!(exit, Exit::Quit);
    let frames = frames.lock().unwrap();
    assert_eq!(frames.last(), Some(&reference), "the files' screen, as the command line asked for it, comes");
    for frame in frames.iter() {
        assert_eq!(frame, &reference, "a frame with results shows the files' catalogue");
    }
    assert!(!app.shared().indexed().catalogue().entries().damaged());
}

/// `--year 1999`, a year no entry has, goes in the query box as `year:1999`. A cache found
/// damaged after the first screen is replaced by the files' load, which resolves the command
/// line again on that box: it still says the year once, not `year:1999 year:1999`.
#[test]
fn an_empty_year_from_the_command_line_is_in_the_query_once_after_a_damaged_cache() {
    let filters = vec![(Facet::Region, "FRE".to_string()), (Facet::Year, "1999".to_string())];
    let mut app = App::loading(Options { filters, ..Options::default() });
    resize(&mut app, 100, 30);
    loaded(&mut app, Ready { indexed: indexed(), problems: problems() });
    let first = query_text(&app);
    assert_eq!(first.matches("year:1999").count(), 1, "{first}");
    boucle::ui::update::cache_damaged(&mut app);
    let files = boucle::ui::reload::Reloaded { indexed: indexed(), problems: problems() };
    boucle::ui::update::reloaded(&mut app, files);
    redraw(&mut app);
    assert_eq!(query_text(&app), first);
    assert_eq!(screen(&app).matches("year:1999").count(), 1, "{}", screen(&app));
    assert!(result_ids(&app).is_empty(), "a year with no entries selects nothing");
}
