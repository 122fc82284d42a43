//! Exec requests: `ssh room@host list --query aimant --format md > aimants.md`. The command
//! line is split into words like a shell would (quotes), but no shell ever runs: the words go
//! to the same clap definitions as the local command line, and only the read-only commands
//! are accepted.

use std::sync::Arc;

use russh::ChannelWriteHalf;
use russh::server::Msg;

use super::retrieval;
use super::room::{Participant, Room};
use crate::i18n::room::{Logged, Repeat};
use crate::i18n::{Msg as Words, t};
use crate::i18n::{Said, take_home};
use crate::shortlist::Shortlist;
use crate::text::Lang;

/// The commands an exec request may run.
pub const COMMANDS: &[&str] = &["list", "show", "export"];

/// Options that would read or write the server's own files: the room's catalogue is the only
/// one, output goes to the client, and the server's shortlist is the facilitator's
/// (`--shortlist` alone, or with a retrieval code, is the participant's own: [`Request`]).
const FORBIDDEN: &[&str] = &["--catalogue", "--output", "-o", "--force"];

/// An allowed command line.
#[derive(Debug, PartialEq, Eq)]
pub struct Request {
    /// Its words, without the retrieval code.
    pub words: Vec<String>,
    /// `export --shortlist [CODE]`: the participant's own shortlist, by the key they logged in
    /// with, or by the code given.
    pub shortlist: Option<Option<String>>,
}

/// The command line's words, its retrieval code taken apart.
pub fn request(command: &str) -> Result<Request, Refusal> {
    let mut words = words(command)?;
    let Some(at) = words.iter().position(|w| w == "--shortlist") else {
        return Ok(Request { words, shortlist: None });
    };
    if words[0] != "export" || words.iter().filter(|w| *w == "--shortlist").count() > 1 {
        return Err(Refusal::NotAllowed("--shortlist".into()));
    }
    let code = match words.get(at + 1) {
        Some(word) if !word.starts_with('-') => Some(words.remove(at + 1)),
        _ => None,
    };
    Ok(Request { words, shortlist: Some(code) })
}

/// Why a command line is not run.
#[derive(Debug, PartialEq, Eq)]
pub enum Refusal {
    Unbalanced,
    NotAllowed(String),
}

/// The words of an allowed command line, or why it is refused. Options that would reach the
/// server's own files (`--catalogue`) are refused too: the room's catalogue is the only one.
pub fn words(command: &str) -> Result<Vec<String>, Refusal> {
    let words = shlex::split(command).ok_or(Refusal::Unbalanced)?;
    let first = words.first().map(String::as_str).unwrap_or("");
    if !COMMANDS.contains(&first) {
        return Err(Refusal::NotAllowed(first.to_string()));
    }
    let forbidden = |word: &String| {
        FORBIDDEN.iter().any(|f| word == f || word.starts_with(&format!("{f}=")))
            || (word.starts_with("-o") && !word.starts_with("--"))
            || word.starts_with("--catalogue")
            || (word.starts_with("--shortlist") && *word != "--shortlist")
    };
    if let Some(word) = words.iter().find(|w| forbidden(w)) {
        return Err(Refusal::NotAllowed(word.clone()));
    }
    Ok(words)
}

/// Runs an exec request's command and sends its output, errors and exit status.
/// With a PTY (`ssh -t host list`), the client's terminal is raw: line ends become CR LF.
pub async fn run(
    room: Arc<Room>,
    (id, peer, key): (u64, std::net::SocketAddr, Option<String>),
    write: ChannelWriteHalf<Msg>,
    command: String,
    (lang, pty): (Lang, bool),
) {
    let outcome = match request(&command) {
        Ok(request) => {
            if room.admit(id, Participant { peer, lang, events: None, key: None }).is_err() {
                Err(t(lang, Words::ServeRoomFull).to_string())
            } else {
                let command = crate::text::visible::client(&request.words[0]);
                room.journal.log(&Logged::Runs { session: id, peer: peer.to_string(), command });
                let ran = match own_shortlist(&room, (id, peer), key.as_deref(), request.shortlist.as_ref()) {
                    Ok(own) => {
                        let (runner, indexed, words) = (room.exec.clone(), room.indexed(), request.words);
                        tokio::task::spawn_blocking(move || {
                            let (mut out, mut err) = (Vec::new(), Vec::new());
                            let status = runner(&indexed, &words, &own, lang, &mut out, &mut err);
                            (status, out, err)
                        })
                        .await
                        .map_err(|_| crate::i18n::room::command_failed().get(lang).to_string())
                    }
                    Err(why) => Err(format!("boucle: {}", why.get(lang))),
                };
                room.leave(id);
                ran
            }
        }
        Err(refusal) => {
            let word = match refusal {
                Refusal::Unbalanced => None,
                Refusal::NotAllowed(word) => Some(crate::text::visible::client(&word)),
            };
            // An allowed command with a refused option is told which option, not the commands.
            let said = match word.as_deref().filter(|w| w.starts_with('-')) {
                Some(option) => crate::i18n::room::option_refused(option).get(lang).to_string(),
                None => t(lang, Words::ServeExecRefused).to_string(),
            };
            room.journal.log(&Logged::ExecRefused { peer: peer.to_string(), word });
            Err(format!("boucle: {said}"))
        }
    };
    let (status, out, err) = match outcome {
        Ok(ran) => ran,
        Err(message) => (2, Vec::new(), format!("{message}\n").into_bytes()),
    };
    let (out, err) = if pty { (crlf(&out), crlf(&err)) } else { (out, err) };
    let _ = write.data_bytes(out).await;
    let _ = write.extended_data_bytes(1, err).await;
    let _ = write.exit_status(u32::try_from(status).unwrap_or(1)).await;
    let _ = write.eof().await;
    let _ = write.close().await;
}

/// The participant's own shortlist for this command: the one the code names (wrong codes
/// limited and logged), else the key's; for any other command, the key's (its notes go into
/// handouts) or none. Never anyone else's: not the server's own, not another key's.
fn own_shortlist(
    room: &Room,
    (id, peer): (u64, std::net::SocketAddr),
    key: Option<&str>,
    asked: Option<&Option<String>>,
) -> Result<Shortlist, Said> {
    let by_key = || key.map(|key| room.key_shortlist(key)).unwrap_or_default();
    let list = match asked {
        None => return Ok(by_key()),
        Some(Some(code)) => match room.retrieval.claim(peer.ip(), code, std::time::Instant::now()) {
            Ok(list) => list,
            Err(why) => {
                let (said, repeat) = match why {
                    retrieval::Refused::Wrong => (take_home::wrong_code(), Repeat::WrongCode),
                    retrieval::Refused::Limited => (take_home::too_many_wrong_codes(), Repeat::CodesLimited),
                    retrieval::Refused::Closed => return Err(take_home::room_closed()),
                };
                room.journal.repeated(repeat, peer.ip(), id);
                return Err(said);
            }
        },
        Some(None) if key.is_some() => by_key(),
        Some(None) => return Err(take_home::which_shortlist()),
    };
    if list.is_empty() {
        return Err(take_home::empty());
    }
    Ok(list)
}

/// Says why, sends the exit status and closes a channel that gets no dashboard.
pub async fn close_with(write: Option<ChannelWriteHalf<Msg>>, message: String, status: u32) {
    let Some(write) = write else { return };
    let _ = write.extended_data_bytes(1, message.into_bytes()).await;
    let _ = write.exit_status(status).await;
    let _ = write.eof().await;
    let _ = write.close().await;
}

fn crlf(bytes: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(bytes.len() + bytes.len() / 40);
    for &byte in bytes {
        if byte == b'\n' {
            out.push(b'\r');
        }
        out.push(byte);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quoted_words_are_kept_together_and_nothing_else_runs() {
        assert_eq!(words("list --query 'terres rares'").unwrap(), ["list", "--query", "terres rares"]);
        assert!(matches!(words("sh -c id"), Err(Refusal::NotAllowed(w)) if w == "sh"));
        assert!(matches!(words("check /etc"), Err(Refusal::NotAllowed(_))));
        assert!(matches!(words("list --catalogue=/etc"), Err(Refusal::NotAllowed(_))));
        assert!(words("export --tour peer-review --format html").is_ok());
        for reaching_files in
            ["export --output /tmp/x", "export -o/tmp/x", "export --output=/x", "export --shortlist=/x"]
        {
            assert!(matches!(words(reaching_files), Err(Refusal::NotAllowed(_))), "{reaching_files}");
        }
        assert_eq!(words("list; rm -rf /"), Err(Refusal::NotAllowed("list;".into())));
        assert_eq!(words("list 'oops"), Err(Refusal::Unbalanced));
        assert!(matches!(words(""), Err(Refusal::NotAllowed(_))));
    }

    #[test]
    fn the_shortlist_asked_is_the_participants_own_never_a_file() {
        let asked = request("export --shortlist K7M2-QX4P --format html").unwrap();
        assert_eq!(asked.words, ["export", "--shortlist", "--format", "html"]);
        assert_eq!(asked.shortlist, Some(Some("K7M2-QX4P".into())));
        let by_key = request("export --format csv --shortlist").unwrap();
        assert_eq!((by_key.words.len(), by_key.shortlist), (4, Some(None)));
        assert_eq!(request("export --tour t").unwrap().shortlist, None);
        for refused in ["list --shortlist", "export --shortlist=/etc/passwd", "export --shortlist a --shortlist b"] {
            assert!(request(refused).is_err(), "{refused}");
        }
    }
}
