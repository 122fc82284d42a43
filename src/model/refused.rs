//! [`Refused`]: why a checked value of a catalogue file (a date, an address, an id) was refused,
//! as a typed message the i18n module words in each language.

use std::fmt;

/// Why a value of a catalogue file was refused, with the value as written (made safe to show).
/// The words for each are the i18n module's (`i18n::problems::refused`); [`fmt::Display`] gives
/// the English, which serde carries in its own errors.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Refused {
    /// Not `YYYY-MM-DD`, `YYYY-MM` or `YYYY`.
    DateShape(String),
    /// The shape of a date, but no day of the calendar (`2025-13-01`).
    NotACalendarDate(String),
    /// An address with what is wrong with it.
    Address { address: String, flaw: AddressFlaw },
    /// Not letters, digits, `-`, `_`, `.` (or empty, or over 120 bytes).
    Id(String),
}

impl Refused {
    /// The problem kind a checker reports it as.
    pub fn code(&self) -> &'static str {
        match self {
            Refused::DateShape(_) | Refused::NotACalendarDate(_) => "malformed-date",
            Refused::Address { .. } => "malformed-address",
            Refused::Id(_) => "malformed-id",
        }
    }
}

impl fmt::Display for Refused {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Refused::DateShape(date) => {
                write!(f, "malformed date \"{date}\": expected YYYY-MM-DD (or YYYY-MM, or YYYY), e.g. \"2025-07-29\"")
            }
            Refused::NotACalendarDate(date) => write!(f, "\"{date}\" is not a real calendar date"),
            Refused::Address { address, flaw } => {
                write!(f, "malformed address \"{address}\": ")?;
                match flaw {
                    AddressFlaw::Scheme => f.write_str("expected an address starting with https:// or http://"),
                    AddressFlaw::NoHost => f.write_str("it names no host (e.g. https://www.team2.fr)"),
                    AddressFlaw::Space => f.write_str("it contains a space; encode spaces as %20"),
                    AddressFlaw::Control => f.write_str("it contains a control character"),
                    AddressFlaw::Delimiter(c) => write!(
                        f,
                        "it contains {c}, which would end a link in a handout; encode it as %{:02X}",
                        u32::from(*c)
                    ),
                }
            }
            Refused::Id(id) => write!(f, "malformed id \"{id}\": use letters, digits and dashes, e.g. \"rare-earths\""),
        }
    }
}

impl std::error::Error for Refused {}

/// Why `check` refuses an address, beyond its scheme and host.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AddressFlaw {
    /// Not `http://` or `https://`.
    Scheme,
    NoHost,
    Space,
    Control,
    /// A quote, angle bracket, backtick or backslash: it would end a link or an attribute.
    Delimiter(char),
}
