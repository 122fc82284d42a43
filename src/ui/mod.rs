//! The dashboard: one [`App`] state, [`Action`]s from one key table, [`update`] to change the
//! state and [`view::draw`] to show it.

pub mod action;
pub mod app;
pub mod i18n;
pub mod keymap;
mod search;
pub mod terminal;
pub mod theme;
pub mod update;
pub mod view;

pub use action::{Action, Pane};
pub use app::{App, Options};
pub use update::update;

use std::io::{self, IsTerminal};
use std::sync::Arc;
use std::sync::mpsc::{Receiver, RecvTimeoutError, channel};
use std::time::Duration;

use ratatui::crossterm::event::{self, Event, KeyEventKind, MouseButton, MouseEventKind};

use crate::diagnostic::Diagnostic;
use crate::model::Catalogue;
use keymap::{Context, action_for};

/// How long the loop waits for input before looking at signals and search results again.
const TICK: Duration = Duration::from_millis(30);

/// The contexts a key is looked up in, most specific first.
pub fn contexts(app: &App) -> Vec<Context> {
    if app.help_scroll.is_some() || app.problems_scroll.is_some() {
        vec![Context::Help]
    } else if app.search.editing {
        vec![Context::Search]
    } else {
        vec![Context::for_pane(app.focus), Context::Global]
    }
}

/// The action an input event asks for, if any.
pub fn action_for_event(app: &App, event: &Event) -> Vec<Action> {
    match event {
        Event::Key(key) if key.kind != KeyEventKind::Release => action_for(&contexts(app), key).into_iter().collect(),
        Event::Mouse(mouse) if app.mouse => match mouse.kind {
            MouseEventKind::ScrollDown => vec![Action::ScrollAt { column: mouse.column, row: mouse.row, down: true }],
            MouseEventKind::ScrollUp => vec![Action::ScrollAt { column: mouse.column, row: mouse.row, down: false }],
            MouseEventKind::Down(MouseButton::Left) => vec![Action::ClickAt { column: mouse.column, row: mouse.row }],
            _ => Vec::new(),
        },
        Event::Resize(width, height) => vec![Action::Resize { width: *width, height: *height }],
        // A paste goes into the query box, as typed; line breaks become spaces.
        Event::Paste(text) if app.search.editing => {
            text.chars().map(|c| if c.is_control() { ' ' } else { c }).map(Action::SearchInsert).collect()
        }
        _ => Vec::new(),
    }
}

/// Runs the dashboard until the user quits; returns the process exit code.
pub fn run(catalogue: Catalogue, problems: Vec<Diagnostic>, options: Options) -> io::Result<i32> {
    if !io::stdin().is_terminal() || !io::stdout().is_terminal() {
        eprintln!(
            "boucle: the dashboard needs a terminal. To print entries instead, use `boucle list` (see `boucle list --help`)."
        );
        return Ok(2);
    }
    let mouse = options.mouse;
    let mut app = App::new(Arc::new(catalogue), problems, options, true);
    let signals = Signals::register()?;
    terminal::install_panic_hook();
    let mut term = terminal::enter(mouse)?;
    let outcome = event_loop(&mut term, &mut app, &signals);
    terminal::restore();
    outcome
}

use terminal::Signals;

/// Reads terminal input on its own thread, so the loop below stays in charge even when the
/// reader cannot return (crossterm spins on a terminal that hung up without a SIGHUP).
fn spawn_input_reader() -> Receiver<Event> {
    let (sender, receiver) = channel();
    let spawned = std::thread::Builder::new().name("input".into()).spawn(move || {
        while let Ok(event) = event::read() {
            if sender.send(event).is_err() {
                break;
            }
        }
    });
    if spawned.is_err() {
        eprintln!("boucle: could not start the input reader");
    }
    receiver
}

fn event_loop(term: &mut terminal::Term, app: &mut App, signals: &Signals) -> io::Result<i32> {
    let size = term.size()?;
    update(app, Action::Resize { width: size.width, height: size.height });
    let input = spawn_input_reader();
    let mut dirty = true;
    loop {
        if let Some(signal) = signals.pending() {
            return Ok(128 + signal);
        }
        // A terminal closed without a SIGHUP (for a process started with setsid) is noticed
        // here; the input thread never returns then.
        if terminal::hung_up() {
            return Ok(1);
        }
        dirty |= app.poll_results();
        if dirty {
            term.draw(|frame| view::draw(frame, app))?;
            dirty = false;
        }
        let first = match input.recv_timeout(TICK) {
            Ok(event) => event,
            Err(RecvTimeoutError::Timeout) => continue,
            Err(RecvTimeoutError::Disconnected) => return Ok(1),
        };
        // Handle everything already waiting before drawing again, so a burst of keys (a
        // paste, key repeat) costs one frame.
        for event in std::iter::once(first).chain(input.try_iter()) {
            for action in action_for_event(app, &event) {
                update(app, action);
            }
            if app.should_quit {
                return Ok(0);
            }
        }
        dirty = true;
        if app.suspend_requested {
            app.suspend_requested = false;
            terminal::suspend(term, app.mouse)?;
            let size = term.size()?;
            update(app, Action::Resize { width: size.width, height: size.height });
        }
    }
}
