//! Reading `config.ron`: in the catalogue's own format, with the catalogue's problem types. A
//! file ron cannot read gives no setting at all; a value that reads but means nothing (an
//! unknown theme, an action the key table does not have) leaves that one setting at its
//! default. Every problem names the file, its line and column.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::diagnostic::{Diagnostic, Position};
use crate::export::handout::Format;
use crate::i18n::config as say;
use crate::text::Lang;
use crate::ui::keymap::{Keymap, Override};
use crate::ui::theme::ThemeName;

/// The file as written: every setting may be left out.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, rename = "Config")]
struct Written {
    language: Option<String>,
    theme: Option<String>,
    catalogues: Option<Vec<String>>,
    mouse: Option<bool>,
    screen_reader: Option<bool>,
    export: Option<WrittenExport>,
    present: Option<WrittenPresent>,
    keys: Option<BTreeMap<String, Vec<String>>>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct WrittenExport {
    format: Option<String>,
    folder: Option<String>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct WrittenPresent {
    bare: Option<bool>,
}

/// The settings the file gives, checked; `None` where it gives none (or a wrong one).
#[derive(Debug, Default)]
pub struct FileSettings {
    pub language: Option<Lang>,
    pub theme: Option<ThemeName>,
    pub catalogues: Option<Vec<PathBuf>>,
    pub mouse: Option<bool>,
    pub screen_reader: Option<bool>,
    pub export_format: Option<Format>,
    pub export_folder: Option<PathBuf>,
    pub present_bare: Option<bool>,
    /// The key table with the file's overrides (the defaults when it has none).
    pub keys: Keymap,
    /// How many key overrides the file gives that were applied.
    pub keys_changed: usize,
}

/// What reading the file found: the settings, its problems, and its text (for quoting them).
#[derive(Debug, Default)]
pub struct Read {
    pub settings: FileSettings,
    pub problems: Vec<Diagnostic>,
    pub text: String,
}

/// Reads the config file at `path`; a file that is not there is no setting and no problem.
pub fn read(path: &Path) -> Read {
    let shown = crate::text::visible::path(path).to_string();
    let text = match crate::files::read_regular(path) {
        Ok(bytes) => String::from_utf8_lossy(&bytes).into_owned(),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Read::default(),
        Err(e) => {
            let why = crate::i18n::problems::io_problem(&e);
            let problem = Diagnostic::error("unreadable", &shown, Position::START, Position::START, why);
            return Read { problems: vec![problem], ..Read::default() };
        }
    };
    let (settings, problems) = parse(&shown, &text, path.parent());
    Read { settings, problems, text }
}

/// The settings of a config file's `text`, named `file` in its problems; relative folders are
/// taken from `base`, the file's folder, and `~/` from the home folder.
pub fn parse(file: &str, text: &str, base: Option<&Path>) -> (FileSettings, Vec<Diagnostic>) {
    let written: Written = match crate::load::ron_options().from_str(text) {
        Ok(written) => written,
        Err(error) => return (FileSettings::default(), vec![crate::load::ron_problem(file, text, &error)]),
    };
    let mut problems = Vec::new();
    let mut value = |setting: &str, given: &str, ok: bool, values: &str| {
        if !ok {
            let at = place(text, setting, Some(given));
            let end = Position::new(at.line, at.column + given.chars().count() + 2);
            problems.push(
                Diagnostic::error("unknown-value", file, at, end, say::bad_value(setting, given))
                    .with_expected(say::expected_values(values)),
            );
        }
    };
    let language = written.language.as_deref().and_then(|l| {
        let parsed = Lang::from_code(l);
        value("language", l, parsed.is_some(), "fr, en");
        parsed
    });
    let theme = written.theme.as_deref().and_then(|t| {
        let parsed = ThemeName::parse(t).filter(|t| *t != ThemeName::Mono);
        value("theme", t, parsed.is_some(), "dark, light, high-contrast");
        parsed
    });
    let export = written.export.unwrap_or_default();
    let export_format = export.format.as_deref().and_then(|f| {
        let parsed = Format::ALL.into_iter().find(|format| format.id() == f);
        value("format", f, parsed.is_some(), "md, html, csv, json, interreg");
        parsed
    });
    let folder = |given: String| expand(&given, base);
    let overrides: Vec<Override> = written
        .keys
        .unwrap_or_default()
        .into_iter()
        .map(|(name, keys)| Override { at: place(text, &name, None), name, keys })
        .collect();
    let (keys, key_problems) = Keymap::with_overrides(&overrides, file);
    let keys_changed = overrides.len() - key_problems.len().min(overrides.len());
    problems.extend(key_problems);
    let settings = FileSettings {
        language,
        theme,
        catalogues: written.catalogues.map(|all| {
            // A folder not there is said, and left out: the dashboard must still start.
            let (there, missing): (Vec<_>, Vec<_>) =
                all.into_iter().map(|given| (folder(given.clone()), given)).partition(|(path, _)| path.is_dir());
            for (path, given) in missing {
                let at = place(text, "catalogues", Some(&given));
                let end = Position::new(at.line, at.column + given.chars().count() + 2);
                let shown = crate::text::visible::path(&path).to_string();
                problems.push(Diagnostic::error("no-catalogue", file, at, end, say::folder_missing(&shown)));
            }
            there.into_iter().map(|(path, _)| path).collect()
        }),
        mouse: written.mouse,
        screen_reader: written.screen_reader,
        export_format,
        export_folder: export.folder.map(folder),
        present_bare: written.present.unwrap_or_default().bare,
        keys,
        keys_changed,
    };
    (settings, problems)
}

/// `~/x` in the home folder, a relative path beside the config file.
fn expand(given: &str, base: Option<&Path>) -> PathBuf {
    if let Some(rest) = given.strip_prefix("~/")
        && let Some(home) = dirs::home_dir()
    {
        return home.join(rest);
    }
    let path = PathBuf::from(given);
    match base {
        Some(base) if path.is_relative() => base.join(path),
        _ => path,
    }
}

/// Where `name` is written as a setting or a key (`name:` or `"name"`), and when `value` is
/// given, the value after it: serde keeps no places, so they are found again in the text,
/// outside comments.
fn place(text: &str, name: &str, value: Option<&str>) -> Position {
    let quoted = format!("\"{name}\"");
    for (index, line) in text.lines().enumerate() {
        let code = line.split("//").next().unwrap_or(line);
        let found = code.find(&quoted).or_else(|| {
            code.find(name).filter(|at| {
                let before = code[..*at].chars().next_back();
                let after = code[at + name.len()..].trim_start();
                before.is_none_or(|c| !c.is_alphanumeric() && c != '_') && after.starts_with(':')
            })
        });
        if let Some(at) = found {
            let at = match value.and_then(|v| code[at..].find(&format!("\"{v}\"")).map(|i| at + i)) {
                Some(value_at) => value_at,
                None => at,
            };
            return Position::new(index + 1, code[..at].chars().count() + 1);
        }
    }
    Position::START
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_wrong_value_is_placed_at_its_line_and_column() {
        let text = "Config(\n    // theme: \"dark\",\n    theme: \"blue\",\n    mouse: false,\n)\n";
        let (settings, problems) = parse("config.ron", text, None);
        assert_eq!(settings.theme, None);
        assert_eq!(settings.mouse, Some(false));
        assert_eq!(problems.len(), 1);
        assert_eq!((problems[0].start.line, problems[0].start.column), (3, 12));
    }

    #[test]
    fn an_unknown_setting_is_ron_s_unknown_field() {
        let (settings, problems) = parse("config.ron", "Config(\n  colour: \"x\",\n)\n", None);
        assert_eq!(settings.theme, None);
        assert_eq!(problems[0].code, "unknown-field");
        assert_eq!(problems[0].start.line, 2);
    }
}
