//! A few search workers shared by many sessions: the room's 100 or 200 participants, or the
//! local dashboard alone. Each session has a seat; it posts its newest query there, replacing
//! one still waiting, so only the newest is ever run. A worker takes the seats with work in
//! turn (round robin: a seat that was just served goes to the back of the line), runs the
//! query on its own thread, with its own scratch and narrowing (`query::scratch`,
//! `query::narrow`, kept per thread), and hands the answer to that seat's function only.
//!
//! A seat is run by one worker at a time, so a session's answers come in the order it asked.
//! The arrays a search needs live in the workers, one set per core instead of one per session;
//! what a seat's job leaves for its next (a search's narrowing and facet counts: a letter typed
//! is searched from its session's previous search) is kept in the seat and handed to whichever
//! worker runs it next ([`Job::Carry`]).

use std::collections::{HashMap, VecDeque};
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::{Arc, Condvar, Mutex, MutexGuard};

/// Work a pool runs: a search, or in tests anything that says when it ran.
pub trait Job: Send + 'static {
    type Answer: Send + 'static;
    /// What a seat's job hands on to the seat's next, whichever worker runs it (a search's
    /// narrowing: `query::Carried`).
    type Carry: Default + Send + 'static;
    fn run(self, carry: &mut Self::Carry) -> Self::Answer;
}

/// Takes a seat's answers; says whether the seat's session is still there. It must not block:
/// a worker calls it, and the other seats wait meanwhile (a channel's send is what it is for).
type Deliver<A> = Arc<dyn Fn(A) -> bool + Send + Sync>;

struct Place<J: Job> {
    /// The newest query not yet run.
    newest: Option<J>,
    /// A worker is running this seat's previous query.
    running: bool,
    /// What its last job left for its next; with the worker while one runs.
    carry: Option<J::Carry>,
    deliver: Deliver<J::Answer>,
}

struct State<J: Job> {
    seats: HashMap<u64, Place<J>>,
    /// Seats with a query waiting and none running, in the order they are to be served.
    line: VecDeque<u64>,
    next_seat: u64,
    closed: bool,
}

struct Shared<J: Job> {
    state: Mutex<State<J>>,
    work: Condvar,
}

impl<J: Job> Shared<J> {
    fn lock(&self) -> MutexGuard<'_, State<J>> {
        // A worker never panics while holding the lock (jobs run outside it).
        self.state.lock().unwrap_or_else(|p| p.into_inner())
    }
}

/// Closes the pool when the last handle (the pool or a seat) is gone: the workers then end.
struct Owners<J: Job>(Arc<Shared<J>>);

impl<J: Job> Drop for Owners<J> {
    fn drop(&mut self) {
        self.0.lock().closed = true;
        self.0.work.notify_all();
    }
}

/// The pool: cloned by whoever hands out seats.
pub struct SearchPool<J: Job> {
    owners: Arc<Owners<J>>,
}

impl<J: Job> Clone for SearchPool<J> {
    fn clone(&self) -> Self {
        SearchPool { owners: self.owners.clone() }
    }
}

impl<J: Job> SearchPool<J> {
    /// A pool of `workers` threads (at least one). A thread that cannot be started is done
    /// without; with none at all, every seat's queries run where they are posted.
    pub fn new(workers: usize) -> SearchPool<J> {
        let shared = Arc::new(Shared {
            state: Mutex::new(State { seats: HashMap::new(), line: VecDeque::new(), next_seat: 0, closed: false }),
            work: Condvar::new(),
        });
        let started = (0..workers.max(1))
            .filter(|i| {
                let shared = shared.clone();
                std::thread::Builder::new().name(format!("search-{i}")).spawn(move || serve(&shared)).is_ok()
            })
            .count();
        if started == 0 {
            shared.lock().closed = true;
        }
        SearchPool { owners: Arc::new(Owners(shared)) }
    }

    /// One worker per core: searches are CPU-bound, and a search at 100k takes milliseconds,
    /// so more threads would only share the cores between more scratch arrays.
    pub fn per_core() -> SearchPool<J> {
        SearchPool::new(std::thread::available_parallelism().map_or(1, |p| p.get()))
    }

    /// A seat whose answers go to `deliver`, until it says the session is gone or the seat is
    /// dropped.
    pub fn seat(&self, deliver: impl Fn(J::Answer) -> bool + Send + Sync + 'static) -> Seat<J> {
        let mut state = self.owners.0.lock();
        let id = state.next_seat;
        state.next_seat += 1;
        state.seats.insert(id, Place { newest: None, running: false, carry: None, deliver: Arc::new(deliver) });
        drop(state);
        Seat { id, pool: self.clone() }
    }
}

/// A session's place in the pool. Dropping it drops its waiting query.
pub struct Seat<J: Job> {
    id: u64,
    pool: SearchPool<J>,
}

impl<J: Job> Seat<J> {
    /// Posts `job`, which replaces the seat's query waiting, if any. Gives it back when the
    /// pool can run nothing (no worker could start): the caller runs it.
    pub fn post(&self, job: J) -> Result<(), J> {
        let shared = &self.pool.owners.0;
        let mut state = shared.lock();
        if state.closed {
            return Err(job);
        }
        let Some(place) = state.seats.get_mut(&self.id) else {
            // The session said it was gone: nothing it asks is answered.
            return Ok(());
        };
        let was_waiting = place.newest.replace(job).is_some();
        // In the line already, or put back there when its running query ends.
        if !was_waiting && !place.running {
            state.line.push_back(self.id);
            drop(state);
            shared.work.notify_one();
        }
        Ok(())
    }
}

impl<J: Job> Seat<J> {
    /// Drops the seat's query waiting, if any: a newer one was answered elsewhere (the room's
    /// cache), so its results would be thrown away. A query already running goes on.
    pub fn withdraw(&self) {
        if let Some(place) = self.pool.owners.0.lock().seats.get_mut(&self.id) {
            // Its place in the line, if any, is skipped when its turn comes.
            place.newest = None;
        }
    }
}

impl<J: Job> Drop for Seat<J> {
    fn drop(&mut self) {
        // Its place in the line, if any, is skipped when its turn comes.
        self.pool.owners.0.lock().seats.remove(&self.id);
    }
}

/// A worker: the seat first in line, its newest query, the answer to that seat; until closed.
fn serve<J: Job>(shared: &Shared<J>) {
    let mut state = shared.lock();
    loop {
        if state.closed {
            return;
        }
        let Some(id) = state.line.pop_front() else {
            state = shared.work.wait(state).unwrap_or_else(|p| p.into_inner());
            continue;
        };
        let Some(place) = state.seats.get_mut(&id) else { continue };
        let Some(job) = place.newest.take() else { continue };
        place.running = true;
        let mut carry = place.carry.take().unwrap_or_default();
        let deliver = place.deliver.clone();
        drop(state);
        // A search never panics on data; were it to, the seat goes on and the worker too.
        let alive = match catch_unwind(AssertUnwindSafe(|| job.run(&mut carry))) {
            Ok(answer) => deliver(answer),
            Err(_) => true,
        };
        drop(deliver);
        state = shared.lock();
        if !alive {
            state.seats.remove(&id);
        } else if let Some(place) = state.seats.get_mut(&id) {
            place.running = false;
            place.carry = Some(carry);
            if place.newest.is_some() {
                // Asked again meanwhile: behind every seat that waited.
                state.line.push_back(id);
                shared.work.notify_one();
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::mpsc::{Receiver, Sender, channel};
    use std::time::Duration;

    /// A job that notes its name when it runs, and first waits for `gate` if it has one.
    struct Noted {
        name: String,
        ran: Sender<String>,
        gate: Option<Receiver<()>>,
    }

    impl Job for Noted {
        type Answer = String;
        type Carry = ();
        fn run(self, (): &mut ()) -> String {
            let _ = self.ran.send(self.name.clone());
            if let Some(gate) = self.gate {
                let _ = gate.recv_timeout(Duration::from_secs(10));
            }
            assert!(!self.name.ends_with("panics"), "asked to");
            self.name
        }
    }

    struct Bench {
        pool: SearchPool<Noted>,
        ran: Sender<String>,
        runs: Receiver<String>,
    }

    impl Bench {
        fn new(workers: usize) -> Bench {
            let (ran, runs) = channel();
            Bench { pool: SearchPool::new(workers), ran, runs }
        }

        /// A seat, and where its answers arrive.
        fn seat(&self) -> (Seat<Noted>, Receiver<String>) {
            let (answers, inbox) = channel();
            (self.pool.seat(move |answer| answers.send(answer).is_ok()), inbox)
        }

        fn job(&self, name: &str) -> Noted {
            Noted { name: name.into(), ran: self.ran.clone(), gate: None }
        }

        /// A job that runs only once the returned sender is dropped or sends.
        fn held(&self, name: &str) -> (Noted, Sender<()>) {
            let (open, gate) = channel();
            (Noted { name: name.into(), ran: self.ran.clone(), gate: Some(gate) }, open)
        }

        fn next_run(&self) -> String {
            self.runs.recv_timeout(Duration::from_secs(10)).expect("a job ran")
        }
    }

    fn answer(inbox: &Receiver<String>) -> String {
        inbox.recv_timeout(Duration::from_secs(10)).expect("an answer")
    }

    #[test]
    fn only_the_newest_query_waiting_is_run_and_answers_come_in_order() {
        let bench = Bench::new(1);
        let (seat, inbox) = bench.seat();
        let (first, open) = bench.held("a0");
        seat.post(first).ok().unwrap();
        assert_eq!(bench.next_run(), "a0");
        for name in ["a1", "a2", "a3"] {
            seat.post(bench.job(name)).ok().unwrap();
        }
        drop(open);
        assert_eq!(answer(&inbox), "a0");
        assert_eq!(answer(&inbox), "a3");
        assert_eq!(bench.next_run(), "a3");
        assert!(inbox.recv_timeout(Duration::from_millis(100)).is_err(), "a1 and a2 were never run");
    }

    #[test]
    fn a_seats_answers_reach_it_only() {
        let bench = Bench::new(2);
        let seats: Vec<_> = (0..20).map(|_| bench.seat()).collect();
        for round in 0..50 {
            for (i, (seat, _)) in seats.iter().enumerate() {
                seat.post(bench.job(&format!("{i}:{round}"))).ok().unwrap();
            }
        }
        for (i, (_, inbox)) in seats.iter().enumerate() {
            let mut last = String::new();
            while last != format!("{i}:49") {
                last = answer(inbox);
                assert!(last.starts_with(&format!("{i}:")), "seat {i} was given {last}");
            }
        }
    }

    /// One worker, busy with A's query: B and C ask, then A again. B and C are served before
    /// A's second query, however fast A asks.
    #[test]
    fn a_session_typing_fast_waits_its_turn_behind_the_others() {
        let bench = Bench::new(1);
        let (a, _a_answers) = bench.seat();
        let (b, _b_answers) = bench.seat();
        let (c, _c_answers) = bench.seat();
        let (first, open) = bench.held("a0");
        a.post(first).ok().unwrap();
        assert_eq!(bench.next_run(), "a0");
        b.post(bench.job("b0")).ok().unwrap();
        for k in 1..=20 {
            a.post(bench.job(&format!("a{k}"))).ok().unwrap();
        }
        c.post(bench.job("c0")).ok().unwrap();
        drop(open);
        let order: Vec<String> = (0..3).map(|_| bench.next_run()).collect();
        assert_eq!(order, ["b0", "c0", "a20"]);
    }

    /// A session gone (its channel closed), one that never reads its answers, one whose query
    /// panics, and one that left while its query waited: the others are answered all the same.
    #[test]
    fn a_dead_or_slow_session_does_not_hold_up_the_others() {
        let bench = Bench::new(1);
        let (gone, gone_inbox) = bench.seat();
        drop(gone_inbox);
        let (slow, _never_read) = bench.seat();
        let (panicky, _panicky_answers) = bench.seat();
        let (left, _left_answers) = bench.seat();
        let (busy, open) = bench.held("left0");
        left.post(busy).ok().unwrap();
        assert_eq!(bench.next_run(), "left0");
        left.post(bench.job("left1")).ok().unwrap();
        drop(left);
        gone.post(bench.job("gone0")).ok().unwrap();
        for k in 0..100 {
            slow.post(bench.job(&format!("slow{k}"))).ok().unwrap();
        }
        panicky.post(bench.job("panics")).ok().unwrap();
        let (fine, inbox) = bench.seat();
        fine.post(bench.job("fine0")).ok().unwrap();
        drop(open);
        assert_eq!(answer(&inbox), "fine0");
        // The gone session's seat is let go once told: what it asks now is not run.
        gone.post(bench.job("gone1")).ok().unwrap();
        fine.post(bench.job("fine1")).ok().unwrap();
        assert_eq!(answer(&inbox), "fine1");
        let ran: Vec<String> = bench.runs.try_iter().collect();
        assert!(!ran.iter().any(|r| r == "left1" || r == "gone1"), "ran {ran:?}");
    }

    /// Each job is told what its seat's jobs ran before it, whichever worker ran them.
    struct Carried(&'static str);

    impl Job for Carried {
        type Answer = Vec<&'static str>;
        type Carry = Vec<&'static str>;
        fn run(self, before: &mut Vec<&'static str>) -> Vec<&'static str> {
            before.push(self.0);
            before.clone()
        }
    }

    #[test]
    fn what_a_seats_job_leaves_goes_to_its_next_job_only_whichever_worker_runs_it() {
        let pool: SearchPool<Carried> = SearchPool::new(2);
        let seats: Vec<_> = (0..6)
            .map(|_| {
                let (answers, inbox) = channel();
                (pool.seat(move |answer| answers.send(answer).is_ok()), inbox)
            })
            .collect();
        let names = ["a", "b", "c", "d", "e", "f"];
        for round in 0..3 {
            for (seat, _) in &seats {
                seat.post(Carried(names[round])).ok().unwrap();
            }
            for (_, inbox) in &seats {
                let answer = inbox.recv_timeout(Duration::from_secs(10)).expect("an answer");
                assert_eq!(answer, names[..=round], "only its own seat's jobs, in order");
            }
        }
    }

    #[test]
    fn a_pool_whose_handles_are_gone_ends_its_workers() {
        let bench = Bench::new(2);
        let weak = Arc::downgrade(&bench.pool.owners.0);
        let (seat, inbox) = bench.seat();
        seat.post(bench.job("x")).ok().unwrap();
        assert_eq!(answer(&inbox), "x");
        drop(seat);
        drop(bench);
        let deadline = std::time::Instant::now() + Duration::from_secs(10);
        while weak.strong_count() > 0 {
            assert!(std::time::Instant::now() < deadline, "the workers did not end");
            std::thread::sleep(Duration::from_millis(5));
        }
    }
}
