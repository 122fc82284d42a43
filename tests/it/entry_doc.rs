//! `boucle show` (Markdown), `boucle list --format md` and the dashboard's entry pane show the
//! same entry with the same labels, in the same order, and name its kind alike: all three walk
//! one `EntryDoc`. The catalogue is written here, so curators' edits cannot change the test.

use std::process::Command;
use std::sync::Arc;

use boucle::export::EntryDoc;
use boucle::i18n::with_colon;
use boucle::load::{CatalogueSource, load};
use boucle::model::Catalogue;
use boucle::query::{Facet, Indexed};
use boucle::text::Lang;
use boucle::ui::{Action, App, Options, update};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

const FILES: [(&str, &str); 9] = [
    (
        "vocabularies/regions.ron",
        r#"[ (id: "FR", label: "France"), (id: "FRE12", parent: "FR", label: "Pas-de-Calais") ]"#,
    ),
    ("vocabularies/materials.ron", r#"[ (id: "lead", symbol: "Pb", label: (fr: "Plomb", en: "Lead")) ]"#),
    ("vocabularies/themes.ron", r#"[ (id: "E5", label: (fr: "Économie circulaire", en: "Circular economy")) ]"#),
    ("vocabularies/stages.ron", r#"[ (id: "recycling-recovery", label: (fr: "Recyclage", en: "Recycling")) ]"#),
    ("vocabularies/organisation-types.ron", r#"[ (id: "cluster", label: (fr: "Pôle", en: "Cluster")) ]"#),
    (
        "organisations/team2.ron",
        r#"Organisation(title: "TEAM2", summary: "Pôle", org_type: "cluster",
            review: (status: reviewed, checked: "2026-11-28"))"#,
    ),
    (
        "good-practices/battery.ron",
        r#"GoodPractice(
        title: (fr: "Régénération de batteries à Béthune", en: "Battery regeneration in Béthune"),
        summary: (fr: "Des batteries au plomb régénérées", en: "Lead-acid batteries regenerated"),
        description: (fr: "Un atelier de 2 000 m².", en: "A 2,000 m² workshop."),
        location: (region: "FRE12", place: "Béthune"),
        main_institution: "team2",
        materials: ["lead"],
        themes: ["E5"],
        stages: ["recycling-recovery"],
        tags: ["plomb"],
        project: "RAW4RES",
        timescale: (start: "2024", status: ongoing),
        evidence_of_success: (fr: "Des milliers de batteries.", en: "Thousands of batteries."),
        difficulties: (fr: "La collecte.", en: "Collection."),
        related: ["visit"],
        sources: [(title: "Le Moniteur", url: "https://www.lemoniteur.fr/article", date: "2024-01")],
        review: (status: to_complete, checked: "2026-11-28", note: (fr: "Volumes à vérifier.", en: "Volumes to check.")),
    )"#,
    ),
    (
        "site-visits/visit.ron",
        r#"SiteVisit(title: (fr: "Visite de l'atelier", en: "Visit to the workshop"), summary: "Béthune",
            host: "team2", start: "2025-07-29", review: (status: draft, checked: "2026-11-28"))"#,
    ),
    (
        "tours/tour.ron",
        r#"Tour(title: (fr: "Parcours", en: "Tour"), summary: "Lille", stops: [(entry: "battery", note: "Ouvrir ici.")],
            review: (status: reviewed, checked: "2026-11-28"))"#,
    ),
];

fn catalogue_folder() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for (relative, text) in FILES {
        let path = dir.path().join(relative);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    }
    dir
}

fn boucle(dir: &std::path::Path, lang: Lang, args: &[&str]) -> String {
    let output = Command::new(env!("CARGO_BIN_EXE_boucle"))
        .arg("--catalogue")
        .arg(dir)
        .args(["--lang", lang.code()])
        .args(args)
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    assert_eq!(String::from_utf8_lossy(&output.stderr), "", "the catalogue loads cleanly");
    String::from_utf8(output.stdout).unwrap()
}

/// The entry pane's lines, drawn by the dashboard with only the good practice selected.
fn pane_lines(catalogue: Catalogue, lang: Lang) -> Vec<String> {
    let options = Options { lang, filters: vec![(Facet::Kind, "practice".into())], ..Options::default() };
    let mut app = App::new(Arc::new(Indexed::new(catalogue)), Vec::new(), options);
    let (width, height) = (160, 100);
    let _ = update(&mut app, Action::Resize { width, height });
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    boucle::ui::render(&mut terminal, &mut app).unwrap();
    let buffer = terminal.backend().buffer();
    let rows: Vec<Vec<&str>> =
        (0..height).map(|y| (0..width).map(|x| buffer[(x, y)].symbol()).collect::<Vec<_>>()).collect();
    // The pane is the box whose top border carries its title.
    let title = format!(" {} ", if lang == Lang::Fr { "Fiche" } else { "Entry" });
    let top = rows.iter().position(|r| r.concat().contains(&title)).expect("the entry pane");
    let text = rows[top].concat();
    // Its left border is just before the title; it is the rightmost pane, so it ends at the
    // screen's edge.
    let left = text[..text.find(&title).unwrap()].chars().count() - 1;
    let right = usize::from(width) - 1;
    rows[top + 1..]
        .iter()
        .take_while(|r| !matches!(r[left], "╰" | "┗"))
        .map(|r| r[left + 1..right].concat().trim_end().to_string())
        .collect()
}

/// The labels a rendering shows, in order: lines that are a label (headings) or begin with one
/// (fields), among the labels the document has.
fn labels_in(lines: &[String], known: &[&str], field: impl Fn(&str) -> String) -> Vec<String> {
    let mut found = Vec::new();
    for line in lines {
        let line = line.trim();
        if let Some(label) = known.iter().find(|l| line == **l || line.starts_with(&field(l))) {
            found.push(label.to_string());
        }
    }
    found
}

#[test]
fn show_list_and_the_pane_agree_on_labels_and_their_order() {
    let dir = catalogue_folder();
    let catalogue = load(&CatalogueSource::Folders(vec![dir.path().to_path_buf()])).catalogue;
    for lang in [Lang::En, Lang::Fr] {
        let entry = catalogue.get("battery").unwrap();
        let doc = EntryDoc::new(&catalogue, entry, lang);
        let expected: Vec<String> = doc.labels().iter().map(|l| l.to_string()).collect();
        assert!(expected.len() >= 12, "{expected:?}");

        // `boucle show`, the handout's Markdown: headings `### Label`, fields `- **Label:** value`;
        // the curators' review is a status line there, without its label.
        let md = boucle(dir.path(), lang, &["show", "battery"]);
        let md_lines: Vec<String> = md
            .lines()
            .map(|l| l.strip_prefix("### ").or_else(|| l.strip_prefix("- **")).unwrap_or(""))
            .map(|l| l.split("**").next().unwrap_or("").to_string())
            .collect();
        let review = boucle::i18n::t(lang, boucle::i18n::Msg::Review);
        let without_review: Vec<String> = expected.iter().filter(|l| *l != review).cloned().collect();
        let shown = labels_in(&md_lines, &doc.labels(), |l| with_colon(lang, l));
        assert_eq!(shown, without_review, "show:\n{md}");

        // The pane: headings on their own line, fields as `Label: value`.
        let pane = pane_lines(catalogue.clone(), lang);
        assert_eq!(pane[0], doc.title, "{pane:#?}");
        assert_eq!(labels_in(&pane, &doc.labels(), |l| with_colon(lang, l)), expected, "pane:\n{pane:#?}");

        // The kind, in the same words in all three.
        assert!(pane[1].starts_with(&format!("{} · {}", doc.kind_word, doc.place.as_deref().unwrap())), "{pane:#?}");
        assert!(md.lines().nth(2).unwrap().starts_with(&format!("*{}* · `battery`", doc.kind_word)), "{md}");
        let list = boucle(dir.path(), lang, &["list", "--format", "md", "--kind", "practice"]);
        let row = list.lines().find(|l| l.contains("`battery`")).expect("the entry's row");
        let cells: Vec<&str> = row.trim_matches('|').split(" | ").map(str::trim).collect();
        assert_eq!(cells[0], doc.title, "{list}");
        assert_eq!(cells[1], doc.kind_word, "{list}");
        let header: Vec<&str> = list.lines().next().unwrap().trim_matches('|').split(" | ").map(str::trim).collect();
        assert_eq!(header.len(), cells.len(), "{list}");
    }
}

/// A malformed review day (`2025-02-30`) is dropped when read: `show` then says the status
/// alone, not "*to complete — last checked *" (an empty date and broken italics).
#[test]
fn show_says_the_status_alone_when_the_review_day_is_malformed() {
    let dir = catalogue_folder();
    let battery = FILES[6].1.replace("checked: \"2026-11-28\", note", "checked: \"2025-02-30\", note");
    std::fs::write(dir.path().join("good-practices/battery.ron"), battery).unwrap();
    for (lang, line) in [(Lang::En, "*to complete*"), (Lang::Fr, "*à compléter*")] {
        let output = Command::new(env!("CARGO_BIN_EXE_boucle"))
            .arg("--catalogue")
            .arg(dir.path())
            .args(["--no-cache", "--lang", lang.code(), "show", "battery"])
            .env_remove("BOUCLE_CATALOGUE")
            .output()
            .unwrap();
        let md = String::from_utf8_lossy(&output.stdout);
        assert!(md.lines().any(|l| l == line), "{lang:?}: {md}");
        assert!(!md.lines().any(|l| l.ends_with(" *")), "{lang:?}: {md}");
    }
}
