//! The key facts of a slide, most important first, shared by the projector and the console.

use crate::export::doc::{Block as DocBlock, EntryDoc, Field, Value};
use crate::i18n::{Msg, facet_name_for, t};
use crate::query::Facet;
use crate::text::Lang;

/// The facts a room asks about first: where (with the region), who, when, materials, ESG
/// themes, stage, evidence of success, take-aways; then the summary.
pub fn key_facts(doc: &EntryDoc, lang: Lang) -> Vec<(&'static str, String)> {
    let fields: Vec<&Field> = doc
        .blocks
        .iter()
        .flat_map(|b| match b {
            DocBlock::Fields(fields) => fields.iter().collect(),
            _ => Vec::new(),
        })
        .collect();
    let found = |msg: Msg| fields.iter().find(|f| f.label == t(lang, msg));
    let field = |msg: Msg| found(msg).map(|f| (f.label, f.value.plain()));
    let prose = |msg: Msg| {
        doc.blocks.iter().find_map(|b| match b {
            DocBlock::Prose { label, text } if *label == t(lang, msg) => Some((*label, text.replace('\n', " "))),
            _ => None,
        })
    };
    let mut out = Vec::new();
    if let Some(place) = &doc.place {
        out.push((t(lang, Msg::Where), place.clone()));
    }
    for msg in [Msg::MainInstitution, Msg::Host, Msg::Organisers] {
        if let Some((_, who)) = field(msg) {
            out.push((t(lang, Msg::Who), who));
            break;
        }
    }
    if let Some((_, when)) = field(Msg::Dates).or_else(|| field(Msg::Timescale)) {
        out.push((t(lang, Msg::When), when));
    }
    // Short labels for the vocabularies: a slide's label column stays narrow; plural over
    // several values.
    let short = [(Msg::Materials, Facet::Material), (Msg::Themes, Facet::Theme), (Msg::Stages, Facet::Stage)];
    out.extend(short.into_iter().filter_map(|(msg, facet)| {
        let field = found(msg)?;
        let values = match &field.value {
            Value::Terms { terms, .. } => terms.len(),
            _ => 1,
        };
        Some((facet_name_for(lang, facet, values), field.value.plain()))
    }));
    out.extend([Msg::EvidenceOfSuccess, Msg::Takeaways].into_iter().filter_map(prose));
    if !doc.summary.trim().is_empty() {
        out.push((t(lang, Msg::Description), doc.summary.clone()));
    }
    out
}
