//! The dashboard in tests: an app on the frozen fixture catalogue (`tests/fixtures/catalogue`),
//! actions and keys as a user gives them, and what the user then sees.
//!
//! Every read of the `App`'s internals goes through one of the small functions here, so that a
//! change of the `App`'s API is adapted in this file, not in every test. Tests assert on what
//! these return: rendered text, titles, entry ids.

use std::sync::{Arc, OnceLock};

use boucle::diagnostic::Diagnostic;
use boucle::load::{CatalogueSource, Loaded, load};
use boucle::model::Catalogue;
use boucle::query::{Facet, Indexed};
use boucle::ui::state::FacetRow;
use boucle::ui::{Action, App, Edit, Effect, Options, Pane, Target, render, update_inline};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
use ratatui::layout::{Position, Rect};

/// The fixture catalogue's folder, as `--catalogue` takes it.
pub const FIXTURE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/catalogue");

/// The same folder from the package's root, where cargo runs the tests: problems name their
/// files from there, so that what the screen shows does not depend on where the checkout is.
pub const FIXTURE_RELATIVE: &str = "tests/fixtures/catalogue";

/// How many entries of the fixture load (its broken file does not).
pub const FIXTURE_ENTRIES: usize = 12;

/// The fixture, loaded once: its entries, and the one problem of its broken file.
pub fn fixture() -> &'static Loaded {
    static LOADED: OnceLock<Loaded> = OnceLock::new();
    LOADED.get_or_init(|| {
        assert!(
            std::path::Path::new(FIXTURE_RELATIVE).is_dir(),
            "the tests run from the package's root, as cargo runs them"
        );
        let loaded = load(&CatalogueSource::Folders(vec![FIXTURE_RELATIVE.into()]));
        assert_eq!(loaded.catalogue.len(), FIXTURE_ENTRIES, "every entry of the fixture loads but the broken one");
        assert_eq!(loaded.errors(), 1, "the fixture has one broken file: {:?}", problems_of(&loaded));
        loaded
    })
}

fn problems_of(loaded: &Loaded) -> Vec<String> {
    loaded.diagnostics.iter().map(|d| d.one_line(boucle::text::Lang::En)).collect()
}

/// The fixture's catalogue with its index, built once and shared by every app, as the
/// sessions of one server share theirs.
pub fn indexed() -> Arc<Indexed> {
    static INDEXED: OnceLock<Arc<Indexed>> = OnceLock::new();
    INDEXED.get_or_init(|| Arc::new(Indexed::new(fixture().catalogue.clone()))).clone()
}

/// The fixture's problems, as the dashboard receives them: shared, as a snapshot's are.
pub fn problems() -> boucle::live::Problems {
    static PROBLEMS: OnceLock<boucle::live::Problems> = OnceLock::new();
    PROBLEMS.get_or_init(|| fixture().diagnostics.clone().into()).clone()
}

/// The dashboard on the fixture, 80x24, in English, dark, with searches run inline so that
/// every action's outcome is there at once.
pub fn app() -> App {
    app_with(Options::default())
}

pub fn app_with(options: Options) -> App {
    app_sized(options, 80, 24)
}

pub fn app_sized(options: Options, width: u16, height: u16) -> App {
    let mut app = App::new(indexed(), problems(), options);
    resize(&mut app, width, height);
    app
}

/// The dashboard on any catalogue (one built by a test), 80x24.
pub fn app_on(catalogue: Catalogue, problems: Vec<Diagnostic>, options: Options) -> App {
    let mut app = App::new(Arc::new(Indexed::new(catalogue)), problems, options);
    resize(&mut app, 80, 24);
    app
}

// --- Doing -------------------------------------------------------------------------------

/// One action, then a frame, as the dashboard's loop does: what the frame drew bounds the
/// next scrolls and clicks. The searches it asks for are run at once. Returns what else the
/// loop was asked to do (quit, suspend).
pub fn press(app: &mut App, action: Action) -> Vec<Effect> {
    let effects = update_inline(app, action);
    redraw(app);
    effects
}

pub fn press_all(app: &mut App, actions: &[Action]) -> Vec<Effect> {
    actions.iter().flat_map(|action| press(app, action.clone())).collect()
}

/// Draws a frame at the app's size and records what it drew, as the loop does.
pub fn redraw(app: &mut App) {
    let (width, height) = size(app);
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    render(&mut terminal, app).unwrap();
}

pub fn resize(app: &mut App, width: u16, height: u16) {
    press(app, Action::Resize { width, height });
}

/// `/` then the text, as typed, without leaving the box.
pub fn type_query(app: &mut App, text: &str) {
    press(app, Action::FocusSearch);
    for c in text.chars() {
        press(app, Action::Edit(Edit::Insert(c)));
    }
}

/// An input event as the terminal sends it, through the dashboard's input handling (the key
/// table of the current context; the mouse against the last frame drawn).
pub fn input(app: &mut App, event: Event) -> Vec<Effect> {
    let actions = boucle::ui::input::actions_for(app, &event);
    actions.into_iter().flat_map(|action| press(app, action)).collect()
}

/// A key as the terminal sends it.
pub fn key(app: &mut App, code: KeyCode, modifiers: KeyModifiers) -> Vec<Effect> {
    input(app, Event::Key(KeyEvent::new(code, modifiers)))
}

/// Plain keys: characters as typed, without modifiers.
pub fn keys(app: &mut App, text: &str) -> Vec<Effect> {
    text.chars().flat_map(|c| key(app, KeyCode::Char(c), KeyModifiers::NONE)).collect()
}

/// A left click at a screen position.
pub fn click(app: &mut App, column: u16, row: u16) -> Vec<Effect> {
    use ratatui::crossterm::event::{MouseButton, MouseEvent, MouseEventKind};
    let kind = MouseEventKind::Down(MouseButton::Left);
    input(app, Event::Mouse(MouseEvent { kind, column, row, modifiers: KeyModifiers::NONE }))
}

/// The mouse wheel turned one notch at a screen position.
pub fn wheel(app: &mut App, column: u16, row: u16, down: bool) -> Vec<Effect> {
    use ratatui::crossterm::event::{MouseEvent, MouseEventKind};
    let kind = if down { MouseEventKind::ScrollDown } else { MouseEventKind::ScrollUp };
    input(app, Event::Mouse(MouseEvent { kind, column, row, modifiers: KeyModifiers::NONE }))
}

/// Moves the results selection to the entry `id`, from the top, with ↓.
pub fn select(app: &mut App, id: &str) {
    press(app, Action::Focus(Pane::Results));
    press(app, Action::Home);
    let mut steps = 0;
    while selected_id(app).as_deref() != Some(id) {
        let before = selected_id(app);
        press(app, Action::Down);
        steps += 1;
        assert!(selected_id(app) != before && steps < 500, "{id} is in the results: {:?}", result_ids(app));
    }
}

/// Puts the filters pane's cursor on the value `id` of `facet`, moving with ↓ from the top as a
/// user would, unfolding the facet and the value's parents on the way.
pub fn facet_cursor_to(app: &mut App, facet: Facet, id: &str) {
    press(app, Action::Focus(Pane::Facets));
    press(app, Action::Home);
    let ancestors = value_ancestors(app, facet, id);
    let mut steps = 0;
    loop {
        match cursor_row(app) {
            CursorRow::Value { facet: f, id: v, .. } if f == facet && v == id => return,
            CursorRow::Value { facet: f, id: v, open: false, has_children: true }
                if f == facet && ancestors.contains(&v) =>
            {
                press(app, Action::Expand);
            }
            CursorRow::Header { facet: f, open: false } if f == facet => {
                press(app, Action::Expand);
            }
            _ => {}
        }
        let before = cursor_row(app);
        press(app, Action::Down);
        steps += 1;
        assert!(cursor_row(app) != before && steps < 500, "{id} of {facet:?} not reachable in the filters pane");
    }
}

/// Ticks (or unticks) the value `id` of `facet` in the filters pane.
pub fn toggle_filter(app: &mut App, facet: Facet, id: &str) {
    facet_cursor_to(app, facet, id);
    press(app, Action::ToggleValue);
}

// --- Seeing ------------------------------------------------------------------------------

/// The app drawn into a buffer of its own size.
pub fn draw(app: &App) -> Buffer {
    draw_with_cursor(app).0
}

/// The app drawn, with where the terminal cursor is left (None when hidden).
pub fn draw_with_cursor(app: &App) -> (Buffer, Option<Position>) {
    let (width, height) = size(app);
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    terminal
        .draw(|f| {
            boucle::ui::view::draw(f, app);
        })
        .unwrap();
    let backend = terminal.backend();
    (backend.buffer().clone(), backend.cursor_visible().then(|| backend.cursor_position()))
}

/// The screen as text, a line per row.
pub fn screen(app: &App) -> String {
    buffer_text(&draw(app))
}

/// The screen at another size: the app is resized first, as the terminal would.
pub fn screen_at(app: &mut App, width: u16, height: u16) -> String {
    resize(app, width, height);
    screen(app)
}

/// A buffer's text, a line per row (cells hidden under a wide character are skipped).
pub fn buffer_text(buffer: &Buffer) -> String {
    let mut out = String::new();
    for y in 0..buffer.area.height {
        out.push_str(&row_text(buffer, y));
        out.push('\n');
    }
    out
}

pub fn row_text(buffer: &Buffer, y: u16) -> String {
    use unicode_width::UnicodeWidthStr;
    let mut out = String::new();
    let mut x = 0;
    while x < buffer.area.width {
        let cell = &buffer[(x, y)];
        out.push_str(cell.symbol());
        x += (cell.symbol().width() as u16).max(1);
    }
    out
}

/// The text inside a pane's frame, a line per row; empty when the pane is not shown.
pub fn pane_text(app: &App, pane: Pane) -> String {
    let area = pane_area(app, pane);
    if area.width < 2 || area.height < 2 {
        return String::new();
    }
    let buffer = draw(app);
    let mut out = String::new();
    for y in area.y + 1..area.bottom() - 1 {
        let row: String = (area.x + 1..area.right() - 1).map(|x| buffer[(x, y)].symbol()).collect();
        out.push_str(row.trim_end());
        out.push('\n');
    }
    out
}

/// The last line of the screen.
pub fn status_line(app: &App) -> String {
    screen(app).lines().last().unwrap_or_default().to_string()
}

/// The first line of the screen: the query box.
pub fn query_line(app: &App) -> String {
    screen(app).lines().next().unwrap_or_default().to_string()
}

/// Where a pane is on screen (empty when it is not shown). Reads `view::layout::areas`.
pub fn pane_area(app: &App, pane: Pane) -> Rect {
    let areas = boucle::ui::view::layout::areas(&boucle::ui::view::Ctx::of(app), app.browse());
    match pane {
        Pane::Facets => areas.facets,
        Pane::Results => areas.results,
        Pane::Detail => areas.detail,
    }
}

/// The screen size the app lays itself out for.
pub fn size(app: &App) -> (u16, u16) {
    app.shared().size()
}

// --- What the app holds, by entry id and text ----------------------------------------------

fn entry_id(app: &App, index: usize) -> String {
    app.shared().catalogue().entries()[index].id.to_string()
}

fn title_of(app: &App, index: usize) -> String {
    app.shared().catalogue().entries()[index].title().get(app.shared().lang()).to_string()
}

/// The title of an entry of the fixture, in the app's language.
pub fn title(app: &App, id: &str) -> String {
    let index = app.shared().catalogue().index_of(id).unwrap_or_else(|| panic!("the fixture has {id}"));
    title_of(app, index)
}

/// The id of the selected result.
pub fn selected_id(app: &App) -> Option<String> {
    app.browse().list().selected().map(|id| id.to_string())
}

/// Where the selected result is in the list, from 0.
pub fn selected_position(app: &App) -> Option<usize> {
    app.browse().list().selected_position(app.shared().catalogue())
}

/// The id of the entry the entry pane shows.
pub fn shown_id(app: &App) -> Option<String> {
    app.browse().shown_id().map(|id| id.to_string())
}

/// The ids of the results ranked so far, best first. Reads `app.results.hits`.
pub fn result_ids(app: &App) -> Vec<String> {
    app.browse().results().hits.iter().map(|h| entry_id(app, h.entry)).collect()
}

/// The titles of the results ranked so far, in the app's language, best first.
pub fn result_titles(app: &App) -> Vec<String> {
    app.browse().results().hits.iter().map(|h| title_of(app, h.entry)).collect()
}

/// How many entries the query and filters select (the count on the status line). Reads
/// `app.results.total`.
pub fn total(app: &App) -> usize {
    app.browse().results().total
}

/// For each result whose title has a match, its title and the matched parts of it. Reads
/// `app.results.hits[].title_highlights`.
pub fn title_highlights(app: &App) -> Vec<(String, Vec<String>)> {
    app.browse()
        .results()
        .hits
        .iter()
        .filter(|h| !h.title_highlights.is_empty())
        .map(|h| {
            let title = title_of(app, h.entry);
            let parts = h.title_highlights.iter().map(|r| title.get(r.clone()).unwrap_or("?").to_string()).collect();
            (title, parts)
        })
        .collect()
}

/// The ids of the entries the shown entry links to, in the entry pane's order. Reads
/// `app.links()`.
pub fn link_ids(app: &App) -> Vec<String> {
    app.browse().links(app.shared().catalogue()).into_iter().map(|e| entry_id(app, e)).collect()
}

/// The text in the query box.
pub fn query_text(app: &App) -> String {
    app.browse().query_box().text().to_string()
}

/// Whether the query box has the keys.
pub fn editing(app: &App) -> bool {
    app.target() == Target::Search
}

/// The pane that has the keys when no overlay or query box does.
pub fn focus(app: &App) -> Pane {
    app.browse().focus()
}

/// The active filters as their chips read (`region:FRE`), in the order they can be removed.
/// Reads `app.active_filters()`.
pub fn filter_chips(app: &App) -> Vec<String> {
    app.browse().active_filters(app.shared().indexed()).into_iter().map(|(_, _, label)| label).collect()
}

/// The command line that opens this view. Reads `app.equivalent_command()`.
pub fn command(app: &App) -> String {
    app.browse().equivalent_command(app.shared().indexed(), app.shared().lang())
}

/// The one-line message over the status line.
pub fn message(app: &App) -> Option<String> {
    app.shared().message().map(str::to_string)
}

/// Whether these effects end the session.
pub fn quits(effects: &[Effect]) -> bool {
    effects.contains(&Effect::Quit)
}

/// Whether these effects suspend the dashboard (Ctrl-Z).
pub fn suspends(effects: &[Effect]) -> bool {
    effects.contains(&Effect::Suspend)
}

/// Whether the layout gave up for a too small terminal. Reads `app.too_small()`.
pub fn too_small(app: &App) -> bool {
    app.shared().too_small()
}

/// The number beside a filter value: how many results it would give. Reads the engine's value
/// ids and `app.results.facet_counts`.
pub fn count_beside(app: &App, facet: Facet, id: &str) -> u32 {
    app.browse().results().facet_counts.count(facet, value_index(app, facet, id))
}

fn value_index(app: &App, facet: Facet, id: &str) -> usize {
    (0..app.shared().indexed().engine().value_count(facet))
        .find(|&v| app.shared().indexed().value_id(facet, v) == id)
        .unwrap_or_else(|| panic!("{facet:?} has a value {id}"))
}

fn value_ancestors(app: &App, facet: Facet, id: &str) -> Vec<String> {
    let value = value_index(app, facet, id);
    match facet.vocabulary() {
        Some(kind) => app
            .shared()
            .catalogue()
            .vocabularies
            .get(kind)
            .with_ancestors(value)
            .into_iter()
            .filter(|&v| v != value)
            .map(|v| app.shared().indexed().value_id(facet, v))
            .collect(),
        None => Vec::new(),
    }
}

/// The row of the filters pane under the cursor, by value id.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CursorRow {
    Header { facet: Facet, open: bool },
    Value { facet: Facet, id: String, open: bool, has_children: bool },
    None,
}

/// The row of the filters pane the cursor is on.
pub fn cursor_row(app: &App) -> CursorRow {
    match app.browse().facet_rows().get(app.browse().facets().cursor()) {
        Some(FacetRow::Header { facet, open }) => CursorRow::Header { facet: *facet, open: *open },
        Some(FacetRow::Value { facet, value, open, has_children, .. }) => CursorRow::Value {
            facet: *facet,
            id: app.shared().indexed().value_id(*facet, *value),
            open: *open,
            has_children: *has_children,
        },
        None => CursorRow::None,
    }
}

/// The values of a facet listed in the filters pane, by id, in order. Reads `app.facet_rows()`.
pub fn listed_values(app: &App, facet: Facet) -> Vec<String> {
    app.browse()
        .facet_rows()
        .iter()
        .filter_map(|row| match *row {
            FacetRow::Value { facet: f, value, .. } if f == facet => {
                Some(app.shared().indexed().value_id(facet, value))
            }
            _ => None,
        })
        .collect()
}

/// The app's colours.
pub fn theme(app: &App) -> &boucle::ui::theme::Theme {
    app.shared().theme()
}

/// The app's theme name.
pub fn theme_name(app: &App) -> boucle::ui::theme::ThemeName {
    app.shared().theme_name()
}

/// The interface language.
pub fn lang(app: &App) -> boucle::text::Lang {
    app.shared().lang()
}

/// A session on a test backend: what a user types reaches the screen through the same loop
/// as in the terminal (`ui::session::run_session`).
pub struct TestHost(pub Terminal<TestBackend>);

impl TestHost {
    pub fn new(width: u16, height: u16) -> TestHost {
        TestHost(Terminal::new(TestBackend::new(width, height)).unwrap())
    }
}

impl boucle::ui::host::Host for TestHost {
    type Output = TestBackend;

    fn terminal(&mut self) -> &mut Terminal<TestBackend> {
        &mut self.0
    }

    fn suspend(&mut self) -> Result<(), std::convert::Infallible> {
        Ok(())
    }
}
