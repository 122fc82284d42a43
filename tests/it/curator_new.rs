//! `boucle new` and `boucle init` as a curator runs them: a template per kind that `check`
//! fails only on the fields to fill, no overwriting, and an empty regional folder that `check`
//! accepts.

use std::process::{Command, Output};

fn boucle(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_boucle"))
        .args(args)
        .env_remove("BOUCLE_CATALOGUE")
        .env("NO_COLOR", "1")
        .env("LANG", "C")
        .env_remove("LC_ALL")
        .output()
        .expect("run boucle")
}

fn text(output: &Output) -> String {
    format!("{}{}", String::from_utf8_lossy(&output.stdout), String::from_utf8_lossy(&output.stderr))
}

#[test]
fn init_writes_a_folder_that_check_accepts() {
    let dir = tempfile::tempdir().unwrap();
    let region = dir.path().join("region");
    let region_arg = region.to_str().unwrap();
    let output = boucle(&["init", region_arg]);
    assert_eq!(output.status.code(), Some(0), "{}", text(&output));
    assert!(region.join("README.md").is_file());
    assert!(region.join("good-practices").is_dir());
    let check = boucle(&["check", region_arg]);
    assert_eq!(check.status.code(), Some(0), "{}", text(&check));
    assert!(text(&check).trim_end().ends_with("no problems"), "{}", text(&check));
    // Not twice over a folder with files.
    assert_eq!(boucle(&["init", region_arg]).status.code(), Some(2));
}

#[test]
fn each_template_fails_check_only_on_the_fields_to_fill() {
    let dir = tempfile::tempdir().unwrap();
    let region = dir.path().join("region");
    let region_arg = region.to_str().unwrap();
    boucle(&["init", region_arg]);
    let cases = [
        (
            "practice",
            "good-practices",
            vec!["the title is empty", "the summary is empty", "`checked` is not filled in"],
        ),
        (
            "visit",
            "site-visits",
            vec![
                "the title is empty",
                "the summary is empty",
                "`checked` is not filled in",
                "`start` is not filled in",
            ],
        ),
        (
            "event",
            "events",
            vec![
                "the title is empty",
                "the summary is empty",
                "`checked` is not filled in",
                "`start` is not filled in",
            ],
        ),
        (
            "tour",
            "tours",
            vec!["the title is empty", "the summary is empty", "`checked` is not filled in", "a tour needs stops"],
        ),
        (
            "organisation",
            "organisations",
            vec![
                "the title is empty",
                "the summary is empty",
                "`checked` is not filled in",
                "`org_type` is not filled in",
            ],
        ),
    ];
    for (kind, folder, expected) in cases {
        let id = format!("new-{kind}");
        let output = boucle(&["new", kind, &id, "--catalogue", region_arg]);
        assert_eq!(output.status.code(), Some(0), "{}", text(&output));
        let file = region.join(folder).join(format!("{id}.ron"));
        let template = std::fs::read_to_string(&file).unwrap();
        assert!(template.contains("REQUIRED"), "{template}");
        let json = boucle(&["check", "--format", "json", region_arg]);
        let report: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
        let errors: Vec<String> = report["problems"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|p| p["severity"] == "error" && p["file"].as_str().unwrap().ends_with(&format!("{id}.ron")))
            .map(|p| p["message"].as_str().unwrap().to_string())
            .collect();
        assert_eq!(errors, expected, "{kind}");
        // The entry is there, to be filled in.
        let list = boucle(&["--catalogue", region_arg, "list", "--format", "json"]);
        assert!(text(&list).contains(&id), "{kind}: {}", text(&list));
        // Refused: the same id again, in any kind.
        let again = boucle(&["new", "practice", &id, "--catalogue", region_arg]);
        assert_eq!(again.status.code(), Some(2), "{}", text(&again));
        assert!(text(&again).contains("already exists"), "{}", text(&again));
        std::fs::remove_file(&file).unwrap();
    }
}

#[test]
fn new_refuses_a_bad_kind_or_id() {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().to_str().unwrap();
    boucle(&["init", &format!("{folder}/c")]);
    let catalogue = format!("{folder}/c");
    let bad_kind = boucle(&["new", "recipe", "x", "--catalogue", &catalogue]);
    assert_eq!(bad_kind.status.code(), Some(2));
    assert!(text(&bad_kind).contains("unknown kind \"recipe\""), "{}", text(&bad_kind));
    let bad_id = boucle(&["new", "practice", "Not an id!", "--catalogue", &catalogue]);
    assert_eq!(bad_id.status.code(), Some(2));
    assert!(text(&bad_id).contains("malformed id"), "{}", text(&bad_id));
    // The rule said is the rule applied: underscores and dots are taken, by `new` as by `check`.
    assert!(text(&bad_id).contains("letters, digits, dashes, underscores and dots"), "{}", text(&bad_id));
    let taken = boucle(&["new", "practice", "Test_X.2", "--catalogue", &catalogue]);
    assert_eq!(taken.status.code(), Some(0), "{}", text(&taken));
}

/// `new practice x.ron` wrote `x.ron.ron` (hostile trial): a file name given is its id's file.
#[test]
fn new_takes_a_file_name_as_its_id() {
    let dir = tempfile::tempdir().unwrap();
    let catalogue = format!("{}/c", dir.path().to_str().unwrap());
    boucle(&["init", &catalogue]);
    let output = boucle(&["new", "practice", "x.ron", "--catalogue", &catalogue]);
    assert_eq!(output.status.code(), Some(0), "{}", text(&output));
    assert!(std::path::Path::new(&catalogue).join("good-practices/x.ron").is_file(), "{}", text(&output));
    assert!(!std::path::Path::new(&catalogue).join("good-practices/x.ron.ron").exists());
}

/// An id whose file would be hidden (and skipped by the loader) or that Windows keeps for a
/// device is refused before anything is written, in the curator's language.
#[test]
fn new_refuses_ids_that_cannot_be_file_names() {
    let dir = tempfile::tempdir().unwrap();
    let catalogue = dir.path().join("c");
    let catalogue = catalogue.to_str().unwrap();
    boucle(&["init", catalogue]);
    for id in [".hidden", "CON", "con", "Prn", "aux", "NUL", "com1", "COM9", "lpt1", "Lpt9", "nul.x"] {
        let refused = boucle(&["new", "practice", id, "--catalogue", catalogue]);
        assert_eq!(refused.status.code(), Some(2), "{id}: {}", text(&refused));
        let said = text(&refused);
        let why = if id.starts_with('.') { "starts with a dot" } else { "Windows reserves" };
        assert!(said.contains(why), "{id}: {said}");
    }
    let french = Command::new(env!("CARGO_BIN_EXE_boucle"))
        .args(["new", "practice", "CON", "--catalogue", catalogue, "--lang", "fr"])
        .env_remove("BOUCLE_CATALOGUE")
        .output()
        .unwrap();
    assert!(text(&french).contains("un nom que Windows réserve"), "{}", text(&french));
    let written: Vec<_> = std::fs::read_dir(dir.path().join("c/good-practices")).unwrap().collect();
    assert!(written.is_empty(), "nothing written: {written:?}");
    // Names that only start like one are fine.
    let fine = boucle(&["new", "practice", "console-recycling", "--catalogue", catalogue]);
    assert_eq!(fine.status.code(), Some(0), "{}", text(&fine));
    let fine = boucle(&["new", "practice", "com10", "--catalogue", catalogue]);
    assert_eq!(fine.status.code(), Some(0), "{}", text(&fine));
}
