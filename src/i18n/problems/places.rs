//! What `check` says about an entry's coordinates, in both languages.

use super::super::said::quoted as q;
use super::Said;
use crate::model::Term;
use crate::text::Lang;

/// The coordinates fall outside every box of the region's country's land.
pub fn outside_region(lat: f64, lon: f64, region: &str, country_fr: &str, country_en: &str) -> Said {
    Said::by(|lang| match lang {
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

/// "Pas-de-Calais" ("FRE12"), in the reader's language.
fn region_named(lang: Lang, region: &Term) -> String {
    format!("{} ({})", q(lang, region.label.get(lang)), q(lang, region.id.as_str()))
}

/// The coordinates are in the region's country but outside the box of its NUTS outline, or of
/// its nearest parent's (`holds`: the entry's own region, when the box is a parent's).
pub fn outside_region_box(lat: f64, lon: f64, region: &Term, holds: Option<&str>) -> Said {
    Said::by(|lang| {
        let named = region_named(lang, region);
        match (lang, holds) {
            (Lang::En, None) => {
                format!("coordinates ({lat}, {lon}) are outside {named}, the entry's region, by its NUTS 2024 outline")
            }
            (Lang::En, Some(own)) => format!(
                "coordinates ({lat}, {lon}) are outside {named}, which holds the entry's region {}, by its NUTS 2024 outline",
                q(lang, own)
            ),
            (Lang::Fr, None) => format!(
                "les coordonnées ({lat}, {lon}) sont hors de {named}, la région de la fiche, d’après son contour NUTS 2024"
            ),
            (Lang::Fr, Some(own)) => format!(
                "les coordonnées ({lat}, {lon}) sont hors de {named}, qui contient {}, la région de la fiche, d’après son contour NUTS 2024",
                q(lang, own)
            ),
        }
    })
}

/// Where the region lies, when no other region of the vocabulary holds the point.
pub fn region_spans(region: &Term, south: f64, north: f64, west: f64, east: f64) -> Said {
    Said::by(|lang| match lang {
        Lang::En => format!(
            "{} lies between latitudes {south} and {north} and longitudes {west} and {east}: check the place's coordinates in its source, or the entry's region",
            region_named(lang, region)
        ),
        Lang::Fr => format!(
            "{} s’étend entre les latitudes {south} et {north} et les longitudes {west} et {east} : vérifiez les coordonnées du lieu dans sa source, ou la région de la fiche",
            region_named(lang, region)
        ),
    })
}

/// Other regions of the vocabulary whose box holds the point: the entry may belong there.
pub fn in_other_regions(regions: &[&Term]) -> Said {
    Said::by(|lang| {
        let names: Vec<String> = regions.iter().map(|r| region_named(lang, r)).collect();
        match (lang, names.as_slice()) {
            (Lang::En, [one]) => format!("the point is in the bounding box of {one}: is that the entry's region?"),
            (Lang::En, _) => format!(
                "the point is in the bounding boxes of {}: is one of them the entry's region?",
                names.join(" or ")
            ),
            (Lang::Fr, [one]) => format!("le point est dans l’emprise de {one} : est-ce la région de la fiche ?"),
            (Lang::Fr, _) => format!(
                "le point est dans les emprises de {} : l’une d’elles est-elle la région de la fiche ?",
                names.join(" ou ")
            ),
        }
    })
}

pub fn a_point_in(region: &str) -> Said {
    Said::by(|lang| match lang {
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
