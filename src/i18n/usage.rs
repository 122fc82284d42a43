//! A usage error of the command line (an unknown option, a missing or bad value), in the words
//! clap uses in English and in French: the command line reads what clap found into a
//! [`Usage`], and this module says it, with the command's usage line and where to find help.

use super::said::quoted as q;
use crate::text::Lang;

/// What is wrong with the command line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Usage {
    UnknownArgument(String),
    UnknownSubcommand(String),
    /// A value outside the possible ones (`--format xml`); `value` empty: none was given.
    InvalidValue {
        value: String,
        arg: String,
        possible: Vec<String>,
    },
    /// A value its parser refused, with the parser's reason when it has words for it.
    Refused {
        value: String,
        arg: String,
        why: Option<String>,
    },
    MissingArguments(Vec<String>),
    MissingSubcommand {
        command: String,
        subcommands: Vec<String>,
    },
    /// `arg` given twice, or with arguments it excludes (named in `with` when clap names them).
    Conflict {
        arg: String,
        with: Vec<String>,
        twice: bool,
    },
    TooManyValues {
        value: String,
        arg: String,
    },
    TooFewValues {
        arg: String,
        min: usize,
        given: usize,
    },
    WrongNumberOfValues {
        arg: String,
        expected: usize,
        given: usize,
    },
    NoEquals(String),
    NotUtf8,
}

/// A hint under the error.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Tip {
    SimilarSubcommands(Vec<String>),
    SimilarArguments(Vec<String>),
    SimilarValues(Vec<String>),
    /// Code that passes the argument as a value (`-- --bogus`).
    PassAsValue {
        arg: String,
        code: String,
    },
    /// This option exists on that subcommand (`list --format`).
    ExistsOn(String),
    /// This subcommand exists; the `--` before it keeps it from being one.
    RemoveDashes(String),
}

fn listed(lang: Lang, names: &[String]) -> String {
    names.iter().map(|n| quoted(lang, n)).collect::<Vec<_>>().join(", ")
}

/// Options and values as clap quotes them in English ('--format'), and French « --format ».
fn quoted(lang: Lang, text: &str) -> String {
    match lang {
        Lang::En => format!("'{text}'"),
        Lang::Fr => q(lang, text),
    }
}

fn problem(lang: Lang, usage: &Usage) -> String {
    let qt = |t: &str| quoted(lang, t);
    match (usage, lang) {
        (Usage::UnknownArgument(arg), Lang::En) => format!("unexpected argument {} found", qt(arg)),
        (Usage::UnknownArgument(arg), Lang::Fr) => format!("argument inattendu {}", qt(arg)),
        (Usage::UnknownSubcommand(name), Lang::En) => format!("unrecognized subcommand {}", qt(name)),
        (Usage::UnknownSubcommand(name), Lang::Fr) => format!("sous-commande inconnue {}", qt(name)),
        (Usage::InvalidValue { value, arg, possible }, _) => {
            let head = match (value.is_empty(), lang) {
                (true, Lang::En) => format!("a value is required for {} but none was supplied", qt(arg)),
                (true, Lang::Fr) => format!("{} demande une valeur, et aucune n’est donnée", qt(arg)),
                (false, Lang::En) => format!("invalid value {} for {}", qt(value), qt(arg)),
                (false, Lang::Fr) => format!("valeur invalide {} pour {}", qt(value), qt(arg)),
            };
            let values = match (possible.is_empty(), lang) {
                (true, _) => String::new(),
                (false, Lang::En) => format!("\n  [possible values: {}]", possible.join(", ")),
                (false, Lang::Fr) => format!("\n  [valeurs possibles : {}]", possible.join(", ")),
            };
            format!("{head}{values}")
        }
        (Usage::Refused { value, arg, why }, Lang::En) => {
            let why = why.as_deref().map(|w| format!(": {w}")).unwrap_or_default();
            format!("invalid value {} for {}{why}", qt(value), qt(arg))
        }
        (Usage::Refused { value, arg, why }, Lang::Fr) => {
            let why = why.as_deref().map(|w| format!(" : {w}")).unwrap_or_default();
            format!("valeur invalide {} pour {}{why}", qt(value), qt(arg))
        }
        (Usage::MissingArguments(args), Lang::En) => {
            format!("the following required arguments were not provided:\n  {}", args.join("\n  "))
        }
        (Usage::MissingArguments(args), Lang::Fr) => {
            format!("ces arguments obligatoires manquent :\n  {}", args.join("\n  "))
        }
        (Usage::MissingSubcommand { command, subcommands }, Lang::En) => format!(
            "{} requires a subcommand but one was not provided\n  [subcommands: {}]",
            qt(command),
            subcommands.join(", ")
        ),
        (Usage::MissingSubcommand { command, subcommands }, Lang::Fr) => format!(
            "{} demande une sous-commande, et aucune n’est donnée\n  [sous-commandes : {}]",
            qt(command),
            subcommands.join(", ")
        ),
        (Usage::Conflict { arg, twice: true, .. }, Lang::En) => {
            format!("the argument {} cannot be used multiple times", qt(arg))
        }
        (Usage::Conflict { arg, twice: true, .. }, Lang::Fr) => {
            format!("l’argument {} ne peut être donné qu’une fois", qt(arg))
        }
        (Usage::Conflict { arg, with, .. }, Lang::En) if with.is_empty() => {
            format!("the argument {} cannot be used with one or more of the other specified arguments", qt(arg))
        }
        (Usage::Conflict { arg, with, .. }, Lang::Fr) if with.is_empty() => {
            format!("l’argument {} ne va pas avec un autre des arguments donnés", qt(arg))
        }
        (Usage::Conflict { arg, with, .. }, Lang::En) => {
            format!("the argument {} cannot be used with {}", qt(arg), listed(lang, with))
        }
        (Usage::Conflict { arg, with, .. }, Lang::Fr) => {
            format!("l’argument {} ne va pas avec {}", qt(arg), listed(lang, with))
        }
        (Usage::TooManyValues { value, arg }, Lang::En) => {
            format!("unexpected value {} for {} found; no more were expected", qt(value), qt(arg))
        }
        (Usage::TooManyValues { value, arg }, Lang::Fr) => {
            format!("valeur inattendue {} pour {} ; aucune autre n’était attendue", qt(value), qt(arg))
        }
        (Usage::TooFewValues { arg, min, given }, Lang::En) => {
            format!(
                "{min} values required by {}; only {given} {}",
                qt(arg),
                if *given > 1 { "were provided" } else { "was provided" }
            )
        }
        (Usage::TooFewValues { arg, min, given }, Lang::Fr) => {
            format!(
                "{} demande {min} valeurs ; seulement {given} {}",
                qt(arg),
                if *given > 1 { "données" } else { "donnée" }
            )
        }
        (Usage::WrongNumberOfValues { arg, expected, given }, Lang::En) => format!(
            "{expected} values required for {} but {given} {}",
            qt(arg),
            if *given > 1 { "were provided" } else { "was provided" }
        ),
        (Usage::WrongNumberOfValues { arg, expected, given }, Lang::Fr) => {
            format!(
                "{} demande {expected} valeurs, et {given} {}",
                qt(arg),
                if *given > 1 { "sont données" } else { "est donnée" }
            )
        }
        (Usage::NoEquals(arg), Lang::En) => format!("equal sign is needed when assigning values to {}", qt(arg)),
        (Usage::NoEquals(arg), Lang::Fr) => format!("il faut un signe = pour donner une valeur à {}", qt(arg)),
        (Usage::NotUtf8, Lang::En) => "invalid UTF-8 was detected in one or more arguments".into(),
        (Usage::NotUtf8, Lang::Fr) => "un argument au moins n’est pas en UTF-8 valide".into(),
    }
}

fn tip(lang: Lang, tip: &Tip) -> String {
    let head = match lang {
        Lang::En => "tip:",
        Lang::Fr => "astuce :",
    };
    let text = match (tip, lang) {
        (Tip::SimilarSubcommands(names), Lang::En) if names.len() == 1 => {
            format!("a similar subcommand exists: {}", listed(lang, names))
        }
        (Tip::SimilarSubcommands(names), Lang::En) => {
            format!("some similar subcommands exist: {}", listed(lang, names))
        }
        (Tip::SimilarSubcommands(names), Lang::Fr) => format!("sous-commande proche : {}", listed(lang, names)),
        (Tip::SimilarArguments(names), Lang::En) if names.len() == 1 => {
            format!("a similar argument exists: {}", listed(lang, names))
        }
        (Tip::SimilarArguments(names), Lang::En) => format!("some similar arguments exist: {}", listed(lang, names)),
        (Tip::SimilarArguments(names), Lang::Fr) => format!("argument proche : {}", listed(lang, names)),
        (Tip::SimilarValues(names), Lang::En) if names.len() == 1 => {
            format!("a similar value exists: {}", listed(lang, names))
        }
        (Tip::SimilarValues(names), Lang::En) => format!("some similar values exist: {}", listed(lang, names)),
        (Tip::SimilarValues(names), Lang::Fr) => format!("valeur proche : {}", listed(lang, names)),
        (Tip::PassAsValue { arg, code }, Lang::En) => {
            format!("to pass {} as a value, use {}", quoted(lang, arg), quoted(lang, code))
        }
        (Tip::PassAsValue { arg, code }, Lang::Fr) => {
            format!("pour passer {} comme valeur, écrivez {}", quoted(lang, arg), quoted(lang, code))
        }
        (Tip::ExistsOn(code), Lang::En) => format!("{} exists", quoted(lang, code)),
        (Tip::ExistsOn(code), Lang::Fr) => format!("{} existe", quoted(lang, code)),
        (Tip::RemoveDashes(name), Lang::En) => {
            format!("subcommand {} exists; to use it, remove the '--' before it", quoted(lang, name))
        }
        (Tip::RemoveDashes(name), Lang::Fr) => {
            format!("la sous-commande {} existe ; pour l’utiliser, retirez le « -- » devant", quoted(lang, name))
        }
    };
    format!("  {head} {text}")
}

/// The whole message, as clap lays it out: the error, its tips, the usage line (`usage`, the
/// command as it is written, without clap's `Usage:`), and where to find help.
pub fn usage_error(lang: Lang, usage: &Usage, tips: &[Tip], line: Option<&str>) -> String {
    let mut text = match lang {
        Lang::En => format!("error: {}", problem(lang, usage)),
        Lang::Fr => format!("erreur : {}", problem(lang, usage)),
    };
    if !tips.is_empty() {
        text.push('\n');
        for one in tips {
            text.push('\n');
            text.push_str(&tip(lang, one));
        }
    }
    if let Some(line) = line {
        match lang {
            Lang::En => text.push_str(&format!("\n\nUsage: {line}")),
            Lang::Fr => text.push_str(&format!("\n\nUtilisation : {line}")),
        }
    }
    match lang {
        Lang::En => text.push_str("\n\nFor more information, try '--help'.\n"),
        Lang::Fr => text.push_str("\n\nPour en savoir plus, essayez « --help ».\n"),
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_unknown_option_reads_as_clap_says_it_and_in_french() {
        let usage = Usage::UnknownArgument("--bogus".into());
        let tips = [Tip::PassAsValue { arg: "--bogus".into(), code: "-- --bogus".into() }];
        let line = Some("boucle check [OPTIONS] [DIR]...");
        assert_eq!(
            usage_error(Lang::En, &usage, &tips, line),
            "error: unexpected argument '--bogus' found\n\n  tip: to pass '--bogus' as a value, use '-- --bogus'\n\n\
             Usage: boucle check [OPTIONS] [DIR]...\n\nFor more information, try '--help'.\n"
        );
        let french = usage_error(Lang::Fr, &usage, &tips, line);
        assert!(french.starts_with("erreur : argument inattendu « --bogus »"), "{french}");
        assert!(french.contains("\n\nUtilisation : boucle check [OPTIONS] [DIR]...\n"), "{french}");
    }
}
