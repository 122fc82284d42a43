//! The names a config file uses for the key table: a context (`results`), an action
//! (`open`, `show-screen-tours`), a key (`Ctrl-c`, `PgDn`, `F1`, `q`). One spelling each, read
//! and written here, so `boucle config init` writes what `config.ron` reads back.

use ratatui::crossterm::event::{KeyCode, KeyModifiers};

use super::super::action::{Action, Edit};
use super::context::Context;
use super::table::Key;

impl Context {
    /// How a config file names the context, before the action: `results.open`.
    pub fn id(self) -> &'static str {
        match self {
            Context::Always => "always",
            Context::Global => "global",
            Context::Facets => "facets",
            Context::Results => "results",
            Context::Detail => "entry",
            Context::Search => "search",
            Context::Overlay => "overlay",
            Context::Shortlist => "shortlist",
            Context::Input => "input",
            Context::ExportChoose => "export",
            Context::Confirm => "confirm",
            Context::Tours => "tours",
            Context::Overview => "overview",
            Context::OverviewMap => "map",
            Context::OverviewCharts => "charts",
            Context::Present => "present",
            Context::PresentJump => "jump",
            Context::Problems => "problems",
            Context::Text => "text",
            Context::Form => "form",
            Context::Picker => "picker",
        }
    }
}

/// How a config file names an action: its variant in kebab case, with what it carries
/// (`show-screen-tours`, `edit-backspace`, `pan-map-west`).
pub fn action_name(action: &Action) -> String {
    if let Action::PanMap { east, north } = action {
        let way = match (east.signum(), north.signum()) {
            (1, _) => "east",
            (-1, _) => "west",
            (_, 1) => "north",
            _ => "south",
        };
        return format!("pan-map-{way}");
    }
    if let Action::Edit(Edit::Insert(_) | Edit::Paste(_)) = action {
        return "edit-insert".into();
    }
    // Debug spells the variant and its payload's variants: `ShowScreen(Tours)`.
    let debug = format!("{action:?}");
    let mut name = String::new();
    for c in debug.chars() {
        if c.is_ascii_uppercase() {
            if !name.is_empty() && !name.ends_with('-') {
                name.push('-');
            }
            name.push(c.to_ascii_lowercase());
        } else if c.is_ascii_alphanumeric() {
            name.push(c);
        } else if !name.ends_with('-') {
            name.push('-');
        }
    }
    name.trim_matches('-').to_string()
}

/// A key as a config file writes it: `q`, `G`, `Ctrl-c`, `Enter`, `Esc`, `Up`, `PgDn`, `F1`,
/// `Space`, `Tab`, `BackTab`, `Backspace`, `Delete`, `Home`, `End`. Named keys in any case.
pub fn parse_key(text: &str) -> Option<Key> {
    let (modifiers, rest) = match text.split_once('-') {
        Some((ctrl, rest)) if ctrl.eq_ignore_ascii_case("ctrl") && !rest.is_empty() => (KeyModifiers::CONTROL, rest),
        _ => (KeyModifiers::NONE, text),
    };
    let mut chars = rest.chars();
    let code = match (chars.next(), chars.next()) {
        (Some(c), None) if !c.is_control() => {
            KeyCode::Char(if modifiers == KeyModifiers::CONTROL { c.to_ascii_lowercase() } else { c })
        }
        _ => match rest.to_ascii_lowercase().as_str() {
            "enter" | "return" => KeyCode::Enter,
            "esc" | "escape" => KeyCode::Esc,
            "up" => KeyCode::Up,
            "down" => KeyCode::Down,
            "left" => KeyCode::Left,
            "right" => KeyCode::Right,
            "pgup" | "pageup" => KeyCode::PageUp,
            "pgdn" | "pagedown" => KeyCode::PageDown,
            "home" => KeyCode::Home,
            "end" => KeyCode::End,
            "tab" => KeyCode::Tab,
            "backtab" | "shift-tab" => KeyCode::BackTab,
            "backspace" => KeyCode::Backspace,
            "delete" | "del" => KeyCode::Delete,
            "space" => KeyCode::Char(' '),
            f if f.starts_with('f') => KeyCode::F(f[1..].parse().ok().filter(|n| (1..=12).contains(n))?),
            _ => return None,
        },
    };
    Some(Key { code, modifiers })
}

/// The spelling [`parse_key`] reads back.
pub fn key_spelling(key: &Key) -> String {
    let name = match key.code {
        KeyCode::Char(' ') => "Space".to_string(),
        KeyCode::Char(c) => c.to_string(),
        KeyCode::Enter => "Enter".into(),
        KeyCode::Esc => "Esc".into(),
        KeyCode::Up => "Up".into(),
        KeyCode::Down => "Down".into(),
        KeyCode::Left => "Left".into(),
        KeyCode::Right => "Right".into(),
        KeyCode::PageUp => "PgUp".into(),
        KeyCode::PageDown => "PgDn".into(),
        KeyCode::Home => "Home".into(),
        KeyCode::End => "End".into(),
        KeyCode::Tab => "Tab".into(),
        KeyCode::BackTab => "BackTab".into(),
        KeyCode::Backspace => "Backspace".into(),
        KeyCode::Delete => "Delete".into(),
        KeyCode::F(n) => format!("F{n}"),
        _ => "?".into(),
    };
    if key.modifiers.contains(KeyModifiers::CONTROL) { format!("Ctrl-{name}") } else { name }
}

#[cfg(test)]
mod tests {
    use super::super::table::BINDINGS;
    use super::*;

    #[test]
    fn every_key_of_the_table_reads_back_as_written() {
        for binding in BINDINGS {
            for key in binding.keys.iter() {
                assert_eq!(parse_key(&key_spelling(key)), Some(*key), "{key:?}");
            }
        }
    }

    #[test]
    fn actions_are_named_in_kebab_case() {
        use super::super::super::screen::Screen;
        assert_eq!(action_name(&Action::Quit), "quit");
        assert_eq!(action_name(&Action::ShowScreen(Screen::Tours)), "show-screen-tours");
        assert_eq!(action_name(&Action::PanMap { east: -1, north: 0 }), "pan-map-west");
        assert_eq!(action_name(&Action::Edit(Edit::DeleteWord)), "edit-delete-word");
        assert_eq!(parse_key("Ctrl-C"), Some(Key { code: KeyCode::Char('c'), modifiers: KeyModifiers::CONTROL }));
        assert_eq!(parse_key("Ctrl-"), None);
        assert_eq!(parse_key("F13"), None);
    }
}
