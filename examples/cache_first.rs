//! A first command on a new folder, with the catalogue cache against without it (issue #25
//! item 6): the cache is written behind, by a detached writer, once the command's output is
//! out, so a first `boucle list` must take no longer than `boucle list --no-cache`.
//!
//! `cargo build --release && cargo run --release --example cache_first -- 100000 7` generates
//! a synthetic catalogue of that size at benchmark time (the benchmark's generator,
//! `bench/synthetic.rs`), then runs `target/release/boucle list` as a whole process, paired
//! and alternating in each round: with `--no-cache`, then with an empty cache folder (the
//! first run on a new folder). After each first run it waits for the detached writer, and
//! times the run that follows it (the cached start). Medians of the rounds, ratio to
//! `--no-cache` in the same run. Figures: BENCHMARKS.md.

#[path = "bench/synthetic.rs"]
mod synthetic;

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

fn median(mut times: Vec<Duration>) -> f64 {
    times.sort();
    times[times.len() / 2].as_secs_f64() * 1000.0
}

fn list(binary: &Path, folder: &Path, cache: &Path, extra: &[&str]) -> Duration {
    let start = Instant::now();
    let status = Command::new(binary)
        .args(["list", "--lang", "en", "--catalogue"])
        .arg(folder)
        .args(extra)
        .env("BOUCLE_CACHE_DIR", cache)
        .env_remove("BOUCLE_CACHE_WRITE")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .expect("run boucle");
    let took = start.elapsed();
    assert!(status.success(), "boucle list failed");
    took
}

/// Waits until the detached writer has left a whole cache file (and let go of the folder's
/// writers' lock); how long that took after the first run ended.
fn written(cache: &Path) -> Duration {
    let start = Instant::now();
    loop {
        let done = std::fs::read_dir(cache).is_ok_and(|entries| {
            let names: Vec<String> = entries.flatten().map(|e| e.file_name().to_string_lossy().into_owned()).collect();
            names.iter().any(|n| n.ends_with(".cache")) && !names.iter().any(|n| n.ends_with(".tmp"))
        });
        let unlocked = std::fs::File::open(cache).is_ok_and(|dir| dir.try_lock().is_ok());
        if done && unlocked {
            return start.elapsed();
        }
        assert!(start.elapsed() < Duration::from_secs(300), "no cache written");
        std::thread::sleep(Duration::from_millis(10));
    }
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let n: usize = args.get(1).and_then(|a| a.parse().ok()).unwrap_or(100_000);
    let rounds: usize = args.get(2).and_then(|a| a.parse().ok()).unwrap_or(7);
    let binary = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target/release/boucle");
    assert!(binary.is_file(), "cargo build --release first");
    let work = tempfile::tempdir().expect("temporary folder");
    let folder = work.path().join("catalogue");
    eprintln!("generating {n} entries …");
    synthetic::write_catalogue(&folder, n, 42).expect("write the synthetic catalogue");
    // Once through, so that the files are in the page cache for every run alike.
    list(&binary, &folder, &work.path().join("warm"), &["--no-cache"]);
    let (mut uncached, mut first, mut behind, mut cached) = (Vec::new(), Vec::new(), Vec::new(), Vec::new());
    for round in 0..rounds {
        let cache = work.path().join(format!("cache-{round}"));
        uncached.push(list(&binary, &folder, &cache, &["--no-cache"]));
        first.push(list(&binary, &folder, &cache, &[]));
        behind.push(written(&cache));
        cached.push(list(&binary, &folder, &cache, &[]));
        std::fs::remove_dir_all(&cache).expect("remove the round's cache");
        eprintln!("round {round}: {:?} {:?} {:?} {:?}", uncached[round], first[round], behind[round], cached[round]);
    }
    let (uncached, first, behind, cached) = (median(uncached), median(first), median(behind), median(cached));
    println!("entries={n} rounds={rounds}");
    println!("list --no-cache: {uncached:.0} ms");
    println!("first list, new folder: {first:.0} ms (ratio to --no-cache {:.2})", first / uncached);
    println!("cache written behind, after the first list exits: {behind:.0} ms");
    println!("list from the cache: {cached:.0} ms");
    println!("first_list_ratio_{n}={:.2}", first / uncached);
}
