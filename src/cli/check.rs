//! `boucle check [DIR…]`: every problem of a catalogue, as a compiler would report them.

use clap::{Args, ValueEnum};
use std::io::Write;
use std::path::PathBuf;

use super::Cli;
use crate::diagnostic::{render_human, render_json};
use crate::load::{CatalogueSource, Loaded, load};
use crate::model::Kind;

#[derive(Debug, Args)]
pub struct CheckArgs {
    /// Catalogue folders to check, merged (default: --catalogue, else the bundled catalogue).
    #[arg(value_name = "DIR")]
    pub folders: Vec<PathBuf>,

    /// Output for people (human) or for tools (json).
    #[arg(long, value_enum, default_value_t = CheckFormat::Human)]
    pub format: CheckFormat,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum CheckFormat {
    Human,
    Json,
}

pub fn run(cli: &Cli, args: &CheckArgs, out: &mut dyn Write) -> std::io::Result<i32> {
    let source =
        if args.folders.is_empty() { cli.catalogue_source() } else { CatalogueSource::Folders(args.folders.clone()) };
    let loaded = load(&source);
    match args.format {
        CheckFormat::Human => {
            out.write_all(render_human(&loaded.diagnostics, &loaded.sources, super::colour_allowed()).as_bytes())?;
            writeln!(out, "{}", summary_line(&source, &loaded))?;
        }
        CheckFormat::Json => writeln!(out, "{}", render_json(&loaded.diagnostics, summary_json(&source, &loaded)))?,
    }
    Ok(if loaded.errors() > 0 { 1 } else { 0 })
}

fn source_name(source: &CatalogueSource) -> String {
    match source {
        CatalogueSource::Bundled => "the bundled catalogue".to_string(),
        CatalogueSource::Folders(folders) => folders
            .iter()
            .map(|f| crate::text::sanitize(&f.display().to_string(), crate::text::Lines::Single))
            .collect::<Vec<_>>()
            .join(", "),
    }
}

fn kind_noun(kind: Kind, count: usize) -> &'static str {
    match (kind, count == 1) {
        (Kind::GoodPractice, true) => "good practice",
        (Kind::GoodPractice, false) => "good practices",
        (Kind::SiteVisit, true) => "site visit",
        (Kind::SiteVisit, false) => "site visits",
        (Kind::Event, true) => "event",
        (Kind::Event, false) => "events",
        (Kind::Tour, true) => "tour",
        (Kind::Tour, false) => "tours",
        (Kind::Organisation, true) => "organisation",
        (Kind::Organisation, false) => "organisations",
    }
}

fn plural(count: usize, one: &str, many: &str) -> String {
    format!("{count} {}", if count == 1 { one } else { many })
}

/// `checked 52 files of practices: 14 good practices, 6 site visits, … — no problems`
pub fn summary_line(source: &CatalogueSource, loaded: &Loaded) -> String {
    let counts: Vec<String> = loaded
        .catalogue
        .counts_by_kind()
        .into_iter()
        .map(|(kind, count)| format!("{count} {}", kind_noun(kind, count)))
        .collect();
    let verdict = crate::i18n::problem_counts(crate::text::Lang::En, loaded.errors(), loaded.warnings());
    format!(
        "checked {} of {}: {} — {verdict}",
        plural(loaded.files_read, "file", "files"),
        source_name(source),
        counts.join(", ")
    )
}

fn summary_json(source: &CatalogueSource, loaded: &Loaded) -> serde_json::Value {
    let kinds: serde_json::Map<String, serde_json::Value> = loaded
        .catalogue
        .counts_by_kind()
        .into_iter()
        .map(|(kind, count)| (kind.id().to_string(), count.into()))
        .collect();
    serde_json::json!({ "catalogue": source_name(source), "files": loaded.files_read, "entries": kinds })
}
