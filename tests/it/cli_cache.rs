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

/// `BOUCLE_CACHE_DIR=. boucle cache clear` in a folder of the user's: only the cache's own
/// files go (named as it names them, starting with its magic bytes, not a link); a
/// `notes.cache`, a temporary-looking file of someone else's and a link to a cache stay.
#[cfg(unix)]
#[test]
fn cache_clear_removes_only_its_own_files_and_follows_no_link() {
    let dir = tempfile::tempdir().unwrap();
    let home = dir.path().join("work");
    std::fs::create_dir(&home).unwrap();
    std::fs::write(home.join("notes.cache"), "my notes").unwrap();
    std::fs::write(home.join(".boucle-draft.tmp"), "not boucle's").unwrap();
    // A real cache elsewhere, and a link to it here.
    let elsewhere = dir.path().join("elsewhere");
    assert!(boucle(&elsewhere, &["list", "--catalogue", FIXTURE]).status.success());
    let real = elsewhere.join(&files_in(&elsewhere)[0]);
    std::os::unix::fs::symlink(&real, home.join("link.cache")).unwrap();
    // And this folder's own cache.
    assert!(boucle(&home, &["list", "--catalogue", FIXTURE]).status.success());
    let own: Vec<String> = files_in(&home).into_iter().filter(|n| n.len() == 22 && n.ends_with(".cache")).collect();
    assert_eq!(own.len(), 1, "{:?}", files_in(&home));

    let cleared = Command::new(env!("CARGO_BIN_EXE_boucle"))
        .args(["cache", "clear"])
        .current_dir(&home)
        .env("BOUCLE_CACHE_DIR", ".")
        .output()
        .unwrap();
    assert!(cleared.status.success(), "{cleared:?}");
    assert!(stdout(&cleared).contains(&own[0]), "{}", stdout(&cleared));
    assert_eq!(files_in(&home), [".boucle-draft.tmp", "link.cache", "notes.cache"]);
    assert_eq!(std::fs::read_to_string(home.join("notes.cache")).unwrap(), "my notes");
    assert!(real.is_file(), "the link's target stays");
}

/// HOME set but empty, and no XDG_CACHE_HOME: there is no cache folder (never the password
/// database's home instead): `cache clear` says so, and loads run without a cache.
#[test]
fn an_empty_home_means_no_cache_folder() {
    let cleared = Command::new(env!("CARGO_BIN_EXE_boucle"))
        .args(["cache", "clear"])
        .env_remove("BOUCLE_CACHE_DIR")
        .env("HOME", "")
        .env("XDG_CACHE_HOME", "")
        .output()
        .unwrap();
    assert_eq!(cleared.status.code(), Some(1), "{cleared:?}");
    assert!(String::from_utf8_lossy(&cleared.stderr).contains("no cache folder"), "{cleared:?}");
    assert!(stdout(&cleared).is_empty(), "nothing removed: {}", stdout(&cleared));
}

/// The cache folder boucle makes is its user's only (0700), and so is each cache file (0600).
#[cfg(unix)]
#[test]
fn the_cache_folder_and_files_are_private() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let cache = dir.path().join("cache");
    assert!(boucle(&cache, &["list", "--catalogue", FIXTURE]).status.success());
    let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode(&cache), 0o700);
    assert_eq!(mode(&cache.join(&files_in(&cache)[0])), 0o600);
}

/// A cache written on purpose, with an OSC title sequence, a screen clear and RLO in a
/// title and its checksums computed again (xxh3 is no signature), is refused for that text
/// and rebuilt: `list` and `show` print the catalogue's own text, never the escapes.
#[test]
fn a_forged_cache_with_escapes_in_a_title_is_never_printed() {
    let dir = tempfile::tempdir().unwrap();
    let cache = dir.path().join("cache");
    let list = ["list", "--catalogue", FIXTURE, "--lang", "en", "--query", "zinc"];
    let clean = boucle(&cache, &list);
    assert!(stdout(&clean).contains("A zinc loop between"), "{}", stdout(&clean));
    let file = cache.join(&files_in(&cache)[0]);
    let forged = "\u{1b}]0;x\u{7}\u{1b}[2J\u{202e}zinc l";
    let mut bytes =
        crate::common::replaced_in_place(&std::fs::read(&file).unwrap(), b"A zinc loop between", forged.as_bytes());
    crate::common::reseal_cache(&mut bytes);
    std::fs::write(&file, &bytes).unwrap();
    for args in [&list[..], &["show", "zinc-loop-hauts-de-france", "--catalogue", FIXTURE, "--lang", "en"]] {
        let output = boucle(&cache, args);
        let text = stdout(&output);
        assert!(
            !text.contains('\u{1b}') && !text.contains('\u{202e}') && !text.contains('\u{7}'),
            "{args:?}: {text:?}"
        );
        assert!(text.contains("A zinc loop between"), "{args:?}: the catalogue's text:\n{text}");
    }
    assert_ne!(std::fs::read(&file).unwrap(), bytes, "rebuilt from the files");
}
