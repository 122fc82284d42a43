//! What the dashboard and the room say when a catalogue folder they watch goes away while
//! they run: the last good catalogue stays, and the folder is named.

use super::Said;

/// The folder is not there any more (removed, or moved away).
pub fn folder_gone(folder: &str) -> Said {
    Said::new(
        format!("the catalogue folder {folder} is gone: the last good catalogue stays until the folder is back"),
        format!("le dossier du catalogue {folder} a disparu : le dernier catalogue valide reste jusqu’à son retour"),
    )
}

/// The folder is there, but holds no catalogue now (emptied, or being copied back).
pub fn folder_emptied(folder: &str) -> Said {
    Said::new(
        format!("the catalogue folder {folder} holds no catalogue now: the last good catalogue stays until it does"),
        format!(
            "le dossier du catalogue {folder} ne contient plus de catalogue : le dernier catalogue valide reste jusqu’à son retour"
        ),
    )
}

pub fn put_the_folder_back() -> Said {
    Said::new(
        "put the folder back (or copy the catalogue into it): it is loaded again by itself",
        "remettez le dossier en place (ou recopiez-y le catalogue) : il est rechargé tout seul",
    )
}
