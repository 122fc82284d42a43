//! `boucle check [DIR…]`: every problem of a catalogue, as a compiler would report them.

use clap::{Args, ValueEnum};
use std::io::Write;
use std::path::PathBuf;

use super::Cli;
use crate::diagnostic::{Diagnostic, Severity, render_human_in, render_json, render_kinds};
use crate::i18n::problems as say;
use crate::load::{CatalogueSource, Loaded};
use crate::text::Lang;

#[derive(Debug, Args)]
pub struct CheckArgs {
    #[arg(value_name = "DIR")]
    pub folders: Vec<PathBuf>,

    #[arg(long, value_enum, default_value_t = CheckFormat::Human)]
    pub format: CheckFormat,

    #[arg(long)]
    pub errors_only: bool,

    #[arg(long)]
    pub deny_warnings: bool,

    #[arg(long, value_name = "DAYS")]
    pub review_age: Option<u32>,

    #[arg(long)]
    pub fix: bool,

    #[arg(long)]
    pub links: bool,

    #[arg(long, value_name = "DAYS", default_value_t = 7)]
    pub links_age: u32,

    #[arg(long, value_name = "SECONDS", default_value_t = 10)]
    pub links_timeout: u64,

    #[arg(long, value_name = "MS", default_value_t = 1000, hide = true)]
    pub links_delay: u64,

    #[arg(long)]
    pub interreg: bool,
}

/// How `--links` asks: its options, and the cache folder its results are kept in.
fn links_options(args: &CheckArgs, cli: &Cli) -> crate::curate::links::Options {
    use std::time::Duration;
    crate::curate::links::Options {
        asking: crate::curate::links::Asking {
            timeout: Duration::from_secs(args.links_timeout.max(1)),
            max_redirects: 5,
        },
        max_age: Duration::from_secs(u64::from(args.links_age) * 24 * 3600),
        concurrency: 8,
        per_host_delay: Duration::from_millis(args.links_delay),
        cache_dir: cli.cache().map(|cache| cache.dir().to_path_buf()),
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum CheckFormat {
    Human,
    Json,
    Github,
}

pub fn run(cli: &Cli, args: &CheckArgs, out: &mut dyn Write, err: &mut dyn Write) -> std::io::Result<i32> {
    let source =
        if args.folders.is_empty() { cli.catalogue_source() } else { CatalogueSource::Folders(args.folders.clone()) };
    let lang = cli.language();
    // What --fix and --links say goes before the report for people, and beside it (to standard
    // error) when the report is for a tool.
    let said: &mut dyn Write = if args.format == CheckFormat::Human { &mut *out } else { &mut *err };
    let mut loaded = cli.load(&source);
    if args.fix && super::curating::fix(&loaded, &source, lang, said)? {
        loaded = cli.load(&source);
    }
    if let Some(days) = args.review_age {
        super::review_age::warn(&mut loaded, days, &source);
    }
    // Notes are said, never counted.
    let mut notes = Vec::new();
    if args.links {
        let found = super::curating::links(&loaded, &links_options(args, cli), lang, said)?;
        super::curating::quote(&mut loaded, &found);
        loaded.diagnostics.extend(found);
    }
    if args.interreg {
        let severity = if args.deny_warnings { Severity::Warning } else { Severity::Note };
        let text_of = |file: &str| super::curating::text_of(&loaded, file);
        let found = crate::curate::interreg::check(&loaded.catalogue, &text_of, severity);
        super::curating::quote(&mut loaded, &found);
        match severity {
            Severity::Note => notes = found,
            _ => loaded.diagnostics.extend(found),
        }
    }
    if args.links || args.interreg {
        loaded.diagnostics = crate::diagnostic::group(std::mem::take(&mut loaded.diagnostics));
    }
    let shown: Vec<Diagnostic> =
        loaded.diagnostics.iter().chain(&notes).filter(|d| d.is_error() || !args.errors_only).cloned().collect();
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
    let level = match problem.severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Note => "notice",
    };
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
