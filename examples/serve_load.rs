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
//! ```sh
//! cargo build --release && cargo run --release --example serve_load            # 100 sessions, bundled catalogue
//! cargo run --release --example serve_load -- 200 --catalogue /tmp/boucle-bench-100000-42-v1
//! ```
//! Prints `SERVE serve_settled_p99_ms=… serve_first_p99_ms=… serve_rss_mb_per_session=…` last.

#[path = "bench/queries.rs"]
mod queries;
#[path = "bench/room.rs"]
mod room;

use queries::QUERIES;
use room::{Login, Session, first_screen, mb, open, percentile, quiet, rss_kb, start_server};
use std::io::Write;
use std::path::PathBuf;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use russh::ChannelMsg;

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

/// Sends `bytes`, after which the query line should show `typed`; returns the (first bytes,
/// settled) latencies in ms, and whether the settled one is the last frame's (the query line
/// showed a problem).
async fn key(session: &mut Session, bytes: &[u8], typed: &str) -> Option<(f64, f64, bool)> {
    let sent = Instant::now();
    session.channel.data(bytes).await.ok()?;
    let mut first = None;
    let mut settled = None;
    let mut unclear = false;
    while settled.is_none() {
        let message = tokio::time::timeout(Duration::from_secs(10), session.channel.wait()).await.ok()??;
        let ChannelMsg::Data { data } = message else { continue };
        let at = Instant::now();
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

async fn type_queries(mut session: Session, offset: usize) -> Vec<(f64, f64, bool)> {
    let mut samples = Vec::new();
    tokio::time::sleep(Duration::from_millis((offset as u64 * 37) % 150)).await;
    for round in 0..QUERIES.len() {
        let query = QUERIES[(round + offset) % QUERIES.len()];
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
    let _ = session.channel.data(&b"q"[..]).await;
    samples
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
    let data = tempfile::tempdir().unwrap();
    let folders: Vec<PathBuf> = catalogue.into_iter().collect();
    let (mut server, port) = start_server(&["--open"], &folders, data.path(), cache.as_ref());
    let pid = server.id();
    tokio::time::sleep(Duration::from_millis(300)).await;
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
    let tasks: Vec<_> =
        opened.into_iter().enumerate().map(|(i, session)| tokio::spawn(type_queries(session, i))).collect();
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
    let keys_per_second = first.len() as f64 / typing.elapsed().as_secs_f64();
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

    if slow {
        slow_client(port, pid, data.path()).await;
    }
    let _ = server.kill();
    let _ = server.wait();
    println!(
        "SERVE sessions={sessions} serve_settled_p99_ms={:.1} serve_settled_p50_ms={:.1} serve_first_p99_ms={:.1} serve_first_p50_ms={:.1} serve_rss_mb_per_session={per_session:.2} keys={}",
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
    let config = data.join("ssh_config");
    std::fs::write(&config, "Host *\n StrictHostKeyChecking no\n UserKnownHostsFile /dev/null\n LogLevel ERROR\n")
        .unwrap();
    let mut slow = Command::new("ssh")
        .args(["-tt", "-F", config.to_str().unwrap(), "-p", &port.to_string(), "en@127.0.0.1"])
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
