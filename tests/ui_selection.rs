//! The selected row must stay readable in every theme: each of its characters takes the
//! selection's colours, whatever colour the same text has elsewhere (a yellow title on the
//! high-contrast theme's yellow selection would vanish).

use std::sync::Arc;

use boucle::load::{CatalogueSource, load};
use boucle::ui::theme::ThemeName;
use boucle::ui::view::{draw, layout::areas};
use boucle::ui::{Action, App, Options, Pane, update};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

fn selected_cells_have_the_selection_colours(pane: Pane) {
    for theme in [ThemeName::Dark, ThemeName::Light, ThemeName::HighContrast] {
        let catalogue = Arc::new(load(&CatalogueSource::Bundled).catalogue);
        let mut app = App::new(catalogue, Vec::new(), Options { theme, ..Options::default() }, false);
        update(&mut app, Action::Resize { width: 100, height: 30 });
        update(&mut app, Action::Focus(pane));
        update(&mut app, Action::Down);
        let mut terminal = Terminal::new(TestBackend::new(100, 30)).unwrap();
        terminal.draw(|frame| draw(frame, &app)).unwrap();
        let buffer = terminal.backend().buffer();
        let area = match pane {
            Pane::Facets => areas(&app).facets,
            _ => areas(&app).results,
        };
        let selection = app.theme.selection;
        let (fg, bg) = (selection.fg.unwrap(), selection.bg.unwrap());
        let mut selected_cells = 0;
        for y in area.top() + 1..area.bottom() - 1 {
            for x in area.left() + 1..area.right() - 1 {
                let cell = &buffer[(x, y)];
                if cell.bg == bg && !cell.symbol().trim().is_empty() {
                    selected_cells += 1;
                    assert_eq!(cell.fg, fg, "{theme:?} {pane:?}: {:?} at {x},{y} keeps its own colour", cell.symbol());
                }
            }
        }
        assert!(selected_cells > 5, "{theme:?} {pane:?}: a selected row is drawn");
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
