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
            Refused::Address { flaw: AddressFlaw::MixedScripts(..), .. } => "homograph-host",
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
                    AddressFlaw::MixedScripts(c, _) => {
                        write!(f, "its host mixes scripts: {c} (U+{:04X}) beside letters of another", u32::from(*c))
                    }
                }
            }
            Refused::Id(id) => write!(
                f,
                "malformed id \"{id}\": use unaccented letters, digits, dashes, underscores and dots, e.g. \"rare-earths\""
            ),
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
    /// A host name whose part (label) mixes scripts — `www.еxample.org` with a Cyrillic `е` —
    /// or holds a character no host name is written with: the link reads as one site and
    /// leads to another (a homograph). The character at fault, and its script.
    MixedScripts(char, Script),
}

/// The script of a letter in a host name, as far as telling homographs apart needs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Script {
    Latin,
    Greek,
    Cyrillic,
    /// Chinese, Japanese and Korean, which mix their scripts in one name as a rule.
    Cjk,
    /// Any other alphabet; two letters are of the same one when they are in the same block.
    Other(u32),
    /// Not a letter nor a digit: a symbol or mark that looks like one (`․` for `.`).
    NotALetter,
}

impl Script {
    /// The script of `c`; `None` for the ASCII digits and `-`, which go with any.
    pub fn of(c: char) -> Option<Script> {
        let code = u32::from(c);
        Some(match code {
            _ if c.is_ascii_digit() || c == '-' => return None,
            _ if c.is_ascii_alphabetic() => Script::Latin,
            0xD7 | 0xF7 => Script::NotALetter,
            0xC0..=0x24F | 0x1E00..=0x1EFF => Script::Latin,
            0x370..=0x3FF | 0x1F00..=0x1FFF => Script::Greek,
            0x400..=0x52F | 0x1C80..=0x1C8F | 0x2DE0..=0x2DFF | 0xA640..=0xA69F => Script::Cyrillic,
            0x1100..=0x11FF | 0x2E80..=0x2FFF | 0x3040..=0x30FF | 0x3130..=0x318F | 0x3400..=0x4DBF => Script::Cjk,
            0x4E00..=0x9FFF | 0xAC00..=0xD7AF | 0xF900..=0xFAFF => Script::Cjk,
            _ if c.is_alphanumeric() && !c.is_ascii() => Script::Other(code >> 7),
            _ => Script::NotALetter,
        })
    }
}
