//! A small RON reader that keeps the place of every value, for files the typed parser rejects.
//!
//! serde stops at the first problem of a file and cannot say where a string or a bracket was
//! opened. This reader is used only after a file failed the typed parse (the fast path is
//! untouched): it reads the whole file into a tree of values with their byte offsets, so that
//! [`super::recover`] can report every problem and keep every good value, and a syntax error
//! can name the construct left open.

/// One value and the bytes it covers.
#[derive(Clone, Debug)]
pub struct Node {
    pub start: usize,
    pub end: usize,
    pub value: Value,
}

#[derive(Clone, Debug)]
pub enum Value {
    /// A string literal, unescaped; `start` is its opening quote.
    Str(String),
    /// A bare identifier: an enum value (`reviewed`), `true`, `false`, `None`.
    Ident(String),
    /// A number as written.
    Number(String),
    /// A character literal (no catalogue field holds one; read to report it, not kept).
    Char,
    /// `Name(field: value, …)` or `(field: value, …)`; `close` is the offset of its `)`.
    Struct {
        name: Option<String>,
        fields: Vec<Field>,
        close: usize,
    },
    /// `(a, b)`, `Some(x)`, `Name(a)`.
    Tuple {
        name: Option<String>,
        items: Vec<Node>,
    },
    List(Vec<Node>),
    /// `{ key: value }` (no catalogue field holds one; read to report it, not kept).
    Map,
    /// A field's value the reader could not read (a syntax error inside it, reported); reading
    /// went on at the next field.
    Broken,
}

#[derive(Clone, Debug)]
pub struct Field {
    pub name: String,
    pub name_start: usize,
    pub name_end: usize,
    pub value: Node,
}

/// Why the file is not RON: where the reader gave up, and the construct left open, if any.
#[derive(Clone, Debug, PartialEq)]
pub struct SyntaxError {
    pub at: usize,
    pub message: String,
    /// Offset and description of the string or bracket that was never closed.
    pub opened: Option<(usize, &'static str)>,
    /// Reading went on after this error (at the next field), so later problems of the file
    /// may follow from it.
    pub resumed: bool,
}

mod fields;
mod literals;

/// What reading a whole file gave: its value (with `Value::Broken` where a field could not be
/// read) unless an error could not be stepped over, and every syntax error, in file order.
#[derive(Debug)]
pub struct Read {
    pub node: Option<Node>,
    pub errors: Vec<SyntaxError>,
}

/// Reads a whole file as one value. After a syntax error inside a field written on its own
/// line, reading goes on at the next line that starts like a field of the same struct (`name:`
/// at the same indentation), so that one missing quote or bracket never hides the file's
/// other problems.
pub fn read(text: &str) -> Read {
    let mut reader = Reader { text, bytes: text.as_bytes(), at: 0, depth: 0, strings: Vec::new(), errors: Vec::new() };
    let node = reader.whole();
    let mut errors = std::mem::take(&mut reader.errors);
    let node = match node {
        Ok(node) => Some(node),
        Err(error) => {
            errors.push(error);
            None
        }
    };
    errors.sort_by_key(|e| e.opened.map_or(e.at, |(at, _)| at));
    Read { node, errors }
}

/// Deeper than this is not a catalogue entry, and recursion must stay bounded.
const MAX_DEPTH: usize = 128;

struct Reader<'a> {
    text: &'a str,
    bytes: &'a [u8],
    at: usize,
    depth: usize,
    /// Strings read so far that run over a line end, most likely a missing closing quote.
    strings: Vec<(usize, usize)>,
    /// Errors stepped over, reading on at the next field.
    errors: Vec<SyntaxError>,
}

impl Reader<'_> {
    fn whole(&mut self) -> Result<Node, SyntaxError> {
        self.skip_attributes()?;
        let node = self.value()?;
        self.skip_blank()?;
        if self.at < self.bytes.len() {
            return Err(self.unexpected("the end of the file"));
        }
        Ok(node)
    }

    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.at).copied()
    }

    fn error(&self, at: usize, message: impl Into<String>) -> SyntaxError {
        SyntaxError { at, message: message.into(), opened: self.suspect_string(at), resumed: false }
    }

    /// A string read before `at` that swallowed a line end and what looks like the next field:
    /// the likeliest cause of a syntax error after it.
    fn suspect_string(&self, at: usize) -> Option<(usize, &'static str)> {
        self.strings
            .iter()
            .find(|&&(start, end)| end <= at && swallowed_a_field(&self.text[start..end]))
            .map(|&(start, _)| (start, "string"))
    }

    fn unexpected(&self, wanted: &str) -> SyntaxError {
        let found = match self.text[self.at..].chars().next() {
            None => "the end of the file".to_string(),
            Some(c) if c.is_ascii_alphanumeric() || c == '_' => {
                let word: String =
                    self.text[self.at..].chars().take_while(|c| c.is_ascii_alphanumeric() || *c == '_').collect();
                format!("`{word}`")
            }
            Some(c) => format!("`{c}`"),
        };
        self.error(self.at, format!("expected {wanted}, found {found}"))
    }

    /// Skips spaces and comments (`//…` and nested `/* … */`).
    fn skip_blank(&mut self) -> Result<(), SyntaxError> {
        loop {
            while self.peek().is_some_and(|b| b.is_ascii_whitespace()) {
                self.at += 1;
            }
            if self.bytes[self.at..].starts_with(b"//") {
                while self.peek().is_some_and(|b| b != b'\n') {
                    self.at += 1;
                }
            } else if self.bytes[self.at..].starts_with(b"/*") {
                let opened = self.at;
                let mut depth = 0usize;
                loop {
                    if self.at >= self.bytes.len() {
                        return Err(SyntaxError {
                            at: self.at,
                            message: "unexpected end of file inside a comment".into(),
                            opened: Some((opened, "comment")),
                            resumed: false,
                        });
                    }
                    if self.bytes[self.at..].starts_with(b"/*") {
                        depth += 1;
                        self.at += 2;
                    } else if self.bytes[self.at..].starts_with(b"*/") {
                        depth -= 1;
                        self.at += 2;
                        if depth == 0 {
                            break;
                        }
                    } else {
                        self.at += 1;
                    }
                }
            } else {
                return Ok(());
            }
        }
    }

    /// `#![enable(…)]` lines at the top of a file.
    fn skip_attributes(&mut self) -> Result<(), SyntaxError> {
        self.skip_blank()?;
        while self.bytes[self.at..].starts_with(b"#![") {
            match self.text[self.at..].find(']') {
                Some(end) => self.at += end + 1,
                None => return Err(self.error(self.at, "unclosed `#![…]` attribute")),
            }
            self.skip_blank()?;
        }
        Ok(())
    }

    fn value(&mut self) -> Result<Node, SyntaxError> {
        self.skip_blank()?;
        let start = self.at;
        if self.depth >= MAX_DEPTH {
            return Err(self.error(start, "nesting is too deep (over 128 levels)"));
        }
        let value = match self.peek() {
            None => return Err(self.unexpected("a value")),
            Some(b'"') => Value::Str(self.string()?),
            Some(b'r') if self.raw_string_ahead() => Value::Str(self.raw_string()?),
            Some(b'\'') => {
                self.char_literal()?;
                Value::Char
            }
            Some(b'[') => Value::List(self.list()?),
            Some(b'{') => {
                self.map()?;
                Value::Map
            }
            Some(b'(') => self.parenthesised(None)?,
            Some(b) if b.is_ascii_digit() || matches!(b, b'-' | b'+' | b'.') => Value::Number(self.number()),
            Some(b) if b.is_ascii_alphabetic() || b == b'_' => {
                let name = self.identifier();
                let after_name = self.at;
                self.skip_blank()?;
                if self.peek() == Some(b'(') {
                    self.parenthesised(Some(name))?
                } else {
                    self.at = after_name;
                    Value::Ident(name)
                }
            }
            Some(_) => return Err(self.unexpected("a value")),
        };
        Ok(Node { start, end: self.at, value })
    }

    /// `r"…"` or `r#"…"#`, as opposed to a raw identifier `r#to-complete`.
    fn raw_string_ahead(&self) -> bool {
        let hashes = self.bytes[self.at + 1..].iter().take_while(|&&b| b == b'#').count();
        self.bytes.get(self.at + 1 + hashes) == Some(&b'"')
    }

    /// A name, or a raw identifier `r#name` (which may hold `-`, `.` and `+`), without its `r#`.
    fn identifier(&mut self) -> String {
        if self.bytes[self.at..].starts_with(b"r#") {
            self.at += 2;
            let start = self.at;
            while self.peek().is_some_and(|b| b.is_ascii_alphanumeric() || matches!(b, b'_' | b'-' | b'.' | b'+')) {
                self.at += 1;
            }
            return self.text[start..self.at].to_string();
        }
        let start = self.at;
        while self.peek().is_some_and(|b| b.is_ascii_alphanumeric() || b == b'_') {
            self.at += 1;
        }
        self.text[start..self.at].to_string()
    }

    fn number(&mut self) -> String {
        let start = self.at;
        while self.peek().is_some_and(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'+' | b'.' | b'_')) {
            self.at += 1;
        }
        self.text[start..self.at].to_string()
    }

    /// Reads `close`-terminated, comma-separated items; a missing closer names its opener.
    fn items<T>(
        &mut self,
        close: u8,
        what: &'static str,
        mut item: impl FnMut(&mut Self) -> Result<T, SyntaxError>,
    ) -> Result<(Vec<T>, usize), SyntaxError> {
        let opened = self.at;
        self.at += 1;
        self.depth += 1;
        let mut out = Vec::new();
        loop {
            self.skip_blank()?;
            if self.peek() == Some(close) {
                let closed = self.at;
                self.at += 1;
                self.depth -= 1;
                return Ok((out, closed));
            }
            if self.peek().is_none() {
                return Err(SyntaxError {
                    at: self.at,
                    message: format!("unexpected end of file: a closing `{}` is missing", close as char),
                    opened: Some((opened, what)),
                    resumed: false,
                });
            }
            out.push(item(self)?);
            self.skip_blank()?;
            match self.peek() {
                Some(b',') => self.at += 1,
                Some(b) if b == close => {}
                None => {
                    return Err(SyntaxError {
                        at: self.at,
                        message: format!("unexpected end of file: a closing `{}` is missing", close as char),
                        opened: Some((opened, what)),
                        resumed: false,
                    });
                }
                Some(b @ (b')' | b']' | b'}')) => {
                    let mut error = self.error(
                        self.at,
                        format!("`{}` does not close this {what}: expected `{}`", b as char, close as char),
                    );
                    error.opened = error.opened.or(Some((opened, what)));
                    return Err(error);
                }
                Some(b':') if close == b']' => {
                    // `name:` inside a list: the list's `]` was left out before the next field.
                    let mut error = self.unexpected(&format!("`,` or `{}`", close as char));
                    error.opened = error.opened.or(Some((opened, what)));
                    return Err(error);
                }
                Some(_) => return Err(self.unexpected(&format!("`,` or `{}`", close as char))),
            }
        }
    }

    fn list(&mut self) -> Result<Vec<Node>, SyntaxError> {
        Ok(self.items(b']', "`[`", Self::value)?.0)
    }

    fn map(&mut self) -> Result<Vec<(Node, Node)>, SyntaxError> {
        let entries = self.items(b'}', "`{`", |r| {
            let key = r.value()?;
            r.skip_blank()?;
            if r.peek() != Some(b':') {
                return Err(r.unexpected("`:`"));
            }
            r.at += 1;
            Ok((key, r.value()?))
        })?;
        Ok(entries.0)
    }

    /// `(` … `)`: fields when the first item is `name:`, else a tuple.
    fn parenthesised(&mut self, name: Option<String>) -> Result<Value, SyntaxError> {
        let save = self.at;
        self.at += 1;
        self.skip_blank()?;
        let is_struct = {
            let start = self.at;
            let word = self.identifier();
            self.skip_blank()?;
            let yes = !word.is_empty() && self.peek() == Some(b':') && self.bytes.get(self.at + 1) != Some(&b':');
            self.at = start;
            yes
        };
        self.at = save;
        if is_struct {
            let (fields, close) = self.fields()?;
            Ok(Value::Struct { name, fields, close })
        } else {
            let (items, close) = self.items(b')', "`(`", Self::value)?;
            if items.is_empty() && name.is_some() {
                return Ok(Value::Struct { name, fields: Vec::new(), close });
            }
            Ok(Value::Tuple { name, items })
        }
    }
}

/// A string that runs over a line end into what looks like the next field (`\n    summary: `),
/// or whose first line ends like a value does (`…",` lost its quote).
fn swallowed_a_field(literal: &str) -> bool {
    let body = literal.trim_start_matches('"');
    let mut lines = body.lines();
    let first = lines.next().unwrap_or("").trim_end();
    let ends_like_a_value = first.ends_with(',') || first.ends_with(')') || first.ends_with(']');
    let next_is_a_field = lines.any(|line| {
        let line = line.trim_start();
        let name_len = line.bytes().take_while(|b| b.is_ascii_lowercase() || *b == b'_').count();
        name_len > 0 && line[name_len..].starts_with(':')
    });
    ends_like_a_value || next_is_a_field
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_structs_lists_and_texts_with_places() {
        let text = "GoodPractice(\n  title: (fr: \"a\", en: \"b\"), // x\n  tags: [\"x\", r#\"y\"#],\n  n: Some(3),\n)";
        let node = read(text).node.unwrap();
        let Value::Struct { name, fields, .. } = node.value else { panic!() };
        assert_eq!(name.as_deref(), Some("GoodPractice"));
        assert_eq!(fields.iter().map(|f| f.name.as_str()).collect::<Vec<_>>(), ["title", "tags", "n"]);
        assert_eq!(&text[fields[1].value.start..fields[1].value.end], "[\"x\", r#\"y\"#]");
    }

    #[test]
    fn names_what_was_left_open() {
        let first = |text: &str| read(text).errors.first().cloned().unwrap();
        assert_eq!(first("(a: [1, 2)").opened, Some((4, "`[`")));
        assert_eq!(first("(a: \"x").opened, Some((4, "string")));
        assert_eq!(first("(\n a: \"x,\n b: \"y\",\n)").opened, Some((6, "string")));
        assert!(read(&"[".repeat(500)).node.is_none());
        let node = read("(status: r#to-complete, s: r#\"x\"#)").node.unwrap();
        let Value::Struct { fields, .. } = node.value else { panic!() };
        assert!(matches!(&fields[0].value.value, Value::Ident(word) if word == "to-complete"));
        assert!(matches!(&fields[1].value.value, Value::Str(text) if text == "x"));
    }

    #[test]
    fn reading_goes_on_at_the_next_field_after_an_unclosed_string_or_bracket() {
        let text = "A(\n    a: \"x,\n    b: [1, 2,\n    c: 3\n    d: (e: \"y\"),\n)\n";
        let read = read(text);
        let node = read.node.expect("the struct is read whole");
        let Value::Struct { fields, .. } = node.value else { panic!() };
        let names: Vec<&str> = fields.iter().map(|f| f.name.as_str()).collect();
        assert_eq!(names, ["a", "b", "c", "d"]);
        assert!(matches!(fields[0].value.value, Value::Broken));
        assert!(matches!(fields[1].value.value, Value::Broken));
        assert!(matches!(fields[2].value.value, Value::Number(_)), "a missing comma keeps the value");
        assert!(matches!(fields[3].value.value, Value::Struct { .. }));
        let opened: Vec<Option<(usize, &str)>> = read.errors.iter().map(|e| e.opened).collect();
        assert_eq!(opened, [Some((10, "string")), Some((21, "`[`")), None], "{:?}", read.errors);
        assert!(read.errors.iter().all(|e| e.resumed));
        // On one line there is no next line to go on at: the first error is the only one.
        assert_eq!(super::read("(a: \"x, b: [1, c: 3)").errors.len(), 1);
    }
}
