//! The command line: `boucle` and its subcommands. Parsing is clap's; each subcommand lives in
//! its own file and writes to the writer it is given, so tests can run it in process.

mod check;

use clap::{Parser, Subcommand};
use std::io::Write;
use std::path::PathBuf;

use crate::load::CatalogueSource;
use crate::text::Lang;

/// The environment variable that names catalogue folders, separated like PATH.
pub const CATALOGUE_ENV: &str = "BOUCLE_CATALOGUE";

#[derive(Debug, Parser)]
#[command(
    name = "boucle",
    version,
    about = "A terminal dashboard of circular-economy and critical-raw-materials good practices",
    long_about = "Browse a catalogue of good practices, site visits, events and tours, with search and \
                  filters by region, material and ESG theme. Without a subcommand, opens the dashboard."
)]
pub struct Cli {
    /// A catalogue folder to read instead of the bundled catalogue; repeat it to merge folders.
    #[arg(long = "catalogue", value_name = "DIR", global = true, env = CATALOGUE_ENV, value_delimiter = ':')]
    pub catalogues: Vec<PathBuf>,

    /// Language of the interface and of the entries: fr or en (default: from LANG / LC_ALL).
    #[arg(long, value_name = "LANG", global = true, value_parser = parse_lang)]
    pub lang: Option<Lang>,

    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check a catalogue folder for every problem (exit 0 when clean, 1 when not).
    Check(check::CheckArgs),
}

fn parse_lang(text: &str) -> Result<Lang, String> {
    Lang::from_code(text).ok_or_else(|| format!("unknown language \"{text}\": use fr or en"))
}

impl Cli {
    /// The catalogue to read: the folders given, else the bundled one.
    pub fn catalogue_source(&self) -> CatalogueSource {
        if self.catalogues.is_empty() {
            CatalogueSource::Bundled
        } else {
            CatalogueSource::Folders(self.catalogues.clone())
        }
    }

    /// `--lang`, else the locale's language, else English.
    pub fn language(&self) -> Lang {
        self.lang.unwrap_or_else(language_from_environment)
    }
}

/// The interface language from `LC_ALL`, `LC_MESSAGES` or `LANG`, in POSIX order of precedence.
pub fn language_from_environment() -> Lang {
    ["LC_ALL", "LC_MESSAGES", "LANG"]
        .iter()
        .filter_map(|name| std::env::var(name).ok())
        .find(|value| !value.is_empty())
        .map(|value| Lang::from_locale(&value))
        .unwrap_or(Lang::En)
}

/// Whether output to stdout may be coloured: a terminal, and `NO_COLOR` unset or empty.
pub fn colour_allowed() -> bool {
    use std::io::IsTerminal;
    std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
}

/// Runs the command line; returns the process exit code.
pub fn run(cli: Cli, out: &mut dyn Write, err: &mut dyn Write) -> i32 {
    let result = match &cli.command {
        Some(Command::Check(args)) => check::run(&cli, args, out),
        None => {
            let _ = writeln!(err, "boucle: the dashboard is not built yet; try `boucle check` or `boucle --help`");
            Ok(2)
        }
    };
    match result {
        Ok(code) => code,
        Err(e) => {
            let _ = writeln!(err, "boucle: {e}");
            1
        }
    }
}
