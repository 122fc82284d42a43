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
    /// How many files there are, once the walk has found them all ([`UNKNOWN`] until then:
    /// files are parsed while the walk goes on, and nothing is told meanwhile).
    total: AtomicUsize,
    read: AtomicUsize,
    started: Instant,
    /// When the next report may go, in milliseconds after `started`.
    next: AtomicU64,
}

const UNKNOWN: usize = usize::MAX;

impl<'a> Progress<'a> {
    /// A load begins, of files not yet counted: nothing is told until [`Progress::counted`].
    pub(super) fn start(report: Report<'a>) -> Progress<'a> {
        Progress {
            report,
            total: AtomicUsize::new(UNKNOWN),
            read: AtomicUsize::new(0),
            started: Instant::now(),
            next: AtomicU64::new(millis(EVERY)),
        }
    }

    /// Every file is found, `total` of them: said at once, with how many are read already.
    pub(super) fn counted(&self, total: usize) {
        self.total.store(total, Ordering::Relaxed);
        self.next.store(millis(self.started.elapsed() + EVERY), Ordering::Relaxed);
        (self.report)(self.read.load(Ordering::Relaxed), total);
    }

    /// One more file read; reported if the last report is old enough and the files counted.
    pub(super) fn file_read(&self) {
        let read = self.read.fetch_add(1, Ordering::Relaxed) + 1;
        if !read.is_multiple_of(LOOK_EVERY) {
            return;
        }
        let total = self.total.load(Ordering::Relaxed);
        if total == UNKNOWN {
            return;
        }
        let now = millis(self.started.elapsed());
        let next = self.next.load(Ordering::Relaxed);
        // One thread wins the right to report; the others go on parsing.
        if now >= next
            && self.next.compare_exchange(next, now + millis(EVERY), Ordering::Relaxed, Ordering::Relaxed).is_ok()
        {
            (self.report)(read, total);
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
    fn the_count_is_told_then_at_most_one_report_per_interval() {
        let told = Mutex::new(Vec::new());
        let report = |read, total| told.lock().unwrap().push((read, total));
        let progress = Progress::start(&report);
        for _ in 0..LOOK_EVERY {
            progress.file_read();
        }
        std::thread::sleep(EVERY + Duration::from_millis(20));
        for _ in 0..LOOK_EVERY {
            progress.file_read();
        }
        // Nothing is told before the files are counted, however long reading takes.
        assert_eq!(*told.lock().unwrap(), vec![]);
        progress.counted(2000);
        for _ in 0..1024 - 2 * LOOK_EVERY {
            progress.file_read();
        }
        // Read in far less than the interval: only the count was told, with the files read.
        assert_eq!(*told.lock().unwrap(), vec![(2 * LOOK_EVERY, 2000)]);
        std::thread::sleep(EVERY + Duration::from_millis(20));
        for _ in 0..LOOK_EVERY {
            progress.file_read();
        }
        let told = told.lock().unwrap();
        assert_eq!(told.len(), 2, "{told:?}");
        assert_eq!(told[1], (1024 + LOOK_EVERY, 2000));
    }
}
