//! The catalogue cache read entry by entry (#25 item 2): a search on the cache's archive, which
//! decodes only the entries it ranks and prints, finds what a search on the whole load finds
//! (hits, order, scores, highlights, totals, facet counts and labels, the printed rows); an
//! entry damaged in the archive is caught when first read, and `list` then prints what the
//! files say, never the damaged text.

use crate::common;
use common::cached::{damage_text, write_cache};

use std::fs;
use std::path::{Path, PathBuf};

use boucle::export::{Row, json};
use boucle::live::archived::{self, FromArchive};
use boucle::load::CatalogueSource;
use boucle::load::cache::{self, Cache, Parts};
use boucle::model::{Catalogue, Entries, Entry, Id};
use boucle::query::{Facet, Filters, Indexed, Query, Results};
use boucle::text::Lang;
use proptest::prelude::*;

const FIXTURE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/catalogue");

/// The fixture cached with its index in a temporary cache folder, the load kept to compare.
struct Cached {
    _dir: tempfile::TempDir,
    folders: Vec<PathBuf>,
    cache: Cache,
    indexed: Indexed,
}

impl Cached {
    fn new() -> Cached {
        let dir = tempfile::tempdir().unwrap();
        let folders = vec![PathBuf::from(FIXTURE)];
        let cache = Cache::at(dir.path().join("cache"));
        let mut loaded = boucle::load::load(&CatalogueSource::Folders(folders.clone()));
        let indexed = Indexed::new(std::mem::take(&mut loaded.catalogue));
        crate::common::cached::write_cache(&cache, &folders, &loaded, &indexed);
        Cached { _dir: dir, folders, cache, indexed }
    }

    fn open(&self) -> FromArchive {
        archived::open(&CatalogueSource::Folders(self.folders.clone()), Some(&self.cache)).expect("the archive opens")
    }
}

fn rows(results: &Results, entries: &dyn Entries, lang: Lang) -> String {
    let rows: Vec<Row> =
        results.hits.iter().map(|hit| Row::new(entries, entries.entry(hit.entry), lang, None)).collect();
    let mut out = Vec::new();
    json::write_rows(&rows, &mut out).unwrap();
    String::from_utf8(out).unwrap()
}

fn labels(opened: &FromArchive, entries: &dyn Entries, lang: Lang) -> Vec<String> {
    let engine = opened.engine().unwrap();
    Facet::ALL
        .into_iter()
        .flat_map(|facet| (0..engine.value_count(facet)).map(move |v| engine.value_label(entries, facet, v, lang)))
        .collect()
}

/// Words of the fixture's titles and some typos and starts of them.
const WORDS: &[&str] = &[
    "batteries",
    "batt",
    "recyclage",
    "recyc",
    "mining",
    "heritage",
    "bethune",
    "regeneration",
    "régénération",
    "textile",
    "reuse",
    "réemploi",
    "circular",
    "circulaire",
    "wood",
    "bois",
    "water",
    "eau",
    "plastic",
    "plastique",
    "repair",
    "réparation",
    "minig",
    "hertage",
    "a",
    "de",
    "ville",
    "zzzz",
];

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn a_search_on_the_archive_is_the_search_on_the_whole_load(
        words in proptest::collection::vec(0..WORDS.len(), 0..4),
        picks in proptest::collection::vec((0..Facet::ALL.len(), 0usize..40), 0..3),
        limit in prop_oneof![Just(1usize), Just(5), Just(20), Just(usize::MAX)],
        french in any::<bool>(),
    ) {
        let cached = cached();
        let opened = cached.open();
        let lang = if french { Lang::Fr } else { Lang::En };
        let text: Vec<&str> = words.iter().map(|&w| WORDS[w]).collect();
        let query = Query::parse(&text.join(" "));
        let filters: Filters = common::random::filters(&cached.indexed, picks);
        let whole = cached.indexed.engine().search(cached.indexed.catalogue(), &query, &filters, lang, limit);
        let archive = &opened.archive;
        let read = opened.engine().unwrap().search(archive, &query, &filters, lang, limit);
        prop_assert_eq!(&read, &whole);
        prop_assert_eq!(rows(&read, archive, lang), rows(&whole, cached.indexed.catalogue(), lang));
        prop_assert_eq!(labels(&opened, archive, lang), labels(&opened, cached.indexed.catalogue(), lang));
        prop_assert!(!archive.damaged());
        // Searched in place: the index's arrays are the mapped file's pages, not copies.
        prop_assert_eq!(opened.engine().unwrap().is_in_place(), cfg!(target_endian = "little"));
    }
}

/// One cached fixture for every case: writing it is most of a case's time.
fn cached() -> &'static Cached {
    static CACHED: std::sync::OnceLock<Cached> = std::sync::OnceLock::new();
    CACHED.get_or_init(Cached::new)
}

#[test]
fn a_search_decodes_only_the_entries_it_ranks_and_prints() {
    // The fixture's entries 200 times over, each copy with its own id.
    let dir = tempfile::tempdir().unwrap();
    let folders = vec![PathBuf::from(FIXTURE)];
    let cache = Cache::at(dir.path().join("cache"));
    let loaded = boucle::load::load(&CatalogueSource::Folders(folders.clone()));
    let copies: Vec<Entry> = (0..200)
        .flat_map(|copy| {
            loaded.catalogue.entries().iter().map(move |entry| {
                let mut entry = entry.clone();
                entry.id = Id::parse(&format!("{}-{copy:03}", entry.id)).unwrap();
                entry
            })
        })
        .collect();
    let indexed = Indexed::new(Catalogue::new(loaded.catalogue.vocabularies.clone(), copies));
    write_cache(&cache, &folders, &loaded, &indexed);
    let opened = archived::open(&CatalogueSource::Folders(folders), Some(&cache)).unwrap();
    let archive = &opened.archive;
    let query = Query::parse("batteries");
    let results = opened.engine().unwrap().search(archive, &query, &Filters::default(), Lang::En, 3);
    assert!(results.total > 100, "{} results", results.total);
    let printed = rows(&results, archive, Lang::En);
    let whole = indexed.engine().search(indexed.catalogue(), &query, &Filters::default(), Lang::En, 3);
    assert_eq!(printed, rows(&whole, indexed.catalogue(), Lang::En));
    let (decoded, all) = (archive.decoded(), archive.len());
    assert!(decoded < all / 10, "{decoded} of {all} entries decoded");
}

#[test]
fn an_entry_damaged_in_the_archive_is_caught_when_it_is_read() {
    let cached = Cached::new();
    let path = cache::file_of(&cached.cache, &cached.folders).unwrap();
    let title = cached.indexed.catalogue().entries()[7].title().get(Lang::En).to_string();
    damage_text(&path, &title);
    let opened = cached.open();
    let archive = &opened.archive;
    for e in 0..archive.len() {
        if e != 7 {
            let _ = archive.entry(e);
        }
    }
    assert!(!archive.damaged(), "the other entries pass");
    let _ = archive.entry(7);
    assert!(archive.damaged(), "the damaged one is caught");
    // The whole read refuses the file too: its chunk's checksum fails.
    assert!(cache::read(&cached.cache, &cached.folders).is_err());
}

use crate::common::with_cache as boucle;

fn cache_file(dir: &Path) -> PathBuf {
    let files: Vec<PathBuf> = fs::read_dir(dir).unwrap().flatten().map(|e| e.path()).collect();
    assert_eq!(files.len(), 1, "{files:?}");
    files[0].clone()
}

#[test]
fn list_and_show_from_a_cache_with_a_damaged_entry_print_what_the_files_say_and_mend_the_cache() {
    let dir = tempfile::tempdir().unwrap();
    let (catalogue, cache) = (dir.path().join("catalogue"), dir.path().join("cache"));
    common::copy_dir(Path::new(FIXTURE), &catalogue);
    let folder = ["--catalogue", catalogue.to_str().unwrap()];
    let list = [&["list", "--format", "json", "--query", "batteries"][..], &folder].concat();
    let uncached = boucle(&cache, &[&list[..], &["--no-cache"]].concat());
    assert_eq!(boucle(&cache, &list).stdout, uncached.stdout, "the cache written");
    let hits: serde_json::Value = serde_json::from_slice(&uncached.stdout).unwrap();
    let (id, title) = (hits[0]["id"].as_str().unwrap(), hits[0]["title"].as_str().unwrap());
    let show = [&["show", id][..], &folder].concat();
    for args in [&list, &show] {
        let uncached = boucle(&cache, &[&args[..], &["--no-cache"]].concat());
        let file = cache_file(&cache);
        damage_text(&file, title);
        let damaged = fs::read(&file).unwrap();
        let after = boucle(&cache, args);
        assert_eq!(String::from_utf8_lossy(&after.stdout), String::from_utf8_lossy(&uncached.stdout), "{args:?}");
        assert!(after.status.success());
        assert_ne!(fs::read(&file).unwrap(), damaged, "the cache is written again");
        assert_eq!(boucle(&cache, args).stdout, uncached.stdout, "{args:?} from the mended cache");
    }
}

#[test]
fn list_from_the_archive_sees_a_changed_file() {
    let dir = tempfile::tempdir().unwrap();
    let (catalogue, cache) = (dir.path().join("catalogue"), dir.path().join("cache"));
    common::copy_dir(Path::new(FIXTURE), &catalogue);
    let args = ["list", "--format", "json", "--query", "mining", "--catalogue", catalogue.to_str().unwrap()];
    let before = boucle(&cache, &args);
    assert!(String::from_utf8_lossy(&before.stdout).contains("bethune-bruay-mining-heritage"));
    let practice = catalogue.join("good-practices/bethune-bruay-mining-heritage.ron");
    let text = fs::read_to_string(&practice).unwrap();
    fs::write(&practice, text.replacen("mining", "quarrying", 1)).unwrap();
    let after = boucle(&cache, &args);
    let uncached = boucle(&cache, &[&args[..], &["--no-cache"]].concat());
    assert_eq!(String::from_utf8_lossy(&after.stdout), String::from_utf8_lossy(&uncached.stdout));
    assert_ne!(after.stdout, before.stdout, "the changed title is printed");
}

/// Where the cache file's search index lies: its row in the table after the 64-byte header
/// (32 bytes a row: offset, length, items, checksum; `load::cache::format`).
fn index_section(bytes: &[u8]) -> std::ops::Range<usize> {
    let row = cache::format::HEADER + cache::format::INDEX * 32;
    let word = |at: usize| u64::from_le_bytes(bytes[at..at + 8].try_into().unwrap()) as usize;
    let (offset, len) = (word(row), word(row + 8));
    assert!(len > 1000, "the fixture's cache keeps its index");
    offset..offset + len
}

/// Puts `bytes` in place of the cache file at `path` as the cache itself does, by a rename:
/// never in place, since a stamp check may still be reading the old file's map.
fn replace(path: &Path, bytes: &[u8]) {
    let new = path.with_extension("new");
    fs::write(&new, bytes).unwrap();
    fs::rename(&new, path).unwrap();
}

/// A byte flipped inside the index, which is searched in place rather than copied: the
/// section's checksum catches it before the index is used, the archive offers no index, and
/// `list` prints what the files say and mends the cache.
#[test]
fn a_flip_inside_the_index_is_caught_before_the_index_is_searched() {
    let cached = Cached::new();
    let path = cache::file_of(&cached.cache, &cached.folders).unwrap();
    let mut bytes = fs::read(&path).unwrap();
    let index = index_section(&bytes);
    for at in [index.start, index.start + index.len() / 2, index.end - 1] {
        bytes[at] ^= 0x10;
        replace(&path, &bytes);
        assert!(cached.open().engine().is_none(), "a flip at {at} of {index:?}");
        assert!(cache::read(&cached.cache, &cached.folders).is_err(), "the whole read refuses it too");
        bytes[at] ^= 0x10;
    }
    replace(&path, &bytes);
    assert!(cached.open().engine().is_some_and(|engine| engine.len() == cached.indexed.catalogue().len()));

    let dir = tempfile::tempdir().unwrap();
    let (catalogue, cache) = (dir.path().join("catalogue"), dir.path().join("cache"));
    common::copy_dir(Path::new(FIXTURE), &catalogue);
    let list = ["list", "--format", "json", "--query", "batteries", "--catalogue", catalogue.to_str().unwrap()];
    let uncached = boucle(&cache, &[&list[..], &["--no-cache"]].concat());
    assert_eq!(boucle(&cache, &list).stdout, uncached.stdout, "the cache written");
    let file = cache_file(&cache);
    let mut bytes = fs::read(&file).unwrap();
    let middle = index_section(&bytes).start + index_section(&bytes).len() / 2;
    bytes[middle] ^= 0x01;
    replace(&file, &bytes);
    let after = boucle(&cache, &list);
    assert!(after.status.success());
    assert_eq!(String::from_utf8_lossy(&after.stdout), String::from_utf8_lossy(&uncached.stdout));
    assert_ne!(fs::read(&file).unwrap(), bytes, "the cache is written again");
}

/// An index section cut short, whose checksums hold (as a writer with a bug would leave it):
/// never read past its end, never a panic; the archive offers no index, and a search then
/// runs on a whole load.
#[test]
fn a_truncated_index_section_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let folders = vec![PathBuf::from(FIXTURE)];
    let cache = Cache::at(dir.path().join("cache"));
    let mut loaded = boucle::load::load(&CatalogueSource::Folders(folders.clone()));
    let indexed = Indexed::new(std::mem::take(&mut loaded.catalogue));
    let archived = indexed.engine().archive().unwrap();
    let len = archived.len();
    for cut in [1, 4, 16, 17, len / 3, len / 2, len - 8, len - 1] {
        let parts = Parts { catalogue: indexed.catalogue(), index: Some(&archived[..len - cut]), ..Parts::of(&loaded) };
        assert!(cache::write(&cache, &folders, &parts).unwrap());
        let opened =
            archived::open(&CatalogueSource::Folders(folders.clone()), Some(&cache)).expect("the archive opens");
        assert!(opened.engine().is_none(), "an index cut by {cut} of {len} bytes");
    }
}

/// The stamp check beside a command on the archive reads the stamps where they lie in the
/// map: it still sees a file edited in place (same size, a new time), added, removed or
/// renamed, and a folder replaced, and passes a catalogue left as it was.
#[test]
fn the_archived_stamps_catch_every_change_to_the_files() {
    type Change = fn(&Path);
    let changes: [(&str, Change); 5] = [
        ("edited in place", |catalogue| {
            let file = catalogue.join("good-practices/zinc-loop-hauts-de-france.ron");
            let text = fs::read_to_string(&file).unwrap();
            fs::write(&file, text.replacen("zinc", "ZINC", 1)).unwrap();
            let later = fs::metadata(&file).unwrap().modified().unwrap() + std::time::Duration::from_secs(5);
            fs::File::options().write(true).open(&file).unwrap().set_modified(later).unwrap();
        }),
        ("added", |catalogue| {
            fs::copy(catalogue.join("organisations/team2.ron"), catalogue.join("organisations/team3.ron")).unwrap();
        }),
        ("removed", |catalogue| fs::remove_file(catalogue.join("organisations/team2.ron")).unwrap()),
        ("renamed", |catalogue| {
            fs::rename(catalogue.join("organisations/team2.ron"), catalogue.join("organisations/team-2.ron")).unwrap();
        }),
        ("folder replaced", |catalogue| {
            let folder = catalogue.join("site-visits");
            let copy = catalogue.join("copy");
            common::copy_dir(&folder, &copy);
            fs::remove_dir_all(&folder).unwrap();
            fs::rename(&copy, &folder).unwrap();
        }),
    ];
    for (what, change) in changes {
        let dir = tempfile::tempdir().unwrap();
        let catalogue = dir.path().join("catalogue");
        common::copy_dir(Path::new(FIXTURE), &catalogue);
        let folders = vec![catalogue.clone()];
        let cache = Cache::at(dir.path().join("cache"));
        let mut loaded = boucle::load::load(&CatalogueSource::Folders(folders.clone()));
        // Stamped as old files: their times alone are trusted, as a catalogue's mostly are.
        for stamp in loaded.stamps.as_mut().unwrap() {
            stamp.hash = None;
        }
        let indexed = Indexed::new(std::mem::take(&mut loaded.catalogue));
        let archived_index = indexed.engine().archive().unwrap();
        let parts = Parts { catalogue: indexed.catalogue(), index: Some(&archived_index), ..Parts::of(&loaded) };
        assert!(cache::write(&cache, &folders, &parts).unwrap());
        let open = || archived::open(&CatalogueSource::Folders(folders.clone()), Some(&cache)).expect("opens");
        assert!(open().trusted(), "unchanged, before the files are {what}");
        change(&catalogue);
        assert!(!open().trusted(), "files {what}");
    }
}
