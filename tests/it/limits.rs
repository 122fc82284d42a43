//! The resource limits of the local program, each with what the user sees when it is
//! exceeded (the README's "Limits" table lists them, and the server's, with their tests).

use crate::common;
use crate::common::written;

use std::process::{Command, Output};

use boucle::shortlist::store::{self, Opened};
use boucle::ui::Options;
use common::ui::{app_on, key, keys, screen, status_line};
use ratatui::crossterm::event::{KeyCode, KeyModifiers};
use written::{Fixture, PRACTICE};

fn boucle(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_boucle"))
        .args(args)
        .env_remove("BOUCLE_CATALOGUE")
        .env("NO_COLOR", "1")
        .env("LANG", "C.UTF-8")
        .env_remove("LC_ALL")
        .output()
        .expect("run boucle")
}

/// A catalogue file over 1 MiB is not read past the limit; `check` names it at 1:1 and says
/// the limit, and every other file still loads.
#[test]
fn a_catalogue_file_over_one_mib_is_named_with_the_limit_and_the_rest_loads() {
    let fixture = Fixture::new();
    let huge = format!("GoodPractice(title: \"{}\")", "a".repeat(boucle::load::MAX_FILE_BYTES));
    fixture.file("good-practices/huge.ron", &huge);
    fixture.file("good-practices/fine.ron", PRACTICE);
    let dir = fixture.path().to_str().unwrap();
    let output = boucle(&["check", dir]);
    let text = String::from_utf8_lossy(&output.stdout);
    assert_eq!(output.status.code(), Some(1), "{text}");
    assert!(text.contains("file is larger than the limit of 1048576 bytes (1 MiB) for one catalogue file"), "{text}");
    assert!(text.contains("error[file-too-large]") && text.contains("good-practices/huge.ron"), "{text}");
    assert!(text.contains("help: split it"), "{text}");
    let listed = boucle(&["list", "--catalogue", dir, "--format", "csv"]);
    assert!(String::from_utf8_lossy(&listed.stdout).contains("Battery regeneration"), "{listed:?}");
}

/// Nesting deeper than 128 levels is an error at its line, never a stack overflow.
#[test]
fn nesting_deeper_than_128_is_an_error_at_its_line() {
    let fixture = Fixture::new();
    fixture.file("good-practices/deep.ron", &format!("GoodPractice(\n    title: {}", "[".repeat(50_000)));
    let output = boucle(&["check", fixture.path().to_str().unwrap()]);
    let text = String::from_utf8_lossy(&output.stdout);
    assert_eq!(output.status.code(), Some(1), "{text}");
    assert!(text.contains("nesting is too deep") && text.contains("good-practices/deep.ron:2:"), "{text}");
}

/// A shortlist file over 1 MiB is not read: it is set aside beside itself, and the dashboard
/// says so and where it went.
#[test]
fn a_shortlist_file_over_one_mib_is_set_aside_and_the_dashboard_says_why() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("shortlist.ron");
    std::fs::write(&path, format!("(version: 1, entries: [])\n//{}", "x".repeat(1 << 20))).unwrap();
    let opened = store::open(&path);
    let Opened::SetAside { problem, moved_to } = &opened else { panic!("{opened:?}") };
    let en = boucle::text::Lang::En;
    assert!(problem.get(en).contains("larger than 1024 KiB"), "{problem:?}");
    let notice = boucle::i18n::shortlist_set_aside(en, problem.get(en), &moved_to.display().to_string());
    let fixture = common::ui::fixture();
    let options = Options { shortlist: opened.shortlist(), notice: Some(notice), ..Options::default() };
    let app = app_on(fixture.catalogue.clone(), Vec::new(), options);
    let shown = screen(&app);
    assert!(shown.contains("could not be read") && shown.contains("larger than 1024 KiB"), "{shown}");
}

/// No field has a length limit of its own: the 1 MiB file limit bounds every field. A
/// 10,000-word title and a 970 kB description (just under the limit) load, are cut to the
/// column in the results and the list, and the entry pane opens on them and scrolls to their
/// end, where it says the description was cut after 64 KiB (wrapping it whole took ~60 ms a
/// frame); an export keeps it whole.
#[test]
fn a_field_of_nearly_one_mib_loads_is_cut_to_fit_and_scrolls() {
    let fixture = Fixture::new();
    let title = "longword ".repeat(10_000);
    let description = "mot épais ".repeat(85_000);
    let text = PRACTICE
        .replace("en: \"Battery regeneration\"", &format!("en: \"Battery {title}\""))
        .replace("GoodPractice(", &format!("GoodPractice(\n    description: \"{description} end of it\","));
    assert!(text.len() < boucle::load::MAX_FILE_BYTES && text.len() > 900_000, "{}", text.len());
    fixture.file("good-practices/long.ron", &text);
    let loaded = fixture.load();
    assert!(loaded.diagnostics.iter().all(|p| !p.is_error()), "{:?}", loaded.diagnostics);

    let listed = boucle(&["list", "--catalogue", fixture.path().to_str().unwrap(), "--width", "80"]);
    let list = String::from_utf8_lossy(&listed.stdout);
    assert!(list.lines().all(|l| l.chars().count() <= 80), "{list}");
    assert!(list.contains("Battery longword") && list.contains('…'), "{list}");

    let mut app = app_on(loaded.catalogue, loaded.diagnostics, Options::default());
    let shown = screen(&app);
    assert!(shown.contains("Battery longword") && shown.contains('…'), "{shown}");
    key(&mut app, KeyCode::Enter, KeyModifiers::NONE);
    keys(&mut app, "G");
    let shown = screen(&app);
    assert!(shown.contains("… cut here: 870 kB more in the file"), "the pane's end:\n{shown}");
    assert!(!shown.contains("end of it"), "{shown}");
    assert!(status_line(&app).contains("? help"), "{}", status_line(&app));
    let exported =
        boucle(&["export", "--catalogue", fixture.path().to_str().unwrap(), "--entry", "long", "--format", "md"]);
    assert!(String::from_utf8_lossy(&exported.stdout).contains("end of it"), "the export keeps the whole text");
}
