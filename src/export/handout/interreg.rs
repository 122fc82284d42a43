//! The Interreg Europe good-practice template, in Markdown: the sections a partner fills in when
//! submitting a practice (title, summary, main institution, location, timescale, topic, the
//! detailed description, resources, evidence of success, difficulties and lessons, potential for
//! transfer, further information, owner, expert opinion, linked project), filled from the
//! catalogue, so a curated entry becomes a draft submission. A section the catalogue does not
//! give says so rather than inventing anything. Other kinds fill the sections they have.

use std::fmt::Write;

use super::md::{line, link, paragraphs};
use super::{Handout, Item};
use crate::export::markdown::escape;
use crate::i18n::{Word, progress_name, with_colon, word};
use crate::model::{Details, Entries, Entry, Id};
use crate::text::Lang;

pub fn handout(h: &Handout, catalogue: &dyn Entries) -> String {
    let lang = h.lang;
    // One entry: its title once as the page's, and in the template's own title field; not
    // again as a numbered heading.
    let alone = h.items.len() == 1 && h.scope == "entry";
    let mut md = if alone {
        format!("# {}\n\n*{}*\n\n", line(&h.title), word(lang, Word::GpTemplate))
    } else {
        format!("# {} — {}\n\n", line(&h.title), word(lang, Word::GpTemplate))
    };
    missing_sections(&mut md, h, catalogue, alone);
    for item in &h.items {
        md.push_str("---\n\n");
        match item.index.map(|i| catalogue.entry(i)) {
            Some(entry) => practice(&mut md, catalogue, lang, item, entry, alone),
            None => {
                let _ = writeln!(md, "## {}. `{}` — {}\n", item.number, item.id, word(lang, Word::NotInCatalogue));
            }
        }
    }
    let _ = writeln!(md, "---\n\n*{}*", escape(word(lang, Word::MadeBy)));
    md
}

/// What each practice still lacks, before any of them: a partner sees at once what to write.
/// One entry alone is not named again: the page's title is its own.
fn missing_sections(md: &mut String, h: &Handout, catalogue: &dyn Entries, alone: bool) {
    let lang = h.lang;
    let _ = writeln!(md, "**{}**\n", with_colon(lang, crate::i18n::problems::missing_sections_heading(lang)));
    for item in &h.items {
        let Some(entry) = item.index.map(|i| catalogue.entry(i)) else { continue };
        if !matches!(entry.details, Details::GoodPractice(_)) {
            continue;
        }
        let missing: Vec<&str> = crate::model::interreg::gaps(entry)
            .into_iter()
            .filter(|(_, gap)| *gap == crate::model::interreg::Gap::Missing)
            .map(|(section, _)| word(lang, crate::i18n::section_word(section.name)))
            .collect();
        let said = if missing.is_empty() {
            crate::i18n::problems::nothing_missing(lang).to_string()
        } else {
            missing.join(", ")
        };
        if alone {
            let _ = writeln!(md, "- {}. {}", item.number, escape(&said));
        } else {
            let _ = writeln!(
                md,
                "- {}. {} {}",
                item.number,
                with_colon(lang, &line(entry.title().get(lang))),
                escape(&said)
            );
        }
    }
    md.push('\n');
}

fn practice(md: &mut String, catalogue: &dyn Entries, lang: Lang, item: &Item, entry: &Entry, alone: bool) {
    let not_given = format!("*{}*", word(lang, Word::NotGiven));
    let text = |value: Option<String>| value.filter(|v| !v.trim().is_empty());
    let org_name =
        |id: &Id| catalogue.get(id.as_str()).map(|o| o.title().get(lang).to_string()).unwrap_or(id.to_string());
    if !alone {
        let _ = writeln!(md, "## {}. {}\n", item.number, line(entry.title().get(lang)));
    }
    let _ = writeln!(md, "`{}`\n", entry.id);
    let gp = match &entry.details {
        Details::GoodPractice(gp) => Some(gp),
        _ => {
            let _ = writeln!(md, "*{}*\n", word(lang, Word::NotAPractice));
            None
        }
    };
    let section = |md: &mut String, title: Word, body: Option<String>| {
        let _ = writeln!(md, "### {}\n\n{}\n", word(lang, title), body.unwrap_or_else(|| not_given.clone()));
    };
    section(md, Word::GpTitle, Some(line(entry.title().get(lang))));
    let units = |text: &str| crate::text::keep_units_together(text).into_owned();
    section(md, Word::GpSummary, text(Some(units(entry.summary().get(lang)))).map(|s| paragraphs(&s)));
    let institution = gp.and_then(|gp| gp.main_institution.as_ref()).map(|id| escape(&org_name(id)));
    section(md, Word::GpInstitution, institution);
    section(md, Word::GpLocation, location(catalogue, lang, entry));
    let timescale = gp.and_then(|gp| gp.timescale.as_ref()).map(|ts| {
        let mut parts = Vec::new();
        if let Some(start) = ts.start {
            parts.push(start.to_string());
        }
        parts.push(ts.end.map(|e| e.to_string()).unwrap_or_else(|| "…".into()));
        let mut out = parts.join(" → ");
        if let Some(status) = ts.status {
            out.push_str(&format!(" ({})", progress_name(lang, status)));
        }
        out
    });
    section(md, Word::GpTimescale, timescale);
    section(md, Word::GpTopic, topic(catalogue, lang, entry));
    let body =
        |p: &Option<crate::text::Prose>| p.as_ref().map(|p| paragraphs(&units(p.get(lang)))).filter(|p| !p.is_empty());
    section(md, Word::GpAbout, body(&entry.common.description));
    section(md, Word::GpResources, gp.and_then(|gp| body(&gp.resources_needed)));
    section(md, Word::GpEvidence, gp.and_then(|gp| body(&gp.evidence_of_success)));
    section(md, Word::GpDifficulties, gp.and_then(|gp| body(&gp.difficulties)));
    section(md, Word::GpTransfer, gp.and_then(|gp| body(&gp.transfer_potential)));
    let mut further = gp.and_then(|gp| body(&gp.further_information)).unwrap_or_default();
    for source in &entry.common.sources {
        let _ = writeln!(further, "- {}", link(source.title.get(lang), source.url.as_str()));
    }
    section(md, Word::GpFurther, text(Some(further)));
    let owner = gp.and_then(|gp| gp.main_institution.as_ref()).map(|id| {
        let mut out = escape(&org_name(id));
        if let Some(Details::Organisation(org)) = catalogue.get(id.as_str()).map(|o| &o.details)
            && let Some(site) = &org.website
        {
            out.push_str(&format!(" — {}", link(site.as_str(), site.as_str())));
        }
        out
    });
    section(md, Word::GpOwner, owner);
    section(md, Word::GpExpert, None);
    section(md, Word::GpProject, entry.common.project.as_ref().map(|p| escape(p.as_str())));
    for (label, note) in [(Word::StopNote, &item.stop_note), (Word::MyNote, &item.note)] {
        if let Some(note) = note {
            let _ = writeln!(md, "**{}** {}\n", with_colon(lang, word(lang, label)), escape(note));
        }
    }
}

/// "City, Region (CODE), Country": the place, then each region up to the country.
fn location(catalogue: &dyn Entries, lang: Lang, entry: &Entry) -> Option<String> {
    let location = entry.common.location.as_ref()?;
    let regions = &catalogue.vocabularies().regions;
    let mut parts: Vec<String> = location.place.iter().map(|p| p.get(lang).to_string()).collect();
    let mut next = Some(location.region.clone());
    let mut guard = 0;
    while let Some(id) = next.take()
        && guard < 8
    {
        guard += 1;
        match regions.get(id.as_str()) {
            Some(term) => {
                let label = term.label.get(lang).to_string();
                if !parts.contains(&label) {
                    parts.push(format!("{label} ({id})"));
                }
                next = term.parents.first().cloned();
            }
            None => parts.push(id.to_string()),
        }
    }
    Some(escape(&parts.join(", ")))
}

/// Materials and ESG themes, by their labels (themes with their ESRS code).
fn topic(catalogue: &dyn Entries, lang: Lang, entry: &Entry) -> Option<String> {
    let v = catalogue.vocabularies();
    let mut parts: Vec<String> = entry
        .common
        .materials
        .iter()
        .map(|id| v.materials.get(id.as_str()).map(|t| t.label.get(lang).to_string()).unwrap_or(id.to_string()))
        .collect();
    parts.extend(entry.common.themes.iter().map(|id| match v.themes.get(id.as_str()) {
        Some(t) => format!("{id} {}", t.label.get(lang)),
        None => id.to_string(),
    }));
    (!parts.is_empty()).then(|| escape(&parts.join(", ")))
}
