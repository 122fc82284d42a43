//! One participant's dashboard: the same `App`, `update`, `view` and session loop as the local
//! dashboard, on a thread of its own, with its own event channel and input queue. Around it, on
//! the SSH side: a task that turns the bytes typed into events (the local terminal's decoder,
//! [`crate::ui::decoder`]) and queues them — a bounded queue, so a flood waits in the client,
//! never in the server, and the session sees the client leave at once whatever is queued —
//! and a task that sends frames at the pace the client reads ([`super::output`]). When the
//! session ends, the terminal is put back, a goodbye line is sent, then the exit status, and the
//! channel closes.

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

use super::limits::Limits;
use super::output::{FrameWriter, Next, Outbox, PtySize, SshBackend, SshHost};
use super::retrieval::Owner;
use super::room::Room;
use crate::i18n::room::{End, Logged};
use crate::i18n::{Msg as Words, t};
use crate::presentation::hub::Seat;
use crate::shortlist::Shortlist;
use crate::shortlist::store::{self, Opened};
use crate::text::Lang;
use crate::text::visible;
use crate::ui::colours::Depth;
use crate::ui::decoder::{ESCAPE_TIMEOUT, InputDecoder};
use crate::ui::event::{Event, Reason, channel_pair};
use crate::ui::host::Host;
use crate::ui::input_queue::{InputQueue, Refused};
use crate::ui::session::seat_in;
use crate::ui::session::{Exit, run_session};
use crate::ui::take_home::TakeHome;
use crate::ui::theme::ThemeName;
use crate::ui::{App, Options};

/// Who is at the other end. With key authentication, `key` is the key's SHA-256 fingerprint
/// in hex: the name its shortlist is kept under on the server, so it outlives a reconnection.
#[derive(Clone, Debug)]
pub struct Identity {
    pub user: String,
    pub key: Option<String>,
    /// The start of the command that reaches this room again: `ssh -p 2222 fr@192.0.2.7`.
    pub ssh: String,
    /// Logged in with the facilitator's credential (never from a key only offered).
    pub facilitator: bool,
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
        // Named by the file's name only, as below.
        Opened::Skipping { skipped, .. } => Some(skipped.iter().map(|s| s.get(lang)).collect::<Vec<_>>().join(" · ")),
        Opened::SetAside { problem, moved_to } => {
            let shown = visible::path(&path).to_string();
            room.journal.log(&Logged::ShortlistSetAside { path: shown, problem: problem.clone() });
            // The file's name only: the server's folders are not the participant's business.
            let name = moved_to.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
            Some(crate::i18n::shortlist_set_aside(lang, problem.get(lang), &name))
        }
        Opened::Unusable { problem } => {
            let shown = visible::path(&path).to_string();
            room.journal.log(&Logged::ShortlistUnusable { path: shown, problem: problem.clone() });
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
    queue: Arc<InputQueue>,
}

impl Dashboard {
    /// The client's terminal has a new size: the dashboard draws for it (one resize waits at
    /// most, however many come).
    pub fn resize(&self, width: u16, height: u16) {
        self.size.set(width, height);
        let _ = self.queue.try_push(ratatui::crossterm::event::Event::Resize(width, height));
    }
}

/// How long the goodbye may take to reach a client that has stopped reading.
const GOODBYE_TIME: Duration = Duration::from_secs(5);

pub fn start(
    room: &Arc<Room>,
    id: u64,
    write: ChannelWriteHalf<Msg>,
    (width, height): (u16, u16),
    (lang, theme, colours): (Lang, ThemeName, Depth),
    identity: Identity,
) -> Dashboard {
    let outbox = Arc::new(Outbox::default());
    let size = Arc::new(PtySize::new(width, height));
    let (events, inbox) = channel_pair();
    let queue = InputQueue::new(events.clone());
    let (input, typed) = mpsc::channel::<Vec<u8>>(8);
    let write = Arc::new(write);

    let sender = tokio::spawn(send_frames(outbox.clone(), write.clone(), events.clone()));
    let reader = tokio::spawn(read_input(typed, queue.clone(), events.clone(), room.settings.limits.clone()));
    let (done, ended) = tokio::sync::oneshot::channel::<Option<Exit>>();
    // With a key, the shortlist kept under it; else one that lives in the session, and that
    // the room keeps under a retrieval code, for the participant to take home.
    let (shortlist, shortlist_file, notice) = shortlist_for(room, &identity, lang);
    let (owner, code) = match &identity.key {
        Some(key) => (Owner::Key(key.clone()), None),
        None => (Owner::Session(id), Some(room.retrieval.code_for(id))),
    };
    room.kept(owner.clone(), &shortlist);
    let take_home = Some(TakeHome { ssh: identity.ssh.clone(), code });
    let mut options =
        Options { lang, theme, colours, shortlist, shortlist_file, notice, take_home, ..Options::default() };
    let presentation = room.presentation.get();
    if let Some(presentation) = presentation {
        // The facilitator starts on the projector; a participant browses, and may follow.
        if identity.facilitator {
            options.presenting = Some(crate::ui::state::Role::Projector);
            options.present = Some(crate::ui::app::PresentStart::Tour(presentation.tour.clone()));
            options.chrome = false;
        } else {
            options.presenting = Some(crate::ui::state::Role::Follower);
        }
    }
    let facilitator = identity.facilitator;
    // Given to the room before the catalogue is read, so no reload falls between the two.
    room.set_events(id, events.clone());
    if let Some(presentation) = presentation {
        // Told the stage now (a late joiner lands on the current stop), then each change.
        let events = events.clone();
        let seat = if facilitator { Seat::Driver } else { Seat::Follower };
        presentation.hub.watch(seat, move |stage| events.send(Event::Presented(Box::new(stage.clone()))).is_ok());
    }
    let thread = {
        let (room, outbox, size, events, queue) =
            (room.clone(), outbox.clone(), size.clone(), events.clone(), queue.clone());
        std::thread::Builder::new().name("ssh-session".into()).spawn(move || {
            let who = (id, identity.key, facilitator, owner);
            let exit = run_dashboard(&room, who, options, &outbox, size, events, (&inbox, &queue));
            let _ = done.send(exit);
        })
    };
    if let Err(e) = thread {
        room.journal.log(&Logged::NoThread { session: id, why: crate::i18n::problems::io_problem(&e) });
        outbox.close();
    }

    let room = room.clone();
    tokio::spawn(async move {
        let exit = ended.await.ok().flatten();
        reader.abort();
        // The goodbye is sent if the client reads it soon; a client that stopped reading is
        // not waited for.
        if tokio::time::timeout(GOODBYE_TIME, sender).await.is_err() {
            room.journal.log(&Logged::NotReading(id));
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
            Some(Exit::Quit) => End::Quit,
            Some(Exit::Ended(Reason::RoomClosing)) => End::RoomClosing,
            Some(Exit::Ended(Reason::Idle)) => End::Idle,
            Some(Exit::Ended(Reason::Signal(signal))) => End::Signal(signal),
            Some(Exit::Ended(Reason::InputClosed)) => End::ClientGone,
            Some(Exit::NothingLoaded) => End::NothingToShow,
            Some(Exit::Refused) => End::UnknownValues,
            None => End::Error,
        };
        room.journal.log(&Logged::Ended { session: id, why });
    });

    Dashboard { input, size, events, queue }
}

/// The session thread: the dashboard until it ends, then the terminal put back and a goodbye.
fn run_dashboard(
    room: &Arc<Room>,
    (id, key, facilitator, owner): (u64, Option<String>, bool, Owner),
    options: Options,
    outbox: &Arc<Outbox>,
    size: Arc<PtySize>,
    events: Sender<Event>,
    (inbox, queue): (&Receiver<Event>, &InputQueue),
) -> Option<Exit> {
    let lang = options.lang;
    let shortlist_file = options.shortlist_file.clone();
    // A key's shortlist saved in the room's folder outlives the room; one kept in memory does not.
    let shortlist_kept_on_disk = shortlist_file.is_some();
    let take_home = options.take_home.clone();
    let snapshot = room.catalogue();
    let mut app = App::new(snapshot.indexed, snapshot.problems, options);
    let searcher = seat_in(&room.searches, events.clone()).sharing(room.search_cache.clone());
    drop(events);
    let mut host = SshHost::new(SshBackend::new(FrameWriter::new(outbox.clone()), size), shortlist_file).ok()?;
    if let Some(key) = key {
        let room = room.clone();
        host = host.on_shortlist_saved(move || room.shortlist_saved(&key, id));
    }
    let keeper = room.clone();
    host = host.on_shortlist_changed(move |list| keeper.kept(owner.clone(), list));
    if let Some(presentation) = room.presentation.get() {
        // Only the facilitator's session is given the right to drive.
        let driver = facilitator.then(|| crate::presentation::Driver::Hub(presentation.hub.clone()));
        let room = room.clone();
        host = host.presenting(driver, move |following| room.following(id, following));
        if !facilitator {
            host = host.sharing_frames(presentation.frames.clone());
        }
    }
    let writer = host.terminal().backend_mut();
    let entered = queue!(writer, EnterAlternateScreen, EnableBracketedPaste, cursor::Hide, EnableMouseCapture);
    let exit = entered.ok().and_then(|()| run_session(&mut host, &mut app, inbox, queue, searcher).ok());
    let marks = app.shared().shortlist().len();
    // When the room closes its export goes with it, so the goodbye lists the entries themselves.
    let closing = matches!(exit, Some(Exit::Ended(Reason::RoomClosing)));
    let listed: Vec<(String, String)> = if closing && take_home.is_some() {
        let shared = app.shared();
        let catalogue = shared.catalogue();
        shared
            .shortlist()
            .ids()
            .map(|id| {
                let title = catalogue.get(id.as_str()).map(|e| e.title().get(lang).to_string()).unwrap_or_default();
                (id.as_str().to_string(), crate::text::sanitize(&title, crate::text::Lines::Single))
            })
            .collect()
    } else {
        Vec::new()
    };
    drop(app);
    let mut goodbye = Vec::new();
    let _ = queue!(goodbye, DisableMouseCapture, DisableBracketedPaste, LeaveAlternateScreen, cursor::Show);
    let said = if facilitator && closing {
        // The facilitator closed it: told so, not that "the facilitator" did.
        format!("{}\r\n", crate::i18n::room::you_closed_the_room().get(lang))
    } else {
        farewell(lang, exit.as_ref(), take_home.as_ref(), shortlist_kept_on_disk, marks, &listed)
    };
    goodbye.extend_from_slice(said.as_bytes());
    outbox.push_final(&goodbye);
    outbox.close();
    exit
}

/// The lines after the dashboard: why it ended, then, with marks, where they are kept and how
/// to save them — the command while the room is open, the entries themselves when it closes
/// (`listed`), and whether a key's shortlist waits on the server for the room to reopen.
fn farewell(
    lang: Lang,
    exit: Option<&Exit>,
    take_home: Option<&TakeHome>,
    kept_on_disk: bool,
    marks: usize,
    listed: &[(String, String)],
) -> String {
    let mut said = String::new();
    let words = match exit {
        Some(Exit::Quit) => Some(Words::ServeGoodbye),
        Some(Exit::Ended(Reason::RoomClosing)) => Some(Words::ServeRoomClosing),
        Some(Exit::Ended(Reason::Idle)) => Some(Words::ServeIdle),
        _ => None,
    };
    if let Some(words) = words {
        said.push_str(&format!("{}\r\n", t(lang, words)));
    }
    let Some(home) = take_home.filter(|_| marks > 0 && exit.is_some()) else { return said };
    if matches!(exit, Some(Exit::Ended(Reason::RoomClosing))) {
        let kept = home.code.is_none() && kept_on_disk;
        said.push_str(&format!("{}\r\n", crate::i18n::take_home::closing_list(lang, marks, kept)));
        for (id, title) in listed {
            said.push_str(&format!("  - {title} ({id})\r\n"));
        }
    } else {
        let command = home.command(lang, crate::export::handout::Format::Html);
        said.push_str(&format!("{}\r\n", crate::i18n::take_home::goodbye(lang, marks, home.code.as_deref(), &command)));
    }
    said
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

/// The bytes a participant types, decoded as they come and queued for the session. The client
/// waits while the queue is full (its `data` is not taken in meanwhile), never for longer than
/// the session takes to work through it; a paste, however long, is read through and kept to its
/// first 64 kB. No key for the idle limit ends the session; so does the client leaving, at once,
/// whatever waits in the queue.
async fn read_input(mut typed: mpsc::Receiver<Vec<u8>>, queue: Arc<InputQueue>, events: Sender<Event>, limits: Limits) {
    let mut decoder = InputDecoder::new();
    let mut last_key = Instant::now();
    loop {
        let wait = if decoder.waiting() { ESCAPE_TIMEOUT } else { limits.idle.saturating_sub(last_key.elapsed()) };
        let decoded = match tokio::time::timeout(wait, typed.recv()).await {
            Ok(Some(bytes)) => {
                last_key = Instant::now();
                decoder.feed(&bytes)
            }
            Ok(None) => {
                let _ = events.send(Event::End(Reason::InputClosed));
                return;
            }
            Err(_) if decoder.waiting() => decoder.timed_out(),
            Err(_) => {
                let _ = events.send(Event::End(Reason::Idle));
                return;
            }
        };
        for mut event in decoded {
            loop {
                match queue.try_push(event) {
                    Ok(()) => break,
                    Err(Refused::Closed) => return,
                    Err(Refused::Full(back)) => {
                        // The session is behind: wait for it, unless the client has gone.
                        if typed.is_closed() {
                            let _ = events.send(Event::End(Reason::InputClosed));
                            return;
                        }
                        event = back;
                        tokio::time::sleep(QUEUE_FULL_WAIT).await;
                    }
                }
            }
        }
    }
}

/// How long the reader waits before trying a full queue again: the session takes input in
/// bursts of 20 ms.
const QUEUE_FULL_WAIT: Duration = Duration::from_millis(2);

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::crossterm::event::{Event as Input, KeyCode};

    /// The participant who logged in with a key is told where the key's shortlist is kept and
    /// that the command works while the room is open; one who logged in with the password is
    /// given the code. Neither is told to type anything "at home", where the room is not.
    #[test]
    fn the_goodbye_fits_how_the_participant_logged_in() {
        let ssh = "ssh -p 2222 en@192.0.2.7".to_string();
        let keyed = TakeHome { ssh: ssh.clone(), code: None };
        let coded = TakeHome { ssh, code: Some("K7M2-QX4P".into()) };
        let quit = Some(&Exit::Quit);
        for lang in [Lang::En, Lang::Fr] {
            for said in
                [farewell(lang, quit, Some(&keyed), true, 2, &[]), farewell(lang, quit, Some(&coded), false, 2, &[])]
            {
                assert!(!said.contains("at home") && !said.contains("chez vous"), "{said}");
                assert!(said.contains("export --shortlist"), "{said}");
            }
        }
        let said = farewell(Lang::En, quit, Some(&keyed), true, 2, &[]);
        assert!(said.contains("kept under your SSH key") && said.contains("while the room is open"), "{said}");
        let said = farewell(Lang::Fr, quit, Some(&coded), false, 2, &[]);
        assert!(said.contains("gardée sous le code K7M2-QX4P jusqu’à la fermeture de la salle"), "{said}");

        // The room closing: no command (the room is gone), the entries to copy; a key's file
        // waits for the room to reopen, a shortlist kept in memory does not.
        let closing = Some(&Exit::Ended(Reason::RoomClosing));
        let listed = [("a".to_string(), "Alpha".to_string())];
        let said = farewell(Lang::En, closing, Some(&keyed), true, 1, &listed);
        assert!(
            said.contains("stays under your SSH key for when it reopens") && said.contains("  - Alpha (a)"),
            "{said}"
        );
        assert!(!said.contains("export --shortlist"), "{said}");
        let said = farewell(Lang::En, closing, Some(&keyed), false, 1, &listed);
        assert!(said.contains("is no longer kept there") && said.contains("  - Alpha (a)"), "{said}");
        let said = farewell(Lang::Fr, closing, Some(&coded), false, 1, &listed);
        assert!(said.contains("n’y est plus gardée") && said.contains("  - Alpha (a)"), "{said}");
        // No marks: the goodbye only.
        assert_eq!(farewell(Lang::En, quit, Some(&keyed), true, 0, &[]).lines().count(), 1);
    }

    fn limits(idle: Duration) -> Limits {
        Limits { idle, ..Limits::default() }
    }

    fn next(inbox: &Receiver<Event>) -> Event {
        inbox.recv_timeout(Duration::from_secs(5)).expect("an event")
    }

    /// The next input queued, once the queue has rung.
    fn next_input(inbox: &Receiver<Event>, queue: &InputQueue) -> Input {
        let deadline = Instant::now() + Duration::from_secs(5);
        loop {
            if let Some(input) = queue.take() {
                return input;
            }
            assert!(Instant::now() < deadline, "no input came");
            let _ = inbox.recv_timeout(Duration::from_millis(10));
        }
    }

    fn reader(
        idle: Duration,
    ) -> (mpsc::Sender<Vec<u8>>, Receiver<Event>, Arc<InputQueue>, tokio::task::JoinHandle<()>) {
        let (events, inbox) = channel_pair();
        let queue = InputQueue::new(events.clone());
        let (typed, input) = mpsc::channel(8);
        let reader = tokio::spawn(read_input(input, queue.clone(), events, limits(idle)));
        (typed, inbox, queue, reader)
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 1)]
    async fn a_lone_escape_is_sent_after_the_timeout_and_a_split_arrow_is_one_key() {
        let (typed, inbox, queue, reader) = reader(Duration::from_secs(60));
        typed.send(b"\x1b".to_vec()).await.unwrap();
        assert!(matches!(next_input(&inbox, &queue), Input::Key(k) if k.code == KeyCode::Esc));
        typed.send(b"\x1b[".to_vec()).await.unwrap();
        typed.send(b"B".to_vec()).await.unwrap();
        assert!(matches!(next_input(&inbox, &queue), Input::Key(k) if k.code == KeyCode::Down));
        drop(typed);
        assert!(matches!(next(&inbox), Event::End(Reason::InputClosed)));
        reader.await.unwrap();
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 1)]
    async fn a_session_without_keys_for_the_idle_time_is_told_to_end() {
        let (typed, inbox, queue, reader) = reader(Duration::from_millis(200));
        typed.send(b"a".to_vec()).await.unwrap();
        assert!(matches!(next_input(&inbox, &queue), Input::Key(_)));
        loop {
            match next(&inbox) {
                Event::End(reason) => break assert_eq!(reason, Reason::Idle),
                _ => continue,
            }
        }
        reader.await.unwrap();
    }

    /// A session that takes nothing (as one that is behind): its queue fills, the client waits,
    /// and when the client leaves the session is told at once, not after the backlog.
    #[tokio::test(flavor = "multi_thread", worker_threads = 1)]
    async fn a_client_that_leaves_behind_a_full_queue_ends_its_session_at_once() {
        let (typed, inbox, queue, reader) = reader(Duration::from_secs(60));
        for _ in 0..4 {
            typed.send(vec![b'a'; 1000]).await.unwrap();
        }
        while queue.len() < crate::ui::input_queue::CAPACITY {
            tokio::time::sleep(Duration::from_millis(5)).await;
        }
        drop(typed);
        let left = Instant::now();
        loop {
            match next(&inbox) {
                Event::End(reason) => break assert_eq!(reason, Reason::InputClosed),
                _ => continue,
            }
        }
        assert!(left.elapsed() < Duration::from_secs(1), "seen after {:?}", left.elapsed());
        assert_eq!(queue.len(), crate::ui::input_queue::CAPACITY, "the queue never grew past its bound");
        reader.await.unwrap();
    }

    /// A megabyte pasted over SSH is one paste event of its first 64 kB.
    #[tokio::test(flavor = "multi_thread", worker_threads = 1)]
    async fn a_megabyte_paste_is_one_event() {
        let (typed, inbox, queue, reader) = reader(Duration::from_secs(60));
        typed.send(b"\x1b[200~".to_vec()).await.unwrap();
        for _ in 0..32 {
            typed.send(vec![b'x'; 32 * 1024]).await.unwrap();
        }
        typed.send(b"\x1b[201~q".to_vec()).await.unwrap();
        let paste = next_input(&inbox, &queue);
        assert!(matches!(&paste, Input::Paste(text) if text.len() == crate::ui::decoder::PASTE_KEEP));
        assert!(matches!(next_input(&inbox, &queue), Input::Key(k) if k.code == KeyCode::Char('q')));
        drop(typed);
        reader.await.unwrap();
    }
}
