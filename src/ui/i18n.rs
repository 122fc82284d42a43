//! The interface words now live at the crate root, shared with the command line and the exports.
pub use crate::i18n::*;
