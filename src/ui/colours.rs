//! How many colours the terminal shows. The themes are written in 24-bit colour; a terminal
//! that has only 256 (macOS's Terminal before macOS 26, most over SSH without `COLORTERM`) or
//! 16 (the Linux console, `TERM=linux`, `vt100`) would draw `ESC[38;2;…m` as some other
//! colour or not at all. Each frame's cells are then given the nearest colour the terminal
//! has, once drawn, so every view, the map and present mode are covered at one place.

use ratatui::buffer::Buffer;
use ratatui::style::Color;

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Depth {
    #[default]
    TrueColour,
    /// The xterm 256-colour palette: its 6×6×6 cube and grey ramp.
    Palette256,
    /// The 16 ANSI colours, whose shades each terminal chooses.
    Ansi16,
}

impl Depth {
    /// The depth the environment says: `COLORTERM=truecolor` (or `24bit`), terminals known to
    /// have 24-bit colour, then `TERM`'s name.
    pub fn from_environment() -> Depth {
        let var = |name: &str| std::env::var(name).unwrap_or_default();
        Depth::from_names(&var("COLORTERM"), &var("TERM"), &var("TERM_PROGRAM"), !var("WT_SESSION").is_empty())
    }

    /// The depth of a remote terminal, from what its SSH client sent: the pty request's `TERM`
    /// and, when sent (`SendEnv COLORTERM`), `COLORTERM`.
    pub fn from_client(colorterm: &str, term: &str) -> Depth {
        Depth::from_names(colorterm, term, "", false)
    }

    fn from_names(colorterm: &str, term: &str, program: &str, windows_terminal: bool) -> Depth {
        let colorterm = colorterm.to_ascii_lowercase();
        let term = term.to_ascii_lowercase();
        let known_24 = ["iterm.app", "wezterm", "vscode", "ghostty", "hyper", "tabby", "rio"];
        if colorterm == "truecolor"
            || colorterm == "24bit"
            || term.contains("direct")
            || term.contains("truecolor")
            || windows_terminal
            || known_24.contains(&program.to_ascii_lowercase().as_str())
        {
            Depth::TrueColour
        } else if term.contains("256") || term.starts_with("xterm") || term.is_empty() {
            Depth::Palette256
        } else {
            Depth::Ansi16
        }
    }
}

/// Gives each cell of `buffer` the nearest colour of `depth`.
pub fn reduce(buffer: &mut Buffer, depth: Depth) {
    if depth == Depth::TrueColour {
        return;
    }
    for cell in &mut buffer.content {
        cell.fg = nearest(depth, cell.fg);
        cell.bg = nearest(depth, cell.bg);
    }
}

/// The colour of `depth` nearest to `colour`; a colour named by the palette stays itself.
pub fn nearest(depth: Depth, colour: Color) -> Color {
    match (depth, colour) {
        (Depth::Palette256, Color::Rgb(r, g, b)) => Color::Indexed(palette_256(r, g, b)),
        (Depth::Ansi16, Color::Rgb(r, g, b)) => ansi_16(r, g, b),
        _ => colour,
    }
}

fn distance((r, g, b): (u8, u8, u8), (r2, g2, b2): (u8, u8, u8)) -> u32 {
    // Weighted as the eye weighs the channels ("redmean" without the mean: close enough here).
    let d = |x: u8, y: u8| (i32::from(x) - i32::from(y)).pow(2) as u32;
    2 * d(r, r2) + 4 * d(g, g2) + 3 * d(b, b2)
}

/// The nearest of the 256-colour palette's cube (16–231) and grey ramp (232–255).
fn palette_256(r: u8, g: u8, b: u8) -> u8 {
    const LEVELS: [u8; 6] = [0, 95, 135, 175, 215, 255];
    let level = |v: u8| (0..6).min_by_key(|&i| (i32::from(LEVELS[i]) - i32::from(v)).abs()).unwrap_or(0);
    let (ri, gi, bi) = (level(r), level(g), level(b));
    let cube = (LEVELS[ri], LEVELS[gi], LEVELS[bi]);
    let cube_index = 16 + 36 * ri as u8 + 6 * gi as u8 + bi as u8;
    let mean = ((u32::from(r) + u32::from(g) + u32::from(b)) / 3) as u8;
    let grey_step = (mean.saturating_sub(3) / 10).min(23);
    let grey_level = 8 + 10 * grey_step;
    let grey = (grey_level, grey_level, grey_level);
    if distance((r, g, b), grey) < distance((r, g, b), cube) { 232 + grey_step } else { cube_index }
}

/// The 16 ANSI colour nearest in hue: their shades differ from one terminal to the next, so
/// the hue (and light or dark) is what can be kept; a greyish colour becomes a grey by lightness.
fn ansi_16(r: u8, g: u8, b: u8) -> Color {
    let (max, min) = (r.max(g).max(b), r.min(g).min(b));
    let spread = i32::from(max) - i32::from(min);
    if spread < 40 {
        return match max {
            0..64 => Color::Black,
            64..150 => Color::DarkGray,
            150..236 => Color::Gray,
            _ => Color::White,
        };
    }
    let (r, g, b) = (i32::from(r), i32::from(g), i32::from(b));
    let hue = if i32::from(max) == r {
        (60 * (g - b) / spread).rem_euclid(360)
    } else if i32::from(max) == g {
        60 * (b - r) / spread + 120
    } else {
        60 * (r - g) / spread + 240
    };
    let bright = max > 200;
    let pick = |dark: Color, light: Color| if bright { light } else { dark };
    match (hue + 30) / 60 % 6 {
        0 => pick(Color::Red, Color::LightRed),
        1 => pick(Color::Yellow, Color::LightYellow),
        2 => pick(Color::Green, Color::LightGreen),
        3 => pick(Color::Cyan, Color::LightCyan),
        4 => pick(Color::Blue, Color::LightBlue),
        _ => pick(Color::Magenta, Color::LightMagenta),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::layout::Rect;
    use ratatui::style::Style;

    #[test]
    fn the_environment_says_the_depth() {
        assert_eq!(Depth::from_names("truecolor", "xterm-256color", "", false), Depth::TrueColour);
        assert_eq!(Depth::from_names("", "xterm-256color", "Apple_Terminal", false), Depth::Palette256);
        assert_eq!(Depth::from_names("", "tmux-256color", "", false), Depth::Palette256);
        assert_eq!(Depth::from_names("", "linux", "", false), Depth::Ansi16);
        assert_eq!(Depth::from_names("", "vt100", "", false), Depth::Ansi16);
        assert_eq!(Depth::from_names("", "dumb", "", false), Depth::Ansi16);
        assert_eq!(Depth::from_names("", "xterm", "", true), Depth::TrueColour);
        assert_eq!(Depth::from_names("", "xterm-256color", "WezTerm", false), Depth::TrueColour);
    }

    #[test]
    fn colours_become_their_nearest_of_the_palette() {
        assert_eq!(palette_256(0, 0, 0), 16);
        assert_eq!(palette_256(255, 255, 255), 231);
        assert_eq!(palette_256(255, 0, 0), 196);
        assert_eq!(palette_256(128, 128, 128), 244);
        assert_eq!(palette_256(229, 192, 123), 180, "the dark theme's gold: (215, 175, 135)");
        assert_eq!(ansi_16(240, 120, 128), Color::LightRed, "the dark theme's marker");
        assert_eq!(ansi_16(229, 192, 123), Color::LightYellow, "the dark theme's gold");
        assert_eq!(ansi_16(0, 82, 163), Color::Blue, "the light map's route");
        assert_eq!(ansi_16(24, 26, 31), Color::Black);
        assert_eq!(ansi_16(230, 233, 238), Color::White);
        assert_eq!(ansi_16(127, 127, 127), Color::DarkGray);
    }

    /// Every colour of a frame drawn for a 256- or 16-colour terminal is one it has; colours
    /// the views name (`Color::Black`, `Reset`) stay as they are.
    #[test]
    fn a_reduced_frame_has_no_24_bit_colour_left() {
        let area = Rect::new(0, 0, 4, 1);
        for depth in [Depth::Palette256, Depth::Ansi16] {
            let mut buffer = Buffer::empty(area);
            buffer.set_string(0, 0, "ab", Style::new().fg(Color::Rgb(229, 192, 123)).bg(Color::Rgb(24, 26, 31)));
            buffer.set_string(2, 0, "cd", Style::new().fg(Color::Black));
            reduce(&mut buffer, depth);
            assert!(
                buffer.content.iter().all(|c| !matches!(c.fg, Color::Rgb(..)) && !matches!(c.bg, Color::Rgb(..))),
                "{depth:?}: {buffer:?}"
            );
            assert_eq!(buffer.content[2].fg, Color::Black);
            assert_eq!(buffer.content[3].bg, Color::Reset);
        }
    }
}
