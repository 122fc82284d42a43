//! What `check`, `list` and the problems panel say about a catalogue, in both languages.
//!
//! A problem is found once, while loading, before anyone knows who will read it (a French
//! dashboard, an English CI log, both over SSH): each message is built in both languages at
//! once, as a [`Said`], and the reader's language picks one. French puts a space before `:`,
//! `?` and `;`, and quotes ids with « ».

use crate::text::Lang;

mod curating;
mod folders;
mod places;
mod syntax;

pub use curating::*;
pub use folders::*;
pub use places::*;
pub use syntax::*;

/// One message in both languages.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct Said {
    pub en: String,
    pub fr: String,
}

impl Said {
    pub fn new(en: impl Into<String>, fr: impl Into<String>) -> Said {
        Said { en: en.into(), fr: fr.into() }
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
}

/// Text that has no French form yet (a parser's own words) reads the same in both.
impl From<String> for Said {
    fn from(text: String) -> Said {
        Said { fr: text.clone(), en: text }
    }
}

impl From<&str> for Said {
    fn from(text: &str) -> Said {
        Said::from(text.to_string())
    }
}

impl From<&String> for Said {
    fn from(text: &String) -> Said {
        Said::from(text.clone())
    }
}

/// `"x"` in English, `« x »` in French.
fn q(lang: Lang, text: &str) -> String {
    match lang {
        Lang::En => format!("\"{text}\""),
        Lang::Fr => format!("« {text} »"),
    }
}

fn both(f: impl Fn(Lang) -> String) -> Said {
    Said { en: f(Lang::En), fr: f(Lang::Fr) }
}

pub fn did_you_mean(candidate: &str) -> Said {
    Said::new(format!("did you mean \"{candidate}\"?"), format!("vouliez-vous dire « {candidate} » ?"))
}

pub fn ids_are(ids: &str) -> Said {
    Said::new(format!("the ids are {ids}"), format!("les ids sont {ids}"))
}

/// The noun of a vocabulary, by the name of its file.
pub fn vocabulary_noun(lang: Lang, file_stem: &str) -> &'static str {
    match (lang, file_stem) {
        (Lang::En, "regions") => "region",
        (Lang::En, "materials") => "material",
        (Lang::En, "themes") => "ESG theme",
        (Lang::En, "stages") => "value-chain stage",
        (Lang::En, _) => "organisation type",
        (Lang::Fr, "regions") => "région",
        (Lang::Fr, "materials") => "matériau",
        (Lang::Fr, "themes") => "thème ESG",
        (Lang::Fr, "stages") => "étape de la chaîne de valeur",
        (Lang::Fr, _) => "type d’organisation",
    }
}

pub fn unknown_term(file_stem: &str, id: &str) -> Said {
    both(|lang| match lang {
        Lang::En => format!("unknown {} {}", vocabulary_noun(lang, file_stem), q(lang, id)),
        Lang::Fr => format!("{} inconnu {}", vocabulary_noun(lang, file_stem), q(lang, id)),
    })
}

pub fn an_id_from(files: &str, bundled: bool) -> Said {
    match bundled {
        false => Said::new(format!("an id from {files}"), format!("un id de {files}")),
        true => Said::new(
            format!(
                "an id from {files} (the bundled vocabulary, used because this catalogue has no vocabularies/ folder)"
            ),
            format!(
                "un id de {files} (le vocabulaire intégré, utilisé car ce catalogue n’a pas de dossier vocabularies/)"
            ),
        ),
    }
}

pub fn unknown_organisation(id: &str) -> Said {
    both(|lang| match lang {
        Lang::En => format!("unknown organisation {}", q(lang, id)),
        Lang::Fr => format!("organisation inconnue {}", q(lang, id)),
    })
}

pub fn not_an_organisation(id: &str, kind: &str) -> Said {
    both(|lang| match lang {
        Lang::En => format!("{} is a {kind}, not an organisation", q(lang, id)),
        Lang::Fr => format!("{} est de type {kind}, pas une organisation", q(lang, id)),
    })
}

pub fn an_organisation_id() -> Said {
    Said::new("the id of a file in organisations/", "l’id d’un fichier de organisations/")
}

pub fn broken_reference(id: &str) -> Said {
    both(|lang| match lang {
        Lang::En => format!("broken reference: no entry has the id {}", q(lang, id)),
        Lang::Fr => format!("référence cassée : aucune fiche n’a l’id {}", q(lang, id)),
    })
}

pub fn an_entry_id() -> Said {
    Said::new("the id (file name) of an entry", "l’id (nom de fichier) d’une fiche")
}

pub fn not_a_programme(id: &str) -> Said {
    both(|lang| match lang {
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
    both(|lang| match lang {
        Lang::En => format!("{} is listed twice in `{field}`", q(lang, id)),
        Lang::Fr => format!("{} figure deux fois dans `{field}`", q(lang, id)),
    })
}

pub fn remove_the_repeat() -> Said {
    Said::new("remove the repeat", "retirez la répétition")
}

pub fn refers_to_unloaded(id: &str, file: &str) -> Said {
    both(|lang| match lang {
        Lang::En => format!("refers to {}, whose file did not load: see the error in {file}", q(lang, id)),
        Lang::Fr => format!("désigne {}, dont le fichier n’a pas été chargé : voir l’erreur dans {file}", q(lang, id)),
    })
}

pub fn follow_ons(n: usize) -> Said {
    match n {
        1 => Said::new("and 1 reference to it", "et 1 référence à celle-ci"),
        n => Said::new(format!("and {n} references to it"), format!("et {n} références à celle-ci")),
    }
}

pub fn duplicate_id(id: &str, first: &str) -> Said {
    both(|lang| match lang {
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

pub fn unknown_field(field: &str, within: &str) -> Said {
    Said::new(format!("unknown field `{field}` in `{within}`"), format!("champ inconnu `{field}` dans `{within}`"))
}

pub fn one_of(list: &str) -> Said {
    Said::new(format!("one of {list}"), format!("l’un de {list}"))
}

pub fn given_twice(field: &str) -> Said {
    Said::new(format!("field `{field}` is given twice"), format!("le champ `{field}` est donné deux fois"))
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

pub fn add_field(field: &str) -> Said {
    Said::new(
        format!("add `{field}: …` before the closing parenthesis"),
        format!("ajoutez `{field}: …` avant la parenthèse fermante"),
    )
}

pub fn unknown_value(word: &str, field: &str) -> Said {
    Said::new(format!("unknown value `{word}` for `{field}`"), format!("valeur inconnue `{word}` pour `{field}`"))
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

/// "3 good practices", "3 bonnes pratiques".
pub fn kind_count(lang: Lang, kind: crate::model::Kind, n: usize) -> String {
    use crate::model::Kind;
    let one = super::kind_name(lang, kind);
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

/// The words around a rendered problem.
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

pub fn not_filled_in(field: &str) -> Said {
    Said::new(format!("`{field}` is not filled in"), format!("`{field}` n’est pas rempli"))
}

pub fn write_it(field: &str) -> Said {
    Said::new(
        format!("write the {field}: every entry needs a title and a one-line summary"),
        format!("écrivez le champ `{field}` : toute fiche a un titre et un résumé d’une ligne"),
    )
}
