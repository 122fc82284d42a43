//! A small catalogue written by the tests themselves, so that rendering tests do not change
//! when curators edit the bundled one: every kind, both languages, accents, a tour with notes,
//! Markdown metacharacters in a title, a place named like its region.

use crate::load::{CatalogueSource, load};
use crate::model::Catalogue;

const FILES: [(&str, &str); 10] = [
    (
        "vocabularies/regions.ron",
        r#"[
        (id: "FR", label: (fr: "France", en: "France")),
        (id: "FRE", parent: "FR", label: "Hauts-de-France"),
        (id: "FRE12", parent: "FRE", label: "Pas-de-Calais"),
    ]"#,
    ),
    ("vocabularies/materials.ron", r#"[ (id: "lead", symbol: "Pb", label: (fr: "Plomb", en: "Lead")) ]"#),
    (
        "vocabularies/themes.ron",
        r#"[ (id: "E", label: (fr: "Environnement", en: "Environment")), (id: "E5", parent: "E", label: (fr: "Économie circulaire", en: "Circular economy")) ]"#,
    ),
    ("vocabularies/stages.ron", r#"[ (id: "recycling-recovery", label: (fr: "Recyclage", en: "Recycling")) ]"#),
    ("vocabularies/organisation-types.ron", r#"[ (id: "cluster", label: (fr: "Pôle", en: "Cluster")) ]"#),
    (
        "organisations/team2.ron",
        r#"Organisation(
        title: "TEAM2",
        summary: (fr: "Pôle de compétitivité", en: "Competitiveness cluster"),
        location: (region: "FRE12", place: "Lens"),
        short_name: "TEAM2",
        org_type: "cluster",
        website: "https://www.team2.fr",
        founded: "2009",
        review: (status: reviewed, checked: "2026-11-28"),
    )"#,
    ),
    (
        "good-practices/battery.ron",
        r#"GoodPractice(
        title: (fr: "Régénération de batteries | *plomb*", en: "Battery regeneration | *lead*"),
        summary: (fr: "Des batteries régénérées à Béthune", en: "Batteries regenerated in Béthune"),
        description: (fr: "Un atelier à Béthune.", en: "A workshop in Béthune."),
        location: (region: "FRE12", place: "Béthune"),
        main_institution: "team2",
        materials: ["lead"],
        themes: ["E5"],
        stages: ["recycling-recovery"],
        tags: ["plomb", "lead"],
        project: "RAW4RES",
        timescale: (start: "2024", status: ongoing),
        resources_needed: (fr: "Un hangar de 2 000 m².", en: "A 2,000 m² shed."),
        related: ["visit-battery"],
        sources: [(title: "Le Moniteur", url: "https://www.lemoniteur.fr/article", date: "2024-01")],
        review: (status: to_complete, checked: "2026-11-28", note: (fr: "Volumes à vérifier.", en: "Volumes to check.")),
    )"#,
    ),
    (
        "site-visits/visit-battery.ron",
        r#"SiteVisit(
        title: (fr: "Visite de l'atelier", en: "Visit to the workshop"),
        summary: (fr: "La délégation à Béthune", en: "The delegation in Béthune"),
        location: (region: "FRE", place: "Hauts-de-France"),
        host: "team2",
        start: "2025-07-29",
        end: "2025-07-29",
        programme: "tour-lille",
        seen: (fr: "Des batteries.", en: "Batteries."),
        review: (status: draft, checked: "2026-11-28"),
    )"#,
    ),
    (
        "events/day.ron",
        r#"Event(
        title: (fr: "Journée aimants", en: "Magnet day"),
        summary: (fr: "Une journée à Paris", en: "A day in Paris"),
        organisers: ["team2"],
        start: "2025-11-07",
        venue: "Paris",
        participants: 80,
        review: (status: reviewed, checked: "2026-11-28"),
    )"#,
    ),
    (
        "tours/tour-lille.ron",
        r#"Tour(
        title: (fr: "Parcours à Lille", en: "Tour in Lille"),
        summary: (fr: "Deux étapes", en: "Two stops"),
        organisers: ["team2"],
        start: "2025-07-29",
        end: "2025-07-30",
        stops: [
            (entry: "battery", note: (fr: "Ouvrir sur l'atelier.", en: "Open with the workshop.")),
            (entry: "visit-battery"),
        ],
        review: (status: reviewed, checked: "2026-11-28"),
    )"#,
    ),
];

/// The files, written under `dir`.
pub fn write(dir: &std::path::Path) {
    for (relative, text) in FILES {
        let path = dir.join(relative);
        std::fs::create_dir_all(path.parent().expect("a folder")).expect("folder written");
        std::fs::write(path, text).expect("file written");
    }
}

/// The catalogue, loaded without a problem.
pub fn catalogue() -> Catalogue {
    let dir = tempfile::tempdir().expect("temp dir");
    write(dir.path());
    let loaded = load(&CatalogueSource::Folders(vec![dir.path().to_path_buf()]));
    assert_eq!(
        loaded.errors(),
        0,
        "{:?}",
        loaded.diagnostics.iter().map(|d| d.one_line(crate::text::Lang::En)).collect::<Vec<_>>()
    );
    loaded.catalogue
}
