//! The reader's syntax messages, the value checks' messages, and text cleaned at load, in both
//! languages.

use super::Said;

/// The RON reader's own words (`expected …, found …`) in French.
pub fn reader_message(english: &str) -> Said {
    let mut fr = english.to_string();
    for (en, french) in [
        ("unexpected end of file inside a raw string", "fin de fichier inattendue dans une chaîne brute"),
        ("unexpected end of file inside a string", "fin de fichier inattendue dans une chaîne"),
        ("unexpected end of file inside a comment", "fin de fichier inattendue dans un commentaire"),
        ("unexpected end of file: a closing", "fin de fichier inattendue : il manque le"),
        (" is missing", " fermant"),
        ("nesting is too deep (over 128 levels)", "imbrication trop profonde (plus de 128 niveaux)"),
        ("does not close this", "ne ferme pas ce"),
        ("expected ", "attendu "),
        (", found ", ", trouvé "),
        (" at the start of the file", " au début du fichier"),
        ("the end of the file", "la fin du fichier"),
        ("a value", "une valeur"),
        ("a field name", "un nom de champ"),
        ("after the field name", "après le nom du champ"),
        ("a list of terms", "une liste de termes"),
        (" or ", " ou "),
    ] {
        fr = fr.replace(en, french);
    }
    Said { en: english.to_string(), fr }
}

pub fn comma_missing(line: usize) -> Said {
    Said::new(
        format!("a `,` is probably missing at the end of line {line}"),
        format!("il manque sans doute une `,` à la fin de la ligne {line}"),
    )
}

pub fn bracket_not_closed(what: &str, stopped: &Said, line: usize, column: usize) -> Said {
    Said::new(
        format!("the {what} opened here is not closed: {} at line {line}, column {column}", stopped.en),
        format!("le {what} ouvert ici n’est pas fermé : {} à la ligne {line}, colonne {column}", stopped.fr),
    )
}

pub fn close_or_remove() -> Said {
    Said::new("close it, or remove it", "fermez-le, ou retirez-le")
}

pub fn unclosed_string(line: usize, stopped: &Said) -> Said {
    Said::new(
        format!("this string is never closed: it runs on to line {line}, where reading stopped ({})", stopped.en),
        format!(
            "cette chaîne n’est jamais fermée : elle court jusqu’à la ligne {line}, où la lecture s’arrête ({})",
            stopped.fr
        ),
    )
}

pub fn close_the_string() -> Said {
    Said::new("add the closing `\"` at the end of the text", "ajoutez le `\"` fermant à la fin du texte")
}

/// A checked value (date, id) that failed its check (addresses: `guards::malformed_address`), with the checker's English.
pub fn bad_value(code: &str, raw: &str, english: String) -> Said {
    let raw = crate::text::sanitize(raw, crate::text::Lines::Single);
    let fr = match code {
        "malformed-date" if english.contains("not a real calendar date") => {
            format!("« {raw} » n’est pas une date du calendrier")
        }
        "malformed-date" => {
            format!("date mal formée « {raw} » : attendu AAAA-MM-JJ (ou AAAA-MM, ou AAAA), p. ex. « 2025-07-29 »")
        }
        "malformed-id" => format!("id mal formé « {raw} » : lettres, chiffres et tirets, p. ex. « rare-earths »"),
        _ => english.clone(),
    };
    Said { en: english, fr }
}

pub fn cleaned_text(c: char) -> Said {
    let code = format!("U+{:04X}", u32::from(c));
    Said::new(
        format!("this file holds {code}, a control or invisible character, which is removed when the text is shown"),
        format!("ce fichier contient {code}, un caractère de contrôle ou invisible, retiré à l’affichage"),
    )
}

pub fn remove_it() -> Said {
    Said::new(
        "remove it (it often comes from a copy from a web page or a PDF)",
        "retirez-le (il vient souvent d’un copier-coller depuis une page web ou un PDF)",
    )
}
