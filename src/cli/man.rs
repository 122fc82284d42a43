//! `boucle man [DIR]`: a manual page per command (`boucle.1`, `boucle-check.1`, …), made by
//! clap_mangen from the same definitions as `--help`, so the pages never drift from it.

use std::io::Write;
use std::path::PathBuf;

use clap::Args;

use crate::files::{Overwrite, write_atomic};
use crate::i18n::commands as say;
use crate::i18n::problems::io_problem;
use crate::text::{Lang, visible};

#[derive(Debug, Args)]
pub struct ManArgs {
    #[arg(value_name = "DIR", value_hint = clap::ValueHint::DirPath)]
    pub dir: Option<PathBuf>,
}

/// Writes every page, each atomically, and names each file written.
pub fn run(args: &ManArgs, lang: Lang, out: &mut dyn Write, err: &mut dyn Write) -> std::io::Result<i32> {
    let dir = args.dir.clone().unwrap_or_else(|| PathBuf::from("."));
    if let Err(e) = std::fs::create_dir_all(&dir) {
        let why = say::cannot_make_folder(&visible::path(&dir), &io_problem(&e));
        writeln!(err, "boucle man: {}", why.get(lang))?;
        return Ok(1);
    }
    for (name, page) in pages()? {
        let path = dir.join(name);
        if let Err(e) = write_atomic(&path, &page, Overwrite::Allowed, &[]) {
            writeln!(err, "boucle man: {}", e.said().get(lang))?;
            return Ok(1);
        }
        writeln!(out, "{}", say::page_written(&visible::path(&path)).get(lang))?;
    }
    Ok(0)
}

/// Every command's page, as (file name, roff text): boucle's own, then each visible
/// subcommand's, at every depth (`boucle-cache-clear.1`).
pub fn pages() -> std::io::Result<Vec<(String, Vec<u8>)>> {
    // In English: clap_mangen writes the pages' own headings (NAME, OPTIONS) in English only.
    let mut command = super::help::unbuilt(Lang::En).disable_help_subcommand(true);
    command.build();
    let mut pages = Vec::new();
    add_pages(&command, &mut pages)?;
    Ok(pages)
}

fn add_pages(command: &clap::Command, pages: &mut Vec<(String, Vec<u8>)>) -> std::io::Result<()> {
    let man = clap_mangen::Man::new(command.clone());
    let mut page = Vec::new();
    man.render(&mut page)?;
    pages.push((man.get_filename(), page));
    for sub in command.get_subcommands().filter(|sub| !sub.is_hide_set()) {
        add_pages(sub, pages)?;
    }
    Ok(())
}
