//! The local terminal's input, read on a thread of its own: the bytes of standard input through
//! the same decoder as an SSH participant's ([`super::decoder`]), into the session's bounded
//! input queue. The thread sleeps in `poll` until the terminal sends something or hangs up —
//! no timeout, so an idle dashboard does not wake — and sees a window closed without a SIGHUP
//! (its `poll` says so, or a read finds the end), ending the session at once, whatever input is
//! still waiting. While the terminal is lent to another program (the curator's editor), it
//! reads nothing, so the program gets every key.

use std::io;
use std::sync::mpsc::Sender;
use std::sync::{Arc, Condvar, Mutex};

use rustix::event::{PollFd, PollFlags, Timespec, poll};

use super::decoder::{ESCAPE_TIMEOUT, InputDecoder};
use super::event::{Event, Reason};
use super::input_queue::InputQueue;

/// Whether the reader may read: not while the terminal is lent to another program.
#[derive(Default)]
pub struct Gate {
    lent: Mutex<bool>,
    changed: Condvar,
}

impl Gate {
    /// The terminal is another program's until [`Gate::take_back`].
    pub fn lend(&self) {
        *self.lent.lock().unwrap_or_else(|p| p.into_inner()) = true;
    }

    pub fn take_back(&self) {
        *self.lent.lock().unwrap_or_else(|p| p.into_inner()) = false;
        self.changed.notify_all();
    }

    fn is_lent(&self) -> bool {
        *self.lent.lock().unwrap_or_else(|p| p.into_inner())
    }

    fn wait_until_ours(&self) {
        let mut lent = self.lent.lock().unwrap_or_else(|p| p.into_inner());
        while *lent {
            lent = self.changed.wait(lent).unwrap_or_else(|p| p.into_inner());
        }
    }
}

/// Starts the reader of standard input for a session: its input goes to `input`, and the end
/// of the terminal to `events`.
pub fn spawn(input: Arc<InputQueue>, events: Sender<Event>, gate: Arc<Gate>) {
    let spawned = std::thread::Builder::new().name("input".into()).spawn(move || {
        let ended = read(&input, &gate);
        if ended && !input.is_closed() {
            let _ = events.send(Event::End(Reason::InputClosed));
        }
    });
    if spawned.is_err() {
        eprintln!("boucle: could not start the input reader");
    }
}

/// Reads until the terminal hangs up (true) or the session ends (false).
fn read(input: &InputQueue, gate: &Gate) -> bool {
    let stdin = io::stdin();
    let mut decoder = InputDecoder::new();
    let mut buffer = [0u8; 4096];
    let escape = Timespec::try_from(ESCAPE_TIMEOUT).unwrap_or(Timespec { tv_sec: 0, tv_nsec: 40_000_000 });
    loop {
        gate.wait_until_ours();
        // A lone Esc waits a moment for the rest of its sequence; else no timeout at all.
        let timeout = decoder.waiting().then_some(&escape);
        let mut fds = [PollFd::new(&stdin, PollFlags::IN)];
        let decoded = match poll(&mut fds, timeout) {
            Err(rustix::io::Errno::INTR) => continue,
            Err(_) => return true,
            Ok(0) => decoder.timed_out(),
            Ok(_) => {
                let revents = fds[0].revents();
                if revents.intersects(PollFlags::ERR | PollFlags::NVAL)
                    || (revents.contains(PollFlags::HUP) && !revents.contains(PollFlags::IN))
                {
                    return true;
                }
                if gate.is_lent() {
                    // The keys are for the program that has the terminal now.
                    continue;
                }
                match rustix::io::read(&stdin, &mut buffer) {
                    Ok(0) => return true,
                    Ok(n) => decoder.feed(&buffer[..n]),
                    Err(rustix::io::Errno::INTR | rustix::io::Errno::AGAIN) => continue,
                    // EIO: the terminal is gone.
                    Err(_) => return true,
                }
            }
        };
        for event in decoded {
            if input.push(event).is_err() {
                return false;
            }
        }
        if input.is_closed() {
            return false;
        }
    }
}
