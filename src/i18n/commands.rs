//! What the command line says besides catalogue problems: its commands' errors and reports, in
//! both languages.

use super::Said;
use super::said::quoted as q;
use crate::text::Lang;

/// `--theme` naming no theme: the themes there are (the one list of themes), and the nearest
/// if one is near.
pub fn unknown_theme(text: &str, themes: &str, nearest: Option<&str>) -> Said {
    let said = Said::by(|lang| match lang {
        Lang::En => format!("unknown theme {}: use one of {themes}", q(lang, text)),
        Lang::Fr => format!("thème inconnu {} : utilisez l’un de {themes}", q(lang, text)),
    });
    match nearest.and_then(|n| super::did_you_mean(&[n])) {
        Some(hint) => Said::by(|lang| format!("{} ({})", said.get(lang), hint.get(lang))),
        None => said,
    }
}

pub fn unknown_language(text: &str) -> Said {
    Said::by(|lang| match lang {
        Lang::En => format!("unknown language {}: use fr or en", q(lang, text)),
        Lang::Fr => format!("langue inconnue {} : utilisez fr ou en", q(lang, text)),
    })
}

pub fn table_too_narrow(width: usize) -> Said {
    Said::new(
        format!("a table needs at least 20 columns, not {width}"),
        format!("un tableau a besoin d’au moins 20 colonnes, pas {width}"),
    )
}

pub fn not_a_width(text: &str) -> Said {
    Said::by(|lang| match lang {
        Lang::En => format!("{} is not a number of columns", q(lang, text)),
        Lang::Fr => format!("{} n’est pas un nombre de colonnes", q(lang, text)),
    })
}

pub fn not_a_year(text: &str) -> Said {
    Said::by(|lang| match lang {
        Lang::En => format!("{} is not a year", q(lang, text)),
        Lang::Fr => format!("{} n’est pas une année", q(lang, text)),
    })
}

pub fn reversed_range(from: i32, to: i32) -> Said {
    Said::new(
        format!("the range {from}..{to} is reversed: write {to}..{from}"),
        format!("l’intervalle {from}..{to} est à l’envers : écrivez {to}..{from}"),
    )
}

/// Some files of the catalogue did not load; the command goes on with the others.
pub fn catalogue_has_errors(lang: Lang, counts: &str) -> String {
    match lang {
        Lang::En => format!("the catalogue has {counts}; `boucle check` lists them. Showing the entries that loaded."),
        Lang::Fr => format!("le catalogue a {counts} ; `boucle check` les détaille. Voici les fiches chargées."),
    }
}

/// No file of the catalogue gave an entry: nothing to show or serve.
pub fn nothing_loaded() -> Said {
    Said::new(
        "no entry could be loaded; `boucle check` lists every problem",
        "aucune fiche n’a pu être chargée ; `boucle check` donne chaque problème",
    )
}

/// The curator's editor ended with a failure: its exit code, else the signal that stopped it.
pub fn editor_exited(program: &str, code: Option<i32>, signal: Option<i32>) -> Said {
    match (code, signal) {
        (Some(code), _) => {
            Said::new(format!("{program}: exit status: {code}"), format!("{program} : code de sortie {code}"))
        }
        (None, Some(signal)) => Said::new(
            format!("{program}: stopped by signal: {signal}"),
            format!("{program} : arrêté par le signal {signal}"),
        ),
        (None, None) => {
            Said::new(format!("{program}: stopped by a signal"), format!("{program} : arrêté par un signal"))
        }
    }
}

/// The dashboard was started without a terminal (standard input or output redirected).
pub fn dashboard_needs_a_terminal() -> Said {
    Said::new(
        "the dashboard needs a terminal. To print entries instead, use `boucle list` (see `boucle list --help`).",
        "le tableau de bord a besoin d’un terminal. Pour afficher des fiches, utilisez `boucle list` (voir `boucle list --help`).",
    )
}

/// `TERM=dumb`: the full-screen dashboard cannot be drawn there.
pub fn terminal_is_dumb() -> Said {
    Said::new(
        "this terminal (TERM=dumb) cannot show the dashboard. Use `boucle list` and `boucle show ID` to print entries, or `--screen-reader` for the dashboard in plain lines; if the terminal can draw, set TERM to its type (such as TERM=xterm-256color).",
        "ce terminal (TERM=dumb) ne peut pas afficher le tableau de bord. Utilisez `boucle list` et `boucle show ID` pour afficher des fiches, ou `--screen-reader` pour le tableau de bord en lignes simples ; si le terminal sait dessiner, donnez à TERM son type (par exemple TERM=xterm-256color).",
    )
}

/// The folder watcher of live reload could not start (`why`: the system's account, in English).
pub fn cannot_watch(why: &str) -> Said {
    Said::new(
        format!("cannot watch the catalogue folders ({why}); try --poll"),
        "impossible de surveiller les dossiers du catalogue ; essayez --poll",
    )
}

/// A thread could not be started (the system is out of them).
pub fn no_thread_for(what: &str) -> Said {
    Said::new(format!("could not start the {what} thread"), format!("impossible de lancer le fil « {what} »"))
}

// `export`.

pub fn no_data_folder_for_shortlist() -> Said {
    Said::new(
        "no user data folder is known here: name the file, --shortlist FILE",
        "aucun dossier de données utilisateur n’est connu ici : nommez le fichier, --shortlist FICHIER",
    )
}

pub fn filters_choose_a_list() -> Said {
    Said::new(
        "filters and --query choose the entries of a list: give them without --shortlist, --tour or --entry",
        "les filtres et --query choisissent les fiches d’une liste : donnez-les sans --shortlist, --tour ni --entry",
    )
}

/// `--excel` shapes a CSV file for Excel: another format has nothing to shape.
pub fn excel_needs_csv() -> Said {
    Said::new("--excel is for --format csv", "--excel s’emploie avec --format csv")
}

pub fn shortlist_empty(path: &str) -> Said {
    Said::new(
        format!("the shortlist {path} is empty or does not exist yet: mark entries with m in the dashboard"),
        format!(
            "la sélection {path} est vide ou n’existe pas encore : marquez des fiches avec m dans le tableau de bord"
        ),
    )
}

pub fn shortlist_cannot_be_read(path: &str, why: &Said) -> Said {
    Said::by(|lang| match lang {
        Lang::En => format!("the shortlist {path} cannot be read: {}", why.get(lang)),
        Lang::Fr => format!("la sélection {path} est illisible : {}", why.get(lang)),
    })
}

pub fn not_a_tour(shown: &str, tours: &str) -> Said {
    Said::by(|lang| match lang {
        Lang::En => format!("{} is not a tour; the tours are: {tours}", q(lang, shown)),
        Lang::Fr => format!("{} n’est pas un parcours ; les parcours sont : {tours}", q(lang, shown)),
    })
}

// `present`.

pub fn no_such_tour(tour: &str, tours: &[&str]) -> Said {
    Said::by(|lang| {
        let known = match (tours.is_empty(), lang) {
            (true, Lang::En) => "none".to_string(),
            (true, Lang::Fr) => "aucun".to_string(),
            (false, _) => tours.join(", "),
        };
        match lang {
            Lang::En => format!("no tour {} in the catalogue (tours: {known})", q(lang, tour)),
            Lang::Fr => format!("aucun parcours {} dans le catalogue (parcours : {known})", q(lang, tour)),
        }
    })
}

/// `present` on a tour none of whose stops names an entry that loads.
pub fn tour_without_stops(tour: &str) -> Said {
    Said::by(|lang| match lang {
        Lang::En => format!(
            "tour {} has no stop to present: none of its stops names an entry that loads (boucle check says why)",
            q(lang, tour)
        ),
        Lang::Fr => format!(
            "le parcours {} n’a aucune étape à présenter : aucune de ses étapes ne nomme une fiche qui se charge (boucle check dit pourquoi)",
            q(lang, tour)
        ),
    })
}

/// `present --query …` (or filters) on a selection with no entry: nothing to show, said before
/// the screen is taken, as for a tour with no stop.
pub fn nothing_to_present(query: &str) -> Said {
    let query = crate::text::visible::line(query);
    Said::by(|lang| {
        match (lang, query.trim().is_empty()) {
        (Lang::En, false) => format!(
            "no entry matches {} and the filters given: nothing to present (boucle list shows what a query finds)",
            q(lang, &query)
        ),
        (Lang::Fr, false) => format!(
            "aucune fiche ne répond à {} et aux filtres donnés : rien à présenter (boucle list montre ce qu’une recherche trouve)",
            q(lang, &query)
        ),
        (Lang::En, true) => {
            "no entry matches the filters given: nothing to present (boucle list shows what filters select)".into()
        }
        (Lang::Fr, true) => {
            "aucune fiche ne répond aux filtres donnés : rien à présenter (boucle list montre ce que des filtres retiennent)"
                .into()
        }
    }
    })
}

/// What `present` was given begins several tours.
pub fn several_tours(given: &str, tours: &[&str]) -> Said {
    Said::by(|lang| match lang {
        Lang::En => format!(
            "{} matches {} tours: {}; give more of the id or of the title",
            q(lang, given),
            tours.len(),
            tours.join(", ")
        ),
        Lang::Fr => format!(
            "{} désigne {} parcours : {} ; donnez davantage de l’id ou du titre",
            q(lang, given),
            tours.len(),
            tours.join(", ")
        ),
    })
}

// `new` and `init`.

pub fn unknown_kind(kind: &str) -> Said {
    Said::by(|lang| match lang {
        Lang::En => format!("unknown kind {}: use practice, visit, event, tour or organisation", q(lang, kind)),
        Lang::Fr => {
            format!("type inconnu {} : utilisez practice, visit, event, tour ou organisation", q(lang, kind))
        }
    })
}

pub fn which_catalogue() -> Said {
    Said::new(
        "which catalogue? give --catalogue DIR (or run this inside a catalogue folder)",
        "quel catalogue ? donnez --catalogue DOSSIER (ou lancez la commande dans un dossier de catalogue)",
    )
}

pub fn catalogue_not_found_init(folder: &str) -> Said {
    Said::new(
        format!("{folder}: catalogue folder not found (`boucle init DIR` creates one)"),
        format!("{folder} : dossier de catalogue introuvable (`boucle init DOSSIER` en crée un)"),
    )
}

pub fn id_taken(path: &str) -> Said {
    Said::new(
        format!("{path} already exists: ids are unique across kinds; choose another id"),
        format!("{path} existe déjà : les ids sont uniques, tous types confondus ; choisissez-en un autre"),
    )
}

/// A file or folder that could not be made, with what the system said.
pub fn at_path(path: &str, why: &Said) -> Said {
    Said::by(|lang| match lang {
        Lang::En => format!("{path}: {}", why.get(lang)),
        Lang::Fr => format!("{path} : {}", why.get(lang)),
    })
}

pub fn template_written(path: &str, folder: &str) -> Said {
    Said::new(
        format!("wrote {path}: fill in the fields marked REQUIRED, then run `boucle check {folder}`"),
        format!("{path} écrit : remplissez les champs marqués OBLIGATOIRE, puis lancez `boucle check {folder}`"),
    )
}

pub fn folder_not_empty(folder: &str) -> Said {
    Said::new(
        format!("{folder} is not empty: give a new folder"),
        format!("{folder} n’est pas vide : donnez un nouveau dossier"),
    )
}

pub fn catalogue_created(folder: &str) -> Said {
    Said::new(
        format!(
            "created {folder}: add entries with `boucle new practice my-id --catalogue {folder}`, check with `boucle check {folder}`"
        ),
        format!(
            "{folder} créé : ajoutez des fiches avec `boucle new practice mon-id --catalogue {folder}`, vérifiez avec `boucle check {folder}`"
        ),
    )
}

// `man`.

pub fn cannot_make_folder(folder: &str, why: &Said) -> Said {
    Said::new(
        format!("cannot make the folder {folder}: {}", why.get(Lang::En)),
        format!("impossible de créer le dossier {folder} : {}", why.get(Lang::Fr)),
    )
}

pub fn page_written(path: &str) -> Said {
    Said::new(format!("wrote {path}"), format!("{path} écrit"))
}
