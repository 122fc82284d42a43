//! What `check`, `list` and the problems panel say about a catalogue, in both languages.
//!
//! A problem is found once, while loading, before anyone knows who will read it (a French
//! dashboard, an English CI log, both over SSH): each message is built in both languages at
//! once, as a [`Said`], and the reader's language picks one. French puts a space before `:`,
//! `?` and `;`, and quotes ids with « ».

use super::said::{Named, quoted as q};
use super::{Said, kind_name};
use crate::model::{Kind, VocabularyKind};
use crate::text::Lang;

mod curating;
mod files;
mod folders;
mod places;
mod schema;
mod syntax;
mod values;

pub use curating::*;
pub use files::*;
pub use folders::*;
pub use places::*;
pub use schema::*;
pub use syntax::*;
pub use values::*;

/// "did you mean "a", "b"?", « vouliez-vous dire « a », « b » ? », for ids or words close to
/// one that names nothing; `None` without candidates. The one place this question is worded.
pub fn did_you_mean(candidates: &[&str]) -> Option<Said> {
    (!candidates.is_empty()).then(|| {
        Said::by(|lang| {
            let listed: Vec<String> = candidates.iter().map(|c| q(lang, c)).collect();
            match lang {
                Lang::En => format!("did you mean {}?", listed.join(", ")),
                Lang::Fr => format!("vouliez-vous dire {} ?", listed.join(", ")),
            }
        })
    })
}

pub fn ids_are(ids: &str) -> Said {
    Said::new(format!("the ids are {ids}"), format!("les ids sont {ids}"))
}

/// A term of a vocabulary as messages name it, with its French gender.
pub fn vocabulary_noun(kind: VocabularyKind) -> Named {
    match kind {
        VocabularyKind::Region => Named::feminine("region", "région"),
        VocabularyKind::Material => Named::masculine("material", "matériau"),
        VocabularyKind::Theme => Named::masculine("ESG theme", "thème ESG"),
        VocabularyKind::Stage => Named::feminine("value-chain stage", "étape de la chaîne de valeur"),
        VocabularyKind::OrganisationType => Named::masculine("organisation type", "type d’organisation"),
    }
}

pub fn unknown_term(kind: VocabularyKind, id: &str) -> Said {
    Said::by(|lang| format!("{} {}", vocabulary_noun(kind).with(lang, "unknown", "inconnu"), q(lang, id)))
}

/// A vocabulary id written in another case than the vocabulary's (`e5` for `E5`).
pub fn term_in_other_case(kind: VocabularyKind, written: &str, canonical: &str) -> Said {
    let (written, canonical) = (written.to_string(), canonical.to_string());
    Said::by(|lang| {
        let term = vocabulary_noun(kind).get(lang);
        match lang {
            Lang::En => format!("{term} {} is written {} in the vocabulary", q(lang, &written), q(lang, &canonical)),
            Lang::Fr => format!("{term} {} s’écrit {} dans le vocabulaire", q(lang, &written), q(lang, &canonical)),
        }
    })
}

/// An id an entry uses that the vocabulary file which would define it cannot say, being
/// unreadable: folded under that file's syntax error.
pub fn term_of_unread(kind: VocabularyKind, id: &str, file: &str) -> Said {
    Said::by(|lang| {
        let term = format!("{} {}", vocabulary_noun(kind).with(lang, "unchecked", "non vérifié"), q(lang, id));
        match lang {
            Lang::En => format!("{term}: {file}, which would define it, has a syntax error"),
            Lang::Fr => format!("{term} : {file}, qui le définirait, a une erreur de syntaxe"),
        }
    })
}

/// Where the ids of a vocabulary come from: its files, one or the other.
pub fn an_id_from(files: &[String], bundled: bool) -> Said {
    let files = Said::new(files.join(" or "), files.join(" ou "));
    let (files_en, files_fr) = (files.get(Lang::En), files.get(Lang::Fr));
    match bundled {
        false => Said::new(format!("an id from {files_en}"), format!("un id de {files_fr}")),
        true => Said::new(
            format!(
                "an id from {files_en} (the bundled vocabulary, used because this catalogue has no vocabularies/ folder)"
            ),
            format!(
                "un id de {files_fr} (le vocabulaire intégré, utilisé car ce catalogue n’a pas de dossier vocabularies/)"
            ),
        ),
    }
}

/// An entry of this kind, with its article: "a good practice", « une bonne pratique ».
pub fn a_kind(lang: Lang, kind: Kind) -> String {
    let article = match (lang, kind) {
        (Lang::En, Kind::Event | Kind::Organisation) => "an",
        (Lang::En, _) => "a",
        (Lang::Fr, Kind::GoodPractice | Kind::SiteVisit | Kind::Organisation) => "une",
        (Lang::Fr, Kind::Event | Kind::Tour) => "un",
    };
    format!("{article} {}", kind_name(lang, kind))
}

pub fn unknown_organisation(id: &str) -> Said {
    Said::by(|lang| match lang {
        Lang::En => format!("unknown organisation {}", q(lang, id)),
        Lang::Fr => format!("organisation inconnue {}", q(lang, id)),
    })
}

pub fn not_an_organisation(id: &str, kind: Kind) -> Said {
    Said::by(|lang| match lang {
        Lang::En => format!("{} is {}, not an organisation", q(lang, id), a_kind(lang, kind)),
        Lang::Fr => format!("{} est {}, pas une organisation", q(lang, id), a_kind(lang, kind)),
    })
}

pub fn an_organisation_id() -> Said {
    Said::new("the id of a file in organisations/", "l’id d’un fichier de organisations/")
}

pub fn broken_reference(id: &str) -> Said {
    Said::by(|lang| match lang {
        Lang::En => format!("broken reference: no entry has the id {}", q(lang, id)),
        Lang::Fr => format!("référence cassée : aucune fiche n’a l’id {}", q(lang, id)),
    })
}

pub fn an_entry_id() -> Said {
    Said::new("the id (file name) of an entry", "l’id (nom de fichier) d’une fiche")
}

pub fn another_entry_id() -> Said {
    Said::new("the id of another entry", "l’id d’une autre fiche")
}

pub fn not_a_programme(id: &str) -> Said {
    Said::by(|lang| match lang {
        Lang::En => format!("{} is not an event or a tour", q(lang, id)),
        Lang::Fr => format!("{} n’est ni un événement ni un parcours", q(lang, id)),
    })
}

pub fn a_programme_id() -> Said {
    Said::new("the id of an event or a tour", "l’id d’un événement ou d’un parcours")
}

pub fn not_related_to_itself() -> Said {
    Said::new("an entry is not related to itself", "une fiche n’est pas liée à elle-même")
}

pub fn stop_is_the_tour() -> Said {
    Said::new("a stop of this tour is the tour itself", "une étape de ce parcours est le parcours lui-même")
}

pub fn own_programme() -> Said {
    Said::new("`programme` refers to this entry itself", "`programme` désigne cette fiche elle-même")
}

pub fn listed_twice(id: &str, field: &str) -> Said {
    Said::by(|lang| match lang {
        Lang::En => format!("{} is listed twice in `{field}`", q(lang, id)),
        Lang::Fr => format!("{} figure deux fois dans `{field}`", q(lang, id)),
    })
}

pub fn remove_the_repeat() -> Said {
    Said::new("remove the repeat", "retirez la répétition")
}

pub fn refers_to_unloaded(id: &str, file: &str) -> Said {
    Said::by(|lang| match lang {
        Lang::En => format!("refers to {}, whose file did not load: see the error in {file}", q(lang, id)),
        Lang::Fr => format!("désigne {}, dont le fichier n’a pas été chargé : voir l’erreur dans {file}", q(lang, id)),
    })
}

/// "and 264 uses of its terms", under the syntax error of a vocabulary file.
pub fn unchecked_uses(n: usize) -> Said {
    match n {
        1 => Said::new(
            "and 1 use of a term it would define, unchecked until it reads",
            "et 1 emploi d’un terme qu’il définirait, non vérifié tant qu’il ne se lit pas",
        ),
        n => Said::new(
            format!("and {n} uses of terms it would define, unchecked until it reads"),
            format!("et {n} emplois de termes qu’il définirait, non vérifiés tant qu’il ne se lit pas"),
        ),
    }
}

pub fn follow_ons(n: usize) -> Said {
    match n {
        1 => Said::new("and 1 reference to it", "et 1 référence à celle-ci"),
        n => Said::new(format!("and {n} references to it"), format!("et {n} références à celle-ci")),
    }
}

pub fn duplicate_id(id: &str, first: &str) -> Said {
    Said::by(|lang| match lang {
        Lang::En => format!("duplicate id {}: {first} has the same file name", q(lang, id)),
        Lang::Fr => format!("id en double {} : {first} a le même nom de fichier", q(lang, id)),
    })
}

pub fn rename_one() -> Said {
    Said::new(
        "rename one of the files; ids are unique across all kinds",
        "renommez l’un des fichiers ; les ids sont uniques, tous types confondus",
    )
}

pub fn empty_text(field: &str) -> Said {
    Said::new(format!("the {field} is empty"), format!("le champ `{field}` est vide"))
}

pub fn no_source() -> Said {
    Said::new(
        "no sources: readers cannot check what this entry states",
        "aucune source : les lecteurs ne peuvent pas vérifier ce que dit cette fiche",
    )
}

pub fn add_sources() -> Said {
    Said::new(
        "add `sources: [(title: \"…\", url: \"https://…\")]`",
        "ajoutez `sources: [(title: \"…\", url: \"https://…\")]`",
    )
}

pub fn tour_needs_stops() -> Said {
    Said::new("a tour needs stops", "un parcours a besoin d’étapes")
}

/// A stop's day before or after its tour's `dates` (`2025-07-29 → 2025-07-30`, or one day).
pub fn stop_day_outside(day: &str, dates: &str) -> Said {
    Said::new(
        format!("stop day {day} is outside the tour's dates ({dates})"),
        format!("le jour d’étape {day} est en dehors des dates du parcours ({dates})"),
    )
}

/// A stop's day after the tour's end, when its start is unknown (not a date).
pub fn stop_day_after_end(day: &str, end: &str) -> Said {
    Said::new(
        format!("stop day {day} is after the tour's end ({end})"),
        format!("le jour d’étape {day} est après la fin du parcours ({end})"),
    )
}

pub fn end_before_start(end: &str, start: &str) -> Said {
    Said::new(format!("`end` {end} is before `start` {start}"), format!("`end` {end} est avant `start` {start}"))
}

pub fn give_an_end_after() -> Said {
    Said::new(
        "give an `end` on or after `start` (were the two swapped?), or leave `end` out",
        "donnez un `end` égal ou postérieur à `start` (les deux sont-ils inversés ?), ou retirez `end`",
    )
}

pub fn give_a_day_within() -> Said {
    Said::new(
        "give a day between the tour's `start` and `end`, or leave `day` out",
        "donnez un jour entre le `start` et le `end` du parcours, ou retirez `day`",
    )
}

/// A stop's `time` that is no time of day (`"25:99"`).
pub fn impossible_time(time: &str) -> Said {
    Said::new(
        format!("`time` \"{time}\" is not a time of day: hours run 0–23 and minutes 0–59, written HH:MM"),
        format!("`time` « {time} » n’est pas une heure : de 0 à 23 heures et de 0 à 59 minutes, écrite HH:MM"),
    )
}

pub fn write_a_time() -> Said {
    Said::new(
        "write the time as \"09:30\", or in words for each language: (fr: \"matin\", en: \"morning\")",
        "écrivez l’heure « 09:30 », ou en toutes lettres dans chaque langue : (fr: \"matin\", en: \"morning\")",
    )
}

pub fn not_filled_in(field: &str) -> Said {
    Said::new(format!("`{field}` is not filled in"), format!("`{field}` n’est pas rempli"))
}

pub fn write_it(field: &str) -> Said {
    Said::new(
        format!("write the {field}: every entry needs a title and a one-line summary"),
        format!("écrivez le champ `{field}` : toute fiche a un titre et un résumé d’une ligne"),
    )
}

/// `check --review-age`: an entry checked more than `days` days ago.
pub fn review_too_old(checked: &str, days: u32) -> Said {
    Said::new(
        format!("last checked on {checked}, more than {days} days ago"),
        format!("vérifiée pour la dernière fois le {checked}, il y a plus de {days} jours"),
    )
}

pub fn check_it_again() -> Said {
    Said::new(
        "check it against its sources again, then update `checked:`",
        "revérifiez-la avec ses sources, puis mettez `checked:` à jour",
    )
}

// Vocabularies.

pub fn defined_twice(id: &str) -> Said {
    Said::by(|lang| match lang {
        Lang::En => format!("{} is defined twice in this vocabulary", q(lang, id)),
        Lang::Fr => format!("{} est défini deux fois dans ce vocabulaire", q(lang, id)),
    })
}

pub fn unknown_parent(id: &str) -> Said {
    Said::by(|lang| match lang {
        Lang::En => format!("unknown parent {}", q(lang, id)),
        Lang::Fr => format!("parent inconnu {}", q(lang, id)),
    })
}

pub fn another_term_id() -> Said {
    Said::new("the id of another term of this vocabulary", "l’id d’un autre terme de ce vocabulaire")
}

pub fn own_parent() -> Said {
    Said::new("a term is its own parent", "un terme est son propre parent")
}

pub fn parent_cycle(id: &str, cycle: &str) -> Said {
    Said::by(|lang| match lang {
        Lang::En => format!("the parents of {} make a cycle: {cycle}", q(lang, id)),
        Lang::Fr => format!("les parents de {} forment un cycle : {cycle}", q(lang, id)),
    })
}

pub fn break_the_cycle() -> Said {
    Said::new(
        "a term's parent is a broader term; remove one of these parents",
        "le parent d’un terme est un terme plus large ; retirez l’un de ces parents",
    )
}

pub fn off_the_globe(lat: f64, lon: f64, id: &str) -> Said {
    Said::by(|lang| match lang {
        Lang::En => format!("coordinates ({lat}, {lon}) of {} are not on the globe", q(lang, id)),
        Lang::Fr => format!("les coordonnées ({lat}, {lon}) de {} ne sont pas sur le globe", q(lang, id)),
    })
}

/// An entry's coordinates that no place has: (95, 2.64), (NaN, inf).
pub fn not_on_the_globe(lat: f64, lon: f64) -> Said {
    Said::by(|lang| match lang {
        Lang::En => format!("coordinates ({lat}, {lon}) are not on the globe: the entry is not placed on the map"),
        Lang::Fr => {
            format!("les coordonnées ({lat}, {lon}) ne sont pas sur le globe : la fiche n’est pas placée sur la carte")
        }
    })
}

pub fn on_the_globe() -> Said {
    Said::new(
        "(latitude between -90 and 90, longitude between -180 and 180)",
        "(latitude entre -90 et 90, longitude entre -180 et 180)",
    )
}

/// A term defined again, differently, by a later folder of a merged catalogue.
pub fn conflicting_term(kind: VocabularyKind, id: &str, earlier: &str) -> Said {
    let noun = vocabulary_noun(kind);
    Said::by(|lang| match lang {
        Lang::En => format!(
            "{} {} is already defined differently in {earlier}; the first definition is used",
            noun.en,
            q(lang, id)
        ),
        Lang::Fr => format!(
            "{} {} est déjà {} autrement dans {earlier} ; la première définition est retenue",
            noun.fr,
            q(lang, id),
            noun.agree("défini")
        ),
    })
}

/// "3 good practices", "3 bonnes pratiques".
pub fn kind_count(lang: Lang, kind: Kind, n: usize) -> String {
    let one = kind_name(lang, kind);
    let singular = match lang {
        Lang::En => n == 1,
        Lang::Fr => n <= 1,
    };
    let word = match (singular, lang, kind) {
        (true, _, _) => one.to_string(),
        (false, Lang::Fr, Kind::GoodPractice) => "bonnes pratiques".to_string(),
        (false, Lang::Fr, Kind::SiteVisit) => "visites de site".to_string(),
        (false, _, Kind::Tour) if lang == Lang::Fr => one.to_string(),
        (false, _, _) => format!("{one}s"),
    };
    format!("{n} {word}")
}

/// The summary of a check: "2 errors, 1 warning" is `super::problem_counts`.
pub fn checked(lang: Lang, files: usize, catalogue: &str, kinds: &str, verdict: &str) -> String {
    match lang {
        Lang::En => {
            format!("checked {files} {} of {catalogue}: {kinds} — {verdict}", if files == 1 { "file" } else { "files" })
        }
        Lang::Fr => format!(
            "{files} {} vérifié{} dans {catalogue} : {kinds} — {verdict}",
            if files <= 1 { "fichier" } else { "fichiers" },
            if files <= 1 { "" } else { "s" }
        ),
    }
}

pub fn the_bundled_catalogue(lang: Lang) -> &'static str {
    match lang {
        Lang::En => "the bundled catalogue",
        Lang::Fr => "le catalogue intégré",
    }
}

/// The words around a rendered problem: `expected …` (`attendu : …`).
pub fn expected_word(lang: Lang) -> &'static str {
    match lang {
        Lang::En => "expected",
        Lang::Fr => "attendu :",
    }
}

/// What a problem is, as its rendering heads it (`error[code]`).
pub fn severity_word(lang: Lang, error: bool) -> &'static str {
    match (lang, error) {
        (Lang::En, true) => "error",
        (Lang::En, false) => "warning",
        (Lang::Fr, true) => "erreur",
        (Lang::Fr, false) => "avertissement",
    }
}

/// Where a problem without a line to quote is: `in FILE`, or `at FILE:LINE:COLUMN`.
pub fn place_note(lang: Lang, file: &str, at: Option<(usize, usize)>) -> String {
    match (lang, at) {
        (Lang::En, None) => format!("in {file}"),
        (Lang::En, Some((line, column))) => format!("at {file}:{line}:{column}"),
        (Lang::Fr, None) => format!("dans {file}"),
        (Lang::Fr, Some((line, column))) => format!("à {file}:{line}:{column}"),
    }
}

pub fn help_word(lang: Lang) -> &'static str {
    match lang {
        Lang::En => "help:",
        Lang::Fr => "aide :",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unknown_terms_agree_with_their_noun() {
        assert_eq!(unknown_term(VocabularyKind::Region, "FRE121").get(Lang::Fr), "région inconnue « FRE121 »");
        assert_eq!(
            unknown_term(VocabularyKind::Stage, "x").get(Lang::Fr),
            "étape de la chaîne de valeur inconnue « x »"
        );
        assert_eq!(unknown_term(VocabularyKind::Material, "x").get(Lang::Fr), "matériau inconnu « x »");
        assert_eq!(unknown_term(VocabularyKind::Region, "FRE121").get(Lang::En), "unknown region \"FRE121\"");
    }

    #[test]
    fn one_question_for_every_suggestion() {
        assert_eq!(did_you_mean(&["a"]).unwrap().get(Lang::En), "did you mean \"a\"?");
        assert_eq!(did_you_mean(&["a", "b"]).unwrap().get(Lang::Fr), "vouliez-vous dire « a », « b » ?");
        assert_eq!(did_you_mean(&[]), None);
    }
}
