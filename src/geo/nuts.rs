//! Where each region of the catalogue's vocabulary is drawn when an entry has no coordinates of
//! its own: the region's label point in Eurostat's GISCO NUTS 2024 (the `NUTS_LB_2024` points,
//! EPSG:4326, a point inside the region chosen for its label), for the codes the bundled
//! vocabulary uses. Read from the copy Eurostat publishes in its Nuts2json project
//! (`pub/v2/2024/4326/nutspt_0.json` to `nutspt_3.json`, commit 26f94ed of github.com/eurostat/Nuts2json).
//! © EuroGeographics for the administrative boundaries; reuse is authorised with this
//! acknowledgement (Eurostat's copyright notice for GISCO data).
//!
//! Not every code is here: the NUTS 3 regions EL532, EL533, ES615, DK022, RO111, RO412, RO423
//! and SI041 were not read (the points file is 210 kB and was read a page at a time); for them,
//! and for any code a curator adds, the vocabulary's own `coordinates` are used.

/// (NUTS code, latitude, longitude), sorted by code.
const LABEL_POINTS: &[(&str, f64, f64)] = &[
    ("DK", 56.031, 9.316),
    ("DK0", 56.031, 9.316),
    ("DK02", 55.46, 11.723),
    ("EL", 39.626, 21.665),
    ("EL3", 38.051, 23.699),
    ("EL30", 38.051, 23.699),
    ("EL5", 40.798, 23.322),
    ("EL53", 40.362, 21.484),
    ("EL531", 40.201, 21.598),
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
    ("FRK26", 45.871, 4.641),
    ("RO", 45.839, 24.984),
    ("RO1", 46.715, 24.07),
    ("RO11", 47.226, 23.349),
    ("RO4", 45.189, 22.783),
    ("RO41", 44.597, 23.67),
    ("RO42", 45.719, 21.989),
    ("SI", 46.119, 14.822),
    ("SI0", 46.119, 14.822),
    ("SI04", 46.153, 14.162),
];

/// The label point of a NUTS region, by its code (`FRE12`), as (latitude, longitude).
pub fn label_point(code: &str) -> Option<(f64, f64)> {
    let at = LABEL_POINTS.binary_search_by(|(c, _, _)| c.cmp(&code)).ok()?;
    let (_, lat, lon) = LABEL_POINTS[at];
    Some((lat, lon))
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
}
