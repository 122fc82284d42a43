//! One file into an entry or a vocabulary's terms: the typed parser first (the fast path);
//! for a file it rejects, the recovering reader, which reports every problem and keeps every
//! good value.

use super::{SourceFile, parse, recover, schema};
use crate::diagnostic::{Diagnostic, Position};
use crate::model::entry::{Common, Details, EventFile, GoodPracticeFile, OrganisationFile, SiteVisitFile, TourFile};
use crate::model::vocabulary::{MaterialFileTerm, PlainFileTerm, RegionFileTerm};
use crate::model::{Entry, EntryFile, Id, Kind, Term, VocabularyKind};

/// What one entry file gave.
pub struct ParsedEntry {
    /// The entry to load: none when its identity (file name, kind, title) is missing or bad,
    /// or when the file has syntax errors.
    pub entry: Option<Entry>,
    /// What could be read of a file with syntax errors, to check its ids and references
    /// against the catalogue; never loaded (live reload keeps the last good entry instead).
    /// With the text to locate its values in (the file's, strings left open closed).
    pub checked_only: Option<(Entry, String)>,
    pub problems: Vec<Diagnostic>,
}

/// An entry with every problem of its file. Valid files take the typed parser alone; a file
/// it rejects is read again by the recovering reader, which reports every problem and keeps
/// every good value.
pub fn parse_entry(kind: Kind, file: &SourceFile, text: &str) -> ParsedEntry {
    let stem = file.relative.rsplit('/').next().unwrap_or("").trim_end_matches(".ron");
    let id = match Id::parse(stem) {
        Ok(id) => id,
        Err(message) => {
            let problem = Diagnostic::error("malformed-id", &file.shown, Position::START, Position::START, message)
                .with_suggestion(Some("the file name is the entry's id: rename the file".into()));
            return ParsedEntry { entry: None, checked_only: None, problems: vec![problem] };
        }
    };
    let (parts, problems, broken) = match kind {
        Kind::GoodPractice => typed_entry::<GoodPracticeFile>(kind, &file.shown, text),
        Kind::SiteVisit => typed_entry::<SiteVisitFile>(kind, &file.shown, text),
        Kind::Event => typed_entry::<EventFile>(kind, &file.shown, text),
        Kind::Tour => typed_entry::<TourFile>(kind, &file.shown, text),
        Kind::Organisation => typed_entry::<OrganisationFile>(kind, &file.shown, text),
    };
    let entry =
        parts.map(|(common, details)| Entry { file: EntryFile::new(&file.shown, &id), id, kind, common, details });
    match broken {
        None => ParsedEntry { entry, checked_only: None, problems },
        Some(located) => ParsedEntry { entry: None, checked_only: entry.map(|e| (e, located)), problems },
    }
}

/// The entry's parts, its problems, and for a file with syntax errors the text to locate its
/// values in.
type Typed = (Option<(Common, Details)>, Vec<Diagnostic>, Option<String>);

fn typed_entry<F>(kind: Kind, shown: &str, text: &str) -> Typed
where
    F: serde::de::DeserializeOwned + Into<(Common, Details)>,
{
    match parse::parse::<F>(shown, text) {
        Ok(parsed) => (Some(parsed.into()), Vec::new(), None),
        Err(strict) => {
            let recovered = recover::entry::<F>(shown, text, kind.struct_name(), &schema::entry_fields(kind));
            let problems = if recovered.problems.is_empty() { vec![*strict] } else { recovered.problems };
            let located = recovered.broken.then(|| recovered.repaired.unwrap_or_else(|| text.to_string()));
            (recovered.value.map(Into::into), problems, located)
        }
    }
}

pub fn parse_vocabulary(kind: VocabularyKind, shown: &str, text: &str) -> (Option<Vec<Term>>, Vec<Diagnostic>) {
    fn typed<F: serde::de::DeserializeOwned>(
        shown: &str,
        text: &str,
        fields: &'static [schema::Spec],
    ) -> (Option<Vec<F>>, Vec<Diagnostic>) {
        match parse::parse::<Vec<F>>(shown, text) {
            Ok(terms) => (Some(terms), Vec::new()),
            Err(strict) => {
                let recovered = recover::terms::<Vec<F>>(shown, text, fields);
                let problems = if recovered.problems.is_empty() { vec![*strict] } else { recovered.problems };
                // A vocabulary with syntax errors is not used: its terms may be cut short.
                (recovered.value.filter(|_| !recovered.broken), problems)
            }
        }
    }
    match kind {
        VocabularyKind::Region => {
            let (terms, problems) = typed::<RegionFileTerm>(shown, text, schema::REGION_TERM);
            (terms.map(|t| t.into_iter().map(Term::from).collect()), problems)
        }
        VocabularyKind::Material => {
            let (terms, problems) = typed::<MaterialFileTerm>(shown, text, schema::MATERIAL_TERM);
            (terms.map(|t| t.into_iter().map(Term::from).collect()), problems)
        }
        _ => {
            let (terms, problems) = typed::<PlainFileTerm>(shown, text, schema::PLAIN_TERM);
            (terms.map(|t| t.into_iter().map(Term::from).collect()), problems)
        }
    }
}
