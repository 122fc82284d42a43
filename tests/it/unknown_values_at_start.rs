//! A value the catalogue does not have, given to the dashboard on the command line
//! (`boucle --region ZZ99`), ends it with `boucle list`'s message and exit code 2, instead of
//! opening it on everything: the participant sees at once which value is wrong and the
//! closest known ones, as for a mistyped `--theme` or `--catalogue`. A year with no entries is
//! valid, as in `list`, and selects nothing.

use crate::common;

use std::process::Command;
use std::sync::mpsc::channel;

use boucle::query::Facet;
use boucle::ui::loading::{Ready, spawn_loader};
use boucle::ui::reload::Watch;
use boucle::ui::search::Searcher;
use boucle::ui::session::{Exit, run_session};
use boucle::ui::update::loaded;
use boucle::ui::{App, Options};
use common::ui::{FIXTURE, FIXTURE_RELATIVE, indexed, problems, query_line, redraw, resize, result_ids};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

fn list_says(args: &[&str]) -> String {
    let output = Command::new(env!("CARGO_BIN_EXE_boucle"))
        .args(["--catalogue", FIXTURE, "list"])
        .args(args)
        .output()
        .expect("run boucle");
    assert_eq!(output.status.code(), Some(2), "list refuses {args:?}");
    // After the line about the fixture's broken file.
    let err = String::from_utf8_lossy(&output.stderr).into_owned();
    err.lines().skip_while(|l| !l.contains("unknown")).collect::<Vec<_>>().join("\n")
}

fn started_with(filters: Vec<(Facet, String)>, query: &str) -> App {
    let options = Options { filters, query: query.into(), ..Options::default() };
    let mut app = App::loading(options, Searcher::Inline);
    resize(&mut app, 100, 30);
    loaded(&mut app, Ready { indexed: indexed(), problems: problems() });
    redraw(&mut app);
    app
}

#[test]
fn every_filter_flag_with_an_unknown_value_is_refused_as_list_refuses_it() {
    let cases: [(Facet, &str, &str); 7] = [
        (Facet::Region, "--region", "ZZ99"),
        (Facet::Material, "--material", "neodymum"),
        (Facet::Theme, "--esg", "E9"),
        (Facet::Kind, "--kind", "practise"),
        (Facet::Stage, "--stage", "recycling"),
        (Facet::Organisation, "--org", "team3"),
        (Facet::Status, "--status", "done"),
    ];
    for (facet, flag, value) in cases {
        let app = started_with(vec![(facet, value.to_string())], "");
        let refusal = app.refusal().unwrap_or_else(|| panic!("{flag} {value} is refused"));
        let list = list_says(&[flag, value]);
        assert_eq!(list, format!("boucle: {refusal}"), "the same words as list");
        assert!(refusal.starts_with(&format!("{flag}: unknown")), "{refusal}");
    }
    let app = started_with(vec![(Facet::Region, "FRE121".into())], "");
    assert!(app.refusal().unwrap().contains("did you mean \"FRE12\""), "{:?}", app.refusal());
    let app = started_with(Vec::new(), "region:ZZ99 zinc");
    assert_eq!(format!("boucle: {}", app.refusal().unwrap()), list_says(&["--query", "region:ZZ99 zinc"]));
    // With nothing close, the known values show what is expected.
    let app = started_with(vec![(Facet::Kind, "zzz".into())], "");
    assert!(app.refusal().unwrap().contains("known: practice, visit"), "{:?}", app.refusal());
}

#[test]
fn known_values_start_as_before_and_a_year_without_entries_selects_nothing() {
    let app = started_with(vec![(Facet::Region, "FRE".into())], "");
    assert_eq!(app.refusal(), None);
    assert!(!result_ids(&app).is_empty());
    let app = started_with(vec![(Facet::Year, "1900".into())], "");
    assert_eq!(app.refusal(), None);
    assert_eq!(result_ids(&app), Vec::<String>::new(), "no silent widening to every year");
    assert!(query_line(&app).contains("year:1900"), "the filter shows: {}", query_line(&app));
}

/// The session ends on its own once the catalogue has come, with the usage outcome.
#[test]
fn the_session_ends_refused() {
    let (sender, events) = channel();
    let options = Options { filters: vec![(Facet::Region, "ZZ99".into())], ..Options::default() };
    let mut app = App::loading(options, Searcher::worker(sender.clone()));
    spawn_loader(boucle::load::CatalogueSource::Folders(vec![FIXTURE_RELATIVE.into()]), sender, Watch::Off);
    let mut host = common::ui::TestHost(Terminal::new(TestBackend::new(100, 30)).unwrap());
    let exit = run_session(&mut host, &mut app, &events).unwrap();
    assert_eq!(exit, Exit::Refused);
    assert!(app.refusal().unwrap().contains("unknown region \"ZZ99\""));
}
