//! What the overview's charts say, before drawing: the rows of each chart, from the counts of
//! the results, the vocabularies' groups and what the user unfolded. Pure functions: the
//! property test (`tests/it/overview_counts.rs`) holds their counts to the facet counts.

use super::super::super::state::OverviewState;
use crate::i18n::overview::{ChartWord, chart_word, others, region_itself, regions_heading};
use crate::model::Vocabulary;
use crate::query::{Facet, Indexed};
use crate::text::Lang;

/// How a row stands in its group.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Fold {
    /// No members with results.
    Leaf,
    /// A group whose members are hidden (`→` unfolds it).
    Folded,
    Unfolded,
}

/// One line of a chart.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Row {
    /// The vocabulary value (or year), `None` for the "others" row.
    pub value: Option<usize>,
    /// The code shown before the label (`E5`, `FRE12`), if any.
    pub code: Option<String>,
    pub label: String,
    pub count: u32,
    pub depth: u8,
    pub fold: Fold,
}

/// A chart: its heading and rows, most telling first.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Chart {
    pub heading: String,
    pub rows: Vec<Row>,
}

/// The chart of `facet` (one of [`CHARTED`](super::super::super::state::CHARTED)) over the overview's tally, in at most `room`
/// rows: what the overview draws and the screen-reader mode says.
pub fn chart(indexed: &Indexed, overview: &OverviewState, facet: Facet, lang: Lang, room: usize) -> Chart {
    let counts = overview.tally().counts(facet);
    let vocabularies = &indexed.catalogue().vocabularies;
    match facet {
        Facet::Material => materials(&vocabularies.materials, counts, &overview.unfolded, lang, room),
        Facet::Theme => themes(&vocabularies.themes, counts, lang, room),
        Facet::Region => regions(&vocabularies.regions, counts, lang, room),
        Facet::Stage => stages(&vocabularies.stages, counts, lang, room),
        _ => years(indexed.engine().years(), counts, lang, room),
    }
}

fn value_row(vocabulary: &Vocabulary, counts: &[u32], value: usize, depth: u8, lang: Lang, code: bool) -> Row {
    let term = vocabulary.term(value);
    let label = term.label.get(lang);
    let label = if label.is_empty() { term.id.to_string() } else { label.to_string() };
    let members = vocabulary.children_of(value).iter().any(|&c| count_of(counts, c) > 0);
    Row {
        value: Some(value),
        code: code.then(|| term.id.to_string()),
        label,
        count: count_of(counts, value),
        depth,
        fold: if members { Fold::Folded } else { Fold::Leaf },
    }
}

fn count_of(counts: &[u32], value: usize) -> u32 {
    counts.get(value).copied().unwrap_or(0)
}

fn others_row(lang: Lang, n: usize, noun: ChartWord) -> Row {
    Row { value: None, code: None, label: others(lang, n, noun), count: 0, depth: 0, fold: Fold::Leaf }
}

/// Values with results, most first (then in vocabulary order).
fn by_count(counts: &[u32], values: impl IntoIterator<Item = usize>) -> Vec<usize> {
    let mut out: Vec<usize> = values.into_iter().filter(|&v| count_of(counts, v) > 0).collect();
    out.sort_by(|&a, &b| count_of(counts, b).cmp(&count_of(counts, a)).then(a.cmp(&b)));
    out
}

/// The top values as rows in `room` lines: each top value, then, for those the user unfolded,
/// its members with results, most first (recursively). A top value is shown folded when its
/// members do not fit; what does not fit at all is one "others" row saying how many top values
/// it stands for.
#[allow(clippy::too_many_arguments)]
fn grouped(
    vocabulary: &Vocabulary,
    counts: &[u32],
    tops: Vec<usize>,
    unfolded: &dyn Fn(usize) -> bool,
    room: usize,
    lang: Lang,
    noun: ChartWord,
    code: bool,
) -> Vec<Row> {
    if room == 0 || tops.is_empty() {
        return Vec::new();
    }
    let block = |value: usize| {
        let mut rows = Vec::new();
        let mut stack = vec![(value, 0u8)];
        while let Some((v, depth)) = stack.pop() {
            let mut row = value_row(vocabulary, counts, v, depth, lang, code);
            if row.fold == Fold::Folded && unfolded(v) {
                row.fold = Fold::Unfolded;
                let members = by_count(counts, vocabulary.children_of(v).iter().copied());
                stack.extend(members.into_iter().rev().map(|m| (m, depth + 1)));
            }
            rows.push(row);
        }
        rows
    };
    let mut rows: Vec<Row> = Vec::new();
    let mut shown = 0;
    for (i, &top) in tops.iter().enumerate() {
        // A line is kept for the "others" row while top values remain after this one.
        let reserve = usize::from(i + 1 < tops.len());
        let mut lines = block(top);
        if rows.len() + lines.len() + reserve > room {
            if rows.len() + 1 + reserve > room {
                break;
            }
            lines = vec![value_row(vocabulary, counts, top, 0, lang, code)];
        }
        rows.extend(lines);
        shown += 1;
    }
    if shown < tops.len() {
        rows.push(others_row(lang, tops.len() - shown, noun));
    }
    rows
}

fn tops(vocabulary: &Vocabulary, counts: &[u32]) -> Vec<usize> {
    by_count(counts, (0..vocabulary.len()).filter(|&v| vocabulary.parent_of(v).is_none()))
}

/// Materials as the vocabulary groups them: « Rare earths 15 » is one row, which `→` unfolds.
pub fn materials(vocabulary: &Vocabulary, counts: &[u32], unfolded: &[usize], lang: Lang, room: usize) -> Chart {
    let rows = grouped(
        vocabulary,
        counts,
        tops(vocabulary, counts),
        &|v| unfolded.contains(&v),
        room,
        lang,
        ChartWord::Materials,
        false,
    );
    Chart { heading: chart_word(lang, ChartWord::Materials).to_string(), rows }
}

/// ESG themes under their pillars, with their codes: `E Environment`, then `E5 …`. Where the
/// pillars and their topics do not all fit, the topics alone, most first: their codes
/// (`E5`, `S3`) still say the pillar.
pub fn themes(vocabulary: &Vocabulary, counts: &[u32], lang: Lang, room: usize) -> Chart {
    let heading = chart_word(lang, ChartWord::Themes).to_string();
    // Pillars in the vocabulary's order (E, S, G), each with its topics.
    let pillars: Vec<usize> =
        (0..vocabulary.len()).filter(|&v| vocabulary.parent_of(v).is_none() && count_of(counts, v) > 0).collect();
    let whole = grouped(vocabulary, counts, pillars, &|_| true, usize::MAX, lang, ChartWord::Themes, true);
    if whole.len() <= room {
        let rows = whole.into_iter().map(|r| Row { fold: Fold::Leaf, ..r }).collect();
        return Chart { heading, rows };
    }
    let topics = by_count(counts, (0..vocabulary.len()).filter(|&v| vocabulary.parent_of(v).is_some()));
    let rows = grouped(vocabulary, counts, topics, &|_| false, room, lang, ChartWord::Themes, true);
    Chart { heading, rows: rows.into_iter().map(|r| Row { fold: Fold::Leaf, ..r }).collect() }
}

/// Regions at the level that tells most: countries when the results are in several, else the
/// parts of the one region they all share (NUTS 1, 2 or 3), with a row for the entries placed
/// at that region itself. Each entry has one region, so a region's count is its parts' sum
/// plus its own entries.
pub fn regions(vocabulary: &Vocabulary, counts: &[u32], lang: Lang, room: usize) -> Chart {
    let mut level = tops(vocabulary, counts);
    let mut anchor = None;
    while let [only] = level[..] {
        let parts = by_count(counts, vocabulary.children_of(only).iter().copied());
        if parts.is_empty() {
            break;
        }
        anchor = Some(only);
        level = parts;
    }
    let depth = level.first().map_or(0, |&v| vocabulary.depth(v));
    let mut rows = grouped(vocabulary, counts, level.clone(), &|_| false, room, lang, ChartWord::Regions, true);
    if let Some(anchor) = anchor {
        let parts: u32 = level.iter().map(|&v| count_of(counts, v)).sum();
        let own = count_of(counts, anchor).saturating_sub(parts);
        if own > 0 && rows.len() < room {
            let mut row = value_row(vocabulary, counts, anchor, 0, lang, true);
            row.label = region_itself(lang, &row.label);
            row.count = own;
            row.fold = Fold::Leaf;
            rows.push(row);
        }
    }
    let within = anchor.map(|a| vocabulary.term(a).label.get(lang).to_string());
    Chart { heading: regions_heading(lang, within.as_deref(), depth), rows }
}

/// Value-chain stages in the chain's order; when they do not all fit, the most frequent.
pub fn stages(vocabulary: &Vocabulary, counts: &[u32], lang: Lang, room: usize) -> Chart {
    let with = by_count(counts, 0..vocabulary.len());
    let mut rows = Vec::new();
    if room > 0 && !with.is_empty() {
        let shown = if with.len() > room { room - 1 } else { with.len() };
        let mut kept: Vec<usize> = with[..shown].to_vec();
        kept.sort_unstable();
        rows = kept.into_iter().map(|v| value_row(vocabulary, counts, v, 0, lang, false)).collect();
        if shown < with.len() {
            rows.push(others_row(lang, with.len() - shown, ChartWord::Stages));
        }
    }
    Chart { heading: chart_word(lang, ChartWord::Stages).to_string(), rows }
}

/// Years in order; when they do not all fit, the years with the most entries (in order), and a
/// row saying how many others there are.
pub fn years(years: &[i32], counts: &[u32], lang: Lang, room: usize) -> Chart {
    let with = by_count(counts, 0..years.len());
    let mut rows = Vec::new();
    if room > 0 && !with.is_empty() {
        let shown = if with.len() > room { room - 1 } else { with.len() };
        let mut kept: Vec<usize> = with[..shown].to_vec();
        kept.sort_unstable_by_key(|&v| years[v]);
        rows.extend(kept.into_iter().map(|v| Row {
            value: Some(v),
            code: None,
            label: years[v].to_string(),
            count: count_of(counts, v),
            depth: 0,
            fold: Fold::Leaf,
        }));
        if shown < with.len() {
            rows.push(others_row(lang, with.len() - shown, ChartWord::Years));
        }
    }
    Chart { heading: chart_word(lang, ChartWord::Years).to_string(), rows }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Id, Term};
    use crate::text::Label;

    fn term(id: &str, parent: Option<&str>) -> Term {
        Term {
            id: Id::parse(id).unwrap(),
            label: Label::plain(&id.to_uppercase()),
            parents: parent.map(|p| Id::parse(p).unwrap()).into_iter().collect(),
            coordinates: None,
            symbol: None,
            critical: false,
            strategic: false,
        }
    }

    /// The case: seven magnet rare earths at 15 each, and a tail of single materials.
    fn swamped() -> (Vocabulary, Vec<u32>) {
        let mut terms = vec![term("rare-earths", None)];
        let members = ["nd", "pr", "tb", "dy", "gd", "sm", "ce"];
        terms.extend(members.iter().map(|m| term(m, Some("rare-earths"))));
        let tail = ["lithium", "cobalt", "lead", "zinc", "copper", "nickel"];
        terms.extend(tail.iter().map(|m| term(m, None)));
        let mut counts = vec![15; 8];
        counts.extend([5, 4, 3, 2, 1, 1]);
        (Vocabulary::new(terms), counts)
    }

    #[test]
    fn a_group_is_one_row_and_its_members_do_not_crowd_out_the_rest() {
        let (vocabulary, counts) = swamped();
        let chart = materials(&vocabulary, &counts, &[], Lang::En, 5);
        let labels: Vec<&str> = chart.rows.iter().map(|r| r.label.as_str()).collect();
        assert_eq!(labels, ["RARE-EARTHS", "LITHIUM", "COBALT", "LEAD", "+ 3 other materials"]);
        assert_eq!(chart.rows[0].fold, Fold::Folded);
        assert_eq!(chart.rows[0].count, 15);
    }

    #[test]
    fn unfolding_shows_the_members_and_folds_back_when_there_is_no_room() {
        let (vocabulary, counts) = swamped();
        let open = materials(&vocabulary, &counts, &[0], Lang::En, 12);
        assert_eq!(open.rows[0].fold, Fold::Unfolded);
        assert!(open.rows[1..8].iter().all(|r| r.depth == 1 && r.count == 15), "{open:?}");
        assert_eq!(open.rows[8].label, "LITHIUM");
        let tight = materials(&vocabulary, &counts, &[0], Lang::En, 4);
        assert_eq!(tight.rows.len(), 4);
        assert_eq!(tight.rows[0].fold, Fold::Folded, "no room for seven members in four lines");
    }

    #[test]
    fn themes_show_pillars_and_codes_while_there_is_room() {
        let vocabulary = Vocabulary::new(vec![
            term("E", None),
            term("E1", Some("E")),
            term("E5", Some("E")),
            term("S", None),
            term("S3", Some("S")),
        ]);
        let counts = [9, 2, 8, 6, 6];
        let chart = themes(&vocabulary, &counts, Lang::En, 5);
        let codes: Vec<&str> = chart.rows.iter().filter_map(|r| r.code.as_deref()).collect();
        assert_eq!(codes, ["E", "E5", "E1", "S", "S3"]);
        let small = themes(&vocabulary, &counts, Lang::En, 3);
        let labels: Vec<&str> = small.rows.iter().map(|r| r.code.as_deref().unwrap_or(&r.label)).collect();
        assert_eq!(labels, ["E5", "S3", "E1"], "the topics, whose codes say their pillar");
        let smaller = themes(&vocabulary, &counts, Lang::En, 2);
        let labels: Vec<&str> = smaller.rows.iter().map(|r| r.code.as_deref().unwrap_or(&r.label)).collect();
        assert_eq!(labels, ["E5", "+ 2 other themes"]);
    }

    #[test]
    fn regions_go_down_to_the_level_where_the_results_part() {
        let vocabulary = Vocabulary::new(vec![
            term("FR", None),
            term("FRE", Some("FR")),
            term("FRE1", Some("FRE")),
            term("FRE11", Some("FRE1")),
            term("FRE12", Some("FRE1")),
            term("EL", None),
        ]);
        let countries = regions(&vocabulary, &[8, 8, 8, 1, 6, 2], Lang::En, 6);
        assert_eq!(countries.heading, "Regions (countries)");
        assert_eq!(countries.rows.iter().map(|r| r.count).collect::<Vec<_>>(), [8, 2]);
        let one = regions(&vocabulary, &[8, 8, 8, 1, 6, 0], Lang::En, 6);
        assert_eq!(one.heading, "Regions in FRE1 (NUTS 3)");
        let labels: Vec<&str> = one.rows.iter().map(|r| r.label.as_str()).collect();
        assert_eq!(labels, ["FRE12", "FRE11", "FRE1, no finer place"]);
        assert_eq!(one.rows[2].count, 1, "8 in FRE1, 7 of them in its parts");
    }

    #[test]
    fn years_keep_the_latest_and_stages_keep_the_chain_order() {
        let chart = years(&[2009, 2016, 2022, 2025], &[1, 0, 3, 5], Lang::En, 3);
        let labels: Vec<&str> = chart.rows.iter().map(|r| r.label.as_str()).collect();
        assert_eq!(labels, ["2009", "2022", "2025"], "in order, the year without entries left out");
        let chart = years(&[2009, 2016, 2022, 2025], &[1, 0, 3, 5], Lang::En, 2);
        let labels: Vec<&str> = chart.rows.iter().map(|r| r.label.as_str()).collect();
        assert_eq!(labels, ["2025", "+ 2 other years"], "the busiest years");
        let vocabulary =
            Vocabulary::new(vec![term("extraction", None), term("processing", None), term("recycling", None)]);
        let chart = stages(&vocabulary, &[1, 0, 6], Lang::En, 3);
        let labels: Vec<&str> = chart.rows.iter().map(|r| r.label.as_str()).collect();
        assert_eq!(labels, ["EXTRACTION", "RECYCLING"]);
    }
}
