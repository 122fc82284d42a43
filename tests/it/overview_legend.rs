//! Found re-checking the overview as a newcomer at 80x24: the map's legend was cut mid-word
//! ("fiches situées (le nombre : combie…"). The legend is made of parts, the most needed first
//! (what a marker means, then the selected entry, then the keys, long or short), and a part
//! that does not fit whole is left out, never cut.

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
    for (lang, markers, long_keys, short_keys) in [
        (Lang::Fr, "●n fiches à cet endroit", "flèches déplacent · +/- zoom · 0 recadre", "flèches +/- 0"),
        (Lang::En, "●n entries there", "arrows move · +/- zoom · 0 fits the results", "arrows +/- 0"),
    ] {
        let narrow = overview(lang, 80, 24);
        assert!(narrow.contains(markers), "{narrow}");
        let legend = narrow.lines().find_map(|l| l.split(markers).nth(1)).unwrap_or_default();
        assert!(!legend.contains('…'), "nothing cut after the markers' part: {legend}");
        assert!(legend.contains(short_keys) || !legend.contains("+/-"), "the keys whole or not at all: {legend}");
        let wide = overview(lang, 200, 60);
        assert!(wide.contains(markers) && wide.contains(long_keys), "{wide}");
    }
}
