//! Control and invisible characters written as RON escapes (`\u{1b}`, `\x07`, `\u{202e}`):
//! the loader decodes them and the screen removes them, as it does the raw bytes, so a
//! curator is told of both alike. Scanned only from each backslash of a file's text: a file
//! without one (nearly every file) costs one fast search.

/// The first escape in `text` that decodes to a character removed when shown, with the byte
/// offset of its backslash.
pub fn first_cleaned_escape(text: &str) -> Option<(usize, char)> {
    let bytes = text.as_bytes();
    let mut from = 0;
    while let Some(found) = text[from..].find('\\') {
        let at = from + found;
        from = at + 2; // past `\\` and `\"` as well: what follows an escaped backslash is text
        let decoded = match bytes.get(at + 1) {
            Some(b'u') if bytes.get(at + 2) == Some(&b'{') => {
                let end = text[at + 3..].find('}').map(|e| at + 3 + e)?;
                u32::from_str_radix(&text[at + 3..end], 16).ok().and_then(char::from_u32)
            }
            Some(b'x') => text.get(at + 2..at + 4).and_then(|h| u8::from_str_radix(h, 16).ok()).map(char::from),
            _ => None,
        };
        if let Some(c) = decoded
            && crate::text::first_cleaned(c.encode_utf8(&mut [0; 4])).is_some()
        {
            return Some((at, c));
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_controls_and_bidi_written_as_escapes_and_nothing_else() {
        assert_eq!(first_cleaned_escape(r#"title: "A\u{1b}]0;pwned\u{7}""#), Some((9, '\u{1b}')));
        assert_eq!(first_cleaned_escape(r#"title: "abc\u{202e}""#), Some((11, '\u{202e}')));
        assert_eq!(first_cleaned_escape(r#"title: "\x07""#), Some((8, '\u{7}')));
        assert_eq!(first_cleaned_escape(r#"title: "\u{e9}t\u{e9} \n \"q\" \\u{1b}""#), None);
    }
}
