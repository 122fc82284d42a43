//! Catalogue entries: what one file under `practices/<kind folder>/` holds.
//!
//! Each kind has its own file struct with `deny_unknown_fields`, so a misspelt field is
//! reported at its position with the fields that kind accepts. The fields every kind shares
//! are written once, in [`entry_file!`]; `serde(flatten)` would lose field positions.

use serde::{Deserialize, Serialize, Serializer};
use std::borrow::Cow;

use super::file::EntryFile;
use super::values::{Date, Id, WebAddress, present, tight};
use crate::text::{Label, Line, Prose};

/// The kinds of entry, each stored in its own folder.
/// Serialised with the same ids as `kind:` filters and `boucle list` tables use.
#[derive(
    Clone,
    Copy,
    Debug,
    PartialEq,
    Eq,
    Hash,
    PartialOrd,
    Ord,
    Serialize,
    rkyv::Archive,
    rkyv::Serialize,
    rkyv::Deserialize,
)]
pub enum Kind {
    #[serde(rename = "practice")]
    GoodPractice,
    #[serde(rename = "visit")]
    SiteVisit,
    #[serde(rename = "event")]
    Event,
    #[serde(rename = "tour")]
    Tour,
    #[serde(rename = "organisation")]
    Organisation,
}

impl Kind {
    pub const ALL: [Kind; 5] = [Kind::GoodPractice, Kind::SiteVisit, Kind::Event, Kind::Tour, Kind::Organisation];

    /// The folder under `practices/` that holds this kind.
    pub fn folder(self) -> &'static str {
        match self {
            Kind::GoodPractice => "good-practices",
            Kind::SiteVisit => "site-visits",
            Kind::Event => "events",
            Kind::Tour => "tours",
            Kind::Organisation => "organisations",
        }
    }

    /// The struct name a file may start with, e.g. `GoodPractice(`.
    pub fn struct_name(self) -> &'static str {
        match self {
            Kind::GoodPractice => "GoodPractice",
            Kind::SiteVisit => "SiteVisit",
            Kind::Event => "Event",
            Kind::Tour => "Tour",
            Kind::Organisation => "Organisation",
        }
    }

    /// The id used on the command line, in `kind:` filters and in JSON.
    pub fn id(self) -> &'static str {
        match self {
            Kind::GoodPractice => "practice",
            Kind::SiteVisit => "visit",
            Kind::Event => "event",
            Kind::Tour => "tour",
            Kind::Organisation => "organisation",
        }
    }

    pub fn from_folder(folder: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|k| k.folder() == folder)
    }

    /// Accepts the short id, the folder name and a few natural spellings, in English and in
    /// French (`kind:visite`, as French material names are accepted).
    pub fn parse(text: &str) -> Option<Kind> {
        let t = text.to_lowercase();
        // Plurals as the singulars, word by word (`visites-de-sites`, `bonnes-pratiques`).
        let singular: Vec<&str> = t.split('-').map(|word| word.trim_end_matches('s')).collect();
        let french = match singular.join("-").as_str() {
            "pratique" | "bonne-pratique" => Some(Kind::GoodPractice),
            "visite" | "visite-de-site" => Some(Kind::SiteVisit),
            "evenement" | "événement" | "évènement" => Some(Kind::Event),
            "parcour" => Some(Kind::Tour),
            _ => None,
        };
        french.or_else(|| {
            Kind::ALL.into_iter().find(|k| {
                t == k.id()
                    || t == k.folder()
                    || t == k.folder().trim_end_matches('s')
                    || t == k.struct_name().to_ascii_lowercase()
            })
        })
    }
}

/// Where an entry is: a region of the `regions` vocabulary, and optionally a named place.
#[derive(Clone, Debug, Deserialize, Serialize, rkyv::Archive, rkyv::Serialize, rkyv::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Location {
    pub region: Id,
    #[serde(default)]
    pub place: Option<Label>,
    /// Latitude and longitude of the place itself, where a source gives them; otherwise the
    /// map uses the region's coordinates. Boxed: rarely given, and 24 bytes inline.
    #[serde(default)]
    pub coordinates: Option<Box<(f64, f64)>>,
}

/// A published source for the facts an entry states.
#[derive(Clone, Debug, Deserialize, Serialize, rkyv::Archive, rkyv::Serialize, rkyv::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Source {
    pub title: Label,
    pub url: WebAddress,
    /// When the source was published (or, failing that, read).
    #[serde(default)]
    pub date: Option<Date>,
}

/// How far a curator has checked an entry.
/// Written in RON as `draft`, `to_complete` or `reviewed` (RON names cannot hold a dash).
#[derive(
    Clone,
    Copy,
    Debug,
    Deserialize,
    Serialize,
    PartialEq,
    Eq,
    Hash,
    PartialOrd,
    Ord,
    rkyv::Archive,
    rkyv::Serialize,
    rkyv::Deserialize,
)]
#[serde(rename_all(deserialize = "snake_case", serialize = "kebab-case"))]
pub enum ReviewStatus {
    /// Written but not checked against its sources.
    Draft,
    /// Checked; some fields are missing because no source gives them.
    #[serde(alias = "to-complete", alias = "ToComplete")]
    ToComplete,
    /// Checked against its sources.
    Reviewed,
}

impl ReviewStatus {
    pub const ALL: [ReviewStatus; 3] = [ReviewStatus::Draft, ReviewStatus::ToComplete, ReviewStatus::Reviewed];

    pub fn id(self) -> &'static str {
        match self {
            ReviewStatus::Draft => "draft",
            ReviewStatus::ToComplete => "to-complete",
            ReviewStatus::Reviewed => "reviewed",
        }
    }
}

#[derive(Clone, Debug, Deserialize, Serialize, rkyv::Archive, rkyv::Serialize, rkyv::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Review {
    pub status: ReviewStatus,
    /// The day a curator last checked the entry against its sources. Required in a file;
    /// `None` only when the date written is not a date (reported, and the entry still loads).
    #[serde(deserialize_with = "present")]
    pub checked: Option<Date>,
    /// What is missing or doubtful, for the next curator.
    #[serde(default)]
    pub note: Option<Prose>,
}

#[derive(
    Clone, Copy, Debug, Deserialize, Serialize, PartialEq, Eq, rkyv::Archive, rkyv::Serialize, rkyv::Deserialize,
)]
#[serde(rename_all = "snake_case")]
pub enum Progress {
    Ongoing,
    Ended,
}

#[derive(Clone, Debug, Deserialize, Serialize, Default, rkyv::Archive, rkyv::Serialize, rkyv::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Timescale {
    #[serde(default)]
    pub start: Option<Date>,
    #[serde(default)]
    pub end: Option<Date>,
    #[serde(default)]
    pub status: Option<Progress>,
}

/// One stop of a tour: an entry, with the facilitator's note for it.
#[derive(Clone, Debug, Deserialize, Serialize, rkyv::Archive, rkyv::Serialize, rkyv::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Stop {
    pub entry: Id,
    #[serde(default)]
    pub note: Option<Prose>,
    /// The day of the programme this stop is on, within the tour's dates; stops are grouped
    /// by it on the tours screen.
    #[serde(default)]
    pub day: Option<Date>,
    /// When in the day, as the programme says it: "09:30", or (fr: "matin", en: "morning").
    #[serde(default)]
    pub time: Option<Label>,
}

macro_rules! entry_file {
    ($(#[$doc:meta])* $file:ident => $details:ident as $ron_name:literal {
        $($(#[$field_meta:meta])* $field:ident : $ty:ty,)*
    }) => {
        $(#[$doc])*
        #[derive(Debug, Deserialize)]
        #[serde(deny_unknown_fields, rename = $ron_name)]
        pub struct $file {
            pub title: Label,
            /// One sentence, shown in lists.
            pub summary: Label,
            #[serde(default)]
            pub description: Option<Prose>,
            #[serde(default)]
            pub location: Option<Location>,
            /// Organisations involved, beyond the ones named in kind-specific fields.
            #[serde(default, deserialize_with = "tight")]
            pub organisations: Vec<Id>,
            #[serde(default, deserialize_with = "tight")]
            pub materials: Vec<Id>,
            #[serde(default, deserialize_with = "tight")]
            pub themes: Vec<Id>,
            #[serde(default, deserialize_with = "tight")]
            pub stages: Vec<Id>,
            #[serde(default, deserialize_with = "tight")]
            pub tags: Vec<Line>,
            /// The project the entry belongs to, e.g. "RAW4RES".
            #[serde(default)]
            pub project: Option<Line>,
            #[serde(default, deserialize_with = "tight")]
            pub related: Vec<Id>,
            #[serde(default, deserialize_with = "tight")]
            pub sources: Vec<Source>,
            pub review: Review,
            $($(#[$field_meta])* pub $field: $ty,)*
        }

        $(#[$doc])*
        #[derive(Clone, Debug, Serialize, rkyv::Archive, rkyv::Serialize, rkyv::Deserialize)]
        pub struct $details {
            $(pub $field: $ty,)*
        }

        impl From<$file> for (Common, Details) {
            fn from(f: $file) -> Self {
                let common = Common {
                    title: f.title,
                    summary: f.summary,
                    description: f.description,
                    location: f.location,
                    organisations: f.organisations.into_boxed_slice(),
                    materials: f.materials.into_boxed_slice(),
                    themes: f.themes.into_boxed_slice(),
                    stages: f.stages.into_boxed_slice(),
                    tags: f.tags.into_boxed_slice(),
                    project: f.project,
                    related: f.related.into_boxed_slice(),
                    sources: f.sources.into_boxed_slice(),
                    review: f.review,
                };
                (common, Details::$details($details { $($field: f.$field,)* }))
            }
        }
    };
}

entry_file! {
    /// A good practice, following the Interreg Europe good-practice template.
    GoodPracticeFile => GoodPractice as "GoodPractice" {
        #[serde(default)] main_institution: Option<Id>,
        #[serde(default)] timescale: Option<Timescale>,
        #[serde(default)] resources_needed: Option<Prose>,
        #[serde(default)] evidence_of_success: Option<Prose>,
        #[serde(default)] difficulties: Option<Prose>,
        #[serde(default)] transfer_potential: Option<Prose>,
        #[serde(default)] further_information: Option<Prose>,
    }
}

entry_file! {
    /// A visit to a site, usually one stop of a programme.
    SiteVisitFile => SiteVisit as "SiteVisit" {
        #[serde(default)] site: Option<Label>,
        #[serde(default)] host: Option<Id>,
        #[serde(deserialize_with = "present")] start: Option<Date>,
        #[serde(default)] end: Option<Date>,
        /// The tour or event this visit was part of.
        #[serde(default)] programme: Option<Id>,
        #[serde(default)] seen: Option<Prose>,
        #[serde(default)] takeaways: Option<Prose>,
    }
}

entry_file! {
    /// A meeting, workshop, conference or peer review.
    EventFile => Event as "Event" {
        #[serde(default, deserialize_with = "tight")] organisers: Vec<Id>,
        #[serde(deserialize_with = "present")] start: Option<Date>,
        #[serde(default)] end: Option<Date>,
        #[serde(default)] venue: Option<Label>,
        #[serde(default)] participants: Option<u32>,
        #[serde(default)] programme: Option<Id>,
    }
}

entry_file! {
    /// An ordered programme of entries for a facilitator to present.
    TourFile => Tour as "Tour" {
        #[serde(default, deserialize_with = "tight")] organisers: Vec<Id>,
        #[serde(default)] start: Option<Date>,
        #[serde(default)] end: Option<Date>,
        #[serde(deserialize_with = "tight")] stops: Vec<Stop>,
    }
}

entry_file! {
    /// An organisation named by other entries. Its `title` is its name.
    OrganisationFile => Organisation as "Organisation" {
        #[serde(default)] short_name: Option<Line>,
        #[serde(deserialize_with = "present")] org_type: Option<Id>,
        #[serde(default)] website: Option<WebAddress>,
        #[serde(default)] founded: Option<Date>,
    }
}

/// The fields every kind of entry has.
#[derive(Clone, Debug, Serialize, rkyv::Archive, rkyv::Serialize, rkyv::Deserialize)]
pub struct Common {
    pub title: Label,
    pub summary: Label,
    pub description: Option<Prose>,
    pub location: Option<Location>,
    // Lists never grow once loaded: boxed slices, 8 bytes less each than a vector.
    pub organisations: Box<[Id]>,
    pub materials: Box<[Id]>,
    pub themes: Box<[Id]>,
    pub stages: Box<[Id]>,
    pub tags: Box<[Line]>,
    pub project: Option<Line>,
    pub related: Box<[Id]>,
    pub sources: Box<[Source]>,
    pub review: Review,
}

/// What only one kind of entry has.
#[derive(Clone, Debug, Serialize, rkyv::Archive, rkyv::Serialize, rkyv::Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Details {
    GoodPractice(GoodPractice),
    SiteVisit(SiteVisit),
    Event(Event),
    Tour(Tour),
    Organisation(Organisation),
}

/// One entry of the catalogue, whatever its kind.
#[derive(Clone, Debug, rkyv::Archive, rkyv::Serialize, rkyv::Deserialize)]
pub struct Entry {
    pub id: Id,
    pub kind: Kind,
    /// The file it was read from: see [`Entry::file`].
    pub file: EntryFile,
    pub common: Common,
    pub details: Details,
}

impl Serialize for Entry {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        #[derive(Serialize)]
        struct Shown<'a> {
            id: &'a Id,
            kind: Kind,
            file: &'a str,
            #[serde(flatten)]
            common: &'a Common,
            details: &'a Details,
        }
        let file = self.file();
        Shown { id: &self.id, kind: self.kind, file: &file, common: &self.common, details: &self.details }.serialize(s)
    }
}

impl Entry {
    /// The file it was read from, as shown to curators.
    pub fn file(&self) -> Cow<'_, str> {
        self.file.shown(&self.id)
    }

    pub fn title(&self) -> &Label {
        &self.common.title
    }

    pub fn summary(&self) -> &Label {
        &self.common.summary
    }

    /// Every organisation the entry names, the leading one (institution, host, organisers) first.
    pub fn organisations(&self) -> Vec<&Id> {
        let leading: Vec<&Id> = match &self.details {
            Details::GoodPractice(d) => d.main_institution.iter().collect(),
            Details::SiteVisit(d) => d.host.iter().collect(),
            Details::Event(d) => d.organisers.iter().collect(),
            Details::Tour(d) => d.organisers.iter().collect(),
            Details::Organisation(_) => Vec::new(),
        };
        let mut all = leading;
        for org in &self.common.organisations {
            if !all.contains(&org) {
                all.push(org);
            }
        }
        all
    }

    /// The first and last dates the entry covers, where it has any.
    pub fn span(&self) -> Option<(Date, Option<Date>)> {
        match &self.details {
            Details::GoodPractice(d) => {
                let t = d.timescale.as_ref()?;
                t.start.or(t.end).map(|start| (start, t.end))
            }
            Details::SiteVisit(d) => d.start.map(|s| (s, d.end)),
            Details::Event(d) => d.start.map(|s| (s, d.end)),
            Details::Tour(d) => d.start.map(|s| (s, d.end)),
            Details::Organisation(d) => d.founded.map(|f| (f, None)),
        }
    }

    /// The years the entry covers, for the year facet. An open-ended practice counts for its
    /// start year only: listing every year since would flood the facet.
    pub fn years(&self) -> Vec<i32> {
        match self.span() {
            Some((start, Some(end))) if end.year() >= start.year() && end.year() - start.year() <= 50 => {
                (start.year()..=end.year()).collect()
            }
            Some((start, _)) => vec![start.year()],
            None => Vec::new(),
        }
    }

    /// Every entry id this entry points at, with the field that names it.
    pub fn entry_references(&self) -> Vec<(&'static str, &Id)> {
        let mut refs: Vec<(&'static str, &Id)> = self.common.related.iter().map(|id| ("related", id)).collect();
        match &self.details {
            Details::SiteVisit(d) => refs.extend(d.programme.iter().map(|id| ("programme", id))),
            Details::Event(d) => refs.extend(d.programme.iter().map(|id| ("programme", id))),
            Details::Tour(d) => refs.extend(d.stops.iter().map(|s| ("entry", &s.entry))),
            _ => {}
        }
        refs
    }

    /// Every organisation id this entry points at, with the field that names it.
    pub fn organisation_references(&self) -> Vec<(&'static str, &Id)> {
        let mut refs: Vec<(&'static str, &Id)> = Vec::new();
        match &self.details {
            Details::GoodPractice(d) => refs.extend(d.main_institution.iter().map(|id| ("main_institution", id))),
            Details::SiteVisit(d) => refs.extend(d.host.iter().map(|id| ("host", id))),
            Details::Event(d) => refs.extend(d.organisers.iter().map(|id| ("organisers", id))),
            Details::Tour(d) => refs.extend(d.organisers.iter().map(|id| ("organisers", id))),
            Details::Organisation(_) => {}
        }
        refs.extend(self.common.organisations.iter().map(|id| ("organisations", id)));
        refs
    }
}
