//! The catalogue loads in the background while the first screen is already up: the frame, the
//! query box and the key hints work at once, a progress line says how far the load is, and
//! what is typed meanwhile is searched as soon as the index is ready
//! ([`super::update::loaded`]). Loading, live reload and the cache belong to [`crate::live`];
//! the dashboard subscribes to it and turns its updates into the session's events.

use std::sync::mpsc::Sender;

use super::event::Event;
pub use super::event::{Ready, Stage};
use crate::live::{self, First, Live, Update, Watch};
use crate::load::CatalogueSource;
use crate::load::cache::Cache;
use crate::text::Lang;

/// Loads `source` and builds its index behind the first screen, sending [`Event::Loading`]
/// while it works and [`Event::Loaded`] when done; then watches its folders as `watch` says,
/// each reload arriving as [`Event::Reloaded`]. Returns the way to ask for a load now (`r`).
/// `lang` is the language of what cannot be done (no thread, no watcher), on standard error.
pub fn spawn_loader(source: CatalogueSource, events: Sender<Event>, watch: Watch, lang: Lang) -> Live {
    spawn_loader_cached(source, events, watch, None, lang)
}

/// [`spawn_loader`] through the catalogue cache: a cached catalogue is shown at once and
/// checked against the files afterwards; a changed one follows as a reload.
pub fn spawn_loader_cached(
    source: CatalogueSource,
    events: Sender<Event>,
    watch: Watch,
    cache: Option<Cache>,
    lang: Lang,
) -> Live {
    live::start_with(source, watch, cache, First::AtOnce, lang, move |update| {
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
