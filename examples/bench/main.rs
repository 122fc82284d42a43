//! The query engine's benchmark: `cargo run --release --example bench` (see BENCHMARKS.md).
//!
//! For each size (1k, 10k, 100k, 1M entries) it writes a synthetic catalogue folder (cached under
//! the temporary folder), then, in a fresh child process so that peak memory is per size:
//! loads it with `boucle::load` and builds the index (load to searchable), replays typed
//! queries letter by letter through `Engine::search` (50 hits, facet counts included) with
//! and without facet selections, and the same keystrokes through a naive full pass
//! (fuzzy-matcher over title + summary + tags of every entry). Sizes above 100k are the
//! 100k folder copied in memory (`replicate.rs`) for the engine (no naive pass, no frames: a
//! naive pass over 1M entries takes seconds per keystroke). Whole processes besides: the real
//! dashboard on a pty at 100k and on a folder of 1M files, `boucle list` from the cache and
//! with `--no-cache`, the dashboard's start from the cache, and the room (`serve_load`) on the
//! bundled catalogue and at 100k with 100 and 200 sessions.
//!
//! Options: `--sizes 1000,10000` to choose sizes, `--rounds N` (default 3), `--no-serve`;
//! one part alone: `--pty-only N`, `--cached-only N`, `--serve-only SESSIONS`, `--paste N`
//! (default 100000: a megabyte pasted into the search box, locally and over SSH, `paste.rs`).

mod frame;
mod paste;
mod pty;
mod queries;
mod replicate;
mod synthetic;

use queries::QUERIES;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::Arc;
use std::time::{Duration, Instant};

use boucle::load::{CatalogueSource, load};
use boucle::model::Catalogue;
use boucle::query::bench_support::{Phases, index_with_threads, search_timed, with_search_parts};
use boucle::query::{Engine, Facet, Filters, Indexed, Query};
use boucle::text::Lang;
use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;

const SEED: u64 = 42;
const GENERATOR_VERSION: &str = "1";
const LIMIT: usize = 50;
/// The largest folder written; larger sizes copy it in memory.
const LARGEST_FOLDER: usize = 100_000;

fn keystrokes() -> Vec<String> {
    let mut out = Vec::new();
    for q in QUERIES {
        for (i, c) in q.char_indices() {
            out.push(q[..i + c.len_utf8()].to_string());
        }
    }
    out
}

fn peak_rss_mb() -> f64 {
    status_mb("VmHWM:")
}

/// A field of `/proc/self/status` in MB (10^6 bytes, the unit of the folder's size on disk:
/// the kernel's "kB" are KiB, so a ratio of MiB to MB would read 4.9 % low).
fn status_mb(field: &str) -> f64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    status
        .lines()
        .find_map(|l| l.strip_prefix(field))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse::<f64>().ok())
        .map_or(f64::NAN, |kib| kib * 1024.0 / 1e6)
}

/// CPU time of this process so far: on a machine shared with other builds, a search's CPU time
/// moves much less than its wall-clock time (the benchmark searches on one thread).
fn cpu_now() -> Duration {
    let mut t = libc::timespec { tv_sec: 0, tv_nsec: 0 };
    // SAFETY: clock_gettime writes one timespec into the one we pass.
    unsafe { libc::clock_gettime(libc::CLOCK_PROCESS_CPUTIME_ID, &mut t) };
    Duration::new(t.tv_sec as u64, t.tv_nsec as u32)
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

fn percentile(sorted: &[f64], p: f64) -> f64 {
    if sorted.is_empty() {
        return f64::NAN;
    }
    let rank = ((p / 100.0) * sorted.len() as f64).ceil() as usize;
    sorted[rank.clamp(1, sorted.len()) - 1]
}

fn sorted(mut v: Vec<f64>) -> Vec<f64> {
    v.sort_by(|a, b| a.total_cmp(b));
    v
}

fn folder_bytes(dir: &Path) -> u64 {
    let mut total = 0;
    let mut pending = vec![dir.to_path_buf()];
    while let Some(d) = pending.pop() {
        for entry in std::fs::read_dir(&d).into_iter().flatten().flatten() {
            let path = entry.path();
            if path.is_dir() {
                pending.push(path);
            } else if path.extension().is_some_and(|e| e == "ron") {
                total += entry.metadata().map(|m| m.len()).unwrap_or(0);
            }
        }
    }
    total
}

/// The catalogue folder for `n` entries, generated once and reused.
fn catalogue_folder(n: usize) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("boucle-bench-{n}-{SEED}-v{GENERATOR_VERSION}"));
    let marker = dir.join(".complete");
    if !marker.exists() {
        let _ = std::fs::remove_dir_all(&dir);
        eprintln!("generating {n} entries in {} …", dir.display());
        synthetic::write_catalogue(&dir, n, SEED).expect("write the synthetic catalogue");
        std::fs::write(&marker, "").expect("write marker");
    }
    dir
}

/// Facet selections for the "with facets" runs: parents, so children are included.
fn selections(engine: &Engine, catalogue: &Catalogue) -> Filters {
    let mut filters = Filters::default();
    for (facet, id) in [(Facet::Region, "FR"), (Facet::Theme, "E"), (Facet::Kind, "practice"), (Facet::Kind, "visit")] {
        if let Some(values) = engine.resolve_value(catalogue, facet, id) {
            values.into_iter().for_each(|v| filters.select(facet, v));
        }
    }
    filters
}

struct Row {
    values: Vec<(String, f64)>,
}

impl Row {
    fn get(&self, key: &str) -> f64 {
        self.values.iter().find(|(k, _)| k == key).map_or(f64::NAN, |(_, v)| *v)
    }
}

/// Forgets the peak so far (`VmHWM`), so that the next reading is the peak of what follows.
fn reset_peak_rss() {
    let _ = std::fs::write("/proc/self/clear_refs", "5");
}

fn run_one(n: usize, dir: &Path, rounds: usize, copies: usize) {
    let bytes = folder_bytes(dir) * copies as u64;
    let (start, start_cpu) = (Instant::now(), cpu_now());
    let loaded = load(&CatalogueSource::Folders(vec![dir.to_path_buf()]));
    assert_eq!(loaded.errors(), 0, "the synthetic catalogue has errors");
    let mut catalogue = loaded.catalogue;
    if copies > 1 {
        catalogue = replicate::replicated(catalogue, copies);
    }
    let load_time = start.elapsed();
    let rss_loaded = status_mb("VmRSS:");
    assert!(catalogue.len() >= n, "{} entries loaded", catalogue.len());
    reset_peak_rss();
    let start_index = Instant::now();
    let indexed = Arc::new(Indexed::new(catalogue));
    let index_time = start_index.elapsed();
    // What building the index needed at its peak, above the loaded catalogue.
    let index_peak = peak_rss_mb() - rss_loaded;
    let (catalogue, engine) = (indexed.catalogue(), indexed.engine());
    let searchable = start.elapsed();
    // CPU time of every thread of the load and the index build (the copies at 1M included).
    let load_cpu = cpu_now() - start_cpu;
    let rss_indexed = status_mb("VmRSS:");

    let keys = keystrokes();
    let filters = selections(engine, catalogue);
    let mut plain = vec![Vec::new(); keys.len()];
    // Per keystroke, CPU ms without and with selections (`BENCH_KEYS=1` prints them: which
    // keys make the p99).
    let mut per_key = vec![(Vec::new(), Vec::new()); keys.len()];
    let mut faceted = Vec::new();
    let mut counting = Vec::new();
    let (mut cpu, mut faceted_cpu) = (Vec::new(), Vec::new());
    for _ in 0..rounds {
        // Each typed query is searched as the dashboard would, key after key, once without
        // selections and once with: a session searches with the selections it has.
        for (pass, filters) in [Filters::default(), filters.clone()].iter().enumerate() {
            for (k, key) in keys.iter().enumerate() {
                let (t, c) = (Instant::now(), cpu_now());
                let query = Query::parse(key);
                let search = || search_timed(engine, catalogue, &query, filters, Lang::Fr, LIMIT);
                // `BENCH_SEARCH_PARTS=1`: one thread, to compare with the split search.
                let (results, phases) = match std::env::var("BENCH_SEARCH_PARTS").ok().and_then(|p| p.parse().ok()) {
                    Some(parts) => with_search_parts(parts, search),
                    None => search(),
                };
                let (wall, used) = (ms(t.elapsed()), ms(cpu_now() - c));
                if pass == 0 {
                    plain[k].push(wall);
                    cpu.push(used);
                    per_key[k].0.push((used, phases));
                } else {
                    faceted.push(wall);
                    faceted_cpu.push(used);
                    per_key[k].1.push((used, phases));
                }
                counting.push(ms(phases.count));
                std::hint::black_box(results);
            }
        }
    }
    let (cpu, faceted_cpu) = (sorted(cpu), sorted(faceted_cpu));
    if std::env::var_os("BENCH_KEYS").is_some() {
        // The round of median CPU time, with its phases' wall times.
        let median = |v: &Vec<(f64, Phases)>| {
            let mut v = v.clone();
            v.sort_by(|a, b| a.0.total_cmp(&b.0));
            let (cpu, p) = v[v.len() / 2];
            format!(
                "cpu={cpu:.2} select={:.2} filter={:.2} count={:.2} rank={:.2} reset={:.2}",
                ms(p.select),
                ms(p.filter),
                ms(p.count),
                ms(p.rank),
                ms(p.reset)
            )
        };
        for (key, (plain, faceted)) in keys.iter().zip(&per_key) {
            println!("KEY {key:?} {} | with selections {}", median(plain), median(faceted));
        }
    }
    // Facet counts alone on the whole catalogue (no query): the largest result set.
    let t = Instant::now();
    let all = engine.search(catalogue, &Query::default(), &filters, Lang::Fr, LIMIT);
    let whole_with_selection = ms(t.elapsed());
    std::hint::black_box(all);
    let peak = peak_rss_mb();
    // Keystroke to frame through the dashboard's own update and draw, on the same index.
    // Not for copied catalogues unless `BENCH_FRAMES=1` (at 1M: key→screen in process, search
    // and draw, when no folder of a million files is at hand for the pty).
    let with_frames = copies == 1 || std::env::var_os("BENCH_FRAMES").is_some();
    let (mut frames, mut frames_cpu) = (Vec::new(), Vec::new());
    for _ in 0..if with_frames { rounds } else { 0 } {
        for (wall, cpu) in frame::keystroke_to_frame(indexed.clone(), QUERIES, || ms(cpu_now())) {
            frames.push(wall);
            frames_cpu.push(cpu);
        }
    }
    let (frames, frames_cpu) = (sorted(frames), sorted(frames_cpu));

    if std::env::var_os("BENCH_NO_BASELINE").is_some() {
        // For profiling the engine alone.
        let all = sorted(plain.iter().flatten().copied().collect());
        let f = sorted(faceted.clone());
        let c = sorted(counting.clone());
        println!(
            "ROW cpu_p50={:.2} cpu_p99={:.2} fcpu_p99={:.2} load_ms={:.0} load_cpu_ms={:.0} parse_ms={:.0} p50={:.2} p99={:.2} fp50={:.2} fp99={:.2} count_p99={:.2} rss_loaded={rss_loaded:.0} rss_indexed={rss_indexed:.0} peak_mb={peak:.0} index_ms={:.0} index_peak_mb={index_peak:.0} frame_p99={:.2} frame_cpu_p50={:.2} frame_cpu_p99={:.2}",
            percentile(&cpu, 50.0),
            percentile(&cpu, 99.0),
            percentile(&faceted_cpu, 99.0),
            ms(searchable),
            ms(load_cpu),
            ms(load_time),
            percentile(&all, 50.0),
            percentile(&all, 99.0),
            percentile(&f, 50.0),
            percentile(&f, 99.0),
            percentile(&c, 99.0),
            ms(index_time),
            percentile(&frames, 99.0),
            percentile(&frames_cpu, 50.0),
            percentile(&frames_cpu, 99.0)
        );
        return;
    }
    // The naive baseline: one fuzzy-matcher pass over title + summary + tags per keystroke
    // (not for copied catalogues: seconds per keystroke, and the ratio is the 100k one).
    let haystacks: Vec<String> = catalogue
        .entries()
        .iter()
        .take(if copies > 1 { 0 } else { usize::MAX })
        .map(|e| {
            let tags: Vec<&str> = e.common.tags.iter().map(|t| t.as_str()).collect();
            format!("{} {} {}", e.title().get(Lang::Fr), e.summary().get(Lang::Fr), tags.join(" "))
        })
        .collect();
    let matcher = SkimMatcherV2::default();
    // Every keystroke up to 10k entries; every 4th at 100k, to keep the run to minutes.
    let step = if n > 20_000 { 4 } else { 1 };
    let mut baseline = Vec::new();
    let mut engine_same = Vec::new();
    for (k, key) in keys.iter().enumerate().step_by(step).take(if copies > 1 { 0 } else { usize::MAX }) {
        let t = Instant::now();
        let mut scored: Vec<(i64, usize)> =
            haystacks.iter().enumerate().filter_map(|(i, h)| matcher.fuzzy_match(h, key).map(|s| (s, i))).collect();
        scored.sort_unstable_by(|a, b| b.cmp(a));
        scored.truncate(LIMIT);
        baseline.push(ms(t.elapsed()));
        std::hint::black_box(scored);
        let mut mine = plain[k].clone();
        mine.sort_by(|a, b| a.total_cmp(b));
        engine_same.push(mine[mine.len() / 2]);
    }

    let plain_all = sorted(plain.into_iter().flatten().collect());
    let faceted = sorted(faceted);
    let counting = sorted(counting);
    let base_sorted = sorted(baseline.clone());
    let same_sorted = sorted(engine_same.clone());
    let ratio_total = baseline.iter().sum::<f64>() / engine_same.iter().sum::<f64>();
    let ratio_p50 = percentile(&base_sorted, 50.0) / percentile(&same_sorted, 50.0);
    let values = [
        ("entries", catalogue.len() as f64),
        ("disk_mb", bytes as f64 / 1e6),
        ("load_ms", ms(searchable)),
        ("load_cpu_ms", ms(load_cpu)),
        ("parse_ms", ms(load_time)),
        ("index_ms", ms(index_time)),
        ("dictionary", engine.dictionary_len() as f64),
        ("p50", percentile(&plain_all, 50.0)),
        ("p99", percentile(&plain_all, 99.0)),
        ("max", percentile(&plain_all, 100.0)),
        ("fp50", percentile(&faceted, 50.0)),
        ("fp99", percentile(&faceted, 99.0)),
        ("fmax", percentile(&faceted, 100.0)),
        ("count_p50", percentile(&counting, 50.0)),
        ("count_p99", percentile(&counting, 99.0)),
        ("whole_ms", whole_with_selection),
        ("base_p50", percentile(&base_sorted, 50.0)),
        ("base_p99", percentile(&base_sorted, 99.0)),
        ("ratio_total", ratio_total),
        ("ratio_p50", ratio_p50),
        ("peak_mb", peak),
        ("frame_p50", percentile(&frames, 50.0)),
        ("frame_p99", percentile(&frames, 99.0)),
        ("frame_max", percentile(&frames, 100.0)),
        ("rss_loaded", rss_loaded),
        ("rss_indexed", rss_indexed),
        ("index_peak_mb", index_peak),
        ("cpu_p50", percentile(&cpu, 50.0)),
        ("cpu_p99", percentile(&cpu, 99.0)),
        ("fcpu_p50", percentile(&faceted_cpu, 50.0)),
        ("fcpu_p99", percentile(&faceted_cpu, 99.0)),
        ("keys", keys.len() as f64),
        ("base_keys", baseline.len() as f64),
    ];
    let line: Vec<String> = values.iter().map(|(k, v)| format!("{k}={v}")).collect();
    println!("ROW {}", line.join(" "));
}

fn main() {
    boucle::allocator::tune();
    let args: Vec<String> = std::env::args().collect();
    let arg = |name: &str| args.iter().position(|a| a == name).and_then(|i| args.get(i + 1)).cloned();
    let rounds: usize = arg("--rounds").and_then(|r| r.parse().ok()).unwrap_or(3);
    if let Some(dir) = arg("--index-only") {
        // For profiling the index build: load once, build the index five times.
        let loaded = load(&CatalogueSource::Folders(vec![PathBuf::from(dir)]));
        // Alternated with a build on one thread, to compare in the same minutes.
        for _ in 0..5 {
            let (t, c) = (Instant::now(), cpu_now());
            let engine = Engine::new(&loaded.catalogue);
            let (wall, cpu) = (ms(t.elapsed()), ms(cpu_now() - c));
            println!("index {wall:.0} ms (CPU {cpu:.0} ms), {} words", engine.dictionary_len());
            let (t, c) = (Instant::now(), cpu_now());
            let engine = index_with_threads(&loaded.catalogue, 1);
            let (wall, cpu) = (ms(t.elapsed()), ms(cpu_now() - c));
            println!("index on one thread {wall:.0} ms (CPU {cpu:.0} ms), {} words", engine.dictionary_len());
        }
        return;
    }
    if let Some(n) = arg("--generate") {
        // Only write the synthetic folder (a million files take minutes): started early, in the background.
        println!("{}", catalogue_folder(n.parse().expect("--generate N")).display());
        return;
    }
    if let Some(n) = arg("--pty-only") {
        // The real dashboard on a pseudo-terminal alone, at one size.
        let n: usize = n.parse().expect("--pty-only N");
        let pty = pty_figures(&catalogue_folder(n), rounds);
        println!("{pty:?}");
        return;
    }
    if args.iter().any(|a| a == "--paste") {
        let n: usize = arg("--paste").and_then(|n| n.parse().ok()).unwrap_or(100_000);
        paste_figures(&catalogue_folder(n), n, arg("--rounds").and_then(|r| r.parse().ok()).unwrap_or(5));
        return;
    }
    if let Some(dir) = arg("--cached") {
        cached_start(Path::new(&dir));
        return;
    }
    if let Some(n) = arg("--cached-only") {
        // The cached start alone: whole `list` processes, the dashboard's first results.
        let dir = catalogue_folder(n.parse().expect("--cached-only N"));
        let exe = std::env::current_exe().expect("own path");
        let mut figures = cached_figures(&exe, &dir, rounds);
        figures.extend(cached_list_figures(&dir, rounds));
        figures.extend(cached_dashboard_figures(&dir, rounds));
        figures.iter().for_each(|(k, v)| println!("{k}={v:.1}"));
        return;
    }
    if let Some(sessions) = arg("--serve-only") {
        // The room alone, at 100k (`--serve-only 100`).
        let sessions: usize = sessions.parse().expect("--serve-only SESSIONS");
        let serve = serve_figures(Some(&catalogue_folder(100_000)), sessions, false);
        serve.iter().for_each(|(k, v)| println!("{k}={v:.2}"));
        return;
    }
    if let Some(n) = arg("--one") {
        let n: usize = n.parse().expect("--one N");
        let dir = PathBuf::from(arg("--dir").expect("--dir DIR"));
        let copies = arg("--copies").and_then(|c| c.parse().ok()).unwrap_or(1);
        run_one(n, &dir, rounds, copies);
        return;
    }
    let sizes: Vec<usize> = arg("--sizes")
        .map(|s| s.split(',').filter_map(|x| x.trim().parse().ok()).collect())
        .unwrap_or_else(|| vec![1_000, 10_000, 100_000, 1_000_000]);
    // `--no-serve`: without the SSH room (three runs of about a minute each).
    let with_serve = !args.iter().any(|a| a == "--no-serve");
    let started = Instant::now();
    println!("load average at the start: {}", load_average());
    let exe = std::env::current_exe().expect("own path");
    let mut pty = None;
    let mut pty_1m = None;
    let mut cached = Vec::new();
    let mut serve = Vec::new();
    let mut rows: Vec<(usize, Row)> = Vec::new();
    for &n in &sizes {
        let copies = if n > LARGEST_FOLDER { n.div_ceil(LARGEST_FOLDER) } else { 1 };
        let dir = catalogue_folder(if copies > 1 { LARGEST_FOLDER } else { n });
        // Warm the page cache the way a second start would find it.
        let _ = folder_bytes(&dir);
        let output = Command::new(&exe)
            .args(["--one", &n.to_string(), "--dir", &dir.display().to_string(), "--rounds", &rounds.to_string()])
            .args(["--copies", &copies.to_string()])
            .output()
            .expect("run the benchmark child");
        let stdout = String::from_utf8_lossy(&output.stdout);
        let Some(line) = stdout.lines().find_map(|l| l.strip_prefix("ROW ")) else {
            eprintln!("size {n} failed:\n{}", String::from_utf8_lossy(&output.stderr));
            std::process::exit(1);
        };
        let values = line
            .split(' ')
            .filter_map(|kv| kv.split_once('='))
            .map(|(k, v)| (k.to_string(), v.parse::<f64>().unwrap_or(f64::NAN)))
            .collect();
        let mut values: Vec<(String, f64)> = values;
        if copies == 1 {
            values.extend(cached_figures(&exe, &dir, rounds));
        }
        rows.push((n, Row { values }));
        println!("load average after {n} entries: {}", load_average());
        if n == 100_000 {
            pty = Some(pty_figures(&dir, rounds));
            cached.extend(cached_list_figures(&dir, rounds));
            cached.extend(cached_dashboard_figures(&dir, rounds));
            println!("load average after the dashboard at 100k: {}", load_average());
            if with_serve {
                // The room at 100k with 100 and 200 sessions; the bundled catalogue beside it,
                // the figure earlier runs recorded.
                let bundled = serve_figures(None, 100, false);
                let at_100 = serve_figures(Some(&dir), 100, true);
                let at_200 = serve_figures(Some(&dir), 200, false);
                println!("load average after the room: {}", load_average());
                for (prefix, figures) in [("bundled_100s", bundled), ("100k_100s", at_100), ("100k_200s", at_200)] {
                    serve.extend(figures.into_iter().map(|(k, v)| (format!("{k}_{prefix}"), v)));
                }
            }
        }
        if n == 1_000_000 {
            // The real dashboard on a folder of a million files, written once (1.35 GB).
            // Two rounds at most (266 keys): each start reads a million files, minutes on a busy machine.
            pty_1m = Some(pty_figures(&catalogue_folder(n), rounds.min(2)));
            println!("load average after the dashboard at 1M: {}", load_average());
        }
    }

    println!(
        "| entries | on disk MB | load to searchable ms (parse + index) | keystroke p50 / p99 / max ms | \
         with facet selections p50 / p99 / max ms | facet counts p50 / p99 ms | whole catalogue + selections ms | \
         naive baseline p50 / p99 ms | ratio (total / p50) | peak RSS MB (× disk) | keystroke to frame p50 / p99 / max ms |"
    );
    println!("|---|---|---|---|---|---|---|---|---|---|---|");
    for (_, r) in &rows {
        println!(
            "| {:.0} | {:.1} | {:.0} ({:.0} + {:.0}) | {:.2} / {:.2} / {:.2} | {:.2} / {:.2} / {:.2} | {:.2} / {:.2} | {:.2} | \
             {:.1} / {:.1} | {:.0}× / {:.0}× | {:.0} ({:.2}×) | {:.2} / {:.2} / {:.2} |",
            r.get("entries"),
            r.get("disk_mb"),
            r.get("load_ms"),
            r.get("parse_ms"),
            r.get("index_ms"),
            r.get("p50"),
            r.get("p99"),
            r.get("max"),
            r.get("fp50"),
            r.get("fp99"),
            r.get("fmax"),
            r.get("count_p50"),
            r.get("count_p99"),
            r.get("whole_ms"),
            r.get("base_p50"),
            r.get("base_p99"),
            r.get("ratio_total"),
            r.get("ratio_p50"),
            r.get("peak_mb"),
            r.get("peak_mb") / r.get("disk_mb"),
            r.get("frame_p50"),
            r.get("frame_p99"),
            r.get("frame_max"),
        );
    }
    for (_, r) in &rows {
        // CPU time moves less than wall-clock time when the machine is shared.
        println!(
            "{:.0} entries: search CPU p50 / p99 {:.2} / {:.2} ms, with selections {:.2} / {:.2} ms; \
             load CPU {:.0} ms; index build {:.0} ms, its peak {:.0} MB above the loaded catalogue, index {:.0} MB",
            r.get("entries"),
            r.get("cpu_p50"),
            r.get("cpu_p99"),
            r.get("fcpu_p50"),
            r.get("fcpu_p99"),
            r.get("load_cpu_ms"),
            r.get("index_ms"),
            r.get("index_peak_mb"),
            r.get("rss_indexed") - r.get("rss_loaded"),
        );
    }
    let get = |key: &str| cached.iter().chain(&serve).find(|(k, _)| k == key).map_or(f64::NAN, |(_, v)| *v);
    let Some((_, r)) = rows.iter().find(|(n, _)| *n == 100_000) else {
        println!("whole benchmark: {:.0} s", started.elapsed().as_secs_f64());
        return;
    };
    println!(
        "{} keystrokes × {rounds} rounds per size; baseline on {} keystrokes; dictionary {} words.",
        r.get("keys"),
        r.get("base_keys"),
        r.get("dictionary")
    );
    if let Some(pty) = &pty {
        println!(
            "real dashboard on a pty at 100k (--no-cache): keystroke to screen p50 / p99 / max {:.2} / {:.2} / {:.2} ms over {} keys; \
             first screen {:.0} ms, results on screen {:.0} ms after start",
            pty.p50, pty.p99, pty.max, pty.keys, pty.first_screen_ms, pty.results_ms
        );
    }
    if let Some(pty) = &pty_1m {
        println!(
            "real dashboard on a pty at 1M (--no-cache, a folder of 1M files): keystroke to screen p50 / p99 / max {:.2} / {:.2} / {:.2} ms \
             over {} keys; first screen {:.0} ms, results on screen {:.0} ms after start",
            pty.p50, pty.p99, pty.max, pty.keys, pty.first_screen_ms, pty.results_ms
        );
    }
    println!(
        "cached start at 100k, in process: read {:.0} ms + index {:.0} ms = searchable {:.0} ms; check against the files {:.0} ms; \
         cache file {:.0} MB, written in {:.0} ms",
        r.get("cache_read_ms"),
        r.get("cache_index_ms"),
        r.get("load_cached_ms"),
        r.get("cache_check_ms"),
        r.get("cache_mb"),
        r.get("cache_write_ms"),
    );
    println!(
        "cached start at 100k, whole processes: `boucle list` {:.0} ms (CPU {:.0} ms; --no-cache {:.0} ms, CPU {:.0} ms); \
         the dashboard's first screen {:.0} ms, its first results {:.0} ms",
        get("cached_list_ms"),
        get("cached_list_cpu_ms"),
        get("uncached_list_ms"),
        get("uncached_list_cpu_ms"),
        get("cached_first_screen_ms"),
        get("cached_first_results_ms"),
    );
    for prefix in ["bundled_100s", "100k_100s", "100k_200s"] {
        let key = |k: &str| get(&format!("{k}_{prefix}"));
        if key("serve_settled_p99_ms").is_nan() {
            continue;
        }
        println!(
            "serve, {prefix}: key to the frame with its results p50 / p99 {:.1} / {:.1} ms, to the first bytes {:.1} / {:.1} ms; \
             RSS per session while typing {:.2} MB",
            key("serve_settled_p50_ms"),
            key("serve_settled_p99_ms"),
            key("serve_first_p50_ms"),
            key("serve_first_p99_ms"),
            key("serve_rss_mb_per_session"),
        );
    }
    println!("whole benchmark: {:.0} s", started.elapsed().as_secs_f64());
    // The one line, last. Figures not measured in this run say n/a.
    let figure = |v: f64, decimals: usize| if v.is_nan() { "n/a".to_string() } else { format!("{v:.decimals$}") };
    let size_p99 =
        |size: usize| rows.iter().find(|(n, _)| *n == size).map_or(f64::NAN, |(_, m)| m.get("p99").max(m.get("fp99")));
    println!(
        "key_to_screen_p99_ms_100k={} key_to_screen_p99_ms_1m={} first_screen_ms_100k={} cached_list_ms_100k={} \
         cached_first_results_ms_100k={} load_ms_100k={} peak_rss_ratio_100k={} search_p99_ms_1m={} \
         serve_settled_p99_ms_100k_100s={} serve_settled_p99_ms_100k_200s={} serve_rss_mb_per_session_100k={} \
         baseline_ratio_100k={}",
        figure(pty.as_ref().map_or(f64::NAN, |p| p.p99), 2),
        figure(pty_1m.as_ref().map_or(f64::NAN, |p| p.p99), 2),
        figure(pty.as_ref().map_or(f64::NAN, |p| p.first_screen_ms), 0),
        figure(get("cached_list_ms"), 0),
        figure(get("cached_first_results_ms"), 0),
        figure(r.get("load_ms"), 0),
        figure(r.get("peak_mb") / r.get("disk_mb"), 2),
        figure(size_p99(1_000_000), 2),
        figure(get("serve_settled_p99_ms_100k_100s"), 1),
        figure(get("serve_settled_p99_ms_100k_200s"), 1),
        figure(get("serve_rss_mb_per_session_100k_100s"), 2),
        figure(r.get("ratio_total").min(r.get("ratio_p50")), 1),
    );
}

#[derive(Debug)]
#[allow(dead_code)] // printed with Debug by --pty-only
struct PtyFigures {
    p50: f64,
    p99: f64,
    max: f64,
    keys: usize,
    first_screen_ms: f64,
    results_ms: f64,
}

/// `target/release/boucle`, built by cargo if needed (so the figures are this tree's).
fn release_binary() -> PathBuf {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    let built = Command::new(cargo).args(["build", "--release", "--quiet", "--bin", "boucle"]).status();
    assert!(built.is_ok_and(|s| s.success()), "cargo build --release --bin boucle failed");
    let exe = std::env::current_exe().expect("own path");
    exe.parent().and_then(Path::parent).expect("target/release").join("boucle")
}

/// The release binary on a pseudo-terminal, reading the folder (`--no-cache`, or its cache with
/// `BENCH_PTY_CACHED=1`), typing every query: the median start over the rounds, and every
/// keystroke of every round.
fn pty_figures(dir: &Path, rounds: usize) -> PtyFigures {
    let binary = release_binary();
    // `BENCH_PTY_CACHED=1`: the dashboard starts from its cache (written first by a `list`
    // that waits for it), so that a run at 1M takes minutes instead of an uncached load of a
    // million files per round; the keys are searched on the same index either way.
    let cache = binary_cache();
    let cached = std::env::var_os("BENCH_PTY_CACHED").is_some();
    let (extra, env): (&[&str], Vec<(&str, &Path)>) = if cached {
        let written = Command::new(&binary)
            .args(["list", "--limit", "1", "--catalogue"])
            .arg(dir)
            .env("BOUCLE_CACHE_DIR", &cache)
            .env("BOUCLE_CACHE_WRITE", "wait")
            .stdout(std::process::Stdio::null())
            .status();
        assert!(written.is_ok_and(|s| s.success()), "`boucle list` writing the cache of {}", dir.display());
        (&[], vec![("BOUCLE_CACHE_DIR", cache.as_path())])
    } else {
        (&["--no-cache"], Vec::new())
    };
    let (mut keys, mut first, mut results) = (Vec::new(), Vec::new(), Vec::new());
    for _ in 0..rounds {
        // A round that fails (a key drew nothing within the quiet time, on a loaded machine at
        // 1M) is said and left out: the run's other figures are not lost with it.
        let run = match pty::keystroke_to_screen(&binary, extra, &env, dir, QUERIES) {
            Ok(run) => run,
            Err(e) => {
                eprintln!("the dashboard on a pty, {}: a round failed: {e}", dir.display());
                continue;
            }
        };
        keys.extend(run.keys);
        first.push(run.first_screen_ms);
        results.push(run.results_ms);
    }
    let (keys, first, results) = (sorted(keys), sorted(first), sorted(results));
    PtyFigures {
        p50: percentile(&keys, 50.0),
        p99: percentile(&keys, 99.0),
        max: percentile(&keys, 100.0),
        keys: keys.len(),
        first_screen_ms: percentile(&first, 50.0),
        results_ms: percentile(&results, 50.0),
    }
}

/// The release binary's own catalogue cache for the benchmark (its cache is keyed on the
/// binary, so it cannot share the benchmark's in-process one).
fn binary_cache() -> PathBuf {
    std::env::temp_dir().join("boucle-bench-cache-binary")
}

/// CPU time (user + system) of the children waited for so far.
fn children_cpu() -> Duration {
    // SAFETY: getrusage writes one rusage into the zeroed one we pass.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    unsafe { libc::getrusage(libc::RUSAGE_CHILDREN, &mut usage) };
    let time = |t: libc::timeval| Duration::new(t.tv_sec as u64, t.tv_usec as u32 * 1000);
    time(usage.ru_utime) + time(usage.ru_stime)
}

/// `boucle list` on `dir` as a whole process, what a user waits for: with a warm cache (read,
/// index restored, every file checked against its stamp, the search, the output), and with
/// `--no-cache`; medians of `rounds` runs each, alternated, wall and CPU time.
fn cached_list_figures(dir: &Path, rounds: usize) -> Vec<(String, f64)> {
    let binary = release_binary();
    let list = |cached: bool| {
        let mut command = Command::new(&binary);
        command.args(["list", "--query", "aimant recyc", "--limit", "20", "--catalogue"]).arg(dir);
        command.env("BOUCLE_CACHE_DIR", binary_cache()).stdout(std::process::Stdio::null());
        if !cached {
            command.arg("--no-cache");
        }
        let (t, c) = (Instant::now(), children_cpu());
        let status = command.status().expect("boucle list runs");
        assert!(status.success(), "boucle list failed");
        (ms(t.elapsed()), ms(children_cpu() - c))
    };
    list(true); // writes the cache if it is missing or from another build
    let (mut warm, mut warm_cpu, mut cold, mut cold_cpu) = (Vec::new(), Vec::new(), Vec::new(), Vec::new());
    for _ in 0..rounds.max(1) {
        let (wall, cpu) = list(true);
        warm.push(wall);
        warm_cpu.push(cpu);
        let (wall, cpu) = list(false);
        cold.push(wall);
        cold_cpu.push(cpu);
    }
    let median = |v: Vec<f64>| percentile(&sorted(v), 50.0);
    vec![
        ("cached_list_ms".into(), median(warm)),
        ("cached_list_cpu_ms".into(), median(warm_cpu)),
        ("uncached_list_ms".into(), median(cold)),
        ("uncached_list_cpu_ms".into(), median(cold_cpu)),
    ]
}

/// The dashboard started on `dir` with a warm cache: its first screen and its first results,
/// from spawning the process; medians of `rounds` starts.
fn cached_dashboard_figures(dir: &Path, rounds: usize) -> Vec<(String, f64)> {
    let binary = release_binary();
    let cache = binary_cache();
    let env = [("BOUCLE_CACHE_DIR", cache.as_path())];
    // One start to write the cache, if `list` did not.
    let _ = pty::keystroke_to_screen(&binary, &[], &env, dir, &[]);
    let (mut first, mut results) = (Vec::new(), Vec::new());
    for _ in 0..rounds.max(1) {
        let run = pty::keystroke_to_screen(&binary, &[], &env, dir, &[]).expect("the dashboard on a pty");
        first.push(run.first_screen_ms);
        results.push(run.results_ms);
    }
    vec![
        ("cached_first_screen_ms".into(), percentile(&sorted(first), 50.0)),
        ("cached_first_results_ms".into(), percentile(&sorted(results), 50.0)),
    ]
}

/// `examples/serve_load` with `sessions` sessions on `dir` (the bundled catalogue if none),
/// the server starting from its catalogue cache; its figures.
fn serve_figures(dir: Option<&Path>, sessions: usize, slow: bool) -> Vec<(String, f64)> {
    let _ = release_binary();
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    let built = Command::new(cargo).args(["build", "--release", "--quiet", "--example", "serve_load"]).status();
    assert!(built.is_ok_and(|s| s.success()), "cargo build --release --example serve_load failed");
    let exe = std::env::current_exe().expect("own path");
    let mut command = Command::new(exe.with_file_name("serve_load"));
    command.arg(sessions.to_string()).arg("--cache-dir").arg(binary_cache());
    if let Some(dir) = dir {
        command.arg("--catalogue").arg(dir);
    }
    if !slow {
        command.arg("--no-slow");
    }
    let output = command.output().expect("serve_load runs");
    let stdout = String::from_utf8_lossy(&output.stdout);
    print!("{stdout}");
    let Some(line) = stdout.lines().find_map(|l| l.strip_prefix("SERVE ")) else {
        eprintln!("serve_load failed:\n{}", String::from_utf8_lossy(&output.stderr));
        return Vec::new();
    };
    line.split(' ')
        .filter_map(|kv| kv.split_once('='))
        .map(|(k, v)| (k.to_string(), v.parse::<f64>().unwrap_or(f64::NAN)))
        .collect()
}

/// The load average over 1, 5 and 15 minutes (`/proc/loadavg`): the machine is shared, and a
/// figure means little without the load it was measured under.
fn load_average() -> String {
    let text = std::fs::read_to_string("/proc/loadavg").unwrap_or_default();
    text.split_whitespace().take(3).collect::<Vec<_>>().join(" ")
}

/// The catalogue cache of the benchmark's folders, kept beside them.
fn bench_cache() -> boucle::load::cache::Cache {
    boucle::load::cache::Cache::at(std::env::temp_dir().join("boucle-bench-cache"))
}

/// One start from the cache, in this process (a child, so that memory and the allocator are a
/// start's): read and decode the cache, restore the index kept in it (searchable, as the
/// dashboard is before it checks), then check every file against its stamp. Without a usable
/// cache it loads the folder, builds the index, writes both as the dashboard does and says
/// how long writing took.
fn cached_start(dir: &Path) {
    use boucle::load::cache;
    let folders = vec![dir.to_path_buf()];
    let start = Instant::now();
    let Ok((loaded, stored)) = boucle::query::read_cached(&bench_cache(), &folders) else {
        let loaded = load(&CatalogueSource::Folders(folders.clone()));
        let indexed = Indexed::new(loaded.catalogue.clone());
        let start = Instant::now();
        let archived = indexed.engine().archive();
        let parts = cache::Parts { index: archived.as_deref(), ..cache::Parts::of(&loaded) };
        cache::write(&bench_cache(), &folders, &parts).expect("write the cache");
        let written = start.elapsed();
        let bytes =
            cache::file_of(&bench_cache(), &folders).and_then(|p| std::fs::metadata(p).ok()).map_or(0, |m| m.len());
        println!("CACHED cache_write_ms={:.0} cache_mb={:.1}", ms(written), bytes as f64 / 1e6);
        return;
    };
    let read = start.elapsed();
    let stamps = loaded.stamps.clone();
    assert!(stored.is_some(), "the cache keeps the index");
    let (indexed, restored) = Indexed::with_stored(loaded.catalogue, stored);
    assert!(restored, "the index kept in the cache fits its catalogue");
    let searchable = start.elapsed();
    let check = Instant::now();
    let fresh = cache::is_fresh(stamps.as_deref(), &folders);
    let check = check.elapsed();
    assert!(fresh && !indexed.catalogue().is_empty(), "the cache is fresh and holds the catalogue");
    println!(
        "CACHED cache_read_ms={:.0} cache_index_ms={:.0} load_cached_ms={:.0} cache_check_ms={:.0} cached_peak_mb={:.0}",
        ms(read),
        ms(searchable - read),
        ms(searchable),
        ms(check),
        peak_rss_mb()
    );
}

/// The cached start's figures: the first child writes the cache if needed, then `rounds`
/// children start from it; medians.
fn cached_figures(exe: &Path, dir: &Path, rounds: usize) -> Vec<(String, f64)> {
    let run = || {
        let output = Command::new(exe).args(["--cached", &dir.display().to_string()]).output().expect("cached child");
        let stdout = String::from_utf8_lossy(&output.stdout).into_owned();
        let line = stdout.lines().find_map(|l| l.strip_prefix("CACHED ")).map(str::to_string);
        line.unwrap_or_default()
            .split(' ')
            .filter_map(|kv| kv.split_once('='))
            .map(|(k, v)| (k.to_string(), v.parse::<f64>().unwrap_or(f64::NAN)))
            .collect::<Vec<_>>()
    };
    let mut written = run();
    if written.iter().all(|(k, _)| k != "cache_write_ms") {
        // A cache from an earlier run: write it again, to measure writing.
        let _ = boucle::load::cache::clear(&bench_cache());
        written = run();
    }
    let runs: Vec<Vec<(String, f64)>> = (0..rounds.max(1)).map(|_| run()).collect();
    let keys = ["cache_read_ms", "cache_index_ms", "load_cached_ms", "cache_check_ms", "cached_peak_mb"];
    let mut out = written;
    for key in keys {
        let values = sorted(runs.iter().filter_map(|r| r.iter().find(|(k, _)| k == key).map(|(_, v)| *v)).collect());
        out.push((key.to_string(), percentile(&values, 50.0)));
    }
    out
}

/// The binary's allocator, so that load times and peak memory are the dashboard's.
#[global_allocator]
static ALLOCATOR: boucle::allocator::Allocator = mimalloc::MiMalloc;

/// A megabyte pasted into the search box, locally and over SSH: medians of `rounds` rounds, and
/// each against its target (#19: next key 200 ms, RSS 20 MB, SIGTERM 1 s, client gone 1 s).
fn paste_figures(dir: &Path, n: usize, rounds: usize) {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    let built = Command::new(cargo).args(["build", "--release", "--quiet", "--bin", "boucle"]).status();
    assert!(built.is_ok_and(|s| s.success()), "cargo build --release --bin boucle failed");
    let exe = std::env::current_exe().expect("own path");
    let binary = exe.parent().and_then(Path::parent).expect("target/release").join("boucle");
    let median = |mut v: Vec<f64>| {
        v.sort_by(f64::total_cmp);
        v.get(v.len() / 2).copied().unwrap_or(f64::NAN)
    };
    for (place, runs) in [("local", paste::local(&binary, dir, rounds)), ("ssh", paste::ssh(&binary, dir, rounds))] {
        for run in &runs {
            println!("{place} {n}: {run:?}");
        }
        let next = median(runs.iter().map(|r| r.next_key_ms).collect());
        let rss = median(runs.iter().map(|r| r.rss_growth_mb).collect());
        let term = median(runs.iter().map(|r| r.sigterm_ms).collect());
        let gone = median(runs.iter().filter_map(|r| r.client_gone_ms).collect());
        println!(
            "paste_{place}_{n}: next key {next:.0} ms (target 200), RSS +{rss:.1} MB (target 20), \
             SIGTERM to exit {term:.0} ms (target 1000){}",
            if gone.is_nan() {
                String::new()
            } else {
                format!(", client gone to session freed {gone:.0} ms (target 1000)")
            }
        );
    }
}
