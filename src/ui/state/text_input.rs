//! The query box: its text, a cursor always on a character boundary, the query it had before
//! this edit (Esc restores it), and the history of kept queries.

#[derive(Clone, Debug, Default)]
pub struct SearchBox {
    text: String,
    /// Byte offset of the cursor in `text`, always on a character boundary.
    cursor: usize,
    editing: bool,
    before_edit: String,
    history: Vec<String>,
    /// Position while walking the history with ↑/↓.
    history_position: Option<usize>,
}

impl SearchBox {
    pub fn new(text: String) -> SearchBox {
        SearchBox { cursor: text.len(), text, ..SearchBox::default() }
    }

    pub fn text(&self) -> &str {
        &self.text
    }

    pub fn cursor(&self) -> usize {
        self.cursor
    }

    pub fn editing(&self) -> bool {
        self.editing
    }

    pub fn history(&self) -> &[String] {
        &self.history
    }

    pub fn begin_edit(&mut self) {
        self.editing = true;
        self.before_edit = self.text.clone();
        self.cursor = self.text.len();
        self.history_position = None;
    }

    /// Types a character, unless it could spoof the query line (controls, bidi overrides,
    /// zero-width characters), or make it another width than counted (VS16, skin tones).
    pub fn insert(&mut self, c: char) {
        if crate::text::is_typeable(c) {
            self.text.insert(self.cursor, c);
            self.cursor += c.len_utf8();
        }
    }

    pub fn backspace(&mut self) {
        if let Some(c) = self.text[..self.cursor].chars().next_back() {
            self.cursor -= c.len_utf8();
            self.text.remove(self.cursor);
        }
    }

    pub fn delete(&mut self) {
        if self.cursor < self.text.len() {
            self.text.remove(self.cursor);
        }
    }

    pub fn left(&mut self) {
        if let Some(c) = self.text[..self.cursor].chars().next_back() {
            self.cursor -= c.len_utf8();
        }
    }

    pub fn right(&mut self) {
        if let Some(c) = self.text[self.cursor..].chars().next() {
            self.cursor += c.len_utf8();
        }
    }

    pub fn home(&mut self) {
        self.cursor = 0;
    }

    pub fn end(&mut self) {
        self.cursor = self.text.len();
    }

    pub fn clear(&mut self) {
        self.text.clear();
        self.cursor = 0;
    }

    pub fn delete_word(&mut self) {
        let head = &self.text[..self.cursor];
        let start = head.trim_end().rfind(char::is_whitespace).map_or(0, |i| i + 1);
        self.text.replace_range(start..self.cursor, "");
        self.cursor = start;
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
        self.text = position.map_or_else(|| self.before_edit.clone(), |p| self.history[p].clone());
        self.cursor = self.text.len();
    }

    /// Keeps the query, remembering it in the history.
    pub fn submit(&mut self) {
        self.editing = false;
        let text = self.text.trim().to_string();
        if !text.is_empty() && self.history.last() != Some(&text) {
            self.history.retain(|h| h != &text);
            self.history.push(text);
        }
    }

    /// Leaves the box with the query it had before.
    pub fn cancel(&mut self) {
        self.editing = false;
        self.text = self.before_edit.clone();
        self.cursor = self.text.len();
    }
}
