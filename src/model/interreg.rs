//! The Interreg Europe good-practice template, field by field, as the catalogue fills it: which
//! of a good practice's fields stand for which section of the submission form, which sections
//! the practice leaves empty, and which texts are longer than the form takes.
//!
//! Sources (see docs/CURATING.md, "The Interreg Europe template"): the form's sections are those
//! of the programme's good-practice template (interregeurope.eu/good-practices, "Good practice
//! template 2024"); the only length limit found in a public source is the title's, "max 100
//! characters" (Interreg Europe, "Good practices: submission & validation process", seminar on
//! activities and results, Budapest, 22 January 2020). Other limits are left out rather than
//! guessed: [`SECTIONS`] holds one where a source gives it.

use crate::i18n::Word;
use crate::model::{Details, Entry};
use crate::text::Lang;

/// A section of the submission form and the field that fills it.
#[derive(Clone, Copy, Debug)]
pub struct Section {
    /// The catalogue field (as written in the files).
    pub field: &'static str,
    /// The section's name, in the reader's language.
    pub name: Word,
    /// The most characters the form takes in it, where a source says.
    pub limit: Option<usize>,
}

/// The sections a good practice fills, in the form's order.
pub const SECTIONS: &[Section] = &[
    Section { field: "title", name: Word::GpTitle, limit: Some(100) },
    Section { field: "summary", name: Word::GpSummary, limit: None },
    Section { field: "main_institution", name: Word::GpInstitution, limit: None },
    Section { field: "location", name: Word::GpLocation, limit: None },
    Section { field: "timescale", name: Word::GpTimescale, limit: None },
    Section { field: "description", name: Word::GpAbout, limit: None },
    Section { field: "resources_needed", name: Word::GpResources, limit: None },
    Section { field: "evidence_of_success", name: Word::GpEvidence, limit: None },
    Section { field: "difficulties", name: Word::GpDifficulties, limit: None },
    Section { field: "transfer_potential", name: Word::GpTransfer, limit: None },
    Section { field: "further_information", name: Word::GpFurther, limit: None },
];

/// What a practice lacks for one section.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Gap {
    Missing,
    /// The text in `lang` (`None`: the one text for both) has `chars` characters.
    TooLong {
        lang: Option<Lang>,
        chars: usize,
        limit: usize,
    },
}

/// The sections `entry` (a good practice) leaves empty or overfills, in the form's order;
/// nothing for other kinds, which the form is not for.
pub fn gaps(entry: &Entry) -> Vec<(Section, Gap)> {
    let Details::GoodPractice(gp) = &entry.details else { return Vec::new() };
    let common = &entry.common;
    let mut out = Vec::new();
    for section in SECTIONS {
        // The texts of the section, by language (`None`: one text for both).
        let texts: Vec<(Option<Lang>, &str)> = match section.field {
            "title" => versions(&common.title),
            "summary" => versions(&common.summary),
            "description" => common.description.as_ref().map(versions).unwrap_or_default(),
            "resources_needed" => gp.resources_needed.as_ref().map(versions).unwrap_or_default(),
            "evidence_of_success" => gp.evidence_of_success.as_ref().map(versions).unwrap_or_default(),
            "difficulties" => gp.difficulties.as_ref().map(versions).unwrap_or_default(),
            "transfer_potential" => gp.transfer_potential.as_ref().map(versions).unwrap_or_default(),
            // Sources are the further information the export gives when the field is empty.
            "further_information" => match &gp.further_information {
                Some(text) => versions(text),
                None if !common.sources.is_empty() => vec![(None, "sources")],
                None => Vec::new(),
            },
            "main_institution" => gp.main_institution.iter().map(|id| (None, id.as_str())).collect(),
            "location" => common.location.iter().map(|l| (None, l.region.as_str())).collect(),
            "timescale" => {
                gp.timescale.as_ref().filter(|t| t.start.is_some()).map(|_| (None, "start")).into_iter().collect()
            }
            _ => Vec::new(),
        };
        let texts: Vec<(Option<Lang>, &str)> = texts.into_iter().filter(|(_, t)| !t.trim().is_empty()).collect();
        if texts.is_empty() {
            out.push((*section, Gap::Missing));
            continue;
        }
        if let Some(limit) = section.limit {
            for (lang, text) in texts {
                let chars = text.chars().count();
                if chars > limit {
                    out.push((*section, Gap::TooLong { lang, chars, limit }));
                }
            }
        }
    }
    out
}

/// Each version of a localised text with its language (`None`: the one text for both).
fn versions<const MULTI: bool>(text: &crate::text::LocalText<MULTI>) -> Vec<(Option<Lang>, &str)> {
    let mut out: Vec<(Option<Lang>, &str)> =
        Lang::ALL.iter().filter_map(|&lang| text.in_lang(lang).map(|t| (Some(lang), t.as_str()))).collect();
    if let Some(neutral) = text.neutral() {
        out.push((None, neutral.as_str()));
    }
    out
}
