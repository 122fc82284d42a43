//! The participant's shortlist: the entries they marked, in the order they marked them (which
//! they can change), each with a short personal note. Held by [`Id`], so it outlives reloads
//! and even entries that leave the catalogue (shown as missing, never dropped silently).
//! [`store`] keeps it in the user's data folder between runs.

pub mod store;

use serde::{Deserialize, Serialize};

use crate::model::Id;
use crate::text::{Lines, sanitize};

/// The longest note kept, in characters: a note is a reminder, not an essay.
pub const NOTE_MAX: usize = 500;

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
                list.items.push(Item { note: clean_note(&item.note), id: item.id });
            }
        }
        list
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

/// One line of safe text, at most [`NOTE_MAX`] characters, trimmed.
pub fn clean_note(note: &str) -> String {
    let line = sanitize(note, Lines::Single);
    line.trim().chars().take(NOTE_MAX).collect::<String>().trim_end().to_string()
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

    #[test]
    fn repeated_ids_and_long_notes_are_cleaned_on_the_way_in() {
        let long = "x".repeat(NOTE_MAX + 50);
        let list =
            Shortlist::from_items(vec![Item { id: id("a"), note: long }, Item { id: id("a"), note: "second".into() }]);
        assert_eq!(list.len(), 1);
        assert_eq!(list.note("a").unwrap().chars().count(), NOTE_MAX);
    }
}
