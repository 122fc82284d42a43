//! The overview's and the map's words, in both languages: chart headings, the "others" rows,
//! the region level, the map's legend and keys.

use crate::text::Lang;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ChartWord {
    Materials,
    Themes,
    Regions,
    Stages,
    Years,
    /// The map's title.
    Map,
    /// Legend: a marker with a number.
    Entries,
    /// Legend: the selected entry's marker.
    Selected,
    /// Legend: the tour's route.
    Route,
    /// Legend: the current stop.
    CurrentStop,
    /// The map's keys, short.
    Keys,
    /// The map's keys, where there is room.
    KeysLong,
    /// The group marker's hint: `→` unfolds.
    Unfold,
}

pub fn chart_word(lang: Lang, word: ChartWord) -> &'static str {
    use ChartWord::*;
    match lang {
        Lang::En => match word {
            Materials => "Materials",
            Themes => "ESG themes",
            Regions => "Regions",
            Stages => "Value-chain stages",
            Years => "Years",
            Map => "Map",
            Entries => "entries there",
            Selected => "selected",
            Route => "the tour's route",
            CurrentStop => "current stop",
            Keys => "arrows +/- 0",
            KeysLong => "arrows move · +/- zoom · 0 fits the results",
            Unfold => "→ unfolds",
        },
        Lang::Fr => match word {
            Materials => "Matériaux",
            Themes => "Thèmes ESG",
            Regions => "Régions",
            Stages => "Étapes de la chaîne de valeur",
            Years => "Années",
            Map => "Carte",
            Entries => "fiches à cet endroit",
            Selected => "sélectionnée",
            Route => "le parcours",
            CurrentStop => "étape en cours",
            Keys => "flèches +/- 0",
            KeysLong => "flèches déplacent · +/- zoom · 0 recadre",
            Unfold => "→ déplie",
        },
    }
}

/// The row that stands for the values not shown: `+ 5 other materials`.
pub fn others(lang: Lang, n: usize, noun: ChartWord) -> String {
    let (one, many) = match (lang, noun) {
        (Lang::En, ChartWord::Materials) => ("other material", "other materials"),
        (Lang::En, ChartWord::Themes) => ("other theme", "other themes"),
        (Lang::En, ChartWord::Regions) => ("other region", "other regions"),
        (Lang::En, ChartWord::Stages) => ("other stage", "other stages"),
        (Lang::En, ChartWord::Years) => ("other year", "other years"),
        (Lang::En, ChartWord::Map) => ("other place", "other places"),
        (Lang::En, _) => ("other", "others"),
        (Lang::Fr, ChartWord::Materials) => ("autre matériau", "autres matériaux"),
        (Lang::Fr, ChartWord::Themes) => ("autre thème", "autres thèmes"),
        (Lang::Fr, ChartWord::Regions) => ("autre région", "autres régions"),
        (Lang::Fr, ChartWord::Stages) => ("autre étape", "autres étapes"),
        (Lang::Fr, ChartWord::Years) => ("autre année", "autres années"),
        (Lang::Fr, ChartWord::Map) => ("autre lieu", "autres lieux"),
        (Lang::Fr, _) => ("autre", "autres"),
    };
    format!("+ {n} {}", if n == 1 { one } else { many })
}

/// The regions chart's heading says at which level it counts: `Regions (countries)`,
/// `Regions in France (NUTS 1)`.
pub fn regions_heading(lang: Lang, within: Option<&str>, level: usize) -> String {
    let level = match (lang, level) {
        (Lang::En, 0) => "countries".to_string(),
        (Lang::Fr, 0) => "pays".to_string(),
        (_, n) => format!("NUTS {n}"),
    };
    match (lang, within) {
        (Lang::En, None) => format!("Regions ({level})"),
        (Lang::Fr, None) => format!("Régions ({level})"),
        (Lang::En, Some(place)) => format!("Regions in {place} ({level})"),
        (Lang::Fr, Some(place)) => format!("Régions de {place} ({level})"),
    }
}

/// A row for the entries placed at the region itself, not in one of its parts.
pub fn region_itself(lang: Lang, name: &str) -> String {
    match lang {
        Lang::En => format!("{name}, no finer place"),
        Lang::Fr => format!("{name}, sans lieu plus précis"),
    }
}

/// The map's note for results it cannot place.
pub fn not_on_map(lang: Lang, n: usize) -> String {
    match (lang, n) {
        (Lang::En, 1) => "1 entry has no place".to_string(),
        (Lang::En, n) => format!("{n} entries have no place"),
        (Lang::Fr, 1) => "1 fiche sans lieu".to_string(),
        (Lang::Fr, n) => format!("{n} fiches sans lieu"),
    }
}

/// The map's legend when the stop being presented has no place to light.
pub fn stop_without_place(lang: Lang, number: usize) -> String {
    match lang {
        Lang::En => format!("stop {number} has no place"),
        Lang::Fr => format!("l’étape {number} n’a pas de lieu"),
    }
}
