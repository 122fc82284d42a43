//! What the last frame drew, as the view reports it: where each part went and how long the
//! scrolled texts were. Input is hit-tested against it, and `update` bounds scrolling with it,
//! so neither has to lay out or render anything again.

use std::sync::{Arc, Weak};

use ratatui::layout::{Position, Rect};
use ratatui::text::Line;

use super::action::Pane;
use super::theme::Theme;
use crate::model::Id;
use crate::query::Indexed;
use crate::text::Lang;

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
    /// How many of the results pane's first rows said that no entry has every word of the
    /// query (the results start that much lower).
    pub results_note: u16,
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
    /// The text as laid out, for the next frame to draw again if it shows the same.
    pub text: Option<Arc<EntryText>>,
    /// Rows above the entry's text: the note that the entry shown before a reload was removed.
    pub notice_rows: u16,
}

/// The entry pane's text as the view laid it out: its lines and where each starts once
/// wrapped. Kept with the frame's facts, so the next frame that shows the same entry the same
/// way draws it without building and measuring it again: while a query is typed, the entry
/// selected often stays, and laying it out was a large part of a room's frame (#25).
#[derive(Debug)]
pub struct EntryText {
    /// What it was laid out for.
    pub(in crate::ui) key: EntryTextKey,
    /// The catalogue it was laid out from: held weakly, so that no other snapshot can take its
    /// address while this is kept.
    pub(in crate::ui) snapshot: Weak<Indexed>,
    /// The entries whose shortlist mark (★) it shows beside a stop or link, with the mark shown.
    pub(in crate::ui) marks: Vec<(Id, bool)>,
    pub(in crate::ui) lines: Vec<Line<'static>>,
    /// Wrapped rows before each line, then the rows of the whole text.
    pub(in crate::ui) before: Vec<usize>,
    /// Each link's and address's choice number, first line and end line, in choice order.
    pub(in crate::ui) link_rows: Vec<(usize, usize, usize)>,
}

/// What an entry's laid-out text depends on besides the catalogue and the marks.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct EntryTextKey {
    pub entry: usize,
    pub width: u16,
    pub lang: Lang,
    pub theme: Theme,
    /// The link or address drawn as chosen.
    pub chosen: Option<usize>,
    /// The tour and stop whose note is drawn above the entry.
    pub stop: Option<(usize, usize)>,
}

impl EntryText {
    /// Whether this text is what the pane would lay out for `key` in `indexed` with these marks.
    pub(in crate::ui) fn shows(
        &self,
        key: &EntryTextKey,
        indexed: &Arc<Indexed>,
        marked: impl Fn(&Id) -> bool,
    ) -> bool {
        self.key == *key
            && std::ptr::eq(self.snapshot.as_ptr(), Arc::as_ptr(indexed))
            && self.marks.iter().all(|(id, shown)| marked(id) == *shown)
    }
}

impl PartialEq for EntryText {
    fn eq(&self, other: &EntryText) -> bool {
        self.key == other.key
            && self.snapshot.ptr_eq(&other.snapshot)
            && self.marks == other.marks
            && self.lines == other.lines
            && self.before == other.before
            && self.link_rows == other.link_rows
    }
}

impl Eq for EntryText {}

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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Catalogue;

    fn key() -> EntryTextKey {
        EntryTextKey {
            entry: 3,
            width: 60,
            lang: Lang::En,
            theme: Theme::new(super::super::theme::ThemeName::Dark),
            chosen: None,
            stop: None,
        }
    }

    /// A kept text is drawn again only for the same entry, width, language, theme, chosen link
    /// and stop, in the same catalogue snapshot, with every mark it shows unchanged.
    #[test]
    fn a_kept_entry_text_shows_only_what_it_was_laid_out_for() {
        let indexed = Arc::new(Indexed::new(Catalogue::default()));
        let linked = Id::parse("linked-entry").unwrap();
        let text = EntryText {
            key: key(),
            snapshot: Arc::downgrade(&indexed),
            marks: vec![(linked.clone(), false)],
            lines: vec![Line::from("Béthune")],
            before: vec![0, 1],
            link_rows: Vec::new(),
        };
        let unmarked = |_: &Id| false;
        assert!(text.shows(&key(), &indexed, unmarked));
        assert!(!text.shows(&key(), &indexed, |id: &Id| *id == linked), "a mark it shows changed");
        let reloaded = Arc::new(Indexed::new(Catalogue::default()));
        assert!(!text.shows(&key(), &reloaded, unmarked), "another snapshot");
        let others = [
            EntryTextKey { entry: 4, ..key() },
            EntryTextKey { width: 61, ..key() },
            EntryTextKey { lang: Lang::Fr, ..key() },
            EntryTextKey { theme: Theme::new(super::super::theme::ThemeName::Light), ..key() },
            EntryTextKey { chosen: Some(0), ..key() },
            EntryTextKey { stop: Some((1, 2)), ..key() },
        ];
        for other in others {
            assert!(!text.shows(&other, &indexed, unmarked), "{other:?}");
        }
    }
}
