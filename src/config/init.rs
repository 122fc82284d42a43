//! `boucle config init`'s file: every setting commented out, then every action of the key
//! table with its keys, generated from the table so that no name in it can be stale.

use crate::i18n::config as say;
use crate::text::Lang;
use crate::ui::keymap::{Keymap, action_name, key_spelling};

/// The commented file, in the reader's language, listing the actions of `keys`.
pub fn template(lang: Lang, keys: &Keymap) -> String {
    let mut text = say::init_head(lang).to_string();
    text.push('\n');
    text.push_str(say::init_actions(lang));
    text.push('\n');
    for binding in keys.iter() {
        let spelled: Vec<String> = binding.keys.iter().map(key_spelling).collect();
        text.push_str(&format!(
            "//   {}.{}: {} — {}\n",
            binding.context.id(),
            action_name(&binding.action),
            spelled.join(", "),
            binding.describe(lang)
        ));
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The file as written reads back with no problem and no setting: every one is commented.
    #[test]
    fn the_template_reads_back_as_the_defaults() {
        for lang in Lang::ALL {
            let text = template(lang, &Keymap::default());
            let (settings, problems) = super::super::parse("config.ron", &text, None);
            assert!(problems.is_empty(), "{problems:?}");
            assert_eq!(settings.theme, None);
            assert_eq!(settings.keys_changed, 0);
        }
    }

    /// `name: …`, `"…`, `}`: a commented setting, not a sentence.
    fn setting_line(rest: &str) -> bool {
        let name: String = rest.chars().take_while(|c| c.is_ascii_lowercase() || *c == '_').collect();
        (!name.is_empty() && rest[name.len()..].starts_with(": ")) || rest.starts_with('"') || rest.starts_with('}')
    }

    /// Uncommented, the example settings all read.
    #[test]
    fn the_examples_read_when_uncommented() {
        let text = template(Lang::En, &Keymap::default());
        let head = text.split("\n)\n").next().unwrap();
        let uncommented: String = head
            .lines()
            .map(|line| match line.trim_start().strip_prefix("// ").map(str::trim_start) {
                Some(rest) if setting_line(rest) => format!("{rest}\n"),
                _ => format!("{line}\n"),
            })
            .collect::<String>()
            + ")\n";
        let (settings, problems) = super::super::parse("config.ron", &uncommented, None);
        // The example's folder is nobody's: left out, and said; nothing else is wrong.
        let other: Vec<_> = problems.iter().filter(|p| p.code != "no-catalogue").collect();
        assert!(other.is_empty() && problems.len() <= 1, "{problems:?}\n{uncommented}");
        assert_eq!(settings.theme, Some(crate::ui::theme::ThemeName::HighContrast));
        assert_eq!(settings.keys_changed, 2);
    }
}
