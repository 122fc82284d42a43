//! A problem's `code` is a `&'static str` (written in the source as a literal); the catalogue
//! cache stores it as text, and reading it back needs a `'static` string again. Each distinct
//! code is kept once for the life of the process: there are a few dozen codes, so this
//! holds a few hundred bytes however often a cache is read.

use std::collections::HashSet;
use std::sync::Mutex;

use rkyv::rancor::{Fallible, Source};
use rkyv::string::{ArchivedString, StringResolver};
use rkyv::with::{ArchiveWith, DeserializeWith, SerializeWith};
use rkyv::{Place, SerializeUnsized};

/// The `#[rkyv(with = …)]` wrapper for [`super::Diagnostic::code`].
pub struct Interned;

static CODES: Mutex<Option<HashSet<&'static str>>> = Mutex::new(None);

/// The one `'static` copy of `code`.
pub fn intern(code: &str) -> &'static str {
    let mut codes = CODES.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
    let codes = codes.get_or_insert_with(HashSet::new);
    if let Some(known) = codes.get(code) {
        return known;
    }
    let leaked: &'static str = Box::leak(code.to_string().into_boxed_str());
    codes.insert(leaked);
    leaked
}

impl ArchiveWith<&'static str> for Interned {
    type Archived = ArchivedString;
    type Resolver = StringResolver;

    fn resolve_with(field: &&'static str, resolver: Self::Resolver, out: Place<Self::Archived>) {
        ArchivedString::resolve_from_str(field, resolver, out);
    }
}

impl<S> SerializeWith<&'static str, S> for Interned
where
    str: SerializeUnsized<S>,
    S: Fallible + ?Sized,
    S::Error: Source,
{
    fn serialize_with(field: &&'static str, serializer: &mut S) -> Result<Self::Resolver, S::Error> {
        ArchivedString::serialize_from_str(field, serializer)
    }
}

impl<D: Fallible + ?Sized> DeserializeWith<ArchivedString, &'static str, D> for Interned {
    fn deserialize_with(field: &ArchivedString, _: &mut D) -> Result<&'static str, D::Error> {
        Ok(intern(field.as_str()))
    }
}
