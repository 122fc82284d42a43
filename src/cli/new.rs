//! `boucle new KIND ID` writes a commented template for a new entry; `boucle init DIR` writes
//! an empty regional catalogue folder. Both refuse to overwrite anything.
//!
//! A template lists every field of its kind, from the loader's own schema, so it cannot miss
//! one: what the curator must fill is written out empty (and `check` fails on exactly those
//! fields until they are filled), the rest is commented out with what it holds.

use clap::Args;
use std::io::Write;
use std::path::{Path, PathBuf};

use crate::load::schema::{Need, Spec, Ty, entry_fields};
use crate::model::{Id, Kind};
use crate::text::Lang;
use crate::text::visible;

#[derive(Debug, Args)]
pub struct NewArgs {
    /// practice, visit, event, tour or organisation (as `--kind` names them).
    pub kind: String,
    /// The new entry's id, which is its file name: letters, digits and dashes.
    pub id: String,
}

#[derive(Debug, Args)]
pub struct InitArgs {
    /// The folder to create (it must not exist, or be empty).
    pub dir: PathBuf,
}

/// What went wrong, for stderr, with exit code 2.
pub fn run_new(folders: &[PathBuf], args: &NewArgs, lang: Lang, out: &mut dyn Write) -> Result<(), String> {
    let kind = Kind::parse(&args.kind)
        .ok_or_else(|| format!("unknown kind \"{}\": use practice, visit, event, tour or organisation", args.kind))?;
    let id = Id::parse(&args.id)?;
    // An id its file cannot carry (hidden, or a Windows device name) is refused before
    // anything is written: `check` would report the file, and the loader skip a hidden one.
    if let Some(why) = crate::load::files::name_flaw(&format!("{id}.ron")) {
        return Err(crate::i18n::guards::id_cannot_be_a_file(lang, id.as_str(), why));
    }
    let root = match folders.first() {
        Some(folder) => folder.clone(),
        None if looks_like_a_catalogue(Path::new(".")) => PathBuf::from("."),
        None => return Err("which catalogue? give --catalogue DIR (or run this inside a catalogue folder)".into()),
    };
    if !root.is_dir() {
        return Err(format!("{}: catalogue folder not found (`boucle init DIR` creates one)", visible::path(&root)));
    }
    // Ids are unique across kinds: a file of that name in any kind folder is a clash.
    for other in Kind::ALL {
        let existing = root.join(other.folder()).join(format!("{id}.ron"));
        if existing.exists() {
            return Err(format!(
                "{} already exists: ids are unique across kinds; choose another id",
                visible::path(&existing)
            ));
        }
    }
    let folder = root.join(kind.folder());
    std::fs::create_dir_all(&folder).map_err(|e| format!("{}: {e}", visible::path(&folder)))?;
    let path = folder.join(format!("{id}.ron"));
    let mut file = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(&path)
        .map_err(|e| format!("{}: {e}", visible::path(&path)))?;
    file.write_all(template(kind).as_bytes()).map_err(|e| format!("{}: {e}", visible::path(&path)))?;
    let _ = writeln!(
        out,
        "wrote {}: fill in the fields marked REQUIRED, then run `boucle check {}`",
        visible::path(&path),
        visible::path(&root)
    );
    Ok(())
}

fn looks_like_a_catalogue(dir: &Path) -> bool {
    dir.join("vocabularies").is_dir() || Kind::ALL.iter().any(|k| dir.join(k.folder()).is_dir())
}

/// The template of a kind: every field, required ones written out empty.
pub fn template(kind: Kind) -> String {
    let mut text = format!(
        "// A new {} (see docs/CURATING.md). Fields marked REQUIRED must be filled: `boucle check`\n\
         // fails until they are. The others are optional: remove the `//` to use one.\n\
         // A text is \"…\" or (fr: \"…\", en: \"…\"); dates are \"YYYY-MM-DD\", \"YYYY-MM\" or \"YYYY\".\n{}(\n",
        kind.id(),
        kind.struct_name()
    );
    for spec in entry_fields(kind) {
        write_field(&mut text, &spec);
    }
    text.push_str(")\n");
    text
}

fn write_field(text: &mut String, spec: &Spec) {
    let (what, example) = about(spec.name);
    let required = spec.need != Need::Optional;
    text.push_str(&format!("    // {}{what}\n", if required { "REQUIRED. " } else { "" }));
    if required {
        text.push_str(&format!("    {}: {},\n", spec.name, empty(&spec.ty)));
    } else {
        text.push_str(&format!("    // {}: {example},\n", spec.name));
    }
}

/// The empty value of a required field: valid RON that `check` reports until it is filled.
fn empty(ty: &Ty) -> String {
    match ty {
        Ty::Text => "(fr: \"\", en: \"\")".into(),
        Ty::List(_) => "[]".into(),
        Ty::Struct("review", _) => "(status: draft, checked: \"\")".into(),
        _ => "\"\"".into(),
    }
}

/// What a field holds and an example value, in the words of the curators' guide.
fn about(field: &str) -> (&'static str, &'static str) {
    match field {
        "title" => ("The name shown everywhere.", "(fr: \"…\", en: \"…\")"),
        "summary" => ("One sentence, shown in lists.", "(fr: \"…\", en: \"…\")"),
        "description" => ("The full text; may span lines.", "(fr: \"…\", en: \"…\")"),
        "location" => (
            "Where: a region id from vocabularies/regions.ron (NUTS), and a place name.",
            "(region: \"FRE12\", place: \"Béthune\")",
        ),
        "organisations" => ("Organisations involved: ids of files in organisations/.", "[\"team2\"]"),
        "materials" => ("Ids from vocabularies/materials.ron (a group id is allowed).", "[\"lead\", \"rare-earths\"]"),
        "themes" => ("ESG themes: ids from vocabularies/themes.ron (ESRS: E1–E5, S1–S4, G1).", "[\"E5\"]"),
        "stages" => ("Value-chain stages: ids from vocabularies/stages.ron.", "[\"recycling-recovery\"]"),
        "tags" => ("Free words that help search.", "[\"seconde vie\"]"),
        "project" => ("The project it belongs to.", "\"RAW4RES\""),
        "related" => ("Other entries, by id (file name).", "[\"an-entry-id\"]"),
        "sources" => (
            "Where the facts come from: without sources, check warns.",
            "[(title: \"…\", url: \"https://…\", date: \"2025-01\")]",
        ),
        "review" => (
            "How far it was checked: status draft, to_complete or reviewed; checked: the day you checked it.",
            "(status: draft, checked: \"2026-01-31\")",
        ),
        "main_institution" => ("The leading organisation: an id of a file in organisations/.", "\"team2\""),
        "timescale" => ("When it ran: start, end, status ongoing or ended.", "(start: \"2024\", status: ongoing)"),
        "resources_needed" => ("Interreg template: resources needed.", "(fr: \"…\", en: \"…\")"),
        "evidence_of_success" => ("Interreg template: evidence of success.", "(fr: \"…\", en: \"…\")"),
        "difficulties" => ("Interreg template: difficulties and lessons learnt.", "(fr: \"…\", en: \"…\")"),
        "transfer_potential" => ("Interreg template: potential for transfer.", "(fr: \"…\", en: \"…\")"),
        "further_information" => ("Interreg template: further information.", "(fr: \"…\", en: \"…\")"),
        "site" => ("The site visited.", "\"…\""),
        "host" => ("The host: an id of a file in organisations/.", "\"team2\""),
        "start" => ("The first day.", "\"2025-07-29\""),
        "end" => ("The last day.", "\"2025-07-30\""),
        "programme" => ("The tour or event it was part of, by id.", "\"peer-review-lille-2025\""),
        "seen" => ("What was seen.", "(fr: \"…\", en: \"…\")"),
        "takeaways" => ("Take-aways.", "(fr: \"…\", en: \"…\")"),
        "organisers" => ("Organisers: ids of files in organisations/.", "[\"team2\"]"),
        "venue" => ("Where it took place.", "\"…\""),
        "participants" => ("How many took part.", "40"),
        "stops" => (
            "The entries presented, in order, each with a note for the facilitator.",
            "[(entry: \"an-entry-id\", note: \"…\")]",
        ),
        "short_name" => ("A short name or acronym.", "\"TEAM2\""),
        "org_type" => ("An id from vocabularies/organisation-types.ron.", "\"cluster\""),
        "website" => ("Its website.", "\"https://…\""),
        "founded" => ("When it was founded.", "\"2010\""),
        _ => ("", "…"),
    }
}

/// Creates an empty regional catalogue: one folder per kind and a README for its curators.
pub fn run_init(args: &InitArgs, out: &mut dyn Write) -> Result<(), String> {
    let dir = &args.dir;
    if dir.exists() && std::fs::read_dir(dir).map_err(|e| format!("{}: {e}", visible::path(dir)))?.next().is_some() {
        return Err(format!("{} is not empty: give a new folder", visible::path(dir)));
    }
    for kind in Kind::ALL {
        let folder = dir.join(kind.folder());
        std::fs::create_dir_all(&folder).map_err(|e| format!("{}: {e}", visible::path(&folder)))?;
    }
    std::fs::write(dir.join("README.md"), README).map_err(|e| format!("{}: {e}", visible::path(dir)))?;
    let _ = writeln!(
        out,
        "created {}: add entries with `boucle new practice my-id --catalogue {0}`, check with `boucle check {0}`",
        visible::path(dir)
    );
    Ok(())
}

const README: &str = "# A regional boucle catalogue\n\n\
One entry per file, in the folder of its kind; the file name is the entry's id.\n\n\
- `boucle new practice my-practice --catalogue .` writes a commented template to fill in.\n\
- `boucle check .` reports every problem with its file, line and column (add the bundled\n  \
catalogue's folder first when your entries refer to its organisations: `boucle check practices .`).\n\
- `boucle --catalogue .` opens the dashboard on this folder; it reloads as you save.\n\n\
Without a `vocabularies/` folder, the bundled vocabularies (NUTS regions, CRMA materials, ESRS\n\
themes, value-chain stages, organisation types) are used. The curators' guide, docs/CURATING.md in\n\
boucle's sources, describes every field and every problem `check` reports.\n";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_template_lists_every_field_of_its_kind() {
        for kind in Kind::ALL {
            let text = template(kind);
            for spec in entry_fields(kind) {
                assert!(text.contains(&format!("{}: ", spec.name)), "{kind:?} {}", spec.name);
                assert!(!about(spec.name).0.is_empty(), "{} is described", spec.name);
            }
        }
    }
}
