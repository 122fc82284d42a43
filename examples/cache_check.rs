//! What checking the catalogue cache's texts costs (issue #19 item 4): every text read back
//! from a cache is checked against what cleaning leaves (`text::is_sanitized`, through the
//! archived types' own verification while rkyv validates a section), so that a cache with
//! forged checksums can never hand the terminal what the loader would have cleaned.
//!
//! `cargo run --release --example cache_check -- 100000` generates (once) the benchmark's
//! synthetic catalogue of that size, caches it, then takes medians of 7 rounds of:
//! - reading the cache whole, as a start does (checks included);
//! - the same check alone, over every text of the catalogue (each version of each text, every
//!   tag and place: what the verification reads), on one thread.
//!
//! Figures: BENCHMARKS.md.

#[path = "bench/synthetic.rs"]
mod synthetic;

use std::path::PathBuf;
use std::time::{Duration, Instant};

use boucle::load::CatalogueSource;
use boucle::load::cache::{self, Cache};

#[global_allocator]
static ALLOCATOR: boucle::allocator::Allocator = mimalloc::MiMalloc;

fn median(mut times: Vec<Duration>) -> f64 {
    times.sort();
    times[times.len() / 2].as_secs_f64() * 1000.0
}

/// Every string value of a JSON document: the entry's texts as the checks read them.
fn strings(value: &serde_json::Value, out: &mut Vec<String>) {
    match value {
        serde_json::Value::String(s) => out.push(s.clone()),
        serde_json::Value::Array(items) => items.iter().for_each(|v| strings(v, out)),
        serde_json::Value::Object(map) => map.values().for_each(|v| strings(v, out)),
        _ => {}
    }
}

fn main() {
    let n: usize = std::env::args().nth(1).and_then(|n| n.parse().ok()).unwrap_or(100_000);
    let dir = std::env::temp_dir().join(format!("boucle-bench-{n}-42-v1"));
    if !dir.join(".complete").exists() {
        let _ = std::fs::remove_dir_all(&dir);
        eprintln!("generating {n} entries in {} …", dir.display());
        synthetic::write_catalogue(&dir, n, 42).expect("write the synthetic catalogue");
        std::fs::write(dir.join(".complete"), "").expect("write marker");
    }
    let folders: Vec<PathBuf> = vec![dir.clone()];
    let cache = Cache::at(std::env::temp_dir().join("boucle-cache-check"));
    let (loaded, _) = boucle::live::once::load_telling(&CatalogueSource::Folders(folders.clone()), Some(&cache));
    drop(loaded);
    let size = cache::file_of(&cache, &folders).and_then(|p| std::fs::metadata(p).ok()).map_or(0, |m| m.len());

    let mut reads = Vec::new();
    let mut texts = Vec::new();
    let mut entries = 0;
    for round in 0..7 {
        let start = Instant::now();
        let loaded = cache::read(&cache, &folders).expect("the cache is read");
        reads.push(start.elapsed());
        if round == 0 {
            entries = loaded.catalogue.len();
            for entry in loaded.catalogue.entries() {
                let mut json = Vec::new();
                boucle::export::json::write_entry(entry, &mut json).expect("JSON");
                let value: serde_json::Value = serde_json::from_slice(&json).expect("JSON");
                strings(&value, &mut texts);
            }
        }
    }
    let bytes: usize = texts.iter().map(String::len).sum();
    let mut checks = Vec::new();
    for _ in 0..7 {
        let start = Instant::now();
        let clean = texts.iter().filter(|t| boucle::text::is_sanitized(t)).count();
        checks.push(start.elapsed());
        assert_eq!(clean, texts.len(), "every loaded text is clean");
    }
    println!(
        "{n} entries ({} loaded), cache {:.0} MB: cache read {:.0} ms (checks included); \
         the text check alone {:.0} ms over {} texts, {:.0} MB, one thread",
        entries,
        size as f64 / 1e6,
        median(reads),
        median(checks),
        texts.len(),
        bytes as f64 / 1e6,
    );
}
