//! Keystroke to frame: each key goes through the dashboard's real path — the key table's
//! action, `update` (which searches, inline here, so the frame waits for the results) and a
//! full draw into ratatui's test backend at 200x60. This is the worst case: the dashboard
//! itself searches on a worker thread and never waits.

use std::sync::Arc;
use std::time::Instant;

use boucle::model::Catalogue;
use boucle::query::Engine;
use boucle::ui::{Action, App, Options, update, view};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

/// Milliseconds from each keystroke to its frame, for the given typed queries.
pub fn keystroke_to_frame(catalogue: Arc<Catalogue>, engine: Arc<Engine>, queries: &[&str]) -> Vec<f64> {
    let mut app = App::with_engine(catalogue, engine, Vec::new(), Options::default(), false);
    let (width, height) = (200, 60);
    update(&mut app, Action::Resize { width, height });
    let mut terminal = Terminal::new(TestBackend::new(width, height)).expect("test backend");
    let mut times = Vec::new();
    for query in queries {
        update(&mut app, Action::FocusSearch);
        update(&mut app, Action::SearchClear);
        for c in query.chars() {
            let start = Instant::now();
            update(&mut app, Action::SearchInsert(c));
            terminal.draw(|frame| view::draw(frame, &app)).expect("draw");
            times.push(start.elapsed().as_secs_f64() * 1000.0);
        }
        update(&mut app, Action::SearchSubmit);
    }
    times
}
