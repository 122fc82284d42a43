//! `boucle serve`: a workshop room over SSH. Each participant who connects with a terminal gets
//! their own dashboard — the same `App`, `update`, `view` and session loop as the local one —
//! over the one shared catalogue; exec requests run the read-only commands. All tokio and russh
//! code lives in this module; the dashboard itself stays synchronous, on a thread per session,
//! fed through its event channel.
//!
//! - [`access`]: who may come in (room password, keys, or explicitly open);
//! - [`host_key`]: the server's key, made once and kept 0600;
//! - [`connection`]: one SSH connection, what it may ask for and what is refused;
//! - [`dashboard`]: one participant's dashboard, its input and output tasks;
//! - [`output`]: frames to the client, with backpressure (bytes typed become events in
//!   [`crate::ui::decoder`], the local terminal's decoder too);
//! - [`exec`]: read-only commands by exec request;
//! - [`limits`], [`startups`], [`room`], [`journal`]: limits, the budget of connections
//!   waiting to log in, the shared room, the facilitator's log;
//! - [`presentation`]: the room's presentation, who drives it and who follows;
//! - [`frames`]: each slide drawn once for the followers who see it alike;
//! - [`signals`]: every signal that closes the room;
//! - [`look`]: language and theme from the user name;
//! - [`retrieval`]: every shortlist goes home (by key, or by a retrieval code);
//! - [`picks`], [`report`]: the room's picks on the server's terminal, and the workshop's
//!   report when the room closes.

pub mod access;
pub mod connection;
pub mod dashboard;
pub mod exec;
pub mod frames;
pub mod host_key;
pub mod journal;
pub mod limits;
pub mod look;
pub mod output;
pub mod picks;
pub mod presentation;
pub mod report;
pub mod retrieval;
pub mod room;
pub mod signals;
pub mod startups;

use std::collections::HashMap;
use std::io;
use std::net::SocketAddr;
use std::os::fd::{AsFd, AsRawFd};
use std::sync::atomic::Ordering;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use russh::keys::PrivateKey;

use crate::i18n::Explained;
use crate::i18n::problems::io_problem;
use crate::i18n::room::{self as console, Idle, Logged};
use russh::server::{Config, Handle, run_stream};
use russh::{Disconnect, SshId};
use tokio::net::{TcpListener, TcpStream};

use journal::Repeat;
pub use room::{ExecRunner, Room, Settings};

/// How long closing waits for dashboards to say goodbye before cutting connections.
const CLOSING_TIME: Duration = Duration::from_secs(5);

/// Logged-in connections beyond the session limit that are let in (a command beside a
/// dashboard, a reconnection while the old connection closes). Connections waiting to log in
/// have their own budget ([`startups`]) and never take these places.
const EXTRA_CONNECTIONS: usize = 50;

/// Serves the room until a closing signal (Ctrl-C, SIGTERM, SIGHUP…: [`signals`]); returns
/// the exit code.
pub fn run(listen: SocketAddr, key: PrivateKey, room: Arc<Room>) -> io::Result<i32> {
    let runtime = tokio::runtime::Builder::new_multi_thread().worker_threads(2).enable_all().build()?;
    runtime.block_on(serve(listen, key, room))
}

type Handles = Arc<Mutex<HashMap<u64, Handle>>>;

async fn serve(listen: SocketAddr, key: PrivateKey, room: Arc<Room>) -> io::Result<i32> {
    let listener = TcpListener::bind(listen)
        .await
        .map_err(|e| Explained::io(e.kind(), console::cannot_listen(&listen.to_string(), &io_problem(&e))))?;
    let limits = room.settings.limits.clone();
    let config = Arc::new(Config {
        server_id: SshId::Standard(format!("SSH-2.0-boucle_{}", env!("CARGO_PKG_VERSION")).into()),
        methods: {
            let mut methods = room.settings.access.methods();
            for kind in room.facilitator.get().map(presentation::Facilitator::methods).unwrap_or_default() {
                methods.push(kind);
            }
            methods
        },
        keys: vec![key],
        auth_rejection_time: Duration::from_secs(1),
        auth_rejection_time_initial: Some(Duration::ZERO),
        max_auth_attempts: limits.auth_attempts,
        // Dashboards close themselves after `idle` with a message; this catches the rest.
        inactivity_timeout: Some(limits.idle + Duration::from_secs(60)),
        keepalive_interval: Some(Duration::from_secs(30)),
        keepalive_max: 4,
        ..Config::default()
    });
    let rate = limits::ConnectionRate::new(limits.connections_per_minute);
    let startups = startups::Startups::new(limits.max_startups, limits.startups_per_address);
    let handles: Handles = Arc::default();
    let mut signals = signals::listen()?;
    for ignored in &signals.ignored {
        room.journal.log(&Logged::SignalIgnored(signals::name(*ignored).to_string()));
    }
    let mut status = tokio::time::interval(Duration::from_secs(1));
    let signal = loop {
        tokio::select! {
            accepted = listener.accept() => {
                let Ok((socket, peer)) = accepted else { continue };
                let id = room.next_id();
                if !rate.allow(peer.ip()) {
                    room.journal.repeated(Repeat::RateLimited, peer.ip(), id);
                    continue;
                }
                let waiting = startups.waiting();
                let logged_in = room.connections.load(Ordering::SeqCst).saturating_sub(waiting);
                if logged_in >= limits.max_sessions + EXTRA_CONNECTIONS {
                    room.journal.log(&Logged::TooManyConnections(peer.to_string()));
                    continue;
                }
                let ticket = match startups.admit(id, peer.ip(), Instant::now()) {
                    Ok((ticket, dropped)) => {
                        if let Some(address) = dropped {
                            room.journal.repeated(Repeat::Dropped, address, id);
                        }
                        ticket
                    }
                    Err(startups::Refused::Address) => {
                        room.journal.repeated(Repeat::AddressWaiting, peer.ip(), id);
                        continue;
                    }
                    Err(startups::Refused::Full) => {
                        room.journal.repeated(Repeat::AllWaiting, peer.ip(), id);
                        continue;
                    }
                };
                tokio::spawn(connect(room.clone(), config.clone(), socket, (id, peer), ticket, handles.clone()));
            }
            Some(signal) = signals.arrived.recv() => break signal,
            _ = status.tick() => {
                room.journal.tally();
                room.show_status();
            }
        }
    };
    drop(listener);
    close(&room, &handles, signal).await;
    Ok(0)
}

/// Ends every dashboard with a goodbye, then every connection.
async fn close(room: &Arc<Room>, handles: &Handles, signal: libc::c_int) {
    room.closing.store(true, Ordering::SeqCst);
    room.journal.log(&Logged::Closing { signal: signals::name(signal).to_string(), sessions: room.participants() });
    room.end_all();
    let _ = tokio::time::timeout(CLOSING_TIME, async {
        while room.participants() > 0 {
            let left = room.left.notified();
            if room.participants() == 0 {
                break;
            }
            let _ = tokio::time::timeout(Duration::from_millis(100), left).await;
        }
    })
    .await;
    // Clients whose channel closed leave by themselves, after reading the goodbye; a
    // disconnect sent now could overtake it.
    let _ = tokio::time::timeout(Duration::from_secs(2), async {
        while room.connections.load(Ordering::SeqCst) > 0 {
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    })
    .await;
    let handles: Vec<Handle> = handles.lock().unwrap_or_else(|p| p.into_inner()).drain().map(|(_, h)| h).collect();
    // The facilitator's language: who is still connected is not known by then.
    let lang = room.settings.lang;
    let (said, code) = (console::room_closed().get(lang).to_string(), lang.code());
    for handle in handles {
        let _ = tokio::time::timeout(
            Duration::from_secs(1),
            handle.disconnect(Disconnect::ByApplication, said.to_string(), code.into()),
        )
        .await;
    }
    write_report(room);
    // Codes are good for the room's life only.
    room.retrieval.close();
    room.journal.finish();
    room.journal.log(&Logged::RoomClosed);
}

/// `--report FILE`: the workshop's result, once every dashboard has said goodbye (so every
/// mark is in).
fn write_report(room: &Room) {
    let Some(given) = &room.settings.report else { return };
    let snapshot = room.catalogue();
    let (lang, dirs) = (room.settings.lang, &room.settings.catalogue_dirs);
    let tour = room.presentation.get().map(|presented| presented.tour.as_str());
    let said = match report::write(given, snapshot.catalogue(), &room.picks(), tour, lang, dirs) {
        Ok(written) => {
            let shown: Vec<String> = written.iter().map(|p| crate::text::visible::path(p).to_string()).collect();
            crate::i18n::picks::report_written(&shown.join(", "))
        }
        Err(why) => crate::i18n::picks::report_not_written(&why),
    };
    room.journal.line(said.get(room.journal.lang));
}

/// One connection, from the SSH greeting to its end. A connection that has not logged in
/// within the login grace time is cut, and so is one whose place in the budget of connections
/// waiting to log in is given to a newer one ([`startups`]); once logged in, a connection
/// that keeps no session open is cut too.
async fn connect(
    room: Arc<Room>,
    config: Arc<Config>,
    socket: TcpStream,
    (id, peer): (u64, SocketAddr),
    ticket: startups::Ticket,
    handles: Handles,
) {
    // Our own descriptor of the socket, to shut it down: russh takes a disconnect only
    // between key exchanges, and a client that stalls in one would keep its session's task
    // (and socket) long after its place was given up.
    let closer = socket.as_fd().try_clone_to_owned().ok();
    let shut = move || {
        if let Some(fd) = &closer {
            // SAFETY: shutdown on a descriptor this task owns; it ends the socket for every
            // descriptor of it, so the session's reads and writes fail and its task ends.
            unsafe { libc::shutdown(fd.as_raw_fd(), libc::SHUT_RDWR) };
        }
    };
    // Config::nodelay is applied only by russh's own listener, not by `run_stream`: without
    // this, Nagle held a frame's last bytes until the client's delayed ack of the ones before
    // (40 ms on Linux), when a key's results followed its echo (BENCHMARKS.md, #25 item 5).
    let _ = socket.set_nodelay(true);
    let mut handler = connection::Connection::new(room.clone(), id, peer, ticket.began.clone());
    handler.local = socket.local_addr().ok();
    let authenticated = handler.authenticated.clone();
    let logged_in = handler.logged_in.clone();
    let open_channels = handler.open_channels.clone();
    let login_time = room.settings.limits.login_time;
    let deadline = tokio::time::Instant::now() + login_time;
    let timed_out = || room.journal.repeated(Repeat::Timeout, peer.ip(), id);
    let started = tokio::select! {
        started = tokio::time::timeout_at(deadline, run_stream(config, socket, handler)) => started,
        // Given to a newer connection: the log said so when it was.
        () = ticket.dropped.notified() => return,
    };
    let mut session = match started {
        Ok(Ok(session)) => session,
        Ok(Err(_)) => return,
        Err(_) => return timed_out(),
    };
    let handle = session.handle();
    handles.lock().unwrap_or_else(|p| p.into_inner()).insert(id, handle.clone());
    // Told in the room's language, as the console says it.
    let lang = room.settings.lang;
    let cut = |why: Idle| {
        let handle = handle.clone();
        let told = format!("boucle: {}", console::cut(why).get(lang));
        async move {
            let _ = handle.disconnect(Disconnect::ByApplication, told, lang.code().into()).await;
        }
    };
    // Until it logs in: the grace time, or the place given to a newer connection.
    while !authenticated.load(Ordering::SeqCst) {
        tokio::select! {
            _ = &mut session => {
                handles.lock().unwrap_or_else(|p| p.into_inner()).remove(&id);
                return;
            }
            () = tokio::time::sleep_until(deadline) => {
                if authenticated.load(Ordering::SeqCst) {
                    break;
                }
                timed_out();
                cut(Idle::NoLogin).await;
                if tokio::time::timeout(Duration::from_secs(1), &mut session).await.is_err() {
                    shut();
                }
                handles.lock().unwrap_or_else(|p| p.into_inner()).remove(&id);
                return;
            }
            () = ticket.dropped.notified() => {
                shut();
                handles.lock().unwrap_or_else(|p| p.into_inner()).remove(&id);
                return;
            }
            () = logged_in.notified() => {}
        }
    }
    ticket.logged_in();
    // Checked every login time: a session channel open at one check or the next; else cut
    // (an `ssh -N` would otherwise hold a place forever, kept alive by keepalives).
    let mut without_channel = false;
    loop {
        tokio::select! {
            _ = &mut session => break,
            () = tokio::time::sleep(login_time) => {
                if open_channels.load(Ordering::SeqCst) > 0 {
                    without_channel = false;
                    continue;
                }
                if !without_channel {
                    without_channel = true;
                    continue;
                }
                room.journal.log(&Logged::Cut { connection: id, peer: peer.to_string(), why: Idle::NoSession });
                cut(Idle::NoSession).await;
                let _ = tokio::time::timeout(Duration::from_secs(5), &mut session).await;
                break;
            }
        }
    }
    handles.lock().unwrap_or_else(|p| p.into_inner()).remove(&id);
}
