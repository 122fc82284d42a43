//! Keystroke to screen through the real dashboard: the release binary runs on a pseudo-terminal
//! (`libc::openpty`, 200x60) as a user's terminal would run it, with its own event loop, search
//! worker and crossterm output. Each key's bytes are written to the terminal, and the time is
//! taken when the last byte of the frames it caused is read back (the output then stays quiet
//! for [`QUIET`]). It also times the first screen (the key hints drawn) and the moment results
//! are on screen.

use std::io::{Read, Write};
use std::num::NonZeroU16;
use std::os::fd::{FromRawFd, OwnedFd};
use std::os::unix::process::CommandExt;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::sync::mpsc::{Receiver, channel};
use std::time::{Duration, Instant};

/// How long the output must stay quiet for a keystroke's frames to be complete. Searches at
/// 100k take a few milliseconds, so a later frame would be one of the next key's.
/// `BENCH_QUIET_MS` sets another (at 1M on a busy machine a search's frame can come a few
/// hundred milliseconds after the key's echo, and would be counted as the next key's).
const QUIET: Duration = Duration::from_millis(120);
/// How long a key may take to draw anything before the run is called broken.
const FIRST_BYTE: Duration = Duration::from_secs(30);

fn quiet() -> Duration {
    std::env::var("BENCH_QUIET_MS").ok().and_then(|ms| ms.parse().ok()).map_or(QUIET, Duration::from_millis)
}
/// The status line's hints, drawn at the bottom of every frame: the first screen is there.
const HINTS_DRAWN: &str = "q quit";
/// The result count in the status line: results are on screen.
const RESULTS_DRAWN: &str = " results";

/// The terminal's width and height.
pub const SIZE: (u16, u16) = (200, 60);

pub struct PtyRun {
    /// From spawning the process to its first screen (the key hints read back).
    pub first_screen_ms: f64,
    /// From spawning the process to the result count on screen.
    pub results_ms: f64,
    /// Milliseconds from each key's bytes written to its last frame's last byte read.
    pub keys: Vec<f64>,
}

pub struct Pty {
    /// Both taken out by [`Pty::into_parts`]; there until then.
    child: Option<Child>,
    writer: Option<std::fs::File>,
    chunks: Receiver<(Instant, Vec<u8>)>,
    screen: vt100::Parser,
}

pub fn open(binary: &Path, args: &[&str], env: &[(&str, &Path)]) -> std::io::Result<Pty> {
    let (mut master, mut slave) = (0, 0);
    let size = libc::winsize { ws_row: SIZE.1, ws_col: SIZE.0, ws_xpixel: 0, ws_ypixel: 0 };
    // SAFETY: out-pointers to two ints and a valid winsize; null name and termios are allowed.
    let rc = unsafe { libc::openpty(&mut master, &mut slave, std::ptr::null_mut(), std::ptr::null(), &size) };
    if rc != 0 {
        return Err(std::io::Error::last_os_error());
    }
    // SAFETY: openpty returned two fresh descriptors that nothing else owns.
    let (master, slave) = unsafe { (OwnedFd::from_raw_fd(master), OwnedFd::from_raw_fd(slave)) };
    let mut command = Command::new(binary);
    command
        .args(args)
        .env("TERM", "xterm-256color")
        .env_remove("NO_COLOR")
        .envs(env.iter().copied())
        .stdin(Stdio::from(slave.try_clone()?))
        .stdout(Stdio::from(slave.try_clone()?))
        .stderr(Stdio::from(slave));
    // SAFETY: only async-signal-safe calls between fork and exec: a new session whose
    // controlling terminal is the pty, as a terminal emulator does.
    unsafe {
        command.pre_exec(|| {
            if libc::setsid() < 0 || libc::ioctl(0, libc::TIOCSCTTY as _, 0) < 0 {
                return Err(std::io::Error::last_os_error());
            }
            Ok(())
        });
    }
    let child = command.spawn()?;
    let mut reader = std::fs::File::from(master.try_clone()?);
    let mut answer = std::fs::File::from(master.try_clone()?);
    let writer = std::fs::File::from(master);
    let (send, chunks) = channel();
    std::thread::spawn(move || {
        let mut buffer = vec![0u8; 1 << 16];
        loop {
            match reader.read(&mut buffer) {
                Ok(0) | Err(_) => break,
                Ok(n) => {
                    let at = Instant::now();
                    let chunk = buffer[..n].to_vec();
                    // Answer the cursor position query as a terminal would.
                    if find(&chunk, b"\x1b[6n").is_some() {
                        let _ = answer.write_all(b"\x1b[1;1R");
                    }
                    if send.send((at, chunk)).is_err() {
                        break;
                    }
                }
            }
        }
    });
    Ok(Pty {
        child: Some(child),
        writer: Some(writer),
        chunks,
        screen: vt100::Parser::new(NonZeroU16::new(SIZE.1).unwrap(), NonZeroU16::new(SIZE.0).unwrap(), 0),
    })
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

impl Pty {
    /// Reads until the screen (as a terminal shows it, through `vt100`: frames are diffs, so
    /// the bytes alone do not say) contains `needle`, or the deadline; when it did.
    pub fn wait_for(&mut self, needle: &str, deadline: Duration) -> Option<Instant> {
        let until = Instant::now() + deadline;
        let mut at = Instant::now();
        while !self.screen.screen().contents().contains(needle) {
            let left = until.checked_duration_since(Instant::now())?;
            let (when, chunk) = self.chunks.recv_timeout(left).ok()?;
            self.screen.process(&chunk);
            at = when;
        }
        Some(at)
    }

    /// Reads until the output has been quiet for [`QUIET`]; the time of the last byte read.
    pub fn settle(&self) -> Option<Instant> {
        let mut last = None;
        while let Some((at, _)) = self.chunk(quiet()) {
            last = Some(at);
        }
        last
    }

    /// The next bytes the program wrote, with when they were read; none within `timeout`, or
    /// the program gone.
    pub fn chunk(&self, timeout: Duration) -> Option<(Instant, Vec<u8>)> {
        self.chunks.recv_timeout(timeout).ok()
    }

    pub fn send(&mut self, bytes: &[u8]) -> Instant {
        self.writer.as_mut().expect("the pty's writer").write_all(bytes).expect("write to the pty");
        Instant::now()
    }

    pub fn pid(&self) -> u32 {
        self.child.as_ref().map_or(0, Child::id)
    }

    /// The writer to the terminal and the process, no longer quit on drop.
    pub fn into_parts(mut self) -> (std::fs::File, Child) {
        (self.writer.take().expect("the pty's writer"), self.child.take().expect("the pty's process"))
    }
}

impl Drop for Pty {
    fn drop(&mut self) {
        if let Some(writer) = self.writer.as_mut() {
            let _ = writer.write_all(b"\x1bq");
        }
        if let Some(child) = self.child.as_mut() {
            let _ = child.kill();
            let _ = child.wait();
        }
    }
}

/// Runs the dashboard on `dir` (with `extra` arguments and `env`) and types `queries` key by key
/// (Ctrl-U between queries); with no queries, only the start is timed.
pub fn keystroke_to_screen(
    binary: &Path,
    extra: &[&str],
    env: &[(&str, &Path)],
    dir: &Path,
    queries: &[&str],
) -> std::io::Result<PtyRun> {
    let dir = dir.display().to_string();
    let mut args = vec!["--catalogue", &dir, "--lang", "en", "--no-mouse"];
    args.extend_from_slice(extra);
    let spawned = Instant::now();
    let mut pty = open(binary, &args, env)?;
    // A load of 1M entries on a busy machine takes minutes.
    let timeout = Duration::from_secs(900);
    let hints = pty.wait_for(HINTS_DRAWN, timeout).ok_or_else(|| broken("no first screen"))?;
    let results = pty.wait_for(RESULTS_DRAWN, timeout).ok_or_else(|| broken("no results"))?;
    let ms = |at: Instant| at.saturating_duration_since(spawned).as_secs_f64() * 1000.0;
    let mut keys = Vec::new();
    if queries.is_empty() {
        return Ok(PtyRun { first_screen_ms: ms(hints), results_ms: ms(results), keys });
    }
    pty.settle();
    pty.send(b"/");
    pty.settle();
    for query in queries {
        for c in query.chars() {
            let mut bytes = [0u8; 4];
            let sent = pty.send(c.encode_utf8(&mut bytes).as_bytes());
            // The key's first bytes may come late on a busy machine (a 1M dashboard descheduled
            // for more than the quiet time): waited for, then its frames read until quiet.
            let first = pty.chunk(FIRST_BYTE).ok_or_else(|| broken("a key drew nothing"))?.0;
            let last = pty.settle().unwrap_or(first).max(first);
            keys.push(last.saturating_duration_since(sent).as_secs_f64() * 1000.0);
        }
        pty.send(b"\x15");
        pty.settle();
    }
    Ok(PtyRun { first_screen_ms: ms(hints), results_ms: ms(results), keys })
}

fn broken(what: &str) -> std::io::Error {
    std::io::Error::other(what.to_string())
}
