//! The loop of one dashboard session, generic over where frames go ([`Host`]): it sleeps on
//! the session's event channel, applies what arrives, carries out the effects, and draws once
//! per burst of events.

use std::sync::mpsc::Receiver;

use ratatui::Terminal;
use ratatui::backend::Backend;

use super::action::{Action, Effect, Outcome};
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
    /// The command line named values the catalogue does not have ([`App::refusal`]).
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
                    panic_if_asked();
                    for action in actions_for(app, &input) {
                        for effect in update(app, action) {
                            match effect {
                                Effect::Quit => return Ok(Exit::Quit),
                                Effect::Suspend => {
                                    host.suspend()?;
                                    resize_to_terminal(host, app)?;
                                }
                                Effect::OpenEditor { path, line } => {
                                    let outcome = host.edit(&path, line)?;
                                    resize_to_terminal(host, app)?;
                                    edited(app, &outcome, &path, line);
                                    if outcome == EditOutcome::Edited {
                                        host.reload();
                                    }
                                }
                                Effect::Reload => {
                                    if !host.reload() {
                                        nothing_to_reload(app);
                                    }
                                }
                                other => perform(host, app, other),
                            }
                        }
                    }
                    dirty = true;
                }
                Event::Searched(response) => {
                    searched(app, *response);
                    dirty = true;
                }
                Event::Loading(stage) => {
                    load_progress(app, stage);
                    dirty = true;
                }
                Event::Loaded(mut ready) => {
                    let nothing = ready.indexed.catalogue().is_empty() && ready.problems.iter().any(|p| p.is_error());
                    if let Some(reloader) = ready.reloader.take() {
                        host.watching(reloader);
                    }
                    loaded(app, *ready);
                    if nothing {
                        return Ok(Exit::NothingLoaded);
                    }
                    if app.refusal().is_some() {
                        return Ok(Exit::Refused);
                    }
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
                Event::Reloaded(news) => {
                    reloaded(app, *news);
                    dirty = true;
                }
                Event::Repaint => {
                    host.terminal().clear()?;
                    dirty = true;
                }
                Event::Tick => {
                    if host.hung_up() {
                        return Ok(Exit::InputClosed);
                    }
                    // Only present mode's clock draws on a tick, and only when its seconds change.
                    if super::update::tick(app, std::time::Instant::now()) {
                        dirty = true;
                    }
                }
            }
        }
        if dirty {
            render(host.terminal(), app)?;
        }
    }
}

/// Carries out an effect that touches files, other programs or the clipboard, and tells the
/// app how it went.
fn perform<H: Host>(host: &mut H, app: &mut App, effect: Effect) {
    let outcome = match effect {
        // Carried out by the loop itself.
        Effect::Quit | Effect::Suspend | Effect::Reload | Effect::OpenEditor { .. } => return,
        Effect::SaveShortlist(list) => {
            let Some(path) = app.shortlist_file().map(std::path::Path::to_path_buf) else { return };
            Outcome::ShortlistSaved(host.save_shortlist(&path, &list))
        }
        Effect::WriteFile { path, contents, overwrite } => {
            let overwrite = if overwrite { Overwrite::Allowed } else { Overwrite::Never };
            let result = match host.write_file(&path, &contents, overwrite, app.catalogue_dirs()) {
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
}

fn resize_to_terminal<H: Host>(host: &mut H, app: &mut App) -> Result<(), <H::Output as Backend>::Error> {
    let size = host.terminal().size()?;
    // Resizing never asks the loop for anything.
    let _ = update(app, Action::Resize { width: size.width, height: size.height });
    Ok(())
}
