//! The loop of one dashboard session, generic over where frames go ([`Host`]): it sleeps on
//! the session's event channel, applies what arrives, carries out the effects, and draws once
//! per burst of events.

use std::sync::mpsc::Receiver;

use ratatui::Terminal;
use ratatui::backend::Backend;

use super::action::{Action, Effect};
use super::app::App;
use super::event::Event;
use super::input::actions_for;
use super::update::{frame_drawn, searched, update};
use super::view;

/// Where a session draws, and what it can do with its terminal.
pub trait Host {
    type Output: Backend;

    fn terminal(&mut self) -> &mut Terminal<Self::Output>;

    /// Gives the terminal back and stops until resumed (Ctrl-Z); a host that cannot, ignores it.
    fn suspend(&mut self) -> Result<(), <Self::Output as Backend>::Error>;

    /// Handles a signal sent to the process; returns whether it ends the session.
    fn signal(&mut self, _signal: i32) -> Result<bool, <Self::Output as Backend>::Error> {
        Ok(true)
    }

    /// Whether the input has gone without an event saying so (checked on each tick).
    fn hung_up(&self) -> bool {
        false
    }
}

/// Why a session ended.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Exit {
    Quit,
    Signal(i32),
    InputClosed,
}

/// Draws the app and records what the frame drew.
pub fn render<B: Backend>(terminal: &mut Terminal<B>, app: &mut App) -> Result<(), B::Error> {
    let mut facts = None;
    terminal.draw(|frame| facts = Some(view::draw(frame, app)))?;
    if let Some(facts) = facts {
        frame_drawn(app, facts);
    }
    Ok(())
}

pub fn run_session<H: Host>(
    host: &mut H,
    app: &mut App,
    events: &Receiver<Event>,
) -> Result<Exit, <H::Output as Backend>::Error> {
    resize_to_terminal(host, app)?;
    render(host.terminal(), app)?;
    loop {
        let Ok(first) = events.recv() else { return Ok(Exit::InputClosed) };
        let mut dirty = false;
        // Everything already waiting is handled before drawing again, so a burst of keys (a
        // paste, key repeat) costs one frame.
        for event in std::iter::once(first).chain(events.try_iter()) {
            match event {
                Event::Input(input) => {
                    for action in actions_for(app, &input) {
                        for effect in update(app, action) {
                            match effect {
                                Effect::Quit => return Ok(Exit::Quit),
                                Effect::Suspend => {
                                    host.suspend()?;
                                    resize_to_terminal(host, app)?;
                                }
                            }
                        }
                    }
                    dirty = true;
                }
                Event::Searched(response) => {
                    searched(app, *response);
                    dirty = true;
                }
                Event::Signal(signal) => {
                    if host.signal(signal)? {
                        return Ok(Exit::Signal(signal));
                    }
                    resize_to_terminal(host, app)?;
                    dirty = true;
                }
                Event::InputClosed => return Ok(Exit::InputClosed),
                Event::Repaint => {
                    host.terminal().clear()?;
                    dirty = true;
                }
                Event::Tick => {
                    if host.hung_up() {
                        return Ok(Exit::InputClosed);
                    }
                }
            }
        }
        if dirty {
            render(host.terminal(), app)?;
        }
    }
}

fn resize_to_terminal<H: Host>(host: &mut H, app: &mut App) -> Result<(), <H::Output as Backend>::Error> {
    let size = host.terminal().size()?;
    // Resizing never asks the loop for anything.
    let _ = update(app, Action::Resize { width: size.width, height: size.height });
    Ok(())
}
