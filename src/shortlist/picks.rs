//! The room's picks: how many participants marked each entry, anonymously. Each participant
//! counts once per entry (a shortlist holds an entry once, and the sessions of one key share
//! one shortlist); who marked what is never kept here, only how many.

use std::collections::HashMap;

use super::Shortlist;
use crate::model::Id;

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Picks {
    /// Participants who marked anything.
    pub participants: usize,
    /// Each entry marked, with how many participants marked it: most first, then by id.
    pub ranked: Vec<(Id, usize)>,
}

impl Picks {
    /// The picks of these shortlists, one per participant.
    pub fn count<'a>(lists: impl IntoIterator<Item = &'a Shortlist>) -> Picks {
        let mut counts: HashMap<Id, usize> = HashMap::new();
        let mut participants = 0;
        for list in lists {
            if list.is_empty() {
                continue;
            }
            participants += 1;
            let mut seen = std::collections::HashSet::new();
            for id in list.ids() {
                if seen.insert(id.clone()) {
                    *counts.entry(id.clone()).or_default() += 1;
                }
            }
        }
        let mut ranked: Vec<(Id, usize)> = counts.into_iter().collect();
        ranked.sort_by(|(a, n), (b, m)| m.cmp(n).then_with(|| a.as_str().cmp(b.as_str())));
        Picks { participants, ranked }
    }

    pub fn is_empty(&self) -> bool {
        self.ranked.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_participant_counts_once_per_entry_and_the_most_marked_come_first() {
        let lists =
            [Shortlist::of(&["a", "b"]), Shortlist::of(&["b"]), Shortlist::of(&[]), Shortlist::of(&["c", "b", "a"])];
        let picks = Picks::count(&lists);
        assert_eq!(picks.participants, 3, "a participant who marked nothing is not counted");
        let ranked: Vec<(&str, usize)> = picks.ranked.iter().map(|(id, n)| (id.as_str(), *n)).collect();
        assert_eq!(ranked, [("b", 3), ("a", 2), ("c", 1)]);
        assert!(Picks::count(&[]).is_empty());
    }
}
