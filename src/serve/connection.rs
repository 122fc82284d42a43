//! One SSH connection: authentication, then its channels. A channel with a PTY whose client
//! asks for a shell gets a dashboard (never a shell); an exec request runs a read-only
//! command; everything else — subsystems (SFTP), port forwarding, agent and X11 forwarding —
//! is refused, and each refusal is logged.

use std::collections::HashMap;
use std::net::SocketAddr;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

use russh::keys::HashAlg;
use russh::server::{Auth, ChannelOpenHandle, Handler, Msg, Session, VerifiedPublicKey};
use russh::{Channel, ChannelId, ChannelOpenFailure, ChannelWriteHalf, Pty};

use super::dashboard::{self, Dashboard, Identity};
use super::look::parse_user;
use super::output::clamp_size;
use super::room::{Participant, Room};
use crate::i18n::room::{Logged, Login, Refusal};
use crate::i18n::{Msg as Words, t};
use crate::text::Lang;
use crate::text::visible::{CLIENT_TEXT_MAX, client};
use crate::ui::colours::Depth;
use crate::ui::theme::ThemeName;

/// Session channels one connection may open at once (a dashboard and a command, say).
const MAX_CHANNELS: usize = 4;

#[derive(Default)]
struct ChannelState {
    /// Taken when the channel starts its dashboard or command.
    write: Option<ChannelWriteHalf<Msg>>,
    pty: Option<(u16, u16)>,
    /// From the client's `LANG`/`LC_*`, when it sends them.
    env_lang: Option<(u8, Lang)>,
    /// The pty request's `TERM`, and `COLORTERM` when the client sends it: how many colours
    /// the participant's terminal shows (a 256-colour terminal given 24-bit colour garbles it).
    term: String,
    colorterm: String,
    dashboard: Option<Dashboard>,
}

pub struct Connection {
    room: Arc<Room>,
    id: u64,
    peer: SocketAddr,
    user: String,
    key: Option<String>,
    /// The key's name in the authorized_keys file (its comment), for the console.
    name: Option<String>,
    /// The same fingerprint in hex: a file name for the key's shortlist.
    key_hex: Option<String>,
    /// Logged in with the facilitator's credential: its dashboard drives the presentation.
    facilitator: bool,
    pub authenticated: Arc<AtomicBool>,
    /// Woken when the connection logs in.
    pub logged_in: Arc<tokio::sync::Notify>,
    /// Set at the client's first request to authenticate: a connection that never makes one
    /// is idle, and may make way for a new one (`startups.rs`).
    began: Arc<AtomicBool>,
    /// Session channels open now: a connection that keeps none open (`ssh -N`) is closed.
    pub open_channels: Arc<AtomicUsize>,
    channels: HashMap<ChannelId, ChannelState>,
    /// The address the client reached: the one to give back in commands it types later.
    pub local: Option<SocketAddr>,
}

impl Connection {
    pub fn new(room: Arc<Room>, id: u64, peer: SocketAddr, began: Arc<AtomicBool>) -> Connection {
        room.connections.fetch_add(1, Ordering::SeqCst);
        Connection {
            room,
            id,
            peer,
            user: String::new(),
            key: None,
            name: None,
            key_hex: None,
            facilitator: false,
            authenticated: Arc::new(AtomicBool::new(false)),
            logged_in: Arc::default(),
            began,
            open_channels: Arc::default(),
            channels: HashMap::new(),
            local: None,
        }
    }

    pub fn id(&self) -> u64 {
        self.id
    }

    fn refuse(&self, what: Refusal) {
        self.room.journal.log(&Logged::Refused { connection: self.id, what, peer: self.peer.to_string() });
    }

    /// Language and theme: from the user name (`fr@`, `en-light@`, `light@`), else the
    /// client's locale, else the server's `--lang`.
    fn look(&self, channel: &ChannelState) -> (Lang, ThemeName) {
        let (name_lang, name_theme) = parse_user(&self.user);
        let lang = name_lang.or(channel.env_lang.map(|(_, lang)| lang)).unwrap_or(self.room.settings.lang);
        (lang, name_theme.unwrap_or(self.room.settings.theme))
    }
}

impl Drop for Connection {
    fn drop(&mut self) {
        self.room.connections.fetch_sub(1, Ordering::SeqCst);
        if self.authenticated.load(Ordering::SeqCst) {
            self.room.journal.log(&Logged::ConnectionClosed(self.id));
        }
        self.room.show_status();
    }
}

impl Handler for Connection {
    type Error = russh::Error;

    async fn auth_none(&mut self, user: &str) -> Result<Auth, Self::Error> {
        self.began.store(true, Ordering::SeqCst);
        self.user = user.chars().take(CLIENT_TEXT_MAX + 1).collect();
        Ok(if self.room.settings.access.is_open() { Auth::Accept } else { Auth::reject() })
    }

    async fn auth_password(&mut self, user: &str, password: &str) -> Result<Auth, Self::Error> {
        self.began.store(true, Ordering::SeqCst);
        self.user = user.chars().take(CLIENT_TEXT_MAX + 1).collect();
        // The facilitator's first: an open room takes any password as a participant's.
        if self.room.facilitator.get().is_some_and(|f| f.password_ok(password)) {
            self.facilitator = true;
            (self.key, self.key_hex, self.name) = (None, None, None);
            return Ok(Auth::Accept);
        }
        if self.room.settings.access.password_ok(password) {
            // Identity is only what authenticated: never a key offered before.
            (self.key, self.key_hex, self.name) = (None, None, None);
            return Ok(Auth::Accept);
        }
        self.refuse(Refusal::WrongPassword);
        Ok(Auth::reject())
    }

    async fn auth_publickey_offered(
        &mut self,
        _user: &str,
        offer: russh::server::PublicKeyOffer<'_>,
    ) -> Result<Auth, Self::Error> {
        self.began.store(true, Ordering::SeqCst);
        // Nothing is kept of an offered key: who it is comes only from a verified signature.
        let known = self.room.settings.access.key_ok(offer.public_key)
            || self.room.facilitator.get().is_some_and(|f| f.key_ok(offer.public_key));
        Ok(if known { Auth::Accept } else { Auth::reject() })
    }

    async fn auth_publickey(&mut self, user: &str, key: VerifiedPublicKey<'_>) -> Result<Auth, Self::Error> {
        self.user = user.chars().take(CLIENT_TEXT_MAX + 1).collect();
        let facilitator = self.room.facilitator.get().is_some_and(|f| f.key_ok(key.public_key));
        if facilitator || self.room.settings.access.key_ok(key.public_key) {
            self.facilitator = facilitator;
            let fingerprint = key.public_key.fingerprint(HashAlg::Sha256);
            self.key = Some(fingerprint.to_string());
            self.name = self.room.settings.access.key_name(key.public_key);
            self.key_hex = Some(fingerprint.as_bytes().iter().map(|b| format!("{b:02x}")).collect());
            return Ok(Auth::Accept);
        }
        self.refuse(Refusal::UnknownKey);
        Ok(Auth::reject())
    }

    async fn auth_succeeded(&mut self, _session: &mut Session) -> Result<(), Self::Error> {
        self.authenticated.store(true, Ordering::SeqCst);
        self.logged_in.notify_one();
        let how = match &self.key {
            Some(key) if self.facilitator => Login::FacilitatorKey(key.clone()),
            None if self.facilitator => Login::FacilitatorPassword,
            Some(key) => Login::Key(key.clone()),
            None if self.room.settings.access.is_open() => Login::OpenRoom,
            None => Login::Password,
        };
        let (connection, user, peer) = (self.id, client(&self.user), self.peer.to_string());
        let name = self.name.clone();
        self.room.journal.log(&Logged::LoggedIn { connection, name, user, peer, how });
        Ok(())
    }

    async fn channel_open_session(
        &mut self,
        channel: Channel<Msg>,
        reply: ChannelOpenHandle,
        _session: &mut Session,
    ) -> Result<(), Self::Error> {
        if self.channels.len() >= MAX_CHANNELS {
            self.refuse(Refusal::ChannelBeyondLimit);
            reply.reject(ChannelOpenFailure::ResourceShortage).await;
            return Ok(());
        }
        // Only the write half is kept: input arrives through `data`, and a dropped read half
        // never fills up and stalls the connection.
        let (_read, write) = channel.split();
        self.channels.insert(write.id(), ChannelState { write: Some(write), ..ChannelState::default() });
        self.open_channels.store(self.channels.len(), Ordering::SeqCst);
        reply.accept().await;
        Ok(())
    }

    async fn channel_open_x11(
        &mut self,
        _channel: Channel<Msg>,
        _address: &str,
        _port: u32,
        reply: ChannelOpenHandle,
        _session: &mut Session,
    ) -> Result<(), Self::Error> {
        self.refuse(Refusal::X11);
        reply.reject(ChannelOpenFailure::AdministrativelyProhibited).await;
        Ok(())
    }

    async fn channel_open_direct_tcpip(
        &mut self,
        _channel: Channel<Msg>,
        host: &str,
        port: u32,
        _originator: &str,
        _originator_port: u32,
        reply: ChannelOpenHandle,
        _session: &mut Session,
    ) -> Result<(), Self::Error> {
        self.refuse(Refusal::PortForwarding { host: client(host), port });
        reply.reject(ChannelOpenFailure::AdministrativelyProhibited).await;
        Ok(())
    }

    async fn channel_open_forwarded_tcpip(
        &mut self,
        _channel: Channel<Msg>,
        _host: &str,
        _port: u32,
        _originator: &str,
        _originator_port: u32,
        reply: ChannelOpenHandle,
        _session: &mut Session,
    ) -> Result<(), Self::Error> {
        self.refuse(Refusal::ForwardedChannel);
        reply.reject(ChannelOpenFailure::AdministrativelyProhibited).await;
        Ok(())
    }

    async fn channel_open_direct_streamlocal(
        &mut self,
        _channel: Channel<Msg>,
        _path: &str,
        reply: ChannelOpenHandle,
        _session: &mut Session,
    ) -> Result<(), Self::Error> {
        self.refuse(Refusal::SocketForwarding);
        reply.reject(ChannelOpenFailure::AdministrativelyProhibited).await;
        Ok(())
    }

    async fn pty_request(
        &mut self,
        channel: ChannelId,
        term: &str,
        width: u32,
        height: u32,
        _pix_width: u32,
        _pix_height: u32,
        _modes: &[(Pty, u32)],
        session: &mut Session,
    ) -> Result<(), Self::Error> {
        match self.channels.get_mut(&channel) {
            Some(state) if state.dashboard.is_none() => {
                state.pty = Some(clamp_size(width, height));
                state.term = term.chars().take(CLIENT_TEXT_MAX).collect();
                session.channel_success(channel)
            }
            _ => session.channel_failure(channel),
        }
    }

    async fn env_request(
        &mut self,
        channel: ChannelId,
        name: &str,
        value: &str,
        session: &mut Session,
    ) -> Result<(), Self::Error> {
        // POSIX order: LC_ALL over LC_MESSAGES over LANG.
        let rank = match name {
            "LC_ALL" => 3,
            "LC_MESSAGES" => 2,
            "LANG" => 1,
            _ => 0,
        };
        if let Some(state) = self.channels.get_mut(&channel)
            && name == "COLORTERM"
        {
            state.colorterm = value.chars().take(CLIENT_TEXT_MAX).collect();
        }
        if let Some(state) = self.channels.get_mut(&channel)
            && rank > 0
            && !value.is_empty()
            && state.env_lang.is_none_or(|(previous, _)| rank > previous)
        {
            state.env_lang = Some((rank, Lang::from_locale(value)));
        }
        session.channel_success(channel)
    }

    async fn shell_request(&mut self, channel: ChannelId, session: &mut Session) -> Result<(), Self::Error> {
        let Some(state) = self.channels.get(&channel) else { return session.channel_failure(channel) };
        let (lang, theme) = self.look(state);
        let depth = Depth::from_client(&state.colorterm, &state.term);
        let pty = state.pty;
        let dumb = state.term == "dumb";
        let Some(write) = self.channels.get_mut(&channel).and_then(|s| s.write.take()) else {
            return session.channel_failure(channel);
        };
        let Some(size) = pty else {
            self.refuse(Refusal::ShellWithoutTerminal);
            session.channel_success(channel)?;
            let message = format!("boucle: {}\r\n", t(lang, Words::ServeNeedsTerminal));
            tokio::spawn(super::exec::close_with(Some(write), message, 1));
            return Ok(());
        };
        // As the local dashboard refuses TERM=dumb (its frames would show as escape codes).
        if dumb {
            session.channel_success(channel)?;
            let message = format!("boucle: {}\r\n", crate::i18n::room::terminal_is_dumb().get(lang));
            tokio::spawn(super::exec::close_with(Some(write), message, 2));
            return Ok(());
        }
        let id = self.room.next_id();
        let participant = Participant { peer: self.peer, lang, events: None, key: self.key_hex.clone() };
        if self.room.admit(id, participant).is_err() {
            self.refuse(Refusal::RoomFull);
            session.channel_success(channel)?;
            tokio::spawn(super::exec::close_with(
                Some(write),
                format!("boucle: {}\r\n", t(lang, Words::ServeRoomFull)),
                1,
            ));
            return Ok(());
        }
        session.channel_success(channel)?;
        let ssh = super::retrieval::ssh_command(&self.user, self.local.unwrap_or(self.peer));
        let identity =
            Identity { user: self.user.clone(), key: self.key_hex.clone(), ssh, facilitator: self.facilitator };
        let started = dashboard::start(&self.room, id, write, size, (lang, theme, depth), identity);
        let (user, peer) = (client(&self.user), self.peer.to_string());
        let name = self.name.clone();
        self.room.journal.log(&Logged::Dashboard { session: id, name, user, peer, size, lang });
        if let Some(state) = self.channels.get_mut(&channel) {
            state.dashboard = Some(started);
        }
        Ok(())
    }

    async fn exec_request(
        &mut self,
        channel: ChannelId,
        data: &[u8],
        session: &mut Session,
    ) -> Result<(), Self::Error> {
        let Some(state) = self.channels.get(&channel) else { return session.channel_failure(channel) };
        let (lang, _) = self.look(state);
        let pty = state.pty.is_some();
        let Some(write) = self.channels.get_mut(&channel).and_then(|s| s.write.take()) else {
            return session.channel_failure(channel);
        };
        session.channel_success(channel)?;
        let command = String::from_utf8_lossy(data).into_owned();
        let id = self.room.next_id();
        let key = self.key_hex.clone();
        tokio::spawn(super::exec::run(self.room.clone(), (id, self.peer, key), write, command, (lang, pty)));
        Ok(())
    }

    async fn subsystem_request(
        &mut self,
        channel: ChannelId,
        name: &str,
        session: &mut Session,
    ) -> Result<(), Self::Error> {
        self.refuse(Refusal::Subsystem(client(name)));
        session.channel_failure(channel)
    }

    async fn x11_request(
        &mut self,
        channel: ChannelId,
        _single: bool,
        _protocol: &str,
        _cookie: &str,
        _screen: u32,
        session: &mut Session,
    ) -> Result<(), Self::Error> {
        self.refuse(Refusal::X11Forwarding);
        session.channel_failure(channel)
    }

    async fn agent_request(&mut self, _channel: ChannelId, _session: &mut Session) -> Result<bool, Self::Error> {
        self.refuse(Refusal::AgentForwarding);
        Ok(false)
    }

    async fn tcpip_forward(
        &mut self,
        _address: &str,
        port: &mut u32,
        _session: &mut Session,
    ) -> Result<bool, Self::Error> {
        self.refuse(Refusal::RemotePortForwarding(*port));
        Ok(false)
    }

    async fn streamlocal_forward(&mut self, _path: &str, _session: &mut Session) -> Result<bool, Self::Error> {
        self.refuse(Refusal::RemoteSocketForwarding);
        Ok(false)
    }

    async fn window_change_request(
        &mut self,
        channel: ChannelId,
        width: u32,
        height: u32,
        _pix_width: u32,
        _pix_height: u32,
        _session: &mut Session,
    ) -> Result<(), Self::Error> {
        let (width, height) = clamp_size(width, height);
        let Some(state) = self.channels.get_mut(&channel) else { return Ok(()) };
        if state.pty.is_some() && state.dashboard.is_none() {
            // Resized before the dashboard started: it starts at the new size.
            state.pty = Some((width, height));
        }
        if let Some(dashboard) = &state.dashboard {
            dashboard.resize(width, height);
        }
        Ok(())
    }

    async fn data(&mut self, channel: ChannelId, data: &[u8], _session: &mut Session) -> Result<(), Self::Error> {
        if let Some(dashboard) = self.channels.get(&channel).and_then(|s| s.dashboard.as_ref()) {
            // Waits when the session is behind: the client is slowed, the server's memory is not
            // used up.
            let _ = dashboard.input.send(data.to_vec()).await;
        }
        Ok(())
    }

    async fn channel_eof(&mut self, channel: ChannelId, _session: &mut Session) -> Result<(), Self::Error> {
        // The input is over: dropping its sender ends the dashboard.
        if let Some(state) = self.channels.get_mut(&channel) {
            state.dashboard = None;
        }
        Ok(())
    }

    async fn channel_close(&mut self, channel: ChannelId, _session: &mut Session) -> Result<(), Self::Error> {
        self.channels.remove(&channel);
        self.open_channels.store(self.channels.len(), Ordering::SeqCst);
        Ok(())
    }
}
