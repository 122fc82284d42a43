//! The one owner of a shown catalogue (`boucle::live`), with the real file watcher on a copy of
//! the fixture: its first load reports progress then gives one snapshot; a catalogue folder
//! removed or moved away keeps the last good catalogue with a problem naming the folder (never
//! an empty snapshot), and a new folder put in its place loads by itself; a cached catalogue
//! out of date is given then swapped, or checked first; and no other module writes the cache.
//! Waits are generous: CI machines have two busy cores.

use crate::common::ui::FIXTURE;

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::mpsc::Receiver;
use std::time::{Duration, Instant};

use boucle::live::{self, First, Progress, Snapshot, Update, Watch};
use boucle::load::CatalogueSource;
use boucle::load::cache::Cache;
use boucle::text::Lang;

const WAIT: Duration = Duration::from_secs(20);
const BETHUNE: &str = "good-practices/bethune-bruay-mining-heritage.ron";
const OLD_TITLE: &str = "Béthune-Bruay: a former coal-mining area remaking itself";
const NEW_TITLE: &str = "Béthune-Bruay: a renamed mining area";

/// A copy of the fixture at `to` (a new folder), its Béthune entry renamed when asked.
fn copy_fixture(to: &Path, renamed: bool) {
    let copied = Command::new("cp").args(["-r", FIXTURE, to.to_str().unwrap()]).status().unwrap();
    assert!(copied.success());
    if renamed {
        let path = to.join(BETHUNE);
        let text = std::fs::read_to_string(&path).unwrap();
        std::fs::write(&path, text.replace(OLD_TITLE, NEW_TITLE)).unwrap();
    }
}

fn title(snapshot: &Snapshot) -> String {
    snapshot
        .catalogue()
        .get("bethune-bruay-mining-heritage")
        .map(|e| e.title().get(Lang::En).to_string())
        .unwrap_or_default()
}

/// What a snapshot update was, for the messages of failed assertions.
#[derive(Debug)]
#[allow(dead_code, reason = "the fields are read through Debug, in the messages of failed assertions")]
enum Seen {
    Loaded { entries: usize, title: String },
    Reloaded { entries: usize, title: String },
    Kept { entries: usize, gone: Vec<(String, String, String)> },
}

fn seen(update: Update) -> Option<(Seen, Snapshot)> {
    let gone = |s: &Snapshot| {
        s.gone()
            .map(|p| (p.file.clone(), p.message.get(Lang::En).to_string(), p.message.get(Lang::Fr).to_string()))
            .collect()
    };
    Some(match update {
        Update::Progress(_) => return None,
        Update::Loaded(s) => (Seen::Loaded { entries: s.catalogue().len(), title: title(&s) }, s),
        Update::Reloaded(s) => (Seen::Reloaded { entries: s.catalogue().len(), title: title(&s) }, s),
        Update::Kept(s) => (Seen::Kept { entries: s.catalogue().len(), gone: gone(&s) }, s),
    })
}

/// Every snapshot update until one satisfies `done`, which is returned with those before it.
fn until(updates: &Receiver<Update>, what: &str, done: impl Fn(&Seen) -> bool) -> (Vec<Seen>, Snapshot) {
    let start = Instant::now();
    let mut all = Vec::new();
    while let Some(left) = WAIT.checked_sub(start.elapsed()) {
        let Ok(update) = updates.recv_timeout(left) else { break };
        let Some((one, snapshot)) = seen(update) else { continue };
        if done(&one) {
            return (all, snapshot);
        }
        all.push(one);
    }
    panic!("waited {WAIT:?} for {what}; seen: {all:?}");
}

fn start(folder: &Path, watch: Watch) -> (live::Live, Receiver<Update>, usize) {
    let (live, updates) = live::start(
        CatalogueSource::Folders(vec![folder.to_path_buf()]),
        watch,
        None,
        First::AtOnce,
        boucle::text::Lang::En,
    );
    let (_, first) = until(&updates, "the first snapshot", |s| matches!(s, Seen::Loaded { .. }));
    let entries = first.catalogue().len();
    assert!(entries > 0 && title(&first) == OLD_TITLE);
    // Let the watches be set up before the test changes the folder.
    std::thread::sleep(Duration::from_millis(300));
    (live, updates, entries)
}

/// The folder's removal is a kept snapshot: every entry still there, the folder named in both
/// languages; and no snapshot before it was empty.
fn assert_kept(updates: &Receiver<Update>, folder: &Path, entries: usize) {
    let (before, kept) = until(updates, "the folder's removal", |s| matches!(s, Seen::Kept { .. }));
    assert!(before.is_empty(), "nothing was given before the removal was said: {before:?}");
    assert_eq!(kept.catalogue().len(), entries, "the last good catalogue stays whole");
    assert_eq!(title(&kept), OLD_TITLE);
    let gone: Vec<_> = kept.gone().collect();
    assert_eq!(gone.len(), 1, "{:?}", kept.problems);
    assert!(gone[0].is_error());
    let shown = folder.display().to_string();
    let (en, fr) = (gone[0].message.get(Lang::En).to_string(), gone[0].message.get(Lang::Fr).to_string());
    assert!(en.contains(&shown) && en.contains("is gone"), "{en}");
    assert!(fr.contains(&shown) && fr.contains("a disparu"), "{fr}");
    assert!(kept.problems.len() > 1, "the catalogue's own problems are still listed: {:?}", kept.problems);
}

#[test]
fn a_removed_folder_keeps_the_last_good_catalogue_and_a_new_one_in_its_place_loads() {
    let root = tempfile::tempdir().unwrap();
    let folder = root.path().join("cat");
    copy_fixture(&folder, false);
    let (_live, updates, entries) = start(&folder, Watch::Events);

    std::fs::remove_dir_all(&folder).unwrap();
    assert_kept(&updates, &folder, entries);

    // `rm -rf cat; cp -r good cat`: a new folder, watched again by itself, with no `r`.
    copy_fixture(&folder, true);
    let (before, reloaded) = until(
        &updates,
        "the new folder's catalogue",
        |s| matches!(s, Seen::Reloaded { title, .. } if title == NEW_TITLE),
    );
    assert!(before.iter().all(|s| !matches!(s, Seen::Reloaded { entries: 0, .. })), "{before:?}");
    assert_eq!(reloaded.catalogue().len(), entries);
    assert_eq!(reloaded.gone().count(), 0, "the folder is back: no problem says it is gone");

    // And it is watched: a save in the new folder shows.
    let path = folder.join(BETHUNE);
    let text = std::fs::read_to_string(&path).unwrap();
    std::fs::write(&path, text.replace(NEW_TITLE, "Béthune-Bruay: saved again")).unwrap();
    until(
        &updates,
        "a save in the new folder",
        |s| matches!(s, Seen::Reloaded { title, .. } if title == "Béthune-Bruay: saved again"),
    );
}

#[test]
fn a_folder_moved_away_then_copied_back_is_followed_when_polling_too() {
    let root = tempfile::tempdir().unwrap();
    let folder = root.path().join("cat");
    copy_fixture(&folder, false);
    let (_live, updates, entries) = start(&folder, Watch::Poll);

    std::fs::rename(&folder, root.path().join("away")).unwrap();
    assert_kept(&updates, &folder, entries);

    copy_fixture(&folder, true);
    until(&updates, "the new folder's catalogue", |s| matches!(s, Seen::Reloaded { title, .. } if title == NEW_TITLE));
}

#[test]
fn a_folder_emptied_keeps_the_last_good_catalogue_and_says_so() {
    let root = tempfile::tempdir().unwrap();
    let folder = root.path().join("cat");
    copy_fixture(&folder, false);
    let (_live, updates, entries) = start(&folder, Watch::Events);
    for entry in std::fs::read_dir(&folder).unwrap() {
        std::fs::remove_dir_all(entry.unwrap().path()).unwrap();
    }
    let (_, kept) = until(&updates, "the folder emptied", |s| matches!(s, Seen::Kept { .. }));
    assert_eq!(kept.catalogue().len(), entries);
    let message = kept.gone().next().unwrap().message.get(Lang::En).to_string();
    assert!(message.contains("holds no catalogue now"), "{message}");
}

#[test]
fn the_first_load_reports_its_progress_then_gives_one_snapshot() {
    let (_live, updates) = live::start(
        CatalogueSource::Folders(vec![PathBuf::from(FIXTURE)]),
        Watch::Off,
        None,
        First::AtOnce,
        boucle::text::Lang::En,
    );
    let mut progress = Vec::new();
    let loaded = loop {
        match updates.recv_timeout(WAIT).expect("an update") {
            Update::Progress(stage) => progress.push(stage),
            Update::Loaded(snapshot) => break snapshot,
            Update::Reloaded(_) | Update::Kept(_) => panic!("a reload before the first snapshot"),
        }
    };
    let files = boucle::load::folder_files(Path::new(FIXTURE)).0.len();
    assert_eq!(progress.first(), Some(&Progress::Reading { read: 0, total: files }), "{progress:?}");
    assert_eq!(progress.last(), Some(&Progress::Indexing), "{progress:?}");
    assert_eq!(loaded.catalogue().len(), crate::common::ui::FIXTURE_ENTRIES);
    // Nothing is watched: nothing follows.
    assert!(updates.recv_timeout(Duration::from_millis(500)).is_err());
}

/// Starts on `folder` through `cache`, and gives the first snapshot and the reload that
/// followed it, if one did.
fn first_through_cache(folder: &Path, cache: &Cache, first: First) -> (String, Option<String>) {
    let (live, updates) = live::start(
        CatalogueSource::Folders(vec![folder.to_path_buf()]),
        Watch::Off,
        Some(cache.clone()),
        first,
        boucle::text::Lang::En,
    );
    let (_, loaded) = until(&updates, "the first snapshot", |s| matches!(s, Seen::Loaded { .. }));
    // Nothing more is asked of the owner: once it has done what a start does (checked the
    // cache, loaded the files again if they changed), it ends and the channel closes. So no
    // reload is missed for coming late, and none is waited for when none comes (each start
    // used to wait 3 s for one).
    drop(live);
    let then = loop {
        match updates.recv_timeout(WAIT) {
            Ok(Update::Reloaded(snapshot)) => break Some(title(&snapshot)),
            Ok(_) => continue,
            Err(std::sync::mpsc::RecvTimeoutError::Disconnected) => break None,
            Err(std::sync::mpsc::RecvTimeoutError::Timeout) => panic!("the owner still runs after {WAIT:?}"),
        }
    };
    (title(&loaded), then)
}

#[test]
fn a_cached_catalogue_out_of_date_is_shown_then_swapped_or_checked_first() {
    let root = tempfile::tempdir().unwrap();
    let folder = root.path().join("cat");
    copy_fixture(&folder, false);
    let cache = Cache::at(root.path().join("cache"));
    let cached = boucle::load::cache::file_of(&cache, std::slice::from_ref(&folder)).unwrap();

    // The cache is written after the snapshot is given: wait for it to hold the files' state.
    let folders = [folder.clone()];
    let cache_holds_the_files = || {
        let start = Instant::now();
        while !boucle::load::cache::read(&cache, &folders)
            .is_ok_and(|cached| boucle::load::cache::is_fresh(cached.stamps.as_deref(), &folders))
        {
            assert!(start.elapsed() < WAIT, "the cache never held the files' catalogue");
            std::thread::sleep(Duration::from_millis(20));
        }
    };

    // The first start loads from the files, and caches what it loaded.
    assert_eq!(first_through_cache(&folder, &cache, First::AtOnce), (OLD_TITLE.to_string(), None));
    cache_holds_the_files();
    assert!(cached.is_file(), "the first load was cached");
    // Unchanged: from the cache, with nothing to swap.
    assert_eq!(first_through_cache(&folder, &cache, First::AtOnce), (OLD_TITLE.to_string(), None));

    let path = folder.join(BETHUNE);
    let text = std::fs::read_to_string(&path).unwrap();
    std::fs::write(&path, text.replace(OLD_TITLE, NEW_TITLE)).unwrap();
    // Checked first (the room): the new title at once, nothing swapped after.
    assert_eq!(first_through_cache(&folder, &cache, First::Checked), (NEW_TITLE.to_string(), None));
    cache_holds_the_files();

    std::fs::write(&path, text).unwrap();
    // At once (the dashboard): the cached title first, then the files' as a reload.
    assert_eq!(
        first_through_cache(&folder, &cache, First::AtOnce),
        (NEW_TITLE.to_string(), Some(OLD_TITLE.to_string())),
        "the cached catalogue is shown, then the one the files hold"
    );
    // And the reload was cached: the next start has nothing to swap.
    cache_holds_the_files();
    assert_eq!(first_through_cache(&folder, &cache, First::AtOnce), (OLD_TITLE.to_string(), None));
}

/// Every `.rs` file under `dir`, with its text.
fn sources(dir: &Path) -> Vec<(PathBuf, String)> {
    crate::common::sources::rust_files(dir)
        .into_iter()
        .map(|path| {
            let text = std::fs::read_to_string(&path).unwrap();
            (path, text)
        })
        .collect()
}

/// One owner of the cache: a call of `cache::write` (by any path to it) outside `src/live/` is
/// a second writer. The function itself is defined in `src/load/cache/`.
#[test]
fn the_catalogue_cache_is_written_only_by_the_live_module() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let live = src.join("live");
    let mut writers = Vec::new();
    let mut found_in_live = 0;
    for (path, text) in sources(&src) {
        let calls = text.matches("cache::write(").count();
        if path.starts_with(&live) {
            found_in_live += calls;
        } else if calls > 0 {
            writers.push(path.display().to_string());
        }
    }
    assert_eq!(writers, Vec::<String>::new(), "the cache is written outside src/live/");
    assert_eq!(found_in_live, 1, "the live module writes the cache in one place");
    // Nor is `write` imported from the cache module elsewhere, to be called by another name.
    for (path, text) in sources(&src) {
        if path.starts_with(&live) || path.starts_with(src.join("load/cache")) {
            continue;
        }
        for statement in text.split(';').filter_map(|s| s.trim_start().strip_prefix("use ")) {
            let words: Vec<&str> = statement.split(|c: char| !(c.is_alphanumeric() || c == '_')).collect();
            let imports_write = words.contains(&"cache") && words.contains(&"write");
            assert!(!imports_write, "{} imports the cache's write: use {statement}", path.display());
        }
    }
}
