//! Load benchmark of `boucle serve` (not a timed test): N concurrent SSH sessions over
//! loopback from russh's client, each typing the benchmark's queries key by key at a typist's
//! pace, on the bundled catalogue at 120x40. Measures the time from a key's bytes sent to the
//! first bytes of the frame that answers it (p50, p99), and to the screen settling (no more
//! bytes for 30 ms, those 30 ms not counted); the server's RSS with no session, with 20 and
//! with N, its peak, and the RSS per added session; then a slow client (OpenSSH with its
//! output never read) that keeps typing, and the server's RSS while it does.
//!
//! ```sh
//! cargo build --release && cargo run --release --example serve_load            # 100 sessions
//! cargo run --release --example serve_load -- 50
//! ```
//! Prints `serve_p99_ms_100sessions=… serve_rss_mb_per_session=…` last.

#[path = "bench/queries.rs"]
mod queries;

use queries::QUERIES;
use std::io::Write;
use std::process::{Child, Command, Stdio};
use std::sync::Arc;
use std::time::{Duration, Instant};

use russh::client::{self, Handle};
use russh::keys::PublicKeyOrCertificate;
use russh::{ChannelMsg, Pty};

const KEY_PAUSE: Duration = Duration::from_millis(150);
const SETTLE: Duration = Duration::from_millis(30);

struct Client;

impl client::Handler for Client {
    type Error = russh::Error;

    async fn check_server_key(&mut self, _key: &PublicKeyOrCertificate) -> Result<bool, Self::Error> {
        Ok(true)
    }
}

fn rss_kb(pid: u32, field: &str) -> u64 {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap_or_default();
    status.lines().find(|l| l.starts_with(field)).and_then(|l| l.split_whitespace().nth(1)?.parse().ok()).unwrap_or(0)
}

fn percentile(sorted: &[f64], p: f64) -> f64 {
    if sorted.is_empty() {
        return f64::NAN;
    }
    sorted[((sorted.len() as f64 - 1.0) * p).round() as usize]
}

struct Session {
    _handle: Handle<Client>,
    channel: russh::Channel<client::Msg>,
}

async fn open(port: u16) -> Result<Session, Box<dyn std::error::Error + Send + Sync>> {
    let config = Arc::new(client::Config { nodelay: true, ..client::Config::default() });
    let mut handle = client::connect(config, ("127.0.0.1", port), Client).await?;
    let auth = handle.authenticate_none("en").await?;
    if !matches!(auth, client::AuthResult::Success) {
        return Err("not let in".into());
    }
    let mut channel = handle.channel_open_session().await?;
    channel.request_pty(false, "xterm-256color", 120, 40, 0, 0, &[(Pty::TTY_OP_END, 0)]).await?;
    channel.request_shell(false).await?;
    // The first frame has the key hints on the status line.
    let mut seen = Vec::new();
    while !String::from_utf8_lossy(&seen).contains("help") {
        match tokio::time::timeout(Duration::from_secs(30), channel.wait()).await? {
            Some(ChannelMsg::Data { data }) => seen.extend_from_slice(&data),
            Some(_) => {}
            None => return Err("closed".into()),
        }
    }
    Ok(Session { _handle: handle, channel })
}

/// Sends `bytes`; returns (first frame, settled) latencies in ms.
async fn key(session: &mut Session, bytes: &[u8]) -> Option<(f64, f64)> {
    let sent = Instant::now();
    session.channel.data(bytes).await.ok()?;
    let first = loop {
        match tokio::time::timeout(Duration::from_secs(10), session.channel.wait()).await.ok()?? {
            ChannelMsg::Data { .. } => break sent.elapsed(),
            _ => continue,
        }
    };
    let mut last = first;
    while let Ok(Some(message)) = tokio::time::timeout(SETTLE, session.channel.wait()).await {
        if let ChannelMsg::Data { .. } = message {
            last = sent.elapsed();
        }
    }
    Some((first.as_secs_f64() * 1000.0, last.as_secs_f64() * 1000.0))
}

async fn type_queries(mut session: Session, offset: usize) -> Vec<(f64, f64)> {
    let mut samples = Vec::new();
    tokio::time::sleep(Duration::from_millis((offset as u64 * 37) % 150)).await;
    for round in 0..QUERIES.len() {
        let query = QUERIES[(round + offset) % QUERIES.len()];
        let mut keys: Vec<Vec<u8>> = vec![b"/".to_vec()];
        keys.extend(query.chars().map(|c| c.to_string().into_bytes()));
        keys.extend(std::iter::repeat_n(b"\x7f".to_vec(), query.chars().count()));
        keys.push(b"\r".to_vec());
        for bytes in keys {
            if let Some(sample) = key(&mut session, &bytes).await {
                samples.push(sample);
            }
            tokio::time::sleep(KEY_PAUSE).await;
        }
    }
    let _ = session.channel.data(&b"q"[..]).await;
    samples
}

fn start_server(port: u16, data: &std::path::Path) -> Child {
    let binary = std::env::current_exe().unwrap().parent().unwrap().parent().unwrap().join("boucle");
    assert!(binary.is_file(), "build the server first: cargo build --release ({})", binary.display());
    Command::new(binary)
        .args(["serve", "--open", "--listen", &format!("127.0.0.1:{port}")])
        .args(["--max-sessions", "1000", "--connections-per-minute", "100000"])
        .env("XDG_DATA_HOME", data)
        .env_remove("BOUCLE_CATALOGUE")
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("boucle serve starts")
}

#[tokio::main(flavor = "multi_thread", worker_threads = 2)]
async fn main() {
    let sessions: usize = std::env::args().nth(1).and_then(|a| a.parse().ok()).unwrap_or(100);
    let data = tempfile::tempdir().unwrap();
    let port = std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
    let mut server = start_server(port, data.path());
    let pid = server.id();
    let start = Instant::now();
    while std::net::TcpStream::connect(("127.0.0.1", port)).is_err() {
        assert!(start.elapsed() < Duration::from_secs(30), "the server did not start");
        std::thread::sleep(Duration::from_millis(20));
    }
    tokio::time::sleep(Duration::from_millis(300)).await;
    let rss_empty = rss_kb(pid, "VmRSS");

    // One session first (its frames and the search worker's first allocations), then the rest.
    let mut opened = Vec::new();
    let mut rss_at = Vec::new();
    for i in 0..sessions {
        opened.push(open(port).await.expect("a session opens"));
        if i + 1 == 20 || i + 1 == sessions {
            tokio::time::sleep(Duration::from_millis(300)).await;
            rss_at.push((i + 1, rss_kb(pid, "VmRSS")));
        }
    }
    println!("{sessions} sessions open in {:.1} s", start.elapsed().as_secs_f64());

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
    for task in tasks {
        for (f, s) in task.await.unwrap_or_default() {
            first.push(f);
            settled.push(s);
        }
    }
    first.sort_by(f64::total_cmp);
    settled.sort_by(f64::total_cmp);
    let keys_per_second = first.len() as f64 / typing.elapsed().as_secs_f64();
    let hwm = rss_kb(pid, "VmHWM");

    // The slow client: OpenSSH whose output nobody reads, typing on.
    tokio::time::sleep(Duration::from_millis(500)).await;
    let rss_before_slow = rss_kb(pid, "VmRSS");
    let config = data.path().join("ssh_config");
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
    let _ = server.kill();
    let _ = server.wait();

    let (n1, rss1) = rss_at[0];
    let (n2, rss2) = *rss_at.last().unwrap();
    let per_session_open = (rss2 as f64 - rss1 as f64) / (n2 - n1).max(1) as f64 / 1024.0;
    let per_session_peak = (peak_during as f64 - rss_empty as f64) / sessions as f64 / 1024.0;
    let per_session = per_session_open.max(per_session_peak);
    println!(
        "server RSS: empty {:.1} MB, {n1} sessions {:.1} MB, {n2} sessions {:.1} MB; while typing peak {:.1} MB; VmHWM {:.1} MB",
        rss_empty as f64 / 1024.0,
        rss1 as f64 / 1024.0,
        rss2 as f64 / 1024.0,
        peak_during as f64 / 1024.0,
        hwm as f64 / 1024.0
    );
    println!(
        "RSS per added session: {per_session_open:.2} MB opening ({n1}→{n2}), {per_session_peak:.2} MB at the typing peak (over empty)"
    );
    println!(
        "key → first frame bytes: p50 {:.1} ms, p99 {:.1} ms; key → settled screen: p50 {:.1} ms, p99 {:.1} ms; {} keys, {keys_per_second:.0} keys/s",
        percentile(&first, 0.5),
        percentile(&first, 0.99),
        percentile(&settled, 0.5),
        percentile(&settled, 0.99),
        first.len()
    );
    println!(
        "slow client (never reads, {round} queries typed in 15 s): server RSS {:.1} MB before, peak {:.1} MB (+{:.1} MB)",
        rss_before_slow as f64 / 1024.0,
        slow_peak as f64 / 1024.0,
        (slow_peak as f64 - rss_before_slow as f64) / 1024.0
    );
    println!(
        "serve_p99_ms_{sessions}sessions={:.1} serve_rss_mb_per_session={per_session:.2}",
        percentile(&first, 0.99)
    );
}
