//! Markers that would overlap on the grid become one, with how many entries it stands for.

/// One marker after clustering: where it is drawn (its heaviest member's place), the members'
/// indices in the input, and their total weight.
#[derive(Clone, Debug, PartialEq)]
pub struct Cluster {
    pub col: f64,
    pub row: f64,
    pub members: Vec<usize>,
    pub weight: u32,
}

/// Gathers markers at cell positions `(col, row, weight)`: heaviest first, each joins the
/// first cluster whose place is within `reach` columns and one row, else starts its own. The
/// result is in the order the clusters were started (heaviest first), members in input order.
pub fn cluster(markers: &[(f64, f64, u32)], reach: f64) -> Vec<Cluster> {
    let mut order: Vec<usize> = (0..markers.len()).collect();
    order.sort_by(|&a, &b| markers[b].2.cmp(&markers[a].2).then(a.cmp(&b)));
    let mut out: Vec<Cluster> = Vec::new();
    for index in order {
        let (col, row, weight) = markers[index];
        if !(col.is_finite() && row.is_finite()) {
            continue;
        }
        match out.iter_mut().find(|c| (c.col - col).abs() <= reach && (c.row - row).abs() < 1.0) {
            Some(c) => {
                c.members.push(index);
                c.weight += weight;
            }
            None => out.push(Cluster { col, row, members: vec![index], weight }),
        }
    }
    for c in &mut out {
        c.members.sort_unstable();
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markers_on_one_spot_become_one_with_the_sum() {
        let markers = [(10.2, 5.1, 2), (10.9, 5.4, 3), (40.0, 5.0, 1)];
        let clusters = cluster(&markers, 3.0);
        assert_eq!(clusters.len(), 2);
        assert_eq!(clusters[0].members, [0, 1]);
        assert_eq!(clusters[0].weight, 5);
        assert_eq!((clusters[0].col, clusters[0].row), (10.9, 5.4), "drawn at the heaviest");
        assert_eq!(clusters[1].members, [2]);
    }

    #[test]
    fn markers_apart_stay_apart_and_nothing_is_lost() {
        let markers: Vec<(f64, f64, u32)> = (0..20).map(|i| (f64::from(i) * 5.0, f64::from(i % 3) * 2.0, 1)).collect();
        let clusters = cluster(&markers, 3.0);
        assert_eq!(clusters.len(), 20);
        let weights: u32 = cluster(&[(1.0, 1.0, 4), (2.0, 1.5, 4), (3.5, 1.2, 4), (f64::NAN, 0.0, 9)], 3.0)
            .iter()
            .map(|c| c.weight)
            .sum();
        assert_eq!(weights, 12, "every finite marker is counted once");
    }

    #[test]
    fn no_two_clusters_are_close_enough_to_overlap() {
        let markers: Vec<(f64, f64, u32)> =
            (0..200).map(|i| ((i * 37 % 101) as f64 * 0.7, (i * 13 % 17) as f64 * 0.6, (i % 5 + 1) as u32)).collect();
        let clusters = cluster(&markers, 3.0);
        for (i, a) in clusters.iter().enumerate() {
            for b in &clusters[i + 1..] {
                assert!(!((a.col - b.col).abs() <= 3.0 && (a.row - b.row).abs() < 1.0), "{a:?} {b:?}");
            }
        }
    }
}
