//! `boucle serve`: the room's options, and the runner that exec requests go through — the same
//! clap definitions as this command line, with only the read-only commands let through.

use std::io::Write;
use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::mpsc::Receiver;
use std::time::Duration;

use clap::{Args, Parser};

use super::{Cli, Command, export, list, show};
use crate::i18n::problems::io_problem;
use crate::i18n::room as console;
use crate::live::{First, Update};
use crate::presentation::{Deck, Hub, Stage, socket};
use crate::query::Indexed;
use crate::serve::access::Access;
use crate::serve::host_key::{self, Origin};
use crate::serve::limits::Limits;
use crate::serve::presentation::{Facilitator, RoomPresentation};
use crate::serve::{ExecRunner, Room, Settings};
use crate::shortlist::Shortlist;
use crate::text::Lang;
use crate::text::visible;

#[derive(Clone, Debug, Args)]
pub struct ServeArgs {
    /// Address and port to listen on. The default, 127.0.0.1:2222, is this machine only; for a
    /// room, listen on the network: --listen 0.0.0.0:2222 (anyone on the network can then
    /// reach the port: use a password or keys).
    #[arg(long, value_name = "ADDR:PORT", default_value = "127.0.0.1:2222")]
    pub listen: SocketAddr,

    /// A file whose first line is the room password.
    #[arg(long, value_name = "FILE")]
    pub password_file: Option<PathBuf>,

    /// An OpenSSH authorized_keys file: these keys log in, each one a participant who is known
    /// again after a reconnection.
    #[arg(long, value_name = "FILE")]
    pub authorized_keys: Option<PathBuf>,

    /// Let in anyone who reaches the port, without a password.
    #[arg(long)]
    pub open: bool,

    /// The server's key (default: ssh_host_ed25519_key in the data folder, made on first start).
    #[arg(long, value_name = "FILE")]
    pub host_key: Option<PathBuf>,

    /// Dashboards and commands at once.
    #[arg(long, value_name = "N", default_value_t = 200)]
    pub max_sessions: usize,

    /// New connections per minute from one address.
    #[arg(long, value_name = "N", default_value_t = 60)]
    pub connections_per_minute: u32,

    /// Minutes without a key before a dashboard is closed.
    #[arg(long, value_name = "MINUTES", default_value_t = 30)]
    pub idle_minutes: u64,

    /// Seconds a connection has to log in, after which it is closed ("timeout before
    /// authentication").
    #[arg(long, value_name = "SECONDS", default_value_t = 20)]
    pub login_grace_seconds: u64,

    /// Connections waiting to log in, at most (10 from one address); when all are taken, one
    /// that has not even asked to log in makes way for a new one.
    #[arg(long, value_name = "N", default_value_t = 100)]
    pub max_startups: usize,

    /// When the room closes, write the workshop's result (the room's picks with their counts,
    /// and the entries picked) to FILE.md and FILE.json; never over a file.
    #[arg(long, value_name = "FILE")]
    pub report: Option<PathBuf>,

    /// Run a presentation of TOUR that participants follow with `f`. It is driven by a session
    /// logged in with the facilitator's credential (--facilitator-password-file,
    /// --facilitator-keys), and on this machine by `boucle present TOUR --console`.
    #[arg(long, value_name = "TOUR")]
    pub presentation: Option<String>,

    /// A file whose first line is the facilitator's password, separate from the room's: a
    /// session logged in with it drives the presentation.
    #[arg(long, value_name = "FILE", requires = "presentation")]
    pub facilitator_password_file: Option<PathBuf>,

    /// An OpenSSH authorized_keys file of the facilitator's keys: a session logged in with one
    /// drives the presentation.
    #[arg(long, value_name = "FILE", requires = "presentation")]
    pub facilitator_keys: Option<PathBuf>,
}

/// Starts the room; returns the exit code.
pub fn run(cli: &Cli, args: &ServeArgs, err: &mut dyn Write) -> std::io::Result<i32> {
    let lang = cli.language();
    let access = match Access::new(args.password_file.as_deref(), args.authorized_keys.as_deref(), args.open) {
        Ok(access) => access,
        Err(message) => {
            writeln!(err, "boucle serve: {}", message.get(lang))?;
            return Ok(2);
        }
    };
    let Some(key_path) = args.host_key.clone().or_else(host_key::default_path) else {
        writeln!(err, "boucle serve: {}", console::no_data_folder_for_key().get(lang))?;
        return Ok(2);
    };
    let (key, origin) = match host_key::load_or_generate(&key_path) {
        Ok(loaded) => loaded,
        Err(e) => {
            writeln!(err, "boucle serve: {}", io_problem(&e).get(lang))?;
            return Ok(1);
        }
    };
    // The room's one owner of its catalogue: the snapshot it starts on is checked against the
    // files first (a changed catalogue is not served, then swapped), and each reload after it
    // is passed to every session.
    let (live, updates) = crate::live::start(cli.catalogue_source(), cli.watch(), cli.cache(), First::Checked, lang);
    let Some(first) = updates.iter().find_map(|update| match update {
        Update::Loaded(snapshot) => Some(snapshot),
        _ => None,
    }) else {
        writeln!(err, "boucle serve: {}", console::catalogue_not_loaded().get(lang))?;
        return Ok(1);
    };
    if first.catalogue().is_empty() && first.problems.iter().any(|p| p.is_error()) {
        writeln!(err, "boucle serve: {}", crate::i18n::commands::nothing_loaded().get(lang))?;
        return Ok(1);
    }
    let entries = first.catalogue().len();
    let limits = Limits {
        max_sessions: args.max_sessions.max(1),
        connections_per_minute: args.connections_per_minute.max(1),
        idle: Duration::from_secs(args.idle_minutes.max(1) * 60),
        login_time: Duration::from_secs(args.login_grace_seconds.max(1)),
        max_startups: args.max_startups.max(1),
        ..Limits::default()
    };
    if let Some(there) = args.report.as_deref().and_then(crate::serve::report::already_there) {
        let shown = visible::path(&there).to_string();
        writeln!(err, "boucle serve: {}", crate::i18n::picks::report_exists(&shown).get(lang))?;
        return Ok(2);
    }
    let theme = cli.theme();
    let open = access.is_open();
    // With keys, each participant's shortlist is kept on the server under their key.
    let shortlists = if access.has_keys() {
        crate::shortlist::store::default_path().and_then(|p| Some(p.parent()?.join("serve-shortlists")))
    } else {
        None
    };
    let facilitator =
        match Facilitator::new(args.facilitator_password_file.as_deref(), args.facilitator_keys.as_deref()) {
            Ok(facilitator) => facilitator,
            Err(message) => {
                writeln!(err, "boucle serve: {}", message.get(lang))?;
                return Ok(2);
            }
        };
    if facilitator.is_some() && access.is_open() {
        writeln!(err, "boucle serve: {}", crate::i18n::presenting::facilitator_in_open_room().get(lang))?;
        return Ok(2);
    }
    let presented = match &args.presentation {
        Some(tour) => match super::present::find_tour(first.catalogue(), tour) {
            Ok(id) => Some((id.to_string(), super::present::tour_stops(first.catalogue(), id))),
            Err(message) => {
                writeln!(err, "boucle serve: {}", message.get(lang))?;
                return Ok(2);
            }
        },
        None => None,
    };
    let (report, catalogue_dirs) = (args.report.clone(), cli.catalogues.clone());
    let settings = Settings { lang, theme, limits, access, shortlists, report, catalogue_dirs };
    let room = Arc::new(Room::new(settings, first, exec_runner()));
    if let Some(facilitator) = facilitator {
        let _ = room.facilitator.set(facilitator);
    }
    if let Some((tour, stops)) = presented {
        let stage = Stage::new(Deck::Tour(tour.clone()), stops, crate::presentation::now_ms());
        let hub = Hub::new(stage);
        // This machine's console drives through the same socket as a local presentation.
        let shared = crate::presentation::socket::place()
            .and_then(|place| crate::presentation::socket::serve(&socket::path(&place.dir, &tour), hub.clone()));
        if let Err(e) = shared {
            let why = io_problem(&e);
            writeln!(err, "boucle serve: {}", crate::i18n::presenting::not_shared(why.get(lang)).get(lang))?;
        }
        let _ = room.presentation.set(RoomPresentation::new(hub, tour));
    }
    follow(updates, &room);
    room.listen_to_the_terminal();

    let (listen, key_path, fingerprint) =
        (args.listen.to_string(), visible::path(&key_path).to_string(), host_key::fingerprint(&key));
    let host = (!args.listen.ip().is_unspecified()).then(|| args.listen.ip().to_string());
    let opening = console::Opening {
        entries,
        listen: &listen,
        key_path: &key_path,
        key_made: matches!(origin, Origin::Generated),
        fingerprint: &fingerprint,
        port: args.listen.port(),
        host: host.as_deref(),
        loopback: args.listen.ip().is_loopback(),
        open,
    };
    writeln!(err, "{}", console::opening(lang, &opening))?;
    let ran = crate::serve::run(args.listen, key, room);
    drop(live);
    ran
}

/// Passes each snapshot after the first to the room, which hands it to every session.
fn follow(updates: Receiver<Update>, room: &Arc<Room>) {
    let room_lang = room.settings.lang;
    let room = Arc::downgrade(room);
    let fan_out = std::thread::Builder::new().name("serve-reload".into()).spawn(move || {
        for update in updates {
            let Some(room) = room.upgrade() else { return };
            match update {
                Update::Reloaded(snapshot) => room.reload(snapshot),
                Update::Kept(snapshot) => room.keep(snapshot),
                Update::Progress(_) | Update::Loaded(_) => {}
            }
        }
    });
    if let Err(e) = fan_out {
        let said = console::reloads_not_passed_on(&io_problem(&e));
        eprintln!("boucle serve: {}", said.get(room_lang));
    }
}

/// Runs `list`, `show` and `export` on the room's catalogue, parsed by the same clap definitions
/// as the command line.
fn exec_runner() -> ExecRunner {
    Arc::new(
        move |indexed: &Indexed,
              words: &[String],
              own: &Shortlist,
              lang: Lang,
              out: &mut dyn Write,
              err: &mut dyn Write| {
            let args: Vec<std::ffi::OsString> =
                std::iter::once("boucle").chain(words.iter().map(String::as_str)).map(Into::into).collect();
            let cli = match Cli::try_parse_from(&args) {
                Ok(cli) => cli,
                Err(e) => {
                    // The participant's language, unless the command asks for another.
                    let asked = args.iter().any(|a| a.to_string_lossy().starts_with("--lang"));
                    let lang = if asked { super::usage::language_of(&args) } else { lang };
                    let refusal = super::usage::refusal(&e, lang, &args);
                    let target: &mut dyn Write = if refusal.to_stdout { out } else { err };
                    let _ = target.write_all(refusal.text.as_bytes());
                    return refusal.code;
                }
            };
            let lang = cli.lang.unwrap_or(lang);
            let ran = match &cli.command {
                Some(Command::List(args)) => {
                    let mut args = args.clone();
                    // The server's own terminal is not the participant's: a fixed width.
                    args.width.get_or_insert(100);
                    list::run_list(indexed, &args, lang, out, err)
                }
                Some(Command::Show(args)) => show::run_show(indexed.catalogue(), args, lang, out),
                // Never with --output or a shortlist file (refused before parsing, in serve::exec):
                // the shortlist is the participant's own, never the server's file.
                Some(Command::Export(args)) if args.output.is_none() && matches!(args.shortlist, None | Some(None)) => {
                    export::export_with(indexed, &[], args, own, lang, out)
                }
                _ => {
                    let _ = writeln!(err, "boucle: {}", crate::i18n::t(lang, crate::i18n::Msg::ServeExecRefused));
                    return 2;
                }
            };
            match ran {
                Ok(()) => 0,
                Err(e) => {
                    let _ = writeln!(err, "boucle: {}", e.said().get(lang));
                    e.exit_code()
                }
            }
        },
    )
}
