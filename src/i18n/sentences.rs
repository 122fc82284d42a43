//! Sentences with numbers or names in them, in both languages.

use super::said::quoted as q;
use super::{Said, did_you_mean, facet_noun};
use crate::model::Facet;
use crate::text::Lang;

/// What the window needs, under "the window is too small".
pub fn too_small_needed(lang: Lang, min: (u16, u16), now: (u16, u16)) -> String {
    let ((min_w, min_h), (w, h)) = (min, now);
    match lang {
        Lang::En => format!("It needs at least {min_w}×{min_h}; it is {w}×{h} now."),
        Lang::Fr => format!("Il faut au moins {min_w}×{min_h} ; elle fait {w}×{h}."),
    }
}

/// `name:` in the query box is no field: the fields there are.
pub fn unknown_query_field(name: &str, fields: &[&str]) -> Said {
    let fields = fields.join(" ");
    Said::new(format!("unknown field {name}: — fields: {fields}"), format!("champ inconnu {name}: — champs : {fields}"))
}

/// The same on the command line, the fields listed with commas, as code.
pub fn unknown_query_field_listed(name: &str, fields: &[&str]) -> Said {
    let fields = fields.iter().map(|f| format!("`{f}`")).collect::<Vec<_>>().join(", ");
    Said::by(|lang| match lang {
        Lang::En => format!("unknown field {} (fields: {fields})", q(lang, &format!("{name}:"))),
        Lang::Fr => format!("champ inconnu {} (champs : {fields})", q(lang, &format!("{name}:"))),
    })
}

/// More free words than a search takes.
pub fn too_many_words(max: usize) -> Said {
    Said::new(
        format!("only the first {max} words are searched"),
        format!("seuls les {max} premiers mots sont cherchés"),
    )
}

/// Above results that lack some of the query's words, none having them all: `shown` entries
/// have `have` of its `of` words. `elsewhere`: entries outside the facet panel's selections
/// have every word, so only the selection lacks them.
pub fn partial_words(shown: usize, have: u32, of: u32, elsewhere: bool) -> Said {
    let (none_en, none_fr) = if elsewhere {
        ("No entry in this selection has every word", "Aucune fiche de cette sélection n’a tous les mots")
    } else {
        ("No entry has every word", "Aucune fiche n’a tous les mots")
    };
    Said::new(
        match shown {
            1 => format!("{none_en}; 1 has {have} of {of} words"),
            _ => format!("{none_en}; {shown} have {have} of {of} words"),
        },
        match shown {
            0 | 1 => format!("{none_fr} ; {shown} en a {have} sur {of}"),
            _ => format!("{none_fr} ; {shown} en ont {have} sur {of}"),
        },
    )
}

/// " — did you mean "a", "b"?" after a name that names nothing; empty without suggestions.
fn suggested(lang: Lang, suggestions: &[&str]) -> String {
    did_you_mean(suggestions).map(|s| format!(" — {}", s.get(lang))).unwrap_or_default()
}

/// A filter value that names nothing: `unknown region "FRE121" — did you mean "FRE12"?`.
/// `shown` is the value as typed, already made safe to print.
pub fn unknown_value(facet: Facet, shown: &str, suggestions: &[&str]) -> Said {
    let noun = facet_noun(facet);
    Said::by(|lang| {
        format!("{} {}{}", noun.with(lang, "unknown", "inconnu"), q(lang, shown), suggested(lang, suggestions))
    })
}

/// The known values, when none is close to what was typed: the first few of a long list.
pub fn known_values(first: &[&str], all: usize) -> Said {
    Said::by(|lang| {
        let more = match (first.len() < all, lang) {
            (false, _) => String::new(),
            (true, Lang::En) => format!(", … ({all} in all)"),
            (true, Lang::Fr) => format!(", … ({all} en tout)"),
        };
        match lang {
            Lang::En => format!("known: {}{more}", first.join(", ")),
            Lang::Fr => format!("valeurs connues : {}{more}", first.join(", ")),
        }
    })
}

/// An entry id that names nothing, with the closest ids or, failing any, where to find them.
/// The entry shown was removed by a reload: its title (`title` in the reader's language, as the
/// entry had it) and its file.
pub fn entry_removed(title: &str, file: &str) -> Said {
    Said::by(|lang| match lang {
        Lang::En => format!("⚠ {} was removed from the catalogue ({file})", q(lang, title)),
        Lang::Fr => format!("⚠ {} a été retirée du catalogue ({file})", q(lang, title)),
    })
}

pub fn unknown_entry(shown: &str, suggestions: &[&str]) -> Said {
    Said::by(|lang| {
        let hint = match (lang, suggestions.is_empty()) {
            (_, false) => suggested(lang, suggestions),
            (Lang::En, true) => " (`boucle list` shows every id)".to_string(),
            (Lang::Fr, true) => " (`boucle list` donne tous les identifiants)".to_string(),
        };
        match lang {
            Lang::En => format!("unknown entry id {}{hint}", q(lang, shown)),
            Lang::Fr => format!("identifiant de fiche inconnu {}{hint}", q(lang, shown)),
        }
    })
}

/// Said when typed or pasted text passed the most a text box holds (the query, a note, a file
/// name): what fitted is in the box, the rest was dropped.
pub fn input_cut(lang: Lang, cap: usize) -> String {
    match lang {
        Lang::En => format!("Cut at {cap} characters: the most this box holds."),
        Lang::Fr => format!("Coupé à {cap} caractères : le plus que ce champ accepte."),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unknown_values_agree_with_their_facet() {
        let region = unknown_value(Facet::Region, "FRE121", &["FRE12"]);
        assert_eq!(region.get(Lang::Fr), "région inconnue « FRE121 » — vouliez-vous dire « FRE12 » ?");
        assert_eq!(region.get(Lang::En), "unknown region \"FRE121\" — did you mean \"FRE12\"?");
        assert_eq!(unknown_value(Facet::Material, "x", &[]).get(Lang::Fr), "matériau inconnu « x »");
    }
}
