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
use super::input::actions_for;
use super::update::{effect_done, frame_drawn, load_progress, loaded, searched, update};
use super::view;
use crate::files::{Overwrite, WriteError, write_atomic};

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

    /// Opens a web address for the user; a host that cannot says why.
    fn open_url(&mut self, _url: &str) -> Result<(), String> {
        Err("this session cannot open addresses".into())
    }

    /// Puts text on the user's clipboard; a host that cannot says why.
    fn copy(&mut self, _text: &str) -> Result<(), String> {
        Err("this session cannot copy to the clipboard".into())
    }

    /// Saves the shortlist, merged with what changed in its file since `base`; returns what
    /// the file holds now. By default to the file on this machine; a host whose user is
    /// elsewhere (a session served over SSH) keeps it its own way.
    fn save_shortlist(
        &mut self,
        path: &std::path::Path,
        base: &crate::shortlist::Shortlist,
        list: &crate::shortlist::Shortlist,
    ) -> Result<crate::shortlist::Shortlist, String> {
        use crate::shortlist::store::{Privacy, save_merged};
        save_merged(path, base, list, Privacy::Usual).map(|saved| saved.list).map_err(|e| e.to_string())
    }

    /// Writes an export; by default to a file on this machine, atomically, never into the
    /// `forbidden` folders (the catalogue's).
    fn write_file(
        &mut self,
        path: &std::path::Path,
        contents: &[u8],
        overwrite: Overwrite,
        forbidden: &[std::path::PathBuf],
    ) -> Result<(), WriteError> {
        write_atomic(path, contents, overwrite, forbidden)
    }

    /// Asks for the catalogue to be loaded again (`r`); false when there is nothing to reload
    /// (the bundled catalogue).
    fn reload(&mut self) -> bool {
        false
    }

    /// Opens `path` at `line` in the curator's editor, with the terminal released meanwhile.
    fn edit(&mut self, _path: &std::path::Path, _line: usize) -> Result<EditOutcome, <Self::Output as Backend>::Error> {
        Ok(EditOutcome::Unavailable)
    }
}

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
                    super::terminal::panic_if_asked();
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
                                    super::editor::report(app, &outcome, &path, line);
                                    if outcome == EditOutcome::Edited {
                                        host.reload();
                                    }
                                }
                                Effect::Reload => {
                                    if !host.reload() {
                                        super::reload::nothing_to_reload(app);
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
                Event::Loaded(ready) => {
                    let nothing = ready.indexed.catalogue().is_empty() && ready.problems.iter().any(|p| p.is_error());
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
                Event::Reloaded(reloaded) => {
                    super::reload::apply(app, *reloaded);
                    dirty = true;
                }
                Event::ShortlistChanged => {
                    for effect in super::update::marks::changed_elsewhere(app) {
                        perform(host, app, effect);
                    }
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
        Effect::SaveShortlist { base, list } => {
            let Some(path) = app.shortlist_file().map(std::path::Path::to_path_buf) else { return };
            Outcome::ShortlistSaved(host.save_shortlist(&path, &base, &list))
        }
        Effect::WriteFile { path, contents, overwrite } => {
            let overwrite = if overwrite { Overwrite::Allowed } else { Overwrite::Never };
            let result = match host.write_file(&path, &contents, overwrite, app.catalogue_dirs()) {
                Ok(()) => Ok(()),
                Err(WriteError::Exists(_)) => Err(None),
                Err(e) => Err(Some(e.said(app.lang))),
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
