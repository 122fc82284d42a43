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

/// Under the shortlist, before the command: the retrieval code, or the key it is kept under.
/// The command reaches the room's server, so it is typed while the room is open, from the
/// participant's own terminal (never "at home", where the room's laptop is not).
pub fn code_line(lang: Lang, code: Option<&str>) -> String {
    match (code, lang) {
        (Some(code), Lang::En) => {
            format!("Your code: {code} · to save your shortlist before the room closes, type in your own terminal:")
        }
        (Some(code), Lang::Fr) => format!(
            "Votre code : {code} · pour enregistrer votre sélection avant la fermeture de la salle, tapez dans votre terminal :"
        ),
        (None, Lang::En) => {
            "Kept under your SSH key · to save your shortlist while the room is open, type in your own terminal:".into()
        }
        (None, Lang::Fr) => "Gardée sous votre clé SSH · pour enregistrer votre sélection tant que la salle est ouverte, tapez dans votre terminal :".into(),
    }
}

/// The goodbye of a session with marks, the room still open: where the shortlist is kept and
/// the command that saves it, typed before the room closes.
pub fn goodbye(lang: Lang, marks: usize, code: Option<&str>, command: &str) -> String {
    let entries = super::count(lang, super::Noun::Entry, marks);
    match (code, lang) {
        (Some(code), Lang::En) => format!(
            "Your shortlist ({entries}) is kept under code {code} until the room closes; to save it as a file before then, type in your own terminal:\r\n  {command}"
        ),
        (Some(code), Lang::Fr) => format!(
            "Votre sélection ({entries}) est gardée sous le code {code} jusqu’à la fermeture de la salle ; pour l’enregistrer d’ici là, tapez dans votre terminal :\r\n  {command}"
        ),
        (None, Lang::En) => format!(
            "Your shortlist ({entries}) is kept under your SSH key; to save it as a file while the room is open, type in your own terminal, with the same key:\r\n  {command}"
        ),
        (None, Lang::Fr) => format!(
            "Votre sélection ({entries}) est gardée sous votre clé SSH ; pour l’enregistrer tant que la salle est ouverte, tapez dans votre terminal, avec la même clé :\r\n  {command}"
        ),
    }
}

/// The room closed: its export is gone with it, so the shortlist's entries are listed to copy.
/// `kept`: a key's shortlist the server keeps on disk, found again when the room reopens.
pub fn closing_list(lang: Lang, marks: usize, kept: bool) -> String {
    let entries = super::count(lang, super::Noun::Entry, marks);
    match (kept, lang) {
        (false, Lang::En) => {
            format!("The room has closed and your shortlist ({entries}) is no longer kept there; copy it from here:")
        }
        (false, Lang::Fr) => {
            format!("La salle est fermée et votre sélection ({entries}) n’y est plus gardée ; copiez-la d’ici :")
        }
        (true, Lang::En) => format!(
            "The room has closed; your shortlist ({entries}) stays under your SSH key for when it reopens. To copy now:"
        ),
        (true, Lang::Fr) => format!(
            "La salle est fermée ; votre sélection ({entries}) reste sous votre clé SSH pour sa réouverture. À copier dès maintenant :"
        ),
    }
}

/// The export dialog of a served dashboard, before Enter: what Enter will do, up front (a
/// trial read « Fichier : boucle-shortlist.md », a file on the server, until it pressed Enter).
pub fn will_offer(lang: Lang) -> &'static str {
    match lang {
        Lang::En => {
            "Nothing is written on the server: Enter shows the command that saves it in a terminal of your own."
        }
        Lang::Fr => {
            "Rien n’est écrit sur le serveur : Entrée montre la commande qui l’enregistre dans un terminal à vous."
        }
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
