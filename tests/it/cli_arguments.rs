//! Arguments a user types that used to be misread: a query starting with `-` (the documented
//! `-word` exclusion), a reversed year range, a zero table width; and the command line the
//! dashboard prints with `y` parses back to the same view.

use crate::common;

use std::process::Command;

use boucle::ui::Options;
use clap::Parser;
use common::ui::{FIXTURE, app_with, command, keys};

fn boucle(args: &[&str]) -> (i32, String, String) {
    let output = Command::new(env!("CARGO_BIN_EXE_boucle"))
        .args(["--catalogue", FIXTURE])
        .args(args)
        .env("NO_COLOR", "1")
        .output()
        .expect("run boucle");
    (
        output.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&output.stdout).into_owned(),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

#[test]
fn a_query_may_start_with_an_exclusion() {
    let (code, out, err) = boucle(&["list", "-q", "-kind:organisation bethune", "--format", "json"]);
    assert_eq!(code, 0, "{err}");
    let list: serde_json::Value = serde_json::from_str(&out).unwrap();
    let kinds: Vec<&str> = list.as_array().unwrap().iter().map(|e| e["kind"].as_str().unwrap()).collect();
    assert!(!kinds.is_empty() && !kinds.contains(&"organisation"), "{kinds:?}");
    let (code, _, err) = boucle(&["list", "--query=-bethune"]);
    assert_eq!(code, 0, "{err}");
}

#[test]
fn a_reversed_year_range_and_a_zero_width_are_usage_errors() {
    let (code, _, err) = boucle(&["list", "--year", "2025..2023"]);
    assert_eq!(code, 2);
    assert!(err.contains("reversed") && err.contains("2023..2025"), "{err}");
    let (code, _, err) = boucle(&["list", "--year", "twenty"]);
    assert_eq!(code, 2, "{err}");
    let (code, _, err) = boucle(&["list", "--width", "0"]);
    assert_eq!(code, 2);
    assert!(err.contains("at least 20 columns"), "{err}");
    let (code, _, _) = boucle(&["list", "--year", "2023..2025", "--width", "80"]);
    assert_eq!(code, 0);
}

/// `y` prints the command of the view; typed back, it gives the same query and filters, even
/// for a query that starts with a dash.
#[test]
fn the_command_the_dashboard_prints_parses_back() {
    let mut app = app_with(Options::default());
    keys(&mut app, "/-kind:organisation béthune's");
    let printed = command(&app);
    let words = shlex::split(&printed).expect("a shell can read it");
    let cli = boucle::cli::Cli::try_parse_from(&words).unwrap_or_else(|e| panic!("{printed}: {e}"));
    assert_eq!(cli.filters.query, "-kind:organisation béthune's", "{printed}");
}

/// `list` with a word no entry has lists those having the others, and says so on stderr in
/// the user's language, never in the CSV or JSON a program reads.
#[test]
fn list_says_on_stderr_when_no_entry_has_every_word() {
    let (code, out, err) = boucle(&["list", "-q", "bethune xylophone", "--format", "csv"]);
    assert_eq!(code, 0, "{err}");
    assert!(err.contains("No entry has every word; 6 have 1 of 2 words"), "{err}");
    assert!(!out.contains("every word"), "{out}");
    assert_eq!(out.lines().count(), 1 + 6, "a header and the six entries saying bethune:\n{out}");
    let (code, out, err) = boucle(&["--lang", "fr", "list", "-q", "bethune xylophone", "--format", "json"]);
    assert_eq!(code, 0, "{err}");
    assert!(err.contains("Aucune fiche n’a tous les mots ; 6 en ont 1 sur 2"), "{err}");
    assert_eq!(serde_json::from_str::<serde_json::Value>(&out).unwrap().as_array().map(Vec::len), Some(6));
    let (_, _, err) = boucle(&["list", "-q", "bethune"]);
    assert!(!err.contains("every word"), "{err}");
}

/// Help in the interface language (the trial's `--help` stayed English under `--lang fr`):
/// boucle's and a subcommand's, from `--lang fr`, from a French locale and from `help list`;
/// English stays English.
#[test]
fn help_is_french_when_the_interface_is() {
    let help_of = |args: &[&str], locale: &str| {
        let output = Command::new(env!("CARGO_BIN_EXE_boucle"))
            .args(args)
            .env("NO_COLOR", "1")
            .env("LANG", locale)
            .env_remove("LC_ALL")
            .env_remove("LC_MESSAGES")
            .env("BOUCLE_CONFIG", "/nonexistent/config.ron")
            .output()
            .expect("run boucle");
        assert_eq!(output.status.code(), Some(0), "{args:?}: {}", String::from_utf8_lossy(&output.stderr));
        String::from_utf8_lossy(&output.stdout).into_owned()
    };
    let english_words = [
        "Usage:",
        "Commands:",
        "Print help",
        "Print version",
        "[default:",
        "[possible values:",
        "[env:",
        "A catalogue folder to read",
        "Language of the interface",
        "Output: a table for people",
        "Print this message",
    ];
    let root = help_of(&["--lang", "fr", "--help"], "C");
    for words in ["Utilisation : boucle [OPTIONS] [COMMANDE]", "Commandes", "Afficher l’aide", "Afficher la version"]
    {
        assert!(root.contains(words), "{words:?} missing from\n{root}");
    }
    assert!(root.contains("Un dossier de catalogue à lire au lieu du catalogue intégré"), "{root}");
    for (args, locale) in [
        (&["--lang", "fr", "--help"][..], "C"),
        (&["--lang", "fr", "list", "--help"][..], "C"),
        (&["list", "--help"][..], "fr_FR.UTF-8"),
        (&["--lang", "fr", "help", "list"][..], "C"),
        (&["--lang", "fr", "export", "--help"][..], "C"),
    ] {
        let said = help_of(args, locale);
        for words in english_words {
            assert!(!said.contains(words), "{args:?} under {locale}: {words:?} left in\n{said}");
        }
        if args.contains(&"list") {
            assert!(said.contains("Sortie : un tableau pour les personnes"), "{said}");
            assert!(said.contains("[par défaut : table] [valeurs possibles : table, json, csv, md]"), "{said}");
        }
    }
    let english = help_of(&["--lang", "en", "list", "--help"], "fr_FR.UTF-8");
    for words in
        ["Usage: boucle list [OPTIONS]", "Print help", "[default: table] [possible values: table, json, csv, md]"]
    {
        assert!(english.contains(words), "{words:?} missing from\n{english}");
    }
    assert!(!english.contains("Afficher"), "{english}");
}

/// French puts a (no-break) space before a colon: the trial found `Commandes:` and
/// `Arguments:` in `--help`, which clap writes after its headings. Every command's help, short
/// and long, as a user asks for it.
#[test]
fn the_french_help_has_a_space_before_every_colon() {
    fn paths(command: &clap::Command, path: Vec<String>, all: &mut Vec<Vec<String>>) {
        all.push(path.clone());
        for sub in command.get_subcommands().filter(|s| s.get_name() != "help") {
            paths(sub, path.iter().cloned().chain([sub.get_name().to_string()]).collect(), all);
        }
    }
    let mut all = Vec::new();
    paths(&boucle::cli::help::command(boucle::text::Lang::Fr), Vec::new(), &mut all);
    assert!(all.len() > 15, "every command: {all:?}");
    let mut found = Vec::new();
    for path in &all {
        for flag in ["-h", "--help"] {
            let output = Command::new(env!("CARGO_BIN_EXE_boucle"))
                .args(["--lang", "fr"])
                .args(path)
                .arg(flag)
                .env("NO_COLOR", "1")
                .env("BOUCLE_CONFIG", "/nonexistent/config.ron")
                .output()
                .expect("run boucle");
            let text = String::from_utf8_lossy(&output.stdout);
            for line in text.lines() {
                let chars: Vec<char> = line.chars().collect();
                let bare = (1..chars.len()).any(|i| {
                    chars[i] == ':'
                        && !chars[i - 1].is_whitespace()
                        && chars.get(i + 1).is_none_or(|c| c.is_whitespace())
                });
                if bare {
                    found.push(format!("{path:?} {flag}: {line}"));
                }
            }
        }
    }
    assert!(found.is_empty(), "{found:#?}");
}

/// `--query 'regin:FRE12'` listed the fields but did not say which was meant (hostile trial).
#[test]
fn a_misspelt_query_field_gets_a_did_you_mean() {
    let (code, _, err) = boucle(&["list", "--query", "regin:FRE12", "--lang", "en"]);
    assert_ne!(code, 0, "{err}");
    assert!(err.contains("unknown field \"regin:\"") && err.contains("did you mean \"region:\"?"), "{err}");
    let (_, _, err) = boucle(&["list", "--query", "zzzz:FRE12", "--lang", "en"]);
    assert!(err.contains("unknown field") && !err.contains("did you mean"), "{err}");
}
