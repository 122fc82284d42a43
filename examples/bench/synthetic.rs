//! A synthetic catalogue for benchmarks only: `n` entries shaped like the bundled ones (French
//! and English text with accents, bilingual titles, facets valid against the bundled
//! vocabularies), written as a catalogue folder. Never written under `practices/`.

use std::fmt::Write as _;
use std::path::Path;

use boucle::load::{CatalogueSource, bundled_files, load};
use boucle::model::Vocabulary;

/// A small deterministic generator (SplitMix64).
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed)
    }

    pub fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }

    pub fn range(&mut self, lo: usize, hi: usize) -> usize {
        lo + self.below(hi - lo + 1)
    }

    pub fn chance(&mut self, percent: usize) -> bool {
        self.below(100) < percent
    }

    /// Zipf-like: small indices are much more frequent, as words in real text.
    pub fn zipf(&mut self, n: usize) -> usize {
        let u = (self.next() >> 11) as f64 / (1u64 << 53) as f64;
        ((n as f64).powf(u) - 1.0) as usize % n.max(1)
    }
}

const FR: &[&str] = &[
    "recyclage",
    "économie",
    "circulaire",
    "terres",
    "rares",
    "aimants",
    "permanents",
    "néodyme",
    "béton",
    "friche",
    "minière",
    "bassin",
    "Béthune",
    "réemploi",
    "démantèlement",
    "batterie",
    "batteries",
    "plomb",
    "zinc",
    "valorisation",
    "déchets",
    "matériaux",
    "matières",
    "premières",
    "critiques",
    "stratégiques",
    "filière",
    "région",
    "Hauts-de-France",
    "territoire",
    "entreprise",
    "pôle",
    "compétitivité",
    "innovation",
    "procédé",
    "chimique",
    "séparation",
    "métaux",
    "récupération",
    "collecte",
    "tri",
    "électronique",
    "cartes",
    "véhicules",
    "électriques",
    "reconversion",
    "patrimoine",
    "après-mine",
    "sédiments",
    "cendres",
    "plastiques",
    "textiles",
    "verre",
    "évaluation",
    "cycle",
    "vie",
    "énergie",
    "sécurité",
    "incendie",
    "formulations",
    "essais",
    "ignifugées",
    "délégation",
    "visite",
    "journée",
    "partenaires",
    "réseau",
    "européen",
    "projet",
    "données",
    "impact",
];
const EN: &[&str] = &[
    "recycling",
    "circular",
    "economy",
    "rare",
    "earths",
    "permanent",
    "magnets",
    "neodymium",
    "concrete",
    "brownfield",
    "mining",
    "basin",
    "reuse",
    "dismantling",
    "battery",
    "batteries",
    "lead",
    "zinc",
    "recovery",
    "waste",
    "materials",
    "raw",
    "critical",
    "strategic",
    "value",
    "chain",
    "region",
    "company",
    "cluster",
    "innovation",
    "process",
    "chemical",
    "separation",
    "metals",
    "collection",
    "sorting",
    "electronic",
    "boards",
    "vehicles",
    "electric",
    "heritage",
    "sediments",
    "ashes",
    "plastics",
    "textiles",
    "glass",
    "assessment",
    "life",
    "cycle",
    "energy",
    "fire",
    "safety",
    "testing",
    "delegation",
    "visit",
    "day",
    "partners",
    "network",
    "European",
    "project",
    "data",
    "impact",
    "regeneration",
    "smelting",
    "leaching",
    "hydrometallurgy",
];
const GLUE_FR: &[&str] = &["de", "la", "le", "des", "et", "du", "pour", "une", "un", "à", "en", "sur", "les"];
const GLUE_EN: &[&str] = &["the", "of", "and", "for", "a", "in", "to", "on", "with", "from"];
const SYLLABLES: &[&str] = &[
    "ré", "ca", "mé", "to", "lu", "ri", "vé", "no", "pa", "sè", "di", "gra", "phi", "tè", "lo", "mi", "ère", "an",
    "on", "ti", "que", "al", "ur", "ge", "ço", "ni", "um", "ol", "ès", "ta",
];

/// The words text is drawn from: real domain words first (most frequent), then made-up ones
/// that give the dictionary a realistic size.
pub struct Words {
    fr: Vec<String>,
    en: Vec<String>,
}

impl Words {
    pub fn new(rng: &mut Rng, extra: usize) -> Words {
        let mut fr: Vec<String> = FR.iter().map(|s| s.to_string()).collect();
        let mut en: Vec<String> = EN.iter().map(|s| s.to_string()).collect();
        for i in 0..extra {
            let mut w = String::new();
            for _ in 0..rng.range(2, 4) {
                w.push_str(SYLLABLES[rng.below(SYLLABLES.len())]);
            }
            if i % 2 == 0 { fr.push(w) } else { en.push(w) }
        }
        Words { fr, en }
    }

    /// A query someone could type: one or two words of one language, drawn as the entries'
    /// text draws them (the domain's words most often, then the rest of the vocabulary).
    // Only `serve_load --own-queries` types queries; the other examples include this file too.
    #[allow(dead_code)]
    pub fn query(&self, rng: &mut Rng) -> String {
        let pool = if rng.chance(50) { &self.fr } else { &self.en };
        let words: Vec<&str> = (0..rng.range(1, 2)).map(|_| pool[rng.zipf(pool.len())].as_str()).collect();
        words.join(" ")
    }

    fn sentence(&self, rng: &mut Rng, fr: bool, words: usize) -> String {
        let (pool, glue) = if fr { (&self.fr, GLUE_FR) } else { (&self.en, GLUE_EN) };
        let mut out = String::new();
        for i in 0..words {
            if i > 0 {
                out.push(' ');
            }
            let w: &str = if i % 3 == 1 { glue[rng.below(glue.len())] } else { &pool[rng.zipf(pool.len())] };
            if i == 0 {
                let mut c = w.chars();
                if let Some(first) = c.next() {
                    out.extend(first.to_uppercase());
                    out.push_str(c.as_str());
                }
            } else {
                out.push_str(w);
            }
        }
        out
    }
}

fn quote(s: &str) -> String {
    format!("\"{}\"", s.replace('\\', "\\\\").replace('"', "\\\""))
}

fn list(ids: &[String]) -> String {
    format!("[{}]", ids.iter().map(|i| quote(i)).collect::<Vec<_>>().join(", "))
}

fn pick(rng: &mut Rng, pool: &[String], lo: usize, hi: usize) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for _ in 0..rng.range(lo, hi) {
        let v = pool[rng.below(pool.len())].clone();
        if !out.contains(&v) {
            out.push(v);
        }
    }
    out
}

fn ids(v: &Vocabulary, leaves_only: bool) -> Vec<String> {
    (0..v.len()).filter(|&i| !leaves_only || v.children_of(i).is_empty()).map(|i| v.term(i).id.to_string()).collect()
}

/// Writes `n` entries (plus organisations and the bundled vocabularies) under `dir`, which
/// must not exist or be empty. Returns the bytes written.
pub fn write_catalogue(dir: &Path, n: usize, seed: u64) -> std::io::Result<u64> {
    let bundled = load(&CatalogueSource::Bundled).catalogue;
    let v = &bundled.vocabularies;
    let regions = ids(&v.regions, true);
    let materials = ids(&v.materials, false);
    let themes = ids(&v.themes, true);
    let stages = ids(&v.stages, false);
    let org_types = ids(&v.organisation_types, false);
    let mut rng = Rng::new(seed);
    let words = Words::new(&mut rng, 6000);
    let mut bytes = 0u64;
    for folder in ["vocabularies", "organisations", "good-practices", "site-visits", "events"] {
        std::fs::create_dir_all(dir.join(folder))?;
    }
    for file in bundled_files().into_iter().filter(|f| f.relative.starts_with("vocabularies/")) {
        let contents = file.read()?;
        bytes += contents.len() as u64;
        std::fs::write(dir.join(&file.relative), &contents)?;
    }
    let mut write = |relative: String, text: String| -> std::io::Result<()> {
        bytes += text.len() as u64;
        std::fs::write(dir.join(relative), text)
    };

    let org_count = (n / 40).max(5);
    let orgs: Vec<String> = (0..org_count).map(|i| format!("org-{i:06}")).collect();
    let bilingual = |rng: &mut Rng, lo: usize, hi: usize| -> String {
        let count = rng.range(lo, hi);
        format!(
            "(\n        fr: {},\n        en: {},\n    )",
            quote(&words.sentence(rng, true, count)),
            quote(&words.sentence(rng, false, count))
        )
    };
    for (i, id) in orgs.iter().enumerate() {
        let name_words = rng.range(1, 3);
        let name = words.sentence(&mut rng, i % 2 == 0, name_words);
        let short: String = name.split(' ').next().unwrap_or("X").chars().take(6).collect::<String>().to_uppercase();
        let summary = bilingual(&mut rng, 14, 24);
        let text = format!(
            "Organisation(\n    title: {},\n    short_name: {},\n    summary: {summary},\n    org_type: {},\n    \
             location: (region: {}, place: {}),\n    website: \"https://www.example.org/{id}\",\n    \
             founded: \"{}\",\n    sources: [(title: \"Annuaire\", url: \"https://www.example.org/directory\")],\n    review: (status: reviewed, checked: \"2025-11-28\"),\n)\n",
            quote(&name),
            quote(&short),
            quote(&org_types[rng.below(org_types.len())]),
            quote(&regions[rng.below(regions.len())]),
            quote(&words.sentence(&mut rng, true, 1)),
            rng.range(1950, 2024),
        );
        write(format!("organisations/{id}.ron"), text)?;
    }

    for i in 0..n {
        let kind = match rng.below(10) {
            0..=5 => "GoodPractice",
            6..=8 => "SiteVisit",
            _ => "Event",
        };
        let (folder, prefix) = match kind {
            "GoodPractice" => ("good-practices", "gp"),
            "SiteVisit" => ("site-visits", "visit"),
            _ => ("events", "event"),
        };
        let id = format!("{prefix}-{i:07}");
        let mut t = String::new();
        let _ = writeln!(t, "{kind}(");
        let _ = writeln!(t, "    title: {},", bilingual(&mut rng, 6, 10));
        if rng.chance(60) {
            let _ = writeln!(t, "    summary: {},", bilingual(&mut rng, 30, 44));
        } else {
            let fr = rng.chance(50);
            let count = rng.range(34, 46);
            let _ = writeln!(t, "    summary: {},", quote(&words.sentence(&mut rng, fr, count)));
        }
        if rng.chance(60) {
            let fr = rng.chance(50);
            let count = rng.range(30, 60);
            let _ = writeln!(t, "    description: {},", quote(&words.sentence(&mut rng, fr, count)));
        }
        let place = words.sentence(&mut rng, true, 1);
        let _ = writeln!(
            t,
            "    location: (region: {}, place: {}),",
            quote(&regions[rng.below(regions.len())]),
            quote(&place)
        );
        let _ = writeln!(t, "    organisations: {},", list(&pick(&mut rng, &orgs, 1, 3)));
        let _ = writeln!(t, "    materials: {},", list(&pick(&mut rng, &materials, 1, 4)));
        let _ = writeln!(t, "    themes: {},", list(&pick(&mut rng, &themes, 1, 3)));
        let _ = writeln!(t, "    stages: {},", list(&pick(&mut rng, &stages, 1, 2)));
        let tags: Vec<String> =
            (0..rng.range(2, 6)).map(|k| words.sentence(&mut rng, k % 2 == 0, 1).to_lowercase()).collect();
        let _ = writeln!(t, "    tags: {},", list(&tags));
        let _ = writeln!(
            t,
            "    sources: [(title: {}, url: \"https://www.example.org/sources/{id}\")],",
            quote(&words.sentence(&mut rng, true, 5))
        );
        let status = ["reviewed", "draft", "r#to-complete"][rng.below(3)];
        let _ = writeln!(t, "    review: (status: {status}, checked: \"2025-11-28\"),");
        let year = rng.range(2005, 2026);
        match kind {
            "GoodPractice" => {
                let _ = writeln!(t, "    main_institution: {},", quote(&orgs[rng.below(orgs.len())]));
                if rng.chance(70) {
                    let _ = writeln!(t, "    timescale: (start: \"{year}\", end: \"{}\"),", year + rng.range(0, 4));
                }
            }
            "SiteVisit" => {
                let _ = writeln!(t, "    host: {},", quote(&orgs[rng.below(orgs.len())]));
                let _ = writeln!(t, "    start: \"{year}-{:02}-{:02}\",", rng.range(1, 12), rng.range(1, 28));
            }
            _ => {
                let _ = writeln!(t, "    organisers: {},", list(&pick(&mut rng, &orgs, 1, 2)));
                let _ = writeln!(t, "    start: \"{year}-{:02}-{:02}\",", rng.range(1, 12), rng.range(1, 28));
                let _ = writeln!(t, "    venue: {},", quote(&words.sentence(&mut rng, true, 2)));
            }
        }
        t.push_str(")\n");
        write(format!("{folder}/{id}.ron"), t)?;
    }
    Ok(bytes)
}
