//! Where an entry was read from, kept in a few bytes: see [`EntryFile`].

use std::borrow::Cow;
use std::cell::RefCell;
use std::sync::Arc;

use super::values::Id;

/// The file an entry was read from, not kept whole: its folder, as shown, is shared by every
/// entry read from that folder, and its name is the entry's id and `.ron` (about 64 bytes an
/// entry otherwise, BENCHMARKS.md #13). A file named otherwise keeps its whole path.
#[derive(Clone, Debug, PartialEq, Eq, rkyv::Archive, rkyv::Serialize, rkyv::Deserialize)]
#[rkyv(bytecheck(verify))]
pub struct EntryFile {
    shown: Arc<str>,
    whole: bool,
}

/// A path read back from the catalogue cache holds no character that acts on a terminal
/// (`check`, `list --format json` and the problems panel print it): a cache whose checksums
/// were forged is refused rather than let one through. A folder whose own name holds such a
/// character is read from its files each time instead of from the cache.
// SAFETY (of the `unsafe impl`): `verify` returns Ok only when the invariant holds; it reads
// the path only through the archived `str`, whose UTF-8 and bounds bytecheck has checked.
unsafe impl<C> rkyv::bytecheck::Verify<C> for ArchivedEntryFile
where
    C: rkyv::rancor::Fallible + ?Sized,
    C::Error: rkyv::rancor::Source,
{
    fn verify(&self, _: &mut C) -> Result<(), C::Error> {
        let shown: &str = &self.shown;
        if shown.chars().any(crate::text::visible::needs_escape) {
            rkyv::rancor::fail!(crate::text::Unclean)
        }
        Ok(())
    }
}

impl EntryFile {
    /// `shown`: the file's path as shown to curators; `id`: the entry's id.
    pub fn new(shown: &str, id: &Id) -> EntryFile {
        let name = id.as_str().len() + ".ron".len();
        let folder = shown.len().checked_sub(name).filter(|&folder| {
            shown.ends_with(".ron")
                && shown[..shown.len() - ".ron".len()].ends_with(id.as_str())
                && folder > 0
                && matches!(shown.as_bytes()[folder - 1], b'/' | b'\\')
        });
        let Some(folder) = folder else {
            return EntryFile { shown: shown.into(), whole: true };
        };
        // The folder's `Arc` of the last entry built on this thread: files come in path order.
        thread_local! {
            static LAST: RefCell<Option<Arc<str>>> = const { RefCell::new(None) };
        }
        let folder = &shown[..folder];
        let shared = LAST.with_borrow_mut(|last| match last {
            Some(known) if **known == *folder => known.clone(),
            _ => last.insert(Arc::from(folder)).clone(),
        });
        EntryFile { shown: shared, whole: false }
    }

    /// The path as shown, for the entry `id`.
    pub fn shown(&self, id: &Id) -> Cow<'_, str> {
        if self.whole { Cow::Borrowed(&self.shown) } else { Cow::Owned(format!("{}{id}.ron", self.shown)) }
    }

    /// Whether this is the file shown as `shown`, for the entry `id`, without building its path.
    pub fn is(&self, id: &Id, shown: &str) -> bool {
        if self.whole {
            return *self.shown == *shown;
        }
        shown.strip_prefix(&*self.shown).and_then(|name| name.strip_suffix(".ron")) == Some(id.as_str())
    }
}

/// A path kept whole, as tests and tools that build entries give it.
impl From<String> for EntryFile {
    fn from(shown: String) -> EntryFile {
        EntryFile { shown: shown.into(), whole: true }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_path_is_shown_as_it_was_given() {
        let id = Id::parse("gp-1").unwrap();
        for shown in ["/tmp/cat/good-practices/gp-1.ron", "good-practices/gp-1.ron", "C:\\cat\\gp-1.ron", "gp-1.ron"] {
            let file = EntryFile::new(shown, &id);
            assert_eq!(file.shown(&id), shown);
            assert!(file.is(&id, shown));
            assert!(!file.is(&id, "/tmp/cat/good-practices/gp-2.ron"));
        }
        // Named otherwise than after the id (the id is the name without every `.ron`): kept whole.
        let odd = EntryFile::new("/tmp/cat/gp-1.ron.ron", &id);
        assert_eq!(odd.shown(&id), "/tmp/cat/gp-1.ron.ron");
        assert!(!odd.is(&id, "/tmp/cat/gp-1.ron"));
        // Entries of one folder share it.
        let other = Id::parse("gp-2").unwrap();
        let (a, b) = (EntryFile::new("/c/x/gp-1.ron", &id), EntryFile::new("/c/x/gp-2.ron", &other));
        assert!(Arc::ptr_eq(&a.shown, &b.shown));
        assert_eq!(b.shown(&other), "/c/x/gp-2.ron");
    }
}
