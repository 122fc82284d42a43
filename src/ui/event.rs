//! The one event channel of a dashboard session: input, finished searches, signals and a slow
//! tick all arrive here, so the loop sleeps until something happens and wakes at once when
//! it does — no tick sits between a keystroke and its results on screen.

use std::sync::mpsc::{Receiver, Sender, channel};
use std::thread;
use std::time::Duration;

use ratatui::crossterm::event as terminal_event;

use super::loading::{Ready, Stage};
use super::search::Response;

pub enum Event {
    /// A key, a mouse event, a paste or a resize.
    Input(terminal_event::Event),
    Searched(Box<Response>),
    /// A signal that ends the dashboard (its number).
    Signal(i32),
    /// The input is gone (the terminal closed, the connection dropped).
    InputClosed,
    /// How far the background load is.
    Loading(Stage),
    /// The catalogue is loaded and indexed.
    Loaded(Box<Ready>),
    /// About four times a second, for what has no event of its own (a hung-up terminal).
    Tick,
    /// The catalogue folders changed and were loaded again, on the watcher's thread.
    Reloaded(Box<super::reload::Reloaded>),
    /// The screen must be drawn whole: frames were dropped on their way to a client that was
    /// not reading (an SSH session catching up).
    Repaint,
    /// Another session saved this session's shortlist file (two SSH sessions of one key).
    ShortlistChanged,
}

/// How often [`Event::Tick`] comes.
pub const TICK: Duration = Duration::from_millis(250);

pub fn channel_pair() -> (Sender<Event>, Receiver<Event>) {
    channel()
}

/// Reads the local terminal's input on its own thread, so the loop stays in charge even when
/// the reader cannot return (crossterm spins on a terminal that hung up without a SIGHUP).
pub fn spawn_terminal_reader(events: Sender<Event>) {
    let spawned = thread::Builder::new().name("input".into()).spawn(move || {
        loop {
            match terminal_event::read() {
                Ok(event) => {
                    if events.send(Event::Input(event)).is_err() {
                        break;
                    }
                }
                Err(_) => {
                    let _ = events.send(Event::InputClosed);
                    break;
                }
            }
        }
    });
    if spawned.is_err() {
        eprintln!("boucle: could not start the input reader");
    }
}

/// Sends [`Event::Tick`] until the receiver is gone.
pub fn spawn_ticker(events: Sender<Event>) {
    let _ = thread::Builder::new().name("tick".into()).spawn(move || {
        while events.send(Event::Tick).is_ok() {
            thread::sleep(TICK);
        }
    });
}
