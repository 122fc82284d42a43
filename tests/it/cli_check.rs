//! `boucle check` as a curator runs it: a process, its output and its exit status.

use crate::common::written;

use std::process::{Command, Output};
use written::{Fixture, PRACTICE};

/// The frozen fixture catalogue; the bundled one is checked in `bundled_catalogue.rs` only.
const FIXTURE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/catalogue");

fn boucle(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_boucle"))
        .args(args)
        .env_remove("BOUCLE_CATALOGUE")
        .env("NO_COLOR", "1")
        .output()
        .expect("run boucle")
}

fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

#[test]
fn check_reads_the_folders_named_by_boucle_catalogue() {
    let output = Command::new(env!("CARGO_BIN_EXE_boucle"))
        .arg("check")
        .env("BOUCLE_CATALOGUE", FIXTURE)
        .env("NO_COLOR", "1")
        .output()
        .expect("run boucle");
    let text = stdout(&output);
    assert_eq!(output.status.code(), Some(1), "{text}");
    assert!(text.contains("error[syntax]: expected `,` or `)`, found `summary`"), "{text}");
    assert!(text.contains("good-practices/broken-magnet-recycling.ron:3:5"), "{text}");
    let summary = text.lines().last().unwrap();
    assert!(
        summary.ends_with("5 good practices, 2 site visits, 1 event, 1 tour, 3 organisations — 1 error"),
        "every other file of the fixture loaded: {summary}"
    );
}

#[test]
fn a_misspelt_material_fails_with_its_place_and_a_suggestion() {
    let fixture = Fixture::new();
    fixture.file("good-practices/battery.ron", &PRACTICE.replace(r#"["lead"]"#, r#"["neodymum"]"#));
    let folder = fixture.path().to_str().unwrap();
    let output = boucle(&["check", folder]);
    let text = stdout(&output);
    assert_eq!(output.status.code(), Some(1), "{text}");
    let file = fixture.shown("good-practices/battery.ron");
    assert!(text.contains("error[unknown-vocabulary-id]: unknown material \"neodymum\""), "{text}");
    assert!(text.contains(&format!("{file}:6:17")), "{text}");
    assert!(text.contains("    materials: [\"neodymum\"],"), "{text}");
    assert!(text.contains("^^^^^^^^^^ did you mean \"neodymium\"?"), "{text}");
    assert!(text.trim_end().ends_with("— 1 error"), "{text}");
}

#[test]
fn json_output_lists_every_problem_for_tools() {
    let fixture = Fixture::new();
    fixture.file("good-practices/battery.ron", &PRACTICE.replace(r#"["lead"]"#, r#"["neodymum", "zinc"]"#));
    let output = boucle(&["check", "--format", "json", fixture.path().to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(1));
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).expect("valid JSON");
    assert_eq!(json["errors"], 2);
    assert_eq!(json["summary"]["entries"]["practice"], 1);
    let first = &json["problems"][0];
    assert_eq!(first["code"], "unknown-vocabulary-id");
    assert_eq!(first["start"]["line"], 6);
    assert_eq!(first["start"]["column"], 17);
    assert_eq!(first["suggestion"], "did you mean \"neodymium\"?");
    assert_eq!(json["problems"][1]["start"]["column"], 29);
}

#[test]
fn folders_given_with_catalogue_are_checked_and_merged() {
    let first = Fixture::new();
    first.file("good-practices/battery.ron", PRACTICE);
    let second = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(second.path().join("good-practices")).unwrap();
    // Entries alone: the vocabularies and organisations come from the first folder.
    std::fs::write(second.path().join("good-practices/other.ron"), PRACTICE).unwrap();
    let output = boucle(&[
        "--catalogue",
        first.path().to_str().unwrap(),
        "--catalogue",
        second.path().to_str().unwrap(),
        "check",
    ]);
    let text = stdout(&output);
    assert_eq!(output.status.code(), Some(0), "{text}");
    assert!(text.contains("2 good practices"), "{text}");
}

#[test]
fn usage_errors_exit_with_2() {
    assert_eq!(boucle(&["check", "--format", "yaml"]).status.code(), Some(2));
    assert_eq!(boucle(&["no-such-command"]).status.code(), Some(2));
}

#[test]
fn a_missing_folder_is_an_error_not_a_crash() {
    let output = boucle(&["check", "/no/such/catalogue"]);
    assert_eq!(output.status.code(), Some(1));
    assert!(stdout(&output).contains("catalogue folder not found"));
}

#[test]
fn a_folder_that_is_no_catalogue_fails_with_a_hint() {
    let output = boucle(&["check", &format!("{FIXTURE}/good-practices")]);
    let text = stdout(&output);
    assert_eq!(output.status.code(), Some(1), "{text}");
    assert!(text.contains("error[no-catalogue]: no catalogue in this folder"), "{text}");
    assert!(text.contains("`good-practices` is a folder inside a catalogue: give the folder that holds it"), "{text}");
    let empty = tempfile::tempdir().unwrap();
    assert_eq!(boucle(&["check", empty.path().to_str().unwrap()]).status.code(), Some(1));
}

#[test]
fn a_reader_that_stops_early_is_no_error() {
    use std::io::Read;
    // More than a pipe holds (64 KiB), so that boucle is still writing when the reader goes.
    let fixture = Fixture::new();
    for i in 0..1000 {
        fixture.file(&format!("good-practices/battery-{i:04}.ron"), PRACTICE);
    }
    let mut child = Command::new(env!("CARGO_BIN_EXE_boucle"))
        .args(["--catalogue", fixture.path().to_str().unwrap(), "list", "--format", "csv"])
        .env_remove("BOUCLE_CATALOGUE")
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let mut first = [0u8; 16];
    child.stdout.take().unwrap().read_exact(&mut first).unwrap();
    // The pipe closes here, as `| head -1` does.
    let output = child.wait_with_output().unwrap();
    assert_eq!(String::from_utf8_lossy(&output.stderr), "", "no message about a broken pipe");
    assert_eq!(output.status.code(), Some(0));
}
