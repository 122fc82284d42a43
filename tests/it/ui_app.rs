//! The dashboard, driven by the same actions the keys produce, on the frozen fixture catalogue
//! (`tests/fixtures/catalogue`): what a user would see change when they search, filter, open
//! entries, follow links and switch language.
//!
//! Searches run inline, so every action's outcome is there at once. Every read of the app goes
//! through `common::ui`.

use crate::common;

use boucle::query::Facet;
use boucle::text::Lang;
use boucle::ui::{Action, Edit, Options, Pane};
use common::ui::*;
use ratatui::crossterm::event::{KeyCode, KeyModifiers};

/// The entries of the fixture whose titles say Béthune, in both languages.
const TITLED_BETHUNE: [&str; 3] =
    ["bethune-bruay-mining-heritage", "bethune-bruay-mining-sites-2025", "bringback-lead-acid-regeneration"];

/// Every entry of the fixture that mentions Béthune somewhere: a title, a summary, a place.
const MENTION_BETHUNE: [&str; 6] = [
    "bethune-bruay-mining-heritage",
    "bethune-bruay-mining-sites-2025",
    "bringback",
    "bringback-lead-acid-regeneration",
    "bringback-visit-2025",
    "peer-review-lille-2025",
];

fn sorted(mut ids: Vec<String>) -> Vec<String> {
    ids.sort();
    ids
}

/// The first characters of a text, as a narrow pane still shows them.
fn start(text: &str, chars: usize) -> String {
    text.chars().take(chars).collect()
}

// --- Search ---------------------------------------------------------------------------

#[test]
fn typing_bethune_puts_the_entries_titled_bethune_first_with_the_match_highlighted() {
    let mut app = app();
    assert_eq!(total(&app), FIXTURE_ENTRIES, "nothing typed, nothing filtered: every entry");
    type_query(&mut app, "bethune");
    assert!(editing(&app));
    assert!(query_line(&app).contains("/ bethune"), "{}", query_line(&app));
    assert_eq!(sorted(result_ids(&app)), MENTION_BETHUNE, "accents and case are ignored");

    let first = sorted(result_ids(&app)[..3].to_vec());
    assert_eq!(first, TITLED_BETHUNE, "the entries whose title says Béthune come first");
    let highlights = title_highlights(&app);
    assert_eq!(highlights.len(), 3, "only titles that say it are highlighted: {highlights:?}");
    for (title, parts) in highlights {
        assert_eq!(parts, ["Béthune"], "in {title:?}");
    }
}

/// A word no entry has: the entries having the others are shown, under one line that says
/// so, in the interface's language, and a click on a result still opens the one clicked.
#[test]
fn without_an_entry_having_every_word_the_results_say_what_they_have() {
    let mut app = app();
    type_query(&mut app, "bethune xylophone");
    assert_eq!(sorted(result_ids(&app)), MENTION_BETHUNE, "those having bethune");
    assert_eq!(total(&app), MENTION_BETHUNE.len());
    let results = pane_text(&app, Pane::Results);
    let said = format!("No entry has every word; {} have 1 of 2 words", MENTION_BETHUNE.len());
    assert!(results.lines().next().is_some_and(|l| l.contains(&said)), "{results}");
    press(&mut app, Action::SwitchLanguage);
    let said = format!("Aucune fiche n’a tous les mots ; {} en ont 1 sur 2", MENTION_BETHUNE.len());
    assert!(pane_text(&app, Pane::Results).contains(&said), "{}", pane_text(&app, Pane::Results));
    // The second result's title row: below the pane's border, the note and the first result.
    let area = pane_area(&app, Pane::Results);
    let second = result_ids(&app)[1].clone();
    redraw(&mut app);
    click(&mut app, area.x + 3, area.y + 4);
    assert_eq!(selected_id(&app).as_deref(), Some(second.as_str()));
    // Every word found again: the note goes.
    press(&mut app, Action::FocusSearch);
    press(&mut app, Action::Edit(Edit::DeleteWord));
    assert_eq!(query_text(&app).trim(), "bethune");
    assert!(!pane_text(&app, Pane::Results).contains("Aucune fiche"));
}

/// A region ticked where no entry has every word, though another region has one: at 80x24 the
/// note says "in this selection" and keeps its counts on a second row, the facet panel counts
/// France as what ticking it shows, and a click on the first result below the note opens it.
#[test]
fn a_selection_lacking_every_word_says_so_at_80x24_and_counts_what_ticking_shows() {
    let options = Options { filters: vec![(Facet::Region, "EL".to_string())], ..Options::default() };
    let mut app = app_sized(options, 80, 24);
    type_query(&mut app, "bethune kozani");
    let results = pane_text(&app, Pane::Results);
    let mut lines = results.lines();
    assert!(lines.next().is_some_and(|l| l.contains("No entry in this selection has every word;")), "{results}");
    assert!(lines.next().is_some_and(|l| l.contains("2 have 1 of 2 words")), "{results}");
    let facets = pane_text(&app, Pane::Facets);
    let france = facets.lines().find(|l| l.contains("France")).unwrap_or_default();
    assert!(france.trim_end().ends_with(" 1"), "the Lille tour, which has both words: {facets}");
    let area = pane_area(&app, Pane::Results);
    let first = result_ids(&app)[0].clone();
    redraw(&mut app);
    click(&mut app, area.x + 3, area.y + 3);
    assert_eq!(selected_id(&app).as_deref(), Some(first.as_str()), "the row below the two-row note");
}

#[test]
fn the_french_titles_are_searched_and_highlighted_in_french() {
    let mut app = app_with(Options { lang: Lang::Fr, ..Options::default() });
    type_query(&mut app, "bethune");
    let first = sorted(result_ids(&app)[..3].to_vec());
    assert_eq!(first, TITLED_BETHUNE);
    let highlights = title_highlights(&app);
    assert_eq!(highlights.len(), 3, "{highlights:?}");
    for (title, parts) in highlights {
        assert_eq!(parts, ["Béthune"], "in {title:?}");
        assert!(result_titles(&app).contains(&title));
    }
    assert!(result_titles(&app).contains(&"BringBack à Béthune : régénérer des batteries plomb-acide".to_string()));
}

#[test]
fn greek_is_searched_without_its_accents_and_shown_whole() {
    let mut app = app();
    type_query(&mut app, "κοζανη");
    assert_eq!(
        sorted(result_ids(&app)),
        ["municipality-of-kozani", "peer-review-lille-2025", "western-macedonia-lignite-phase-out"],
        "the Greek name (Κοζάνη, Δήμος Κοζάνης), and the tour that names the organisation"
    );
    press(&mut app, Action::Submit);
    select(&mut app, "municipality-of-kozani");
    press(&mut app, Action::Open);
    let entry = pane_text(&app, Pane::Detail);
    assert!(entry.contains("Δήμος Κοζάνης"), "{entry}");
}

#[test]
fn every_keystroke_updates_the_results() {
    let mut app = app();
    let mut seen = Vec::new();
    press(&mut app, Action::FocusSearch);
    for c in "bethune".chars() {
        press(&mut app, Action::Edit(Edit::Insert(c)));
        let status = status_line(&app);
        assert!(status.contains(&format!(" {} results", total(&app))), "the count is shown: {status}");
        seen.push(result_ids(&app));
    }
    assert!(seen.windows(2).any(|w| w[0] != w[1]), "the results follow the typing: {seen:?}");
    // What the last keystroke shows is what `boucle --query bethune` opens on.
    let opened = app_with(Options { query: "bethune".into(), ..Options::default() });
    assert_eq!(result_ids(&app), result_ids(&opened), "typed a letter at a time, or given whole: the same results");
    assert_eq!(sorted(result_ids(&app)), MENTION_BETHUNE);

    press(&mut app, Action::Edit(Edit::Backspace));
    assert_eq!(query_text(&app), "bethun");
    assert_eq!(result_ids(&app), seen[5], "backspace searches again");
    press(&mut app, Action::Edit(Edit::Clear));
    assert_eq!(total(&app), FIXTURE_ENTRIES, "an emptied box shows everything again");
    assert!(status_line(&app).contains(&format!(" {FIXTURE_ENTRIES} results")));
}

#[test]
fn esc_leaves_the_box_and_restores_the_query_it_had() {
    let mut app = app();
    // A fresh query abandoned with Esc: back to everything.
    type_query(&mut app, "bethune");
    press(&mut app, Action::Cancel);
    assert!(!editing(&app));
    assert_eq!(query_text(&app), "");
    assert!(query_line(&app).contains("type / to search"), "{}", query_line(&app));
    assert_eq!(total(&app), FIXTURE_ENTRIES);

    // A kept query, edited and abandoned: the kept one comes back, with its results.
    type_query(&mut app, "bethune");
    press(&mut app, Action::Submit);
    let kept = result_ids(&app);
    type_query(&mut app, " zinc");
    assert_eq!(query_text(&app), "bethune zinc");
    assert_ne!(result_ids(&app), kept, "the edit changed the results");
    press(&mut app, Action::Cancel);
    assert_eq!(query_text(&app), "bethune");
    assert_eq!(result_ids(&app), kept);
}

#[test]
fn enter_keeps_the_query_and_moves_to_the_results() {
    let mut app = app();
    press(&mut app, Action::Focus(Pane::Facets));
    type_query(&mut app, "zinc");
    let found = result_ids(&app);
    assert!(found.len() >= 2, "{found:?}");
    assert_eq!(found[0], "zinc-loop-hauts-de-france");
    press(&mut app, Action::Submit);
    assert!(!editing(&app));
    assert_eq!(focus(&app), Pane::Results);
    assert_eq!(query_text(&app), "zinc");
    assert_eq!(result_ids(&app), found);
    // Now the results keys work on them.
    let first = selected_id(&app);
    press(&mut app, Action::Down);
    assert_ne!(selected_id(&app), first, "↓ moves in the results, not in the box");
    assert_eq!(query_text(&app), "zinc");
}

#[test]
fn up_and_down_walk_the_search_history() {
    let mut app = app();
    for query in ["bethune", "zinc", "lens"] {
        press(&mut app, Action::FocusSearch);
        press(&mut app, Action::Edit(Edit::Clear));
        type_query(&mut app, query);
        press(&mut app, Action::Submit);
    }
    press(&mut app, Action::ClearFilters);
    assert_eq!(query_text(&app), "");
    press(&mut app, Action::FocusSearch);
    let mut seen = Vec::new();
    for _ in 0..4 {
        press(&mut app, Action::HistoryPrev);
        seen.push(query_text(&app));
    }
    assert_eq!(seen, ["lens", "zinc", "bethune", "bethune"], "↑ goes back, and stops at the oldest");
    let zinc_results = {
        let mut other = self::app();
        type_query(&mut other, "zinc");
        result_ids(&other)
    };
    press(&mut app, Action::HistoryNext);
    assert_eq!(query_text(&app), "zinc");
    assert_eq!(result_ids(&app), zinc_results, "a recalled query is searched");
    press(&mut app, Action::HistoryNext);
    assert_eq!(query_text(&app), "lens");
    press(&mut app, Action::HistoryNext);
    assert_eq!(query_text(&app), "", "↓ past the newest gives back what was being typed");
    assert_eq!(total(&app), FIXTURE_ENTRIES);
}

#[test]
fn a_query_submitted_twice_is_remembered_once() {
    let mut app = app();
    for query in ["zinc", "lens", "zinc"] {
        press(&mut app, Action::FocusSearch);
        press(&mut app, Action::Edit(Edit::Clear));
        type_query(&mut app, query);
        press(&mut app, Action::Submit);
    }
    press(&mut app, Action::FocusSearch);
    press(&mut app, Action::Edit(Edit::Clear));
    let mut seen = Vec::new();
    for _ in 0..3 {
        press(&mut app, Action::HistoryPrev);
        seen.push(query_text(&app));
    }
    assert_eq!(seen, ["zinc", "lens", "lens"], "zinc once, as the latest");
}

/// A paste is one edit, however long (#19 item 1): the query box keeps its first 256
/// characters, says it cut the rest in the interface's language, and the next keys edit the
/// query as usual. A note keeps its 500.
#[test]
fn a_long_paste_is_one_edit_cut_at_the_cap_and_said_in_both_languages() {
    use ratatui::crossterm::event::Event;
    let pasted = "aimants terres rares ".repeat(500);
    for (lang, said) in [(Lang::En, "Cut at 256 characters"), (Lang::Fr, "Coupé à 256 caractères")] {
        let mut app = app_with(Options { lang, ..Options::default() });
        keys(&mut app, "/");
        let event = Event::Paste(pasted.clone());
        assert_eq!(boucle::ui::input::actions_for(&app, &event).len(), 1, "one edit for the whole paste");
        input(&mut app, event);
        assert_eq!(query_text(&app), start(&pasted, 256), "the box keeps what it holds");
        assert!(message(&app).is_some_and(|m| m.contains(said)), "{lang:?}: {:?}", message(&app));
        assert!(screen(&app).contains(said), "the bottom line says so:\n{}", screen(&app));
        key(&mut app, KeyCode::Char('u'), KeyModifiers::CONTROL);
        keys(&mut app, "zinc");
        assert_eq!(query_text(&app), "zinc");
        assert_eq!(message(&app), None, "said once, until the next key");
        assert!(result_titles(&app).iter().any(|t| t.contains("zinc")), "{:?}", result_titles(&app));
    }
}

#[test]
fn letters_typed_in_the_box_are_not_commands() {
    let mut app = app();
    let effects = keys(&mut app, "/qc?");
    assert_eq!(query_text(&app), "qc?");
    assert!(query_line(&app).contains("/ qc?"), "{}", query_line(&app));
    assert!(!quits(&effects));
    assert!(!screen(&app).contains(" Keys "), "? typed in the box does not open the help");
    let effects = key(&mut app, KeyCode::Char('c'), KeyModifiers::CONTROL);
    assert!(quits(&effects), "Ctrl-C quits even from the search box");
}

// --- Facets ---------------------------------------------------------------------------

#[test]
fn ticking_a_kind_keeps_only_that_kind_and_recounts_the_other_facets() {
    let mut app = app();
    assert_eq!(count_beside(&app, Facet::Material, "coal"), 6);
    assert_eq!(count_beside(&app, Facet::Kind, "visit"), 2);
    toggle_filter(&mut app, Facet::Kind, "visit");
    assert_eq!(
        sorted(result_ids(&app)),
        ["bethune-bruay-mining-sites-2025", "bringback-visit-2025"],
        "the count beside the value was the count it gives"
    );
    assert_eq!(filter_chips(&app), ["kind:visit"]);
    let status = status_line(&app);
    assert!(status.contains(" 2 results ") && status.contains("kind:visit ✕"), "{status}");

    // Beside every other facet's values: how many of these results have them.
    assert_eq!(count_beside(&app, Facet::Material, "coal"), 1);
    assert_eq!(count_beside(&app, Facet::Material, "lead"), 1);
    // Values of the ticked facet keep their own counts, to switch or add to the choice.
    assert_eq!(count_beside(&app, Facet::Kind, "practice"), 5);

    // Ticking it again removes the filter.
    toggle_filter(&mut app, Facet::Kind, "visit");
    assert!(filter_chips(&app).is_empty());
    assert_eq!(total(&app), FIXTURE_ENTRIES);
}

#[test]
fn a_parent_region_includes_its_sub_regions() {
    let mut app = app();
    assert_eq!(count_beside(&app, Facet::Region, "FRE"), 9);
    toggle_filter(&mut app, Facet::Region, "FRE");
    assert_eq!(
        sorted(result_ids(&app)),
        [
            "bethune-bruay-mining-heritage",
            "bethune-bruay-mining-sites-2025",
            "bringback",
            "bringback-lead-acid-regeneration",
            "bringback-visit-2025",
            "cite-des-electriciens-bruay",
            "peer-review-lille-2025",    // FRE11
            "team2",                     // FRE12
            "zinc-loop-hauts-de-france", // FRE1 itself
        ],
        "everything in Hauts-de-France and below; not Paris, not Greece"
    );
    assert_eq!(command(&app), "boucle --region FRE");
}

#[test]
fn values_of_two_facets_combine_and_c_clears_everything() {
    let mut app = app();
    toggle_filter(&mut app, Facet::Region, "FRE12");
    assert_eq!(total(&app), 7);
    toggle_filter(&mut app, Facet::Material, "batteries");
    assert_eq!(
        sorted(result_ids(&app)),
        ["bringback", "bringback-lead-acid-regeneration", "bringback-visit-2025"],
        "a second facet narrows further"
    );
    type_query(&mut app, "visit");
    press(&mut app, Action::Submit);
    assert_eq!(filter_chips(&app), ["region:FRE12", "mat:batteries"]);
    assert_eq!(result_ids(&app)[0], "bringback-visit-2025");

    press(&mut app, Action::ClearFilters);
    assert!(filter_chips(&app).is_empty());
    assert_eq!(query_text(&app), "");
    assert_eq!(total(&app), FIXTURE_ENTRIES);
    assert_eq!(command(&app), "boucle");
    assert!(!status_line(&app).contains('✕'), "no chip left: {}", status_line(&app));
}

#[test]
fn backspace_removes_the_last_filter_ticked() {
    let mut app = app();
    toggle_filter(&mut app, Facet::Region, "FRE");
    let fre_only = result_ids(&app);
    toggle_filter(&mut app, Facet::Kind, "visit");
    press(&mut app, Action::RemoveLastFilter);
    assert_eq!(filter_chips(&app), ["region:FRE"]);
    assert_eq!(result_ids(&app), fre_only);
}

#[test]
fn folding_a_region_hides_its_children_and_left_goes_back_to_the_parent() {
    let mut app = app();
    facet_cursor_to(&mut app, Facet::Region, "FRE12");
    assert!(listed_values(&app, Facet::Region).contains(&"FRE12".to_string()));
    press(&mut app, Action::Collapse);
    assert_eq!(
        cursor_row(&app),
        CursorRow::Value { facet: Facet::Region, id: "FRE1".into(), open: false, has_children: true },
        "← on a leaf goes to its parent, and folds it"
    );
    let listed = listed_values(&app, Facet::Region);
    assert!(!listed.contains(&"FRE12".to_string()) && !listed.contains(&"FRE11".to_string()), "{listed:?}");
    assert!(!pane_text(&app, Pane::Facets).contains("Pas-de-Calais"), "{}", pane_text(&app, Pane::Facets));
}

// --- Selection ------------------------------------------------------------------------

#[test]
fn typing_a_query_selects_its_best_result() {
    let mut app = app();
    // Select an entry well down the unfiltered list.
    let target = "bethune-bruay-mining-sites-2025";
    select(&mut app, target);
    assert!(selected_position(&app) > Some(2));
    // A new query is a new list, as in fzf: its best result is selected and shown at the top,
    // even when the entry selected before still matches.
    type_query(&mut app, "mining");
    assert!(result_ids(&app).contains(&target.to_string()));
    assert_eq!(selected_position(&app), Some(0));
    let best = start(&result_titles(&app)[0], 20);
    assert!(pane_text(&app, Pane::Results).lines().next().unwrap().contains(&best), "the list shows its top");
    press(&mut app, Action::Submit);
    assert_eq!(selected_position(&app), Some(0));

    // Excluding words removes the entries that have them; the best remaining one is selected.
    type_query(&mut app, " -heritage -bethune");
    // The municipality is found by its stage's name (post-mining), below the title's word.
    assert_eq!(result_ids(&app), ["western-macedonia-lignite-phase-out", "municipality-of-kozani"]);
    assert_eq!(selected_position(&app), Some(0), "the selection is the best of the results");
}

#[test]
fn the_selection_survives_a_filter_that_keeps_it() {
    let mut app = app();
    let target = "zinc-loop-hauts-de-france";
    press(&mut app, Action::End);
    while selected_id(&app).as_deref() != Some(target) {
        let before = selected_id(&app);
        press(&mut app, Action::Up);
        assert_ne!(selected_id(&app), before, "{target} is in the list");
    }
    let position_before = selected_position(&app);
    toggle_filter(&mut app, Facet::Material, "zinc");
    assert_eq!(selected_id(&app).as_deref(), Some(target));
    assert_ne!(selected_position(&app), position_before);
}

#[test]
fn results_keys_move_by_one_by_page_and_to_the_ends() {
    let mut app = app();
    // Two lines an entry inside the pane's frame.
    let page = usize::from(pane_area(&app, Pane::Results).height - 2) / 2;
    let ids = result_ids(&app);
    assert!(ids.len() > page, "the fixture is longer than a page");
    assert_eq!(selected_position(&app), Some(0));
    press(&mut app, Action::PageDown);
    assert_eq!(selected_position(&app), Some(page));
    press(&mut app, Action::End);
    assert_eq!(selected_id(&app).as_ref(), ids.last());
    press(&mut app, Action::Down);
    assert_eq!(selected_id(&app).as_ref(), ids.last(), "stays on the last");
    let last_title = start(result_titles(&app).last().unwrap(), 20);
    assert!(pane_text(&app, Pane::Results).contains(&last_title), "the last is in view");
    press(&mut app, Action::Home);
    assert_eq!(selected_position(&app), Some(0));
    let first_title = start(&result_titles(&app)[0], 20);
    assert!(pane_text(&app, Pane::Results).lines().next().unwrap().contains(&first_title), "the top is in view");
}

// --- Detail ---------------------------------------------------------------------------

#[test]
fn following_related_entries_and_coming_back_restores_entry_and_scroll() {
    let mut app = app();
    let start_id = "bethune-bruay-mining-heritage";
    select(&mut app, start_id);
    press(&mut app, Action::Open);
    assert_eq!(focus(&app), Pane::Detail);
    assert_eq!(shown_id(&app).as_deref(), Some(start_id));
    assert!(screen(&app).contains("Béthune-Bruay: a former coal-mining area"), "the entry has the screen");

    // Read a little, then pick the second related entry.
    press_all(&mut app, &[Action::Down, Action::Down, Action::NextLink, Action::NextLink]);
    let target = "cite-des-electriciens-bruay";
    assert_eq!(link_ids(&app)[1], target);
    let read = pane_text(&app, Pane::Detail);
    assert!(read.contains(&format!("▶ {}", start(&title(&app, target), 30))), "the chosen link is marked:\n{read}");
    press(&mut app, Action::Open);
    assert_eq!(shown_id(&app).as_deref(), Some(target));
    let opened = pane_text(&app, Pane::Detail);
    assert!(opened.starts_with(&start(&title(&app, target), 30)), "a followed entry opens at its top:\n{opened}");
    assert!(!opened.contains('▶'), "with no link chosen");
    assert_eq!(selected_id(&app).as_deref(), Some(start_id), "the results selection is unchanged");

    // One more level, scrolled.
    press_all(&mut app, &[Action::Down, Action::NextLink]);
    let read_second = pane_text(&app, Pane::Detail);
    let third = link_ids(&app)[0].clone();
    press(&mut app, Action::Open);
    assert_eq!(shown_id(&app), Some(third));

    press(&mut app, Action::Back);
    assert_eq!(shown_id(&app).as_deref(), Some(target));
    assert_eq!(pane_text(&app, Pane::Detail), read_second, "back where it was read, the same link chosen");
    press(&mut app, Action::Back);
    assert_eq!(shown_id(&app).as_deref(), Some(start_id));
    assert_eq!(pane_text(&app, Pane::Detail), read, "back where it was read");
    assert_eq!(focus(&app), Pane::Detail);
    press(&mut app, Action::Back);
    assert_eq!(focus(&app), Pane::Results, "back from the first entry returns to the results");
    assert_eq!(selected_id(&app).as_deref(), Some(start_id));
    assert_eq!(shown_id(&app).as_deref(), Some(start_id), "the trail is gone: the pane shows the selection");
}

#[test]
fn the_entry_pane_scrolls_within_its_text() {
    let mut app = app();
    select(&mut app, "peer-review-lille-2025");
    press(&mut app, Action::Open);
    let top = pane_text(&app, Pane::Detail);
    assert!(top.starts_with("Peer review in Lille"), "{top}");
    press(&mut app, Action::End);
    let bottom = pane_text(&app, Pane::Detail);
    assert_ne!(bottom, top, "a long entry scrolls");
    assert!(bottom.contains("Review"), "the end of the entry is shown:\n{bottom}");
    press(&mut app, Action::Down);
    assert_eq!(pane_text(&app, Pane::Detail), bottom, "not past its end");
    press(&mut app, Action::PageUp);
    let up = pane_text(&app, Pane::Detail);
    assert!(up != bottom && up != top, "a page up:\n{up}");
    press(&mut app, Action::Home);
    assert_eq!(pane_text(&app, Pane::Detail), top);
}

#[test]
fn next_link_wraps_around_and_brings_the_link_into_view() {
    let mut app = app();
    select(&mut app, "peer-review-lille-2025");
    press(&mut app, Action::Open);
    let links = link_ids(&app);
    assert_eq!(
        links,
        [
            "bringback-visit-2025",
            "zinc-loop-hauts-de-france",
            "bethune-bruay-mining-sites-2025",
            "western-macedonia-lignite-phase-out",
            "team2",
            "municipality-of-kozani",
        ],
        "the stops in order, then what else it refers to, each once"
    );
    // After the related entries come the addresses (the tour's sources): backwards from
    // nothing is the last address, then the last related entry.
    press(&mut app, Action::PrevLink);
    let shown = pane_text(&app, Pane::Detail);
    assert!(shown.contains("▶ https://"), "backwards from nothing: the last address, on screen:\n{shown}");
    assert!(!shown.starts_with("Peer review in Lille"), "scrolled to show it:\n{shown}");
    while !pane_text(&app, Pane::Detail).contains("▶ Municipality of Kozani") {
        press(&mut app, Action::PrevLink);
        assert!(!pane_text(&app, Pane::Detail).contains("▶ Visit to BringBack"), "Kozani comes before the sources");
    }
    while pane_text(&app, Pane::Detail).contains("▶ Municipality of Kozani")
        || pane_text(&app, Pane::Detail).contains("▶ https://")
    {
        press(&mut app, Action::NextLink);
    }
    let shown = pane_text(&app, Pane::Detail);
    assert!(shown.contains("▶ Visit to BringBack"), "and forwards from the last: the first:\n{shown}");
    assert!(!shown.contains("▶ Municipality"));
}

// --- Language, size, command, quit ---------------------------------------------------

#[test]
fn switching_language_switches_the_interface_and_the_titles() {
    let mut app = app();
    let first = selected_id(&app);
    let en = title(&app, "bethune-bruay-mining-heritage");
    let english = screen(&app);
    assert!(english.contains(&start(&en, 30)), "{english}");
    assert!(english.contains("Results"));

    press(&mut app, Action::SwitchLanguage);
    let fr = title(&app, "bethune-bruay-mining-heritage");
    assert_eq!(fr, "Béthune-Bruay : un ancien territoire charbonnier en reconversion");
    let french = screen(&app);
    assert!(french.contains(&start(&fr, 30)), "{french}");
    assert!(!french.contains(&start(&en, 30)));
    assert!(!french.contains("Results") && french.contains("Résultats"), "the interface speaks French too:\n{french}");
    assert_eq!(selected_id(&app), first, "the selection is kept");

    press(&mut app, Action::SwitchLanguage);
    assert!(screen(&app).contains(&start(&en, 30)));
}

#[test]
fn switching_language_moves_the_highlights_onto_the_other_title() {
    let mut app = app();
    type_query(&mut app, "bethune");
    press(&mut app, Action::Submit);
    press(&mut app, Action::SwitchLanguage);
    let highlights = title_highlights(&app);
    assert_eq!(highlights.len(), 3, "{highlights:?}");
    for (title, parts) in highlights {
        assert_eq!(parts, ["Béthune"], "in {title:?}");
    }
}

#[test]
fn below_60_by_15_the_dashboard_says_it_is_too_small_and_comes_back() {
    let mut app = app();
    for (width, height, small) in
        [(80, 24, false), (60, 15, false), (59, 24, true), (80, 14, true), (20, 5, true), (200, 60, false)]
    {
        let text = screen_at(&mut app, width, height);
        assert_eq!(too_small(&app), small, "{width}x{height}");
        assert_eq!(text.contains("60×15"), small, "{width}x{height}:\n{text}");
    }
}

#[test]
fn resizing_keeps_the_selection_in_view() {
    let mut app = app();
    press(&mut app, Action::End);
    let last = start(result_titles(&app).last().unwrap(), 12);
    resize(&mut app, 80, 16);
    assert!(pane_text(&app, Pane::Results).contains(&last), "{last} on screen:\n{}", screen(&app));
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
    toggle_filter(&mut app, Facet::Region, "FRE");
    toggle_filter(&mut app, Facet::Material, "batteries");
    type_query(&mut app, "lead's regeneration");
    press(&mut app, Action::Submit);
    let command = command(&app);
    assert_eq!(command, r"boucle --region FRE --material batteries --query 'lead'\''s regeneration'");

    press(&mut app, Action::ShowCommand);
    assert!(message(&app).is_some_and(|m| m.ends_with(&command)), "{:?}", message(&app));
    assert!(screen(&app).contains("boucle --region FRE"), "shown on the status line");
    press(&mut app, Action::Down);
    assert_eq!(message(&app), None, "the message goes with the next key");
    assert!(!screen(&app).contains("boucle --region FRE"));

    // The command, parsed as `boucle` parses it, opens the same results.
    let cli = boucle::cli::Cli::try_parse_from(shell_words(&command)).expect("the command parses");
    assert_eq!(cli.filters.query, "lead's regeneration");
    let reopened =
        app_with(Options { query: cli.filters.query.clone(), filters: cli.filters.selections(), ..Options::default() });
    assert_eq!(result_ids(&reopened), result_ids(&app));
    assert_eq!(filter_chips(&reopened), filter_chips(&app));
    assert_eq!(message(&reopened), None, "every value was understood");
}

#[test]
fn the_equivalent_command_keeps_the_language() {
    let mut app = app();
    press(&mut app, Action::SwitchLanguage);
    assert_eq!(command(&app), "boucle --lang fr");
}

#[test]
fn options_from_the_command_line_open_on_that_view() {
    let app = app_with(Options {
        filters: vec![(Facet::Region, "FRE12".into()), (Facet::Kind, "visit".into())],
        ..Options::default()
    });
    assert_eq!(sorted(result_ids(&app)), ["bethune-bruay-mining-sites-2025", "bringback-visit-2025"]);
    assert_eq!(filter_chips(&app), ["region:FRE12", "kind:visit"]);
    let unknown = app_with(Options { filters: vec![(Facet::Region, "ZZ9".into())], ..Options::default() });
    assert!(message(&unknown).is_some_and(|m| m.contains("region:ZZ9")), "{:?}", message(&unknown));
    assert!(screen(&unknown).contains("region:ZZ9"), "said on screen");
}

#[test]
fn help_opens_scrolls_and_closes_without_touching_the_rest() {
    let mut app = app();
    let selected = selected_id(&app);
    press(&mut app, Action::ToggleHelp);
    let opened = screen(&app);
    assert!(opened.contains(" Keys "));
    press_all(&mut app, &[Action::Down, Action::Down, Action::ToggleValue, Action::Open]);
    let scrolled = screen(&app);
    let (opened, scrolled): (Vec<&str>, Vec<&str>) = (opened.lines().collect(), scrolled.lines().collect());
    assert_eq!(scrolled[2..10], opened[4..12], "↓↓ scrolls the help by two lines");
    assert_eq!(selected_id(&app), selected, "keys go to the help, not to the results under it");
    assert!(filter_chips(&app).is_empty());
    press(&mut app, Action::ToggleHelp);
    assert!(!screen(&app).contains(" Keys "));
    assert_eq!(focus(&app), Pane::Results);
}

#[test]
fn tab_cycles_the_panes() {
    let mut app = app();
    assert_eq!(focus(&app), Pane::Results);
    let mut seen = Vec::new();
    for _ in 0..3 {
        press(&mut app, Action::FocusNext);
        seen.push(focus(&app));
    }
    assert_eq!(seen, [Pane::Detail, Pane::Facets, Pane::Results]);
    press(&mut app, Action::FocusPrev);
    assert_eq!(focus(&app), Pane::Facets);
    let facets = pane_area(&app, Pane::Facets);
    assert_eq!(draw(&app)[(facets.x, facets.y)].symbol(), "┏", "the focused pane has the heavy frame");
}

#[test]
fn quit_ends_the_dashboard_even_from_help() {
    let mut app = app();
    assert!(!quits(&press(&mut app, Action::Down)));
    assert!(quits(&keys(&mut app, "q")));

    let mut app = self::app();
    keys(&mut app, "?");
    assert!(screen(&app).contains(" Keys "));
    assert!(!quits(&keys(&mut app, "q")), "q closes the help");
    assert!(!screen(&app).contains(" Keys "));
    keys(&mut app, "?");
    assert!(quits(&key(&mut app, KeyCode::Char('c'), KeyModifiers::CONTROL)), "Ctrl-C quits from the help");
}

// --- Catalogue problems ----------------------------------------------------------------

#[test]
fn the_catalogues_problems_are_counted_and_listed_and_the_rest_is_browsable() {
    let mut app = app();
    assert_eq!(total(&app), FIXTURE_ENTRIES, "the broken file keeps no other entry out");
    let status = status_line(&app);
    assert!(status.contains("⚠ 1 error (!)"), "the status line counts the problems: {status}");
    keys(&mut app, "!");
    let text = screen(&app);
    assert!(
        text.contains("tests/fixtures/catalogue/good-practices/broken-magnet-recycling.ron:3:5"),
        "the overlay names the file:\n{text}"
    );
    assert!(text.contains("expected `,` or `)`, found `summary`"), "and says what is wrong:\n{text}");
    assert!(quits(&key(&mut app, KeyCode::Char('c'), KeyModifiers::CONTROL)), "Ctrl-C quits from the overlay");
}

// --- Mouse ----------------------------------------------------------------------------

#[test]
fn a_click_selects_a_result_and_a_second_click_opens_it() {
    let mut app = app();
    let results = pane_area(&app, Pane::Results);
    // Each result takes two lines inside the border: the third result starts on line 5.
    let (column, row) = (results.x + 5, results.y + 1 + 2 * 2);
    click(&mut app, column, row);
    assert_eq!(selected_id(&app), Some(result_ids(&app)[2].clone()));
    assert_eq!(focus(&app), Pane::Results);
    click(&mut app, column, row + 1);
    assert_eq!(focus(&app), Pane::Detail, "clicking the selected entry opens it");
    let opened = pane_text(&app, Pane::Detail);
    assert!(opened.starts_with(&start(&result_titles(&app)[2], 20)), "{opened}");
}

#[test]
fn the_wheel_scrolls_the_pane_under_the_pointer() {
    let mut app = app();
    let (facets, results) = (pane_area(&app, Pane::Facets), pane_area(&app, Pane::Results));
    wheel(&mut app, facets.x + 2, facets.y + 3, true);
    assert_eq!(focus(&app), Pane::Facets);
    // Three rows down from the Region header: past France and Greece, on the next header.
    assert_eq!(cursor_row(&app), CursorRow::Header { facet: Facet::Material, open: true });
    assert_eq!(selected_position(&app), Some(0), "the results did not move");
    wheel(&mut app, results.x + 2, results.y + 3, true);
    assert_eq!(focus(&app), Pane::Results);
    assert_eq!(selected_position(&app), Some(3));
}

#[test]
fn clicking_a_filter_chip_removes_that_filter() {
    let mut app = app();
    toggle_filter(&mut app, Facet::Region, "FRE");
    toggle_filter(&mut app, Facet::Kind, "visit");
    let status = status_line(&app);
    let chip = status.find("region:FRE").expect("the chip is on the status line");
    let column = status[..chip].chars().count() as u16;
    let row = size(&app).1 - 1;
    click(&mut app, column, row);
    assert_eq!(filter_chips(&app), ["kind:visit"]);
    assert!(!status_line(&app).contains("region:FRE"));
}

#[test]
fn help_scrolls_back_at_once_after_going_past_the_end() {
    let mut app = app();
    press(&mut app, Action::ToggleHelp);
    for _ in 0..20 {
        press(&mut app, Action::PageDown);
    }
    let at_end = screen(&app);
    press(&mut app, Action::Up);
    assert_ne!(screen(&app), at_end, "one ↑ at the end of the help scrolls it up one line");
}

// --- Bugs found and fixed: the cursor and the selection after the results change ---------------

#[test]
fn the_facet_cursor_stays_on_the_value_it_ticked() {
    let mut app = app();
    toggle_filter(&mut app, Facet::Kind, "visit");
    let row = cursor_row(&app);
    assert!(
        matches!(&row, CursorRow::Value { facet: Facet::Kind, id, .. } if id == "visit"),
        "Space again would act on {row:?}, not on the value just ticked"
    );
    press(&mut app, Action::ToggleValue);
    assert!(filter_chips(&app).is_empty(), "Space twice on a value leaves it unticked");
}

#[test]
fn typing_a_query_from_the_start_shows_the_best_results() {
    let mut app = app();
    type_query(&mut app, "bethune");
    let best = start(&result_titles(&app)[0], 20);
    let results = pane_text(&app, Pane::Results);
    assert!(
        results.lines().next().unwrap().contains(&best),
        "the list shows its top, the best result {best:?} first (selected: {:?}):\n{results}",
        selected_position(&app)
    );
}
