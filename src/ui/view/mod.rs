//! Drawing: a pure function of the state. Nothing here changes the app. This file alone sees
//! the whole `App`: it hands each screen's view its own part and a [`Ctx`].

pub mod context;
mod detail;
mod dialogs;
pub mod facets;
pub mod follower;
pub mod form;
pub mod help;
pub mod layout;
pub mod overview;
pub mod present;
mod problems;
mod query_line;
mod results;
mod shortlist;
mod status;
pub mod tabs;
mod tours;
pub mod widgets;

pub use context::Ctx;
pub use widgets::{fit, fit_spans};

use ratatui::Frame;
use ratatui::layout::{Alignment, Constraint, Layout, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Block, Paragraph, Wrap};

use super::app::{App, MIN_HEIGHT, MIN_WIDTH};
use super::frame::FrameFacts;
use super::keymap::contexts;
use super::screen::{Overlay, Screen};
use super::state::BrowseState;
use crate::i18n::{Msg, t};

impl<'a> Ctx<'a> {
    /// What the views read of `app` beside their own parts.
    pub fn of(app: &'a App) -> Ctx<'a> {
        Ctx {
            shared: &app.shared,
            target: app.target(),
            contexts: contexts(app),
            loading: app.start.loading,
            total: app.browse.results().total,
            chosen: app.browse.shown_entry(app.shared.catalogue()),
            follow: &app.follow,
        }
    }
}

/// Draws the whole screen from the state, and says what it drew. The one view that sees the
/// whole `App`: each screen's view is handed its own part and the context.
#[deny(clippy::wildcard_enum_match_arm)]
pub fn draw(frame: &mut Frame<'_>, app: &App) -> FrameFacts {
    let ctx = Ctx::of(app);
    let screen = frame.area();
    let mut facts = FrameFacts { width: screen.width, height: screen.height, ..FrameFacts::default() };
    frame.render_widget(Block::new().style(ctx.theme().base), screen);
    if ctx.shared.too_small() {
        too_small(frame, &ctx, screen);
        return facts;
    }
    match ctx.shared.screen() {
        Screen::Browse => draw_browse(frame, &ctx, &app.browse, &mut facts),
        Screen::Shortlist => shortlist::draw(frame, &ctx, &app.shortlist, screen, &mut facts),
        Screen::Tours => tours::draw(frame, &ctx, &app.tours, &mut facts),
        Screen::Overview => draw_overview(frame, &ctx, app, &mut facts),
        Screen::Present => {
            if let Some(body) = present::draw(frame, &ctx, &app.present, &mut facts) {
                overview::draw_body(frame, &ctx, &app.overview, body, &mut facts);
            }
        }
    }
    // Nothing pops up over a slide, nor over the console, which says what its keys did (and
    // what the start had to say) on its own quiet line, over its keys.
    // A view that lost its presentation is no console any more: that is said loud.
    if ctx.shared.screen() != Screen::Present || ctx.follow.lost() {
        status::draw_message(frame, &ctx, screen);
    }
    if let Some(layer) = ctx.shared.overlay() {
        let (lines, page) = match layer.overlay {
            Overlay::Help | Overlay::Problems => help::draw(frame, &ctx, layer, screen),
            Overlay::Export => {
                dialogs::draw_export(frame, &ctx, &app.export, screen);
                (0, 0)
            }
            Overlay::Note => {
                dialogs::draw_note(frame, &ctx, &app.shortlist, screen);
                (0, 0)
            }
            Overlay::Form => {
                draw_form(frame, &ctx, app.form(), screen);
                (0, 0)
            }
        };
        facts.overlay_lines = lines;
        facts.overlay_page = page;
    }
    facts
}

/// The key of `app`'s frame in `area` when it is a follower's slide that others at the same
/// size, language and theme see alike ([`follower`]); none for any other frame.
pub fn follower_key(app: &App, area: Rect) -> Option<follower::SharedKey> {
    follower::shared_key(&app.shared, &app.follow, &app.present, area)
}

/// A follower's frame whose [`follower_key`] is some, all but its own part.
pub fn draw_follower_shared(frame: &mut Frame<'_>, app: &App) -> FrameFacts {
    let facts = follower::draw_shared(frame, &Ctx::of(app), &app.present);
    // In the colours of the followers' terminals, as `render` gives any other frame.
    super::colours::reduce(frame.buffer_mut(), app.shared.colours);
    facts
}

/// A follower's own part (its footer: its clock, its mark, the room line), over the shared
/// part; returns where it went, when it has one.
pub fn draw_follower_own(frame: &mut Frame<'_>, app: &App) -> Option<Rect> {
    let ctx = Ctx::of(app);
    present::draw_own(frame, &ctx, &app.present);
    super::colours::reduce(frame.buffer_mut(), app.shared.colours);
    present::own_area(&ctx, &app.present, frame.area())
}

fn draw_browse(frame: &mut Frame<'_>, ctx: &Ctx<'_>, browse: &BrowseState, facts: &mut FrameFacts) {
    let areas = layout::areas(ctx, browse);
    if !areas.search.is_empty() {
        query_line::draw_with_tabs(frame, ctx, browse, areas.search);
    }
    if !areas.facets.is_empty() {
        (facts.facets_offset, facts.facets_rows) = facets::draw(frame, ctx, browse, areas.facets);
        facts.shortlist_row = (browse.shows_shortlist_row(ctx.shared.shortlist()) && areas.facets.height > 3)
            .then_some(areas.facets.y + 1);
    }
    if !areas.results.is_empty() {
        (facts.results_offset, facts.results_rows, facts.results_note) =
            results::draw(frame, ctx, browse, areas.results);
    }
    if !areas.detail.is_empty() {
        facts.entry = Some(detail::draw(frame, ctx, browse, areas.detail));
    }
    if !areas.status.is_empty() {
        status::draw(frame, ctx, browse, areas.status);
    }
    facts.search = areas.search;
    facts.facets = areas.facets;
    facts.results = areas.results;
    facts.detail = areas.detail;
    facts.status = areas.status;
    facts.chips = layout::chip_spans(ctx, browse);
}

/// The form over the whole screen but its last line, which hints the form's keys; a message
/// (why a save failed) is drawn over it.
fn draw_form(frame: &mut Frame<'_>, ctx: &Ctx<'_>, state: Option<&super::state::FormState>, screen: Rect) {
    let Some(state) = state else { return };
    let body = Rect { height: screen.height.saturating_sub(1), ..screen };
    form::draw(frame, state, ctx, body);
    let hints = Rect { y: screen.bottom().saturating_sub(1), height: 1, ..screen };
    status::draw_hints_only(frame, ctx, hints);
    status::draw_message(frame, ctx, screen);
}

/// The overview's charts and map, under the query line and over the status line that browse
/// draws (the overview is of its results).
fn draw_overview(frame: &mut Frame<'_>, ctx: &Ctx<'_>, app: &App, facts: &mut FrameFacts) {
    let area = frame.area();
    let top = u16::from(ctx.shared.chrome() || app.browse.query_box().editing());
    let bottom = u16::from(ctx.shared.chrome());
    let [head, main, foot] =
        Layout::vertical([Constraint::Length(top), Constraint::Min(1), Constraint::Length(bottom)]).areas(area);
    if !head.is_empty() {
        query_line::draw_with_tabs(frame, ctx, &app.browse, head);
    }
    if !foot.is_empty() {
        let foot = Rect { width: foot.width.saturating_sub(1), ..foot };
        status::draw(frame, ctx, &app.browse, foot);
        facts.chips = layout::chip_spans(ctx, &app.browse);
        facts.status = foot;
    }
    facts.search = head;
    overview::draw_body(frame, ctx, &app.overview, main, facts);
}

fn too_small(frame: &mut Frame<'_>, ctx: &Ctx<'_>, screen: Rect) {
    let lang = ctx.lang();
    let needed = crate::i18n::too_small_needed(lang, (MIN_WIDTH, MIN_HEIGHT), (screen.width, screen.height));
    let lines = vec![
        Line::styled(t(lang, Msg::TooSmall), ctx.theme().title),
        Line::raw(needed),
        Line::styled(t(lang, Msg::QuitKey), ctx.theme().muted),
    ];
    let height = (lines.len() as u16 + 2).min(screen.height);
    let area = Rect { y: screen.y + screen.height.saturating_sub(height) / 2, height, ..screen };
    // Wrapping needs a few columns to be safe with wide characters.
    if area.width >= 4 {
        frame.render_widget(Paragraph::new(lines).alignment(Alignment::Center).wrap(Wrap { trim: true }), area);
    }
}
