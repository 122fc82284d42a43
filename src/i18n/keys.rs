//! The names of keys as the interface writes them: French keyboards label some keys in
//! French (Échap, Entrée, Suppr), and the help and hints say what is printed on the key.

use crate::text::Lang;

/// The keys whose name depends on the language.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum KeyWord {
    PageUp,
    PageDown,
    Home,
    End,
    Enter,
    Esc,
    ShiftTab,
    Backspace,
    Delete,
    Space,
}

pub fn key_word(lang: Lang, key: KeyWord) -> &'static str {
    use KeyWord::*;
    match lang {
        Lang::En => match key {
            PageUp => "PgUp",
            PageDown => "PgDn",
            Home => "Home",
            End => "End",
            Enter => "Enter",
            Esc => "Esc",
            ShiftTab => "Shift-Tab",
            Backspace => "Backspace",
            Delete => "Del",
            Space => "Space",
        },
        Lang::Fr => match key {
            PageUp => "PgPréc",
            PageDown => "PgSuiv",
            Home => "Début",
            End => "Fin",
            Enter => "Entrée",
            Esc => "Échap",
            ShiftTab => "Maj-Tab",
            // "Retour" beside the verb "retour" read "Retour retour" in the status line.
            Backspace => "RetArr",
            Delete => "Suppr",
            Space => "Espace",
        },
    }
}
