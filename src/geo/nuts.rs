//! Where each region of the catalogue's vocabulary is, from Eurostat's GISCO NUTS 2024 (EPSG:4326),
//! for the codes the bundled vocabulary uses. © EuroGeographics for the administrative boundaries;
//! reuse is authorised with this acknowledgement (Eurostat's copyright notice for GISCO data).
//!
//! - Label points ([`label_point`]): where the map draws a region when an entry has no coordinates
//!   of its own; GISCO's `NUTS_LB_2024` points, a point inside the region chosen for its label.
//!   Read from the copy Eurostat publishes in its Nuts2json project (`pub/v2/2024/4326/nutspt_0.json`
//!   to `nutspt_3.json`, commit 26f94ed of github.com/eurostat/Nuts2json, `nutspt_0.json` at
//!   334e7b4), a page at a time, for every code of the bundled vocabulary (65). For a code a curator
//!   adds, the vocabulary's own `coordinates` are used.
//! - Boxes ([`region_box`]): the bounding box of each region's outline in GISCO's NUTS 2024
//!   regions at 1:20 million (`NUTS_RG_20M_2024_4326`), for `check`'s test that an entry's
//!   coordinates are in its region. Made by `scripts/make-nuts-boxes.py`, in [`super::nuts_boxes`].

use super::Bounds;
use super::nuts_boxes::BOXES;

/// (NUTS code, latitude, longitude), sorted by code.
const LABEL_POINTS: &[(&str, f64, f64)] = &[
    ("BE", 50.641, 4.662),
    ("BE2", 51.037, 4.235),
    ("BE21", 51.229, 4.72),
    ("BE211", 51.28, 4.507),
    ("BE22", 50.997, 5.421),
    ("BE224", 50.951, 5.276),
    ("DK", 56.031, 9.316),
    ("DK0", 56.031, 9.316),
    ("DK02", 55.46, 11.723),
    ("DK022", 55.439, 11.662),
    ("EL", 39.626, 21.665),
    ("EL3", 38.051, 23.699),
    ("EL30", 38.051, 23.699),
    ("EL5", 40.798, 23.322),
    ("EL53", 40.362, 21.484),
    ("EL531", 40.201, 21.598),
    ("EL532", 40.464, 21.158),
    ("EL533", 40.751, 21.434),
    ("EL6", 39.069, 22.16),
    ("EL64", 38.685, 22.493),
    ("EL641", 38.37, 23.089),
    ("EL642", 38.556, 23.792),
    ("EL643", 38.975, 21.676),
    ("EL644", 38.986, 22.214),
    ("EL645", 38.539, 22.254),
    ("ES", 40.39, -3.554),
    ("ES6", 37.525, -4.22),
    ("ES61", 37.463, -4.576),
    ("ES615", 37.577, -6.829),
    ("FR", 46.624, 2.462),
    ("FR1", 48.709, 2.503),
    ("FR10", 48.709, 2.503),
    ("FR101", 48.857, 2.343),
    ("FRE", 49.969, 2.772),
    ("FRE1", 50.472, 2.715),
    ("FRE11", 50.448, 3.217),
    ("FRE12", 50.493, 2.289),
    ("FRE2", 49.642, 2.808),
    ("FRE21", 49.561, 3.559),
    ("FRE22", 49.41, 2.425),
    ("FRE23", 49.958, 2.276),
    ("FRI", 45.479, 0.411),
    ("FRI1", 44.352, -0.227),
    ("FRI15", 43.256, -0.757),
    ("FRK", 45.284, 4.624),
    ("FRK2", 45.434, 5.34),
    ("FRK24", 45.264, 5.574),
    ("FRK26", 45.871, 4.641),
    ("RO", 45.839, 24.984),
    ("RO1", 46.715, 24.07),
    ("RO11", 47.226, 23.349),
    ("RO111", 46.942, 22.209),
    ("RO113", 46.812, 23.535),
    ("RO4", 45.189, 22.783),
    ("RO41", 44.597, 23.67),
    ("RO412", 45.004, 23.321),
    ("RO42", 45.719, 21.989),
    ("RO423", 45.753, 22.938),
    ("SI", 46.119, 14.822),
    ("SI0", 46.119, 14.822),
    ("SI03", 46.152, 15.26),
    ("SI034", 46.27, 15.196),
    ("SI04", 46.153, 14.162),
    ("SI041", 46.025, 14.566),
    ("SI043", 46.09, 13.777),
];

/// The label point of a NUTS region, by its code (`FRE12`), as (latitude, longitude).
pub fn label_point(code: &str) -> Option<(f64, f64)> {
    let at = LABEL_POINTS.binary_search_by(|(c, _, _)| c.cmp(&code)).ok()?;
    let (_, lat, lon) = LABEL_POINTS[at];
    Some((lat, lon))
}

/// The box of a NUTS region's outline, by its code, for the codes of the bundled vocabulary below
/// the country (a country's land is [`super::Atlas::country`]'s boxes, which keep overseas parts
/// apart). The outline is generalised to 1:20 million, so the region can reach beyond its box:
/// measured against Natural Earth's 1:10m land, the 20M countries stop up to 0.1° short at ragged
/// capes (Brittany's west, Galicia's), up to 0.07° elsewhere (France, Spain, Greece, Denmark,
/// Slovenia, Belgium and Romania compared).
pub fn region_box(code: &str) -> Option<Bounds> {
    let at = BOXES.binary_search_by(|(c, ..)| c.cmp(&code)).ok()?;
    let (_, west, south, east, north) = BOXES[at];
    Some(Bounds { west, south, east, north })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_table_is_sorted_and_each_point_is_in_its_country() {
        assert!(LABEL_POINTS.windows(2).all(|w| w[0].0 < w[1].0), "sorted, for the binary search");
        let atlas = super::super::Atlas::get();
        for &(code, lat, lon) in LABEL_POINTS {
            let boxes = atlas.country(&code[..2]).unwrap_or_else(|| panic!("{code}"));
            assert!(boxes.iter().any(|b| b.contains(super::super::Point::new(lat, lon))), "{code}");
        }
        assert_eq!(label_point("FRE12"), Some((50.493, 2.289)));
        assert_eq!(label_point("FRE99"), None);
    }

    #[test]
    fn each_region_box_holds_its_label_point() {
        assert!(BOXES.windows(2).all(|w| w[0].0 < w[1].0), "sorted, for the binary search");
        assert!(BOXES.iter().all(|&(_, w, s, e, n)| w < e && s < n));
        let mut checked = 0;
        for &(code, lat, lon) in LABEL_POINTS {
            if let Some(b) = region_box(code) {
                assert!(b.contains(super::super::Point::new(lat, lon)), "{code}: ({lat}, {lon}) outside {b:?}");
                checked += 1;
            }
        }
        assert_eq!(checked, BOXES.len(), "every region with a box has its label point");
        assert_eq!(region_box("FR101"), Some(Bounds { west: 2.269, south: 48.817, east: 2.417, north: 48.901 }));
        assert_eq!(region_box("FR"), None, "countries are the atlas's");
    }
}
