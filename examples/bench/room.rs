//! What the room's benchmarks share (`serve_load`, `follow_load`): `boucle serve` started as a
//! process of its own, russh client sessions at 120x40 that read their stream back through
//! `vt100` as a terminal would show it, and the units and readings every figure is given in.
// Each benchmark uses its part: a login without a password, or the clocks, are one's only.
#![allow(dead_code)]

use std::num::NonZeroU16;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::Arc;
use std::time::{Duration, Instant};

use russh::client::{self, Handle};
use russh::keys::PublicKeyOrCertificate;
use russh::{ChannelMsg, Pty};

/// No byte for this long: the key's frames are all there.
pub const QUIET: Duration = Duration::from_millis(30);
pub const WIDTH: u16 = 120;
pub const HEIGHT: u16 = 40;

pub struct Client;

impl client::Handler for Client {
    type Error = russh::Error;

    async fn check_server_key(&mut self, _key: &PublicKeyOrCertificate) -> Result<bool, Self::Error> {
        Ok(true)
    }
}

pub type Failed = Box<dyn std::error::Error + Send + Sync>;

/// KiB (the kernel's "kB") in MB (10^6 bytes), the unit of every memory figure in BENCHMARKS.md.
pub fn mb(kib: u64) -> f64 {
    kib as f64 * 1024.0 / 1e6
}

pub fn rss_kb(pid: u32, field: &str) -> u64 {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap_or_default();
    status.lines().find(|l| l.starts_with(field)).and_then(|l| l.split_whitespace().nth(1)?.parse().ok()).unwrap_or(0)
}

/// CPU time (user + system) a process has used, in ms (`/proc/PID/stat`, at 100 ticks a second).
pub fn cpu_ms(pid: &str) -> f64 {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).unwrap_or_default();
    // The fields after the command's name, which may hold spaces, in its parentheses.
    let fields: Vec<&str> = stat.rsplit_once(')').map_or("", |(_, rest)| rest).split_whitespace().collect();
    let ticks = |i: usize| fields.get(i).and_then(|f| f.parse::<f64>().ok()).unwrap_or(f64::NAN);
    // utime and stime are fields 14 and 15 of the line; 3 is the first after the name.
    (ticks(11) + ticks(12)) * 10.0
}

/// The load average over 1, 5 and 15 minutes: the machine is shared, and a wall-clock figure
/// means little without it.
pub fn load_average() -> String {
    let text = std::fs::read_to_string("/proc/loadavg").unwrap_or_default();
    text.split_whitespace().take(3).collect::<Vec<_>>().join(" ")
}

/// Nearest-rank percentile (`p` in 0..=1) of sorted values.
pub fn percentile(sorted: &[f64], p: f64) -> f64 {
    if sorted.is_empty() {
        return f64::NAN;
    }
    let rank = (p * sorted.len() as f64).ceil() as usize;
    sorted[rank.clamp(1, sorted.len()) - 1]
}

/// Where a session's keys go and its frames come from: russh's client, or OpenSSH on a pty
/// (`serve_load --openssh`).
pub enum Link {
    Russh { _handle: Handle<Client>, channel: russh::Channel<client::Msg> },
    OpenSsh(Box<super::pty::Pty>),
}

impl Link {
    pub async fn send(&mut self, bytes: &[u8]) -> Option<()> {
        match self {
            Link::Russh { channel, .. } => channel.data(bytes).await.ok(),
            Link::OpenSsh(pty) => {
                pty.send(bytes);
                Some(())
            }
        }
    }

    /// The next bytes of the screen's stream, with when they came; none within `wait` (or
    /// when the stream has ended).
    pub async fn next(&mut self, wait: Duration) -> Option<(Instant, Vec<u8>)> {
        match self {
            Link::Russh { channel, .. } => loop {
                match tokio::time::timeout(wait, channel.wait()).await.ok()?? {
                    ChannelMsg::Data { data } => return Some((Instant::now(), data.to_vec())),
                    _ => continue,
                }
            },
            // The pty's reader thread timed the bytes as they were read.
            Link::OpenSsh(pty) => tokio::task::block_in_place(|| pty.chunk(wait)),
        }
    }
}

pub struct Session {
    pub link: Link,
    pub screen: vt100::Parser,
    /// The last bytes received, to see whether they end a frame.
    tail: Vec<u8>,
}

impl Session {
    pub fn new(link: Link, (width, height): (u16, u16)) -> Session {
        let screen = vt100::Parser::new(NonZeroU16::new(height).unwrap(), NonZeroU16::new(width).unwrap(), 0);
        Session { link, screen, tail: Vec::new() }
    }

    pub fn received(&mut self, data: &[u8]) {
        self.screen.process(data);
        self.tail.extend_from_slice(&data[data.len().saturating_sub(32)..]);
        let cut = self.tail.len().saturating_sub(32);
        self.tail.drain(..cut);
    }

    /// Whether the bytes so far end a ratatui frame: it hides the cursor, or shows it and moves
    /// it, after the frame's cells (`Terminal::apply_buffer_with_cursor`).
    pub fn frame_ended(&self) -> bool {
        let tail = &self.tail[..];
        if tail.ends_with(b"\x1b[?25l") {
            return true;
        }
        // `ESC [ ? 25 h ESC [ row ; col H`
        let Some(rest) = tail.strip_suffix(b"H") else { return false };
        let Some(at) = rest.windows(6).rposition(|w| w == b"\x1b[?25h") else { return false };
        let moved = &rest[at + 6..];
        moved.starts_with(b"\x1b[") && moved[2..].iter().all(|&b| b.is_ascii_digit() || b == b';')
    }

    pub fn contents(&self) -> String {
        self.screen.screen().contents()
    }

    /// Reads until the screen, at the end of a frame, is `ready`.
    pub async fn until(&mut self, ready: impl Fn(&Session) -> bool) -> Result<(), Failed> {
        while !(self.frame_ended() && ready(self)) {
            let (_, data) = self.link.next(Duration::from_secs(60)).await.ok_or("no frame, or closed")?;
            self.received(&data);
        }
        Ok(())
    }
}

/// The dashboard's first screen is drawn: the key hints are on the status line.
pub fn first_screen(session: &Session) -> bool {
    session.contents().contains("help")
}

/// How a session logs in: the user name is its language (`en`), with a password or none.
pub enum Login<'a> {
    Open(&'a str),
    Password(&'a str, &'a str),
}

/// A session at [`WIDTH`]x[`HEIGHT`], once its screen is `ready` at the end of a frame and the
/// output has stayed quiet.
pub async fn open(port: u16, login: Login<'_>, ready: impl Fn(&Session) -> bool) -> Result<Session, Failed> {
    let config = Arc::new(client::Config { nodelay: true, ..client::Config::default() });
    let mut handle = client::connect(config, ("127.0.0.1", port), Client).await?;
    let auth = match login {
        Login::Open(user) => handle.authenticate_none(user).await?,
        Login::Password(user, password) => handle.authenticate_password(user, password).await?,
    };
    if !matches!(auth, client::AuthResult::Success) {
        return Err("not let in".into());
    }
    let channel = handle.channel_open_session().await?;
    channel.request_pty(false, "xterm-256color", WIDTH.into(), HEIGHT.into(), 0, 0, &[(Pty::TTY_OP_END, 0)]).await?;
    channel.request_shell(false).await?;
    let mut session = Session::new(Link::Russh { _handle: handle, channel }, (WIDTH, HEIGHT));
    session.until(ready).await?;
    quiet(&mut session).await;
    Ok(session)
}

/// Reads until no byte came for [`QUIET`]; the time of the last frame's end, if one ended.
pub async fn quiet(session: &mut Session) -> Option<Instant> {
    let mut last = None;
    while let Some((at, data)) = session.link.next(QUIET).await {
        session.received(&data);
        if session.frame_ended() {
            last = Some(at);
        }
    }
    last
}

/// `boucle serve` (the release build beside this example) on a fresh port of 127.0.0.1, with
/// `access` (its login options), on the catalogue `folders` (the bundled one if none), its
/// data and runtime folders in `data`; with the catalogue cache in `cache`, else `--no-cache`;
/// `binary` serves instead of the release build (a baseline's, to alternate with). Returns
/// once it listens.
pub fn start_server(
    binary: Option<&Path>,
    access: &[&str],
    folders: &[PathBuf],
    data: &Path,
    cache: Option<&PathBuf>,
) -> (Child, u16) {
    let port = std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
    let binary = binary
        .map(Path::to_path_buf)
        .unwrap_or_else(|| std::env::current_exe().unwrap().parent().unwrap().parent().unwrap().join("boucle"));
    assert!(binary.is_file(), "build the server first: cargo build --release ({})", binary.display());
    let mut command = Command::new(binary);
    command
        .arg("serve")
        .args(access)
        .args(["--listen", &format!("127.0.0.1:{port}")])
        .args(["--max-sessions", "1000", "--connections-per-minute", "100000"])
        .env("XDG_DATA_HOME", data)
        .env("XDG_RUNTIME_DIR", data)
        .env_remove("BOUCLE_CATALOGUE")
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null());
    for folder in folders {
        command.arg("--catalogue").arg(folder);
    }
    match cache {
        Some(dir) => command.env("BOUCLE_CACHE_DIR", dir),
        None => command.arg("--no-cache"),
    };
    let mut server = command.spawn().expect("boucle serve starts");
    let start = Instant::now();
    // The server listens once its catalogue is loaded.
    while std::net::TcpStream::connect(("127.0.0.1", port)).is_err() {
        assert!(start.elapsed() < Duration::from_secs(600), "the server did not start");
        assert!(server.try_wait().ok().flatten().is_none(), "the server stopped");
        std::thread::sleep(Duration::from_millis(20));
    }
    println!("server listening after {:.1} s", start.elapsed().as_secs_f64());
    (server, port)
}
