//! Present mode: one entry per screen, stepped with a presentation clicker's keys; `b` blanks,
//! `g` jumps to any entry and Esc comes back to the same stop, `z` shows the entry whole, `q`
//! goes back where the facilitator was (or ends the program started with `boucle present`).
//! Its clock asks the loop to wake when its seconds change ([`next_deadline`]), and only then.

use std::time::{Duration, Instant};

use super::super::action::{Action, Effect, Effects, Handled, Pane};
use super::super::app::{App, PresentStart};
use super::super::screen::Screen;
use super::super::shared::Shared;
use super::super::state::tours::stops;
use super::super::state::{BrowseState, Edited, Jump, PresentState, ShortlistScreen, Slide, ToursLevel, ToursState};
use crate::model::{Details, Id};
use crate::query::{Filters, Query};

/// At most this many slides from the results: a presentation, not a catalogue dump.
const MAX_SLIDES: usize = 500;
/// Matches offered by the jump search.
const JUMP_HITS: usize = 30;

/// The hook for any list of entries (the shortlist, a hand-picked deck): presents `ids` from
/// the one at `start`, coming back to the current screen. Ids the catalogue lacks are left out.
pub fn present_entries(app: &mut App, ids: Vec<Id>, start: usize) {
    let return_to = Some(app.shared.screen);
    entries(&mut app.present, &mut app.shared, ids, start, return_to, Missing::LeftOut);
}

/// What a deck does with the entries this catalogue lacks.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Missing {
    /// Left out: a presentation of one's own shows what there is.
    LeftOut,
    /// Kept, each slide saying it is gone: a follower's deck keeps the facilitator's positions
    /// when an entry was removed from this session's catalogue since the facilitator's loaded
    /// (else the follower would be one stop off, and past the end on a blank screen).
    Said,
}

pub(super) fn entries(
    present: &mut PresentState,
    shared: &mut Shared,
    ids: Vec<Id>,
    start: usize,
    return_to: Option<Screen>,
    missing: Missing,
) {
    let slides: Vec<Slide> = ids
        .into_iter()
        .filter(|id| missing == Missing::Said || shared.catalogue().get(id.as_str()).is_some())
        .map(|id| Slide::Entry { id, stop: None })
        .collect();
    begin(present, shared, slides, None, start, return_to);
}

/// Presents a tour's stops from stop `start`.
pub(super) fn present_tour(
    present: &mut PresentState,
    shared: &mut Shared,
    tour: &Id,
    start: usize,
    return_to: Option<Screen>,
    missing: Missing,
) -> bool {
    let indexed = shared.indexed.clone();
    let catalogue = indexed.catalogue();
    let Some(entry) = catalogue.get(tour.as_str()) else { return false };
    if !matches!(entry.details, Details::Tour(_)) {
        return false;
    }
    let slides: Vec<Slide> = stops(entry)
        .iter()
        .enumerate()
        .filter(|(_, s)| missing == Missing::Said || catalogue.get(s.entry.as_str()).is_some())
        .map(|(i, s)| Slide::Entry { id: s.entry.clone(), stop: Some(i) })
        .collect();
    let start = slides.iter().position(|s| matches!(s, Slide::Entry { stop: Some(i), .. } if *i >= start)).unwrap_or(0);
    begin(present, shared, slides, Some(tour.clone()), start, return_to);
    true
}

/// `p`: presents what the screen shows.
pub fn present_screen(
    present: &mut PresentState,
    browse: &BrowseState,
    tours: &ToursState,
    shortlist: &ShortlistScreen,
    shared: &mut Shared,
) -> Handled {
    let return_to = Some(shared.screen);
    match shared.screen {
        Screen::Tours => {
            let indexed = shared.indexed.clone();
            let Some(tour) = tours.tour(indexed.catalogue()) else { return Handled::done() };
            let start = match tours.level() {
                ToursLevel::Tours => 0,
                ToursLevel::Stops | ToursLevel::Entry => tours.stop(indexed.catalogue()),
            };
            present_tour(present, shared, &tour.id, start, return_to, Missing::LeftOut);
        }
        Screen::Browse => {
            // The tour open in the entry pane is presented as a tour.
            if browse.focus == Pane::Detail
                && let Some(id) = browse.shown_id()
                && present_tour(present, shared, id, 0, return_to, Missing::LeftOut)
            {
                return Handled::done();
            }
            let (slides, start) = results_slides(browse, shared);
            begin(present, shared, slides, None, start, return_to);
        }
        Screen::Overview => {
            let (mut slides, _) = results_slides(browse, shared);
            slides.insert(0, Slide::Overview);
            begin(present, shared, slides, None, 0, return_to);
        }
        Screen::Shortlist => {
            let ids: Vec<_> = shared.marks.items().iter().map(|item| item.id.clone()).collect();
            let start = shortlist.cursor(ids.len());
            entries(present, shared, ids, start, return_to, Missing::LeftOut);
        }
        Screen::Present => {}
    }
    Handled::done()
}

/// `boucle present TOUR` or `boucle present --query …`: no screen to go back to.
pub fn start_from_command_line(app: &mut App, start: &PresentStart) {
    let (present, shared) = (&mut app.present, &mut app.shared);
    match start {
        PresentStart::Tour(id) => {
            if let Some(id) = shared.catalogue().get(id).map(|e| e.id.clone()) {
                present_tour(present, shared, &id, 0, None, Missing::LeftOut);
            }
        }
        PresentStart::Results => {
            let (slides, _) = results_slides(&app.browse, shared);
            begin(present, shared, slides, None, 0, None);
        }
    }
    if shared.screen != Screen::Present {
        // Nothing to show: the dashboard, with its chrome, says so rather than a blank slide.
        shared.chrome = true;
        shared.message = Some(crate::i18n::t(shared.lang, crate::i18n::Msg::NothingToPresent).to_string());
    }
}

/// Every result of the current query and filters (up to a bound), and the selected one's place.
fn results_slides(browse: &BrowseState, shared: &Shared) -> (Vec<Slide>, usize) {
    let results = shared.indexed.search(&browse.query, &browse.filters, shared.lang, MAX_SLIDES);
    let catalogue = shared.catalogue();
    let slides: Vec<Slide> =
        results.hits.iter().map(|h| Slide::Entry { id: catalogue.entries()[h.entry].id.clone(), stop: None }).collect();
    let selected = browse.list.selected();
    let start = slides.iter().position(|s| matches!(s, Slide::Entry { id, .. } if Some(id) == selected)).unwrap_or(0);
    (slides, start)
}

fn begin(
    present: &mut PresentState,
    shared: &mut Shared,
    slides: Vec<Slide>,
    tour: Option<Id>,
    start: usize,
    return_to: Option<Screen>,
) {
    if slides.is_empty() {
        return;
    }
    // Present mode never comes back from the present screen to itself.
    let return_to = return_to.filter(|s| *s != Screen::Present);
    *present = PresentState::start(slides, tour, start, return_to);
    shared.overlays.clear();
    shared.screen = Screen::Present;
}

/// Present mode's keys; what is not one of them (the keys that always work) is the next
/// layer's.
pub fn update(present: &mut PresentState, tours: &mut ToursState, shared: &mut Shared, action: &Action) -> Handled {
    if action.always_works() {
        return Handled::Ignored;
    }
    if present.jump.is_some() {
        jump(present, shared, action);
        return Handled::done();
    }
    let last = present.slides().len().saturating_sub(1);
    let position = present.position();
    match action {
        Action::NextSlide | Action::PrevSlide | Action::Home | Action::End => {
            if present.blank {
                // Like a projector's black screen: the next click brings the slide back.
                present.blank = false;
            } else if present.detour.is_some() {
                present.detour = None;
            } else {
                present.zoom = false;
                present.go(match action {
                    Action::NextSlide => (position + 1).min(last),
                    Action::PrevSlide => position.saturating_sub(1),
                    Action::Home => 0,
                    _ => last,
                });
            }
        }
        Action::Up | Action::Down => {
            let max = shared.frame.scroll_max.unwrap_or(u16::MAX);
            let scroll = present.scroll;
            present.scroll =
                if *action == Action::Up { scroll.saturating_sub(1) } else { scroll.saturating_add(1) }.min(max);
        }
        Action::Blank => present.blank = !present.blank,
        // Alone (no shared presentation) there is no room: its picks and its line are a room's.
        Action::PresentPicks | Action::RoomLine | Action::SwitchView => {
            shared.message = Some(crate::i18n::presenting::no_room().get(shared.lang).to_string());
        }
        Action::Zoom => {
            present.zoom = !present.zoom;
            present.scroll = 0;
        }
        Action::PresentKeys => present.keys = !present.keys,
        Action::JumpSearch => {
            present.blank = false;
            present.jump = Some(Jump::default());
            search_jump(present, shared);
        }
        Action::Back => {
            if present.detour.is_some() {
                present.detour = None;
            } else {
                present.zoom = false;
            }
            present.scroll = 0;
        }
        Action::LeavePresent => return Handled::Done(leave(present, tours, shared)),
        _ => {}
    }
    Handled::done()
}

/// Back where the facilitator was: the screen, its selection, and on the tours screen the
/// stop the presentation had reached. A reload held back meanwhile comes in then
/// (`update`'s last step).
fn leave(present: &PresentState, tours: &mut ToursState, shared: &mut Shared) -> Effects {
    let Some(screen) = present.return_to() else { return vec![Effect::Quit] };
    if screen == Screen::Tours
        && let (Some(tour), Some(Slide::Entry { stop: Some(stop), .. })) = (present.tour().cloned(), present.slide())
    {
        tours.choose_tour(tour);
        if tours.level() != ToursLevel::Tours {
            tours.choose_stop(*stop);
        }
    }
    shared.screen = screen;
    Effects::new()
}

fn jump(present: &mut PresentState, shared: &mut Shared, action: &Action) {
    let Some(jump) = present.jump.as_mut() else { return };
    match action {
        Action::Edit(edit) => {
            // As in the query box: nothing that could spoof the line or mis-measure it, and
            // no more than the query box holds.
            let edited = jump.text.apply(edit);
            if edited == Edited::Cut {
                shared.message = Some(crate::i18n::input_cut(shared.lang, jump.text.cap()));
            }
            if !edited.changed() {
                return;
            }
        }
        Action::Up => {
            jump.cursor = jump.cursor.saturating_sub(1);
            return;
        }
        Action::Down => {
            jump.cursor = (jump.cursor + 1).min(jump.hits.len().saturating_sub(1));
            return;
        }
        Action::Submit => {
            let chosen = jump.hits.get(jump.cursor).cloned();
            present.jump = None;
            let current = match present.slide() {
                Some(Slide::Entry { id, .. }) => Some(id.clone()),
                _ => None,
            };
            // The stop itself is no detour.
            present.detour = chosen.filter(|c| Some(c) != current.as_ref());
            present.zoom = false;
            present.scroll = 0;
            return;
        }
        Action::Cancel => {
            present.jump = None;
            return;
        }
        _ => return,
    }
    search_jump(present, shared);
}

fn search_jump(present: &mut PresentState, shared: &Shared) {
    let Some(text) = present.jump.as_ref().map(|j| j.text.text().to_string()) else { return };
    let results = shared.indexed.search(&Query::parse(&text), &Filters::default(), shared.lang, JUMP_HITS);
    let hits = results.hits.iter().map(|h| shared.catalogue().entries()[h.entry].id.clone()).collect();
    if let Some(jump) = present.jump.as_mut() {
        jump.hits = hits;
        jump.cursor = 0;
    }
}

/// The clock: says whether the screen must be drawn again (present mode shows a clock whose
/// seconds changed).
pub fn tick(app: &mut App, now: Instant) -> bool {
    if app.shared.screen != Screen::Present {
        return false;
    }
    let changed = app.present.tick(now);
    changed && !app.present.blank() && !app.present.jumping()
}

/// When the loop must next call [`tick`]: present mode's clock, the moment its seconds change
/// (at once when it has not started); never on the other screens, so an idle dashboard sleeps
/// until something happens.
pub fn next_deadline(app: &App) -> Option<Instant> {
    if app.shared.screen != Screen::Present {
        return None;
    }
    Some(match app.present.started() {
        None => Instant::now(),
        Some(started) => started + Duration::from_secs(app.present.elapsed() + 1),
    })
}
