//! `--report FILE`: when the room closes, the workshop's result — the tour the room followed
//! (`--presentation`), the room's picks with their counts, then the entries picked, as the export handouts write them — as Markdown and JSON
//! (`FILE.md`, `FILE.json`), each written atomically and never over a file.

use std::path::{Path, PathBuf};

use crate::export::handout::{self, Format, Scope};
use crate::files::{Overwrite, write_atomic};
use crate::i18n::Said;
use crate::i18n::picks as say;
use crate::model::Catalogue;
use crate::shortlist::Shortlist;
use crate::shortlist::picks::Picks;
use crate::text::Lang;

/// The two files of a report: `atelier` or `atelier.md` → `atelier.md` and `atelier.json`.
pub fn paths(given: &Path) -> [PathBuf; 2] {
    let stem = match given.extension().and_then(|e| e.to_str()) {
        Some("md" | "json") => given.with_extension(""),
        _ => given.to_path_buf(),
    };
    let with = |extension: &str| {
        let mut name = stem.clone().into_os_string();
        name.push(format!(".{extension}"));
        PathBuf::from(name)
    };
    [with("md"), with("json")]
}

/// A file of the report that is there already: the room would not be able to write it.
pub fn already_there(given: &Path) -> Option<PathBuf> {
    paths(given).into_iter().find(|path| path.symlink_metadata().is_ok())
}

/// The picked entries' catalogue positions, in rank order (entries no longer in the catalogue
/// are left out of the handout, never out of the counts).
fn positions(catalogue: &Catalogue, picks: &Picks) -> Vec<usize> {
    picks.ranked.iter().filter_map(|(id, _)| catalogue.index_of(id.as_str())).collect()
}

fn title_of(catalogue: &Catalogue, id: &str, lang: Lang) -> String {
    catalogue.get(id).map(|e| e.title().get(lang).to_string()).unwrap_or_else(|| id.to_string())
}

/// The tour the room followed, by id, with its title in the report's language.
pub struct Followed<'a>(pub &'a str);

pub fn markdown(catalogue: &Catalogue, picks: &Picks, tour: Option<Followed>, lang: Lang) -> String {
    use crate::export::markdown::escape;
    let mut out = format!("# {}\n\n", say::report_title(lang));
    if let Some(Followed(id)) = tour {
        let title = escape(&title_of(catalogue, id, lang));
        out.push_str(&format!("{} {title} (`{id}`)\n\n", crate::i18n::with_colon(lang, say::tour(lang))));
    }
    out.push_str(&format!("## {}\n\n{}\n\n", say::title(lang), say::participants(lang, picks.participants)));
    if picks.is_empty() {
        out.push_str(&format!("{}\n", say::none_yet(lang)));
    } else {
        out.push_str(&format!("| # | {} | {} |\n|---:|---|---:|\n", say::entry(lang), say::marked_by(lang)));
        for (rank, (id, count)) in picks.ranked.iter().enumerate() {
            let title = escape(&title_of(catalogue, id.as_str(), lang)).replace('|', "\\|");
            out.push_str(&format!("| {} | {title} (`{id}`) | {count} |\n", rank + 1, id = id.as_str()));
        }
    }
    let positions = positions(catalogue, picks);
    if let Ok(handout) = handout::build(catalogue, Scope::Results(&positions), &Shortlist::default(), lang)
        && !handout.items.is_empty()
    {
        out.push_str(&format!("\n## {}\n\n", say::entries(lang)));
        // The handout's own headings go one level under this section's, and its own title
        // (`# Results`) is dropped: this section's heading says what the entries are.
        let entries = String::from_utf8_lossy(&handout::render(&handout, catalogue, Format::Md)).into_owned();
        let entries = entries.strip_prefix("# ").map_or(entries.as_str(), |rest| {
            rest.split_once('\n').map_or("", |(_, after)| after.trim_start_matches('\n'))
        });
        for line in entries.split_inclusive('\n') {
            if line.starts_with('#') {
                out.push('#');
            }
            out.push_str(line);
        }
    }
    out
}

pub fn json(catalogue: &Catalogue, picks: &Picks, tour: Option<Followed>, lang: Lang) -> Vec<u8> {
    let ranked: Vec<serde_json::Value> = picks
        .ranked
        .iter()
        .enumerate()
        .map(|(rank, (id, count))| {
            serde_json::json!({
                "rank": rank + 1,
                "id": id.as_str(),
                "title": title_of(catalogue, id.as_str(), lang),
                "participants": count,
            })
        })
        .collect();
    let positions = positions(catalogue, picks);
    let entries = handout::build(catalogue, Scope::Results(&positions), &Shortlist::default(), lang)
        .ok()
        .and_then(|handout| serde_json::from_slice(&handout::render(&handout, catalogue, Format::Json)).ok())
        .unwrap_or(serde_json::Value::Null);
    let report = serde_json::json!({
        "title": say::report_title(lang),
        "lang": lang.code(),
        // None in a room that presents nothing.
        "tour": tour.map(|Followed(id)| serde_json::json!({
            "id": id,
            "title": title_of(catalogue, id, lang),
        })),
        "participants": picks.participants,
        "picks": ranked,
        "entries": entries,
    });
    let mut bytes = serde_json::to_vec_pretty(&report).unwrap_or_default();
    bytes.push(b'\n');
    bytes
}

/// Writes both files; the paths written, or why not (a file written before the failure stays).
pub fn write(
    given: &Path,
    catalogue: &Catalogue,
    picks: &Picks,
    tour: Option<&str>,
    lang: Lang,
    forbidden: &[PathBuf],
) -> Result<Vec<PathBuf>, Said> {
    let [md, json_path] = paths(given);
    let mut written = Vec::new();
    let (text, data) =
        (markdown(catalogue, picks, tour.map(Followed), lang), json(catalogue, picks, tour.map(Followed), lang));
    for (path, bytes) in [(md, text.into_bytes()), (json_path, data)] {
        write_atomic(&path, &bytes, Overwrite::Never, forbidden).map_err(|e| e.said())?;
        written.push(path);
    }
    Ok(written)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_report_is_two_files_beside_each_other() {
        let [md, json] = paths(Path::new("/tmp/atelier.md"));
        assert_eq!((md.to_str().unwrap(), json.to_str().unwrap()), ("/tmp/atelier.md", "/tmp/atelier.json"));
        let [md, _] = paths(Path::new("atelier.2026"));
        assert_eq!(md.to_str().unwrap(), "atelier.2026.md");
    }

    #[test]
    fn the_report_holds_the_picks_with_their_counts_and_is_never_written_over_a_file() {
        let catalogue = crate::export::testing::catalogue();
        let ids: Vec<_> = catalogue.entries().iter().take(2).map(|e| e.id.clone()).collect();
        let picks = Picks { participants: 3, ranked: vec![(ids[1].clone(), 3), (ids[0].clone(), 1)] };
        let dir = tempfile::tempdir().unwrap();
        let given = dir.path().join("atelier");
        let written = write(&given, &catalogue, &picks, None, Lang::En, &[]).unwrap();
        assert_eq!(written.len(), 2);
        let md = std::fs::read_to_string(&written[0]).unwrap();
        assert!(md.contains("3 participants marked entries"), "{md}");
        assert!(md.contains("| 1 | ") && md.contains(&format!("(`{}`) | 3 |", ids[1].as_str())), "{md}");
        // The entries come straight under their section, each its own heading (a trial found a
        // stray `### Results` between the two).
        let headings: Vec<&str> = md.lines().filter(|l| l.starts_with('#')).collect();
        let section = headings.iter().position(|h| *h == "## The entries").expect("the entries' section");
        assert!(headings[section + 1].starts_with("### 1. "), "{headings:#?}");
        assert!(!md.contains("### Results"), "{md}");
        let json: serde_json::Value = serde_json::from_slice(&std::fs::read(&written[1]).unwrap()).unwrap();
        assert_eq!(json["picks"][0]["id"], ids[1].as_str());
        assert_eq!(json["picks"][0]["participants"], 3);
        assert_eq!(json["entries"]["entries"].as_array().unwrap().len(), 2);
        assert_eq!(json["tour"], serde_json::Value::Null, "a room that presents nothing");
        assert!(write(&given, &catalogue, &picks, None, Lang::En, &[]).is_err(), "never over a file");
        assert_eq!(std::fs::read_to_string(&written[0]).unwrap(), md);
        assert!(already_there(&given).is_some());
    }

    #[test]
    fn the_report_names_the_tour_the_room_followed() {
        let catalogue = crate::export::testing::catalogue();
        let entry = &catalogue.entries()[0];
        let (id, title) = (entry.id.as_str(), entry.title().get(Lang::Fr).to_string());
        let picks = Picks { participants: 1, ranked: vec![(entry.id.clone(), 1)] };
        let md = markdown(&catalogue, &picks, Some(Followed(id)), Lang::Fr);
        let shown = crate::export::markdown::escape(&title);
        assert!(md.contains(&format!("Le parcours : {shown} (`{id}`)")), "{md}");
        // One outline: a single title, and the entries' headings under the report's sections.
        let levels: Vec<usize> =
            md.lines().filter(|l| l.starts_with('#')).map(|l| l.chars().take_while(|&c| c == '#').count()).collect();
        assert_eq!(levels.iter().filter(|&&l| l == 1).count(), 1, "{md}");
        assert!(levels.windows(2).all(|w| w[1] <= w[0] + 1), "a heading skips a level: {levels:?}\n{md}");
        let json: serde_json::Value =
            serde_json::from_slice(&json(&catalogue, &picks, Some(Followed(id)), Lang::Fr)).unwrap();
        assert_eq!((json["tour"]["id"].as_str(), json["tour"]["title"].as_str()), (Some(id), Some(title.as_str())));
    }
}
