//! The loop of one dashboard session, generic over where frames go ([`Host`]): it sleeps on
//! the session's event channel, applies what arrives, carries out the effects in one place
//! ([`perform`], which says what the loop does next), and draws once per burst of events.
//! Searches asked during a burst are coalesced: only the newest is run.

use std::sync::mpsc::Receiver;

use ratatui::Terminal;
use ratatui::backend::Backend;

use super::action::{Action, Effect, Effects, Outcome};
use super::app::App;
use super::editor::EditOutcome;
use super::event::Event;
use super::host::Host;
use super::input::{actions_for, panic_if_asked};
use super::searcher::Searcher;
use super::update::{
    edited, effect_done, frame_drawn, load_progress, loaded, nothing_to_reload, reloaded, searched, update,
};
use super::view;
use crate::files::{Overwrite, WriteError};

/// Why a session ended.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Exit {
    Quit,
    Signal(i32),
    InputClosed,
    /// The background load found no entry it could load, only errors (the app's problems).
    NothingLoaded,
    /// The command line named values the catalogue does not have
    /// ([`StartUp::refusal`](super::state::StartUp::refusal)).
    Refused,
}

/// A search worker whose results come back on the session's channel.
pub fn search_worker(events: std::sync::mpsc::Sender<Event>) -> Searcher {
    Searcher::worker(move |response| events.send(Event::Searched(Box::new(response))).is_ok())
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

/// [`update`], with the searches it asks for run at once on this thread: what tests and
/// benchmarks drive, where each action's results must be there when it returns. Returns the
/// other effects.
pub fn update_inline(app: &mut App, action: Action) -> Effects {
    let mut others = Effects::new();
    for effect in update(app, action) {
        match effect {
            Effect::Search(request) => searched(app, request.run()),
            other => others.push(other),
        }
    }
    others
}

/// What the loop does after an effect.
enum Step {
    Continue,
    End(Exit),
}

/// One session's loop: the host, the app, and the search asked for in this burst, if any.
struct Session<'a, H: Host> {
    host: &'a mut H,
    app: &'a mut App,
    searcher: Searcher,
    /// The newest search asked for since the last was sent: a burst of keys searches once.
    search: Option<super::searcher::Request>,
}

pub fn run_session<H: Host>(
    host: &mut H,
    app: &mut App,
    events: &Receiver<Event>,
    searcher: Searcher,
) -> Result<Exit, <H::Output as Backend>::Error> {
    let mut session = Session { host, app, searcher, search: None };
    session.resize_to_terminal()?;
    render(session.host.terminal(), session.app)?;
    loop {
        let Ok(first) = events.recv() else { return Ok(Exit::InputClosed) };
        let mut dirty = false;
        // Everything already waiting is handled before drawing again, so a burst of keys (a
        // paste, key repeat) costs one frame and one search.
        for event in std::iter::once(first).chain(events.try_iter()) {
            dirty |= !matches!(event, Event::Tick);
            match event {
                Event::Input(input) => {
                    panic_if_asked();
                    for action in actions_for(session.app, &input) {
                        let effects = update(session.app, action);
                        if let Step::End(exit) = session.perform_all(effects)? {
                            return Ok(exit);
                        }
                    }
                }
                Event::Searched(response) => searched(session.app, *response),
                Event::Loading(stage) => load_progress(session.app, stage),
                Event::Loaded(mut ready) => {
                    let nothing = ready.indexed.catalogue().is_empty() && ready.problems.iter().any(|p| p.is_error());
                    if let Some(reloader) = ready.reloader.take() {
                        session.host.watching(reloader);
                    }
                    loaded(session.app, *ready);
                    if nothing {
                        return Ok(Exit::NothingLoaded);
                    }
                    if session.app.start_up().refusal().is_some() {
                        return Ok(Exit::Refused);
                    }
                }
                Event::Signal(signal) => {
                    if session.host.signal(signal)? {
                        return Ok(Exit::Signal(signal));
                    }
                    session.resize_to_terminal()?;
                }
                Event::InputClosed => return Ok(Exit::InputClosed),
                Event::Reloaded(news) => reloaded(session.app, *news),
                Event::Repaint => session.host.terminal().clear()?,
                Event::Tick => {
                    if session.host.hung_up() {
                        return Ok(Exit::InputClosed);
                    }
                    // Only present mode's clock draws on a tick, and only when its seconds change.
                    dirty |= super::update::tick(session.app, std::time::Instant::now());
                }
            }
        }
        session.send_search();
        if dirty {
            render(session.host.terminal(), session.app)?;
        }
    }
}

impl<H: Host> Session<'_, H> {
    fn perform_all(&mut self, effects: Effects) -> Result<Step, <H::Output as Backend>::Error> {
        for effect in effects {
            if let Step::End(exit) = self.perform(effect)? {
                return Ok(Step::End(exit));
            }
        }
        Ok(Step::Continue)
    }

    /// Carries out one effect, tells the app how it went, and says what the loop does next.
    fn perform(&mut self, effect: Effect) -> Result<Step, <H::Output as Backend>::Error> {
        let (host, app) = (&mut *self.host, &mut *self.app);
        let outcome = match effect {
            Effect::Quit => return Ok(Step::End(Exit::Quit)),
            Effect::Suspend => {
                host.suspend()?;
                self.resize_to_terminal()?;
                return Ok(Step::Continue);
            }
            Effect::OpenEditor { path, line } => {
                let outcome = host.edit(&path, line)?;
                self.resize_to_terminal()?;
                edited(self.app, &outcome, &path, line);
                if outcome == EditOutcome::Edited {
                    self.host.reload();
                }
                return Ok(Step::Continue);
            }
            Effect::Reload => {
                if !host.reload() {
                    nothing_to_reload(app);
                }
                return Ok(Step::Continue);
            }
            Effect::Search(request) => {
                match self.searcher {
                    // Searching here (tests): at once, as each action's results are expected.
                    Searcher::Inline => searched(app, request.run()),
                    // Sent once the burst is over: only the newest is worth running.
                    Searcher::Worker(_) => self.search = Some(*request),
                }
                return Ok(Step::Continue);
            }
            Effect::SaveShortlist(list) => {
                let Some(path) = app.shared().shortlist_file().map(std::path::Path::to_path_buf) else {
                    return Ok(Step::Continue);
                };
                Outcome::ShortlistSaved(host.save_shortlist(&path, &list))
            }
            Effect::WriteFile { path, contents, overwrite } => {
                let overwrite = if overwrite { Overwrite::Allowed } else { Overwrite::Never };
                let result = match host.write_file(&path, &contents, overwrite, app.shared().catalogue_dirs()) {
                    Ok(()) => Ok(()),
                    Err(WriteError::Exists(_)) => Err(None),
                    Err(e) => Err(Some(e.to_string())),
                };
                // Shown whole, so the user knows which folder "." was.
                let path = std::path::absolute(&path).unwrap_or(path);
                Outcome::FileWritten { path, result }
            }
            Effect::OpenUrl(url) => {
                // Checked again here: nothing but a web address ever reaches a program.
                let result = match crate::export::handout::web_address(&url) {
                    Some(url) => host.open_url(url),
                    None => Err("not a web address".into()),
                };
                Outcome::UrlOpened { url, result }
            }
            Effect::Copy(text) => {
                let result = host.copy(&text);
                Outcome::Copied { text, result }
            }
        };
        effect_done(app, outcome);
        Ok(Step::Continue)
    }

    /// Sends the newest search asked for, if any; a search run here comes back at once.
    fn send_search(&mut self) {
        if let Some(request) = self.search.take()
            && let Some(response) = self.searcher.search(request)
        {
            searched(self.app, response);
        }
    }

    fn resize_to_terminal(&mut self) -> Result<(), <H::Output as Backend>::Error> {
        let size = self.host.terminal().size()?;
        // Resizing never asks the loop for anything.
        let _ = update(self.app, Action::Resize { width: size.width, height: size.height });
        Ok(())
    }
}
