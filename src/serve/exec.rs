//! Exec requests: `ssh room@host list --query aimant --format md > aimants.md`. The command
//! line is split into words like a shell would (quotes), but no shell ever runs: the words go
//! to the same clap definitions as the local command line, and only the read-only commands
//! are accepted.

use std::sync::Arc;

use russh::ChannelWriteHalf;
use russh::server::Msg;

use super::room::{Participant, Room};
use crate::i18n::{Msg as Words, t};
use crate::text::Lang;

/// The commands an exec request may run.
pub const COMMANDS: &[&str] = &["list", "show", "export"];

/// Options that would read or write the server's own files: the room's catalogue is the only
/// one, output goes to the client, and the server's shortlist is the facilitator's.
const FORBIDDEN: &[&str] = &["--catalogue", "--output", "-o", "--force", "--shortlist"];

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
    id: u64,
    peer: std::net::SocketAddr,
    write: ChannelWriteHalf<Msg>,
    command: String,
    (lang, pty): (Lang, bool),
) {
    let outcome = match words(&command) {
        Ok(words) => {
            if room.admit(id, Participant { peer, lang, events: None, key: None }).is_err() {
                Err(t(lang, Words::ServeRoomFull).to_string())
            } else {
                let command = crate::text::visible::client(&words[0]);
                room.journal.line(&format!("session {id}: {peer} runs `{command}`"));
                let runner = room.exec.clone();
                let indexed = room.indexed();
                let ran = tokio::task::spawn_blocking(move || {
                    let (mut out, mut err) = (Vec::new(), Vec::new());
                    let status = runner(&indexed, &words, lang, &mut out, &mut err);
                    (status, out, err)
                })
                .await;
                room.leave(id);
                ran.map_err(|_| "the command failed".to_string())
            }
        }
        Err(refusal) => {
            let what = match &refusal {
                Refusal::Unbalanced => "unbalanced quotes".to_string(),
                Refusal::NotAllowed(word) => format!("`{}`", crate::text::visible::client(word)),
            };
            room.journal.line(&format!("refused: exec of {what} from {peer}"));
            Err(format!("boucle: {}", t(lang, Words::ServeExecRefused)))
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
        for reaching_files in ["export --output /tmp/x", "export -o/tmp/x", "export --output=/x", "export --shortlist"]
        {
            assert!(matches!(words(reaching_files), Err(Refusal::NotAllowed(_))), "{reaching_files}");
        }
        assert_eq!(words("list; rm -rf /"), Err(Refusal::NotAllowed("list;".into())));
        assert_eq!(words("list 'oops"), Err(Refusal::Unbalanced));
        assert!(matches!(words(""), Err(Refusal::NotAllowed(_))));
    }
}
