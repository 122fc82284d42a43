//! `boucle config path|show|init`: where the config file is, the settings in effect and where
//! each came from (with the file's problems, as `check` shows a catalogue's), and a commented
//! file to start from.

use std::io::Write;

use clap::{Args, Subcommand};

use super::Cli;
use crate::config::{Given, Settings, Source};
use crate::i18n::config as say;
use crate::text::{Lang, visible};

#[derive(Debug, Args)]
pub struct ConfigArgs {
    #[command(subcommand)]
    pub action: ConfigAction,
}

#[derive(Debug, Subcommand)]
pub enum ConfigAction {
    Path,
    Show,
    Init,
}

pub fn run(cli: &Cli, args: &ConfigArgs, out: &mut dyn Write, err: &mut dyn Write) -> std::io::Result<i32> {
    let lang = cli.language();
    let settings = cli.settings.clone().unwrap_or_default();
    let Some(path) = settings.file.clone() else {
        writeln!(err, "boucle config: {}", say::no_config_folder().get(lang))?;
        return Ok(1);
    };
    match args.action {
        ConfigAction::Path => {
            writeln!(out, "{}", visible::path(&path))?;
            Ok(0)
        }
        ConfigAction::Show => show(&settings, lang, out),
        ConfigAction::Init => {
            let text = crate::config::init::template(lang, &crate::ui::keymap::Keymap::default());
            if let Some(folder) = path.parent() {
                std::fs::create_dir_all(folder)?;
            }
            let shown = visible::path(&path).to_string();
            match crate::files::write_atomic(&path, text.as_bytes(), crate::files::Overwrite::Never, &[]) {
                Ok(()) => {
                    writeln!(out, "{}", say::written(lang, &shown))?;
                    Ok(0)
                }
                Err(crate::files::WriteError::Exists(_)) => {
                    writeln!(err, "boucle config init: {}", say::already_there(&shown).get(lang))?;
                    Ok(1)
                }
                Err(e) => {
                    writeln!(err, "boucle config init: {}", e.said().get(lang))?;
                    Ok(1)
                }
            }
        }
    }
}

/// One line per setting: its name, its value, where it came from.
fn show(settings: &Settings, lang: Lang, out: &mut dyn Write) -> std::io::Result<i32> {
    let exists = settings.file.as_deref().is_some_and(std::path::Path::is_file);
    writeln!(out, "{}", say::the_file(lang, &settings.file_shown(), exists))?;
    let line = |out: &mut dyn Write, name: &str, value: String, source: Source| {
        writeln!(out, "  {name:<14} {value:<32} {}", say::source(lang, source))
    };
    let shown = |given: &Given<bool>| (given.value.to_string(), given.source);
    line(out, "language", settings.language.value.code().to_string(), settings.language.source)?;
    let theme = if super::colour_off() { "mono (NO_COLOR)" } else { settings.theme.value.id() };
    let theme_source = if super::colour_off() { Source::Environment("NO_COLOR") } else { settings.theme.source };
    line(out, "theme", theme.to_string(), theme_source)?;
    let folders: Vec<String> = settings.catalogues.value.iter().map(|p| visible::path(p).to_string()).collect();
    let folders = if folders.is_empty() { say::bundled_catalogue(lang).to_string() } else { folders.join(":") };
    line(out, "catalogues", folders, settings.catalogues.source)?;
    for (name, given) in [
        ("mouse", &settings.mouse),
        ("screen_reader", &settings.screen_reader),
        ("present.bare", &settings.present_bare),
    ] {
        let (value, source) = shown(given);
        line(out, name, value, source)?;
    }
    line(out, "export.format", settings.export_format.value.id().to_string(), settings.export_format.source)?;
    let folder = settings.export_folder.value.as_deref().map(|p| visible::path(p).to_string());
    line(out, "export.folder", folder.unwrap_or_else(|| say::none_value(lang).into()), settings.export_folder.source)?;
    let keys_source = if settings.keys_changed > 0 { Source::File } else { Source::Default };
    line(out, "keys", say::overridden_keys(lang, settings.keys_changed), keys_source)?;
    for binding in settings.keys.iter().filter(|b| settings.keys.overridden(b)) {
        let spelled: Vec<String> = binding.keys.iter().map(crate::ui::keymap::key_spelling).collect();
        let name = format!("{}.{}", binding.context.id(), crate::ui::keymap::action_name(&binding.action));
        writeln!(out, "    {name:<30} {}", spelled.join(", "))?;
    }
    if settings.problems.is_empty() {
        return Ok(0);
    }
    writeln!(out)?;
    let sources = std::collections::HashMap::from([(settings.file_shown(), settings.text.clone())]);
    let rendered = crate::diagnostic::render_human_in(&settings.problems, &sources, super::colour_allowed(), lang);
    out.write_all(rendered.as_bytes())?;
    writeln!(out, "{}", say::file_problems(lang, settings.problems.len()))?;
    Ok(1)
}
