//! Keystroke to frame: each key goes through the dashboard's real path — the key table's
//! action, `update` (which searches, inline here, so the frame waits for the results) and a
//! full draw into ratatui's test backend at 200x60. This is the worst case: the dashboard
//! itself searches on a worker thread and never waits.

use std::sync::Arc;
use std::time::Instant;

use boucle::query::Indexed;
use boucle::ui::{Action, App, Edit, Options, render, update};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

/// Milliseconds from each keystroke to its frame, for the given typed queries: wall-clock, and
/// the process's CPU time (`cpu_ms`, in ms) the key and its draw took.
pub fn keystroke_to_frame(indexed: Arc<Indexed>, queries: &[&str], cpu_ms: impl Fn() -> f64) -> Vec<(f64, f64)> {
    let mut app = App::new(indexed, Vec::new(), Options::default());
    let (width, height) = (200, 60);
    let _ = update(&mut app, Action::Resize { width, height });
    let mut terminal = Terminal::new(TestBackend::new(width, height)).expect("test backend");
    let mut times = Vec::new();
    for query in queries {
        let _ = update(&mut app, Action::FocusSearch);
        let _ = update(&mut app, Action::Edit(Edit::Clear));
        for c in query.chars() {
            let (start, cpu) = (Instant::now(), cpu_ms());
            let _ = update(&mut app, Action::Edit(Edit::Insert(c)));
            render(&mut terminal, &mut app).expect("draw");
            times.push((start.elapsed().as_secs_f64() * 1000.0, cpu_ms() - cpu));
        }
        let _ = update(&mut app, Action::Submit);
    }
    times
}
