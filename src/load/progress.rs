//! How far a load is, told as it goes to whoever started it (the dashboard's progress line):
//! files read of how many, at most every [`EVERY`], from whichever parsing thread reads the file
//! that crosses the time. The counters belong to one load, so two loads at once (a test beside
//! a reload) never blur each other's count.

use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};
use std::time::{Duration, Instant};

/// The shortest time between two reports: enough to see the line move, few frames.
pub const EVERY: Duration = Duration::from_millis(100);

/// Files are counted one by one, and the clock is looked at every this many.
const LOOK_EVERY: usize = 16;

/// Where a load reports: files read so far, of how many. Called from the parsing threads.
pub type Report<'a> = &'a (dyn Fn(usize, usize) + Sync);

/// One load's progress, shared by its parsing threads.
pub(super) struct Progress<'a> {
    report: Report<'a>,
    total: usize,
    read: AtomicUsize,
    started: Instant,
    /// When the next report may go, in milliseconds after `started`.
    next: AtomicU64,
}

impl<'a> Progress<'a> {
    /// A load of `total` files begins: said at once (0 of `total`).
    pub(super) fn start(report: Report<'a>, total: usize) -> Progress<'a> {
        report(0, total);
        Progress {
            report,
            total,
            read: AtomicUsize::new(0),
            started: Instant::now(),
            next: AtomicU64::new(millis(EVERY)),
        }
    }

    /// One more file read; reported if the last report is old enough.
    pub(super) fn file_read(&self) {
        let read = self.read.fetch_add(1, Ordering::Relaxed) + 1;
        if !read.is_multiple_of(LOOK_EVERY) {
            return;
        }
        let now = millis(self.started.elapsed());
        let next = self.next.load(Ordering::Relaxed);
        // One thread wins the right to report; the others go on parsing.
        if now >= next
            && self.next.compare_exchange(next, now + millis(EVERY), Ordering::Relaxed, Ordering::Relaxed).is_ok()
        {
            (self.report)(read, self.total);
        }
    }
}

fn millis(duration: Duration) -> u64 {
    u64::try_from(duration.as_millis()).unwrap_or(u64::MAX)
}

/// A report that goes nowhere (a load nobody watches).
pub fn unwatched(_read: usize, _total: usize) {}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::Mutex;

    #[test]
    fn the_start_is_told_then_at_most_one_report_per_interval() {
        let told = Mutex::new(Vec::new());
        let report = |read, total| told.lock().unwrap().push((read, total));
        let progress = Progress::start(&report, 2000);
        for _ in 0..1024 {
            progress.file_read();
        }
        // Read in far less than the interval: only the start was told.
        assert_eq!(*told.lock().unwrap(), vec![(0, 2000)]);
        std::thread::sleep(EVERY + Duration::from_millis(20));
        for _ in 0..LOOK_EVERY {
            progress.file_read();
        }
        let told = told.lock().unwrap();
        assert_eq!(told.len(), 2, "{told:?}");
        assert_eq!(told[1], (1024 + LOOK_EVERY, 2000));
    }
}
