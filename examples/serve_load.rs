//! Load benchmark of `boucle serve` (not a timed test): N concurrent SSH sessions over
//! loopback from russh's client, each typing the benchmark's queries key by key at a typist's
//! pace, at 120x40, on the bundled catalogue or on a catalogue folder (`--catalogue DIR`: the
//! benchmark's 100k synthetic folder). Each session reads its stream back through `vt100`, as
//! a terminal would show it, and each key is timed:
//! - **settled**: from the key's bytes sent to the last byte of the frame that shows its
//!   results: the query line shows what was typed, without the `searching…` mark, and the
//!   bytes so far end a frame (ratatui ends each frame by showing or hiding the cursor). When
//!   the query line shows a problem instead of the mark, the echo and the results cannot be
//!   told apart: the last frame before the output stays quiet for 30 ms is taken;
//! - **first bytes**: to the first bytes back (the key's echo, usually).
//!
//! Also: the server's RSS with no session, with 20 and with N, its peak while typing, and the
//! RSS per added session; then (unless `--no-slow`) a slow client (OpenSSH with its output
//! never read) that keeps typing, and the server's RSS while it does.
//!
//! `--own-queries`: each session types a mix of its own instead of the bench's queries: 11
//! queries of one or two words drawn (seeded by the session's number) as the synthetic
//! catalogue's text draws its words, so sessions share only what chance and the vocabulary
//! give, not the queries themselves (the room's search cache is measured both ways).
//!
//! `--openssh`: then one real OpenSSH client (`ssh -tt`) on a pseudo-terminal (`bench/pty.rs`,
//! 200x60), alone in the room, types the same keys, each timed the same way from its bytes
//! written to the terminal to the frame read back from it. `--server PATH` serves with another
//! build of `boucle` (a baseline's, to alternate with).
//!
//! ```sh
//! cargo build --release && cargo run --release --example serve_load            # 100 sessions, bundled catalogue
//! cargo run --release --example serve_load -- 200 --catalogue /tmp/boucle-bench-100000-42-v1
//! cargo run --release --example serve_load -- 0 --openssh --no-slow --catalogue /tmp/boucle-bench-100000-42-v1
//! ```
//! Prints `SERVE serve_settled_p99_ms=… serve_first_p99_ms=… serve_rss_mb_per_session=…` last
//! (and `OPENSSH openssh_settled_p99_ms=…` with `--openssh`).

/// A real terminal for the OpenSSH client: the dashboard bench's, of which only the opening
/// and the reading are used here.
#[allow(dead_code)]
#[path = "bench/pty.rs"]
mod pty;
#[path = "bench/queries.rs"]
mod queries;
#[path = "bench/room.rs"]
mod room;
/// Only its word generator, for `--own-queries`.
#[allow(dead_code)]
#[path = "bench/synthetic.rs"]
mod synthetic;

use queries::QUERIES;
use room::{
    Link, Login, Session, cpu_ms, first_screen, load_average, mb, open, percentile, quiet, rss_kb, start_server,
};
use std::io::Write;
use std::path::PathBuf;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

const KEY_PAUSE: Duration = Duration::from_millis(150);
/// The mark the query line shows while a search runs (sessions log in as `en`).
const SEARCHING: &str = "searching…";

/// What the query line says about `typed`: its results are shown (Some(true)), not yet
/// (Some(false)), or it cannot tell (a problem is shown instead of the mark: None).
fn shows_results(session: &Session, typed: &str) -> Option<bool> {
    let contents = session.contents();
    let Some(line) = contents.lines().find(|l| l.starts_with(" / ")) else { return Some(false) };
    if !typed.is_empty() && !line[3..].starts_with(typed) {
        return Some(false);
    }
    if line.contains('⚠') {
        return None;
    }
    Some(!line.contains(SEARCHING))
}

/// `ssh`'s arguments to log in to the room as `en`, with no host key check (a fresh key per run).
fn ssh_args(port: u16, data: &std::path::Path) -> Vec<String> {
    let config = data.join("ssh_config");
    std::fs::write(&config, "Host *\n StrictHostKeyChecking no\n UserKnownHostsFile /dev/null\n LogLevel ERROR\n")
        .unwrap();
    ["-tt", "-F", config.to_str().unwrap(), "-p", &port.to_string(), "en@127.0.0.1"].map(String::from).to_vec()
}

/// OpenSSH's client on a pseudo-terminal, logged in, its first screen drawn.
async fn open_openssh(port: u16, data: &std::path::Path) -> Result<Session, room::Failed> {
    let args = ssh_args(port, data);
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let pty = pty::open(std::path::Path::new("ssh"), &args, &[])?;
    let mut session = Session::new(Link::OpenSsh(Box::new(pty)), pty::SIZE);
    session.until(first_screen).await?;
    quiet(&mut session).await;
    Ok(session)
}

/// Sends `bytes`, after which the query line should show `typed`; returns the (first bytes,
/// settled) latencies in ms, and whether the settled one is the last frame's (the query line
/// showed a problem).
async fn key(session: &mut Session, bytes: &[u8], typed: &str) -> Option<(f64, f64, bool)> {
    let sent = Instant::now();
    session.link.send(bytes).await?;
    let mut first = None;
    let mut settled = None;
    let mut unclear = false;
    while settled.is_none() {
        let (at, data) = session.link.next(Duration::from_secs(10)).await?;
        first.get_or_insert(at);
        session.received(&data);
        if session.frame_ended() {
            match shows_results(session, typed) {
                Some(true) => settled = Some(at),
                Some(false) => {}
                None => {
                    unclear = true;
                    break;
                }
            }
        }
    }
    let last = quiet(session).await;
    let settled = if unclear { last.or(first)? } else { settled? };
    let ms = |at: Instant| at.duration_since(sent).as_secs_f64() * 1000.0;
    Some((ms(first?), ms(settled), unclear))
}

/// What session `offset` types: the bench's queries from its own starting point, or (`own`) a
/// mix of its own.
fn queries_of(offset: usize, own: bool) -> Vec<String> {
    if own {
        let mut rng = synthetic::Rng::new(42);
        let words = synthetic::Words::new(&mut rng, 6000);
        let mut rng = synthetic::Rng::new(1000 + offset as u64);
        return (0..QUERIES.len()).map(|_| words.query(&mut rng)).collect();
    }
    (0..QUERIES.len()).map(|round| QUERIES[(round + offset) % QUERIES.len()].to_string()).collect()
}

async fn type_queries(mut session: Session, offset: usize, own: bool) -> Vec<(f64, f64, bool)> {
    let mut samples = Vec::new();
    tokio::time::sleep(Duration::from_millis((offset as u64 * 37) % 150)).await;
    for query in queries_of(offset, own) {
        // Each key with what the query line then shows.
        let mut keys: Vec<(Vec<u8>, String)> = vec![(b"/".to_vec(), String::new())];
        let chars: Vec<char> = query.chars().collect();
        keys.extend((1..=chars.len()).map(|i| (chars[i - 1].to_string().into_bytes(), chars[..i].iter().collect())));
        keys.extend((0..chars.len()).rev().map(|i| (b"\x7f".to_vec(), chars[..i].iter().collect())));
        keys.push((b"\r".to_vec(), String::new()));
        for (bytes, typed) in keys {
            if let Some(sample) = key(&mut session, &bytes, &typed).await {
                samples.push(sample);
            }
            tokio::time::sleep(KEY_PAUSE).await;
        }
    }
    let _ = session.link.send(b"q").await;
    samples
}

/// One OpenSSH client alone in the room types every query; its keys timed as the room's are.
async fn openssh_alone(port: u16, data: &std::path::Path) {
    let session = open_openssh(port, data).await.expect("OpenSSH logs in and draws");
    let load_before = load_average();
    let samples = type_queries(session, 0, false).await;
    println!("OpenSSH alone: load average {load_before} before, {} after", load_average());
    let mut first: Vec<f64> = samples.iter().map(|s| s.0).collect();
    let mut settled: Vec<f64> = samples.iter().map(|s| s.1).collect();
    // A frame held back after the key's echo came (the ~40 ms of #25): settled long after.
    let held = samples.iter().filter(|(f, s, _)| s - f >= 30.0).count();
    first.sort_by(f64::total_cmp);
    settled.sort_by(f64::total_cmp);
    let (fp50, fp99, sp50, sp99) =
        (percentile(&first, 0.5), percentile(&first, 0.99), percentile(&settled, 0.5), percentile(&settled, 0.99));
    println!(
        "OpenSSH alone: key → first bytes p50 {fp50:.1} ms, p99 {fp99:.1} ms; key → settled p50 {sp50:.1} ms, p99 {sp99:.1} ms, max {:.1} ms; {held} of {} keys settled 30 ms or more after their first bytes",
        percentile(&settled, 1.0),
        samples.len()
    );
    println!(
        "OPENSSH openssh_settled_p99_ms={sp99:.1} openssh_settled_p50_ms={sp50:.1} openssh_first_p99_ms={fp99:.1} openssh_first_p50_ms={fp50:.1} held={held} keys={}",
        samples.len()
    );
}

#[tokio::main(flavor = "multi_thread", worker_threads = 2)]
async fn main() {
    let args: Vec<String> = std::env::args().collect();
    let arg = |name: &str| args.iter().position(|a| a == name).and_then(|i| args.get(i + 1)).cloned();
    let sessions: usize = args.get(1).and_then(|a| a.parse().ok()).unwrap_or(100);
    let catalogue = arg("--catalogue").map(PathBuf::from);
    // The server's catalogue cache (a start from it takes a second at 100k, a load minutes on
    // a busy machine); without it, --no-cache.
    let cache = arg("--cache-dir").map(PathBuf::from);
    let slow = !args.iter().any(|a| a == "--no-slow");
    let openssh = args.iter().any(|a| a == "--openssh");
    let own = args.iter().any(|a| a == "--own-queries");
    let data = tempfile::tempdir().unwrap();
    let folders: Vec<PathBuf> = catalogue.into_iter().collect();
    let server_binary = arg("--server").map(PathBuf::from);
    let (mut server, port) = start_server(server_binary.as_deref(), &["--open"], &folders, data.path(), cache.as_ref());
    let pid = server.id();
    tokio::time::sleep(Duration::from_millis(300)).await;
    if sessions > 0 {
        room(sessions, port, pid, own).await;
    }
    if openssh {
        openssh_alone(port, data.path()).await;
    }
    if slow {
        slow_client(port, pid, data.path()).await;
    }
    let _ = server.kill();
    let _ = server.wait();
}

/// `sessions` russh clients typing at once, timed; the server's memory as they open and type.
async fn room(sessions: usize, port: u16, pid: u32, own: bool) {
    let rss_empty = rss_kb(pid, "VmRSS");

    let mut opened = Vec::new();
    let mut rss_at = Vec::new();
    let opening = Instant::now();
    for i in 0..sessions {
        opened.push(open(port, Login::Open("en"), first_screen).await.expect("a session opens"));
        if i + 1 == 20.min(sessions) || i + 1 == sessions {
            tokio::time::sleep(Duration::from_millis(300)).await;
            rss_at.push((i + 1, rss_kb(pid, "VmRSS")));
        }
    }
    println!("{sessions} sessions open in {:.1} s", opening.elapsed().as_secs_f64());

    let typing = Instant::now();
    let (cpu_before, load_before) = ((cpu_ms(&pid.to_string()) / 1000.0), load_average());
    // This client reads every frame back through vt100, on the same cores as the server.
    let client_before = cpu_ms(&std::process::id().to_string()) / 1000.0;
    let tasks: Vec<_> =
        opened.into_iter().enumerate().map(|(i, session)| tokio::spawn(type_queries(session, i, own))).collect();
    let mut peak_during = 0;
    while !tasks.iter().all(|t| t.is_finished()) {
        peak_during = peak_during.max(rss_kb(pid, "VmRSS"));
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    let mut first = Vec::new();
    let mut settled = Vec::new();
    let mut unclear = 0;
    for task in tasks {
        for (f, s, u) in task.await.unwrap_or_default() {
            first.push(f);
            settled.push(s);
            unclear += usize::from(u);
        }
    }
    first.sort_by(f64::total_cmp);
    settled.sort_by(f64::total_cmp);
    let typed_for = typing.elapsed().as_secs_f64();
    let keys_per_second = first.len() as f64 / typed_for;
    let cpu = (cpu_ms(&pid.to_string()) / 1000.0) - cpu_before;
    let client = (cpu_ms(&std::process::id().to_string()) / 1000.0) - client_before;
    println!(
        "typing: {typed_for:.1} s, server CPU {cpu:.1} s ({:.2} cores, {:.2} ms a key), this client's CPU {client:.1} s, load average {load_before} before, {} after",
        cpu / typed_for,
        cpu * 1000.0 / (first.len().max(1) as f64),
        load_average()
    );
    let hwm = rss_kb(pid, "VmHWM");

    let (n1, rss1) = rss_at[0];
    let (n2, rss2) = *rss_at.last().unwrap();
    let per_session_open = (mb(rss2) - mb(rss1)) / (n2 - n1).max(1) as f64;
    let per_session_peak = (mb(peak_during) - mb(rss_empty)) / sessions as f64;
    let per_session = per_session_open.max(per_session_peak);
    println!(
        "server RSS: empty {:.1} MB, {n1} sessions {:.1} MB, {n2} sessions {:.1} MB; while typing peak {:.1} MB; VmHWM {:.1} MB",
        mb(rss_empty),
        mb(rss1),
        mb(rss2),
        mb(peak_during),
        mb(hwm)
    );
    println!(
        "RSS per added session: {per_session_open:.2} MB opening ({n1}→{n2}), {per_session_peak:.2} MB at the typing peak (over empty)"
    );
    println!(
        "key → first bytes: p50 {:.1} ms, p99 {:.1} ms; key → the frame with its results: p50 {:.1} ms, p99 {:.1} ms, max {:.1} ms; {} keys ({unclear} timed to their last frame), {keys_per_second:.0} keys/s",
        percentile(&first, 0.5),
        percentile(&first, 0.99),
        percentile(&settled, 0.5),
        percentile(&settled, 0.99),
        percentile(&settled, 1.0),
        first.len()
    );

    println!(
        "SERVE sessions={sessions} queries={} serve_settled_p99_ms={:.1} serve_settled_p50_ms={:.1} serve_first_p99_ms={:.1} serve_first_p50_ms={:.1} serve_rss_mb_per_session={per_session:.2} keys={}",
        if own { "own" } else { "bench" },
        percentile(&settled, 0.99),
        percentile(&settled, 0.5),
        percentile(&first, 0.99),
        percentile(&first, 0.5),
        first.len()
    );
}

/// OpenSSH whose output nobody reads, typing on for 15 s: the server's memory stays bounded.
async fn slow_client(port: u16, pid: u32, data: &std::path::Path) {
    tokio::time::sleep(Duration::from_millis(500)).await;
    let rss_before_slow = rss_kb(pid, "VmRSS");
    let mut slow = Command::new("ssh")
        .args(ssh_args(port, data))
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("ssh (openssh-client) runs");
    let mut slow_in = slow.stdin.take().unwrap();
    let mut slow_peak = 0;
    let slow_start = Instant::now();
    let mut round = 0;
    while slow_start.elapsed() < Duration::from_secs(15) {
        // Each round changes the whole result list: a big frame that nobody reads.
        let query = QUERIES[round % QUERIES.len()];
        let _ = slow_in.write_all(format!("/{query}\r").as_bytes());
        let _ = slow_in.write_all(&b"\x7f".repeat(query.len() + 1));
        let _ = slow_in.write_all(b"\r");
        let _ = slow_in.flush();
        round += 1;
        tokio::time::sleep(Duration::from_millis(20)).await;
        slow_peak = slow_peak.max(rss_kb(pid, "VmRSS"));
    }
    let _ = slow.kill();
    let _ = slow.wait();
    println!(
        "slow client (never reads, {round} queries typed in 15 s): server RSS {:.1} MB before, peak {:.1} MB (+{:.1} MB)",
        mb(rss_before_slow),
        mb(slow_peak),
        mb(slow_peak) - mb(rss_before_slow)
    );
}
