//! The dashboard in a shared presentation ([`crate::presentation`]). The projector and the
//! console drive: their stepping keys become [`Effect::Drive`] and move nothing here; the
//! stage that comes back from the hub ([`presented`]) moves every view alike. A participant
//! never drives: `f` follows (present mode at the participant's own size, on the current
//! stop, moving with the hub), `m` marks the stop shown, and any other key breaks away to
//! browse; `f` again rejoins at the current stop. Who drives also presents the room's picks
//! (`p`), types the room line (`l`), and turns the view into the console or the projector
//! (Tab) — the console is where the picks and the notes are.

use super::super::action::{Action, Effect, Handled};
use super::super::app::App;
use super::super::keymap::follower_keeps;
use super::super::screen::Screen;
use super::super::shared::Shared;
use super::super::state::{BrowseState, Edited, FollowState, PresentState, Role, Slide, TextInput};
use super::present::{Missing, entries, present_tour};
use crate::model::Id;
use crate::presentation::{Deck, Drive, ROOM_LINE_COLUMNS, Stage, local_seconds, now_ms};

/// A new stage from the hub: kept, and shown by the views that move with it.
pub fn presented(app: &mut App, stage: Stage) {
    let before = app.follow.stage.as_ref().map(|s| (s.stop, s.blank, s.deck.clone()));
    let after = (stage.stop, stage.blank, stage.deck.clone());
    if !app.follow.take(stage) {
        return;
    }
    // What a key said on the projector stands in its footer until the room moves on, even
    // when the console moved it.
    if app.follow.role == Some(Role::Projector) && before.is_some_and(|b| b != after) {
        app.shared.message = None;
    }
    let moves = match app.follow.role {
        Some(Role::Projector | Role::Console) => true,
        Some(Role::Follower) => app.follow.following,
        None => false,
    };
    if moves {
        show_stage(&app.follow, &mut app.present, &mut app.shared);
    }
    clock(&mut app.follow);
}

/// Present mode on the stage's stop: the deck started when it is not the one shown.
fn show_stage(follow: &FollowState, present: &mut PresentState, shared: &mut Shared) {
    let Some(stage) = follow.stage.clone() else { return };
    let shown = match &stage.deck {
        Deck::Tour(tour) => present.tour().is_some_and(|t| t.as_str() == tour),
        Deck::Entries(_) | Deck::Picks(_) => {
            let ids = stage.deck.ids().unwrap_or_default();
            present.tour().is_none()
                && present.slides().len() == ids.len()
                && present
                    .slides()
                    .iter()
                    .zip(&ids)
                    .all(|(s, id)| matches!(s, Slide::Entry { id: i, .. } if i.as_str() == *id))
        }
    };
    if shared.screen != Screen::Present || !shown {
        // Back to the screen it came from; a console or projector started on the deck has none.
        let return_to = (shared.screen != Screen::Present).then_some(shared.screen);
        match &stage.deck {
            Deck::Tour(tour) => {
                let Some(id) = shared.catalogue().get(tour).map(|e| e.id.clone()) else { return };
                present_tour(present, shared, &id, 0, return_to, Missing::Said);
            }
            Deck::Entries(_) | Deck::Picks(_) => {
                let ids = stage.deck.ids().unwrap_or_default();
                // Each as the facilitator has it, one this catalogue lacks said on its slide.
                let ids = ids.iter().filter_map(|id| Id::parse(id).ok()).collect();
                entries(present, shared, ids, 0, return_to, Missing::Said);
            }
        }
    }
    present.go(stage.stop);
    present.blank = stage.blank;
}

/// The process holding the presentation ended and this one could not take its place: its keys
/// move this view alone from now on, and it says so at once rather than leave them dead.
pub fn presentation_lost(app: &mut App) {
    app.follow.role = None;
    app.follow.following = false;
    app.follow.typing = None;
    app.follow.lost = true;
    let said = crate::i18n::presenting::presentation_lost();
    app.shared.message = Some(said.get(app.shared.lang).to_string());
}

/// Present mode's keys in a shared presentation; what is not for it goes on to present mode.
pub fn update(
    follow: &mut FollowState,
    present: &mut PresentState,
    browse: &mut BrowseState,
    shared: &mut Shared,
    action: &Action,
) -> Handled {
    if follow.typing.is_some() {
        return typing(follow, shared, action);
    }
    // Anyone may mark the stop on screen, projector or follower; the jump search types `m`.
    if *action == Action::ToggleMark && !present.jumping() {
        let Some(Slide::Entry { id, .. }) = present.slide().cloned() else { return Handled::done() };
        return Handled::Done(super::marks::toggle(browse, shared, &id));
    }
    if follow.role == Some(Role::Console) && present.jumping() && *action == Action::Submit {
        return console_jump(present, shared);
    }
    match follow.role {
        None => Handled::Ignored,
        Some(Role::Projector | Role::Console) => drive(follow, present, shared, action),
        Some(Role::Follower) if follow.following => follower(follow, present, shared, action),
        Some(Role::Follower) => Handled::Ignored,
    }
}

/// Enter in the console's jump search: the room goes to that stop (the next time the tour
/// passes it, else its first). An entry outside the deck is the projector's to show as a
/// detour: the console's own detour would be drawn nowhere and hold its keys.
fn console_jump(present: &mut PresentState, shared: &mut Shared) -> Handled {
    let chosen = present.jump.take().and_then(|jump| jump.hits.get(jump.cursor).cloned());
    let Some(chosen) = chosen else { return Handled::done() };
    let is_chosen = |slide: &Slide| matches!(slide, Slide::Entry { id, .. } if *id == chosen);
    let slides = present.slides();
    let here = present.position();
    let at = slides.iter().skip(here).position(is_chosen).map(|p| p + here);
    match at.or_else(|| slides.iter().position(is_chosen)) {
        Some(stop) => Handled::effect(Effect::Drive(Drive::Goto(stop))),
        None => {
            let title = shared.entry(&chosen).map(|e| e.title().get(shared.lang).to_string()).unwrap_or_default();
            shared.message = Some(crate::i18n::presenting::not_a_stop(&title).get(shared.lang).to_string());
            Handled::done()
        }
    }
}

/// The driver's keys become drives; the jump search and a detour stay the projector's own.
fn drive(follow: &mut FollowState, present: &PresentState, shared: &mut Shared, action: &Action) -> Handled {
    if present.jumping() || present.detour().is_some() {
        return Handled::Ignored;
    }
    let drive = match action {
        Action::NextSlide => Drive::Next,
        Action::PrevSlide => Drive::Prev,
        Action::Home => Drive::First,
        Action::End => Drive::Last,
        Action::Blank => Drive::Blank,
        Action::PresentPicks => {
            let stage = follow.stage.as_ref();
            let presenting = stage.is_some_and(|s| s.aside.is_some());
            let any = stage.and_then(|s| s.picks.as_ref()).is_some_and(|p| !p.ranked.is_empty());
            if !presenting && !any {
                // Said rather than a key that seems dead: outside a room, or nothing marked yet.
                let said = crate::i18n::presenting::no_picks(stage.is_some_and(|s| s.picks.is_some()));
                shared.message = Some(said.get(shared.lang).to_string());
                return Handled::done();
            }
            Drive::Picks
        }
        Action::RoomLine => {
            follow.typing = Some(TextInput::new("", ROOM_LINE_COLUMNS));
            return Handled::done();
        }
        Action::SwitchView => {
            follow.role = Some(if follow.role == Some(Role::Console) { Role::Projector } else { Role::Console });
            return Handled::done();
        }
        _ => return Handled::Ignored,
    };
    Handled::effect(Effect::Drive(drive))
}

/// The room line's box: Enter posts what was typed (the hub cleans and cuts it as catalogue
/// text is; an empty line clears the room's), Esc leaves the room's line as it was.
fn typing(follow: &mut FollowState, shared: &mut Shared, action: &Action) -> Handled {
    let Some(input) = follow.typing.as_mut() else { return Handled::Ignored };
    match action {
        Action::Submit => {
            let text = input.text().trim().to_string();
            follow.typing = None;
            return Handled::effect(Effect::Drive(Drive::RoomLine((!text.is_empty()).then_some(text))));
        }
        Action::Cancel => follow.typing = None,
        Action::Edit(edit) if input.apply(edit) == Edited::Cut => {
            shared.message = Some(crate::i18n::input_cut(shared.lang, input.cap()));
        }
        other if other.always_works() => return Handled::Ignored,
        _ => {}
    }
    Handled::done()
}

/// A follower: reading keys stay (`m` was seen before), anything else breaks away to browse
/// (and is then the browse screen's: the next layers take it).
fn follower(follow: &mut FollowState, present: &PresentState, shared: &mut Shared, action: &Action) -> Handled {
    match action {
        _ if follower_keeps(action) => Handled::Ignored,
        _ => {
            follow.following = false;
            shared.screen = present.return_to().unwrap_or(Screen::Browse);
            Handled::Ignored
        }
    }
}

/// `f`: follow the presentation, on its current stop; without one, say so.
pub fn start(follow: &mut FollowState, present: &mut PresentState, shared: &mut Shared) -> Handled {
    let running = follow.stage.is_some() && follow.role == Some(Role::Follower);
    if !running {
        shared.message = Some(crate::i18n::presenting::nothing_to_follow().get(shared.lang).to_string());
        return Handled::done();
    }
    follow.following = true;
    clock(follow);
    show_stage(follow, present, shared);
    Handled::done()
}

/// Present mode ended by other means (a reload, `q` on the projector): nothing follows.
pub fn left(follow: &mut FollowState, shared: &Shared) {
    if shared.screen != Screen::Present {
        follow.following = false;
    }
}

/// Reads the clocks for the console (the views never read the time).
pub fn clock(follow: &mut FollowState) {
    follow.now_ms = now_ms();
    follow.local_seconds = local_seconds(follow.now_ms);
}

/// The loop's clock: present mode's, and the console's.
pub fn tick(app: &mut App, now: std::time::Instant) -> bool {
    if app.follow.role.is_some() {
        clock(&mut app.follow);
    }
    super::present::tick(app, now)
}
