//! The input waiting for a session, between the reader that decodes it (the local terminal's
//! thread, or an SSH participant's task) and the session's loop. It is bounded: past
//! [`CAPACITY`] events a reader waits (the terminal, or the SSH client, is slowed), and what can
//! be merged is merged whatever the backlog — a paste after a paste, a resize with the resize
//! waiting, a mouse movement with the one before it. The session takes the input a little at a
//! time and looks at its other events (a signal, a client gone) in between, so those are seen at
//! once however much input waits.
//!
//! The queue rings the session's event channel ([`Event::Input`]) when input arrives in an
//! empty queue; the session takes from it until it is empty again.

use std::collections::VecDeque;
use std::sync::mpsc::Sender;
use std::sync::{Arc, Condvar, Mutex};
use std::time::Duration;

use ratatui::crossterm::event::{Event as Input, MouseEventKind};

use super::decoder::PASTE_KEEP;
use super::event::Event;

/// The most input events waiting for one session.
pub const CAPACITY: usize = 256;

/// Why input was not queued.
#[derive(Debug, PartialEq, Eq)]
pub enum Refused {
    /// The queue is full: try again once the session has taken some.
    Full(Input),
    /// The session has ended: nothing will take it.
    Closed,
}

#[derive(Default)]
struct Waiting {
    events: VecDeque<Input>,
    /// The session was told input waits, and has not emptied the queue since.
    rung: bool,
    closed: bool,
}

pub struct InputQueue {
    waiting: Mutex<Waiting>,
    room: Condvar,
    bell: Sender<Event>,
}

impl InputQueue {
    /// A queue that rings `bell`, the session's event channel.
    pub fn new(bell: Sender<Event>) -> Arc<InputQueue> {
        Arc::new(InputQueue { waiting: Mutex::new(Waiting::default()), room: Condvar::new(), bell })
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Waiting> {
        self.waiting.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// Queues an event without waiting: merged with what waits when it can be, else added if
    /// there is room.
    pub fn try_push(&self, event: Input) -> Result<(), Refused> {
        let mut waiting = self.lock();
        if waiting.closed {
            return Err(Refused::Closed);
        }
        match merge(&mut waiting.events, event) {
            Merged::Into => return Ok(()),
            Merged::Not(event) if waiting.events.len() >= CAPACITY => return Err(Refused::Full(event)),
            Merged::Not(event) | Merged::NotButAlwaysRoom(event) => waiting.events.push_back(event),
        }
        if !waiting.rung {
            waiting.rung = true;
            drop(waiting);
            let _ = self.bell.send(Event::Input);
        }
        Ok(())
    }

    /// Queues an event, waiting while the queue is full (for a reader on a thread of its own).
    pub fn push(&self, mut event: Input) -> Result<(), Refused> {
        loop {
            match self.try_push(event) {
                Err(Refused::Full(back)) => event = back,
                done => return done,
            }
            let waiting = self.lock();
            if waiting.events.len() >= CAPACITY && !waiting.closed {
                // Woken when the session takes input or ends; the time limit only guards
                // against a wake-up lost to a race.
                let _ = self.room.wait_timeout(waiting, Duration::from_millis(50));
            }
        }
    }

    /// The next event waiting, for the session; `None` when the queue is empty (the next
    /// event rings again).
    pub fn take(&self) -> Option<Input> {
        let mut waiting = self.lock();
        let event = waiting.events.pop_front();
        if event.is_none() {
            waiting.rung = false;
        }
        drop(waiting);
        self.room.notify_all();
        event
    }

    /// How many events wait.
    pub fn len(&self) -> usize {
        self.lock().events.len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The session has ended: readers stop, and what waited is dropped.
    pub fn close(&self) {
        let mut waiting = self.lock();
        waiting.closed = true;
        waiting.events.clear();
        drop(waiting);
        self.room.notify_all();
    }

    pub fn is_closed(&self) -> bool {
        self.lock().closed
    }
}

/// What became of an event merged into what waits.
enum Merged {
    /// It is part of an event that waits already.
    Into,
    /// It must be queued on its own.
    Not(Input),
    /// It must be queued on its own, and has room even in a full queue (a resize: one at most).
    NotButAlwaysRoom(Input),
}

/// Merges `event` into what waits when it adds nothing a user would miss.
fn merge(events: &mut VecDeque<Input>, event: Input) -> Merged {
    match (events.back_mut(), event) {
        // Two pastes in a row are one paste, kept to the size one paste is kept to.
        (Some(Input::Paste(before)), Input::Paste(text)) => {
            let room = PASTE_KEEP.saturating_sub(before.len());
            let cut = text.char_indices().map(|(i, c)| i + c.len_utf8()).take_while(|&end| end <= room).last();
            before.push_str(&text[..cut.unwrap_or(0)]);
            Merged::Into
        }
        // Only the newest size matters: one resize waits at most, wherever it is.
        (_, Input::Resize(width, height)) => match events.iter_mut().find(|e| matches!(e, Input::Resize(..))) {
            Some(waiting) => {
                *waiting = Input::Resize(width, height);
                Merged::Into
            }
            None => Merged::NotButAlwaysRoom(Input::Resize(width, height)),
        },
        // The pointer's way across the screen: only where it is now.
        (Some(Input::Mouse(before)), Input::Mouse(now))
            if before.kind == now.kind && matches!(now.kind, MouseEventKind::Moved | MouseEventKind::Drag(_)) =>
        {
            *before = now;
            Merged::Into
        }
        (_, event) => Merged::Not(event),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

    fn key(c: char) -> Input {
        Input::Key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE))
    }

    #[test]
    fn it_is_bounded_rings_once_and_merges_what_can_be_merged() {
        let (bell, rings) = std::sync::mpsc::channel();
        let queue = InputQueue::new(bell);
        queue.try_push(Input::Paste("a".repeat(PASTE_KEEP - 1))).unwrap();
        queue.try_push(Input::Paste("bc".into())).unwrap();
        queue.try_push(Input::Resize(80, 24)).unwrap();
        assert_eq!(rings.try_iter().count(), 1, "the queue rang once, for the first input");
        for c in "xy".chars() {
            queue.try_push(key(c)).unwrap();
        }
        queue.try_push(Input::Resize(100, 30)).unwrap();
        assert_eq!(queue.len(), 4, "two pastes are one, two resizes one");
        assert!(matches!(queue.take(), Some(Input::Paste(text)) if text.len() == PASTE_KEEP && text.ends_with('b')));
        assert_eq!(queue.take(), Some(Input::Resize(100, 30)));
        while queue.take().is_some() {}
        assert_eq!(rings.try_iter().count(), 0, "no ring until the queue is empty again");
        queue.try_push(Input::Resize(81, 24)).unwrap();
        assert_eq!(rings.try_iter().count(), 1, "a resize alone rings too");
        assert_eq!(queue.take(), Some(Input::Resize(81, 24)));
        assert_eq!(queue.take(), None);
        for n in 0..CAPACITY {
            queue.try_push(key(char::from(b'a' + (n % 26) as u8))).unwrap();
        }
        assert!(matches!(queue.try_push(key('z')), Err(Refused::Full(_))));
        queue.try_push(Input::Resize(90, 30)).expect("a resize always finds its place");
        assert_eq!(rings.try_iter().count(), 1);
        queue.close();
        assert_eq!(queue.try_push(key('q')), Err(Refused::Closed));
        assert_eq!(queue.push(key('q')), Err(Refused::Closed), "a waiting reader stops when the session ends");
    }
}
