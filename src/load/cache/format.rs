//! The cache file: a 64-byte header, then the archived load (rkyv, chosen by measuring it
//! against bincode and postcard: `examples/cache_formats.rs`, BENCHMARKS.md).
//!
//! Header, little-endian: magic (8 bytes), format version (u32), 4 zero bytes, hash of the
//! tool's version (u64), hash of the cache's key, the folders (u64), payload length (u64),
//! checksum (u64: xxh3 of the header's first 40 bytes and the payload), 16 zero bytes.
//! A file that is short, long, foreign, from another version or another key, or whose
//! checksum fails is refused before anything in it is looked at; a payload that passes is
//! still validated by rkyv (every offset and length within the buffer) before it is read,
//! so nothing in the file can make the reader allocate beyond the file's own size or panic.

use rkyv::util::AlignedVec;
use xxhash_rust::xxh3::{Xxh3, xxh3_64};

use super::stamp::Stamp;
use crate::diagnostic::Diagnostic;
use crate::model::{Entry, Term};

const MAGIC: &[u8; 8] = b"boucle\xca\xc4";
/// Raised whenever what is archived changes shape (a field in the model, the header): a
/// cache from a build with another shape is never read, even at the same tool version.
pub const FORMAT_VERSION: u32 = 4;
pub const HEADER: usize = 64;
/// Offset of the checksum, which covers the bytes before it and the payload.
const CHECKSUM_AT: usize = 40;

/// What a cache holds: one load of the folders, as the loader returned it.
#[derive(rkyv::Archive, rkyv::Deserialize)]
pub struct Cached {
    pub stamps: Vec<Stamp>,
    /// Terms of each vocabulary, in `VocabularyKind::ALL` order.
    pub vocabularies: Vec<Vec<Term>>,
    pub entries: Vec<Entry>,
    pub diagnostics: Vec<Diagnostic>,
    /// The text of each file with a problem, to quote it.
    pub sources: Vec<SourceText>,
    pub files_read: u64,
    /// The search index of `entries`, archived by the query layer; empty when not kept.
    pub index: Vec<u8>,
}

#[derive(rkyv::Archive, rkyv::Deserialize)]
pub struct SourceText {
    pub file: String,
    pub text: String,
}

/// The same, borrowed from a load, for writing without copying the catalogue: field for
/// field the same archived types (both `repr(C)`), so what is written is what [`Cached`]
/// reads. The reader validates the bytes as [`ArchivedCached`] all the same, and
/// `tests/cache.rs` reads back what is written.
#[derive(rkyv::Archive, rkyv::Serialize)]
pub struct Writing<'a> {
    #[rkyv(with = rkyv::with::AsVec)]
    pub stamps: &'a [Stamp],
    /// A few hundred terms: copied.
    pub vocabularies: Vec<Vec<Term>>,
    #[rkyv(with = rkyv::with::AsVec)]
    pub entries: &'a [Entry],
    #[rkyv(with = rkyv::with::AsVec)]
    pub diagnostics: &'a [Diagnostic],
    pub sources: Vec<SourceRef<'a>>,
    pub files_read: u64,
    #[rkyv(with = rkyv::with::AsVec)]
    pub index: &'a [u8],
}

#[derive(rkyv::Archive, rkyv::Serialize)]
pub struct SourceRef<'a> {
    #[rkyv(with = rkyv::with::AsString)]
    pub file: &'a str,
    #[rkyv(with = rkyv::with::AsString)]
    pub text: &'a str,
}

// The two forms must have one layout.
const _: () = {
    assert!(size_of::<ArchivedWriting<'static>>() == size_of::<ArchivedCached>());
    assert!(align_of::<ArchivedWriting<'static>>() == align_of::<ArchivedCached>());
    assert!(size_of::<ArchivedSourceRef<'static>>() == size_of::<ArchivedSourceText>());
};

/// Why a cache file was not used.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Refused {
    /// Too short, not a boucle cache, or another format version.
    Foreign,
    /// Written by another version of boucle.
    OtherVersion,
    /// The cache of other folders (a file name collision, or a file moved by hand).
    OtherKey,
    /// Truncated or extended: the length does not match the header.
    Length,
    Checksum,
    /// The checksum holds but the payload is not a valid archive.
    Invalid,
}

/// The file's bytes: header, then the payload.
pub fn encode(writing: &Writing<'_>, version: u64, key: u64) -> Result<Vec<u8>, String> {
    let payload = rkyv::to_bytes::<rkyv::rancor::Error>(writing).map_err(|e| e.to_string())?;
    let mut out = Vec::with_capacity(HEADER + payload.len());
    out.extend_from_slice(MAGIC);
    out.extend_from_slice(&FORMAT_VERSION.to_le_bytes());
    out.extend_from_slice(&[0; 4]);
    out.extend_from_slice(&version.to_le_bytes());
    out.extend_from_slice(&key.to_le_bytes());
    out.extend_from_slice(&(payload.len() as u64).to_le_bytes());
    let checksum = checksum(&out[..CHECKSUM_AT], &payload);
    out.extend_from_slice(&checksum.to_le_bytes());
    out.resize(HEADER, 0);
    out.extend_from_slice(&payload);
    Ok(out)
}

fn checksum(header: &[u8], payload: &[u8]) -> u64 {
    let mut hasher = Xxh3::new();
    hasher.update(header);
    hasher.update(payload);
    hasher.digest()
}

fn u64_at(bytes: &[u8], at: usize) -> u64 {
    let mut word = [0; 8];
    word.copy_from_slice(&bytes[at..at + 8]);
    u64::from_le_bytes(word)
}

/// Reads a cache file's bytes, which must start 16-byte aligned (rkyv reads in place).
pub fn decode(bytes: &AlignedVec<16>, version: u64, key: u64) -> Result<Cached, Refused> {
    if bytes.len() < HEADER || &bytes[..8] != MAGIC || bytes[8..12] != FORMAT_VERSION.to_le_bytes() {
        return Err(Refused::Foreign);
    }
    if u64_at(bytes, 16) != version {
        return Err(Refused::OtherVersion);
    }
    if u64_at(bytes, 24) != key {
        return Err(Refused::OtherKey);
    }
    let payload = &bytes[HEADER..];
    if u64_at(bytes, 32) != payload.len() as u64 {
        return Err(Refused::Length);
    }
    if u64_at(bytes, CHECKSUM_AT) != checksum(&bytes[..CHECKSUM_AT], payload)
        || bytes[12..16] != [0; 4]
        || bytes[48..HEADER] != [0; 16]
    {
        return Err(Refused::Checksum);
    }
    rkyv::from_bytes::<Cached, rkyv::rancor::Error>(payload).map_err(|_| Refused::Invalid)
}

/// The hash that names a version of the tool (and of the cache's format) in the header.
pub fn version_hash(version: &str) -> u64 {
    xxh3_64(format!("{version}\0{FORMAT_VERSION}").as_bytes())
}
