//! Taking a shortlist home from a room: the command line a participant types, what the
//! dashboard and the goodbye say about it, and what an export by code answers.

use super::Said;
use crate::text::Lang;

/// The file a participant's shortlist is written to at home: `ma-selection.html`.
pub fn file_stem(lang: Lang) -> &'static str {
    match lang {
        Lang::En => "my-shortlist",
        Lang::Fr => "ma-selection",
    }
}

/// Under the shortlist, before the command: the retrieval code, or that the key is enough.
pub fn code_line(lang: Lang, code: Option<&str>) -> String {
    match (code, lang) {
        (Some(code), Lang::En) => format!("Your code: {code} · to take your shortlist home, type at home:"),
        (Some(code), Lang::Fr) => format!("Votre code : {code} · pour emporter votre sélection, tapez chez vous :"),
        (None, Lang::En) => "To take your shortlist home (your key is enough), type at home:".into(),
        (None, Lang::Fr) => "Pour emporter votre sélection (votre clé suffit), tapez chez vous :".into(),
    }
}

/// The goodbye of a session with marks.
pub fn goodbye(lang: Lang, marks: usize, code: Option<&str>, command: &str) -> String {
    let entries = super::count(lang, super::Noun::Entry, marks);
    let kept = match (code, lang) {
        (Some(_), Lang::En) => " (kept until the room closes)",
        (Some(_), Lang::Fr) => " (gardée jusqu’à la fermeture de la salle)",
        (None, _) => "",
    };
    match (code, lang) {
        (Some(code), Lang::En) => {
            format!("Your shortlist ({entries}) goes home with code {code}{kept}:\r\n  {command}")
        }
        (Some(code), Lang::Fr) => {
            format!("Votre sélection ({entries}) s’emporte avec le code {code}{kept} :\r\n  {command}")
        }
        (None, Lang::En) => format!("Your shortlist ({entries}) goes home with your key:\r\n  {command}"),
        (None, Lang::Fr) => format!("Votre sélection ({entries}) s’emporte avec votre clé :\r\n  {command}"),
    }
}

/// The room closed: a shortlist kept under a code went with it, so its entries are listed.
pub fn closing_list(lang: Lang, marks: usize) -> String {
    let entries = super::count(lang, super::Noun::Entry, marks);
    match lang {
        Lang::En => format!("Your shortlist ({entries}) closed with the room; copy it from here:"),
        Lang::Fr => format!("Votre sélection ({entries}) se ferme avec la salle ; copiez-la d’ici :"),
    }
}

/// The export dialog of a served dashboard: nothing is written on the server, here is how.
pub fn offered(lang: Lang) -> &'static str {
    match lang {
        Lang::En => "Nothing is written on the server. In a terminal of your own, type:",
        Lang::Fr => "Rien n’est écrit sur le serveur. Dans un terminal à vous, tapez :",
    }
}

/// Whether the Markdown went to the clipboard (OSC 52), and why not.
pub fn copied(lang: Lang, bytes: usize) -> String {
    match lang {
        Lang::En => {
            format!("The Markdown ({bytes} bytes) was sent to your clipboard (OSC 52), if your terminal allows it.")
        }
        Lang::Fr => format!(
            "Le Markdown ({bytes} octets) a été envoyé dans votre presse-papiers (OSC 52), si votre terminal l’accepte."
        ),
    }
}

pub fn too_long_to_copy(lang: Lang, bytes: usize, limit: usize) -> String {
    match lang {
        Lang::En => format!(
            "The Markdown ({bytes} bytes) is too long to copy (terminals take {limit} at most): use the command."
        ),
        Lang::Fr => format!(
            "Le Markdown ({bytes} octets) est trop long pour le copier (les terminaux en prennent {limit} au plus) : utilisez la commande."
        ),
    }
}

/// An export by code or key that gives nothing, as the participant is told.
pub fn wrong_code() -> Said {
    Said::new(
        "no shortlist has this code (your dashboard shows yours on the shortlist screen, 4, and at goodbye)",
        "aucune sélection n’a ce code (votre tableau de bord montre le vôtre sur l’écran de la sélection, 4, et en partant)",
    )
}

pub fn too_many_wrong_codes() -> Said {
    Said::new(
        "too many wrong codes lately: try again in a few minutes",
        "trop de codes erronés ces derniers temps : réessayez dans quelques minutes",
    )
}

pub fn room_closed() -> Said {
    Said::new(
        "the room has closed: its codes are no longer valid",
        "la salle est fermée : ses codes ne valent plus rien",
    )
}

pub fn which_shortlist() -> Said {
    Said::new(
        "which shortlist? Give the code your dashboard shows: export --shortlist K7M2-QX4P --format html",
        "quelle sélection ? Donnez le code que montre votre tableau de bord : export --shortlist K7M2-QX4P --format html",
    )
}

pub fn empty() -> Said {
    Said::new(
        "this shortlist is empty: mark entries with m first",
        "cette sélection est vide : marquez d’abord des fiches avec m",
    )
}
