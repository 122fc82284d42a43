//! Entries turned into text for people and tools: the dashboard's entry pane, `boucle show`,
//! `boucle list`, and the handouts of `boucle export` and the dashboard's `x` (a shortlist, a
//! tour, an entry or results, in Markdown, CSV, JSON, HTML or the Interreg template:
//! [`handout`]). Below both `cli` and `ui`: it knows the catalogue and the interface's words,
//! not terminals or commands.
//!
//! One entry is one [`EntryDoc`]; a list of entries is a list of [`Row`]s. Each format walks
//! those, so every output names and orders things the same way.

mod build;
pub mod csv;
pub mod doc;
pub mod handout;
pub mod json;
pub mod markdown;
pub mod row;
pub mod table;

pub use doc::{Block, EntryDoc, Link, link_targets};
pub use row::Row;

#[cfg(test)]
pub(crate) mod testing;
#[cfg(test)]
mod tests;
