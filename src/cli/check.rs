//! `boucle check [DIR…]`: every problem of a catalogue, as a compiler would report them.

use clap::{Args, ValueEnum};
use std::io::Write;
use std::path::PathBuf;

use super::Cli;
use crate::diagnostic::{Diagnostic, render_human_in, render_json, render_kinds};
use crate::i18n::problems as say;
use crate::load::{CatalogueSource, Loaded};
use crate::text::Lang;

#[derive(Debug, Args)]
pub struct CheckArgs {
    /// Catalogue folders to check, merged (default: --catalogue, else the bundled catalogue).
    #[arg(value_name = "DIR")]
    pub folders: Vec<PathBuf>,

    /// Output for people (human), for tools (json) or as GitHub Actions annotations (github).
    #[arg(long, value_enum, default_value_t = CheckFormat::Human)]
    pub format: CheckFormat,

    /// Show errors only (warnings are still counted in the summary).
    #[arg(long)]
    pub errors_only: bool,

    /// Fail (exit 1) on warnings too, as a strict CI would.
    #[arg(long)]
    pub deny_warnings: bool,

    /// Warn about entries whose review (`checked:`) is older than this many days.
    #[arg(long, value_name = "DAYS")]
    pub review_age: Option<u32>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum CheckFormat {
    Human,
    Json,
    Github,
}

pub fn run(cli: &Cli, args: &CheckArgs, out: &mut dyn Write) -> std::io::Result<i32> {
    let source =
        if args.folders.is_empty() { cli.catalogue_source() } else { CatalogueSource::Folders(args.folders.clone()) };
    let mut loaded = cli.load(&source);
    if let Some(days) = args.review_age {
        super::review_age::warn(&mut loaded, days, &source);
    }
    let lang = cli.language();
    let shown: Vec<Diagnostic> =
        loaded.diagnostics.iter().filter(|d| d.is_error() || !args.errors_only).cloned().collect();
    match args.format {
        CheckFormat::Human => {
            out.write_all(render_human_in(&shown, &loaded.sources, super::colour_allowed(), lang).as_bytes())?;
            if !shown.is_empty() {
                out.write_all(render_kinds(&shown, lang).as_bytes())?;
            }
            writeln!(out, "{}", summary_line(&source, &loaded, lang))?;
        }
        CheckFormat::Json => writeln!(out, "{}", render_json(&shown, summary_json(&source, &loaded), lang))?,
        CheckFormat::Github => {
            for problem in &shown {
                writeln!(out, "{}", github_annotation(problem, lang))?;
            }
            writeln!(out, "{}", summary_line(&source, &loaded, lang))?;
        }
    }
    let failed = loaded.errors() > 0 || args.deny_warnings && loaded.warnings() > 0;
    Ok(if failed { 1 } else { 0 })
}

/// `::error file=…,line=…,col=…,endLine=…,endColumn=…,title=…::message`, escaped as the
/// GitHub Actions workflow commands want, so that each problem shows on its line of the diff.
pub fn github_annotation(problem: &Diagnostic, lang: Lang) -> String {
    fn data(text: &str) -> String {
        text.replace('%', "%25").replace('\r', "%0D").replace('\n', "%0A")
    }
    fn property(text: &str) -> String {
        data(text).replace(':', "%3A").replace(',', "%2C")
    }
    let level = if problem.is_error() { "error" } else { "warning" };
    let mut message = problem.message.get(lang).to_string();
    if let Some(expected) = &problem.expected {
        message.push_str(&format!("\n{} {}", say::expected_word(lang), expected.get(lang)));
    }
    if let Some(suggestion) = &problem.suggestion {
        message.push_str(&format!("\n{} {}", say::help_word(lang), suggestion.get(lang)));
    }
    if let Some(follow_ons) = problem.follow_on_said() {
        message.push_str(&format!("\n{}", follow_ons.get(lang)));
    }
    format!(
        "::{level} file={},line={},col={},endLine={},endColumn={},title={}::{}",
        property(&problem.file),
        problem.start.line,
        problem.start.column,
        problem.end.line,
        problem.end.column,
        property(problem.code),
        data(&message)
    )
}

fn source_name(source: &CatalogueSource, lang: Lang) -> String {
    match source {
        CatalogueSource::Bundled => say::the_bundled_catalogue(lang).to_string(),
        CatalogueSource::Folders(folders) => folders
            .iter()
            .map(|f| crate::text::sanitize(&f.display().to_string(), crate::text::Lines::Single))
            .collect::<Vec<_>>()
            .join(", "),
    }
}

/// `checked 52 files of practices: 14 good practices, 6 site visits, … — no problems`
pub fn summary_line(source: &CatalogueSource, loaded: &Loaded, lang: Lang) -> String {
    let counts: Vec<String> =
        loaded.catalogue.counts_by_kind().into_iter().map(|(kind, n)| say::kind_count(lang, kind, n)).collect();
    let verdict = crate::i18n::problem_counts(lang, loaded.errors(), loaded.warnings());
    say::checked(lang, loaded.files_read, &source_name(source, lang), &counts.join(", "), &verdict)
}

fn summary_json(source: &CatalogueSource, loaded: &Loaded) -> serde_json::Value {
    let kinds: serde_json::Map<String, serde_json::Value> = loaded
        .catalogue
        .counts_by_kind()
        .into_iter()
        .map(|(kind, count)| (kind.id().to_string(), count.into()))
        .collect();
    serde_json::json!({ "catalogue": source_name(source, Lang::En), "files": loaded.files_read, "entries": kinds })
}
