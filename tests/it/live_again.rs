//! Loading again, reading only the changed files (`boucle::load::again`), against a full load of
//! the same files: after any sequence of edits a curator makes (a title changed, with the same
//! length or not; a file broken, fixed; added, removed, renamed; an id given twice across the
//! two folders; a vocabulary broken; a file saved again unchanged), both give the same entries,
//! the same problems (and quoted text), and the same search results, before and after the last
//! good entries of failing files are merged in as the live owner does. Edits follow each other
//! within the same second, often with the same size: the modification time alone would not
//! tell them apart (the stamps hash recently written files for that).

use crate::common::ui::FIXTURE;

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, SystemTime};

use boucle::live::merge_last_good;
use boucle::load::again::{Memory, load_again, remembered};
use boucle::load::{CatalogueSource, Loaded, load};
use boucle::model::Catalogue;
use boucle::query::{Filters, Indexed, Query};
use boucle::text::Lang;
use proptest::prelude::*;

#[derive(Clone, Debug)]
enum Edit {
    /// A new English title, of the same length when asked.
    Retitle {
        file: usize,
        same_length: bool,
        letter: u8,
    },
    /// Cut short in the middle: a syntax error.
    Break(usize),
    /// Put back as the fixture has it.
    Fix(usize),
    /// A copy under a new name, in the same folder.
    Add {
        file: usize,
        n: u8,
    },
    Remove(usize),
    Rename {
        file: usize,
        n: u8,
    },
    /// A copy into the second folder under the same name: the same id twice.
    Duplicate(usize),
    /// Written again with the same bytes.
    Touch(usize),
}

fn edit() -> impl Strategy<Value = Edit> {
    let file = 0usize..64;
    prop_oneof![
        3 => (file.clone(), any::<bool>(), b'a'..=b'z')
            .prop_map(|(file, same_length, letter)| Edit::Retitle { file, same_length, letter }),
        2 => file.clone().prop_map(Edit::Break),
        2 => file.clone().prop_map(Edit::Fix),
        1 => (file.clone(), any::<u8>()).prop_map(|(file, n)| Edit::Add { file, n }),
        1 => file.clone().prop_map(Edit::Remove),
        1 => (file.clone(), any::<u8>()).prop_map(|(file, n)| Edit::Rename { file, n }),
        1 => file.clone().prop_map(Edit::Duplicate),
        1 => file.prop_map(Edit::Touch),
    ]
}

/// The `.ron` files under `folder`, sorted.
fn ron_files(folder: &Path) -> Vec<PathBuf> {
    let mut files = Vec::new();
    for kind in std::fs::read_dir(folder).unwrap().flatten() {
        if kind.path().is_dir() {
            files.extend(kind.path().read_dir().unwrap().flatten().map(|f| f.path()));
        }
    }
    files.retain(|f| f.extension().is_some_and(|e| e == "ron"));
    files.sort();
    files
}

/// Applies `edit` to the first folder (the second for a duplicate); `original` is the fixture.
fn apply(edit: &Edit, first: &Path, second: &Path) {
    let files = ron_files(first);
    if files.is_empty() {
        return;
    }
    let pick = |i: usize| &files[i % files.len()];
    let original = |path: &Path| Path::new(FIXTURE).join(path.strip_prefix(first).unwrap());
    match *edit {
        Edit::Retitle { file, same_length, letter } => {
            let path = pick(file);
            let text = std::fs::read_to_string(path).unwrap_or_default();
            let Some(start) = text.find("en: \"").map(|s| s + "en: \"".len()) else { return };
            let Some(end) = text[start..].find('"').map(|e| start + e) else { return };
            let old = &text[start..end];
            let new: String = if same_length {
                // The same bytes' length: the first ASCII letter changed.
                let mut new = old.to_string();
                if let Some(at) = new.find(|c: char| c.is_ascii_alphabetic()) {
                    new.replace_range(at..at + 1, &(letter as char).to_string());
                }
                new
            } else {
                format!("{old} {}", (letter as char).to_string().repeat(3))
            };
            std::fs::write(path, format!("{}{new}{}", &text[..start], &text[end..])).unwrap();
        }
        Edit::Break(file) => {
            let path = pick(file);
            let text = std::fs::read(path).unwrap();
            std::fs::write(path, &text[..text.len() / 2]).unwrap();
        }
        Edit::Fix(file) => {
            let path = pick(file);
            if let Ok(text) = std::fs::read(original(path)) {
                std::fs::write(path, text).unwrap();
            }
        }
        Edit::Add { file, n } => {
            let path = pick(file);
            let stem = path.file_stem().unwrap().to_string_lossy();
            let _ = std::fs::copy(path, path.with_file_name(format!("{stem}-copy{n}.ron")));
        }
        Edit::Remove(file) => std::fs::remove_file(pick(file)).unwrap(),
        Edit::Rename { file, n } => {
            let path = pick(file);
            let stem = path.file_stem().unwrap().to_string_lossy();
            std::fs::rename(path, path.with_file_name(format!("{stem}-moved{n}.ron"))).unwrap();
        }
        Edit::Duplicate(file) => {
            let path = pick(file);
            let to = second.join(path.strip_prefix(first).unwrap());
            std::fs::create_dir_all(to.parent().unwrap()).unwrap();
            std::fs::copy(path, to).unwrap();
        }
        Edit::Touch(file) => {
            let path = pick(file);
            let text = std::fs::read(path).unwrap();
            std::fs::write(path, text).unwrap();
        }
    }
}

/// What a user sees of a load: its entries (every field), its problems, the text they quote.
fn seen(loaded: &Loaded) -> (String, String, Vec<(String, String)>) {
    let mut sources: Vec<(String, String)> = loaded.sources.clone().into_iter().collect();
    sources.sort();
    (
        format!("{:?}", loaded.catalogue.entries().iter().collect::<Vec<_>>()),
        format!("{:?}", loaded.diagnostics),
        sources,
    )
}

/// The ids a few searches find, in order.
fn searched(catalogue: &Catalogue) -> Vec<Vec<String>> {
    let indexed = Indexed::new(catalogue.clone());
    ["mining", "recycling magnets", "a", "zinc", "bethune", "x"]
        .iter()
        .map(|words| {
            let results = indexed.search(&Query::parse(words), &Filters::default(), Lang::En, 20);
            let ids = results.hits.iter().map(|hit| catalogue.entries()[hit.entry].id.as_str().to_string());
            ids.chain(std::iter::once(results.total.to_string())).collect()
        })
        .collect()
}

/// Compares loads again with full loads after each of `edits`; `seeded`: the memory starts
/// from the first load's snapshot ([`remembered`], as after a start), its files written an
/// hour before, rather than empty.
fn same_loads(edits: &[Edit], seeded: bool) -> Result<(), TestCaseError> {
    let dir = tempfile::tempdir().unwrap();
    let (first, second) = (dir.path().join("first"), dir.path().join("second"));
    let copied = Command::new("cp").args(["-r", FIXTURE, first.to_str().unwrap()]).status().unwrap();
    prop_assert!(copied.success());
    std::fs::create_dir_all(second.join("good-practices")).unwrap();
    let folders = vec![first.clone(), second.clone()];
    let source = CatalogueSource::Folders(folders.clone());
    let mut before = SystemTime::now();
    if seeded {
        for file in ron_files(&first) {
            let written = before - Duration::from_secs(3600);
            std::fs::File::options().write(true).open(file).unwrap().set_modified(written).unwrap();
        }
        // Setting the time changed the files' change times: the snapshot is taken as read once
        // those settled (as a start reads files written long before), the files unchanged since.
        before = SystemTime::now() + boucle::load::cache::TRUSTED_AFTER + Duration::from_secs(1);
    }
    // What the live owner shows: each load with the last good entries of failing files.
    let started = load(&source);
    let mut memory = if seeded {
        let memory = remembered(&folders, &started.catalogue, &started.diagnostics, before);
        // The entry files without a problem, in the first folder (the fixture has broken ones).
        prop_assert!(memory.len() >= 8, "{} files remembered", memory.len());
        memory
    } else {
        Memory::default()
    };
    let mut shown = started.catalogue;
    let mut shown_full = shown.clone();
    for (step, edit) in std::iter::once(None).chain(edits.iter().map(Some)).enumerate() {
        if let Some(edit) = edit {
            apply(edit, &first, &second);
        }
        let again = load_again(&source, &mut memory, &shown);
        let full = load(&source);
        prop_assert_eq!(seen(&again), seen(&full), "step {} ({:?})", step, edit);
        prop_assert_eq!(again.stamps.is_some(), full.stamps.is_some());
        prop_assert!(!memory.is_empty());
        shown = merge_last_good(again, &shown).catalogue;
        shown_full = merge_last_good(full, &shown_full).catalogue;
        let (merged, merged_full) = (
            format!("{:?}", shown.entries().iter().collect::<Vec<_>>()),
            format!("{:?}", shown_full.entries().iter().collect::<Vec<_>>()),
        );
        prop_assert_eq!(merged, merged_full, "merged, step {} ({:?})", step, edit);
        prop_assert_eq!(searched(&shown), searched(&shown_full), "searched, step {} ({:?})", step, edit);
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    #[test]
    fn loading_again_gives_what_a_full_load_gives(edits in proptest::collection::vec(edit(), 1..12), seeded in any::<bool>()) {
        same_loads(&edits, seeded)?;
    }
}

/// A change of the same size within the same second, after a load: the time and size are the
/// same, and only the content's hash tells (a curator's quick second save).
#[test]
fn a_same_size_change_within_the_second_is_read() {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("catalogue");
    let copied = Command::new("cp").args(["-r", FIXTURE, folder.to_str().unwrap()]).status().unwrap();
    assert!(copied.success());
    let path = folder.join("good-practices/bethune-bruay-mining-heritage.ron");
    let text = std::fs::read_to_string(&path).unwrap();
    let source = CatalogueSource::Folders(vec![folder.clone()]);
    let mut memory = Memory::default();
    let first = load_again(&source, &mut memory, &Catalogue::default());
    let time = std::fs::metadata(&path).unwrap().modified().unwrap();
    std::fs::write(&path, text.replace("Béthune-Bruay", "Béthune-Bruaz")).unwrap();
    std::fs::File::options().write(true).open(&path).unwrap().set_modified(time).unwrap();
    let again = load_again(&source, &mut memory, &first.catalogue);
    let title = again.catalogue.get("bethune-bruay-mining-heritage").unwrap().title().get(Lang::En).to_string();
    assert!(title.contains("Béthune-Bruaz"), "{title}");
}

/// The live reload's first change after a start, as a curator's `cp -p` or `rsync --inplace -t`
/// makes it: the same size, the modification time put back, on a file written long before.
/// The memory of the start's snapshot is taken at that change; only the change time, which
/// nothing sets back, says the file is not the one shown.
#[test]
fn a_same_size_write_with_its_time_put_back_is_read() {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("catalogue");
    let copied = Command::new("cp").args(["-r", FIXTURE, folder.to_str().unwrap()]).status().unwrap();
    assert!(copied.success());
    for file in ron_files(&folder) {
        let written = SystemTime::now() - Duration::from_secs(3600);
        std::fs::File::options().write(true).open(file).unwrap().set_modified(written).unwrap();
    }
    std::thread::sleep(boucle::load::cache::TRUSTED_AFTER + Duration::from_millis(500));
    let folders = vec![folder.clone()];
    let source = CatalogueSource::Folders(folders.clone());
    let before = SystemTime::now();
    let started = load(&source);
    let path = folder.join("good-practices/bethune-bruay-mining-heritage.ron");
    let (text, time) = (std::fs::read_to_string(&path).unwrap(), std::fs::metadata(&path).unwrap().modified().unwrap());
    std::fs::write(&path, text.replace("Béthune-Bruay", "Béthune-Bruaz")).unwrap();
    std::fs::File::options().write(true).open(&path).unwrap().set_modified(time).unwrap();
    let mut memory = remembered(&folders, &started.catalogue, &started.diagnostics, before);
    let again = load_again(&source, &mut memory, &started.catalogue);
    let title = again.catalogue.get("bethune-bruay-mining-heritage").unwrap().title().get(Lang::En).to_string();
    assert!(title.contains("Béthune-Bruaz"), "{title}");
}
