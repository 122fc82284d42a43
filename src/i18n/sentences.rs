//! Sentences with numbers or names in them, in both languages.

use super::facet_noun;
use crate::query::{Facet, MAX_WORDS, QueryErrorKind};
use crate::text::Lang;

/// What the window needs, under "the window is too small".
pub fn too_small_needed(lang: Lang, min: (u16, u16), now: (u16, u16)) -> String {
    let ((min_w, min_h), (w, h)) = (min, now);
    match lang {
        Lang::En => format!("It needs at least {min_w}×{min_h}; it is {w}×{h} now."),
        Lang::Fr => format!("Il faut au moins {min_w}×{min_h} ; elle fait {w}×{h}."),
    }
}

/// A query problem, as the search box shows it.
pub fn query_error(lang: Lang, kind: &QueryErrorKind) -> String {
    let fields = Facet::ALL.map(Facet::field_name).join(" ");
    match (lang, kind) {
        (Lang::En, QueryErrorKind::UnknownField(name)) => format!("unknown field {name}: — fields: {fields}"),
        (Lang::Fr, QueryErrorKind::UnknownField(name)) => format!("champ inconnu {name}: — champs : {fields}"),
        (Lang::En, QueryErrorKind::TooManyWords) => format!("only the first {MAX_WORDS} words are searched"),
        (Lang::Fr, QueryErrorKind::TooManyWords) => format!("seuls les {MAX_WORDS} premiers mots sont cherchés"),
    }
}

/// " — did you mean "a", "b"?" after a name that names nothing; empty without suggestions.
pub fn did_you_mean(lang: Lang, suggestions: &[&str]) -> String {
    if suggestions.is_empty() {
        return String::new();
    }
    match lang {
        Lang::En => {
            let quoted: Vec<String> = suggestions.iter().map(|s| format!("\"{s}\"")).collect();
            format!(" — did you mean {}?", quoted.join(", "))
        }
        Lang::Fr => {
            let quoted: Vec<String> = suggestions.iter().map(|s| format!("« {s} »")).collect();
            format!(" — vouliez-vous dire {} ?", quoted.join(", "))
        }
    }
}

/// A filter value that names nothing: `unknown region "FRE121" — did you mean "FRE12"?`.
/// `shown` is the value as typed, already made safe to print.
pub fn unknown_value(lang: Lang, facet: Facet, shown: &str, suggestions: &[&str]) -> String {
    let noun = facet_noun(lang, facet);
    let hint = did_you_mean(lang, suggestions);
    match lang {
        Lang::En => format!("unknown {noun} \"{shown}\"{hint}"),
        Lang::Fr => format!("{noun} inconnu(e) « {shown} »{hint}"),
    }
}

/// An entry id that names nothing, with the closest ids or, failing any, where to find them.
pub fn unknown_entry(lang: Lang, shown: &str, suggestions: &[&str]) -> String {
    let hint = match (lang, suggestions.is_empty()) {
        (_, false) => did_you_mean(lang, suggestions),
        (Lang::En, true) => " (`boucle list` shows every id)".to_string(),
        (Lang::Fr, true) => " (`boucle list` donne tous les identifiants)".to_string(),
    };
    match lang {
        Lang::En => format!("unknown entry id \"{shown}\"{hint}"),
        Lang::Fr => format!("identifiant de fiche inconnu « {shown} »{hint}"),
    }
}

/// Said when typed or pasted text passed the most a text box holds (the query, a note, a file
/// name): what fitted is in the box, the rest was dropped.
pub fn input_cut(lang: Lang, cap: usize) -> String {
    match lang {
        Lang::En => format!("Cut at {cap} characters: the most this box holds."),
        Lang::Fr => format!("Coupé à {cap} caractères : le plus que ce champ accepte."),
    }
}
