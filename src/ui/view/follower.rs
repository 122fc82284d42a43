//! A follower's frame in two parts, so that a room draws each stop once for all who see it
//! alike: the part every follower at the same size, language and theme sees ([`draw_shared`],
//! named by its [`SharedKey`]), and each follower's own part drawn over a copy of it
//! ([`draw_own`]: the footer, with their clock, their mark and the room line). The two drawn
//! one over the other are exactly [`super::draw`]'s frame; the room's cache of the shared part
//! is the serve layer's.

use std::sync::Arc;

use ratatui::Frame;
use ratatui::layout::Rect;

use super::super::app::App;
use super::super::frame::FrameFacts;
use super::super::screen::Screen;
use super::super::state::{Role, Slide};
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

/// The key of `app`'s frame in `area`, when its frame is a follower's slide whose only own part
/// is the footer; none for any other frame (browsing, an overlay, the zoom, the keys' line, the
/// overview as a slide, a message), which is drawn whole by its session.
pub fn shared_key(app: &App, area: Rect) -> Option<SharedKey> {
    let (shared, follow, present) = (app.shared(), app.follow(), app.present());
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
pub fn draw_shared(frame: &mut Frame<'_>, app: &App) -> FrameFacts {
    let ctx = Ctx::of(app);
    let screen = frame.area();
    let mut facts = FrameFacts { width: screen.width, height: screen.height, ..FrameFacts::default() };
    frame.render_widget(ratatui::widgets::Block::new().style(ctx.theme().base), screen);
    // The overview as a slide has no key: nothing comes back to draw.
    let _ = present::draw_parts(frame, &ctx, &app.present, &mut facts, present::Parts::Shared);
    facts
}

/// The follower's own part, over the shared part drawn for its key.
pub fn draw_own(frame: &mut Frame<'_>, app: &App) {
    present::draw_own(frame, &Ctx::of(app), &app.present);
}

/// Where [`draw_own`] draws on `screen`: the cells a follower's frame does not share with the
/// others of its key (none on the pause and black screens).
pub fn own_area(app: &App, screen: Rect) -> Option<Rect> {
    present::own_area(&Ctx::of(app), &app.present, screen)
}
