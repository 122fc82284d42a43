//! The overview and its map (#22) on the fixture: the map opens fitted to the filter
//! (`--region FRE` on the Nord-Pas-de-Calais), a tour's stops are numbered on it, a material
//! group is one bar whose members never crowd out the other materials, and every count the
//! charts show is the number of results that have that value, for random filters.

use crate::common;
use crate::ui_facilitator::{app_at, each_size_and_theme};

use boucle::geo::Point;
use boucle::query::{Facet, Filters, Query};
use boucle::text::Lang;
use boucle::ui::theme::ThemeName;
use boucle::ui::view::Ctx;
use boucle::ui::view::overview::{charts, map, map_content};
use boucle::ui::{Action, App, Options, Screen};
use common::ui::{app_sized, press, screen, select};
use proptest::prelude::*;

const TOUR: &str = "peer-review-lille-2025";

/// What the overview's map shows of `app`'s results.
fn content_of(app: &App) -> map::MapContent {
    map_content(&Ctx::of(app), app.overview())
}

fn overview_of(options: Options, width: u16, height: u16) -> App {
    let mut app = app_sized(options, width, height);
    press(&mut app, Action::ShowScreen(Screen::Overview));
    app
}

fn region(id: &str) -> Options {
    Options { filters: vec![(Facet::Region, id.to_string())], ..Options::default() }
}

/// The map's part of the screen: the columns right of the charts (the map is the right half
/// at these sizes).
fn map_text(app: &App) -> String {
    let (width, _) = app.shared().size();
    screen(app)
        .lines()
        .map(|l| l.chars().skip(usize::from(width) * 45 / 100).collect::<String>())
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn region_fre_opens_the_map_on_the_nord_pas_de_calais_with_its_markers() {
    let app = overview_of(region("FRE"), 160, 48);
    let content = content_of(&app);
    let view = map::viewport(&content, 86, 45);
    let shown = view.bounds();
    // The Nord-Pas-de-Calais and its surroundings, not Europe: under three degrees of latitude,
    // Lille and the Pas-de-Calais inside.
    assert!(shown.north - shown.south < 3.0, "{shown:?}");
    for (lat, lon) in [(50.63, 3.06), (50.49, 2.29)] {
        assert!(shown.contains(Point::new(lat, lon)), "{lat}, {lon} not in {shown:?}");
    }
    assert!(!shown.contains(Point::new(48.86, 2.35)), "Paris is out of view: {shown:?}");
    let text = map_text(&app);
    assert!(text.contains("Béthune") && text.contains("Pas-de-Calais"), "the markers and their names:\n{text}");
    // Without the filter, the map holds Paris and Kozani: a far wider view.
    let all = overview_of(Options::default(), 160, 48);
    let wide = map::viewport(&content_of(&all), 86, 45).bounds();
    assert!(wide.north - wide.south > 8.0 && wide.contains(Point::new(40.3, 21.8)), "{wide:?}");
}

#[test]
fn plus_zooms_in_and_minus_out_from_the_fit() {
    let mut app = overview_of(region("FRE"), 160, 48);
    let span = |app: &App| {
        let b = map::viewport(&content_of(app), 86, 45).bounds();
        b.north - b.south
    };
    let fitted = span(&app);
    press(&mut app, Action::ZoomIn);
    assert!(span(&app) < fitted * 0.7, "{} then {}", fitted, span(&app));
    press(&mut app, Action::ZoomOut);
    press(&mut app, Action::ZoomOut);
    assert!(span(&app) > fitted * 1.4);
}

#[test]
fn a_tours_stops_are_numbered_on_the_map() {
    let mut app = app_at(ThemeName::Dark, 160, 48);
    select(&mut app, TOUR);
    press(&mut app, Action::ShowScreen(Screen::Overview));
    let content = content_of(&app);
    let tour = content.tour.as_ref().expect("the selected tour is drawn");
    assert_eq!(tour.stops.len(), 4);
    assert!(tour.stops.iter().all(Option::is_some), "each stop has a place: {tour:?}");
    let text = map_text(&app);
    // Béthune's visit is the first stop; the Pas-de-Calais mining sites the third, Kozani the fourth.
    for stop in [" 1 ", " 2 ", " 3 ", " 4 "] {
        assert!(text.contains(stop), "stop{stop}on the map:\n{text}");
    }
    assert!(text.contains("the tour's route"), "{text}");
}

#[test]
fn overview_with_a_tour_selected() {
    each_size_and_theme("overview_tour", |theme, w, h| {
        let mut app = app_at(theme, w, h);
        select(&mut app, TOUR);
        press(&mut app, Action::ShowScreen(Screen::Overview));
        app
    });
}

#[test]
fn overview_of_region_fre() {
    each_size_and_theme("overview_region_fre", |theme, w, h| {
        let options = Options { theme, ..region("FRE") };
        overview_of(options, w, h)
    });
}

/// The fixture's rare earths for magnets (with neodymium, praseodymium and dysprosium) are one
/// row; every material with results still has its own, at 80x24 too.
#[test]
fn a_groups_members_never_crowd_out_the_other_materials() {
    for (width, height) in [(80, 24), (160, 48)] {
        let app = overview_of(Options::default(), width, height);
        let text = screen(&app);
        let charts: Vec<&str> = text.lines().map(|l| l.split('│').next().unwrap_or(l)).collect();
        for member in ["Neodymium", "Praseodymium", "Dysprosium"] {
            assert!(!charts.iter().any(|l| l.contains(member)), "{member} at {width}x{height}:\n{text}");
        }
        let rows = charts.iter().filter(|l| l.contains('█')).count();
        assert!(rows >= 4, "{text}");
        if width >= 160 {
            for material in ["Coal and lignite", "Batteries", "Lead", "Rare earths for permanent magnets", "Zinc"] {
                assert!(charts.iter().any(|l| l.contains(material) && l.contains('█')), "{material}:\n{text}");
            }
        }
    }
}

fn count_of(app: &App, query: &Query, filters: &Filters, facet: Facet, value: usize) -> usize {
    // Results that have the value: the results, intersected with what the value alone selects.
    let indexed = app.shared().indexed();
    let results = indexed.search(query, filters, Lang::En, usize::MAX);
    let mut alone = Filters::default();
    alone.select(facet, value);
    let with: std::collections::HashSet<usize> =
        indexed.search(&Query::parse(""), &alone, Lang::En, usize::MAX).hits.iter().map(|h| h.entry).collect();
    results.hits.iter().filter(|h| with.contains(&h.entry)).count()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    /// Whatever the filters and words, each bar of each chart counts exactly the results that
    /// have its value (a material group counting the entries about any of its members).
    #[test]
    fn every_count_in_the_overview_is_the_results_with_that_value(
        picks in proptest::collection::vec((0usize..5, 0usize..64), 0..4),
        word in prop_oneof![Just(""), Just("batteries"), Just("mine"), Just("zinc"), Just("kozani")],
    ) {
        let indexed = common::ui::indexed();
        let facets = [Facet::Material, Facet::Theme, Facet::Region, Facet::Stage, Facet::Kind];
        let mut chosen = Vec::new();
        for (f, v) in picks {
            let facet = facets[f];
            let values = indexed.engine().value_count(facet);
            if values > 0 {
                chosen.push((facet, indexed.value_id(facet, v % values)));
            }
        }
        let app = overview_of(Options { query: word.to_string(), filters: chosen, ..Options::default() }, 160, 48);
        let query = app.browse().query().clone();
        let filters = app.browse().filters().clone();
        let charted = [Facet::Material, Facet::Theme, Facet::Region, Facet::Stage, Facet::Year];
        // What the overview took when its results came, as the charts draw it.
        let counts: Vec<&[u32]> = charted.iter().map(|&f| app.overview().tally().counts(f)).collect();
        let vocabularies = &app.shared().catalogue().vocabularies;
        let everything: Vec<usize> = (0..vocabularies.materials.len()).collect();
        let all = 10_000;
        let drawn = [
            charts::materials(&vocabularies.materials, counts[0], &everything, Lang::En, all),
            charts::themes(&vocabularies.themes, counts[1], Lang::En, all),
            charts::regions(&vocabularies.regions, counts[2], Lang::En, all),
            charts::stages(&vocabularies.stages, counts[3], Lang::En, all),
            charts::years(app.shared().indexed().engine().years(), counts[4], Lang::En, all),
        ];
        for (chart, facet) in drawn.iter().zip(charted) {
            for row in &chart.rows {
                let Some(value) = row.value else { continue };
                // The region row for entries placed at a region itself counts only those.
                if row.label.contains("no finer place") {
                    continue;
                }
                prop_assert_eq!(row.count as usize, count_of(&app, &query, &filters, facet, value),
                    "{:?} {} ({}) with {:?}", facet, row.label, value, filters);
            }
        }
    }
}
