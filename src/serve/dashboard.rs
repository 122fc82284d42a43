//! One participant's dashboard: the same `App`, `update`, `view` and session loop as the local
//! dashboard, on a thread of its own, with its own event channel. Around it, on the SSH side:
//! a task that turns the bytes typed into events ([`super::input`]), and a task that sends
//! frames at the pace the client reads ([`super::output`]). When the session ends, the
//! terminal is put back, a goodbye line is sent, then the exit status, and the channel closes.

use std::path::PathBuf;
use std::sync::Arc;
use std::sync::mpsc::{Receiver, Sender};
use std::time::{Duration, Instant};

use ratatui::crossterm::event::{DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, EnableMouseCapture};
use ratatui::crossterm::terminal::{EnterAlternateScreen, LeaveAlternateScreen};
use ratatui::crossterm::{cursor, queue};
use russh::ChannelWriteHalf;
use russh::server::Msg;
use tokio::sync::mpsc;

use super::input::{ESCAPE_TIMEOUT, InputDecoder};
use super::limits::{Bucket, INPUT_BURST, Limits};
use super::output::{FrameWriter, Next, Outbox, PtySize, SshBackend, SshHost};
use super::room::{CLOSING, IDLE, Room};
use crate::i18n::{Msg as Words, t};
use crate::shortlist::Shortlist;
use crate::shortlist::store::{self, Opened};
use crate::text::Lang;
use crate::text::visible;
use crate::ui::event::{Event, channel_pair};
use crate::ui::search::Searcher;
use crate::ui::session::{Exit, Host, run_session};
use crate::ui::theme::ThemeName;
use crate::ui::{App, Options};

/// Who is at the other end. With key authentication, `key` is the key's SHA-256 fingerprint
/// in hex: the name its shortlist is kept under on the server, so it outlives a reconnection.
#[derive(Clone, Debug)]
pub struct Identity {
    pub user: String,
    pub key: Option<String>,
}

/// The shortlist a session starts with, and the one file it may be saved to: the key's own
/// file in the room's shortlist folder; none for a password or open-room session.
fn shortlist_for(room: &Room, identity: &Identity, lang: Lang) -> (Shortlist, Option<PathBuf>, Option<String>) {
    let (Some(dir), Some(key)) = (&room.settings.shortlists, &identity.key) else {
        return (Shortlist::default(), None, None);
    };
    let path = dir.join(format!("{key}.ron"));
    let opened = store::open(&path);
    let notice = match &opened {
        Opened::New(_) | Opened::Read(_) => None,
        Opened::SetAside { problem, moved_to } => {
            room.journal.line(&format!("shortlist {} set aside: {problem}", visible::path(&path)));
            // The file's name only: the server's folders are not the participant's business.
            let name = moved_to.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
            Some(crate::i18n::shortlist_set_aside(lang, problem, &name))
        }
        Opened::Unusable { problem } => {
            room.journal.line(&format!("shortlist {} unusable: {problem}", visible::path(&path)));
            Some(crate::i18n::word(lang, crate::i18n::Word::ShortlistNotSaved).to_string())
        }
    };
    let file = opened.writable().then_some(path);
    (opened.shortlist(), file, notice)
}

/// The SSH side's hold on a running dashboard.
pub struct Dashboard {
    /// Bytes typed; bounded, so a flood waits in the client instead of in the server.
    pub input: mpsc::Sender<Vec<u8>>,
    pub size: Arc<PtySize>,
    pub events: Sender<Event>,
}

/// How long the goodbye may take to reach a client that has stopped reading.
const GOODBYE_TIME: Duration = Duration::from_secs(5);

pub fn start(
    room: &Arc<Room>,
    id: u64,
    write: ChannelWriteHalf<Msg>,
    (width, height): (u16, u16),
    (lang, theme): (Lang, ThemeName),
    identity: Identity,
) -> Dashboard {
    let outbox = Arc::new(Outbox::default());
    let size = Arc::new(PtySize::new(width, height));
    let (events, inbox) = channel_pair();
    let (input, typed) = mpsc::channel::<Vec<u8>>(8);
    let write = Arc::new(write);

    let sender = tokio::spawn(send_frames(outbox.clone(), write.clone(), events.clone()));
    let reader = tokio::spawn(read_input(typed, events.clone(), room.settings.limits.clone()));
    // The slow tick (present mode's clock) as a task, not one more thread per session.
    let ticker = {
        let events = events.clone();
        tokio::spawn(async move {
            let mut tick = tokio::time::interval(crate::ui::event::TICK);
            loop {
                tick.tick().await;
                if events.send(Event::Tick).is_err() {
                    return;
                }
            }
        })
    };
    let (done, ended) = tokio::sync::oneshot::channel::<Option<Exit>>();
    // With a key, the shortlist kept under it; else one that lives in the session.
    let (shortlist, shortlist_file, notice) = shortlist_for(room, &identity, lang);
    let options = Options { lang, theme, shortlist, shortlist_file, notice, ..Options::default() };
    // Given to the room before the catalogue is read, so no reload falls between the two.
    room.set_events(id, events.clone());
    let thread = {
        let (room, outbox, size, events) = (room.clone(), outbox.clone(), size.clone(), events.clone());
        std::thread::Builder::new().name("ssh-session".into()).spawn(move || {
            let exit = run_dashboard(&room, (id, identity.key), options, &outbox, size, events, &inbox);
            let _ = done.send(exit);
        })
    };
    if let Err(e) = thread {
        room.journal.line(&format!("session {id}: could not start a thread: {e}"));
        outbox.close();
    }

    let room = room.clone();
    tokio::spawn(async move {
        let exit = ended.await.ok().flatten();
        reader.abort();
        ticker.abort();
        // The goodbye is sent if the client reads it soon; a client that stopped reading is
        // not waited for.
        if tokio::time::timeout(GOODBYE_TIME, sender).await.is_err() {
            room.journal.line(&format!("session {id}: the client is not reading; closing without goodbye"));
        }
        let status = match exit {
            Some(Exit::Quit) => 0,
            _ => 1,
        };
        let _ = tokio::time::timeout(GOODBYE_TIME, async {
            let _ = write.exit_status(status).await;
            let _ = write.eof().await;
            let _ = write.close().await;
        })
        .await;
        room.leave(id);
        let why = match exit {
            Some(Exit::Quit) => "quit".to_string(),
            Some(Exit::Signal(CLOSING)) => "room closing".to_string(),
            Some(Exit::Signal(IDLE)) => "idle".to_string(),
            Some(Exit::Signal(signal)) => format!("signal {signal}"),
            Some(Exit::InputClosed) => "client gone".to_string(),
            Some(Exit::NothingLoaded) => "nothing to show".to_string(),
            Some(Exit::Refused) => "unknown values asked for".to_string(),
            None => "error".to_string(),
        };
        room.journal.line(&format!("session {id}: ended ({why})"));
    });

    Dashboard { input, size, events }
}

/// The session thread: the dashboard until it ends, then the terminal put back and a goodbye.
fn run_dashboard(
    room: &Arc<Room>,
    (id, key): (u64, Option<String>),
    options: Options,
    outbox: &Arc<Outbox>,
    size: Arc<PtySize>,
    events: Sender<Event>,
    inbox: &Receiver<Event>,
) -> Option<Exit> {
    let lang = options.lang;
    let shortlist_file = options.shortlist_file.clone();
    let snapshot = room.catalogue();
    let mut app = App::with_searcher(snapshot.indexed, snapshot.problems, options, Searcher::worker(events.clone()));
    drop(events);
    let mut host = SshHost::new(SshBackend::new(FrameWriter::new(outbox.clone()), size), shortlist_file).ok()?;
    if let Some(key) = key {
        let room = room.clone();
        host = host.on_shortlist_saved(move || room.shortlist_saved(&key, id));
    }
    let writer = host.terminal().backend_mut();
    let entered = queue!(writer, EnterAlternateScreen, EnableBracketedPaste, cursor::Hide, EnableMouseCapture);
    let exit = entered.ok().and_then(|()| run_session(&mut host, &mut app, inbox).ok());
    drop(app);
    let mut goodbye = Vec::new();
    let _ = queue!(goodbye, DisableMouseCapture, DisableBracketedPaste, LeaveAlternateScreen, cursor::Show);
    let words = match exit {
        Some(Exit::Quit) => Some(Words::ServeGoodbye),
        Some(Exit::Signal(CLOSING)) => Some(Words::ServeRoomClosing),
        Some(Exit::Signal(IDLE)) => Some(Words::ServeIdle),
        _ => None,
    };
    if let Some(words) = words {
        goodbye.extend_from_slice(format!("{}\r\n", t(lang, words)).as_bytes());
    }
    outbox.push_final(&goodbye);
    outbox.close();
    exit
}

async fn send_frames(outbox: Arc<Outbox>, write: Arc<ChannelWriteHalf<Msg>>, events: Sender<Event>) {
    loop {
        match outbox.next() {
            Next::Send(bytes) => {
                if write.data_bytes(bytes).await.is_err() {
                    return;
                }
            }
            Next::Repaint => {
                let _ = events.send(Event::Repaint);
            }
            Next::Wait => outbox.ready.notified().await,
            Next::Closed => return,
        }
    }
}

async fn read_input(mut typed: mpsc::Receiver<Vec<u8>>, events: Sender<Event>, limits: Limits) {
    let mut decoder = InputDecoder::new();
    let mut bucket = Bucket::new(INPUT_BURST, f64::from(limits.input_bytes_per_second));
    let mut last_key = Instant::now();
    loop {
        let wait = if decoder.waiting() { ESCAPE_TIMEOUT } else { limits.idle.saturating_sub(last_key.elapsed()) };
        let decoded = match tokio::time::timeout(wait, typed.recv()).await {
            Ok(Some(bytes)) => {
                let delay = bucket.spend(bytes.len() as f64, Instant::now());
                if !delay.is_zero() {
                    tokio::time::sleep(delay).await;
                }
                last_key = Instant::now();
                decoder.feed(&bytes)
            }
            Ok(None) => {
                let _ = events.send(Event::InputClosed);
                return;
            }
            Err(_) if decoder.waiting() => decoder.timed_out(),
            Err(_) => {
                let _ = events.send(Event::Signal(IDLE));
                return;
            }
        };
        for event in decoded {
            if events.send(Event::Input(event)).is_err() {
                return;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::crossterm::event::{Event as Input, KeyCode};

    fn limits(idle: Duration) -> Limits {
        Limits { idle, ..Limits::default() }
    }

    fn next(inbox: &Receiver<Event>) -> Event {
        inbox.recv_timeout(Duration::from_secs(5)).expect("an event")
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 1)]
    async fn a_lone_escape_is_sent_after_the_timeout_and_a_split_arrow_is_one_key() {
        let (events, inbox) = channel_pair();
        let (typed, input) = mpsc::channel(8);
        let reader = tokio::spawn(read_input(input, events, limits(Duration::from_secs(60))));
        typed.send(b"\x1b".to_vec()).await.unwrap();
        assert!(matches!(next(&inbox), Event::Input(Input::Key(k)) if k.code == KeyCode::Esc));
        typed.send(b"\x1b[".to_vec()).await.unwrap();
        typed.send(b"B".to_vec()).await.unwrap();
        assert!(matches!(next(&inbox), Event::Input(Input::Key(k)) if k.code == KeyCode::Down));
        drop(typed);
        assert!(matches!(next(&inbox), Event::InputClosed));
        reader.await.unwrap();
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 1)]
    async fn a_session_without_keys_for_the_idle_time_is_told_to_end() {
        let (events, inbox) = channel_pair();
        let (typed, input) = mpsc::channel(8);
        let reader = tokio::spawn(read_input(input, events, limits(Duration::from_millis(200))));
        typed.send(b"a".to_vec()).await.unwrap();
        assert!(matches!(next(&inbox), Event::Input(_)));
        assert!(matches!(next(&inbox), Event::Signal(IDLE)));
        reader.await.unwrap();
    }
}
