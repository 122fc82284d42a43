//! Reading one file: size cap, UTF-8, BOM, then strict RON into the file's type. Every failure
//! becomes a [`Diagnostic`] with the file, line and column.

use ron::error::{Error as RonError, SpannedError};
use ron::extensions::Extensions;
use serde::de::DeserializeOwned;

use crate::diagnostic::{Diagnostic, Position, did_you_mean};
use crate::load::locate::position_of;

/// No real entry comes near this; anything bigger is a mistake or an attack (ron reads a whole
/// file into memory, and a 256 MiB string costs about 1 GB to parse).
pub const MAX_FILE_BYTES: usize = 1024 * 1024;

/// The text of a file, or why it cannot be read as text.
pub fn decode<'a>(file: &str, bytes: &'a [u8]) -> Result<&'a str, Box<Diagnostic>> {
    if bytes.len() > MAX_FILE_BYTES {
        return Err(Box::new(
            Diagnostic::error(
                "file-too-large",
                file,
                Position::START,
                Position::START,
                format!("file is larger than the limit of {MAX_FILE_BYTES} bytes (1 MiB) for one catalogue file"),
            )
            .with_suggestion(Some("split it, or check that it is the file you meant to add".into())),
        ));
    }
    let text = std::str::from_utf8(bytes).map_err(|e| {
        let valid = std::str::from_utf8(&bytes[..e.valid_up_to()]).unwrap_or_default();
        let at = position_of(valid, valid.len());
        Box::new(
            Diagnostic::error("invalid-utf8", file, at, at, "file is not valid UTF-8")
                .with_expected("UTF-8 text")
                .with_suggestion(Some("save the file as UTF-8 in your editor".into())),
        )
    })?;
    // Editors on some systems add a byte-order mark, which ron reports as a confusing
    // "Expected string"; it carries no meaning in UTF-8.
    Ok(text.strip_prefix('\u{FEFF}').unwrap_or(text))
}

/// The RON options every catalogue file is read with: `Some(…)` may be left out around
/// optional values, and the default recursion limit stays (without it, deep nesting overflows
/// the stack and aborts the process).
pub fn ron_options() -> ron::Options {
    ron::Options::default().with_default_extension(Extensions::IMPLICIT_SOME)
}

/// Parses `text` as a `T`, or gives the first problem ron met, as a diagnostic. The fast path
/// reads almost every file; whatever it gives up on, ron reads, and reports.
pub fn parse<T: DeserializeOwned>(file: &str, text: &str) -> Result<T, Box<Diagnostic>> {
    if let Some(value) = super::fast_ron::from_str::<T>(text) {
        return Ok(value);
    }
    ron_options().from_str::<T>(text).map_err(|e| Box::new(to_diagnostic(file, text, &e)))
}

fn to_diagnostic(file: &str, text: &str, error: &SpannedError) -> Diagnostic {
    let mut start = Position::new(error.span.start.line, error.span.start.col);
    // ron places errors about a string value just inside its opening quote; point at the quote,
    // as the checks made after parsing do, so that one value gets one column.
    let before = text.lines().nth(start.line - 1).and_then(|line| line.chars().nth(start.column.wrapping_sub(2)));
    if start.column > 1 && before == Some('"') {
        start.column -= 1;
    }
    let end = Position::new(error.span.end.line, error.span.end.col);
    let (code, message, expected, suggestion) = describe(&error.code);
    let diagnostic = Diagnostic::error(code, file, start, end, message).with_suggestion(suggestion);
    match expected {
        Some(expected) => diagnostic.with_expected(expected),
        None => diagnostic,
    }
}

fn quote_list(names: &[&str]) -> String {
    names.iter().map(|n| format!("`{n}`")).collect::<Vec<_>>().join(", ")
}

/// (code, message, expected, suggestion) for a ron error.
fn describe(error: &RonError) -> (&'static str, String, Option<String>, Option<String>) {
    match error {
        RonError::NoSuchStructField { expected, found, outer } => (
            "unknown-field",
            format!("unknown field `{found}`{}", in_struct(outer.as_deref())),
            Some(format!("one of {}", quote_list(expected))),
            did_you_mean(found, expected.iter().copied()),
        ),
        RonError::MissingStructField { field, outer } => (
            "missing-field",
            format!("missing required field `{field}`{}", in_struct(outer.as_deref())),
            None,
            Some(format!("add `{field}: …` before the closing parenthesis")),
        ),
        RonError::DuplicateStructField { field, outer } => (
            "duplicate-field",
            format!("field `{field}` is given twice{}", in_struct(outer.as_deref())),
            None,
            Some("keep one of them".into()),
        ),
        RonError::NoSuchEnumVariant { expected, found, outer } => (
            "unknown-value",
            format!("unknown value `{found}`{}", in_struct(outer.as_deref())),
            Some(format!("one of {}", quote_list(expected))),
            did_you_mean(found, expected.iter().copied()),
        ),
        RonError::ExpectedDifferentStructName { expected, found } => (
            "wrong-kind",
            format!("this file starts with `{found}(`, but its folder holds `{expected}` entries"),
            Some(format!("`{expected}(`")),
            Some(format!("move the file to the folder for `{found}` entries, or start it with `{expected}(`")),
        ),
        RonError::ExceededRecursionLimit => (
            "too-deep",
            "nesting is too deep (over 128 levels)".into(),
            None,
            Some("an entry needs only a few levels; look for unclosed brackets".into()),
        ),
        RonError::InvalidValueForType { expected, found } => {
            ("wrong-type", format!("expected {expected}, but found {found}"), None, None)
        }
        RonError::Message(message) => (message_code(message), message.clone(), None, None),
        RonError::Eof => (
            "syntax",
            "unexpected end of file".into(),
            None,
            Some("a closing `)` or `]` is probably missing, or the file was saved half-written".into()),
        ),
        other => ("syntax", other.to_string(), None, None),
    }
}

/// Custom messages come from our own value types; give them the code of their problem kind.
fn message_code(message: &str) -> &'static str {
    if message.contains("date") {
        "malformed-date"
    } else if message.contains("address") {
        "malformed-address"
    } else if message.contains("malformed id") {
        "malformed-id"
    } else {
        "invalid-value"
    }
}

fn in_struct(outer: Option<&str>) -> String {
    outer.map(|o| format!(" in `{o}`")).unwrap_or_default()
}
