//! `boucle completions bash` as a user meets it: the script is sourced into a real bash, and its
//! completion function is called as bash calls it on Tab (COMP_WORDS, COMP_CWORD), so what is
//! checked is what the user would see offered. The ids offered come from the catalogue the line
//! names (`--catalogue`) or `BOUCLE_CATALOGUE`; here the frozen fixture catalogue.

use std::collections::BTreeSet;
use std::path::Path;
use std::process::Command;

use boucle::load::{CatalogueSource, load};
use boucle::model::{Catalogue, VocabularyKind};

const FIXTURE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/catalogue");

/// What bash offers for the last of `words` (the word being completed, possibly empty), with
/// the script `boucle completions bash` prints sourced, and `env` set.
pub fn bash_completes(words: &[&str], env: &[(&str, &str)]) -> Vec<String> {
    let cache = tempfile::tempdir().unwrap();
    let script = Command::new(env!("CARGO_BIN_EXE_boucle")).args(["completions", "bash"]).output().unwrap();
    assert!(script.status.success(), "{}", String::from_utf8_lossy(&script.stderr));
    let dir = tempfile::tempdir().unwrap();
    let script_file = dir.path().join("boucle.bash");
    std::fs::write(&script_file, &script.stdout).unwrap();
    // The function bash calls is whatever the script registered for `boucle`.
    let quoted: Vec<String> = words.iter().map(|w| format!("'{}'", w.replace('\'', r"'\''"))).collect();
    let driver = format!(
        r#"source "$1" || exit 3
function_name=$(complete -p boucle | sed -E 's/.* -F ([^ ]+) .*/\1/')
[ -n "$function_name" ] || exit 4
COMP_WORDS=({words})
COMP_CWORD=$(( ${{#COMP_WORDS[@]}} - 1 ))
COMP_LINE="${{COMP_WORDS[*]}}"
COMP_POINT=${{#COMP_LINE}}
COMP_TYPE=9
"$function_name" boucle "${{COMP_WORDS[COMP_CWORD]}}" "${{COMP_WORDS[COMP_CWORD-1]}}"
printf '%s\n' "${{COMPREPLY[@]}}"
"#,
        words = quoted.join(" ")
    );
    let mut bash = Command::new("bash");
    bash.args(["--norc", "--noprofile", "-c", &driver, "driver"]).arg(&script_file);
    bash.env_remove("BOUCLE_CATALOGUE")
        .env_remove("BOUCLE_COMPLETE")
        .env("BOUCLE_CACHE_DIR", cache.path())
        .env("BOUCLE_CACHE_WRITE", "wait");
    bash.env("LANG", "en_GB.UTF-8").env_remove("LC_ALL").env_remove("LC_MESSAGES");
    for (name, value) in env {
        bash.env(name, value);
    }
    let output = bash.output().expect("bash runs");
    assert!(output.status.success(), "bash: {:?}\n{}", output.status, String::from_utf8_lossy(&output.stderr));
    String::from_utf8(output.stdout).unwrap().lines().filter(|l| !l.is_empty()).map(str::to_string).collect()
}

fn fixture() -> Catalogue {
    load(&CatalogueSource::Folders(vec![Path::new(FIXTURE).to_path_buf()])).catalogue
}

/// The values offered, without the options clap's engine offers beside them for an empty word.
fn values(offered: Vec<String>) -> Vec<String> {
    offered.into_iter().filter(|word| !word.starts_with('-')).collect()
}

fn set(values: impl IntoIterator<Item = impl Into<String>>) -> BTreeSet<String> {
    values.into_iter().map(Into::into).collect()
}

#[test]
fn a_tour_id_completes_from_the_catalogue_on_the_line() {
    let offered = bash_completes(&["boucle", "--catalogue", FIXTURE, "present", "pe"], &[]);
    assert_eq!(offered, ["peer-review-lille-2025"]);
    // The folder may come after the subcommand too, as the option is global.
    let offered = bash_completes(&["boucle", "present", "--catalogue", FIXTURE, "pe"], &[]);
    assert_eq!(offered, ["peer-review-lille-2025"]);
    let offered = bash_completes(&["boucle", &format!("--catalogue={FIXTURE}"), "export", "--tour", ""], &[]);
    assert_eq!(offered, ["peer-review-lille-2025"]);
}

#[test]
fn ids_follow_boucle_catalogue_and_only_tours_are_offered_to_present() {
    let env = [("BOUCLE_CATALOGUE", FIXTURE)];
    let offered = bash_completes(&["boucle", "present", ""], &env);
    assert!(offered.contains(&"--region".to_string()), "options are offered beside the tours: {offered:?}");
    assert_eq!(values(offered), ["peer-review-lille-2025"]);
    // The bundled catalogue has no tour of that name: the one on the line is the one read.
    assert_eq!(bash_completes(&["boucle", "present", "pe"], &[]), Vec::<String>::new());
}

#[test]
fn show_offers_every_entry_id_with_the_prefix() {
    let catalogue = fixture();
    let expected = set(catalogue.entries().iter().map(|e| e.id.as_str()).filter(|id| id.starts_with("b")));
    assert!(expected.len() >= 3, "the fixture has several entries starting with b: {expected:?}");
    let offered = bash_completes(&["boucle", "show", "b"], &[("BOUCLE_CATALOGUE", FIXTURE)]);
    assert_eq!(set(offered), expected);
}

#[test]
fn filters_offer_the_vocabularies_ids_even_after_a_comma() {
    let catalogue = fixture();
    let ids = |kind: VocabularyKind, prefix: &str| {
        set(catalogue.vocabularies.get(kind).ids().filter(|id| id.starts_with(prefix)).map(str::to_string))
    };
    let env = [("BOUCLE_CATALOGUE", FIXTURE)];
    let regions = ids(VocabularyKind::Region, "FR");
    assert!(regions.len() >= 2, "{regions:?}");
    assert_eq!(set(bash_completes(&["boucle", "list", "--region", "FR"], &env)), regions);
    let themes = ids(VocabularyKind::Theme, "E");
    assert!(!themes.is_empty());
    assert_eq!(set(bash_completes(&["boucle", "--esg", "E"], &env)), themes);
    // A second value after the comma keeps the first in front of each candidate.
    let materials = ids(VocabularyKind::Material, "");
    let offered = set(bash_completes(&["boucle", "export", "--material", "zinc,"], &env));
    assert_eq!(offered, set(materials.iter().map(|id| format!("zinc,{id}"))));
}

#[test]
fn subcommands_and_shells_complete_from_the_command_line_definition() {
    assert_eq!(bash_completes(&["boucle", "compl"], &[]), ["completions"]);
    assert_eq!(
        set(values(bash_completes(&["boucle", "completions", ""], &[]))),
        set(["bash", "elvish", "fish", "powershell", "zsh"])
    );
}

#[test]
fn every_shell_gets_a_script_that_calls_boucle_back() {
    for shell in ["bash", "zsh", "fish", "powershell", "elvish"] {
        let output = Command::new(env!("CARGO_BIN_EXE_boucle")).args(["completions", shell]).output().unwrap();
        assert!(output.status.success(), "{shell}");
        let script = String::from_utf8(output.stdout).unwrap();
        assert!(
            script.contains("BOUCLE_COMPLETE") && script.contains(env!("CARGO_BIN_EXE_boucle")),
            "{shell}:\n{script}"
        );
    }
    let output = Command::new(env!("CARGO_BIN_EXE_boucle")).args(["completions", "tcsh"]).output().unwrap();
    assert_eq!(output.status.code(), Some(2), "an unknown shell is a usage error");
}
