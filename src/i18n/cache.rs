//! The words of `boucle cache list` and `boucle cache clear`, in both languages.

use crate::text::Lang;

/// A size in bytes as people read it: decimal units (as `ls -h --si` and file managers show
/// them), a decimal comma in French.
pub fn size(lang: Lang, bytes: u64) -> String {
    let units = match lang {
        Lang::En => ["B", "kB", "MB", "GB", "TB"],
        Lang::Fr => ["o", "ko", "Mo", "Go", "To"],
    };
    let mut value = bytes as f64;
    let mut unit = 0;
    while value >= 1000.0 && unit + 1 < units.len() {
        value /= 1000.0;
        unit += 1;
    }
    let shown = if unit == 0 || value >= 100.0 { format!("{value:.0}") } else { format!("{value:.1}") };
    let shown = if lang == Lang::Fr { shown.replace('.', ",") } else { shown };
    format!("{shown}\u{a0}{}", units[unit])
}

/// The heading of `cache list`'s columns: last use, size, folders.
pub fn list_heading(lang: Lang) -> [&'static str; 3] {
    match lang {
        Lang::En => ["last used (UTC)", "size", "folders"],
        Lang::Fr => ["dernier usage (UTC)", "taille", "dossiers"],
    }
}

/// After a cache's size when a running boucle holds it (never evicted).
pub fn in_use(lang: Lang) -> &'static str {
    match lang {
        Lang::En => "in use",
        Lang::Fr => "utilisé",
    }
}

/// In place of the folders of a cache another format wrote (or a cache not whole).
pub fn unknown_folders(lang: Lang) -> &'static str {
    match lang {
        Lang::En => "(written by another version of boucle: rebuilt or evicted in time)",
        Lang::Fr => "(écrit par une autre version de boucle : reconstruit ou évincé le moment venu)",
    }
}

/// The last line of `cache list`: how many caches, their size, and the size they are kept
/// under (and what overrides it).
pub fn list_total(lang: Lang, caches: usize, bytes: u64, cap: u64, env: &str) -> String {
    let (total, cap) = (size(lang, bytes), size(lang, cap));
    match (lang, caches) {
        (Lang::En, 1) => format!("1 cache, {total}; kept under {cap} (4× the largest, or {env})"),
        (Lang::En, n) => format!("{n} caches, {total}; kept under {cap} (4× the largest, or {env})"),
        (Lang::Fr, 1) => format!("1 cache, {total} ; gardé sous {cap} (4× le plus gros, ou {env})"),
        (Lang::Fr, n) => format!("{n} caches, {total} ; gardés sous {cap} (4× le plus gros, ou {env})"),
    }
}

/// There is no cache in `dir` (shown already made visible).
pub fn none_in(lang: Lang, dir: &str) -> String {
    match lang {
        Lang::En => format!("no catalogue cache in {dir}"),
        Lang::Fr => format!("aucun cache de catalogue dans {dir}"),
    }
}

/// `cache clear` removed `path`.
pub fn removed(lang: Lang, path: &str) -> String {
    match lang {
        Lang::En => format!("removed {path}"),
        Lang::Fr => format!("supprimé : {path}"),
    }
}

/// Neither variable names a cache folder.
pub fn no_cache_folder(lang: Lang, command: &str) -> String {
    match lang {
        Lang::En => format!(
            "boucle cache {command}: no cache folder (neither BOUCLE_CACHE_DIR, XDG_CACHE_HOME nor HOME is set, or HOME is empty)"
        ),
        Lang::Fr => format!(
            "boucle cache {command} : aucun dossier de cache (ni BOUCLE_CACHE_DIR, ni XDG_CACHE_HOME, ni HOME ne sont définis, ou HOME est vide)"
        ),
    }
}

/// `BOUCLE_CACHE_DIR` names a file, not a folder: the cache is off, and said once.
pub fn cache_dir_not_a_folder(lang: Lang, variable: &str, path: &str) -> String {
    match lang {
        Lang::En => format!("{variable}={path} is not a folder: the catalogue cache is off"),
        Lang::Fr => format!("{variable}={path} n’est pas un dossier : le cache du catalogue est désactivé"),
    }
}
