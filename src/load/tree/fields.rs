//! The fields of a struct, read so that one field that cannot be read does not stop the
//! rest: after a syntax error inside a field that starts its line, reading goes on at the next
//! line that starts like a field of the same struct.

use super::{Field, Node, Reader, SyntaxError, Value};

impl Reader<'_> {
    /// `name:`, before a field's value: its name and where the name is.
    fn field_name(&mut self) -> Result<(String, usize, usize), SyntaxError> {
        self.skip_blank()?;
        let name_start = self.at;
        let name = self.identifier();
        if name.is_empty() {
            return Err(self.unexpected("a field name"));
        }
        let name_end = self.at;
        self.skip_blank()?;
        if self.peek() != Some(b':') {
            return Err(self.unexpected("`:` after the field name"));
        }
        self.at += 1;
        Ok((name, name_start, name_end))
    }

    /// The fields of a struct, `(` … `)`, stepping over a field that cannot be read when the
    /// file lets the reader find the next one ([`Reader::next_field_line`]).
    pub(super) fn fields(&mut self) -> Result<(Vec<Field>, usize), SyntaxError> {
        let opened = self.at;
        self.at += 1;
        self.depth += 1;
        let mut out: Vec<Field> = Vec::new();
        loop {
            self.skip_blank()?;
            let item_start = self.at;
            match self.peek() {
                Some(b')') => {
                    self.at += 1;
                    self.depth -= 1;
                    return Ok((out, item_start));
                }
                None => {
                    return Err(SyntaxError {
                        at: self.at,
                        message: "unexpected end of file: a closing `)` is missing".into(),
                        opened: Some((opened, "`(`")),
                        resumed: false,
                    });
                }
                Some(_) => {}
            }
            let (depth, strings) = (self.depth, self.strings.len());
            let mut named = None;
            let mut value_end = None;
            let result = self.field_name().and_then(|(name, name_start, name_end)| {
                named = Some((name.clone(), name_start, name_end));
                let value = self.value()?;
                value_end = Some(value.end);
                out.push(Field { name, name_start, name_end, value });
                self.after_item(b')', "`(`", opened)
            });
            let Err(mut error) = result else { continue };
            let Some(resume) = self.next_field_line(item_start) else { return Err(error) };
            // What was read of this field is kept only when its value was whole and the error
            // came after it (a missing comma); a value that swallowed what follows is not.
            let kept = value_end.is_some_and(|end| error.opened.is_none() && error.at >= end);
            if let (false, Some((name, name_start, name_end))) = (kept, named) {
                out.retain(|f| f.name_start != name_start);
                let value = Node { start: name_end, end: name_end, value: Value::Broken };
                out.push(Field { name, name_start, name_end, value });
            }
            error.resumed = true;
            self.errors.push(error);
            self.depth = depth;
            self.strings.truncate(strings);
            self.at = resume;
        }
    }

    /// After an item: `,` or the closer.
    fn after_item(&mut self, close: u8, what: &'static str, opened: usize) -> Result<(), SyntaxError> {
        self.skip_blank()?;
        match self.peek() {
            Some(b',') => {
                self.at += 1;
                Ok(())
            }
            Some(b) if b == close => Ok(()),
            None => Err(SyntaxError {
                at: self.at,
                message: format!("unexpected end of file: a closing `{}` is missing", close as char),
                opened: Some((opened, what)),
                resumed: false,
            }),
            Some(b @ (b')' | b']' | b'}')) => {
                let mut error = self.error(
                    self.at,
                    format!("`{}` does not close this {what}: expected `{}`", b as char, close as char),
                );
                error.opened = error.opened.or(Some((opened, what)));
                Err(error)
            }
            Some(_) => Err(self.unexpected(&format!("`,` or `{}`", close as char))),
        }
    }

    /// Where to read on after a field that starts at `start` could not be read: the next line
    /// that starts like a field of the same struct (a lowercase `name:` at the same
    /// indentation), or the closing bracket of a line less indented (the struct's end). `None`
    /// when the field does not start its line, or no such line follows.
    fn next_field_line(&self, start: usize) -> Option<usize> {
        let line_start = self.text[..start].rfind('\n').map_or(0, |i| i + 1);
        let indent = &self.text[line_start..start];
        if !indent.bytes().all(|b| b == b' ' || b == b'\t') {
            return None;
        }
        let mut at = start + self.text[start..].find('\n')? + 1;
        while at < self.text.len() {
            let end = self.text[at..].find('\n').map_or(self.text.len(), |i| at + i);
            let line = &self.text[at..end];
            let body = line.trim_start_matches([' ', '\t']);
            let own_indent = &line[..line.len() - body.len()];
            if own_indent == indent && starts_like_a_field(body) {
                return Some(at + own_indent.len());
            }
            if own_indent.len() < indent.len() && (body.starts_with(')') || body.starts_with(']')) {
                return Some(at + own_indent.len());
            }
            at = end + 1;
        }
        None
    }
}

/// `name:` (not `name::`), as a field of a catalogue file starts.
fn starts_like_a_field(line: &str) -> bool {
    let name = line.bytes().take_while(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || *b == b'_').count();
    let rest = line[name..].trim_start_matches([' ', '\t']);
    name > 0 && line.as_bytes()[0].is_ascii_lowercase() && rest.starts_with(':') && !rest.starts_with("::")
}
