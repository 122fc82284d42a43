//! The entry document and its renderings, on the catalogue of [`super::testing`].

use super::doc::{Block, Value};
use super::row::Row;
use super::testing::catalogue;
use super::{EntryDoc, csv, json, link_targets, markdown};
use crate::model::Catalogue;
use crate::text::Lang;

fn doc_of(cat: &Catalogue, id: &str, lang: Lang) -> EntryDoc {
    EntryDoc::new(cat, cat.get(id).expect("fixture entry"), lang)
}

#[test]
fn the_document_orders_its_blocks_and_labels() {
    let cat = catalogue();
    let doc = doc_of(&cat, "battery", Lang::En);
    assert_eq!(doc.kind_word, "good practice");
    assert_eq!(doc.place.as_deref(), Some("Béthune, Pas-de-Calais (FRE12)"));
    assert_eq!(doc.dates.as_deref(), Some("2024"));
    assert_eq!(
        doc.labels(),
        [
            "Description",
            "Main institution",
            "Timescale",
            "Resources needed",
            "Materials",
            "ESG themes",
            "Value-chain stages",
            "Tags",
            "Project",
            "Related entries",
            "Sources",
            "Review",
        ]
    );
    let Some(Block::Fields(fields)) = doc.blocks.get(1) else { panic!("{:?}", doc.blocks) };
    assert_eq!(fields[1].value, Value::Text("2024 (ongoing)".into()));
    assert_eq!(doc_of(&cat, "battery", Lang::Fr).labels()[2], "Calendrier");
}

#[test]
fn a_place_named_like_its_region_and_a_one_day_span_are_said_once() {
    let cat = catalogue();
    let visit = doc_of(&cat, "visit-battery", Lang::Fr);
    assert_eq!(visit.place.as_deref(), Some("Hauts-de-France (FRE)"));
    assert_eq!(visit.dates.as_deref(), Some("2025-07-29"));
    assert_eq!(doc_of(&cat, "tour-lille", Lang::En).dates.as_deref(), Some("2025-07-29 → 2025-07-30"));
}

#[test]
fn links_are_stops_then_references_then_organisations_each_once() {
    let cat = catalogue();
    let tour = cat.get("tour-lille").unwrap();
    let ids: Vec<&str> = link_targets(&cat, tour).into_iter().map(|i| cat.entries()[i].id.as_str()).collect();
    assert_eq!(ids, ["battery", "visit-battery", "team2"]);
    let doc = EntryDoc::new(&cat, tour, Lang::En);
    let listed: Vec<&str> = doc.links().iter().map(|l| l.id.as_str()).collect();
    assert_eq!(listed, ids);
    assert_eq!(doc.links()[1].kind_word, "site visit");
}

/// `show` and `export --format md` write one entry with the handout's writer: every block,
/// in the document's order (the curators' review reduced to its status line).
#[test]
fn markdown_holds_every_block_in_order() {
    use super::handout::{Format, Scope, build, render};
    let cat = catalogue();
    let md_of = |id: &str, lang: Lang| {
        let handout = build(&cat, Scope::Entry(id), &crate::shortlist::Shortlist::default(), lang).unwrap();
        String::from_utf8(render(&handout, &cat, Format::Md)).unwrap()
    };
    for entry in cat.entries() {
        for lang in [Lang::Fr, Lang::En] {
            let doc = EntryDoc::new(&cat, entry, lang);
            let md = md_of(entry.id.as_str(), lang);
            assert!(md.starts_with(&format!("# {}\n", super::handout::md_line(&doc.title))), "{md}");
            assert!(md.contains(&format!("`{}`", entry.id)));
            let mut at = 0;
            let review = crate::i18n::t(lang, crate::i18n::Msg::Review);
            for label in doc.labels().into_iter().filter(|l| *l != review) {
                let found = md[at..].find(label).unwrap_or_else(|| panic!("{label} after {at} in\n{md}"));
                at += found + label.len();
            }
        }
    }
    let md = md_of("battery", Lang::En);
    assert!(md.contains("- **Main institution:** TEAM2"), "{md}");
    assert!(md.contains("- [Le Moniteur](<https://www.lemoniteur.fr/article>) (2024-01)"), "{md}");
    assert!(md.contains("*to complete — last checked 2026-11-28*"), "{md}");
    let org = md_of("team2", Lang::En);
    assert!(org.contains("<https://www.team2.fr>"), "{org}");
}

#[test]
fn markdown_escapes_what_would_change_a_table_or_a_title() {
    assert_eq!(markdown::escape("a | b"), "a \\| b");
    assert_eq!(markdown::escape("*x* _y_ `z` [l](u) <b>"), "\\*x\\* \\_y\\_ \\`z\\` \\[l\\](u) \\<b\\>");
    let cat = catalogue();
    let rows: Vec<Row> = cat.entries().iter().map(|e| Row::new(&cat, e, Lang::En, None)).collect();
    let mut out = Vec::new();
    markdown::write_rows(&rows, Lang::En, &mut out).unwrap();
    let text = String::from_utf8(out).unwrap();
    assert!(text.starts_with("| Title | Kind | Region | Years | Id |\n|---|---|---|---|---|\n"), "{text}");
    assert!(
        text.contains("| Battery regeneration \\| \\*lead\\* | good practice | FRE12 | 2024 | `battery` |"),
        "{text}"
    );
}

#[test]
fn csv_neutralises_formulas() {
    assert_eq!(csv::cell("=HYPERLINK(\"x\")"), "'=HYPERLINK(\"x\")");
    assert_eq!(csv::cell("-1+2"), "'-1+2");
    assert_eq!(csv::cell("@cmd"), "'@cmd");
    assert_eq!(csv::cell("+33"), "'+33");
    assert_eq!(csv::cell("Béthune"), "Béthune");
}

#[test]
fn list_json_keeps_its_field_names() {
    let cat = catalogue();
    let rows = [Row::new(&cat, cat.get("battery").unwrap(), Lang::Fr, None)];
    let mut out = Vec::new();
    json::write_rows(&rows, &mut out).unwrap();
    let value: serde_json::Value = serde_json::from_slice(&out).unwrap();
    let item = &value[0];
    let mut keys: Vec<&str> = item.as_object().unwrap().keys().map(String::as_str).collect();
    keys.sort();
    let expected = [
        "close",
        "file",
        "id",
        "kind",
        "materials",
        "organisations",
        "place",
        "region",
        "score",
        "stages",
        "status",
        "summary",
        "tags",
        "themes",
        "title",
        "words",
        "years",
    ];
    assert_eq!(keys, expected);
    assert_eq!(item["region"], serde_json::json!({ "id": "FRE12", "label": "Pas-de-Calais" }));
    assert_eq!(item["organisations"][0], serde_json::json!({ "id": "team2", "label": "TEAM2" }));
    assert_eq!(item["kind"], "practice");
    assert_eq!(item["status"], "to-complete");
}
