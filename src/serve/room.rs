//! What every connection shares: the one catalogue, the settings, who is in the room, and the
//! log. A participant is a running dashboard or command; the room counts them against the
//! session limit and ends them all when it closes.

use std::collections::HashMap;
use std::io::Write;
use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, AtomicU64, AtomicUsize, Ordering};
use std::sync::mpsc::Sender;
use std::sync::{Arc, Mutex, RwLock};

use super::access::Access;
use super::journal::Journal;
use super::limits::Limits;
use crate::i18n::room::Logged;
use crate::live::Snapshot;
use crate::query::Indexed;
use crate::shortlist::Shortlist;
use crate::text::Lang;
use crate::ui::event::{Event, Reason};
use crate::ui::search_cache::SearchCache;
use crate::ui::search_pool::SearchPool;
use crate::ui::searcher::Request;
use crate::ui::theme::ThemeName;

/// Runs one read-only command (`list …`, `show …`) for an exec request, on the shared
/// catalogue: the words after the command name's position, the session's language, where its
/// output and errors go; returns the exit status. Given by the command line layer, which owns
/// the clap definitions, so that the same parser reads them.
/// The catalogue given is the room's newest one.
/// The shortlist given is the participant's own (theirs to export, its notes in handouts),
/// never the server's.
pub type ExecRunner =
    Arc<dyn Fn(&Indexed, &[String], &Shortlist, Lang, &mut dyn Write, &mut dyn Write) -> i32 + Send + Sync>;

pub struct Settings {
    pub lang: Lang,
    pub theme: ThemeName,
    pub limits: Limits,
    pub access: Access,
    /// Where each key's shortlist is kept (`<data>/boucle/serve-shortlists`); none: every
    /// shortlist lives for its session only.
    pub shortlists: Option<PathBuf>,
    /// `--report FILE`: the workshop's result, written when the room closes.
    pub report: Option<PathBuf>,
    /// The catalogue's folders, which the report is never written into.
    pub catalogue_dirs: Vec<PathBuf>,
}

pub struct Participant {
    pub peer: SocketAddr,
    pub lang: Lang,
    /// A dashboard's event channel (commands have none).
    pub events: Option<Sender<Event>>,
    /// The key's name (its fingerprint in hex) when the participant logged in with a key:
    /// the sessions of one key share one shortlist.
    pub key: Option<String>,
}

pub struct Room {
    pub settings: Settings,
    /// The one catalogue every session searches, and its problems: the newest snapshot,
    /// swapped in by [`Room::reload`] (sessions hold its `Arc`s, never a copy).
    catalogue: RwLock<Snapshot>,
    pub exec: ExecRunner,
    pub journal: Journal,
    participants: Mutex<HashMap<u64, Participant>>,
    pub connections: AtomicUsize,
    next_id: AtomicU64,
    pub closing: AtomicBool,
    /// Woken each time a participant leaves (closing waits for the room to empty).
    pub left: tokio::sync::Notify,
    /// Every participant's shortlist, in memory, for taking home and counting the picks.
    pub retrieval: super::retrieval::Retrieval,
    /// The server's terminal takes `p` (it is a terminal); and shows the room's picks now.
    pub picks_key: AtomicBool,
    pub picks_shown: AtomicBool,
    /// The presentation participants may follow (`--presentation TOUR`), and who may drive it.
    pub presentation: std::sync::OnceLock<super::presentation::RoomPresentation>,
    pub facilitator: std::sync::OnceLock<super::presentation::Facilitator>,
    /// The search workers every session's queries run on, one per core (each session has a
    /// seat): their scratch arrays are the room's, not each session's.
    pub searches: SearchPool<Request>,
    /// The results of the sessions' latest searches, for any session asking one again; its
    /// budget follows the room's size (set as participants come and go).
    pub search_cache: Arc<SearchCache>,
}

/// The session limit is reached.
pub struct Full;

impl Room {
    pub fn new(settings: Settings, catalogue: Snapshot, exec: ExecRunner) -> Room {
        Room {
            journal: Journal::new(settings.lang),
            settings,
            catalogue: RwLock::new(catalogue),
            exec,
            participants: Mutex::new(HashMap::new()),
            connections: AtomicUsize::new(0),
            next_id: AtomicU64::new(1),
            closing: AtomicBool::new(false),
            left: tokio::sync::Notify::new(),
            retrieval: super::retrieval::Retrieval::default(),
            picks_key: AtomicBool::new(false),
            picks_shown: AtomicBool::new(false),
            presentation: std::sync::OnceLock::new(),
            facilitator: std::sync::OnceLock::new(),
            searches: SearchPool::per_core(),
            search_cache: Arc::new(SearchCache::new(SearchCache::room_budget(0))),
        }
    }

    pub fn next_id(&self) -> u64 {
        self.next_id.fetch_add(1, Ordering::Relaxed)
    }

    /// Lets a participant in, unless the room is full or closing.
    pub fn admit(&self, id: u64, participant: Participant) -> Result<(), Full> {
        let mut participants = self.participants.lock().unwrap_or_else(|p| p.into_inner());
        if participants.len() >= self.settings.limits.max_sessions || self.closing.load(Ordering::SeqCst) {
            return Err(Full);
        }
        participants.insert(id, participant);
        self.search_cache.set_budget(SearchCache::room_budget(participants.len()));
        drop(participants);
        self.show_status();
        Ok(())
    }

    /// Gives a dashboard's event channel to the room, for closing it.
    pub fn set_events(&self, id: u64, events: Sender<Event>) {
        if let Some(participant) = self.participants.lock().unwrap_or_else(|p| p.into_inner()).get_mut(&id) {
            participant.events = Some(events);
        }
        self.show_status();
    }

    /// Session `id` follows the presentation now, or no longer.
    pub fn following(&self, id: u64, following: bool) {
        if let Some(presentation) = self.presentation.get() {
            let dashboards = self
                .participants
                .lock()
                .unwrap_or_else(|p| p.into_inner())
                .values()
                .filter(|p| p.events.is_some())
                .count();
            presentation.set_following(id, following, dashboards);
        }
    }

    pub fn leave(&self, id: u64) {
        let mut participants = self.participants.lock().unwrap_or_else(|p| p.into_inner());
        participants.remove(&id);
        self.search_cache.set_budget(SearchCache::room_budget(participants.len()));
        drop(participants);
        self.left.notify_waiters();
        self.show_status();
    }

    pub fn participants(&self) -> usize {
        self.participants.lock().unwrap_or_else(|p| p.into_inner()).len()
    }

    /// The newest catalogue and its problems, for a session that starts now.
    pub fn catalogue(&self) -> Snapshot {
        self.catalogue.read().unwrap_or_else(|p| p.into_inner()).clone()
    }

    /// The newest catalogue, for an exec request.
    pub fn indexed(&self) -> Arc<Indexed> {
        self.catalogue.read().unwrap_or_else(|p| p.into_inner()).indexed.clone()
    }

    /// A reloaded catalogue: kept for the sessions to come, and sent to every dashboard (the
    /// snapshot's shared `Arc`s), each of which reindexes as the local dashboard does.
    pub fn reload(&self, snapshot: Snapshot) {
        let entries = snapshot.catalogue().len();
        self.pass_on(snapshot);
        self.journal.log(&Logged::Reloaded(entries));
    }

    /// A load that could not be used (a folder gone): the sessions keep the last good
    /// catalogue, and are shown the problem; the log says which folder.
    pub fn keep(&self, snapshot: Snapshot) {
        let entries = snapshot.catalogue().len();
        for gone in snapshot.gone() {
            self.journal.log(&Logged::Kept { problem: gone.message.clone(), entries });
        }
        self.pass_on(snapshot);
    }

    fn pass_on(&self, snapshot: Snapshot) {
        *self.catalogue.write().unwrap_or_else(|p| p.into_inner()) = snapshot.clone();
        let participants = self.participants.lock().unwrap_or_else(|p| p.into_inner());
        for participant in participants.values() {
            if let Some(events) = &participant.events {
                let _ = events.send(Event::Reloaded(Box::new(snapshot.clone())));
            }
        }
    }

    /// Session `id` saved its key's shortlist: the key's other dashboards merge it in (and
    /// show it) at once, so two sessions of one participant share one live shortlist.
    pub fn shortlist_saved(&self, key: &str, id: u64) {
        let participants = self.participants.lock().unwrap_or_else(|p| p.into_inner());
        for (other, participant) in participants.iter() {
            if *other != id
                && participant.key.as_deref() == Some(key)
                && let Some(events) = &participant.events
            {
                let _ = events.send(Event::ShortlistChanged);
            }
        }
    }

    /// A key's shortlist, as the room keeps it, else as its file on the server holds it.
    pub fn key_shortlist(&self, key: &str) -> Shortlist {
        let owner = super::retrieval::Owner::Key(key.to_string());
        if let Some(list) = self.retrieval.of(&owner) {
            return list;
        }
        let Some(dir) = &self.settings.shortlists else { return Shortlist::default() };
        let path = dir.join(format!("{key}.ron"));
        if !path.exists() {
            return Shortlist::default();
        }
        match crate::shortlist::store::open(&path) {
            crate::shortlist::store::Opened::New(list)
            | crate::shortlist::store::Opened::Read(list)
            | crate::shortlist::store::Opened::Skipping { list, .. } => list,
            _ => Shortlist::default(),
        }
    }

    /// The live lines: the room's picks when shown (`p` Enter on the server's terminal), then
    /// the line of who is in.
    fn live(&self, who: String) -> String {
        let lang = self.journal.lang;
        if !self.picks_key.load(Ordering::SeqCst) {
            return who;
        }
        let shown = self.picks_shown.load(Ordering::SeqCst);
        let line = format!("{who} · {}", crate::i18n::picks::toggle(lang, shown));
        if !shown {
            return line;
        }
        let snapshot = self.catalogue();
        let title = |id: &crate::model::Id| {
            let entry = snapshot.catalogue().get(id.as_str());
            entry.map(|e| e.title().get(lang).to_string()).unwrap_or_else(|| id.to_string())
        };
        let mut lines = super::picks::screen(&self.picks(), lang, super::picks::width(), title);
        lines.push(line);
        lines.join("\n")
    }

    /// The server's terminal takes lines: `p` shows or hides the picks.
    pub fn listen_to_the_terminal(self: &Arc<Room>) {
        let room = Arc::downgrade(self);
        let listening = super::picks::listen(move |line| {
            let Some(room) = room.upgrade() else { return false };
            if line == "p" {
                room.picks_shown.fetch_xor(true, Ordering::SeqCst);
            }
            // The Enter typed moved the cursor under the live lines: they are drawn again.
            room.journal.typed();
            room.show_status();
            true
        });
        self.picks_key.store(listening, Ordering::SeqCst);
    }

    /// The shortlist of `owner` is now `list`: kept to go home, and counted in the picks the
    /// facilitator's views are told.
    pub fn kept(&self, owner: super::retrieval::Owner, list: &crate::shortlist::Shortlist) {
        self.retrieval.keep(owner, list);
        if let Some(presentation) = self.presentation.get() {
            presentation.hub.picks(super::picks::for_the_hub(&self.picks()));
        }
    }

    /// The room's picks now: every participant's shortlist counted, each once per entry.
    pub fn picks(&self) -> crate::shortlist::picks::Picks {
        crate::shortlist::picks::Picks::count(&self.retrieval.lists())
    }

    /// Asks every dashboard to say goodbye and end.
    pub fn end_all(&self) {
        for participant in self.participants.lock().unwrap_or_else(|p| p.into_inner()).values() {
            if let Some(events) = &participant.events {
                let _ = events.send(Event::End(Reason::RoomClosing));
            }
        }
    }

    /// The facilitator's live line: who is in, in which language.
    pub fn show_status(&self) {
        let (fr, en) = {
            let participants = self.participants.lock().unwrap_or_else(|p| p.into_inner());
            let fr = participants.values().filter(|p| p.lang == Lang::Fr).count();
            (fr, participants.len() - fr)
        };
        if let Some(presentation) = self.presentation.get() {
            let participants = self.participants.lock().unwrap_or_else(|p| p.into_inner());
            let dashboards = participants.values().filter(|p| p.events.is_some()).count();
            presentation.counted(dashboards, |id| participants.contains_key(&id));
        }
        let connections = self.connections.load(Ordering::SeqCst);
        let who = crate::i18n::room::who_is_in(self.journal.lang, fr, en, connections);
        self.journal.status(self.live(who));
    }
}
