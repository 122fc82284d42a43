//! What `boucle serve` says: the facilitator's console, one line per connection, session and
//! refusal, and the live line of who is in, in the facilitator's language; and what a
//! participant is told when the room refuses or ends something.

use super::Said;
use crate::text::Lang;

/// What the room refused a connection.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Refusal {
    WrongPassword,
    UnknownKey,
    ChannelBeyondLimit,
    X11,
    X11Forwarding,
    PortForwarding { host: String, port: u32 },
    ForwardedChannel,
    SocketForwarding,
    ShellWithoutTerminal,
    RoomFull,
    Subsystem(String),
    AgentForwarding,
    RemotePortForwarding(u32),
    RemoteSocketForwarding,
}

/// How a connection logged in.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Login {
    /// With a listed key, by its fingerprint.
    Key(String),
    OpenRoom,
    Password,
    /// With the facilitator's own credential (`--facilitator-keys`, `--facilitator-password-file`):
    /// the log says who may drive, so a facilitator sees their own login apart from the room's.
    FacilitatorKey(String),
    FacilitatorPassword,
}

/// Why a session ended.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum End {
    Quit,
    RoomClosing,
    Idle,
    Signal(i32),
    ClientGone,
    NothingToShow,
    UnknownValues,
    Error,
}

/// Why a connection was cut before it did anything.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Idle {
    NoLogin,
    NoSession,
}

/// One line of the console (the time is put before it).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Logged {
    Refused {
        connection: u64,
        what: Refusal,
        peer: String,
    },
    ConnectionClosed(u64),
    LoggedIn {
        connection: u64,
        /// The key's comment (`alice@laptop`), cleaned, from the server's authorized_keys file.
        name: Option<String>,
        user: String,
        peer: String,
        how: Login,
    },
    Dashboard {
        session: u64,
        name: Option<String>,
        user: String,
        peer: String,
        size: (u16, u16),
        lang: Lang,
    },
    ShortlistSetAside {
        path: String,
        problem: Said,
    },
    ShortlistUnusable {
        path: String,
        problem: Said,
    },
    NoThread {
        session: u64,
        why: Said,
    },
    NotReading(u64),
    Ended {
        session: u64,
        why: End,
    },
    Runs {
        session: u64,
        peer: String,
        command: String,
    },
    /// An exec request refused: unbalanced quotes (`word` none), or this word.
    ExecRefused {
        peer: String,
        word: Option<String>,
    },
    TooManyConnections(String),
    /// The first event of a kind that floods repeat, from one address.
    Repeated {
        kind: Repeat,
        address: String,
        connection: u64,
    },
    /// How many more of a kind came from one address in the last second.
    RepeatedMore {
        kind: Repeat,
        address: String,
        count: u64,
    },
    /// A catalogue folder went away or was emptied: the last good catalogue stays.
    Kept {
        problem: Said,
        entries: usize,
    },
    /// A closing signal ignored when boucle started (nohup), which stays ignored.
    SignalIgnored(String),
    /// The room closes on this signal, with this many sessions still to end.
    Closing {
        signal: String,
        sessions: usize,
    },
    RoomClosed,
    Cut {
        connection: u64,
        peer: String,
        why: Idle,
    },
    Reloaded(usize),
}

/// Events a flood of connections repeats: the first of a kind from an address is logged at
/// once, the others are counted and summed up once a second, so an attack costs the
/// facilitator a line a second, not a thousand.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Repeat {
    /// Over the address's rate of new connections.
    RateLimited,
    /// The address already has its share of connections waiting to log in.
    AddressWaiting,
    /// Every place for connections waiting to log in is taken by one that began to.
    AllWaiting,
    /// A connection that had not asked to log in made way for a new one.
    Dropped,
    /// A connection did not log in within the grace time.
    Timeout,
    /// A wrong retrieval code.
    WrongCode,
    /// A retrieval code not looked at: too many wrong ones lately.
    CodesLimited,
}

fn repeated(lang: Lang, kind: Repeat, address: &str, id: u64) -> String {
    match (kind, lang) {
        (Repeat::RateLimited, Lang::En) => format!("refused: too many connections from {address}"),
        (Repeat::RateLimited, Lang::Fr) => format!("refusé : trop de connexions depuis {address}"),
        (Repeat::AddressWaiting, Lang::En) => {
            format!("refused: connection from {address}: it has its share of connections waiting to log in")
        }
        (Repeat::AddressWaiting, Lang::Fr) => format!(
            "refusé : connexion depuis {address} : elle a déjà sa part de connexions en attente d’identification"
        ),
        (Repeat::AllWaiting, Lang::En) => {
            format!("refused: connection from {address}: every place for connections waiting to log in is taken")
        }
        (Repeat::AllWaiting, Lang::Fr) => format!(
            "refusé : connexion depuis {address} : toutes les places des connexions en attente d’identification sont prises"
        ),
        (Repeat::Dropped, Lang::En) => {
            format!("connection {id}: {address} had not asked to log in; closed to make room for a new one")
        }
        (Repeat::Dropped, Lang::Fr) => format!(
            "connexion {id} : {address} n’avait pas demandé à s’identifier ; fermée pour faire place à une nouvelle"
        ),
        (Repeat::Timeout, Lang::En) => format!("connection {id}: timeout before authentication from {address}; closed"),
        (Repeat::Timeout, Lang::Fr) => {
            format!("connexion {id} : délai d’identification dépassé depuis {address} ; fermée")
        }
        (Repeat::WrongCode, Lang::En) => format!("session {id}: wrong retrieval code from {address}"),
        (Repeat::WrongCode, Lang::Fr) => format!("session {id} : code de retrait erroné depuis {address}"),
        (Repeat::CodesLimited, Lang::En) => {
            format!("session {id}: retrieval code from {address} not looked at: too many wrong codes lately")
        }
        (Repeat::CodesLimited, Lang::Fr) => {
            format!("session {id} : code de retrait depuis {address} ignoré : trop de codes erronés récemment")
        }
    }
}

fn repeated_more(lang: Lang, kind: Repeat, address: &str, n: u64) -> String {
    match (kind, lang) {
        (Repeat::RateLimited, Lang::En) => format!("refused: {n} more connections from {address}"),
        (Repeat::RateLimited, Lang::Fr) => format!("refusé : {n} connexions de plus depuis {address}"),
        (Repeat::AddressWaiting | Repeat::AllWaiting, Lang::En) => {
            format!("refused: {n} more connections from {address} while others wait to log in")
        }
        (Repeat::AddressWaiting | Repeat::AllWaiting, Lang::Fr) => {
            format!("refusé : {n} connexions de plus depuis {address} pendant que d’autres attendent de s’identifier")
        }
        (Repeat::Dropped, Lang::En) => {
            format!("closed {n} more connections from {address} that had not asked to log in")
        }
        (Repeat::Dropped, Lang::Fr) => {
            format!("{n} connexions de plus fermées depuis {address}, qui n’avaient pas demandé à s’identifier")
        }
        (Repeat::Timeout, Lang::En) => format!("timeout before authentication: {n} more from {address}"),
        (Repeat::Timeout, Lang::Fr) => format!("délai d’identification dépassé : {n} de plus depuis {address}"),
        (Repeat::WrongCode, Lang::En) => format!("wrong retrieval codes: {n} more from {address}"),
        (Repeat::WrongCode, Lang::Fr) => format!("codes de retrait erronés : {n} de plus depuis {address}"),
        (Repeat::CodesLimited, Lang::En) => format!("retrieval codes not looked at: {n} more from {address}"),
        (Repeat::CodesLimited, Lang::Fr) => format!("codes de retrait ignorés : {n} de plus depuis {address}"),
    }
}

fn refused(lang: Lang, what: &Refusal) -> String {
    match (what, lang) {
        (Refusal::WrongPassword, Lang::En) => "a wrong password".into(),
        (Refusal::WrongPassword, Lang::Fr) => "un mot de passe erroné".into(),
        (Refusal::UnknownKey, Lang::En) => "an unknown key".into(),
        (Refusal::UnknownKey, Lang::Fr) => "une clé inconnue".into(),
        (Refusal::ChannelBeyondLimit, Lang::En) => "a channel beyond the limit".into(),
        (Refusal::ChannelBeyondLimit, Lang::Fr) => "un canal au-delà de la limite".into(),
        (Refusal::X11, Lang::En) => "an X11 channel".into(),
        (Refusal::X11, Lang::Fr) => "un canal X11".into(),
        (Refusal::X11Forwarding, Lang::En) => "X11 forwarding".into(),
        (Refusal::X11Forwarding, Lang::Fr) => "une redirection X11".into(),
        (Refusal::PortForwarding { host, port }, Lang::En) => format!("port forwarding to {host}:{port}"),
        (Refusal::PortForwarding { host, port }, Lang::Fr) => format!("une redirection de port vers {host}:{port}"),
        (Refusal::ForwardedChannel, Lang::En) => "a forwarded channel".into(),
        (Refusal::ForwardedChannel, Lang::Fr) => "un canal redirigé".into(),
        (Refusal::SocketForwarding, Lang::En) => "socket forwarding".into(),
        (Refusal::SocketForwarding, Lang::Fr) => "une redirection de socket".into(),
        (Refusal::ShellWithoutTerminal, Lang::En) => "a shell without a terminal".into(),
        (Refusal::ShellWithoutTerminal, Lang::Fr) => "un shell sans terminal".into(),
        (Refusal::RoomFull, Lang::En) => "a session: the room is full".into(),
        (Refusal::RoomFull, Lang::Fr) => "une session : la salle est pleine".into(),
        (Refusal::Subsystem(name), Lang::En) => format!("the subsystem {name}"),
        (Refusal::Subsystem(name), Lang::Fr) => format!("le sous-système {name}"),
        (Refusal::AgentForwarding, Lang::En) => "agent forwarding".into(),
        (Refusal::AgentForwarding, Lang::Fr) => "une redirection d’agent".into(),
        (Refusal::RemotePortForwarding(port), Lang::En) => format!("remote port forwarding (port {port})"),
        (Refusal::RemotePortForwarding(port), Lang::Fr) => format!("une redirection de port distante (port {port})"),
        (Refusal::RemoteSocketForwarding, Lang::En) => "remote socket forwarding".into(),
        (Refusal::RemoteSocketForwarding, Lang::Fr) => "une redirection de socket distante".into(),
    }
}

fn ended(lang: Lang, why: End) -> String {
    match (why, lang) {
        (End::Quit, Lang::En) => "quit".into(),
        (End::Quit, Lang::Fr) => "le participant a quitté".into(),
        (End::RoomClosing, Lang::En) => "room closing".into(),
        (End::RoomClosing, Lang::Fr) => "fermeture de la salle".into(),
        (End::Idle, Lang::En) => "idle".into(),
        (End::Idle, Lang::Fr) => "inactive".into(),
        (End::Signal(signal), Lang::En) => format!("signal {signal}"),
        (End::Signal(signal), Lang::Fr) => format!("signal {signal}"),
        (End::ClientGone, Lang::En) => "client gone".into(),
        (End::ClientGone, Lang::Fr) => "client parti".into(),
        (End::NothingToShow, Lang::En) => "nothing to show".into(),
        (End::NothingToShow, Lang::Fr) => "rien à montrer".into(),
        (End::UnknownValues, Lang::En) => "unknown values asked for".into(),
        (End::UnknownValues, Lang::Fr) => "valeurs inconnues demandées".into(),
        (End::Error, Lang::En) => "error".into(),
        (End::Error, Lang::Fr) => "erreur".into(),
    }
}

/// Why a connection was cut, as the console says it and as the client is told.
pub fn cut(why: Idle) -> Said {
    match why {
        Idle::NoLogin => Said::new("timeout before authentication", "délai d’identification dépassé"),
        Idle::NoSession => Said::new("opened no session", "n’a ouvert aucune session"),
    }
}

/// One line of the console in `lang`.
pub fn logged(lang: Lang, line: &Logged) -> String {
    use Logged::*;
    match (line, lang) {
        (Refused { connection, what, peer }, Lang::En) => {
            format!("connection {connection}: refused {} from {peer}", refused(lang, what))
        }
        (Refused { connection, what, peer }, Lang::Fr) => {
            format!("connexion {connection} : refus — {}, depuis {peer}", refused(lang, what))
        }
        (ConnectionClosed(connection), Lang::En) => format!("connection {connection}: closed"),
        (ConnectionClosed(connection), Lang::Fr) => format!("connexion {connection} : fermée"),
        (LoggedIn { connection, name, user, peer, how }, _) => {
            let who = who(name.as_deref(), user, peer);
            let how = match (how, lang) {
                (Login::Key(key), Lang::En) => format!("key {key}"),
                (Login::Key(key), Lang::Fr) => format!("clé {key}"),
                (Login::OpenRoom, Lang::En) => "open room".into(),
                (Login::OpenRoom, Lang::Fr) => "salle ouverte".into(),
                (Login::Password, Lang::En) => "room password".into(),
                (Login::Password, Lang::Fr) => "mot de passe de la salle".into(),
                (Login::FacilitatorKey(key), Lang::En) => format!("facilitator's key {key}"),
                (Login::FacilitatorKey(key), Lang::Fr) => format!("clé de l’animateur {key}"),
                (Login::FacilitatorPassword, Lang::En) => "facilitator's password".into(),
                (Login::FacilitatorPassword, Lang::Fr) => "mot de passe de l’animateur".into(),
            };
            match lang {
                Lang::En => format!("connection {connection}: {who} logged in ({how})"),
                Lang::Fr => format!("connexion {connection} : entrée de {who} ({how})"),
            }
        }
        (Dashboard { session, name, user, peer, size: (w, h), lang: theirs }, Lang::En) => {
            let who = who(name.as_deref(), user, peer);
            format!("session {session}: dashboard for {who} ({w}x{h}, {})", theirs.code())
        }
        (Dashboard { session, name, user, peer, size: (w, h), lang: theirs }, Lang::Fr) => {
            let who = who(name.as_deref(), user, peer);
            format!("session {session} : tableau de bord pour {who} ({w}x{h}, {})", theirs.code())
        }
        (ShortlistSetAside { path, problem }, Lang::En) => {
            format!("shortlist {path} set aside: {}", problem.get(lang))
        }
        (ShortlistSetAside { path, problem }, Lang::Fr) => {
            format!("sélection {path} mise de côté : {}", problem.get(lang))
        }
        (ShortlistUnusable { path, problem }, Lang::En) => format!("shortlist {path} unusable: {}", problem.get(lang)),
        (ShortlistUnusable { path, problem }, Lang::Fr) => {
            format!("sélection {path} inutilisable : {}", problem.get(lang))
        }
        (NoThread { session, why }, Lang::En) => {
            format!("session {session}: could not start a thread: {}", why.get(lang))
        }
        (NoThread { session, why }, Lang::Fr) => {
            format!("session {session} : impossible de lancer un fil d’exécution : {}", why.get(lang))
        }
        (NotReading(session), Lang::En) => {
            format!("session {session}: the client is not reading; closing without goodbye")
        }
        (NotReading(session), Lang::Fr) => {
            format!("session {session} : le client ne lit plus ; fermeture sans au revoir")
        }
        (Ended { session, why }, Lang::En) => format!("session {session}: ended ({})", ended(lang, *why)),
        (Ended { session, why }, Lang::Fr) => format!("session {session} : terminée ({})", ended(lang, *why)),
        (Runs { session, peer, command }, Lang::En) => format!("session {session}: {peer} runs `{command}`"),
        (Runs { session, peer, command }, Lang::Fr) => format!("session {session} : {peer} lance `{command}`"),
        (ExecRefused { peer, word: None }, Lang::En) => format!("refused: exec of unbalanced quotes from {peer}"),
        (ExecRefused { peer, word: None }, Lang::Fr) => {
            format!("refusé : une commande aux guillemets non appariés, depuis {peer}")
        }
        (ExecRefused { peer, word: Some(word) }, Lang::En) => format!("refused: exec of `{word}` from {peer}"),
        (ExecRefused { peer, word: Some(word) }, Lang::Fr) => {
            format!("refusé : une commande avec `{word}`, depuis {peer}")
        }
        (TooManyConnections(peer), Lang::En) => format!("refused: connection from {peer}, too many connections"),
        (TooManyConnections(peer), Lang::Fr) => format!("refusé : connexion depuis {peer}, trop de connexions"),
        (Repeated { kind, address, connection }, _) => repeated(lang, *kind, address, *connection),
        (RepeatedMore { kind, address, count }, _) => repeated_more(lang, *kind, address, *count),
        (Kept { problem, entries }, Lang::En) => format!("{} ({entries} entries kept)", problem.get(lang)),
        (Kept { problem, entries }, Lang::Fr) => format!("{} ({entries} fiches gardées)", problem.get(lang)),
        (SignalIgnored(signal), Lang::En) => {
            format!("{signal} was ignored when boucle started (nohup): it does not close the room")
        }
        (SignalIgnored(signal), Lang::Fr) => {
            format!("{signal} était ignoré au lancement de boucle (nohup) : il ne ferme pas la salle")
        }
        (Closing { signal, sessions }, Lang::En) => {
            format!("closing the room ({signal}): {sessions} session(s) to end")
        }
        (Closing { signal, sessions }, Lang::Fr) => {
            format!("fermeture de la salle ({signal}) : {sessions} session(s) à terminer")
        }
        (RoomClosed, _) => room_closed().get(lang).to_string(),
        (Cut { connection, peer, why }, Lang::En) => {
            format!("connection {connection}: {peer} {}; closed", cut(*why).get(lang))
        }
        (Cut { connection, peer, why }, Lang::Fr) => {
            format!("connexion {connection} : {peer} {} ; fermée", cut(*why).get(lang))
        }
        (Reloaded(entries), Lang::En) => format!("catalogue reloaded: {entries} entries"),
        (Reloaded(entries), Lang::Fr) => format!("catalogue rechargé : {entries} fiches"),
    }
}

/// Who a line is about: the key's name when it has one (`alice@laptop (en@192.0.2.7:50022)`),
/// else the user name and address.
fn who(name: Option<&str>, user: &str, peer: &str) -> String {
    match name {
        Some(name) => format!("{name} ({user}@{peer})"),
        None => format!("{user}@{peer}"),
    }
}

/// The live line under the log.
pub fn who_is_in(lang: Lang, fr: usize, en: usize, connections: usize) -> String {
    let all = fr + en;
    match lang {
        Lang::En => {
            format!("in the room: {all} (fr {fr}, en {en}) · connections: {connections} · Ctrl-C closes the room")
        }
        Lang::Fr => {
            format!("dans la salle : {all} (fr {fr}, en {en}) · connexions : {connections} · Ctrl-C ferme la salle")
        }
    }
}

pub fn room_closed() -> Said {
    Said::new("the room is closed", "la salle est fermée")
}

/// The first lines of the console: what is served, the key, what participants type.
pub struct Opening<'a> {
    pub entries: usize,
    pub listen: &'a str,
    pub key_path: &'a str,
    pub key_made: bool,
    pub fingerprint: &'a str,
    pub port: u16,
    /// The address to give, `None` when it listens on every address.
    pub host: Option<&'a str>,
    pub loopback: bool,
    pub open: bool,
}

pub fn opening(lang: Lang, o: &Opening<'_>) -> String {
    let (entries, listen, key_path, fingerprint, port) = (o.entries, o.listen, o.key_path, o.fingerprint, o.port);
    let mut lines = Vec::new();
    match lang {
        Lang::En => {
            let made = if o.key_made { " (made now)" } else { "" };
            let host = o.host.unwrap_or("<this machine's address>");
            lines.push(format!("boucle serve: {entries} entries, listening on {listen}"));
            lines.push(format!("  host key {key_path}{made}"));
            lines.push(format!("  fingerprint {fingerprint}   <- show this to the room"));
            lines.push(format!("  participants type: ssh -p {port} fr@{host}   (or en@, fr-light@, en-light@)"));
            if o.loopback {
                lines.push(format!("  only this machine can connect; for a room: --listen 0.0.0.0:{port}"));
            }
            if o.open {
                let trust = if o.loopback { "" } else { " Use it only on a network you trust." };
                lines.push(format!(
                    "  WARNING: --open: anyone who can reach this port gets in, without a password.{trust}"
                ));
            }
        }
        Lang::Fr => {
            let made = if o.key_made { " (créée à l’instant)" } else { "" };
            let host = o.host.unwrap_or("<l’adresse de cette machine>");
            lines.push(format!("boucle serve : {entries} fiches, à l’écoute sur {listen}"));
            lines.push(format!("  clé de l’hôte {key_path}{made}"));
            lines.push(format!("  empreinte {fingerprint}   <- à montrer à la salle"));
            lines.push(format!("  les participants tapent : ssh -p {port} fr@{host}   (ou en@, fr-light@, en-light@)"));
            if o.loopback {
                lines.push(format!(
                    "  seule cette machine peut se connecter ; pour une salle : --listen 0.0.0.0:{port}"
                ));
            }
            if o.open {
                let trust = if o.loopback { "" } else { " À n’utiliser que sur un réseau de confiance." };
                lines
                    .push(format!("  ATTENTION : --open : quiconque atteint ce port entre, sans mot de passe.{trust}"));
            }
        }
    }
    lines.join("\n")
}

// What can stop the room from starting.

pub fn open_alone() -> Said {
    Said::new(
        "--open lets everyone in: give it alone, or drop it to check passwords or keys",
        "--open laisse entrer tout le monde : donnez-le seul, ou retirez-le pour vérifier mots de passe ou clés",
    )
}

pub fn say_who_may_come_in() -> Said {
    Said::new(
        "say who may come in: --password-file FILE (a room password), --authorized-keys FILE, or --open (anyone who reaches the port)",
        "dites qui peut entrer : --password-file FICHIER (un mot de passe de salle), --authorized-keys FICHIER, ou --open (quiconque atteint le port)",
    )
}

pub fn not_utf8(path: &str) -> Said {
    Said::new(format!("{path}: not UTF-8 text"), format!("{path} : pas du texte UTF-8"))
}

pub fn empty_password(path: &str) -> Said {
    Said::new(
        format!("{path}: the first line (the room password) is empty"),
        format!("{path} : la première ligne (le mot de passe de la salle) est vide"),
    )
}

pub fn blank_password(path: &str) -> Said {
    Said::new(
        format!("{path}: the first line (the room password) holds only spaces"),
        format!("{path} : la première ligne (le mot de passe de la salle) ne contient que des espaces"),
    )
}

pub fn no_public_key(path: &str) -> Said {
    Said::new(format!("{path}: no public key in this file"), format!("{path} : aucune clé publique dans ce fichier"))
}

pub fn unreadable_keys(path: &str, why: &str) -> Said {
    Said::new(format!("{path}: {why}"), format!("{path} : fichier de clés illisible"))
}

pub fn no_data_folder_for_key() -> Said {
    Said::new(
        "no data folder (HOME is not set): give --host-key FILE",
        "aucun dossier de données (HOME n’est pas défini) : donnez --host-key FICHIER",
    )
}

pub fn key_readable_by_others(path: &str, mode: u32) -> Said {
    Said::new(
        format!("{path}: the host key is readable by others (mode {mode:o}); run `chmod 600 {path}`"),
        format!("{path} : la clé de l’hôte est lisible par d’autres (mode {mode:o}) ; lancez `chmod 600 {path}`"),
    )
}

pub fn not_a_host_key(path: &str, why: &str) -> Said {
    Said::new(format!("{path}: not a usable host key: {why}"), format!("{path} : pas une clé d’hôte utilisable"))
}

pub fn no_host_key_made(why: &str) -> Said {
    Said::new(format!("could not generate a host key: {why}"), "impossible de créer une clé d’hôte")
}

pub fn cannot_listen(address: &str, why: &Said) -> Said {
    Said::by(|lang| match lang {
        Lang::En => format!("cannot listen on {address}: {}", why.get(lang)),
        Lang::Fr => format!("impossible d’écouter sur {address} : {}", why.get(lang)),
    })
}

pub fn reloads_not_passed_on(why: &Said) -> Said {
    Said::by(|lang| match lang {
        Lang::En => format!("cannot pass reloads on ({}); sessions keep the catalogue they have", why.get(lang)),
        Lang::Fr => format!(
            "impossible de transmettre les rechargements ({}) ; les sessions gardent le catalogue qu’elles ont",
            why.get(lang)
        ),
    })
}

/// What a participant's client is told on a command that failed on the server's side.
pub fn command_failed() -> Said {
    Said::new("the command failed", "la commande a échoué")
}

/// The room's first load ended without a catalogue (its loading thread could not start, or
/// stopped before it gave one).
pub fn catalogue_not_loaded() -> Said {
    Said::new("the catalogue could not be loaded", "le catalogue n’a pas pu être chargé")
}

/// The facilitator's own session when the room closes: they closed it.
pub fn you_closed_the_room() -> Said {
    Said::new("You have closed the room. Goodbye!", "Vous avez fermé la salle. Au revoir !")
}

/// A shell asked by a client whose terminal says it moves no cursor (TERM=dumb), as the local
/// dashboard refuses it: what works there instead.
pub fn terminal_is_dumb() -> Said {
    Said::new(
        "this terminal (TERM=dumb) cannot show the dashboard. Add `list` or `show ID` to your ssh command to print entries; if the terminal can draw, connect with TERM set to its type (such as TERM=xterm-256color ssh …).",
        "ce terminal (TERM=dumb) ne peut pas afficher le tableau de bord. Ajoutez `list` ou `show ID` à votre commande ssh pour afficher des fiches ; si le terminal sait dessiner, connectez-vous avec TERM à son type (par exemple TERM=xterm-256color ssh …).",
    )
}

/// An allowed command given an option the room refuses (`list --catalogue /`): the option is
/// named, not the commands.
pub fn option_refused(option: &str) -> Said {
    Said::new(
        format!(
            "{option} is not accepted here: the room's catalogue is the only one, output comes back to you (redirect it with >), and --shortlist goes alone or with your code"
        ),
        format!(
            "{option} n’est pas accepté ici : le catalogue de la salle est le seul, la sortie vous revient (redirigez-la avec >), et --shortlist s’emploie seul ou avec votre code"
        ),
    )
}
