//! What the curators' tools say: reading on after a syntax error, `fmt`, `check --fix`,
//! `check --links` and `check --interreg`, in both languages.

use super::Said;

pub fn read_on_after() -> Said {
    Said::new(
        "(reading went on at the next field: later problems of this file may follow from this one)",
        "(la lecture a repris au champ suivant : d’autres problèmes de ce fichier peuvent en découler)",
    )
}

use crate::text::Lang;

fn files(lang: Lang, n: usize) -> String {
    match (lang, n) {
        (Lang::En, 1) => "1 file".into(),
        (Lang::En, n) => format!("{n} files"),
        (Lang::Fr, 0 | 1) => format!("{n} fichier"),
        (Lang::Fr, n) => format!("{n} fichiers"),
    }
}

/// `boucle fmt`'s last line.
pub fn formatted(lang: Lang, changed: usize, unchanged: usize, check: bool) -> String {
    match (lang, check) {
        (Lang::En, false) => {
            format!("formatted {}; {} already formatted", files(lang, changed), files(lang, unchanged))
        }
        (Lang::En, true) => {
            format!(
                "{} to format (`boucle fmt` does it); {} already formatted",
                files(lang, changed),
                files(lang, unchanged)
            )
        }
        (Lang::Fr, false) => {
            format!("{} mis en forme ; {} déjà en forme", files(lang, changed), files(lang, unchanged))
        }
        (Lang::Fr, true) => {
            format!(
                "{} à mettre en forme (`boucle fmt` le fait) ; {} en forme",
                files(lang, changed),
                files(lang, unchanged)
            )
        }
    }
}

/// A file `fmt` or `--fix` left as it was, and why.
pub fn left_as_is(lang: Lang, file: &str, why: &str) -> String {
    match lang {
        Lang::En => format!("{file}: left as it is: {why}"),
        Lang::Fr => format!("{file} : laissé tel quel : {why}"),
    }
}

pub fn not_readable_ron(lang: Lang, line: usize, column: usize, what: &str) -> String {
    match lang {
        Lang::En => format!(
            "it is not RON that can be formatted ({what} at line {line}, column {column}; `boucle check` says more)"
        ),
        Lang::Fr => format!(
            "ce n’est pas du RON qui puisse être mis en forme ({what} à la ligne {line}, colonne {column} ; `boucle check` en dit plus)"
        ),
    }
}

pub fn formatter_refused(lang: Lang, why: &str) -> String {
    match lang {
        Lang::En => format!("formatting it would not be safe ({why}); please report this file"),
        Lang::Fr => format!("sa mise en forme ne serait pas sûre ({why}) ; merci de signaler ce fichier"),
    }
}

pub fn cannot_write(lang: Lang, file: &str, why: &str) -> String {
    match lang {
        Lang::En => format!("{file}: cannot write: {why}"),
        Lang::Fr => format!("{file} : écriture impossible : {why}"),
    }
}

pub fn no_such_path(lang: Lang, path: &str) -> String {
    match lang {
        Lang::En => format!("{path}: no such file or folder"),
        Lang::Fr => format!("{path} : aucun fichier ni dossier de ce nom"),
    }
}

pub fn nothing_to_format(lang: Lang) -> String {
    match lang {
        Lang::En => "give the catalogue files or folders to format (or --catalogue DIR)".into(),
        Lang::Fr => "donnez les fichiers ou dossiers du catalogue à mettre en forme (ou --catalogue DOSSIER)".into(),
    }
}

pub fn link_moved(url: &str, to: &str) -> Said {
    Said::new(
        format!("address moved for good (permanent redirect): {url} now leads to {to}"),
        format!("adresse déplacée pour de bon (redirection permanente) : {url} mène désormais à {to}"),
    )
}

pub fn replace_address(to: &str) -> Said {
    Said::new(format!("write the new address: \"{to}\""), format!("écrivez la nouvelle adresse : « {to} »"))
}

pub fn link_dead(url: &str, what: &Said) -> Said {
    Said::new(format!("dead address: {url} ({})", what.en), format!("adresse morte : {url} ({})", what.fr))
}

pub fn check_address() -> Said {
    Said::new(
        "find where the page went (a search on its title, or the Internet Archive) and write its new address",
        "cherchez où la page est partie (son titre dans un moteur de recherche, ou l’Internet Archive) et écrivez sa nouvelle adresse",
    )
}

pub fn link_status(code: u16) -> Said {
    let (en, fr) = match code {
        404 => ("not found", "introuvable"),
        410 => ("gone", "supprimée"),
        403 => ("access refused", "accès refusé"),
        500..=599 => ("server error", "erreur du serveur"),
        _ => ("", ""),
    };
    let with =
        |word: &str, status: &str| if word.is_empty() { status.to_string() } else { format!("{status}, {word}") };
    Said::new(with(en, &format!("HTTP {code}")), with(fr, &format!("HTTP {code}")))
}

pub fn link_timeout(seconds: u64) -> Said {
    Said::new(format!("no answer within {seconds} s"), format!("pas de réponse en {seconds} s"))
}

pub fn link_no_host() -> Said {
    Said::new("the host name does not exist (DNS)", "le nom d’hôte n’existe pas (DNS)")
}

pub fn link_redirect_loop(limit: usize) -> Said {
    Said::new(format!("more than {limit} redirects"), format!("plus de {limit} redirections"))
}

pub fn link_failed(why: &str) -> Said {
    let why = crate::text::sanitize(why, crate::text::Lines::Single);
    Said::new(format!("connection failed: {why}"), format!("échec de la connexion : {why}"))
}

/// `check --links` without a network.
pub fn links_offline(lang: Lang, addresses: usize) -> String {
    match lang {
        Lang::En => format!("--links: no network (no server answered): the {addresses} addresses were not checked"),
        Lang::Fr => format!(
            "--links : pas de réseau (aucun serveur n’a répondu) : les {addresses} adresses n’ont pas été vérifiées"
        ),
    }
}

/// `check --links`'s count.
pub fn links_checked(lang: Lang, addresses: usize, asked: usize) -> String {
    match lang {
        Lang::En => {
            format!("--links: {addresses} addresses, {asked} asked now, the others from the last check's results")
        }
        Lang::Fr => format!(
            "--links : {addresses} adresses, {asked} demandées maintenant, les autres d’après le dernier contrôle"
        ),
    }
}

/// A section of the Interreg Europe template that a good practice leaves empty.
pub fn interreg_missing(section: crate::i18n::Word, field: &str) -> Said {
    use crate::i18n::word;
    Said::new(
        format!(
            "the Interreg Europe template's section \"{}\" is empty: `{field}` is not given",
            word(Lang::En, section)
        ),
        format!(
            "la section « {} » du modèle Interreg Europe est vide : `{field}` n’est pas renseigné",
            word(Lang::Fr, section)
        ),
    )
}

/// A text longer than its section of the template takes.
pub fn interreg_too_long(section: crate::i18n::Word, lang: Option<Lang>, chars: usize, limit: usize) -> Said {
    use crate::i18n::word;
    let (en_in, fr_in) = match lang {
        Some(Lang::En) => (" (English)", " (anglais)"),
        Some(Lang::Fr) => (" (French)", " (français)"),
        None => ("", ""),
    };
    Said::new(
        format!(
            "too long for the Interreg Europe template's section \"{}\"{en_in}: {chars} characters, {limit} at most",
            word(Lang::En, section)
        ),
        format!(
            "trop long pour la section « {} » du modèle Interreg Europe{fr_in} : {chars} caractères, {limit} au plus",
            word(Lang::Fr, section)
        ),
    )
}

pub fn fill_in_for_interreg(field: &str) -> Said {
    Said::new(
        format!("add `{field}` before submitting the practice to the Interreg Europe database"),
        format!("ajoutez `{field}` avant de soumettre la pratique à la base Interreg Europe"),
    )
}

pub fn shorten_it(limit: usize) -> Said {
    Said::new(format!("shorten it to {limit} characters"), format!("raccourcissez-le à {limit} caractères"))
}

/// The top of the `interreg` export: the sections each practice leaves empty.
pub fn missing_sections_heading(lang: Lang) -> &'static str {
    match lang {
        Lang::En => "Sections still empty",
        Lang::Fr => "Sections encore vides",
    }
}

pub fn nothing_missing(lang: Lang) -> &'static str {
    match lang {
        Lang::En => "every section of the template is filled in",
        Lang::Fr => "toutes les sections du modèle sont remplies",
    }
}

/// `check --fix`'s report.
pub fn fixed(lang: Lang, problems: usize, files_changed: usize) -> String {
    match lang {
        Lang::En => format!(
            "--fix: fixed {problems} problem{} in {}",
            if problems == 1 { "" } else { "s" },
            files(lang, files_changed)
        ),
        Lang::Fr => format!(
            "--fix : {problems} problème{} corrigé{} dans {}",
            if problems > 1 { "s" } else { "" },
            if problems > 1 { "s" } else { "" },
            files(lang, files_changed)
        ),
    }
}

pub fn left_ambiguous(lang: Lang, place: &str, candidates: &[String]) -> String {
    let list = candidates.iter().map(|c| format!("\"{c}\"")).collect::<Vec<_>>().join(", ");
    match lang {
        Lang::En => format!("--fix: left for you to choose: {place}: several candidates: {list}"),
        Lang::Fr => format!("--fix : laissé à votre choix : {place} : plusieurs candidats : {list}"),
    }
}

pub fn has_syntax_errors(lang: Lang) -> &'static str {
    match lang {
        Lang::En => "it has syntax errors: fix them first (they are listed below), then run --fix again",
        Lang::Fr => {
            "il a des erreurs de syntaxe : corrigez-les d’abord (elles sont listées plus bas), puis relancez --fix"
        }
    }
}

pub fn changed_since_read(lang: Lang) -> &'static str {
    match lang {
        Lang::En => "it changed while it was checked; run --fix again",
        Lang::Fr => "il a changé pendant la vérification ; relancez --fix",
    }
}

pub fn fix_needs_folders(lang: Lang) -> &'static str {
    match lang {
        Lang::En => "--fix: the bundled catalogue is not files to fix; give a catalogue folder",
        Lang::Fr => {
            "--fix : le catalogue intégré n’est pas fait de fichiers à corriger ; donnez un dossier de catalogue"
        }
    }
}

/// The head of a note (`note[interreg-missing]`), as `error` and `warning` are.
pub fn note_word(lang: Lang) -> &'static str {
    match lang {
        Lang::En => "note",
        Lang::Fr => "note",
    }
}
