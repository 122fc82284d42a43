//! `boucle list` and the pieces `boucle show` shares: the entries a query and filters select,
//! as a table that fits the terminal, JSON, CSV or Markdown. It runs the dashboard's engine,
//! so both always agree; the formats are [`crate::export`]'s, this file reads the flags.

use clap::{Args, ValueEnum};
use std::fmt;
use std::io::{self, Write};

use super::filters::FilterArgs;
use crate::export::{self, Row, row::Rank};
use crate::i18n::Said;
use crate::model::Entries;
use crate::query::{Engine, Facet, Filters, Hit, Indexed, Query};
use crate::text::Lang;

#[derive(Clone, Debug, Args)]
pub struct ListArgs {
    #[command(flatten)]
    pub filters: FilterArgs,

    #[arg(long, value_enum, default_value_t = ListFormat::Table)]
    pub format: ListFormat,

    #[arg(long, value_name = "N")]
    pub limit: Option<usize>,

    #[arg(long, value_name = "COLUMNS", value_parser = table_width)]
    pub width: Option<usize>,
}

/// A table needs room for an id and a few letters of a title.
fn table_width(text: &str) -> Result<usize, crate::i18n::Explained> {
    use crate::i18n::{Explained, commands};
    match text.trim().parse::<usize>() {
        Ok(width) if width >= 20 => Ok(width),
        Ok(width) => Err(Explained(commands::table_too_narrow(width))),
        Err(_) => Err(Explained(commands::not_a_width(text))),
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ListFormat {
    Table,
    Json,
    Csv,
    Md,
}

/// Why `list`, `show` or `export` could not do what was asked.
#[derive(Debug)]
pub enum CommandError {
    /// The user asked for something that does not exist (exit code 2): the message says
    /// what and suggests the closest names.
    Usage(Said),
    /// What was asked could not be done (exit code 1): a file not written.
    Failed(Said),
    Io(io::Error),
}

impl CommandError {
    /// What went wrong, in both languages.
    pub fn said(&self) -> Said {
        match self {
            CommandError::Usage(said) | CommandError::Failed(said) => said.clone(),
            CommandError::Io(e) => crate::i18n::problems::io_problem(e),
        }
    }
}

/// In English, as tests and logs read it; the command line says [`CommandError::said`] in
/// the user's language.
impl fmt::Display for CommandError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.said().get(Lang::En))
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
            CommandError::Failed(_) | CommandError::Io(_) => 1,
        }
    }
}

pub use crate::query::selection::closest;

/// Resolves the flags and the query into engine inputs, or says what is wrong.
pub(super) fn selection(
    engine: &Engine,
    catalogue: &dyn Entries,
    args: &FilterArgs,
) -> Result<(Query, Filters), CommandError> {
    let query = Query::parse(&args.query);
    match crate::query::selection::resolve(engine, catalogue, &args.selections(), &query) {
        Ok(resolved) => {
            let mut filters = resolved.filters;
            // A year with no entries: a valid filter that selects nothing.
            if !resolved.empty_years.is_empty() {
                filters.select(Facet::Year, usize::MAX);
            }
            Ok((query, filters))
        }
        Err(problems) => Err(CommandError::Usage(Said::by(|lang| {
            problems.iter().map(|p| p.get(lang)).collect::<Vec<_>>().join("\n")
        }))),
    }
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

/// `boucle list`: writes the entries the filters and query select, best first; on `err`,
/// when no entry has every word of the query, that the results have only some.
pub fn run_list(
    indexed: &Indexed,
    args: &ListArgs,
    lang: Lang,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Result<(), CommandError> {
    run_list_in(indexed.engine(), indexed.catalogue(), args, lang, out, err)
}

/// [`run_list`] on `catalogue`'s entries however they are read (a whole load, or the cache's
/// archive entry by entry), `engine` being its index.
pub fn run_list_in(
    engine: &Engine,
    catalogue: &dyn Entries,
    args: &ListArgs,
    lang: Lang,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Result<(), CommandError> {
    let (query, filters) = selection(engine, catalogue, &args.filters)?;
    let limit = args.limit.unwrap_or(usize::MAX);
    let results = engine.search(catalogue, &query, &filters, lang, limit);
    let ranked = !query.words.is_empty();
    let rank = |hit: &Hit| Some(Rank { score: hit.score, words: hit.words, close: hit.typo });
    let rows: Vec<Row> =
        results.hits.iter().map(|hit| Row::new(catalogue, catalogue.entry(hit.entry), lang, rank(hit))).collect();
    match args.format {
        ListFormat::Table => {
            let width = args.width.unwrap_or_else(terminal_width);
            export::table::write(&rows, results.total, ranked, width, lang, out)?
        }
        ListFormat::Json => export::json::write_rows(&rows, out)?,
        ListFormat::Csv => export::csv::write_rows(&rows, ranked, out)?,
        ListFormat::Md => export::markdown::write_rows(&rows, lang, out)?,
    }
    // Not in the output, which a program may read: beside it, as the dashboard says it above
    // the results.
    if let Some(partial) = results.partial {
        let said = crate::i18n::partial_words(results.total, partial.have, partial.of, partial.elsewhere);
        let _ = writeln!(err, "{}", said.get(lang));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Catalogue;
    use unicode_width::UnicodeWidthStr;

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
        run_list(&Indexed::new(catalogue.clone()), &wrapper.args, Lang::Fr, &mut out, &mut Vec::new())?;
        Ok(String::from_utf8(out).expect("utf-8"))
    }

    #[test]
    fn table_fits_the_width_and_counts_the_entries() {
        let cat = export::testing::catalogue();
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
        let text = list(&cat, &["--query", "regeneration", "--width", "100"]).unwrap();
        assert!(text.lines().nth(1).unwrap().contains("Régénération"), "{text}");
        assert!(text.contains("les plus pertinentes d'abord"));
        let text = list(&cat, &["--limit", "1", "--width", "100"]).unwrap();
        assert_eq!(text.lines().last().unwrap(), format!("1 fiche sur {}", cat.len()));
    }

    #[test]
    fn json_lists_ids_kinds_titles_facets_and_scores() {
        let cat = export::testing::catalogue();
        let text = list(&cat, &["--format", "json", "--query", "batteries", "--region", "FR"]).unwrap();
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
    fn csv_has_a_row_per_entry() {
        let cat = export::testing::catalogue();
        let text = list(&cat, &["--format", "csv"]).unwrap();
        let mut reader = csv::Reader::from_reader(text.as_bytes());
        assert_eq!(&reader.headers().unwrap()[0], "id");
        assert_eq!(reader.records().count(), cat.len());
    }

    #[test]
    fn markdown_is_a_table_of_the_selected_entries() {
        let cat = export::testing::catalogue();
        let text = list(&cat, &["--format", "md", "--kind", "event"]).unwrap();
        let lines: Vec<&str> = text.lines().collect();
        assert!(lines[0].starts_with("| Titre"));
        assert_eq!(lines.len(), 2 + cat.entries().iter().filter(|e| e.kind == crate::model::Kind::Event).count());
    }

    #[test]
    fn unknown_values_are_usage_errors_with_suggestions() {
        let cat = export::testing::catalogue();
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
}
