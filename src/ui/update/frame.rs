//! What the last frame drew, taken in: the entry pane's scroll as drawn (bounded, and moved to
//! show a chosen link), and the first rows of the results and filters as drawn (the view keeps
//! the cursor in sight of the rows it had, which a resize changes).

use super::super::app::App;
use super::super::frame::FrameFacts;

pub fn frame_drawn(app: &mut App, facts: FrameFacts) {
    let browse = &mut app.browse;
    if let Some(entry) = &facts.entry
        && entry.entry.as_ref() == browse.shown_id()
    {
        browse.trail.set_scroll(entry.scroll);
        browse.trail.revealed();
    }
    if facts.results_rows > 0 {
        browse.list.keep_visible(app.shared.indexed.catalogue(), facts.results_rows);
    }
    if facts.facets_rows > 0 {
        let (cursor, rows) = (browse.facets.cursor(), browse.facet_rows.len());
        browse.facets.place(cursor, rows, facts.facets_rows);
    }
    app.shared.frame = facts;
}
