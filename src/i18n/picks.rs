//! The room's picks and the workshop's report: the facilitator's words for them.

use super::Said;
use crate::text::Lang;

pub fn title(lang: Lang) -> &'static str {
    match lang {
        Lang::En => "The room's picks",
        Lang::Fr => "Les choix de la salle",
    }
}

/// How many participants marked anything.
pub fn participants(lang: Lang, n: usize) -> String {
    match (lang, n) {
        (Lang::En, 1) => "1 participant marked entries".into(),
        (Lang::En, n) => format!("{n} participants marked entries"),
        (Lang::Fr, 0 | 1) => format!("{n} participant a marqué des fiches"),
        (Lang::Fr, n) => format!("{n} participants ont marqué des fiches"),
    }
}

pub fn none_yet(lang: Lang) -> &'static str {
    match lang {
        Lang::En => "No entry marked yet.",
        Lang::Fr => "Aucune fiche marquée pour l’instant.",
    }
}

/// Under the picks: how to hide them; and on the live line, how to show them.
pub fn toggle(lang: Lang, shown: bool) -> &'static str {
    match (lang, shown) {
        (Lang::En, false) => "p Enter: the room's picks",
        (Lang::Fr, false) => "p Entrée : les choix de la salle",
        (Lang::En, true) => "p Enter: hide the picks",
        (Lang::Fr, true) => "p Entrée : masquer les choix",
    }
}

pub fn report_title(lang: Lang) -> &'static str {
    match lang {
        Lang::En => "Workshop result",
        Lang::Fr => "Résultat de l’atelier",
    }
}

pub fn entry(lang: Lang) -> &'static str {
    match lang {
        Lang::En => "Entry",
        Lang::Fr => "Fiche",
    }
}

pub fn marked_by(lang: Lang) -> &'static str {
    match lang {
        Lang::En => "Participants",
        Lang::Fr => "Participants",
    }
}

pub fn entries(lang: Lang) -> &'static str {
    match lang {
        Lang::En => "The entries",
        Lang::Fr => "Les fiches",
    }
}

pub fn tour(lang: Lang) -> &'static str {
    match lang {
        Lang::En => "The tour",
        Lang::Fr => "Le parcours",
    }
}

pub fn report_written(path: &str) -> Said {
    Said::new(
        format!("the workshop's report is written: {path}"),
        format!("le rapport de l’atelier est écrit : {path}"),
    )
}

pub fn report_not_written(why: &Said) -> Said {
    Said::by(|lang| match lang {
        Lang::En => format!("the workshop's report was not written: {}", why.get(lang)),
        Lang::Fr => format!("le rapport de l’atelier n’a pas été écrit : {}", why.get(lang)),
    })
}

pub fn report_exists(path: &str) -> Said {
    Said::new(
        format!("{path} exists: the workshop's report is never written over a file; choose another --report"),
        format!(
            "{path} existe : le rapport de l’atelier n’est jamais écrit par-dessus un fichier ; choisissez un autre --report"
        ),
    )
}
