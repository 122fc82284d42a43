//! The catalogue cache from the command line: commands that load write it to the user's
//! cache folder (here `BOUCLE_CACHE_DIR`) behind their output, by a detached writer (waited
//! for here, `BOUCLE_CACHE_WRITE=wait`, but in the test of the detached writer itself), one
//! cache per folder however it is spelled, the folder kept under a size cap; `--no-cache`
//! writes nothing, `boucle cache list` shows the caches, `boucle cache clear` removes them
//! and says what it removed.

use std::path::Path;
use std::process::{Command, Output};

const FIXTURE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/catalogue");

use crate::common::with_cache as boucle;

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

/// The fixture copied into `dir` under `name`.
fn copied(dir: &Path, name: &str) -> std::path::PathBuf {
    let folder = dir.join(name);
    crate::common::copy_dir(Path::new(FIXTURE), &folder);
    folder
}

fn caches_in(dir: &Path) -> Vec<String> {
    files_in(dir).into_iter().filter(|n| n.ends_with(".cache")).collect()
}

/// `c1m` from its parent and `/tmp/…/c1m` are one folder: one cache file, not two copies of
/// one catalogue. Each spelling still reads as given in what quotes the files (`check`).
#[test]
fn two_spellings_of_one_folder_share_one_cache_and_each_is_quoted_as_given() {
    let dir = tempfile::tempdir().unwrap();
    let cache = dir.path().join("cache");
    let folder = copied(dir.path(), "c1m");
    let absolute = folder.to_str().unwrap();
    let run = |spelling: &str, extra: &[&str]| {
        let output = Command::new(env!("CARGO_BIN_EXE_boucle"))
            .args(["check", "--lang", "en", "--catalogue", spelling])
            .args(extra)
            .current_dir(dir.path())
            .env_remove("BOUCLE_CATALOGUE")
            .env("BOUCLE_CACHE_DIR", &cache)
            .env("BOUCLE_CACHE_WRITE", "wait")
            .env("NO_COLOR", "1")
            .output()
            .unwrap();
        stdout(&output)
    };
    let relative_report = run("c1m", &[]);
    let absolute_report = run(absolute, &[]);
    assert_eq!(caches_in(&cache).len(), 1, "one cache for one folder: {:?}", files_in(&cache));
    assert_eq!(relative_report, run("c1m", &["--no-cache"]));
    assert_eq!(absolute_report, run(absolute, &["--no-cache"]));
    assert!(relative_report.contains("c1m/"), "{relative_report}");
    assert!(!relative_report.contains(absolute), "the relative spelling is quoted as given: {relative_report}");
    assert!(absolute_report.contains(absolute), "{absolute_report}");
    assert_eq!(run("./c1m/../c1m", &[]), run("./c1m/../c1m", &["--no-cache"]));
    assert_eq!(caches_in(&cache).len(), 1, "{:?}", files_in(&cache));
}

/// Without waiting: the command prints its output and exits, and a detached writer leaves
/// the whole cache behind it (never a temporary file), which the next command reads.
#[test]
fn a_first_command_hands_its_cache_to_a_detached_writer() {
    let dir = tempfile::tempdir().unwrap();
    let cache = dir.path().join("cache");
    let folder = copied(dir.path(), "catalogue");
    let list = ["list", "--lang", "en", "--catalogue", folder.to_str().unwrap()];
    let run = || {
        Command::new(env!("CARGO_BIN_EXE_boucle"))
            .args(list)
            .env_remove("BOUCLE_CATALOGUE")
            .env_remove("BOUCLE_CACHE_WRITE")
            .env("BOUCLE_CACHE_DIR", &cache)
            .output()
            .unwrap()
    };
    let first = run();
    assert!(first.status.success());
    assert!(stdout(&first).contains("bethune-bruay-mining-heritage"));
    let start = std::time::Instant::now();
    while caches_in(&cache).is_empty() || files_in(&cache).iter().any(|n| n.ends_with(".tmp")) {
        assert!(start.elapsed().as_secs() < 120, "no cache written behind: {:?}", files_in(&cache));
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    let file = cache.join(&caches_in(&cache)[0]);
    let written = std::fs::metadata(&file).unwrap().modified().unwrap();
    std::thread::sleep(std::time::Duration::from_millis(20));
    let second = run();
    assert_eq!(stdout(&second), stdout(&first));
    let used = std::fs::metadata(&file).unwrap().modified().unwrap();
    assert!(used > written, "the second run read the cache, and marked it used");
}

/// `cache list` names each cache's folders (canonical), its size and its last use, least
/// recent first, then the total and the cap, in English and in French.
#[test]
fn cache_list_shows_each_caches_folders_size_and_last_use_in_both_languages() {
    let dir = tempfile::tempdir().unwrap();
    let cache = dir.path().join("cache");
    let empty = boucle(&cache, &["cache", "list", "--lang", "fr"]);
    assert!(stdout(&empty).starts_with("aucun cache de catalogue dans "), "{}", stdout(&empty));
    let (a, b) = (copied(dir.path(), "a"), copied(dir.path(), "b"));
    boucle(&cache, &["check", "--catalogue", a.to_str().unwrap()]);
    std::thread::sleep(std::time::Duration::from_millis(20));
    boucle(&cache, &["check", "--catalogue", b.to_str().unwrap(), "--catalogue", a.to_str().unwrap()]);
    let (a, b) = (a.canonicalize().unwrap(), b.canonicalize().unwrap());
    let english = stdout(&boucle(&cache, &["cache", "list", "--lang", "en"]));
    let lines: Vec<&str> = english.lines().collect();
    assert_eq!(lines.len(), 5, "{english}");
    assert!(lines[0].starts_with("last used (UTC)") && lines[0].contains("size") && lines[0].contains("folders"));
    assert!(lines[1].ends_with(a.to_str().unwrap()), "{english}");
    assert!(lines[2].ends_with(b.to_str().unwrap()) && lines[3].ends_with(a.to_str().unwrap()), "{english}");
    assert!(lines[1].contains("kB") && lines[1].starts_with("20"), "{english}");
    assert!(lines[4].starts_with("2 caches, ") && lines[4].contains("kept under"), "{english}");
    let french = stdout(&boucle(&cache, &["cache", "list", "--lang", "fr"]));
    let french: Vec<&str> = french.lines().collect();
    assert!(french[0].starts_with("dernier usage (UTC)") && french[0].contains("taille"), "{french:?}");
    assert!(french[1].contains("\u{a0}ko"), "{french:?}");
    assert!(french[4].starts_with("2 caches, ") && french[4].contains("gardés sous"), "{french:?}");
    // Not a path: those are the user's, in whatever language.
    let words = [french[0], french[1].split('/').next().unwrap(), french[4]].concat();
    for english_word in ["last used", "size", "folders", "kept under", "kB", "in use"] {
        assert!(!words.contains(english_word), "{english_word} in {french:?}");
    }
}

/// Over the cap (`BOUCLE_CACHE_MAX_MB`), the least recently used cache goes first: reading a
/// cache makes it recent again, and the cache just written stays.
#[test]
fn over_the_cap_the_least_recently_used_cache_is_evicted_first() {
    let dir = tempfile::tempdir().unwrap();
    let cache = dir.path().join("cache");
    let folders: Vec<String> =
        ["a", "b", "c"].iter().map(|n| copied(dir.path(), n).to_str().unwrap().to_string()).collect();
    let check = |folder: &str, cap: &str| {
        std::thread::sleep(std::time::Duration::from_millis(20));
        Command::new(env!("CARGO_BIN_EXE_boucle"))
            .args(["check", "--catalogue", folder])
            .env_remove("BOUCLE_CATALOGUE")
            .env("BOUCLE_CACHE_DIR", &cache)
            .env("BOUCLE_CACHE_WRITE", "wait")
            .env("BOUCLE_CACHE_MAX_MB", cap)
            .output()
            .unwrap()
    };
    check(&folders[0], "1");
    check(&folders[1], "1");
    let one = std::fs::metadata(cache.join(&caches_in(&cache)[0])).unwrap().len();
    // Room for two of the three.
    let cap = format!("{}", (2 * one + one / 2) as f64 / 1e6);
    check(&folders[0], &cap);
    check(&folders[2], &cap);
    let listed = stdout(&boucle(&cache, &["cache", "list", "--lang", "en"]));
    assert_eq!(caches_in(&cache).len(), 2, "{listed}");
    assert!(listed.contains(&format!("{}\n", folders[0])) && listed.contains(&format!("{}\n", folders[2])), "{listed}");
    assert!(!listed.contains(&format!("{}\n", folders[1])), "b, the least recently used, went: {listed}");
}

/// A cache in use (held by a running dashboard, here by this test as `live` holds it) is
/// never evicted, whatever the cap: `cache list` says it is in use.
#[cfg(unix)]
#[test]
fn a_cache_in_use_is_never_evicted() {
    let dir = tempfile::tempdir().unwrap();
    let cache = dir.path().join("cache");
    let (a, b) = (copied(dir.path(), "a"), copied(dir.path(), "b"));
    boucle(&cache, &["check", "--catalogue", a.to_str().unwrap()]);
    let held = boucle::load::cache::hold(&boucle::load::cache::Cache::at(cache.clone()), std::slice::from_ref(&a));
    assert!(held.is_some());
    let listed = stdout(&boucle(&cache, &["cache", "list", "--lang", "en"]));
    assert!(listed.contains("(in use)"), "{listed}");
    let evicting = |folder: &Path| {
        Command::new(env!("CARGO_BIN_EXE_boucle"))
            .args(["check", "--catalogue", folder.to_str().unwrap()])
            .env_remove("BOUCLE_CATALOGUE")
            .env("BOUCLE_CACHE_DIR", &cache)
            .env("BOUCLE_CACHE_WRITE", "wait")
            .env("BOUCLE_CACHE_MAX_MB", "0")
            .output()
            .unwrap()
    };
    evicting(&b);
    assert_eq!(caches_in(&cache).len(), 2, "a's cache is in use, b's just written");
    drop(held);
    evicting(&b.join("../b"));
    assert_eq!(caches_in(&cache).len(), 1, "a's went once no longer held: {:?}", files_in(&cache));
}

/// BOUCLE_CACHE_DIR naming a file turned the cache off without a word (hostile trial): said
/// once, on stderr, and the command still does its work; `--no-cache` asks for no cache, so
/// nothing is said.
#[test]
fn a_cache_folder_that_is_a_file_is_said() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("a-file");
    std::fs::write(&file, "x").unwrap();
    let listed = boucle(&file, &["list", "--format", "json", "--catalogue", FIXTURE, "--lang", "en"]);
    assert!(!stdout(&listed).is_empty(), "{listed:?}");
    let said = String::from_utf8_lossy(&listed.stderr);
    assert_eq!(said.matches("is not a folder: the catalogue cache is off").count(), 1, "{said}");
    let quiet = boucle(&file, &["list", "--catalogue", FIXTURE, "--no-cache", "--lang", "en"]);
    assert!(!String::from_utf8_lossy(&quiet.stderr).contains("cache is off"), "{quiet:?}");
}
