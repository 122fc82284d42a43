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
fn the_catalogue_covers_fifty_entries_from_five_countries() {
    let loaded = bundled();
    let regions = &loaded.catalogue.vocabularies.regions;
    let entries: Vec<&Entry> = loaded.catalogue.entries().iter().filter(|e| e.kind != Kind::Organisation).collect();
    assert!(entries.len() >= 50, "{} entries besides organisations", entries.len());
    let countries: BTreeSet<String> = entries
        .iter()
        .filter_map(|e| e.common.location.as_ref())
        .filter_map(|l| regions.index_of(l.region.as_str()))
        .map(|i| {
            let top = *regions.with_ancestors(i).iter().find(|&&r| regions.parent_of(r).is_none()).unwrap();
            regions.term(top).id.as_str().to_string()
        })
        .collect();
    assert!(countries.len() >= 5, "countries: {countries:?}");
    for country in ["FR", "EL", "ES", "RO", "SI", "DK"] {
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
