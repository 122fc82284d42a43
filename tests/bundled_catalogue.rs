//! The catalogue shipped in the binary: real, sourced, bilingual, and clean. The one test file
//! that reads it: every other test runs on catalogues of its own or on the frozen fixture of
//! `tests/fixtures/catalogue`.

use boucle::load::{CatalogueSource, load};
use boucle::model::{Details, Kind};

#[test]
fn loads_without_any_problem() {
    let loaded = load(&CatalogueSource::Bundled);
    let problems: Vec<String> = loaded.diagnostics.iter().map(|d| d.one_line()).collect();
    assert_eq!(problems, Vec::<String>::new());
}

#[test]
fn has_the_promised_breadth() {
    let loaded = load(&CatalogueSource::Bundled);
    let count = |kinds: &[Kind]| loaded.catalogue.entries().iter().filter(|e| kinds.contains(&e.kind)).count();
    assert!(count(&[Kind::GoodPractice, Kind::SiteVisit, Kind::Event]) >= 20);
    assert!(count(&[Kind::Organisation]) >= 15);
    assert!(count(&[Kind::Tour]) >= 1);
}

#[test]
fn every_entry_is_bilingual_and_sourced() {
    let loaded = load(&CatalogueSource::Bundled);
    for entry in loaded.catalogue.entries() {
        assert!(entry.title().has_both_languages(), "{}: title needs fr and en", entry.file);
        assert!(entry.summary().has_both_languages(), "{}: summary needs fr and en", entry.file);
        assert!(!entry.common.sources.is_empty(), "{}: needs at least one source", entry.file);
        if let Some(description) = &entry.common.description {
            assert!(description.has_both_languages(), "{}: description needs fr and en", entry.file);
        }
    }
}

#[test]
fn every_vocabulary_id_used_is_known() {
    let loaded = load(&CatalogueSource::Bundled);
    let vocabularies = &loaded.catalogue.vocabularies;
    for entry in loaded.catalogue.entries() {
        let common = &entry.common;
        let known = |ids: &[boucle::model::Id], vocabulary: &boucle::model::Vocabulary| {
            ids.iter().all(|id| vocabulary.index_of(id.as_str()).is_some())
        };
        assert!(known(&common.materials, &vocabularies.materials), "{}", entry.file);
        assert!(known(&common.themes, &vocabularies.themes), "{}", entry.file);
        assert!(known(&common.stages, &vocabularies.stages), "{}", entry.file);
        if let Some(location) = &common.location {
            assert!(vocabularies.regions.index_of(location.region.as_str()).is_some(), "{}", entry.file);
        }
        if let Details::Organisation(organisation) = &entry.details {
            assert!(
                vocabularies
                    .organisation_types
                    .index_of(organisation.org_type.as_ref().expect("every organisation has a type").as_str())
                    .is_some()
            );
        }
    }
}

#[test]
fn vocabularies_follow_their_regulations() {
    let loaded = load(&CatalogueSource::Bundled);
    let materials = &loaded.catalogue.vocabularies.materials;
    // Regulation (EU) 2024/1252: 34 critical raw materials (Annex II), 17 of them strategic (Annex I).
    let annex_ii = [
        "antimony",
        "arsenic",
        "bauxite-alumina-aluminium",
        "baryte",
        "beryllium",
        "bismuth",
        "boron",
        "cobalt",
        "coking-coal",
        "copper",
        "feldspar",
        "fluorspar",
        "gallium",
        "germanium",
        "hafnium",
        "helium",
        "heavy-rare-earths",
        "light-rare-earths",
        "lithium",
        "magnesium",
        "manganese",
        "graphite",
        "nickel",
        "niobium",
        "phosphate-rock",
        "phosphorus",
        "platinum-group-metals",
        "scandium",
        "silicon-metal",
        "strontium",
        "tantalum",
        "titanium-metal",
        "tungsten",
        "vanadium",
    ];
    assert_eq!(annex_ii.len(), 34);
    for id in annex_ii {
        assert!(materials.get(id).is_some_and(|m| m.critical), "{id} is critical");
    }
    let neodymium = materials.index_of("Nd").expect("symbols find materials");
    let magnets = materials.index_of("rare-earths-magnets").unwrap();
    assert!(materials.with_descendants(magnets).contains(&neodymium));
    assert!(materials.term(magnets).strategic);
    let themes = &loaded.catalogue.vocabularies.themes;
    for id in ["E1", "E2", "E3", "E4", "E5", "S1", "S2", "S3", "S4", "G1"] {
        assert!(themes.get(id).is_some(), "ESRS {id}");
    }
    let regions = &loaded.catalogue.vocabularies.regions;
    let hauts_de_france = regions.index_of("FRE").unwrap();
    assert!(regions.with_descendants(hauts_de_france).contains(&regions.index_of("FRE12").unwrap()));
    assert!(regions.terms().iter().all(|r| r.coordinates.is_some()), "every region can be placed on the map");
}

#[test]
fn boucle_check_without_a_folder_checks_it_and_finds_it_clean() {
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_boucle"))
        .arg("check")
        .env_remove("BOUCLE_CATALOGUE")
        .env("NO_COLOR", "1")
        .output()
        .expect("run boucle");
    let text = String::from_utf8_lossy(&output.stdout);
    assert_eq!(output.status.code(), Some(0), "{text}");
    let summary = text.lines().last().unwrap();
    assert!(summary.starts_with("checked ") && summary.ends_with("— no problems"), "{summary}");
    assert!(summary.contains("of the bundled catalogue"), "{summary}");
}
