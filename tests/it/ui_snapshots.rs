//! What the dashboard draws, as text: browse, search with highlights, an open entry, the help,
//! the catalogue's problems and the too-small message, at 80x24 and 160x48, in the dark theme
//! and without colour (`NO_COLOR`, the mono theme). On the frozen fixture catalogue
//! (`tests/fixtures/catalogue`), so that editing `practices/` changes no snapshot.
//!
//! A text snapshot loses styles, so each snapshot ends with the marks the text cannot show:
//! runs of cells that are selected (reverse video, or the theme's selection background),
//! underlined or bold-and-underlined (matched characters, links). Colours and modifiers that
//! carry meaning are also asserted directly below.
//!
//! Accept changes with `INSTA_UPDATE=always cargo test --test it ui_snapshots` (or
//! `cargo insta review`), then read every `.snap` under `tests/it/snapshots/`.

use crate::common;

use boucle::ui::theme::{Theme, ThemeName};
use boucle::ui::{Action, App, Options, Pane};
use common::ui::{
    app_sized, draw_with_cursor, pane_area, press, press_all, selected_id, shown_id, theme as colours, theme_name,
    title,
};
use ratatui::buffer::Buffer;
use ratatui::layout::Position;
use ratatui::style::{Color, Modifier};
use unicode_width::UnicodeWidthStr;

const SIZES: [(u16, u16); 2] = [(80, 24), (160, 48)];
const THEMES: [ThemeName; 2] = [ThemeName::Dark, ThemeName::Mono];

/// An app on the fixture catalogue, the size of the screen it is drawn on.
fn app(theme: ThemeName, width: u16, height: u16) -> App {
    app_sized(Options { theme, ..Options::default() }, width, height)
}

struct Drawn {
    buffer: Buffer,
    cursor: Option<Position>,
}

fn draw(app: &App) -> Drawn {
    let (buffer, cursor) = draw_with_cursor(app);
    Drawn { buffer, cursor }
}

/// Cells of a row, skipping the cells hidden under a wide character, with their columns.
fn cells(buffer: &Buffer, y: u16) -> Vec<(u16, &ratatui::buffer::Cell)> {
    let mut out = Vec::new();
    let mut x = 0;
    while x < buffer.area.width {
        let cell = &buffer[(x, y)];
        out.push((x, cell));
        x += (cell.symbol().width() as u16).max(1);
    }
    out
}

fn row_text(buffer: &Buffer, y: u16) -> String {
    cells(buffer, y).into_iter().map(|(_, c)| c.symbol()).collect()
}

fn screen_text(buffer: &Buffer) -> String {
    (0..buffer.area.height).map(|y| row_text(buffer, y)).collect::<Vec<_>>().join("\n")
}

/// What a cell's style means, beyond its text: the marks a reader could not see in a text
/// snapshot. Empty for plain cells.
fn mark(cell: &ratatui::buffer::Cell, theme: &Theme) -> String {
    let mut words = Vec::new();
    if cell.modifier.contains(Modifier::REVERSED) {
        words.push("reversed");
    }
    if theme.selection.bg.is_some_and(|bg| bg != Color::Reset && cell.bg == bg) {
        words.push("selection");
    }
    if theme.selection_unfocused.bg.is_some_and(|bg| bg != Color::Reset && cell.bg == bg) {
        words.push("selection-unfocused");
    }
    if cell.modifier.contains(Modifier::UNDERLINED) {
        words.push(if cell.modifier.contains(Modifier::BOLD) { "bold+underlined" } else { "underlined" });
    }
    words.join(" ")
}

/// Runs of marked cells, one line each: `row 3, columns 25..32, bold+underlined: Béthune`.
fn marks(buffer: &Buffer, theme: &Theme) -> String {
    let mut out = Vec::new();
    for y in 0..buffer.area.height {
        let row = cells(buffer, y);
        let mut i = 0;
        while i < row.len() {
            let kind = mark(row[i].1, theme);
            let mut j = i + 1;
            while j < row.len() && mark(row[j].1, theme) == kind {
                j += 1;
            }
            if !kind.is_empty() {
                let text: String = row[i..j].iter().map(|(_, c)| c.symbol()).collect();
                let end = row.get(j).map_or(buffer.area.width, |(x, _)| *x);
                out.push(format!("row {y}, columns {}..{end}, {kind}: {}", row[i].0, text.trim_end()));
            }
            i = j;
        }
    }
    out.join("\n")
}

fn snapshot_text(app: &App, drawn: &Drawn) -> String {
    let cursor = match drawn.cursor {
        Some(p) => format!("cursor at column {}, row {}", p.x, p.y),
        None => "cursor hidden".to_string(),
    };
    format!(
        "{}\n\n--- {cursor}; marked cells ---\n{}\n",
        screen_text(&drawn.buffer),
        marks(&drawn.buffer, colours(app))
    )
}

fn name(screen: &str, theme: ThemeName, width: u16, height: u16) -> String {
    format!("{screen}_{width}x{height}_{}", theme.id())
}

/// Checks that hold on every screen: nothing drawn without colour when there must be none,
/// and nothing blank.
fn check_screen(app: &App, drawn: &Drawn, what: &str) {
    let text = screen_text(&drawn.buffer);
    assert!(text.chars().filter(|c| !c.is_whitespace()).count() > 20, "{what}: the screen is not blank:\n{text}");
    if theme_name(app) == ThemeName::Mono {
        for cell in drawn.buffer.content() {
            assert!(
                cell.fg == Color::Reset && cell.bg == Color::Reset,
                "{what}: NO_COLOR draws no colour, found {:?}/{:?} on {:?}",
                cell.fg,
                cell.bg,
                cell.symbol()
            );
        }
    }
    // The last cell stays empty (a wide glyph there trips ratatui), and nothing runs off a row.
    for y in 0..drawn.buffer.area.height {
        let width: usize = row_text(&drawn.buffer, y).width();
        assert_eq!(width, usize::from(drawn.buffer.area.width), "{what}: row {y} is exactly the screen's width");
    }
}

/// Box-drawing borders of the panes: on every row of a pane, its left and right border
/// characters are where the pane's frame is, so no text ran over them.
fn check_borders(drawn: &Drawn, areas: &[ratatui::layout::Rect], what: &str) {
    let vertical = ['│', '┃'];
    for area in areas.iter().filter(|a| !a.is_empty()) {
        for y in area.y + 1..area.bottom() - 1 {
            for x in [area.x, area.right() - 1] {
                let symbol = drawn.buffer[(x, y)].symbol();
                assert!(
                    symbol.chars().next().is_some_and(|c| vertical.contains(&c)),
                    "{what}: border at column {x}, row {y} is {symbol:?}:\n{}",
                    screen_text(&drawn.buffer)
                );
            }
        }
    }
}

fn pane_areas(app: &App) -> Vec<ratatui::layout::Rect> {
    vec![pane_area(app, Pane::Facets), pane_area(app, Pane::Results), pane_area(app, Pane::Detail)]
}

/// The rows of the screen where `text` is, with the column it starts at.
fn find(buffer: &Buffer, text: &str) -> Vec<(u16, u16)> {
    let mut found = Vec::new();
    for y in 0..buffer.area.height {
        let row = cells(buffer, y);
        let joined: String = row.iter().map(|(_, c)| c.symbol()).collect();
        let mut from = 0;
        while let Some(at) = joined[from..].find(text) {
            let byte = from + at;
            let index = joined[..byte].chars().count();
            // Cells hold one character each here (the texts searched for have no wide ones).
            found.push((row[index].0, y));
            from = byte + text.len();
        }
    }
    found
}

// --- Browse ---------------------------------------------------------------------------

#[test]
fn browse() {
    for theme in THEMES {
        for (width, height) in SIZES {
            let app = app(theme, width, height);
            let drawn = draw(&app);
            let what = name("browse", theme, width, height);
            check_screen(&app, &drawn, &what);
            check_borders(&drawn, &pane_areas(&app), &what);
            insta::assert_snapshot!(what, snapshot_text(&app, &drawn));
        }
    }
}

#[test]
fn the_selected_result_is_clear_without_colour() {
    for (width, height) in SIZES {
        let app = app(ThemeName::Mono, width, height);
        let drawn = draw(&app);
        let results = pane_area(&app, Pane::Results);
        let title = title(&app, &selected_id(&app).unwrap());
        let (x, y) = find(&drawn.buffer, &title.chars().take(10).collect::<String>())[0];
        assert!(results.contains(Position::new(x, y)));
        // Both lines of the selected result, across the pane's width, are in reverse video.
        for row in [y, y + 1] {
            for column in results.x + 1..results.right() - 1 {
                let cell = &drawn.buffer[(column, row)];
                assert!(cell.modifier.contains(Modifier::REVERSED), "{width}x{height}: ({column}, {row}) reversed");
            }
        }
        // The next result is not.
        for column in results.x + 1..results.right() - 1 {
            assert!(!drawn.buffer[(column, y + 2)].modifier.contains(Modifier::REVERSED));
        }
        // The focused pane's frame stands out: bold and heavy.
        assert!(drawn.buffer[(results.x, results.y)].modifier.contains(Modifier::BOLD));
        assert_eq!(drawn.buffer[(results.x, results.y)].symbol(), "┏");
        let facets = pane_area(&app, Pane::Facets);
        assert_eq!(drawn.buffer[(facets.x, facets.y)].symbol(), "╭", "unfocused panes are light");
    }
}

#[test]
fn the_selected_result_has_the_selection_colours_in_the_dark_theme() {
    let app = app(ThemeName::Dark, 80, 24);
    let drawn = draw(&app);
    let results = pane_area(&app, Pane::Results);
    let title = title(&app, &selected_id(&app).unwrap());
    let (_, y) = find(&drawn.buffer, &title.chars().take(10).collect::<String>())[0];
    let selection = colours(&app).selection.bg.unwrap();
    for column in results.x + 1..results.right() - 1 {
        assert_eq!(drawn.buffer[(column, y)].bg, selection);
        assert_ne!(drawn.buffer[(column, y + 2)].bg, selection);
    }
}

// --- Search ---------------------------------------------------------------------------

/// `boucle --query bethune`, then `/`: the results of `bethune`, best first, the box being
/// edited. (Typed a letter at a time inline, the selection drifts down the list on the way:
/// see `typing_a_query_from_the_start_shows_the_best_results` in ui_app.rs.)
fn searching_bethune(theme: ThemeName, width: u16, height: u16) -> App {
    let mut app = app_sized(Options { theme, query: "bethune".into(), ..Options::default() }, width, height);
    press(&mut app, Action::FocusSearch);
    app
}

#[test]
fn search_with_highlights() {
    for theme in THEMES {
        for (width, height) in SIZES {
            let app = searching_bethune(theme, width, height);
            let drawn = draw(&app);
            let what = name("search_bethune", theme, width, height);
            check_screen(&app, &drawn, &what);
            check_borders(&drawn, &pane_areas(&app), &what);
            assert_eq!(drawn.cursor, Some(Position::new(3 + 7, 0)), "{what}: the cursor is after what was typed");
            insta::assert_snapshot!(what, snapshot_text(&app, &drawn));
        }
    }
}

#[test]
fn the_matched_characters_of_bethune_are_marked_and_only_they() {
    for theme in THEMES {
        for (width, height) in SIZES {
            let app = searching_bethune(theme, width, height);
            let drawn = draw(&app);
            let results = pane_area(&app, Pane::Results);
            let titles: Vec<(u16, u16)> =
                find(&drawn.buffer, "Béthune").into_iter().filter(|&(x, y)| results.contains((x, y).into())).collect();
            // Three entries of the fixture have Béthune in their title; their second lines
            // (places) say it too, unmarked.
            let marked: Vec<&(u16, u16)> =
                titles.iter().filter(|&&(x, y)| drawn.buffer[(x, y)].modifier.contains(Modifier::UNDERLINED)).collect();
            assert_eq!(marked.len(), 3, "{width}x{height} {theme:?}: {titles:?}");
            for &&(x, y) in &marked {
                for dx in 0..7 {
                    let cell = &drawn.buffer[(x + dx, y)];
                    assert!(
                        cell.modifier.contains(Modifier::UNDERLINED | Modifier::BOLD),
                        "{theme:?}: {:?} of Béthune is bold and underlined",
                        cell.symbol()
                    );
                    // On the selected row every character takes the selection's colours (so none
                    // vanishes into it); elsewhere a match has its own colour.
                    if theme == ThemeName::Dark && Some(cell.bg) != colours(&app).selection.bg {
                        assert_eq!(cell.fg, colours(&app).matched.fg.unwrap(), "the match colour");
                    }
                }
                let after = &drawn.buffer[(x + 7, y)];
                assert!(!after.modifier.contains(Modifier::UNDERLINED), "{:?} after Béthune is not", after.symbol());
                let before = &drawn.buffer[(x - 1, y)];
                assert!(!before.modifier.contains(Modifier::UNDERLINED), "{:?} before Béthune is not", before.symbol());
            }
        }
    }
}

// --- Detail ---------------------------------------------------------------------------

/// The Béthune-Bruay heritage practice, the first result, opened.
fn detail(theme: ThemeName, width: u16, height: u16) -> App {
    let mut app = app(theme, width, height);
    assert_eq!(selected_id(&app).as_deref(), Some("bethune-bruay-mining-heritage"));
    press(&mut app, Action::Open);
    assert_eq!(shown_id(&app).as_deref(), Some("bethune-bruay-mining-heritage"));
    app
}

#[test]
fn detail_of_an_entry() {
    for theme in THEMES {
        for (width, height) in SIZES {
            let app = detail(theme, width, height);
            let drawn = draw(&app);
            let what = name("detail", theme, width, height);
            check_screen(&app, &drawn, &what);
            check_borders(&drawn, &pane_areas(&app), &what);
            insta::assert_snapshot!(what, snapshot_text(&app, &drawn));
        }
    }
}

#[test]
fn detail_with_a_related_entry_chosen() {
    for theme in THEMES {
        let mut app = detail(theme, 80, 24);
        press_all(&mut app, &[Action::NextLink, Action::NextLink]);
        let drawn = draw(&app);
        let what = name("detail_link", theme, 80, 24);
        check_screen(&app, &drawn, &what);
        check_borders(&drawn, &pane_areas(&app), &what);
        let (x, y) = find(&drawn.buffer, "▶ The Cité des Électriciens")[0];
        let chosen = &drawn.buffer[(x + 2, y)];
        match theme {
            ThemeName::Mono => {
                assert!(chosen.modifier.contains(Modifier::REVERSED), "{what}: the chosen link is reversed")
            }
            _ => assert_eq!(
                chosen.bg,
                colours(&app).selection.bg.unwrap(),
                "{what}: the chosen link has the selection colour"
            ),
        }
        let (x, y) = find(&drawn.buffer, "→ Former mining sites")[0];
        assert!(drawn.buffer[(x + 2, y)].modifier.contains(Modifier::UNDERLINED), "{what}: other links are underlined");
        insta::assert_snapshot!(what, snapshot_text(&app, &drawn));
    }
}

#[test]
fn the_top_of_an_entry_shows_its_title_facts_and_summary() {
    for (width, height) in SIZES {
        let app = detail(ThemeName::Dark, width, height);
        let text = screen_text(&draw(&app).buffer);
        assert!(text.contains("Béthune-Bruay: a former coal-mining area remaking itself"), "{text}");
        assert!(text.contains("good practice · Béthune-Bruay, Pas-de-Calais (FRE12)"), "{text}");
    }
}

// --- Help -----------------------------------------------------------------------------

#[test]
fn help_overlay() {
    for theme in THEMES {
        for (width, height) in SIZES {
            let mut app = app(theme, width, height);
            press(&mut app, Action::ToggleHelp);
            let drawn = draw(&app);
            let what = name("help", theme, width, height);
            check_screen(&app, &drawn, &what);
            let text = screen_text(&drawn.buffer);
            assert!(text.contains(" Keys "), "{what}: titled");
            assert!(text.contains("Everywhere") && text.contains("Ctrl-C"), "{what}: {text}");
            assert!(text.contains("Ctrl-Z"), "{what}: the keys that work even in this help are listed: {text}");
            insta::assert_snapshot!(what, snapshot_text(&app, &drawn));
        }
    }
}

// --- Problems -------------------------------------------------------------------------

#[test]
fn problems_overlay() {
    for theme in THEMES {
        for (width, height) in SIZES {
            let mut app = app(theme, width, height);
            press(&mut app, Action::ToggleProblems);
            let drawn = draw(&app);
            let what = name("problems", theme, width, height);
            check_screen(&app, &drawn, &what);
            let text = screen_text(&drawn.buffer);
            assert!(text.contains("⚠ 1 error "), "{what}: titled, in the singular:\n{text}");
            assert!(text.contains("broken-magnet-recycling.ron:3:5"), "{what}: names the file:\n{text}");
            insta::assert_snapshot!(what, snapshot_text(&app, &drawn));
        }
    }
}

// --- Too small ------------------------------------------------------------------------

#[test]
fn too_small() {
    for theme in THEMES {
        for (width, height) in [(59, 24), (80, 14), (30, 8)] {
            let app = app(theme, width, height);
            assert!(common::ui::too_small(&app));
            let drawn = draw(&app);
            let what = name("too_small", theme, width, height);
            let text = screen_text(&drawn.buffer);
            assert!(text.contains("60×15"), "{what}: says the size needed:\n{text}");
            assert!(text.contains(&format!("{width}×{height}")), "{what}: and the size it is:\n{text}");
            check_screen(&app, &drawn, &what);
            insta::assert_snapshot!(what, snapshot_text(&app, &drawn));
        }
    }
}
