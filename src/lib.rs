//! boucle: a terminal dashboard of circular-economy and critical-raw-materials good practices.
//!
//! Layers, each depending only on the ones above it:
//! - [`text`], [`model`]: the catalogue as data, with every text sanitised;
//! - [`load`]: reading RON folders (or the embedded catalogue) into a model, with diagnostics;
//! - [`cli`]: the command line.

pub mod cli;
pub mod diagnostic;
pub mod export;
pub mod i18n;
pub mod load;
pub mod model;
pub mod query;
pub mod text;
pub mod ui;
