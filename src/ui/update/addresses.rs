//! Addresses in the entry pane: after the related entries, `n`/`N` go on to the websites and
//! sources; `o` (or Enter) opens the chosen one, `c` copies it. Opening and copying are effects
//! the loop carries out; only http and https addresses ever get that far.

use super::super::action::{Action, Effect, Effects, Pane};
use super::super::app::App;
use crate::export::handout::web_address;
use crate::i18n::{Word, word};

pub fn browse(app: &mut App, action: Action) -> Option<Effects> {
    match action {
        Action::OpenAddress => Some(open(app)),
        Action::CopyAddress => Some(copy(app)),
        Action::Open if app.focus == Pane::Detail && app.chosen_address().is_some() => Some(open(app)),
        Action::NextLink | Action::PrevLink => {
            step(app, action == Action::NextLink);
            show_chosen(app);
            Some(Effects::new())
        }
        // A click on an address chooses it; `o` then opens it.
        Action::FollowLink(n) if n >= app.links().len() => {
            app.focus = Pane::Detail;
            app.trail.choose_link(n);
            show_chosen(app);
            Some(Effects::new())
        }
        _ => None,
    }
}

/// The next or previous choice among the related entries, then the addresses.
fn step(app: &mut App, forward: bool) {
    let count = app.links().len() + app.addresses().len();
    if count == 0 {
        return;
    }
    let chosen = match (app.trail.link(), forward) {
        (None, true) => 0,
        (None, false) => count - 1,
        (Some(i), true) => (i + 1) % count,
        (Some(i), false) => (i + count - 1) % count,
    };
    app.trail.choose_link(chosen);
}

/// A chosen address is also shown on the bottom line, across the whole screen, where a long
/// one that the entry pane had to wrap is whole for terminals that open addresses on a click.
fn show_chosen(app: &mut App) {
    if let Some(address) = app.chosen_address() {
        app.message = Some(format!("{address}   {}", word(app.lang, Word::AddressKeys)));
    }
}

/// An effect for the chosen address, or a message saying why there is none.
fn with_address(app: &mut App, effect: impl FnOnce(String) -> Effect) -> Effects {
    match app.chosen_address() {
        Some(address) => match web_address(&address) {
            Some(url) => vec![effect(url.to_string())],
            None => {
                app.message = Some(word(app.lang, Word::OnlyWeb).to_string());
                Effects::new()
            }
        },
        None => {
            app.message = Some(word(app.lang, Word::NoAddress).to_string());
            Effects::new()
        }
    }
}

fn open(app: &mut App) -> Effects {
    with_address(app, Effect::OpenUrl)
}

fn copy(app: &mut App) -> Effects {
    with_address(app, Effect::Copy)
}
