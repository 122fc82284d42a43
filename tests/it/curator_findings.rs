//! The ten findings of the curators' trial (issue #8), each as what a curator would notice:
//! the entries that load, the problems reported, their place and their words.

use crate::common::written;

use std::process::{Command, Output};
use written::{Fixture, ORGANISATION, PRACTICE, problems};

fn boucle(args: &[&str], env: &[(&str, &str)]) -> Output {
    let mut command = Command::new(env!("CARGO_BIN_EXE_boucle"));
    command.args(args).env_remove("BOUCLE_CATALOGUE").env_remove("LC_ALL").env_remove("LC_MESSAGES");
    command.env("NO_COLOR", "1").env("LANG", "C");
    for (key, value) in env {
        command.env(key, value);
    }
    command.output().expect("run boucle")
}

fn text(output: &Output) -> String {
    format!("{}{}", String::from_utf8_lossy(&output.stdout), String::from_utf8_lossy(&output.stderr))
}

/// A practice that names `team2` from several fields, to see what a broken organisation costs.
fn practice_using_team2() -> String {
    PRACTICE.replace("    materials:", "    organisations: [\"team2\"],\n    materials:")
}

// Finding 1: one bad value removes a whole entry and buries the error under cascades.

#[test]
fn a_bad_address_drops_only_the_address_not_the_organisation() {
    let fixture = Fixture::new();
    fixture.file("organisations/team2.ron", &ORGANISATION.replace("https://www.team2.fr", "htps://www.team2.fr"));
    fixture.file("good-practices/uses-team2.ron", &practice_using_team2());
    let loaded = fixture.load();
    let found = problems(&fixture, &loaded);
    assert!(loaded.catalogue.get("team2").is_some(), "TEAM2 still loads: {found:#?}");
    assert_eq!(found.len(), 1, "one mistake, one problem, no cascade: {found:#?}");
    assert!(
        found[0].starts_with("organisations/team2.ron:5:37: malformed address \"htps://www.team2.fr\""),
        "{}",
        found[0]
    );
    let shown = boucle(&["--catalogue", fixture.path().to_str().unwrap(), "show", "team2"], &[]);
    assert_eq!(shown.status.code(), Some(0), "{}", text(&shown));
    assert!(text(&shown).contains("TEAM2"));
}

/// A host with a Cyrillic `е` among Latin letters reads as TEAM2's and leads elsewhere: `check`
/// names it at the letter, with its own code; a name written in one script (an IDN) passes.
#[test]
fn a_host_that_mixes_scripts_is_a_homograph_named_at_its_letter() {
    let fixture = Fixture::new();
    fixture
        .file("organisations/team2.ron", &ORGANISATION.replace("https://www.team2.fr", "https://www.t\u{435}am2.fr"));
    let loaded = fixture.load();
    let found = problems(&fixture, &loaded);
    assert_eq!(found.len(), 1, "{found:#?}");
    assert!(
        found[0].starts_with(
            "organisations/team2.ron:5:51: malformed address \"https://www.t\u{435}am2.fr\": its host mixes scripts"
        ),
        "{}",
        found[0]
    );
    assert!(found[0].contains("U+0435) is Cyrillic"), "{}", found[0]);
    assert_eq!(loaded.diagnostics.iter().map(|d| d.code).collect::<Vec<_>>(), ["homograph-host"]);

    for host in [
        "https://www.soci\u{e9}t\u{e9}.fr",
        "https://\u{43f}\u{440}\u{438}\u{43c}\u{435}\u{440}.org",
        "https://www.team2.fr",
    ] {
        let fixture = Fixture::new();
        fixture.file("organisations/team2.ron", &ORGANISATION.replace("https://www.team2.fr", host));
        let loaded = fixture.load();
        assert!(problems(&fixture, &loaded).is_empty(), "{host}: {:#?}", problems(&fixture, &loaded));
    }
    // A symbol that looks like a dot (U+2024) is no letter of any script.
    let fixture = Fixture::new();
    fixture.file(
        "organisations/team2.ron",
        &ORGANISATION.replace("https://www.team2.fr", "https://www.team2\u{2024}fr.org"),
    );
    let found = problems(&fixture, &fixture.load());
    assert!(found.len() == 1 && found[0].contains("which is not a letter a host name is written with"), "{found:#?}");
}

#[test]
fn an_impossible_date_or_a_missing_summary_keeps_the_entry() {
    let fixture = Fixture::new();
    fixture.file("good-practices/bad-date.ron", &PRACTICE.replace("(start: \"2024\"", "(start: \"2025-13-01\""));
    let no_summary: String = PRACTICE.lines().filter(|l| !l.contains("summary:")).map(|l| format!("{l}\n")).collect();
    fixture.file("good-practices/no-summary.ron", &no_summary);
    let loaded = fixture.load();
    let found = problems(&fixture, &loaded);
    assert!(loaded.catalogue.get("bad-date").is_some(), "{found:#?}");
    assert!(loaded.catalogue.get("no-summary").is_some(), "{found:#?}");
    assert_eq!(found.len(), 2, "{found:#?}");
    assert!(
        found
            .iter()
            .any(|p| p.starts_with("good-practices/bad-date.ron:9:24: \"2025-13-01\" is not a real calendar date"))
    );
    assert!(
        found
            .iter()
            .any(|p| p.starts_with("good-practices/no-summary.ron:") && p.contains("missing required field `summary`"))
    );
}

// Finding 2: only the first error of a file, suggestions in Rust spellings, Rust type names.

#[test]
fn every_problem_of_a_file_is_reported_with_the_documented_spellings() {
    let fixture = Fixture::new();
    let text = PRACTICE.replace("    summary:", "    sumary:").replace("(status: reviewed", "(status: tocomplete");
    fixture.file("good-practices/two-mistakes.ron", &text);
    let loaded = fixture.load();
    let found = problems(&fixture, &loaded);
    let unknown = found.iter().find(|p| p.contains("`sumary`")).unwrap_or_else(|| panic!("{found:#?}"));
    assert!(unknown.starts_with("good-practices/two-mistakes.ron:3:5:"), "{unknown}");
    assert!(unknown.contains("did you mean \"summary\"?"), "{unknown}");
    let status = found.iter().find(|p| p.contains("tocomplete")).unwrap_or_else(|| panic!("{found:#?}"));
    assert!(status.starts_with("good-practices/two-mistakes.ron:11:22:"), "{status}");
    assert!(status.contains("did you mean \"to_complete\"?"), "{status}");
    for diagnostic in &loaded.diagnostics {
        // Both languages of each text.
        let all = format!("{:?} {:?} {:?}", diagnostic.message, diagnostic.expected, diagnostic.suggestion);
        for rust in ["ReviewStatus", "ToComplete", "`to-complete`", "GoodPracticeFile", "PlainFileTerm"] {
            assert!(!all.contains(rust), "no Rust spelling `{rust}` in {all}");
        }
    }
    assert!(loaded.catalogue.get("two-mistakes").is_some(), "{found:#?}");
}

// Finding 3: an unclosed string is never called one.

#[test]
fn an_unclosed_string_is_called_one_with_the_place_it_opened() {
    let fixture = Fixture::new();
    fixture.file(
        "good-practices/title.ron",
        &PRACTICE.replace("en: \"Battery regeneration\")", "en: \"Battery regeneration)"),
    );
    let found = problems(&fixture, &fixture.load());
    assert!(!found.is_empty());
    assert!(
        found[0].contains("string") && found[0].starts_with("good-practices/title.ron:2:50:"),
        "says which string opened where: {found:#?}"
    );

    let fixture = Fixture::new();
    fixture.file("organisations/team2.ron", &ORGANISATION.replace("https://www.team2.fr\"", "https://www.team2.fr"));
    let found = problems(&fixture, &fixture.load());
    assert!(!found.is_empty());
    assert!(!found.iter().any(|p| p.contains("control character")), "{found:#?}");
    assert!(found[0].contains("string") && found[0].starts_with("organisations/team2.ron:5:37:"), "{found:#?}");
}

// Finding 4: a file in the wrong kind folder casts doubt on the right file with the same id.

#[test]
fn a_file_in_the_wrong_folder_raises_no_doubt_about_the_right_one() {
    let fixture = Fixture::new();
    fixture.file(
        "good-practices/battery.ron",
        &PRACTICE.replace("    materials:", "    related: [\"visit\"],\n    materials:"),
    );
    let visit = "SiteVisit(title: \"Visit\", summary: \"A visit\", start: \"2025-07-29\", \
                 sources: [(title: \"T\", url: \"https://www.team2.fr\")], review: (status: draft, checked: \"2026-11-28\"))";
    fixture.file("site-visits/visit.ron", visit);
    fixture.file("events/visit.ron", visit);
    let loaded = fixture.load();
    let found = problems(&fixture, &loaded);
    assert_eq!(found.len(), 1, "{found:#?}");
    assert!(found[0].starts_with("events/visit.ron:1:1:"), "{found:#?}");
    assert!(!found.iter().any(|p| p.contains("did not load")), "{found:#?}");
}

// Finding 5: a mistyped folder succeeds.

#[test]
fn a_missing_catalogue_folder_is_an_error() {
    let output = boucle(&["--catalogue", "/nonexistent-boucle-folder", "list"], &[]);
    assert_eq!(output.status.code(), Some(2), "{}", text(&output));
    assert!(text(&output).contains("/nonexistent-boucle-folder"), "{}", text(&output));
    assert!(text(&output).contains("not found"), "{}", text(&output));
}

// Finding 6: messages point to a file that does not exist, without a suggestion.

#[test]
fn an_unknown_theme_names_the_vocabulary_file_really_used_and_its_ids() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("good-practices/x.ron");
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(&path, PRACTICE.replace("[\"E5\"]", "[\"E6\"]").replace("    main_institution: \"team2\",\n", ""))
        .unwrap();
    let loaded = boucle::load::load(&boucle::load::CatalogueSource::Folders(vec![dir.path().to_path_buf()]));
    let en = boucle::text::Lang::En;
    let problem = loaded.diagnostics.iter().find(|d| d.message.get(en).contains("E6")).expect("E6 reported");
    let expected = problem.expected.clone().unwrap_or_default().get(en).to_string();
    assert!(expected.contains("practices/vocabularies/themes.ron") && expected.contains("bundled"), "{expected}");
    let suggestion = problem.suggestion.clone().unwrap_or_default().get(en).to_string();
    assert!(suggestion.contains("E5") && suggestion.contains("S1"), "lists the ids: {suggestion}");
}

// Finding 7: diagnostics are English only.

#[test]
fn check_speaks_french_when_asked() {
    let fixture = Fixture::new();
    fixture.file("good-practices/x.ron", &PRACTICE.replace("[\"lead\"]", "[\"neodymum\"]"));
    let folder = fixture.path().to_str().unwrap();
    for (args, env) in
        [(vec!["--lang", "fr", "check", folder], vec![]), (vec!["check", folder], vec![("LANG", "fr_FR.UTF-8")])]
    {
        let output = boucle(&args, &env);
        let shown = text(&output);
        assert!(shown.contains("matériau inconnu « neodymum »"), "{shown}");
        assert!(shown.contains("vouliez-vous dire « neodymium » ?"), "{shown}");
        assert!(shown.contains("1 erreur"), "{shown}");
        // The head of each problem and the count of each kind too, not codespan's English.
        assert!(shown.contains("erreur[unknown-vocabulary-id]: matériau inconnu"), "{shown}");
        assert!(shown.contains("    1 erreur[unknown-vocabulary-id]"), "{shown}");
        assert!(!shown.contains("error[") && !shown.contains("warning["), "{shown}");
    }
    let english = text(&boucle(&["--lang", "en", "check", folder], &[]));
    assert!(english.contains("error[unknown-vocabulary-id]: unknown material"), "{english}");
    assert!(english.contains("    1 error[unknown-vocabulary-id]"), "{english}");
}

// Finding 8: counts disagree between check and the dashboard.

#[test]
fn list_counts_errors_and_warnings_as_check_does() {
    let fixture = Fixture::new();
    fixture.file(
        "good-practices/x.ron",
        &PRACTICE.replace("[\"lead\"]", "[\"neodymum\"]").replace(
            "    sources: [(title: \"Le Moniteur\", url: \"https://www.lemoniteur.fr/article\", date: \"2024-01\")],\n",
            "",
        ),
    );
    let folder = fixture.path().to_str().unwrap();
    let check = text(&boucle(&["check", folder], &[]));
    assert!(check.trim_end().ends_with("1 error, 1 warning"), "{check}");
    let list = text(&boucle(&["--catalogue", folder, "list"], &[]));
    assert!(list.contains("1 error, 1 warning"), "{list}");
    assert!(!list.contains("problem(s)"), "{list}");
}

// Finding 9: problems not reported at all.

#[test]
fn a_two_term_parent_cycle_is_reported() {
    let fixture = Fixture::new();
    fixture.file(
        "vocabularies/stages.ron",
        r#"[ (id: "recycling-recovery", label: "Recycling"), (id: "a", parent: "b", label: "A"), (id: "b", parent: "a", label: "B") ]"#,
    );
    let found = problems(&fixture, &fixture.load());
    assert!(found.iter().any(|p| p.contains("cycle")), "{found:#?}");
}

#[test]
fn self_references_and_repeated_related_ids_are_reported() {
    let fixture = Fixture::new();
    fixture.file(
        "good-practices/battery.ron",
        &PRACTICE.replace("    materials:", "    related: [\"peer\", \"peer\"],\n    materials:"),
    );
    fixture.file(
        "tours/peer.ron",
        "Tour(title: \"T\", summary: \"S\", stops: [(entry: \"peer\"), (entry: \"battery\")], \
         sources: [(title: \"T\", url: \"https://www.team2.fr\")], review: (status: draft, checked: \"2026-11-28\"))",
    );
    fixture.file(
        "events/day.ron",
        "Event(title: \"T\", summary: \"S\", start: \"2025-01-01\", programme: \"day\", \
         sources: [(title: \"T\", url: \"https://www.team2.fr\")], review: (status: draft, checked: \"2026-11-28\"))",
    );
    let found = problems(&fixture, &fixture.load());
    assert!(found.iter().any(|p| p.starts_with("tours/peer.ron:1:48:") && p.contains("itself")), "{found:#?}");
    assert!(found.iter().any(|p| p.starts_with("events/day.ron:") && p.contains("itself")), "{found:#?}");
    assert!(
        found.iter().any(|p| p.starts_with("good-practices/battery.ron:6:23:") && p.contains("twice")),
        "{found:#?}"
    );
}

#[cfg(unix)]
#[test]
fn ron_paths_that_are_not_regular_files_are_reported() {
    let fixture = Fixture::new();
    let fifo = fixture.path().join("good-practices/pipe.ron");
    std::fs::create_dir_all(fifo.parent().unwrap()).unwrap();
    let status = Command::new("mkfifo").arg(&fifo).status().expect("mkfifo");
    assert!(status.success());
    std::os::unix::fs::symlink("loop-b.ron", fixture.path().join("good-practices/loop-a.ron")).unwrap();
    std::os::unix::fs::symlink("loop-a.ron", fixture.path().join("good-practices/loop-b.ron")).unwrap();
    let found = problems(&fixture, &fixture.load());
    assert!(
        found.iter().any(|p| p.starts_with("good-practices/pipe.ron") && p.contains("not a regular file")),
        "{found:#?}"
    );
    assert!(
        found.iter().any(|p| p.starts_with("good-practices/loop-a.ron") && p.contains("loop of links")),
        "{found:#?}"
    );
}

/// A pull request adding a link to a file elsewhere (a secret, `/proc/self/environ`) must not
/// make `check` quote that file's first line in a CI log; a link to a file of the folder loads.
#[cfg(unix)]
#[test]
fn links_to_files_outside_the_catalogue_are_named_never_read() {
    let fixture = Fixture::new();
    let elsewhere = tempfile::tempdir().unwrap();
    let secret = elsewhere.path().join("secret.ron");
    std::fs::write(&secret, "SECRET_TOKEN=ghp_abcdef123456").unwrap();
    std::fs::create_dir_all(fixture.path().join("good-practices")).unwrap();
    std::os::unix::fs::symlink(&secret, fixture.path().join("good-practices/leak.ron")).unwrap();
    std::os::unix::fs::symlink("/proc/self/environ", fixture.path().join("good-practices/env.ron")).unwrap();
    fixture.file("drafts/battery.ron", PRACTICE);
    std::os::unix::fs::symlink("../drafts/battery.ron", fixture.path().join("good-practices/battery.ron")).unwrap();
    let out = boucle(&["check", &fixture.path().to_string_lossy()], &[("FOO_TOKEN", "supersecret")]);
    let said = text(&out);
    for leaked in ["SECRET_TOKEN", "ghp_", "FOO_TOKEN", "supersecret"] {
        assert!(!said.contains(leaked), "{leaked} quoted:\n{said}");
    }
    assert!(said.contains("leak.ron") && said.contains("env.ron"), "{said}");
    assert!(said.contains("outside the catalogue folder"), "{said}");
    let loaded = fixture.load();
    let found = problems(&fixture, &loaded);
    assert!(!found.iter().any(|p| p.starts_with("good-practices/battery.ron")), "{found:#?}");
    assert!(loaded.catalogue.entries().iter().any(|e| e.id.as_str() == "battery"), "a link inside the folder loads");
}

// Finding 10: a file that is not RON from its first byte.

#[test]
fn a_file_that_is_not_ron_says_where_and_what_was_expected() {
    let fixture = Fixture::new();
    fixture.file("good-practices/brackets.ron", "[[[[");
    fixture.file("vocabularies/themes.ron", "[[[[");
    let loaded = fixture.load();
    let found = problems(&fixture, &loaded);
    let practice = found.iter().find(|p| p.starts_with("good-practices/brackets.ron")).expect("reported");
    assert!(practice.starts_with("good-practices/brackets.ron:1:1:"), "{practice}");
    assert!(practice.contains("`GoodPractice(`"), "{practice}");
    let vocabulary = found.iter().find(|p| p.starts_with("vocabularies/themes.ron")).expect("reported");
    assert!(
        vocabulary.starts_with("vocabularies/themes.ron:1:4:") && vocabulary.contains("not closed"),
        "{vocabulary}"
    );
}

#[test]
fn the_french_dashboard_lists_the_problems_in_french() {
    use boucle::text::Lang;
    let fixture = Fixture::new();
    fixture.file("good-practices/x.ron", &PRACTICE.replace("[\"lead\"]", "[\"neodymum\"]"));
    let loaded = fixture.load();
    let french: Vec<String> = loaded.diagnostics.iter().map(|d| d.one_line(Lang::Fr)).collect();
    assert!(french[0].ends_with("matériau inconnu « neodymum » — vouliez-vous dire « neodymium » ?"), "{french:?}");
    let broken = Fixture::new();
    broken.file("good-practices/x.ron", "GoodPractice(\n  title: \"x\"\n  summary: \"y\",\n)");
    let french: Vec<String> = broken.load().diagnostics.iter().map(|d| d.one_line(Lang::Fr)).collect();
    assert!(
        french[0].contains("attendu `,` ou `)`, trouvé `summary` (la lecture a repris au champ suivant"),
        "{french:?}"
    );
    assert!(french[0].ends_with("— il manque sans doute une `,` à la fin de la ligne 2"), "{french:?}");
}

/// A control or bidi character written as a RON escape (`\u{1b}]0;pwned\u{7}`, `\u{202e}`)
/// is removed on screen as a raw one is: `check` says so alike, at the escape (hostile trial:
/// the raw byte was warned of, the escape passed in silence).
#[test]
fn a_control_character_written_as_an_escape_is_warned_of_where_it_is_written() {
    for (escape, code) in [(r"\u{1b}]0;pwned\u{7}", "U+001B"), (r"\u{202e}", "U+202E")] {
        let fixture = Fixture::new();
        let text = PRACTICE.replace("en: \"Battery regeneration\"", &format!("en: \"Battery{escape} regeneration\""));
        fixture.file("good-practices/x.ron", &text);
        let loaded = fixture.load();
        let found = problems(&fixture, &loaded);
        let line = text.lines().nth(1).unwrap();
        let column = line[..line.find('\\').unwrap()].chars().count() + 1;
        let place = format!("good-practices/x.ron:2:{column}: this file holds {code}");
        assert!(found.iter().any(|p| p.starts_with(&place)), "{escape}: {found:#?}");
        assert_eq!(loaded.errors(), 0, "{found:#?}");
    }
}
