//! What the guards say when they refuse: a file that is not a regular one where a file is
//! written or read, an entry id a catalogue cannot use as a file name, a shortlist that
//! changed elsewhere. In both languages; paths come in already quoted for a message
//! (`text::visible::path`).

use super::problems::Said;
use crate::text::Lang;

/// What a path is when it is not a regular file.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Special {
    Folder,
    Fifo,
    Socket,
    Device,
    /// Anything else that is not a regular file.
    Other,
}

/// "a folder", "une FIFO"…
pub fn special_noun(lang: Lang, special: Special) -> &'static str {
    match (lang, special) {
        (Lang::En, Special::Folder) => "a folder",
        (Lang::En, Special::Fifo) => "a FIFO (named pipe)",
        (Lang::En, Special::Socket) => "a socket",
        (Lang::En, Special::Device) => "a device",
        (Lang::En, Special::Other) => "not a regular file",
        (Lang::Fr, Special::Folder) => "un dossier",
        (Lang::Fr, Special::Fifo) => "une FIFO (tube nommé)",
        (Lang::Fr, Special::Socket) => "une socket",
        (Lang::Fr, Special::Device) => "un périphérique",
        (Lang::Fr, Special::Other) => "autre chose qu'un fichier ordinaire",
    }
}

/// An output path that is not a regular file: never replaced, whatever `--force` says.
pub fn never_replaced(lang: Lang, path: &str, special: Special) -> String {
    let what = special_noun(lang, special);
    match lang {
        Lang::En => {
            format!("{path} is {what}: boucle replaces only a regular file, even with --force; give another file name")
        }
        Lang::Fr => format!(
            "{path} est {what} : boucle ne remplace qu'un fichier ordinaire, même avec --force ; donnez un autre nom de fichier"
        ),
    }
}

/// A file that must be read is not a regular file (the server's host key).
pub fn not_a_regular_file(lang: Lang, path: &str, special: Special) -> String {
    let what = special_noun(lang, special);
    match lang {
        Lang::En => format!("{path} is {what}, not a regular file: it is not read"),
        Lang::Fr => format!("{path} est {what}, pas un fichier ordinaire : il n'est pas lu"),
    }
}

/// Why an id cannot name a catalogue file.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BadFileName {
    /// It starts with a dot: the file would be hidden, and the loader skips hidden files.
    Hidden,
    /// Windows reserves the name for a device (CON, PRN, AUX, NUL, COM1–9, LPT1–9).
    Reserved,
}

/// `boucle new` refuses an id that cannot be a file name.
pub fn id_cannot_be_a_file(lang: Lang, id: &str, why: BadFileName) -> String {
    match (lang, why) {
        (Lang::En, BadFileName::Hidden) => format!(
            "the id \"{id}\" starts with a dot: its file would be hidden, and hidden files are not loaded; start it with a letter or a digit"
        ),
        (Lang::Fr, BadFileName::Hidden) => format!(
            "l'id « {id} » commence par un point : son fichier serait caché, et les fichiers cachés ne sont pas chargés ; commencez-le par une lettre ou un chiffre"
        ),
        (Lang::En, BadFileName::Reserved) => format!(
            "the id \"{id}\" is a name Windows reserves for a device (CON, PRN, AUX, NUL, COM1–COM9, LPT1–LPT9): its file could not be checked out there; choose another id"
        ),
        (Lang::Fr, BadFileName::Reserved) => format!(
            "l'id « {id} » est un nom que Windows réserve à un périphérique (CON, PRN, AUX, NUL, COM1–COM9, LPT1–LPT9) : son fichier n'y pourrait pas être extrait ; choisissez un autre id"
        ),
    }
}

/// `check`: a catalogue file whose name cannot be used.
pub fn bad_file_name(why: BadFileName, name: &str) -> Said {
    match why {
        BadFileName::Hidden => Said::new(
            format!("`{name}` starts with a dot, so it is hidden and is not loaded"),
            format!("`{name}` commence par un point : il est caché et n'est pas chargé"),
        ),
        BadFileName::Reserved => Said::new(
            format!("`{name}` is a name Windows reserves for a device: the catalogue cannot be checked out on Windows"),
            format!(
                "`{name}` est un nom que Windows réserve à un périphérique : le catalogue ne peut pas être extrait sous Windows"
            ),
        ),
    }
}

/// What to do about [`bad_file_name`].
pub fn rename_the_file(why: BadFileName) -> Said {
    match why {
        BadFileName::Hidden => Said::new(
            "rename it without the leading dot (the file name is the entry's id)",
            "renommez-le sans le point du début (le nom du fichier est l'id de la fiche)",
        ),
        BadFileName::Reserved => Said::new(
            "rename the file, and the id with it (the file name is the entry's id)",
            "renommez le fichier, et l'id avec lui (le nom du fichier est l'id de la fiche)",
        ),
    }
}

/// Why `check` refuses an address, beyond its scheme and host.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AddressFlaw {
    /// Not `http://` or `https://`.
    Scheme,
    NoHost,
    Space,
    Control,
    /// A quote, angle bracket, backtick or backslash: it would end a link or an attribute.
    Delimiter(char),
}

/// A malformed address, as `check` reports it (`raw` already cleaned for showing).
pub fn malformed_address(raw: &str, flaw: AddressFlaw) -> Said {
    match flaw {
        AddressFlaw::Scheme => Said::new(
            format!("malformed address \"{raw}\": expected an address starting with https:// or http://"),
            format!("adresse mal formée « {raw} » : attendu une adresse commençant par https:// ou http://"),
        ),
        AddressFlaw::NoHost => Said::new(
            format!("malformed address \"{raw}\": it names no host (e.g. https://www.team2.fr)"),
            format!("adresse mal formée « {raw} » : elle ne nomme aucun hôte (p. ex. https://www.team2.fr)"),
        ),
        AddressFlaw::Space => Said::new(
            format!("malformed address \"{raw}\": it contains a space; encode spaces as %20"),
            format!("adresse mal formée « {raw} » : elle contient une espace ; codez les espaces en %20"),
        ),
        AddressFlaw::Control => Said::new(
            format!("malformed address \"{raw}\": it contains a control character"),
            format!("adresse mal formée « {raw} » : elle contient un caractère de contrôle"),
        ),
        AddressFlaw::Delimiter(c) => {
            let code = format!("%{:02X}", u32::from(c));
            let (en, fr) = match c {
                '"' => ("a double quote", "un guillemet droit"),
                '\'' => ("an apostrophe", "une apostrophe"),
                '<' | '>' => ("an angle bracket", "un chevron"),
                '`' => ("a backtick", "un accent grave"),
                _ => ("a backslash", "une barre oblique inversée"),
            };
            Said::new(
                format!(
                    "malformed address \"{raw}\": it contains {en} ({c}), which would end a link in a handout; encode it as {code}"
                ),
                format!(
                    "adresse mal formée « {raw} » : elle contient {fr} ({c}), qui terminerait un lien dans un document ; codez-le en {code}"
                ),
            )
        }
    }
}
