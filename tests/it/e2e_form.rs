//! The form, as a curator who does not write RON meets it, with the real binary under tmux: a
//! new practice filled in (texts, a region and a material picked by name, a source, a date
//! mistyped then corrected) and saved with `boucle new practice ID --form`, at 80x24 and 160x48,
//! in French and English, after which `boucle check` is clean on the catalogue; and an entry
//! edited with `e` in the dashboard, which keeps its comments and shows at once.
//!
//! Uses `target/release/boucle` when it exists (CI builds it first), like `e2e_tmux.rs`.

use std::path::Path;
use std::process::Command;

use crate::common;
use common::terminal::{FIXTURE, Launch};
use common::tmux::Tmux;

/// The frozen fixture catalogue, copied, without the file that is broken on purpose: `check`
/// is clean on it before the form writes anything.
fn catalogue() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    common::copy_dir(&Path::new(env!("CARGO_MANIFEST_DIR")).join(FIXTURE), dir.path());
    std::fs::remove_file(dir.path().join("good-practices/broken-magnet-recycling.ron")).unwrap();
    dir
}

fn check(folder: &Path) -> (i32, String) {
    let out = Command::new(common::binary())
        .args(["--lang", "en", "--catalogue", folder.to_str().unwrap(), "check"])
        .env_remove("BOUCLE_CATALOGUE")
        .output()
        .unwrap();
    let text = format!("{}{}", String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr));
    (out.status.code().unwrap_or(-1), text)
}

struct Words {
    lang: &'static str,
    new: &'static str,
    lead: &'static str,
    not_a_date: &'static str,
    empty_summary: &'static str,
}

const EN: Words = Words {
    lang: "en",
    new: "New entry",
    lead: "Lead (lead)",
    not_a_date: "is not a real calendar date",
    empty_summary: "the summary is empty",
};
const FR: Words = Words {
    lang: "fr",
    new: "Nouvelle fiche",
    lead: "Plomb (lead)",
    not_a_date: "n’est pas une date du calendrier",
    empty_summary: "le champ `summary` est vide",
};

fn fill_and_save(size: (u16, u16), words: &Words) {
    let folder = catalogue();
    assert_eq!(check(folder.path()).0, 0, "the catalogue is clean before");
    let tmux = Tmux::start();
    let dir = folder.path().to_str().unwrap();
    let launch = Launch::args(&["--lang", words.lang, "--catalogue", dir, "new", "practice", "lead-loop", "--form"])
        .size(size.0, size.1);
    let boucle = tmux.boucle("form", launch);
    let context = format!("{}x{} {}", size.0, size.1, words.lang);
    boucle.wait_for("the form", |s| s.contains(words.new) && s.contains(words.empty_summary));

    // Texts, one field per line; the summary's problem goes once it is filled.
    boucle.type_text("Boucle du plomb");
    boucle.keys(&["Down"]);
    boucle.type_text("Lead loop");
    boucle.keys(&["Down"]);
    boucle.type_text("Du plomb recyclé en boucle.");
    boucle.keys(&["Down"]);
    boucle.type_text("Lead recycled in a loop.");
    boucle.wait_for("the summary's problem gone", |s| !s.contains(words.empty_summary));

    // A region picked by its code, shown by its name; a material by its id, shown in the
    // curator's language.
    boucle.keys(&["Down", "Down", "Down", "Enter"]);
    boucle.type_text("FRE11");
    boucle.wait_for("the region's picker", |s| s.contains("Nord  FRE11"));
    boucle.keys(&["Enter"]);
    boucle.wait_for("the region picked", |s| s.contains("Nord (FRE11)"));
    boucle.keys(&["Down", "Down", "Down"]);
    boucle.type_text("lead");
    boucle.wait_for("the materials' picker", |s| s.contains("[ ] "));
    boucle.keys(&["Enter"]);
    boucle.wait_for("lead ticked", |s| s.contains("[x] "));
    boucle.keys(&["Escape"]);
    boucle.wait_for("the material picked, the picker closed", |s| s.contains(words.lead) && !s.contains("[x] "));

    // A source, its date mistyped: said as it is typed, then corrected.
    boucle.keys(&["Down", "Down", "Down", "Down", "Down", "Down"]);
    boucle.type_text("Lead loop, the operator's page");
    boucle.keys(&["Down"]);
    boucle.type_text("https://example.org/lead-loop");
    boucle.keys(&["Down"]);
    boucle.type_text("2025-13");
    boucle.wait_for("the date's problem", |s| s.contains(words.not_a_date));
    boucle.keys(&["BSpace", "BSpace"]);
    boucle.type_text("01");
    boucle.wait_for("the date's problem gone", |s| !s.contains(words.not_a_date));
    // The review: a draft, checked today.
    boucle.keys(&["Down", "Down"]);
    boucle.type_text("2026-12-07");
    boucle.keys(&["C-s"]);
    assert_eq!(boucle.wait_for_exit(), 0, "[{context}] saved, the form ends:\n{}", boucle.screen());

    let file = folder.path().join("good-practices/lead-loop.ron");
    let text = std::fs::read_to_string(&file).unwrap();
    for part in [
        "GoodPractice(",
        r#"title: (fr: "Boucle du plomb", en: "Lead loop")"#,
        r#"region: "FRE11""#,
        r#"materials: ["lead"]"#,
        r#"date: "2025-01""#,
        r#"review: (status: draft, checked: "2026-12-07")"#,
    ] {
        assert!(text.contains(part), "[{context}] {part} in\n{text}");
    }
    let (code, said) = check(folder.path());
    assert_eq!(code, 0, "[{context}] check is clean:\n{said}\n{text}");
    assert!(said.contains("6 good practices") && said.contains("no problems"), "[{context}] {said}");
    // Written as `fmt` writes it: formatting changes nothing.
    let fmt = Command::new(common::binary()).args(["fmt", "--check", file.to_str().unwrap()]).output().unwrap();
    assert!(fmt.status.success(), "[{context}] {}", String::from_utf8_lossy(&fmt.stdout));
}

#[test]
fn a_new_practice_filled_at_80x24_in_english() {
    fill_and_save((80, 24), &EN);
}

#[test]
fn a_new_practice_filled_at_160x48_in_french() {
    fill_and_save((160, 48), &FR);
}

#[test]
fn a_new_practice_filled_at_80x24_in_french() {
    fill_and_save((80, 24), &FR);
}

#[test]
fn a_new_practice_filled_at_160x48_in_english() {
    fill_and_save((160, 48), &EN);
}

/// `e` on an entry opens the same form; a title changed there is saved through `fmt`'s writer,
/// every comment of the file kept, and the dashboard shows it without a key pressed.
#[test]
fn an_entry_edited_with_e_keeps_its_comments_and_shows_at_once() {
    let folder = catalogue();
    let file = folder.path().join("good-practices/zinc-loop-hauts-de-france.ron");
    let original = std::fs::read_to_string(&file).unwrap();
    let commented = original
        .replacen("GoodPractice(\n", "// Checked with the operators in 2025.\nGoodPractice(\n", 1)
        .replacen("    materials:", "    // Zinc only: lead goes to Recytech's other line.\n    materials:", 1)
        .replacen("    tags: [", "    tags: [ // the words curators search for\n", 1);
    std::fs::write(&file, &commented).unwrap();
    let before = boucle::curate::fmt::cst::comments(&commented);
    assert_eq!(before.len(), boucle::curate::fmt::cst::comments(&original).len() + 3, "{commented}");

    let tmux = Tmux::start();
    let launch = Launch::args(&["--catalogue", folder.path().to_str().unwrap(), "-q", "zinc loop"]).size(160, 48);
    let boucle = tmux.boucle("dashboard", launch);
    boucle.wait_for("the entry", |s| s.contains("A zinc loop between Befesa"));
    boucle.keys(&["e"]);
    boucle.wait_for("the form", |s| s.contains("Edit entry") && s.contains("Befesa in Gravelines"));
    boucle.keys(&["Down", "C-u"]);
    boucle.type_text("The zinc loop of Hauts-de-France");
    boucle.keys(&["C-s"]);
    boucle.wait_for("the new title, on the dashboard", |s| {
        !s.contains("Edit entry") && s.contains("The zinc loop of Hauts-de-France")
    });
    let after = std::fs::read_to_string(&file).unwrap();
    assert_eq!(boucle::curate::fmt::cst::comments(&after), before, "every comment kept, in order:\n{after}");
    assert!(after.contains(r#"en: "The zinc loop of Hauts-de-France""#), "{after}");
    assert!(after.contains("Une boucle du zinc entre Befesa"), "the French title as it was:\n{after}");
    assert_eq!(check(folder.path()).0, 0);

    // The editor is still there, on its own key, and listed in the help.
    boucle.keys(&["?"]);
    boucle.wait_for("the help", |s| s.contains("open the entry's file in your editor"));
    boucle.keys(&["Escape"]);
    boucle.wait_for("the help closed", |s| !s.contains("open the entry's file in your editor"));
    boucle.keys(&["q"]);
    assert_eq!(boucle.wait_for_exit(), 0);
    boucle.assert_restored();
}
