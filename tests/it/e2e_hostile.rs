//! The promise that catalogue text cannot drive the terminal, on the real binary in tmux: a
//! copy of the fixture whose texts hold an OSC title change, a screen clear, an OSC 52
//! clipboard write, 8-bit C1 controls and a bidi override, shown by the dashboard (results,
//! entry pane, problems, present mode) and printed by `check`, `list`, `show` and `export`.
//! tmux is set to honour OSC 52 (`set-clipboard on`), and a control pane that prints the same
//! bytes directly proves that tmux would obey them: so an unchanged pane title, no tmux
//! buffer, an intact screen and no bidi control on it mean boucle passed none of them on.

use crate::common;

use std::path::Path;

use common::terminal::Launch;
use common::tmux::{TIMEOUT, Tmux, wait_until};

const TITLE: &str = "\x1b]2;pwned\x07";
const CLEAR: &str = "\x1b[2J";
const CLIPBOARD: &str = "\x1b]52;c;aGVsbG8=\x07";
/// OSC 0 in 8-bit form (C1 OSC … ST), and a bidi override.
const C1_TITLE: &str = "\u{9d}0;pwned\u{9c}";
const BIDI: &str = "\u{202E}";

fn payload() -> String {
    format!("{TITLE}{CLEAR}{CLIPBOARD}{C1_TITLE}{BIDI}")
}

/// The fixture with the payload in a title, a summary, a description, a place, a tag and a
/// source's title, and a broken file whose quoted line holds it (check and the problems
/// panel quote source lines).
fn hostile_catalogue(to: &Path) {
    common::copy_dir(&Path::new(env!("CARGO_MANIFEST_DIR")).join(common::terminal::FIXTURE), to);
    let file = to.join("good-practices/zinc-loop-hauts-de-france.ron");
    let p = payload();
    let text = std::fs::read_to_string(&file)
        .unwrap()
        .replace("A zinc loop between", &format!("A zinc{p} loop between"))
        .replace("three zinc companies", &format!("three{p} zinc companies"))
        .replace("form a European-scale", &format!("form{p} a European-scale"))
        .replace("Gravelines, Auby", &format!("Gravelines{p}, Auby"))
        .replace("\"zinc loop\"", &format!("\"zinc{p} loop\""))
        .replace("TEAM2, un maillon", &format!("TEAM2{p}, un maillon"));
    assert_eq!(text.matches(&p).count(), 6, "every payload in place");
    std::fs::write(&file, text).unwrap();
    std::fs::write(
        to.join("good-practices/hostile-broken.ron"),
        format!("GoodPractice(\n    title: \"Broken{p} on purpose\",\n    unknown_field{p}: 1,\n)\n"),
    )
    .unwrap();
}

/// What must hold of a window after boucle showed or printed the payload.
fn assert_untouched(tmux: &Tmux, name: &str) {
    let screen = tmux.screen(name);
    assert_eq!(tmux.display(name, "#{pane_title}"), "clean", "[{name}] the pane's title changed:\n{screen}");
    for bidi in ['\u{202A}', '\u{202B}', '\u{202C}', '\u{202D}', '\u{202E}', '\u{2066}', '\u{2067}', '\u{2068}'] {
        assert!(!screen.contains(bidi), "[{name}] a bidi control on screen:\n{screen}");
    }
}

#[test]
fn catalogue_text_cannot_drive_the_terminal() {
    let tmux = Tmux::start_with(&["set -g set-clipboard on"]);
    let catalogue = tmux.path("catalogue");
    hostile_catalogue(&catalogue);
    let dir = catalogue.to_str().unwrap();
    let binary = common::binary();

    // The control: the same bytes printed straight to a pane of a server set the same way do
    // change its title and fill a tmux buffer, so the checks below can fail.
    let control = Tmux::start_with(&["set -g set-clipboard on"]);
    let print = r#"printf '\033]2;clean\007'; printf '%s' "$1"; exec sleep 600"#;
    control.open("control", (80, 24), &catalogue, print, &[&payload()]);
    wait_until("the control's title", TIMEOUT, || control.display("control", "#{pane_title}") == "pwned");
    wait_until("the control's buffer", TIMEOUT, || control.try_run(&["show-buffer"]).status.success());

    // The command-line output: each command in a window whose title is set first; BEGIN and
    // END around it show the screen was never cleared.
    let script = r#"printf '\033]2;clean\007'; echo BEGIN; "$@"; echo "END $?"; exec sleep 600"#;
    let commands: &[(&str, &[&str])] = &[
        ("check", &["check", dir]),
        ("list", &["list", "--catalogue", dir, "--query", "zinc", "--width", "200"]),
        ("show", &["show", "zinc-loop-hauts-de-france", "--catalogue", dir]),
        ("export", &["export", "--entry", "zinc-loop-hauts-de-france", "--catalogue", dir, "--format", "md"]),
    ];
    for (name, args) in commands {
        let mut argv = vec!["env", "LANG=C.UTF-8", "-u", "LC_ALL", "-u", "BOUCLE_CATALOGUE", binary.to_str().unwrap()];
        argv.extend(*args);
        tmux.open(name, (200, 60), &catalogue, script, &argv);
    }

    // The dashboard (its window's title set to `clean` before it starts): the entry in the
    // results, opened, its links walked, the problems, present mode.
    let boucle = tmux.boucle("dashboard", Launch::args(&["--catalogue", dir]).size(100, 30));
    let intact = |s: &str| {
        let first = s.lines().next().unwrap_or("");
        let last = s.lines().rfind(|l| !l.trim().is_empty()).unwrap_or("");
        first.contains("1 Browse") && last.contains("? help")
    };
    boucle.wait_for_dashboard();
    boucle.keys(&["/"]);
    boucle.type_text("zinc");
    boucle.keys(&["Enter"]);
    boucle.wait_for("the hostile entry in the results", |s| intact(s) && s.contains("Befesa"));
    assert_untouched(&tmux, "dashboard");
    boucle.keys(&["Enter"]);
    boucle.wait_for("the entry pane", |s| intact(s) && s.contains("European-scale"));
    assert_untouched(&tmux, "dashboard");
    boucle.keys(&["n", "n", "n", "End"]);
    boucle.wait_for("the entry's sources", |s| intact(s) && s.contains("maillon"));
    assert_untouched(&tmux, "dashboard");
    boucle.keys(&["!"]);
    boucle.wait_for("the problems", |s| s.contains("hostile-broken.ron:3"));
    assert_untouched(&tmux, "dashboard");
    // Esc alone each time, waited for: a key right behind it would be read as Alt+key.
    boucle.keys(&["Escape"]);
    boucle.wait_for("the problems closed", |s| !s.contains("hostile-broken.ron:3"));
    boucle.keys(&["Escape"]);
    boucle.wait_for("the results", |s| s.contains("Enter open the entry"));
    boucle.keys(&["p"]);
    boucle.wait_for("present mode", |s| s.contains("1/") && s.contains("Befesa"));
    assert_untouched(&tmux, "dashboard");
    boucle.keys(&["z"]);
    boucle.wait_for("the whole entry", |s| s.contains("Description"));
    assert_untouched(&tmux, "dashboard");
    boucle.keys(&["q", "q"]);
    assert_eq!(boucle.wait_for_exit(), 0);
    assert_untouched(&tmux, "dashboard");

    for (name, _) in commands {
        let screen = tmux.wait_for(name, "the command to end", |s| s.contains("END "));
        assert!(screen.contains("BEGIN"), "[{name}] the screen was cleared:\n{screen}");
        assert_untouched(&tmux, name);
    }
    let buffers = tmux.run(&["list-buffers"]);
    assert!(buffers.stdout.is_empty(), "a clipboard write got through: {}", String::from_utf8_lossy(&buffers.stdout));
}
