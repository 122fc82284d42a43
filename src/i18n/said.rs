//! [`Said`]: one text in both languages, made where it is said, before anyone knows who will read
//! it (a French dashboard, an English CI log, both over SSH); the reader's language picks one.
//!
//! There is no conversion from a plain string: a text is built in both languages by the i18n
//! module's functions (or from a typed message), so a missing translation cannot slip through as
//! a copy of the English.

use crate::text::Lang;

/// One message in both languages.
#[derive(Clone, Debug, PartialEq, Eq, Default, rkyv::Archive, rkyv::Serialize, rkyv::Deserialize)]
pub struct Said {
    en: String,
    fr: String,
}

impl Said {
    /// The English and French of one message.
    pub fn new(en: impl Into<String>, fr: impl Into<String>) -> Said {
        Said { en: en.into(), fr: fr.into() }
    }

    /// The message in each language, from one function of the language.
    pub fn by(f: impl Fn(Lang) -> String) -> Said {
        Said { en: f(Lang::En), fr: f(Lang::Fr) }
    }

    /// Code a curator types (a field, a value, the start of a file), between backticks: it reads
    /// the same in both languages.
    pub fn code(text: &str) -> Said {
        let quoted = format!("`{text}`");
        Said { en: quoted.clone(), fr: quoted }
    }

    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::En => &self.en,
            Lang::Fr => &self.fr,
        }
    }

    /// Both languages changed the same way (sanitising, escaping).
    pub fn map(self, f: impl Fn(&str) -> String) -> Said {
        Said { en: f(&self.en), fr: f(&self.fr) }
    }

    /// This message and `other`, joined by `between` in the reader's language.
    pub fn then(&self, between: impl Fn(Lang) -> &'static str, other: &Said) -> Said {
        Said::by(|lang| format!("{}{}{}", self.get(lang), between(lang), other.get(lang)))
    }
}

impl ArchivedSaid {
    /// Both languages of a message read in place from an archive (the cache's checks).
    pub fn both(&self) -> [&str; 2] {
        [self.en.as_str(), self.fr.as_str()]
    }
}

/// An error whose account is a [`Said`]: a value parser's refusal (clap keeps it as the
/// error's source), or the reason inside an `io::Error`, which
/// [`io_problem`](super::problems::io_problem) then says in the reader's language.
#[derive(Clone, Debug)]
pub struct Explained(pub Said);

impl std::fmt::Display for Explained {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.0.get(Lang::En))
    }
}

impl std::error::Error for Explained {}

impl Explained {
    /// An `io::Error` of `kind` whose account is `said`.
    pub fn io(kind: std::io::ErrorKind, said: Said) -> std::io::Error {
        std::io::Error::new(kind, Explained(said))
    }
}

/// `"x"` in English, `« x »` in French: a value as the user wrote it.
pub fn quoted(lang: Lang, text: &str) -> String {
    match lang {
        Lang::En => format!("\"{text}\""),
        Lang::Fr => format!("« {text} »"),
    }
}

/// The gender of a French noun, which its adjectives and participles agree with.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Gender {
    Masculine,
    Feminine,
}

/// A noun in both languages, with its French gender: "unknown region" is « région inconnue »,
/// "unknown material" « matériau inconnu ».
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Named {
    pub en: &'static str,
    pub fr: &'static str,
    pub gender: Gender,
}

impl Named {
    pub const fn masculine(en: &'static str, fr: &'static str) -> Named {
        Named { en, fr, gender: Gender::Masculine }
    }

    pub const fn feminine(en: &'static str, fr: &'static str) -> Named {
        Named { en, fr, gender: Gender::Feminine }
    }

    pub fn get(self, lang: Lang) -> &'static str {
        match lang {
            Lang::En => self.en,
            Lang::Fr => self.fr,
        }
    }

    /// A French adjective or participle, given in the masculine, agreeing with this noun.
    pub fn agree(self, masculine: &str) -> String {
        match self.gender {
            Gender::Masculine => masculine.to_string(),
            Gender::Feminine => format!("{masculine}e"),
        }
    }

    /// The noun with an adjective: "unknown region" (before it in English), « région inconnue »
    /// (after it, agreeing, in French).
    pub fn with(self, lang: Lang, english: &str, french_masculine: &str) -> String {
        match lang {
            Lang::En => format!("{english} {}", self.en),
            Lang::Fr => format!("{} {}", self.fr, self.agree(french_masculine)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn adjectives_agree_with_the_noun() {
        let region = Named::feminine("region", "région");
        let material = Named::masculine("material", "matériau");
        assert_eq!(region.with(Lang::Fr, "unknown", "inconnu"), "région inconnue");
        assert_eq!(material.with(Lang::Fr, "unknown", "inconnu"), "matériau inconnu");
        assert_eq!(region.with(Lang::En, "unknown", "inconnu"), "unknown region");
    }
}
