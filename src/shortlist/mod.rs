//! The participant's shortlist: the entries they marked, in the order they marked them (which
//! they can change), each with a short personal note. Held by [`Id`], so it outlives reloads
//! and even entries that leave the catalogue (shown as missing, never dropped silently).
//! [`store`] keeps it in the user's data folder between runs; two dashboards (or two SSH
//! sessions of one key) that save one file have their changes merged by id ([`merge`]).

pub mod picks;
pub mod store;

use serde::{Deserialize, Serialize};

use crate::model::Id;
use crate::text::{Lines, sanitize};

/// The longest note typed, in characters: a note is a reminder, not an essay.
pub const NOTE_MAX: usize = 500;

/// The longest note read from a file: two notes of [`NOTE_MAX`] joined by [`merge`] (both
/// sessions changed it) are kept whole.
const NOTE_READ_MAX: usize = 2 * NOTE_MAX + NOTES_JOINED.len();

/// Between two notes of one entry changed in two sessions at once, both kept.
pub const NOTES_JOINED: &str = " / ";

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Item {
    pub id: Id,
    /// One line, cleaned like catalogue text; empty when there is none.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
}

/// Marked entries, in order, each at most once.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Shortlist {
    items: Vec<Item>,
}

impl Shortlist {
    /// A shortlist of these items, cleaned: repeated ids dropped (the first kept), notes made
    /// one safe line of at most [`NOTE_MAX`] characters.
    pub fn from_items(items: Vec<Item>) -> Shortlist {
        let mut list = Shortlist::default();
        for item in items {
            if !list.contains(item.id.as_str()) {
                list.items.push(Item { note: clean(&item.note, NOTE_READ_MAX), id: item.id });
            }
        }
        list
    }

    /// A shortlist marking these ids, in order, without notes (for tests).
    #[cfg(test)]
    pub fn of(ids: &[&str]) -> Shortlist {
        Shortlist::from_items(ids.iter().map(|id| Item { id: Id::parse(id).unwrap(), note: String::new() }).collect())
    }

    pub fn items(&self) -> &[Item] {
        &self.items
    }

    pub fn len(&self) -> usize {
        self.items.len()
    }

    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    pub fn contains(&self, id: &str) -> bool {
        self.position(id).is_some()
    }

    pub fn position(&self, id: &str) -> Option<usize> {
        self.items.iter().position(|i| i.id.as_str() == id)
    }

    pub fn ids(&self) -> impl Iterator<Item = &Id> {
        self.items.iter().map(|i| &i.id)
    }

    /// The note of an entry, when it is marked and has one.
    pub fn note(&self, id: &str) -> Option<&str> {
        self.position(id).map(|p| self.items[p].note.as_str()).filter(|n| !n.is_empty())
    }

    /// Marks an entry (at the end) or unmarks it; returns whether it is now marked.
    pub fn toggle(&mut self, id: &Id) -> bool {
        match self.position(id.as_str()) {
            Some(at) => {
                self.items.remove(at);
                false
            }
            None => {
                self.items.push(Item { id: id.clone(), note: String::new() });
                true
            }
        }
    }

    /// Removes the item at `at`; returns it.
    pub fn remove(&mut self, at: usize) -> Option<Item> {
        (at < self.items.len()).then(|| self.items.remove(at))
    }

    /// Moves the item at `at` one place up (`up`) or down; returns its new place.
    pub fn shift(&mut self, at: usize, up: bool) -> Option<usize> {
        let to = if up { at.checked_sub(1)? } else { at + 1 };
        if to >= self.items.len() || at >= self.items.len() {
            return None;
        }
        self.items.swap(at, to);
        Some(to)
    }

    /// Sets the note of the item at `at` (cleaned; empty removes it).
    pub fn set_note(&mut self, at: usize, note: &str) {
        if let Some(item) = self.items.get_mut(at) {
            item.note = clean_note(note);
        }
    }
}

/// Three versions of one shortlist merged by id: `base`, the version both others started
/// from (what this session last read or wrote), `theirs`, what is in the file now (saved
/// meanwhile by another dashboard or session on the same file), and `mine`, this session's.
/// A change made on one side only is kept: an entry marked elsewhere is added (after mine,
/// in their order), an entry unmarked elsewhere is removed unless this side changed its note,
/// a note changed elsewhere is taken unless this side changed it too. A note both changed is
/// kept in both versions, this session's first ([`joined`]): one writer's words are never
/// dropped for the other's. Otherwise, where both changed the same thing, this session's change
/// wins; no mark is ever lost without one side asking. The order is this session's.
pub fn merge(base: &Shortlist, theirs: &Shortlist, mine: &Shortlist) -> Shortlist {
    let mut items = Vec::with_capacity(mine.len() + theirs.len());
    for item in mine.items() {
        let at_base = base.position(item.id.as_str()).map(|at| &base.items[at]);
        let at_theirs = theirs.position(item.id.as_str()).map(|at| &theirs.items[at]);
        match (at_base, at_theirs) {
            // Unmarked elsewhere, and untouched here: it goes.
            (Some(was), None) if was == item => {}
            // A note changed elsewhere only.
            (Some(was), Some(now)) if was.note == item.note && now.note != was.note => items.push(now.clone()),
            // Both changed the note (or both marked it, with different notes): both kept.
            (was, Some(now)) if was.is_none_or(|was| was.note != now.note && was.note != item.note) => {
                items.push(Item { id: item.id.clone(), note: joined(&item.note, &now.note) })
            }
            _ => items.push(item.clone()),
        }
    }
    for item in theirs.items() {
        // Marked elsewhere (not in the base), and not here: it comes.
        if !base.contains(item.id.as_str()) && !mine.contains(item.id.as_str()) {
            items.push(item.clone());
        }
    }
    Shortlist { items }
}

/// Two versions of one note, both kept: this session's, then the other's; one alone when the
/// other is empty (a note cleared on one side and rewritten on the other keeps the words) or
/// already holds it (a join saved before).
pub fn joined(mine: &str, theirs: &str) -> String {
    if theirs.is_empty() || mine.contains(theirs) {
        mine.to_string()
    } else if mine.is_empty() || theirs.contains(mine) {
        theirs.to_string()
    } else {
        format!("{mine}{NOTES_JOINED}{theirs}")
    }
}

/// One line of safe text, at most [`NOTE_MAX`] characters, trimmed.
pub fn clean_note(note: &str) -> String {
    clean(note, NOTE_MAX)
}

fn clean(note: &str, max: usize) -> String {
    let line = sanitize(note, Lines::Single);
    line.trim().chars().take(max).collect::<String>().trim_end().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn id(text: &str) -> Id {
        Id::parse(text).unwrap()
    }

    fn ids(list: &Shortlist) -> Vec<&str> {
        list.ids().map(Id::as_str).collect()
    }

    #[test]
    fn marks_in_order_unmarks_and_reorders() {
        let mut list = Shortlist::default();
        assert!(list.toggle(&id("a")));
        assert!(list.toggle(&id("b")));
        assert!(list.toggle(&id("c")));
        assert_eq!(ids(&list), ["a", "b", "c"]);
        assert!(!list.toggle(&id("b")));
        assert_eq!(ids(&list), ["a", "c"]);
        assert_eq!(list.shift(1, true), Some(0));
        assert_eq!(ids(&list), ["c", "a"]);
        assert_eq!(list.shift(0, true), None, "the first cannot go higher");
        assert_eq!(list.shift(1, false), None, "the last cannot go lower");
        list.set_note(0, "  ask about\x1b]0;pwned\x07 costs\n ");
        assert_eq!(list.note("c"), Some("ask about]0;pwned costs"));
        list.set_note(0, "");
        assert_eq!(list.note("c"), None);
        assert_eq!(list.remove(5), None);
        assert_eq!(list.remove(0).map(|i| i.id), Some(id("c")));
        assert_eq!(ids(&list), ["a"]);
    }

    fn list(items: &[(&str, &str)]) -> Shortlist {
        Shortlist::from_items(items.iter().map(|(i, n)| Item { id: id(i), note: n.to_string() }).collect())
    }

    /// The tester's sequence: A marks X, B marks Y (the file holds [Y]), A marks Z. Merged,
    /// the file holds all three, whichever saves last.
    #[test]
    fn two_writers_keep_each_others_marks() {
        let empty = Shortlist::default();
        let a_first = list(&[("x", "")]);
        let file = merge(&empty, &empty, &a_first);
        let b = merge(&empty, &file, &list(&[("y", "")]));
        assert_eq!(ids(&b), ["y", "x"]);
        let a = merge(&a_first, &b, &list(&[("x", ""), ("z", "")]));
        assert_eq!(ids(&a), ["x", "z", "y"]);
    }

    #[test]
    fn removals_and_notes_from_elsewhere_are_taken_unless_changed_here() {
        let base = list(&[("a", "old"), ("b", ""), ("c", "")]);
        // Elsewhere: b unmarked, a's note changed. Here: c's note changed.
        let theirs = list(&[("a", "new"), ("c", "")]);
        let mine = list(&[("a", "old"), ("b", ""), ("c", "mine")]);
        let merged = merge(&base, &theirs, &mine);
        assert_eq!(ids(&merged), ["a", "c"]);
        assert_eq!(merged.note("a"), Some("new"));
        assert_eq!(merged.note("c"), Some("mine"));
        // Unmarked elsewhere while its note changed here: kept, with the note.
        let merged = merge(&base, &list(&[("a", "old")]), &list(&[("a", "old"), ("b", "why")]));
        assert_eq!(ids(&merged), ["a", "b"]);
        // Unmarked here: it stays unmarked whatever happened elsewhere.
        let merged = merge(&base, &list(&[("a", "other"), ("b", ""), ("c", "")]), &list(&[("b", ""), ("c", "")]));
        assert_eq!(ids(&merged), ["b", "c"]);
        // Nothing changed elsewhere: mine as it is.
        assert_eq!(merge(&base, &base, &mine), mine);
    }

    /// A writes a note on X, B one on Y: both kept. Both rewrite X's note: neither's words are
    /// lost, whichever saves last; saved again, the joined note is not joined twice.
    #[test]
    fn notes_changed_in_two_sessions_are_all_kept() {
        let base = list(&[("x", ""), ("y", "")]);
        let a = list(&[("x", "ask about costs"), ("y", "")]);
        let file = merge(&base, &base, &a);
        let b = merge(&base, &file, &list(&[("x", ""), ("y", "visit in May")]));
        assert_eq!(b.note("x"), Some("ask about costs"));
        assert_eq!(b.note("y"), Some("visit in May"));

        let a = list(&[("x", "ask about costs"), ("y", "visit in May")]);
        let theirs = list(&[("x", "call Anna first"), ("y", "visit in May")]);
        let merged = merge(&b, &theirs, &list(&[("x", "ask about costs, twice"), ("y", "visit in May")]));
        assert_eq!(merged.note("x"), Some("ask about costs, twice / call Anna first"));
        assert_eq!(merge(&theirs, &merged, &merged), merged, "nothing new: nothing joined again");
        // Cleared on one side, rewritten on the other: the words stay.
        let merged =
            merge(&a, &list(&[("x", "new words"), ("y", "visit in May")]), &list(&[("x", ""), ("y", "visit in May")]));
        assert_eq!(merged.note("x"), Some("new words"));
        // Both marked the same entry with a note each: both notes.
        let merged = merge(&Shortlist::default(), &list(&[("z", "theirs")]), &list(&[("z", "mine")]));
        assert_eq!(merged.note("z"), Some("mine / theirs"));
        // Two full notes joined survive the file's reading whole.
        let long = "y".repeat(NOTE_MAX);
        let read = Shortlist::from_items(vec![Item { id: id("x"), note: joined(&long, &long.replace('y', "z")) }]);
        assert_eq!(read.note("x").unwrap().chars().count(), 2 * NOTE_MAX + NOTES_JOINED.len());
    }

    #[test]
    fn repeated_ids_and_long_notes_are_cleaned_on_the_way_in() {
        let long = "x".repeat(NOTE_MAX + 50);
        let mut list = Shortlist::from_items(vec![
            Item { id: id("a"), note: long.clone() },
            Item { id: id("a"), note: "second".into() },
        ]);
        assert_eq!(list.len(), 1);
        list.set_note(0, &long);
        assert_eq!(list.note("a").unwrap().chars().count(), NOTE_MAX);
    }
}
