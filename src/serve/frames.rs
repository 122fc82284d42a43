//! The room's followers see the same slide: each is drawn once for all who see it alike (same
//! size, language, theme, stop: [`SharedKey`]) and the finished buffer is shared. Each session
//! copies it, draws its own part over it (the footer: its clock, its mark, the room line), and
//! diffs the result against its own last screen as it does any frame, so its terminal stays
//! its own: a follower who breaks away, resizes or zooms draws alone, as before.
//!
//! 200 followers at one size drew the same slide 200 times a step (half of the room's CPU,
//! BENCHMARKS.md "A room that follows"); now once.

use std::collections::HashMap;
use std::sync::{Arc, Mutex, OnceLock};

use ratatui::Frame;
use ratatui::buffer::Buffer;

use crate::ui::App;
use crate::ui::frame::FrameFacts;
use crate::ui::view;
use crate::ui::view::follower::{SharedKey, draw_own, draw_shared, shared_key};

/// Shared parts kept at most: a room whose followers have many sizes shares less, and keeps no
/// more than this many buffers (a few MB).
const MAX_KEPT: usize = 64;

/// A shared part is dropped once the stage has changed this many times without it being asked
/// for (the room has moved on; a follower that lags behind draws its own).
const KEPT_VERSIONS: u64 = 8;

/// The shared parts of the followers' frames, by key: the room's, one for its presentation.
#[derive(Default)]
pub struct FrameShare {
    kept: Mutex<Kept>,
}

#[derive(Default)]
struct Kept {
    by_key: HashMap<SharedKey, Slot>,
    /// The newest stage version a follower drew.
    newest: u64,
    /// How many frames were drawn whole for the share, and how many were copied from it.
    drawn: u64,
    copied: u64,
}

struct Slot {
    /// Filled by the first session that asks; the others asking meanwhile wait for it.
    part: Arc<OnceLock<Part>>,
    /// The stage version it was last asked at.
    used: u64,
}

struct Part {
    buffer: Buffer,
    facts: FrameFacts,
}

impl FrameShare {
    /// Draws `app`'s frame, as [`view::draw`] would: a follower's slide from the shared part
    /// (drawn here when it is the first to ask) with its own part over it; any other frame
    /// whole.
    pub fn draw(&self, frame: &mut Frame<'_>, app: &App) -> FrameFacts {
        let Some(key) = shared_key(app, frame.area()) else { return view::draw(frame, app) };
        let version = app.follow().stage().map_or(0, |s| s.version);
        let part = self.slot(key, version);
        let mut drew = false;
        let shared = part.get_or_init(|| {
            drew = true;
            let facts = draw_shared(frame, app);
            Part { buffer: frame.buffer_mut().clone(), facts }
        });
        if !drew {
            // The same size by the key: the copy fills the whole frame.
            frame.buffer_mut().content.clone_from_slice(&shared.buffer.content);
        }
        draw_own(frame, app);
        self.count(drew);
        shared.facts.clone()
    }

    /// How many frames were drawn for the share and how many copied from it (for the journal
    /// and the tests).
    pub fn counts(&self) -> (u64, u64) {
        let kept = self.kept.lock().unwrap_or_else(|p| p.into_inner());
        (kept.drawn, kept.copied)
    }

    fn count(&self, drew: bool) {
        let mut kept = self.kept.lock().unwrap_or_else(|p| p.into_inner());
        if drew {
            kept.drawn += 1;
        } else {
            kept.copied += 1;
        }
    }

    /// The slot of `key`, made when missing; the stale ones dropped when the stage moved on.
    fn slot(&self, key: SharedKey, version: u64) -> Arc<OnceLock<Part>> {
        let mut kept = self.kept.lock().unwrap_or_else(|p| p.into_inner());
        if version > kept.newest {
            kept.newest = version;
            kept.by_key.retain(|_, slot| slot.used + KEPT_VERSIONS > version);
        }
        if !kept.by_key.contains_key(&key) && kept.by_key.len() >= MAX_KEPT {
            let oldest = kept.by_key.iter().min_by_key(|(_, slot)| slot.used).map(|(key, _)| key.clone());
            if let Some(oldest) = oldest {
                kept.by_key.remove(&oldest);
            }
        }
        let slot = kept.by_key.entry(key).or_insert_with(|| Slot { part: Arc::default(), used: version });
        slot.used = slot.used.max(version);
        slot.part.clone()
    }
}
