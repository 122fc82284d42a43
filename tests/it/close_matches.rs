//! Results found only by a typo in one of the words are marked ≈ in the results pane, counted
//! at its foot, listed after every exact and prefix match, and explained in the help. In the
//! fixture, `battery` is in two entries as typed, and in two others only as "batteries" (one
//! typo away).

use crate::common;

use boucle::text::Lang;
use boucle::ui::{Action, Options, Pane};
use common::ui::{app_sized, pane_text, press, result_ids, screen, type_query};

const EXACT: [&str; 2] = ["bringback-visit-2025", "peer-review-lille-2025"];
const CLOSE: [&str; 2] = ["bringback-lead-acid-regeneration", "bringback"];

#[test]
fn close_matches_come_last_marked_and_counted() {
    for (lang, legend) in [(Lang::En, "≈ 2 close matches"), (Lang::Fr, "≈ 2 résultats approchés")] {
        let mut app = app_sized(Options { lang, ..Options::default() }, 80, 24);
        type_query(&mut app, "battery");
        let ids = result_ids(&app);
        assert_eq!(ids.len(), 4, "{ids:?}");
        assert!(EXACT.iter().all(|id| ids[..2].contains(&id.to_string())), "exact matches first: {ids:?}");
        assert!(CLOSE.iter().all(|id| ids[2..].contains(&id.to_string())), "close matches last: {ids:?}");
        let pane = pane_text(&app, Pane::Results);
        let marked: Vec<&str> = pane.lines().filter(|l| l.starts_with('≈')).collect();
        assert_eq!(marked.len(), 2, "one ≈ per close match:\n{pane}");
        assert_eq!(pane.lines().position(|l| l.starts_with('≈')), Some(5), "the third result's facts line:\n{pane}");
        let text = screen(&app);
        assert!(text.contains(legend), "{text}");
    }
}

#[test]
fn exact_results_have_no_mark_and_the_help_explains_it() {
    let mut app = app_sized(Options::default(), 80, 24);
    type_query(&mut app, "regenerating");
    assert!(!pane_text(&app, Pane::Results).contains('≈'));
    assert!(!screen(&app).contains("close match"));
    press(&mut app, Action::ToggleHelp);
    let mut seen = String::new();
    for _ in 0..20 {
        seen.push_str(&screen(&app));
        press(&mut app, Action::PageDown);
    }
    assert!(seen.contains("≈ a close match: a word found only within one typo"), "{seen}");
}

/// `boucle list` marks them as the dashboard does: ≈ before the title in the table and in
/// Markdown, counted on the last line, and `close` in JSON and CSV.
#[test]
fn list_marks_close_matches_in_every_format() {
    let fixture = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/catalogue");
    let list = |args: &[&str]| {
        let output = std::process::Command::new(env!("CARGO_BIN_EXE_boucle"))
            .args([
                "--no-cache",
                "--lang",
                "en",
                "--catalogue",
                fixture,
                "list",
                "--query",
                "battery",
                "--width",
                "200",
            ])
            .args(args)
            .output()
            .unwrap();
        String::from_utf8(output.stdout).unwrap()
    };
    let table = list(&[]);
    let row = |id: &str| table.lines().find(|l| l.trim_end().ends_with(id)).unwrap_or_default().to_string();
    assert!(CLOSE.iter().all(|id| row(id).starts_with("≈ ")), "{table}");
    assert!(EXACT.iter().all(|id| !row(id).contains('≈')), "{table}");
    assert!(table.trim_end().ends_with("4 entries, best matches first · ≈ 2 close matches"), "{table}");
    let markdown = list(&["--format", "md"]);
    assert_eq!(markdown.lines().filter(|l| l.starts_with("| ≈ ")).count(), 2, "{markdown}");

    let json: serde_json::Value = serde_json::from_str(&list(&["--format", "json"])).unwrap();
    let close: Vec<&str> =
        json.as_array().unwrap().iter().filter(|r| r["close"] == true).map(|r| r["id"].as_str().unwrap()).collect();
    assert_eq!(close, CLOSE.to_vec());
    let csv = list(&["--format", "csv"]);
    assert!(csv.lines().next().unwrap().ends_with(",score,close"), "{csv}");
    let closes = csv.lines().skip(1).filter(|l| l.ends_with(",true")).count();
    assert_eq!((closes, csv.lines().skip(1).filter(|l| l.ends_with(",false")).count()), (2, 2), "{csv}");
}
