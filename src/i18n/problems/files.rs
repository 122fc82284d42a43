//! Problems with a catalogue's folders and files as files: where they are, whether they can be
//! read, what they are.

use super::super::Said;
use crate::text::Lang;

pub fn folder_not_found() -> Said {
    Said::new("catalogue folder not found", "dossier de catalogue introuvable")
}

pub fn not_a_folder() -> Said {
    Said::new("not a folder", "pas un dossier")
}

pub fn no_catalogue_here() -> Said {
    Said::new("no catalogue in this folder", "aucun catalogue dans ce dossier")
}

pub fn one_of_the_folders(list: &str) -> Said {
    Said::new(format!("one of the folders {list}"), format!("l’un des dossiers {list}"))
}

/// A kind folder (`good-practices`) given where its catalogue was meant.
pub fn give_the_folder_above(name: &str) -> Said {
    Said::new(
        format!("`{name}` is a folder inside a catalogue: give the folder that holds it"),
        format!("`{name}` est un dossier à l’intérieur d’un catalogue : donnez le dossier qui le contient"),
    )
}

pub fn what_a_catalogue_holds() -> Said {
    Said::new(
        "a catalogue folder holds vocabularies/ and one folder per kind of entry",
        "un dossier de catalogue contient vocabularies/ et un dossier par type de fiche",
    )
}

/// A file whose reading thread was lost (a bug): reported rather than dropped.
pub fn could_not_be_read() -> Said {
    Said::new("could not be read", "n’a pas pu être lu")
}

/// Why a `.ron` name is not read as a file.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NotAFile {
    /// A symbolic link to nothing, with what the system said.
    DanglingLink,
    /// A symbolic link to a folder, a FIFO or a device.
    LinkToSomethingElse,
    /// A FIFO, a socket or a device.
    Special,
    /// A symbolic link in a loop (ELOOP).
    LinkLoop,
    /// A symbolic link to a file outside the catalogue's folder: never read, so that a link
    /// to `/proc/self/environ` or a secret elsewhere is not quoted by `check` in a CI log.
    LinkOutside,
}

pub fn not_a_file(why: NotAFile, system: Option<&Said>) -> Said {
    Said::by(|lang| {
        let why = match (why, lang) {
            (NotAFile::DanglingLink, Lang::En) => "a symbolic link that leads to no file",
            (NotAFile::DanglingLink, Lang::Fr) => "un lien symbolique qui ne mène à aucun fichier",
            (NotAFile::LinkToSomethingElse, Lang::En) => "a symbolic link to something that is not a file",
            (NotAFile::LinkToSomethingElse, Lang::Fr) => "un lien symbolique vers autre chose qu’un fichier",
            (NotAFile::Special, Lang::En) => "a FIFO, socket or device",
            (NotAFile::Special, Lang::Fr) => "un tube nommé, une socket ou un périphérique",
            (NotAFile::LinkLoop, Lang::En) => "a symbolic link that leads back to itself (a loop of links)",
            (NotAFile::LinkLoop, Lang::Fr) => "un lien symbolique qui revient sur lui-même (une boucle de liens)",
            (NotAFile::LinkOutside, Lang::En) => {
                return "a symbolic link to a file outside the catalogue folder, so not read: boucle reads only the folder's own files".into();
            }
            (NotAFile::LinkOutside, Lang::Fr) => {
                return "un lien symbolique vers un fichier hors du dossier du catalogue, donc non lu : boucle ne lit que les fichiers du dossier".into();
            }
        };
        let system = system.map(|s| format!(" ({})", s.get(lang))).unwrap_or_default();
        match lang {
            Lang::En => format!("not a regular file, so not read: {why}{system}"),
            Lang::Fr => format!("pas un fichier ordinaire, donc non lu : {why}{system}"),
        }
    })
}

pub fn replace_with_the_file() -> Said {
    Said::new(
        "replace it with the catalogue file itself, or remove it",
        "remplacez-le par le fichier du catalogue lui-même, ou retirez-le",
    )
}

/// Why a `.ron` file of a catalogue folder is not loaded.
pub enum Ignored<'a> {
    /// At the top of the folder, not in a kind folder; the kind folders.
    NoFolder(&'a str),
    /// In `vocabularies/` under another name; the vocabulary files.
    UnknownVocabulary(&'a str),
    /// In a folder that is no kind's; the folder, and the kind folders.
    UnknownFolder(&'a str, &'a str),
}

pub fn ignored(why: Ignored<'_>) -> Said {
    match why {
        Ignored::NoFolder(kinds) => Said::new(
            format!("ignored: catalogue files belong in a folder of their kind ({kinds}) or in vocabularies/"),
            format!(
                "ignoré : les fichiers du catalogue vont dans le dossier de leur type ({kinds}) ou dans vocabularies/"
            ),
        ),
        Ignored::UnknownVocabulary(files) => Said::new(
            format!("ignored: unknown vocabulary; the vocabularies are {files}"),
            format!("ignoré : vocabulaire inconnu ; les vocabulaires sont {files}"),
        ),
        Ignored::UnknownFolder(folder, kinds) => Said::new(
            format!("ignored: `{folder}` is not a catalogue folder; entries go in {kinds}"),
            format!("ignoré : `{folder}` n’est pas un dossier de catalogue ; les fiches vont dans {kinds}"),
        ),
    }
}

pub fn too_large(limit: usize) -> Said {
    Said::new(
        format!("file is larger than the limit of {limit} bytes (1 MiB) for one catalogue file"),
        format!("le fichier dépasse la limite de {limit} octets (1 Mio) pour un fichier de catalogue"),
    )
}

pub fn split_it() -> Said {
    Said::new(
        "split it, or check that it is the file you meant to add",
        "découpez-le, ou vérifiez que c’est bien le fichier voulu",
    )
}

pub fn not_utf8() -> Said {
    Said::new("file is not valid UTF-8", "le fichier n’est pas en UTF-8 valide")
}

pub fn utf8_text() -> Said {
    Said::new("UTF-8 text", "du texte UTF-8")
}

pub fn save_as_utf8() -> Said {
    Said::new("save the file as UTF-8 in your editor", "enregistrez le fichier en UTF-8 dans votre éditeur")
}

pub fn cleaned_text(c: char) -> Said {
    let code = format!("U+{:04X}", u32::from(c));
    Said::new(
        format!("this file holds {code}, a control or invisible character, which is removed when the text is shown"),
        format!("ce fichier contient {code}, un caractère de contrôle ou invisible, retiré à l’affichage"),
    )
}

pub fn remove_it() -> Said {
    Said::new(
        "remove it (it often comes from a copy from a web page or a PDF)",
        "retirez-le (il vient souvent d’un copier-coller depuis une page web ou un PDF)",
    )
}
