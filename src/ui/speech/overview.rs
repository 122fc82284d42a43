//! The overview in the screen-reader mode: each chart as one line (its heading, then each
//! value with its count, most first) and the map as the places with their counts, said again
//! whenever the results change.

use super::super::state::CHARTED;
use super::super::view::overview::charts::chart;
use super::seen::Seen;
use crate::i18n::overview::{ChartWord, chart_word, not_on_map, others};
use crate::i18n::with_colon;

/// Rows said per chart: the overview's charts on a tall screen say about as many.
const ROWS: usize = 8;
/// Places said on the map line, the most results first.
const PLACES: usize = 12;

pub fn lines(seen: &Seen) -> Vec<String> {
    let (shared, overview) = (seen.shared, seen.overview);
    let lang = shared.lang();
    let mut lines: Vec<String> = CHARTED
        .into_iter()
        .map(|facet| chart(shared.indexed(), overview, facet, lang, ROWS))
        .filter(|chart| !chart.rows.is_empty())
        .map(|chart| {
            // The "+ 4 other years" row has no count of its own.
            let rows: Vec<String> = chart
                .rows
                .iter()
                .map(|row| if row.value.is_some() { format!("{} {}", row.label, row.count) } else { row.label.clone() })
                .collect();
            format!("{} {}", with_colon(lang, &chart.heading), rows.join(", "))
        })
        .collect();
    let tally = overview.tally();
    let mut places: Vec<_> = tally.places().iter().collect();
    places.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.label.cmp(&b.label)));
    let mut map: Vec<String> =
        places.iter().take(PLACES).map(|place| format!("{} {}", place.label, place.count)).collect();
    if places.len() > PLACES {
        map.push(others(lang, places.len() - PLACES, ChartWord::Map));
    }
    if tally.unplaced() > 0 {
        map.push(not_on_map(lang, tally.unplaced()));
    }
    if !map.is_empty() {
        lines.push(format!("{} {}", with_colon(lang, chart_word(lang, ChartWord::Map)), map.join(", ")));
    }
    lines
}
