//! The user's settings: `$XDG_CONFIG_HOME/boucle/config.ron` (else `~/.config/boucle/config.ron`,
//! or the file `BOUCLE_CONFIG` names), in the catalogue's own format. Each setting is taken
//! from the command line, else the environment, else this file, else its default, and
//! remembers which ([`Source`]), for `boucle config show`.
//!
//! A file that cannot be used never stops anything: what it got wrong is a problem placed in it
//! (as `check` places a catalogue's), and those settings keep their defaults.

mod file;
pub mod init;

pub use file::{FileSettings, Read, parse, read};

use std::path::PathBuf;
use std::sync::Arc;

use crate::diagnostic::Diagnostic;
use crate::export::handout::Format;
pub use crate::i18n::config::Source;
use crate::text::Lang;
use crate::ui::keymap::Keymap;
use crate::ui::theme::ThemeName;

/// The environment variable that names another config file.
pub const CONFIG_ENV: &str = "BOUCLE_CONFIG";
/// The environment variable that names a theme.
pub const THEME_ENV: &str = "BOUCLE_THEME";
/// The environment variable that names catalogue folders, separated like PATH.
pub const CATALOGUE_ENV: &str = "BOUCLE_CATALOGUE";

/// Where the config file is: `BOUCLE_CONFIG`, else `boucle/config.ron` in the user's config
/// folder (`$XDG_CONFIG_HOME`, else `~/.config`); none without a home.
pub fn path() -> Option<PathBuf> {
    match std::env::var_os(CONFIG_ENV).filter(|v| !v.is_empty()) {
        Some(given) => Some(PathBuf::from(given)),
        None => dirs::config_dir().map(|dir| dir.join("boucle").join("config.ron")),
    }
}

/// What the command line gave (its flags are false when not given).
#[derive(Clone, Debug, Default)]
pub struct CommandLine {
    pub lang: Option<Lang>,
    pub theme: Option<ThemeName>,
    pub catalogues: Vec<PathBuf>,
    pub no_mouse: bool,
    pub present: bool,
    pub screen_reader: bool,
}

/// A setting's value and where it came from.
#[derive(Clone, Debug, PartialEq)]
pub struct Given<T> {
    pub value: T,
    pub source: Source,
}

fn given<T>(value: T, source: Source) -> Given<T> {
    Given { value, source }
}

/// Every setting, as it is in effect.
#[derive(Clone, Debug)]
pub struct Settings {
    pub language: Given<Lang>,
    pub theme: Given<ThemeName>,
    pub catalogues: Given<Vec<PathBuf>>,
    pub mouse: Given<bool>,
    pub screen_reader: Given<bool>,
    pub present_bare: Given<bool>,
    pub export_format: Given<Format>,
    pub export_folder: Given<Option<PathBuf>>,
    pub keys: Arc<Keymap>,
    pub keys_changed: usize,
    /// The file read (or that would be), its text and its problems.
    pub file: Option<PathBuf>,
    pub text: String,
    pub problems: Vec<Diagnostic>,
    /// What the environment gave that could not be used (a theme that is none): said, so
    /// that it is not silently ignored.
    pub notices: Vec<crate::i18n::Said>,
}

/// The settings in effect: `command_line`, else the environment, else the file `read`, else
/// the defaults. The locale (`LC_ALL`, `LC_MESSAGES`, `LANG`) is the machine's default rather
/// than a choice made for boucle: a language in the file wins over it.
pub fn resolve(command_line: &CommandLine, file: Option<PathBuf>, read: Read) -> Settings {
    let Read { settings: from_file, problems, text } = read;
    let language = match (command_line.lang, from_file.language) {
        (Some(lang), _) => given(lang, Source::CommandLine),
        (None, Some(lang)) => given(lang, Source::File),
        (None, None) => match locale() {
            Some((name, lang)) => given(lang, Source::Environment(name)),
            None => given(Lang::En, Source::Default),
        },
    };
    let mut notices = Vec::new();
    let theme_env = std::env::var(THEME_ENV).ok().filter(|t| !t.is_empty()).and_then(|t| {
        let parsed = ThemeName::parse(&t);
        if parsed.is_none() {
            notices.push(unknown_theme(&t));
        }
        parsed
    });
    let theme = match (command_line.theme, theme_env, from_file.theme) {
        (Some(theme), _, _) => given(theme, Source::CommandLine),
        (None, Some(theme), _) => given(theme, Source::Environment(THEME_ENV)),
        (None, None, Some(theme)) => given(theme, Source::File),
        (None, None, None) => given(ThemeName::Dark, Source::Default),
    };
    let catalogues = if !command_line.catalogues.is_empty() {
        // clap reads BOUCLE_CATALOGUE into the same argument: the same folders are the
        // environment's.
        let from_env: Vec<PathBuf> =
            std::env::var_os(CATALOGUE_ENV).map(|v| std::env::split_paths(&v).collect()).unwrap_or_default();
        let source =
            if from_env == command_line.catalogues { Source::Environment(CATALOGUE_ENV) } else { Source::CommandLine };
        given(command_line.catalogues.clone(), source)
    } else {
        match from_file.catalogues {
            Some(folders) if !folders.is_empty() => given(folders, Source::File),
            Some(_) | None => given(Vec::new(), Source::Default),
        }
    };
    let flag = |on: bool, from_file: Option<bool>, default: bool| match (on, from_file) {
        (true, _) => given(true, Source::CommandLine),
        (false, Some(value)) => given(value, Source::File),
        (false, None) => given(default, Source::Default),
    };
    let mouse = match (command_line.no_mouse, from_file.mouse) {
        (true, _) => given(false, Source::CommandLine),
        (false, Some(mouse)) => given(mouse, Source::File),
        (false, None) => given(true, Source::Default),
    };
    let from = |value: Option<Format>| match value {
        Some(format) => given(format, Source::File),
        None => given(Format::Md, Source::Default),
    };
    Settings {
        language,
        theme,
        catalogues,
        mouse,
        screen_reader: flag(command_line.screen_reader, from_file.screen_reader, false),
        present_bare: flag(command_line.present, from_file.present_bare, false),
        export_format: from(from_file.export_format),
        export_folder: match from_file.export_folder {
            Some(folder) => given(Some(folder), Source::File),
            None => given(None, Source::Default),
        },
        keys: Arc::new(from_file.keys),
        keys_changed: from_file.keys_changed,
        file,
        text,
        problems,
        notices,
    }
}

/// `BOUCLE_THEME` naming no theme, with the nearest one if one is near.
fn unknown_theme(given: &str) -> crate::i18n::Said {
    crate::i18n::config::unknown_theme_in_environment(THEME_ENV, given, &ThemeName::listed(), ThemeName::nearest(given))
}

/// The settings in effect for this process: its command line, environment and config file.
pub fn load(command_line: &CommandLine) -> Settings {
    let file = path();
    let read = file.as_deref().map(read).unwrap_or_default();
    resolve(command_line, file, read)
}

/// The locale's language, and the variable it came from (POSIX order of precedence).
fn locale() -> Option<(&'static str, Lang)> {
    ["LC_ALL", "LC_MESSAGES", "LANG"].into_iter().find_map(|name| {
        let value = std::env::var(name).ok().filter(|v| !v.is_empty())?;
        Some((name, Lang::from_locale(&value)))
    })
}

impl Default for Settings {
    /// Every setting as if no file were there, under this process's environment.
    fn default() -> Self {
        resolve(&CommandLine::default(), None, Read::default())
    }
}

impl Settings {
    /// The file as the problems name it.
    pub fn file_shown(&self) -> String {
        self.file.as_deref().map(|p| crate::text::visible::path(p).to_string()).unwrap_or_default()
    }
}
