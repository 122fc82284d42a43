//! Live reload in the dashboard: [`crate::live`] loads and indexes on its own thread, and the
//! new snapshot arrives on the session's channel as [`Event::Reloaded`](super::event::Event);
//! `update::reloaded` swaps it in at once, keeping what the user was looking at (by id).

/// How the dashboard learns that its folders changed.
pub use crate::live::Watch;

/// A catalogue loaded again and indexed, ready to swap in; or the last good one kept, with
/// the problem that says why (a folder gone).
pub use super::event::Reloaded;
