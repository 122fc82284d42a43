//! Reading `config.ron`: in the catalogue's own format, with the catalogue's problem types. A
//! file ron cannot read gives no setting at all; a setting that reads but is wrong (a number
//! where a theme's name goes, an unknown theme, an action the key table does not have) leaves
//! that one setting at its default, and every other setting is still taken. Every problem
//! names the file, its line and column.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use ron::Value;
use serde::Deserialize;
use serde::de::{DeserializeOwned, Deserializer, MapAccess, Visitor};

use crate::diagnostic::{Diagnostic, Position, suggestion};
use crate::export::handout::Format;
use crate::i18n::config::{self as say, Shape};
use crate::i18n::problems as schema;
use crate::text::Lang;
use crate::ui::keymap::{Keymap, Override};
use crate::ui::theme::ThemeName;

/// The settings a file may give, and what each must be.
const SETTINGS: [(&str, Shape); 8] = [
    ("language", Shape::Text),
    ("theme", Shape::Text),
    ("catalogues", Shape::Texts),
    ("mouse", Shape::Switch),
    ("screen_reader", Shape::Switch),
    ("export", Shape::Group),
    ("present", Shape::Group),
    ("keys", Shape::KeyTable),
];
const EXPORT: [(&str, Shape); 2] = [("format", Shape::Text), ("folder", Shape::Text)];
const PRESENT: [(&str, Shape); 1] = [("bare", Shape::Switch)];

/// A value each setting takes, shown when one is written as something it cannot be: an example
/// of the shape alone (`"light"` for a language) would be refused in its turn. A test loads
/// each one.
const EXAMPLES: [(&str, &str); 11] = [
    ("language", "\"fr\""),
    ("theme", "\"light\""),
    ("catalogues", "[\"raw4res\"]"),
    ("mouse", "false"),
    ("screen_reader", "true"),
    ("export", "(format: \"html\")"),
    ("present", "(bare: true)"),
    ("keys", "{ \"global.quit\": [\"Q\"] }"),
    ("format", "\"md\""),
    ("folder", "\"~/handouts\""),
    ("bare", "true"),
];

fn example(setting: &str) -> &'static str {
    EXAMPLES.iter().find(|(name, _)| *name == setting).map_or("", |(_, example)| example)
}

/// The file's settings as written, each still a ron value, so that a wrong one costs only itself.
struct Written(Vec<(String, Value)>);

impl<'de> Deserialize<'de> for Written {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        const NAMES: [&str; 8] =
            ["language", "theme", "catalogues", "mouse", "screen_reader", "export", "present", "keys"];
        deserializer.deserialize_struct("Config", &NAMES, Settings)
    }
}

struct Settings;

impl<'de> Visitor<'de> for Settings {
    type Value = Written;

    fn expecting(&self, formatter: &mut std::fmt::Formatter) -> std::fmt::Result {
        formatter.write_str("Config( … )")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Written, A::Error> {
        let mut all = Vec::new();
        while let Some(name) = map.next_key::<String>()? {
            all.push((name, map.next_value::<Value>()?));
        }
        Ok(Written(all))
    }
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
    let text = match text.strip_prefix('\u{feff}') {
        Some(body) => body.to_string(),
        None => text,
    };
    let (settings, problems) = parse(&shown, &text, path.parent());
    Read { settings, problems, text }
}

/// The settings of a config file's `text`, named `file` in its problems; relative folders are
/// taken from `base`, the file's folder, and `~/` from the home folder.
pub fn parse(file: &str, text: &str, base: Option<&Path>) -> (FileSettings, Vec<Diagnostic>) {
    // A byte-order mark (Notepad writes one) is no setting: places are counted after it, as
    // the catalogue's loader counts them.
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let written: Written = match crate::load::ron_options().from_str(text) {
        Ok(written) => written,
        Err(error) => return (FileSettings::default(), vec![crate::load::ron_problem(file, text, &error)]),
    };
    let mut problems = Vec::new();
    let mut reader = Reader { file, text, problems: &mut problems };
    let mut given = reader.settings(written.0, &SETTINGS, None);
    let mut take = |name: &str| given.remove(name);
    let language: Option<String> = take("language").and_then(|v| reader.typed("language", Shape::Text, v));
    let theme: Option<String> = take("theme").and_then(|v| reader.typed("theme", Shape::Text, v));
    let catalogues: Option<Vec<String>> = take("catalogues").and_then(|v| reader.typed("catalogues", Shape::Texts, v));
    let mouse: Option<bool> = take("mouse").and_then(|v| reader.typed("mouse", Shape::Switch, v));
    let screen_reader: Option<bool> =
        take("screen_reader").and_then(|v| reader.typed("screen_reader", Shape::Switch, v));
    let keys: Option<BTreeMap<String, Vec<String>>> =
        take("keys").and_then(|v| reader.typed("keys", Shape::KeyTable, v));
    let mut export = take("export").map(|v| reader.group("export", v, &EXPORT)).unwrap_or_default();
    let format: Option<String> = export.remove("format").and_then(|v| reader.typed("format", Shape::Text, v));
    let export_folder: Option<String> = export.remove("folder").and_then(|v| reader.typed("folder", Shape::Text, v));
    let mut present = take("present").map(|v| reader.group("present", v, &PRESENT)).unwrap_or_default();
    let present_bare: Option<bool> = present.remove("bare").and_then(|v| reader.typed("bare", Shape::Switch, v));

    let mut value = |setting: &str, given: &str, ok: bool, values: &str| {
        if !ok {
            let at = place(text, setting, Some(given));
            let end = Position::new(at.line, at.column + given.chars().count() + 2);
            problems.push(
                Diagnostic::error("unknown-value", file, at, end, say::bad_value(setting, given))
                    .with_expected(say::expected_values(values))
                    .with_help(crate::diagnostic::suggestion(given, values.split(", "))),
            );
        }
    };
    let language = language.as_deref().and_then(|l| {
        let parsed = Lang::from_code(l);
        value("language", l, parsed.is_some(), "fr, en");
        parsed
    });
    let theme = theme.as_deref().and_then(|t| {
        let parsed = ThemeName::parse(t);
        value("theme", t, parsed.is_some(), &ThemeName::listed());
        parsed
    });
    let export_format = format.as_deref().and_then(|f| {
        let parsed = Format::ALL.into_iter().find(|format| format.id() == f);
        value("format", f, parsed.is_some(), "md, html, csv, json, interreg");
        parsed
    });
    let folder = |given: String| expand(&given, base);
    let overrides: Vec<Override> = keys
        .unwrap_or_default()
        .into_iter()
        .map(|(name, keys)| Override {
            at: place(text, &name, None),
            key_at: keys.iter().map(|key| place(text, &name, Some(key))).collect(),
            name,
            keys,
        })
        .collect();
    let (keys, key_problems) = Keymap::with_overrides(&overrides, file);
    let keys_changed = overrides.len() - key_problems.len().min(overrides.len());
    problems.extend(key_problems);
    let settings = FileSettings {
        language,
        theme,
        catalogues: catalogues.map(|all| {
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
        mouse,
        screen_reader,
        export_format,
        export_folder: export_folder.map(folder),
        present_bare,
        keys,
        keys_changed,
    };
    // In the file's order, as the curator reads it down.
    problems.sort_by_key(|p| (p.start.line, p.start.column));
    (settings, problems)
}

/// Reads the settings one by one, saying at its place each one that cannot be used.
struct Reader<'a> {
    file: &'a str,
    text: &'a str,
    problems: &'a mut Vec<Diagnostic>,
}

impl Reader<'_> {
    /// The settings `written`, by name; an unknown one is said (with the nearest known name)
    /// and left out. `within`: the group they are written in.
    fn settings(
        &mut self,
        written: Vec<(String, Value)>,
        known: &[(&str, Shape)],
        within: Option<&str>,
    ) -> BTreeMap<String, Value> {
        let names: Vec<&str> = known.iter().map(|(name, _)| *name).collect();
        let mut given = BTreeMap::new();
        for (name, value) in written {
            if names.contains(&name.as_str()) {
                given.insert(name, value);
                continue;
            }
            let at = place(self.text, &name, None);
            let end = Position::new(at.line, at.column + name.chars().count());
            let listed = names.iter().map(|n| format!("`{n}`")).collect::<Vec<_>>().join(", ");
            self.problems.push(
                Diagnostic::warning("unknown-field", self.file, at, end, schema::unknown_field_in(&name, within))
                    .with_expected(schema::one_of(&listed))
                    .with_help(suggestion(&name, names.iter().copied())),
            );
        }
        given
    }

    /// A group's settings (`export: (format: "md")`); none when it is not a group.
    fn group(&mut self, name: &str, value: Value, known: &[(&str, Shape)]) -> BTreeMap<String, Value> {
        let entries = match unwrap_some(value) {
            Some(Value::Map(map)) => map
                .into_iter()
                .map(|(key, value)| match key {
                    Value::String(key) => Some((key, value)),
                    _ => None,
                })
                .collect::<Option<Vec<_>>>(),
            _ => None,
        };
        match entries {
            Some(entries) => self.settings(entries, known, Some(name)),
            None => {
                self.wrong_shape(name, Shape::Group);
                BTreeMap::new()
            }
        }
    }

    /// The value of setting `name` as a `T`, or said to be of the wrong shape and left out.
    /// `name: None` is the setting not given.
    fn typed<T: DeserializeOwned>(&mut self, name: &str, shape: Shape, value: Value) -> Option<T> {
        let value = unwrap_some(value)?;
        match T::deserialize(value) {
            Ok(value) => Some(value),
            Err(_) => {
                self.wrong_shape(name, shape);
                None
            }
        }
    }

    fn wrong_shape(&mut self, name: &str, shape: Shape) {
        let (at, end) = value_place(self.text, name);
        self.problems.push(
            Diagnostic::error("wrong-type", self.file, at, end, say::wrong_shape(name, shape))
                .with_expected(say::such_as(example(name))),
        );
    }
}

/// `Some(x)` read as `x` (the file may spell an optional setting either way), `None` as no value.
fn unwrap_some(value: Value) -> Option<Value> {
    match value {
        Value::Option(inner) => inner.map(|inner| *inner),
        other => Some(other),
    }
}

/// Where the value of setting `name` is written: after its `name:` to the end of its line (or
/// its comma).
fn value_place(text: &str, name: &str) -> (Position, Position) {
    let at = place(text, name, None);
    let line = text.lines().nth(at.line.saturating_sub(1)).unwrap_or_default();
    let code = line.split("//").next().unwrap_or(line);
    let from: String = code.chars().skip(at.column.saturating_sub(1)).collect();
    let Some(colon) = from.find(':') else { return (at, at) };
    let after = &from[colon + 1..];
    let value = after.trim_start();
    let start = at.column + from[..colon + 1].chars().count() + (after.chars().count() - value.chars().count());
    let shown = value.trim_end().trim_end_matches(',').trim_end();
    (Position::new(at.line, start), Position::new(at.line, start + shown.chars().count().max(1)))
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

    /// An unknown setting is a warning at its name, with the nearest known one; the others
    /// are taken.
    #[test]
    fn an_unknown_setting_is_said_with_the_nearest_name_and_costs_nothing_else() {
        let text = "Config(\n  them: \"light\",\n  mouse: false,\n)\n";
        let (settings, problems) = parse("config.ron", text, None);
        assert_eq!(settings.mouse, Some(false));
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert_eq!(problems[0].code, "unknown-field");
        assert_eq!(problems[0].severity, crate::diagnostic::Severity::Warning);
        assert_eq!((problems[0].start.line, problems[0].start.column), (2, 3));
        assert!(problems[0].one_line(Lang::En).contains("`them`"), "{}", problems[0].one_line(Lang::En));
        assert!(
            problems[0].one_line(Lang::En).contains("did you mean \"theme\""),
            "{}",
            problems[0].one_line(Lang::En)
        );
    }

    /// The trial's `theme: 3` beside good settings dropped them all: now it costs only itself,
    /// said at its value, in the user's language.
    #[test]
    fn one_setting_of_the_wrong_type_costs_only_itself() {
        let text = "Config(\n    language: \"fr\",\n    theme: 3,\n    mouse: false,\n    export: (format: \"csv\", folder: true),\n    present: (bare: true),\n)\n";
        let (settings, problems) = parse("config.ron", text, None);
        assert_eq!(settings.language, Some(Lang::Fr));
        assert_eq!(settings.theme, None);
        assert_eq!(settings.mouse, Some(false));
        assert_eq!(settings.export_format, Some(Format::Csv));
        assert_eq!(settings.export_folder, None);
        assert_eq!(settings.present_bare, Some(true));
        assert_eq!(problems.len(), 2, "{problems:?}");
        assert_eq!(problems[0].code, "wrong-type");
        assert_eq!((problems[0].start.line, problems[0].start.column), (3, 12));
        let english = problems[0].one_line(Lang::En);
        assert!(
            english.contains("config.ron:3:12") && english.contains("\"theme\" must be text in quotes"),
            "{english}"
        );
        let french = problems[0].one_line(Lang::Fr);
        assert!(french.contains("« theme » doit être un texte entre guillemets"), "{french}");
        assert_eq!((problems[1].start.line, problems[1].start.column), (5, 37));
        assert!(
            problems[1].one_line(Lang::En).contains("\"folder\" must be text"),
            "{}",
            problems[1].one_line(Lang::En)
        );
    }

    #[test]
    fn a_switch_written_as_text_and_a_language_as_a_switch_are_said_and_left_out() {
        let text = "Config(language: true, mouse: \"no\", theme: \"light\", screen_reader: Some(true))";
        let (settings, problems) = parse("config.ron", text, None);
        assert_eq!((settings.language, settings.mouse), (None, None));
        assert_eq!(settings.theme, Some(ThemeName::Light));
        assert_eq!(settings.screen_reader, Some(true));
        let codes: Vec<_> = problems.iter().map(|p| (p.code, p.start.column)).collect();
        assert_eq!(codes, [("wrong-type", 18), ("wrong-type", 31)], "{problems:?}");
    }

    /// Each setting's example is shown when that setting is of the wrong type: it must itself
    /// load (the trial's `language: true` was told `such as "light"`, and `keys: 3` an action
    /// the table does not have).
    #[test]
    fn every_setting_s_example_loads_without_a_problem() {
        let base = tempfile::tempdir().unwrap();
        std::fs::create_dir(base.path().join("raw4res")).unwrap();
        let groups = [("export", &EXPORT[..]), ("present", &PRESENT[..])];
        let every: Vec<&str> = SETTINGS.iter().chain(&EXPORT).chain(&PRESENT).map(|(name, _)| *name).collect();
        for name in every {
            let written = format!("{name}: {}", example(name));
            let text = match groups.iter().find(|(_, known)| known.iter().any(|(n, _)| *n == name)) {
                Some((group, _)) => format!("Config({group}: ({written}))"),
                None => format!("Config({written})"),
            };
            let (_, problems) = parse("config.ron", &text, Some(base.path()));
            assert!(problems.is_empty(), "{text}: {problems:?}");
        }
    }

    #[test]
    fn a_setting_of_the_wrong_type_is_shown_a_value_of_its_own() {
        let text = "Config(\n  language: true,\n  export: (folder: 7),\n  keys: 3,\n)\n";
        let (_, problems) = parse("config.ron", text, None);
        let expected: Vec<String> =
            problems.iter().map(|p| p.expected.as_ref().unwrap().get(Lang::En).to_string()).collect();
        assert_eq!(expected, ["such as \"fr\"", "such as \"~/handouts\"", "such as { \"global.quit\": [\"Q\"] }"]);
        assert_eq!(problems[0].expected.as_ref().unwrap().get(Lang::Fr), "par exemple \"fr\"");
    }

    /// The caret points at the key that is no key, not at the action it was given to.
    #[test]
    fn a_key_that_is_no_key_is_placed_at_itself() {
        let text = "Config(\n  keys: {\n    \"open\": [\"Enter\", \"Ctrl-Alt-Banana\"],\n  },\n)\n";
        let (_, problems) = parse("config.ron", text, None);
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert_eq!(problems[0].code, "unknown-key");
        assert_eq!((problems[0].start.line, problems[0].start.column), (3, 23));
        assert_eq!(problems[0].end.column, 23 + "\"Ctrl-Alt-Banana\"".len());
    }

    /// A key bound twice is placed at that key too.
    #[test]
    fn a_key_bound_twice_is_placed_at_itself() {
        let text = "Config(keys: { \"results.open\": [\"Enter\", \"j\"] })";
        let (_, problems) = parse("config.ron", text, None);
        assert_eq!(problems.iter().map(|p| p.code).collect::<Vec<_>>(), ["key-bound-twice"], "{problems:?}");
        assert_eq!(problems[0].start.column, text.find("\"j\"").unwrap() + 1);
    }
}
