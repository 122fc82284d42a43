//! What every view reads beside its own part of the state, as television draws from a
//! snapshot: the shared context (catalogue, problems, language, theme, size, shortlist,
//! message, screen and overlays), what has the keys, how far the first load is, and the two
//! facts about the results that screens other than browse show (how many, which entry is
//! chosen). Built once a frame by [`super::draw`], the one view that sees the whole `App`.

use super::super::action::Pane;
use super::super::app::Target;
use super::super::event::Stage;
use super::super::keymap::Context;
use super::super::shared::Shared;
use super::super::state::FollowState;
use super::super::theme::Theme;
use crate::text::Lang;

pub struct Ctx<'a> {
    pub shared: &'a Shared,
    /// What has the keys: the overlay on top, the query box, or a pane.
    pub target: Target,
    /// The key table's contexts the keys are looked up in, most specific first (the hints).
    pub contexts: Vec<Context>,
    /// How far the background load is, until the catalogue arrives.
    pub loading: Option<Stage>,
    /// How many results the query and filters have (the overview says when there are none).
    pub total: usize,
    /// The entry chosen in the results (its place is lit on the map, its tour drawn).
    pub chosen: Option<usize>,
    /// The shared presentation, as this dashboard sees it (a participant's line, the console).
    pub follow: &'a FollowState,
}

impl Ctx<'_> {
    pub fn lang(&self) -> Lang {
        self.shared.lang()
    }

    pub fn theme(&self) -> &Theme {
        self.shared.theme()
    }

    /// The pane drawn as focused: none while an overlay or the query box has the keys.
    pub fn focused_pane(&self) -> Option<Pane> {
        match self.target {
            Target::Pane(pane) => Some(pane),
            Target::Overlay(_) | Target::Search => None,
        }
    }
}
