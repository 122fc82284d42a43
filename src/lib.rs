//! boucle: a terminal dashboard of circular-economy and critical-raw-materials good practices.
//!
//! Layers, each depending only on the ones above it (nothing imports a layer below itself):
//! - [`text`]: sanitised text, languages, fitting to columns;
//! - [`i18n`]: every word of the interface, in French and English, with plurals;
//! - [`model`], [`diagnostic`]: the catalogue as data; problems with their place;
//! - [`geo`]: coastlines, borders and region points for the map; projection, clustering, labels;
//! - [`load`]: reading RON folders (or the embedded catalogue) into a model, with diagnostics;
//! - [`query`]: the index and search; [`query::Indexed`] pairs a catalogue with its index;
//! - [`live`]: the one owner of a shown catalogue: the first load and its progress, live
//!   reload, and every write of the catalogue cache; the dashboard and the room subscribe;
//! - [`shortlist`]: the entries a participant marked, by id, with notes; kept in a file;
//! - [`files`]: writing files atomically, with normal permissions, never over one unasked;
//! - [`export`]: one [`export::EntryDoc`] per entry, and the formats written from it;
//! - [`curate`]: the curators' tools that write or reach out: `fmt`, `check --fix`, `--links`,
//!   `--interreg`;
//! - [`ui`]: the dashboard (state, update, view, the session loop);
//! - [`serve`]: `boucle serve`, dashboards and read-only commands over SSH (the only async code);
//! - [`cli`]: the command line: argument parsing and dispatch only.

pub mod allocator;
pub mod cli;
pub mod curate;
pub mod diagnostic;
pub mod export;
pub mod files;
pub mod geo;
pub mod i18n;
pub mod live;
pub mod load;
pub mod model;
pub mod query;
pub mod serve;
pub mod shortlist;
pub mod text;
pub mod ui;
