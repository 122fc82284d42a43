//! Benchmark of a room that follows a presentation (#21; not a timed test): `boucle serve
//! --presentation TOUR` on the 100k synthetic catalogue, with a tour of 20 stops written beside
//! it at run time (a folder of its own under the temporary folder, merged with `--catalogue`;
//! never under `practices/`). N followers (200) log in with the room's password over loopback
//! from russh's client, at 120x40, and press `f`; a facilitator's session (logged in with
//! `--facilitator-password-file`) steps → through the 20 stops and ← back, one key every
//! 500 ms. Each follower reads its stream back through `vt100`, as a terminal would show it.
//!
//! Measured, for each step and each follower: from the driver's key sent to the last byte of
//! the follower's first frame that shows the new stop (its footer reads ` N/20 · ⏱`; a frame
//! ends where ratatui hides the cursor, or shows and moves it). A follower that never shows a
//! stop (its frames merged past it) counts as missed. Also: the server's RSS empty, with 20
//! and with N followers, and its peak while stepping; the server's CPU time while stepping,
//! and this client's (which shares the cores); the load average.
//!
//! ```sh
//! cargo build --release && cargo run --release --example follow_load        # 200 followers, 100k
//! cargo run --release --example follow_load -- 50 --rounds 2 --catalogue DIR --cache-dir DIR
//! cargo run --release --example follow_load -- 200 --server /tmp/base/boucle   # another build
//! ```
//! Without `--catalogue`, the 100k folder of `examples/bench` (`boucle-bench-100000-42-v1`
//! under the temporary folder) is used, and written first when it is not there. Prints
//! `follow_p99_ms_200=… follow_rss_mb_per_session=…` last.

/// The OpenSSH side of the room's sessions (`serve_load --openssh`), unused here.
#[allow(dead_code)]
#[path = "bench/pty.rs"]
mod pty;
#[path = "bench/room.rs"]
mod room;
#[path = "bench/synthetic.rs"]
mod synthetic;

use room::{
    HEIGHT, Login, Session, WIDTH, cpu_ms, first_screen, load_average, mb, open, percentile, quiet, rss_kb,
    start_server,
};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use tokio::sync::watch;

/// The tour's stops.
const STOPS: usize = 20;
const TOUR: &str = "bench-follow-tour";
const ROOM_PASSWORD: &str = "salle-bench";
const FACILITATOR_PASSWORD: &str = "animer-bench";
/// After the last step, how long followers are given to show it.
const GRACE: Duration = Duration::from_secs(10);

/// The stop a present-mode screen shows, from its footer's ` N/20 · ⏱` on the last row (read
/// alone: the client shares the cores with the server).
fn shown_stop(session: &Session) -> Option<usize> {
    let footer = session.screen.screen().contents_between(HEIGHT - 1, 0, HEIGHT - 1, WIDTH);
    let before = &footer[..footer.find(" · ⏱")?];
    let (stop, stops) = before.rsplit(' ').next()?.split_once('/')?;
    (stops.parse::<usize>().ok()? == STOPS).then(|| stop.parse().ok()).flatten()
}

/// The 100k folder the engine's benchmark writes (`examples/bench`), written once.
fn catalogue_folder() -> PathBuf {
    let dir = std::env::temp_dir().join("boucle-bench-100000-42-v1");
    let marker = dir.join(".complete");
    if !marker.exists() {
        let _ = std::fs::remove_dir_all(&dir);
        eprintln!("generating 100000 entries in {} …", dir.display());
        synthetic::write_catalogue(&dir, 100_000, 42).expect("write the synthetic catalogue");
        std::fs::write(&marker, "").expect("write marker");
    }
    dir
}

/// A folder holding only the tour: 20 stops spread over the catalogue's good practices, each
/// with a note. Written only when it differs, so that the server's cache stays valid.
fn tour_folder(catalogue: &Path) -> PathBuf {
    let mut ids: Vec<String> = std::fs::read_dir(catalogue.join("good-practices"))
        .expect("the catalogue has good practices")
        .filter_map(|e| e.ok()?.file_name().to_str()?.strip_suffix(".ron").map(str::to_string))
        .collect();
    ids.sort();
    assert!(ids.len() >= STOPS, "{} has fewer than {STOPS} good practices", catalogue.display());
    let stops: String = (0..STOPS)
        .map(|i| {
            let id = &ids[i * ids.len() / STOPS];
            format!(
                "        (entry: \"{id}\", note: (fr: \"Étape {n} : dire pourquoi cette pratique compte pour la région.\", en: \"Stop {n}: say why this practice matters to the region.\")),\n",
                n = i + 1
            )
        })
        .collect();
    let text = format!(
        "Tour(\n    title: (fr: \"Parcours du banc d'essai\", en: \"The benchmark's tour\"),\n    summary: (fr: \"Vingt étapes pour une salle qui suit.\", en: \"Twenty stops for a room that follows.\"),\n    stops: [\n{stops}    ],\n)\n"
    );
    let dir = std::env::temp_dir().join("boucle-bench-follow-tour-v1");
    let file = dir.join("tours").join(format!("{TOUR}.ron"));
    if std::fs::read_to_string(&file).ok().as_deref() != Some(text.as_str()) {
        std::fs::create_dir_all(file.parent().unwrap()).expect("the tour's folder");
        std::fs::write(&file, text).expect("write the tour");
    }
    dir
}

/// A follower's stream, read from its opening (a stream left unread piles up clock frames that
/// would be timed with the first steps) until the deadline `until` is given and passed: each
/// time the stop it shows changes, at the end of a frame, which stop and when.
async fn watch(mut session: Session, mut until: watch::Receiver<Option<Instant>>) -> Vec<(usize, Instant)> {
    let mut seen = Vec::new();
    let mut shown = shown_stop(&session);
    loop {
        let deadline = *until.borrow();
        let data = match deadline {
            Some(at) => match session.link.next(at.saturating_duration_since(Instant::now())).await {
                Some((_, data)) => data,
                None => break,
            },
            None => tokio::select! {
                next = session.link.next(Duration::from_secs(3600)) => match next {
                    Some((_, data)) => data,
                    None => break,
                },
                _ = until.changed() => continue,
            },
        };
        session.received(&data);
        if !session.frame_ended() {
            continue;
        }
        let now = shown_stop(&session);
        if now != shown {
            if let Some(stop) = now {
                seen.push((stop, Instant::now()));
            }
            shown = now;
        }
    }
    seen
}

/// Latencies in ms of the steps a follower showed, matched in order (its stops are a
/// subsequence of the steps' when frames merged), and how many steps it missed.
fn latencies(steps: &[(usize, Instant)], seen: &[(usize, Instant)]) -> (Vec<f64>, usize) {
    let mut times = Vec::new();
    let mut next = 0;
    for (stop, at) in seen {
        let Some(found) = steps[next..].iter().position(|(s, _)| s == stop) else { continue };
        let (_, sent) = steps[next + found];
        times.push(at.duration_since(sent).as_secs_f64() * 1000.0);
        next += found + 1;
    }
    let missed = steps.len() - times.len();
    (times, missed)
}

// The client's threads compete with the server's 200 session threads for the cores: with 2, a
// loaded machine's scheduler starved the reading of the frames, not their making.
#[tokio::main(flavor = "multi_thread", worker_threads = 16)]
async fn main() {
    let args: Vec<String> = std::env::args().collect();
    let arg = |name: &str| args.iter().position(|a| a == name).and_then(|i| args.get(i + 1)).cloned();
    let followers: usize = args.get(1).and_then(|a| a.parse().ok()).unwrap_or(200);
    let rounds: usize = arg("--rounds").and_then(|r| r.parse().ok()).unwrap_or(1);
    let interval = Duration::from_millis(arg("--interval-ms").and_then(|r| r.parse().ok()).unwrap_or(500));
    let catalogue = arg("--catalogue").map_or_else(catalogue_folder, PathBuf::from);
    // The catalogue cache of `examples/bench`'s runs of the server; without it, a load of 100k
    // files at each start.
    let cache =
        arg("--cache-dir").map_or_else(|| std::env::temp_dir().join("boucle-bench-cache-binary"), PathBuf::from);
    let tour = tour_folder(&catalogue);

    let data = tempfile::tempdir().unwrap();
    let (room_file, facilitator_file) = (data.path().join("room"), data.path().join("facilitator"));
    std::fs::write(&room_file, ROOM_PASSWORD).unwrap();
    std::fs::write(&facilitator_file, FACILITATOR_PASSWORD).unwrap();
    let access = [
        "--password-file",
        room_file.to_str().unwrap(),
        "--facilitator-password-file",
        facilitator_file.to_str().unwrap(),
        "--presentation",
        TOUR,
    ];
    // Another build of the server (a baseline, run alternately with this one).
    let binary = arg("--server").map(PathBuf::from);
    let (mut server, port) = start_server(binary.as_deref(), &access, &[catalogue, tour], data.path(), Some(&cache));
    let pid = server.id();
    tokio::time::sleep(Duration::from_millis(300)).await;
    // Not a base for the figures per follower: a start from the cache may still be writing it.
    let rss_empty = rss_kb(pid, "VmRSS");

    let on_first_stop = |s: &Session| shown_stop(s) == Some(1);
    let mut driver = open(port, Login::Password("en", FACILITATOR_PASSWORD), on_first_stop)
        .await
        .expect("the facilitator's session opens on the tour's first stop");
    let (deadline, until) = watch::channel(None);
    let mut tasks = Vec::new();
    let mut rss_at = Vec::new();
    let opening = Instant::now();
    for i in 0..followers {
        let mut session =
            open(port, Login::Password("en", ROOM_PASSWORD), first_screen).await.expect("a follower's session opens");
        session.link.send(b"f").await.expect("f is sent");
        session.until(on_first_stop).await.expect("f follows, on the first stop");
        quiet(&mut session).await;
        tasks.push(tokio::spawn(watch(session, until.clone())));
        if i + 1 == 20.min(followers) || i + 1 == followers {
            tokio::time::sleep(Duration::from_millis(300)).await;
            rss_at.push((i + 1, rss_kb(pid, "VmRSS")));
        }
    }
    println!(
        "{followers} followers on stop 1 in {:.1} s (load average {})",
        opening.elapsed().as_secs_f64(),
        load_average()
    );

    // Forward through the stops and back, `rounds` times.
    let mut plan = Vec::new();
    for _ in 0..rounds {
        plan.extend((2..=STOPS).map(|stop| (stop, &b"\x1b[C"[..])));
        plan.extend((1..STOPS).rev().map(|stop| (stop, &b"\x1b[D"[..])));
    }
    let began = Instant::now() + Duration::from_millis(500);
    let _ = deadline.send(Some(began + interval * plan.len() as u32 + GRACE));
    let (server_cpu, own_cpu) = (cpu_ms(&pid.to_string()), cpu_ms("self"));
    let load_before = load_average();
    let mut steps = Vec::new();
    let mut peak = 0;
    for (k, (stop, key)) in plan.iter().enumerate() {
        tokio::time::sleep_until((began + interval * k as u32).into()).await;
        steps.push((*stop, Instant::now()));
        driver.link.send(key).await.expect("the driver's key is sent");
        peak = peak.max(rss_kb(pid, "VmRSS"));
        // The driver's own stream is read, as its terminal would.
        quiet(&mut driver).await;
    }
    let stepping = steps.last().map_or(Duration::ZERO, |(_, at)| at.duration_since(steps[0].1)) + interval;
    let mut samples = Vec::new();
    let mut missed = 0;
    for task in tasks {
        let seen = task.await.unwrap_or_default();
        let (times, lost) = latencies(&steps, &seen);
        samples.extend(times);
        missed += lost;
    }
    let server_cpu = cpu_ms(&pid.to_string()) - server_cpu;
    let own_cpu = cpu_ms("self") - own_cpu;
    let load_after = load_average();
    samples.sort_by(f64::total_cmp);
    let hwm = rss_kb(pid, "VmHWM");
    let _ = server.kill();
    let _ = server.wait();

    let (n1, rss1) = rss_at[0];
    let (n2, rss2) = *rss_at.last().unwrap();
    let per_open = (mb(rss2) - mb(rss1)) / (n2 - n1).max(1) as f64;
    // The growth from 20 followers to the stepping peak, per follower added.
    let per_peak = (mb(peak) - mb(rss1)) / (n2 - n1).max(1) as f64;
    let per_session = per_open.max(per_peak);
    println!(
        "server RSS: empty {:.1} MB, {n1} followers {:.1} MB, {n2} followers {:.1} MB; stepping peak {:.1} MB; VmHWM {:.1} MB",
        mb(rss_empty),
        mb(rss1),
        mb(rss2),
        mb(peak),
        mb(hwm)
    );
    println!(
        "RSS per follower: {per_open:.2} MB opening ({n1}→{n2}), {per_peak:.2} MB to the stepping peak (from {n1})"
    );
    println!(
        "CPU while stepping ({:.1} s, {} steps): server {:.0} ms ({:.1} ms a step, {:.0} µs a follower's frame), this client {:.0} ms; load average {load_before} before, {load_after} after",
        stepping.as_secs_f64(),
        steps.len(),
        server_cpu,
        server_cpu / steps.len() as f64,
        server_cpu * 1000.0 / (steps.len() * followers) as f64,
        own_cpu
    );
    println!(
        "driver's key → a follower's frame on the new stop: p50 {:.1} ms, p99 {:.1} ms, max {:.1} ms; {} samples, {missed} missed of {}",
        percentile(&samples, 0.5),
        percentile(&samples, 0.99),
        percentile(&samples, 1.0),
        samples.len(),
        steps.len() * followers
    );
    println!(
        "FOLLOW followers={followers} follow_p99_ms_{followers}={:.1} follow_p50_ms={:.1} follow_max_ms={:.1} follow_rss_mb_per_session={per_session:.2} missed={missed} load=\"{load_after}\"",
        percentile(&samples, 0.99),
        percentile(&samples, 0.5),
        percentile(&samples, 1.0),
    );
}
