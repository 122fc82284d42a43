//! What the reader of a file's syntax met where it stopped, as a typed message the reader builds
//! (`load::tree`), and its words in both languages.

use super::super::Said;
use super::super::said::Named;
use crate::text::Lang;

/// What reading a file's syntax stopped on.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Reading {
    /// `expected {wanted}, found {found}`.
    Expected {
        wanted: Wanted,
        found: Token,
    },
    /// The same at the very start of the file: the file does not even start like one.
    ExpectedAtStart {
        wanted: Wanted,
        found: Token,
    },
    /// The file ended inside an open comment or string.
    EndInside(Opener),
    /// The file ended with this closing bracket missing.
    MissingCloser(char),
    /// A closing bracket of another kind: `)` where `]` closes the open `[`.
    WrongCloser {
        found: char,
        opener: char,
    },
    TooDeep,
    UnclosedAttribute,
    /// `\u{…}` or `\x…`, not a character.
    MalformedEscape(&'static str),
    UnknownEscape(char),
    /// `expected {wanted}`, where what was found does not matter.
    Missing(Wanted),
    /// A character that starts nothing RON knows.
    UnexpectedChar,
}

/// What the reader expected.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Wanted {
    EndOfFile,
    Value,
    FieldName,
    ColonAfterFieldName,
    Character,
    QuoteToCloseCharacter,
    QuoteAfterRaw,
    /// `,` or this closing bracket.
    CommaOr(char),
    /// `[`, a vocabulary's list of terms.
    ListOfTerms,
    /// Code to type, as it is: `:`, `GoodPractice(`.
    Code(String),
}

/// What the reader found instead.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Token {
    EndOfFile,
    /// A word or a character of the file, as it is.
    Code(String),
}

/// What was left open.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Opener {
    Bracket(char),
    String,
    RawString,
    Char,
    Comment,
}

impl Opener {
    fn named(self) -> Named {
        match self {
            Opener::Bracket('(') => Named::masculine("`(`", "`(`"),
            Opener::Bracket('[') => Named::masculine("`[`", "`[`"),
            Opener::Bracket(_) => Named::masculine("`{`", "`{`"),
            Opener::String | Opener::RawString => Named::feminine("string", "chaîne"),
            Opener::Char => Named::masculine("character", "caractère"),
            Opener::Comment => Named::masculine("comment", "commentaire"),
        }
    }
}

fn wanted(lang: Lang, wanted: &Wanted) -> String {
    match (wanted, lang) {
        (Wanted::EndOfFile, Lang::En) => "the end of the file".into(),
        (Wanted::EndOfFile, Lang::Fr) => "la fin du fichier".into(),
        (Wanted::Value, Lang::En) => "a value".into(),
        (Wanted::Value, Lang::Fr) => "une valeur".into(),
        (Wanted::FieldName, Lang::En) => "a field name".into(),
        (Wanted::FieldName, Lang::Fr) => "un nom de champ".into(),
        (Wanted::ColonAfterFieldName, Lang::En) => "`:` after the field name".into(),
        (Wanted::ColonAfterFieldName, Lang::Fr) => "`:` après le nom du champ".into(),
        (Wanted::Character, Lang::En) => "a character".into(),
        (Wanted::Character, Lang::Fr) => "un caractère".into(),
        (Wanted::QuoteToCloseCharacter, Lang::En) => "`'` to close the character".into(),
        (Wanted::QuoteToCloseCharacter, Lang::Fr) => "`'` pour fermer le caractère".into(),
        (Wanted::QuoteAfterRaw, Lang::En) => "`\"` after `r#`".into(),
        (Wanted::QuoteAfterRaw, Lang::Fr) => "`\"` après `r#`".into(),
        (Wanted::CommaOr(close), Lang::En) => format!("`,` or `{close}`"),
        (Wanted::CommaOr(close), Lang::Fr) => format!("`,` ou `{close}`"),
        (Wanted::ListOfTerms, Lang::En) => "`[` (a list of terms)".into(),
        (Wanted::ListOfTerms, Lang::Fr) => "`[` (une liste de termes)".into(),
        (Wanted::Code(code), _) => format!("`{code}`"),
    }
}

fn token(lang: Lang, token: &Token) -> String {
    match (token, lang) {
        (Token::EndOfFile, Lang::En) => "the end of the file".into(),
        (Token::EndOfFile, Lang::Fr) => "la fin du fichier".into(),
        (Token::Code(code), _) => format!("`{code}`"),
    }
}

/// What the reader says where it stopped.
pub fn reading(what: &Reading) -> Said {
    Said::by(|lang| match (what, lang) {
        (Reading::Expected { wanted: w, found }, Lang::En) => {
            format!("expected {}, found {}", wanted(lang, w), token(lang, found))
        }
        (Reading::Expected { wanted: w, found }, Lang::Fr) => {
            format!("attendu {}, trouvé {}", wanted(lang, w), token(lang, found))
        }
        (Reading::ExpectedAtStart { wanted: w, found }, Lang::En) => {
            format!("expected {} at the start of the file, found {}", wanted(lang, w), token(lang, found))
        }
        (Reading::ExpectedAtStart { wanted: w, found }, Lang::Fr) => {
            format!("attendu {} au début du fichier, trouvé {}", wanted(lang, w), token(lang, found))
        }
        (Reading::EndInside(opener), Lang::En) => match opener {
            Opener::RawString => "unexpected end of file inside a raw string".into(),
            opener => format!("unexpected end of file inside a {}", opener.named().en),
        },
        (Reading::EndInside(opener), Lang::Fr) => match opener {
            Opener::RawString => "fin de fichier inattendue dans une chaîne brute".into(),
            opener => {
                let named = opener.named();
                let article = if named.gender == super::super::said::Gender::Feminine { "une" } else { "un" };
                format!("fin de fichier inattendue dans {article} {}", named.fr)
            }
        },
        (Reading::MissingCloser(close), Lang::En) => format!("unexpected end of file: a closing `{close}` is missing"),
        (Reading::MissingCloser(close), Lang::Fr) => {
            format!("fin de fichier inattendue : il manque le `{close}` fermant")
        }
        (Reading::WrongCloser { found, opener }, Lang::En) => {
            format!("`{found}` does not close this `{opener}`: expected `{}`", closer_of(*opener))
        }
        (Reading::WrongCloser { found, opener }, Lang::Fr) => {
            format!("`{found}` ne ferme pas ce `{opener}` : attendu `{}`", closer_of(*opener))
        }
        (Reading::TooDeep, Lang::En) => "nesting is too deep (over 128 levels)".into(),
        (Reading::TooDeep, Lang::Fr) => "imbrication trop profonde (plus de 128 niveaux)".into(),
        (Reading::UnclosedAttribute, Lang::En) => "unclosed `#![…]` attribute".into(),
        (Reading::UnclosedAttribute, Lang::Fr) => "attribut `#![…]` non fermé".into(),
        (Reading::MalformedEscape(escape), Lang::En) => format!("malformed `{escape}` escape"),
        (Reading::MalformedEscape(escape), Lang::Fr) => format!("séquence d’échappement `{escape}` mal formée"),
        (Reading::UnknownEscape(c), Lang::En) => format!("unknown escape `\\{c}`"),
        (Reading::UnknownEscape(c), Lang::Fr) => format!("séquence d’échappement inconnue `\\{c}`"),
        (Reading::Missing(w), Lang::En) => format!("expected {}", wanted(lang, w)),
        (Reading::Missing(w), Lang::Fr) => format!("attendu {}", wanted(lang, w)),
        (Reading::UnexpectedChar, Lang::En) => "unexpected character".into(),
        (Reading::UnexpectedChar, Lang::Fr) => "caractère inattendu".into(),
    })
}

/// What the file must start with, as `expected` says it.
pub fn start(wanted_first: &Wanted) -> Said {
    Said::by(|lang| wanted(lang, wanted_first))
}

fn closer_of(opener: char) -> char {
    match opener {
        '(' => ')',
        '[' => ']',
        _ => '}',
    }
}

pub fn comma_missing(line: usize) -> Said {
    Said::new(
        format!("a `,` is probably missing at the end of line {line}"),
        format!("il manque sans doute une `,` à la fin de la ligne {line}"),
    )
}

pub fn bracket_not_closed(opener: Opener, stopped: &Said, line: usize, column: usize) -> Said {
    let what = opener.named();
    Said::by(|lang| match lang {
        Lang::En => {
            format!("the {} opened here is not closed: {} at line {line}, column {column}", what.en, stopped.get(lang))
        }
        Lang::Fr => format!(
            "{} {} {} ici n’est pas {} : {} à la ligne {line}, colonne {column}",
            if what.gender == super::super::said::Gender::Feminine { "la" } else { "le" },
            what.fr,
            what.agree("ouvert"),
            what.agree("fermé"),
            stopped.get(lang)
        ),
    })
}

pub fn close_or_remove() -> Said {
    Said::new("close it, or remove it", "fermez-le, ou retirez-le")
}

pub fn unclosed_string(line: usize, stopped: &Said) -> Said {
    Said::by(|lang| match lang {
        Lang::En => format!(
            "this string is never closed: it runs on to line {line}, where reading stopped ({})",
            stopped.get(lang)
        ),
        Lang::Fr => format!(
            "cette chaîne n’est jamais fermée : elle court jusqu’à la ligne {line}, où la lecture s’arrête ({})",
            stopped.get(lang)
        ),
    })
}

pub fn close_the_string() -> Said {
    Said::new("add the closing `\"` at the end of the text", "ajoutez le `\"` fermant à la fin du texte")
}
