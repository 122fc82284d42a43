//! Values a catalogue file gives that their checks refuse (dates, addresses, ids), and what the
//! system says when a file cannot be read or written, in both languages.

use std::io;

use super::super::Said;
use super::super::said::{Named, quoted as q};
use crate::model::{AddressFlaw, Refused};
use crate::text::Lang;

const DATE: Named = Named::feminine("date", "date");
const ADDRESS: Named = Named::feminine("address", "adresse");
const ID: Named = Named::masculine("id", "id");

/// "malformed date "x"", « date mal formée « x » ».
fn malformed(lang: Lang, noun: Named, raw: &str) -> String {
    format!("{} {}", noun.with(lang, "malformed", "mal formé"), q(lang, raw))
}

/// Why a value was refused, with the value as written.
pub fn refused(why: &Refused) -> Said {
    Said::by(|lang| match (why, lang) {
        (Refused::DateShape(raw), Lang::En) => {
            format!("{}: expected YYYY-MM-DD (or YYYY-MM, or YYYY), e.g. \"2025-07-29\"", malformed(lang, DATE, raw))
        }
        (Refused::DateShape(raw), Lang::Fr) => {
            format!("{} : attendu AAAA-MM-JJ (ou AAAA-MM, ou AAAA), p. ex. « 2025-07-29 »", malformed(lang, DATE, raw))
        }
        (Refused::NotACalendarDate(raw), Lang::En) => format!("{} is not a real calendar date", q(lang, raw)),
        (Refused::NotACalendarDate(raw), Lang::Fr) => format!("{} n’est pas une date du calendrier", q(lang, raw)),
        (Refused::Address { address, flaw }, _) => malformed_address(lang, address, *flaw),
        (Refused::Id(raw), Lang::En) => {
            format!("{}: use letters, digits and dashes, e.g. \"rare-earths\"", malformed(lang, ID, raw))
        }
        (Refused::Id(raw), Lang::Fr) => {
            format!("{} : lettres, chiffres et tirets, p. ex. « rare-earths »", malformed(lang, ID, raw))
        }
    })
}

/// A malformed address and what is wrong with it (`raw` already cleaned for showing).
fn malformed_address(lang: Lang, raw: &str, flaw: AddressFlaw) -> String {
    let malformed = malformed(lang, ADDRESS, raw);
    match (flaw, lang) {
        (AddressFlaw::Scheme, Lang::En) => {
            format!("{malformed}: expected an address starting with https:// or http://")
        }
        (AddressFlaw::Scheme, Lang::Fr) => {
            format!("{malformed} : attendu une adresse commençant par https:// ou http://")
        }
        (AddressFlaw::NoHost, Lang::En) => format!("{malformed}: it names no host (e.g. https://www.team2.fr)"),
        (AddressFlaw::NoHost, Lang::Fr) => {
            format!("{malformed} : elle ne nomme aucun hôte (p. ex. https://www.team2.fr)")
        }
        (AddressFlaw::Space, Lang::En) => format!("{malformed}: it contains a space; encode spaces as %20"),
        (AddressFlaw::Space, Lang::Fr) => format!("{malformed} : elle contient une espace ; codez les espaces en %20"),
        (AddressFlaw::Control, Lang::En) => format!("{malformed}: it contains a control character"),
        (AddressFlaw::Control, Lang::Fr) => format!("{malformed} : elle contient un caractère de contrôle"),
        (AddressFlaw::MixedScripts(c, script), _) => {
            let code = format!("U+{:04X}", u32::from(c));
            match (script, lang) {
                (crate::model::Script::NotALetter, Lang::En) => format!(
                    "{malformed}: its host holds {c} ({code}), which is not a letter a host name is written with; it may read as another site's"
                ),
                (crate::model::Script::NotALetter, Lang::Fr) => format!(
                    "{malformed} : son hôte contient {c} ({code}), qui n’est pas une lettre dont s’écrit un nom d’hôte ; il peut se lire comme celui d’un autre site"
                ),
                (script, Lang::En) => format!(
                    "{malformed}: its host mixes scripts in one name: {c} ({code}) is {} beside letters of another script, a lookalike that leads to another site",
                    script_name(script, lang)
                ),
                (script, Lang::Fr) => format!(
                    "{malformed} : son hôte mêle des écritures dans un même nom : {c} ({code}) est {} parmi des lettres d’une autre écriture, un sosie qui mène à un autre site",
                    script_name(script, lang)
                ),
            }
        }
        (AddressFlaw::Delimiter(c), _) => {
            let code = format!("%{:02X}", u32::from(c));
            let (en, fr) = match c {
                '"' => ("a double quote", "un guillemet droit"),
                '\'' => ("an apostrophe", "une apostrophe"),
                '<' | '>' => ("an angle bracket", "un chevron"),
                '`' => ("a backtick", "un accent grave"),
                _ => ("a backslash", "une barre oblique inversée"),
            };
            match lang {
                Lang::En => format!(
                    "{malformed}: it contains {en} ({c}), which would end a link in a handout; encode it as {code}"
                ),
                Lang::Fr => format!(
                    "{malformed} : elle contient {fr} ({c}), qui terminerait un lien dans un document ; codez-le en {code}"
                ),
            }
        }
    }
}

/// A script named in a sentence: "Cyrillic", "cyrillique".
fn script_name(script: crate::model::Script, lang: Lang) -> &'static str {
    use crate::model::Script::*;
    match (script, lang) {
        (Latin, Lang::En) => "Latin",
        (Latin, Lang::Fr) => "latin",
        (Greek, Lang::En) => "Greek",
        (Greek, Lang::Fr) => "grec",
        (Cyrillic, Lang::En) => "Cyrillic",
        (Cyrillic, Lang::Fr) => "cyrillique",
        (Cjk, Lang::En) => "Chinese, Japanese or Korean",
        (Cjk, Lang::Fr) => "chinois, japonais ou coréen",
        (Other(_) | NotALetter, Lang::En) => "of another script",
        (Other(_) | NotALetter, Lang::Fr) => "d’une autre écriture",
    }
}

pub fn rename_the_file() -> Said {
    Said::new(
        "the file name is the entry's id: rename the file",
        "le nom du fichier est l’id de la fiche : renommez le fichier",
    )
}

/// What the system said when a file or folder could not be read or written: its own words in
/// English (as every English tool shows them), by the error's kind in French.
pub fn io_problem(error: &io::Error) -> Said {
    use io::ErrorKind::*;
    if let Some(explained) = error.get_ref().and_then(|e| e.downcast_ref::<super::super::Explained>()) {
        return explained.0.clone();
    }
    let fr = match error.kind() {
        NotFound => "fichier ou dossier introuvable",
        PermissionDenied => "permission refusée",
        AlreadyExists => "il existe déjà",
        IsADirectory => "c’est un dossier",
        NotADirectory => "une partie du chemin n’est pas un dossier",
        ReadOnlyFilesystem => "le système de fichiers est en lecture seule",
        StorageFull | QuotaExceeded => "plus de place disponible",
        FileTooLarge => "le fichier est trop grand",
        InvalidInput => "pas un fichier ordinaire",
        InvalidData => "les données ne sont pas valides",
        UnexpectedEof => "le fichier s’arrête trop tôt",
        Interrupted | WouldBlock | TimedOut => "l’opération ne s’est pas terminée",
        CrossesDevices => "il est sur un autre disque",
        DirectoryNotEmpty => "le dossier n’est pas vide",
        InvalidFilename => "le nom n’est pas valide",
        StaleNetworkFileHandle | NetworkDown | NetworkUnreachable | ConnectionReset | ConnectionAborted => {
            "le réseau a échoué"
        }
        BrokenPipe => "le lecteur est parti",
        AddrInUse => "l’adresse est déjà utilisée",
        AddrNotAvailable => "l’adresse n’est pas disponible ici",
        _ => "erreur d’entrée-sortie",
    };
    let fr = match error.raw_os_error() {
        Some(code) => format!("{fr} (erreur système {code})"),
        None => fr.to_string(),
    };
    Said::new(error.to_string(), fr)
}

// A shortlist file that cannot be used.

pub fn not_a_regular_file() -> Said {
    Said::new("it is not a regular file", "ce n’est pas un fichier ordinaire")
}

pub fn larger_than_kib(kib: u64) -> Said {
    Said::new(format!("it is larger than {kib} KiB"), format!("il dépasse {kib} Kio"))
}

pub fn not_utf8_text() -> Said {
    Said::new("it is not UTF-8 text", "ce n’est pas du texte UTF-8")
}

/// A file that is not a shortlist as boucle writes them, from where reading it stopped.
pub fn not_a_shortlist(line: usize, column: usize) -> Said {
    Said::new(
        format!("line {line}, column {column}: this is not a shortlist as boucle writes them"),
        format!("ligne {line}, colonne {column} : ce n’est pas une sélection telle que boucle les écrit"),
    )
}

/// An entry of the shortlist file whose id is not an id: named where it is, left in the file.
pub fn shortlist_id_skipped(file: &str, line: usize, column: usize, id: &str) -> Said {
    Said::new(
        format!(
            "{file}:{line}:{column}: \"{id}\" is not an entry id (letters, digits, - _ . only); it stays in the file, not shown"
        ),
        format!(
            "{file}:{line}:{column} : « {id} » n’est pas un identifiant de fiche (lettres, chiffres, - _ . seulement) ; il reste dans le fichier, sans être montré"
        ),
    )
}

/// A shortlist entry whose id is not text at all (`id: 5`, `id: true`), shown as written.
pub fn shortlist_id_not_text(file: &str, line: usize, column: usize, written: &str) -> Said {
    Said::new(
        format!(
            "{file}:{line}:{column}: {written} is not an entry id: an id is text in quotes (\"zinc-loop\"); it stays in the file, not shown"
        ),
        format!(
            "{file}:{line}:{column} : {written} n’est pas un identifiant de fiche : un identifiant est un texte entre guillemets (\"zinc-loop\") ; il reste dans le fichier, sans être montré"
        ),
    )
}

pub fn unknown_version(version: u32) -> Said {
    Said::new(
        format!("version {version} is not one this boucle knows"),
        format!("la version {version} n’est pas une que ce boucle connaît"),
    )
}

pub fn not_moved_aside_either(problem: &Said, why: &Said) -> Said {
    Said::by(|lang| match lang {
        Lang::En => format!("{}; it could not be moved aside either: {}", problem.get(lang), why.get(lang)),
        Lang::Fr => format!("{} ; il n’a pas pu non plus être mis de côté : {}", problem.get(lang), why.get(lang)),
    })
}

/// `--output` names a file that is there.
pub fn exists_force_replaces(path: &str) -> Said {
    Said::new(
        format!("{path} already exists (--force replaces it)"),
        format!("{path} existe déjà (--force le remplace)"),
    )
}

pub fn inside_the_catalogue(path: &str, folder: &str) -> Said {
    Said::new(
        format!("{path} is inside the catalogue folder {folder}: boucle never writes there"),
        format!("{path} est dans le dossier de catalogue {folder} : boucle n’y écrit jamais"),
    )
}

pub fn cannot_write(path: &str, why: &Said) -> Said {
    Said::by(|lang| match lang {
        Lang::En => format!("cannot write {path}: {}", why.get(lang)),
        Lang::Fr => format!("impossible d’écrire {path} : {}", why.get(lang)),
    })
}

pub fn not_written_over_ssh(path: &str) -> Said {
    Said::new(
        format!(
            "cannot write {path}: over SSH, nothing is written on the server; take a handout home with `ssh … export …`"
        ),
        format!("{path} : par SSH, rien ne s’écrit sur le serveur ; emportez un dossier avec `ssh … export …`"),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refused_values_are_said_with_their_gender() {
        let date = refused(&Refused::DateShape("24 janvier".into()));
        assert!(date.get(Lang::Fr).starts_with("date mal formée « 24 janvier » : attendu AAAA-MM-JJ"));
        let id = refused(&Refused::Id("a b".into()));
        assert!(id.get(Lang::Fr).starts_with("id mal formé « a b »"), "{id:?}");
        assert_eq!(
            refused(&Refused::NotACalendarDate("2025-13".into())).get(Lang::En),
            "\"2025-13\" is not a real calendar date"
        );
    }

    #[test]
    fn the_systems_english_is_not_shown() {
        let missing = io::Error::from_raw_os_error(2);
        assert_eq!(io_problem(&missing).get(Lang::Fr), "fichier ou dossier introuvable (erreur système 2)");
        assert_eq!(io_problem(&missing).get(Lang::En), missing.to_string());
    }
}
