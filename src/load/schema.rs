//! What each catalogue file may hold, field by field, in the spellings curators write: the
//! schema the recovering reader checks a file against once the typed parse has failed.
//!
//! It mirrors the file structs of `model::entry` and `model::vocabulary`; a test checks that a
//! file using every field of this schema parses with those structs, so the two cannot drift.

use crate::i18n::Said;
pub use crate::i18n::problems::Shape;
use crate::i18n::problems::{fields_shape, list_of, one_of, shape};
use crate::model::Kind;

/// The type of a value, as curators see it.
#[derive(Clone, Copy, Debug)]
pub enum Ty {
    /// A single value: a text, an id, a date… (the shapes are listed with what is said of them).
    One(Shape),
    /// One of a few bare words, documented spellings first; later ones are accepted aliases.
    Choice(&'static [&'static str], usize),
    /// `(field: value, …)`, named in messages as given.
    Struct(&'static str, &'static [Spec]),
    List(&'static Ty),
}

/// What a missing or invalid value costs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Need {
    Optional,
    /// Reported when missing; the entry loads with an empty value in its place.
    Required,
    /// Without it there is nothing to show or to refer to: the entry does not load.
    Identity,
}

#[derive(Clone, Copy, Debug)]
pub struct Spec {
    pub name: &'static str,
    pub ty: Ty,
    pub need: Need,
}

const fn opt(name: &'static str, ty: Ty) -> Spec {
    Spec { name, ty, need: Need::Optional }
}

const fn req(name: &'static str, ty: Ty) -> Spec {
    Spec { name, ty, need: Need::Required }
}

const fn identity(name: &'static str, ty: Ty) -> Spec {
    Spec { name, ty, need: Need::Identity }
}

const IDS: Ty = Ty::List(&Ty::One(Shape::Id));

const LOCATION: Ty = Ty::Struct(
    "location",
    &[
        identity("region", Ty::One(Shape::Id)),
        opt("place", Ty::One(Shape::Text)),
        opt("coordinates", Ty::One(Shape::Coordinates)),
    ],
);
const SOURCE: Ty = Ty::Struct(
    "sources",
    &[
        identity("title", Ty::One(Shape::Text)),
        identity("url", Ty::One(Shape::Address)),
        opt("date", Ty::One(Shape::Date)),
    ],
);
/// `ToComplete` and `r#to-complete` are accepted as the typed parser accepts them;
/// `to_complete` is documented.
pub const STATUSES: &[&str] = &["draft", "to_complete", "reviewed", "ToComplete", "to-complete"];
const REVIEW: Ty = Ty::Struct(
    "review",
    &[req("status", Ty::Choice(STATUSES, 3)), req("checked", Ty::One(Shape::Date)), opt("note", Ty::One(Shape::Text))],
);
const TIMESCALE: Ty = Ty::Struct(
    "timescale",
    &[
        opt("start", Ty::One(Shape::Date)),
        opt("end", Ty::One(Shape::Date)),
        opt("status", Ty::Choice(&["ongoing", "ended"], 2)),
    ],
);
const STOP: Ty = Ty::Struct(
    "stops",
    &[
        identity("entry", Ty::One(Shape::Id)),
        opt("note", Ty::One(Shape::Text)),
        opt("day", Ty::One(Shape::Date)),
        opt("time", Ty::One(Shape::Text)),
    ],
);

/// The fields every kind shares, in the order the template lists them.
pub const COMMON: &[Spec] = &[
    identity("title", Ty::One(Shape::Text)),
    req("summary", Ty::One(Shape::Text)),
    opt("description", Ty::One(Shape::Text)),
    opt("location", LOCATION),
    opt("organisations", IDS),
    opt("materials", IDS),
    opt("themes", IDS),
    opt("stages", IDS),
    opt("tags", Ty::List(&Ty::One(Shape::Line))),
    opt("project", Ty::One(Shape::Line)),
    opt("related", IDS),
    opt("sources", Ty::List(&SOURCE)),
    req("review", REVIEW),
];

const GOOD_PRACTICE: &[Spec] = &[
    opt("main_institution", Ty::One(Shape::Id)),
    opt("timescale", TIMESCALE),
    opt("resources_needed", Ty::One(Shape::Text)),
    opt("evidence_of_success", Ty::One(Shape::Text)),
    opt("difficulties", Ty::One(Shape::Text)),
    opt("transfer_potential", Ty::One(Shape::Text)),
    opt("further_information", Ty::One(Shape::Text)),
];
const SITE_VISIT: &[Spec] = &[
    opt("site", Ty::One(Shape::Text)),
    opt("host", Ty::One(Shape::Id)),
    req("start", Ty::One(Shape::Date)),
    opt("end", Ty::One(Shape::Date)),
    opt("programme", Ty::One(Shape::Id)),
    opt("seen", Ty::One(Shape::Text)),
    opt("takeaways", Ty::One(Shape::Text)),
];
const EVENT: &[Spec] = &[
    opt("organisers", IDS),
    req("start", Ty::One(Shape::Date)),
    opt("end", Ty::One(Shape::Date)),
    opt("venue", Ty::One(Shape::Text)),
    opt("participants", Ty::One(Shape::Count)),
    opt("programme", Ty::One(Shape::Id)),
];
const TOUR: &[Spec] = &[
    opt("organisers", IDS),
    opt("start", Ty::One(Shape::Date)),
    opt("end", Ty::One(Shape::Date)),
    req("stops", Ty::List(&STOP)),
];
const ORGANISATION: &[Spec] = &[
    opt("short_name", Ty::One(Shape::Line)),
    req("org_type", Ty::One(Shape::Id)),
    opt("website", Ty::One(Shape::Address)),
    opt("founded", Ty::One(Shape::Date)),
];

/// The fields only this kind has.
pub fn kind_fields(kind: Kind) -> &'static [Spec] {
    match kind {
        Kind::GoodPractice => GOOD_PRACTICE,
        Kind::SiteVisit => SITE_VISIT,
        Kind::Event => EVENT,
        Kind::Tour => TOUR,
        Kind::Organisation => ORGANISATION,
    }
}

/// Every field of a kind: the shared ones, then its own.
pub fn entry_fields(kind: Kind) -> Vec<Spec> {
    COMMON.iter().chain(kind_fields(kind)).copied().collect()
}

const TERM_BASE: [Spec; 3] =
    [identity("id", Ty::One(Shape::Id)), req("label", Ty::One(Shape::Text)), opt("parent", Ty::One(Shape::Id))];
pub const REGION_TERM: &[Spec] =
    &[TERM_BASE[0], TERM_BASE[1], TERM_BASE[2], opt("coordinates", Ty::One(Shape::Coordinates))];
/// A material may belong to several groups: `parents: ["rare-earths-magnets", "light-rare-earths"]`.
pub const MATERIAL_TERM: &[Spec] = &[
    TERM_BASE[0],
    TERM_BASE[1],
    TERM_BASE[2],
    opt("parents", IDS),
    opt("symbol", Ty::One(Shape::Line)),
    opt("critical", Ty::One(Shape::Flag)),
    opt("strategic", Ty::One(Shape::Flag)),
];
pub const PLAIN_TERM: &[Spec] = &TERM_BASE;

/// How a value of this type is written, for "expected …" lines.
/// What a value of this type looks like, as `expected` says it.
pub fn describe(ty: &Ty) -> Said {
    match ty {
        Ty::One(leaf) => shape(*leaf),
        Ty::Choice(words, documented) => one_of(&quoted(&words[..*documented])),
        Ty::Struct(_, specs) => fields_shape(specs.iter().find(|s| s.need != Need::Optional).map_or("…", |s| s.name)),
        Ty::List(item) => list_of(&describe(item)),
    }
}

pub fn quoted(words: &[&str]) -> String {
    words.iter().map(|w| format!("`{w}`")).collect::<Vec<_>>().join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::entry::{EventFile, GoodPracticeFile, OrganisationFile, SiteVisitFile, TourFile};

    /// A valid value of each type.
    fn sample(ty: &Ty) -> String {
        match ty {
            Ty::One(Shape::Text) | Ty::One(Shape::Line) | Ty::One(Shape::Id) => "\"x\"".into(),
            Ty::One(Shape::Date) => "\"2025-07-29\"".into(),
            Ty::One(Shape::Address) => "\"https://www.team2.fr\"".into(),
            Ty::One(Shape::Count) => "3".into(),
            Ty::One(Shape::Flag) => "true".into(),
            Ty::One(Shape::Coordinates) => "(50.5, 2.6)".into(),
            Ty::Choice(words, _) => words[0].into(),
            Ty::Struct(_, specs) => fields(specs),
            Ty::List(item) => format!("[{}]", sample(item)),
        }
    }

    fn fields(specs: &[Spec]) -> String {
        format!("({})", specs.iter().map(|s| format!("{}: {}", s.name, sample(&s.ty))).collect::<Vec<_>>().join(", "))
    }

    /// The names the typed parser accepts, as it lists them for an unknown field.
    fn accepted<T: serde::de::DeserializeOwned + std::fmt::Debug>(name: &str) -> Vec<String> {
        let text = format!("{name}(zzz: 1)");
        match crate::load::fast_ron::ron_options().from_str::<T>(&text).map_err(|e| e.code) {
            Err(ron::Error::NoSuchStructField { expected, .. }) => expected.iter().map(|s| s.to_string()).collect(),
            other => panic!("{other:?}"),
        }
    }

    fn check<T: serde::de::DeserializeOwned + std::fmt::Debug>(kind: Kind) {
        let specs = entry_fields(kind);
        let text = format!("{}{}", kind.struct_name(), fields(&specs));
        crate::load::fast_ron::ron_options().from_str::<T>(&text).unwrap_or_else(|e| panic!("{kind:?}: {e}"));
        let mut schema: Vec<String> = specs.iter().map(|s| s.name.to_string()).collect();
        let mut typed = accepted::<T>(kind.struct_name());
        schema.sort();
        typed.sort();
        assert_eq!(schema, typed, "{kind:?}");
    }

    fn check_term<T: serde::de::DeserializeOwned + std::fmt::Debug>(specs: &[Spec]) {
        crate::load::fast_ron::ron_options().from_str::<T>(&fields(specs)).unwrap_or_else(|e| panic!("{specs:?}: {e}"));
        let mut schema: Vec<String> = specs.iter().map(|s| s.name.to_string()).collect();
        let mut typed = accepted::<T>("");
        schema.sort();
        typed.sort();
        assert_eq!(schema, typed);
    }

    #[test]
    fn the_schema_has_exactly_the_fields_of_the_typed_structs() {
        check::<GoodPracticeFile>(Kind::GoodPractice);
        check::<SiteVisitFile>(Kind::SiteVisit);
        check::<EventFile>(Kind::Event);
        check::<TourFile>(Kind::Tour);
        check::<OrganisationFile>(Kind::Organisation);
        use crate::model::vocabulary::{MaterialFileTerm, PlainFileTerm, RegionFileTerm};
        check_term::<RegionFileTerm>(REGION_TERM);
        check_term::<MaterialFileTerm>(MATERIAL_TERM);
        check_term::<PlainFileTerm>(PLAIN_TERM);
    }
}
