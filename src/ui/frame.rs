//! What the last frame drew, as the view reports it: where each part went and how long the
//! scrolled texts were. Input is hit-tested against it, and `update` bounds scrolling with it,
//! so neither has to lay out or render anything again.

use ratatui::layout::{Position, Rect};

use super::action::Pane;
use crate::model::Id;

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct FrameFacts {
    pub width: u16,
    pub height: u16,
    pub search: Rect,
    /// Empty when not drawn (the entry takes the whole screen on a narrow terminal).
    pub facets: Rect,
    pub results: Rect,
    pub detail: Rect,
    pub status: Rect,
    /// The first facet row shown, and the first result shown (results take two lines each).
    pub facets_offset: usize,
    pub results_offset: usize,
    /// How many results, filter rows, and rows of the screen's list (the tours, a tour's
    /// stops, the shortlist) the frame had room for: a page, for PageUp and PageDown and for
    /// keeping the cursor in sight. 0 when not drawn.
    pub results_rows: usize,
    pub facets_rows: usize,
    pub list_rows: usize,
    /// Columns (from the status line's left edge) of each active-filter chip.
    pub chips: Vec<(u16, u16)>,
    /// The entry pane as drawn, when it was.
    pub entry: Option<EntryFacts>,
    /// The screen row of the filters pane's "in my shortlist" row, when it was drawn.
    pub shortlist_row: Option<u16>,
    /// Whether the results pane's first row said that no entry has every word of the query
    /// (the results start a row lower).
    pub results_note: bool,
    /// The open overlay's text: its lines once wrapped, and the rows it shows.
    pub overlay_lines: usize,
    pub overlay_page: u16,
    /// The largest useful scroll of the screen's scrolled text (a tour's opened stop, a
    /// zoomed slide), when one was drawn.
    pub scroll_max: Option<u16>,
    /// The overview's material chart: the values of its rows, in the order drawn.
    pub overview_rows: Vec<usize>,
}

/// The entry pane's text as drawn.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct EntryFacts {
    pub entry: Option<Id>,
    /// Wrapped lines of the whole entry, and the rows that show.
    pub lines: usize,
    pub page: u16,
    /// The scroll the pane was drawn at (the asked scroll, bounded).
    pub scroll: u16,
    /// The first wrapped line of each related-entry link, in link order, then of each address.
    pub link_lines: Vec<usize>,
    /// The line after the last line of each, in the same order.
    pub link_ends: Vec<usize>,
}

impl FrameFacts {
    /// A page of results, as last drawn (at least one).
    pub fn results_page(&self) -> usize {
        self.results_rows.max(1)
    }

    /// A page of the filters pane, as last drawn (at least one).
    pub fn facets_page(&self) -> usize {
        self.facets_rows.max(1)
    }

    /// A page of the screen's list, as last drawn (at least one).
    pub fn list_page(&self) -> usize {
        self.list_rows.max(1)
    }

    pub fn pane_at(&self, column: u16, row: u16) -> Option<Pane> {
        let at = Position::new(column, row);
        [(self.facets, Pane::Facets), (self.results, Pane::Results), (self.detail, Pane::Detail)]
            .into_iter()
            .find(|(area, _)| area.contains(at))
            .map(|(_, pane)| pane)
    }

    /// Which active-filter chip of the status line is at a position.
    pub fn chip_at(&self, column: u16, row: u16) -> Option<usize> {
        if row != self.status.y || !self.status.contains(Position::new(column, row)) {
            return None;
        }
        let x = column - self.status.x;
        self.chips.iter().position(|&(from, to)| (from..to).contains(&x))
    }

    /// The row of a pane's inside (below its top border) a screen row falls on.
    pub fn inner_row(area: Rect, row: u16) -> Option<usize> {
        (row > area.y && row + 1 < area.bottom()).then(|| usize::from(row - area.y - 1))
    }

    /// The entry pane's largest useful scroll, as last drawn.
    pub fn entry_max_scroll(&self) -> u16 {
        self.entry
            .as_ref()
            .map_or(0, |e| u16::try_from(e.lines.saturating_sub(usize::from(e.page))).unwrap_or(u16::MAX))
    }

    /// The link whose text covers a wrapped line of the entry pane.
    pub fn link_at_line(&self, line: usize) -> Option<usize> {
        let entry = self.entry.as_ref()?;
        if entry.link_ends.len() == entry.link_lines.len() && !entry.link_ends.is_empty() {
            return entry
                .link_lines
                .iter()
                .zip(&entry.link_ends)
                .position(|(&start, &end)| (start..end).contains(&line));
        }
        let position = entry.link_lines.iter().rposition(|&start| start <= line)?;
        // A link takes its own line, or two when it wraps: never more than the next link's start.
        let next = entry.link_lines.get(position + 1).copied().unwrap_or(entry.link_lines[position] + 2);
        (line < next.min(entry.link_lines[position] + 2)).then_some(position)
    }
}
