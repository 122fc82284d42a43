//! Addresses in the entry pane: after the related entries, `n`/`N` go on to the websites and
//! sources; `o` (or Enter) opens the chosen one, `c` copies it. Opening and copying are effects
//! the loop carries out; only http and https addresses ever get that far.

use super::super::action::{Action, Effect, Handled, Pane};
use super::super::shared::Shared;
use super::super::state::BrowseState;
use crate::export::handout::web_address;
use crate::i18n::{Word, word};

pub fn update(browse: &mut BrowseState, shared: &mut Shared, action: &Action) -> Handled {
    match action {
        Action::OpenAddress => with_address(browse, shared, Effect::OpenUrl),
        Action::CopyAddress => with_address(browse, shared, Effect::Copy),
        Action::Open
            if browse.focus == Pane::Detail && browse.chosen_address(shared.catalogue(), shared.lang).is_some() =>
        {
            with_address(browse, shared, Effect::OpenUrl)
        }
        Action::NextLink | Action::PrevLink => {
            step(browse, shared, *action == Action::NextLink);
            show_chosen(browse, shared);
            Handled::done()
        }
        // A click on an address chooses it; `o` then opens it.
        Action::FollowLink(n) if *n >= browse.links(shared.catalogue()).len() => {
            browse.focus = Pane::Detail;
            browse.trail.choose_link(*n);
            show_chosen(browse, shared);
            Handled::done()
        }
        _ => Handled::Ignored,
    }
}

/// The next or previous choice among the related entries, then the addresses.
fn step(browse: &mut BrowseState, shared: &Shared, forward: bool) {
    let catalogue = shared.catalogue();
    let count = browse.links(catalogue).len() + browse.addresses(catalogue, shared.lang).len();
    if count == 0 {
        return;
    }
    let chosen = match (browse.trail.link(), forward) {
        (None, true) => 0,
        (None, false) => count - 1,
        (Some(i), true) => (i + 1) % count,
        (Some(i), false) => (i + count - 1) % count,
    };
    browse.trail.choose_link(chosen);
}

/// A chosen address is also shown on the bottom line, across the whole screen, where a long
/// one that the entry pane had to wrap is whole for terminals that open addresses on a click.
fn show_chosen(browse: &BrowseState, shared: &mut Shared) {
    if let Some(address) = browse.chosen_address(shared.catalogue(), shared.lang) {
        shared.message = Some(format!("{address}   {}", word(shared.lang, Word::AddressKeys)));
    }
}

/// An effect for the chosen address, or a message saying why there is none.
fn with_address(browse: &BrowseState, shared: &mut Shared, effect: impl FnOnce(String) -> Effect) -> Handled {
    match browse.chosen_address(shared.catalogue(), shared.lang) {
        Some(address) => match web_address(&address) {
            Some(url) => Handled::effect(effect(url.to_string())),
            None => {
                shared.message = Some(word(shared.lang, Word::OnlyWeb).to_string());
                Handled::done()
            }
        },
        None => {
            shared.message = Some(word(shared.lang, Word::NoAddress).to_string());
            Handled::done()
        }
    }
}
