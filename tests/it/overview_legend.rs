//! Found re-checking the overview as a newcomer at 80x24: the map's legend was cut mid-word
//! ("fiches situées (le nombre : combie…"). Where the whole sentence does not fit, a short one
//! that does is said instead; a wide screen keeps the whole one.

use crate::common;

use boucle::text::Lang;
use boucle::ui::screen::Screen;
use boucle::ui::{Action, Options};
use common::ui::{app_sized, press, screen};

fn overview(lang: Lang, width: u16, height: u16) -> String {
    let mut app = app_sized(Options { lang, ..Options::default() }, width, height);
    press(&mut app, Action::ShowScreen(Screen::Overview));
    screen(&app)
}

#[test]
fn the_map_legend_is_never_cut() {
    for (lang, short, long) in [
        (Lang::Fr, "●n fiches à cet endroit", "●n fiches situées (le nombre : combien à cet endroit)"),
        (Lang::En, "●n entries at that place", "●n located entries (the number: how many at that place)"),
    ] {
        let narrow = overview(lang, 80, 24);
        assert!(narrow.contains(short), "{narrow}");
        let wide = overview(lang, 200, 60);
        assert!(wide.contains(long), "{wide}");
    }
}
