//! Colours by meaning, not by widget: each view asks for `theme.selection`, never for blue.

use ratatui::style::{Color, Modifier, Style};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ThemeName {
    Dark,
    Light,
    HighContrast,
    /// No colour at all (`NO_COLOR`): meaning is carried by bold, reverse and underline.
    Mono,
}

impl ThemeName {
    pub const CYCLE: [ThemeName; 3] = [ThemeName::Dark, ThemeName::Light, ThemeName::HighContrast];
    /// Every theme a user may name (the command line, BOUCLE_THEME, config.ron): one list for
    /// what each accepts and says.
    pub const ALL: [ThemeName; 4] = [ThemeName::Dark, ThemeName::Light, ThemeName::HighContrast, ThemeName::Mono];

    /// The themes' names, as listed to a user who named none of them.
    pub fn listed() -> String {
        ThemeName::ALL.map(ThemeName::id).join(", ")
    }

    /// The theme nearest a misspelt name, if one is near.
    pub fn nearest(given: &str) -> Option<&'static str> {
        crate::diagnostic::closest(given, ThemeName::ALL.map(ThemeName::id))
    }

    pub fn parse(text: &str) -> Option<ThemeName> {
        match text.to_ascii_lowercase().as_str() {
            "dark" => Some(ThemeName::Dark),
            "light" => Some(ThemeName::Light),
            "high-contrast" | "contrast" | "hc" => Some(ThemeName::HighContrast),
            "mono" | "none" | "no-color" => Some(ThemeName::Mono),
            _ => None,
        }
    }

    pub fn id(self) -> &'static str {
        match self {
            ThemeName::Dark => "dark",
            ThemeName::Light => "light",
            ThemeName::HighContrast => "high-contrast",
            ThemeName::Mono => "mono",
        }
    }

    /// The next theme for the cycling key; without colour there is nothing to cycle.
    pub fn next(self) -> ThemeName {
        match self {
            ThemeName::Dark => ThemeName::Light,
            ThemeName::Light => ThemeName::HighContrast,
            ThemeName::HighContrast => ThemeName::Dark,
            ThemeName::Mono => ThemeName::Mono,
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Theme {
    pub base: Style,
    pub muted: Style,
    pub border: Style,
    pub border_focused: Style,
    pub title: Style,
    pub heading: Style,
    pub selection: Style,
    /// Selection in a pane without focus: visible, but quieter.
    pub selection_unfocused: Style,
    pub matched: Style,
    pub kind_badge: Style,
    pub material_badge: Style,
    pub theme_badge: Style,
    pub checked: Style,
    pub count: Style,
    pub link: Style,
    pub warning: Style,
    pub error: Style,
    pub key: Style,
}

impl Theme {
    pub fn new(name: ThemeName) -> Theme {
        match name {
            ThemeName::Dark => Theme::dark(),
            ThemeName::Light => Theme::light(),
            ThemeName::HighContrast => Theme::high_contrast(),
            ThemeName::Mono => Theme::mono(),
        }
    }

    fn dark() -> Theme {
        let fg = Color::Rgb(220, 223, 228);
        Theme {
            base: Style::new().fg(fg).bg(Color::Rgb(24, 26, 31)),
            muted: Style::new().fg(Color::Rgb(130, 137, 151)),
            border: Style::new().fg(Color::Rgb(70, 76, 89)),
            border_focused: Style::new().fg(Color::Rgb(97, 175, 239)),
            title: Style::new().fg(Color::Rgb(229, 192, 123)).add_modifier(Modifier::BOLD),
            heading: Style::new().fg(Color::Rgb(97, 175, 239)).add_modifier(Modifier::BOLD),
            selection: Style::new().fg(Color::Rgb(24, 26, 31)).bg(Color::Rgb(97, 175, 239)),
            selection_unfocused: Style::new().bg(Color::Rgb(55, 60, 72)),
            matched: Style::new().fg(Color::Rgb(229, 192, 123)).add_modifier(Modifier::BOLD | Modifier::UNDERLINED),
            kind_badge: Style::new().fg(Color::Rgb(198, 120, 221)),
            material_badge: Style::new().fg(Color::Rgb(152, 195, 121)),
            theme_badge: Style::new().fg(Color::Rgb(86, 182, 194)),
            checked: Style::new().fg(Color::Rgb(152, 195, 121)).add_modifier(Modifier::BOLD),
            count: Style::new().fg(Color::Rgb(130, 137, 151)),
            link: Style::new().fg(Color::Rgb(97, 175, 239)).add_modifier(Modifier::UNDERLINED),
            warning: Style::new().fg(Color::Rgb(229, 192, 123)),
            error: Style::new().fg(Color::Rgb(224, 108, 117)).add_modifier(Modifier::BOLD),
            key: Style::new().fg(Color::Rgb(229, 192, 123)).add_modifier(Modifier::BOLD),
        }
    }

    /// For projectors: dark text on white, strong colours that survive a washed-out image.
    fn light() -> Theme {
        let blue = Color::Rgb(0, 82, 163);
        Theme {
            base: Style::new().fg(Color::Rgb(20, 20, 20)).bg(Color::Rgb(255, 255, 255)),
            muted: Style::new().fg(Color::Rgb(95, 95, 95)),
            border: Style::new().fg(Color::Rgb(118, 118, 118)),
            border_focused: Style::new().fg(blue),
            title: Style::new().fg(Color::Rgb(120, 40, 0)).add_modifier(Modifier::BOLD),
            heading: Style::new().fg(blue).add_modifier(Modifier::BOLD),
            selection: Style::new().fg(Color::Rgb(255, 255, 255)).bg(blue),
            selection_unfocused: Style::new().bg(Color::Rgb(220, 228, 240)),
            matched: Style::new().fg(Color::Rgb(170, 40, 0)).add_modifier(Modifier::BOLD | Modifier::UNDERLINED),
            kind_badge: Style::new().fg(Color::Rgb(110, 30, 140)),
            material_badge: Style::new().fg(Color::Rgb(0, 110, 40)),
            theme_badge: Style::new().fg(Color::Rgb(0, 100, 120)),
            checked: Style::new().fg(Color::Rgb(0, 110, 40)).add_modifier(Modifier::BOLD),
            count: Style::new().fg(Color::Rgb(95, 95, 95)),
            link: Style::new().fg(blue).add_modifier(Modifier::UNDERLINED),
            warning: Style::new().fg(Color::Rgb(150, 80, 0)),
            error: Style::new().fg(Color::Rgb(180, 0, 0)).add_modifier(Modifier::BOLD),
            key: Style::new().fg(blue).add_modifier(Modifier::BOLD),
        }
    }

    /// For low vision: white and bright colours on black, each at least 7:1 against what it is
    /// drawn on (WCAG AAA, held by `tests/it/theme_contrast.rs`), bold where it carries meaning.
    /// In RGB, so that the ratio is the one measured whatever the terminal's palette.
    fn high_contrast() -> Theme {
        let black = Color::Rgb(0, 0, 0);
        let white = Color::Rgb(255, 255, 255);
        let yellow = Color::Rgb(255, 255, 0);
        let cyan = Color::Rgb(0, 255, 255);
        let green = Color::Rgb(0, 255, 0);
        let magenta = Color::Rgb(255, 140, 255);
        let red = Color::Rgb(255, 110, 110);
        Theme {
            base: Style::new().fg(white).bg(black),
            muted: Style::new().fg(white),
            border: Style::new().fg(white),
            border_focused: Style::new().fg(yellow).add_modifier(Modifier::BOLD),
            title: Style::new().fg(yellow).add_modifier(Modifier::BOLD),
            heading: Style::new().fg(cyan).add_modifier(Modifier::BOLD),
            selection: Style::new().fg(black).bg(yellow).add_modifier(Modifier::BOLD),
            selection_unfocused: Style::new().fg(black).bg(white),
            matched: Style::new().fg(yellow).add_modifier(Modifier::BOLD | Modifier::UNDERLINED),
            kind_badge: Style::new().fg(magenta).add_modifier(Modifier::BOLD),
            material_badge: Style::new().fg(green).add_modifier(Modifier::BOLD),
            theme_badge: Style::new().fg(cyan).add_modifier(Modifier::BOLD),
            checked: Style::new().fg(green).add_modifier(Modifier::BOLD),
            count: Style::new().fg(white),
            link: Style::new().fg(cyan).add_modifier(Modifier::UNDERLINED),
            warning: Style::new().fg(yellow).add_modifier(Modifier::BOLD),
            error: Style::new().fg(red).add_modifier(Modifier::BOLD),
            key: Style::new().fg(yellow).add_modifier(Modifier::BOLD),
        }
    }

    fn mono() -> Theme {
        let plain = Style::new();
        Theme {
            base: plain,
            muted: plain.add_modifier(Modifier::DIM),
            border: plain,
            border_focused: plain.add_modifier(Modifier::BOLD),
            title: plain.add_modifier(Modifier::BOLD),
            heading: plain.add_modifier(Modifier::BOLD),
            selection: plain.add_modifier(Modifier::REVERSED | Modifier::BOLD),
            selection_unfocused: plain.add_modifier(Modifier::REVERSED),
            matched: plain.add_modifier(Modifier::UNDERLINED | Modifier::BOLD),
            kind_badge: plain,
            material_badge: plain,
            theme_badge: plain,
            checked: plain.add_modifier(Modifier::BOLD),
            count: plain,
            link: plain.add_modifier(Modifier::UNDERLINED),
            warning: plain.add_modifier(Modifier::BOLD),
            error: plain.add_modifier(Modifier::BOLD),
            key: plain.add_modifier(Modifier::BOLD),
        }
    }
}
