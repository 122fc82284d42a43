//! The tours screen: choose a tour, walk its stops, open one and come back to it.

use super::super::action::{Action, Handled};
use super::super::shared::Shared;
use super::super::state::tours::{stops, tours};
use super::super::state::{ToursLevel, ToursState};
use super::browse::stepped;

pub fn update(state: &mut ToursState, shared: &mut Shared, action: &Action) -> Handled {
    match action {
        Action::Up | Action::Down | Action::PageUp | Action::PageDown | Action::Home | Action::End => {
            move_cursor(state, shared, action)
        }
        Action::Open => open(state, shared),
        // Tab goes between the list of tours and the tour's stops, as between panes.
        Action::FocusNext | Action::FocusPrev => match state.level() {
            ToursLevel::Tours => open(state, shared),
            ToursLevel::Stops | ToursLevel::Entry => state.set_level(ToursLevel::Tours),
        },
        Action::Back => match state.level() {
            ToursLevel::Entry => state.set_level(ToursLevel::Stops),
            ToursLevel::Stops | ToursLevel::Tours => state.set_level(ToursLevel::Tours),
        },
        _ => return Handled::Ignored,
    }
    Handled::done()
}

fn move_cursor(state: &mut ToursState, shared: &Shared, action: &Action) {
    // A page is as many lines as the list had, as last drawn.
    let page = shared.frame.list_page();
    let catalogue = shared.catalogue();
    match state.level() {
        ToursLevel::Tours => {
            let all = tours(catalogue);
            let at = state.tour_position(catalogue).unwrap_or(0);
            if let Some(tour) = all.get(stepped(at, all.len(), page, action)) {
                state.choose_tour(tour.id.clone());
            }
        }
        ToursLevel::Stops => {
            let count = state.tour(catalogue).map_or(0, |t| stops(t).len());
            let at = state.stop(catalogue);
            state.choose_stop(stepped(at, count, page, action));
        }
        ToursLevel::Entry => {
            let max = shared.frame.scroll_max.unwrap_or(u16::MAX);
            let step = u16::try_from(page).unwrap_or(1);
            let scroll = state.scroll();
            let next = match action {
                Action::Up => scroll.saturating_sub(1),
                Action::Down => scroll.saturating_add(1),
                Action::PageUp => scroll.saturating_sub(step),
                Action::PageDown => scroll.saturating_add(step),
                Action::Home => 0,
                _ => max,
            };
            state.set_scroll(next.min(max));
        }
    }
}

fn open(state: &mut ToursState, shared: &Shared) {
    let catalogue = shared.catalogue();
    let Some(tour) = state.tour(catalogue) else { return };
    match state.level() {
        ToursLevel::Tours => {
            let id = tour.id.clone();
            state.choose_tour(id);
            if !stops(tour).is_empty() {
                state.set_level(ToursLevel::Stops);
            }
        }
        ToursLevel::Stops => {
            let stop = state.stop(catalogue);
            if stops(tour).get(stop).is_some_and(|s| catalogue.get(s.entry.as_str()).is_some()) {
                state.set_level(ToursLevel::Entry);
            }
        }
        ToursLevel::Entry => {}
    }
}
