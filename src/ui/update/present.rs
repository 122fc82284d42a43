//! Present mode: one entry per screen, stepped with a presentation clicker's keys; `b` blanks,
//! `g` jumps to any entry and Esc comes back to the same stop, `z` shows the entry whole, `q`
//! goes back where the facilitator was (or ends the program started with `boucle present`).

use std::time::Instant;

use super::super::action::{Action, Effect, Effects, Pane};
use super::super::app::{App, PresentStart};
use super::super::screen::Screen;
use super::super::state::tours::stops;
use super::super::state::{Jump, PresentState, Slide, ToursLevel};
use crate::model::{Details, Id};
use crate::query::{Filters, Query};

/// At most this many slides from the results: a presentation, not a catalogue dump.
const MAX_SLIDES: usize = 500;
/// Matches offered by the jump search.
const JUMP_HITS: usize = 30;

/// The hook for any list of entries (the shortlist, a hand-picked deck): presents `ids` from
/// the one at `start`, coming back to the current screen. Ids the catalogue lacks are left out.
pub fn present_entries(app: &mut App, ids: Vec<Id>, start: usize) {
    let catalogue = app.indexed.clone();
    let slides: Vec<Slide> = ids
        .into_iter()
        .filter(|id| catalogue.catalogue().get(id.as_str()).is_some())
        .map(|id| Slide::Entry { id, stop: None })
        .collect();
    begin(app, slides, None, start, Some(app.screen));
}

/// Presents a tour's stops from stop `start`.
pub fn present_tour(app: &mut App, tour: &Id, start: usize, return_to: Option<Screen>) -> bool {
    let catalogue = app.indexed.clone();
    let Some(entry) = catalogue.catalogue().get(tour.as_str()) else { return false };
    if !matches!(entry.details, Details::Tour(_)) {
        return false;
    }
    let slides: Vec<Slide> = stops(entry)
        .iter()
        .enumerate()
        .filter(|(_, s)| catalogue.catalogue().get(s.entry.as_str()).is_some())
        .map(|(i, s)| Slide::Entry { id: s.entry.clone(), stop: Some(i) })
        .collect();
    let start = slides.iter().position(|s| matches!(s, Slide::Entry { stop: Some(i), .. } if *i >= start)).unwrap_or(0);
    begin(app, slides, Some(tour.clone()), start, return_to);
    true
}

/// `p`: presents what the screen shows.
pub(super) fn present_screen(app: &mut App) {
    let return_to = Some(app.screen);
    match app.screen {
        Screen::Tours => {
            let catalogue = app.indexed.clone();
            let Some(tour) = app.tours.tour(catalogue.catalogue()) else { return };
            let start = match app.tours.level() {
                ToursLevel::Tours => 0,
                ToursLevel::Stops | ToursLevel::Entry => app.tours.stop(catalogue.catalogue()),
            };
            present_tour(app, &tour.id.clone(), start, return_to);
        }
        Screen::Browse => {
            // The tour open in the entry pane is presented as a tour.
            if app.focus == Pane::Detail
                && let Some(id) = app.shown_id().cloned()
                && present_tour(app, &id, 0, return_to)
            {
                return;
            }
            let (slides, start) = results_slides(app);
            begin(app, slides, None, start, return_to);
        }
        Screen::Overview => {
            let (mut slides, _) = results_slides(app);
            slides.insert(0, Slide::Overview);
            begin(app, slides, None, 0, return_to);
        }
        Screen::Shortlist => {
            let ids: Vec<_> = app.shortlist.items().iter().map(|item| item.id.clone()).collect();
            let start = app.shortlist_cursor.min(ids.len().saturating_sub(1));
            present_entries(app, ids, start);
        }
        Screen::Present => {}
    }
}

/// `boucle present TOUR` or `boucle present --query …`: no screen to go back to.
pub fn start_from_command_line(app: &mut App, start: &PresentStart) {
    match start {
        PresentStart::Tour(id) => {
            if let Some(id) = app.catalogue().get(id).map(|e| e.id.clone()) {
                present_tour(app, &id, 0, None);
            }
        }
        PresentStart::Results => {
            let (slides, _) = results_slides(app);
            begin(app, slides, None, 0, None);
        }
    }
    if app.screen != Screen::Present {
        // Nothing to show: the dashboard, with its chrome, says so rather than a blank slide.
        app.chrome = true;
        app.message = Some(crate::i18n::t(app.lang, crate::i18n::Msg::NothingToPresent).to_string());
    }
}

/// Every result of the current query and filters (up to a bound), and the selected one's place.
fn results_slides(app: &App) -> (Vec<Slide>, usize) {
    let results = app.indexed.search(&app.query, &app.filters, app.lang, MAX_SLIDES);
    let catalogue = app.catalogue();
    let slides: Vec<Slide> =
        results.hits.iter().map(|h| Slide::Entry { id: catalogue.entries()[h.entry].id.clone(), stop: None }).collect();
    let selected = app.selected_id();
    let start = slides.iter().position(|s| matches!(s, Slide::Entry { id, .. } if Some(id) == selected)).unwrap_or(0);
    (slides, start)
}

fn begin(app: &mut App, slides: Vec<Slide>, tour: Option<Id>, start: usize, return_to: Option<Screen>) {
    if slides.is_empty() {
        return;
    }
    // Present mode never comes back from the present screen to itself.
    let return_to = return_to.filter(|s| *s != Screen::Present);
    app.present = PresentState::start(slides, tour, start, return_to);
    app.overlays.clear();
    app.screen = Screen::Present;
}

pub fn update(app: &mut App, action: Action) -> Effects {
    if app.present.jump.is_some() {
        jump(app, action);
        return Effects::new();
    }
    let last = app.present.slides().len().saturating_sub(1);
    let position = app.present.position();
    match action {
        Action::NextSlide | Action::PrevSlide | Action::Home | Action::End => {
            let p = &mut app.present;
            if p.blank {
                // Like a projector's black screen: the next click brings the slide back.
                p.blank = false;
            } else if p.detour.is_some() {
                p.detour = None;
            } else {
                p.zoom = false;
                p.go(match action {
                    Action::NextSlide => (position + 1).min(last),
                    Action::PrevSlide => position.saturating_sub(1),
                    Action::Home => 0,
                    _ => last,
                });
            }
        }
        Action::Up | Action::Down => {
            let max = app.frame.scroll_max.unwrap_or(u16::MAX);
            let p = &mut app.present;
            p.scroll = if action == Action::Up { p.scroll.saturating_sub(1) } else { p.scroll.saturating_add(1) };
            p.scroll = p.scroll.min(max);
        }
        Action::Blank => app.present.blank = !app.present.blank,
        Action::Zoom => {
            app.present.zoom = !app.present.zoom;
            app.present.scroll = 0;
        }
        Action::PresentKeys => app.present.keys = !app.present.keys,
        Action::JumpSearch => {
            app.present.blank = false;
            app.present.jump = Some(Jump::default());
            search_jump(app);
        }
        Action::Back => {
            let p = &mut app.present;
            if p.detour.is_some() {
                p.detour = None;
            } else {
                p.zoom = false;
            }
            p.scroll = 0;
        }
        Action::LeavePresent => return leave(app),
        _ => {}
    }
    Effects::new()
}

/// Back where the facilitator was: the screen, its selection, and on the tours screen the
/// stop the presentation had reached.
fn leave(app: &mut App) -> Effects {
    let Some(screen) = app.present.return_to() else { return vec![Effect::Quit] };
    if screen == Screen::Tours
        && let (Some(tour), Some(Slide::Entry { stop: Some(stop), .. })) =
            (app.present.tour().cloned(), app.present.slide().cloned())
    {
        app.tours.choose_tour(tour);
        if app.tours.level() != ToursLevel::Tours {
            app.tours.choose_stop(stop);
        }
    }
    app.screen = screen;
    super::news::apply_held(app);
    Effects::new()
}

fn jump(app: &mut App, action: Action) {
    let Some(jump) = app.present.jump.as_mut() else { return };
    match action {
        // As in the query box: nothing that could spoof the line or mis-measure it.
        Action::SearchInsert(c) if crate::text::is_typeable(c) => jump.text.push(c),
        Action::SearchBackspace => {
            jump.text.pop();
        }
        Action::SearchClear => jump.text.clear(),
        Action::Up => {
            jump.cursor = jump.cursor.saturating_sub(1);
            return;
        }
        Action::Down => {
            jump.cursor = (jump.cursor + 1).min(jump.hits.len().saturating_sub(1));
            return;
        }
        Action::SearchSubmit => {
            let chosen = jump.hits.get(jump.cursor).cloned();
            let p = &mut app.present;
            p.jump = None;
            let current = match p.slide() {
                Some(Slide::Entry { id, .. }) => Some(id.clone()),
                _ => None,
            };
            // The stop itself is no detour.
            p.detour = chosen.filter(|c| Some(c) != current.as_ref());
            p.zoom = false;
            p.scroll = 0;
            return;
        }
        Action::SearchCancel => {
            app.present.jump = None;
            return;
        }
        _ => return,
    }
    search_jump(app);
}

fn search_jump(app: &mut App) {
    let Some(text) = app.present.jump.as_ref().map(|j| j.text.clone()) else { return };
    let results = app.indexed.search(&Query::parse(&text), &Filters::default(), app.lang, JUMP_HITS);
    let hits = results.hits.iter().map(|h| app.catalogue().entries()[h.entry].id.clone()).collect();
    if let Some(jump) = app.present.jump.as_mut() {
        jump.hits = hits;
        jump.cursor = 0;
    }
}

/// A tick of the loop's clock: says whether the screen must be drawn again (present mode
/// shows a clock whose seconds changed).
pub fn tick(app: &mut App, now: Instant) -> bool {
    if app.screen != Screen::Present {
        return false;
    }
    let changed = app.present.tick(now);
    changed && !app.present.blank() && !app.present.jumping()
}
