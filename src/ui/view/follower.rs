//! A follower's frame in two parts, so that a room draws each stop once for all who see it
//! alike: the part every follower at the same size, language and theme sees ([`draw_shared`],
//! named by its [`SharedKey`]), and each follower's own part drawn over a copy of it
//! (`present::draw_own`: the footer, with their clock, their mark and the room line). The two
//! drawn one over the other are exactly [`super::draw`]'s frame; `view/mod.rs` hands them the
//! app's parts, and the room's cache of the shared part is the serve layer's.

use std::sync::Arc;

use ratatui::Frame;
use ratatui::layout::Rect;

use super::super::frame::FrameFacts;
use super::super::screen::Screen;
use super::super::shared::Shared;
use super::super::state::{FollowState, PresentState, Role, Slide};
use super::super::theme::ThemeName;
use super::{Ctx, present};
use crate::model::Id;
use crate::query::Indexed;
use crate::text::Lang;

/// Everything the shared part of a follower's frame depends on: two followers whose keys are
/// equal see the same shared part.
#[derive(Clone)]
pub struct SharedKey {
    size: (u16, u16),
    lang: Lang,
    theme: ThemeName,
    /// The colours the participant's terminal shows: parts are shared between those alike.
    colours: crate::ui::colours::Depth,
    /// The catalogue snapshot the slide is drawn from (compared by identity: a reload makes a
    /// new one). Held, so that its address is never another's while the key lives.
    catalogue: Arc<Indexed>,
    /// The pause screen, or the black one.
    resting: bool,
    blank: bool,
    tour: Option<Id>,
    position: usize,
    slides: usize,
    slide: Option<Slide>,
}

impl PartialEq for SharedKey {
    fn eq(&self, other: &SharedKey) -> bool {
        Arc::ptr_eq(&self.catalogue, &other.catalogue)
            && (self.size, self.lang, self.theme, self.resting, self.blank, self.position, self.slides)
                == (other.size, other.lang, other.theme, other.resting, other.blank, other.position, other.slides)
            && self.colours == other.colours
            && self.tour == other.tour
            && self.slide == other.slide
    }
}

impl Eq for SharedKey {}

impl SharedKey {
    /// The frame's width and height.
    pub fn size(&self) -> (u16, u16) {
        self.size
    }
}

impl std::hash::Hash for SharedKey {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        Arc::as_ptr(&self.catalogue).hash(state);
        (self.size, self.lang, self.position, self.slides, self.resting, self.blank).hash(state);
        self.tour.hash(state);
    }
}

/// The key of a frame in `area`, when it is a follower's slide whose only own part is the footer;
/// none for any other frame (browsing, an overlay, the zoom, the keys' line, the overview as a
/// slide, a message), which is drawn whole by its session.
pub fn shared_key(shared: &Shared, follow: &FollowState, present: &PresentState, area: Rect) -> Option<SharedKey> {
    let plain = shared.screen() == Screen::Present
        && shared.overlay().is_none()
        && !shared.too_small()
        && shared.size() == (area.width, area.height)
        && follow.role() == Some(Role::Follower)
        && follow.following()
        && !follow.lost()
        && follow.typing().is_none()
        && !present.zoom()
        && !present.keys()
        && !present.jumping()
        && present.detour().is_none()
        && !matches!(present.slide(), Some(Slide::Overview));
    plain.then(|| SharedKey {
        size: (area.width, area.height),
        lang: shared.lang(),
        theme: shared.theme_name(),
        colours: shared.colours,
        catalogue: shared.indexed().clone(),
        resting: follow.stage().is_some_and(crate::presentation::Stage::resting),
        blank: present.blank(),
        tour: present.tour().cloned(),
        position: present.position(),
        slides: present.slides().len(),
        slide: present.slide().cloned(),
    })
}

/// The frame of a follower whose [`shared_key`] is some, all but its own part; says what it
/// drew, as [`super::draw`] does.
pub fn draw_shared(frame: &mut Frame<'_>, ctx: &Ctx<'_>, present: &PresentState) -> FrameFacts {
    let screen = frame.area();
    let mut facts = FrameFacts { width: screen.width, height: screen.height, ..FrameFacts::default() };
    frame.render_widget(ratatui::widgets::Block::new().style(ctx.theme().base), screen);
    // The overview as a slide has no key: nothing comes back to draw.
    let _ = present::draw_parts(frame, ctx, present, &mut facts, present::Parts::Shared);
    facts
}
