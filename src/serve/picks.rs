//! The room's picks on the server's terminal: `p` then Enter shows, above the live line, the
//! entries the participants marked, most marked first, with how many marked each and how many
//! marked anything — never who. Only the facilitator has it (this terminal, and the console
//! the presentation's hub tells): no key of a participant's dashboard and no exec command
//! gives the picks.

use std::io::BufRead;

use crate::i18n::picks as say;
use crate::shortlist::picks::Picks;
use crate::text::fit;

/// The most entries the screen shows.
pub const TOP: usize = 10;
/// The longest bar, in cells.
const BAR: usize = 12;

/// The picks screen's lines, `width` columns at most.
pub fn screen(
    picks: &Picks,
    lang: crate::text::Lang,
    width: usize,
    title: impl Fn(&crate::model::Id) -> String,
) -> Vec<String> {
    let mut lines =
        vec![fit(&format!("── {} · {} ──", say::title(lang), say::participants(lang, picks.participants)), width)];
    if picks.is_empty() {
        lines.push(format!("   {}", say::none_yet(lang)));
    }
    let most = picks.ranked.first().map_or(1, |(_, n)| (*n).max(1));
    for (rank, (id, count)) in picks.ranked.iter().take(TOP).enumerate() {
        let bar = "█".repeat((count * BAR).div_ceil(most).max(1));
        let line = format!("{:>3}. {bar:<BAR$} {count:>3}  {}", rank + 1, title(id));
        lines.push(fit(&crate::text::visible::line(&line), width));
    }
    lines
}

/// The picks as the presentation's hub tells them to the views that drive (the console).
pub fn for_the_hub(picks: &Picks) -> crate::presentation::RoomPicks {
    let ranked = picks.ranked.iter().map(|(id, count)| (id.as_str().to_string(), *count)).collect();
    crate::presentation::RoomPicks { participants: picks.participants, ranked }
}

/// The server's terminal width, for the screen.
pub fn width() -> usize {
    rustix::termios::tcgetwinsize(std::io::stderr()).map_or(100, |size| usize::from(size.ws_col.max(40))) - 1
}

/// When the server's terminal is one: each line typed on it is handed to `typed` (`p` shows or
/// hides the picks); false when it is not a terminal.
pub fn listen(typed: impl Fn(&str) -> bool + Send + 'static) -> bool {
    use std::io::IsTerminal;
    if !std::io::stdin().is_terminal() || !std::io::stderr().is_terminal() {
        return false;
    }
    let listening = std::thread::Builder::new().name("serve-keys".into()).spawn(move || {
        for line in std::io::stdin().lock().lines() {
            let Ok(line) = line else { return };
            if !typed(line.trim()) {
                return;
            }
        }
    });
    listening.is_ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Id;

    #[test]
    fn the_screen_gives_the_top_entries_a_count_each_and_how_many_marked_anything() {
        let ranked = (0..15).map(|i| (Id::parse(&format!("e{i}")).unwrap(), 15 - i)).collect();
        let picks = Picks { participants: 20, ranked };
        let lines = screen(&picks, crate::text::Lang::En, 80, |id| format!("Title of {}", id.as_str()));
        assert!(lines[0].contains("The room's picks") && lines[0].contains("20 participants marked entries"));
        assert_eq!(lines.len(), 1 + TOP, "the top {TOP} only");
        assert!(lines[1].contains(" 15  Title of e0"), "{}", lines[1]);
        assert!(lines[TOP].contains("  6  Title of e9"), "{}", lines[TOP]);
        assert!(lines.iter().all(|l| unicode_width::UnicodeWidthStr::width(l.as_str()) <= 80));
        let none = screen(&Picks::default(), crate::text::Lang::Fr, 80, |_| String::new());
        assert!(none[1].contains("Aucune fiche marquée"), "{none:?}");
    }
}
