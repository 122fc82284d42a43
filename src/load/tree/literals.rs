//! String, raw string and character literals, with their escapes; an unclosed one names the
//! place it opened.

use super::{Reader, SyntaxError};

impl Reader<'_> {
    pub(super) fn string(&mut self) -> Result<String, SyntaxError> {
        let opened = self.at;
        self.at += 1;
        let mut out = String::new();
        loop {
            let Some(c) = self.text[self.at..].chars().next() else {
                return Err(SyntaxError {
                    at: self.at,
                    message: "unexpected end of file inside a string".into(),
                    opened: Some((opened, "string")),
                    resumed: false,
                });
            };
            self.at += c.len_utf8();
            match c {
                '"' => break,
                '\\' => out.push(self.escape(opened)?),
                c => out.push(c),
            }
        }
        if out.contains('\n') {
            self.strings.push((opened, self.at));
        }
        Ok(out)
    }

    fn escape(&mut self, opened: usize) -> Result<char, SyntaxError> {
        let at = self.at;
        let Some(c) = self.text[self.at..].chars().next() else {
            return Err(SyntaxError {
                at,
                message: "unexpected end of file inside a string".into(),
                opened: Some((opened, "string")),
                resumed: false,
            });
        };
        self.at += c.len_utf8();
        Ok(match c {
            'n' => '\n',
            't' => '\t',
            'r' => '\r',
            '0' => '\0',
            '\\' | '"' | '\'' => c,
            'u' if self.peek() == Some(b'{') => {
                let end = self.text[self.at..].find('}').map(|i| self.at + i);
                let code = end.and_then(|end| u32::from_str_radix(&self.text[self.at + 1..end], 16).ok());
                match (end, code.and_then(char::from_u32)) {
                    (Some(end), Some(c)) => {
                        self.at = end + 1;
                        c
                    }
                    _ => return Err(self.error(at, "malformed `\\u{…}` escape")),
                }
            }
            'x' if self.text.len() >= self.at + 2 => {
                let code = u8::from_str_radix(&self.text[self.at..self.at + 2], 16)
                    .map_err(|_| self.error(at, "malformed `\\x` escape"))?;
                self.at += 2;
                char::from(code)
            }
            other => return Err(self.error(at, format!("unknown escape `\\{other}`"))),
        })
    }

    pub(super) fn raw_string(&mut self) -> Result<String, SyntaxError> {
        let opened = self.at;
        self.at += 1;
        let hashes = self.bytes[self.at..].iter().take_while(|&&b| b == b'#').count();
        self.at += hashes;
        if self.peek() != Some(b'"') {
            return Err(self.unexpected("`\"` after `r#`"));
        }
        self.at += 1;
        let closing = format!("\"{}", "#".repeat(hashes));
        match self.text[self.at..].find(&closing) {
            Some(i) => {
                let out = self.text[self.at..self.at + i].to_string();
                self.at += i + closing.len();
                Ok(out)
            }
            None => Err(SyntaxError {
                at: self.bytes.len(),
                message: "unexpected end of file inside a raw string".into(),
                opened: Some((opened, "string")),
                resumed: false,
            }),
        }
    }

    pub(super) fn char_literal(&mut self) -> Result<char, SyntaxError> {
        let opened = self.at;
        self.at += 1;
        let c = match self.text[self.at..].chars().next() {
            Some('\\') => {
                self.at += 1;
                self.escape(opened)?
            }
            Some(c) => {
                self.at += c.len_utf8();
                c
            }
            None => return Err(self.unexpected("a character")),
        };
        if self.peek() != Some(b'\'') {
            return Err(self.unexpected("`'` to close the character"));
        }
        self.at += 1;
        Ok(c)
    }
}
