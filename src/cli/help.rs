//! The command line in the user's language: clap's command with each description taken from
//! [`i18n::help`](crate::i18n::help), before parsing, so that `--help` and `boucle help list` say
//! it in French under `--lang fr` (or a French config file or locale). In French, the words clap
//! writes itself are replaced too: the usage title, the headings, the help and version options,
//! the `help` command, and an option's default, possible values and environment variable. The
//! manual pages are English: clap_mangen writes their own headings (NAME, OPTIONS) in English.

use clap::{Arg, ArgAction, Command, CommandFactory};

use super::Cli;
use crate::i18n::help::{
    ClapWord, Heading, clap_word, default_value, environment_variable, heading, help, possible_values,
};
use crate::text::Lang;

/// clap's own layout, with its usage title in `lang`.
fn template(lang: Lang) -> String {
    format!(
        "{{before-help}}{{about-with-newline}}\n{} {{usage}}\n\n{{all-args}}{{after-help}}",
        word(lang, ClapWord::Usage)
    )
}

fn word(lang: Lang, word: ClapWord) -> String {
    clap_word(word).get(lang).to_string()
}

/// boucle's command line, its help in `lang`, built (every subcommand and `help` in place).
pub fn command(lang: Lang) -> Command {
    let mut command = unbuilt(lang);
    command.build();
    if lang == Lang::Fr { help_command(command, lang) } else { command }
}

/// boucle's command line, its help in `lang`, before clap adds its `help` commands.
pub fn unbuilt(lang: Lang) -> Command {
    let mut command = localized(Cli::command(), "", lang);
    // An exported but empty BOUCLE_CATALOGUE means no folder, as an empty BOUCLE_THEME means no
    // theme: clap would read it as `--catalogue ""` and refuse every command.
    if std::env::var_os(super::CATALOGUE_ENV).is_some_and(|v| v.is_empty()) {
        command = command.mut_arg("catalogues", |arg| arg.env(None));
    }
    match lang {
        Lang::Fr => command.disable_version_flag(true).arg(
            Arg::new("version")
                .short('V')
                .long("version")
                .action(ArgAction::Version)
                .display_order(usize::MAX)
                .help(word(lang, ClapWord::Version))
                .help_heading(heading(lang, Heading::Options)),
        ),
        Lang::En => command,
    }
}

/// The help of a command at `path` (`""` for boucle, `"cache list"`), of its options, and of its
/// subcommands.
fn localized(command: Command, path: &str, lang: Lang) -> Command {
    let key = if path.is_empty() { "boucle" } else { path };
    let said = |key: &str| help(key).map(|said| said.get(lang).to_string());
    let mut command = command;
    if let Some(about) = said(key) {
        command = command.about(about);
    }
    if let Some(about) = said(&format!("{key} (long)")) {
        command = command.long_about(about);
    }
    let ids: Vec<String> = command.get_arguments().map(|arg| arg.get_id().to_string()).collect();
    for id in ids {
        let own = format!("{path} --{id}");
        let all = format!("--{id}");
        let text = said(&own).or_else(|| said(&all));
        let long = said(&format!("{own} (long)")).or_else(|| said(&format!("{all} (long)")));
        command = command.mut_arg(&id, |arg| {
            let arg = match (text, long) {
                (Some(text), Some(long)) => arg.help(text).long_help(long),
                (Some(text), None) => arg.help(text),
                (None, _) => arg,
            };
            if lang == Lang::Fr { french_heading(french_values(arg, lang), lang) } else { arg }
        });
    }
    if lang == Lang::Fr {
        let long = command.get_long_about().is_some() || command.get_arguments().any(|a| a.get_long_help().is_some());
        // Last, where clap puts its own.
        let help_flag = Arg::new("help").short('h').long("help").action(ArgAction::Help).display_order(usize::MAX - 1);
        let help_flag = match long {
            true => help_flag.help(word(lang, ClapWord::HelpShort)).long_help(word(lang, ClapWord::HelpLong)),
            false => help_flag.help(word(lang, ClapWord::Help)),
        };
        command = command
            .help_template(template(lang))
            .subcommand_help_heading(heading(lang, Heading::Commands))
            .subcommand_value_name(heading(lang, Heading::Command))
            .disable_help_flag(true)
            .arg(french_heading(help_flag, lang));
    }
    command.mut_subcommands(|sub| {
        let path = if path.is_empty() { sub.get_name().to_string() } else { format!("{path} {}", sub.get_name()) };
        localized(sub, &path, lang)
    })
}

/// An option's default value, possible values and environment variable, said in `lang` after
/// its help rather than in clap's English.
fn french_values(arg: Arg, lang: Lang) -> Arg {
    let mut after = Vec::new();
    if let Some(name) = arg.get_env() {
        after.push(environment_variable(&name.to_string_lossy()).get(lang).to_string());
    }
    let defaults: Vec<String> = arg.get_default_values().iter().map(|v| v.to_string_lossy().into_owned()).collect();
    if !defaults.is_empty() && arg.get_action().takes_values() {
        let shown = defaults.iter().map(|d| if d.is_empty() { "\"\"".to_string() } else { d.clone() });
        after.push(default_value(&shown.collect::<Vec<_>>().join(" ")).get(lang).to_string());
    }
    let values: Vec<String> =
        arg.get_possible_values().iter().filter(|v| !v.is_hide_set()).map(|v| v.get_name().to_string()).collect();
    if !values.is_empty() && arg.get_action().takes_values() {
        after.push(possible_values(&values.join(", ")).get(lang).to_string());
    }
    if after.is_empty() {
        return arg;
    }
    let after = after.join(" ");
    let help = arg.get_help().map(|h| format!("{h} {after}")).unwrap_or(after.clone());
    let long = arg.get_long_help().map(|h| format!("{h}\n\n{after}"));
    let arg = arg.help(help).hide_env(true).hide_default_value(true).hide_possible_values(true);
    match long {
        Some(long) => arg.long_help(long),
        None => arg,
    }
}

/// An argument under its heading in `lang`: clap's own ("Options", "Arguments") is English, and
/// followed by a colon with no space before it.
fn french_heading(arg: Arg, lang: Lang) -> Arg {
    if arg.get_help_heading().is_some() {
        return arg;
    }
    let under = if arg.is_positional() { Heading::Arguments } else { Heading::Options };
    arg.help_heading(heading(lang, under))
}

/// The `help` commands clap adds while building, in `lang`.
fn help_command(command: Command, lang: Lang) -> Command {
    command.mut_subcommands(|sub| {
        let sub = if sub.get_name() == "help" {
            let sub = sub
                .about(word(lang, ClapWord::HelpCommand))
                .help_template(template(lang))
                .subcommand_help_heading(heading(lang, Heading::Commands))
                .subcommand_value_name(heading(lang, Heading::Command));
            let has_argument = sub.get_arguments().any(|a| a.get_id() == "subcommand");
            match has_argument {
                true => sub
                    .mut_arg("subcommand", |a| french_heading(a.help(word(lang, ClapWord::HelpCommandArgument)), lang)),
                false => sub,
            }
        } else {
            sub
        };
        help_command(sub, lang)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every command and option, hidden or not, has its help in the table, and every entry of
    /// the table is some command's or option's: none left in English only, none stale.
    #[test]
    fn every_command_and_option_has_its_help_and_every_help_its_command() {
        fn walk(command: &Command, path: &str, used: &mut Vec<String>, missing: &mut Vec<String>) {
            let key = if path.is_empty() { "boucle".to_string() } else { path.to_string() };
            match help(&key) {
                Some(_) => used.push(key.clone()),
                None => missing.push(key.clone()),
            }
            let long = format!("{key} (long)");
            if help(&long).is_some() {
                used.push(long);
            }
            for arg in command.get_arguments() {
                let id = arg.get_id().as_str();
                let (own, all) = (format!("{path} --{id}"), format!("--{id}"));
                let found = [own.clone(), all.clone()].into_iter().find(|k| help(k).is_some());
                match found {
                    Some(k) => used.push(k),
                    None => missing.push(own),
                }
            }
            for sub in command.get_subcommands() {
                let path =
                    if path.is_empty() { sub.get_name().to_string() } else { format!("{path} {}", sub.get_name()) };
                walk(sub, &path, used, missing);
            }
        }
        let (mut used, mut missing) = (Vec::new(), Vec::new());
        walk(&Cli::command(), "", &mut used, &mut missing);
        assert!(missing.is_empty(), "no help for {missing:?}");
        let stale: Vec<&str> = crate::i18n::help::keys().filter(|k| !used.iter().any(|u| u == k)).collect();
        assert!(stale.is_empty(), "no command or option is {stale:?}");
    }

    /// The French command parses what the English one does: only its words differ.
    #[test]
    fn the_french_command_parses_as_the_english_one() {
        let args = ["boucle", "list", "--format", "csv", "--region", "FRE12", "-q", "zinc", "--limit", "3"];
        for lang in [Lang::En, Lang::Fr] {
            let matches = command(lang).try_get_matches_from(args).unwrap();
            let (name, list) = matches.subcommand().unwrap();
            assert_eq!(name, "list");
            assert_eq!(list.get_one::<String>("query").map(String::as_str), Some("zinc"), "{lang:?}");
        }
    }
}
