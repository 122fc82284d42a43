//! The selected row must stay readable in every theme: each of its characters takes the
//! selection's colours, whatever colour the same text has elsewhere (a yellow title on the
//! high-contrast theme's yellow selection would vanish). On the fixture catalogue.

use crate::common;

use boucle::ui::theme::ThemeName;
use boucle::ui::{Action, Options, Pane};
use common::ui::{app_sized, draw, pane_area, press, theme};

fn selected_cells_have_the_selection_colours(pane: Pane) {
    for name in [ThemeName::Dark, ThemeName::Light, ThemeName::HighContrast] {
        let mut app = app_sized(Options { theme: name, ..Options::default() }, 100, 30);
        press(&mut app, Action::Focus(pane));
        press(&mut app, Action::Down);
        let buffer = draw(&app);
        let area = pane_area(&app, pane);
        let selection = theme(&app).selection;
        let (fg, bg) = (selection.fg.unwrap(), selection.bg.unwrap());
        let mut selected_cells = 0;
        for y in area.top() + 1..area.bottom() - 1 {
            for x in area.left() + 1..area.right() - 1 {
                let cell = &buffer[(x, y)];
                if cell.bg == bg && !cell.symbol().trim().is_empty() {
                    selected_cells += 1;
                    assert_eq!(cell.fg, fg, "{name:?} {pane:?}: {:?} at {x},{y} keeps its own colour", cell.symbol());
                }
            }
        }
        assert!(selected_cells > 5, "{name:?} {pane:?}: a selected row is drawn");
    }
}

#[test]
fn the_selected_result_is_readable_in_every_theme() {
    selected_cells_have_the_selection_colours(Pane::Results);
}

#[test]
fn the_selected_filter_value_is_readable_in_every_theme() {
    selected_cells_have_the_selection_colours(Pane::Facets);
}
