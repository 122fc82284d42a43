//! `boucle show ID`: one entry in full, as Markdown (for reading or a handout) or JSON.

use clap::{Args, ValueEnum};
use std::io::Write;

use super::list::{CommandError, closest};
use crate::model::{Catalogue, Details, Entry, Id, Vocabulary};
use crate::text::{Lang, LocalText};

#[derive(Clone, Debug, Args)]
pub struct ShowArgs {
    /// The entry's id (its file name without .ron).
    #[arg(value_name = "ID")]
    pub id: String,

    /// Output: md (Markdown) or json.
    #[arg(long, value_enum, default_value_t = ShowFormat::Md)]
    pub format: ShowFormat,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ShowFormat {
    Md,
    Json,
}

/// `boucle show ID`. An unknown id is a usage error naming the closest ids.
pub fn run_show(catalogue: &Catalogue, args: &ShowArgs, lang: Lang, out: &mut dyn Write) -> Result<(), CommandError> {
    let Some(entry) = catalogue.get(&args.id).or_else(|| {
        // Ids are case-insensitive in practice: `Team2` finds `team2`.
        catalogue.entries().iter().find(|e| e.id.as_str().eq_ignore_ascii_case(&args.id))
    }) else {
        let ids = catalogue.entries().iter().map(|e| e.id.as_str());
        let suggestions = closest(&args.id, ids, 3);
        let shown = crate::text::sanitize(&args.id, crate::text::Lines::Single);
        let hint = if suggestions.is_empty() {
            " (`boucle list` shows every id)".to_string()
        } else {
            format!(
                " — did you mean {}?",
                suggestions.iter().map(|s| format!("\"{s}\"")).collect::<Vec<_>>().join(", ")
            )
        };
        return Err(CommandError::Usage(format!("unknown entry id \"{shown}\"{hint}")));
    };
    match args.format {
        ShowFormat::Json => {
            serde_json::to_writer_pretty(&mut *out, entry).map_err(std::io::Error::from)?;
            writeln!(out)?;
        }
        ShowFormat::Md => out.write_all(markdown(catalogue, entry, lang).as_bytes())?,
    }
    Ok(())
}

fn t(lang: Lang, fr: &'static str, en: &'static str) -> &'static str {
    match lang {
        Lang::Fr => fr,
        Lang::En => en,
    }
}

fn kind_name(entry: &Entry, lang: Lang) -> &'static str {
    use crate::model::Kind;
    match entry.kind {
        Kind::GoodPractice => t(lang, "Bonne pratique", "Good practice"),
        Kind::SiteVisit => t(lang, "Visite de site", "Site visit"),
        Kind::Event => t(lang, "Événement", "Event"),
        Kind::Tour => t(lang, "Parcours", "Tour"),
        Kind::Organisation => t(lang, "Organisation", "Organisation"),
    }
}

/// Vocabulary labels for ids, `Label (id)`, falling back to the id.
fn labels(vocabulary: &Vocabulary, ids: &[Id], lang: Lang) -> String {
    ids.iter()
        .map(|id| match vocabulary.get(id.as_str()) {
            Some(term) if !term.label.get(lang).is_empty() => format!("{} ({id})", term.label.get(lang)),
            _ => id.to_string(),
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// An entry named by id: its title and id, or the id alone when it is not in the catalogue.
fn entry_name(catalogue: &Catalogue, id: &Id, lang: Lang) -> String {
    match catalogue.get(id.as_str()) {
        Some(e) => format!("{} (`{id}`)", e.title().get(lang)),
        None => format!("`{id}`"),
    }
}

fn names(catalogue: &Catalogue, ids: &[&Id], lang: Lang) -> String {
    ids.iter().map(|id| entry_name(catalogue, id, lang)).collect::<Vec<_>>().join(", ")
}

/// The Markdown text of one entry: everything it holds, in `lang` where it has that language.
pub fn markdown(catalogue: &Catalogue, entry: &Entry, lang: Lang) -> String {
    let v = &catalogue.vocabularies;
    let c = &entry.common;
    let mut md = String::new();
    let mut facts: Vec<(&str, String)> = Vec::new();
    let mut sections: Vec<(&str, String)> = Vec::new();
    let prose =
        |p: &Option<LocalText<true>>| p.as_ref().map(|p| p.get(lang).to_string()).filter(|s| !s.trim().is_empty());

    md.push_str(&format!("# {}\n\n", c.title.get(lang)));
    md.push_str(&format!(
        "*{}* · `{}` · {} {} ({})\n\n",
        kind_name(entry, lang),
        entry.id,
        t(lang, "statut :", "status:"),
        c.review.status.id(),
        format_args!("{} {}", t(lang, "vérifié le", "checked"), c.review.checked)
    ));
    if !c.summary.get(lang).is_empty() {
        md.push_str(&format!("> {}\n\n", c.summary.get(lang)));
    }
    if let Some(description) = prose(&c.description) {
        md.push_str(&description);
        md.push_str("\n\n");
    }

    if let Some(location) = &c.location {
        let mut place = labels(&v.regions, std::slice::from_ref(&location.region), lang);
        if let Some(p) = &location.place {
            place = format!("{}, {place}", p.get(lang));
        }
        facts.push((t(lang, "Lieu", "Place"), place));
    }
    match &entry.details {
        Details::GoodPractice(d) => {
            if let Some(id) = &d.main_institution {
                facts.push((t(lang, "Institution principale", "Main institution"), entry_name(catalogue, id, lang)));
            }
            if let Some(ts) = &d.timescale {
                let span = match (ts.start, ts.end) {
                    (Some(s), Some(e)) => format!("{s} – {e}"),
                    (Some(s), None) => format!("{} {s}", t(lang, "depuis", "since")),
                    (None, Some(e)) => format!("– {e}"),
                    (None, None) => String::new(),
                };
                let status = match ts.status {
                    Some(crate::model::entry::Progress::Ongoing) => t(lang, " (en cours)", " (ongoing)"),
                    Some(crate::model::entry::Progress::Ended) => t(lang, " (terminée)", " (ended)"),
                    None => "",
                };
                facts.push((t(lang, "Calendrier", "Timescale"), format!("{span}{status}")));
            }
            for (title, text) in [
                (t(lang, "Ressources nécessaires", "Resources needed"), &d.resources_needed),
                (t(lang, "Preuves de réussite", "Evidence of success"), &d.evidence_of_success),
                (t(lang, "Difficultés et enseignements", "Difficulties and lessons learnt"), &d.difficulties),
                (t(lang, "Potentiel de transfert", "Potential for transfer"), &d.transfer_potential),
                (t(lang, "Pour en savoir plus", "Further information"), &d.further_information),
            ] {
                if let Some(text) = prose(text) {
                    sections.push((title, text));
                }
            }
        }
        Details::SiteVisit(d) => {
            if let Some(site) = &d.site {
                facts.push((t(lang, "Site", "Site"), site.get(lang).to_string()));
            }
            if let Some(host) = &d.host {
                facts.push((t(lang, "Hôte", "Host"), entry_name(catalogue, host, lang)));
            }
            let dates = d.end.map_or(d.start.to_string(), |e| format!("{} – {e}", d.start));
            facts.push((t(lang, "Dates", "Dates"), dates));
            if let Some(p) = &d.programme {
                facts.push((t(lang, "Programme", "Programme"), entry_name(catalogue, p, lang)));
            }
            for (title, text) in [
                (t(lang, "Ce qui a été vu", "What was seen"), &d.seen),
                (t(lang, "À retenir", "Take-aways"), &d.takeaways),
            ] {
                if let Some(text) = prose(text) {
                    sections.push((title, text));
                }
            }
        }
        Details::Event(d) => {
            if !d.organisers.is_empty() {
                facts.push((
                    t(lang, "Organisateurs", "Organisers"),
                    names(catalogue, &d.organisers.iter().collect::<Vec<_>>(), lang),
                ));
            }
            let dates = d.end.map_or(d.start.to_string(), |e| format!("{} – {e}", d.start));
            facts.push((t(lang, "Dates", "Dates"), dates));
            if let Some(venue) = &d.venue {
                facts.push((t(lang, "Lieu de l'événement", "Venue"), venue.get(lang).to_string()));
            }
            if let Some(n) = d.participants {
                facts.push((t(lang, "Participants", "Participants"), n.to_string()));
            }
            if let Some(p) = &d.programme {
                facts.push((t(lang, "Programme", "Programme"), entry_name(catalogue, p, lang)));
            }
        }
        Details::Tour(d) => {
            if !d.organisers.is_empty() {
                facts.push((
                    t(lang, "Organisateurs", "Organisers"),
                    names(catalogue, &d.organisers.iter().collect::<Vec<_>>(), lang),
                ));
            }
            if let Some(start) = d.start {
                facts.push((t(lang, "Dates", "Dates"), d.end.map_or(start.to_string(), |e| format!("{start} – {e}"))));
            }
            let mut stops = String::new();
            for (i, stop) in d.stops.iter().enumerate() {
                stops.push_str(&format!("{}. {}\n", i + 1, entry_name(catalogue, &stop.entry, lang)));
                if let Some(note) = stop.note.as_ref().map(|n| n.get(lang)).filter(|n| !n.is_empty()) {
                    stops.push_str(&format!("   *{}*\n", note.replace('\n', " ")));
                }
            }
            sections.push((t(lang, "Étapes", "Stops"), stops.trim_end().to_string()));
        }
        Details::Organisation(d) => {
            if let Some(short) = &d.short_name {
                facts.push((t(lang, "Sigle", "Short name"), short.as_str().to_string()));
            }
            facts.push((
                t(lang, "Type", "Type"),
                labels(&v.organisation_types, std::slice::from_ref(&d.org_type), lang),
            ));
            if let Some(w) = &d.website {
                facts.push((t(lang, "Site web", "Website"), format!("<{w}>")));
            }
            if let Some(f) = d.founded {
                facts.push((t(lang, "Création", "Founded"), f.to_string()));
            }
        }
    }
    let orgs: Vec<&Id> = c.organisations.iter().collect();
    if !orgs.is_empty() {
        facts.push((t(lang, "Organisations", "Organisations"), names(catalogue, &orgs, lang)));
    }
    for (name, vocabulary, ids) in [
        (t(lang, "Matériaux", "Materials"), &v.materials, &c.materials),
        (t(lang, "Thèmes ESG", "ESG themes"), &v.themes, &c.themes),
        (t(lang, "Étapes de la chaîne de valeur", "Value-chain stages"), &v.stages, &c.stages),
    ] {
        if !ids.is_empty() {
            facts.push((name, labels(vocabulary, ids, lang)));
        }
    }
    if !c.tags.is_empty() {
        facts.push((t(lang, "Mots-clés", "Tags"), c.tags.iter().map(|t| t.as_str()).collect::<Vec<_>>().join(", ")));
    }
    if let Some(project) = &c.project {
        facts.push((t(lang, "Projet", "Project"), project.as_str().to_string()));
    }

    if !facts.is_empty() {
        md.push_str("| | |\n|---|---|\n");
        for (name, value) in &facts {
            md.push_str(&format!("| {name} | {} |\n", super::list::md_cell(value)));
        }
        md.push('\n');
    }
    for (title, text) in sections {
        md.push_str(&format!("## {title}\n\n{text}\n\n"));
    }
    if !c.related.is_empty() {
        md.push_str(&format!("## {}\n\n", t(lang, "Voir aussi", "Related")));
        for id in &c.related {
            md.push_str(&format!("- {}\n", entry_name(catalogue, id, lang)));
        }
        md.push('\n');
    }
    if !c.sources.is_empty() {
        md.push_str(&format!("## {}\n\n", t(lang, "Sources", "Sources")));
        for s in &c.sources {
            let date = s.date.map(|d| format!(" ({d})")).unwrap_or_default();
            md.push_str(&format!("- [{}](<{}>){date}\n", s.title.get(lang).replace(['[', ']'], ""), s.url));
        }
        md.push('\n');
    }
    if let Some(note) = c.review.note.as_ref().map(|n| n.get(lang)).filter(|n| !n.trim().is_empty()) {
        md.push_str(&format!("## {}\n\n{note}\n", t(lang, "Note de relecture", "Review note")));
    }
    while md.ends_with("\n\n") {
        md.pop();
    }
    md
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::{CatalogueSource, load};

    fn show(id: &str, format: ShowFormat, lang: Lang) -> Result<String, CommandError> {
        let cat = load(&CatalogueSource::Bundled).catalogue;
        let mut out = Vec::new();
        run_show(&cat, &ShowArgs { id: id.to_string(), format }, lang, &mut out)?;
        Ok(String::from_utf8(out).unwrap())
    }

    #[test]
    fn markdown_holds_the_whole_entry() {
        let cat = load(&CatalogueSource::Bundled).catalogue;
        let entry = &cat.entries()[0];
        let text = show(entry.id.as_str(), ShowFormat::Md, Lang::En).unwrap();
        assert!(text.starts_with(&format!("# {}", entry.title().get(Lang::En))));
        assert!(text.contains(entry.summary().get(Lang::En)));
        if !entry.common.sources.is_empty() {
            assert!(text.contains("## Sources"));
            assert!(text.contains(entry.common.sources[0].url.as_str()));
        }
        // Every kind renders.
        for e in cat.entries() {
            let md = markdown(&cat, e, Lang::Fr);
            assert!(md.contains(e.id.as_str()));
        }
    }

    #[test]
    fn json_is_the_entry() {
        let cat = load(&CatalogueSource::Bundled).catalogue;
        let entry = &cat.entries()[0];
        let text = show(entry.id.as_str(), ShowFormat::Json, Lang::Fr).unwrap();
        let value: serde_json::Value = serde_json::from_str(&text).unwrap();
        assert_eq!(value["id"], entry.id.as_str());
        assert!(value.get("title").is_some() && value.get("details").is_some());
    }

    #[test]
    fn an_unknown_id_names_the_closest_ones() {
        let cat = load(&CatalogueSource::Bundled).catalogue;
        let id = cat.entries()[0].id.as_str();
        let typo = format!("{}x", &id[..id.len() - 1]);
        let err = show(&typo, ShowFormat::Md, Lang::Fr).unwrap_err();
        assert_eq!(err.exit_code(), 2);
        assert!(err.to_string().contains(&format!("\"{id}\"")), "{err}");
        assert!(show("zzzzzz", ShowFormat::Md, Lang::Fr).unwrap_err().to_string().contains("boucle list"));
    }
}
