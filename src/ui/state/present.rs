//! Present mode's state: the deck (entries by id, with the tour they come from for the notes),
//! where the facilitator is in it, and what is shown over it (blank, zoom, the jump search, a
//! detour to an entry the room asked about). Nothing here knows about the terminal or time;
//! the clock's seconds are given by the loop's tick.

use std::time::Instant;

use super::super::screen::Screen;
use super::{MAX_QUERY_CHARS, TextInput};
use crate::model::Id;

/// One screen of a presentation.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Slide {
    /// An entry, and its stop number in the deck's tour when it is a tour's stop.
    Entry { id: Id, stop: Option<usize> },
    /// The overview (charts and map) of the current filters.
    Overview,
}

/// The search of `g`: what is typed, the entries it finds, the one chosen.
#[derive(Clone, Debug)]
pub struct Jump {
    pub text: TextInput,
    pub hits: Vec<Id>,
    pub cursor: usize,
}

impl Default for Jump {
    fn default() -> Self {
        Jump { text: TextInput::new("", MAX_QUERY_CHARS), hits: Vec::new(), cursor: 0 }
    }
}

#[derive(Clone, Debug, Default)]
pub struct PresentState {
    slides: Vec<Slide>,
    /// The tour the slides are the stops of.
    tour: Option<Id>,
    position: usize,
    pub(in crate::ui) blank: bool,
    pub(in crate::ui) zoom: bool,
    pub(in crate::ui) scroll: u16,
    /// The discreet line of keys.
    pub(in crate::ui) keys: bool,
    pub(in crate::ui) jump: Option<Jump>,
    /// An entry shown out of the deck (from the jump search); Esc comes back to the slide.
    pub(in crate::ui) detour: Option<Id>,
    /// The screen to come back to; none when the program was started in present mode.
    return_to: Option<Screen>,
    started: Option<Instant>,
    elapsed: u64,
}

impl PresentState {
    /// A new presentation of `slides`, from `position`, coming back to `return_to`.
    pub fn start(slides: Vec<Slide>, tour: Option<Id>, position: usize, return_to: Option<Screen>) -> PresentState {
        let position = position.min(slides.len().saturating_sub(1));
        PresentState { slides, tour, position, return_to, ..PresentState::default() }
    }

    pub fn slides(&self) -> &[Slide] {
        &self.slides
    }

    pub fn tour(&self) -> Option<&Id> {
        self.tour.as_ref()
    }

    pub fn position(&self) -> usize {
        self.position
    }

    pub fn slide(&self) -> Option<&Slide> {
        self.slides.get(self.position)
    }

    /// Moves to a slide, within the deck; the view over the slide starts afresh.
    pub fn go(&mut self, position: usize) {
        let position = position.min(self.slides.len().saturating_sub(1));
        if position != self.position {
            self.scroll = 0;
        }
        self.position = position;
        self.detour = None;
    }

    pub fn return_to(&self) -> Option<Screen> {
        self.return_to
    }

    pub fn jumping(&self) -> bool {
        self.jump.is_some()
    }

    pub fn jump(&self) -> Option<&Jump> {
        self.jump.as_ref()
    }

    pub fn blank(&self) -> bool {
        self.blank
    }

    pub fn zoom(&self) -> bool {
        self.zoom
    }

    pub fn scroll(&self) -> u16 {
        self.scroll
    }

    pub fn keys(&self) -> bool {
        self.keys
    }

    pub fn detour(&self) -> Option<&Id> {
        self.detour.as_ref()
    }

    /// When the clock started (the first tick), if it has.
    pub fn started(&self) -> Option<Instant> {
        self.started
    }

    /// Seconds since the presentation started, as of the last tick.
    pub fn elapsed(&self) -> u64 {
        self.elapsed
    }

    /// Takes the time of a tick; says whether the clock's seconds changed.
    pub fn tick(&mut self, now: Instant) -> bool {
        let started = *self.started.get_or_insert(now);
        let elapsed = now.saturating_duration_since(started).as_secs();
        let changed = elapsed != self.elapsed;
        self.elapsed = elapsed;
        changed
    }

    /// Drops the slides whose entries are gone (after a reload), keeping the place.
    pub fn retain(&mut self, exists: impl Fn(&Id) -> bool) {
        let current = self.slide().cloned();
        self.slides.retain(|s| match s {
            Slide::Entry { id, .. } => exists(id),
            Slide::Overview => true,
        });
        self.position = current
            .and_then(|c| self.slides.iter().position(|s| *s == c))
            .unwrap_or(self.position)
            .min(self.slides.len().saturating_sub(1));
        if self.detour.as_ref().is_some_and(|d| !exists(d)) {
            self.detour = None;
        }
    }
}
