//! A megabyte pasted into the search box (#19 item 1), through the real dashboard at 100k
//! entries: locally (the release binary on a pseudo-terminal, as `pty.rs` runs it) and over SSH
//! (`boucle serve` on the same folder, OpenSSH's client on a pseudo-terminal). Each round:
//!
//! - **next key**: `/`, then `ESC [200~`, a megabyte of words and `ESC [201~` written at once;
//!   from the moment the last byte of the paste is written, to the screen showing the keys sent
//!   right after it (Ctrl-U, `zin`: the query line reads `/ zin`);
//! - **RSS growth**: the largest resident size of the dashboard's process (the server's, over
//!   SSH) while the paste is read and searched, less the one before it (sampled every 2 ms);
//! - **SIGTERM to exit**: a second megabyte is written, and halfway through it SIGTERM is sent;
//!   until the process has exited (the server's: it says goodbye to its sessions first);
//! - **client gone to session freed** (SSH): a client starts a megabyte's paste and is killed
//!   halfway, without the end marker; until the server's log says its session ended.

use std::io::Write;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use super::pty::{Pty, open};

const MEGABYTE: usize = 1_000_000;
/// Shown once the keys after the paste are read: the query line, `/ zin`.
const NEXT_KEYS: &[u8] = b"\x15zin";
const NEXT_SHOWN: &str = "/ zin";

/// One round's figures, in milliseconds and megabytes.
#[derive(Debug, Default, Clone)]
pub struct PasteRound {
    pub next_key_ms: f64,
    pub rss_growth_mb: f64,
    pub sigterm_ms: f64,
    /// SSH only.
    pub client_gone_ms: Option<f64>,
}

fn words(len: usize) -> Vec<u8> {
    let text = "aimants terres rares recyclage Béthune friche minière zinc plomb ";
    text.repeat(len / text.len() + 1).into_bytes()[..len].to_vec()
}

fn paste_bytes(end: bool) -> Vec<u8> {
    let mut bytes = b"\x1b[200~".to_vec();
    bytes.extend(words(MEGABYTE));
    if end {
        bytes.extend_from_slice(b"\x1b[201~");
    }
    bytes
}

fn rss_mb(pid: u32) -> f64 {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap_or_default();
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmRSS:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse::<f64>().ok())
        .map_or(0.0, |kb| kb / 1024.0)
}

/// Samples `pid`'s resident size until `stop` is set; returns the largest.
fn sample_rss(pid: u32, stop: std::sync::Arc<std::sync::atomic::AtomicBool>) -> std::thread::JoinHandle<f64> {
    std::thread::spawn(move || {
        let mut largest: f64 = 0.0;
        while !stop.load(std::sync::atomic::Ordering::Relaxed) {
            largest = largest.max(rss_mb(pid));
            std::thread::sleep(Duration::from_millis(2));
        }
        largest
    })
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

/// The paste and the next keys through `pty`; `measured` is the process whose memory counts.
fn paste_and_next_key(pty: &mut Pty, measured: u32) -> (f64, f64) {
    pty.send(b"/");
    pty.settle();
    let before = rss_mb(measured);
    let stop = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
    let sampler = sample_rss(measured, stop.clone());
    let ended = pty.send(&paste_bytes(true));
    pty.send(NEXT_KEYS);
    let shown = pty.wait_for(NEXT_SHOWN, Duration::from_secs(300)).expect("the keys after the paste show");
    pty.settle();
    stop.store(true, std::sync::atomic::Ordering::Relaxed);
    let largest = sampler.join().unwrap_or(0.0);
    (ms(shown.saturating_duration_since(ended)), (largest - before).max(0.0))
}

/// Writes a megabyte's paste to `pty` on a thread, SIGTERMs `pid` halfway, and times its exit.
fn sigterm_mid_paste(writer: std::fs::File, pid: u32, mut child: Child) -> f64 {
    let bytes = paste_bytes(true);
    let half = bytes.len() / 2;
    let (first, second) = (bytes[..half].to_vec(), bytes[half..].to_vec());
    let mut writer = writer;
    writer.write_all(&first).expect("the first half of the paste");
    let feeder = std::thread::spawn(move || {
        let _ = writer.write_all(&second);
    });
    let sent = Instant::now();
    let _ = Command::new("kill").args(["-TERM", &pid.to_string()]).status();
    let _ = child.wait();
    let exited = sent.elapsed();
    drop(feeder);
    ms(exited)
}

/// The dashboard on `dir`, locally.
pub fn local(binary: &Path, dir: &Path, rounds: usize) -> Vec<PasteRound> {
    let dir = dir.display().to_string();
    let args = ["--catalogue", dir.as_str(), "--lang", "en", "--no-mouse", "--no-cache"];
    (0..rounds)
        .map(|_| {
            let mut pty = open(binary, &args, &[]).expect("the dashboard on a pty");
            pty.wait_for(" results", Duration::from_secs(300)).expect("results on screen");
            pty.settle();
            let pid = pty.pid();
            let (next_key_ms, rss_growth_mb) = paste_and_next_key(&mut pty, pid);
            pty.send(b"\x1b");
            pty.settle();
            pty.send(b"/");
            pty.settle();
            let (writer, child) = pty.into_parts();
            let sigterm_ms = sigterm_mid_paste(writer, pid, child);
            PasteRound { next_key_ms, rss_growth_mb, sigterm_ms, client_gone_ms: None }
        })
        .collect()
}

fn ssh_args(port: u16) -> Vec<String> {
    [
        "-tt",
        "-o",
        "StrictHostKeyChecking=no",
        "-o",
        "UserKnownHostsFile=/dev/null",
        "-o",
        "LogLevel=ERROR",
        "-o",
        "PubkeyAuthentication=no",
        "-p",
        &port.to_string(),
        "en@127.0.0.1",
    ]
    .map(str::to_string)
    .to_vec()
}

struct Server {
    child: Option<Child>,
    pid: u32,
    log: std::path::PathBuf,
    _data: tempfile::TempDir,
}

impl Server {
    fn start(binary: &Path, dir: &str) -> (Server, u16) {
        let data = tempfile::tempdir().unwrap();
        let log = data.path().join("log");
        let port = std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
        let child = Command::new(binary)
            .args(["serve", "--open", "--no-cache", "--catalogue", dir, "--listen", &format!("127.0.0.1:{port}")])
            .env("XDG_DATA_HOME", data.path())
            .env_remove("BOUCLE_CATALOGUE")
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(std::fs::File::create(&log).unwrap())
            .spawn()
            .expect("boucle serve starts");
        let server = Server { pid: child.id(), child: Some(child), log, _data: data };
        let start = Instant::now();
        while !server.log().contains("fingerprint") {
            assert!(start.elapsed() < Duration::from_secs(300), "the server did not start: {}", server.log());
            std::thread::sleep(Duration::from_millis(50));
        }
        (server, port)
    }

    fn log(&self) -> String {
        std::fs::read_to_string(&self.log).unwrap_or_default()
    }

    fn ended(&self) -> usize {
        self.log().matches("ended (client gone)").count()
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        if let Some(child) = self.child.as_mut() {
            let _ = child.kill();
            let _ = child.wait();
        }
    }
}

/// The same over SSH: `boucle serve` on `dir`, OpenSSH's client on a pty.
pub fn ssh(binary: &Path, dir: &Path, rounds: usize) -> Vec<PasteRound> {
    let dir = dir.display().to_string();
    (0..rounds)
        .map(|_| {
            let (mut server, port) = Server::start(binary, &dir);
            let pid = server.pid;
            let args = ssh_args(port);
            let args: Vec<&str> = args.iter().map(String::as_str).collect();
            let ssh = Path::new("ssh");
            let mut pty = open(ssh, &args, &[]).expect("ssh on a pty");
            pty.wait_for(" results", Duration::from_secs(300)).expect("the participant's results");
            pty.settle();
            let (next_key_ms, rss_growth_mb) = paste_and_next_key(&mut pty, pid);
            drop(pty);
            // A participant who leaves in the middle of a megabyte's paste.
            let mut leaving = open(ssh, &args, &[]).expect("ssh on a pty");
            leaving.wait_for(" results", Duration::from_secs(300)).expect("the participant's results");
            leaving.settle();
            let before = server.ended();
            leaving.send(b"/");
            let bytes = paste_bytes(false);
            leaving.send(&bytes[..bytes.len() / 2]);
            let (_, mut client) = leaving.into_parts();
            let left = Instant::now();
            let _ = client.kill();
            let _ = client.wait();
            while server.ended() == before {
                assert!(left.elapsed() < Duration::from_secs(300), "the session never ended: {}", server.log());
                std::thread::sleep(Duration::from_millis(1));
            }
            let client_gone_ms = ms(left.elapsed());
            // SIGTERM to the server while a participant pastes a megabyte.
            let mut pasting = open(ssh, &args, &[]).expect("ssh on a pty");
            pasting.wait_for(" results", Duration::from_secs(300)).expect("the participant's results");
            pasting.settle();
            pasting.send(b"/");
            let (writer, _client) = pasting.into_parts();
            let sigterm_ms = match server.child.take() {
                Some(child) => sigterm_mid_paste(writer, pid, child),
                None => f64::NAN,
            };
            PasteRound { next_key_ms, rss_growth_mb, sigterm_ms, client_gone_ms: Some(client_gone_ms) }
        })
        .collect()
}
