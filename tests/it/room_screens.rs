//! Sessions of a room typing at once through the whole loop (`run_session`), their searches on
//! one pool of two workers: a key's echo waits for its results (`session::HOLD`), keys typed
//! faster than searches coalesce, answers overtake nothing. However it went, each session
//! ends showing what a search of its newest query shows alone: the same screen, cell for cell.

use std::sync::mpsc::channel;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use boucle::load::{CatalogueSource, load};
use boucle::query::Indexed;
use boucle::text::Lang;
use boucle::ui::input::actions_for;
use boucle::ui::input_queue::InputQueue;
use boucle::ui::search_cache::{ROOM_BYTES, SearchCache};
use boucle::ui::search_pool::SearchPool;
use boucle::ui::searcher::Request;
use boucle::ui::session::{Exit, render, run_session, seat_in, update_inline};
use boucle::ui::{App, Options};
use ratatui::Terminal;
use ratatui::backend::{Backend, ClearType, TestBackend, WindowSize};
use ratatui::buffer::{Buffer, Cell};
use ratatui::crossterm::event::{Event as Input, KeyCode, KeyEvent, KeyModifiers};
use ratatui::layout::{Position, Size};

use super::common::ui::buffer_text;
use super::search_pool::TYPED;

const WIDTH: u16 = 110;
const HEIGHT: u16 = 34;

/// The test backend, whose screen is copied out at each flush (the end of a frame), for the
/// test to watch while the session's thread draws.
struct Watched {
    inner: TestBackend,
    screen: Arc<Mutex<Buffer>>,
}

impl Backend for Watched {
    type Error = std::convert::Infallible;

    fn draw<'a, I: Iterator<Item = (u16, u16, &'a Cell)>>(&mut self, content: I) -> Result<(), Self::Error> {
        self.inner.draw(content)
    }
    fn append_lines(&mut self, n: u16) -> Result<(), Self::Error> {
        self.inner.append_lines(n)
    }
    fn hide_cursor(&mut self) -> Result<(), Self::Error> {
        self.inner.hide_cursor()
    }
    fn show_cursor(&mut self) -> Result<(), Self::Error> {
        self.inner.show_cursor()
    }
    fn get_cursor_position(&mut self) -> Result<Position, Self::Error> {
        self.inner.get_cursor_position()
    }
    fn set_cursor_position<P: Into<Position>>(&mut self, position: P) -> Result<(), Self::Error> {
        self.inner.set_cursor_position(position)
    }
    fn clear(&mut self) -> Result<(), Self::Error> {
        self.inner.clear()
    }
    fn clear_region(&mut self, clear_type: ClearType) -> Result<(), Self::Error> {
        self.inner.clear_region(clear_type)
    }
    fn size(&self) -> Result<Size, Self::Error> {
        self.inner.size()
    }
    fn window_size(&mut self) -> Result<WindowSize, Self::Error> {
        self.inner.window_size()
    }
    fn flush(&mut self) -> Result<(), Self::Error> {
        *self.screen.lock().unwrap() = self.inner.buffer().clone();
        Ok(())
    }
}

struct Host(Terminal<Watched>);

impl boucle::ui::host::Host for Host {
    type Output = Watched;

    fn terminal(&mut self) -> &mut Terminal<Watched> {
        &mut self.0
    }

    fn suspend(&mut self) -> Result<(), std::convert::Infallible> {
        Ok(())
    }
}

fn key(code: KeyCode) -> Input {
    Input::Key(KeyEvent::new(code, KeyModifiers::NONE))
}

/// What session `s` types: its query, with a letter erased and typed again on the way.
fn keys(typed: &str) -> Vec<Input> {
    let mut keys = vec![key(KeyCode::Char('/'))];
    for (i, c) in typed.chars().enumerate() {
        keys.push(key(KeyCode::Char(c)));
        if i == 2 {
            keys.push(key(KeyCode::Backspace));
            keys.push(key(KeyCode::Char(c)));
        }
    }
    keys
}

fn options() -> Options {
    Options { lang: Lang::En, ..Options::default() }
}

/// The screen of a session that typed `keys` alone, each search run as it was asked.
fn alone(indexed: &Arc<Indexed>, keys: &[Input]) -> Buffer {
    let mut app = App::new(indexed.clone(), Vec::new(), options());
    let _ = update_inline(&mut app, boucle::ui::Action::Resize { width: WIDTH, height: HEIGHT });
    let mut terminal = Terminal::new(TestBackend::new(WIDTH, HEIGHT)).unwrap();
    render(&mut terminal, &mut app).unwrap();
    for input in keys {
        for action in actions_for(&app, input) {
            let _ = update_inline(&mut app, action);
        }
        render(&mut terminal, &mut app).unwrap();
    }
    terminal.backend().buffer().clone()
}

/// Reads `screen` until `ready` says it is what is wanted, or 20 s have passed.
fn watch(screen: &Mutex<Buffer>, ready: impl Fn(&Buffer) -> bool) -> Buffer {
    let deadline = Instant::now() + Duration::from_secs(20);
    loop {
        let now = screen.lock().unwrap().clone();
        if ready(&now) || Instant::now() > deadline {
            return now;
        }
        std::thread::sleep(Duration::from_millis(5));
    }
}

fn fixture() -> Arc<Indexed> {
    Arc::new(Indexed::new(load(&CatalogueSource::Folders(vec!["tests/fixtures/catalogue".into()])).catalogue))
}

#[test]
fn sessions_typing_at_once_each_end_on_their_newest_querys_screen() {
    type_at_once(&fixture(), None);
}

/// The same with the room's cache, twice: the second room's searches are answered from what
/// the first room's found, on each session's thread, and end on the same screens.
#[test]
fn sessions_sharing_a_cache_each_end_on_their_newest_querys_screen() {
    let indexed = fixture();
    let cache = Arc::new(SearchCache::new(ROOM_BYTES));
    type_at_once(&indexed, Some(&cache));
    let first = cache.counts();
    type_at_once(&indexed, Some(&cache));
    let second = cache.counts();
    assert!(second.found >= first.found + TYPED.len() as u64, "{first:?} then {second:?}");
}

fn type_at_once(indexed: &Arc<Indexed>, cache: Option<&Arc<SearchCache>>) {
    let pool: SearchPool<Request> = SearchPool::new(2);
    let blank = Buffer::empty(ratatui::layout::Rect::new(0, 0, WIDTH, HEIGHT));
    let sessions: Vec<_> = TYPED
        .iter()
        .map(|typed| {
            let (events, inbox) = channel();
            let queue = InputQueue::new(events.clone());
            let searcher = match cache {
                Some(cache) => seat_in(&pool, events).sharing(cache.clone()),
                None => seat_in(&pool, events),
            };
            let screen = Arc::new(Mutex::new(blank.clone()));
            let backend = Watched { inner: TestBackend::new(WIDTH, HEIGHT), screen: screen.clone() };
            let (app, input) = (App::new(indexed.clone(), Vec::new(), options()), queue.clone());
            let thread = std::thread::spawn(move || {
                let (mut host, mut app) = (Host(Terminal::new(backend).unwrap()), app);
                run_session(&mut host, &mut app, &inbox, &input, searcher).unwrap()
            });
            (keys(typed), queue, screen, thread)
        })
        .collect();
    // Every other session types its keys in one burst (its searches coalesce), the others a
    // key every 2 ms (theirs queue behind the other sessions' on the two workers).
    let longest = sessions.iter().map(|s| s.0.len()).max().unwrap();
    for k in 0..longest {
        for (s, (keys, queue, _, _)) in sessions.iter().enumerate() {
            let now: &[Input] =
                if s % 2 == 0 { if k == 0 { keys } else { &[] } } else { keys.get(k..=k).unwrap_or(&[]) };
            for input in now {
                queue.push(input.clone()).unwrap();
            }
        }
        std::thread::sleep(Duration::from_millis(2));
    }
    for (typed, (keys, queue, screen, thread)) in TYPED.iter().zip(sessions) {
        let expected = alone(indexed, &keys);
        let text = buffer_text(&expected);
        assert!(text.contains(&format!("/ {typed}")) && !text.contains("searching"), "{text}");
        // Settled: the query line shows the whole query, without the mark of a search running
        // (which goes only with the newest search's results).
        let settled = |now: &Buffer| {
            let text = buffer_text(now);
            text.contains(&format!("/ {typed}")) && !text.contains("searching")
        };
        let shown = watch(&screen, settled);
        assert_eq!(buffer_text(&shown), text, "`{typed}`");
        assert_eq!(shown, expected, "`{typed}`: the same text, other colours");
        std::thread::sleep(Duration::from_millis(50));
        assert_eq!(*screen.lock().unwrap(), expected, "`{typed}`: a frame came after the newest results");
        // Nothing is drawn after the newest results but what they are: Enter, then q.
        queue.push(key(KeyCode::Enter)).unwrap();
        queue.push(key(KeyCode::Char('q'))).unwrap();
        assert_eq!(thread.join().unwrap(), Exit::Quit);
    }
}
