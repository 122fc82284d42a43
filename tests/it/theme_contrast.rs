//! The light theme is for projectors, which wash colours out: every text colour it uses must
//! reach WCAG's 4.5:1 contrast against the background it is drawn on (WCAG 2.x relative
//! luminance and contrast ratio); the dark theme is held to the same rule for its text. The
//! high-contrast theme (`--theme high-contrast`, or `theme` in the config file) is for low
//! vision: it is held to WCAG AAA's 7:1, its text styles and every character it draws.

use boucle::ui::theme::{Theme, ThemeName};
use ratatui::style::{Color, Style};

fn channel(value: u8) -> f64 {
    let c = f64::from(value) / 255.0;
    if c <= 0.04045 { c / 12.92 } else { ((c + 0.055) / 1.055).powf(2.4) }
}

fn luminance(color: Color) -> f64 {
    let Color::Rgb(r, g, b) = color else { panic!("{color:?} is not an RGB colour: its contrast cannot be measured") };
    0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)
}

fn contrast(a: Color, b: Color) -> f64 {
    let (la, lb) = (luminance(a), luminance(b));
    (la.max(lb) + 0.05) / (la.min(lb) + 0.05)
}

/// Every style that draws text, with its name: on the theme's background unless it has its own.
fn text_styles(theme: &Theme) -> Vec<(&'static str, Style)> {
    vec![
        ("base", theme.base),
        ("muted", theme.muted),
        ("title", theme.title),
        ("heading", theme.heading),
        ("selection", theme.selection),
        ("selection_unfocused", theme.selection_unfocused),
        ("matched", theme.matched),
        ("kind_badge", theme.kind_badge),
        ("material_badge", theme.material_badge),
        ("theme_badge", theme.theme_badge),
        ("checked", theme.checked),
        ("count", theme.count),
        ("link", theme.link),
        ("warning", theme.warning),
        ("error", theme.error),
        ("key", theme.key),
    ]
}

fn check(name: ThemeName) {
    check_at(name, 4.5);
}

fn check_at(name: ThemeName, least: f64) {
    let theme = Theme::new(name);
    let background = theme.base.bg.expect("the theme paints its background");
    let text = theme.base.fg.expect("the theme has a text colour");
    let mut weak = Vec::new();
    for (what, style) in text_styles(&theme) {
        let fg = style.fg.unwrap_or(text);
        let bg = style.bg.unwrap_or(background);
        let ratio = contrast(fg, bg);
        if ratio < least {
            weak.push(format!("{what}: {ratio:.2}:1"));
        }
    }
    assert!(weak.is_empty(), "{} theme, text below {least}:1: {weak:?}", name.id());
}

#[test]
fn the_high_contrast_theme_text_reaches_7_to_1() {
    check_at(ThemeName::HighContrast, 7.0);
}

#[test]
fn the_light_theme_text_reaches_4_5_to_1() {
    check(ThemeName::Light);
}

#[test]
fn the_dark_theme_text_reaches_4_5_to_1() {
    check(ThemeName::Dark);
}

/// On a terminal of 256 or 16 colours each colour becomes its nearest there: no text may then
/// be drawn in the colour of its own background.
#[test]
fn text_stays_visible_on_terminals_of_fewer_colours() {
    use boucle::ui::colours::{Depth, nearest};
    for name in ThemeName::CYCLE {
        let theme = Theme::new(name);
        let (text, background) = (theme.base.fg.unwrap(), theme.base.bg.unwrap());
        for depth in [Depth::Palette256, Depth::Ansi16] {
            for (what, style) in text_styles(&theme) {
                let fg = nearest(depth, style.fg.unwrap_or(text));
                let bg = nearest(depth, style.bg.unwrap_or(background));
                assert_ne!(fg, bg, "{} theme, {what} at {depth:?}", name.id());
            }
        }
    }
}

#[test]
fn the_measure_is_wcag_s() {
    // Black on white is 21:1, a colour on itself 1:1, and WCAG's own example of #777 on white
    // is just under 4.5:1.
    let white = Color::Rgb(255, 255, 255);
    assert!((contrast(Color::Rgb(0, 0, 0), white) - 21.0).abs() < 0.01);
    assert!((contrast(white, white) - 1.0).abs() < 1e-9);
    let grey = contrast(Color::Rgb(0x77, 0x77, 0x77), white);
    assert!(grey > 4.4 && grey < 4.5, "{grey}");
}

use crate::common;

use boucle::ui::app::PresentStart;
use boucle::ui::{Action, App, Options, Screen};
use common::ui::{app_sized, draw, keys, press_all};

/// The facilitator's screens, as drawn: the tours (a stop open), the overview, a slide, the
/// jump search.
fn facilitator_screens(theme: ThemeName, width: u16, height: u16) -> Vec<(&'static str, App)> {
    let mut tours = app_sized(Options { theme, ..Options::default() }, width, height);
    press_all(&mut tours, &[Action::ShowScreen(Screen::Tours), Action::Open, Action::Down, Action::Open]);
    let mut overview = app_sized(Options { theme, ..Options::default() }, width, height);
    press_all(&mut overview, &[Action::ShowScreen(Screen::Overview)]);
    let present = |theme| Options {
        theme,
        present: Some(PresentStart::Tour("peer-review-lille-2025".into())),
        chrome: false,
        ..Options::default()
    };
    let slide = app_sized(present(theme), width, height);
    let mut jump = app_sized(present(theme), width, height);
    keys(&mut jump, "gzinc");
    vec![("tours", tours), ("overview", overview), ("slide", slide), ("jump", jump)]
}

/// The colours a cell shows: its character's and what is around it. A full block (the map's
/// half-block land, the bars) covers its own background, so it is seen against the screen's.
fn seen(cell: &ratatui::buffer::Cell, text: Color, background: Color) -> (Color, Color) {
    let fg = if cell.fg == Color::Reset { text } else { cell.fg };
    let bg = if cell.bg == Color::Reset || cell.symbol() == "█" { background } else { cell.bg };
    (fg, bg)
}

/// In the light theme every character on these screens, text or map, reaches 4.5:1 against
/// the cell it is drawn on.
#[test]
fn every_character_on_the_facilitator_screens_reaches_4_5_to_1_in_the_light_theme() {
    let theme = Theme::new(ThemeName::Light);
    let (text, background) = (theme.base.fg.unwrap(), theme.base.bg.unwrap());
    for (width, height) in [(100, 30), (200, 60)] {
        for (what, app) in facilitator_screens(ThemeName::Light, width, height) {
            let buffer = draw(&app);
            for cell in buffer.content() {
                if cell.symbol().trim().is_empty() {
                    continue;
                }
                let (fg, bg) = seen(cell, text, background);
                let ratio = contrast(fg, bg);
                assert!(ratio >= 4.5, "{what} at {width}x{height}: {:?} drawn at {ratio:.2}:1", cell.symbol());
            }
        }
    }
}

/// In the high-contrast theme every character on these screens reaches 7:1 against the cell
/// it is drawn on, and the screens are not blank.
#[test]
fn every_character_of_the_high_contrast_theme_reaches_7_to_1() {
    let theme = Theme::new(ThemeName::HighContrast);
    let (text, background) = (theme.base.fg.unwrap(), theme.base.bg.unwrap());
    for (width, height) in [(100, 30), (200, 60)] {
        for (what, app) in facilitator_screens(ThemeName::HighContrast, width, height) {
            let buffer = draw(&app);
            let mut drawn = 0;
            for cell in buffer.content().iter().filter(|c| !c.symbol().trim().is_empty()) {
                drawn += 1;
                let (fg, bg) = seen(cell, text, background);
                let ratio = contrast(fg, bg);
                assert!(ratio >= 7.0, "{what} at {width}x{height}: {:?} drawn at {ratio:.2}:1", cell.symbol());
            }
            assert!(drawn > 100, "{what}: {drawn} characters drawn");
        }
    }
}
