//! `--screen-reader` read as a screen reader reads it: the bytes boucle writes to its terminal,
//! taken from tmux (`pipe-pane`) from the first one. Each selection change is said once, in
//! one line (title, kind, place, « 3 sur 90 »); nothing is written while nothing changes; no
//! box-drawing character is ever written, nor the escape sequences that take the alternate
//! screen, clear it or move the cursor about to repaint. The overview says its charts and map
//! as lines; the form says the line under its cursor.

use std::path::Path;

use crate::common;

use common::terminal::FIXTURE;
use common::tmux::{TIMEOUT, Tmux, wait_until};

/// Waits for the go-ahead file, so that the stream is piped before boucle's first byte; then
/// runs boucle as the terminal tests do, and keeps the window.
const SCRIPT: &str = r#"go="$1"; shift
while [ ! -e "$go" ]; do sleep 0.02; done
env -u LC_ALL -u LC_MESSAGES -u NO_COLOR -u BOUCLE_CATALOGUE -u BOUCLE_THEME -u BOUCLE_CONFIG "$@"
echo "$?" > "$go.status"
exec sleep 600"#;

struct Reader<'t> {
    tmux: &'t Tmux,
    stream: std::path::PathBuf,
}

impl Reader<'_> {
    fn start<'t>(tmux: &'t Tmux, lang: &str) -> Reader<'t> {
        let go = tmux.path("go");
        let stream = tmux.path("stream");
        let binary = common::binary();
        let config = format!("XDG_CONFIG_HOME={}", tmux.path("config").display());
        let data = format!("XDG_DATA_HOME={}", tmux.path("data").display());
        let args = [
            go.to_str().unwrap(),
            &format!("LANG={lang}"),
            &config,
            &data,
            binary.to_str().unwrap(),
            "--screen-reader",
            "--catalogue",
            FIXTURE,
        ];
        tmux.open("reader", (80, 24), Path::new(env!("CARGO_MANIFEST_DIR")), SCRIPT, &args);
        let pipe = format!("cat >> '{}'", stream.display());
        tmux.run(&["pipe-pane", "-t", ":reader", "-o", &pipe]);
        std::fs::write(&go, "").unwrap();
        Reader { tmux, stream }
    }

    fn said(&self) -> String {
        String::from_utf8_lossy(&std::fs::read(&self.stream).unwrap_or_default()).into_owned()
    }

    /// The stream as lines, without the carriage returns.
    fn lines(&self) -> Vec<String> {
        self.said().split("\r\n").map(|l| l.trim_end_matches('\r').to_string()).collect()
    }

    fn wait_for(&self, what: &str, ready: impl Fn(&str) -> bool) {
        wait_until(what, TIMEOUT, || ready(&self.said()));
    }

    fn keys(&self, keys: &[&str]) {
        self.tmux.keys("reader", keys);
    }

    fn status(&self) -> String {
        let path = self.tmux.path("go.status");
        // The shell makes the file before it writes the status in it: wait for the status.
        let written = || std::fs::read_to_string(&path).ok().filter(|s| s.ends_with('\n'));
        wait_until("boucle to end", TIMEOUT, || written().is_some());
        written().unwrap_or_default().trim().to_string()
    }
}

/// Escape sequences written, other than bracketed paste's on and off.
fn escapes(said: &str) -> Vec<String> {
    said.match_indices('\u{1b}')
        .map(|(at, _)| said[at..].chars().take(8).collect::<String>())
        .filter(|seq| !seq.starts_with("\u{1b}[?2004"))
        .collect()
}

fn box_drawing(said: &str) -> Vec<char> {
    said.chars().filter(|c| ('\u{2500}'..='\u{259F}').contains(c)).collect()
}

#[test]
fn each_selection_is_said_once_nothing_repaints_and_no_box_is_drawn() {
    let tmux = Tmux::start();
    let reader = Reader::start(&tmux, "C.UTF-8");
    reader.wait_for("the first selection", |s| s.contains(" of 12"));
    for n in 2..=4 {
        reader.keys(&["j"]);
        reader.wait_for(&format!("selection {n}"), |s| s.contains(&format!(", {n} of 12")));
    }
    // Idle: not a byte more (no clock, no spinner, no frame).
    let before = reader.said().len();
    std::thread::sleep(std::time::Duration::from_millis(1500));
    assert_eq!(reader.said().len(), before, "written while idle:\n{}", &reader.said()[before..]);
    let lines = reader.lines();
    for n in 1..=4 {
        let said: Vec<&String> = lines.iter().filter(|l| l.ends_with(&format!(", {n} of 12"))).collect();
        assert_eq!(said.len(), 1, "selection {n} said {} times:\n{lines:#?}", said.len());
        // Title, kind, place, position: four parts at least, in one line.
        assert!(said[0].split(", ").count() >= 4, "{}", said[0]);
    }
    // The entry, read whole when opened; the help, as plain lines.
    reader.keys(&["Enter"]);
    reader
        .wait_for("the entry, to its review", |s| s.split("Entry pane").nth(1).is_some_and(|e| e.contains("Review: ")));
    reader.keys(&["Escape"]);
    // Esc alone, before the next key (Esc then `?` at once reads as Alt-?): back in the
    // results, the selection is said again, where the cursor rests.
    reader.wait_for("back to the results", |s| s.matches(", 4 of 12").count() == 2);
    reader.keys(&["?"]);
    reader.wait_for("the help", |s| s.contains("Everywhere") && s.contains("/: search"));
    reader.keys(&["Escape"]);
    reader.wait_for("back to the results", |s| s.matches(", 4 of 12").count() == 3);
    reader.keys(&["q"]);
    assert_eq!(reader.status(), "0");
    let said = reader.said();
    assert!(box_drawing(&said).is_empty(), "box drawing written: {:?}", box_drawing(&said));
    assert!(escapes(&said).is_empty(), "escape sequences written: {:?}", escapes(&said));
}

#[test]
fn in_french_the_position_is_sur() {
    let tmux = Tmux::start();
    let reader = Reader::start(&tmux, "fr_FR.UTF-8");
    reader.wait_for("the first selection", |s| s.contains(", 1 sur 12"));
    reader.keys(&["j"]);
    reader.wait_for("the second", |s| s.contains(", 2 sur 12"));
    assert!(reader.said().contains("Volet des résultats"), "{}", reader.said());
    reader.keys(&["q"]);
    assert_eq!(reader.status(), "0");
}

#[test]
fn the_overview_says_its_charts_and_map_and_the_form_says_the_line_under_its_cursor() {
    let tmux = Tmux::start();
    let reader = Reader::start(&tmux, "C.UTF-8");
    reader.wait_for("the first selection", |s| s.contains(", 1 of 12"));
    reader.keys(&["3"]);
    reader.wait_for("the charts and the map", |s| s.contains("\nMaterials: ") && s.contains("\nMap: "));
    let lines = reader.lines();
    let materials = lines.iter().find(|l| l.starts_with("Materials: ")).unwrap();
    // Each value with its count: « Lead 2, Zinc 1 » (or the others, counted in their label).
    let counted = |part: &str| part.rsplit(' ').next().is_some_and(|n| n.parse::<u32>().is_ok());
    assert!(materials.split(", ").all(|part| counted(part) || part.starts_with("+ ")), "{materials}");
    reader.keys(&["1"]);
    reader.wait_for("back to the results", |s| s.matches(", 1 of 12").count() == 2);
    reader.keys(&["e"]);
    reader.wait_for("the form's first line", |s| {
        s.lines().any(|l| l.contains(", 1 of ") && !l.contains(" of 12") && l.contains(": "))
    });
    reader.keys(&["Down"]);
    reader.wait_for("its second line", |s| s.lines().any(|l| l.contains(", 2 of ") && !l.contains(" of 12")));
    reader.keys(&["Escape"]);
    reader.wait_for("back to the results", |s| s.matches(", 1 of 12").count() == 3);
    reader.keys(&["q"]);
    assert_eq!(reader.status(), "0");
    let said = reader.said();
    assert!(box_drawing(&said).is_empty(), "box drawing written: {:?}", box_drawing(&said));
    assert!(escapes(&said).is_empty(), "escape sequences written: {:?}", escapes(&said));
}
