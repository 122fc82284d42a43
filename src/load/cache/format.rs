//! The cache file: a 64-byte header, a table of sections, then the sections, each archived on
//! its own (rkyv, chosen by measuring it against bincode and postcard:
//! `examples/cache_formats.rs`, BENCHMARKS.md) so that a start reads and decodes them on
//! every core at once ([`super::decode`]).
//!
//! Header, little-endian: magic (8 bytes), format version (u32), number of sections (u32),
//! hash of the tool's version (u64), hash of the cache's key, the folders (u64), length of the
//! whole file (u64), checksum (u64: xxh3 of the header's first 40 bytes and the table), 16 zero
//! bytes. Then one row of 32 bytes per section: offset, length, items (entries in a chunk,
//! otherwise 0) and the section's own xxh3 checksum. Section 0 is the rest of the load
//! ([`Meta`]), section 1 the search index as the query layer archived it (empty when not
//! kept), and the others the entries in order, in chunks.
//!
//! A chunk holds each entry archived on its own (a root of its own, 16-byte aligned), then a
//! table of 16 bytes an entry: where its archive starts in the chunk (u32), its length (u32)
//! and its own xxh3 checksum (u64). A start that reads every entry checks the chunk's
//! checksum; one that reads a few entries (a search's hits, [`super::archive`]) checks, and
//! validates, only the entries it touches ([`entry_in`]).
//!
//! A file that is short, long, foreign, from another version or another key, or whose header
//! checksum fails is refused before any section is read; a section is read only within the
//! file, and its checksum is checked before rkyv validates it (every offset and length within
//! the section), so nothing in the file can make the reader allocate beyond the file's own
//! size or panic.

use rkyv::util::AlignedVec;
use xxhash_rust::xxh3::{Xxh3, xxh3_64};

use super::stamp::Stamp;
use crate::diagnostic::Diagnostic;
use crate::model::{Entry, Term};

const MAGIC: &[u8; 8] = b"boucle\xca\xc4";
/// Raised whenever what is archived changes shape (a field in the model, the header): a
/// cache from a build with another shape is never read, even at the same tool version; and
/// whenever the index's words change (11: compatibility forms folded, `ﬁ` as `fi`; 12: each
/// file's stamp holds its change time).
pub const FORMAT_VERSION: u32 = 12;
pub const HEADER: usize = 64;
/// Offset of the header's checksum, which covers the bytes before it and the table.
const CHECKSUM_AT: usize = 40;
const ROW: usize = 32;
/// Sections are placed at multiples of this (rkyv reads archives in place, aligned).
const ALIGN: u64 = 16;
/// More sections than a catalogue can need (entries come in at most about 64 chunks).
const MAX_SECTIONS: usize = 4096;
pub const META: usize = 0;
pub const INDEX: usize = 1;
pub const FIRST_CHUNK: usize = 2;

/// What a cache holds besides the entries and the index.
#[derive(rkyv::Archive, rkyv::Deserialize)]
pub struct Meta {
    /// The canonical paths of the folders cached (`cache list` names them).
    pub folders: Vec<String>,
    pub stamps: Vec<Stamp>,
    /// Terms of each vocabulary, in `VocabularyKind::ALL` order.
    pub vocabularies: Vec<Vec<Term>>,
    pub diagnostics: Vec<Diagnostic>,
    /// The text of each file with a problem, to quote it.
    pub sources: Vec<SourceText>,
    pub files_read: u64,
    /// Entry positions in id order ([`crate::model::Catalogue::by_id`]): lookups by id in an
    /// archive read entry by entry.
    pub by_id: Vec<u32>,
}

#[derive(rkyv::Archive, rkyv::Deserialize)]
pub struct SourceText {
    pub file: String,
    pub text: String,
}

/// [`Meta`], borrowed from a load for writing without copying it: field for field the same
/// archived types (both `repr(C)`), so what is written is what [`Meta`] reads. The reader
/// validates the bytes as [`ArchivedMeta`] all the same, and `tests/it/cache.rs` reads back what
/// is written.
#[derive(rkyv::Archive, rkyv::Serialize)]
pub struct MetaWriting<'a> {
    pub folders: Vec<String>,
    #[rkyv(with = rkyv::with::AsVec)]
    pub stamps: &'a [Stamp],
    /// A few hundred terms: copied.
    pub vocabularies: Vec<Vec<Term>>,
    #[rkyv(with = rkyv::with::AsVec)]
    pub diagnostics: &'a [Diagnostic],
    pub sources: Vec<SourceRef<'a>>,
    pub files_read: u64,
    #[rkyv(with = rkyv::with::AsVec)]
    pub by_id: &'a [u32],
}

#[derive(rkyv::Archive, rkyv::Serialize)]
pub struct SourceRef<'a> {
    #[rkyv(with = rkyv::with::AsString)]
    pub file: &'a str,
    #[rkyv(with = rkyv::with::AsString)]
    pub text: &'a str,
}

// The written and the read forms must have one layout.
const _: () = {
    assert!(size_of::<ArchivedMetaWriting<'static>>() == size_of::<ArchivedMeta>());
    assert!(align_of::<ArchivedMetaWriting<'static>>() == align_of::<ArchivedMeta>());
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
    /// The checksums hold but a section is not a valid archive, or the table is not a valid
    /// layout.
    Invalid,
}

/// A section's length with the zeros that follow it.
fn padded(len: u64) -> u64 {
    len.next_multiple_of(ALIGN)
}

/// Where a section lies in the file.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Section {
    pub offset: u64,
    pub len: u64,
    /// Entries in a chunk; 0 for the other sections.
    pub items: u64,
    pub checksum: u64,
}

impl Section {
    /// The section's bytes, from `file`: None if they cannot be read, Err if they are not
    /// what was written (the checksum, or the zeros after them).
    pub fn read<'f>(&self, file: &'f dyn ReadAt) -> Result<Bytes<'f>, Refused> {
        let len = usize::try_from(self.len).map_err(|_| Refused::Length)?;
        let padded = usize::try_from(padded(self.len)).map_err(|_| Refused::Length)?;
        let bytes = file.read_at(self.offset, padded).ok_or(Refused::Length)?;
        if bytes[len..].iter().any(|&b| b != 0) || xxh3_64(&bytes[..len]) != self.checksum {
            return Err(Refused::Checksum);
        }
        Ok(bytes.first(len))
    }

    /// The section's bytes are decoded: see [`ReadAt::release`].
    pub fn release(&self, file: &dyn ReadAt) {
        if let Ok(len) = usize::try_from(padded(self.len)) {
            file.release(self.offset, len);
        }
    }
}

/// Bytes of a cache file, 16-byte aligned: borrowed from its map, or read into a buffer.
pub enum Bytes<'f> {
    Mapped(&'f [u8]),
    Read(AlignedVec<16>),
}

impl Bytes<'_> {
    fn first(self, len: usize) -> Self {
        match self {
            Bytes::Mapped(bytes) => Bytes::Mapped(&bytes[..len]),
            Bytes::Read(mut bytes) => {
                bytes.resize(len, 0);
                Bytes::Read(bytes)
            }
        }
    }
}

impl std::ops::Deref for Bytes<'_> {
    type Target = [u8];

    fn deref(&self) -> &[u8] {
        match self {
            Bytes::Mapped(bytes) => bytes,
            Bytes::Read(bytes) => bytes,
        }
    }
}

/// Entries archived per chunk for a catalogue of `n`: enough chunks for every core to take
/// several, few enough that each is worth a task.
fn chunk_len(n: usize) -> usize {
    n.div_ceil(64).max(2048)
}

/// Writes the cache file to `out`, one section at a time (each archived, written and
/// dropped before the next, so writing never holds the whole file): the header and table are
/// written last, over the zeros first written in their place. `index` is the query layer's
/// archive of the index.
pub fn encode(
    out: &mut (impl std::io::Write + std::io::Seek),
    meta: &MetaWriting<'_>,
    entries: &[Entry],
    index: &[u8],
    version: u64,
    key: u64,
) -> std::io::Result<()> {
    let archive = |bytes: Result<AlignedVec, rkyv::rancor::Error>| bytes.map_err(std::io::Error::other);
    let chunks: Vec<&[Entry]> = entries.chunks(chunk_len(entries.len())).collect();
    let count = FIRST_CHUNK + chunks.len();
    let mut table = Vec::with_capacity(count * ROW);
    let mut at = (HEADER + count * ROW) as u64;
    out.seek(std::io::SeekFrom::Start(0))?;
    // The magic first, so that even a file torn while it is written is known as the cache's
    // own (`cache clear` removes only those); its checksum fails until the header is written.
    let mut zeros = vec![0; at as usize];
    zeros[..MAGIC.len()].copy_from_slice(MAGIC);
    out.write_all(&zeros)?;
    let mut write = |bytes: &[u8], items: u64| -> std::io::Result<()> {
        let len = bytes.len() as u64;
        for value in [at, len, items, xxh3_64(bytes)] {
            table.extend_from_slice(&value.to_le_bytes());
        }
        // Zeros up to the next section, which must start aligned; the reader checks them.
        out.write_all(bytes)?;
        out.write_all(&[0; ALIGN as usize][..(padded(len) - len) as usize])?;
        at += padded(len);
        Ok(())
    };
    write(&archive(rkyv::to_bytes(meta))?, 0)?;
    write(index, 0)?;
    let mut chunk = Vec::new();
    let mut one = AlignedVec::<16>::new();
    for entries in chunks {
        chunk_of(entries, &mut chunk, &mut one)?;
        write(&chunk, entries.len() as u64)?;
    }
    let mut head = Vec::with_capacity(HEADER + table.len());
    head.extend_from_slice(MAGIC);
    head.extend_from_slice(&FORMAT_VERSION.to_le_bytes());
    head.extend_from_slice(&(count as u32).to_le_bytes());
    head.extend_from_slice(&version.to_le_bytes());
    head.extend_from_slice(&key.to_le_bytes());
    head.extend_from_slice(&at.to_le_bytes());
    let checksum = checksum(&head[..CHECKSUM_AT], &table);
    head.extend_from_slice(&checksum.to_le_bytes());
    head.resize(HEADER, 0);
    head.extend_from_slice(&table);
    out.seek(std::io::SeekFrom::Start(0))?;
    out.write_all(&head)
}

/// A chunk's bytes, into `out`: each entry archived on its own (through `one`, reused), aligned,
/// then the table that finds them.
fn chunk_of(entries: &[Entry], out: &mut Vec<u8>, one: &mut AlignedVec<16>) -> std::io::Result<()> {
    out.clear();
    let mut table = Vec::with_capacity(entries.len() * ENTRY_ROW);
    for entry in entries {
        one.clear();
        *one = rkyv::api::high::to_bytes_in::<_, rkyv::rancor::Error>(entry, std::mem::take(one))
            .map_err(std::io::Error::other)?;
        let (start, len) = (out.len(), one.len());
        let too_large = || std::io::Error::other("a chunk beyond 4 GB");
        table.extend_from_slice(&u32::try_from(start).map_err(|_| too_large())?.to_le_bytes());
        table.extend_from_slice(&u32::try_from(len).map_err(|_| too_large())?.to_le_bytes());
        table.extend_from_slice(&xxh3_64(one).to_le_bytes());
        out.extend_from_slice(one);
        out.resize(out.len().next_multiple_of(ALIGN as usize), 0);
    }
    out.extend_from_slice(&table);
    Ok(())
}

/// Bytes of the table's row of an entry in a chunk.
const ENTRY_ROW: usize = 16;

/// The archive of entry `i` of a chunk of `items` entries (`chunk`: its bytes, 16-byte
/// aligned), validated: where the table says, within the chunk, aligned, and, when `check`
/// (the chunk's own checksum was not), with its checksum. rkyv's validation of the entry (its
/// texts' invariants included) follows.
pub fn entry_in(chunk: &[u8], items: usize, i: usize, check: bool) -> Result<&ArchivedEntry, Refused> {
    let table_at = items.checked_mul(ENTRY_ROW).and_then(|t| chunk.len().checked_sub(t)).ok_or(Refused::Invalid)?;
    let row = table_at + i * ENTRY_ROW;
    let row = chunk.get(row..row + ENTRY_ROW).ok_or(Refused::Invalid)?;
    let start = u32::from_le_bytes([row[0], row[1], row[2], row[3]]) as usize;
    let len = u32::from_le_bytes([row[4], row[5], row[6], row[7]]) as usize;
    let end = start.checked_add(len).filter(|&end| end <= table_at).ok_or(Refused::Invalid)?;
    if !start.is_multiple_of(ALIGN as usize) {
        return Err(Refused::Invalid);
    }
    let bytes = &chunk[start..end];
    if check && xxh3_64(bytes) != u64_at(row, 8) {
        return Err(Refused::Checksum);
    }
    rkyv::access::<ArchivedEntry, rkyv::rancor::Error>(bytes).map_err(|_| Refused::Invalid)
}

/// Whether `bytes` are the first bytes of a cache file (written or being written).
pub fn is_magic(bytes: &[u8]) -> bool {
    bytes == MAGIC
}

fn checksum(header: &[u8], table: &[u8]) -> u64 {
    let mut hasher = Xxh3::new();
    hasher.update(header);
    hasher.update(table);
    hasher.digest()
}

fn u64_at(bytes: &[u8], at: usize) -> u64 {
    let mut word = [0; 8];
    word.copy_from_slice(&bytes[at..at + 8]);
    u64::from_le_bytes(word)
}

/// Something a cache is read from at given places: its file, or bytes in memory.
pub trait ReadAt: Sync {
    fn size(&self) -> u64;
    /// `len` bytes at `at`, 16-byte aligned; None if they cannot be read.
    fn read_at(&self, at: u64, len: usize) -> Option<Bytes<'_>>;
    /// The bytes at `at` are decoded and not needed again: a mapped file gives their pages
    /// back, so that a start never holds the whole file beside the decoded catalogue.
    fn release(&self, _at: u64, _len: usize) {}
}

/// A cache file's bytes already in memory (a map of the file, or bytes under test).
pub struct InMemory<'a>(pub &'a [u8]);

impl ReadAt for InMemory<'_> {
    fn size(&self) -> u64 {
        self.0.len() as u64
    }

    fn read_at(&self, at: u64, len: usize) -> Option<Bytes<'_>> {
        in_place(self.0, at, len)
    }
}

/// `len` bytes at `at` of `all`, borrowed where they are aligned as rkyv reads them in place,
/// else copied to be.
pub fn in_place(all: &[u8], at: u64, len: usize) -> Option<Bytes<'_>> {
    let start = usize::try_from(at).ok()?;
    let bytes = all.get(start..start.checked_add(len)?)?;
    if (bytes.as_ptr() as usize).is_multiple_of(16) {
        return Some(Bytes::Mapped(bytes));
    }
    let mut aligned = AlignedVec::<16>::with_capacity(len);
    aligned.extend_from_slice(bytes);
    Some(Bytes::Read(aligned))
}

/// The sections of a cache file, once its header and table are found to be this version's,
/// this key's, whole and unchanged.
pub fn sections(file: &dyn ReadAt, version: u64, key: u64) -> Result<Vec<Section>, Refused> {
    let head = file.read_at(0, HEADER).ok_or(Refused::Foreign)?;
    if &head[..8] != MAGIC || head[8..12] != FORMAT_VERSION.to_le_bytes() {
        return Err(Refused::Foreign);
    }
    if u64_at(&head, 16) != version {
        return Err(Refused::OtherVersion);
    }
    if u64_at(&head, 24) != key {
        return Err(Refused::OtherKey);
    }
    if u64_at(&head, 32) != file.size() {
        return Err(Refused::Length);
    }
    let count = u32::from_le_bytes([head[12], head[13], head[14], head[15]]) as usize;
    if !(FIRST_CHUNK..=MAX_SECTIONS).contains(&count) {
        return Err(Refused::Checksum);
    }
    let table = file.read_at(HEADER as u64, count * ROW).ok_or(Refused::Length)?;
    if u64_at(&head, CHECKSUM_AT) != checksum(&head[..CHECKSUM_AT], &table) || head[48..HEADER] != [0; 16] {
        return Err(Refused::Checksum);
    }
    let sections: Vec<Section> = table
        .chunks_exact(ROW)
        .map(|row| Section {
            offset: u64_at(row, 0),
            len: u64_at(row, 8),
            items: u64_at(row, 16),
            checksum: u64_at(row, 24),
        })
        .collect();
    // One after another from the table's end, each aligned (its zeros before the next), the
    // last ending the file: every byte of the file is then checked once.
    let mut end = (HEADER + table.len()) as u64;
    for (i, section) in sections.iter().enumerate() {
        // An archived entry takes at least its own size: no count can ask for more slots
        // than the file could fill.
        let items_fit = if i >= FIRST_CHUNK {
            section.items <= section.len / size_of::<ArchivedEntry>() as u64
        } else {
            section.items == 0
        };
        if section.offset != end || section.len > file.size() || !items_fit {
            return Err(Refused::Invalid);
        }
        end += padded(section.len);
    }
    if end != file.size() {
        return Err(Refused::Invalid);
    }
    Ok(sections)
}

/// The folders a cache file holds, read from its header and first section only, whatever
/// version of boucle wrote it (with this format): for `cache list`. None when the file is not
/// a whole cache of this format.
pub fn folders_of(file: &dyn ReadAt) -> Option<Vec<String>> {
    let head = file.read_at(0, HEADER)?;
    let sections = sections(file, u64_at(&head, 16), u64_at(&head, 24)).ok()?;
    let bytes = sections[META].read(file).ok()?;
    let meta = rkyv::access::<ArchivedMeta, rkyv::rancor::Error>(&bytes).ok()?;
    Some(meta.folders.iter().map(|f| f.as_str().to_string()).collect())
}

pub type ArchivedEntry = <Entry as rkyv::Archive>::Archived;

/// The hash that names a version of the tool (and of the cache's format) in the header.
pub fn version_hash(version: &str) -> u64 {
    xxh3_64(format!("{version}\0{FORMAT_VERSION}").as_bytes())
}
