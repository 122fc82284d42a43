//! Labels beside markers, placed so that none covers another, a marker, or the grid's edge.

/// A label to place: beside the marker at `(col, row)`, `width` cells wide (the marker itself
/// is `marker` cells wide, starting at `col`).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Label {
    pub col: u16,
    pub row: u16,
    pub marker: u16,
    pub width: u16,
}

/// Where each label goes (its first cell), or `None` where it has no room. Labels are tried in
/// the order given (most important first): right of the marker, left of it, then on the row
/// above or below; every marker's cells are taken before any label is placed.
pub fn place_labels(labels: &[Label], cols: u16, rows: u16) -> Vec<Option<(u16, u16)>> {
    let mut taken: Vec<(u16, u16, u16)> =
        labels.iter().map(|l| (l.row, l.col, l.col.saturating_add(l.marker))).collect();
    let free = |taken: &[(u16, u16, u16)], row: u16, start: u16, end: u16| {
        end <= cols && row < rows && taken.iter().all(|&(r, s, e)| r != row || e <= start || end <= s)
    };
    labels
        .iter()
        .map(|l| {
            if l.width == 0 {
                return None;
            }
            let after = l.col.saturating_add(l.marker).saturating_add(1);
            let mut tries = vec![(l.row, after)];
            if let Some(start) = l.col.checked_sub(l.width + 1) {
                tries.push((l.row, start));
            }
            for row in [l.row.checked_sub(1), l.row.checked_add(1)].into_iter().flatten() {
                tries.push((row, l.col));
                if let Some(start) = (l.col + l.marker).checked_sub(l.width) {
                    tries.push((row, start));
                }
            }
            let spot =
                tries.into_iter().find(|&(row, start)| free(&taken, row, start, start.saturating_add(l.width)))?;
            // A gap of one cell after a label, so that two never read as one.
            taken.push((spot.0, spot.1, spot.1.saturating_add(l.width + 1)));
            Some((spot.1, spot.0))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn overlaps(a: (u16, u16, u16), b: (u16, u16, u16)) -> bool {
        a.0 == b.0 && a.1 < b.2 && b.1 < a.2
    }

    #[test]
    fn a_label_goes_right_of_its_marker_when_there_is_room() {
        let placed = place_labels(&[Label { col: 5, row: 3, marker: 2, width: 6 }], 40, 10);
        assert_eq!(placed, [Some((8, 3))]);
    }

    #[test]
    fn a_label_at_the_right_edge_goes_left() {
        let placed = place_labels(&[Label { col: 35, row: 3, marker: 2, width: 8 }], 40, 10);
        assert_eq!(placed, [Some((26, 3))]);
    }

    #[test]
    fn labels_never_cover_each_other_nor_a_marker() {
        // A crowd of markers on a small grid: whatever gets a place, nothing overlaps.
        let labels: Vec<Label> =
            (0..60u16).map(|i| Label { col: (i * 7) % 38, row: (i * 3) % 12, marker: 2, width: 4 + i % 9 }).collect();
        let placed = place_labels(&labels, 40, 12);
        let mut spans: Vec<(u16, u16, u16)> = labels.iter().map(|l| (l.row, l.col, l.col + l.marker)).collect();
        let markers = spans.len();
        for (label, spot) in labels.iter().zip(&placed) {
            if let Some((col, row)) = *spot {
                let span = (row, col, col + label.width);
                assert!(span.2 <= 40 && row < 12, "{span:?} leaves the grid");
                for (i, other) in spans.iter().enumerate() {
                    let same_marker = i < markers && labels[i] == *label;
                    assert!(same_marker || !overlaps(span, *other), "{span:?} covers {other:?}");
                }
                spans.push(span);
            }
        }
        assert!(placed.iter().any(Option::is_some) && placed.iter().any(Option::is_none));
    }

    #[test]
    fn the_first_label_wins_a_contested_place() {
        let a = Label { col: 10, row: 5, marker: 2, width: 10 };
        let b = Label { col: 14, row: 5, marker: 2, width: 10 };
        let placed = place_labels(&[a, b], 60, 10);
        // Right of a would cover b's marker, and there is no room on its left: the row above.
        assert_eq!(placed[0], Some((10, 4)));
        assert_eq!(placed[1], Some((17, 5)));
    }
}
