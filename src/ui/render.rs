//! A frame drawn and what it drew recorded: the session loop's drawing, and a host's own way of
//! drawing the same frame ([`super::host::Host::render`]: a room's followers share theirs).

use ratatui::backend::Backend;
use ratatui::{Frame, Terminal};

use super::app::App;
use super::frame::FrameFacts;
use super::update::{cache_damaged, frame_drawn};
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
    check_unread_entries(terminal, app)?;
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

/// While the catalogue shown is read from the cache as its entries are touched, each frame is
/// first drawn where nobody sees it (then wiped): an entry that fails its checks when this
/// frame first reads it is found before anything of that cache is shown, and the dashboard
/// goes back to waiting for the files' load, which the catalogue's owner starts at once.
/// Once every entry is read and passed (behind the first screen), frames are drawn once.
fn check_unread_entries<B: Backend>(terminal: &mut Terminal<B>, app: &mut App) -> Result<(), B::Error> {
    let entries = app.shared.indexed.catalogue().entries();
    if !entries.is_lazy() {
        return Ok(());
    }
    // Damage found elsewhere (the fill, a search) counts too: the fill may have read every
    // entry, a stand-in among them.
    if !entries.damaged() && entries.decoded() < entries.len() {
        terminal.autoresize()?;
        view::draw(&mut terminal.get_frame(), app);
        terminal.current_buffer_mut().reset();
    }
    if app.shared.indexed.catalogue().entries().damaged() {
        cache_damaged(app);
    }
    Ok(())
}
