//! The command line's usage errors in the user's language. clap finds them (an unknown option, a
//! missing or bad value) and keeps what it found in its error's context; this module reads that
//! context into an [`i18n::usage::Usage`](crate::i18n::usage::Usage) and says it in English or
//! French, with the command's usage line and exit code 2, as clap would. Help and version are
//! clap's own, on standard output.

use std::ffi::OsString;

use clap::CommandFactory;
use clap::error::{ContextKind, ContextValue, ErrorKind};

use super::Cli;
use crate::i18n::Explained;
use crate::i18n::usage::{Tip, Usage, usage_error};
use crate::text::Lang;

/// What to print instead of running, where, and the exit code.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Refusal {
    pub text: String,
    pub code: i32,
    pub to_stdout: bool,
}

/// The language of a command line before it is parsed: its `--lang`, else the config file's,
/// else the locale's (as [`crate::config::resolve`] chooses once it is parsed).
pub fn language_of(args: &[OsString]) -> Lang {
    let args: Vec<String> = args.iter().map(|a| a.to_string_lossy().into_owned()).collect();
    let given = args.iter().enumerate().find_map(|(i, arg)| match arg.strip_prefix("--lang") {
        Some("") => args.get(i + 1).and_then(|code| Lang::from_code(code)),
        Some(rest) => rest.strip_prefix('=').and_then(Lang::from_code),
        None => None,
    });
    given.unwrap_or_else(|| crate::config::load(&crate::config::CommandLine::default()).language.value)
}

/// Parses `args` (the program's name first), or says what is wrong in the user's language.
/// The help (`--help`, `help list`) is in that language too.
pub fn parse_from(args: Vec<OsString>) -> Result<Cli, Refusal> {
    let lang = language_of(&args);
    parse_in(&args, lang)
}

/// Parses `args` with its help and its usage errors in `lang`.
pub fn parse_in(args: &[OsString], lang: Lang) -> Result<Cli, Refusal> {
    let parsed = super::help::command(lang)
        .try_get_matches_from(args)
        .and_then(|mut matches| <Cli as clap::FromArgMatches>::from_arg_matches_mut(&mut matches));
    parsed.map_err(|error| refusal(&error, lang, args))
}

/// The command line of this process, parsed; a usage error is printed and the process ends.
pub fn parse_or_exit() -> Cli {
    match parse_from(std::env::args_os().collect()) {
        Ok(cli) => cli,
        Err(refusal) => {
            use std::io::Write;
            let _ = if refusal.to_stdout {
                std::io::stdout().lock().write_all(refusal.text.as_bytes())
            } else {
                std::io::stderr().lock().write_all(refusal.text.as_bytes())
            };
            std::process::exit(refusal.code)
        }
    }
}

fn string(value: Option<&ContextValue>) -> Option<String> {
    match value? {
        ContextValue::String(s) => Some(s.clone()),
        _ => None,
    }
}

fn strings(value: Option<&ContextValue>) -> Vec<String> {
    match value {
        Some(ContextValue::String(s)) => vec![s.clone()],
        Some(ContextValue::Strings(all)) => all.clone(),
        _ => Vec::new(),
    }
}

fn number(value: Option<&ContextValue>) -> usize {
    match value {
        Some(ContextValue::Number(n)) => usize::try_from(*n).unwrap_or(0),
        _ => 0,
    }
}

/// The subcommand named on the command line, if any.
fn subcommand(args: &[OsString]) -> Option<String> {
    let command = Cli::command();
    args.iter()
        .skip(1)
        .map(|a| a.to_string_lossy())
        .find_map(|word| command.get_subcommands().find(|s| s.get_name() == word).map(|s| s.get_name().to_string()))
}

/// The usage line of the command `args` run, without clap's `Usage:`.
fn usage_line_of(args: &[OsString]) -> String {
    let mut command = Cli::command();
    let line = match subcommand(args) {
        Some(name) => match command.find_subcommand_mut(&name) {
            Some(sub) => sub.clone().bin_name(format!("boucle {name}")).render_usage().to_string(),
            None => command.render_usage().to_string(),
        },
        None => command.render_usage().to_string(),
    };
    strip_usage(&line)
}

fn strip_usage(line: &str) -> String {
    line.trim().strip_prefix("Usage:").unwrap_or(line.trim()).trim().to_string()
}

/// clap's tips (`to pass '--x' as a value, use '-- --x'`), read back from its English.
fn tips_of(error: &clap::Error) -> Vec<Tip> {
    let mut tips = Vec::new();
    if let Some(names) = error.get(ContextKind::SuggestedSubcommand).map(|v| strings(Some(v)))
        && !names.is_empty()
    {
        tips.push(Tip::SimilarSubcommands(names));
    }
    if let Some(names) = error.get(ContextKind::SuggestedArg).map(|v| strings(Some(v)))
        && !names.is_empty()
    {
        tips.push(Tip::SimilarArguments(names));
    }
    if let Some(names) = error.get(ContextKind::SuggestedValue).map(|v| strings(Some(v)))
        && !names.is_empty()
    {
        tips.push(Tip::SimilarValues(names));
    }
    if let Some(ContextValue::StyledStrs(suggestions)) = error.get(ContextKind::Suggested) {
        for suggestion in suggestions {
            let text = suggestion.to_string();
            let quoted: Vec<&str> = text.split('\'').skip(1).step_by(2).collect();
            let tip = if text.starts_with("to pass ") && quoted.len() >= 2 {
                Tip::PassAsValue { arg: quoted[0].to_string(), code: quoted[1].to_string() }
            } else if text.starts_with("subcommand ") && !quoted.is_empty() {
                Tip::RemoveDashes(quoted[0].to_string())
            } else if text.ends_with("' exists") && !quoted.is_empty() {
                Tip::ExistsOn(quoted[0].to_string())
            } else {
                continue;
            };
            tips.push(tip);
        }
    }
    tips
}

/// What a value parser said about a value it refused, in `lang`.
fn refused_because(error: &clap::Error, lang: Lang) -> Option<String> {
    let source = std::error::Error::source(error)?;
    if let Some(invalid) = source.downcast_ref::<Explained>() {
        return Some(invalid.0.get(lang).to_string());
    }
    if source.downcast_ref::<std::num::ParseIntError>().is_some() {
        return Some(match lang {
            Lang::En => source.to_string(),
            Lang::Fr => "ce n’est pas un nombre entier positif".to_string(),
        });
    }
    match lang {
        Lang::En => Some(source.to_string()),
        Lang::Fr => None,
    }
}

/// What to print for `error`, in `lang`; `args` is the command line it came from.
pub fn refusal(error: &clap::Error, lang: Lang, args: &[OsString]) -> Refusal {
    let context = |kind| error.get(kind);
    let arg = || string(context(ContextKind::InvalidArg)).unwrap_or_default();
    let value = || string(context(ContextKind::InvalidValue)).unwrap_or_default();
    let usage = match error.kind() {
        ErrorKind::DisplayHelp | ErrorKind::DisplayVersion => {
            return Refusal { text: error.render().to_string(), code: error.exit_code(), to_stdout: true };
        }
        ErrorKind::UnknownArgument => Usage::UnknownArgument(arg()),
        ErrorKind::InvalidSubcommand => {
            Usage::UnknownSubcommand(string(context(ContextKind::InvalidSubcommand)).unwrap_or_default())
        }
        ErrorKind::InvalidValue => {
            Usage::InvalidValue { value: value(), arg: arg(), possible: strings(context(ContextKind::ValidValue)) }
        }
        ErrorKind::ValueValidation => Usage::Refused { value: value(), arg: arg(), why: refused_because(error, lang) },
        ErrorKind::MissingRequiredArgument => Usage::MissingArguments(strings(context(ContextKind::InvalidArg))),
        ErrorKind::MissingSubcommand | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => {
            let command = match subcommand(args) {
                Some(name) => format!("boucle {name}"),
                None => "boucle".to_string(),
            };
            let root = Cli::command();
            let owner = match subcommand(args) {
                Some(name) => root.find_subcommand(&name).cloned(),
                None => Some(root.clone()),
            };
            let subcommands =
                owner.map(|c| c.get_subcommands().map(|s| s.get_name().to_string()).collect()).unwrap_or_default();
            Usage::MissingSubcommand { command, subcommands }
        }
        ErrorKind::ArgumentConflict => {
            let prior = context(ContextKind::PriorArg);
            let twice = prior.is_some() && string(prior) == Some(arg());
            Usage::Conflict { arg: arg(), with: if twice { Vec::new() } else { strings(prior) }, twice }
        }
        ErrorKind::TooManyValues => Usage::TooManyValues { value: value(), arg: arg() },
        ErrorKind::TooFewValues => Usage::TooFewValues {
            arg: arg(),
            min: number(context(ContextKind::MinValues)),
            given: number(context(ContextKind::ActualNumValues)),
        },
        ErrorKind::WrongNumberOfValues => Usage::WrongNumberOfValues {
            arg: arg(),
            expected: number(context(ContextKind::ExpectedNumValues)),
            given: number(context(ContextKind::ActualNumValues)),
        },
        ErrorKind::NoEquals => Usage::NoEquals(arg()),
        ErrorKind::InvalidUtf8 => Usage::NotUtf8,
        // Writing the help failed, or a kind a later clap adds: its own words.
        _ => return Refusal { text: error.render().to_string(), code: 2, to_stdout: false },
    };
    let line = match context(ContextKind::Usage) {
        Some(ContextValue::StyledStr(line)) => strip_usage(&line.to_string()),
        _ => usage_line_of(args),
    };
    Refusal { text: usage_error(lang, &usage, &tips_of(error), Some(&line)), code: 2, to_stdout: false }
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::Parser;

    fn run(args: &[&str]) -> Refusal {
        let args: Vec<OsString> = std::iter::once("boucle").chain(args.iter().copied()).map(OsString::from).collect();
        parse_from(args).unwrap_err()
    }

    #[test]
    fn english_usage_errors_read_as_clap_writes_them() {
        let args: Vec<OsString> = ["boucle", "check", "--bogus"].into_iter().map(OsString::from).collect();
        let clap = Cli::try_parse_from(&args).unwrap_err().render().to_string();
        let ours = refusal(&Cli::try_parse_from(&args).unwrap_err(), Lang::En, &args);
        assert_eq!(ours.text, clap);
        assert_eq!(ours.code, 2);
    }

    #[test]
    fn usage_errors_are_said_in_the_language_asked() {
        let french = run(&["--lang", "fr", "list", "--format", "xml"]);
        assert_eq!(french.code, 2);
        assert!(
            french.text.starts_with("erreur : valeur invalide « xml » pour « --format <FORMAT> »"),
            "{}",
            french.text
        );
        assert!(french.text.contains("[valeurs possibles : table, json, csv, md]"), "{}", french.text);
        assert!(french.text.contains("\nUtilisation : boucle list "), "{}", french.text);
        let missing = run(&["--lang=fr", "show"]);
        assert!(missing.text.contains("ces arguments obligatoires manquent :\n  <ID>"), "{}", missing.text);
        let theme = run(&["--lang", "fr", "--theme", "pink"]);
        assert!(theme.text.contains("thème inconnu « pink »"), "{}", theme.text);
        let help = run(&["--lang", "fr", "--help"]);
        assert!(help.to_stdout && help.code == 0);
    }
}
