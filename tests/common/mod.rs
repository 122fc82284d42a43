//! Catalogue folders written at test time, so that each test shows the exact files it checks.
#![allow(dead_code)]

use std::path::Path;

use boucle::load::{CatalogueSource, Loaded, load};

/// Small vocabularies, enough for fixture entries.
pub const REGIONS: &str = r#"[
    (id: "FR", label: (fr: "France", en: "France"), coordinates: (46.6, 2.4)),
    (id: "FRE", parent: "FR", label: "Hauts-de-France", coordinates: (50.0, 2.8)),
    (id: "FRE1", parent: "FRE", label: "Nord-Pas de Calais"),
    (id: "FRE12", parent: "FRE1", label: "Pas-de-Calais"),
]"#;
pub const MATERIALS: &str = r#"[
    (id: "rare-earths-magnets", label: (fr: "Terres rares pour aimants", en: "Rare earths for magnets"), critical: true, strategic: true),
    (id: "neodymium", parent: "rare-earths-magnets", symbol: "Nd", label: (fr: "Néodyme", en: "Neodymium"), critical: true, strategic: true),
    (id: "lead", symbol: "Pb", label: (fr: "Plomb", en: "Lead")),
]"#;
pub const THEMES: &str = r#"[
    (id: "E", label: (fr: "Environnement", en: "Environment")),
    (id: "E5", parent: "E", label: (fr: "Utilisation des ressources et économie circulaire", en: "Resource use and circular economy")),
]"#;
pub const STAGES: &str = r#"[ (id: "recycling-recovery", label: (fr: "Recyclage", en: "Recycling")) ]"#;
pub const ORG_TYPES: &str = r#"[ (id: "cluster", label: (fr: "Pôle", en: "Cluster")), (id: "company", label: (fr: "Entreprise", en: "Company")) ]"#;

pub const ORGANISATION: &str = r#"Organisation(
    title: "TEAM2",
    summary: (fr: "Pôle de compétitivité", en: "Competitiveness cluster"),
    org_type: "cluster",
    sources: [(title: "TEAM2", url: "https://www.team2.fr")],
    review: (status: reviewed, checked: "2026-11-28"),
)
"#;

/// A valid good practice; tests replace one line of it to make one problem.
pub const PRACTICE: &str = r#"GoodPractice(
    title: (fr: "Régénération de batteries", en: "Battery regeneration"),
    summary: (fr: "Des batteries au plomb régénérées à Béthune", en: "Lead-acid batteries regenerated in Béthune"),
    location: (region: "FRE12", place: "Béthune"),
    main_institution: "team2",
    materials: ["lead"],
    themes: ["E5"],
    stages: ["recycling-recovery"],
    timescale: (start: "2024", status: ongoing),
    sources: [(title: "Le Moniteur", url: "https://www.lemoniteur.fr/article", date: "2024-01")],
    review: (status: reviewed, checked: "2026-11-28"),
)
"#;

pub struct Fixture {
    pub dir: tempfile::TempDir,
}

impl Fixture {
    /// A catalogue folder with the small vocabularies and one organisation, `team2`.
    pub fn new() -> Fixture {
        let fixture = Fixture { dir: tempfile::tempdir().expect("temp dir") };
        fixture
            .file("vocabularies/regions.ron", REGIONS)
            .file("vocabularies/materials.ron", MATERIALS)
            .file("vocabularies/themes.ron", THEMES)
            .file("vocabularies/stages.ron", STAGES)
            .file("vocabularies/organisation-types.ron", ORG_TYPES)
            .file("organisations/team2.ron", ORGANISATION);
        fixture
    }

    pub fn file(&self, relative: &str, text: &str) -> &Fixture {
        self.bytes(relative, text.as_bytes())
    }

    pub fn bytes(&self, relative: &str, bytes: &[u8]) -> &Fixture {
        let path = self.dir.path().join(relative);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, bytes).unwrap();
        self
    }

    pub fn path(&self) -> &Path {
        self.dir.path()
    }

    /// The name a diagnostic gives a file of this fixture.
    pub fn shown(&self, relative: &str) -> String {
        self.dir.path().join(relative).display().to_string()
    }

    pub fn load(&self) -> Loaded {
        load(&CatalogueSource::Folders(vec![self.dir.path().to_path_buf()]))
    }
}

/// The one-line forms of all diagnostics, with the fixture's folder cut off for readability.
pub fn problems(fixture: &Fixture, loaded: &Loaded) -> Vec<String> {
    let prefix = format!("{}/", fixture.path().display());
    loaded.diagnostics.iter().map(|d| d.one_line().replace(&prefix, "")).collect()
}
