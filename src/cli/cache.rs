//! `boucle cache list` (each cache's folders, size and last use) and `boucle cache clear`
//! (removes the catalogue cache, saying what went); see `load::cache`. `boucle cache write`,
//! hidden, is the detached writer a command starts once its output is out (`live::once`).

use clap::{Args, Subcommand};
use std::io::Write;

use super::Cli;
use crate::i18n::cache as words;
use crate::load::cache::{Cache, MAX_ENV, cap, clear, list};
use crate::text::{Lang, visible};

#[derive(Debug, Args)]
pub struct CacheArgs {
    #[command(subcommand)]
    pub action: CacheAction,
}

#[derive(Debug, Subcommand)]
pub enum CacheAction {
    List,
    Clear,
    #[command(hide = true)]
    Write {
        #[arg(last = true, required = true)]
        folders: Vec<std::path::PathBuf>,
    },
}

pub fn run(cli: &Cli, args: &CacheArgs, out: &mut dyn Write, err: &mut dyn Write) -> std::io::Result<i32> {
    let lang = cli.language();
    let command = match &args.action {
        CacheAction::List => "list",
        CacheAction::Clear => "clear",
        CacheAction::Write { .. } => "write",
    };
    let Some(cache) = Cache::user() else {
        writeln!(err, "{}", words::no_cache_folder(lang, command))?;
        return Ok(1);
    };
    match &args.action {
        CacheAction::List => list_caches(&cache, lang, out),
        CacheAction::Clear => clear_caches(&cache, lang, out, err),
        CacheAction::Write { folders } => Ok(if crate::live::once::write_now(folders, &cache) { 0 } else { 1 }),
    }
}

fn list_caches(cache: &Cache, lang: Lang, out: &mut dyn Write) -> std::io::Result<i32> {
    let listed = list(cache);
    if listed.is_empty() {
        writeln!(out, "{}", words::none_in(lang, &visible::path(cache.dir())))?;
        return Ok(0);
    }
    let [used, size, folders] = words::list_heading(lang);
    let rows: Vec<(String, String, Vec<String>)> = listed
        .iter()
        .map(|l| {
            let seconds = l.last_used.duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_secs());
            let when = chrono::DateTime::from_timestamp(i64::try_from(seconds).unwrap_or(0), 0)
                .map_or_else(String::new, |t| t.format("%Y-%m-%d %H:%M").to_string());
            let mut bytes = words::size(lang, l.bytes);
            if l.in_use {
                bytes = format!("{bytes} ({})", words::in_use(lang));
            }
            let named = match &l.folders {
                Some(folders) => folders.iter().map(|f| visible::path(std::path::Path::new(f)).to_string()).collect(),
                None => vec![words::unknown_folders(lang).to_string()],
            };
            (when, bytes, named)
        })
        .collect();
    let used_width = rows.iter().map(|r| r.0.chars().count()).chain([used.chars().count()]).max().unwrap_or(0);
    let size_width = rows.iter().map(|r| r.1.chars().count()).chain([size.chars().count()]).max().unwrap_or(0);
    writeln!(out, "{used:<used_width$}  {size:<size_width$}  {folders}")?;
    for (when, bytes, named) in &rows {
        for (i, folder) in named.iter().enumerate() {
            match i {
                0 => writeln!(out, "{when:<used_width$}  {bytes:<size_width$}  {folder}")?,
                _ => writeln!(out, "{:<used_width$}  {:<size_width$}  {folder}", "", "")?,
            }
        }
    }
    let total = listed.iter().map(|l| l.bytes).sum();
    writeln!(out, "{}", words::list_total(lang, listed.len(), total, cap(&listed), MAX_ENV))?;
    Ok(0)
}

fn clear_caches(cache: &Cache, lang: Lang, out: &mut dyn Write, err: &mut dyn Write) -> std::io::Result<i32> {
    match clear(cache) {
        Ok(removed) if removed.is_empty() => {
            writeln!(out, "{}", words::none_in(lang, &visible::path(cache.dir())))?;
            Ok(0)
        }
        Ok(removed) => {
            for path in &removed {
                writeln!(out, "{}", words::removed(lang, &visible::path(path)))?;
            }
            Ok(0)
        }
        Err(e) => {
            let why =
                crate::i18n::commands::at_path(&visible::path(cache.dir()), &crate::i18n::problems::io_problem(&e));
            writeln!(err, "boucle cache clear: {}", why.get(lang))?;
            Ok(1)
        }
    }
}
