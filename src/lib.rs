//! boucle: a terminal dashboard of circular-economy and critical-raw-materials good practices.
//!
//! Layers, from the bottom up: each module names only the modules of the layers listed before it
//! (`tests/it/layers.rs` reads every path of every source file to hold it):
//! - [`text`]: sanitised text, languages, fitting to columns;
//! - [`model`]: the catalogue as data: entries, vocabularies, the facets they are filtered by, checked values;
//! - [`i18n`]: every word of the interface, in French and English, with plurals and gender;
//! - [`diagnostic`]: problems with their place, said in both languages;
//! - [`geo`]: coastlines, borders and region points for the map; projection, clustering, labels;
//! - [`files`]: reading regular files only; writing files atomically, never over one unasked;
//! - [`load`]: reading RON folders (or the embedded catalogue) into a model, with diagnostics;
//! - [`query`]: the index and search; [`query::Indexed`] pairs a catalogue with its index;
//! - [`live`]: the one owner of a shown catalogue: the first load and its progress, live
//!   reload, and every write of the catalogue cache; the dashboard and the room subscribe;
//! - [`shortlist`]: the entries a participant marked, by id, with notes; kept in a file;
//! - [`export`]: one [`export::EntryDoc`] per entry, and the formats written from it;
//! - [`curate`]: the curators' tools that write or reach out: `fmt`, `check --fix`, `--links`,
//!   `--interreg`;
//! - [`presentation`]: a presentation as shared state: one driver, many views; its protocol, locally
//!   over a Unix socket and in the room;
//! - [`ui`]: the dashboard (state, update, view, the session loop);
//! - [`serve`]: `boucle serve`, dashboards and read-only commands over SSH (the only async code);
//! - [`config`]: the user's settings file, and where each setting in effect came from;
//! - [`cli`]: the command line: argument parsing and dispatch only.
//!
//! [`allocator`] stands apart: the binary's allocator, which names no other module.

pub mod allocator;
pub mod cli;
pub mod config;
pub mod curate;
pub mod diagnostic;
pub mod export;
pub mod files;
pub mod geo;
pub mod i18n;
pub mod live;
pub mod load;
pub mod model;
pub mod presentation;
pub mod query;
pub mod serve;
pub mod shortlist;
pub mod text;
pub mod ui;
