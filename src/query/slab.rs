//! The index's large arrays, either owned (an index just built, or read from bytes that are
//! not kept) or views on the mapped catalogue cache they were archived in: a cached start
//! then searches the index where the file's pages lie instead of copying its 91 MB (at 100k
//! entries) into the heap first (BENCHMARKS.md, "The index searched in place"). Either way a
//! [`Slab`] derefs to a slice, so the search reads `&[T]` as it reads a `Vec<T>`.
//!
//! A view is made only where the archived item is the native one, bit for bit: a plain
//! integer on a little-endian machine (rkyv archives little-endian), aligned as the native
//! type (rkyv aligns each array, and every cache section starts 16-byte aligned; it is
//! checked again here), lying inside the bytes the view keeps alive. Anything else is copied.

use std::sync::Arc;

use rkyv::rancor::{Fallible, Strategy};
use rkyv::ser::{Allocator, Writer};
use rkyv::vec::{ArchivedVec, VecResolver};
use rkyv::{Archive, Archived, Deserialize, Place, Serialize};

/// Bytes that views borrow from, kept alive as long as any view: the cache file's map.
pub type Backing = Arc<dyn Backed>;

/// Bytes that views borrow from: a map can give the pages of a part back (it is read again
/// from the file if touched again); bytes in memory keep them.
pub trait Backed: AsRef<[u8]> + Send + Sync {
    /// `part` (inside these bytes) is not needed for now.
    fn release(&self, _part: &[u8]) {}
}

impl Backed for memmap2::Mmap {
    fn release(&self, part: &[u8]) {
        crate::load::cache::release_in(self, part);
    }
}

impl Backed for Vec<u8> {}

impl Backed for rkyv::util::AlignedVec {}

/// The bytes a check reads before the pages it read are given back: large enough that the
/// calls are few (23 for the 91 MB of the index at 100k), small against the index.
const PART: usize = 1 << 22;

/// An array of the index: owned, or a view on [`Backing`] bytes.
pub struct Slab<T: 'static> {
    /// The array: borrowed from `owner`, for as long as the slab holds it. Never handed out
    /// for longer than a borrow of the slab (see [`Slab::deref`]).
    items: &'static [T],
    owner: Owner<T>,
}

/// What keeps a slab's items alive. Neither is ever changed while the slab lives: a vector's
/// heap buffer stays where it is when the slab moves, and the mapped bytes are read-only.
enum Owner<T> {
    Vec(#[allow(dead_code)] Vec<T>),
    Backing(#[allow(dead_code)] Backing),
}

/// Extends `items`' borrow to the slab that owns them.
///
/// # Safety
/// `items` must live as long as the owner the slab keeps beside them, unchanged: the
/// returned reference is stored only in that slab, and lent out only for a borrow of it.
unsafe fn held<T>(items: &[T]) -> &'static [T] {
    // SAFETY: the caller's promise above.
    unsafe { &*std::ptr::from_ref::<[T]>(items) }
}

impl<T: 'static> From<Vec<T>> for Slab<T> {
    fn from(items: Vec<T>) -> Slab<T> {
        // SAFETY: the vector moves into the slab and is never changed or dropped before it;
        // moving a vector does not move its heap buffer.
        let view = unsafe { held(&items) };
        Slab { items: view, owner: Owner::Vec(items) }
    }
}

impl<T: 'static> Default for Slab<T> {
    fn default() -> Slab<T> {
        Slab::from(Vec::new())
    }
}

impl<T: 'static> std::ops::Deref for Slab<T> {
    type Target = [T];

    #[inline]
    fn deref(&self) -> &[T] {
        self.items
    }
}

impl<T: std::fmt::Debug + 'static> std::fmt::Debug for Slab<T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_list().entries(self.items.iter()).finish()
    }
}

impl<T: 'static> Slab<T> {
    /// Whether the items are a view on mapped bytes rather than a copy.
    pub fn is_view(&self) -> bool {
        matches!(self.owner, Owner::Backing(_))
    }

    /// Whether `check` holds of each part of the items, given in order (a few megabytes each),
    /// stopping at the first part it fails. A view gives each part's pages back once it is
    /// checked: a check of the whole index then never holds it all (the search brings back
    /// the few pages it reads).
    pub fn all_parts(&self, mut check: impl FnMut(&[T]) -> bool) -> bool {
        let per = (PART / size_of::<T>().max(1)).max(1);
        self.items.chunks(per).all(|part| {
            let fits = check(part);
            self.release(part);
            fits
        })
    }

    /// Gives the pages of the items back, for now (a view's; a copy keeps them).
    pub fn release_all(&self) {
        self.release(self.items);
    }

    fn release(&self, part: &[T]) {
        if let Owner::Backing(backing) = &self.owner {
            // SAFETY: `part` is initialised items of this slab, read as their bytes (plain
            // integers: no padding).
            let bytes = unsafe { std::slice::from_raw_parts(part.as_ptr().cast::<u8>(), size_of_val(part)) };
            backing.release(bytes);
        }
    }
}

impl Slab<u32> {
    /// Whether the items never decrease, each part's pages given back once checked.
    pub fn ascending(&self) -> bool {
        let mut last = 0;
        self.all_parts(|part| {
            let fits = part.first().is_none_or(|&first| first >= last) && part.is_sorted();
            last = part.last().copied().unwrap_or(last);
            fits
        })
    }

    /// Whether every item is below `bound`, each part's pages given back once checked.
    pub fn all_below(&self, bound: usize) -> bool {
        self.all_parts(|part| part.iter().all(|&item| (item as usize) < bound))
    }
}

/// An integer whose archived form is the native one on a little-endian machine.
pub trait Plain: Archive + Copy + 'static {
    fn from_archived(archived: &Self::Archived) -> Self;
}

macro_rules! plain {
    ($($t:ty),*) => {$(
        impl Plain for $t {
            #[inline]
            fn from_archived(archived: &Archived<$t>) -> $t {
                <$t>::from(*archived)
            }
        }
        // A view reads the archived items as native ones: same size, and no stricter alignment.
        const _: () = assert!(size_of::<Archived<$t>>() == size_of::<$t>());
    )*};
}
plain!(u8, u32);

impl<T: Plain> Slab<T> {
    /// A view on `archived`, which must lie inside `backing`'s bytes: None where it cannot be
    /// one (a big-endian machine, misaligned items, or items outside the bytes).
    fn view(archived: &[T::Archived], backing: &Backing) -> Option<Slab<T>> {
        if cfg!(target_endian = "big") {
            return None;
        }
        let bytes: &[u8] = (**backing).as_ref();
        let (start, len) = (archived.as_ptr() as usize, std::mem::size_of_val(archived));
        let inside = bytes.as_ptr() as usize <= start
            && start.checked_add(len).is_some_and(|end| end <= bytes.as_ptr() as usize + bytes.len());
        let items = archived.as_ptr().cast::<T>();
        if !inside || !items.is_aligned() {
            return None;
        }
        // SAFETY: `items` points at `archived.len()` values of `T::Archived`, initialised (they
        // were validated by rkyv), which have the size of `T` (asserted above), any bit pattern
        // of which is a `T` (a plain integer) meaning the same number on a little-endian machine;
        // the pointer is aligned for `T` (checked). They lie inside `backing`'s bytes (checked),
        // which the slab keeps alive and which never change (a read-only map of a file the cache
        // never writes in place).
        let view = unsafe { held(std::slice::from_raw_parts(items, archived.len())) };
        Some(Slab { items: view, owner: Owner::Backing(Arc::clone(backing)) })
    }
}

/// A deserializer that makes views on `backing` where it can ([`Slab::view`]), else copies.
#[derive(Default)]
pub struct Viewer {
    pub backing: Option<Backing>,
}

/// Deserializers that may hold the bytes views are made on.
pub trait Viewing {
    fn backing(&self) -> Option<&Backing>;
}

impl<E> Viewing for Strategy<Viewer, E> {
    fn backing(&self) -> Option<&Backing> {
        std::ops::Deref::deref(self).backing.as_ref()
    }
}

impl<T: Plain> Archive for Slab<T> {
    type Archived = ArchivedVec<T::Archived>;
    type Resolver = VecResolver;

    fn resolve(&self, resolver: VecResolver, out: Place<Self::Archived>) {
        ArchivedVec::resolve_from_len(self.len(), resolver, out);
    }
}

impl<T, S> Serialize<S> for Slab<T>
where
    T: Plain + Serialize<S>,
    S: Fallible + Allocator + Writer + ?Sized,
{
    fn serialize(&self, serializer: &mut S) -> Result<VecResolver, S::Error> {
        ArchivedVec::serialize_from_slice(self.items, serializer)
    }
}

macro_rules! deserialize_slab {
    ($($t:ty),*) => {$(
        impl<D: Fallible + Viewing + ?Sized> Deserialize<Slab<$t>, D> for ArchivedVec<Archived<$t>> {
            fn deserialize(&self, deserializer: &mut D) -> Result<Slab<$t>, D::Error> {
                let archived = self.as_slice();
                let view = deserializer.backing().and_then(|backing| Slab::view(archived, backing));
                Ok(view.unwrap_or_else(|| Slab::from(archived.iter().map(<$t>::from_archived).collect::<Vec<_>>())))
            }
        }
    )*};
}
deserialize_slab!(u8, u32);

#[cfg(test)]
mod tests {
    use super::*;
    use rkyv::rancor::Error;
    use rkyv::util::AlignedVec;

    #[derive(rkyv::Archive, rkyv::Serialize, rkyv::Deserialize)]
    #[rkyv(deserialize_bounds(__D: Viewing))]
    struct Two {
        small: Slab<u8>,
        large: Slab<u32>,
    }

    fn archived() -> AlignedVec {
        let two = Two { small: Slab::from(vec![1, 2, 3]), large: Slab::from((0..1000).collect::<Vec<u32>>()) };
        rkyv::to_bytes::<Error>(&two).unwrap()
    }

    /// Read with the bytes kept, the arrays are views on them, equal to what was written; read
    /// without, they are copies, equal too.
    #[test]
    fn views_on_kept_bytes_and_copies_otherwise() {
        let bytes = archived();
        let backing: Backing = Arc::new(bytes.to_vec());
        let kept: &[u8] = (*backing).as_ref();
        let mut aligned = AlignedVec::<16>::new();
        aligned.extend_from_slice(kept);
        // The view needs the very bytes it is made on: rkyv reads them in place from a copy
        // only if that copy is the backing's own.
        let in_backing = rkyv::access::<ArchivedTwo, Error>(&aligned).unwrap();
        let copied: Two =
            rkyv::api::deserialize_using::<_, _, Error>(in_backing, &mut Viewer { backing: Some(backing.clone()) })
                .unwrap();
        assert!(!copied.large.is_view(), "bytes outside the backing are copied, never viewed");
        assert_eq!(&*copied.large, (0..1000).collect::<Vec<u32>>().as_slice());

        let backing: Backing = Arc::new(aligned);
        let bytes: &[u8] = (*backing).as_ref();
        let archived = rkyv::access::<ArchivedTwo, Error>(bytes).unwrap();
        let viewed: Two =
            rkyv::api::deserialize_using::<_, _, Error>(archived, &mut Viewer { backing: Some(backing.clone()) })
                .unwrap();
        assert_eq!(viewed.large.is_view(), cfg!(target_endian = "little"));
        assert_eq!(&*viewed.small, &[1, 2, 3]);
        assert_eq!(&*viewed.large, (0..1000).collect::<Vec<u32>>().as_slice());
        drop(backing);
        // The view keeps the bytes alive after every other owner is gone.
        assert_eq!(viewed.large.iter().map(|&x| u64::from(x)).sum::<u64>(), 499_500);
    }

    /// A view on a mapped file checked part by part holds at most a part or two of it at
    /// once, and none once checked; what is read afterwards comes back from the file, the same.
    #[cfg(all(target_os = "linux", target_endian = "little"))]
    #[test]
    fn a_view_checked_in_parts_gives_its_pages_back() {
        let large: Vec<u32> = (0..8_000_000).collect();
        let two = Two { small: Slab::from(vec![1]), large: Slab::from(large) };
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("two");
        std::fs::write(&path, rkyv::to_bytes::<Error>(&two).unwrap()).unwrap();
        // SAFETY: a file of this test's own, not changed while mapped.
        let map = Arc::new(unsafe { memmap2::Mmap::map(&std::fs::File::open(&path).unwrap()) }.unwrap());
        let resident = || crate::load::cache::resident(&map);
        let backing: Backing = map.clone();
        let archived = rkyv::access::<ArchivedTwo, Error>(&map[..]).unwrap();
        let viewed: Two =
            rkyv::api::deserialize_using::<_, _, Error>(archived, &mut Viewer { backing: Some(backing) }).unwrap();
        assert!(viewed.large.is_view());
        let mut most = 0;
        let mut next = 0u32;
        assert!(viewed.large.all_parts(|part| {
            most = most.max(resident());
            part.iter().all(|&x| {
                next += 1;
                x == next - 1
            })
        }));
        assert!(most <= 2 * PART + (64 << 10), "at most two parts resident at once, not {most} bytes");
        assert!(resident() < 64 << 10, "the pages given back once checked");
        assert!(viewed.large.ascending() && viewed.large.all_below(8_000_000) && !viewed.large.all_below(7_999_999));
        assert_eq!(viewed.large[7_999_999], 7_999_999);
    }
}
