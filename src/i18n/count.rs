//! Counted nouns with the plural each language wants: English is singular for exactly one,
//! French for zero and one ("0 fiche", "1 fiche", "2 fiches").

use crate::text::Lang;

/// The things the interface counts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Noun {
    /// A catalogue entry ("fiche"), as `boucle list` counts them.
    Entry,
    /// An entry the current search finds, as the dashboard counts them.
    Result,
    Filter,
    Problem,
    /// A problem found while loading the catalogue, as the dashboard's badge counts them.
    CatalogueProblem,
    /// A stop of a tour.
    Stop,
    /// A tour of the catalogue, as the tours screen counts them.
    Tour,
    /// A catalogue problem that `check` fails on.
    Error,
    /// A catalogue problem that `check` reports but passes (unless `--deny-warnings`).
    Warning,
    /// A result found only by a typo in one of the words (marked ≈).
    CloseMatch,
}

/// The singular and plural forms of a noun.
fn forms(lang: Lang, noun: Noun) -> (&'static str, &'static str) {
    match lang {
        Lang::En => match noun {
            Noun::Entry => ("entry", "entries"),
            Noun::Result => ("result", "results"),
            Noun::Filter => ("filter", "filters"),
            Noun::Problem => ("problem", "problems"),
            Noun::CatalogueProblem => ("catalogue problem", "catalogue problems"),
            Noun::Stop => ("stop", "stops"),
            Noun::Tour => ("tour", "tours"),
            Noun::Error => ("error", "errors"),
            Noun::Warning => ("warning", "warnings"),
            Noun::CloseMatch => ("close match", "close matches"),
        },
        Lang::Fr => match noun {
            Noun::Entry => ("fiche", "fiches"),
            Noun::Result => ("résultat", "résultats"),
            Noun::Filter => ("filtre", "filtres"),
            Noun::Problem => ("problème", "problèmes"),
            Noun::CatalogueProblem => ("problème dans le catalogue", "problèmes dans le catalogue"),
            Noun::Stop => ("étape", "étapes"),
            Noun::Tour => ("parcours", "parcours"),
            Noun::Error => ("erreur", "erreurs"),
            Noun::Warning => ("avertissement", "avertissements"),
            Noun::CloseMatch => ("résultat approché", "résultats approchés"),
        },
    }
}

/// The form of `noun` that goes with `n`.
fn noun_for(lang: Lang, noun: Noun, n: usize) -> &'static str {
    let (one, many) = forms(lang, noun);
    let singular = match lang {
        Lang::En => n == 1,
        Lang::Fr => n <= 1,
    };
    if singular { one } else { many }
}

/// `n` and its noun: "1 result", "2 results", "1 résultat", "0 fiche".
pub fn count(lang: Lang, noun: Noun, n: usize) -> String {
    format!("{n} {}", noun_for(lang, noun, n))
}

/// Part of a whole: "3 of 57 entries", "3 fiches sur 57".
pub fn count_of(lang: Lang, noun: Noun, shown: usize, total: usize) -> String {
    match lang {
        // The noun follows the whole in English and the part in French.
        Lang::En => format!("{shown} of {total} {}", noun_for(lang, noun, total)),
        Lang::Fr => format!("{shown} {} sur {total}", noun_for(lang, noun, shown)),
    }
}

/// Errors and warnings, counted apart, the same words in `check`, `list` and the dashboard:
/// "1 error, 2 warnings", "no problems".
pub fn problem_counts(lang: Lang, errors: usize, warnings: usize) -> String {
    match (errors, warnings) {
        (0, 0) => match lang {
            Lang::En => "no problems".to_string(),
            Lang::Fr => "aucun problème".to_string(),
        },
        (errors, 0) => count(lang, Noun::Error, errors),
        (0, warnings) => count(lang, Noun::Warning, warnings),
        (errors, warnings) => format!("{}, {}", count(lang, Noun::Error, errors), count(lang, Noun::Warning, warnings)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn english_is_singular_for_one_only() {
        assert_eq!(count(Lang::En, Noun::Result, 0), "0 results");
        assert_eq!(count(Lang::En, Noun::Result, 1), "1 result");
        assert_eq!(count(Lang::En, Noun::Result, 2), "2 results");
        assert_eq!(count(Lang::En, Noun::Entry, 1), "1 entry");
        assert_eq!(count(Lang::En, Noun::Entry, 57), "57 entries");
        assert_eq!(count_of(Lang::En, Noun::Entry, 3, 57), "3 of 57 entries");
        assert_eq!(count_of(Lang::En, Noun::Entry, 0, 1), "0 of 1 entry");
    }

    #[test]
    fn french_is_singular_for_zero_and_one() {
        assert_eq!(count(Lang::Fr, Noun::Result, 0), "0 résultat");
        assert_eq!(count(Lang::Fr, Noun::Result, 1), "1 résultat");
        assert_eq!(count(Lang::Fr, Noun::Result, 2), "2 résultats");
        assert_eq!(count(Lang::Fr, Noun::Entry, 1), "1 fiche");
        assert_eq!(count(Lang::Fr, Noun::Entry, 57), "57 fiches");
        assert_eq!(count(Lang::Fr, Noun::Problem, 3), "3 problèmes");
        assert_eq!(count_of(Lang::Fr, Noun::Entry, 1, 57), "1 fiche sur 57");
        assert_eq!(count_of(Lang::Fr, Noun::Entry, 3, 57), "3 fiches sur 57");
    }
}
