//! The loop of one dashboard session, generic over where frames go ([`Host`]): it sleeps on
//! the session's event channel until something arrives or the app's next deadline comes (no
//! tick), applies what arrives, carries out the effects in one place (`perform`, which says
//! what the loop does next), and draws once per burst of events. Input is taken from its own
//! bounded queue a burst at a time, with the other events (a signal, the client gone) looked
//! at in between; searches asked during a burst are coalesced, and only the newest is run.

use std::sync::mpsc::{Receiver, RecvTimeoutError};
use std::time::{Duration, Instant};

use ratatui::backend::Backend;

use super::action::{Action, Effect, Effects, Outcome};
use super::app::App;
use super::editor::EditOutcome;
use super::event::{Event, Reason};
use super::host::Host;
use super::input::{actions_for, panic_if_asked};
use super::input_queue::InputQueue;
pub use super::render::render;
use super::search_pool::SearchPool;
use super::searcher::{Request, Searcher};
use super::update::{
    changed_elsewhere, edited, effect_done, form_opened, form_saved, load_progress, loaded, next_deadline,
    nothing_to_reload, presentation_lost, presented, reloaded, searched, tick, update,
};
use crate::files::{Overwrite, WriteError};

/// Why a session ended.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Exit {
    Quit,
    /// Not by the user's choice: a signal, the input gone, the room closing, too long idle.
    Ended(Reason),
    /// The background load found no entry it could load, only errors (the app's problems).
    NothingLoaded,
    /// The command line named values the catalogue does not have
    /// ([`StartUp::refusal`](super::state::StartUp::refusal)).
    Refused,
}

/// A seat in `pool` whose results come back on the session's channel: the room's sessions
/// share the room's pool.
pub fn seat_in(pool: &SearchPool<Request>, events: std::sync::mpsc::Sender<Event>) -> Searcher {
    Searcher::seated(pool, move |response| events.send(Event::Searched(Box::new(response))).is_ok())
}

/// A search worker of the session's own (a pool of one, for one seat), whose results come back
/// on the session's channel: the local dashboard's.
pub fn search_worker(events: std::sync::mpsc::Sender<Event>) -> Searcher {
    seat_in(&SearchPool::new(1), events)
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

/// What an event other than input asks of the loop.
enum Took {
    /// Input waits in the queue.
    Input,
    /// Something changed: draw.
    Drawn,
    End(Exit),
}

/// One session's loop: the host, the app, and the search asked for in this burst, if any.
struct Session<'a, H: Host> {
    host: &'a mut H,
    app: &'a mut App,
    searcher: Searcher,
    /// The newest search asked for since the last was sent: a burst of keys searches once.
    search: Option<super::searcher::Request>,
    /// In the screen-reader mode, what was said: lines are appended instead of frames drawn.
    transcript: Option<super::speech::Transcript>,
    /// Whether the app followed the presentation when the host was last told.
    following: bool,
}

pub fn run_session<H: Host>(
    host: &mut H,
    app: &mut App,
    events: &Receiver<Event>,
    input: &InputQueue,
    searcher: Searcher,
) -> Result<Exit, <H::Output as Backend>::Error> {
    let transcript = app.shared().screen_reader().then(super::speech::Transcript::default);
    let mut session = Session { host, app, searcher, search: None, transcript, following: false };
    let exit = session.run(events, input);
    // The readers stop, and what they had queued is dropped.
    input.close();
    exit
}

/// How long the loop takes input before it looks at its other events and draws: a flood of
/// keys (a paste without brackets, a client typing as fast as it can) is drawn 50 times a
/// second, and a signal or a client gone waits for no more than this.
const BURST: Duration = Duration::from_millis(20);

/// How long a frame asked for while a search runs waits for its results: a key's echo and its
/// results are then one frame, not two (the echo's frame was 0.42 ms of a key's 4.35 ms of
/// CPU in a room at 100k, #25). A search slower than this shows the echo, marked `searching…`,
/// at this delay: the room's own aim for a key's whole screen (50 ms at p99). Shorter, a
/// saturated room, whose searches wait 30–40 ms for a worker, drew both frames again: the
/// 25 ms tried first saved 2 % of the CPU a key, not 10 %.
pub const HOLD: Duration = Duration::from_millis(50);

impl<H: Host> Session<'_, H> {
    fn run(&mut self, events: &Receiver<Event>, input: &InputQueue) -> Result<Exit, <H::Output as Backend>::Error> {
        self.resize_to_terminal()?;
        self.show()?;
        let mut input_waiting = false;
        // Since when a change waits, undrawn, for the results of the search it asked.
        let mut held: Option<Instant> = None;
        loop {
            // Wait for an event, or until the app's next deadline (present mode's clock) or the
            // held frame's; not at all while input waits.
            let deadline = next_deadline(self.app);
            let wake = [deadline, held.map(|at| at + HOLD)].into_iter().flatten().min();
            let first = if input_waiting {
                events.try_recv().ok()
            } else {
                let waited = match wake {
                    Some(at) => events.recv_timeout(at.saturating_duration_since(Instant::now())),
                    None => events.recv().map_err(|_| RecvTimeoutError::Disconnected),
                };
                match waited {
                    Ok(event) => Some(event),
                    Err(RecvTimeoutError::Timeout) => None,
                    // Nothing can reach the session any more.
                    Err(RecvTimeoutError::Disconnected) => return Ok(Exit::Ended(Reason::InputClosed)),
                }
            };
            let started = Instant::now();
            // Only present mode's clock draws when its time comes, and only when its seconds
            // changed.
            let mut dirty = deadline.is_some_and(|at| at <= started) && tick(self.app, started);
            // Every event waiting: they are few, input waits in its own queue.
            for event in first.into_iter().chain(events.try_iter()) {
                match self.take_in(event)? {
                    Took::Input => input_waiting = true,
                    Took::Drawn => dirty = true,
                    Took::End(exit) => return Ok(exit),
                }
            }
            while input_waiting {
                let Some(event) = input.take() else {
                    input_waiting = false;
                    break;
                };
                dirty = true;
                panic_if_asked();
                for action in actions_for(self.app, &event) {
                    let effects = update(self.app, action);
                    if let Step::End(exit) = self.perform_all(effects)? {
                        return Ok(exit);
                    }
                }
                if started.elapsed() >= BURST {
                    break;
                }
            }
            let posted = self.send_search();
            if self.app.follow().following() != self.following {
                self.following = self.app.follow().following();
                self.host.following(self.following);
            }
            // A change that asked for a search waits for its results, or shows the echo when
            // they are late: never a frame the coming results would replace at once. Any other
            // change is drawn now.
            if posted && held.is_none() {
                held = Some(started);
            }
            let waiting = held.is_some_and(|since| since.elapsed() < HOLD) && self.app.browse().list().searching();
            if (dirty || held.is_some()) && !waiting {
                held = None;
                self.show()?;
            }
        }
    }

    /// Draws the frame, or in the screen-reader mode appends what changed since it last spoke.
    fn show(&mut self) -> Result<(), <H::Output as Backend>::Error> {
        match &mut self.transcript {
            Some(transcript) => {
                let app = &*self.app;
                let seen = super::speech::Seen {
                    shared: app.shared(),
                    browse: app.browse(),
                    tours: app.tours(),
                    shortlist: app.shortlist_screen(),
                    present: app.present(),
                    overview: app.overview(),
                    export: app.export_dialog(),
                    form: app.form(),
                    target: app.target(),
                    loading: app.start_up().loading.is_some(),
                };
                let lines = transcript.news(&seen);
                if lines.is_empty() { Ok(()) } else { self.host.append(&lines) }
            }
            None => self.host.render(self.app),
        }
    }

    /// Takes in an event other than input.
    fn take_in(&mut self, event: Event) -> Result<Took, <H::Output as Backend>::Error> {
        match event {
            Event::Input => return Ok(Took::Input),
            Event::Searched(response) => searched(self.app, *response),
            Event::Loading(stage) => load_progress(self.app, stage),
            Event::Loaded(ready) => {
                let nothing = ready.indexed.catalogue().is_empty() && ready.problems.iter().any(|p| p.is_error());
                loaded(self.app, *ready);
                if nothing {
                    return Ok(Took::End(Exit::NothingLoaded));
                }
                if self.app.start_up().refusal().is_some() {
                    return Ok(Took::End(Exit::Refused));
                }
            }
            Event::Reloaded(news) => reloaded(self.app, *news),
            Event::Presented(stage) => presented(self.app, *stage),
            Event::PresentationLost => presentation_lost(self.app),
            Event::Repaint => self.host.terminal().clear()?,
            Event::ShortlistChanged => {
                let effects = changed_elsewhere(self.app);
                if let Step::End(exit) = self.perform_all(effects)? {
                    return Ok(Took::End(exit));
                }
            }
            Event::Stop => {
                self.host.suspend()?;
                self.resize_to_terminal()?;
            }
            Event::Continue => {
                self.host.resume()?;
                self.resize_to_terminal()?;
            }
            Event::End(reason) => return Ok(Took::End(Exit::Ended(reason))),
        }
        Ok(Took::Drawn)
    }

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
            Effect::OpenForm(start) => {
                match host.read_entry(&start.path) {
                    Ok(text) => form_opened(app, crate::curate::form::FormStart { text: Some(text), ..*start }),
                    // Said as the editor's refusal is (an entry built into boucle, no files here).
                    Err(why) => edited(app, &why, &start.path, 1),
                }
                return Ok(Step::Continue);
            }
            Effect::SaveEntry { path, text, before } => {
                let result = host.save_entry(&path, &text, before.as_deref());
                if result.is_ok() {
                    // The watcher sees the file too; asking now shows it without its delay.
                    host.reload();
                }
                let effects = form_saved(app, result);
                return self.perform_all(effects);
            }
            Effect::Drive(drive) => {
                host.drive(drive);
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
                    Searcher::Pooled(..) => self.search = Some(*request),
                }
                return Ok(Step::Continue);
            }
            Effect::SaveShortlist { base, list } => {
                match app.shared().shortlist_file().map(std::path::Path::to_path_buf) {
                    Some(path) => Outcome::ShortlistSaved(host.save_shortlist(&path, &base, &list)),
                    None => {
                        host.keep_shortlist(&list);
                        return Ok(Step::Continue);
                    }
                }
            }
            Effect::WriteFile { path, contents, overwrite } => {
                let overwrite = if overwrite { Overwrite::Allowed } else { Overwrite::Never };
                let result = match host.write_file(&path, &contents, overwrite, app.shared().catalogue_dirs()) {
                    Ok(()) => Ok(()),
                    Err(WriteError::Exists(_)) => Err(None),
                    Err(e) => Err(Some(e.said())),
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
    /// Sends the search asked for in this burst, if any; says whether it went to a worker (its
    /// results come later).
    fn send_search(&mut self) -> bool {
        let Some(request) = self.search.take() else { return false };
        match self.searcher.search(request) {
            Some(response) => {
                searched(self.app, response);
                false
            }
            None => true,
        }
    }

    fn resize_to_terminal(&mut self) -> Result<(), <H::Output as Backend>::Error> {
        let size = self.host.terminal().size()?;
        // Resizing never asks the loop for anything.
        let _ = update(self.app, Action::Resize { width: size.width, height: size.height });
        Ok(())
    }
}
