//! Live reload at size (not a timed test): from a file saved to the snapshot that shows it.
//!
//! The live owner (`boucle::live`, as the dashboard starts it, watching by events, with a cache
//! folder) is started on a catalogue folder; once its first snapshot is given, one entry file
//! at a time is saved with a new English title (a new file renamed over the old, as editors
//! save: the folder may be a hard-link copy of another, which is never written through), and
//! the time is taken from just before the rename to the first snapshot whose entry has the new
//! title (the dashboard draws its frame from that snapshot; a frame is a few milliseconds,
//! `examples/bench frame`). Rounds are spaced so the cache written behind does not overlap the
//! next save. Rounds alternate: a save alone (the watcher reads only the changed file), and a
//! save with a full load asked for at once (`r`, which reads every file, as every reload did
//! before `load::again`): the same minutes, the same binary. Prints each round, the medians of
//! both, the process's CPU time per round, and the load average (the machine is shared).
//!
//! ```sh
//! cargo run --release --example reload_frame -- DIR [ROUNDS]
//! ```
//! DIR is written into: use a copy (`cp -al` of the benchmark's folder is enough).

use std::path::{Path, PathBuf};
use std::sync::mpsc::channel;
use std::time::{Duration, Instant};

use boucle::live::{First, Update, Watch};
use boucle::load::CatalogueSource;
use boucle::load::cache::Cache;
use boucle::text::Lang;

fn cpu_ms() -> f64 {
    let stat = std::fs::read_to_string("/proc/self/stat").unwrap_or_default();
    let fields: Vec<&str> = stat.rsplit_once(')').map_or("", |(_, rest)| rest).split_whitespace().collect();
    let ticks = |i: usize| fields.get(i).and_then(|f| f.parse::<f64>().ok()).unwrap_or(f64::NAN);
    (ticks(11) + ticks(12)) * 10.0
}

fn load_average() -> String {
    let text = std::fs::read_to_string("/proc/loadavg").unwrap_or_default();
    text.split_whitespace().take(3).collect::<Vec<_>>().join(" ")
}

/// Saves `path` again with its English title replaced by `title`, as an editor does.
fn save_title(path: &Path, title: &str) {
    let text = std::fs::read_to_string(path).expect("read entry");
    let start = text.find("en: \"").expect("an English title") + "en: \"".len();
    let end = start + text[start..].find('"').expect("closing quote");
    let edited = format!("{}{title}{}", &text[..start], &text[end..]);
    let temporary = path.with_extension("ron.tmp~");
    std::fs::write(&temporary, edited).expect("write");
    std::fs::rename(&temporary, path).expect("rename");
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let folder = PathBuf::from(args.first().expect("a catalogue folder (a copy: it is written into)"));
    let rounds: usize = args.get(1).and_then(|r| r.parse().ok()).unwrap_or(5);
    let cache_dir = tempfile::tempdir().expect("cache folder");
    let (sender, updates) = channel();
    let started = Instant::now();
    let live = boucle::live::start_with(
        CatalogueSource::Folders(vec![folder.clone()]),
        Watch::Events,
        Some(Cache::at(cache_dir.path().to_path_buf())),
        First::AtOnce,
        Lang::En,
        move |update| sender.send(update).is_ok(),
    );
    let first = loop {
        match updates.recv().expect("the live owner") {
            Update::Loaded(snapshot) => break snapshot,
            _ => continue,
        }
    };
    println!(
        "first load {} entries in {:.0} ms (load {})",
        first.catalogue().len(),
        started.elapsed().as_secs_f64() * 1e3,
        load_average()
    );
    let files: Vec<PathBuf> = {
        let mut files: Vec<PathBuf> = std::fs::read_dir(folder.join("good-practices"))
            .expect("good-practices")
            .flatten()
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|e| e == "ron"))
            .collect();
        files.sort();
        files
    };
    // The cache written after the first load, out of the way.
    std::thread::sleep(Duration::from_secs(8));
    while updates.try_recv().is_ok() {}
    let (mut times, mut full_times) = (Vec::new(), Vec::new());
    for round in 0..rounds {
        let full = round % 2 == 1;
        let path = &files[(round * 7919) % files.len()];
        let id = path.file_stem().unwrap().to_string_lossy().into_owned();
        let title = format!("Reload probe {round} {}", std::process::id());
        let (cpu, load) = (cpu_ms(), load_average());
        let saved = Instant::now();
        save_title(path, &title);
        if full {
            live.reload();
        }
        let took = loop {
            match updates.recv_timeout(Duration::from_secs(60)).expect("a reload within a minute") {
                Update::Reloaded(snapshot) | Update::Kept(snapshot) => {
                    let shown =
                        snapshot.catalogue().get(&id).is_some_and(|e| format!("{:?}", e.title()).contains(&title));
                    if shown {
                        break saved.elapsed();
                    }
                }
                _ => {}
            }
        };
        // Let the cache written behind finish before the CPU time is read and the next save.
        std::thread::sleep(Duration::from_secs(6));
        while updates.try_recv().is_ok() {}
        let cpu = cpu_ms() - cpu;
        let how = if full { "full" } else { "changed only" };
        let ms = took.as_secs_f64() * 1e3;
        println!("round {round} ({how}): save→snapshot {ms:.0} ms, cpu {cpu:.0} ms for the round, load {load}");
        if full { full_times.push(ms) } else { times.push(ms) }
    }
    let median = |mut times: Vec<f64>| {
        times.sort_by(f64::total_cmp);
        times.get(times.len() / 2).copied().unwrap_or(f64::NAN)
    };
    println!(
        "reload_save_to_snapshot_median_ms={:.0} full_load_median_ms={:.0} (load {})",
        median(times),
        median(full_times),
        load_average()
    );
}
