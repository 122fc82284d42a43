//! Reading one file: size cap, UTF-8, BOM, then strict RON into the file's type. Every failure
//! becomes a [`Diagnostic`] with the file, line and column.

use ron::error::{Error as RonError, SpannedError};
use serde::de::DeserializeOwned;

use crate::diagnostic::{Diagnostic, Position, suggestion};
use crate::i18n::Said;
use crate::i18n::problems as say;
use crate::load::locate::position_of;

/// No real entry comes near this; anything bigger is a mistake or an attack (ron reads a whole
/// file into memory, and a 256 MiB string costs about 1 GB to parse).
pub const MAX_FILE_BYTES: usize = 1024 * 1024;

/// The text of a file, or why it cannot be read as text.
pub fn decode<'a>(file: &str, bytes: &'a [u8]) -> Result<&'a str, Box<Diagnostic>> {
    if bytes.len() > MAX_FILE_BYTES {
        return Err(Box::new(
            Diagnostic::error("file-too-large", file, Position::START, Position::START, say::too_large(MAX_FILE_BYTES))
                .with_help(Some(say::split_it())),
        ));
    }
    // The SIMD check reads nearly all of a load's bytes; std's says where a bad file goes wrong.
    let text = simdutf8::basic::from_utf8(bytes).or_else(|_| std::str::from_utf8(bytes)).map_err(|e| {
        let valid = std::str::from_utf8(&bytes[..e.valid_up_to()]).unwrap_or_default();
        let at = position_of(valid, valid.len());
        Box::new(
            Diagnostic::error("invalid-utf8", file, at, at, say::not_utf8())
                .with_expected(say::utf8_text())
                .with_help(Some(say::save_as_utf8())),
        )
    })?;
    // Editors on some systems add a byte-order mark, which ron reports as a confusing
    // "Expected string"; it carries no meaning in UTF-8.
    Ok(text.strip_prefix('\u{FEFF}').unwrap_or(text))
}

/// Parses `text` as a `T`, or gives the first problem ron met, as a diagnostic. The fast path
/// reads almost every file; whatever it gives up on, ron reads, and reports.
pub fn parse<T: DeserializeOwned>(file: &str, text: &str) -> Result<T, Box<Diagnostic>> {
    if let Some(value) = super::fast_ron::from_str::<T>(text) {
        return Ok(value);
    }
    super::fast_ron::ron_options().from_str::<T>(text).map_err(|e| Box::new(to_diagnostic(file, text, &e)))
}

/// A problem ron found in a file, worded as the catalogue's are (the config file's too).
pub fn to_diagnostic(file: &str, text: &str, error: &SpannedError) -> Diagnostic {
    let mut start = Position::new(error.span.start.line, error.span.start.col);
    // ron places errors about a string value just inside its opening quote; point at the quote,
    // as the checks made after parsing do, so that one value gets one column.
    let before = text.lines().nth(start.line - 1).and_then(|line| line.chars().nth(start.column.wrapping_sub(2)));
    if start.column > 1 && before == Some('"') {
        start.column -= 1;
    }
    let end = Position::new(error.span.end.line, error.span.end.col);
    let (code, message, expected, suggestion) = describe(&error.code);
    let diagnostic = Diagnostic::error(code, file, start, end, message).with_help(suggestion);
    match expected {
        Some(expected) => diagnostic.with_expected(expected),
        None => diagnostic,
    }
}

fn quote_list(names: &[&str]) -> String {
    names.iter().map(|n| format!("`{n}`")).collect::<Vec<_>>().join(", ")
}

/// (code, message, expected, suggestion) for a ron error. The recovering reader reports every
/// problem it can place, so these are said only when it found nothing more.
fn describe(error: &RonError) -> (&'static str, Said, Option<Said>, Option<Said>) {
    match error {
        RonError::NoSuchStructField { expected, found, outer } => (
            "unknown-field",
            say::unknown_field_in(found, outer.as_deref()),
            Some(say::one_of(&quote_list(expected))),
            suggestion(found, expected.iter().copied()),
        ),
        RonError::MissingStructField { field, outer } => {
            ("missing-field", say::missing_field_in(field, outer.as_deref()), None, Some(say::add_field(field)))
        }
        RonError::DuplicateStructField { field, outer } => {
            ("duplicate-field", say::given_twice_in(field, outer.as_deref()), None, Some(say::keep_one()))
        }
        RonError::NoSuchEnumVariant { expected, found, outer } => (
            "unknown-value",
            say::unknown_value_in(found, outer.as_deref()),
            Some(say::one_of(&quote_list(expected))),
            suggestion(found, expected.iter().copied()),
        ),
        RonError::ExpectedDifferentStructName { expected, found } => (
            "wrong-kind",
            say::wrong_kind(found, expected),
            Some(Said::code(&format!("{expected}("))),
            // Advice to move the file holds only when what it starts with is a kind.
            match crate::model::Kind::ALL.iter().any(|k| k.struct_name() == found) {
                true => Some(say::move_the_file(found, expected)),
                false => crate::i18n::did_you_mean(&[expected]),
            },
        ),
        RonError::ExceededRecursionLimit => {
            ("too-deep", say::too_deep(), None, Some(say::look_for_unclosed_brackets()))
        }
        RonError::InvalidValueForType { expected, found } => {
            ("wrong-type", say::wrong_value(&format!("expected {expected}, but found {found}")), None, None)
        }
        RonError::Message(message) => (message_code(message), say::wrong_value(message), None, None),
        RonError::Eof => ("syntax", say::unexpected_end(), None, Some(say::closing_probably_missing())),
        other => ("syntax", say::not_read(&other.to_string()), None, None),
    }
}

/// Custom messages come from our own value types; give them the code of their problem kind.
fn message_code(message: &str) -> &'static str {
    if message.contains("host mixes scripts") {
        "homograph-host"
    } else if message.contains("date") {
        "malformed-date"
    } else if message.contains("address") {
        "malformed-address"
    } else if message.contains("malformed id") {
        "malformed-id"
    } else {
        "invalid-value"
    }
}
