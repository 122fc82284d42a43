//! `boucle fmt`: catalogue files in one canonical layout ([`print`]), with every comment kept
//! and no value changed.
//!
//! Safety, checked on every file before anything is written: the text is read before and
//! after formatting and the values must compare equal (as written, whatever their layout:
//! [`cst::Shape`]; and, when the file reads as its catalogue type, as the typed entry or
//! terms), the comments must be the same ones, and formatting the result must give it back
//! unchanged. A file that fails any of these is left as it is.

pub mod cst;
mod lex;
mod print;

use std::fmt::Debug;
use std::path::Path;

use serde::de::DeserializeOwned;

use crate::model::entry::{EventFile, GoodPracticeFile, OrganisationFile, SiteVisitFile, TourFile};
use crate::model::vocabulary::{MaterialFileTerm, PlainFileTerm, RegionFileTerm};
use crate::model::{Kind, VocabularyKind};
use print::Schema;
pub use print::WIDTH;

/// What a catalogue file holds, from its folder (or its first word).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FileType {
    Entry(Kind),
    Terms(VocabularyKind),
}

impl FileType {
    /// From the file's place: `good-practices/x.ron`, `vocabularies/regions.ron`.
    pub fn of_path(path: &Path) -> Option<FileType> {
        let folder = path.parent()?.file_name()?.to_str()?;
        let stem = path.file_stem()?.to_str()?;
        if folder == "vocabularies" {
            return VocabularyKind::from_file_stem(stem).map(FileType::Terms);
        }
        Kind::from_folder(folder).map(FileType::Entry)
    }
}

pub use crate::i18n::problems::Unsafe;

/// Why a file was not formatted.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum NotFormatted {
    /// It is not RON this formatter can read: `boucle check` says where and why.
    Unreadable(cst::Unreadable),
    /// Formatting would have changed a value, lost a comment or not been stable: a bug in the
    /// formatter, never written.
    Unsafe(Unsafe),
}

/// `text` in the canonical layout, checked (see the module's documentation).
pub fn format(text: &str, file_type: Option<FileType>) -> Result<String, NotFormatted> {
    let doc = cst::parse(text).map_err(NotFormatted::Unreadable)?;
    let file_type = file_type.or_else(|| type_of(&doc));
    let schema = match file_type {
        Some(FileType::Entry(kind)) => Schema::Entry(kind),
        Some(FileType::Terms(_)) => Schema::Terms,
        None => Schema::Unknown,
    };
    let formatted = print::print(&doc, schema);
    if formatted == text {
        return Ok(formatted);
    }
    let again = cst::parse(&formatted).map_err(|_| NotFormatted::Unsafe(Unsafe::NotReadBack))?;
    if again.value.shape() != doc.value.shape() {
        return Err(NotFormatted::Unsafe(Unsafe::ValueChanges));
    }
    let (mut before, mut after) = (cst::comments(text), cst::comments(&formatted));
    before.sort();
    after.sort();
    if before != after {
        return Err(NotFormatted::Unsafe(Unsafe::CommentLost));
    }
    if print::print(&again, schema) != formatted {
        return Err(NotFormatted::Unsafe(Unsafe::NotStable));
    }
    if let Some(file_type) = file_type
        && !same_typed_value(file_type, text, &formatted)
    {
        return Err(NotFormatted::Unsafe(Unsafe::ReadsDifferently));
    }
    Ok(formatted)
}

/// An entry's document in the canonical layout, unchecked: for a document built or changed by a
/// program (the form), whose text [`format`] then checks like any other.
pub fn print_entry(doc: &cst::Doc, kind: Kind) -> String {
    print::print(doc, Schema::Entry(kind))
}

/// The type a file's first word names (`GoodPractice(`), when its place does not say.
fn type_of(doc: &cst::Doc) -> Option<FileType> {
    match &doc.value {
        cst::Value::Struct { name: Some(name), .. } => {
            Kind::ALL.into_iter().find(|k| k.struct_name() == name).map(FileType::Entry)
        }
        _ => None,
    }
}

/// Whether both texts read as the same typed value; `true` when the first does not read as
/// the type at all (a file with problems: the layout-free comparison is what holds then).
fn same_typed_value(file_type: FileType, before: &str, after: &str) -> bool {
    fn same<T: DeserializeOwned + Debug>(before: &str, after: &str) -> bool {
        let read = |text: &str| crate::load::ron_options().from_str::<T>(text).map(|v| format!("{v:?}"));
        match read(before) {
            Ok(value) => read(after).is_ok_and(|again| again == value),
            Err(_) => true,
        }
    }
    match file_type {
        FileType::Entry(Kind::GoodPractice) => same::<GoodPracticeFile>(before, after),
        FileType::Entry(Kind::SiteVisit) => same::<SiteVisitFile>(before, after),
        FileType::Entry(Kind::Event) => same::<EventFile>(before, after),
        FileType::Entry(Kind::Tour) => same::<TourFile>(before, after),
        FileType::Entry(Kind::Organisation) => same::<OrganisationFile>(before, after),
        FileType::Terms(VocabularyKind::Region) => same::<Vec<RegionFileTerm>>(before, after),
        FileType::Terms(VocabularyKind::Material) => same::<Vec<MaterialFileTerm>>(before, after),
        FileType::Terms(_) => same::<Vec<PlainFileTerm>>(before, after),
    }
}
