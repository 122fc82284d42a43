//! The one event channel of a dashboard session: input waiting, finished searches, the
//! catalogue's loads, signals and the end of the session all arrive here, so the loop sleeps
//! until something happens (or until a deadline the app asked for, present mode's clock) and
//! wakes at once when it does. Nothing ticks.

use std::sync::Arc;
use std::sync::mpsc::{Receiver, Sender, channel};

use super::searcher::Response;
use crate::live::Problems;
use crate::query::Indexed;

/// How far the background load is.
pub use crate::live::Progress as Stage;

/// A catalogue ready to browse, with its problems (shared with the snapshot they came with).
pub struct Ready {
    pub indexed: Arc<Indexed>,
    pub problems: Problems,
}

/// A catalogue loaded again and indexed, ready to swap in; or the last good one kept, with
/// the problem that says why (a folder gone).
pub type Reloaded = crate::live::Snapshot;

pub enum Event {
    /// Input waits in the session's input queue ([`super::input_queue`]): keys, the mouse,
    /// pastes, resizes.
    Input,
    Searched(Box<Response>),
    /// How far the background load is.
    Loading(Stage),
    /// The catalogue is loaded and indexed.
    Loaded(Box<Ready>),
    /// The catalogue folders changed and were loaded again, on the watcher's thread.
    Reloaded(Box<Reloaded>),
    /// The screen must be drawn whole: frames were dropped on their way to a client that was
    /// not reading (an SSH session catching up).
    Repaint,
    /// SIGTSTP from outside: give the terminal back and stop, as Ctrl-Z does.
    Stop,
    /// SIGCONT: the process was stopped in a way it could not catch; take the terminal again.
    Continue,
    /// The session must end.
    End(Reason),
    /// The shared presentation moved ([`crate::presentation::Stage`]).
    Presented(Box<crate::presentation::Stage>),
    /// The shared presentation's process ended and this one could not take its place.
    PresentationLost,
    /// Another session saved this session's shortlist file (two SSH sessions of one key).
    ShortlistChanged,
}

/// Why a session ends without the user quitting.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Reason {
    /// A signal that ends the process (its number): the exit status is 128 + it.
    Signal(i32),
    /// The input is gone: the terminal closed, or the SSH client left.
    InputClosed,
    /// The room is closing (`boucle serve` ends): every participant is told goodbye.
    RoomClosing,
    /// No key for the room's idle limit.
    Idle,
}

pub fn channel_pair() -> (Sender<Event>, Receiver<Event>) {
    channel()
}
