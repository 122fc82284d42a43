//! What fills the screen, and what is drawn over it. Every `match` on these is exhaustive (no
//! `_` arm: `clippy::wildcard_enum_match_arm` is denied where they are matched), so a new
//! variant does not compile until its keys ([`super::keymap::contexts`]), its help section and
//! its drawing ([`super::view::draw`]) handle it.

/// The screen under any overlay, each with its own state. The tabs (`1` Browse, `2` Tours,
/// `3` Overview) are screens; present mode is one too, without a tab.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Screen {
    /// Facets, results and the entry.
    Browse,
    /// The participant's marked entries, in order, with their notes.
    Shortlist,
    /// The tours, a tour's stops by day with their notes, and the stop opened.
    Tours,
    /// Counts by material, ESG theme, region and stage, and a map, for the current filters.
    Overview,
    /// One entry per screen, for a projector.
    Present,
}

/// A layer drawn over the screen, which takes the keys while it is open.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Overlay {
    /// `?`: every key, from the key table.
    Help,
    /// `!`: what did not load, and why.
    Problems,
    /// `x`: what to export, in which format, to which file.
    Export,
    /// `n` on the shortlist: the note of an entry.
    Note,
    /// `e` on an entry, or `boucle new --form`: the entry's form.
    Form,
}

/// An open overlay and how far it is scrolled.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Layer {
    pub overlay: Overlay,
    pub scroll: u16,
    /// The problem the cursor is on, in the problems panel.
    pub cursor: usize,
}

impl Layer {
    /// An overlay just opened: at its top.
    pub fn new(overlay: Overlay) -> Layer {
        Layer { overlay, scroll: 0, cursor: 0 }
    }
}
