//! The catalogue cache (#13): a cached load is the same load; any change to the files, or
//! another version, means a new load; a damaged cache is refused, never trusted, never a
//! panic; the catalogue folder is never written to.

use crate::common;

use std::collections::HashMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

use boucle::diagnostic::render_human_in;
use boucle::load::cache::{self, Cache, Refused, Used, Why};
use boucle::load::{CatalogueSource, Loaded};
use boucle::query::{Filters, Indexed, Query};
use boucle::text::Lang;

const FIXTURE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/catalogue");
const PRACTICE: &str = "good-practices/bethune-bruay-mining-heritage.ron";

/// The fixture catalogue copied to a temporary folder, with a cache folder beside it.
struct Setup {
    _dir: tempfile::TempDir,
    catalogue: PathBuf,
    cache: Cache,
}

impl Setup {
    fn new() -> Setup {
        let dir = tempfile::tempdir().unwrap();
        let catalogue = dir.path().join("catalogue");
        common::copy_dir(Path::new(FIXTURE), &catalogue);
        let cache = Cache::at(dir.path().join("cache"));
        Setup { _dir: dir, catalogue, cache }
    }

    fn folders(&self) -> Vec<PathBuf> {
        vec![self.catalogue.clone()]
    }

    fn load_with(&self, cache: &Cache) -> (Loaded, Used) {
        boucle::live::once::load_telling(&CatalogueSource::Folders(self.folders()), Some(cache))
    }

    fn load(&self) -> (Loaded, Used) {
        self.load_with(&self.cache)
    }

    fn fresh(&self) -> Loaded {
        boucle::load::load(&CatalogueSource::Folders(self.folders()))
    }

    fn path(&self, relative: &str) -> PathBuf {
        self.catalogue.join(relative)
    }

    fn cache_bytes(&self) -> Vec<u8> {
        fs::read(cache::file_of(&self.cache, &self.folders()).unwrap()).unwrap()
    }

    /// Every file's modification time an hour ago: times old enough to be trusted alone.
    fn age_files(&self) {
        let hour_ago = SystemTime::now() - Duration::from_secs(3600);
        let mut pending = vec![self.catalogue.clone()];
        while let Some(dir) = pending.pop() {
            for entry in fs::read_dir(dir).unwrap().flatten() {
                if entry.file_type().unwrap().is_dir() {
                    pending.push(entry.path());
                } else {
                    fs::File::options().write(true).open(entry.path()).unwrap().set_modified(hour_ago).unwrap();
                }
            }
        }
    }
}

fn title(loaded: &Loaded, id: &str) -> String {
    loaded.catalogue.get(id).map(|e| e.title().get(Lang::En).to_string()).unwrap_or_default()
}

/// Rewrites a file with the same length and modification time: only its content says so.
fn same_size_same_time(path: &Path, from: &str, to: &str) {
    assert_eq!(from.len(), to.len());
    let modified = fs::metadata(path).unwrap().modified().unwrap();
    let text = fs::read_to_string(path).unwrap();
    assert!(text.contains(from), "{from} in {}", path.display());
    fs::write(path, text.replacen(from, to, 1)).unwrap();
    fs::File::options().write(true).open(path).unwrap().set_modified(modified).unwrap();
}

fn entry_json(loaded: &Loaded) -> Vec<String> {
    loaded
        .catalogue
        .entries()
        .iter()
        .map(|entry| {
            let mut out = Vec::new();
            boucle::export::json::write_entry(entry, &mut out).unwrap();
            String::from_utf8(out).unwrap()
        })
        .collect()
}

fn rendered_problems(loaded: &Loaded, lang: Lang) -> String {
    render_human_in(&loaded.diagnostics, &loaded.sources, false, lang)
}

fn search_ids(loaded: Loaded, queries: &[&str]) -> Vec<Vec<String>> {
    restored_search_ids(loaded, None, queries)
}

#[test]
fn a_cached_load_is_the_same_catalogue_problems_and_search_results() {
    let setup = Setup::new();
    // Problems too: a broken file (quoted in the rendering) and an unknown material.
    fs::write(setup.path("good-practices/broken.ron"), "GoodPractice(\n  title: \"half\",\n  summary: ").unwrap();
    let text = fs::read_to_string(setup.path(PRACTICE)).unwrap();
    fs::write(
        setup.path("good-practices/unknown-material.ron"),
        text.replacen("materials: [", "materials: [\"neodymum\", ", 1),
    )
    .unwrap();
    let fresh = setup.fresh();
    assert!(fresh.errors() > 0 && !fresh.sources.is_empty(), "the copy has problems to compare");

    let (first, used) = setup.load();
    assert_eq!(used, Used::Rebuilt(Why::Missing));
    let (cached, used) = setup.load();
    assert_eq!(used, Used::Read);

    for loaded in [&first, &cached] {
        assert_eq!(entry_json(loaded), entry_json(&fresh));
        assert_eq!(loaded.catalogue.len(), fresh.catalogue.len());
        for lang in Lang::ALL {
            assert_eq!(rendered_problems(loaded, lang), rendered_problems(&fresh, lang));
        }
        assert_eq!(loaded.files_read, fresh.files_read);
    }
    assert!(rendered_problems(&cached, Lang::En).contains("neodymum"));
    let vocabularies = |l: &Loaded| {
        boucle::model::VocabularyKind::ALL
            .map(|k| l.catalogue.vocabularies.get(k).terms().iter().map(|t| t.id.to_string()).collect::<Vec<_>>())
    };
    assert_eq!(vocabularies(&cached), vocabularies(&fresh));
    let queries = ["bethune", "aimant", "terres rares", "mat:nd", "region:FR", "batterie recyclage", "zzz"];
    assert_eq!(search_ids(cached, &queries), search_ids(fresh, &queries));
}

#[test]
fn a_changed_added_or_removed_file_means_a_new_load() {
    let setup = Setup::new();
    let id = "bethune-bruay-mining-heritage";
    let (_, used) = setup.load();
    assert_eq!(used, Used::Rebuilt(Why::Missing));

    let before = title(&setup.fresh(), id);
    let text = fs::read_to_string(setup.path(PRACTICE)).unwrap();
    fs::write(setup.path(PRACTICE), text.replacen(&before, "Changed title, longer than before", 1)).unwrap();
    let (loaded, used) = setup.load();
    assert_eq!(used, Used::Rebuilt(Why::Stale));
    assert_eq!(title(&loaded, id), "Changed title, longer than before");
    assert_eq!(setup.load().1, Used::Read);

    fs::write(setup.path("good-practices/added-practice.ron"), &text).unwrap();
    let (loaded, used) = setup.load();
    assert_eq!(used, Used::Rebuilt(Why::Stale));
    assert!(loaded.catalogue.get("added-practice").is_some());
    assert_eq!(setup.load().1, Used::Read);

    fs::remove_file(setup.path("good-practices/added-practice.ron")).unwrap();
    let (loaded, used) = setup.load();
    assert_eq!(used, Used::Rebuilt(Why::Stale));
    assert!(loaded.catalogue.get("added-practice").is_none());
    assert_eq!(setup.load().1, Used::Read);
}

#[test]
fn a_file_rewritten_within_the_same_second_is_seen_by_its_content() {
    let setup = Setup::new();
    let id = "bethune-bruay-mining-heritage";
    // Files just copied: their times are too recent to be trusted alone.
    let (loaded, _) = setup.load();
    let before = title(&loaded, id);
    let after: String = before.chars().rev().collect();
    same_size_same_time(&setup.path(PRACTICE), &before, &after);
    let (loaded, used) = setup.load();
    assert_eq!(used, Used::Rebuilt(Why::Stale));
    assert_eq!(title(&loaded, id), after);
}

/// A same-size write in place whose modification time is put back (`cp -p`, `rsync --inplace
/// -t`, `touch -d`) to files cached long after they were written: size and modification time
/// are as stamped, no hash was kept, and only the change time, which nothing sets back, tells.
#[test]
fn a_same_size_write_with_its_time_put_back_is_seen() {
    let setup = Setup::new();
    let id = "bethune-bruay-mining-heritage";
    setup.age_files();
    // The change times settle too, so the stamps hold no hash.
    std::thread::sleep(cache::TRUSTED_AFTER + Duration::from_millis(500));
    let (loaded, _) = setup.load();
    assert_eq!(setup.load().1, Used::Read);
    let before = title(&loaded, id);
    let after: String = before.chars().rev().collect();
    same_size_same_time(&setup.path(PRACTICE), &before, &after);
    let (loaded, used) = setup.load();
    assert_eq!(used, Used::Rebuilt(Why::Stale));
    assert_eq!(title(&loaded, id), after);
}

#[test]
fn another_version_of_boucle_never_reads_the_cache() {
    let setup = Setup::new();
    setup.age_files();
    let id = "bethune-bruay-mining-heritage";
    let other = setup.cache.clone().as_version("0.0.1-other");
    let (loaded, used) = setup.load_with(&other);
    assert_eq!(used, Used::Rebuilt(Why::Missing));
    let before = title(&loaded, id);
    // The files unchanged: that version's cache answers for them ...
    assert_eq!(setup.load_with(&other).1, Used::Read);
    // ... but this version refuses it and loads the files.
    let (loaded, used) = setup.load();
    assert_eq!(used, Used::Rebuilt(Why::Refused(Refused::OtherVersion)));
    assert_eq!(title(&loaded, id), before);
    assert_eq!(setup.load().1, Used::Read);
}

#[test]
fn a_truncated_or_corrupted_cache_is_refused_and_rebuilt() {
    let setup = Setup::new();
    let folders = setup.folders();
    setup.load();
    let bytes = setup.cache_bytes();
    assert!(cache::accepts(&setup.cache, &folders, &bytes).is_ok());
    for len in 0..bytes.len() {
        assert!(cache::accepts(&setup.cache, &folders, &bytes[..len]).is_err(), "truncated to {len} bytes");
    }
    let mut longer = bytes.clone();
    longer.push(0);
    assert!(cache::accepts(&setup.cache, &folders, &longer).is_err());
    let mut damaged = bytes.clone();
    for at in 0..bytes.len() {
        for flip in [0xff, 0x01] {
            damaged[at] ^= flip;
            assert!(cache::accepts(&setup.cache, &folders, &damaged).is_err(), "byte {at} ^ {flip:#x}");
            damaged[at] ^= flip;
        }
    }
    // A damaged file on disk: refused, and the files are loaded and cached again.
    let path = cache::file_of(&setup.cache, &folders).unwrap();
    damaged[bytes.len() / 2] ^= 0x20;
    fs::write(&path, &damaged).unwrap();
    let (loaded, used) = setup.load();
    assert_eq!(used, Used::Rebuilt(Why::Refused(Refused::Checksum)));
    assert_eq!(entry_json(&loaded), entry_json(&setup.fresh()));
    assert_eq!(setup.cache_bytes().len(), bytes.len());
    fs::write(&path, &bytes[..bytes.len() / 3]).unwrap();
    assert_eq!(setup.load().1, Used::Rebuilt(Why::Refused(Refused::Length)));
    fs::write(&path, b"not a cache at all").unwrap();
    assert_eq!(setup.load().1, Used::Rebuilt(Why::Refused(Refused::Foreign)));
    assert_eq!(setup.load().1, Used::Read);
}

/// Past the checksum, the archive itself is validated: a payload damaged and then sealed
/// with a correct checksum (as no accident would) is refused or read, never a panic.
#[test]
fn a_damaged_payload_with_a_good_checksum_never_panics() {
    use xxhash_rust::xxh3::Xxh3;
    let setup = Setup::new();
    let folders = setup.folders();
    setup.load();
    let bytes = setup.cache_bytes();
    // The layout of `src/load/cache/format.rs`: a 64-byte header whose checksum (at 40)
    // covers its first 40 bytes and the table of sections that follows it, 32 bytes a row
    // (offset, length, items, the section's checksum).
    let u64_at = |bytes: &[u8], at: usize| u64::from_le_bytes(bytes[at..at + 8].try_into().unwrap());
    let count = u32::from_le_bytes(bytes[12..16].try_into().unwrap()) as usize;
    let table_end = 64 + 32 * count;
    let reseal = |bytes: &mut Vec<u8>| {
        for row in (64..table_end).step_by(32) {
            let (offset, len) = (u64_at(bytes, row) as usize, u64_at(bytes, row + 8) as usize);
            let sum = xxhash_rust::xxh3::xxh3_64(&bytes[offset..offset + len]).to_le_bytes();
            bytes[row + 24..row + 32].copy_from_slice(&sum);
        }
        let mut hasher = Xxh3::new();
        hasher.update(&bytes[..40]);
        hasher.update(&bytes[64..table_end]);
        let sum = hasher.digest().to_le_bytes();
        bytes[40..48].copy_from_slice(&sum);
    };
    let mut copy = bytes.clone();
    reseal(&mut copy);
    assert_eq!(copy, bytes, "the checksums are what this test computes");
    let mut refused = 0;
    for at in (table_end..bytes.len()).step_by(3) {
        let mut damaged = bytes.clone();
        damaged[at] ^= 0xff;
        reseal(&mut damaged);
        refused += usize::from(cache::accepts(&setup.cache, &folders, &damaged).is_err());
    }
    assert!(refused > 0, "validation refuses some damaged archives");
}

#[test]
fn the_catalogue_folder_is_never_written_to() {
    let setup = Setup::new();
    let listing = |dir: &Path| {
        let mut all: HashMap<PathBuf, u64> = HashMap::new();
        let mut pending = vec![dir.to_path_buf()];
        while let Some(d) = pending.pop() {
            for entry in fs::read_dir(d).unwrap().flatten() {
                if entry.file_type().unwrap().is_dir() {
                    pending.push(entry.path());
                }
                all.insert(entry.path(), entry.metadata().unwrap().len());
            }
        }
        all
    };
    let before = listing(&setup.catalogue);
    setup.load();
    setup.load();
    assert_eq!(listing(&setup.catalogue), before);
    // A cache folder inside the catalogue: nothing is written there, the load still works.
    let inside = Cache::at(setup.catalogue.join("cache"));
    let (loaded, used) = setup.load_with(&inside);
    assert_eq!(used, Used::Not);
    assert!(!loaded.catalogue.is_empty());
    assert_eq!(listing(&setup.catalogue), before);
}

#[test]
fn clearing_removes_the_cache_files() {
    let setup = Setup::new();
    setup.load();
    let path = cache::file_of(&setup.cache, &setup.folders()).unwrap();
    assert!(path.is_file());
    let removed = cache::clear(&setup.cache).unwrap();
    assert!(removed.contains(&path), "{removed:?}");
    assert!(!path.exists() && !setup.cache.dir().exists());
    assert_eq!(setup.load().1, Used::Rebuilt(Why::Missing));
}

#[test]
fn the_bundled_catalogue_is_not_cached() {
    let dir = tempfile::tempdir().unwrap();
    let cache = Cache::at(dir.path().join("cache"));
    let (loaded, used) = boucle::live::once::load_telling(&CatalogueSource::Bundled, Some(&cache));
    assert_eq!(used, Used::Not);
    assert!(!loaded.catalogue.is_empty());
    assert!(!cache.dir().exists());
}

/// The search results of `queries` through an index restored from `stored` (or built).
fn restored_search_ids(loaded: Loaded, stored: Option<&[u8]>, queries: &[&str]) -> Vec<Vec<String>> {
    indexed_search_ids(&Indexed::restored(loaded.catalogue, stored), queries)
}

/// Per query: the ids found, then the total and the facet counts.
fn indexed_search_ids(indexed: &Indexed, queries: &[&str]) -> Vec<Vec<String>> {
    queries
        .iter()
        .map(|q| {
            let results = indexed.search(&Query::parse(q), &Filters::default(), Lang::Fr, 50);
            let mut ids: Vec<String> =
                results.hits.iter().map(|h| indexed.catalogue().entries()[h.entry].id.to_string()).collect();
            ids.push(format!("total {} · {:?}", results.total, results.facet_counts));
            ids
        })
        .collect()
}

const QUERIES: [&str; 8] =
    ["bethune", "aimant", "terres rares", "mat:nd", "region:FR", "batterie recyclage", "b", "zzz"];

#[test]
fn the_index_kept_in_the_cache_searches_as_a_fresh_one() {
    let setup = Setup::new();
    let fresh = setup.fresh();
    let indexed = Indexed::new(setup.fresh().catalogue);
    let archived = indexed.engine().archive().expect("the index archives");
    let parts = cache::Parts { index: Some(&archived), ..cache::Parts::of(&fresh) };
    assert!(cache::write(&setup.cache, &setup.folders(), &parts).unwrap());

    let cached = cache::read(&setup.cache, &setup.folders()).unwrap();
    let stored = cached.index.clone().expect("the cache gives the index back");
    assert_eq!(stored, archived);
    let expected = restored_search_ids(setup.fresh(), None, &QUERIES);
    assert!(expected.iter().any(|ids| ids.len() > 3), "the queries find entries");
    assert_eq!(restored_search_ids(cached, Some(&stored), &QUERIES), expected);
}

#[test]
fn an_index_that_does_not_fit_the_catalogue_is_built_again() {
    let setup = Setup::new();
    let expected = restored_search_ids(setup.fresh(), None, &QUERIES);
    let whole = Indexed::new(setup.fresh().catalogue).engine().archive().unwrap();
    // The index of a smaller catalogue: one entry fewer.
    let mut smaller = setup.fresh();
    let entries: Vec<_> = smaller.catalogue.entries().iter().skip(1).cloned().collect();
    smaller.catalogue = boucle::model::Catalogue::new(smaller.catalogue.vocabularies.clone(), entries);
    let other = Indexed::new(smaller.catalogue).engine().archive().unwrap();
    for stored in [other.clone(), other[..other.len() / 2].to_vec(), vec![0xa5; 4096], Vec::new()] {
        assert_eq!(restored_search_ids(setup.fresh(), Some(&stored), &QUERIES), expected);
    }
    // Every byte of a real index flipped in turn: refused or still a working index, never a panic.
    // The catalogue is loaded once and copied for each (loading it again each time was most of
    // this test's time).
    let catalogue = setup.fresh().catalogue;
    for at in (0..whole.len()).step_by(7) {
        let mut damaged = whole.clone();
        damaged[at] ^= 0xff;
        let indexed = Indexed::restored(catalogue.clone(), Some(&damaged));
        for q in QUERIES {
            indexed.search(&Query::parse(q), &Filters::default(), Lang::Fr, 50);
        }
    }
}

/// The dashboard's path: the index is read back while the entries are decoded, and used.
#[test]
fn a_cached_start_restores_the_index_beside_the_entries() {
    let setup = Setup::new();
    let expected = restored_search_ids(setup.fresh(), None, &QUERIES);
    // Cached first without an index (as a cache written before the index is built): nothing
    // to restore.
    let fresh = setup.fresh();
    assert!(cache::write(&setup.cache, &setup.folders(), &cache::Parts::of(&fresh)).unwrap());
    let (loaded, stored) = boucle::query::read_cached(&setup.cache, &setup.folders()).unwrap();
    assert!(stored.is_none());
    assert_eq!(entry_json(&loaded), entry_json(&setup.fresh()));
    // Then with it, as the dashboard writes it after its first screen.
    let fresh = setup.fresh();
    let archived = Indexed::new(setup.fresh().catalogue).engine().archive().unwrap();
    let parts = cache::Parts { index: Some(&archived), ..cache::Parts::of(&fresh) };
    assert!(cache::write(&setup.cache, &setup.folders(), &parts).unwrap());
    let (loaded, stored) = boucle::query::read_cached(&setup.cache, &setup.folders()).unwrap();
    assert!(stored.is_some());
    let (indexed, restored) = Indexed::with_stored(loaded.catalogue, stored);
    assert!(restored, "the stored index fits its catalogue");
    assert_eq!(indexed_search_ids(&indexed, &QUERIES), expected);
}

/// A FIFO in the cache file's place (made by hand, or by a hostile neighbour) must not hang
/// the start: it is not read, the files are loaded, and the cache written in its place.
#[cfg(unix)]
#[test]
fn a_fifo_in_place_of_the_cache_file_is_passed_over() {
    let setup = Setup::new();
    setup.load();
    let path = cache::file_of(&setup.cache, &setup.folders()).unwrap();
    fs::remove_file(&path).unwrap();
    let made = std::process::Command::new("mkfifo").arg(&path).status().unwrap();
    assert!(made.success());
    let (done, finished) = std::sync::mpsc::channel();
    let (cache, folders) = (setup.cache.clone(), setup.folders());
    std::thread::spawn(move || {
        let _ = done.send(boucle::live::once::load_telling(&CatalogueSource::Folders(folders), Some(&cache)));
    });
    let (loaded, used) = finished.recv_timeout(Duration::from_secs(60)).expect("the load does not hang on a FIFO");
    assert_eq!(used, Used::Rebuilt(Why::Missing));
    assert_eq!(entry_json(&loaded), entry_json(&setup.fresh()));
    assert!(fs::metadata(&path).unwrap().is_file(), "the cache is a file again");
    assert_eq!(setup.load().1, Used::Read);
}

/// A cache file that others may write, or that is another user's, is never read (as ssh's
/// StrictModes refuses such a key file): it is loaded again from the files and written anew,
/// the user's own, 0600.
#[cfg(unix)]
#[test]
fn a_cache_file_others_could_write_is_never_read() {
    use std::os::unix::fs::{MetadataExt, PermissionsExt};
    let setup = Setup::new();
    setup.load();
    let path = cache::file_of(&setup.cache, &setup.folders()).unwrap();
    assert_eq!(fs::metadata(&path).unwrap().permissions().mode() & 0o777, 0o600);
    assert_eq!(fs::metadata(setup.cache.dir()).unwrap().permissions().mode() & 0o777, 0o700);
    assert_eq!(setup.load().1, Used::Read);
    for mode in [0o620, 0o602, 0o666] {
        fs::set_permissions(&path, fs::Permissions::from_mode(mode)).unwrap();
        let (loaded, used) = setup.load();
        assert_eq!(used, Used::Rebuilt(Why::NotOwn), "mode {mode:o}");
        assert_eq!(entry_json(&loaded), entry_json(&setup.fresh()));
        assert_eq!(fs::metadata(&path).unwrap().permissions().mode() & 0o777, 0o600);
        assert_eq!(setup.load().1, Used::Read);
    }
    // Another user's file (the tests can make one only as root).
    // SAFETY: chown with a valid C path; it fails unless run as root.
    let given = unsafe {
        let c_path = std::ffi::CString::new(path.to_str().unwrap()).unwrap();
        libc::chown(c_path.as_ptr(), 12345, 12345) == 0
    };
    if given {
        assert_eq!(fs::metadata(&path).unwrap().uid(), 12345);
        assert_eq!(setup.load().1, Used::Rebuilt(Why::NotOwn));
        assert_eq!(setup.load().1, Used::Read);
    }
}

/// What the cache guarantees when its checksums are forged (README, "The catalogue cache"):
/// nothing a load could not make. Each flip of one bit of a cache file's sections, sealed
/// again with correct checksums (as no accident, only someone writing the file on purpose,
/// would): the cache is refused, or read and then never a panic, no text that acts on a
/// terminal (in the entries' JSON, their Markdown, the problems as `check` prints them), no
/// malformed id. A flip inside a letter can still change what an entry says, as an edit of
/// its file would: checksums catch accidents, ownership keeps others out; nothing more is
/// claimed. `BOUCLE_FLIPS` sets how many flips are tried (default 1500, drawn at random over
/// the whole file; the test prints how many were read).
#[test]
fn forged_checksums_never_let_through_what_no_load_makes() {
    use boucle::export::handout::{Format, Scope, build, render};
    let setup = Setup::new();
    setup.load();
    let folders = setup.folders();
    let path = cache::file_of(&setup.cache, &folders).unwrap();
    let bytes = setup.cache_bytes();
    let count = u32::from_le_bytes(bytes[12..16].try_into().unwrap()) as usize;
    let sections_start = 64 + 32 * count;
    let flips: usize = std::env::var("BOUCLE_FLIPS").ok().and_then(|n| n.parse().ok()).unwrap_or(1500);
    let acting = |c: char| {
        (c.is_control() && c != '\n')
            || matches!(c, '\u{200B}' | '\u{200C}' | '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{FEFF}')
    };
    let mut state: u64 = 0x9e37_79b9_7f4a_7c15;
    let (mut read, mut refused) = (0, 0);
    for _ in 0..flips {
        // xorshift: a fixed sequence, the same on every run.
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        let at = sections_start + (state as usize >> 3) % (bytes.len() - sections_start);
        let mut forged = bytes.clone();
        forged[at] ^= 1 << (state & 7);
        common::reseal_cache(&mut forged);
        fs::write(&path, &forged).unwrap();
        let Ok(loaded) = cache::read(&setup.cache, &folders) else {
            refused += 1;
            continue;
        };
        read += 1;
        let json = entry_json(&loaded).concat();
        assert!(!json.chars().any(acting), "byte {at}: {json:?}");
        for entry in loaded.catalogue.entries() {
            assert!(boucle::model::Id::parse(entry.id.as_str()).is_ok(), "byte {at}: id {:?}", entry.id.as_str());
            let handout = build(&loaded.catalogue, Scope::Entry(entry.id.as_str()), &Default::default(), Lang::En);
            let md = handout.map(|h| render(&h, &loaded.catalogue, Format::Md)).unwrap_or_default();
            let md = String::from_utf8_lossy(&md);
            assert!(!md.chars().any(acting), "byte {at}: {md:?}");
        }
        let problems = rendered_problems(&loaded, Lang::Fr);
        assert!(!problems.chars().any(acting), "byte {at}: {problems:?}");
    }
    eprintln!("{flips} forged flips: {refused} refused, {read} read with nothing a load could not make");
    assert!(refused > 0 && refused + read == flips);
}
