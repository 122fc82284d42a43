//! Render fuzzing (#14): random hostile catalogues, written as RON files and loaded the way
//! `--catalogue` loads them, shown at random sizes (0x0 to 300x100, resized on the way) while
//! random actions visit every screen and overlay (the entry's form too, opened on its file as
//! the loop opens it). Every scene is drawn twice into a `Terminal<TestBackend>` (the second
//! frame is a diff of the first) and once into the crossterm backend of the SSH sessions,
//! writing into memory. Checked on each frame:
//! - nothing panics;
//! - no text is written over a pane's frame, nor under the hidden half of a wide character
//!   (see `screen_check`);
//! - no cell holds a control, bidi, zero-width or presentation character (but the ZWJ inside
//!   an emoji), and no cell starts with a mark;
//! - the bytes sent to the terminal hold no OSC, DCS, APC, PM or SOS sequence, no BEL, no C1
//!   control, and no bidi or zero-width character (but the ZWJ inside an emoji).
//!
//! `PROPTEST_CASES` raises the case count (default [`CASES`]), e.g.
//! `PROPTEST_CASES=400 cargo test --test render_fuzz`.

use crate::common;
#[path = "render_fuzz/check.rs"]
mod render_check;

use std::sync::Arc;

use boucle::load::{CatalogueSource, load};
use boucle::query::Indexed;
use boucle::serve::output::{FrameWriter, Next, Outbox, PtySize, SshBackend};
use boucle::text::Lang;
use boucle::ui::{Action, App, Edit, Options, Pane, Screen, update_inline};
use proptest::prelude::*;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use render_check::{bytes_check, screen_check};

/// Cases per `cargo test` run: about 20 s in a debug build on a loaded 2-core machine.
const CASES: u32 = 24;

fn cases() -> u32 {
    std::env::var("PROPTEST_CASES").ok().and_then(|n| n.parse().ok()).unwrap_or(CASES)
}

/// Pieces hostile text is made of: words, CJK, emoji and their sequences, marks (alone too),
/// bidi controls, zero-width characters, C0 and C1 controls and escape sequences.
const PIECES: &[&str] = &[
    "aimant",
    "Béthune",
    "recyclage",
    " ",
    " ",
    " ",
    "  ",
    "\n",
    "\t",
    "\r\n",
    "-",
    "«",
    "Κοζάνη",
    "中文",
    "中",
    "日本語の説明",
    "🌞",
    "😀",
    "👩\u{200D}👩\u{200D}👧",
    "🧑\u{200D}💻",
    "❤\u{FE0F}",
    "👍\u{1F3FD}",
    "🏳\u{FE0F}\u{200D}🌈",
    "🇫🇷",
    "#\u{FE0F}\u{20E3}",
    "\u{301}",
    "e\u{301}",
    "\u{301}\u{302}\u{303}\u{304}\u{305}\u{306}",
    "\u{1160}",
    "\u{2061}",
    "\u{202A}",
    "\u{202B}",
    "\u{202C}",
    "\u{202D}",
    "\u{202E}",
    "\u{2066}",
    "\u{2067}",
    "\u{2068}",
    "\u{2069}",
    "\u{200E}",
    "\u{200F}",
    "\u{061C}",
    "\u{200B}",
    "\u{200C}",
    "\u{200D}",
    "\u{2060}",
    "\u{FEFF}",
    "\u{AD}",
    "\u{0}",
    "\u{7}",
    "\u{8}",
    "\u{1b}",
    "\u{7f}",
    "\u{85}",
    "\u{9b}",
    "\u{9d}",
    "\u{1b}]0;pwned\u{7}",
    "\u{1b}]52;c;cm0gLXJmIH4=\u{7}",
    "\u{1b}[2J",
    "\u{1b}[31m",
    "\u{1b}P1$r\u{1b}\\",
    "\u{1b}_apc\u{1b}\\",
    "\u{1b}^pm\u{1b}\\",
    "\u{1b}Xsos\u{1b}\\",
    "\u{9d}0;c1\u{9c}",
    "\u{2028}",
    "\"",
    "\\",
    "WWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWW",
    "👩\u{200D}👩\u{200D}👧🧑\u{200D}💻👩\u{200D}👩\u{200D}👧🧑\u{200D}💻👩\u{200D}👩\u{200D}👧🧑\u{200D}💻中🧑\u{200D}💻",
];

fn text(max: usize) -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(PIECES), 0..max).prop_map(|parts| parts.concat())
}

/// A string as a RON literal: only the quote and the backslash need escaping; every other
/// character goes into the file as it is, as a stranger's editor would write it.
fn ron(text: &str) -> String {
    format!("\"{}\"", text.replace('\\', "\\\\").replace('"', "\\\""))
}

fn both(fr: &str, en: &str) -> String {
    format!("(fr: {}, en: {})", ron(fr), ron(en))
}

/// The texts of one random catalogue: what each entry and vocabulary term says.
#[derive(Clone, Debug)]
struct Texts {
    labels: Vec<String>,
    entries: Vec<[String; 6]>,
}

fn texts() -> impl Strategy<Value = Texts> {
    let labels = prop::collection::vec(text(4), 8);
    let entry = [text(6), text(8), text(24), text(3), text(4), text(6)];
    let entries = prop::collection::vec(entry, 1..7);
    (labels, entries).prop_map(|(labels, entries)| Texts { labels, entries })
}

/// Writes the catalogue as RON files: vocabularies whose labels are hostile, good practices,
/// an organisation, an event and a tour whose stops visit the practices.
fn write_catalogue(dir: &std::path::Path, texts: &Texts) {
    let file = |relative: &str, body: String| {
        let path = dir.join(relative);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, body).unwrap();
    };
    let l = &texts.labels;
    file(
        "vocabularies/regions.ron",
        format!(
            "[(id: \"FR\", label: {}, coordinates: (46.6, 2.4)), (id: \"FRE\", parent: \"FR\", label: {}, coordinates: (50.0, 2.8)), (id: \"EL\", label: {})]",
            both(&l[0], &l[1]),
            ron(&l[2]),
            ron(&l[3])
        ),
    );
    file(
        "vocabularies/materials.ron",
        format!(
            "[(id: \"magnets\", label: {}, critical: true), (id: \"nd\", parent: \"magnets\", symbol: {}, label: {}), (id: \"zinc\", label: \"Zinc\")]",
            ron(&l[4]),
            ron(&l[5]),
            both(&l[6], &l[7])
        ),
    );
    file(
        "vocabularies/themes.ron",
        format!("[(id: \"E\", label: {}), (id: \"E5\", parent: \"E\", label: \"E5\")]", ron(&l[1])),
    );
    file("vocabularies/stages.ron", format!("[(id: \"recycling\", label: {})]", ron(&l[2])));
    file("vocabularies/organisation-types.ron", format!("[(id: \"cluster\", label: {})]", ron(&l[3])));
    file(
        "organisations/org.ron",
        format!(
            "Organisation(title: {}, short_name: {}, summary: {}, org_type: \"cluster\", website: \"https://example.org\", review: (status: reviewed, checked: \"2026-11-28\"))",
            ron(&l[0]),
            ron(&l[5]),
            ron(&l[6])
        ),
    );
    let mut stops = Vec::new();
    for (i, [title, summary, description, place, tag, note]) in texts.entries.iter().enumerate() {
        file(
            &format!("good-practices/e{i}.ron"),
            format!(
                "GoodPractice(title: {}, summary: {}, description: {}, location: (region: \"FRE\", place: {}), main_institution: \"org\", materials: [\"nd\", \"zinc\"], themes: [\"E5\"], stages: [\"recycling\"], tags: [{}, \"aimant\"], related: [\"e0\"], timescale: (start: \"2024\", status: ongoing), sources: [(title: {}, url: \"https://example.org/a\")], review: (status: reviewed, checked: \"2026-11-28\"))",
                both(title, summary),
                ron(summary),
                ron(description),
                ron(place),
                ron(tag),
                ron(note)
            ),
        );
        stops.push(format!("(entry: \"e{i}\", day: \"2025-07-29\", time: {}, note: {})", ron(tag), ron(note)));
    }
    let first = &texts.entries[0];
    file(
        "events/day.ron",
        format!(
            "Event(title: {}, summary: {}, location: (region: \"EL\", place: {}), materials: [\"magnets\"], tags: [{}], review: (status: draft, checked: \"2026-11-28\"), organisers: [\"org\"], start: \"2025-11-07\", venue: {}, participants: 110)",
            ron(&first[1]),
            ron(&first[0]),
            ron(&first[3]),
            ron(&first[4]),
            ron(&first[5])
        ),
    );
    file(
        "tours/tour.ron",
        format!(
            "Tour(title: {}, summary: {}, description: {}, location: (region: \"FRE\", place: {}), review: (status: reviewed, checked: \"2026-11-28\"), organisers: [\"org\"], start: \"2025-07-29\", end: \"2025-07-30\", stops: [{}])",
            ron(&first[0]),
            ron(&first[1]),
            ron(&first[2]),
            ron(&first[3]),
            stops.join(", ")
        ),
    );
    // A file that fails, so that the problems overlay quotes hostile text back.
    file("good-practices/broken.ron", format!("GoodPractice(title: {}, nonsense: {})", ron(&first[0]), ron(&first[1])));
}

/// One step of a session: an action, or a resize of the terminal.
#[derive(Clone, Debug)]
enum Step {
    Do(Action),
    Type(String),
    Click(u16, u16),
    Resize(u16, u16),
}

fn actions() -> Vec<Action> {
    use Action::*;
    let mut all = vec![
        ToggleHelp,
        ToggleProblems,
        CloseOverlay,
        FocusSearch,
        FocusNext,
        FocusPrev,
        Focus(Pane::Facets),
        Focus(Pane::Results),
        Focus(Pane::Detail),
        ClearFilters,
        RemoveLastFilter,
        RemoveFilter(0),
        CycleTheme,
        SwitchLanguage,
        ShowCommand,
        Up,
        Down,
        Down,
        Down,
        PageUp,
        PageDown,
        PageDown,
        Home,
        End,
        ToggleValue,
        ToggleValue,
        Expand,
        Expand,
        Collapse,
        Open,
        Open,
        Back,
        NextLink,
        PrevLink,
        ClickFacetRow(3),
        ClickResult(1),
        FollowLink(0),
        Edit(boucle::ui::Edit::Backspace),
        Edit(boucle::ui::Edit::Delete),
        Edit(boucle::ui::Edit::Left),
        Edit(boucle::ui::Edit::Right),
        Edit(boucle::ui::Edit::Home),
        Edit(boucle::ui::Edit::End),
        Edit(boucle::ui::Edit::Clear),
        Edit(boucle::ui::Edit::DeleteWord),
        HistoryPrev,
        HistoryNext,
        Submit,
        Cancel,
        ToggleMark,
        ToggleMark,
        ToggleShortlistFilter,
        MoveItemUp,
        MoveItemDown,
        RemoveItem,
        EditNote,
        OpenExport,
        PrevChoice,
        NextChoice,
        PrevFormat,
        NextFormat,
        Yes,
        No,
        Present,
        NextSlide,
        NextSlide,
        PrevSlide,
        Blank,
        JumpSearch,
        Zoom,
        PresentKeys,
        LeavePresent,
        ZoomIn,
        ZoomOut,
        OpenProblem,
        EditEntry,
        EditEntry,
        SaveForm,
    ];
    all.extend([Screen::Browse, Screen::Tours, Screen::Overview, Screen::Shortlist].map(ShowScreen));
    all
}

fn size() -> impl Strategy<Value = (u16, u16)> {
    prop_oneof![
        3 => (0u16..=300, 0u16..=100),
        2 => (0u16..=40, 0u16..=16),
        1 => prop::sample::select(vec![(80, 24), (200, 60), (0, 0), (1, 1), (300, 100), (60, 20)]),
    ]
}

fn step() -> impl Strategy<Value = Step> {
    prop_oneof![
        12 => prop::sample::select(actions()).prop_map(Step::Do),
        3 => text(3).prop_map(Step::Type),
        1 => (0u16..300, 0u16..100).prop_map(|(x, y)| Step::Click(x, y)),
        2 => size().prop_map(|(w, h)| Step::Resize(w, h)),
    ]
}

/// A session's two outputs: the test backend, and the SSH sessions' crossterm backend, whose
/// bytes are collected from its outbox.
struct Screens {
    test: Terminal<TestBackend>,
    wire: Terminal<SshBackend>,
    outbox: Arc<Outbox>,
    pty: Arc<PtySize>,
}

impl Screens {
    fn new(width: u16, height: u16) -> Screens {
        let outbox = Arc::new(Outbox::default());
        let pty = Arc::new(PtySize::new(width, height));
        let wire = Terminal::new(SshBackend::new(FrameWriter::new(outbox.clone()), pty.clone())).unwrap();
        Screens { test: Terminal::new(TestBackend::new(width, height)).unwrap(), wire, outbox, pty }
    }

    fn resize(&mut self, app: &mut App, width: u16, height: u16) {
        self.test.backend_mut().resize(width, height);
        self.pty.set(width, height);
        update_inline(app, Action::Resize { width, height });
    }

    /// Two frames into the test backend (checked), one into the crossterm backend (its bytes
    /// checked).
    fn draw(&mut self, app: &mut App, step: &str) -> Result<(), TestCaseError> {
        for _ in 0..2 {
            let mut drawn = None;
            self.test
                .draw(|frame| {
                    let facts = boucle::ui::view::draw(frame, app);
                    drawn = Some((facts, frame.buffer_mut().clone()));
                })
                .unwrap();
            let (facts, frame) = drawn.unwrap();
            // What ratatui drew; of what the test terminal then holds, the cells only: its
            // buffer keeps stale text under a wide character's right half, which a real
            // terminal covers.
            let fail = |buffer: &ratatui::buffer::Buffer, e: String| {
                TestCaseError::fail(format!("after {step}: {e}\n{}", common::ui::buffer_text(buffer)))
            };
            screen_check(&frame, app, &facts).map_err(|e| fail(&frame, e))?;
            let shown = self.test.backend().buffer();
            render_check::check_cells(shown).map_err(|e| fail(shown, e))?;
            boucle::ui::update::frame_drawn(app, facts);
        }
        boucle::ui::render(&mut self.wire, app).unwrap();
        let mut bytes = Vec::new();
        while let Next::Send(frame) = self.outbox.next() {
            bytes.extend(frame);
        }
        bytes_check(&bytes).map_err(|e| TestCaseError::fail(format!("after {step}: {e}")))
    }
}

fn run(texts: &Texts, lang: Lang, (width, height): (u16, u16), steps: &[Step]) -> Result<(), TestCaseError> {
    let dir = tempfile::tempdir().unwrap();
    write_catalogue(dir.path(), texts);
    let loaded = load(&CatalogueSource::Folders(vec![dir.path().to_path_buf()]));
    let options = Options { lang, ..Options::default() };
    let mut app = App::new(Arc::new(Indexed::new(loaded.catalogue)), loaded.diagnostics, options);
    let mut screens = Screens::new(width, height);
    screens.resize(&mut app, width, height);
    screens.draw(&mut app, "the first frame")?;
    for (n, step) in steps.iter().enumerate() {
        match step {
            Step::Do(action) => {
                for effect in update_inline(&mut app, action.clone()) {
                    // As the loop does: the entry's file read, the form opened on it.
                    if let boucle::ui::Effect::OpenForm(start) = effect {
                        let text = std::fs::read_to_string(&start.path).ok();
                        boucle::ui::update::form_opened(&mut app, boucle::curate::form::FormStart { text, ..*start });
                    }
                }
            }
            Step::Type(text) => {
                for c in text.chars() {
                    update_inline(&mut app, Action::Edit(Edit::Insert(c)));
                }
            }
            Step::Click(x, y) => {
                use ratatui::crossterm::event::{Event, KeyModifiers, MouseButton, MouseEvent, MouseEventKind};
                let kind = MouseEventKind::Down(MouseButton::Left);
                let event = Event::Mouse(MouseEvent { kind, column: *x, row: *y, modifiers: KeyModifiers::NONE });
                for action in boucle::ui::input::actions_for(&app, &event) {
                    update_inline(&mut app, action);
                }
            }
            Step::Resize(w, h) => screens.resize(&mut app, *w, *h),
        }
        screens.draw(&mut app, &format!("step {n} {step:?}"))?;
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: cases(), ..ProptestConfig::default() })]

    #[test]
    fn hostile_catalogues_render_inside_their_panes_and_send_no_escapes(
        texts in texts(),
        lang in prop::sample::select(vec![Lang::En, Lang::Fr]),
        size in size(),
        steps in prop::collection::vec(step(), 1..40),
    ) {
        run(&texts, lang, size, &steps)?;
    }
}

// --- The checks can fail ------------------------------------------------------------------

/// Unclean text (a mark starting the line, as `sanitize` used to keep it) wrapped in a pane
/// four columns wide: ratatui writes past the inner area, over the frame, and the box check
/// says so; the same pane with the text cleaned passes.
#[test]
fn the_box_check_sees_text_run_over_a_frame() {
    use ratatui::layout::Rect;
    use ratatui::widgets::{Block, Borders, Paragraph, Widget, Wrap};
    let pane = |text: &str| {
        let mut buffer = ratatui::buffer::Buffer::empty(Rect::new(0, 0, 12, 5));
        let area = Rect::new(0, 0, 6, 5);
        let block = Block::new().borders(Borders::ALL);
        let inner = block.inner(area);
        // The frame first, then the text, as the panes draw.
        block.render(area, &mut buffer);
        Paragraph::new(text.to_string()).wrap(Wrap { trim: false }).render(inner, &mut buffer);
        render_check::check_boxes(&buffer, buffer.area)
    };
    let raw = "\u{301} 中🌞b";
    assert!(pane(raw).is_err(), "{:?}", pane(raw));
    assert_eq!(pane(&boucle::text::sanitize(raw, boucle::text::Lines::Multi)), Ok(()));
}

#[test]
fn the_cell_and_byte_checks_see_what_must_not_reach_the_terminal() {
    let mut buffer = ratatui::buffer::Buffer::empty(ratatui::layout::Rect::new(0, 0, 4, 1));
    buffer[(0, 0)].set_symbol("👩\u{200D}👧");
    assert_eq!(render_check::check_cells(&buffer), Ok(()));
    for bad in ["a\u{202E}", "\u{301}", "\u{200B}", "a\u{200D}b", "❤\u{FE0F}", "\u{9b}"] {
        buffer[(2, 0)].set_symbol(bad);
        assert!(render_check::check_cells(&buffer).is_err(), "{bad:?}");
    }
    buffer[(2, 0)].set_symbol("中");
    assert!(render_check::check_wide(&buffer).is_ok());
    buffer[(3, 0)].set_symbol("x");
    assert!(render_check::check_wide(&buffer).is_err());

    assert_eq!(bytes_check("\u{1b}[2J\u{1b}[1;1Hé中👩\u{200D}👧".as_bytes()), Ok(()));
    for bad in
        ["\u{1b}]0;t\u{7}", "\u{1b}P1", "\u{1b}_a", "\u{1b}^a", "\u{1b}Xa", "\u{7}", "\u{9d}", "\u{202E}", "a\u{200D}b"]
    {
        assert!(bytes_check(bad.as_bytes()).is_err(), "{bad:?}");
    }
}

/// The SSH sessions' own loop and host (#9) on a hostile catalogue: keys over every screen,
/// a resize, then quit; every byte the participant would receive is checked.
#[test]
fn an_ssh_session_sends_no_escape_from_catalogue_text() {
    use boucle::serve::output::SshHost;
    use ratatui::crossterm::event::{Event as Input, KeyCode, KeyEvent, KeyModifiers};

    let every = PIECES.concat();
    let texts = Texts {
        labels: vec![every.clone(); 8],
        entries: vec![[every.clone(), every.clone(), every.repeat(3), every.clone(), every.clone(), every.clone()]; 3],
    };
    let dir = tempfile::tempdir().unwrap();
    write_catalogue(dir.path(), &texts);
    let loaded = load(&CatalogueSource::Folders(vec![dir.path().to_path_buf()]));
    assert!(loaded.catalogue.len() >= 3, "the hostile entries load");
    let mut app = App::new(Arc::new(Indexed::new(loaded.catalogue)), loaded.diagnostics, Options::default());
    let outbox = Arc::new(Outbox::default());
    let pty = Arc::new(PtySize::new(100, 30));
    let mut host = SshHost::new(SshBackend::new(FrameWriter::new(outbox.clone()), pty.clone()), None).unwrap();

    let (sender, inbox) = std::sync::mpsc::channel();

    let queue = boucle::ui::input_queue::InputQueue::new(sender.clone());
    let key = |code: KeyCode| Input::Key(KeyEvent::new(code, KeyModifiers::NONE));
    let mut keys = vec![KeyCode::Char('?'), KeyCode::Esc, KeyCode::Char('!'), KeyCode::Down, KeyCode::Esc];
    keys.extend([KeyCode::Tab, KeyCode::Down, KeyCode::Enter, KeyCode::Char('m'), KeyCode::Char('2')]);
    keys.extend([KeyCode::Enter, KeyCode::Char('3'), KeyCode::Char('4'), KeyCode::Char('x'), KeyCode::Esc]);
    keys.extend([KeyCode::Char('1'), KeyCode::Char('p'), KeyCode::Right, KeyCode::Char('z'), KeyCode::Esc]);
    keys.extend([KeyCode::Esc, KeyCode::Char('/')]);
    keys.extend(every.chars().take(40).map(KeyCode::Char));
    keys.push(KeyCode::Esc);
    let typing = queue.clone();
    let typist = std::thread::spawn(move || {
        let sender = sender;
        // One key at a time, so that each scene is drawn and sent.
        let pause = || std::thread::sleep(std::time::Duration::from_millis(15));
        for code in keys {
            typing.push(key(code)).unwrap();
            pause();
        }
        pty.set(37, 11);
        typing.push(Input::Resize(37, 11)).unwrap();
        pause();
        typing.push(key(KeyCode::Char('q'))).unwrap();
        pause();
        // The input ends there, whatever has the keys by then.
        let _ = sender.send(boucle::ui::event::Event::End(boucle::ui::event::Reason::InputClosed));
    });
    boucle::ui::session::run_session(&mut host, &mut app, &inbox, &queue, boucle::ui::searcher::Searcher::Inline)
        .unwrap();
    typist.join().unwrap();

    let mut bytes = Vec::new();
    while let Next::Send(frame) = outbox.next() {
        bytes.extend(frame);
    }
    assert!(bytes.len() > 10_000, "frames were sent: {} bytes", bytes.len());
    assert_eq!(bytes_check(&bytes), Ok(()));
}
