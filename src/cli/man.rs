//! `boucle man [DIR]`: a manual page per command (`boucle.1`, `boucle-check.1`, …), made by
//! clap_mangen from the same definitions as `--help`, so the pages never drift from it.

use std::io::Write;
use std::path::PathBuf;

use clap::{Args, CommandFactory};

use super::Cli;
use crate::files::{Overwrite, write_atomic};

#[derive(Debug, Args)]
pub struct ManArgs {
    /// The folder to write the pages into, made if missing (default: the current folder). Pages
    /// of an earlier version there are replaced. For `man boucle` to find them, a `man1` folder
    /// on the manual path, such as ~/.local/share/man/man1.
    #[arg(value_name = "DIR", value_hint = clap::ValueHint::DirPath)]
    pub dir: Option<PathBuf>,
}

/// Writes every page, each atomically, and names each file written.
pub fn run(args: &ManArgs, out: &mut dyn Write, err: &mut dyn Write) -> std::io::Result<i32> {
    let dir = args.dir.clone().unwrap_or_else(|| PathBuf::from("."));
    if let Err(e) = std::fs::create_dir_all(&dir) {
        writeln!(err, "boucle man: cannot make the folder {}: {e}", dir.display())?;
        return Ok(1);
    }
    for (name, page) in pages()? {
        let path = dir.join(name);
        if let Err(e) = write_atomic(&path, &page, Overwrite::Allowed, &[]) {
            writeln!(err, "boucle man: {e}")?;
            return Ok(1);
        }
        writeln!(out, "wrote {}", path.display())?;
    }
    Ok(0)
}

/// Every command's page, as (file name, roff text): boucle's own, then each visible
/// subcommand's, at every depth (`boucle-cache-clear.1`).
pub fn pages() -> std::io::Result<Vec<(String, Vec<u8>)>> {
    let mut command = Cli::command().disable_help_subcommand(true);
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
