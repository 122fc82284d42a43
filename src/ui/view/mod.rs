//! Drawing: a pure function of the state. Nothing here changes the app.

mod detail;
mod dialogs;
mod facets;
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

pub use widgets::{fit, fit_spans};

use ratatui::Frame;
use ratatui::layout::{Alignment, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Block, Paragraph, Wrap};

use super::app::{App, MIN_HEIGHT, MIN_WIDTH};
use super::frame::FrameFacts;
use super::screen::{Overlay, Screen};
use crate::i18n::{Msg, t};

/// Draws the whole screen from the state, and says what it drew.
#[deny(clippy::wildcard_enum_match_arm)]
pub fn draw(frame: &mut Frame<'_>, app: &App) -> FrameFacts {
    let screen = frame.area();
    let mut facts = FrameFacts { width: screen.width, height: screen.height, ..FrameFacts::default() };
    frame.render_widget(Block::new().style(app.shared.theme().base), screen);
    if app.shared.too_small() {
        too_small(frame, app, screen);
        return facts;
    }
    match app.screen() {
        Screen::Browse => draw_browse(frame, app, &mut facts),
        Screen::Shortlist => shortlist::draw(frame, app, screen, &mut facts),
        Screen::Tours => tours::draw(frame, app, &mut facts),
        Screen::Overview => overview::draw(frame, app, &mut facts),
        Screen::Present => present::draw(frame, app, &mut facts),
    }
    // Nothing pops up over a slide.
    if app.screen() != Screen::Present {
        status::draw_message(frame, app, screen);
    }
    if let Some(layer) = app.overlay() {
        let (lines, page) = match layer.overlay {
            Overlay::Help | Overlay::Problems => help::draw(frame, app, layer, screen),
            Overlay::Export => {
                dialogs::draw_export(frame, app, screen);
                (0, 0)
            }
            Overlay::Note => {
                dialogs::draw_note(frame, app, screen);
                (0, 0)
            }
            Overlay::Form => {
                draw_form(frame, app, screen);
                (0, 0)
            }
        };
        facts.overlay_lines = lines;
        facts.overlay_page = page;
    }
    facts
}

fn draw_browse(frame: &mut Frame<'_>, app: &App, facts: &mut FrameFacts) {
    let areas = layout::areas(app);
    if !areas.search.is_empty() {
        query_line::draw(frame, app, areas.search);
        tabs::draw(frame, app, areas.search);
    }
    if !areas.facets.is_empty() {
        (facts.facets_offset, facts.facets_rows) = facets::draw(frame, app, areas.facets);
        facts.shortlist_row = (app.shows_shortlist_row() && areas.facets.height > 3).then_some(areas.facets.y + 1);
    }
    if !areas.results.is_empty() {
        (facts.results_offset, facts.results_rows) = results::draw(frame, app, areas.results);
    }
    if !areas.detail.is_empty() {
        facts.entry = Some(detail::draw(frame, app, areas.detail));
    }
    if !areas.status.is_empty() {
        status::draw(frame, app, areas.status);
    }
    facts.search = areas.search;
    facts.facets = areas.facets;
    facts.results = areas.results;
    facts.detail = areas.detail;
    facts.status = areas.status;
    facts.chips = layout::chip_spans(app);
}

/// The form over the whole screen but its last line, which hints the form's keys; a message
/// (why a save failed) is drawn over it.
fn draw_form(frame: &mut Frame<'_>, app: &App, screen: Rect) {
    let Some(state) = app.form() else { return };
    let look = form::Look { theme: app.shared.theme(), lang: app.shared.lang };
    let body = Rect { height: screen.height.saturating_sub(1), ..screen };
    form::draw(frame, state, &look, body);
    let hints = Rect { y: screen.bottom().saturating_sub(1), height: 1, ..screen };
    status::draw_hints_only(frame, app, hints);
    status::draw_message(frame, app, screen);
}

fn too_small(frame: &mut Frame<'_>, app: &App, screen: Rect) {
    let needed = crate::i18n::too_small_needed(app.shared.lang, (MIN_WIDTH, MIN_HEIGHT), (screen.width, screen.height));
    let lines = vec![
        Line::styled(t(app.shared.lang, Msg::TooSmall), app.shared.theme().title),
        Line::raw(needed),
        Line::styled(t(app.shared.lang, Msg::QuitKey), app.shared.theme.muted),
    ];
    let height = (lines.len() as u16 + 2).min(screen.height);
    let area = Rect { y: screen.y + screen.height.saturating_sub(height) / 2, height, ..screen };
    // Wrapping needs a few columns to be safe with wide characters.
    if area.width >= 4 {
        frame.render_widget(Paragraph::new(lines).alignment(Alignment::Center).wrap(Wrap { trim: true }), area);
    }
}
