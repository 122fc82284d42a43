//! End in the results goes to the last result, not to the last of those ranked so far (the
//! list ranks 60 at first, for speed, and used to stop there), and the status line counts them
//! all; and at 80x24, once a related
//! entry is chosen, the entry pane says that Enter follows it (the status line has no room).

use crate::common;
use crate::common::written;

use boucle::text::Lang;
use boucle::ui::{Action, Options, Pane};
use common::ui::{app_on, app_sized, pane_text, press, select, selected_id, selected_position, total, type_query};
use written::{Fixture, PRACTICE};

#[test]
fn end_selects_the_last_result_of_a_long_list() {
    let fixture = Fixture::new();
    for i in 0..250 {
        fixture.file(&format!("good-practices/battery-{i:03}.ron"), PRACTICE);
    }
    let loaded = fixture.load();
    let mut app = app_on(loaded.catalogue, Vec::new(), Options::default());
    press(&mut app, Action::Resize { width: 100, height: 30 });
    for query in ["", "battery"] {
        type_query(&mut app, query);
        press(&mut app, Action::Focus(Pane::Results));
        let last = total(&app) - 1;
        assert!(last > 60, "{query:?}: a list longer than the first ranked page");
        // The status line counts them all, not "60/251" (how many are ranked so far).
        let status = common::ui::screen(&app).lines().last().unwrap_or_default().to_string();
        assert!(status.starts_with(&format!(" {} results", last + 1)), "{query:?}: {status}");
        press(&mut app, Action::End);
        assert_eq!(selected_position(&app), Some(last), "{query:?}: End reaches the last result");
        press(&mut app, Action::Home);
        assert_eq!(selected_position(&app), Some(0));
    }
}

#[test]
fn the_chosen_related_entry_says_enter_follows_it_at_80x24() {
    for (lang, hint) in [(Lang::En, "Enter follow"), (Lang::Fr, "Entrée suivre")] {
        let mut app = app_sized(Options { lang, ..Options::default() }, 80, 24);
        select(&mut app, "rare-earth-magnets-day-2025");
        press(&mut app, Action::Open);
        assert!(!pane_text(&app, Pane::Detail).contains(hint), "no link chosen yet");
        press(&mut app, Action::NextLink);
        let pane = pane_text(&app, Pane::Detail);
        let chosen = pane.lines().find(|l| l.starts_with('▶')).unwrap_or_else(|| panic!("a chosen link:\n{pane}"));
        assert!(chosen.contains(hint), "{chosen}");
        press(&mut app, Action::Open);
        assert_ne!(selected_id(&app).as_deref(), None);
    }
}
