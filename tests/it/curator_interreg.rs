//! `boucle check --interreg` and the `interreg` export (issue #23 item 7): the Interreg Europe
//! template's sections a good practice leaves empty or overfills are named.

use crate::common::written::{Fixture, PRACTICE};

use std::process::{Command, Output};

fn boucle(args: &[&str], lang: &str) -> Output {
    Command::new(env!("CARGO_BIN_EXE_boucle"))
        .args(args)
        .env_remove("BOUCLE_CATALOGUE")
        .env("NO_COLOR", "1")
        .env("LANG", lang)
        .env_remove("LC_ALL")
        .output()
        .expect("run boucle")
}

const MISSING: [&str; 5] = [
    "Detailed information on the practice",
    "Resources needed",
    "Evidence of success (results achieved)",
    "Difficulties encountered / lessons learnt",
    "Potential for learning or transfer",
];

#[test]
fn check_interreg_names_the_empty_sections_as_notes_or_warnings() {
    let fixture = Fixture::new();
    let long_title = ["Battery regeneration"; 6].join(" ");
    fixture.file(
        "good-practices/x.ron",
        &PRACTICE.replace("en: \"Battery regeneration\"", &format!("en: \"{long_title}\"")),
    );
    let folder = fixture.path().to_str().unwrap();
    let plain = boucle(&["check", "--no-cache", folder], "C");
    assert!(!String::from_utf8_lossy(&plain.stdout).contains("interreg"), "only when asked");

    let output = boucle(&["check", "--no-cache", "--interreg", folder], "C");
    let text = String::from_utf8_lossy(&output.stdout);
    for section in MISSING {
        assert!(
            text.contains(&format!(
                "note[interreg-missing]: the Interreg Europe template's section \"{section}\" is empty"
            )),
            "{section}: {text}"
        );
    }
    assert!(text.contains("note[interreg-too-long]: too long for the Interreg Europe template's section \"Title of the good practice\" (English): 125 characters, 100 at most"), "{text}");
    assert!(text.contains("x.ron:2:"), "the title's line: {text}");
    assert!(!text.contains("\"Short summary\""), "the summary is there: {text}");
    assert_eq!(output.status.code(), Some(0), "notes never fail: {text}");
    assert!(text.trim_end().ends_with("no problems"), "notes are not counted: {text}");

    let strict = boucle(&["check", "--no-cache", "--interreg", "--deny-warnings", folder], "C");
    let strict_text = String::from_utf8_lossy(&strict.stdout);
    assert!(strict_text.contains("warning[interreg-missing]"), "{strict_text}");
    assert_eq!(strict.status.code(), Some(1), "{strict_text}");

    let french = boucle(&["check", "--no-cache", "--interreg", folder], "fr_FR.UTF-8");
    let french_text = String::from_utf8_lossy(&french.stdout);
    assert!(
        french_text.contains("la section « Ressources nécessaires » du modèle Interreg Europe est vide"),
        "{french_text}"
    );
}

#[test]
fn the_interreg_export_says_at_its_top_what_is_missing() {
    let fixture = Fixture::new();
    fixture.file("good-practices/x.ron", PRACTICE);
    let folder = fixture.path().to_str().unwrap();
    let output = boucle(&["--catalogue", folder, "--no-cache", "export", "--entry", "x", "--format", "interreg"], "C");
    let text = String::from_utf8_lossy(&output.stdout);
    let top = text.split("---").next().unwrap();
    assert!(top.contains("**Sections still empty:**"), "{text}");
    let line = top.lines().find(|l| l.starts_with("- 1.")).expect("the practice's line");
    for section in MISSING {
        assert!(line.contains(section), "{section}: {line}");
    }
    assert!(!line.contains("Title of the good practice"), "{line}");
}
