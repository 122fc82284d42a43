//! The tours screen: choose a tour, walk its stops, open one and come back to it.

use super::super::action::Action;
use super::super::app::App;
use super::super::state::ToursLevel;
use super::super::state::tours::{stops, tours};
use super::browse::stepped;

pub fn update(app: &mut App, action: Action) {
    match action {
        Action::Up | Action::Down | Action::PageUp | Action::PageDown | Action::Home | Action::End => {
            move_cursor(app, action)
        }
        Action::Open => open(app),
        // Tab goes between the list of tours and the tour's stops, as between panes.
        Action::FocusNext | Action::FocusPrev => match app.tours.level() {
            ToursLevel::Tours => open(app),
            ToursLevel::Stops | ToursLevel::Entry => app.tours.set_level(ToursLevel::Tours),
        },
        Action::Back => match app.tours.level() {
            ToursLevel::Entry => app.tours.set_level(ToursLevel::Stops),
            ToursLevel::Stops | ToursLevel::Tours => app.tours.set_level(ToursLevel::Tours),
        },
        other => {
            super::global::update(app, other);
        }
    }
}

fn page(app: &App) -> usize {
    usize::from(app.height.saturating_sub(4)).max(1)
}

fn move_cursor(app: &mut App, action: Action) {
    let page = page(app);
    let catalogue = app.indexed.clone();
    let catalogue = catalogue.catalogue();
    match app.tours.level() {
        ToursLevel::Tours => {
            let all = tours(catalogue);
            let at = app.tours.tour_position(catalogue).unwrap_or(0);
            if let Some(tour) = all.get(stepped(at, all.len(), page, action)) {
                app.tours.choose_tour(tour.id.clone());
            }
        }
        ToursLevel::Stops => {
            let count = app.tours.tour(catalogue).map_or(0, |t| stops(t).len());
            let at = app.tours.stop(catalogue);
            app.tours.choose_stop(stepped(at, count, page, action));
        }
        ToursLevel::Entry => {
            let max = app.frame.scroll_max.unwrap_or(u16::MAX);
            let step = u16::try_from(page).unwrap_or(1);
            let scroll = app.tours.scroll();
            let next = match action {
                Action::Up => scroll.saturating_sub(1),
                Action::Down => scroll.saturating_add(1),
                Action::PageUp => scroll.saturating_sub(step),
                Action::PageDown => scroll.saturating_add(step),
                Action::Home => 0,
                _ => max,
            };
            app.tours.set_scroll(next.min(max));
        }
    }
}

fn open(app: &mut App) {
    let catalogue = app.indexed.clone();
    let catalogue = catalogue.catalogue();
    let Some(tour) = app.tours.tour(catalogue) else { return };
    match app.tours.level() {
        ToursLevel::Tours => {
            let id = tour.id.clone();
            app.tours.choose_tour(id);
            if !stops(tour).is_empty() {
                app.tours.set_level(ToursLevel::Stops);
            }
        }
        ToursLevel::Stops => {
            let stop = app.tours.stop(catalogue);
            if stops(tour).get(stop).is_some_and(|s| catalogue.get(s.entry.as_str()).is_some()) {
                app.tours.set_level(ToursLevel::Entry);
            }
        }
        ToursLevel::Entry => {}
    }
}
