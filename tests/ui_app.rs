//! The dashboard's state, driven by the same actions the keys produce: what a user would see
//! change when they search, filter, open entries, follow links and switch language.
//!
//! Searches run inline (`App::new(.., false)`), so every action's outcome is there at once.

use std::sync::{Arc, OnceLock};

use boucle::load::{CatalogueSource, load};
use boucle::model::{Catalogue, Kind};
use boucle::query::{Facet, fold};
use boucle::text::Lang;
use boucle::ui::app::FacetRow;
use boucle::ui::{Action, App, Options, Pane, update};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

fn catalogue() -> Arc<Catalogue> {
    static CATALOGUE: OnceLock<Arc<Catalogue>> = OnceLock::new();
    CATALOGUE
        .get_or_init(|| {
            let loaded = load(&CatalogueSource::Bundled);
            assert!(loaded.diagnostics.is_empty(), "the bundled catalogue loads cleanly");
            Arc::new(loaded.catalogue)
        })
        .clone()
}

fn app_with(options: Options) -> App {
    let mut app = App::new(catalogue(), Vec::new(), options, false);
    update(&mut app, Action::Resize { width: 80, height: 24 });
    app
}

fn app() -> App {
    app_with(Options::default())
}

fn send(app: &mut App, actions: &[Action]) {
    for &action in actions {
        update(app, action);
    }
}

/// `/` then the text, as typed, without leaving the box.
fn type_query(app: &mut App, text: &str) {
    update(app, Action::FocusSearch);
    for c in text.chars() {
        update(app, Action::SearchInsert(c));
    }
}

fn entry_id(app: &App, index: usize) -> String {
    app.catalogue.entries()[index].id.to_string()
}

fn result_ids(app: &App) -> Vec<String> {
    app.results.hits.iter().map(|h| entry_id(app, h.entry)).collect()
}

fn selected_id(app: &App) -> Option<String> {
    app.selected.map(|e| entry_id(app, e))
}

fn shown_id(app: &App) -> Option<String> {
    app.shown_entry().map(|e| entry_id(app, e))
}

fn titles_with(lang: Lang, word: &str) -> Vec<String> {
    let word = fold(word);
    let mut ids: Vec<String> = catalogue()
        .entries()
        .iter()
        .filter(|e| fold(e.title().get(lang)).contains(&word))
        .map(|e| e.id.to_string())
        .collect();
    ids.sort();
    ids
}

/// Puts the facet cursor on the value `id` of `facet`, moving with ↓ from the top as a user
/// would; unfolds parents on the way when the value is nested.
fn facet_cursor_to(app: &mut App, facet: Facet, id: &str) {
    update(app, Action::Focus(Pane::Facets));
    update(app, Action::Home);
    let wanted_value = (0..app.engine.value_count(facet))
        .find(|&v| app.engine.value_id(&app.catalogue, facet, v) == id)
        .unwrap_or_else(|| panic!("{facet:?} has a value {id}"));
    let ancestors: Vec<usize> = match facet.vocabulary() {
        Some(kind) => {
            let mut chain = app.catalogue.vocabularies.get(kind).with_ancestors(wanted_value);
            chain.retain(|&v| v != wanted_value);
            chain
        }
        None => Vec::new(),
    };
    let mut steps = 0;
    loop {
        match app.facet_rows()[app.facet_cursor] {
            FacetRow::Value { facet: f, value, .. } if f == facet && value == wanted_value => return,
            FacetRow::Value { facet: f, value, open: false, has_children: true, .. }
                if f == facet && ancestors.contains(&value) =>
            {
                update(app, Action::Expand);
            }
            FacetRow::Header { facet: f, open: false } if f == facet => update(app, Action::Expand),
            _ => {}
        }
        let before = app.facet_cursor;
        update(app, Action::Down);
        steps += 1;
        assert!(app.facet_cursor != before && steps < 500, "{id} of {facet:?} not reachable in the filters pane");
    }
}

fn facet_value(app: &App, facet: Facet, id: &str) -> usize {
    (0..app.engine.value_count(facet)).find(|&v| app.engine.value_id(&app.catalogue, facet, v) == id).unwrap()
}

fn count_beside(app: &App, facet: Facet, id: &str) -> u32 {
    app.results.facet_counts.count(facet, facet_value(app, facet, id))
}

/// The screen as text, to check what the user reads.
fn screen(app: &App) -> String {
    let mut terminal = Terminal::new(TestBackend::new(app.width, app.height)).unwrap();
    terminal.draw(|f| boucle::ui::view::draw(f, app)).unwrap();
    let buffer = terminal.backend().buffer().clone();
    let mut out = String::new();
    for y in 0..buffer.area.height {
        for x in 0..buffer.area.width {
            out.push_str(buffer[(x, y)].symbol());
        }
        out.push('\n');
    }
    out
}

// --- Search ---------------------------------------------------------------------------

#[test]
fn typing_bethune_puts_the_entries_titled_bethune_first_with_the_match_highlighted() {
    let mut app = app();
    let everything = app.results.total;
    assert_eq!(everything, catalogue().len(), "nothing typed, nothing filtered: every entry");
    type_query(&mut app, "bethune");
    assert!(app.search.editing);
    assert_eq!(app.search.text, "bethune");
    assert!(app.results.total < everything, "typing narrowed the results");

    let titled = titles_with(Lang::En, "béthune");
    assert!(titled.len() >= 3, "the catalogue has several entries titled Béthune: {titled:?}");
    let mut first: Vec<String> = result_ids(&app)[..titled.len()].to_vec();
    first.sort();
    assert_eq!(first, titled, "the entries whose title says Béthune come first");
    for hit in &app.results.hits[..titled.len()] {
        let title = app.catalogue.entries()[hit.entry].title().get(Lang::En);
        let marked: Vec<&str> = hit.title_highlights.iter().map(|r| &title[r.clone()]).collect();
        assert_eq!(marked, ["Béthune"], "in {title:?}");
    }
}

#[test]
fn the_french_titles_are_searched_and_highlighted_in_french() {
    let mut app = app_with(Options { lang: Lang::Fr, ..Options::default() });
    type_query(&mut app, "bethune");
    let titled = titles_with(Lang::Fr, "béthune");
    let mut first: Vec<String> = result_ids(&app)[..titled.len()].to_vec();
    first.sort();
    assert_eq!(first, titled);
    for hit in &app.results.hits[..titled.len()] {
        let title = app.catalogue.entries()[hit.entry].title().get(Lang::Fr);
        let marked: Vec<&str> = hit.title_highlights.iter().map(|r| &title[r.clone()]).collect();
        assert_eq!(marked, ["Béthune"], "in {title:?}");
    }
}

#[test]
fn every_keystroke_updates_the_results() {
    let mut app = app();
    let mut totals = Vec::new();
    update(&mut app, Action::FocusSearch);
    for c in "bethune".chars() {
        update(&mut app, Action::SearchInsert(c));
        totals.push(app.results.total);
    }
    assert!(totals.windows(2).any(|w| w[0] != w[1]), "the count follows the typing: {totals:?}");
    assert_eq!(*totals.last().unwrap(), app.results.total);
    update(&mut app, Action::SearchBackspace);
    assert_eq!(app.search.text, "bethun");
    assert_eq!(app.results.total, totals[5], "backspace searches again");
    send(&mut app, &[Action::SearchClear]);
    assert_eq!(app.results.total, catalogue().len(), "an emptied box shows everything again");
}

#[test]
fn esc_leaves_the_box_and_restores_the_query_it_had() {
    let mut app = app();
    // A fresh query abandoned with Esc: back to everything.
    type_query(&mut app, "bethune");
    update(&mut app, Action::SearchCancel);
    assert!(!app.search.editing);
    assert_eq!(app.search.text, "");
    assert_eq!(app.results.total, catalogue().len());

    // A kept query, edited and abandoned: the kept one comes back, with its results.
    type_query(&mut app, "bethune");
    update(&mut app, Action::SearchSubmit);
    let kept = result_ids(&app);
    type_query(&mut app, " zinc");
    assert_eq!(app.search.text, "bethune zinc");
    assert_ne!(result_ids(&app), kept, "the edit changed the results");
    update(&mut app, Action::SearchCancel);
    assert_eq!(app.search.text, "bethune");
    assert_eq!(result_ids(&app), kept);
}

#[test]
fn enter_keeps_the_query_and_moves_to_the_results() {
    let mut app = app();
    update(&mut app, Action::Focus(Pane::Facets));
    type_query(&mut app, "zinc");
    let found = result_ids(&app);
    update(&mut app, Action::SearchSubmit);
    assert!(!app.search.editing);
    assert_eq!(app.focus, Pane::Results);
    assert_eq!(app.search.text, "zinc");
    assert_eq!(result_ids(&app), found);
    // Now the results keys work on them.
    let first = selected_id(&app);
    update(&mut app, Action::Down);
    assert_ne!(selected_id(&app), first, "↓ moves in the results, not in the box");
    assert_eq!(app.search.text, "zinc");
}

#[test]
fn up_and_down_walk_the_search_history() {
    let mut app = app();
    for query in ["bethune", "zinc", "lens"] {
        update(&mut app, Action::FocusSearch);
        update(&mut app, Action::SearchClear);
        type_query(&mut app, query);
        update(&mut app, Action::SearchSubmit);
    }
    update(&mut app, Action::ClearFilters);
    assert_eq!(app.search.text, "");
    update(&mut app, Action::FocusSearch);
    let mut seen = Vec::new();
    for _ in 0..4 {
        update(&mut app, Action::SearchHistoryPrev);
        seen.push(app.search.text.clone());
    }
    assert_eq!(seen, ["lens", "zinc", "bethune", "bethune"], "↑ goes back, and stops at the oldest");
    let zinc_results = {
        let mut other = self::app();
        type_query(&mut other, "zinc");
        result_ids(&other)
    };
    update(&mut app, Action::SearchHistoryNext);
    assert_eq!(app.search.text, "zinc");
    assert_eq!(result_ids(&app), zinc_results, "a recalled query is searched");
    update(&mut app, Action::SearchHistoryNext);
    assert_eq!(app.search.text, "lens");
    update(&mut app, Action::SearchHistoryNext);
    assert_eq!(app.search.text, "", "↓ past the newest gives back what was being typed");
    assert_eq!(app.results.total, catalogue().len());
}

#[test]
fn a_query_submitted_twice_is_remembered_once() {
    let mut app = app();
    for query in ["zinc", "lens", "zinc"] {
        update(&mut app, Action::FocusSearch);
        update(&mut app, Action::SearchClear);
        type_query(&mut app, query);
        update(&mut app, Action::SearchSubmit);
    }
    assert_eq!(app.search.history, ["lens", "zinc"]);
}

#[test]
fn letters_typed_in_the_box_are_not_commands() {
    use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
    let key = |code| Event::Key(KeyEvent::new(code, KeyModifiers::NONE));
    let mut app = app();
    for event in [key(KeyCode::Char('/')), key(KeyCode::Char('q')), key(KeyCode::Char('c')), key(KeyCode::Char('?'))] {
        for action in boucle::ui::action_for_event(&app, &event) {
            update(&mut app, action);
        }
    }
    assert_eq!(app.search.text, "qc?");
    assert!(!app.should_quit);
    assert_eq!(app.help_scroll, None);
    let ctrl_c = Event::Key(KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL));
    for action in boucle::ui::action_for_event(&app, &ctrl_c) {
        update(&mut app, action);
    }
    assert!(app.should_quit, "Ctrl-C quits even from the search box");
}

// --- Facets ---------------------------------------------------------------------------

#[test]
fn ticking_a_kind_keeps_only_that_kind_and_recounts_the_other_facets() {
    let mut app = app();
    let coal_before = count_beside(&app, Facet::Material, "coal");
    let visits_before = count_beside(&app, Facet::Kind, "visit");
    facet_cursor_to(&mut app, Facet::Kind, "visit");
    update(&mut app, Action::ToggleValue);
    assert!(!app.results.hits.is_empty());
    assert!(app.results.hits.iter().all(|h| app.kind_of(h.entry) == Kind::SiteVisit), "{:?}", result_ids(&app));
    assert_eq!(app.results.total, visits_before as usize, "the count beside the value was the count it gives");
    assert_eq!(app.active_filters().len(), 1);

    // Beside every other facet's values: how many of these results have them.
    let visits: Vec<usize> = app.results.hits.iter().map(|h| h.entry).collect();
    let coal = app.catalogue.vocabularies.materials.index_of("coal").unwrap();
    let coal_visits = visits
        .iter()
        .filter(|&&e| app.catalogue.entries()[e].common.materials.iter().any(|m| m.as_str() == "coal"))
        .count();
    assert_eq!(app.results.facet_counts.count(Facet::Material, coal) as usize, coal_visits);
    assert!(count_beside(&app, Facet::Material, "coal") < coal_before);
    // Values of the ticked facet keep their own counts, to switch or add to the choice.
    assert!(count_beside(&app, Facet::Kind, "practice") > 0);

    // Ticking it again removes the filter.
    facet_cursor_to(&mut app, Facet::Kind, "visit");
    update(&mut app, Action::ToggleValue);
    assert!(app.active_filters().is_empty());
    assert_eq!(app.results.total, catalogue().len());
}

#[test]
fn a_parent_region_includes_its_sub_regions() {
    let mut app = app();
    let expected: Vec<String> = {
        let regions = &catalogue().vocabularies.regions;
        let fre = regions.index_of("FRE").unwrap();
        let mut ids: Vec<String> = catalogue()
            .entries()
            .iter()
            .filter(|e| {
                e.common.location.as_ref().is_some_and(|l| {
                    regions.with_ancestors(regions.index_of(l.region.as_str()).unwrap()).contains(&fre)
                })
            })
            .map(|e| e.id.to_string())
            .collect();
        ids.sort();
        ids
    };
    let in_fre12 = catalogue()
        .entries()
        .iter()
        .filter(|e| e.common.location.as_ref().is_some_and(|l| l.region.as_str() == "FRE12"))
        .count();
    assert!(in_fre12 >= 5, "the catalogue places entries in FRE12 itself");

    let shown_count = count_beside(&app, Facet::Region, "FRE");
    facet_cursor_to(&mut app, Facet::Region, "FRE");
    update(&mut app, Action::ToggleValue);
    let mut got = result_ids(&app);
    got.sort();
    assert!(got.contains(&"bringback-lead-acid-battery-regeneration".to_string()), "located in FRE12");
    assert!(!got.contains(&"western-macedonia-lignite-phase-out".to_string()), "located in Greece");
    assert_eq!(got, expected);
    assert_eq!(shown_count as usize, got.len(), "the count shown beside FRE was right");
    assert_eq!(app.equivalent_command(), "boucle --region FRE");
}

#[test]
fn values_of_two_facets_combine_and_c_clears_everything() {
    let mut app = app();
    facet_cursor_to(&mut app, Facet::Region, "FRE12");
    update(&mut app, Action::ToggleValue);
    let in_fre12 = app.results.total;
    facet_cursor_to(&mut app, Facet::Material, "batteries");
    update(&mut app, Action::ToggleValue);
    assert!(app.results.total < in_fre12, "a second facet narrows further");
    assert!(app.results.total > 0);
    type_query(&mut app, "visit");
    update(&mut app, Action::SearchSubmit);
    assert_eq!(app.active_filters().len(), 2);

    update(&mut app, Action::ClearFilters);
    assert!(app.active_filters().is_empty());
    assert!(app.filters.is_empty());
    assert_eq!(app.search.text, "");
    assert_eq!(app.results.total, catalogue().len());
    assert_eq!(app.equivalent_command(), "boucle");
}

#[test]
fn backspace_removes_the_last_filter_ticked() {
    let mut app = app();
    facet_cursor_to(&mut app, Facet::Region, "FRE");
    update(&mut app, Action::ToggleValue);
    let fre_only = result_ids(&app);
    facet_cursor_to(&mut app, Facet::Kind, "visit");
    update(&mut app, Action::ToggleValue);
    update(&mut app, Action::RemoveLastFilter);
    let labels: Vec<String> = app.active_filters().into_iter().map(|(_, _, l)| l).collect();
    assert_eq!(labels, ["region:FRE"]);
    assert_eq!(result_ids(&app), fre_only);
}

#[test]
fn folding_a_region_hides_its_children_and_left_goes_back_to_the_parent() {
    let mut app = app();
    facet_cursor_to(&mut app, Facet::Region, "FRE12");
    let fre12_row = app.facet_cursor;
    update(&mut app, Action::Collapse);
    assert!(app.facet_cursor < fre12_row, "← on a leaf goes to its parent");
    match app.facet_rows()[app.facet_cursor] {
        FacetRow::Value { facet, value, open, .. } => {
            assert_eq!(app.engine.value_id(&app.catalogue, facet, value), "FRE1");
            assert!(!open, "and folds it");
        }
        row => panic!("cursor on {row:?}"),
    }
    let fre12 = facet_value(&app, Facet::Region, "FRE12");
    assert!(
        !app.facet_rows()
            .iter()
            .any(|r| matches!(r, FacetRow::Value { facet: Facet::Region, value, .. } if *value == fre12))
    );
}

// --- Selection ------------------------------------------------------------------------

#[test]
fn typing_a_query_selects_its_best_result() {
    let mut app = app();
    // Select an entry well down the unfiltered list.
    let target = "bethune-bruay-mining-heritage";
    while selected_id(&app).as_deref() != Some(target) {
        let before = app.selected;
        update(&mut app, Action::Down);
        assert_ne!(app.selected, before, "{target} is in the list");
    }
    // A new query is a new list, as in fzf: its best result is selected and shown at the top,
    // even when the entry selected before still matches.
    type_query(&mut app, "mining");
    assert!(result_ids(&app).contains(&target.to_string()));
    assert_eq!(app.selected_position(), Some(0));
    assert_eq!(app.results_offset, 0);
    update(&mut app, Action::SearchSubmit);
    assert_eq!(app.selected_position(), Some(0));

    // A query that matches nothing selects nothing; one that matches selects its first.
    type_query(&mut app, " -heritage -bethune");
    assert!(!result_ids(&app).contains(&target.to_string()));
    assert_eq!(app.selected_position(), Some(0), "the selection is the best of the results");
}

#[test]
fn the_selection_survives_a_filter_that_keeps_it() {
    let mut app = app();
    let target = "zinc-loop-befesa-nyrstar-recytech";
    update(&mut app, Action::End);
    while selected_id(&app).as_deref() != Some(target) {
        let before = app.selected;
        update(&mut app, Action::Up);
        assert_ne!(app.selected, before, "{target} is in the list");
    }
    let position_before = app.selected_position();
    facet_cursor_to(&mut app, Facet::Material, "zinc");
    update(&mut app, Action::ToggleValue);
    assert_eq!(selected_id(&app).as_deref(), Some(target));
    assert_ne!(app.selected_position(), position_before);
}

#[test]
fn results_keys_move_by_one_by_page_and_to_the_ends() {
    let mut app = app();
    assert_eq!(app.selected_position(), Some(0));
    update(&mut app, Action::PageDown);
    let page = app.results_page();
    assert_eq!(app.selected_position(), Some(page));
    update(&mut app, Action::End);
    assert_eq!(app.selected_position(), Some(app.results.hits.len() - 1));
    update(&mut app, Action::Down);
    assert_eq!(app.selected_position(), Some(app.results.hits.len() - 1), "stays on the last");
    assert!(app.results_offset + page > app.selected_position().unwrap(), "the last is in view");
    update(&mut app, Action::Home);
    assert_eq!(app.selected_position(), Some(0));
    assert_eq!(app.results_offset, 0);
}

// --- Detail ---------------------------------------------------------------------------

fn select(app: &mut App, id: &str) {
    update(app, Action::Focus(Pane::Results));
    update(app, Action::Home);
    while selected_id(app).as_deref() != Some(id) {
        let before = app.selected;
        update(app, Action::Down);
        assert_ne!(app.selected, before, "{id} is in the list");
    }
}

#[test]
fn following_related_entries_and_coming_back_restores_entry_and_scroll() {
    let mut app = app();
    let start = "bethune-bruay-mining-heritage";
    select(&mut app, start);
    update(&mut app, Action::Open);
    assert_eq!(app.focus, Pane::Detail);
    assert_eq!(shown_id(&app).as_deref(), Some(start));
    assert!(screen(&app).contains("Béthune-Bruay: a former coal-mining area"), "the entry has the screen");

    // Read a little, then pick the second related entry.
    send(&mut app, &[Action::Down, Action::Down, Action::NextLink, Action::NextLink]);
    assert_eq!(app.detail_link, Some(1));
    let (scroll, link) = (app.detail_scroll, app.detail_link);
    let target = app.links()[1];
    let target_title: String = app.catalogue.entries()[target].title().get(Lang::En).chars().take(30).collect();
    assert!(screen(&app).contains(&format!("▶ {target_title}")), "the chosen link is on screen, marked");
    update(&mut app, Action::Open);
    assert_eq!(app.shown_entry(), Some(target));
    assert_eq!(app.detail_scroll, 0, "a followed entry opens at its top");
    assert_eq!(app.detail_link, None);
    assert_eq!(selected_id(&app).as_deref(), Some(start), "the results selection is unchanged");

    // One more level, scrolled.
    send(&mut app, &[Action::Down, Action::NextLink]);
    let (scroll2, link2) = (app.detail_scroll, app.detail_link);
    let third = app.links()[0];
    update(&mut app, Action::Open);
    assert_eq!(app.shown_entry(), Some(third));

    update(&mut app, Action::Back);
    assert_eq!(app.shown_entry(), Some(target));
    assert_eq!((app.detail_scroll, app.detail_link), (scroll2, link2));
    update(&mut app, Action::Back);
    assert_eq!(shown_id(&app).as_deref(), Some(start));
    assert_eq!((app.detail_scroll, app.detail_link), (scroll, link), "back where it was read");
    assert_eq!(app.focus, Pane::Detail);
    update(&mut app, Action::Back);
    assert_eq!(app.focus, Pane::Results, "back from the first entry returns to the results");
    assert_eq!(selected_id(&app).as_deref(), Some(start));
    assert!(app.trail.is_empty());
}

#[test]
fn the_entry_pane_scrolls_within_its_text() {
    let mut app = app();
    select(&mut app, "raw4res-peer-review-lille-2025");
    update(&mut app, Action::Open);
    update(&mut app, Action::End);
    let bottom = app.detail_scroll;
    assert!(bottom > 0, "a long entry scrolls");
    update(&mut app, Action::Down);
    assert_eq!(app.detail_scroll, bottom, "not past its end");
    assert!(screen(&app).contains("Review"), "the end of the entry is shown");
    update(&mut app, Action::PageUp);
    assert!(app.detail_scroll < bottom);
    update(&mut app, Action::Home);
    assert_eq!(app.detail_scroll, 0);
}

#[test]
fn next_link_wraps_around_and_brings_the_link_into_view() {
    let mut app = app();
    select(&mut app, "raw4res-peer-review-lille-2025");
    update(&mut app, Action::Open);
    let count = app.links().len();
    assert!(count > 10);
    update(&mut app, Action::PrevLink);
    assert_eq!(app.detail_link, Some(count - 1), "backwards from nothing: the last");
    assert!(app.detail_scroll > 0, "scrolled to show the last link");
    let title: String =
        app.catalogue.entries()[app.links()[count - 1]].title().get(Lang::En).chars().take(20).collect();
    assert!(screen(&app).contains(&format!("▶ {title}")), "the chosen link is on screen");
    update(&mut app, Action::NextLink);
    assert_eq!(app.detail_link, Some(0));
}

// --- Language, size, command, quit ---------------------------------------------------

#[test]
fn switching_language_switches_the_interface_and_the_titles() {
    let mut app = app();
    let first = app.results.hits[0].entry;
    let catalogue = catalogue();
    let entry = &catalogue.entries()[first];
    let (en, fr) = (entry.title().get(Lang::En).to_string(), entry.title().get(Lang::Fr).to_string());
    assert_ne!(en, fr);
    let fits = |t: &str| t.chars().take(30).collect::<String>();
    assert!(screen(&app).contains(&fits(&en)));
    assert!(screen(&app).contains("Results"));

    update(&mut app, Action::SwitchLanguage);
    assert_eq!(app.lang, Lang::Fr);
    let french = screen(&app);
    assert!(french.contains(&fits(&fr)), "{french}");
    assert!(!french.contains(&fits(&en)));
    assert!(!french.contains("Results"), "the interface speaks French too:\n{french}");
    assert_eq!(app.selected, Some(first), "the selection is kept");

    update(&mut app, Action::SwitchLanguage);
    assert_eq!(app.lang, Lang::En);
    assert!(screen(&app).contains(&fits(&en)));
}

#[test]
fn switching_language_moves_the_highlights_onto_the_other_title() {
    let mut app = app();
    type_query(&mut app, "bethune");
    update(&mut app, Action::SearchSubmit);
    update(&mut app, Action::SwitchLanguage);
    let highlighted: Vec<_> = app.results.hits.iter().filter(|h| !h.title_highlights.is_empty()).collect();
    assert!(!highlighted.is_empty());
    for hit in highlighted {
        let title = app.catalogue.entries()[hit.entry].title().get(Lang::Fr);
        for range in &hit.title_highlights {
            assert_eq!(title.get(range.clone()), Some("Béthune"), "in {title:?}");
        }
    }
}

#[test]
fn below_60_by_15_the_dashboard_says_it_is_too_small_and_comes_back() {
    let mut app = app();
    for (width, height, small) in
        [(80, 24, false), (60, 15, false), (59, 24, true), (80, 14, true), (20, 5, true), (200, 60, false)]
    {
        update(&mut app, Action::Resize { width, height });
        assert_eq!(app.too_small(), small, "{width}x{height}");
        let text = screen(&app);
        assert_eq!(text.contains("60×15"), small, "{width}x{height}:\n{text}");
    }
}

#[test]
fn resizing_keeps_the_selection_in_view() {
    let mut app = app();
    update(&mut app, Action::End);
    let last = app.selected_position().unwrap();
    update(&mut app, Action::Resize { width: 80, height: 16 });
    let page = app.results_page();
    assert!(
        app.results_offset <= last && last < app.results_offset + page,
        "offset {} page {page}",
        app.results_offset
    );
    let title: String = app.catalogue.entries()[app.selected.unwrap()].title().get(Lang::En).chars().take(8).collect();
    assert!(screen(&app).contains(&title), "{title} on screen");
}

/// Splits a POSIX shell line with single quotes, as `equivalent_command` writes them.
fn shell_words(line: &str) -> Vec<String> {
    let mut words = Vec::new();
    let mut word = String::new();
    let mut in_word = false;
    let mut chars = line.chars();
    while let Some(c) = chars.next() {
        match c {
            '\'' => {
                in_word = true;
                for q in chars.by_ref() {
                    if q == '\'' {
                        break;
                    }
                    word.push(q);
                }
            }
            '\\' => {
                in_word = true;
                word.extend(chars.next());
            }
            ' ' => {
                if in_word {
                    words.push(std::mem::take(&mut word));
                }
                in_word = false;
            }
            c => {
                in_word = true;
                word.push(c);
            }
        }
    }
    if in_word {
        words.push(word);
    }
    words
}

#[test]
fn the_equivalent_command_opens_the_same_view() {
    use clap::Parser;
    let mut app = app();
    facet_cursor_to(&mut app, Facet::Region, "FRE");
    update(&mut app, Action::ToggleValue);
    facet_cursor_to(&mut app, Facet::Material, "batteries");
    update(&mut app, Action::ToggleValue);
    type_query(&mut app, "lead's regeneration");
    update(&mut app, Action::SearchSubmit);
    let command = app.equivalent_command();
    assert_eq!(command, r"boucle --region FRE --material batteries --query 'lead'\''s regeneration'");

    update(&mut app, Action::ShowCommand);
    assert!(app.message.as_deref().is_some_and(|m| m.ends_with(&command)), "{:?}", app.message);
    assert!(screen(&app).contains("boucle --region FRE"), "shown on the status line");
    update(&mut app, Action::Down);
    assert_eq!(app.message, None, "the message goes with the next key");

    // The command, parsed as `boucle` parses it, opens the same results.
    let cli = boucle::cli::Cli::try_parse_from(shell_words(&command)).expect("the command parses");
    assert_eq!(cli.filters.query, "lead's regeneration");
    let reopened =
        app_with(Options { query: cli.filters.query.clone(), filters: cli.filters.selections(), ..Options::default() });
    assert_eq!(result_ids(&reopened), result_ids(&app));
    assert_eq!(reopened.active_filters(), app.active_filters());
    assert_eq!(reopened.message, None, "every value was understood");
}

#[test]
fn the_equivalent_command_keeps_the_language() {
    let mut app = app();
    update(&mut app, Action::SwitchLanguage);
    assert_eq!(app.equivalent_command(), "boucle --lang fr");
}

#[test]
fn options_from_the_command_line_open_on_that_view() {
    let app = app_with(Options {
        filters: vec![(Facet::Region, "FRE12".into()), (Facet::Kind, "visit".into())],
        ..Options::default()
    });
    assert!(app.results.total > 0);
    for hit in &app.results.hits {
        let entry = &app.catalogue.entries()[hit.entry];
        assert_eq!(entry.kind, Kind::SiteVisit);
        assert_eq!(entry.common.location.as_ref().unwrap().region.as_str(), "FRE12");
    }
    let unknown = app_with(Options { filters: vec![(Facet::Region, "ZZ9".into())], ..Options::default() });
    assert!(unknown.message.as_deref().is_some_and(|m| m.contains("region:ZZ9")), "{:?}", unknown.message);
}

#[test]
fn help_opens_scrolls_and_closes_without_touching_the_rest() {
    let mut app = app();
    let selected = app.selected;
    update(&mut app, Action::ToggleHelp);
    assert_eq!(app.help_scroll, Some(0));
    assert!(screen(&app).contains("Keys"));
    send(&mut app, &[Action::Down, Action::Down, Action::ToggleValue, Action::Open]);
    assert_eq!(app.help_scroll, Some(2), "↓ scrolls the help");
    assert_eq!(app.selected, selected, "keys go to the help, not to the results under it");
    assert!(app.filters.is_empty());
    update(&mut app, Action::ToggleHelp);
    assert_eq!(app.help_scroll, None);
    assert!(!screen(&app).contains("Keys"));
}

#[test]
fn tab_cycles_the_panes() {
    let mut app = app();
    assert_eq!(app.focus, Pane::Results);
    let mut seen = Vec::new();
    for _ in 0..3 {
        update(&mut app, Action::FocusNext);
        seen.push(app.focus);
    }
    assert_eq!(seen, [Pane::Detail, Pane::Facets, Pane::Results]);
    update(&mut app, Action::FocusPrev);
    assert_eq!(app.focus, Pane::Facets);
}

#[test]
fn quit_ends_the_dashboard_even_from_help() {
    let mut app = app();
    assert!(!app.should_quit);
    update(&mut app, Action::Down);
    assert!(!app.should_quit);
    update(&mut app, Action::Quit);
    assert!(app.should_quit);

    let mut app = self::app();
    update(&mut app, Action::ToggleHelp);
    update(&mut app, Action::Quit);
    assert!(app.should_quit);
}

// --- Mouse ----------------------------------------------------------------------------

#[test]
fn a_click_selects_a_result_and_a_second_click_opens_it() {
    let mut app = app();
    let areas = boucle::ui::view::layout::areas(&app);
    // Each result takes two lines inside the border: the third result starts on line 5.
    let (column, row) = (areas.results.x + 5, areas.results.y + 1 + 2 * 2);
    update(&mut app, Action::ClickAt { column, row });
    assert_eq!(app.selected_position(), Some(2));
    assert_eq!(app.focus, Pane::Results);
    update(&mut app, Action::ClickAt { column, row: row + 1 });
    assert_eq!(app.focus, Pane::Detail, "clicking the selected entry opens it");
}

#[test]
fn the_wheel_scrolls_the_pane_under_the_pointer() {
    let mut app = app();
    let areas = boucle::ui::view::layout::areas(&app);
    update(&mut app, Action::ScrollAt { column: areas.facets.x + 2, row: areas.facets.y + 3, down: true });
    assert_eq!(app.focus, Pane::Facets);
    assert_eq!(app.facet_cursor, 3);
    assert_eq!(app.selected_position(), Some(0), "the results did not move");
    update(&mut app, Action::ScrollAt { column: areas.results.x + 2, row: areas.results.y + 3, down: true });
    assert_eq!(app.focus, Pane::Results);
    assert_eq!(app.selected_position(), Some(3));
}

#[test]
fn clicking_a_filter_chip_removes_that_filter() {
    let mut app = app();
    facet_cursor_to(&mut app, Facet::Region, "FRE");
    update(&mut app, Action::ToggleValue);
    facet_cursor_to(&mut app, Facet::Kind, "visit");
    update(&mut app, Action::ToggleValue);
    let text = screen(&app);
    let status = text.lines().last().unwrap();
    let chip = status.find("region:FRE").expect("the chip is on the status line");
    let column = status[..chip].chars().count() as u16;
    let row = app.height - 1;
    update(&mut app, Action::ClickAt { column, row });
    let labels: Vec<String> = app.active_filters().into_iter().map(|(_, _, l)| l).collect();
    assert_eq!(labels, ["kind:visit"]);
}

#[test]
fn help_scrolls_back_at_once_after_going_past_the_end() {
    let mut app = app();
    update(&mut app, Action::ToggleHelp);
    for _ in 0..20 {
        update(&mut app, Action::PageDown);
    }
    let at_end = screen(&app);
    update(&mut app, Action::Up);
    assert_ne!(screen(&app), at_end, "one ↑ at the end of the help scrolls it up one line");
}

// --- Bugs found and fixed: the cursor and the selection after the results change ---------------

#[test]
fn the_facet_cursor_stays_on_the_value_it_ticked() {
    let mut app = app();
    facet_cursor_to(&mut app, Facet::Kind, "visit");
    let visit = facet_value(&app, Facet::Kind, "visit");
    update(&mut app, Action::ToggleValue);
    let row = app.facet_rows()[app.facet_cursor];
    assert!(
        matches!(row, FacetRow::Value { facet: Facet::Kind, value, .. } if value == visit),
        "Space again would act on {row:?}, not on the value just ticked"
    );
    update(&mut app, Action::ToggleValue);
    assert!(app.filters.is_empty(), "Space twice on a value leaves it unticked");
}

#[test]
fn typing_a_query_from_the_start_shows_the_best_results() {
    let mut app = app();
    type_query(&mut app, "bethune");
    let best = app.results.hits[0].entry;
    assert_eq!(app.results_offset, 0, "the list shows its top (selected: position {:?})", app.selected_position());
    let title: String = app.catalogue.entries()[best].title().get(Lang::En).chars().take(20).collect();
    assert!(screen(&app).contains(&title), "the best result, {title:?}, is on screen");
}
