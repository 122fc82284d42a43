//! The room's followers see the same slide: each is drawn once for all who see it alike (same
//! size, language, theme, stop: [`SharedKey`]) and the finished buffer is shared. Each session
//! copies it and draws its own part over it (the footer: its clock, its mark, the room line).
//!
//! What goes to the client is shared too: a follower whose screen shows a shared part (with its
//! own footer) and moves to the next is sent the change between the two shared parts, made
//! into escape codes once for all who make the same move, then the change of its own footer.
//! Any other frame is diffed against the session's own last screen as before, so its terminal
//! stays its own: a follower who breaks away, resizes, zooms or is repainted draws alone.
//!
//! 200 followers at one size drew the same slide 200 times a step and diffed it 200 times
//! (three quarters of the room's CPU, BENCHMARKS.md "A room that follows"); now once each.

use std::collections::HashMap;
use std::io::{self, Write};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, OnceLock};

use ratatui::Terminal;
use ratatui::backend::{Backend, CrosstermBackend};
use ratatui::buffer::{Buffer, Cell};
use ratatui::layout::Rect;

use crate::ui::App;
use crate::ui::frame::FrameFacts;
use crate::ui::render::render;
use crate::ui::update::frame_drawn;
use crate::ui::view::follower::SharedKey;
use crate::ui::view::{draw_follower_own, draw_follower_shared, follower_key};

/// Shared parts kept at most: a room whose followers have many sizes shares less, and keeps no
/// more than this many buffers (a few MB).
const MAX_KEPT: usize = 64;

/// A shared part is dropped once the stage has changed this many times without it being asked
/// for (the room has moved on; a follower that lags behind draws its own).
const KEPT_VERSIONS: u64 = 8;

/// Moves to one shared part kept, from as many others (followers who lag behind come from
/// older ones); past that, a move is made into escape codes for the one session that makes it.
const MAX_MOVES: usize = 8;

/// The shared parts of the followers' frames, by key: the room's, one for its presentation.
#[derive(Default)]
pub struct FrameShare {
    kept: Mutex<Kept>,
    drawn: AtomicU64,
    copied: AtomicU64,
    moves_made: AtomicU64,
    moves_sent: AtomicU64,
}

#[derive(Default)]
struct Kept {
    by_key: HashMap<SharedKey, Arc<Slot>>,
    /// The newest stage version a follower drew.
    newest: u64,
}

struct Slot {
    /// Filled by the first session that asks; the others asking meanwhile wait for it.
    part: OnceLock<Arc<Part>>,
    /// The escape codes that turn another shared part into this one, by that part's key (none
    /// when they could not be made: each session then diffs its own).
    moves: Mutex<Vec<(SharedKey, Move)>>,
    /// The stage version it was last asked at.
    used: AtomicU64,
}

/// The escape codes of one move, made by the first session that makes it.
type Move = Arc<OnceLock<Option<Arc<[u8]>>>>;

struct Part {
    buffer: Buffer,
    facts: FrameFacts,
}

/// What a session's client shows after a frame drawn from the share: the shared part, and the
/// session's own cells over it. True only while nothing else drew to its terminal.
pub struct Shown {
    key: SharedKey,
    part: Arc<Part>,
    own: Option<Buffer>,
}

/// How often the share served: frames whose shared part was drawn or copied, moves made into
/// escape codes or sent as made by another session.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Counts {
    pub drawn: u64,
    pub copied: u64,
    pub moves_made: u64,
    pub moves_sent: u64,
}

impl FrameShare {
    /// Draws `app`'s frame to `terminal`, as [`render`] would: a follower's slide from the
    /// shared part, sent as the shared move when the client shows the shared part before it;
    /// any other frame whole. `shown` is the session's: what its client shows, when it is a
    /// shared part; the caller forgets it when anything else reaches its terminal.
    pub fn render<B: Backend<Error = io::Error> + Write>(
        &self,
        terminal: &mut Terminal<B>,
        app: &mut App,
        shown: &mut Option<Shown>,
    ) -> io::Result<()> {
        terminal.autoresize()?;
        let screen = terminal.get_frame().area();
        let Some(key) = follower_key(app, screen) else {
            *shown = None;
            return render(terminal, app);
        };
        let version = app.follow().stage().map_or(0, |s| s.version);
        let slot = self.slot(&key, version);
        let mut drew = false;
        let part = slot.part.get_or_init(|| {
            drew = true;
            let mut frame = terminal.get_frame();
            let facts = draw_follower_shared(&mut frame, app);
            Arc::new(Part { buffer: frame.buffer_mut().clone(), facts })
        });
        let counter = if drew { &self.drawn } else { &self.copied };
        counter.fetch_add(1, Ordering::Relaxed);
        if !drew {
            // The same size by the key: the copy fills the whole frame.
            terminal.current_buffer_mut().content.clone_from_slice(&part.buffer.content);
        }
        let own_area = draw_follower_own(&mut terminal.get_frame(), app);
        let own = own_area.map(|area| cells(terminal.current_buffer_mut(), area));
        // The move is shared only when what differs between followers, before and after, is
        // in the same cells (the footer), or only before or only after (the pause screen).
        let before = shown.take().filter(|before| {
            before.key.size() == key.size()
                && match (&before.own, own_area) {
                    (Some(was), Some(area)) => was.area == area,
                    _ => true,
                }
        });
        let moved = before.and_then(|before| {
            let own = own_area.or(before.own.as_ref().map(|was| was.area));
            Some((self.move_between(&before, &slot, part, own)?, before, own))
        });
        match moved {
            Some((codes, before, own)) => {
                terminal.backend_mut().write_all(&codes)?;
                if let Some(area) = own {
                    // Its own cells, against what its client shows there.
                    let was = before.own.unwrap_or_else(|| cells(&before.part.buffer, area));
                    let now = cells(terminal.current_buffer_mut(), area);
                    terminal.backend_mut().draw(was.diff(&now).into_iter())?;
                }
                terminal.hide_cursor()?;
                terminal.swap_buffers();
                Backend::flush(terminal.backend_mut())?;
            }
            None => {
                terminal.apply_buffer()?;
            }
        }
        frame_drawn(app, part.facts.clone());
        *shown = Some(Shown { key, part: part.clone(), own });
        Ok(())
    }

    /// How often the share served so far.
    pub fn counts(&self) -> Counts {
        Counts {
            drawn: self.drawn.load(Ordering::Relaxed),
            copied: self.copied.load(Ordering::Relaxed),
            moves_made: self.moves_made.load(Ordering::Relaxed),
            moves_sent: self.moves_sent.load(Ordering::Relaxed),
        }
    }

    /// The escape codes that turn `before`'s shared part into `part` outside `own` (the cells
    /// each session sends its own), made once for every session that makes the same move.
    fn move_between(&self, before: &Shown, slot: &Slot, part: &Part, own: Option<Rect>) -> Option<Arc<[u8]>> {
        let make =
            || {
                let updates =
                    before.part.buffer.diff(&part.buffer).into_iter().filter(|&(x, y, _)| {
                        own.is_none_or(|area| !area.contains(ratatui::layout::Position::new(x, y)))
                    });
                let mut codes = Vec::new();
                CrosstermBackend::new(&mut codes).draw(updates).ok().map(|()| Arc::from(codes))
            };
        let made = {
            let mut moves = slot.moves.lock().unwrap_or_else(|p| p.into_inner());
            match moves.iter().find(|(from, _)| *from == before.key) {
                Some((_, made)) => Some(made.clone()),
                None if moves.len() < MAX_MOVES => {
                    let made: Move = Arc::default();
                    moves.push((before.key.clone(), made.clone()));
                    Some(made)
                }
                None => None,
            }
        };
        let Some(made) = made else {
            self.moves_made.fetch_add(1, Ordering::Relaxed);
            return make();
        };
        let mut fresh = false;
        let codes = made.get_or_init(|| {
            fresh = true;
            make()
        });
        let counter = if fresh { &self.moves_made } else { &self.moves_sent };
        counter.fetch_add(1, Ordering::Relaxed);
        codes.clone()
    }

    /// The slot of `key`, made when missing; the stale ones dropped when the stage moved on.
    fn slot(&self, key: &SharedKey, version: u64) -> Arc<Slot> {
        let mut kept = self.kept.lock().unwrap_or_else(|p| p.into_inner());
        if version > kept.newest {
            kept.newest = version;
            kept.by_key.retain(|_, slot| slot.used.load(Ordering::Relaxed) + KEPT_VERSIONS > version);
        }
        if !kept.by_key.contains_key(key) && kept.by_key.len() >= MAX_KEPT {
            let oldest =
                kept.by_key.iter().min_by_key(|(_, slot)| slot.used.load(Ordering::Relaxed)).map(|(k, _)| k.clone());
            if let Some(oldest) = oldest {
                kept.by_key.remove(&oldest);
            }
        }
        let slot = kept.by_key.entry(key.clone()).or_insert_with(|| {
            Arc::new(Slot { part: OnceLock::new(), moves: Mutex::default(), used: AtomicU64::new(version) })
        });
        slot.used.fetch_max(version, Ordering::Relaxed);
        slot.clone()
    }
}

/// The cells of `area` in `buffer`, as a buffer of their own (at their place on the screen).
fn cells(buffer: &Buffer, area: Rect) -> Buffer {
    let area = area.intersection(buffer.area);
    let content: Vec<Cell> = area.positions().map(|at| buffer[at].clone()).collect();
    Buffer { area, content }
}
