//! How a participant's dashboard looks: language and theme from the SSH user name.

use crate::text::Lang;
use crate::ui::theme::ThemeName;

/// `fr`, `en-light`, `fr-high-contrast`, `light`: a language and/or a theme; anything else
/// (`room`) says neither.
pub fn parse_user(user: &str) -> (Option<Lang>, Option<ThemeName>) {
    let (first, rest) = user.split_once('-').unwrap_or((user, ""));
    match Lang::from_code(first) {
        Some(lang) => (Some(lang), ThemeName::parse(rest)),
        None => (None, ThemeName::parse(user)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_user_name_gives_language_and_theme() {
        assert_eq!(parse_user("fr"), (Some(Lang::Fr), None));
        assert_eq!(parse_user("en-light"), (Some(Lang::En), Some(ThemeName::Light)));
        assert_eq!(parse_user("fr-high-contrast"), (Some(Lang::Fr), Some(ThemeName::HighContrast)));
        assert_eq!(parse_user("light"), (None, Some(ThemeName::Light)));
        assert_eq!(parse_user("room"), (None, None));
    }
}
