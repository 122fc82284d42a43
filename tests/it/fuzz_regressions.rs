//! The fuzz targets' inputs replayed on stable, through the very code the targets run
//! (`fuzz/harness/*.rs`): every crash a fuzzer found is kept in `tests/fuzz_regressions/<target>/`
//! (with a few seeds), so it stays fixed without cargo-fuzz. See the README's Fuzzing section.

#[path = "../../fuzz/harness/fast_ron.rs"]
pub mod fast_ron;
#[path = "../../fuzz/harness/load.rs"]
mod load;
#[path = "../../fuzz/harness/query.rs"]
mod query;
#[path = "../../fuzz/harness/ssh_input.rs"]
mod ssh_input;

use std::path::{Path, PathBuf};

fn files_in(folder: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(folder)
        .unwrap_or_else(|e| panic!("{}: {e}", folder.display()))
        .map(|entry| entry.expect("a folder entry").path())
        .filter(|path| path.is_file())
        .collect();
    files.sort();
    files
}

/// Runs every input of `tests/fuzz_regressions/<target>/` and names each one that panics.
fn replay(target: &str, run: fn(&[u8])) {
    let folder = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fuzz_regressions").join(target);
    let inputs = files_in(&folder);
    assert!(!inputs.is_empty(), "no inputs in {}", folder.display());
    let failed: Vec<String> = inputs
        .iter()
        .filter(|path| {
            let data = std::fs::read(path).expect("a regression input");
            std::panic::catch_unwind(|| run(&data)).is_err()
        })
        .map(|path| path.display().to_string())
        .collect();
    assert!(failed.is_empty(), "{target}: these inputs fail again: {failed:#?}");
}

#[test]
fn load_inputs_found_by_fuzzing_load_cleanly() {
    replay("load", load::run);
}

#[test]
fn fast_ron_inputs_found_by_fuzzing_read_as_ron_reads_them() {
    replay("fast_ron", fast_ron::run);
}

#[test]
fn query_inputs_found_by_fuzzing_search_cleanly() {
    replay("query", query::run);
}

#[test]
fn ssh_input_found_by_fuzzing_decodes_cleanly() {
    replay("ssh_input", ssh_input::run);
}

/// The load target's seeds are the fixture catalogue's files: each goes through the target
/// cleanly, so the harness itself is known to load real files (an entry of every kind and
/// every vocabulary).
#[test]
fn every_fixture_file_goes_through_the_load_target() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/catalogue");
    let mut fed = 0;
    for folder in files_in_folders(&root) {
        for path in files_in(&folder) {
            let relative = path.strip_prefix(&root).expect("inside the fixture").to_string_lossy().replace('\\', "/");
            let place = load::place_byte(&relative).unwrap_or_else(|| panic!("no place for {relative}"));
            let mut data = vec![place];
            data.extend(std::fs::read(&path).expect("a fixture file"));
            load::run(&data);
            fed += 1;
        }
    }
    assert!(fed >= 15, "only {fed} fixture files");
}

fn files_in_folders(root: &Path) -> Vec<PathBuf> {
    let mut folders: Vec<PathBuf> = std::fs::read_dir(root)
        .expect("the fixture catalogue")
        .map(|entry| entry.expect("a folder entry").path())
        .filter(|path| path.is_dir())
        .collect();
    folders.sort();
    folders
}
