//! A small persistent pool of helper threads that a large search splits its passes over entries
//! with (`split.rs`). Threads are started once per process, never per keystroke.
//!
//! A search never waits for a helper: it takes only the helpers idle at that moment, and runs
//! every part no helper took on its own thread. So when many searches run at once (the SSH
//! server's 100 sessions share one engine), the helpers are already busy and each search runs
//! alone on its session's thread: at most `cores - 1` helper threads ever add to the sessions'
//! own, instead of each search fanning out to every core. Results never depend on how many
//! helpers joined: the parts are fixed by the catalogue's size, not by who runs them.

use std::panic::{AssertUnwindSafe, catch_unwind, resume_unwind};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::mpsc::{Receiver, Sender, channel};
use std::sync::{Mutex, OnceLock};

/// At most this many helper threads, however many cores there are: the passes split are
/// memory-bound, and more parts only add merging.
const MAX_HELPERS: usize = 7;

/// The work of one `run` call, given to a helper.
struct Job {
    /// The caller's closure. It lives on the caller's stack: `run` does not return (nor
    /// unwind past it) before every helper it gave it to has said it is done.
    work: &'static (dyn Fn() + Sync),
    done: Sender<bool>,
}

struct Helper {
    busy: AtomicBool,
    jobs: Mutex<Sender<Job>>,
}

fn helpers() -> &'static [Helper] {
    static HELPERS: OnceLock<Vec<Helper>> = OnceLock::new();
    HELPERS.get_or_init(|| {
        let cores = std::thread::available_parallelism().map_or(1, |p| p.get());
        (0..cores.saturating_sub(1).min(MAX_HELPERS))
            .filter_map(|i| {
                let (jobs, inbox) = channel::<Job>();
                std::thread::Builder::new()
                    .name(format!("boucle-search-{i}"))
                    .spawn(move || serve(i, inbox))
                    .ok()
                    .map(|_| Helper { busy: AtomicBool::new(false), jobs: Mutex::new(jobs) })
            })
            .collect()
    })
}

fn serve(me: usize, inbox: Receiver<Job>) {
    while let Ok(job) = inbox.recv() {
        let panicked = catch_unwind(AssertUnwindSafe(job.work)).is_err();
        // Free for the next search (the pool was initialised before any job was sent).
        if let Some(helper) = helpers().get(me) {
            helper.busy.store(false, Ordering::Release);
        }
        // After this, the closure may be gone: nothing of it is touched again.
        let _ = job.done.send(panicked);
    }
}

/// How many threads could run parts of a search at once: this one and the helpers.
pub(super) fn threads() -> usize {
    1 + helpers().len()
}

/// Waits, even while unwinding, for the helpers that were given the caller's closure.
struct Joined {
    done: Receiver<bool>,
    pending: usize,
    panicked: bool,
}

impl Drop for Joined {
    fn drop(&mut self) {
        while self.pending > 0 {
            self.pending -= 1;
            // A helper that could not say (its thread gone) never ran the closure or has
            // finished with it: its sender was dropped.
            self.panicked |= self.done.recv().unwrap_or(false);
        }
    }
}

/// Calls `part(i)` once for every `i` in `0..parts`, on this thread and on whichever helpers
/// are idle now, and returns when all are done. A panic in a part is raised here.
pub(super) fn run(parts: usize, part: impl Fn(usize) + Sync) {
    if parts <= 1 {
        (0..parts).for_each(&part);
        return;
    }
    let next = AtomicUsize::new(0);
    let work = || {
        loop {
            let i = next.fetch_add(1, Ordering::Relaxed);
            if i >= parts {
                break;
            }
            part(i);
        }
    };
    let (done, finished) = channel();
    let mut joined = Joined { done: finished, pending: 0, panicked: false };
    let local: &(dyn Fn() + Sync) = &work;
    // SAFETY: the reference is used by helpers only until they send on `done`, and `joined`
    // (declared after `work`, so dropped before it, even while unwinding) waits for that.
    // A helper sends on `done` only after its call of the closure has returned (or unwound),
    // and a helper that never got the job drops its sender unsent: so when `joined` has
    // received or seen dropped every sender it counted, no helper holds the reference any
    // more. `every_borrow_ends_before_run_returns` runs this under Miri (`scripts/miri-pool.sh`),
    // which reports any use of the frame after it; the same test with `joined` not waiting fails
    // there with a data race between a helper's read and the frame's deallocation.
    let shared: &'static (dyn Fn() + Sync) = unsafe { std::mem::transmute(local) };
    for helper in helpers().iter().take(parts - 1) {
        if helper.busy.compare_exchange(false, true, Ordering::Acquire, Ordering::Relaxed).is_err() {
            continue;
        }
        let sent = helper.jobs.lock().is_ok_and(|jobs| jobs.send(Job { work: shared, done: done.clone() }).is_ok());
        if sent {
            joined.pending += 1;
        } else {
            helper.busy.store(false, Ordering::Release);
        }
    }
    drop(done);
    work();
    drop_and_check(joined);
}

fn drop_and_check(mut joined: Joined) {
    let pending = std::mem::take(&mut joined.pending);
    for _ in 0..pending {
        joined.panicked |= joined.done.recv().unwrap_or(false);
    }
    if joined.panicked {
        resume_unwind(Box::new("a part of a search panicked"));
    }
}

/// `part(i)` for every `i` in `0..parts`, in order, computed as [`run`] does.
pub(super) fn map<R: Send>(parts: usize, part: impl Fn(usize) -> R + Sync) -> Vec<R> {
    let slots: Vec<Mutex<Option<R>>> = (0..parts).map(|_| Mutex::new(None)).collect();
    run(parts, |i| {
        let value = part(i);
        if let Ok(mut slot) = slots[i].lock() {
            *slot = Some(value);
        }
    });
    slots.into_iter().filter_map(|slot| slot.into_inner().ok().flatten()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_part_runs_once_in_order_of_parts() {
        for parts in 0..20 {
            assert_eq!(map(parts, |i| i * i), (0..parts).map(|i| i * i).collect::<Vec<_>>());
        }
    }

    #[test]
    fn searches_at_once_all_finish() {
        // Under Miri (`scripts/miri-pool.sh`), a few rounds suffice.
        let (searches, rounds) = if cfg!(miri) { (3, 4) } else { (8, 200) };
        std::thread::scope(|scope| {
            for t in 0..searches {
                scope.spawn(move || {
                    for _ in 0..rounds {
                        let sums = map(4, |i| (0..1000).map(|x| x * (i + t)).sum::<usize>());
                        assert_eq!(sums.len(), 4);
                    }
                });
            }
        });
    }

    /// The closure `run` hands the helpers borrows this frame's data; under Miri a helper that
    /// touched it after `run` returned, or after a panic unwound out of `run`, is reported as a
    /// use after free. Each round frees its data at once and lets the other threads run, so a
    /// late access cannot go unseen. Run under Miri by `scripts/miri-pool.sh` (4 cores: a pool of
    /// no helper would prove nothing).
    #[test]
    fn every_borrow_ends_before_run_returns() {
        let rounds = if cfg!(miri) { 5 } else { 2000 };
        for round in 0..rounds {
            let data: Vec<usize> = (0..16).map(|i| i * round).collect();
            let seen = AtomicUsize::new(0);
            run(8, |i| {
                seen.fetch_add(data[i] + data[i + 8], Ordering::Relaxed);
            });
            let expected: usize = data.iter().sum();
            assert_eq!(seen.load(Ordering::Relaxed), expected);
            drop(data);
            // A helper still holding the closure would run now, on freed memory.
            (0..8).for_each(|_| std::thread::yield_now());
            // The same while a part panics: `run` unwinds only once every helper let go.
            let boxed: Box<[usize]> = (0..8).collect();
            let unwound = std::panic::catch_unwind(AssertUnwindSafe(|| {
                run(8, |i| {
                    assert!(boxed[i] != 3, "part 3");
                })
            }));
            assert!(unwound.is_err());
            drop(boxed);
            (0..8).for_each(|_| std::thread::yield_now());
        }
    }

    #[test]
    fn a_panicking_part_panics_the_caller_and_the_pool_goes_on() {
        let result = std::panic::catch_unwind(|| run(4, |i| assert!(i != 2, "part 2")));
        assert!(result.is_err());
        assert_eq!(map(4, |i| i), vec![0, 1, 2, 3]);
    }
}
