//! Catalogue texts in one or two languages ([`Label`], [`Prose`]), each kept as ONE string:
//! a catalogue of 100k entries holds about half a million of them, and a slice of
//! `(language, string)` pairs cost a slice allocation plus one string allocation per language
//! (about 17 MB at 100k, BENCHMARKS.md #13).
//!
//! The string starts with a marker saying which versions it holds, in the order they were
//! written (JSON exports keep that order); two versions are split by [`SEPARATOR`]. Markers
//! and separator are control characters, which cleaned text never contains (`sanitize`).

use serde::de::{self, Deserializer, MapAccess, Visitor};
use serde::{Deserialize, Serialize, Serializer};
use std::fmt;

use super::{Lang, Lines, is_clean, sanitize};

const NEUTRAL: char = '\u{1}';
const FR: char = '\u{2}';
const EN: char = '\u{3}';
const FR_EN: char = '\u{4}';
const EN_FR: char = '\u{5}';
const SEPARATOR: char = '\u{6}';

/// Which version of a text a string is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Variant {
    Neutral,
    In(Lang),
}

/// One version of a text, borrowed from its [`LocalText`]: cleaned like a `SafeString`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SafeStr<'a>(&'a str);

impl<'a> SafeStr<'a> {
    pub fn as_str(self) -> &'a str {
        self.0
    }

    pub fn is_empty(self) -> bool {
        self.0.trim().is_empty()
    }
}

impl fmt::Display for SafeStr<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.0)
    }
}

/// A catalogue text: one language-neutral string, or one string per language.
/// Written in RON as `"…"` or as `(fr: "…", en: "…")`.
#[derive(Clone, Default, PartialEq, Eq, rkyv::Archive, rkyv::Serialize, rkyv::Deserialize)]
#[rkyv(bytecheck(verify))]
pub struct LocalText<const MULTI: bool> {
    /// Marker, then the versions; empty for a text with no version (`Default`).
    packed: Box<str>,
}

/// Whether `packed` is a text as [`LocalText`] packs it: a marker, then one version (or two
/// split by the separator, after the two-language markers), each as cleaning leaves it. The
/// catalogue cache's reader checks every archived text with it (see `SafeString`'s check).
pub fn is_packed(packed: &str) -> bool {
    let mut chars = packed.chars();
    let Some(marker) = chars.next() else { return true };
    let rest = chars.as_str();
    match marker {
        NEUTRAL | FR | EN => !rest.contains(SEPARATOR) && super::is_sanitized(rest),
        FR_EN | EN_FR => match rest.split_once(SEPARATOR) {
            Some((a, b)) => super::is_sanitized(a) && super::is_sanitized(b),
            None => false,
        },
        _ => false,
    }
}

// SAFETY (of the `unsafe impl`): Ok only when `is_packed` holds, reading the archived `str`
// that bytecheck has already checked.
unsafe impl<C, const MULTI: bool> rkyv::bytecheck::Verify<C> for ArchivedLocalText<MULTI>
where
    C: rkyv::rancor::Fallible + ?Sized,
    C::Error: rkyv::rancor::Source,
{
    fn verify(&self, _: &mut C) -> Result<(), C::Error> {
        if is_packed(self.packed.as_ref()) { Ok(()) } else { rkyv::rancor::fail!(super::Unclean) }
    }
}

/// A one-line localised text (titles, summaries, labels).
pub type Label = LocalText<false>;
/// A localised text that may span lines (descriptions, notes).
pub type Prose = LocalText<true>;

fn marker_of(variant: Variant) -> char {
    match variant {
        Variant::Neutral => NEUTRAL,
        Variant::In(Lang::Fr) => FR,
        Variant::In(Lang::En) => EN,
    }
}

/// Appends `raw`, cleaned, without a copy of its own when it is clean already.
fn push_clean(packed: &mut String, raw: &str, lines: Lines) {
    if is_clean(raw, lines) {
        packed.push_str(raw);
    } else {
        packed.push_str(&sanitize(raw, lines));
    }
}

impl<const MULTI: bool> LocalText<MULTI> {
    fn lines() -> Lines {
        if MULTI { Lines::Multi } else { Lines::Single }
    }

    fn one(variant: Variant, text: &str) -> Self {
        let mut packed = String::with_capacity(text.len() + 1);
        packed.push(marker_of(variant));
        push_clean(&mut packed, text, Self::lines());
        LocalText { packed: packed.into_boxed_str() }
    }

    pub fn plain(text: &str) -> Self {
        Self::one(Variant::Neutral, text)
    }

    pub fn both(fr: &str, en: &str) -> Self {
        let mut packed = String::with_capacity(fr.len() + en.len() + 2);
        packed.push(FR_EN);
        push_clean(&mut packed, fr, Self::lines());
        packed.push(SEPARATOR);
        push_clean(&mut packed, en, Self::lines());
        LocalText { packed: packed.into_boxed_str() }
    }

    /// A text in one language only.
    pub fn only(lang: Lang, text: &str) -> Self {
        Self::one(Variant::In(lang), text)
    }

    /// Each version with its variant, in the order written. Never panics, whatever the
    /// string holds (a damaged cache is refused by its checksum, but this does not rely on it).
    fn versions(&self) -> [Option<(Variant, &str)>; 2] {
        let mut chars = self.packed.chars();
        let Some(marker) = chars.next() else { return [None, None] };
        let rest = chars.as_str();
        let two = |first: Lang, second: Lang| match rest.split_once(SEPARATOR) {
            Some((a, b)) => [Some((Variant::In(first), a)), Some((Variant::In(second), b))],
            None => [Some((Variant::In(first), rest)), None],
        };
        match marker {
            FR => [Some((Variant::In(Lang::Fr), rest)), None],
            EN => [Some((Variant::In(Lang::En), rest)), None],
            FR_EN => two(Lang::Fr, Lang::En),
            EN_FR => two(Lang::En, Lang::Fr),
            _ => [Some((Variant::Neutral, rest)), None],
        }
    }

    fn variant(&self, wanted: Variant) -> Option<&str> {
        self.versions().into_iter().flatten().find(|(v, _)| *v == wanted).map(|(_, t)| t)
    }

    pub fn in_lang(&self, lang: Lang) -> Option<SafeStr<'_>> {
        self.variant(Variant::In(lang)).map(SafeStr)
    }

    /// The language-neutral version, if the text was written as one string.
    pub fn neutral(&self) -> Option<SafeStr<'_>> {
        self.variant(Variant::Neutral).map(SafeStr)
    }

    /// The text in `lang`, else the neutral text, else the other language, else "".
    pub fn get(&self, lang: Lang) -> &str {
        let versions = self.versions();
        let find = |wanted: Variant| versions.iter().flatten().find(|(v, _)| *v == wanted).map(|(_, t)| *t);
        find(Variant::In(lang)).or(find(Variant::Neutral)).or(find(Variant::In(lang.other()))).unwrap_or("")
    }

    /// Whether a reader of either language gets the text in their own language.
    pub fn has_both_languages(&self) -> bool {
        Lang::ALL.iter().all(|&lang| self.in_lang(lang).is_some_and(|t| !t.is_empty()))
    }

    pub fn is_empty(&self) -> bool {
        self.variants().all(SafeStr::is_empty)
    }

    /// Every variant present, for search indexing.
    pub fn variants(&self) -> impl Iterator<Item = SafeStr<'_>> {
        self.versions().into_iter().flatten().map(|(_, t)| SafeStr(t))
    }
}

impl<const MULTI: bool> fmt::Debug for LocalText<MULTI> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_list().entries(self.versions().into_iter().flatten()).finish()
    }
}

impl<const MULTI: bool> Serialize for LocalText<MULTI> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let versions = self.versions();
        if let [Some((Variant::Neutral, neutral)), None] = versions {
            return s.serialize_str(neutral);
        }
        let mut map = s.serialize_map(Some(versions.iter().flatten().count()))?;
        for (variant, text) in versions.into_iter().flatten() {
            let key = match variant {
                Variant::In(lang) => lang.code(),
                Variant::Neutral => "neutral",
            };
            map.serialize_entry(key, text)?;
        }
        map.end()
    }
}

impl<'de, const MULTI: bool> Deserialize<'de> for LocalText<MULTI> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct TextVisitor<const M: bool>;
        impl<'de, const M: bool> Visitor<'de> for TextVisitor<M> {
            type Value = LocalText<M>;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a string, or one string per language as (fr: \"…\", en: \"…\")")
            }
            fn visit_str<E: de::Error>(self, s: &str) -> Result<Self::Value, E> {
                Ok(LocalText::plain(s))
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
                let mut packed = String::new();
                let mut first: Option<Lang> = None;
                let mut second = false;
                // Keys and values are read through seeds that look at the file's text in place:
                // no temporary string for either.
                let language = |key: &str| {
                    Lang::from_code(key).ok_or_else(|| {
                        format!("unknown language `{}`, expected `fr` or `en`", sanitize(key, Lines::Single))
                    })
                };
                while let Some(key) = map.next_key_seed(WithStr(language))? {
                    let lang = key.map_err(de::Error::custom)?;
                    if first == Some(lang) || second {
                        return Err(de::Error::custom(format!("language `{}` given twice", lang.code())));
                    }
                    if first.is_some() {
                        packed.push(SEPARATOR);
                        second = true;
                    } else {
                        packed.push(marker_of(Variant::In(lang)));
                        first = Some(lang);
                    }
                    map.next_value_seed(WithStr(|value: &str| {
                        packed.reserve_exact(value.len() + 1);
                        push_clean(&mut packed, value, LocalText::<M>::lines());
                    }))?;
                }
                let marker = match (first, second) {
                    (None, _) => {
                        return Err(de::Error::custom("a text needs at least one language: (fr: \"…\", en: \"…\")"));
                    }
                    (Some(lang), false) => marker_of(Variant::In(lang)),
                    (Some(Lang::Fr), true) => FR_EN,
                    (Some(Lang::En), true) => EN_FR,
                };
                packed.replace_range(..1, marker.encode_utf8(&mut [0; 4]));
                Ok(LocalText { packed: packed.into_boxed_str() })
            }
        }
        d.deserialize_any(TextVisitor::<MULTI>)
    }
}

/// Reads a string and hands it to a function, borrowed or transient as the format gives it.
struct WithStr<F>(F);

impl<'de, R, F: FnOnce(&str) -> R> de::DeserializeSeed<'de> for WithStr<F> {
    type Value = R;
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<R, D::Error> {
        d.deserialize_str(self)
    }
}

impl<'de, R, F: FnOnce(&str) -> R> Visitor<'de> for WithStr<F> {
    type Value = R;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a string")
    }
    fn visit_str<E: de::Error>(self, s: &str) -> Result<R, E> {
        Ok((self.0)(s))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn versions_keep_their_language_and_order() {
        let en_first: Label = ron::from_str("(en: \"Magnets\", fr: \"Aimants\")").unwrap();
        assert_eq!(en_first.get(Lang::Fr), "Aimants");
        assert_eq!(en_first.get(Lang::En), "Magnets");
        assert_eq!(serde_json::to_string(&en_first).unwrap(), r#"{"en":"Magnets","fr":"Aimants"}"#);
        let plain: Prose = ron::from_str("\"Un\\ntexte\"").unwrap();
        assert_eq!(plain.get(Lang::En), "Un\ntexte");
        assert_eq!(serde_json::to_string(&plain).unwrap(), r#""Un\ntexte""#);
        assert!(ron::from_str::<Label>("(fr: \"a\", fr: \"b\")").is_err());
        assert!(ron::from_str::<Label>("(en: \"a\", fr: \"b\", en: \"c\")").is_err());
    }

    #[test]
    fn control_characters_cannot_forge_a_second_language() {
        let forged = Label::plain("a\u{6}b\u{4}c");
        assert_eq!(forged.variants().count(), 1);
        assert_eq!(forged.get(Lang::En), "abc");
    }
}
