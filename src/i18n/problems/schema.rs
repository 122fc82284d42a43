//! What the schema of a catalogue file says about a file that does not follow it: unknown,
//! repeated and missing fields, values of the wrong shape, and the shapes expected.

use super::super::Said;
use crate::text::Lang;

/// The shape of a single value, as a curator writes it: the leaves of the catalogue's schema
/// (`load::schema::Ty::One`), which are listed here only, so the schema and what is said of
/// it cannot drift apart.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Shape {
    /// `"…"` or `(fr: "…", en: "…")`.
    Text,
    /// `"…"`, one language-neutral line.
    Line,
    /// An id: letters, digits, `-`, `_`, `.`.
    Id,
    /// `"YYYY-MM-DD"`, `"YYYY-MM"` or `"YYYY"`.
    Date,
    /// `"https://…"`.
    Address,
    /// A whole number.
    Count,
    /// `true` or `false`.
    Flag,
    /// `(latitude, longitude)`.
    Coordinates,
}

/// "a date "YYYY-MM-DD" (or "YYYY-MM", or "YYYY")", « une date "AAAA-MM-JJ" (ou "AAAA-MM", ou "AAAA") ».
pub fn shape(shape: Shape) -> Said {
    match shape {
        Shape::Text => {
            Said::new("a text: \"…\" or (fr: \"…\", en: \"…\")", "un texte : \"…\" ou (fr: \"…\", en: \"…\")")
        }
        Shape::Line => Said::new("a string \"…\"", "une chaîne \"…\""),
        Shape::Id => {
            Said::new("an id in quotes, e.g. \"rare-earths\"", "un id entre guillemets, p. ex. \"rare-earths\"")
        }
        Shape::Date => Said::new(
            "a date \"YYYY-MM-DD\" (or \"YYYY-MM\", or \"YYYY\")",
            "une date \"AAAA-MM-JJ\" (ou \"AAAA-MM\", ou \"AAAA\")",
        ),
        Shape::Address => Said::new("an address \"https://…\"", "une adresse \"https://…\""),
        Shape::Count => Said::new("a whole number", "un nombre entier"),
        Shape::Flag => Said::new("true or false", "true ou false"),
        Shape::Coordinates => {
            Said::new("(latitude, longitude), e.g. (50.5, 2.6)", "(latitude, longitude), p. ex. (50.5, 2.6)")
        }
    }
}

/// Fields in parentheses, the first required one named: "(title: …, …)".
pub fn fields_shape(first: &str) -> Said {
    Said::new(format!("({first}: …, …)"), format!("({first}: …, …)"))
}

/// A list of what `item` says.
pub fn list_of(item: &Said) -> Said {
    Said::by(|lang| match lang {
        Lang::En => format!("a list [ … ] of {}", item.get(lang)),
        Lang::Fr => format!("une liste [ … ], chaque élément étant {}", item.get(lang)),
    })
}

/// What a value is, when it is not what its field holds.
#[derive(Clone, Copy, Debug)]
pub enum Found {
    Str,
    BareWord,
    Number,
    Char,
    Fields,
    Values,
    List,
    Map,
    /// What the syntax reader could not read (reported as a syntax error of its own).
    Unreadable,
}

pub fn holds(field: &str, found: Found) -> Said {
    let (en, fr) = match found {
        Found::Str => ("a string", "une chaîne"),
        Found::BareWord => ("a bare word", "un mot sans guillemets"),
        Found::Number => ("a number", "un nombre"),
        Found::Char => ("a character", "un caractère"),
        Found::Fields => ("fields in parentheses", "des champs entre parenthèses"),
        Found::Values => ("values in parentheses", "des valeurs entre parenthèses"),
        Found::List => ("a list", "une liste"),
        Found::Map => ("a map in braces", "un dictionnaire entre accolades"),
        Found::Unreadable => ("a value that could not be read", "une valeur illisible"),
    };
    Said::new(format!("`{field}` holds {en}"), format!("`{field}` contient {fr}"))
}

pub fn fields_in_parentheses(first: &str) -> Said {
    Said::new(
        format!("fields in parentheses: ({first}: …, …)"),
        format!("des champs entre parenthèses : ({first}: …, …)"),
    )
}

pub fn unknown_field(field: &str, within: &str) -> Said {
    Said::new(format!("unknown field `{field}` in `{within}`"), format!("champ inconnu `{field}` dans `{within}`"))
}

/// The same, from the strict reader, which may not know the enclosing structure.
pub fn unknown_field_in(field: &str, within: Option<&str>) -> Said {
    match within {
        Some(within) => unknown_field(field, within),
        None => Said::new(format!("unknown field `{field}`"), format!("champ inconnu `{field}`")),
    }
}

pub fn one_of(list: &str) -> Said {
    Said::new(format!("one of {list}"), format!("l’un de {list}"))
}

pub fn given_twice(field: &str) -> Said {
    Said::new(format!("field `{field}` is given twice"), format!("le champ `{field}` est donné deux fois"))
}

pub fn given_twice_in(field: &str, within: Option<&str>) -> Said {
    match within {
        Some(within) => Said::new(
            format!("field `{field}` is given twice in `{within}`"),
            format!("le champ `{field}` est donné deux fois dans `{within}`"),
        ),
        None => given_twice(field),
    }
}

pub fn keep_one() -> Said {
    Said::new("keep one of them", "gardez-en un seul")
}

pub fn missing_field(field: &str, within: &str) -> Said {
    Said::new(
        format!("missing required field `{field}` in `{within}`"),
        format!("champ obligatoire manquant `{field}` dans `{within}`"),
    )
}

pub fn missing_field_in(field: &str, within: Option<&str>) -> Said {
    match within {
        Some(within) => missing_field(field, within),
        None => Said::new(format!("missing required field `{field}`"), format!("champ obligatoire manquant `{field}`")),
    }
}

pub fn add_field(field: &str) -> Said {
    Said::new(
        format!("add `{field}: …` before the closing parenthesis"),
        format!("ajoutez `{field}: …` avant la parenthèse fermante"),
    )
}

pub fn unknown_value(word: &str, field: &str) -> Said {
    Said::new(format!("unknown value `{word}` for `{field}`"), format!("valeur inconnue `{word}` pour `{field}`"))
}

pub fn unknown_value_in(word: &str, within: Option<&str>) -> Said {
    match within {
        Some(within) => Said::new(
            format!("unknown value `{word}` in `{within}`"),
            format!("valeur inconnue `{word}` dans `{within}`"),
        ),
        None => Said::new(format!("unknown value `{word}`"), format!("valeur inconnue `{word}`")),
    }
}

pub fn wrong_kind(found: &str, expected: &str) -> Said {
    Said::new(
        format!("this file starts with `{found}(`, but its folder holds `{expected}` entries"),
        format!("ce fichier commence par `{found}(`, mais son dossier contient des fiches `{expected}`"),
    )
}

pub fn move_the_file(found: &str, expected: &str) -> Said {
    Said::new(
        format!("move the file to the folder for `{found}` entries, or start it with `{expected}(`"),
        format!("déplacez le fichier dans le dossier des fiches `{found}`, ou commencez-le par `{expected}(`"),
    )
}

pub fn unknown_language(code: &str, field: &str) -> Said {
    Said::new(format!("unknown language `{code}` in `{field}`"), format!("langue inconnue `{code}` dans `{field}`"))
}

pub fn fr_or_en() -> Said {
    Said::new("`fr` or `en`", "`fr` ou `en`")
}

pub fn language_twice(code: &str) -> Said {
    Said::new(format!("language `{code}` is given twice"), format!("la langue `{code}` est donnée deux fois"))
}

pub fn no_text_in_any_language(field: &str) -> Said {
    Said::new(format!("`{field}` has no text in any language"), format!("`{field}` n’a de texte dans aucune langue"))
}

pub fn address_over_line_end(field: &str) -> Said {
    Said::new(
        format!("the address in `{field}` runs over a line end: its closing `\"` is probably missing"),
        format!("l’adresse de `{field}` court sur la ligne suivante : il manque sans doute son `\"` fermant"),
    )
}

pub fn close_the_address() -> Said {
    Said::new("add the closing `\"` right after the address", "ajoutez le `\"` fermant juste après l’adresse")
}

// The strict reader's own problems, when the recovering reader finds nothing more to say.

pub fn too_deep() -> Said {
    Said::new("nesting is too deep (over 128 levels)", "imbrication trop profonde (plus de 128 niveaux)")
}

pub fn look_for_unclosed_brackets() -> Said {
    Said::new(
        "an entry needs only a few levels; look for unclosed brackets",
        "une fiche n’a besoin que de quelques niveaux ; cherchez des crochets non fermés",
    )
}

pub fn unexpected_end() -> Said {
    Said::new("unexpected end of file", "fin de fichier inattendue")
}

pub fn closing_probably_missing() -> Said {
    Said::new(
        "a closing `)` or `]` is probably missing, or the file was saved half-written",
        "il manque sans doute une `)` ou un `]` fermant, ou le fichier a été enregistré à moitié",
    )
}

/// A value the strict reader refused, with its own (English) account of it.
pub fn wrong_value(english: &str) -> Said {
    Said::new(english, "valeur refusée à cet endroit (le type attendu n’est pas celui écrit)")
}

/// Anything else the strict reader refused, with its own (English) account of it.
pub fn not_read(english: &str) -> Said {
    Said::new(english, "le fichier ne se lit pas à cet endroit : vérifiez la syntaxe autour")
}
