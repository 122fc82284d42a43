//! `boucle config path|show|init`, and the order settings are taken in: the command line, then
//! the environment, then the config file, then the defaults. Each run names its own config file
//! (`BOUCLE_CONFIG`) or config folder (`XDG_CONFIG_HOME`), never the user's.

use std::path::Path;
use std::process::{Command, Output};

fn boucle(config: &Path, env: &[(&str, &str)], args: &[&str]) -> Output {
    let mut command = Command::new(env!("CARGO_BIN_EXE_boucle"));
    command
        .args(args)
        .env("BOUCLE_CONFIG", config)
        .env("LANG", "C.UTF-8")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env_remove("NO_COLOR")
        .env_remove("BOUCLE_THEME")
        .env_remove("BOUCLE_CATALOGUE");
    for (name, value) in env {
        command.env(name, value);
    }
    command.output().unwrap()
}

fn out(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

/// The line of `boucle config show` for `setting`.
fn setting<'a>(shown: &'a str, setting: &str) -> &'a str {
    shown.lines().find(|l| l.trim_start().starts_with(&format!("{setting} "))).unwrap_or_default()
}

#[test]
fn the_file_is_in_the_xdg_config_folder_unless_boucle_config_names_another() {
    let dir = tempfile::tempdir().unwrap();
    let output = Command::new(env!("CARGO_BIN_EXE_boucle"))
        .args(["config", "path"])
        .env_remove("BOUCLE_CONFIG")
        .env("XDG_CONFIG_HOME", dir.path())
        .output()
        .unwrap();
    assert_eq!(out(&output).trim(), dir.path().join("boucle/config.ron").to_str().unwrap());
    let named = dir.path().join("elsewhere.ron");
    assert_eq!(out(&boucle(&named, &[], &["config", "path"])).trim(), named.to_str().unwrap());
}

#[test]
fn init_writes_a_commented_file_once_and_never_over_one() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("boucle/config.ron");
    let first = boucle(&file, &[], &["config", "init"]);
    assert!(first.status.success(), "{}", String::from_utf8_lossy(&first.stderr));
    let written = std::fs::read_to_string(&file).unwrap();
    assert!(written.contains("// theme: \"high-contrast\""), "{written}");
    assert!(written.contains("//   global.quit: q — quit"), "every action is listed with its keys");
    // Read back, the file changes nothing.
    let shown = out(&boucle(&file, &[], &["config", "show"]));
    assert!(setting(&shown, "theme").ends_with("default"), "{shown}");
    // Written in French under a French locale, never over the first.
    std::fs::write(&file, "Config(theme: \"light\")\n").unwrap();
    let again = boucle(&file, &[("LANG", "fr_FR.UTF-8")], &["config", "init"]);
    assert_eq!(again.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&again.stderr).contains("existe déjà"), "{again:?}");
    assert_eq!(std::fs::read_to_string(&file).unwrap(), "Config(theme: \"light\")\n");
}

#[test]
fn the_command_line_wins_over_the_environment_which_wins_over_the_file_which_wins_over_the_defaults() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("config.ron");
    let show = |env: &[(&str, &str)], args: &[&str]| {
        let all: Vec<&str> = args.iter().copied().chain(["config", "show"]).collect();
        out(&boucle(&file, env, &all))
    };
    let shown = show(&[], &[]);
    assert!(setting(&shown, "theme").contains("dark") && setting(&shown, "theme").ends_with("default"), "{shown}");
    std::fs::write(&file, "Config(\n    theme: \"light\",\n    language: \"fr\",\n    mouse: false,\n)\n").unwrap();
    let shown = show(&[], &[]);
    assert!(setting(&shown, "theme").contains("light"), "{shown}");
    // A language in the file wins over the locale; the file's words are said in it.
    assert!(setting(&shown, "language").contains("fr") && shown.contains("fichier de réglages"), "{shown}");
    assert!(setting(&shown, "mouse").contains("false"), "{shown}");
    let shown = show(&[("BOUCLE_THEME", "high-contrast")], &[]);
    assert!(setting(&shown, "theme").contains("high-contrast") && shown.contains("BOUCLE_THEME"), "{shown}");
    let shown = show(&[("BOUCLE_THEME", "high-contrast")], &["--theme", "dark", "--lang", "en", "--no-mouse"]);
    assert!(setting(&shown, "theme").contains("dark") && setting(&shown, "theme").ends_with("command line"));
    assert!(setting(&shown, "language").ends_with("command line"), "{shown}");
    assert!(setting(&shown, "mouse").ends_with("command line"), "{shown}");
    // NO_COLOR still turns colour off, whatever the theme's source.
    let shown = show(&[("NO_COLOR", "1")], &["--lang", "en"]);
    assert!(setting(&shown, "theme").contains("NO_COLOR"), "{shown}");
}

#[test]
fn a_broken_file_is_shown_as_check_shows_problems_and_other_commands_go_on() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("config.ron");
    std::fs::write(
        &file,
        "Config(\n    theme: \"blue\",\n    keys: {\n        \"global.quitt\": [\"Q\"],\n    },\n)\n",
    )
    .unwrap();
    let shown = boucle(&file, &[], &["config", "show"]);
    assert_eq!(shown.status.code(), Some(1));
    let text = out(&shown);
    let place = format!("{}:2:12", file.display());
    assert!(text.contains("error[unknown-value]") && text.contains(&place), "{text}");
    assert!(text.contains("did you mean \"global.quit\"?") && text.contains(":4:9"), "{text}");
    assert!(text.contains("2 problems in the config file"), "{text}");
    // Another command says the problems on stderr in one line each, and does its work.
    let listed = boucle(&file, &[], &["--catalogue", "tests/fixtures/catalogue", "list", "--format", "json"]);
    assert!(listed.status.success() || listed.status.code() == Some(0), "{listed:?}");
    assert!(!out(&listed).is_empty());
    let said = String::from_utf8_lossy(&listed.stderr);
    assert!(said.contains(&place) && said.contains("\"blue\" is not a value of \"theme\""), "{said}");
    // A catalogue folder that is not there is left out: the bundled catalogue is read.
    std::fs::write(&file, "Config(\n    catalogues: [\"no-such-folder\"],\n)\n").unwrap();
    let text = out(&boucle(&file, &[], &["config", "show"]));
    assert!(text.contains(&format!("{}:2:18", file.display())) && text.contains("no catalogue folder at"), "{text}");
    assert!(setting(&text, "catalogues").contains("bundled"), "{text}");
    // A file ron cannot read at all: its syntax error, placed.
    std::fs::write(&file, "Config(\n    theme: \"dark\"\n    mouse: false,\n)\n").unwrap();
    let text = out(&boucle(&file, &[], &["config", "show"]));
    assert!(text.contains(&format!("{}:3:", file.display())), "{text}");
}

/// A config file saved by Notepad (a byte-order mark, CRLF line ends) is read as any other
/// (hostile trial: `error[syntax]` quoting `�Config(`).
#[test]
fn a_config_file_starting_with_a_byte_order_mark_is_read() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("config.ron");
    std::fs::write(&file, b"\xef\xbb\xbfConfig(theme: \"light\")\r\n").unwrap();
    let shown = boucle(&file, &[], &["config", "show"]);
    let text = out(&shown);
    assert_eq!(shown.status.code(), Some(0), "{text}");
    assert!(setting(&text, "theme").contains("light"), "{text}");
    assert!(!text.contains("error") && !text.contains('\u{fffd}'), "{text}");
}

/// The README's config example is what a user copies first: every setting in it loads (its
/// catalogue folder is the reader's own, so only that one may be missing here).
#[test]
fn the_readme_s_config_example_loads() {
    let readme = std::fs::read_to_string("README.md").unwrap();
    let section = &readme[readme.find("### The config file").expect("the README has its config section")..];
    let start = section.find("```ron\n").expect("with a ron example") + "```ron\n".len();
    let example = &section[start..start + section[start..].find("```").unwrap()];
    let (settings, problems) = boucle::config::parse("README.md", example, None);
    let problems: Vec<_> = problems.iter().filter(|p| p.code != "no-catalogue").collect();
    assert!(problems.is_empty(), "{problems:#?}");
    assert_eq!(settings.keys_changed, example.matches("\": [").count(), "each key setting in it is taken");
    assert!(settings.language.is_some() && settings.theme.is_some() && settings.present_bare.is_some());
}

/// `BOUCLE_THEME=solarized` was ignored without a word: it is said, with the themes there are,
/// and the nearest when one is near; the command goes on with the default.
#[test]
fn a_theme_the_environment_names_that_is_none_is_said() {
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join("config.ron");
    let said = |theme: &str, lang: &str| {
        let output = boucle(&config, &[("BOUCLE_THEME", theme)], &["--lang", lang, "config", "show"]);
        assert!(output.status.success(), "{output:?}");
        let expected = if theme == "light" { "light" } else { "dark" };
        assert!(setting(&out(&output), "theme").contains(expected), "{}", out(&output));
        String::from_utf8_lossy(&output.stderr).into_owned()
    };
    let english = said("solarized", "en");
    assert!(
        english.contains("BOUCLE_THEME=\"solarized\" is not a theme: the themes are dark, light, high-contrast, mono"),
        "{english}"
    );
    assert!(said("ligth", "en").contains("(did you mean \"light\"?)"), "{}", said("ligth", "en"));
    let french = said("solarized", "fr");
    assert!(french.contains("BOUCLE_THEME=« solarized » n’est pas un thème : les thèmes sont dark"), "{french}");
    assert_eq!(said("light", "en"), "", "a theme that is one is taken without a word");
}

/// The themes were three lists (hostile trial): `--theme mono` and BOUCLE_THEME=mono worked
/// but config.ron refused `mono`; `--theme solarized` listed three themes; config.ron's
/// `"ligth"` got no "did you mean". One list now, everywhere.
#[test]
fn every_place_that_names_a_theme_takes_and_lists_the_same_themes() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("config.ron");
    std::fs::write(&file, "Config(\n    theme: \"mono\",\n)\n").unwrap();
    let shown = boucle(&file, &[], &["config", "show"]);
    assert_eq!(shown.status.code(), Some(0), "{}", out(&shown));
    assert!(setting(&out(&shown), "theme").contains("mono"), "{}", out(&shown));
    std::fs::write(&file, "Config(\n    theme: \"ligth\",\n)\n").unwrap();
    let text = out(&boucle(&file, &[], &["config", "show"]));
    assert!(text.contains("did you mean \"light\"?") && text.contains("dark, light, high-contrast, mono"), "{text}");
    let refused = boucle(&file, &[], &["--theme", "solarized", "config", "show"]);
    let said = String::from_utf8_lossy(&refused.stderr);
    assert!(said.contains("unknown theme \"solarized\": use one of dark, light, high-contrast, mono"), "{said}");
    let refused = boucle(&file, &[], &["--theme", "ligth", "config", "show"]);
    assert!(String::from_utf8_lossy(&refused.stderr).contains("did you mean \"light\"?"), "{refused:?}");
}

/// An exported but empty BOUCLE_CATALOGUE broke every command (`a value is required for
/// '--catalogue <DIR>'`): it means unset. One naming a missing folder is said by its name,
/// not as a `--catalogue` the user never typed.
#[test]
fn an_empty_catalogue_variable_is_unset_and_a_missing_one_is_named() {
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join("config.ron");
    let listed = boucle(&config, &[("BOUCLE_CATALOGUE", "")], &["list", "--format", "json"]);
    assert_eq!(listed.status.code(), Some(0), "{listed:?}");
    assert!(out(&listed).contains("\"id\""), "the bundled catalogue: {}", out(&listed));
    let missing = dir.path().join("nonexist");
    let listed = boucle(&config, &[("BOUCLE_CATALOGUE", missing.to_str().unwrap())], &["list"]);
    let said = String::from_utf8_lossy(&listed.stderr);
    assert!(said.contains(&format!("boucle: BOUCLE_CATALOGUE {}", missing.display())), "{said}");
    assert!(!said.contains("--catalogue"), "{said}");
    let listed = boucle(&config, &[], &["--catalogue", missing.to_str().unwrap(), "list"]);
    assert!(String::from_utf8_lossy(&listed.stderr).contains("boucle: --catalogue "), "{listed:?}");
}
