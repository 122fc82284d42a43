use super::*;
use crate::load::{CatalogueSource, load};

fn fixture() -> Catalogue {
    let folder = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/catalogue");
    load(&CatalogueSource::Folders(vec![folder])).catalogue
}

fn line(kind: Kind, path: &[Step]) -> Line {
    lines(kind).into_iter().find(|l| l.path == path).unwrap_or_else(|| panic!("{path:?}"))
}

fn text(s: &str) -> Filled {
    Filled::Text(s.to_string())
}

#[test]
fn every_field_of_every_kind_has_a_line() {
    for kind in Kind::ALL {
        let lines = lines(kind);
        for spec in entry_fields(kind) {
            assert!(lines.iter().any(|l| l.field() == spec.name), "{kind:?} {}", spec.name);
        }
    }
}

#[test]
fn a_practice_filled_in_the_form_is_clean_and_reads_as_typed() {
    let kind = Kind::GoodPractice;
    let f = |name| Step::Field(name);
    let edits = [
        (line(kind, &[f("title"), f("fr")]), text("Boucle du plomb")),
        (line(kind, &[f("title"), f("en")]), text("Lead \"loop\"")),
        (line(kind, &[f("summary"), f("fr")]), text("Du plomb recyclé.")),
        (line(kind, &[f("summary"), f("en")]), text("Lead recycled.")),
        (line(kind, &[f("location"), f("region")]), text("FRE11")),
        (line(kind, &[f("materials")]), Filled::Ids(vec!["lead".into(), "zinc".into()])),
        (line(kind, &[f("tags")]), text("plomb, boucle")),
        (line(kind, &[f("sources"), Step::Item(0), f("title")]), text("Operator")),
        (line(kind, &[f("sources"), Step::Item(0), f("url")]), text("https://example.org/x")),
        (line(kind, &[f("review"), f("status")]), text("draft")),
        (line(kind, &[f("review"), f("checked")]), text("2026-12-07")),
        // Emptied, optional: not written.
        (line(kind, &[f("description"), f("fr")]), text("  ")),
    ];
    let edits: Vec<(&Line, &Filled)> = edits.iter().map(|(l, v)| (l, v)).collect();
    let written = crate::curate::fmt::print_entry(&apply(&empty(kind), &edits), kind);
    let checked = problems(&fixture(), kind, "good-practices/lead-loop.ron", &written);
    assert_eq!(checked.problems, Vec::new(), "{written}");
    assert!(checked.loads);
    let typed: crate::model::entry::GoodPracticeFile = crate::load::ron_options().from_str(&written).unwrap();
    let typed = format!("{typed:?}");
    assert!(typed.contains("Lead \\\"loop\\\"") && typed.contains("FRE11"), "{typed}");
    assert!(!written.contains("description"), "{written}");
    assert_eq!(crate::curate::fmt::format(&written, None).as_deref(), Ok(written.as_str()), "fmt changes nothing");
}

/// `code → path` of each problem of `written`, by the line it goes beside.
fn beside(written: &str) -> Vec<String> {
    let kind = Kind::GoodPractice;
    let lines = lines(kind);
    problems(&fixture(), kind, "good-practices/x.ron", written)
        .problems
        .iter()
        .map(|p| {
            let at = line_of(written, p, &lines).map(|i| format!("{:?}", lines[i].path));
            format!("{} → {}", p.code, at.unwrap_or_default())
        })
        .collect()
}

fn expect(beside: &[String], code: &str, path: &str) {
    assert!(beside.iter().any(|b| b.starts_with(code) && b.ends_with(path)), "{code} at {path}: {beside:#?}");
}

#[test]
fn each_problem_goes_beside_its_line() {
    let head = "GoodPractice(\n    title: (fr: \"T\", en: \"T\"),\n";
    let written = format!(
        "{head}    summary: (fr: \"\", en: \"\"),\n    materials: [\"leed\"],\n    review: (status: draft, checked: \"\"),\n)\n"
    );
    let found = beside(&written);
    expect(&found, "empty-text", r#"[Field("summary"), Field("fr")]"#);
    expect(&found, "unknown-vocabulary-id", r#"[Field("materials")]"#);
    expect(&found, "not-filled-in", r#"[Field("review"), Field("checked")]"#);
    expect(&found, "no-source", r#"[Field("sources"), Item(0), Field("title")]"#);
    // A value the typed reader refuses (a date of no calendar) is said at the value, in a
    // list of structs on one line.
    let written = format!(
        "{head}    summary: \"S\",\n    sources: [(title: \"x\", url: \"https://example.org\", date: \"2025-14\")],\n    review: (status: draft, checked: \"2026-01\"),\n)\n"
    );
    expect(&beside(&written), "malformed-date", r#"[Field("sources"), Item(0), Field("date")]"#);
}

#[test]
fn a_date_is_checked_as_it_is_typed() {
    assert_eq!(date_problem(""), None);
    assert_eq!(date_problem("2025"), None);
    assert_eq!(date_problem("2025-07-29"), None);
    for wrong in ["2025-13", "2025-02-30", "25-01", "2025/01"] {
        assert!(date_problem(wrong).is_some(), "{wrong}");
    }
}

#[test]
fn an_edit_keeps_every_comment_and_every_value_not_edited() {
    let kind = Kind::GoodPractice;
    let file = "// Checked with the operator.\nGoodPractice(\n    // The name used on site.\n    title: \"Régénération\",\n    summary: (fr: \"Résumé\", en: \"Summary\"), // both\n    materials: [\n        // the main one\n        \"lead\",\n        \"zinc\",\n    ],\n    sources: [(title: \"A\", url: \"https://a.example\"), (title: \"B\", url: \"https://b.example\")],\n    review: (status: reviewed, checked: \"2026-11-28\"),\n)\n";
    let doc = parse(file).unwrap();
    let title_en = line(kind, &[Step::Field("title"), Step::Field("en")]);
    assert_eq!(read(&doc, &title_en), (text("Régénération"), Control::Text), "a text for both languages");
    let sources = line(kind, &[Step::Field("sources"), Step::Item(0), Step::Field("url")]);
    assert_eq!(read(&doc, &sources).1, Control::Kept, "two sources: kept as written");
    let materials = line(kind, &[Step::Field("materials")]);
    assert_eq!(read(&doc, &materials).0, Filled::Ids(vec!["lead".into(), "zinc".into()]));
    let edits = [(title_en, text("Regeneration")), (materials, Filled::Ids(vec!["lead".into()]))];
    let edits: Vec<(&Line, &Filled)> = edits.iter().map(|(l, v)| (l, v)).collect();
    let written = crate::curate::fmt::print_entry(&apply(&doc, &edits), kind);
    assert_eq!(crate::curate::fmt::cst::comments(&written), crate::curate::fmt::cst::comments(file), "{written}");
    for kept in [r#"fr: "Régénération""#, r#"en: "Regeneration""#, "https://b.example", "status: reviewed"] {
        assert!(written.contains(kept), "{kept} in {written}");
    }
    assert!(!written.contains("zinc"), "{written}");
}
