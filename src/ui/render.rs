//! A frame drawn and what it drew recorded: the session loop's drawing, and a host's own way of
//! drawing the same frame ([`super::host::Host::render`]: a room's followers share theirs).

use ratatui::backend::Backend;
use ratatui::{Frame, Terminal};

use super::app::App;
use super::frame::FrameFacts;
use super::update::frame_drawn;
use super::view;

/// Draws the app and records what the frame drew.
pub fn render<B: Backend>(terminal: &mut Terminal<B>, app: &mut App) -> Result<(), B::Error> {
    render_with(terminal, app, view::draw)
}

/// Draws the app's frame with `draw` (which must draw what [`view::draw`] would), and records
/// what the frame drew.
pub fn render_with<B: Backend>(
    terminal: &mut Terminal<B>,
    app: &mut App,
    draw: impl FnOnce(&mut Frame<'_>, &App) -> FrameFacts,
) -> Result<(), B::Error> {
    let mut facts = None;
    terminal.draw(|frame| {
        facts = Some(draw(frame, app));
        super::colours::reduce(frame.buffer_mut(), app.shared.colours);
    })?;
    if let Some(facts) = facts {
        frame_drawn(app, facts);
    }
    Ok(())
}
