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
//! - [`limits`], [`room`], [`journal`]: limits, the shared room, the facilitator's log;
//! - [`look`]: language and theme from the user name.

pub mod access;
pub mod connection;
pub mod dashboard;
pub mod exec;
pub mod host_key;
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
        .map_err(|e| io::Error::new(e.kind(), format!("cannot listen on {listen}: {e}")))?;
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
                        room.journal.line(&format!("refused: too many connections from {}", peer.ip()));
                    }
                    continue;
                }
                if room.connections.load(Ordering::SeqCst) >= limits.max_sessions + EXTRA_CONNECTIONS {
                    room.journal.line(&format!("refused: connection from {peer}, too many connections"));
                    continue;
                }
                tokio::spawn(connect(room.clone(), config.clone(), socket, peer, handles.clone()));
            }
            _ = tokio::signal::ctrl_c() => break,
            _ = terminate.recv() => break,
            _ = status.tick() => {
                for (address, count) in throttled.drain() {
                    if count > 1 {
                        room.journal.line(&format!("refused: {} more connections from {address}", count - 1));
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
    room.journal.line(&format!("closing the room: {} session(s) to end", room.participants()));
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
    for handle in handles {
        let _ = tokio::time::timeout(
            Duration::from_secs(1),
            handle.disconnect(Disconnect::ByApplication, "the room is closed".into(), "en".into()),
        )
        .await;
    }
    room.journal.finish();
    room.journal.line("the room is closed");
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
                    "did not log in in time"
                } else if open_channels.load(Ordering::SeqCst) > 0 {
                    without_channel = false;
                    continue;
                } else if without_channel {
                    "opened no session"
                } else {
                    without_channel = true;
                    continue;
                };
                room.journal.line(&format!("connection {id}: {peer} {why}; closed"));
                let _ = handle.disconnect(Disconnect::ByApplication, format!("boucle: {why}"), "en".into()).await;
                let _ = tokio::time::timeout(Duration::from_secs(5), &mut session).await;
                break;
            }
        }
    }
    handles.lock().unwrap_or_else(|p| p.into_inner()).remove(&id);
}
