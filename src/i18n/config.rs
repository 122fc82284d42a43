//! The words of the user's config file: its problems (placed in the file, as `check` places a
//! catalogue's), `boucle config show`'s sources, and what `config path` and `config init` say.

use super::Said;
use super::said::quoted as q;
use crate::text::Lang;

pub fn unknown_action(name: &str) -> Said {
    Said::by(|lang| match lang {
        Lang::En => format!("no action is named {} in the key table", q(lang, name)),
        Lang::Fr => format!("aucune action ne s’appelle {} dans la table des touches", q(lang, name)),
    })
}

pub fn see_action_names() -> Said {
    Said::new(
        "`boucle config init` writes a file listing every action's name",
        "`boucle config init` écrit un fichier qui nomme chaque action",
    )
}

pub fn unknown_key(key: &str, name: &str) -> Said {
    Said::by(|lang| match lang {
        Lang::En => format!("{} given to {} is not a key", q(lang, key), q(lang, name)),
        Lang::Fr => format!("{} donnée à {} n’est pas une touche", q(lang, key), q(lang, name)),
    })
}

pub fn no_key(name: &str) -> Said {
    Said::by(|lang| match lang {
        Lang::En => format!("{} is given no key", q(lang, name)),
        Lang::Fr => format!("{} ne reçoit aucune touche", q(lang, name)),
    })
}

pub fn key_examples() -> Said {
    Said::new(
        "a key such as q, G, Ctrl-c, Enter, Esc, Up, PgDn, Space, F1",
        "une touche comme q, G, Ctrl-c, Enter, Esc, Up, PgDn, Space, F1",
    )
}

pub fn bound_twice(key: &str, name: &str, other: &str) -> Said {
    Said::by(|lang| match lang {
        Lang::En => {
            format!("{} would be bound twice: to {} and to {}", q(lang, key), q(lang, name), q(lang, other))
        }
        Lang::Fr => {
            format!("{} serait liée deux fois : à {} et à {}", q(lang, key), q(lang, name), q(lang, other))
        }
    })
}

pub fn give_another_key(other: &str) -> Said {
    Said::by(|lang| match lang {
        Lang::En => format!("choose another key, or give {} another key too", q(lang, other)),
        Lang::Fr => format!("choisissez une autre touche, ou donnez-en aussi une autre à {}", q(lang, other)),
    })
}

pub fn folder_missing(path: &str) -> Said {
    Said::by(|lang| match lang {
        Lang::En => format!("no catalogue folder at {path}: it is left out"),
        Lang::Fr => format!("aucun dossier de catalogue à {path} : il est laissé de côté"),
    })
}

pub fn bad_value(setting: &str, value: &str) -> Said {
    Said::by(|lang| match lang {
        Lang::En => format!("{} is not a value of {}", q(lang, value), q(lang, setting)),
        Lang::Fr => format!("{} n’est pas une valeur de {}", q(lang, value), q(lang, setting)),
    })
}

/// What a setting must be written as.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Shape {
    /// Text in quotes: `theme: "light"`.
    Text,
    /// A list of texts: `catalogues: ["~/raw4res"]`.
    Texts,
    /// `true` or `false`.
    Switch,
    /// Settings in brackets: `export: (format: "md")`.
    Group,
    /// Actions and their keys: `keys: { "global.quit": ["Q"] }`.
    KeyTable,
}

/// A setting written as something it cannot be (`theme: 3`): left out, the others kept.
pub fn wrong_shape(setting: &str, shape: Shape) -> Said {
    let (en, fr) = match shape {
        Shape::Text => ("text in quotes", "un texte entre guillemets"),
        Shape::Texts => ("a list of texts in quotes", "une liste de textes entre guillemets"),
        Shape::Switch => ("true or false", "true ou false"),
        Shape::Group => ("settings in brackets", "des réglages entre parenthèses"),
        Shape::KeyTable => ("a table of actions and their keys", "une table d’actions et de leurs touches"),
    };
    Said::by(|lang| match lang {
        Lang::En => format!("{} must be {en}: it is left out, the other settings are used", q(lang, setting)),
        Lang::Fr => format!("{} doit être {fr} : il est ignoré, les autres réglages sont pris", q(lang, setting)),
    })
}

/// An example of a setting's value, as written in the file.
pub fn such_as(example: &str) -> Said {
    Said::by(|lang| match lang {
        Lang::En => format!("such as {example}"),
        Lang::Fr => format!("par exemple {example}"),
    })
}

pub fn expected_values(values: &str) -> Said {
    Said::by(|lang| match lang {
        Lang::En => format!("one of {values}"),
        Lang::Fr => format!("l’une des valeurs {values}"),
    })
}

/// `BOUCLE_THEME` names no theme: said rather than ignored, with the themes there are and the
/// nearest, if one is near.
pub fn unknown_theme_in_environment(variable: &str, given: &str, themes: &str, nearest: Option<&str>) -> Said {
    let given = crate::text::visible::line(given);
    Said::by(|lang| {
        let near = match (lang, nearest) {
            (Lang::En, Some(near)) => format!(" (did you mean {}?)", q(lang, near)),
            (Lang::Fr, Some(near)) => format!(" (vouliez-vous dire {} ?)", q(lang, near)),
            (_, None) => String::new(),
        };
        match lang {
            Lang::En => format!(
                "{variable}={} is not a theme{near}: the themes are {themes}; the default is used",
                q(lang, &given)
            ),
            Lang::Fr => format!(
                "{variable}={} n’est pas un thème{near} : les thèmes sont {themes} ; celui par défaut est pris",
                q(lang, &given)
            ),
        }
    })
}

/// The dashboard started with the defaults, or without some of the file's settings.
pub fn started_without(lang: Lang, problems: usize, file: &str) -> String {
    match (lang, problems) {
        (Lang::En, 1) => format!("{file} has a problem (! lists it): that setting is left at its default"),
        (Lang::En, n) => format!("{file} has {n} problems (! lists them): those settings are left at their defaults"),
        (Lang::Fr, 1) => format!("{file} a un problème (! le montre) : ce réglage garde sa valeur par défaut"),
        (Lang::Fr, n) => {
            format!("{file} a {n} problèmes (! les montre) : ces réglages gardent leur valeur par défaut")
        }
    }
}

/// Where a setting's value came from, for `boucle config show`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Source {
    CommandLine,
    Environment(&'static str),
    File,
    Default,
}

pub fn source(lang: Lang, source: Source) -> String {
    match (lang, source) {
        (Lang::En, Source::CommandLine) => "command line".into(),
        (Lang::Fr, Source::CommandLine) => "ligne de commande".into(),
        (Lang::En, Source::Environment(name)) => format!("environment ({name})"),
        (Lang::Fr, Source::Environment(name)) => format!("environnement ({name})"),
        (Lang::En, Source::File) => "config file".into(),
        (Lang::Fr, Source::File) => "fichier de réglages".into(),
        (Lang::En, Source::Default) => "default".into(),
        (Lang::Fr, Source::Default) => "par défaut".into(),
    }
}

pub fn none_value(lang: Lang) -> &'static str {
    match lang {
        Lang::En => "(none)",
        Lang::Fr => "(aucun)",
    }
}

pub fn bundled_catalogue(lang: Lang) -> &'static str {
    match lang {
        Lang::En => "(the bundled catalogue)",
        Lang::Fr => "(le catalogue intégré)",
    }
}

pub fn the_file(lang: Lang, path: &str, exists: bool) -> String {
    match (lang, exists) {
        (Lang::En, true) => format!("config file: {path}"),
        (Lang::En, false) => format!("config file: {path} (not there: every setting is its default)"),
        (Lang::Fr, true) => format!("fichier de réglages : {path}"),
        (Lang::Fr, false) => format!("fichier de réglages : {path} (absent : chaque réglage a sa valeur par défaut)"),
    }
}

pub fn overridden_keys(lang: Lang, n: usize) -> String {
    match (lang, n) {
        (Lang::En, 0) => "no key changed".into(),
        (Lang::Fr, 0) => "aucune touche changée".into(),
        (Lang::En, 1) => "1 action's keys changed".into(),
        (Lang::En, n) => format!("{n} actions' keys changed"),
        (Lang::Fr, 1) => "touches d’une action changées".into(),
        (Lang::Fr, n) => format!("touches de {n} actions changées"),
    }
}

pub fn no_config_folder() -> Said {
    Said::new(
        "no config folder: neither XDG_CONFIG_HOME nor HOME is set",
        "aucun dossier de réglages : ni XDG_CONFIG_HOME ni HOME n’est défini",
    )
}

pub fn already_there(path: &str) -> Said {
    Said::by(|lang| match lang {
        Lang::En => format!("{path} is already there: it was left as it is"),
        Lang::Fr => format!("{path} existe déjà : il est laissé tel quel"),
    })
}

pub fn written(lang: Lang, path: &str) -> String {
    match lang {
        Lang::En => format!("wrote {path}: every setting is commented out; remove the // before one to change it"),
        Lang::Fr => {
            format!("{path} écrit : chaque réglage est en commentaire ; ôtez le // devant un réglage pour le changer")
        }
    }
}

/// The problems of the config file, as `check` prints a catalogue's, end with this line.
pub fn file_problems(lang: Lang, n: usize) -> String {
    match (lang, n) {
        (Lang::En, 1) => "1 problem in the config file: that setting is left at its default".into(),
        (Lang::En, n) => format!("{n} problems in the config file: those settings are left at their defaults"),
        (Lang::Fr, 1) => "1 problème dans le fichier de réglages : ce réglage garde sa valeur par défaut".into(),
        (Lang::Fr, n) => {
            format!("{n} problèmes dans le fichier de réglages : ces réglages gardent leur valeur par défaut")
        }
    }
}

/// The settings part of the file `boucle config init` writes, every one commented out.
pub fn init_head(lang: Lang) -> &'static str {
    match lang {
        Lang::En => {
            "// boucle's settings, written by `boucle config init`. Every setting is commented out:
// remove the // before one to change it. The command line comes first, then the environment
// (BOUCLE_THEME, BOUCLE_CATALOGUE, NO_COLOR), then this file, then the defaults;
// `boucle config show` says where each setting in effect came from.
Config(
    // The language of the interface and the entries: \"fr\" or \"en\" (default: the locale's).
    // language: \"fr\",
    // Colours: \"dark\", \"light\" (for projectors), \"high-contrast\" or \"mono\". NO_COLOR turns colour off.
    // theme: \"high-contrast\",
    // Catalogue folders instead of the bundled catalogue (~/ is the home folder; a relative
    // folder is beside this file).
    // catalogues: [\"~/catalogue\"],
    // Leave the mouse to the terminal (for selecting text).
    // mouse: false,
    // Plain lines a screen reader can follow (as --screen-reader).
    // screen_reader: true,
    // The export dialog's first format (md, html, csv, json, interreg) and its folder.
    // export: (format: \"html\", folder: \"~/handouts\"),
    // Present mode: hide the tabs, the query line and the status line (as --present).
    // present: (bare: true),
    // Keys: an action (in every context that has it) or context.action, and its keys, which
    // replace the table's. The actions and their keys now are listed below.
    // keys: {
    //     \"global.quit\": [\"Q\"],
    //     \"results.open\": [\"Enter\", \"o\"],
    // },
)
"
        }
        Lang::Fr => {
            "// Réglages de boucle, écrits par `boucle config init`. Chaque réglage est en commentaire :
// ôtez le // devant un réglage pour le changer. La ligne de commande passe d’abord, puis
// l’environnement (BOUCLE_THEME, BOUCLE_CATALOGUE, NO_COLOR), puis ce fichier, puis les valeurs
// par défaut ; `boucle config show` dit d’où vient chaque réglage en vigueur.
Config(
    // La langue de l’interface et des fiches : \"fr\" ou \"en\" (par défaut : celle de la locale).
    // language: \"fr\",
    // Couleurs : \"dark\", \"light\" (pour vidéoprojecteur), \"high-contrast\" ou \"mono\". NO_COLOR les ôte.
    // theme: \"high-contrast\",
    // Dossiers de catalogue au lieu du catalogue intégré (~/ est le dossier personnel ; un
    // dossier relatif est à côté de ce fichier).
    // catalogues: [\"~/catalogue\"],
    // Laisser la souris au terminal (pour sélectionner du texte).
    // mouse: false,
    // Des lignes simples qu’un lecteur d’écran peut suivre (comme --screen-reader).
    // screen_reader: true,
    // Le premier format de la fenêtre d’export (md, html, csv, json, interreg) et son dossier.
    // export: (format: \"html\", folder: \"~/documents\"),
    // Mode présentation : cacher les onglets, la ligne de recherche et la ligne d’état
    // (comme --present).
    // present: (bare: true),
    // Touches : une action (dans chaque contexte qui l’a) ou contexte.action, et ses touches,
    // qui remplacent celles de la table. Les actions et leurs touches actuelles suivent.
    // keys: {
    //     \"global.quit\": [\"Q\"],
    //     \"results.open\": [\"Enter\", \"o\"],
    // },
)
"
        }
    }
}

/// The heading of the list of actions at the end of the file `boucle config init` writes.
pub fn init_actions(lang: Lang) -> &'static str {
    match lang {
        Lang::En => "// Every action, as context.action: its keys now — what it does.",
        Lang::Fr => "// Chaque action, en contexte.action : ses touches actuelles — ce qu’elle fait.",
    }
}

/// `3 of 90`: a result's place among those found.
pub fn position(lang: Lang, at: usize, of: usize) -> String {
    match lang {
        Lang::En => format!("{at} of {of}"),
        Lang::Fr => format!("{at} sur {of}"),
    }
}

/// What the screen-reader mode says when the query finds entries.
pub fn found(lang: Lang, n: usize, query: &str) -> String {
    let query = if query.is_empty() { String::new() } else { format!(" {}", q(lang, query)) };
    match (lang, n) {
        (Lang::En, 1) => format!("1 entry found{query}"),
        (Lang::En, n) => format!("{n} entries found{query}"),
        (Lang::Fr, 0 | 1) => format!("{n} fiche trouvée{query}"),
        (Lang::Fr, n) => format!("{n} fiches trouvées{query}"),
    }
}

/// The screen-reader mode's first line: what it is and how to hear the keys.
pub fn reader_start(lang: Lang) -> &'static str {
    match lang {
        Lang::En => "boucle, screen-reader mode. ? lists the keys, q quits.",
        Lang::Fr => "boucle, mode lecteur d’écran. ? liste les touches, q quitte.",
    }
}

/// Typing a search, as the screen-reader mode says it.
pub fn typing(lang: Lang, query: &str) -> String {
    match lang {
        Lang::En => format!("search: {query}"),
        Lang::Fr => format!("recherche : {query}"),
    }
}

/// A row of the filters pane, as the screen-reader mode says it: checked or not, and how many
/// entries it would find.
pub fn facet_value(lang: Lang, label: &str, checked: bool, count: usize) -> String {
    match (lang, checked) {
        (Lang::En, true) => format!("{label}, checked, {count}"),
        (Lang::En, false) => format!("{label}, {count}"),
        (Lang::Fr, true) => format!("{label}, coché, {count}"),
        (Lang::Fr, false) => format!("{label}, {count}"),
    }
}

/// A heading of the filters pane: folded or not, and how many of its values are checked.
pub fn facet_heading(lang: Lang, name: &str, open: bool, checked: usize) -> String {
    match (lang, open) {
        (Lang::En, true) => format!("{name}, open, {checked} checked"),
        (Lang::En, false) => format!("{name}, folded, {checked} checked"),
        (Lang::Fr, true) => format!("{name}, déplié, {checked} coché(s)"),
        (Lang::Fr, false) => format!("{name}, replié, {checked} coché(s)"),
    }
}
