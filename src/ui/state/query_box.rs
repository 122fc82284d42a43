//! The query box: its text (a [`TextInput`] of at most [`MAX_QUERY_CHARS`]), whether it has the
//! keys, the query it had before this edit (Esc restores it), and the history of kept queries.

use super::super::action::Edit;
use super::text_input::{Edited, TextInput};

/// The most characters the query box holds. A query is a few words and field filters; 256
/// characters hold about forty words. A longer paste is cut here, and the dashboard says so,
/// rather than searching a megabyte of text (or freezing on it, one search per character).
pub const MAX_QUERY_CHARS: usize = 256;

#[derive(Clone, Debug)]
pub struct QueryBox {
    input: TextInput,
    editing: bool,
    before_edit: String,
    history: Vec<String>,
    /// Position while walking the history with ↑/↓.
    history_position: Option<usize>,
}

impl Default for QueryBox {
    fn default() -> Self {
        QueryBox::new("")
    }
}

impl QueryBox {
    pub fn new(text: &str) -> QueryBox {
        QueryBox {
            input: TextInput::new(text, MAX_QUERY_CHARS),
            editing: false,
            before_edit: String::new(),
            history: Vec::new(),
            history_position: None,
        }
    }

    pub fn text(&self) -> &str {
        self.input.text()
    }

    pub fn input(&self) -> &TextInput {
        &self.input
    }

    pub fn editing(&self) -> bool {
        self.editing
    }

    pub fn history(&self) -> &[String] {
        &self.history
    }

    pub fn begin_edit(&mut self) {
        self.editing = true;
        self.before_edit = self.text().to_string();
        self.input.apply(&Edit::End);
        self.history_position = None;
    }

    pub fn edit(&mut self, edit: &Edit) -> Edited {
        self.input.apply(edit)
    }

    /// Replaces the text (a query completed from the command line).
    pub fn set(&mut self, text: &str) {
        self.input.set(text);
    }

    /// ↑ (`back`) or ↓ through the kept queries; past the newest, the query being typed.
    pub fn walk_history(&mut self, back: bool) {
        let count = self.history.len();
        if count == 0 {
            return;
        }
        let position = match (self.history_position, back) {
            (None, true) => Some(count - 1),
            (None, false) => None,
            (Some(p), true) => Some(p.saturating_sub(1)),
            (Some(p), false) if p + 1 < count => Some(p + 1),
            (Some(_), false) => None,
        };
        self.history_position = position;
        let text = position.map_or_else(|| self.before_edit.clone(), |p| self.history[p].clone());
        self.input.set(&text);
    }

    /// Keeps the query, remembering it in the history.
    pub fn submit(&mut self) {
        self.editing = false;
        let text = self.text().trim().to_string();
        if !text.is_empty() && self.history.last() != Some(&text) {
            self.history.retain(|h| h != &text);
            self.history.push(text);
        }
    }

    /// Leaves the box with the query it had before.
    pub fn cancel(&mut self) {
        self.editing = false;
        let before = std::mem::take(&mut self.before_edit);
        self.input.set(&before);
        self.before_edit = before;
    }
}
