//! Frames going to a participant: the session thread draws with ratatui's crossterm backend
//! into a [`FrameWriter`], which hands each flushed frame to an [`Outbox`]; a task on the
//! SSH side takes what is there and sends it at the pace the client reads.
//!
//! Backpressure: while the client is not reading, new frames are appended to the one waiting
//! (they are diffs of it) up to [`MAX_PENDING`]; past that, the waiting bytes are dropped and the
//! outbox is marked stale, so that once the client reads again the session repaints the whole
//! screen once ([`crate::ui::event::Event::Repaint`]). A client that never reads costs at most
//! `MAX_PENDING` here plus the SSH window.

use std::io;
use std::sync::atomic::{AtomicU32, Ordering};
use std::sync::{Arc, Mutex};

use ratatui::Terminal;
use ratatui::backend::{Backend, ClearType, CrosstermBackend, WindowSize};
use ratatui::buffer::Cell;
use ratatui::crossterm::{cursor, queue};
use ratatui::layout::{Position, Size};

use crate::ui::host::Host;

/// The most bytes kept for a client that is not reading.
pub const MAX_PENDING: usize = 256 * 1024;

/// PTY sizes are clamped to this, so a 10000x10000 request allocates a screen of this size.
pub const MAX_WIDTH: u16 = 400;
pub const MAX_HEIGHT: u16 = 150;

/// The size a client asked for, clamped; 0 (unknown) becomes 80x24.
pub fn clamp_size(width: u32, height: u32) -> (u16, u16) {
    let clamp = |value: u32, default: u16, max: u16| {
        if value == 0 { default } else { u16::try_from(value.min(u32::from(max))).unwrap_or(max) }
    };
    (clamp(width, 80, MAX_WIDTH), clamp(height, 24, MAX_HEIGHT))
}

#[derive(Default)]
struct Pending {
    bytes: Vec<u8>,
    /// Bytes were dropped: the screen must be repainted whole before diffs make sense again.
    stale: bool,
    /// The session is over; nothing more will come.
    closed: bool,
}

/// What waits to be sent to one client.
#[derive(Default)]
pub struct Outbox {
    pending: Mutex<Pending>,
    pub ready: tokio::sync::Notify,
    /// Frames (or pieces) handed over so far: the tests' view of how a frame was cut.
    #[cfg(test)]
    pushes: std::sync::atomic::AtomicU64,
}

/// What the sending task should do next.
pub enum Next {
    Send(Vec<u8>),
    /// Dropped frames and the client reads again: ask the session for a whole screen.
    Repaint,
    Wait,
    Closed,
}

impl Outbox {
    fn push(&self, frame: &[u8]) {
        #[cfg(test)]
        self.pushes.fetch_add(1, Ordering::Relaxed);
        let mut pending = self.pending.lock().unwrap_or_else(|p| p.into_inner());
        if pending.closed {
            return;
        }
        if pending.stale {
            // Diffs of a screen the client never got: worthless until the repaint.
        } else if pending.bytes.len() + frame.len() > MAX_PENDING {
            pending.bytes = Vec::new();
            pending.stale = true;
        } else {
            pending.bytes.extend_from_slice(frame);
        }
        drop(pending);
        self.ready.notify_one();
    }

    /// Called by the sending task when it is free to send.
    pub fn next(&self) -> Next {
        let mut pending = self.pending.lock().unwrap_or_else(|p| p.into_inner());
        if !pending.bytes.is_empty() {
            return Next::Send(std::mem::take(&mut pending.bytes));
        }
        if pending.stale {
            pending.stale = false;
            return Next::Repaint;
        }
        if pending.closed { Next::Closed } else { Next::Wait }
    }

    /// No more frames: what is pending is still sent, then the task ends.
    pub fn close(&self) {
        self.pending.lock().unwrap_or_else(|p| p.into_inner()).closed = true;
        self.ready.notify_one();
    }

    /// Appends bytes that must reach the client even after a stale frame (the goodbye).
    pub fn push_final(&self, bytes: &[u8]) {
        let mut pending = self.pending.lock().unwrap_or_else(|p| p.into_inner());
        pending.stale = false;
        if pending.bytes.len() + bytes.len() > MAX_PENDING {
            pending.bytes.clear();
        }
        pending.bytes.extend_from_slice(bytes);
        drop(pending);
        self.ready.notify_one();
    }
}

/// The writer the crossterm backend draws into: a frame is collected, then handed over whole
/// on flush.
pub struct FrameWriter {
    frame: Vec<u8>,
    outbox: Arc<Outbox>,
}

impl FrameWriter {
    pub fn new(outbox: Arc<Outbox>) -> FrameWriter {
        FrameWriter { frame: Vec::new(), outbox }
    }
}

impl io::Write for FrameWriter {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.frame.extend_from_slice(buf);
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        if !self.frame.is_empty() {
            self.outbox.push(&self.frame);
            self.frame.clear();
        }
        Ok(())
    }
}

/// The PTY size, shared between the SSH side (window-change requests) and the session.
#[derive(Default)]
pub struct PtySize(AtomicU32);

impl PtySize {
    pub fn new(width: u16, height: u16) -> PtySize {
        let size = PtySize::default();
        size.set(width, height);
        size
    }

    pub fn set(&self, width: u16, height: u16) {
        self.0.store(u32::from(width) << 16 | u32::from(height), Ordering::SeqCst);
    }

    pub fn get(&self) -> Size {
        let packed = self.0.load(Ordering::SeqCst);
        Size::new((packed >> 16) as u16, (packed & 0xffff) as u16)
    }
}

/// The crossterm backend over a [`FrameWriter`], except for what it would ask the server's own
/// terminal: the size is the client's PTY size, and the cursor is never queried.
pub struct SshBackend {
    inner: CrosstermBackend<FrameWriter>,
    size: Arc<PtySize>,
}

impl SshBackend {
    pub fn new(writer: FrameWriter, size: Arc<PtySize>) -> SshBackend {
        SshBackend { inner: CrosstermBackend::new(writer), size }
    }
}

/// Raw bytes (mode switches) go out with the next frame.
impl io::Write for SshBackend {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.inner.write(buf)
    }

    fn flush(&mut self) -> io::Result<()> {
        io::Write::flush(&mut self.inner)
    }
}

impl Backend for SshBackend {
    type Error = io::Error;

    fn draw<'a, I>(&mut self, content: I) -> io::Result<()>
    where
        I: Iterator<Item = (u16, u16, &'a Cell)>,
    {
        self.inner.draw(content)
    }

    fn append_lines(&mut self, n: u16) -> io::Result<()> {
        self.inner.append_lines(n)
    }

    /// Queued, not flushed as crossterm's own backend does: ratatui hides, or shows and moves,
    /// the cursor after a frame's cells and flushes once after, so the frame goes out whole
    /// (one outbox push, one channel message). Crossterm's flush after each cut a frame typed
    /// into the query line in three pieces, each sent on its own when the sending task woke
    /// between (an encryption, a packet and a wake-up each). Whoever calls these outside a
    /// draw flushes after ([`super::frames::FrameShare::render`]).
    fn hide_cursor(&mut self) -> io::Result<()> {
        queue!(self.inner, cursor::Hide)
    }

    fn show_cursor(&mut self) -> io::Result<()> {
        queue!(self.inner, cursor::Show)
    }

    fn get_cursor_position(&mut self) -> io::Result<Position> {
        Ok(Position::ORIGIN)
    }

    fn set_cursor_position<P: Into<Position>>(&mut self, position: P) -> io::Result<()> {
        let Position { x, y } = position.into();
        queue!(self.inner, cursor::MoveTo(x, y))
    }

    fn clear(&mut self) -> io::Result<()> {
        self.inner.clear()
    }

    fn clear_region(&mut self, clear_type: ClearType) -> io::Result<()> {
        self.inner.clear_region(clear_type)
    }

    fn size(&self) -> io::Result<Size> {
        Ok(self.size.get())
    }

    fn window_size(&mut self) -> io::Result<WindowSize> {
        Ok(WindowSize { columns_rows: self.size.get(), pixels: Size::default() })
    }

    fn flush(&mut self) -> io::Result<()> {
        Backend::flush(&mut self.inner)
    }
}

/// A dashboard session drawing to an SSH client.
/// What the room does with a session's shortlist each time it changes.
type OnChanged = Box<dyn Fn(&crate::shortlist::Shortlist) + Send>;

pub struct SshHost {
    terminal: Terminal<SshBackend>,
    /// The one file the shortlist may be saved to: the participant's key's own, on the
    /// server; none for a session-only shortlist.
    shortlist_file: Option<std::path::PathBuf>,
    /// Called when a save changed that file: the room tells the key's other sessions.
    on_saved: Option<Box<dyn Fn() + Send>>,
    /// Called with the shortlist each time it changes: the room keeps it, to go home.
    on_changed: Option<OnChanged>,
    /// The right to drive the room's presentation: the facilitator's session only.
    driver: Option<crate::presentation::Driver>,
    /// Told when the participant starts or stops following.
    on_following: Option<Box<dyn Fn(bool) + Send>>,
    /// The room's followers' shared frames: a follower's slide is drawn from them.
    frames: Option<Arc<super::frames::FrameShare>>,
    /// What the client shows when it is a shared frame; forgotten when anything else may have
    /// reached the terminal ([`Host::terminal`]).
    shown: Option<super::frames::Shown>,
}

impl SshHost {
    pub fn new(backend: SshBackend, shortlist_file: Option<std::path::PathBuf>) -> io::Result<SshHost> {
        Ok(SshHost {
            terminal: Terminal::new(backend)?,
            shortlist_file,
            on_saved: None,
            on_changed: None,
            driver: None,
            on_following: None,
            frames: None,
            shown: None,
        })
    }

    /// Calls `on_changed` with the shortlist each time it changes (saved or not).
    pub fn on_shortlist_changed(
        mut self,
        on_changed: impl Fn(&crate::shortlist::Shortlist) + Send + 'static,
    ) -> SshHost {
        self.on_changed = Some(Box::new(on_changed));
        self
    }

    /// In a room with a presentation: the right to drive it (or none), and who to tell when
    /// the participant follows.
    pub fn presenting(
        mut self,
        driver: Option<crate::presentation::Driver>,
        on_following: impl Fn(bool) + Send + 'static,
    ) -> SshHost {
        self.driver = driver;
        self.on_following = Some(Box::new(on_following));
        self
    }

    /// Draws a follower's slides from the room's shared frames.
    pub fn sharing_frames(mut self, frames: Arc<super::frames::FrameShare>) -> SshHost {
        self.frames = Some(frames);
        self
    }

    /// Calls `on_saved` each time a save changes the shortlist's file.
    pub fn on_shortlist_saved(mut self, on_saved: impl Fn() + Send + 'static) -> SshHost {
        self.on_saved = Some(Box::new(on_saved));
        self
    }
}

impl Host for SshHost {
    type Output = SshBackend;

    fn terminal(&mut self) -> &mut Terminal<SshBackend> {
        // Whoever asks may clear or resize it: its screen is no longer a known shared frame.
        self.shown = None;
        &mut self.terminal
    }

    fn render(&mut self, app: &mut crate::ui::App) -> io::Result<()> {
        match &self.frames {
            Some(frames) => frames.render(&mut self.terminal, app, &mut self.shown),
            None => crate::ui::render::render(&mut self.terminal, app),
        }
    }

    fn drive(&mut self, drive: crate::presentation::Drive) {
        if let Some(driver) = &self.driver {
            driver.send(drive);
        }
    }

    fn following(&mut self, following: bool) {
        if let Some(told) = &self.on_following {
            told(following);
        }
    }

    /// Ctrl-Z would stop the whole server: ignored over SSH.
    fn suspend(&mut self) -> io::Result<()> {
        Ok(())
    }

    /// OSC 52 to the participant's own terminal, with the next frame.
    fn copy(&mut self, text: &str) -> Result<(), crate::i18n::Said> {
        let backend = self.terminal.backend_mut();
        io::Write::write_all(backend, crate::ui::opener::osc52(text).as_bytes())
            .and_then(|()| io::Write::flush(backend))
            .map_err(|e| crate::i18n::problems::io_problem(&e))
    }

    /// The room keeps it, in memory, for the participant to take home.
    fn keep_shortlist(&mut self, list: &crate::shortlist::Shortlist) {
        if let Some(on_changed) = &self.on_changed {
            on_changed(list);
        }
    }

    /// The participant is not at the server: a file written here would be the facilitator's.
    fn write_file(
        &mut self,
        path: &std::path::Path,
        _contents: &[u8],
        _overwrite: crate::files::Overwrite,
        _forbidden: &[std::path::PathBuf],
    ) -> Result<(), crate::files::WriteError> {
        Err(crate::files::WriteError::NotOnThisHost(path.to_path_buf()))
    }

    /// Only to the key's own file (0600, in a folder only the server's user reads); any other
    /// path is refused, whoever asks. Merged with what the key's other sessions saved, which
    /// are told when this save changes the file.
    fn save_shortlist(
        &mut self,
        path: &std::path::Path,
        base: &crate::shortlist::Shortlist,
        list: &crate::shortlist::Shortlist,
    ) -> Result<crate::shortlist::Shortlist, crate::i18n::Said> {
        use crate::shortlist::store::{Privacy, save_merged};
        match &self.shortlist_file {
            Some(own) if own == path => {
                let saved = save_merged(path, base, list, Privacy::Private).map_err(|e| e.said())?;
                if let (true, Some(on_saved)) = (saved.wrote, &self.on_saved) {
                    on_saved();
                }
                self.keep_shortlist(&saved.list);
                Ok(saved.list)
            }
            _ => Err(crate::i18n::Said::by(|lang| {
                crate::i18n::word(lang, crate::i18n::Word::ShortlistKeptForSession).to_string()
            })),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_shortlist_is_saved_only_to_the_keys_own_file() {
        let dir = tempfile::tempdir().unwrap();
        let own = dir.path().join("serve-shortlists").join("ab12.ron");
        let elsewhere = dir.path().join("chosen.ron");
        let backend = || SshBackend::new(FrameWriter::new(Arc::new(Outbox::default())), Arc::new(PtySize::new(80, 24)));
        let mut list = crate::shortlist::Shortlist::default();
        list.toggle(&crate::model::Id::parse("bethune-bruay-mining-heritage").unwrap());

        let empty = crate::shortlist::Shortlist::default();
        let mut keyed = SshHost::new(backend(), Some(own.clone())).unwrap();
        assert!(keyed.save_shortlist(&elsewhere, &empty, &list).is_err());
        assert!(!elsewhere.exists());
        keyed.save_shortlist(&own, &empty, &list).unwrap();
        assert!(std::fs::read_to_string(&own).unwrap().contains("bethune-bruay-mining-heritage"));
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = |p: &std::path::Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
            assert_eq!(mode(&own), 0o600, "the participant's list is the server user's only");
            assert_eq!(mode(own.parent().unwrap()), 0o700);
        }

        let mut session_only = SshHost::new(backend(), None).unwrap();
        assert!(session_only.save_shortlist(&elsewhere, &empty, &list).is_err());
        assert!(!elsewhere.exists());
    }

    #[test]
    fn huge_pty_requests_are_clamped() {
        assert_eq!(clamp_size(10_000, 10_000), (MAX_WIDTH, MAX_HEIGHT));
        assert_eq!(clamp_size(0, 0), (80, 24));
        assert_eq!(clamp_size(120, 40), (120, 40));
    }

    /// A frame typed into the query line shows the cursor and moves it after its cells:
    /// crossterm's backend flushes after each, which handed the outbox three pieces.
    #[test]
    fn a_frame_goes_out_in_one_piece_with_its_cursor() {
        let outbox = Arc::new(Outbox::default());
        let backend = SshBackend::new(FrameWriter::new(outbox.clone()), Arc::new(PtySize::new(20, 2)));
        let mut terminal = Terminal::new(backend).unwrap();
        for (text, cursor) in [("aimant", Some(Position::new(6, 0))), ("done", None)] {
            let pushes = outbox.pushes.load(Ordering::Relaxed);
            terminal
                .draw(|frame| {
                    frame.render_widget(ratatui::widgets::Paragraph::new(text), frame.area());
                    if let Some(at) = cursor {
                        frame.set_cursor_position(at);
                    }
                })
                .unwrap();
            assert_eq!(outbox.pushes.load(Ordering::Relaxed), pushes + 1, "one piece for `{text}`");
            let Next::Send(bytes) = outbox.next() else { panic!("the frame went out") };
            let sent = String::from_utf8_lossy(&bytes);
            // Its cells, then the cursor: shown and moved to the query's end, or hidden.
            let ends = if cursor.is_some() { "\x1b[?25h\x1b[1;7H" } else { "\x1b[?25l" };
            assert!(sent.contains(text) && sent.ends_with(ends), "{sent:?}");
        }
    }

    #[test]
    fn a_client_that_does_not_read_costs_at_most_the_cap_then_gets_one_repaint() {
        let outbox = Outbox::default();
        for _ in 0..1000 {
            outbox.push(&[b'x'; 10_000]);
        }
        assert!(outbox.pending.lock().unwrap().bytes.len() <= MAX_PENDING);
        assert!(matches!(outbox.next(), Next::Repaint));
        assert!(matches!(outbox.next(), Next::Wait));
        outbox.push(b"frame");
        assert!(matches!(outbox.next(), Next::Send(bytes) if bytes == b"frame"));
    }
}
