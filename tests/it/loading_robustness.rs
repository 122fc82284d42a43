//! Hostile or damaged files: each gives a clean error (or, for a BOM, a clean load), never a
//! crash, and text that could drive the terminal comes out of loading neutralised.

use crate::common::written;

use boucle::text::Lang;
use written::{Fixture, PRACTICE, problems};

#[test]
fn deep_nesting_is_an_error_not_a_stack_overflow() {
    let fixture = Fixture::new();
    for (name, open) in [("brackets", "["), ("parens", "("), ("somes", "Some(")] {
        let text = format!("GoodPractice(\n    title: {}", open.repeat(100_000));
        fixture.file(&format!("good-practices/{name}.ron"), &text);
    }
    let found = problems(&fixture, &fixture.load());
    // Reading stops at the depth limit, on the line of the nesting, and nothing overflows.
    assert_eq!(found.len(), 3, "{found:#?}");
    for (problem, name) in found.iter().zip(["brackets", "parens", "somes"]) {
        assert!(problem.starts_with(&format!("good-practices/{name}.ron:2:")), "{problem}");
        assert!(problem.contains("nesting is too deep"), "{problem}");
    }
}

#[test]
fn an_oversized_file_is_refused_without_reading_it_whole() {
    let fixture = Fixture::new();
    let huge = format!("GoodPractice(title: \"{}\")", "a".repeat(boucle::load::MAX_FILE_BYTES + 10));
    fixture.file("good-practices/huge.ron", &huge);
    fixture.file("good-practices/fine.ron", PRACTICE);
    let loaded = fixture.load();
    let found = problems(&fixture, &loaded);
    assert_eq!(found.len(), 1, "{found:#?}");
    assert!(found[0].starts_with("good-practices/huge.ron:1:1: file is larger than the limit"), "{}", found[0]);
    assert!(loaded.catalogue.get("fine").is_some());
}

#[test]
fn invalid_utf8_is_located() {
    let fixture = Fixture::new();
    let mut bytes = b"GoodPractice(\n    title: \"Bru".to_vec();
    bytes.extend_from_slice(&[0xff, 0xfe]);
    bytes.extend_from_slice(b"ay\",\n)");
    fixture.bytes("good-practices/latin1.ron", &bytes);
    let found = problems(&fixture, &fixture.load());
    assert_eq!(
        found,
        vec!["good-practices/latin1.ron:2:16: file is not valid UTF-8 — save the file as UTF-8 in your editor"]
    );
}

#[test]
fn a_byte_order_mark_is_ignored() {
    let fixture = Fixture::new();
    fixture.file("good-practices/with-bom.ron", &format!("\u{feff}{PRACTICE}"));
    let loaded = fixture.load();
    assert_eq!(problems(&fixture, &loaded), Vec::<String>::new());
    assert!(loaded.catalogue.get("with-bom").is_some());
}

#[test]
fn hostile_text_comes_out_sanitised() {
    let fixture = Fixture::new();
    let hostile_title = "Osc\u{1b}]0;pwned\u{7} Csi\u{1b}[2J\u{1b}[31m Bidi\u{202e}evil\u{202c} Zero\u{200b}width C1\u{9b}31m Del\u{7f}";
    let combining = format!("Zalgo a{}", "\u{301}".repeat(10_000));
    let text = PRACTICE
        .replace(
            r#"title: (fr: "Régénération de batteries", en: "Battery regeneration")"#,
            &format!("title: (fr: \"{}\", en: \"{}\")", hostile_title.replace('\u{1b}', "\\u{1b}"), combining),
        )
        .replace("    materials:", "    description: \"line one\\r\\n\\tline two\\u{9b}\",\n    materials:");
    fixture.file("good-practices/hostile.ron", &text);
    let loaded = fixture.load();
    // The curator is told, once per file, that what the file holds is not what readers see.
    let found = problems(&fixture, &loaded);
    assert_eq!(found.len(), 1, "{found:#?}");
    assert!(found[0].starts_with("good-practices/hostile.ron:2:35: this file holds U+0007"), "{found:#?}");
    assert_eq!(loaded.errors(), 0);
    let entry = loaded.catalogue.get("hostile").expect("hostile entry loads");
    let title_fr = entry.title().get(Lang::Fr);
    assert!(!title_fr.chars().any(|c| c.is_control()), "{title_fr:?}");
    assert!(!title_fr.contains('\u{202e}') && !title_fr.contains('\u{200b}'), "{title_fr:?}");
    assert!(title_fr.contains("Osc]0;pwned Csi[2J[31m Bidievil Zerowidth C131m Del"), "{title_fr:?}");
    let title_en = entry.title().get(Lang::En);
    assert!(title_en.chars().count() < 20, "combining marks are capped: {} chars", title_en.chars().count());
    let description = entry.common.description.as_ref().unwrap().get(Lang::En);
    assert_eq!(description, "line one\n    line two");
}

#[test]
fn diagnostics_never_carry_control_characters_from_the_file() {
    let fixture = Fixture::new();
    let text = PRACTICE.replace(r#"materials: ["lead"]"#, "materials: [\"le\u{1b}]0;x\u{7}ad\"]");
    fixture.file("good-practices/evil-id.ron", &text);
    let text = PRACTICE.replace("    title:", "    titl\u{1b}[31me: \"x\",\n    title:");
    fixture.file("good-practices/evil-field.ron", &text);
    let loaded = fixture.load();
    // Two errors, and a warning per file that the escape characters are removed when shown.
    assert_eq!((loaded.errors(), loaded.warnings()), (2, 2), "{:#?}", loaded.diagnostics);
    let rendered = boucle::diagnostic::render_human(&loaded.diagnostics, &loaded.sources, false);
    assert!(!rendered.chars().any(|c| c.is_control() && c != '\n'), "{rendered:?}");
    let json = boucle::diagnostic::render_json(&loaded.diagnostics, serde_json::Value::Null, boucle::text::Lang::En);
    assert!(!json.contains("\\u001b"), "{json}");
}
