//! The tokens of a catalogue file for the formatter: strings, characters and numbers
//! verbatim, words, punctuation, comments and `#![…]` attributes, each with the number of line
//! ends before it.

use super::cst::Unreadable;

#[derive(Clone, Debug, PartialEq)]
pub enum Kind {
    Scalar,
    Word,
    Punct(u8),
    Comment,
    Attribute,
}

#[derive(Clone, Debug)]
pub struct Token {
    pub kind: Kind,
    pub text: String,
    pub at: usize,
    /// Line ends between the previous token and this one.
    pub lines_before: usize,
}

/// The file's tokens, comments included.
pub fn lex(text: &str) -> Result<Vec<Token>, Unreadable> {
    let bytes = text.as_bytes();
    let mut tokens = Vec::new();
    let mut at = 0;
    let mut lines_before = 0;
    let unreadable = |at: usize, message: &str| Unreadable { at, message: message.to_string() };
    while at < bytes.len() {
        let b = bytes[at];
        // What ron skips as whitespace: ASCII blanks with vertical tab and form feed, NEL,
        // the left-to-right and right-to-left marks, and the line and paragraph separators.
        if matches!(b, b' ' | b'\t' | b'\n' | b'\r' | 0x0B | 0x0C) {
            lines_before += usize::from(b == b'\n');
            at += 1;
            continue;
        }
        if bytes[at..].starts_with(&[0xC2, 0x85]) {
            at += 2;
            continue;
        }
        if matches!(bytes.get(at..at + 3), Some([0xE2, 0x80, 0x8E | 0x8F | 0xA8 | 0xA9])) {
            at += 3;
            continue;
        }
        let start = at;
        let kind = match b {
            b'/' if bytes.get(at + 1) == Some(&b'/') => {
                at = text[at..].find('\n').map_or(bytes.len(), |i| at + i);
                Kind::Comment
            }
            b'/' if bytes.get(at + 1) == Some(&b'*') => {
                let mut depth = 0usize;
                loop {
                    if at >= bytes.len() {
                        return Err(unreadable(start, "a `/*` comment is never closed"));
                    }
                    if bytes[at..].starts_with(b"/*") {
                        depth += 1;
                        at += 2;
                    } else if bytes[at..].starts_with(b"*/") {
                        depth -= 1;
                        at += 2;
                        if depth == 0 {
                            break;
                        }
                    } else {
                        at += 1;
                    }
                }
                Kind::Comment
            }
            b'#' if bytes[at..].starts_with(b"#![") => {
                at = text[at..].find(']').map(|i| at + i + 1).ok_or_else(|| unreadable(start, "unclosed `#![`"))?;
                Kind::Attribute
            }
            b'"' => {
                at = string_end(bytes, at).ok_or_else(|| unreadable(start, "a string is never closed"))?;
                Kind::Scalar
            }
            b'r' if raw_string_hashes(bytes, at).is_some() => {
                let hashes = raw_string_hashes(bytes, at).unwrap_or(0);
                let closing = format!("\"{}", "#".repeat(hashes));
                let body = at + 2 + hashes;
                at = text[body..]
                    .find(&closing)
                    .map(|i| body + i + closing.len())
                    .ok_or_else(|| unreadable(start, "a raw string is never closed"))?;
                Kind::Scalar
            }
            b'\'' => {
                let mut i = at + 1;
                loop {
                    match bytes.get(i) {
                        None => return Err(unreadable(start, "a character is never closed")),
                        Some(b'\\') => i += 2,
                        Some(b'\'') => break,
                        Some(_) => i += 1,
                    }
                }
                at = i + 1;
                Kind::Scalar
            }
            b'(' | b')' | b'[' | b']' | b'{' | b'}' | b',' | b':' => {
                at += 1;
                Kind::Punct(b)
            }
            b if b.is_ascii_digit() || matches!(b, b'-' | b'+' | b'.') => {
                while bytes.get(at).is_some_and(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'+' | b'.' | b'_'))
                {
                    at += 1;
                }
                Kind::Scalar
            }
            b if b.is_ascii_alphabetic() || b == b'_' => {
                if bytes[at..].starts_with(b"r#") {
                    at += 2;
                    while bytes
                        .get(at)
                        .is_some_and(|b| b.is_ascii_alphanumeric() || matches!(b, b'_' | b'-' | b'.' | b'+'))
                    {
                        at += 1;
                    }
                } else {
                    while bytes.get(at).is_some_and(|b| b.is_ascii_alphanumeric() || *b == b'_') {
                        at += 1;
                    }
                }
                Kind::Word
            }
            _ => return Err(unreadable(start, "unexpected character")),
        };
        let mut text_of = text[start..at].to_string();
        if kind == Kind::Comment && text_of.starts_with("//") {
            text_of.truncate(text_of.trim_end().len());
        }
        tokens.push(Token { kind, text: text_of, at: start, lines_before });
        lines_before = 0;
    }
    Ok(tokens)
}

/// `r"`, `r#"`, `r##"` … at `at`: the number of hashes.
fn raw_string_hashes(bytes: &[u8], at: usize) -> Option<usize> {
    let hashes = bytes.get(at + 1..)?.iter().take_while(|&&b| b == b'#').count();
    (bytes.get(at + 1 + hashes) == Some(&b'"')).then_some(hashes)
}

/// The byte after the string literal starting at `start`.
fn string_end(bytes: &[u8], start: usize) -> Option<usize> {
    let mut i = start + 1;
    while i < bytes.len() {
        match bytes[i] {
            b'\\' => i += 2,
            b'"' => return Some(i + 1),
            _ => i += 1,
        }
    }
    None
}
