//! What `check` says about an entry's coordinates, in both languages.

use super::{Said, both, q};
use crate::text::Lang;

/// The coordinates fall outside every box of the region's country's land.
pub fn outside_region(lat: f64, lon: f64, region: &str, country_fr: &str, country_en: &str) -> Said {
    both(|lang| match lang {
        Lang::En => format!(
            "coordinates ({lat}, {lon}) are outside {}, the country of region {}",
            q(lang, country_en),
            q(lang, region)
        ),
        Lang::Fr => format!(
            "les coordonnées ({lat}, {lon}) sont hors de {}, le pays de la région {}",
            q(lang, country_fr),
            q(lang, region)
        ),
    })
}

pub fn a_point_in(region: &str) -> Said {
    both(|lang| match lang {
        Lang::En => format!("(latitude, longitude) of a place in {}", q(lang, region)),
        Lang::Fr => format!("(latitude, longitude) d’un lieu de {}", q(lang, region)),
    })
}

/// The same numbers the other way round would be in the region.
pub fn swapped(lat: f64, lon: f64) -> Said {
    Said::new(
        format!("latitude comes first: did you mean ({lon}, {lat})?"),
        format!("la latitude vient d’abord : vouliez-vous dire ({lon}, {lat}) ?"),
    )
}

pub fn check_the_place() -> Said {
    Said::new(
        "check the place's coordinates in its source, or the entry's region",
        "vérifiez les coordonnées du lieu dans sa source, ou la région de la fiche",
    )
}

/// More decimals than any source of a site's place supports.
pub fn too_precise(written: &str, decimals: usize) -> Said {
    Said::new(
        format!(
            "coordinates {written} have {decimals} decimals, finer than a metre: no address, register or gazetteer places a site that precisely"
        ),
        format!(
            "les coordonnées {written} ont {decimals} décimales, moins d’un mètre : aucune adresse, aucun registre ni répertoire géographique ne place un site aussi précisément"
        ),
    )
}

pub fn round_them() -> Said {
    Said::new(
        "round to the source's precision: 4 decimals (about 10 m) for a site, 2 (about 1 km) for a commune's centre",
        "arrondissez à la précision de la source : 4 décimales (une dizaine de mètres) pour un site, 2 (environ 1 km) pour le centre d’une commune",
    )
}
