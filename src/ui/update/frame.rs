//! What the last frame drew, taken in.

use super::super::app::App;
use super::super::frame::FrameFacts;

/// Records what the frame drew: the bounds of the next scrolls and clicks, and the entry
/// pane's scroll as it was drawn (bounded, and moved to show a chosen link).
pub fn frame_drawn(app: &mut App, facts: FrameFacts) {
    if let Some(entry) = &facts.entry
        && entry.entry.as_ref() == app.shown_id()
    {
        app.trail.set_scroll(entry.scroll);
        app.trail.revealed();
    }
    app.frame = facts;
}
