//! How a participant of a room takes their shortlist home: nothing is written on the server,
//! so the dashboard shows the command to type in their own terminal while the room is open —
//! `ssh -p 2222 fr@host export
//! --shortlist K7M2-QX4P --format html > ma-selection.html` — with the session's retrieval
//! code when it came in without a key, and copies the Markdown by OSC 52 when it fits.

use crate::export::handout::Format;
use crate::i18n::take_home::file_stem;
use crate::text::Lang;

/// The longest OSC 52 sequence sent: hterm (ChromeOS) takes 100,000 bytes, xterm a megabyte
/// and more, tmux passes what it is given (with `set-clipboard on`); some take far less
/// (Termux about 7 kB, Tabby about 3 kB: termux/termux-app#5324, Eugeny/tabby#6001), and those
/// still have the command.
pub const COPY_MAX: usize = 100_000;

/// What a served session says about taking the shortlist home.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TakeHome {
    /// The start of the command, as the participant connected: `ssh -p 2222 fr@192.0.2.7`.
    pub ssh: String,
    /// The session's retrieval code; none when it came in with a key (the key is enough).
    pub code: Option<String>,
}

impl TakeHome {
    /// The whole command line, for `format`, the file named in the participant's language.
    pub fn command(&self, lang: Lang, format: Format) -> String {
        let code = self.code.as_deref().map(|code| format!(" {code}")).unwrap_or_default();
        let suffix = if format == Format::Interreg { "-interreg" } else { "" };
        format!(
            "{} export --shortlist{code} --format {} > {}{suffix}.{}",
            self.ssh,
            format.id(),
            file_stem(lang),
            format.extension()
        )
    }

    /// Whether `text` fits in one OSC 52 sequence that terminals take.
    pub fn fits_clipboard(text: &str) -> bool {
        text.len().div_ceil(3) * 4 + 8 <= COPY_MAX
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_command_names_the_code_the_format_and_a_file_in_the_participants_language() {
        let home = TakeHome { ssh: "ssh -p 2222 fr@192.0.2.7".into(), code: Some("K7M2-QX4P".into()) };
        assert_eq!(
            home.command(Lang::Fr, Format::Html),
            "ssh -p 2222 fr@192.0.2.7 export --shortlist K7M2-QX4P --format html > ma-selection.html"
        );
        let keyed = TakeHome { code: None, ..home };
        assert_eq!(
            keyed.command(Lang::En, Format::Interreg),
            "ssh -p 2222 fr@192.0.2.7 export --shortlist --format interreg > my-shortlist-interreg.md"
        );
    }

    #[test]
    fn the_clipboard_takes_what_fits_in_an_osc_52_sequence() {
        assert!(TakeHome::fits_clipboard(&"x".repeat(70_000)));
        assert!(!TakeHome::fits_clipboard(&"x".repeat(80_000)));
        let sequence = crate::ui::opener::osc52(&"x".repeat(74_900));
        assert!(sequence.len() <= COPY_MAX);
    }
}
