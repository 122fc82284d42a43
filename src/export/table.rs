//! The text table of `boucle list`, fitted to a width: columns give way from the least
//! useful, the title is cut, and the id is never cut, since commands need it typed whole.

use std::io::{self, Write};
use unicode_width::UnicodeWidthStr;

use super::row::Row;
use crate::i18n::{Msg, Noun, count, count_of, t};
use crate::text::{Lang, fit};

/// The column titles of a list of entries, shared with the Markdown table.
pub fn columns(lang: Lang) -> [&'static str; 5] {
    [Msg::ColumnTitle, Msg::ColumnKind, Msg::ColumnRegion, Msg::ColumnYears, Msg::ColumnId].map(|m| t(lang, m))
}

/// The cells of a row, in [`columns`] order.
pub fn cells(row: &Row) -> [String; 5] {
    [row.marked_title(), row.kind_word.to_string(), row.region_id().to_string(), row.years_text(), row.id.to_string()]
}

fn pad(text: &str, width: usize) -> String {
    let fitted = fit(text, width);
    let fill = width.saturating_sub(fitted.width());
    format!("{fitted}{}", " ".repeat(fill))
}

/// Writes the rows in `width` columns (at least 20), then how many there are of `total`.
/// `ranked`: the rows are in search order, which the last line says.
pub fn write(
    rows: &[Row],
    total: usize,
    ranked: bool,
    width: usize,
    lang: Lang,
    out: &mut dyn Write,
) -> io::Result<()> {
    let width = width.max(20);
    let header = columns(lang).map(str::to_uppercase);
    let cells: Vec<[String; 5]> = rows.iter().map(cells).collect();
    let natural = |c: usize| cells.iter().map(|r| r[c].width()).chain([header[c].width()]).max().unwrap_or(0);
    // Columns after the title, dropped from the least useful as the terminal narrows. The id is
    // never cut or dropped: the title gives way instead.
    let mut shown: Vec<(usize, usize)> = (1..5).map(|c| (c, natural(c))).collect();
    let rest = |shown: &[(usize, usize)]| shown.iter().map(|(_, w)| w + 2).sum::<usize>();
    while width.saturating_sub(rest(&shown)) < 24 {
        let Some(drop) = [2, 3, 1].into_iter().find(|c| shown.iter().any(|(x, _)| x == c)) else { break };
        shown.retain(|(x, _)| *x != drop);
    }
    let title_width = width.saturating_sub(rest(&shown)).min(natural(0).max(10));
    let line = |row: &[String; 5]| {
        let mut text = pad(&row[0], title_width);
        for &(c, w) in &shown {
            text.push_str("  ");
            text.push_str(&pad(&row[c], w));
        }
        text.trim_end().to_string()
    };
    writeln!(out, "{}", line(&header))?;
    for row in &cells {
        writeln!(out, "{}", line(row))?;
    }
    let summary = if rows.len() == total {
        count(lang, Noun::Entry, total)
    } else {
        count_of(lang, Noun::Entry, rows.len(), total)
    };
    let order = if ranked { t(lang, Msg::BestFirst) } else { "" };
    // Close matches are counted where they are marked, as in the dashboard.
    let close = rows.iter().filter(|r| r.rank.is_some_and(|rank| rank.close)).count();
    let close = if close > 0 { format!(" · ≈ {}", count(lang, Noun::CloseMatch, close)) } else { String::new() };
    writeln!(out, "{summary}{order}{close}")
}
