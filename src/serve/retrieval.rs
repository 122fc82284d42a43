//! Every shortlist goes home, and nobody reads another's. The room keeps, in memory only and
//! for as long as it runs, each participant's shortlist: a key's under the key, a session
//! that came in with the room password (or into an open room) under a retrieval code of its
//! own (`K7M2-QX4P`: 8 characters of a 32-letter alphabet, 40 bits from the system's random
//! source), which is good for one thing only: `ssh … export --shortlist K7M2-QX4P`.
//!
//! Wrong codes are limited per address and for the whole room (a token bucket each): while
//! either is spent, no code is even looked at, so guessing a code takes the room's life many
//! times over. Once the room closes, no code is worth anything.

use std::collections::HashMap;
use std::net::IpAddr;
use std::sync::Mutex;
use std::time::Instant;

use rand::RngExt;

use super::limits::Bucket;
use crate::shortlist::Shortlist;

/// The letters of a code: Crockford's base 32, without I, L, O and U, which read as 1, 0 or V.
const ALPHABET: &[u8; 32] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";
/// Characters of a code, each 5 bits: 40 bits in all.
pub const CODE_LENGTH: usize = 8;

/// Wrong codes one address may give at once, then one more every [`ADDRESS_REFILL_SECONDS`].
pub const WRONG_PER_ADDRESS: u32 = 5;
const ADDRESS_REFILL_SECONDS: f64 = 120.0;
/// Wrong codes the whole room takes at once, then one more every [`ROOM_REFILL_SECONDS`]:
/// with 200 codes alive, a guess is right once in 5.5 billion; at 360 guesses an hour, once in
/// 1,700 years of workshops.
pub const WRONG_PER_ROOM: u32 = 30;
const ROOM_REFILL_SECONDS: f64 = 10.0;
/// Shortlists kept, at most: beyond it, those of sessions long ended make way.
const KEPT_MAX: usize = 10_000;
/// Addresses whose wrong codes are remembered, at most.
const ADDRESSES_MAX: usize = 10_000;

/// Whose shortlist: a key's (its fingerprint in hex), or a session's (by its number).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Owner {
    Key(String),
    Session(u64),
}

/// Why a code gave nothing.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Refused {
    /// No session has this code.
    Wrong,
    /// Too many wrong codes lately, from this address or in the room: not looked at.
    Limited,
    /// The room has closed.
    Closed,
}

#[derive(Default)]
struct Kept {
    list: Shortlist,
    /// When it last changed, for making way.
    changed: u64,
}

struct Inner {
    lists: HashMap<Owner, Kept>,
    codes: HashMap<String, u64>,
    wrong_by_address: HashMap<IpAddr, Bucket>,
    wrong_in_room: Bucket,
    changes: u64,
    closed: bool,
}

pub struct Retrieval {
    inner: Mutex<Inner>,
}

impl Default for Retrieval {
    fn default() -> Retrieval {
        Retrieval {
            inner: Mutex::new(Inner {
                lists: HashMap::new(),
                codes: HashMap::new(),
                wrong_by_address: HashMap::new(),
                wrong_in_room: Bucket::new(WRONG_PER_ROOM, 1.0 / ROOM_REFILL_SECONDS),
                changes: 0,
                closed: false,
            }),
        }
    }
}

/// The start of the command that reaches the room again, as the participant reached it:
/// `ssh -p 2222 fr@192.0.2.7`. A user name other than plain letters is cleaned and quoted for
/// the shell.
pub fn ssh_command(user: &str, reached: std::net::SocketAddr) -> String {
    let plain = !user.is_empty() && user.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '-'));
    let user = if plain {
        user.to_string()
    } else {
        let shown = crate::text::visible::client(user);
        shlex::try_quote(&shown).map(|q| q.into_owned()).unwrap_or_else(|_| "room".into())
    };
    format!("ssh -p {} {user}@{}", reached.port(), reached.ip().to_canonical())
}

/// A new code, as shown: `K7M2-QX4P`.
fn new_code() -> String {
    let mut rng = rand::rng();
    let letters: String = (0..CODE_LENGTH).map(|_| char::from(ALPHABET[rng.random_range(0..ALPHABET.len())])).collect();
    format!("{}-{}", &letters[..CODE_LENGTH / 2], &letters[CODE_LENGTH / 2..])
}

/// A code as typed (any case, with or without the dash, O for 0, I and L for 1), as kept; none
/// when it cannot be one.
pub fn normalise(typed: &str) -> Option<String> {
    let letters: String = typed
        .chars()
        .filter(|c| *c != '-' && *c != ' ')
        .map(|c| match c.to_ascii_uppercase() {
            'O' => '0',
            'I' | 'L' => '1',
            other => other,
        })
        .collect();
    let valid = letters.len() == CODE_LENGTH && letters.bytes().all(|b| ALPHABET.contains(&b));
    valid.then(|| format!("{}-{}", &letters[..CODE_LENGTH / 2], &letters[CODE_LENGTH / 2..]))
}

impl Retrieval {
    fn inner(&self) -> std::sync::MutexGuard<'_, Inner> {
        self.inner.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// A code for session `id`'s shortlist, kept until the room closes.
    pub fn code_for(&self, id: u64) -> String {
        let mut inner = self.inner();
        loop {
            let code = new_code();
            if !inner.codes.contains_key(&code) {
                inner.codes.insert(code.clone(), id);
                inner.lists.entry(Owner::Session(id)).or_default();
                return code;
            }
        }
    }

    /// The shortlist of `owner` is now `list`.
    pub fn keep(&self, owner: Owner, list: &Shortlist) {
        let mut inner = self.inner();
        if inner.closed {
            return;
        }
        inner.changes += 1;
        let changed = inner.changes;
        inner.lists.insert(owner, Kept { list: list.clone(), changed });
        if inner.lists.len() > KEPT_MAX {
            // The longest unchanged makes way (and its code with it).
            if let Some(oldest) = inner.lists.iter().min_by_key(|(_, kept)| kept.changed).map(|(o, _)| o.clone()) {
                inner.lists.remove(&oldest);
                if let Owner::Session(id) = oldest {
                    inner.codes.retain(|_, session| *session != id);
                }
            }
        }
    }

    /// The shortlist of `owner`, when the room has it.
    pub fn of(&self, owner: &Owner) -> Option<Shortlist> {
        let inner = self.inner();
        if inner.closed {
            return None;
        }
        inner.lists.get(owner).map(|kept| kept.list.clone())
    }

    /// The shortlist a code names, asked from `address`, unless the code is wrong, too many
    /// wrong codes came lately, or the room has closed.
    pub fn claim(&self, address: IpAddr, typed: &str, now: Instant) -> Result<Shortlist, Refused> {
        let mut inner = self.inner();
        if inner.closed {
            return Err(Refused::Closed);
        }
        if inner.wrong_by_address.len() > ADDRESSES_MAX {
            inner.wrong_by_address.clear();
        }
        let address_spent = {
            let bucket = inner
                .wrong_by_address
                .entry(address)
                .or_insert_with(|| Bucket::new(WRONG_PER_ADDRESS, 1.0 / ADDRESS_REFILL_SECONDS));
            !bucket.clone_has(now)
        };
        if address_spent || !inner.wrong_in_room.clone_has(now) {
            return Err(Refused::Limited);
        }
        let found = normalise(typed)
            .and_then(|code| inner.codes.get(&code).copied())
            .and_then(|id| inner.lists.get(&Owner::Session(id)).map(|kept| kept.list.clone()));
        match found {
            Some(list) => Ok(list),
            None => {
                inner.wrong_in_room.take(1.0, now);
                if let Some(bucket) = inner.wrong_by_address.get_mut(&address) {
                    bucket.take(1.0, now);
                }
                Err(Refused::Wrong)
            }
        }
    }

    /// Every shortlist the room kept, whoever's (for counting the room's picks).
    pub fn lists(&self) -> Vec<Shortlist> {
        self.inner().lists.values().map(|kept| kept.list.clone()).collect()
    }

    /// The room has closed: every code and shortlist is forgotten.
    pub fn close(&self) {
        let mut inner = self.inner();
        inner.closed = true;
        inner.codes.clear();
        inner.lists.clear();
    }
}

impl Bucket {
    /// Whether a token is there now, without taking it.
    fn clone_has(&self, now: Instant) -> bool {
        let mut copy = *self;
        copy.take(1.0, now)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

    fn here() -> IpAddr {
        "10.0.0.1".parse().unwrap()
    }

    #[test]
    fn a_code_has_40_bits_and_reads_back_however_it_is_typed() {
        let code = new_code();
        assert_eq!(code.len(), CODE_LENGTH + 1);
        assert_eq!(ALPHABET.len().pow(CODE_LENGTH as u32), 1 << 40);
        assert_eq!(normalise(&code.to_lowercase()).as_deref(), Some(code.as_str()));
        assert_eq!(normalise(&code.replace('-', "")).as_deref(), Some(code.as_str()));
        assert_eq!(normalise("K7M2-QX4O").as_deref(), Some("K7M2-QX40"));
        assert_eq!(normalise("K7M2-QX4"), None);
        assert_eq!(normalise("K7M2-QX4PP"), None);
        assert_eq!(normalise("../etc/passwd"), None);
        let codes: std::collections::HashSet<String> = (0..1000).map(|_| new_code()).collect();
        assert_eq!(codes.len(), 1000, "codes do not repeat");
    }

    #[test]
    fn the_command_is_the_address_reached_and_the_user_name_safe_for_a_shell() {
        let reached: std::net::SocketAddr = "[::ffff:192.0.2.7]:2222".parse().unwrap();
        assert_eq!(ssh_command("fr", reached), "ssh -p 2222 fr@192.0.2.7");
        let odd = ssh_command("x; rm -rf ~ \x1b[2J", reached);
        assert!(!odd.contains('\x1b'), "{odd}");
        assert_eq!(shlex::split(&odd).unwrap().len(), 4, "one word for the user: {odd}");
    }

    #[test]
    fn a_code_gives_exactly_its_sessions_shortlist() {
        let room = Retrieval::default();
        let (mine, theirs) = (room.code_for(1), room.code_for(2));
        room.keep(Owner::Session(1), &Shortlist::of(&["a", "b"]));
        room.keep(Owner::Session(2), &Shortlist::of(&["c"]));
        let now = Instant::now();
        assert_eq!(room.claim(here(), &mine, now), Ok(Shortlist::of(&["a", "b"])));
        assert_eq!(room.claim(here(), &theirs.to_lowercase(), now), Ok(Shortlist::of(&["c"])));
        assert_eq!(room.of(&Owner::Key("k".into())), None);
    }

    #[test]
    fn wrong_codes_are_limited_per_address_then_even_a_right_one_waits() {
        let room = Retrieval::default();
        let code = room.code_for(1);
        room.keep(Owner::Session(1), &Shortlist::of(&["a"]));
        let now = Instant::now();
        let wrong = (0..1000).filter(|_| room.claim(here(), "AAAA-AAAA", now) == Err(Refused::Wrong)).count();
        assert_eq!(wrong, WRONG_PER_ADDRESS as usize, "only the first few are even looked at");
        assert_eq!(room.claim(here(), &code, now), Err(Refused::Limited));
        let other: IpAddr = "10.0.0.2".parse().unwrap();
        assert_eq!(room.claim(other, &code, now), Ok(Shortlist::of(&["a"])), "another address is not blocked");
        let later = now + Duration::from_secs_f64(ADDRESS_REFILL_SECONDS + 1.0);
        assert_eq!(room.claim(here(), &code, later), Ok(Shortlist::of(&["a"])));
    }

    #[test]
    fn wrong_codes_from_many_addresses_are_limited_for_the_whole_room() {
        let room = Retrieval::default();
        let code = room.code_for(1);
        let now = Instant::now();
        let mut looked_at = 0;
        for i in 0..1000u32 {
            let address = IpAddr::from(std::net::Ipv4Addr::from(0x0a00_0000 + i));
            if room.claim(address, "AAAA-AAAA", now) == Err(Refused::Wrong) {
                looked_at += 1;
            }
        }
        assert_eq!(looked_at, WRONG_PER_ROOM);
        assert_eq!(room.claim("10.9.9.9".parse().unwrap(), &code, now), Err(Refused::Limited));
    }

    #[test]
    fn a_code_is_useless_once_the_room_has_closed() {
        let room = Retrieval::default();
        let code = room.code_for(1);
        room.keep(Owner::Session(1), &Shortlist::of(&["a"]));
        room.close();
        assert_eq!(room.claim(here(), &code, Instant::now()), Err(Refused::Closed));
        assert_eq!(room.of(&Owner::Session(1)), None);
        assert!(room.lists().is_empty());
    }
}
