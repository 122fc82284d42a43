//! The tours screen's place: which tour, which stop, and how deep the facilitator went (the
//! list of tours, a tour's stops, a stop opened). By id, so that a reload keeps it.

use crate::model::{Catalogue, Details, Entry, Id, Kind, Stop};

/// How deep the tours screen is.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum ToursLevel {
    /// Choosing a tour.
    #[default]
    Tours,
    /// Choosing a stop of the tour.
    Stops,
    /// Reading the stop opened, with its note above it.
    Entry,
}

#[derive(Clone, Debug, Default)]
pub struct ToursState {
    tour: Option<Id>,
    stop: usize,
    level: ToursLevel,
    scroll: u16,
}

/// The tours of a catalogue, in catalogue order.
pub fn tours(catalogue: &Catalogue) -> Vec<&Entry> {
    catalogue.entries().iter().filter(|e| e.kind == Kind::Tour).collect()
}

/// A tour's stops (none for an entry that is not a tour).
pub fn stops(entry: &Entry) -> &[Stop] {
    match &entry.details {
        Details::Tour(tour) => &tour.stops,
        _ => &[],
    }
}

impl ToursState {
    pub fn level(&self) -> ToursLevel {
        self.level
    }

    pub fn set_level(&mut self, level: ToursLevel) {
        if level == ToursLevel::Entry && self.level != ToursLevel::Entry {
            self.scroll = 0;
        }
        self.level = level;
    }

    /// The chosen tour: the one by id if it is still there, else the first.
    pub fn tour<'c>(&self, catalogue: &'c Catalogue) -> Option<&'c Entry> {
        let all = tours(catalogue);
        self.tour.as_ref().and_then(|id| all.iter().find(|e| &e.id == id).copied()).or(all.first().copied())
    }

    /// The position of the chosen tour in the list.
    pub fn tour_position(&self, catalogue: &Catalogue) -> Option<usize> {
        let chosen = self.tour(catalogue)?;
        tours(catalogue).iter().position(|e| e.id == chosen.id)
    }

    pub fn choose_tour(&mut self, id: Id) {
        if self.tour.as_ref() != Some(&id) {
            self.stop = 0;
        }
        self.tour = Some(id);
    }

    /// The chosen stop, within the tour's stops.
    pub fn stop(&self, catalogue: &Catalogue) -> usize {
        let count = self.tour(catalogue).map_or(0, |t| stops(t).len());
        self.stop.min(count.saturating_sub(1))
    }

    /// The id of the entry the chosen stop names (whether the catalogue has it or not).
    pub fn stop_entry<'c>(&self, catalogue: &'c Catalogue) -> Option<&'c Id> {
        self.tour(catalogue).and_then(|tour| stops(tour).get(self.stop(catalogue))).map(|stop| &stop.entry)
    }

    pub fn choose_stop(&mut self, stop: usize) {
        if stop != self.stop {
            self.scroll = 0;
        }
        self.stop = stop;
    }

    pub fn scroll(&self) -> u16 {
        self.scroll
    }

    pub fn set_scroll(&mut self, scroll: u16) {
        self.scroll = scroll;
    }
}
