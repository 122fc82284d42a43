//! Connections that have not logged in yet have a budget of their own, so that connections
//! which never log in cannot keep a participant out (a slowloris: hundreds of idle TCP
//! connections). As OpenSSH's MaxStartups and PerSourceMaxStartups, at most
//! [`Limits::max_startups`](super::limits::Limits) such connections are kept, and at most
//! [`Limits::startups_per_address`](super::limits::Limits) from one address; each has the
//! login grace time to log in, then is cut ("timeout before authentication").
//!
//! Where sshd then drops new connections at random (and, once full, all of them, until the
//! idle ones time out), the room drops idle ones instead: when the budget is full, a new
//! connection takes the place of the oldest one that has not even begun to log in (no
//! authentication request after [`STALLED`]). A real client asks to authenticate within
//! milliseconds of connecting and, while its user types the password, is never taken for
//! idle; connections that sit silent are the ones dropped, so a participant gets in at once
//! however many there are. Only connections that all went as far as asking to log in, and
//! then wait, fill the budget for good; each costs its sender a key exchange, within the
//! per-address limits, until its grace time ends.

use std::collections::HashMap;
use std::net::IpAddr;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use tokio::sync::Notify;

/// How long a connection may stay without asking to log in before it counts as idle, and may
/// make way for a new one. An SSH client asks within a few round trips.
pub const STALLED: Duration = Duration::from_secs(2);

struct Pending {
    address: IpAddr,
    since: Instant,
    began: Arc<AtomicBool>,
    dropped: Arc<Notify>,
}

/// The connections waiting to log in.
pub struct Startups {
    max: usize,
    per_address: usize,
    pending: Mutex<HashMap<u64, Pending>>,
}

/// Why a new connection was not let wait for its login.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Refused {
    /// Its address already has [`Limits::startups_per_address`](super::limits::Limits) waiting.
    Address,
    /// The budget is full, and every connection in it has begun to log in.
    Full,
}

/// A place in the budget, given back when dropped or when its connection logs in.
pub struct Ticket {
    id: u64,
    startups: Arc<Startups>,
    /// Set by the connection when the client first asks to authenticate.
    pub began: Arc<AtomicBool>,
    /// Notified when the place is given to a newer connection: the connection must close.
    pub dropped: Arc<Notify>,
}

impl Drop for Ticket {
    fn drop(&mut self) {
        self.startups.release(self.id);
    }
}

impl Ticket {
    /// The connection logged in: its place goes back to the budget.
    pub fn logged_in(&self) {
        self.startups.release(self.id);
    }
}

impl Startups {
    pub fn new(max: usize, per_address: usize) -> Arc<Startups> {
        Arc::new(Startups { max: max.max(1), per_address: per_address.max(1), pending: Mutex::default() })
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, HashMap<u64, Pending>> {
        self.pending.lock().unwrap_or_else(|p| p.into_inner())
    }

    fn release(&self, id: u64) {
        self.lock().remove(&id);
    }

    /// Connections waiting to log in now.
    pub fn waiting(&self) -> usize {
        self.lock().len()
    }

    /// A place for connection `id` from `address`, or why not. When the budget is full, the
    /// oldest idle connection (see the module's doc) is dropped to make room: its address is
    /// returned beside the ticket.
    pub fn admit(
        self: &Arc<Startups>,
        id: u64,
        address: IpAddr,
        now: Instant,
    ) -> Result<(Ticket, Option<IpAddr>), Refused> {
        let mut pending = self.lock();
        if pending.values().filter(|p| p.address == address).count() >= self.per_address {
            return Err(Refused::Address);
        }
        let mut dropped_address = None;
        if pending.len() >= self.max {
            let idle = pending
                .iter()
                .filter(|(_, p)| !p.began.load(Ordering::SeqCst) && now.saturating_duration_since(p.since) >= STALLED)
                .min_by_key(|(_, p)| p.since)
                .map(|(id, _)| *id);
            let Some(idle) = idle else { return Err(Refused::Full) };
            if let Some(gone) = pending.remove(&idle) {
                // A permit is kept if the connection is not waiting on it yet.
                gone.dropped.notify_one();
                dropped_address = Some(gone.address);
            }
        }
        let began = Arc::new(AtomicBool::new(false));
        let dropped = Arc::new(Notify::new());
        pending.insert(id, Pending { address, since: now, began: began.clone(), dropped: dropped.clone() });
        Ok((Ticket { id, startups: self.clone(), began, dropped }, dropped_address))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn address(n: u8) -> IpAddr {
        IpAddr::from([127, 0, 0, n])
    }

    #[test]
    fn idle_connections_make_way_and_those_logging_in_never_do() {
        let startups = Startups::new(4, 2);
        let start = Instant::now();
        let mut tickets = Vec::new();
        for (id, n) in [(1, 1), (2, 1), (3, 2), (4, 3)] {
            let at = start + Duration::from_millis(id);
            tickets.push(startups.admit(id, address(n), at).unwrap().0);
        }
        assert_eq!(startups.admit(5, address(1), start).err(), Some(Refused::Address), "two per address");
        // Full, and none idle for long enough yet: the newcomer waits outside.
        assert_eq!(startups.admit(5, address(4), start).err(), Some(Refused::Full));
        // Later, the oldest idle one makes way; one that began to log in never does.
        tickets[0].began.store(true, Ordering::SeqCst);
        let later = start + STALLED + Duration::from_millis(10);
        let (newcomer, dropped) = startups.admit(5, address(4), later).unwrap();
        assert_eq!(dropped, Some(address(1)), "connection 2, the oldest idle one");
        assert_eq!(startups.waiting(), 4);
        // Its connection is told to close.
        let told = tickets[1].dropped.clone();
        let runtime = tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap();
        runtime.block_on(async { tokio::time::timeout(Duration::from_secs(5), told.notified()).await.unwrap() });
        // A ticket given back (logged in, or its connection ended) frees its place.
        newcomer.logged_in();
        drop(tickets);
        assert_eq!(startups.waiting(), 0);
    }
}
