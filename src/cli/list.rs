//! `boucle list` and the pieces `boucle show` shares: the entries a query and filters select,
//! as a table that fits the terminal, JSON, CSV or Markdown. It runs the dashboard's engine,
//! so both always agree.

use clap::{Args, ValueEnum};
use std::fmt;
use std::io::{self, Write};
use unicode_width::UnicodeWidthStr;

use super::filters::FilterArgs;
use crate::model::{Catalogue, Entry};
use crate::query::{Engine, Facet, Filters, Hit, Query};
use crate::text::{Lang, fit};

#[derive(Clone, Debug, Args)]
pub struct ListArgs {
    #[command(flatten)]
    pub filters: FilterArgs,

    /// Output: a table for people, or json, csv, md (Markdown) for other tools.
    #[arg(long, value_enum, default_value_t = ListFormat::Table)]
    pub format: ListFormat,

    /// At most this many entries, best first (default: all).
    #[arg(long, value_name = "N")]
    pub limit: Option<usize>,

    /// Width of the table in columns (default: the terminal's, else $COLUMNS, else 100).
    #[arg(long, value_name = "COLUMNS")]
    pub width: Option<usize>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ListFormat {
    Table,
    Json,
    Csv,
    Md,
}

/// Why `list` or `show` could not do what was asked.
#[derive(Debug)]
pub enum CommandError {
    /// The user asked for something that does not exist (exit code 2): the message says
    /// what and suggests the closest names.
    Usage(String),
    Io(io::Error),
}

impl fmt::Display for CommandError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CommandError::Usage(message) => f.write_str(message),
            CommandError::Io(e) => write!(f, "{e}"),
        }
    }
}

impl std::error::Error for CommandError {}

impl From<io::Error> for CommandError {
    fn from(e: io::Error) -> Self {
        CommandError::Io(e)
    }
}

impl From<csv::Error> for CommandError {
    fn from(e: csv::Error) -> Self {
        // Keep a write error as it is, so that a closed pipe is recognised as one.
        let message = e.to_string();
        if e.is_io_error()
            && let csv::ErrorKind::Io(io) = e.into_kind()
        {
            return CommandError::Io(io);
        }
        CommandError::Io(io::Error::other(message))
    }
}

impl CommandError {
    /// The process exit code: 2 for a usage problem, 1 for an output failure.
    pub fn exit_code(&self) -> i32 {
        match self {
            CommandError::Usage(_) => 2,
            CommandError::Io(_) => 1,
        }
    }
}

/// The ids closest to `wanted`, best first: those containing it, then by edit similarity.
pub fn closest<'a>(wanted: &str, candidates: impl Iterator<Item = &'a str>, count: usize) -> Vec<&'a str> {
    let wanted_lower = wanted.to_lowercase();
    let mut scored: Vec<(f64, &str)> = candidates
        .map(|c| {
            let lower = c.to_lowercase();
            let contains = !wanted_lower.is_empty() && (lower.contains(&wanted_lower) || wanted_lower.contains(&lower));
            let similarity = strsim::jaro_winkler(&wanted_lower, &lower);
            (if contains { 1.0 + similarity } else { similarity }, c)
        })
        .filter(|(s, _)| *s >= 0.75)
        .collect();
    scored.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(b.1)));
    scored.into_iter().take(count).map(|(_, c)| c).collect()
}

fn did_you_mean(suggestions: &[&str]) -> String {
    match suggestions {
        [] => String::new(),
        [one] => format!(" — did you mean \"{one}\"?"),
        many => format!(" — did you mean {}?", many.iter().map(|s| format!("\"{s}\"")).collect::<Vec<_>>().join(", ")),
    }
}

fn facet_noun(facet: Facet) -> &'static str {
    match facet {
        Facet::Region => "region",
        Facet::Material => "material",
        Facet::Theme => "ESG theme",
        Facet::Kind => "kind",
        Facet::Stage => "value-chain stage",
        Facet::Organisation => "organisation",
        Facet::Year => "year",
        Facet::Status => "review status",
    }
}

fn unknown_value(engine: &Engine, catalogue: &Catalogue, facet: Facet, text: &str) -> String {
    let ids: Vec<String> = (0..engine.value_count(facet)).map(|v| engine.value_id(catalogue, facet, v)).collect();
    let shown = crate::text::sanitize(text, crate::text::Lines::Single);
    format!(
        "unknown {} \"{shown}\"{}",
        facet_noun(facet),
        did_you_mean(&closest(text, ids.iter().map(String::as_str), 3))
    )
}

/// Resolves the flags and the query into engine inputs, or says what is wrong.
fn selection(engine: &Engine, catalogue: &Catalogue, args: &FilterArgs) -> Result<(Query, Filters), CommandError> {
    let mut filters = Filters::default();
    let mut problems = Vec::new();
    for (facet, text) in args.selections() {
        match engine.resolve_value(catalogue, facet, &text) {
            Some(values) if !values.is_empty() => values.into_iter().for_each(|v| filters.select(facet, v)),
            // A year with no entries: a valid filter that selects nothing.
            Some(_) => filters.select(facet, usize::MAX),
            None => problems.push(format!("{}: {}", facet.flag(), unknown_value(engine, catalogue, facet, &text))),
        }
    }
    let query = Query::parse(&args.query);
    problems.extend(query.errors.iter().map(|e| format!("--query: {}", e.message)));
    for field in &query.fields {
        for text in &field.values {
            if engine.resolve_value(catalogue, field.facet, text).is_none() {
                problems.push(format!("--query: {}", unknown_value(engine, catalogue, field.facet, text)));
            }
        }
    }
    if problems.is_empty() { Ok((query, filters)) } else { Err(CommandError::Usage(problems.join("\n"))) }
}

/// Ids of a vocabulary facet's values of an entry (its own, not their parents).
fn own_ids(entry: &Entry, facet: Facet) -> Vec<String> {
    match facet {
        Facet::Region => entry.common.location.iter().map(|l| l.region.to_string()).collect(),
        Facet::Material => entry.common.materials.iter().map(|i| i.to_string()).collect(),
        Facet::Theme => entry.common.themes.iter().map(|i| i.to_string()).collect(),
        Facet::Stage => entry.common.stages.iter().map(|i| i.to_string()).collect(),
        Facet::Organisation => entry.organisations().into_iter().map(|i| i.to_string()).collect(),
        Facet::Year => entry.years().iter().map(|y| y.to_string()).collect(),
        Facet::Kind => vec![entry.kind.id().to_string()],
        Facet::Status => vec![entry.common.review.status.id().to_string()],
    }
}

/// Years as shown: `2017–2019`, `2025`, or nothing.
fn years_text(entry: &Entry) -> String {
    let years = entry.years();
    match (years.first(), years.last()) {
        (Some(a), Some(b)) if a != b => format!("{a}–{b}"),
        (Some(a), _) => a.to_string(),
        _ => String::new(),
    }
}

fn pad(text: &str, width: usize) -> String {
    let fitted = fit(text, width);
    let fill = width.saturating_sub(fitted.width());
    format!("{fitted}{}", " ".repeat(fill))
}

/// The terminal's width when stdout is one, else `$COLUMNS`, else 100.
fn terminal_width() -> usize {
    use std::io::IsTerminal;
    if io::stdout().is_terminal()
        && let Ok((columns, _)) = ratatui::crossterm::terminal::size()
        && columns > 0
    {
        return columns as usize;
    }
    std::env::var("COLUMNS").ok().and_then(|c| c.parse().ok()).filter(|&c| c > 0).unwrap_or(100)
}

/// A CSV cell that a spreadsheet will not run as a formula.
pub fn csv_cell(text: &str) -> String {
    if text.starts_with(['=', '+', '-', '@', '\t', '\r']) { format!("'{text}") } else { text.to_string() }
}

/// Escapes a Markdown table cell.
pub fn md_cell(text: &str) -> String {
    text.replace('\\', "\\\\").replace('|', "\\|").replace('\n', " ")
}

/// `boucle list`: writes the entries the filters and query select, best first.
pub fn run_list(catalogue: &Catalogue, args: &ListArgs, lang: Lang, out: &mut dyn Write) -> Result<(), CommandError> {
    let engine = Engine::new(catalogue);
    let (query, filters) = selection(&engine, catalogue, &args.filters)?;
    let limit = args.limit.unwrap_or(usize::MAX);
    let results = engine.search(catalogue, &query, &filters, lang, limit);
    let ranked = !query.words.is_empty();
    let hits = &results.hits;
    match args.format {
        ListFormat::Table => {
            write_table(catalogue, hits, ranked, results.total, args.width.unwrap_or_else(terminal_width), lang, out)?
        }
        ListFormat::Json => write_json(catalogue, &engine, hits, lang, out)?,
        ListFormat::Csv => write_csv(catalogue, hits, ranked, lang, out)?,
        ListFormat::Md => write_md(catalogue, hits, lang, out)?,
    }
    Ok(())
}

fn write_table(
    catalogue: &Catalogue,
    hits: &[Hit],
    ranked: bool,
    total: usize,
    width: usize,
    lang: Lang,
    out: &mut dyn Write,
) -> io::Result<()> {
    let width = width.max(20);
    let entries: Vec<&Entry> = hits.iter().map(|h| &catalogue.entries()[h.entry]).collect();
    let header = match lang {
        Lang::Fr => ["TITRE", "TYPE", "RÉGION", "ANNÉES", "ID"],
        Lang::En => ["TITLE", "KIND", "REGION", "YEARS", "ID"],
    };
    let rows: Vec<[String; 5]> = entries
        .iter()
        .map(|e| {
            [
                e.title().get(lang).to_string(),
                e.kind.id().to_string(),
                e.common.location.as_ref().map(|l| l.region.to_string()).unwrap_or_default(),
                years_text(e),
                e.id.to_string(),
            ]
        })
        .collect();
    let natural = |c: usize| rows.iter().map(|r| r[c].width()).chain([header[c].width()]).max().unwrap_or(0);
    // Columns after the title, dropped from the least useful as the terminal narrows. The id is
    // never cut or dropped: it is what `boucle show` and filters need typed whole; the title
    // gives way instead.
    let mut columns: Vec<(usize, usize)> = vec![(1, natural(1)), (2, natural(2)), (3, natural(3)), (4, natural(4))];
    let rest = |columns: &[(usize, usize)]| columns.iter().map(|(_, w)| w + 2).sum::<usize>();
    while width.saturating_sub(rest(&columns)) < 24 {
        let Some(drop) = [2, 3, 1].into_iter().find(|c| columns.iter().any(|(x, _)| x == c)) else { break };
        columns.retain(|(x, _)| *x != drop);
    }
    let title_width = width.saturating_sub(rest(&columns)).min(natural(0).max(10));
    let line = |cells: &[String; 5]| {
        let mut text = pad(&cells[0], title_width);
        for &(c, w) in &columns {
            text.push_str("  ");
            text.push_str(&pad(&cells[c], w));
        }
        text.trim_end().to_string()
    };
    writeln!(out, "{}", line(&header.map(str::to_string)))?;
    for row in &rows {
        writeln!(out, "{}", line(row))?;
    }
    let shown = entries.len();
    let summary = match (lang, shown == total) {
        (Lang::Fr, true) => format!("{total} fiche{}", if total > 1 { "s" } else { "" }),
        (Lang::Fr, false) => format!("{shown} fiche{} sur {total}", if shown > 1 { "s" } else { "" }),
        (Lang::En, true) => format!("{total} entr{}", if total == 1 { "y" } else { "ies" }),
        (Lang::En, false) => format!("{shown} of {total} entries"),
    };
    let order = match (lang, ranked) {
        (_, false) => "",
        (Lang::Fr, true) => ", les plus pertinentes d'abord",
        (Lang::En, true) => ", best matches first",
    };
    writeln!(out, "{summary}{order}")
}

fn write_json(catalogue: &Catalogue, engine: &Engine, hits: &[Hit], lang: Lang, out: &mut dyn Write) -> io::Result<()> {
    let items: Vec<serde_json::Value> = hits
        .iter()
        .map(|hit| {
            let entry = &catalogue.entries()[hit.entry];
            let labels = |facet: Facet| -> Vec<serde_json::Value> {
                own_ids(entry, facet)
                    .into_iter()
                    .map(|id| {
                        let label = engine
                            .resolve_value(catalogue, facet, &id)
                            .and_then(|v| v.first().copied())
                            .map(|v| engine.value_label(catalogue, facet, v, lang));
                        serde_json::json!({ "id": id, "label": label })
                    })
                    .collect()
            };
            serde_json::json!({
                "id": entry.id,
                "kind": entry.kind,
                "title": entry.title().get(lang),
                "summary": entry.summary().get(lang),
                "score": hit.score,
                "words": hit.words,
                "region": labels(Facet::Region).into_iter().next(),
                "place": entry.common.location.as_ref().and_then(|l| l.place.as_ref()).map(|p| p.get(lang)),
                "materials": labels(Facet::Material),
                "themes": labels(Facet::Theme),
                "stages": labels(Facet::Stage),
                "organisations": labels(Facet::Organisation),
                "years": entry.years(),
                "status": entry.common.review.status,
                "tags": entry.common.tags,
                "file": entry.file,
            })
        })
        .collect();
    serde_json::to_writer_pretty(&mut *out, &items).map_err(io::Error::from)?;
    writeln!(out)
}

fn write_csv(
    catalogue: &Catalogue,
    hits: &[Hit],
    ranked: bool,
    lang: Lang,
    out: &mut dyn Write,
) -> Result<(), csv::Error> {
    let mut writer = csv::Writer::from_writer(out);
    writer.write_record([
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
    ])?;
    for hit in hits {
        let entry = &catalogue.entries()[hit.entry];
        let join = |facet: Facet| own_ids(entry, facet).join(";");
        let record = [
            entry.id.to_string(),
            entry.kind.id().to_string(),
            entry.title().get(lang).to_string(),
            entry.summary().get(lang).to_string(),
            join(Facet::Region),
            join(Facet::Material),
            join(Facet::Theme),
            join(Facet::Stage),
            join(Facet::Organisation),
            join(Facet::Year),
            entry.common.review.status.id().to_string(),
            if ranked { hit.score.to_string() } else { String::new() },
        ];
        writer.write_record(record.iter().map(|c| csv_cell(c)))?;
    }
    writer.flush()?;
    Ok(())
}

fn write_md(catalogue: &Catalogue, hits: &[Hit], lang: Lang, out: &mut dyn Write) -> io::Result<()> {
    let header = match lang {
        Lang::Fr => "| Titre | Type | Région | Années | Id |",
        Lang::En => "| Title | Kind | Region | Years | Id |",
    };
    writeln!(out, "{header}")?;
    writeln!(out, "|---|---|---|---|---|")?;
    for hit in hits {
        let entry = &catalogue.entries()[hit.entry];
        let region = entry.common.location.as_ref().map(|l| l.region.to_string()).unwrap_or_default();
        writeln!(
            out,
            "| {} | {} | {} | {} | `{}` |",
            md_cell(entry.title().get(lang)),
            entry.kind.id(),
            md_cell(&region),
            years_text(entry),
            entry.id
        )?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::{CatalogueSource, load};

    fn bundled() -> Catalogue {
        load(&CatalogueSource::Bundled).catalogue
    }

    fn list(catalogue: &Catalogue, flags: &[&str]) -> Result<String, CommandError> {
        use clap::Parser;
        #[derive(Parser)]
        struct Wrapper {
            #[command(flatten)]
            args: ListArgs,
        }
        let wrapper =
            Wrapper::try_parse_from(std::iter::once("list").chain(flags.iter().copied())).expect("flags parse");
        let mut out = Vec::new();
        run_list(catalogue, &wrapper.args, Lang::Fr, &mut out)?;
        Ok(String::from_utf8(out).expect("utf-8"))
    }

    #[test]
    fn table_fits_the_width_and_counts_the_entries() {
        let cat = bundled();
        for width in [60, 80, 120] {
            let text = list(&cat, &["--width", &width.to_string()]).unwrap();
            for line in text.lines() {
                assert!(line.width() <= width, "{width}: {line:?} is {} wide", line.width());
            }
            assert!(text.lines().last().unwrap().starts_with(&format!("{} fiches", cat.len())));
        }
        // However narrow, ids are whole: they are what `boucle show` needs.
        let narrow = list(&cat, &["--width", "40"]).unwrap();
        for entry in cat.entries() {
            assert!(narrow.lines().any(|l| l.ends_with(entry.id.as_str())), "{} is whole", entry.id);
        }
        let text = list(&cat, &["--query", "bethune", "--width", "100"]).unwrap();
        assert!(text.lines().nth(1).unwrap().contains("Béthune"), "{text}");
        assert!(text.contains("les plus pertinentes d'abord"));
    }

    #[test]
    fn json_lists_ids_kinds_titles_facets_and_scores() {
        let cat = bundled();
        let text = list(&cat, &["--format", "json", "--query", "aimant", "--region", "FR"]).unwrap();
        let value: serde_json::Value = serde_json::from_str(&text).unwrap();
        let items = value.as_array().unwrap();
        assert!(!items.is_empty());
        for item in items {
            for key in ["id", "kind", "title", "score", "materials", "themes", "region", "years", "status"] {
                assert!(item.get(key).is_some(), "{key} missing in {item}");
            }
            assert!(cat.get(item["id"].as_str().unwrap()).is_some());
        }
    }

    #[test]
    fn csv_goes_through_a_csv_library_and_neutralises_formulas() {
        let cat = bundled();
        let text = list(&cat, &["--format", "csv"]).unwrap();
        let mut reader = csv::Reader::from_reader(text.as_bytes());
        let headers = reader.headers().unwrap().clone();
        assert_eq!(&headers[0], "id");
        let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
        assert_eq!(rows.len(), cat.len());
        assert_eq!(csv_cell("=HYPERLINK(\"x\")"), "'=HYPERLINK(\"x\")");
        assert_eq!(csv_cell("-1+2"), "'-1+2");
        assert_eq!(csv_cell("@cmd"), "'@cmd");
        assert_eq!(csv_cell("+33"), "'+33");
        assert_eq!(csv_cell("Béthune"), "Béthune");
    }

    #[test]
    fn markdown_is_a_table_with_escaped_cells() {
        let cat = bundled();
        let text = list(&cat, &["--format", "md", "--kind", "event"]).unwrap();
        let lines: Vec<&str> = text.lines().collect();
        assert!(lines[0].starts_with("| Titre"));
        assert_eq!(lines.len(), 2 + cat.entries().iter().filter(|e| e.kind == crate::model::Kind::Event).count());
        assert_eq!(md_cell("a | b"), "a \\| b");
    }

    #[test]
    fn unknown_values_are_usage_errors_with_suggestions() {
        let cat = bundled();
        let err = list(&cat, &["--region", "FRE121"]).unwrap_err();
        assert_eq!(err.exit_code(), 2);
        assert!(err.to_string().contains("unknown region \"FRE121\""), "{err}");
        assert!(err.to_string().contains("FRE12"), "{err}");
        let err = list(&cat, &["--query", "colour:red"]).unwrap_err();
        assert!(err.to_string().contains("unknown field"), "{err}");
        // A year with no entries is valid and selects nothing.
        let text = list(&cat, &["--year", "1900"]).unwrap();
        assert!(text.lines().last().unwrap().starts_with("0 fiche"));
    }

    #[test]
    fn fitting_never_splits_a_character() {
        assert_eq!(fit("Béthune-Bruay", 5), "Béth…");
        assert_eq!(fit("日本語テキスト", 5), "日本…");
        assert_eq!(fit("short", 10), "short");
    }
}
