//! A tour on the map: its stops numbered in order, stops at one place sharing a marker.

use super::Point;

/// A place the tour stops at: its point and the numbers (from 1) of the stops there, in order.
#[derive(Clone, Debug, PartialEq)]
pub struct RouteStop {
    pub point: Point,
    pub numbers: Vec<usize>,
}

impl RouteStop {
    /// `1`, or `1,3` for a place visited twice, or `1–3` for three stops in a row there.
    pub fn label(&self) -> String {
        let mut parts: Vec<String> = Vec::new();
        let mut i = 0;
        while i < self.numbers.len() {
            let start = self.numbers[i];
            let mut end = start;
            while i + 1 < self.numbers.len() && self.numbers[i + 1] == end + 1 {
                i += 1;
                end = self.numbers[i];
            }
            parts.push(match end - start {
                0 => start.to_string(),
                1 => format!("{start},{end}"),
                _ => format!("{start}–{end}"),
            });
            i += 1;
        }
        parts.join(",")
    }
}

/// The tour's places in order of first visit, and the legs between consecutive stops (indices
/// into the places; stops without a place are skipped, a leg that stays put is dropped).
pub fn route(stops: &[Option<Point>]) -> (Vec<RouteStop>, Vec<(usize, usize)>) {
    let mut places: Vec<RouteStop> = Vec::new();
    let mut legs = Vec::new();
    let mut previous: Option<usize> = None;
    for (index, stop) in stops.iter().enumerate() {
        let Some(point) = stop.filter(|p| p.is_valid()) else { continue };
        let at = match places.iter().position(|p| same_place(p.point, point)) {
            Some(at) => at,
            None => {
                places.push(RouteStop { point, numbers: Vec::new() });
                places.len() - 1
            }
        };
        places[at].numbers.push(index + 1);
        if let Some(from) = previous
            && from != at
        {
            legs.push((from, at));
        }
        previous = Some(at);
    }
    (places, legs)
}

/// Closer than about 100 m: one marker.
fn same_place(a: Point, b: Point) -> bool {
    (a.lat - b.lat).abs() < 0.001 && (a.lon - b.lon).abs() < 0.001
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stops_are_numbered_in_order_and_a_place_visited_twice_keeps_both_numbers() {
        let bethune = Point::new(50.53, 2.64);
        let lille = Point::new(50.63, 3.06);
        let kozani = Point::new(40.3, 21.79);
        let (places, legs) = route(&[Some(bethune), Some(lille), None, Some(bethune), Some(kozani)]);
        assert_eq!(places.len(), 3);
        assert_eq!(places[0].numbers, [1, 4]);
        assert_eq!(places[0].label(), "1,4");
        assert_eq!(places[1].label(), "2");
        assert_eq!(places[2].label(), "5", "the stop without a place keeps its number");
        assert_eq!(legs, [(0, 1), (1, 0), (0, 2)]);
    }

    #[test]
    fn stops_in_a_row_at_one_place_share_a_marker_and_draw_no_leg() {
        let p = Point::new(50.0, 2.0);
        let (places, legs) = route(&[Some(p), Some(p), Some(p), Some(Point::new(51.0, 2.0))]);
        assert_eq!(places[0].label(), "1–3");
        assert_eq!(legs, [(0, 1)]);
        let (none, no_legs) = route(&[None, Some(Point::new(f64::NAN, 0.0))]);
        assert!(none.is_empty() && no_legs.is_empty());
    }
}
