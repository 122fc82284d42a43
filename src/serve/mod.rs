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
//! - [`input`], [`output`]: bytes typed to events; frames to the client, with backpressure;
//! - [`exec`]: read-only commands by exec request;
//! - [`limits`], [`room`], [`journal`]: limits, the shared room, the facilitator's log;
//! - [`look`]: language and theme from the user name.

pub mod access;
pub mod connection;
pub mod dashboard;
pub mod exec;
pub mod host_key;
pub mod input;
pub mod journal;
pub mod limits;
pub mod look;
pub mod output;
pub mod room;

use std::collections::HashMap;
use std::io;
use std::net::SocketAddr;
use std::sync::atomic::Ordering;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use russh::keys::PrivateKey;

use crate::i18n::Explained;
use crate::i18n::problems::io_problem;
use crate::i18n::room::{self as console, Idle, Logged};
use russh::server::{Config, Handle, run_stream};
use russh::{Disconnect, SshId};
use tokio::net::{TcpListener, TcpStream};

pub use room::{ExecRunner, Room, Settings};

/// How long closing waits for dashboards to say goodbye before cutting connections.
const CLOSING_TIME: Duration = Duration::from_secs(5);

/// Connections that have not logged in yet, beyond the session limit, that are let wait.
const EXTRA_CONNECTIONS: usize = 50;

/// Serves the room until SIGTERM or Ctrl-C; returns the exit code.
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
        methods: room.settings.access.methods(),
        keys: vec![key],
        auth_rejection_time: Duration::from_secs(1),
        auth_rejection_time_initial: Some(Duration::ZERO),
        max_auth_attempts: limits.auth_attempts,
        // Dashboards close themselves after `idle` with a message; this catches the rest.
        inactivity_timeout: Some(limits.idle + Duration::from_secs(60)),
        keepalive_interval: Some(Duration::from_secs(30)),
        keepalive_max: 4,
        nodelay: true,
        ..Config::default()
    });
    let rate = limits::ConnectionRate::new(limits.connections_per_minute);
    let handles: Handles = Arc::default();
    let mut terminate = tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate())?;
    let mut status = tokio::time::interval(Duration::from_secs(1));
    let mut throttled: HashMap<std::net::IpAddr, u64> = HashMap::new();
    loop {
        tokio::select! {
            accepted = listener.accept() => {
                let Ok((socket, peer)) = accepted else { continue };
                if !rate.allow(peer.ip()) {
                    // One line for the first refusal of a burst, not a thousand.
                    let count = throttled.entry(peer.ip()).or_insert(0);
                    *count += 1;
                    if *count == 1 {
                        room.journal.log(&Logged::TooManyFrom(peer.ip().to_string()));
                    }
                    continue;
                }
                if room.connections.load(Ordering::SeqCst) >= limits.max_sessions + EXTRA_CONNECTIONS {
                    room.journal.log(&Logged::TooManyConnections(peer.to_string()));
                    continue;
                }
                tokio::spawn(connect(room.clone(), config.clone(), socket, peer, handles.clone()));
            }
            _ = tokio::signal::ctrl_c() => break,
            _ = terminate.recv() => break,
            _ = status.tick() => {
                for (address, count) in throttled.drain() {
                    if count > 1 {
                        room.journal.log(&Logged::MoreRefused { count: count - 1, address: address.to_string() });
                    }
                }
                room.show_status();
            }
        }
    }
    drop(listener);
    close(&room, &handles).await;
    Ok(0)
}

/// Ends every dashboard with a goodbye, then every connection.
async fn close(room: &Arc<Room>, handles: &Handles) {
    room.closing.store(true, Ordering::SeqCst);
    room.journal.log(&Logged::Closing(room.participants()));
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
    room.journal.finish();
    room.journal.log(&Logged::RoomClosed);
}

/// One connection, from the SSH greeting to its end. A connection that has not logged in
/// within the login time is cut.
async fn connect(room: Arc<Room>, config: Arc<Config>, socket: TcpStream, peer: SocketAddr, handles: Handles) {
    let handler = connection::Connection::new(room.clone(), peer);
    let id = handler.id();
    let authenticated = handler.authenticated.clone();
    let open_channels = handler.open_channels.clone();
    let login_time = room.settings.limits.login_time;
    let Ok(Ok(mut session)) = tokio::time::timeout(login_time, run_stream(config, socket, handler)).await else {
        return;
    };
    let handle = session.handle();
    handles.lock().unwrap_or_else(|p| p.into_inner()).insert(id, handle.clone());
    // Checked every login time: logged in by the first check, and a session channel open at
    // one check or the next; else cut (an `ssh -N` would otherwise hold a place forever,
    // kept alive by keepalives).
    let mut without_channel = false;
    loop {
        tokio::select! {
            _ = &mut session => break,
            () = tokio::time::sleep(login_time) => {
                let why = if !authenticated.load(Ordering::SeqCst) {
                    Idle::NoLogin
                } else if open_channels.load(Ordering::SeqCst) > 0 {
                    without_channel = false;
                    continue;
                } else if without_channel {
                    Idle::NoSession
                } else {
                    without_channel = true;
                    continue;
                };
                room.journal.log(&Logged::Cut { connection: id, peer: peer.to_string(), why });
                let lang = room.settings.lang;
                let told = format!("boucle: {}", console::cut(why).get(lang));
                let _ = handle.disconnect(Disconnect::ByApplication, told, lang.code().into()).await;
                let _ = tokio::time::timeout(Duration::from_secs(5), &mut session).await;
                break;
            }
        }
    }
    handles.lock().unwrap_or_else(|p| p.into_inner()).remove(&id);
}
