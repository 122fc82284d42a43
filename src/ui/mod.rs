//! The dashboard. One [`App`] state; input becomes [`Action`]s in [`input`] (keys through the
//! one table in [`keymap`]); [`update()`] changes the state and returns [`Effect`]s that the
//! loop in [`session`] carries out; [`view::draw`] draws the state and reports the
//! [`FrameFacts`] that the next input is hit-tested against.
//!
//! A session is one `App` over a shared catalogue, fed by one event channel and drawing to
//! any ratatui backend: the local terminal here ([`run`]), other outputs later.

pub mod action;
pub mod app;
pub mod colours;
pub mod decoder;
pub mod editor;
pub mod event;
pub mod frame;
pub mod host;
pub mod input;
pub mod input_queue;
pub mod keymap;
pub mod loading;
pub mod opener;
pub mod reader;
pub mod reload;
pub mod render;
pub mod screen;
pub mod search_cache;
pub mod search_pool;
pub mod searcher;
pub mod session;
pub mod shared;
pub mod speech;
mod start;
pub mod state;
pub mod take_home;
pub mod terminal;
pub mod theme;
pub mod update;
pub mod view;

pub use action::{Action, Edit, Effect, Effects, Handled, Pane};
pub use app::{App, Options, Target};
pub use frame::FrameFacts;
pub use screen::{Overlay, Screen};
pub use session::{render, update_inline};
pub use update::update;

use std::io::{self, IsTerminal};
use std::sync::Arc;

use crate::diagnostic::Diagnostic;
use crate::load::CatalogueSource;
use crate::model::Catalogue;
use crate::query::Indexed;
use event::Reason;
use session::Exit;

/// Runs the dashboard in this process's terminal until the user quits; returns the process
/// exit code.
pub fn run(catalogue: Catalogue, problems: Vec<Diagnostic>, options: Options) -> io::Result<i32> {
    run_with(options, false, None, |options, _| (App::new(Arc::new(Indexed::new(catalogue)), problems, options), None))
}

/// A view of a shared presentation (`boucle present TOUR`, with or without `--console`): the
/// dashboard as [`run`] makes it, its present keys sent through `driver`, and moved by the
/// stages that come in.
pub fn run_presenting(
    catalogue: Catalogue,
    problems: Vec<Diagnostic>,
    options: Options,
    link: crate::presentation::socket::Attached,
) -> io::Result<i32> {
    run_with(options, false, Some(link), |options, _| {
        (App::new(Arc::new(Indexed::new(catalogue)), problems, options), None)
    })
}

/// Runs the form of `options.form` on the catalogue, with the right to write the entry's
/// file; the session ends when the form closes.
pub fn run_form(catalogue: Catalogue, problems: Vec<Diagnostic>, options: Options) -> io::Result<i32> {
    run_with(options, true, None, |options, _| (App::new(Arc::new(Indexed::new(catalogue)), problems, options), None))
}

/// Runs the dashboard at once on an empty catalogue while `source` loads in the background
/// ([`loading`]); the results appear when its index is ready. Folders are then watched
/// (`watch`), and their entries can be opened in the curator's editor.
pub fn run_loading(
    source: CatalogueSource,
    options: Options,
    watch: reload::Watch,
    cache: Option<crate::load::cache::Cache>,
) -> io::Result<i32> {
    let editable = matches!(source, CatalogueSource::Folders(_));
    run_with(options, editable, None, move |options, sender| {
        let live = loading::spawn_loader_cached(source, sender, watch, cache, options.lang);
        (App::loading(options), editable.then_some(live))
    })
}

fn run_with(
    options: Options,
    editable: bool,
    link: Option<crate::presentation::socket::Attached>,
    start: impl FnOnce(Options, std::sync::mpsc::Sender<event::Event>) -> (App, Option<crate::live::Live>),
) -> io::Result<i32> {
    // A terminal that says it moves no cursor (TERM=dumb: an editor's shell buffer) would show
    // the frames as escape codes. As codex's TUI does, refuse and say what works there; the
    // screen-reader mode writes plain lines, and TERM set to the terminal's type draws anyway.
    if !options.screen_reader && std::env::var_os("TERM").is_some_and(|term| term == "dumb") {
        eprintln!("boucle: {}", crate::i18n::commands::terminal_is_dumb().get(options.lang));
        return Ok(2);
    }
    if !io::stdin().is_terminal() || !io::stdout().is_terminal() {
        eprintln!("boucle: {}", crate::i18n::commands::dashboard_needs_a_terminal().get(options.lang));
        return Ok(2);
    }
    let mouse = options.mouse;
    let screen_reader = options.screen_reader;
    let (sender, events) = event::channel_pair();
    let input = input_queue::InputQueue::new(sender.clone());
    let searcher = session::search_worker(sender.clone());
    let (mut app, live) = start(options, sender.clone());
    terminal::listen_for_signals(sender.clone(), input.clone())?;
    terminal::install_panic_hook();
    // Entering asks the terminal for the cursor position: before the input reader starts.
    let mut host = if screen_reader { terminal::LocalHost::enter_plain()? } else { terminal::LocalHost::enter(mouse)? };
    host.editable = editable;
    host.live = live;
    if let Some(link) = link {
        host.driver = Some(link.driver);
        let (stages, events) = (link.stages, sender.clone());
        std::thread::Builder::new().name("present-stages".into()).spawn(move || {
            for stage in stages {
                if events.send(event::Event::Presented(Box::new(stage))).is_err() {
                    return;
                }
            }
            // The stages end only when no process holds the presentation any more.
            let _ = events.send(event::Event::PresentationLost);
        })?;
    }
    reader::spawn(input.clone(), sender, host.gate());
    let outcome = session::run_session(&mut host, &mut app, &events, &input, searcher);
    terminal::restore();
    Ok(match outcome? {
        Exit::Quit => 0,
        Exit::Ended(Reason::Signal(signal)) => 128 + signal,
        Exit::Ended(Reason::InputClosed | Reason::RoomClosing | Reason::Idle) => 1,
        Exit::NothingLoaded => {
            for problem in app.shared().problems().iter().take(5) {
                eprintln!("{}", problem.one_line(app.shared().lang()));
            }
            eprintln!("boucle: {}", crate::i18n::commands::nothing_loaded().get(app.shared().lang()));
            1
        }
        Exit::Refused => {
            for line in app.start_up().refusal().unwrap_or_default().lines() {
                eprintln!("boucle: {line}");
            }
            2
        }
    })
}
