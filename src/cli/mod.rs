//! The command line: `boucle` and its subcommands. Parsing is clap's; each subcommand lives in
//! its own file and writes to the writer it is given, so tests can run it in process.

mod cache;
pub mod check;
pub mod completions;
pub mod config;
mod curating;
pub mod export;
mod filters;
pub mod fmt;
pub mod help;
pub mod list;
pub mod man;
pub mod new;
mod present;
mod review_age;
pub mod serve;
pub mod show;
pub mod usage;

pub use filters::FilterArgs;

use crate::live::archived::FromArchive;
use clap::{Parser, Subcommand};
use std::io::Write;
use std::path::PathBuf;

use crate::i18n::Explained;
use crate::i18n::problems as say;
use crate::load::cache::Cache;
use crate::load::{CatalogueSource, Loaded};
use crate::text::Lang;
use crate::text::visible;
use crate::ui::theme::ThemeName;

pub use crate::config::CATALOGUE_ENV;

#[derive(Debug, Parser)]
// The help of every command and option is in both languages in `i18n::help`, set by
// `help::command` before parsing.
#[command(name = "boucle", version)]
pub struct Cli {
    #[arg(long = "catalogue", value_name = "DIR", global = true, env = CATALOGUE_ENV, value_delimiter = ':')]
    pub catalogues: Vec<PathBuf>,

    #[arg(long, value_name = "LANG", global = true, value_parser = parse_lang)]
    pub lang: Option<Lang>,

    #[arg(long, value_name = "THEME", value_parser = parse_theme, global = true)]
    pub theme: Option<ThemeName>,

    #[arg(long, global = true)]
    pub no_mouse: bool,

    #[arg(long, global = true)]
    pub present: bool,

    #[arg(long, global = true)]
    pub screen_reader: bool,
    #[arg(long, global = true)]
    pub no_watch: bool,

    #[arg(long, conflicts_with = "no_watch", global = true)]
    pub poll: bool,

    #[arg(long, global = true)]
    pub no_cache: bool,

    /// The dashboard opens on this view.
    #[command(flatten)]
    pub filters: FilterArgs,

    #[arg(long = "shortlist", value_name = "FILE")]
    pub shortlist_file: Option<PathBuf>,

    #[command(subcommand)]
    pub command: Option<Command>,

    /// The settings in effect, once the config file is read ([`run`]).
    #[arg(skip)]
    pub settings: Option<std::sync::Arc<crate::config::Settings>>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    Check(check::CheckArgs),
    Fmt(fmt::FmtArgs),
    List(Box<list::ListArgs>),
    Show(show::ShowArgs),
    Serve(serve::ServeArgs),
    Export(Box<export::ExportArgs>),
    Present(Box<present::PresentArgs>),
    New(new::NewArgs),
    Init(new::InitArgs),
    Cache(cache::CacheArgs),
    Completions(completions::CompletionsArgs),
    Man(man::ManArgs),
    Config(config::ConfigArgs),
}

fn parse_theme(text: &str) -> Result<ThemeName, Explained> {
    ThemeName::parse(text).ok_or_else(|| {
        Explained(crate::i18n::commands::unknown_theme(text, &ThemeName::listed(), ThemeName::nearest(text)))
    })
}

fn parse_lang(text: &str) -> Result<Lang, Explained> {
    Lang::from_code(text).ok_or_else(|| Explained(crate::i18n::commands::unknown_language(text)))
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

    /// The catalogue cache, unless `--no-cache`.
    pub fn cache(&self) -> Option<Cache> {
        if self.no_cache { None } else { Cache::user() }
    }

    /// How the `--catalogue` folders are watched: `--no-watch`, `--poll`, else by events.
    pub fn watch(&self) -> crate::live::Watch {
        use crate::live::Watch;
        match (self.no_watch, self.poll) {
            (true, _) => Watch::Off,
            (false, true) => Watch::Poll,
            (false, false) => Watch::Events,
        }
    }

    /// Loads `source`, through the catalogue cache unless `--no-cache`.
    pub fn load(&self, source: &CatalogueSource) -> Loaded {
        crate::live::once::load(source, self.cache().as_ref())
    }

    /// `--lang`, else the config file's, else the locale's language, else English.
    pub fn language(&self) -> Lang {
        self.lang.or(self.settings.as_ref().map(|s| s.language.value)).unwrap_or_else(language_from_environment)
    }

    /// The theme in effect: `--theme`, BOUCLE_THEME, the config file, dark; none with NO_COLOR.
    pub fn theme(&self) -> ThemeName {
        if colour_off() {
            return ThemeName::Mono;
        }
        self.theme.or(self.settings.as_ref().map(|s| s.theme.value)).unwrap_or(ThemeName::Dark)
    }

    /// What the command line itself gave, for the settings to be resolved against.
    fn given(&self) -> crate::config::CommandLine {
        crate::config::CommandLine {
            lang: self.lang,
            theme: self.theme,
            catalogues: self.catalogues.clone(),
            no_mouse: self.no_mouse,
            present: self.present,
            screen_reader: self.screen_reader,
        }
    }

    /// Reads the config file and takes from it what the command line and environment left
    /// unsaid. Its problems are said on `err` (not for `boucle config`, which shows them whole).
    pub fn settle(&mut self, err: &mut dyn Write) {
        let settings = crate::config::load(&self.given());
        self.apply(settings);
        let settings = self.settings.clone().unwrap_or_default();
        let lang = self.language();
        for notice in &settings.notices {
            let _ = writeln!(err, "boucle: {}", notice.get(lang));
        }
        // A cache folder that is a file turns the cache off: said, not left to be wondered at.
        let cache_dir = std::env::var_os(crate::load::cache::DIR_ENV).filter(|dir| !dir.is_empty()).map(PathBuf::from);
        if !self.no_cache
            && let Some(dir) = cache_dir.filter(|dir| dir.exists() && !dir.is_dir())
        {
            let path = visible::path(&dir);
            let said = crate::i18n::cache::cache_dir_not_a_folder(lang, crate::load::cache::DIR_ENV, &path);
            let _ = writeln!(err, "boucle: {said}");
        }
        let quiet = matches!(self.command, Some(Command::Config(_)) | None);
        if !quiet && !settings.problems.is_empty() {
            for problem in &settings.problems {
                let _ = writeln!(err, "boucle: {}", problem.one_line(lang));
            }
            let _ = writeln!(err, "boucle: {}", crate::i18n::config::file_problems(lang, settings.problems.len()));
        }
    }

    /// Takes `settings` in: what the command line left unsaid comes from them.
    pub fn apply(&mut self, settings: crate::config::Settings) {
        self.lang = Some(settings.language.value);
        self.catalogues = settings.catalogues.value.clone();
        self.no_mouse = !settings.mouse.value;
        self.present = settings.present_bare.value;
        self.screen_reader = settings.screen_reader.value;
        self.settings = Some(std::sync::Arc::new(settings));
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
    std::io::stdout().is_terminal() && !colour_off()
}

/// Opens the dashboard on the catalogue, with whatever problems it has shown in the status
/// line: a bad file never keeps the good ones from being browsed.
fn dashboard(cli: &Cli, err: &mut dyn Write) -> std::io::Result<i32> {
    // A mistyped folder is said at once, before the dashboard takes the screen.
    let missing: Vec<&PathBuf> = cli.catalogues.iter().filter(|folder| !folder.is_dir()).collect();
    if !missing.is_empty() {
        let lang = cli.language();
        for folder in missing {
            let why = if folder.exists() { say::not_a_folder() } else { say::folder_not_found() };
            writeln!(err, "boucle: {} {}: {}", catalogue_named(&cli.catalogues), visible::path(folder), why.get(lang))?;
        }
        return Ok(2);
    }
    let options = dashboard_options(cli, &cli.filters, None);
    // The first screen comes at once; the catalogue loads behind it (a catalogue with no
    // loadable entry ends the dashboard with its problems).
    crate::ui::run_loading(cli.catalogue_source(), options, cli.watch(), cli.cache())
}

/// `boucle new KIND ID --form`: the form, on the catalogue the entry joins (its pickers' choices
/// and its checks); the session ends when the form is saved or left.
fn new_form(cli: &Cli, args: &new::NewArgs, err: &mut dyn Write) -> std::io::Result<i32> {
    let lang = cli.language();
    let target = match new::target(&cli.catalogues, args) {
        Ok(target) => target,
        Err(why) => {
            writeln!(err, "boucle new: {}", why.get(lang))?;
            return Ok(2);
        }
    };
    let loaded = cli.load(&CatalogueSource::Folders(vec![target.root.clone()]));
    let mut options = dashboard_options(cli, &FilterArgs::default(), None);
    options.form = Some(crate::ui::state::FormStart {
        kind: target.kind,
        id: target.id.to_string(),
        path: target.path,
        text: None,
        ends_session: true,
    });
    crate::ui::run_form(loaded.catalogue, loaded.diagnostics, options)
}

/// A `--catalogue` folder that is not there is a mistyped path, not an empty catalogue: say
/// so and stop with the usage exit code, rather than show nothing and succeed.
fn missing_folder(
    loaded: &crate::load::Loaded,
    catalogues: &[PathBuf],
    lang: Lang,
    err: &mut dyn Write,
) -> Option<i32> {
    let missing: Vec<_> = loaded.diagnostics.iter().filter(|d| d.code == "no-catalogue").collect();
    if missing.is_empty() {
        return None;
    }
    for problem in missing {
        let _ =
            writeln!(err, "boucle: {} {}: {}", catalogue_named(catalogues), problem.file, problem.message.get(lang));
    }
    Some(2)
}

/// How the user named the catalogue folders: `BOUCLE_CATALOGUE` when they came from it (clap
/// reads it into `--catalogue`), so that a problem never names a flag the user did not type.
fn catalogue_named(catalogues: &[PathBuf]) -> &'static str {
    let from_env: Vec<PathBuf> =
        std::env::var_os(CATALOGUE_ENV).map(|v| std::env::split_paths(&v).collect()).unwrap_or_default();
    if !catalogues.is_empty() && from_env == catalogues { CATALOGUE_ENV } else { "--catalogue" }
}

/// What the dashboard starts with, from the command line: the dashboard itself, or present
/// mode (`present`, which also hides the chrome).
pub(super) fn dashboard_options(
    cli: &Cli,
    filters: &FilterArgs,
    present: Option<crate::ui::app::PresentStart>,
) -> crate::ui::Options {
    let lang = cli.language();
    let (shortlist, shortlist_file, notice) = open_shortlist(cli.shortlist_file.clone(), lang);
    let settings = cli.settings.clone().unwrap_or_default();
    // A config file with problems is said once at the start; its problems are under `!`.
    let notice = match settings.problems.len() {
        0 => settings.notices.first().map(|n| n.get(lang).to_string()).or(notice),
        n => Some(crate::i18n::config::started_without(lang, n, &settings.file_shown())),
    };
    crate::ui::Options {
        lang,
        theme: cli.theme(),
        colours: crate::ui::colours::Depth::from_environment(),
        keys: settings.keys.clone(),
        export_format: settings.export_format.value,
        export_folder: settings.export_folder.value.clone(),
        screen_reader: cli.screen_reader,
        config_problems: settings.problems.clone(),
        mouse: !cli.no_mouse,
        query: filters.query.clone(),
        filters: filters.selections(),
        shortlist,
        shortlist_file,
        notice,
        catalogue_dirs: cli.catalogues.clone(),
        chrome: !cli.present && present.is_none(),
        present,
        form: None,
        take_home: None,
        presenting: None,
    }
}

/// The dashboard's shortlist: read from its file (`--shortlist`, else the user's data folder).
/// A file that cannot be used never stops the start: the user is told what happened to it.
fn open_shortlist(
    given: Option<PathBuf>,
    lang: Lang,
) -> (crate::shortlist::Shortlist, Option<PathBuf>, Option<String>) {
    use crate::shortlist::store::{Opened, default_path, open};
    let Some(path) = given.or_else(default_path) else {
        return (Default::default(), None, Some(crate::i18n::word(lang, crate::i18n::Word::ShortlistNotSaved).into()));
    };
    let opened = open(&path);
    let notice = match &opened {
        Opened::New(_) | Opened::Read(_) => None,
        Opened::Skipping { skipped, .. } => Some(skipped.iter().map(|s| s.get(lang)).collect::<Vec<_>>().join(" · ")),
        Opened::SetAside { problem, moved_to } => {
            Some(crate::i18n::shortlist_set_aside(lang, problem.get(lang), visible::path(moved_to).as_ref()))
        }
        Opened::Unusable { problem } => {
            Some(crate::i18n::shortlist_unusable(lang, problem.get(lang), visible::path(&path).as_ref()))
        }
    };
    let file = opened.writable().then_some(path);
    (opened.shortlist(), file, notice)
}

/// `NO_COLOR` set to anything but the empty string.
pub fn colour_off() -> bool {
    std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty())
}

/// Loads the catalogue and runs a command on it. Catalogue problems do not stop it (the valid
/// entries are used) but are mentioned on stderr, so output piped elsewhere stays clean.
fn with_catalogue(
    cli: &Cli,
    err: &mut dyn Write,
    command: impl FnOnce(&crate::model::Catalogue) -> Result<(), list::CommandError>,
) -> i32 {
    let loaded = cli.load(&cli.catalogue_source());
    let code = match usable(cli, &loaded, err) {
        Some(code) => code,
        None => finish(command(&loaded.catalogue), cli.language(), err),
    };
    let large = loaded.catalogue.len() >= LEFT_TO_EXIT;
    leave(large, loaded);
    code
}

/// [`with_catalogue`] for the commands that search: the index comes from the cache when it
/// kept one, else it is built (and kept there). The command is given stderr, for what it says
/// beside its output.
fn with_index(
    cli: &Cli,
    err: &mut dyn Write,
    command: impl FnOnce(&crate::query::Indexed, &mut dyn Write) -> Result<(), list::CommandError>,
) -> i32 {
    let (indexed, loaded) = crate::live::once::load_indexed(&cli.catalogue_source(), cli.cache().as_ref());
    let code = match usable(cli, &loaded, err) {
        Some(code) => code,
        None => {
            let result = command(&indexed, err);
            finish(result, cli.language(), err)
        }
    };
    let large = indexed.catalogue().len() >= LEFT_TO_EXIT;
    leave(large, (indexed, loaded));
    code
}

/// A command run straight on the cache's archive ([`crate::live::archived`]): its
/// output (and what is said of the catalogue's problems) is made while the files are checked,
/// and written only once the archive is trusted. None when there is no archive to use, or it
/// is not trusted: the caller then runs the command on a whole load. The command writes its
/// output, then what it says on stderr.
fn from_archive(
    cli: &Cli,
    out: &mut dyn Write,
    err: &mut dyn Write,
    command: impl FnOnce(&FromArchive, &mut dyn Write, &mut dyn Write) -> Option<Result<(), list::CommandError>>,
) -> Option<i32> {
    let mut opened = crate::live::archived::open(&cli.catalogue_source(), cli.cache().as_ref())?;
    let (mut said, mut made) = (Vec::new(), Vec::new());
    let early = usable(cli, &opened.loaded, &mut said);
    let result = match early {
        Some(_) => None,
        // The archive cannot serve this command (no index kept): the whole load will.
        None => Some(command(&opened, &mut made, &mut said)?),
    };
    let trusted = opened.trusted();
    let large = crate::model::Entries::len(&opened.archive) >= LEFT_TO_EXIT;
    leave(large, opened);
    if !trusted {
        return None;
    }
    let _ = err.write_all(&said);
    if let Some(code) = early {
        return Some(code);
    }
    let written = out.write_all(&made).map_err(list::CommandError::Io);
    Some(finish(result?.and(written), cli.language(), err))
}

/// Catalogues of this many entries or more are not freed once a command is done with them.
const LEFT_TO_EXIT: usize = 10_000;

/// A command's catalogue once it is done: a large one is left to the process's exit, which
/// returns its memory at once, where freeing it value by value cost 74 ms of CPU in a cached
/// `list` at 100k entries (BENCHMARKS.md). A small one is freed as usual, so that a program
/// that runs commands in process (the tests) does not keep them.
fn leave<T>(large: bool, value: T) {
    match large {
        true => std::mem::forget(value),
        false => drop(value),
    }
}

/// The exit code when a folder given is missing (said on stderr); otherwise the load's
/// problems are mentioned and the command runs on what loaded.
fn usable(cli: &Cli, loaded: &Loaded, err: &mut dyn Write) -> Option<i32> {
    let lang = cli.language();
    if let Some(code) = missing_folder(loaded, &cli.catalogues, lang, err) {
        return Some(code);
    }
    if loaded.errors() > 0 {
        let counts = crate::i18n::problem_counts(lang, loaded.errors(), loaded.warnings());
        let said = crate::i18n::commands::catalogue_has_errors(lang, &counts);
        let _ = writeln!(err, "{} {said}", crate::i18n::with_colon(lang, "boucle"));
    }
    None
}

fn finish(result: Result<(), list::CommandError>, lang: Lang, err: &mut dyn Write) -> i32 {
    match result {
        Ok(()) => 0,
        // The reader went away (`boucle list | head`): nothing more to say to anyone.
        Err(list::CommandError::Io(e)) if e.kind() == std::io::ErrorKind::BrokenPipe => 0,
        Err(e) => {
            let _ = writeln!(err, "boucle: {}", e.said().get(lang));
            e.exit_code()
        }
    }
}

/// Runs the command line; returns the process exit code. A catalogue the command loaded from
/// its files is cached behind, once the output is out (`live::once::write_behind`).
pub fn run(mut cli: Cli, out: &mut dyn Write, err: &mut dyn Write) -> i32 {
    cli.settle(err);
    let code = run_command(cli, out, err);
    let _ = out.flush();
    crate::live::once::write_behind();
    code
}

fn run_command(cli: Cli, out: &mut dyn Write, err: &mut dyn Write) -> i32 {
    let result = match &cli.command {
        Some(Command::Check(args)) => check::run(&cli, args, out, err),
        Some(Command::Fmt(args)) => fmt::run(&cli, args, out, err),
        Some(Command::List(args)) => {
            let list = |opened: &FromArchive, out: &mut dyn Write, err: &mut dyn Write| {
                Some(list::run_list_in(opened.engine()?, &opened.archive, args, cli.language(), out, err))
            };
            if let Some(code) = from_archive(&cli, out, err, list) {
                return code;
            }
            return with_index(&cli, err, |indexed, err| list::run_list(indexed, args, cli.language(), out, err));
        }
        Some(Command::Show(args)) => {
            let show = |opened: &FromArchive, out: &mut dyn Write, _: &mut dyn Write| {
                Some(show::run_show(&opened.archive, args, cli.language(), out))
            };
            if let Some(code) = from_archive(&cli, out, err, show) {
                return code;
            }
            return with_catalogue(&cli, err, |catalogue| show::run_show(catalogue, args, cli.language(), out));
        }
        Some(Command::Serve(args)) => serve::run(&cli, args, err),
        Some(Command::Export(args)) => {
            return with_index(&cli, err, |indexed, _| {
                export::run_export(indexed, &cli.catalogues, args, cli.language(), out)
            });
        }
        Some(Command::Present(args)) => present::run(&cli, args, err),
        Some(Command::New(args)) if args.form => new_form(&cli, args, err),
        Some(Command::New(args)) => {
            return match new::run_new(&cli.catalogues, args, cli.language(), out) {
                Ok(()) => 0,
                Err(why) => {
                    let _ = writeln!(err, "boucle new: {}", why.get(cli.language()));
                    2
                }
            };
        }
        Some(Command::Init(args)) => {
            return match new::run_init(args, cli.language(), out) {
                Ok(()) => 0,
                Err(why) => {
                    let _ = writeln!(err, "boucle init: {}", why.get(cli.language()));
                    2
                }
            };
        }
        Some(Command::Cache(args)) => cache::run(&cli, args, out, err),
        Some(Command::Completions(args)) => completions::run(args, out),
        Some(Command::Man(args)) => man::run(args, cli.language(), out, err),
        Some(Command::Config(args)) => config::run(&cli, args, out, err),
        None => dashboard(&cli, err),
    };
    match result {
        Ok(code) => code,
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => 0,
        Err(e) => {
            let _ = writeln!(err, "boucle: {}", crate::i18n::problems::io_problem(&e).get(cli.language()));
            1
        }
    }
}
