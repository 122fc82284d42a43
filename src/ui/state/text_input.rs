//! The one text input: the query box, a shortlist note, an export file name and present mode's
//! jump search are each a [`TextInput`], edited by the one [`Edit`] family. Its cursor is always
//! on a character boundary, and it never holds more than its cap of characters: a paste longer
//! than that is cut, and the edit says so.

use super::super::action::Edit;

/// What an edit did to the text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Edited {
    /// The text is as it was (the cursor moved, or a key at the end of the line, or a
    /// character that cannot be typed).
    Unchanged,
    Changed,
    /// Typed or pasted text did not all fit: what fitted went in (maybe nothing), the rest was
    /// dropped at the cap.
    Cut,
}

impl Edited {
    pub fn changed(self) -> bool {
        self != Edited::Unchanged
    }
}

#[derive(Clone, Debug, Default)]
pub struct TextInput {
    text: String,
    /// Byte offset of the cursor in `text`, always on a character boundary.
    cursor: usize,
    /// The most characters the text may hold.
    cap: usize,
    /// How many characters `text` holds, so that typing at the cap costs no count.
    chars: usize,
}

impl TextInput {
    /// A text input holding `text` (cut at `cap` characters), the cursor at its end.
    pub fn new(text: &str, cap: usize) -> TextInput {
        let text: String = text.chars().take(cap).collect();
        let chars = text.chars().count();
        TextInput { cursor: text.len(), text, cap, chars }
    }

    pub fn text(&self) -> &str {
        &self.text
    }

    /// The cursor, as a byte offset into [`TextInput::text`].
    pub fn cursor(&self) -> usize {
        self.cursor
    }

    /// The most characters it holds.
    pub fn cap(&self) -> usize {
        self.cap
    }

    /// Replaces the text (cut at the cap), the cursor at its end.
    pub fn set(&mut self, text: &str) {
        *self = TextInput::new(text, self.cap);
    }

    /// Applies an edit; says whether the text changed (a move of the cursor does not change
    /// it), and whether typed or pasted text was cut at the cap.
    pub fn apply(&mut self, edit: &Edit) -> Edited {
        let before = self.text.len();
        match edit {
            Edit::Insert(c) => return self.insert(std::iter::once(*c)),
            Edit::Paste(text) => return self.insert(text.chars()),
            Edit::Backspace => {
                if let Some(c) = self.text[..self.cursor].chars().next_back() {
                    self.cursor -= c.len_utf8();
                    self.text.remove(self.cursor);
                    self.chars -= 1;
                }
            }
            Edit::Delete => {
                if self.cursor < self.text.len() {
                    self.text.remove(self.cursor);
                    self.chars -= 1;
                }
            }
            Edit::Left => {
                if let Some(c) = self.text[..self.cursor].chars().next_back() {
                    self.cursor -= c.len_utf8();
                }
            }
            Edit::Right => {
                if let Some(c) = self.text[self.cursor..].chars().next() {
                    self.cursor += c.len_utf8();
                }
            }
            Edit::Home => self.cursor = 0,
            Edit::End => self.cursor = self.text.len(),
            Edit::Clear => {
                self.text.clear();
                self.cursor = 0;
                self.chars = 0;
            }
            Edit::DeleteWord => {
                let head = &self.text[..self.cursor];
                let start = head.trim_end().rfind(char::is_whitespace).map_or(0, |i| i + 1);
                self.chars -= self.text[start..self.cursor].chars().count();
                self.text.replace_range(start..self.cursor, "");
                self.cursor = start;
            }
        }
        // Deleting changes the length whenever it changes the text.
        if self.text.len() == before { Edited::Unchanged } else { Edited::Changed }
    }

    /// Types characters at the cursor, as many as the cap leaves room for. Characters that
    /// could spoof the line (controls, bidi overrides, zero-width characters) or make it
    /// another width than counted (VS16, skin tones) are never typed.
    fn insert(&mut self, typed: impl Iterator<Item = char>) -> Edited {
        let mut fitting = String::new();
        let mut cut = false;
        for c in typed.filter(|&c| crate::text::is_typeable(c)) {
            if self.chars + fitting.chars().count() >= self.cap {
                cut = true;
                break;
            }
            fitting.push(c);
        }
        if !fitting.is_empty() {
            self.chars += fitting.chars().count();
            self.text.insert_str(self.cursor, &fitting);
            self.cursor += fitting.len();
        }
        match (cut, fitting.is_empty()) {
            (true, _) => Edited::Cut,
            (false, true) => Edited::Unchanged,
            (false, false) => Edited::Changed,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_paste_is_cut_at_the_cap_and_says_so() {
        let mut input = TextInput::new("ab", 5);
        assert_eq!(input.apply(&Edit::Paste("cdéfgh".into())), Edited::Cut);
        assert_eq!((input.text(), input.cursor()), ("abcdé", 6));
        assert_eq!(input.apply(&Edit::Insert('x')), Edited::Cut, "typing at the cap is cut too");
        assert_eq!(input.text(), "abcdé");
        assert_eq!(input.apply(&Edit::Backspace), Edited::Changed);
        assert_eq!(input.apply(&Edit::Left), Edited::Unchanged, "a move changes no text");
        input.apply(&Edit::End);
        assert_eq!(input.apply(&Edit::Insert('x')), Edited::Changed);
        assert_eq!(input.text(), "abcdx");
    }

    #[test]
    fn edits_keep_the_cursor_on_a_character_and_the_count_right() {
        let mut input = TextInput::new("terres rarés", 64);
        input.apply(&Edit::Left);
        input.apply(&Edit::Left);
        assert_eq!(input.cursor(), "terres rar".len());
        input.apply(&Edit::DeleteWord);
        assert_eq!(input.text(), "terres és");
        input.apply(&Edit::Home);
        input.apply(&Edit::Delete);
        input.apply(&Edit::Paste("T\u{202e}".into()));
        assert_eq!(input.text(), "Terres és", "a bidi override is never typed");
        assert_eq!(input.apply(&Edit::Paste("\u{200b}".into())), Edited::Unchanged);
        input.apply(&Edit::Clear);
        assert_eq!(input.apply(&Edit::Paste("x".repeat(70))), Edited::Cut);
        assert_eq!(input.text().chars().count(), 64);
    }

    #[test]
    fn a_long_text_given_at_the_start_is_cut_at_the_cap() {
        let input = TextInput::new(&"é".repeat(300), 256);
        assert_eq!(input.text().chars().count(), 256);
        assert_eq!(input.cursor(), input.text().len());
    }
}
