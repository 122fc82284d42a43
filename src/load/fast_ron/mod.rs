//! A fast path for reading catalogue files: a serde deserializer for the part of RON that
//! catalogue files use, about four times cheaper than ron's. It gives up (`None`) on anything
//! else or anything wrong, and the loader then reads the file with ron, which reports the
//! problem with its position: so what it accepts it reads exactly as ron does (a
//! differential property test and a fuzz target check this), and diagnostics never change.
//!
//! Supported: structs with or without their name, sequences, tuples, `None`, `Some(…)` and
//! implicit `Some`, unit enum variants, strings (escapes, line continuations, raw strings),
//! booleans, unsigned decimal integers, plain decimal floats, localised texts read through
//! `deserialize_any` (a string, or `(fr: "…", en: "…")`), whitespace and comments as ron
//! skips them.

mod cursor;
mod de;

use serde::de::DeserializeOwned;
use std::fmt;

/// Why the fast path gave up; carries nothing, since ron then tells the real story.
#[derive(Debug)]
pub struct Unsupported;

impl fmt::Display for Unsupported {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("not read by the fast path")
    }
}

impl std::error::Error for Unsupported {}

impl serde::de::Error for Unsupported {
    fn custom<T: fmt::Display>(_: T) -> Self {
        Unsupported
    }
}

/// `text` as a `T`, exactly as `ron_options().from_str::<T>(text)` reads it, or `None` where
/// the fast path cannot tell (then ron must read it).
pub fn from_str<T: DeserializeOwned>(text: &str) -> Option<T> {
    let mut de = de::Deserializer::new(text);
    de.cursor.skip_ws().ok()?;
    // Attributes (`#![enable(…)]`) change how ron reads the rest.
    if de.cursor.peek() == Some(b'#') {
        return None;
    }
    let value = T::deserialize(&mut de).ok()?;
    de.cursor.skip_ws().ok()?;
    de.cursor.at_end().then_some(value)
}

/// What the fast path must agree with: ron, with the options every catalogue file is read
/// with. For the differential tests and the fuzz target.
pub fn with_ron<T: DeserializeOwned>(text: &str) -> Result<T, ron::error::SpannedError> {
    ron_options().from_str::<T>(text)
}

/// The RON options every catalogue file is read with: `Some(…)` may be left out around
/// optional values, and the default recursion limit stays (without it, deep nesting overflows
/// the stack and aborts the process).
pub fn ron_options() -> ron::Options {
    ron::Options::default().with_default_extension(ron::extensions::Extensions::IMPLICIT_SOME)
}
