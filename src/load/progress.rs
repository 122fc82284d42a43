//! How far the current load is, for the dashboard's progress line while it loads in the
//! background. One process loads one catalogue at a time for the screen, so the counters are
//! process-wide: a concurrent load (a test, `boucle check`) only blurs a progress line.

use std::sync::atomic::{AtomicUsize, Ordering};

static READ: AtomicUsize = AtomicUsize::new(0);
static TOTAL: AtomicUsize = AtomicUsize::new(0);

/// Files read so far, of how many.
pub fn files_read() -> (usize, usize) {
    (READ.load(Ordering::Relaxed), TOTAL.load(Ordering::Relaxed))
}

pub(super) fn started(total: usize) {
    READ.store(0, Ordering::Relaxed);
    TOTAL.store(total, Ordering::Relaxed);
}

pub(super) fn file_read() {
    READ.fetch_add(1, Ordering::Relaxed);
}
