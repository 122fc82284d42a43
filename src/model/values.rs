//! Checked scalar values of the catalogue: dates, web addresses, ids. Each one rejects bad
//! input while parsing, so the error carries the exact position of the value.

use serde::de::{self, Deserializer};
use serde::{Deserialize, Serialize, Serializer};
use std::fmt;

use super::refused::{AddressFlaw, Refused, Script};
use crate::text::{Lines, sanitize};

/// A date written `"YYYY-MM-DD"`, or less precisely `"YYYY-MM"` or `"YYYY"` where the sources
/// give no more: a catalogue says less rather than invent a day.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, rkyv::Archive, rkyv::Serialize, rkyv::Deserialize,
)]
#[rkyv(bytecheck(verify))]
pub struct Date {
    year: i32,
    month: Option<u8>,
    day: Option<u8>,
}

impl Date {
    pub fn parse(text: &str) -> Result<Date, Refused> {
        let malformed = || Refused::DateShape(sanitize(text, Lines::Single));
        let parts: Vec<&str> = text.split('-').collect();
        let widths_ok = matches!(parts.len(), 1..=3)
            && parts
                .iter()
                .enumerate()
                .all(|(i, p)| p.len() == if i == 0 { 4 } else { 2 } && p.bytes().all(|b| b.is_ascii_digit()));
        if !widths_ok {
            return Err(malformed());
        }
        let year: i32 = parts[0].parse().map_err(|_| malformed())?;
        let month: Option<u8> = parts.get(1).map(|m| m.parse().unwrap_or(0));
        let day: Option<u8> = parts.get(2).map(|d| d.parse().unwrap_or(0));
        if !Date::is_real(year, month, day) {
            return Err(Refused::NotACalendarDate(sanitize(text, Lines::Single)));
        }
        Ok(Date { year, month, day })
    }

    pub fn year(&self) -> i32 {
        self.year
    }

    /// Whether these parts name a date the calendar has, as `parse` reads them (four-digit
    /// year; a day only with a month).
    fn is_real(year: i32, month: Option<u8>, day: Option<u8>) -> bool {
        (0..=9999).contains(&year)
            && match (month, day) {
                (None, None) => true,
                (None, Some(_)) => false,
                (Some(m), None) => (1..=12).contains(&m),
                (Some(m), Some(d)) => chrono::NaiveDate::from_ymd_opt(year, m.into(), d.into()).is_some(),
            }
    }
}

// A date read back from the catalogue cache is one `parse` could have read.
unsafe impl<C> rkyv::bytecheck::Verify<C> for ArchivedDate
where
    C: rkyv::rancor::Fallible + ?Sized,
    C::Error: rkyv::rancor::Source,
{
    fn verify(&self, _: &mut C) -> Result<(), C::Error> {
        let part = |p: &rkyv::option::ArchivedOption<u8>| p.as_ref().copied();
        if Date::is_real(self.year.to_native(), part(&self.month), part(&self.day)) {
            Ok(())
        } else {
            rkyv::rancor::fail!(crate::text::Unclean)
        }
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}", self.year)?;
        if let Some(m) = self.month {
            write!(f, "-{m:02}")?;
        }
        if let Some(d) = self.day {
            write!(f, "-{d:02}")?;
        }
        Ok(())
    }
}

impl<'de> Deserialize<'de> for Date {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        // Read from the file's text in place: a date is read, never kept as text.
        d.deserialize_str(StrVisitor(|raw: &str| Date::parse(raw)))
    }
}

impl Serialize for Date {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

/// Reads a string value without a copy of its own where the deserializer lends its text
/// (`Cow<str>` would allocate one anyway: serde reads it as a `String`), then checks it.
/// Says "a string" where the value is something else, as `String` does.
struct StrVisitor<F>(F);

impl<'de, T, F: FnOnce(&str) -> Result<T, Refused>> de::Visitor<'de> for StrVisitor<F> {
    type Value = T;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a string")
    }

    fn visit_str<E: de::Error>(self, raw: &str) -> Result<T, E> {
        (self.0)(raw).map_err(E::custom)
    }

    fn visit_bytes<E: de::Error>(self, raw: &[u8]) -> Result<T, E> {
        match std::str::from_utf8(raw) {
            Ok(raw) => self.visit_str(raw),
            Err(_) => Err(E::invalid_value(de::Unexpected::Bytes(raw), &self)),
        }
    }
}

/// For fields a file must give but an entry can do without: missing is an error (serde
/// reports fields with their own deserializer as missing), while the recovering loader passes
/// `null` for a value it reported as bad, and the entry loads without it.
pub fn present<'de, D: Deserializer<'de>, T: Deserialize<'de>>(d: D) -> Result<Option<T>, D::Error> {
    Option::<T>::deserialize(d)
}

/// For lists: a vector read from a file grows by doubling (a list of two ids holds room for
/// four), which at 100k entries is about 30 MB of room never used.
pub fn tight<'de, D: Deserializer<'de>, T: Deserialize<'de>>(d: D) -> Result<Vec<T>, D::Error> {
    let mut list = Vec::<T>::deserialize(d)?;
    list.shrink_to_fit();
    Ok(list)
}

/// A web address: `http` or `https`, a host, and nothing that would end a link or an
/// attribute early where a handout or `show` writes it (spaces, controls, quotes, angle
/// brackets, backticks, backslashes): `<a href="…">`, `<…>` and `[…](…)` stay closed.
#[derive(Clone, Debug, PartialEq, Eq, Hash, rkyv::Archive, rkyv::Serialize, rkyv::Deserialize)]
#[rkyv(bytecheck(verify))]
pub struct WebAddress(Box<str>);

/// The characters an address may not hold, beyond spaces and controls.
const DELIMITERS: &[char] = &['"', '\'', '<', '>', '`', '\\'];

impl WebAddress {
    pub fn parse(text: &str) -> Result<WebAddress, Refused> {
        WebAddress::check(text).map(|()| WebAddress(text.into()))
    }

    /// What is wrong with `text` as an address, and the byte offset of the character at fault
    /// (0 for the scheme or host).
    pub fn flaw(text: &str) -> Option<(AddressFlaw, usize)> {
        let Some(rest) = text.strip_prefix("https://").or_else(|| text.strip_prefix("http://")) else {
            return Some((AddressFlaw::Scheme, 0));
        };
        let host = rest.split(['/', '?', '#']).next().unwrap_or("");
        let host_name = host.rsplit_once('@').map_or(host, |(_, h)| h);
        let host_name = host_name.split(':').next().unwrap_or("");
        if let Some((at, bad)) = text.char_indices().find(|(_, c)| c.is_whitespace() || c.is_control()) {
            let flaw = if bad.is_control() { AddressFlaw::Control } else { AddressFlaw::Space };
            return Some((flaw, at));
        }
        if let Some((at, bad)) = text.char_indices().find(|(_, c)| DELIMITERS.contains(c)) {
            return Some((AddressFlaw::Delimiter(bad), at));
        }
        if host_name.is_empty() || !host_name.contains('.') && host_name != "localhost" {
            return Some((AddressFlaw::NoHost, 0));
        }
        // `host_name` lies inside `text`: its place there is the difference of their starts.
        let host_at = host_name.as_ptr() as usize - text.as_ptr() as usize;
        mixed_scripts(host_name).map(|(at, c, script)| (AddressFlaw::MixedScripts(c, script), host_at + at))
    }

    /// What is wrong, as a typed message (serde carries its English; the loader reports the
    /// same problem in both languages from [`WebAddress::flaw`], at the character at fault).
    fn check(text: &str) -> Result<(), Refused> {
        match WebAddress::flaw(text) {
            None => Ok(()),
            Some((flaw, _)) => Err(Refused::Address { address: sanitize(text, Lines::Single), flaw }),
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// The first character of `host` that makes it a homograph, with its byte offset and script:
/// a character that is neither a letter nor a digit, or a letter of another script than the
/// first letter of its label (each label of an IDN is written in one script: `пример.org`
/// and `société.fr` are fine, `www.еxample.org` with a Cyrillic `е` is not). In a mixed label
/// the letter named is the first one outside ASCII, the lookalike as a rule.
fn mixed_scripts(host: &str) -> Option<(usize, char, Script)> {
    if host.is_ascii() {
        return None;
    }
    let mut label_at = 0;
    for label in host.split('.') {
        let letters = || label.char_indices().filter_map(|(at, c)| Some((label_at + at, c, Script::of(c)?)));
        if let Some(found) = letters().find(|(_, _, script)| *script == Script::NotALetter) {
            return Some(found);
        }
        if let Some((_, _, first)) = letters().next()
            && letters().any(|(_, _, script)| script != first)
        {
            return letters().find(|(_, c, _)| !c.is_ascii());
        }
        label_at += label.len() + 1;
    }
    None
}

impl fmt::Display for WebAddress {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl<'de> Deserialize<'de> for WebAddress {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let raw = String::deserialize(d)?;
        WebAddress::check(&raw).map(|()| WebAddress(raw.into_boxed_str())).map_err(de::Error::custom)
    }
}

impl Serialize for WebAddress {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.0)
    }
}

// An address read back from the catalogue cache is checked again as it is validated: a
// cache file is never trusted to hold only what the loader let through.
unsafe impl<C> rkyv::bytecheck::Verify<C> for ArchivedWebAddress
where
    C: rkyv::rancor::Fallible + ?Sized,
    C::Error: rkyv::rancor::Source,
{
    fn verify(&self, _: &mut C) -> Result<(), C::Error> {
        match WebAddress::flaw(self.0.as_ref()) {
            None => Ok(()),
            Some(_) => rkyv::rancor::fail!(crate::text::Unclean),
        }
    }
}

pub use super::id::Id;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_must_be_real() {
        assert!(Date::parse("2025-07-29").is_ok());
        assert!(Date::parse("2025-02-30").unwrap_err().to_string().contains("not a real calendar date"));
        assert!(Date::parse("29/07/2025").unwrap_err().to_string().contains("expected YYYY-MM-DD"));
        assert_eq!(Date::parse("2021-01").unwrap().to_string(), "2021-01");
        assert!(Date::parse("2021-13").is_err());
        assert!(Date::parse("2021-01-01").unwrap() > Date::parse("2021").unwrap());
    }

    #[test]
    fn addresses_need_a_scheme_and_a_host() {
        assert!(WebAddress::parse("https://www.team2.fr/en/raw4res").is_ok());
        assert!(WebAddress::parse("www.team2.fr").unwrap_err().to_string().contains("https://"));
        assert!(WebAddress::parse("https:///path").unwrap_err().to_string().contains("no host"));
        assert!(WebAddress::parse("https://team2.fr/a b").unwrap_err().to_string().contains("a space"));
        for bad in ["https://x.org/\"><script>alert(4)</script>", "https://x.org/'b", "https://x.org/`x`"] {
            assert!(matches!(WebAddress::flaw(bad), Some((AddressFlaw::Delimiter(_), 14))), "{bad}");
        }
        assert_eq!(WebAddress::flaw("javascript:alert(1)"), Some((AddressFlaw::Scheme, 0)));
        assert_eq!(WebAddress::flaw("ftp://x.org"), Some((AddressFlaw::Scheme, 0)));
    }
}
