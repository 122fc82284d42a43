//! The limits that keep one room usable when someone misbehaves: how many dashboards at once,
//! how fast one address may connect, how fast a session may type, how long it may sit idle.

use std::collections::HashMap;
use std::net::IpAddr;
use std::sync::Mutex;
use std::time::{Duration, Instant};

#[derive(Clone, Debug)]
pub struct Limits {
    /// Dashboards and commands running at once.
    pub max_sessions: usize,
    /// New connections per minute from one address (a burst of a third of it is allowed).
    pub connections_per_minute: u32,
    /// Authentication attempts per connection, as OpenSSH counts them (the first "none"
    /// probe and each key offered count too): 6, like OpenSSH's MaxAuthTries.
    pub auth_attempts: usize,
    /// A session without a key for this long is closed.
    pub idle: Duration,
    /// A connection must have logged in within this time after it was accepted (OpenSSH's
    /// LoginGraceTime), and then opened a session.
    pub login_time: Duration,
    /// Connections waiting to log in, at most (OpenSSH's MaxStartups): see `startups.rs`.
    pub max_startups: usize,
    /// Connections waiting to log in from one address, at most (PerSourceMaxStartups).
    pub startups_per_address: usize,
    /// Input bytes per second per session, beyond a burst of [`INPUT_BURST`]: a paste or a
    /// flood is slowed down (the client waits), not dropped.
    pub input_bytes_per_second: u32,
}

pub const INPUT_BURST: u32 = 64 * 1024;

impl Default for Limits {
    fn default() -> Limits {
        Limits {
            max_sessions: 200,
            connections_per_minute: 60,
            auth_attempts: 6,
            idle: Duration::from_secs(30 * 60),
            login_time: Duration::from_secs(20),
            max_startups: 100,
            startups_per_address: 10,
            input_bytes_per_second: 16 * 1024,
        }
    }
}

/// A token bucket: `capacity` tokens, refilled at `rate` per second.
#[derive(Clone, Copy, Debug)]
pub struct Bucket {
    tokens: f64,
    capacity: f64,
    rate: f64,
    last: Instant,
}

impl Bucket {
    pub fn new(capacity: u32, per_second: f64) -> Bucket {
        let capacity = f64::from(capacity.max(1));
        Bucket { tokens: capacity, capacity, rate: per_second, last: Instant::now() }
    }

    fn refill(&mut self, now: Instant) {
        let elapsed = now.saturating_duration_since(self.last).as_secs_f64();
        self.tokens = (self.tokens + elapsed * self.rate).min(self.capacity);
        self.last = now;
    }

    /// Takes `amount` tokens if there are enough.
    pub fn take(&mut self, amount: f64, now: Instant) -> bool {
        self.refill(now);
        if self.tokens >= amount {
            self.tokens -= amount;
            true
        } else {
            false
        }
    }

    /// Takes `amount` tokens, going into debt; returns how long to wait until the debt is paid.
    pub fn spend(&mut self, amount: f64, now: Instant) -> Duration {
        self.refill(now);
        self.tokens -= amount;
        if self.tokens >= 0.0 || self.rate <= 0.0 {
            Duration::ZERO
        } else {
            Duration::from_secs_f64(-self.tokens / self.rate)
        }
    }

    fn full(&self, now: Instant) -> bool {
        let mut copy = *self;
        copy.refill(now);
        copy.tokens >= copy.capacity
    }
}

/// New connections per address.
pub struct ConnectionRate {
    per_minute: u32,
    buckets: Mutex<HashMap<IpAddr, Bucket>>,
}

impl ConnectionRate {
    pub fn new(per_minute: u32) -> ConnectionRate {
        ConnectionRate { per_minute, buckets: Mutex::new(HashMap::new()) }
    }

    /// Whether a new connection from `address` is allowed now.
    pub fn allow(&self, address: IpAddr) -> bool {
        let now = Instant::now();
        let mut buckets = self.buckets.lock().unwrap_or_else(|p| p.into_inner());
        if buckets.len() > 10_000 {
            // Addresses back to a full bucket are no different from new ones.
            buckets.retain(|_, bucket| !bucket.full(now));
        }
        let per_minute = self.per_minute;
        buckets
            .entry(address)
            .or_insert_with(|| Bucket::new((per_minute / 3).max(1), f64::from(per_minute) / 60.0))
            .take(1.0, now)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_address_gets_a_burst_then_waits_others_are_not_affected() {
        let rate = ConnectionRate::new(60);
        let flooder: IpAddr = "10.0.0.1".parse().unwrap();
        let allowed = (0..1000).filter(|_| rate.allow(flooder)).count();
        assert!((20..=21).contains(&allowed), "{allowed}");
        assert!(rate.allow("10.0.0.2".parse().unwrap()));
    }

    #[test]
    fn input_beyond_the_burst_waits_in_proportion() {
        let now = Instant::now();
        let mut bucket = Bucket::new(1000, 100.0);
        assert_eq!(bucket.spend(1000.0, now), Duration::ZERO);
        let wait = bucket.spend(100.0, now);
        assert!((wait.as_secs_f64() - 1.0).abs() < 0.01, "{wait:?}");
    }
}
