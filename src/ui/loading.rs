//! The catalogue loads in the background while the first screen is already up: the frame, the
//! query box and the key hints work at once, a progress line says how far the load is, and
//! what is typed meanwhile is searched as soon as the index is ready
//! ([`super::update::loaded`]). Loading, live reload and the cache belong to [`crate::live`];
//! the dashboard subscribes to it and turns its updates into the session's events.

use std::sync::Arc;
use std::sync::mpsc::Sender;

use super::event::Event;
use crate::live::{self, First, Live, Problems, Update, Watch};
use crate::load::CatalogueSource;
use crate::load::cache::Cache;
use crate::query::Indexed;

/// How far the background load is.
pub use crate::live::Progress as Stage;

/// A catalogue ready to browse, with its problems.
pub struct Ready {
    pub indexed: Arc<Indexed>,
    pub problems: Problems,
}

/// Loads `source` and builds its index behind the first screen, sending [`Event::Loading`]
/// while it works and [`Event::Loaded`] when done; then watches its folders as `watch` says,
/// each reload arriving as [`Event::Reloaded`]. Returns the way to ask for a load now (`r`).
pub fn spawn_loader(source: CatalogueSource, events: Sender<Event>, watch: Watch) -> Live {
    spawn_loader_cached(source, events, watch, None)
}

/// [`spawn_loader`] through the catalogue cache: a cached catalogue is shown at once and
/// checked against the files afterwards; a changed one follows as a reload.
pub fn spawn_loader_cached(source: CatalogueSource, events: Sender<Event>, watch: Watch, cache: Option<Cache>) -> Live {
    live::start_with(source, watch, cache, First::AtOnce, move |update| {
        let event = match update {
            Update::Progress(stage) => Event::Loading(stage),
            Update::Loaded(snapshot) => {
                Event::Loaded(Box::new(Ready { indexed: snapshot.indexed, problems: snapshot.problems }))
            }
            Update::Reloaded(snapshot) | Update::Kept(snapshot) => Event::Reloaded(Box::new(snapshot)),
        };
        events.send(event).is_ok()
    })
}
