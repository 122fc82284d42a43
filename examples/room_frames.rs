//! What one key of a room's session costs the server, part by part, in this thread's CPU time
//! (which the machine's load changes least): the key's `update`, the frame that echoes it (the
//! query line marked `searching…`), the search, taking its results in (`searched`: the result
//! list and the facet rows), and the frame that shows them; with the bytes each frame sends.
//! The keys are `serve_load`'s (the bench's queries typed, erased, then Enter), the session is
//! a room's at 120x40, drawn with ratatui's crossterm backend into memory as the server does.
//!
//! ```sh
//! cargo run --release --example room_frames -- /tmp/boucle-bench-100000-42-v1 --cache-dir /tmp/room-cache
//! ```
//! Prints `ROOM_KEY …` last: medians and means in µs a key.
//!
//! `--cache`: searches are looked up first in a room's search cache (`ui::search_cache`), as a
//! room's sessions do, and kept there; a search found costs what finding it did.
//!
//! `--sessions N [--queries K]`: a room of N sessions instead, each typing K queries of its own
//! (`serve_load --own-queries`' mix, the same seeds), one key of each session in turn, sharing
//! one search cache: what the room's keys cost on one thread, the search cache's hit rate
//! among them, and each key drawn as one frame (its results'). Prints `ROOM_KEYS …` last.
//! `--carried`: a search not found runs as a pool's worker runs it, with its session's narrowing
//! and kept counts (`query::Carried`); without it, with this thread's, which, sessions taking
//! turns, are another session's (as a room's workers did before seats carried their own).

#[path = "bench/queries.rs"]
mod queries;
/// Only its word generator, for `--sessions`.
#[allow(dead_code)]
#[path = "bench/synthetic.rs"]
mod synthetic;

use std::path::PathBuf;
use std::sync::Arc;

use boucle::load::{CatalogueSource, load};
use boucle::query::Indexed;
use boucle::serve::output::{FrameWriter, Next, Outbox, PtySize, SshBackend};
use boucle::text::Lang;
use boucle::ui::{Action, App, Effect, Options, render, update};
use ratatui::Terminal;
use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};

/// This thread's CPU time, in µs.
fn cpu_us() -> f64 {
    let mut t = libc::timespec { tv_sec: 0, tv_nsec: 0 };
    // SAFETY: a valid timespec to fill in.
    unsafe { libc::clock_gettime(libc::CLOCK_THREAD_CPUTIME_ID, &mut t) };
    t.tv_sec as f64 * 1e6 + t.tv_nsec as f64 / 1e3
}

fn indexed(folder: PathBuf, cache: Option<PathBuf>) -> Arc<Indexed> {
    let folders = vec![folder];
    if let Some(cache) = &cache
        && let Ok((loaded, stored)) =
            boucle::query::read_cached(&boucle::load::cache::Cache::at(cache.clone()), &folders)
    {
        return Arc::new(Indexed::with_stored(loaded.catalogue, stored).0);
    }
    Arc::new(Indexed::new(load(&CatalogueSource::Folders(folders)).catalogue))
}

fn key(code: KeyCode) -> Event {
    Event::Key(KeyEvent::new(code, KeyModifiers::NONE))
}

#[derive(Default)]
struct Parts {
    update: Vec<f64>,
    echo: Vec<f64>,
    search: Vec<f64>,
    take: Vec<f64>,
    results: Vec<f64>,
    echo_bytes: Vec<f64>,
    results_bytes: Vec<f64>,
    /// select, filter, count, rank, reset (µs).
    phases: Vec<[f64; 5]>,
}

fn median(values: &[f64]) -> f64 {
    let mut sorted = values.to_vec();
    sorted.sort_by(f64::total_cmp);
    sorted.get(sorted.len() / 2).copied().unwrap_or(f64::NAN)
}

fn mean(values: &[f64]) -> f64 {
    values.iter().sum::<f64>() / values.len().max(1) as f64
}

fn main() {
    boucle::allocator::tune();
    let args: Vec<String> = std::env::args().collect();
    let arg = |name: &str| args.iter().position(|a| a == name).and_then(|i| args.get(i + 1)).cloned();
    let folder = PathBuf::from(args.get(1).expect("a catalogue folder"));
    let rounds: usize = arg("--rounds").and_then(|r| r.parse().ok()).unwrap_or(2);
    let phases = args.iter().any(|a| a == "--phases");
    let cache = args
        .iter()
        .any(|a| a == "--cache")
        .then(|| Arc::new(boucle::ui::search_cache::SearchCache::new(boucle::ui::search_cache::ROOM_BYTES)));
    let indexed = indexed(folder, arg("--cache-dir").map(PathBuf::from));
    if let Some(sessions) = arg("--sessions").and_then(|n| n.parse().ok()) {
        let queries = arg("--queries").and_then(|n| n.parse().ok()).unwrap_or(queries::QUERIES.len());
        return room(indexed, sessions, queries, args.iter().any(|a| a == "--carried"));
    }
    println!(
        "{} entries; load average {}",
        indexed.catalogue().len(),
        std::fs::read_to_string("/proc/loadavg").unwrap_or_default().trim()
    );

    let options = Options { lang: Lang::En, ..Options::default() };
    let mut app = App::new(indexed, Vec::new(), options);
    let _ = update(&mut app, Action::Resize { width: 120, height: 40 });
    // The server's own backend: frames handed whole to an outbox, taken from it here.
    let outbox = Arc::new(Outbox::default());
    let backend = SshBackend::new(FrameWriter::new(outbox.clone()), Arc::new(PtySize::new(120, 40)));
    let mut terminal = Terminal::new(backend).expect("backend");
    render(&mut terminal, &mut app).expect("draw");
    let sent = || match outbox.next() {
        Next::Send(bytes) => bytes.len(),
        _ => 0,
    };
    sent();
    let mut parts = Parts::default();
    for _ in 0..rounds {
        for query in queries::QUERIES {
            let chars: Vec<char> = query.chars().collect();
            let mut keys = vec![key(KeyCode::Char('/'))];
            keys.extend(chars.iter().map(|&c| key(KeyCode::Char(c))));
            keys.extend(chars.iter().map(|_| key(KeyCode::Backspace)));
            keys.push(key(KeyCode::Enter));
            for event in keys {
                let t0 = cpu_us();
                let mut searches = Vec::new();
                for action in boucle::ui::input::actions_for(&app, &event) {
                    for effect in update(&mut app, action) {
                        if let Effect::Search(request) = effect {
                            searches.push(request);
                        }
                    }
                }
                let t1 = cpu_us();
                render(&mut terminal, &mut app).expect("draw");
                let t2 = cpu_us();
                let echo_bytes = sent();
                parts.update.push(t1 - t0);
                parts.echo.push(t2 - t1);
                parts.echo_bytes.push(echo_bytes as f64);
                let Some(request) = searches.pop() else { continue };
                if phases {
                    // The search's phases, in a second run of it (wall time, this thread).
                    let r = &request;
                    let (_, p) = boucle::query::bench_support::search_timed(
                        r.indexed.engine(),
                        r.indexed.catalogue(),
                        &r.query,
                        &r.filters,
                        r.lang,
                        r.limit,
                    );
                    let us = |d: std::time::Duration| d.as_secs_f64() * 1e6;
                    parts.phases.push([us(p.select), us(p.filter), us(p.count), us(p.rank), us(p.reset)]);
                }
                let t2 = cpu_us();
                let response = match &cache {
                    Some(cache) => match cache.find(&request.asked()) {
                        Some(results) => boucle::ui::searcher::Response {
                            indexed: request.indexed,
                            generation: request.generation,
                            results,
                        },
                        None => boucle::ui::searcher::Request { keep_in: Some(cache.clone()), ..*request }.run(),
                    },
                    None => request.run(),
                };
                let t3 = cpu_us();
                boucle::ui::update::searched(&mut app, response);
                let t4 = cpu_us();
                render(&mut terminal, &mut app).expect("draw");
                let t5 = cpu_us();
                parts.search.push(t3 - t2);
                parts.take.push(t4 - t3);
                parts.results.push(t5 - t4);
                parts.results_bytes.push(sent() as f64);
            }
        }
    }
    let line =
        |name: &str, v: &[f64]| println!("{name:>14}: median {:8.1}  mean {:8.1}  (n {})", median(v), mean(v), v.len());
    line("update µs", &parts.update);
    line("echo frame µs", &parts.echo);
    line("search µs", &parts.search);
    line("take µs", &parts.take);
    line("results fr µs", &parts.results);
    for (i, name) in ["select µs", "filter µs", "count µs", "rank µs", "reset µs"].iter().enumerate() {
        if !parts.phases.is_empty() {
            line(name, &parts.phases.iter().map(|p| p[i]).collect::<Vec<_>>());
        }
    }
    line("echo bytes", &parts.echo_bytes);
    line("results bytes", &parts.results_bytes);
    let per_key = mean(&parts.update)
        + mean(&parts.echo)
        + (mean(&parts.search) + mean(&parts.take) + mean(&parts.results)) * parts.search.len() as f64
            / parts.update.len().max(1) as f64;
    if let Some(cache) = &cache {
        println!("cache: {:?}", cache.counts());
    }
    println!(
        "ROOM_KEY keys={} searches={} update_us={:.0} echo_frame_us={:.0} search_us={:.0} take_us={:.0} results_frame_us={:.0} per_key_us={per_key:.0} echo_bytes={:.0} results_bytes={:.0}",
        parts.update.len(),
        parts.search.len(),
        mean(&parts.update),
        mean(&parts.echo),
        mean(&parts.search),
        mean(&parts.take),
        mean(&parts.results),
        mean(&parts.echo_bytes),
        mean(&parts.results_bytes),
    );
}

/// `serve_load --own-queries`' keys for session `offset`: each query typed, erased, then Enter.
fn own_keys(offset: usize, queries: usize) -> Vec<Event> {
    let mut rng = synthetic::Rng::new(42);
    let words = synthetic::Words::new(&mut rng, 6000);
    let mut rng = synthetic::Rng::new(1000 + offset as u64);
    let mut keys = Vec::new();
    for _ in 0..queries {
        let query = words.query(&mut rng);
        keys.push(key(KeyCode::Char('/')));
        keys.extend(query.chars().map(|c| key(KeyCode::Char(c))));
        keys.extend(query.chars().map(|_| key(KeyCode::Backspace)));
        keys.push(key(KeyCode::Enter));
    }
    keys
}

/// `sessions` sessions typing their own queries one key each in turn, on this thread, sharing
/// one search cache; each key's search looked up there first, each key drawn once.
fn room(indexed: Arc<Indexed>, sessions: usize, queries: usize, carried: bool) {
    use boucle::query::Carried;
    use boucle::ui::search_cache::SearchCache;
    use boucle::ui::search_pool::Job;
    use boucle::ui::searcher::{Request, Response};
    println!(
        "{} entries, {sessions} sessions, {queries} queries each; load average {}",
        indexed.catalogue().len(),
        std::fs::read_to_string("/proc/loadavg").unwrap_or_default().trim()
    );
    let cache = Arc::new(SearchCache::new(SearchCache::room_budget(sessions)));
    let outbox = Arc::new(Outbox::default());
    let mut room: Vec<(App, Terminal<SshBackend>, std::vec::IntoIter<Event>, Carried)> = (0..sessions)
        .map(|i| {
            let options = Options { lang: Lang::En, ..Options::default() };
            let mut app = App::new(indexed.clone(), Vec::new(), options);
            let _ = update(&mut app, Action::Resize { width: 120, height: 40 });
            let backend = SshBackend::new(FrameWriter::new(outbox.clone()), Arc::new(PtySize::new(120, 40)));
            let mut terminal = Terminal::new(backend).expect("backend");
            render(&mut terminal, &mut app).expect("draw");
            (app, terminal, own_keys(i, queries).into_iter(), Carried::default())
        })
        .collect();
    let _ = outbox.next();
    let (mut keys, mut searches, mut bytes) = (0usize, 0usize, 0usize);
    let (mut search_us, mut frame_us, mut run_us, mut runs) = (0.0, 0.0, 0.0, 0usize);
    let started = cpu_us();
    loop {
        let mut typed = false;
        for (app, terminal, next, kept) in &mut room {
            let Some(event) = next.next() else { continue };
            typed = true;
            keys += 1;
            let mut asked = None;
            for action in boucle::ui::input::actions_for(app, &event) {
                for effect in update(app, action) {
                    if let Effect::Search(request) = effect {
                        asked = Some(request);
                    }
                }
            }
            if let Some(request) = asked {
                searches += 1;
                let t = cpu_us();
                let response = match cache.find(&request.asked()) {
                    Some(results) => Response { indexed: request.indexed, generation: request.generation, results },
                    None => {
                        let (request, ran) = (Request { keep_in: Some(cache.clone()), ..*request }, cpu_us());
                        let response = if carried { Job::run(request, kept) } else { request.run() };
                        (run_us, runs) = (run_us + cpu_us() - ran, runs + 1);
                        response
                    }
                };
                boucle::ui::update::searched(app, response);
                search_us += cpu_us() - t;
            }
            let t = cpu_us();
            render(terminal, app).expect("draw");
            frame_us += cpu_us() - t;
            if let Next::Send(sent) = outbox.next() {
                bytes += sent.len();
            }
        }
        if !typed {
            break;
        }
    }
    let total = cpu_us() - started;
    let counts = cache.counts();
    println!("cache: {counts:?}");
    println!(
        "ROOM_KEYS sessions={sessions} carried={carried} keys={keys} searches={searches} found={} runs={runs} us_per_run={:.0} per_key_us={:.0} search_us_per_key={:.0} frame_us_per_key={:.0} bytes_per_key={:.0}",
        counts.found,
        run_us / runs.max(1) as f64,
        total / keys.max(1) as f64,
        search_us / keys.max(1) as f64,
        frame_us / keys.max(1) as f64,
        bytes as f64 / keys.max(1) as f64,
    );
}
