//! Where the entry pane is: the entries followed from the selected result (by id, so that a
//! reload keeps them), and the scroll and chosen link of the one shown.

use crate::model::Id;

/// A place in the entry pane's history, to come back to.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Visit {
    pub entry: Id,
    pub scroll: u16,
    pub link: Option<usize>,
}

#[derive(Clone, Debug, Default)]
pub struct Trail {
    /// The entries followed; empty while the pane shows the selected result.
    visits: Vec<Visit>,
    scroll: u16,
    link: Option<usize>,
    /// The chosen link must be scrolled into view by the next frame.
    reveal: bool,
}

impl Trail {
    /// Back to the top of the selected result, nothing followed.
    pub fn reset(&mut self) {
        *self = Trail::default();
    }

    pub fn is_empty(&self) -> bool {
        self.visits.is_empty()
    }

    pub fn visits(&self) -> &[Visit] {
        &self.visits
    }

    /// The entry followed last, if any (else the pane shows the selected result).
    pub fn followed(&self) -> Option<&Id> {
        self.visits.last().map(|v| &v.entry)
    }

    pub fn scroll(&self) -> u16 {
        self.scroll
    }

    pub fn link(&self) -> Option<usize> {
        self.link
    }

    pub fn set_scroll(&mut self, scroll: u16) {
        self.scroll = scroll;
    }

    /// Chooses a link, to be brought into view when next drawn.
    pub fn choose_link(&mut self, link: usize) {
        self.link = Some(link);
        self.reveal = true;
    }

    pub fn reveal_link(&self) -> bool {
        self.reveal
    }

    /// The frame has brought the chosen link into view.
    pub fn revealed(&mut self) {
        self.reveal = false;
    }

    /// Follows a link from `from` (the entry shown) to `to`, remembering where `from` was.
    pub fn follow(&mut self, from: &Id, to: Id) {
        match self.visits.last_mut() {
            Some(current) => {
                current.scroll = self.scroll;
                current.link = self.link;
            }
            None => self.visits.push(Visit { entry: from.clone(), scroll: self.scroll, link: self.link }),
        }
        self.visits.push(Visit { entry: to, scroll: 0, link: None });
        self.scroll = 0;
        self.link = None;
    }

    /// Goes back one entry; returns false when there was nothing to go back to (the pane
    /// then shows the selected result from its top).
    pub fn back(&mut self, selected: Option<&Id>) -> bool {
        if self.visits.len() <= 1 {
            self.reset();
            return false;
        }
        self.visits.pop();
        let visit = self.visits.last().cloned().expect("more than one visit was there");
        if self.visits.len() == 1 && Some(&visit.entry) == selected {
            self.visits.clear();
        }
        self.scroll = visit.scroll;
        self.link = visit.link;
        true
    }

    /// Keeps only the visits whose entries still exist (after a reload).
    pub fn retain(&mut self, exists: impl Fn(&Id) -> bool) {
        let before = self.visits.len();
        self.visits.retain(|v| exists(&v.entry));
        if self.visits.len() != before {
            self.scroll = 0;
            self.link = None;
        }
    }
}
