//! The catalogue cache from the command line: commands that load write it to the user's
//! cache folder (here `BOUCLE_CACHE_DIR`), `--no-cache` writes nothing, `boucle cache clear`
//! removes it and says what it removed.

use std::path::Path;
use std::process::{Command, Output};

const FIXTURE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/catalogue");

fn boucle(cache: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_boucle"))
        .args(args)
        .env_remove("BOUCLE_CATALOGUE")
        .env("BOUCLE_CACHE_DIR", cache)
        .env("NO_COLOR", "1")
        .output()
        .expect("run boucle")
}

fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

fn files_in(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .map(|entries| entries.flatten().map(|e| e.file_name().to_string_lossy().into_owned()).collect())
        .unwrap_or_default();
    names.sort();
    names
}

#[test]
fn commands_that_load_write_the_cache_and_give_the_same_output_from_it() {
    let dir = tempfile::tempdir().unwrap();
    let cache = dir.path().join("cache");
    for command in [&["list", "--format", "json"][..], &["check"], &["show", "bethune-bruay-mining-heritage"]] {
        let args: Vec<&str> = command.iter().copied().chain(["--catalogue", FIXTURE]).collect();
        let uncached = boucle(&cache, &[&args[..], &["--no-cache"]].concat());
        let first = boucle(&cache, &args);
        let cached = boucle(&cache, &args);
        // `check` fails on the fixture (it has a broken file), from the cache as without it.
        assert_eq!(first.status.code(), uncached.status.code(), "{command:?}");
        assert_eq!(cached.status.code(), uncached.status.code(), "{command:?}");
        assert_eq!(stdout(&first), stdout(&uncached), "{command:?}");
        assert_eq!(stdout(&cached), stdout(&uncached), "{command:?}");
        assert_eq!(String::from_utf8_lossy(&cached.stderr), String::from_utf8_lossy(&uncached.stderr));
    }
    let written = files_in(&cache);
    assert_eq!(written.len(), 1, "one cache for the one folder: {written:?}");
    assert!(written[0].ends_with(".cache"));
}

#[test]
fn no_cache_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let cache = dir.path().join("cache");
    for command in [&["list"][..], &["check"], &["export", "--entry", "bethune-bruay-mining-heritage"]] {
        let args: Vec<&str> = command.iter().copied().chain(["--catalogue", FIXTURE, "--no-cache"]).collect();
        let output = boucle(&cache, &args);
        assert!(!stdout(&output).is_empty(), "{command:?}: {}", String::from_utf8_lossy(&output.stderr));
    }
    assert!(!cache.exists(), "{:?}", files_in(&cache));
}

#[test]
fn cache_clear_removes_the_cache_and_says_what_it_removed() {
    let dir = tempfile::tempdir().unwrap();
    let cache = dir.path().join("cache");
    assert!(boucle(&cache, &["list", "--catalogue", FIXTURE]).status.success());
    let written = files_in(&cache);
    assert_eq!(written.len(), 1);

    let cleared = boucle(&cache, &["cache", "clear"]);
    assert!(cleared.status.success());
    let said = stdout(&cleared);
    assert!(said.contains(&format!("removed {}", cache.join(&written[0]).display())), "{said}");
    assert!(!cache.exists());

    let again = boucle(&cache, &["cache", "clear"]);
    assert!(again.status.success());
    assert!(stdout(&again).starts_with("no catalogue cache in "), "{}", stdout(&again));
}
