//! The query engine's behaviour on small catalogues built in code.

use crate::common;

use boucle::model::{Catalogue, Kind, ReviewStatus};
use boucle::query::{Engine, Facet, Filters, Indexed, Partial, Query, Results};
use boucle::text::Lang;
use common::{Spec, brute_count, brute_results, catalogue};

fn sample() -> Catalogue {
    catalogue(vec![
        Spec::practice("bethune-heritage", "Béthune-Bruay : un territoire minier en reconversion")
            .summaries(
                "Le bassin minier mise sur son patrimoine et ses friches reconverties.",
                "The mining basin builds on its heritage and reclaimed brownfields.",
            )
            .region("FRE12")
            .place("Béthune")
            .orgs(&["team2"])
            .materials(&["lead"])
            .themes(&["S3", "E5"])
            .stages(&["post-mining"])
            .tags(&["après-mine", "patrimoine"])
            .years(2017, Some(2019)),
        Spec::practice("magnets-recycling", "Recyclage des aimants permanents")
            .titles("Recyclage des Aimants permanents", "Recycling permanent magnets")
            .summary("Récupérer le néodyme et le praséodyme des moteurs en fin de vie.")
            .region("FRE11")
            .materials(&["neodymium", "praseodymium"])
            .themes(&["E5"])
            .stages(&["recycling-recovery"])
            .status(ReviewStatus::Draft)
            .years(2025, None),
        Spec::new("rare-earths-day", Kind::Event, "Journée terres rares et aimants")
            .summary("Une journée sur la filière des terres rares, à Paris.")
            .region("FR1")
            .materials(&["rare-earths-magnets"])
            .themes(&["E1"])
            .orgs(&["team2"])
            .years(2025, None),
        Spec::new("kozani-visit", Kind::SiteVisit, "Visite à Kozani : béton et cendres volantes")
            .summary("La délégation visite une centrale en reconversion.")
            .region("EL53")
            .materials(&["zinc"])
            .themes(&["G1"])
            .status(ReviewStatus::ToComplete)
            .years(2024, None),
        Spec::practice("scattered", "Terres agricoles et métaux rares")
            .summary("Des terres et des métaux : rares sont les sites qui recyclent.")
            .region("EL64")
            .materials(&["plastics"])
            .years(2023, None),
        Spec::new("team2", Kind::Organisation, "Pôle TEAM2")
            .short_name("TEAM2")
            .summary("Pôle de compétitivité de l'économie circulaire, à Lens.")
            .region("FRE12")
            .years(2009, None),
    ])
}

fn search(cat: &Catalogue, text: &str, filters: &Filters) -> Results {
    Engine::new(cat).search(cat, &Query::parse(text), filters, Lang::Fr, 100)
}

fn ids(cat: &Catalogue, results: &Results) -> Vec<String> {
    results.hits.iter().map(|h| cat.entries()[h.entry].id.to_string()).collect()
}

fn sorted_ids(cat: &Catalogue, results: &Results) -> Vec<String> {
    let mut v = ids(cat, results);
    v.sort();
    v
}

fn value(engine: &Engine, cat: &Catalogue, facet: Facet, text: &str) -> usize {
    engine.resolve_value(cat, facet, text).unwrap()[0]
}

#[test]
fn folding_finds_accented_and_capitalised_words() {
    let cat = sample();
    assert_eq!(ids(&cat, &search(&cat, "bethune", &Filters::default())), ["bethune-heritage"]);
    assert_eq!(ids(&cat, &search(&cat, "aimant", &Filters::default()))[0], "magnets-recycling");
    assert_eq!(ids(&cat, &search(&cat, "BETON", &Filters::default())), ["kozani-visit"]);
    // The practice writes it; the day is tagged with neodymium's group, whose member's name
    // is a word of the day's (names are words, as filters see them).
    assert_eq!(ids(&cat, &search(&cat, "néodyme", &Filters::default())), ["magnets-recycling", "rare-earths-day"]);
}

#[test]
fn prefixes_match_while_typing() {
    let cat = sample();
    let r = search(&cat, "recyc", &Filters::default());
    // recyclage (title), recycling (English title), recyclent (summary).
    assert_eq!(sorted_ids(&cat, &r), ["magnets-recycling", "scattered"]);
    assert_eq!(ids(&cat, &r)[0], "magnets-recycling", "a title match ranks above a summary match");
}

#[test]
fn one_typo_is_tolerated_in_long_words_only() {
    let cat = sample();
    assert_eq!(ids(&cat, &search(&cat, "bethnue", &Filters::default())), ["bethune-heritage"]);
    assert_eq!(ids(&cat, &search(&cat, "patrimione", &Filters::default())), ["bethune-heritage"]);
    assert!(search(&cat, "bton", &Filters::default()).hits.is_empty(), "4 letters: no typo allowed");
    assert!(search(&cat, "bxthxne", &Filters::default()).hits.is_empty(), "two typos");
}

#[test]
fn all_words_first_and_the_phrase_above_scattered_words() {
    let cat = sample();
    let r = search(&cat, "terres rares", &Filters::default());
    let order = ids(&cat, &r);
    assert_eq!(order[0], "rare-earths-day", "adjacent phrase in the title");
    assert_eq!(order[1], "scattered", "both words, scattered");
    // And, below a title, in the name of the magnets' group, to which its neodymium belongs.
    assert_eq!(order[2], "magnets-recycling");
    assert_eq!((r.total, r.partial), (3, None), "only the entries having both words");
    // No entry has both: those with one of them are shown, and the results say so.
    let r = search(&cat, "aimants reconversion", &Filters::default());
    assert_eq!(r.partial, Some(Partial { have: 1, of: 2, elsewhere: false }));
    assert!(r.total >= 3);
    assert!(r.hits.iter().all(|h| h.words == 1));
}

#[test]
fn a_region_ticked_where_no_entry_has_every_word_shows_those_with_the_most_there() {
    // Only the Kozani visit has both words; ticking Pas-de-Calais must not empty the list:
    // Béthune-Bruay there has one of them, and the results say so.
    let cat = sample();
    let engine = Engine::new(&cat);
    let query = Query::parse("kozani reconversion");
    let r = engine.search(&cat, &query, &Filters::default(), Lang::Fr, 100);
    assert_eq!((ids(&cat, &r), r.partial), (vec!["kozani-visit".to_string()], None));
    let mut filters = Filters::default();
    filters.select(Facet::Region, value_of(&engine, &cat, Facet::Region, "FRE12"));
    let r = engine.search(&cat, &query, &filters, Lang::Fr, 100);
    assert_eq!(ids(&cat, &r), ["bethune-heritage"]);
    // The catalogue has an entry with both words, outside the selection: the line says so.
    assert_eq!(r.partial, Some(Partial { have: 1, of: 2, elsewhere: true }));
    let said = boucle::i18n::partial_words(r.total, 1, 2, true);
    assert_eq!(said.get(Lang::En), "No entry in this selection has every word; 1 has 1 of 2 words");
    // The counts say what ticking another region too would show: Greece's entry, with both,
    // and only it — not every Greek entry having one of the words.
    let greece = value_of(&engine, &cat, Facet::Region, "EL53");
    assert_eq!(r.facet_counts.count(Facet::Region, greece), 1);
    let mut ticked = filters.clone();
    ticked.select(Facet::Region, greece);
    let shown = engine.search(&cat, &query, &ticked, Lang::Fr, 100);
    assert_eq!(ids(&cat, &shown), ["kozani-visit"]);
}

#[test]
fn organisations_and_places_are_searched_and_weighted_below_titles() {
    let cat = sample();
    let r = search(&cat, "team2", &Filters::default());
    let order = ids(&cat, &r);
    assert_eq!(order[0], "team2", "the organisation's own title first");
    assert_eq!(sorted_ids(&cat, &r), ["bethune-heritage", "rare-earths-day", "team2"]);
    // Region labels, parents included: Hauts-de-France is the parent of Pas-de-Calais and Nord.
    let r = search(&cat, "hauts de france", &Filters::default());
    assert_eq!((r.total, r.partial), (3, None), "`de` is a stop word: every entry has it");
    let mut with_all = ids(&cat, &r);
    with_all.sort();
    assert_eq!(with_all, ["bethune-heritage", "magnets-recycling", "team2"]);
    // Greek labels fold too.
    let r = search(&cat, "μακεδονια", &Filters::default());
    assert_eq!(ids(&cat, &r), ["kozani-visit"]);
}

/// French plurals of the kinds, as a French user types them, are taken as their singulars
/// (the trial's `kind:visites-de-sites` matched nothing).
#[test]
fn french_plurals_of_kinds_are_taken_as_the_singulars() {
    let cat = sample();
    for plural in ["kind:visites-de-sites", "kind:visites-de-site", "kind:Visites"] {
        assert_eq!(sorted_ids(&cat, &search(&cat, plural, &Filters::default())), ["kozani-visit"], "{plural}");
    }
    let practices = sorted_ids(&cat, &search(&cat, "kind:practice", &Filters::default()));
    assert!(!practices.is_empty());
    for plural in ["kind:bonnes-pratiques", "kind:pratiques"] {
        assert_eq!(sorted_ids(&cat, &search(&cat, plural, &Filters::default())), practices, "{plural}");
    }
    let events = sorted_ids(&cat, &search(&cat, "kind:event", &Filters::default()));
    assert_eq!(sorted_ids(&cat, &search(&cat, "kind:événements", &Filters::default())), events);
}

#[test]
fn field_filters_in_the_query_box() {
    let cat = sample();
    assert_eq!(sorted_ids(&cat, &search(&cat, "region:FRE12", &Filters::default())), ["bethune-heritage", "team2"]);
    assert_eq!(
        sorted_ids(&cat, &search(&cat, "region:FRE", &Filters::default())),
        ["bethune-heritage", "magnets-recycling", "team2"]
    );
    assert_eq!(
        sorted_ids(&cat, &search(&cat, "mat:nd", &Filters::default())),
        ["magnets-recycling", "rare-earths-day"],
        "by chemical symbol, any case; the day is tagged with neodymium's group, so it is about it too"
    );
    assert_eq!(
        sorted_ids(&cat, &search(&cat, "mat:rare-earths-magnets", &Filters::default())),
        ["magnets-recycling", "rare-earths-day"],
        "a group includes its elements"
    );
    assert_eq!(
        sorted_ids(&cat, &search(&cat, "theme:E", &Filters::default())),
        ["bethune-heritage", "magnets-recycling", "rare-earths-day"]
    );
    assert_eq!(sorted_ids(&cat, &search(&cat, "kind:visit", &Filters::default())), ["kozani-visit"]);
    // The kinds' French names too, as materials' French names are accepted.
    for french in ["kind:visite", "kind:Visites"] {
        assert_eq!(sorted_ids(&cat, &search(&cat, french, &Filters::default())), ["kozani-visit"], "{french}");
    }
    assert_eq!(
        sorted_ids(&cat, &search(&cat, "kind:événement", &Filters::default())),
        sorted_ids(&cat, &search(&cat, "kind:event", &Filters::default()))
    );
    assert_eq!(sorted_ids(&cat, &search(&cat, "year:2018", &Filters::default())), ["bethune-heritage"]);
    assert_eq!(
        sorted_ids(&cat, &search(&cat, "year:2024..2025", &Filters::default())),
        ["kozani-visit", "magnets-recycling", "rare-earths-day"]
    );
    assert_eq!(sorted_ids(&cat, &search(&cat, "status:draft", &Filters::default())), ["magnets-recycling"]);
    assert_eq!(sorted_ids(&cat, &search(&cat, "stage:post-mining", &Filters::default())), ["bethune-heritage"]);
    assert_eq!(
        sorted_ids(&cat, &search(&cat, "org:team2", &Filters::default())),
        ["bethune-heritage", "rare-earths-day", "team2"]
    );
    // OR within a field, AND across fields, with words.
    assert_eq!(sorted_ids(&cat, &search(&cat, "region:FRE12,EL53 mat:zn", &Filters::default())), ["kozani-visit"]);
    assert_eq!(ids(&cat, &search(&cat, "visite region:EL", &Filters::default())), ["kozani-visit"]);
    // Unknown fields and values are reported, not fatal.
    let q = Query::parse("colour:red region:XX");
    assert_eq!(q.errors.len(), 1);
    let engine = Engine::new(&cat);
    let r = engine.search(&cat, &q, &Filters::default(), Lang::Fr, 10);
    assert_eq!(r.unknown_values, [(Facet::Region, "XX".to_string())]);
    assert_eq!(r.total, cat.len());
}

#[test]
fn exclusions() {
    let cat = sample();
    assert_eq!(sorted_ids(&cat, &search(&cat, "reconversion -kozani", &Filters::default())), ["bethune-heritage"]);
    // The magnets' practice is tagged with neodymium, one of the "Terres rares pour aimants":
    // a name's words exclude as any word does.
    assert_eq!(
        sorted_ids(&cat, &search(&cat, "-terres -kind:organisation", &Filters::default())),
        ["bethune-heritage", "kozani-visit"]
    );
    assert_eq!(search(&cat, "-region:FR", &Filters::default()).total, 2);
}

#[test]
fn each_facet_filters_and_parents_include_children() {
    let cat = sample();
    let engine = Engine::new(&cat);
    let check = |facet: Facet, value: &str, expected: &[&str]| {
        let mut filters = Filters::default();
        filters.select(facet, value_of(&engine, &cat, facet, value));
        let r = engine.search(&cat, &Query::default(), &filters, Lang::En, 100);
        assert_eq!(sorted_ids(&cat, &r), expected, "{facet:?} = {value}");
        assert_eq!(
            r.hits.iter().map(|h| h.entry).collect::<std::collections::BTreeSet<_>>(),
            brute_results(&cat, &Query::default(), &filters)
        );
    };
    check(Facet::Region, "FRE", &["bethune-heritage", "magnets-recycling", "team2"]);
    check(Facet::Region, "FRE11", &["magnets-recycling"]);
    check(Facet::Region, "EL", &["kozani-visit", "scattered"]);
    check(Facet::Material, "rare-earths-magnets", &["magnets-recycling", "rare-earths-day"]);
    // A member finds the entries tagged with its group too.
    check(Facet::Material, "pr", &["magnets-recycling", "rare-earths-day"]);
    check(Facet::Theme, "E", &["bethune-heritage", "magnets-recycling", "rare-earths-day"]);
    check(Facet::Theme, "S3", &["bethune-heritage"]);
    check(Facet::Kind, "event", &["rare-earths-day"]);
    check(Facet::Stage, "recycling-recovery", &["magnets-recycling"]);
    check(Facet::Organisation, "team2", &["bethune-heritage", "rare-earths-day", "team2"]);
    check(Facet::Year, "2025", &["magnets-recycling", "rare-earths-day"]);
    check(Facet::Status, "to-complete", &["kozani-visit"]);

    // OR within a facet, AND across.
    let mut filters = Filters::default();
    filters.select(Facet::Region, value_of(&engine, &cat, Facet::Region, "FRE12"));
    filters.select(Facet::Region, value_of(&engine, &cat, Facet::Region, "EL53"));
    let r = engine.search(&cat, &Query::default(), &filters, Lang::En, 100);
    assert_eq!(sorted_ids(&cat, &r), ["bethune-heritage", "kozani-visit", "team2"]);
    filters.select(Facet::Kind, value_of(&engine, &cat, Facet::Kind, "practice"));
    let r = engine.search(&cat, &Query::default(), &filters, Lang::En, 100);
    assert_eq!(sorted_ids(&cat, &r), ["bethune-heritage"]);
}

fn value_of(engine: &Engine, cat: &Catalogue, facet: Facet, text: &str) -> usize {
    value(engine, cat, facet, text)
}

#[test]
fn facet_counts_match_a_brute_force_count() {
    let cat = sample();
    let engine = Engine::new(&cat);
    let mut filters = Filters::default();
    filters.select(Facet::Region, value_of(&engine, &cat, Facet::Region, "FR"));
    filters.select(Facet::Theme, value_of(&engine, &cat, Facet::Theme, "E5"));
    for text in ["", "terres", "reconversion -kozani", "aimants mat:nd,zn", "region:EL"] {
        let query = Query::parse(text);
        let r = engine.search(&cat, &query, &filters, Lang::Fr, 3);
        assert_eq!(r.total, brute_results(&cat, &query, &filters).len(), "{text}");
        for facet in Facet::ALL {
            for v in 0..engine.value_count(facet) {
                assert_eq!(
                    r.facet_counts.count(facet, v),
                    brute_count(&cat, &query, &filters, facet, v),
                    "{text:?}: {facet:?} {}",
                    engine.value_id(&cat, facet, v)
                );
            }
        }
    }
    // A parent counts the entries under any descendant; the count ignores its own facet's
    // selection (France is selected, Greece still shows what selecting it would give).
    let r = engine.search(&cat, &Query::default(), &filters, Lang::Fr, 3);
    assert_eq!(r.facet_counts.count(Facet::Region, value_of(&engine, &cat, Facet::Region, "FRE")), 2);
    assert_eq!(r.facet_counts.count(Facet::Region, value_of(&engine, &cat, Facet::Region, "EL")), 0);
    assert_eq!(r.facet_counts.count(Facet::Theme, value_of(&engine, &cat, Facet::Theme, "E")), 3);
}

#[test]
fn highlights_are_byte_ranges_of_the_displayed_accented_text() {
    let cat = sample();
    let engine = Engine::new(&cat);
    let r = engine.search(&cat, &Query::parse("bethune reconv"), &Filters::default(), Lang::Fr, 5);
    let hit = &r.hits[0];
    let title = cat.entries()[hit.entry].title().get(Lang::Fr);
    let parts: Vec<&str> = hit.title_highlights.iter().map(|h| &title[h.clone()]).collect();
    assert_eq!(parts, ["Béthune", "reconv"]);
    let r = engine.search(&cat, &Query::parse("recup neody"), &Filters::default(), Lang::Fr, 5);
    let hit = &r.hits[0];
    let summary = cat.entries()[hit.entry].summary().get(Lang::Fr);
    let parts: Vec<&str> = hit.summary_highlights.iter().map(|h| &summary[h.clone()]).collect();
    assert_eq!(parts, ["Récup", "néody"]);
    // In English the displayed title differs, and so do the ranges.
    let r = engine.search(&cat, &Query::parse("recyc"), &Filters::default(), Lang::En, 5);
    let hit = &r.hits[0];
    let title = cat.entries()[hit.entry].title().get(Lang::En);
    assert_eq!(&title[hit.title_highlights[0].clone()], "Recyc");
    // A typo highlights the word it matched.
    let r = engine.search(&cat, &Query::parse("bethnue"), &Filters::default(), Lang::Fr, 5);
    let title = cat.entries()[r.hits[0].entry].title().get(Lang::Fr);
    assert!(title[r.hits[0].title_highlights[0].clone()].starts_with("Béth"));
}

#[test]
fn empty_query_lists_everything_in_catalogue_order() {
    let cat = sample();
    let r = search(&cat, "", &Filters::default());
    assert_eq!(r.total, cat.len());
    assert_eq!(r.hits.iter().map(|h| h.entry).collect::<Vec<_>>(), (0..cat.len()).collect::<Vec<_>>());
    let empty = Catalogue::default();
    let r = Engine::new(&empty).search(&empty, &Query::parse("x region:FR"), &Filters::default(), Lang::Fr, 10);
    assert_eq!(r.total, 0);
}

#[test]
fn value_names_and_labels() {
    let cat = sample();
    let engine = Engine::new(&cat);
    let nd = value_of(&engine, &cat, Facet::Material, "Nd");
    assert_eq!(engine.value_id(&cat, Facet::Material, nd), "neodymium");
    assert_eq!(engine.value_label(&cat, Facet::Material, nd, Lang::Fr), "Néodyme");
    assert_eq!(
        engine.resolve_value(&cat, Facet::Region, "hauts-de-france"),
        engine.resolve_value(&cat, Facet::Region, "FRE")
    );
    assert_eq!(engine.resolve_value(&cat, Facet::Organisation, "TEAM2").map(|v| v.len()), Some(1));
    assert_eq!(engine.years(), [2009, 2017, 2018, 2019, 2023, 2024, 2025]);
}

#[test]
fn indexed_answers_as_the_engine_with_its_own_catalogue() {
    let cat = sample();
    let engine = Engine::new(&cat);
    let indexed = Indexed::new(sample());
    assert_eq!(indexed.catalogue().len(), cat.len());
    assert_eq!(indexed.engine().dictionary_len(), engine.dictionary_len());
    let mut filters = Filters::default();
    filters.select(Facet::Region, value(&engine, &cat, Facet::Region, "FR"));
    for text in ["", "terres rares", "bethune -draft", "recyc mat:nd"] {
        let query = Query::parse(text);
        assert_eq!(
            indexed.search(&query, &filters, Lang::En, 10),
            engine.search(&cat, &query, &filters, Lang::En, 10),
            "{text}"
        );
    }
    for facet in Facet::ALL {
        for v in 0..engine.value_count(facet) {
            assert_eq!(indexed.value_id(facet, v), engine.value_id(&cat, facet, v));
            assert_eq!(indexed.value_label(facet, v, Lang::Fr), engine.value_label(&cat, facet, v, Lang::Fr));
        }
    }
    assert_eq!(
        indexed.resolve_value(Facet::Organisation, "TEAM2"),
        engine.resolve_value(&cat, Facet::Organisation, "TEAM2")
    );
}

/// The hostile tester's query: every word is required, so adding one narrows the results
/// instead of widening them, and the stop words between them change nothing.
#[test]
fn adding_a_word_narrows_and_stop_words_change_nothing() {
    let cat = sample();
    let widest = sorted_ids(&cat, &search(&cat, "aimants", &Filters::default()));
    assert_eq!(widest, ["magnets-recycling", "rare-earths-day"]);
    let narrower = search(&cat, "recyclage des aimants", &Filters::default());
    assert_eq!(ids(&cat, &narrower), ["magnets-recycling"]);
    assert_eq!(narrower.partial, None);
    let same = search(&cat, "recyclage aimants", &Filters::default());
    assert_eq!(ids(&cat, &same), ids(&cat, &narrower), "`des` is not needed");
    for query in ["recyc", "recyc aim", "recyc aim perm"] {
        let longer = sorted_ids(&cat, &search(&cat, &format!("{query} terres"), &Filters::default()));
        let shorter = sorted_ids(&cat, &search(&cat, query, &Filters::default()));
        assert!(longer.iter().all(|id| shorter.contains(id)), "{query}: {longer:?} ⊄ {shorter:?}");
    }
}

/// A query of stop words only still searches: `des` alone finds the entries having it.
#[test]
fn a_stop_word_alone_still_searches() {
    let cat = sample();
    let r = search(&cat, "des", &Filters::default());
    let found = sorted_ids(&cat, &r);
    for id in ["magnets-recycling", "rare-earths-day", "scattered"] {
        assert!(found.contains(&id.to_string()), "{id} says `des`: {found:?}");
    }
    assert!(!found.contains(&"team2".to_string()), "it says neither `des` nor a word starting so");
    assert_eq!(r.partial, None);
    let r = search(&cat, "the", &Filters::default());
    assert_eq!(sorted_ids(&cat, &r), ["bethune-heritage"], "its English summary");
}

/// No entry has every word: those with the most are shown, and the results say how many
/// words they have, in each language.
#[test]
fn without_an_entry_having_every_word_the_closest_are_shown_and_said() {
    let cat = sample();
    let r = search(&cat, "béton aimants reconversion", &Filters::default());
    assert_eq!(r.partial, Some(Partial { have: 2, of: 3, elsewhere: false }));
    assert_eq!(ids(&cat, &r), ["kozani-visit"], "béton and reconversion");
    let said = boucle::i18n::partial_words(r.total, 2, 3, false);
    assert_eq!(said.get(Lang::En), "No entry has every word; 1 has 2 of 3 words");
    assert_eq!(said.get(Lang::Fr), "Aucune fiche n’a tous les mots ; 1 en a 2 sur 3");
    // A value's count is what ticking it shows: zinc, the entry shown; neodymium, whose
    // entries have one word of three, those entries — not 0 because none has two.
    let engine = Engine::new(&cat);
    let zinc = value(&engine, &cat, Facet::Material, "zinc");
    let neodymium = value(&engine, &cat, Facet::Material, "neodymium");
    assert_eq!(r.facet_counts.count(Facet::Material, zinc), 1);
    let query = Query::parse("béton aimants reconversion");
    let mut ticked = Filters::default();
    ticked.select(Facet::Material, neodymium);
    let shown = engine.search(&cat, &query, &ticked, Lang::Fr, 100);
    assert_eq!(shown.partial.map(|p| p.have), Some(1));
    assert!(shown.total > 0);
    assert_eq!(r.facet_counts.count(Facet::Material, neodymium), shown.total as u32);
}
