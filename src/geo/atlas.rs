//! The coastlines and country borders embedded in the binary (`assets/geography.bin`, made by
//! `scripts/make-geography.py` from Natural Earth 4.1.0 through the npm package world-atlas
//! 2.0.2): the land as rings and the borders as lines, at 1:110m for the whole world and at
//! 1:50m and 1:10m around Europe. Read once, on first use.

use std::sync::OnceLock;

use super::{Bounds, Point};

static BYTES: &[u8] = include_bytes!("../../assets/geography.bin");

/// A line of points (a land ring, closed, or a border), with its box for skipping the lines
/// a view does not show.
#[derive(Debug)]
pub struct Line {
    pub bounds: Bounds,
    /// Longitude, latitude.
    pub points: Vec<(f32, f32)>,
}

/// One scale of Natural Earth.
#[derive(Debug)]
pub struct Level {
    /// 110, 50 or 10: 1:110 million, 1:50 million, 1:10 million.
    pub scale: u8,
    /// The quantisation step, in degrees.
    pub step: f64,
    /// The box the land was clipped to: a ring's edge along it is not a coast.
    pub clip: Bounds,
    pub land: Vec<Line>,
    pub borders: Vec<Line>,
}

impl Level {
    /// Whether the segment from `a` to `b` runs along the clip box, where the land was cut and
    /// there is no coast to draw.
    pub fn on_clip_edge(&self, a: (f32, f32), b: (f32, f32)) -> bool {
        let near = |x: f32, edge: f64| (f64::from(x) - edge).abs() < self.step / 2.0;
        (near(a.0, self.clip.west) && near(b.0, self.clip.west))
            || (near(a.0, self.clip.east) && near(b.0, self.clip.east))
            || (near(a.1, self.clip.south) && near(b.1, self.clip.south))
            || (near(a.1, self.clip.north) && near(b.1, self.clip.north))
    }
}

#[derive(Debug)]
pub struct Atlas {
    /// Coarsest first.
    pub levels: Vec<Level>,
    /// For each country NUTS classifies, by its NUTS code (`FR`, `EL`), the boxes of its
    /// polygons at 1:10m (France's include Réunion's), sorted by code.
    countries: Vec<([u8; 2], Vec<Bounds>)>,
}

impl Atlas {
    /// The embedded atlas, decoded on first use (a few milliseconds).
    pub fn get() -> &'static Atlas {
        static ATLAS: OnceLock<Atlas> = OnceLock::new();
        ATLAS.get_or_init(|| Atlas::decode(BYTES).unwrap_or(Atlas { levels: Vec::new(), countries: Vec::new() }))
    }

    /// The finest level worth drawing when one braille dot covers `degrees` of latitude, among
    /// those that cover the whole of `view`: finer detail than a dot is lost work, and a level
    /// clipped to Europe leaves the rest of a wider view empty.
    pub fn level_for(&self, degrees: f64, view: &Bounds) -> Option<&Level> {
        let covering = |l: &&Level| {
            l.clip.west <= view.west
                && l.clip.east >= view.east
                && l.clip.south <= view.south
                && l.clip.north >= view.north
        };
        // A dot of 0.05 degrees (about 5 km) or more: 1:50m is as precise as can be seen;
        // a dot of a third of a degree or more: 1:110m.
        let wanted = if degrees >= 0.3 {
            110
        } else if degrees >= 0.04 {
            50
        } else {
            10
        };
        self.levels
            .iter()
            .filter(|l| l.scale >= wanted)
            .filter(covering)
            .min_by_key(|l| l.scale)
            .or_else(|| self.levels.iter().filter(covering).max_by_key(|l| l.scale))
            .or_else(|| self.levels.first())
    }

    /// The boxes of a country's land, by its NUTS code (`EL` for Greece), if it is one NUTS
    /// classifies.
    pub fn country(&self, code: &str) -> Option<&[Bounds]> {
        let key: [u8; 2] = code.as_bytes().try_into().ok()?;
        let at = self.countries.binary_search_by(|(c, _)| c.cmp(&key)).ok()?;
        Some(&self.countries[at].1)
    }

    /// Reads the format `scripts/make-geography.py` writes; `None` if it is not that.
    pub fn decode(bytes: &[u8]) -> Option<Atlas> {
        let mut r = Reader { bytes, at: 0 };
        if r.take(4)? != b"BGEO" || r.byte()? != 1 {
            return None;
        }
        let count = r.byte()?;
        let mut levels = Vec::with_capacity(usize::from(count));
        for _ in 0..count {
            let scale = r.byte()?;
            let step = r.varint()? as f64 / 1_000_000.0;
            let mut edge = || r.zigzag().map(|v| v as f64 * step);
            let clip = Bounds { west: edge()?, south: edge()?, east: edge()?, north: edge()? };
            let land = r.lines(step)?;
            let borders = r.lines(step)?;
            levels.push(Level { scale, step, clip, land, borders });
        }
        levels.sort_by_key(|l| std::cmp::Reverse(l.scale));
        let count = usize::try_from(r.varint()?).ok()?;
        let mut countries = Vec::with_capacity(count.min(bytes.len()));
        for _ in 0..count {
            let code: [u8; 2] = r.take(2)?.try_into().ok()?;
            let boxes = usize::try_from(r.varint()?).ok()?;
            let mut list = Vec::with_capacity(boxes.min(bytes.len()));
            for _ in 0..boxes {
                let mut edge = || r.zigzag().map(|v| v as f64 / 100.0);
                list.push(Bounds { west: edge()?, south: edge()?, east: edge()?, north: edge()? });
            }
            countries.push((code, list));
        }
        countries.sort_by_key(|(code, _)| *code);
        (r.at == bytes.len()).then_some(Atlas { levels, countries })
    }
}

struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl Reader<'_> {
    fn take(&mut self, n: usize) -> Option<&[u8]> {
        let out = self.bytes.get(self.at..self.at.checked_add(n)?)?;
        self.at += n;
        Some(out)
    }

    fn byte(&mut self) -> Option<u8> {
        self.take(1).map(|b| b[0])
    }

    fn varint(&mut self) -> Option<u64> {
        let mut value = 0u64;
        for shift in (0..64).step_by(7) {
            let byte = self.byte()?;
            value |= u64::from(byte & 0x7F) << shift;
            if byte & 0x80 == 0 {
                return Some(value);
            }
        }
        None
    }

    fn zigzag(&mut self) -> Option<i64> {
        let v = self.varint()?;
        Some((v >> 1) as i64 ^ -((v & 1) as i64))
    }

    fn lines(&mut self, step: f64) -> Option<Vec<Line>> {
        let count = usize::try_from(self.varint()?).ok()?;
        let mut lines = Vec::with_capacity(count.min(self.bytes.len()));
        for _ in 0..count {
            let n = usize::try_from(self.varint()?).ok()?;
            let mut points = Vec::with_capacity(n.min(self.bytes.len()));
            let (mut x, mut y) = (0i64, 0i64);
            for _ in 0..n {
                x = x.checked_add(self.zigzag()?)?;
                y = y.checked_add(self.zigzag()?)?;
                points.push(((x as f64 * step) as f32, (y as f64 * step) as f32));
            }
            let bounds = Bounds::around(points.iter().map(|&(lon, lat)| Point::new(f64::from(lat), f64::from(lon))))?;
            lines.push(Line { bounds, points });
        }
        Some(lines)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Whether a point is on land, by the even-odd rule over a level's rings.
    fn on_land(level: &Level, p: Point) -> bool {
        let (x, y) = (p.lon as f32, p.lat as f32);
        let mut inside = false;
        for ring in level.land.iter().filter(|r| r.bounds.contains(p)) {
            for pair in
                ring.points.windows(2).chain(std::iter::once(&[ring.points[ring.points.len() - 1], ring.points[0]][..]))
            {
                let ((x1, y1), (x2, y2)) = (pair[0], pair[1]);
                if (y1 > y) != (y2 > y) && x < (x2 - x1) * (y - y1) / (y2 - y1) + x1 {
                    inside = !inside;
                }
            }
        }
        inside
    }

    #[test]
    fn the_embedded_atlas_has_three_scales_and_knows_land_from_sea() {
        let atlas = Atlas::get();
        let scales: Vec<u8> = atlas.levels.iter().map(|l| l.scale).collect();
        assert_eq!(scales, [110, 50, 10]);
        for level in &atlas.levels {
            assert!(!level.land.is_empty() && !level.borders.is_empty(), "1:{}m", level.scale);
            // Lille, Kozani and Madrid are on land; the Channel, the Aegean and the Bay of
            // Biscay are not.
            for land in [(50.63, 3.06), (40.3, 21.79), (40.42, -3.7)] {
                assert!(on_land(level, Point::from_lat_lon(land)), "1:{}m {land:?}", level.scale);
            }
            for sea in [(50.2, -0.5), (38.5, 25.0), (45.0, -4.0)] {
                assert!(!on_land(level, Point::from_lat_lon(sea)), "1:{}m {sea:?}", level.scale);
            }
        }
        let fine = &atlas.levels[2];
        assert!(fine.land.iter().map(|l| l.points.len()).sum::<usize>() > 50_000, "1:10m is detailed");
    }

    #[test]
    fn the_level_follows_the_zoom_and_covers_the_view() {
        let atlas = Atlas::get();
        let nord = Bounds { west: 1.0, south: 49.8, east: 4.5, north: 51.3 };
        assert_eq!(atlas.level_for(0.01, &nord).map(|l| l.scale), Some(10));
        let europe = Bounds { west: -12.0, south: 34.0, east: 34.0, north: 62.0 };
        assert_eq!(atlas.level_for(0.1, &europe).map(|l| l.scale), Some(50));
        assert_eq!(atlas.level_for(0.5, &europe).map(|l| l.scale), Some(110));
        // A view reaching America is drawn from the world's level, however close.
        let atlantic = Bounds { west: -80.0, south: 20.0, east: 10.0, north: 60.0 };
        assert_eq!(atlas.level_for(0.01, &atlantic).map(|l| l.scale), Some(110));
    }

    #[test]
    fn each_country_has_the_boxes_of_its_land_overseas_included() {
        let atlas = Atlas::get();
        let inside = |code: &str, lat: f64, lon: f64| {
            atlas.country(code).unwrap_or_else(|| panic!("{code}")).iter().any(|b| b.contains(Point::new(lat, lon)))
        };
        assert!(inside("FR", 50.63, 3.06), "Lille");
        assert!(inside("FR", -21.1, 55.5), "Réunion");
        assert!(inside("EL", 35.3, 25.1), "Crete, under NUTS's code for Greece");
        assert!(inside("DK", 55.68, 11.09), "Kalundborg");
        assert!(!inside("FR", 40.3, 21.79), "Kozani is not in France");
        assert!(!inside("SI", 50.63, 3.06));
        assert!(atlas.country("GR").is_none() && atlas.country("").is_none() && atlas.country("FRE").is_none());
    }

    #[test]
    fn damaged_bytes_are_refused_not_trusted() {
        assert!(Atlas::decode(b"").is_none());
        assert!(Atlas::decode(b"BGEO\x02\x00").is_none());
        for cut in [5, 6, 40, BYTES.len() / 2, BYTES.len() - 1] {
            assert!(Atlas::decode(&BYTES[..cut]).is_none(), "cut at {cut}");
        }
        assert!(Atlas::decode(BYTES).is_some());
    }
}
