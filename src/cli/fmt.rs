//! `boucle fmt [PATH…] [--check]`: catalogue files in the canonical layout
//! ([`crate::curate::fmt`]), written atomically; `--check` writes nothing, prints a diff of
//! each file that is not formatted and exits 1 if there is one.

use clap::Args;
use std::io::Write;
use std::path::{Path, PathBuf};

use super::Cli;
use crate::curate::fmt::{FileType, NotFormatted, format};
use crate::curate::write;
use crate::i18n::problems as say;
use crate::text::{Lang, Lines, sanitize};

#[derive(Debug, Args)]
pub struct FmtArgs {
    #[arg(value_name = "PATH")]
    pub paths: Vec<PathBuf>,

    #[arg(long)]
    pub check: bool,
}

pub fn run(cli: &Cli, args: &FmtArgs, out: &mut dyn Write, err: &mut dyn Write) -> std::io::Result<i32> {
    let lang = cli.language();
    let paths = if args.paths.is_empty() { cli.catalogues.clone() } else { args.paths.clone() };
    if paths.is_empty() {
        writeln!(err, "boucle fmt: {}", say::nothing_to_format(lang))?;
        return Ok(2);
    }
    let mut files = Vec::new();
    for path in &paths {
        if path.is_dir() {
            ron_files(path, &mut files);
        } else if path.is_file() {
            files.push(path.clone());
        } else {
            writeln!(err, "boucle fmt: {}", say::no_such_path(lang, &shown(path)))?;
            return Ok(2);
        }
    }
    let (mut changed, mut unchanged, mut failed) = (0, 0, false);
    for file in &files {
        match format_file(file, lang) {
            Ok((before, after)) if before == after => unchanged += 1,
            Ok((before, after)) => {
                changed += 1;
                if args.check {
                    out.write_all(write::diff(&shown(file), &before, &after).as_bytes())?;
                } else if let Err(e) = write::replace(file, &after) {
                    writeln!(err, "boucle fmt: {}", say::file_not_written(lang, &shown(file), &say::io_problem(&e)))?;
                    failed = true;
                }
            }
            Err(why) => {
                writeln!(err, "boucle fmt: {}", say::left_as_is(lang, &shown(file), &why))?;
                failed = true;
            }
        }
    }
    writeln!(out, "{}", say::formatted(lang, changed, unchanged, args.check))?;
    Ok(if failed || args.check && changed > 0 { 1 } else { 0 })
}

/// The file's text and its formatted text, or why it cannot be formatted.
pub fn format_file(file: &Path, lang: Lang) -> Result<(String, String), String> {
    let bytes = crate::files::read_regular(file).map_err(|e| say::io_problem(&e).get(lang).to_string())?;
    let shown = shown(file);
    let text = crate::load::decode(&shown, &bytes).map_err(|problem| problem.message.get(lang).to_string())?;
    let before = String::from_utf8_lossy(&bytes).into_owned();
    match format(text, FileType::of_path(file)) {
        Ok(after) => Ok((before, after)),
        Err(NotFormatted::Unreadable(why)) => {
            let at = crate::load::position_in(text, why.at);
            Err(say::not_readable_ron(lang, at.line, at.column, say::reading(&why.what).get(lang)))
        }
        Err(NotFormatted::Unsafe(why)) => Err(say::formatter_refused(lang, why)),
    }
}

fn shown(path: &Path) -> String {
    sanitize(&path.display().to_string(), Lines::Single)
}

/// The `.ron` files under `folder`, sorted, hidden ones left out.
fn ron_files(folder: &Path, files: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(folder) else { return };
    let mut paths: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    paths.sort();
    for path in paths {
        let hidden = path.file_name().and_then(|n| n.to_str()).is_none_or(|n| n.starts_with('.'));
        if hidden {
            continue;
        }
        if path.is_dir() {
            ron_files(&path, files);
        } else if path.extension().is_some_and(|e| e == "ron") && path.is_file() {
            files.push(path);
        }
    }
}
