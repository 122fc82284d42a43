//! The facilitator's screens on the fixture: the tabs, the tours screen, present mode and the
//! overview, as snapshots (80x24 and 160x48, dark and light) and as behaviour (next and
//! previous at the bounds, the jump search and back, blanking, leaving present mode).

use crate::common;

use boucle::ui::app::PresentStart;
use boucle::ui::theme::ThemeName;
use boucle::ui::{Action, App, Effect, Options, Pane, Screen};
use common::ui::{app_sized, draw, keys, press, press_all, screen, select, selected_id, theme as colours};
use ratatui::buffer::Buffer;
use ratatui::crossterm::event::{KeyCode, KeyModifiers};

const SIZES: [(u16, u16); 2] = [(80, 24), (160, 48)];
const THEMES: [ThemeName; 2] = [ThemeName::Dark, ThemeName::Light];
const TOUR: &str = "peer-review-lille-2025";

pub(crate) fn app_at(theme: ThemeName, width: u16, height: u16) -> App {
    app_sized(Options { theme, ..Options::default() }, width, height)
}

fn presenting(theme: ThemeName, width: u16, height: u16) -> App {
    let options =
        Options { theme, present: Some(PresentStart::Tour(TOUR.into())), chrome: false, ..Options::default() };
    app_sized(options, width, height)
}

/// The rows and columns drawn in the theme's selection colours, so that the light and dark
/// snapshots say where the highlight is.
fn selection_marks(app: &App, buffer: &Buffer) -> String {
    let selection = colours(app).selection.bg;
    let mut out = Vec::new();
    for y in 0..buffer.area.height {
        let xs: Vec<u16> = (0..buffer.area.width).filter(|&x| Some(buffer[(x, y)].bg) == selection).collect();
        if let (Some(first), Some(last)) = (xs.first(), xs.last()) {
            let text: String = (*first..=*last).map(|x| buffer[(x, y)].symbol()).collect();
            out.push(format!("row {y}, columns {first}..={last}: {}", text.trim_end()));
        }
    }
    out.join("\n")
}

fn snapshot(app: &App) -> String {
    let buffer = draw(app);
    format!("{}\n--- selection ---\n{}\n", screen(app), selection_marks(app, &buffer))
}

pub(crate) fn each_size_and_theme(what: &str, make: impl Fn(ThemeName, u16, u16) -> App) {
    for theme in THEMES {
        for (width, height) in SIZES {
            let app = make(theme, width, height);
            let name = format!("{what}_{width}x{height}_{}", theme.id());
            insta::assert_snapshot!(name, snapshot(&app));
        }
    }
}

fn present_keys(app: &mut App, code: KeyCode) -> Vec<Effect> {
    common::ui::key(app, code, KeyModifiers::NONE)
}

// --- Snapshots ---------------------------------------------------------------------------

#[test]
fn present_a_stop() {
    each_size_and_theme("present_stop", |theme, w, h| {
        let mut app = presenting(theme, w, h);
        present_keys(&mut app, KeyCode::Right);
        app
    });
}

#[test]
fn present_blank() {
    each_size_and_theme("present_blank", |theme, w, h| {
        let mut app = presenting(theme, w, h);
        keys(&mut app, "b");
        app
    });
}

#[test]
fn present_jump_search() {
    each_size_and_theme("present_jump", |theme, w, h| {
        let mut app = presenting(theme, w, h);
        keys(&mut app, "gzinc");
        app
    });
}

#[test]
fn present_a_title_with_accents() {
    each_size_and_theme("present_accents", |theme, w, h| {
        let options = Options {
            theme,
            lang: boucle::text::Lang::Fr,
            query: "électriciens".into(),
            present: Some(PresentStart::Results),
            chrome: false,
            ..Options::default()
        };
        app_sized(options, w, h)
    });
}

#[test]
fn tours_screen() {
    each_size_and_theme("tours", |theme, w, h| {
        let mut app = app_at(theme, w, h);
        press_all(&mut app, &[Action::ShowScreen(Screen::Tours), Action::Open, Action::Down]);
        app
    });
}

#[test]
fn tours_screen_with_a_stop_open() {
    each_size_and_theme("tours_stop_open", |theme, w, h| {
        let mut app = app_at(theme, w, h);
        press_all(&mut app, &[Action::ShowScreen(Screen::Tours), Action::Open, Action::Down, Action::Open]);
        app
    });
}

#[test]
fn overview_tab() {
    each_size_and_theme("overview", |theme, w, h| {
        let mut app = app_at(theme, w, h);
        press(&mut app, Action::ShowScreen(Screen::Overview));
        app
    });
}

// --- Behaviour ---------------------------------------------------------------------------

fn footer(app: &App) -> String {
    screen(app).lines().last().unwrap_or_default().to_string()
}

#[test]
fn number_keys_switch_tabs_and_the_current_tab_is_highlighted() {
    let mut app = app_at(ThemeName::Dark, 100, 30);
    let top = |app: &App| screen(app).lines().next().unwrap_or_default().to_string();
    assert!(top(&app).contains("1 Browse  2 Tours  3 Overview"), "{}", top(&app));
    keys(&mut app, "2");
    assert_eq!(app.screen(), Screen::Tours);
    assert!(screen(&app).contains("Peer review in Lille"));
    keys(&mut app, "3");
    assert_eq!(app.screen(), Screen::Overview);
    assert!(screen(&app).contains("Map"));
    let marks = selection_marks(&app, &draw(&app));
    assert!(marks.starts_with("row 0") && marks.contains("3 Overview"), "{marks}");
    keys(&mut app, "1");
    assert_eq!(app.screen(), Screen::Browse);
}

#[test]
fn next_and_previous_stop_stop_at_the_bounds() {
    let mut app = presenting(ThemeName::Dark, 100, 30);
    assert!(footer(&app).contains("1/4"), "{}", footer(&app));
    present_keys(&mut app, KeyCode::Left);
    assert!(footer(&app).contains("1/4"));
    present_keys(&mut app, KeyCode::PageDown);
    keys(&mut app, " ");
    assert!(footer(&app).contains("3/4"), "{}", footer(&app));
    for _ in 0..5 {
        present_keys(&mut app, KeyCode::Right);
    }
    assert!(footer(&app).contains("4/4"));
    present_keys(&mut app, KeyCode::Home);
    assert!(footer(&app).contains("1/4"));
    present_keys(&mut app, KeyCode::End);
    assert!(footer(&app).contains("4/4"));
    present_keys(&mut app, KeyCode::PageUp);
    assert!(footer(&app).contains("3/4"));
}

#[test]
fn a_stop_shows_its_note_day_and_time() {
    let mut app = presenting(ThemeName::Dark, 120, 36);
    present_keys(&mut app, KeyCode::Right);
    let text = screen(&app);
    assert!(text.contains("Show how a cluster can link companies"), "{text}");
    assert!(footer(&app).contains("2025-07-29 · 14:00 · 2/4"), "{}", footer(&app));
    assert!(footer(&app).contains("⏱ 0:00"));
}

#[test]
fn jump_and_return_keeps_the_stop() {
    let mut app = presenting(ThemeName::Dark, 100, 30);
    present_keys(&mut app, KeyCode::Right);
    keys(&mut app, "gkozani");
    assert!(screen(&app).contains("Municipality of Kozani"));
    present_keys(&mut app, KeyCode::Esc);
    assert!(footer(&app).contains("2/4"));
    assert!(screen(&app).contains("Show how a cluster"));
    // Jump to an entry, then Esc: back to the same stop.
    keys(&mut app, "gkozani");
    present_keys(&mut app, KeyCode::Enter);
    assert!(screen(&app).contains("out of the programme"), "{}", screen(&app));
    present_keys(&mut app, KeyCode::Esc);
    assert!(footer(&app).contains("2/4"));
    assert!(screen(&app).contains("Show how a cluster"));
}

#[test]
fn blank_toggles() {
    let mut app = presenting(ThemeName::Dark, 100, 30);
    keys(&mut app, "b");
    assert!(screen(&app).trim().is_empty(), "{}", screen(&app));
    keys(&mut app, "b");
    assert!(footer(&app).contains("1/4"));
    // The next click on a blank screen brings the slide back without moving on.
    keys(&mut app, "b");
    present_keys(&mut app, KeyCode::Right);
    assert!(footer(&app).contains("1/4"));
}

#[test]
fn leaving_present_mode_returns_to_the_screen_and_selection() {
    let mut app = app_at(ThemeName::Dark, 100, 30);
    select(&mut app, "zinc-loop-hauts-de-france");
    keys(&mut app, "p");
    assert_eq!(app.screen(), Screen::Present);
    assert!(screen(&app).contains("zinc"), "{}", screen(&app));
    present_keys(&mut app, KeyCode::Right);
    let effects = keys(&mut app, "q");
    assert!(effects.is_empty());
    assert_eq!(app.screen(), Screen::Browse);
    assert_eq!(selected_id(&app).as_deref(), Some("zinc-loop-hauts-de-france"));

    // From the tours screen, back at the stop reached.
    keys(&mut app, "2");
    press_all(&mut app, &[Action::Open]);
    keys(&mut app, "p");
    present_keys(&mut app, KeyCode::Right);
    present_keys(&mut app, KeyCode::Right);
    keys(&mut app, "q");
    assert_eq!(app.screen(), Screen::Tours);
    assert!(screen(&app).contains("Former mining sites"));
    press(&mut app, Action::Open);
    assert!(screen(&app).contains("Stop 3/4"), "{}", screen(&app));
}

#[test]
fn present_started_from_the_command_line_quits_on_q() {
    let mut app = presenting(ThemeName::Dark, 100, 30);
    let effects = keys(&mut app, "q");
    assert_eq!(effects, vec![Effect::Quit]);
}

#[test]
fn opening_a_stop_and_coming_back_keeps_the_stop_and_its_note() {
    let mut app = app_at(ThemeName::Dark, 120, 36);
    keys(&mut app, "2");
    press_all(&mut app, &[Action::Open, Action::Down, Action::Down, Action::Open]);
    let text = screen(&app);
    assert!(text.contains("Stop 3/4 · Peer review in Lille"), "{text}");
    assert!(text.contains("Move on to post-mining"));
    press(&mut app, Action::Back);
    let text = screen(&app);
    assert!(text.contains("Day 2 · 2025-07-30"), "{text}");
    let marks = selection_marks(&app, &draw(&app));
    assert!(marks.contains("Former mining sites"), "{marks}");
}

#[test]
fn following_a_stop_from_the_tour_keeps_its_note() {
    let mut app = app_at(ThemeName::Dark, 160, 48);
    select(&mut app, TOUR);
    press(&mut app, Action::Focus(Pane::Detail));
    keys(&mut app, "nn");
    present_keys(&mut app, KeyCode::Enter);
    let text = common::ui::pane_text(&app, Pane::Detail);
    assert!(text.contains("Stop 2/4 · Peer review in Lille"), "{text}");
    assert!(text.contains("Show how a cluster can link companies"), "{text}");
}

/// Every wrapped line of a note or list item starts under its text, never at column 0.
#[test]
fn wrapped_notes_keep_a_hanging_indent() {
    let mut app = app_at(ThemeName::Dark, 80, 40);
    keys(&mut app, "2");
    press(&mut app, Action::Open);
    let text = screen(&app);
    let note: Vec<&str> = text.lines().filter(|l| l.contains("Open with") || l.contains("common thread")).collect();
    assert!(!note.is_empty(), "{text}");
    for line in text.lines().skip(2) {
        let inner = line.trim_start_matches(['│', '┃', ' ']);
        let indent = line.chars().count() - inner.chars().count();
        // Inside the frame, a stop's lines start at its number or under its text.
        if inner.starts_with(|c: char| c.is_lowercase()) {
            assert!(indent >= 5, "a continuation line at column {indent}: {line}\n{text}");
        }
    }
}

#[test]
fn the_overview_is_the_first_slide_when_presented_from_its_tab() {
    let mut app = app_at(ThemeName::Dark, 120, 36);
    keys(&mut app, "3p");
    assert_eq!(app.screen(), Screen::Present);
    let text = screen(&app);
    assert!(text.contains("Map") && text.contains("Material"), "{text}");
    assert!(footer(&app).contains("1/13"), "the overview, then the 12 results: {}", footer(&app));
    present_keys(&mut app, KeyCode::Right);
    assert!(!screen(&app).contains("Map"));
    keys(&mut app, "q");
    assert_eq!(app.screen(), Screen::Overview);
}

#[test]
fn the_clock_redraws_only_while_a_slide_shows_it() {
    use boucle::ui::update::tick;
    use std::time::{Duration, Instant};
    let start = Instant::now();
    let mut browsing = app_at(ThemeName::Dark, 100, 30);
    assert!(!tick(&mut browsing, start), "no clock on the browse screen");
    assert!(!tick(&mut browsing, start + Duration::from_secs(5)));
    let mut app = presenting(ThemeName::Dark, 100, 30);
    assert!(!tick(&mut app, start), "the first tick starts the clock");
    assert!(!tick(&mut app, start + Duration::from_millis(400)), "same second: nothing to draw");
    assert!(tick(&mut app, start + Duration::from_secs(61)));
    assert!(footer(&app).contains("⏱ 1:01"), "{}", footer(&app));
    keys(&mut app, "b");
    assert!(!tick(&mut app, start + Duration::from_secs(62)), "a blank screen shows no clock");
    keys(&mut app, "b");
    assert!(footer(&app).contains("⏱ 1:02"), "the time went on while blank: {}", footer(&app));
}

#[test]
fn present_flag_hides_the_chrome() {
    let options = Options { chrome: false, ..Options::default() };
    let mut app = app_sized(options, 80, 24);
    let text = screen(&app);
    assert!(!text.contains("? help") && !text.contains("2 Tours") && !text.contains("type / to search"), "{text}");
    assert!(text.lines().next().unwrap_or_default().contains("Filters"), "the panes take the top line:\n{text}");
    keys(&mut app, "/");
    assert!(screen(&app).lines().next().unwrap_or_default().contains("/"), "the query line comes back to type in");
}

#[test]
fn zoom_shows_the_whole_entry_and_comes_back() {
    let mut app = presenting(ThemeName::Dark, 100, 30);
    keys(&mut app, "z");
    assert!(screen(&app).contains("Stop 1/4"), "{}", screen(&app));
    // The whole entry, down to its sources, scrolled with ↓.
    keys(&mut app, &"j".repeat(40));
    let text = screen(&app);
    assert!(text.contains("Sources") && !text.contains("Stop 1/4"), "{text}");
    keys(&mut app, "z");
    assert!(!screen(&app).contains("Sources") && !screen(&app).contains("Stop 1/4"));
    assert!(footer(&app).contains("1/4"));
}

#[test]
fn presenting_nothing_opens_the_dashboard_saying_so() {
    let options =
        Options { query: "zzzzqqq".into(), present: Some(PresentStart::Results), chrome: false, ..Options::default() };
    let app = app_sized(options, 100, 30);
    assert_eq!(app.screen(), Screen::Browse);
    assert!(screen(&app).contains("Nothing to present"), "{}", screen(&app));
}

/// The charts count the results: with a material chosen, no bar shows a material that none of
/// the results has (the filters pane's counts, what each value would give, are not the chart's).
#[test]
fn the_overview_counts_the_results_of_the_filters() {
    let mut app = app_at(ThemeName::Dark, 160, 48);
    common::ui::toggle_filter(&mut app, boucle::query::Facet::Material, "zinc");
    assert_eq!(common::ui::total(&app), 2);
    keys(&mut app, "3");
    let text = screen(&app);
    assert!(!text.contains("Coal and lignite"), "{text}");
    let zinc = text.lines().find(|l| l.trim_start().starts_with("Zinc ") && l.contains('█')).unwrap_or_default();
    let bar = zinc.split('│').next().unwrap_or_default();
    assert!(bar.trim_end().ends_with(" 2"), "{zinc}");
}

/// With only the shortlist shown, the charts count the shortlist's entries: the counts come
/// from the same search as the results (they were counted once against every entry of the
/// filters, shortlist or not).
#[test]
fn the_overview_counts_only_the_shortlist_when_only_the_shortlist_shows() {
    // Each of the two zinc entries in turn: TEAM2 has rare earths beside zinc, the other only zinc.
    for (marked, rare_earths) in [("team2", true), ("zinc-loop-hauts-de-france", false)] {
        let mut app = app_at(ThemeName::Dark, 160, 48);
        common::ui::toggle_filter(&mut app, boucle::query::Facet::Material, "zinc");
        assert_eq!(common::ui::total(&app), 2);
        select(&mut app, marked);
        press_all(&mut app, &[Action::Focus(Pane::Results), Action::ToggleMark, Action::ToggleShortlistFilter]);
        assert_eq!(common::ui::result_ids(&app), [marked]);
        keys(&mut app, "3");
        let text = screen(&app);
        let charts: Vec<&str> = text.lines().map(|l| l.split('│').next().unwrap_or_default()).collect();
        let zinc = charts.iter().find(|l| l.trim_start().starts_with("Zinc ") && l.contains('█')).unwrap_or(&"");
        assert!(zinc.trim_end().ends_with(" 1"), "{text}");
        assert_eq!(charts.iter().any(|l| l.contains("Rare earths")), rare_earths, "{marked}: {text}");
    }
}

/// In the entry pane, a tour's wrapped stop notes keep their indent (fields hang too: see the
/// detail snapshots at 160x48).
#[test]
fn the_entry_pane_hangs_wrapped_stop_notes_under_their_text() {
    let mut app = app_at(ThemeName::Dark, 80, 60);
    select(&mut app, TOUR);
    press(&mut app, Action::Focus(Pane::Detail));
    let text = common::ui::pane_text(&app, Pane::Detail);
    let lines: Vec<&str> = text.lines().collect();
    let start = lines.iter().position(|l| l.contains("Open with the common thread")).expect(&text);
    // The note starts three columns in; its next line is indented the same, not at column 0.
    assert!(lines[start].starts_with("   Day 1"), "{text}");
    assert!(lines[start + 1].starts_with("   ") && !lines[start + 1].trim().is_empty(), "{text}");
    assert!(!lines[start + 1].trim_start().starts_with(|c: char| c.is_ascii_digit()), "{text}");
}

#[test]
fn a_slide_labels_several_values_in_the_plural() {
    use boucle::text::Lang;
    let cases =
        [(Lang::En, "Material:", "Materials:", "Neodymium"), (Lang::Fr, "Matériau :", "Matériaux :", "Néodyme")];
    for (lang, one, several, neodymium) in cases {
        let options = Options { lang, present: Some(PresentStart::Results), chrome: false, ..Options::default() };
        let mut app = app_sized(options, 120, 40);
        keys(&mut app, "gmagnets");
        present_keys(&mut app, KeyCode::Enter);
        let text = screen(&app);
        assert!(text.contains(neodymium) && text.contains(several) && !text.contains(one), "{text}");
        keys(&mut app, "gzinc loop");
        present_keys(&mut app, KeyCode::Enter);
        let text = screen(&app);
        assert!(text.contains(one) && !text.contains(several), "{text}");
    }
}

/// #22: at 160 columns the key line was cut ("… b/. éc…"), hiding g, z and q. It wraps between
/// keys now: every key of present mode, with what it does, shows at every width from 80 up.
#[test]
fn present_mode_keys_show_whole_at_every_width() {
    use boucle::ui::keymap::{Context, bindings_of};
    for lang in [boucle::text::Lang::En, boucle::text::Lang::Fr] {
        for width in [80, 100, 120, 160, 200] {
            let options =
                Options { lang, present: Some(PresentStart::Tour(TOUR.into())), chrome: false, ..Options::default() };
            let mut app = app_sized(options, width, 40);
            keys(&mut app, "?");
            let text = screen(&app);
            for binding in bindings_of(boucle::ui::keymap::BINDINGS, Context::Present) {
                let said = binding.describe(lang);
                assert!(text.contains(said), "{said:?} at {width} columns:\n{text}");
            }
            assert!(!text.lines().rev().take(6).any(|l| l.trim_end().ends_with('…')), "nothing cut:\n{text}");
        }
    }
}

/// #22: a message of two lines (a shortlist set aside at start) was drawn over the panes'
/// borders. A message longer than the status line opens as a small framed overlay, every line
/// inside its frame.
#[test]
fn a_long_message_opens_in_a_frame_of_its_own() {
    let notice = "Your shortlist could not be read (line 3: expected a list); it was set aside as shortlist.ron.bad-1 beside itself, and a new one was started.";
    let app = app_sized(Options { notice: Some(notice.into()), ..Options::default() }, 80, 24);
    let text = screen(&app);
    let lines: Vec<&str> = text.lines().collect();
    let top = lines.iter().rposition(|l| l.starts_with('╭')).expect(&text);
    let bottom = lines.iter().rposition(|l| l.starts_with('╰')).expect(&text);
    assert!(bottom > top + 1 && bottom + 2 >= lines.len(), "{text}");
    assert!(lines[top + 1..bottom].iter().all(|l| l.starts_with('│') && l.trim_end().ends_with('│')), "{text}");
    let inside: String = lines[top + 1..bottom]
        .iter()
        .map(|l| l.trim_start_matches('│').trim_end().trim_end_matches('│').trim())
        .collect::<Vec<_>>()
        .join(" ");
    assert!(inside.contains("set aside as shortlist.ron.bad-1") && inside.contains("a new one was started."), "{text}");
}
