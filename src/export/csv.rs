//! CSV for spreadsheets, through the csv crate for correct quoting. Cells hold ids (several
//! joined by `;`), so a sheet can be filtered with the same values as `boucle list`.

use std::io::Write;

use super::row::{Listed, Row};

/// The header row; a tool's interface, like JSON field names.
pub const HEADER: [&str; 13] = [
    "id",
    "kind",
    "title",
    "summary",
    "region",
    "materials",
    "themes",
    "stages",
    "organisations",
    "years",
    "status",
    "score",
    "close",
];

/// A CSV cell that a spreadsheet will not run as a formula.
pub fn cell(text: &str) -> String {
    if text.starts_with(['=', '+', '-', '@', '\t', '\r']) { format!("'{text}") } else { text.to_string() }
}

/// Writes the rows; `ranked`: the list is in search order, so the score and close columns are
/// filled.
pub fn write_rows(rows: &[Row], ranked: bool, out: &mut dyn Write) -> Result<(), csv::Error> {
    let mut writer = csv::Writer::from_writer(out);
    writer.write_record(HEADER)?;
    let ids = |items: &[Listed]| items.iter().map(|i| i.id.as_str()).collect::<Vec<_>>().join(";");
    for row in rows {
        let record = [
            row.id.to_string(),
            row.kind.id().to_string(),
            row.title.clone(),
            row.summary.clone(),
            row.region_id().to_string(),
            ids(&row.materials),
            ids(&row.themes),
            ids(&row.stages),
            ids(&row.organisations),
            row.years.iter().map(|y| y.to_string()).collect::<Vec<_>>().join(";"),
            row.status.id().to_string(),
            match (ranked, row.rank) {
                (true, Some(rank)) => rank.score.to_string(),
                _ => String::new(),
            },
            // Found only within a typo of a word (≈ in the table), when ranked.
            match (ranked, row.rank) {
                (true, Some(rank)) => rank.close.to_string(),
                _ => String::new(),
            },
        ];
        writer.write_record(record.iter().map(|c| cell(c)))?;
    }
    writer.flush()?;
    Ok(())
}
