//! The background load's news: its progress, then the catalogue, which takes over from the
//! empty one the dashboard started on. What was typed meanwhile stays in the query box and is
//! searched in the new catalogue at once.

use super::super::app::{App, resolve_filters};
use super::super::loading::{Ready, Stage};
use super::{next_request, reindex, searched};

pub fn load_progress(app: &mut App, stage: Stage) {
    if app.loading.is_some() {
        app.loading = Some(stage);
    }
}

pub fn loaded(app: &mut App, ready: Ready) {
    app.loading = None;
    reindex(app, ready.indexed, ready.problems);
    let pending = std::mem::take(&mut app.pending_filters);
    if !pending.is_empty() {
        let (filters, message) = resolve_filters(&app.indexed, &pending, app.lang);
        app.filters = filters;
        if message.is_some() {
            app.message = message;
        }
        let request = next_request(app, false, true);
        searched(app, request.run());
    }
}
