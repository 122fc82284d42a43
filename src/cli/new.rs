//! `boucle new KIND ID` writes a commented template for a new entry; `boucle init DIR` writes
//! an empty regional catalogue folder. Both refuse to overwrite anything.
//!
//! A template lists every field of its kind, from the loader's own schema, so it cannot miss
//! one: what the curator must fill is written out empty (and `check` fails on exactly those
//! fields until they are filled), the rest is commented out with what it holds.

use clap::Args;
use std::io::Write;
use std::path::{Path, PathBuf};

use crate::i18n::problems::io_problem;
use crate::i18n::{Said, commands as say, template as words};
use crate::load::schema::{Need, Shape, Spec, Ty, entry_fields};
use crate::model::{Id, Kind};
use crate::text::Lang;
use crate::text::visible;

#[derive(Debug, Args)]
pub struct NewArgs {
    pub kind: String,
    pub id: String,
    #[arg(long)]
    pub form: bool,
}

#[derive(Debug, Args)]
pub struct InitArgs {
    pub dir: PathBuf,
}

/// Where a new entry goes: its kind, its catalogue folder and its file, all checked (the id
/// can be a file's name, and no entry of any kind has it).
pub struct Target {
    pub kind: Kind,
    pub id: Id,
    pub root: PathBuf,
    pub path: PathBuf,
}

/// What went wrong, for stderr, with exit code 2.
pub fn run_new(folders: &[PathBuf], args: &NewArgs, lang: Lang, out: &mut dyn Write) -> Result<(), Said> {
    let Target { kind, id: _, root, path } = target(folders, args)?;
    let failed = |path: &Path, e: std::io::Error| say::at_path(&visible::path(path), &io_problem(&e));
    let folder = root.join(kind.folder());
    std::fs::create_dir_all(&folder).map_err(|e| failed(&folder, e))?;
    let mut file =
        std::fs::OpenOptions::new().write(true).create_new(true).open(&path).map_err(|e| failed(&path, e))?;
    file.write_all(template(kind, lang).as_bytes()).map_err(|e| failed(&path, e))?;
    let _ = writeln!(out, "{}", say::template_written(&visible::path(&path), &visible::path(&root)).get(lang));
    Ok(())
}

/// The new entry's place, checked as `new` checks it before writing anything.
pub fn target(folders: &[PathBuf], args: &NewArgs) -> Result<Target, Said> {
    let kind = Kind::parse(&args.kind).ok_or_else(|| say::unknown_kind(&args.kind))?;
    // `new practice x.ron` names the file: its id is the name without `.ron`, never `x.ron.ron`.
    let given = args.id.strip_suffix(".ron").filter(|stem| !stem.is_empty()).unwrap_or(&args.id);
    let id = Id::parse(given).map_err(|refused| crate::i18n::problems::refused(&refused))?;
    // An id its file cannot carry (hidden, or a Windows device name) is refused before
    // anything is written: `check` would report the file, and the loader skip a hidden one.
    if let Some(why) = crate::load::name_flaw(&format!("{id}.ron")) {
        return Err(crate::i18n::guards::id_cannot_be_a_file(id.as_str(), why));
    }
    let root = match folders.first() {
        Some(folder) => folder.clone(),
        None if looks_like_a_catalogue(Path::new(".")) => PathBuf::from("."),
        None => return Err(say::which_catalogue()),
    };
    if !root.is_dir() {
        return Err(say::catalogue_not_found_init(&visible::path(&root)));
    }
    // Ids are unique across kinds: a file of that name in any kind folder is a clash.
    for other in Kind::ALL {
        let existing = root.join(other.folder()).join(format!("{id}.ron"));
        if existing.exists() {
            return Err(say::id_taken(&visible::path(&existing)));
        }
    }
    let path = root.join(kind.folder()).join(format!("{id}.ron"));
    Ok(Target { kind, id, root, path })
}

fn looks_like_a_catalogue(dir: &Path) -> bool {
    dir.join("vocabularies").is_dir() || Kind::ALL.iter().any(|k| dir.join(k.folder()).is_dir())
}

/// The template of a kind, its comments in the curator's language: every field, required ones
/// written out empty.
pub fn template(kind: Kind, lang: Lang) -> String {
    let mut text = format!("{}{}(\n", words::template_head(lang, kind.id()), kind.struct_name());
    for spec in entry_fields(kind) {
        write_field(&mut text, &spec, lang);
    }
    text.push_str(")\n");
    text
}

fn write_field(text: &mut String, spec: &Spec, lang: Lang) {
    let (what, example) = (words::field_about(lang, spec.name), example(spec.name));
    let required = spec.need != Need::Optional;
    text.push_str(&format!("    // {}{what}\n", if required { words::required_mark(lang) } else { "" }));
    if required {
        text.push_str(&format!("    {}: {},\n", spec.name, empty(&spec.ty)));
    } else {
        text.push_str(&format!("    // {}: {example},\n", spec.name));
    }
}

/// The empty value of a required field: valid RON that `check` reports until it is filled.
fn empty(ty: &Ty) -> String {
    match ty {
        Ty::One(Shape::Text) => "(fr: \"\", en: \"\")".into(),
        Ty::List(_) => "[]".into(),
        Ty::Struct("review", _) => "(status: draft, checked: \"\")".into(),
        _ => "\"\"".into(),
    }
}

/// An example value of a field, as a curator would write it (the same in both languages).
fn example(field: &str) -> &'static str {
    match field {
        "title" => "(fr: \"…\", en: \"…\")",
        "summary" => "(fr: \"…\", en: \"…\")",
        "description" => "(fr: \"…\", en: \"…\")",
        "location" => "(region: \"FRE12\", place: \"Béthune\")",
        "organisations" => "[\"team2\"]",
        "materials" => "[\"lead\", \"rare-earths\"]",
        "themes" => "[\"E5\"]",
        "stages" => "[\"recycling-recovery\"]",
        "tags" => "[\"seconde vie\"]",
        "project" => "\"RAW4RES\"",
        "related" => "[\"an-entry-id\"]",
        "sources" => "[(title: \"…\", url: \"https://…\", date: \"2025-01\")]",
        "review" => "(status: draft, checked: \"2026-01-31\")",
        "main_institution" => "\"team2\"",
        "timescale" => "(start: \"2024\", status: ongoing)",
        "resources_needed" => "(fr: \"…\", en: \"…\")",
        "evidence_of_success" => "(fr: \"…\", en: \"…\")",
        "difficulties" => "(fr: \"…\", en: \"…\")",
        "transfer_potential" => "(fr: \"…\", en: \"…\")",
        "further_information" => "(fr: \"…\", en: \"…\")",
        "site" => "\"…\"",
        "host" => "\"team2\"",
        "start" => "\"2025-07-29\"",
        "end" => "\"2025-07-30\"",
        "programme" => "\"peer-review-lille-2025\"",
        "seen" => "(fr: \"…\", en: \"…\")",
        "takeaways" => "(fr: \"…\", en: \"…\")",
        "organisers" => "[\"team2\"]",
        "venue" => "\"…\"",
        "participants" => "40",
        "stops" => "[(entry: \"an-entry-id\", note: \"…\")]",
        "short_name" => "\"TEAM2\"",
        "org_type" => "\"cluster\"",
        "website" => "\"https://…\"",
        "founded" => "\"2010\"",
        _ => "…",
    }
}

/// Creates an empty regional catalogue: one folder per kind and a README for its curators, in
/// their language.
pub fn run_init(args: &InitArgs, lang: Lang, out: &mut dyn Write) -> Result<(), Said> {
    let dir = &args.dir;
    let failed = |path: &Path, e: std::io::Error| say::at_path(&visible::path(path), &io_problem(&e));
    if dir.exists() && std::fs::read_dir(dir).map_err(|e| failed(dir, e))?.next().is_some() {
        return Err(say::folder_not_empty(&visible::path(dir)));
    }
    for kind in Kind::ALL {
        let folder = dir.join(kind.folder());
        std::fs::create_dir_all(&folder).map_err(|e| failed(&folder, e))?;
    }
    std::fs::write(dir.join("README.md"), words::catalogue_readme(lang)).map_err(|e| failed(dir, e))?;
    let _ = writeln!(out, "{}", say::catalogue_created(&visible::path(dir)).get(lang));
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_template_lists_every_field_of_its_kind() {
        for kind in Kind::ALL {
            for lang in Lang::ALL {
                let text = template(kind, lang);
                for spec in entry_fields(kind) {
                    assert!(text.contains(&format!("{}: ", spec.name)), "{kind:?} {}", spec.name);
                    assert!(!words::field_about(lang, spec.name).is_empty(), "{} is described", spec.name);
                    assert_ne!(example(spec.name), "…", "{} has an example", spec.name);
                }
            }
        }
    }
}
