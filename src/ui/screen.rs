//! What fills the screen, and what is drawn over it. Every `match` on these is exhaustive (no
//! `_` arm: `clippy::wildcard_enum_match_arm` is denied where they are matched), so a new
//! variant does not compile until its keys ([`super::keymap::contexts`]), its help section and
//! its drawing ([`super::view::draw`]) handle it.

/// The screen under any overlay. Present mode, the tours, the overview and the shortlist
/// will be variants here, each with its own state.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Screen {
    /// Facets, results and the entry.
    Browse,
}

/// A layer drawn over the screen, which takes the keys while it is open.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Overlay {
    /// `?`: every key, from the key table.
    Help,
    /// `!`: what did not load, and why.
    Problems,
}

/// An open overlay and how far it is scrolled.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Layer {
    pub overlay: Overlay,
    pub scroll: u16,
    /// The problem the cursor is on, in the problems panel.
    pub cursor: usize,
}
