//! [`Id`]: an identifier interned for the life of the process, so that it is one pointer.
//!
//! A catalogue of 100k entries names about 1.3 million ids (its own id, region, materials,
//! themes, stages, organisations...), but only as many distinct ones as it has entries plus
//! its vocabularies' terms. Inline (24 bytes each, `compact_str`) they took 31 MB; as a
//! pointer to the one copy of each distinct id, 8 bytes each plus about 50 bytes per distinct
//! id (BENCHMARKS.md, #13). Distinct ids are never freed: a reload of the same catalogue finds
//! them again, and only ids never seen before add to what is kept.

// `&'static Box<str>` on purpose: one pointer, where `&'static str` would be two.
#![allow(clippy::borrowed_box)]

use serde::de::{self, Deserializer, Visitor};
use serde::{Deserialize, Serialize, Serializer};
use std::borrow::Borrow;
use std::fmt;
use std::hash::{Hash, Hasher};
use std::sync::Mutex;

use hashbrown::HashTable;

use rkyv::rancor::{Fallible, Source};
use rkyv::string::{ArchivedString, StringResolver};
use rkyv::{Place, SerializeUnsized};

use super::refused::Refused;
use crate::text::{Lines, sanitize};

/// An identifier: an entry's file name, or a vocabulary term. Checked for shape only;
/// whether it names something is checked once the whole catalogue is loaded.
#[derive(Clone)]
pub struct Id(&'static Box<str>);

/// The loader's threads intern at once: one lock per shard, chosen by the id's hash.
const SHARDS: usize = 16;
static INTERNED: [Mutex<HashTable<Kept>>; SHARDS] = [const { Mutex::new(HashTable::new()) }; SHARDS];

/// A kept id with its hash, so that growing a shard's table hashes nothing again, and its
/// text's address, so that comparing reads the text without going through the `Box` first.
#[derive(Clone, Copy)]
struct Kept {
    hash: u64,
    text: &'static str,
    id: &'static Box<str>,
}

/// The one copy of `text`. Hashed once: the hash picks the shard and finds the id in the
/// shard's table (100k entries name about 1.3 million ids; a second hash per id was part of
/// the 5 % interning took of an uncached load). The shard comes from middle bits: the table
/// places by the low bits and tells keys apart by the top seven.
fn intern(text: &str) -> &'static Box<str> {
    let hash = xxhash_rust::xxh3::xxh3_64(text.as_bytes());
    let slot = hash as usize % RECENT_SLOTS;
    let recent = RECENT.with_borrow(|recent| recent[slot]);
    if let Some(kept) = recent
        && kept.hash == hash
        && crate::text::same_bytes(kept.text.as_bytes(), text.as_bytes())
    {
        return kept.id;
    }
    let id = intern_shared(hash, text);
    RECENT.with_borrow_mut(|recent| recent[slot] = Some(Kept { hash, text: id, id }));
    id
}

/// How many ids each thread keeps at hand.
const RECENT_SLOTS: usize = 256;

thread_local! {
    /// The ids this thread interned last, one per slot of their hash: most of the 1.3 million
    /// ids of 100k entries are their vocabularies' few hundred terms, found here without the
    /// shard's lock and table (interning was 6 % of the CPU samples of an uncached load).
    static RECENT: std::cell::RefCell<[Option<Kept>; RECENT_SLOTS]> =
        const { std::cell::RefCell::new([None; RECENT_SLOTS]) };
}

/// [`intern`] in the table every thread shares.
fn intern_shared(hash: u64, text: &str) -> &'static Box<str> {
    let shard = (hash >> 32) as usize % SHARDS;
    let mut kept = INTERNED[shard].lock().unwrap_or_else(|poisoned| poisoned.into_inner());
    let entry =
        kept.entry(hash, |k| k.hash == hash && crate::text::same_bytes(k.text.as_bytes(), text.as_bytes()), |k| k.hash);
    match entry {
        hashbrown::hash_table::Entry::Occupied(known) => known.get().id,
        hashbrown::hash_table::Entry::Vacant(vacant) => {
            let id: &'static Box<str> = Box::leak(Box::new(Box::from(text)));
            vacant.insert(Kept { hash, text: id, id });
            id
        }
    }
}

impl Id {
    /// Ids are what curators type in filters and file names: letters, digits, `-`, `_`, `.`.
    pub fn parse(text: &str) -> Result<Id, Refused> {
        Id::check(text).map(|()| Id(intern(text)))
    }

    fn check(text: &str) -> Result<(), Refused> {
        let ok = !text.is_empty()
            && text.len() <= 120
            && text.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'));
        if ok { Ok(()) } else { Err(Refused::Id(sanitize(text, Lines::Single))) }
    }

    pub fn as_str(&self) -> &str {
        self.0
    }
}

impl Default for Id {
    fn default() -> Id {
        Id(intern(""))
    }
}

// Equal texts are one copy, so comparing the pointers is comparing the texts.
impl PartialEq for Id {
    fn eq(&self, other: &Id) -> bool {
        std::ptr::eq(self.0, other.0)
    }
}

impl Eq for Id {}

impl PartialOrd for Id {
    fn partial_cmp(&self, other: &Id) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Id {
    fn cmp(&self, other: &Id) -> std::cmp::Ordering {
        self.as_str().cmp(other.as_str())
    }
}

// As the text hashes, so that maps keyed by `Id` can be searched by `&str`.
impl Hash for Id {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.as_str().hash(state);
    }
}

impl fmt::Debug for Id {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_tuple("Id").field(&self.as_str()).finish()
    }
}

impl fmt::Display for Id {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Borrow<str> for Id {
    fn borrow(&self) -> &str {
        self.as_str()
    }
}

impl<'de> Deserialize<'de> for Id {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct IdVisitor;
        impl Visitor<'_> for IdVisitor {
            type Value = Id;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("an id")
            }
            // Read in place: no temporary string.
            fn visit_str<E: de::Error>(self, s: &str) -> Result<Id, E> {
                Id::parse(s).map_err(de::Error::custom)
            }
        }
        d.deserialize_str(IdVisitor)
    }
}

impl Serialize for Id {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

// The catalogue cache keeps an id as its text, and interns it again when read.
impl rkyv::Archive for Id {
    type Archived = ArchivedString;
    type Resolver = StringResolver;

    fn resolve(&self, resolver: Self::Resolver, out: Place<Self::Archived>) {
        ArchivedString::resolve_from_str(self.as_str(), resolver, out);
    }
}

impl<S> rkyv::Serialize<S> for Id
where
    str: SerializeUnsized<S>,
    S: Fallible + ?Sized,
    S::Error: Source,
{
    fn serialize(&self, serializer: &mut S) -> Result<Self::Resolver, S::Error> {
        ArchivedString::serialize_from_str(self.as_str(), serializer)
    }
}

/// An id read back from the catalogue cache is checked as one read from a file is: a cache
/// is never trusted to hold only what the loader let through.
impl<D: Fallible + ?Sized> rkyv::Deserialize<Id, D> for ArchivedString
where
    D::Error: Source,
{
    fn deserialize(&self, _: &mut D) -> Result<Id, D::Error> {
        match Id::check(self.as_str()) {
            Ok(()) => Ok(Id(intern(self.as_str()))),
            Err(_) => rkyv::rancor::fail!(crate::text::Unclean),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn equal_ids_are_one_copy_and_compare_as_text() {
        let a = Id::parse("rare-earths").unwrap();
        let b: Id = ron::from_str("\"rare-earths\"").unwrap();
        assert_eq!(a, b);
        assert!(std::ptr::eq(a.as_str(), b.as_str()));
        assert!(Id::parse("a-b").unwrap() < Id::parse("a-c").unwrap());
        assert_ne!(Id::parse("a-b").unwrap(), Id::parse("A-b").unwrap());
        assert_eq!(size_of::<Option<Id>>(), 8);
        assert!(Id::parse("rare earths").unwrap_err().to_string().contains("malformed id"));
    }
}
