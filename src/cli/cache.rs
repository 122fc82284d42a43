//! `boucle cache clear`: removes the catalogue cache (see `load::cache`), saying what went.

use clap::{Args, Subcommand};
use std::io::Write;

use crate::i18n::commands as say;
use crate::i18n::problems::io_problem;
use crate::load::cache::{Cache, clear};
use crate::text::Lang;
use crate::text::visible;

#[derive(Debug, Args)]
pub struct CacheArgs {
    #[command(subcommand)]
    pub action: CacheAction,
}

#[derive(Debug, Subcommand)]
pub enum CacheAction {
    /// Remove every cached catalogue (the next start reads the folders again).
    Clear,
}

pub fn run(args: &CacheArgs, lang: Lang, out: &mut dyn Write, err: &mut dyn Write) -> std::io::Result<i32> {
    let CacheAction::Clear = args.action;
    let Some(cache) = Cache::user() else {
        writeln!(err, "boucle cache clear: {}", say::no_cache_folder().get(lang))?;
        return Ok(1);
    };
    match clear(&cache) {
        Ok(removed) if removed.is_empty() => {
            writeln!(out, "{}", say::no_cache_in(&visible::path(cache.dir())).get(lang))?;
            Ok(0)
        }
        Ok(removed) => {
            for path in &removed {
                writeln!(out, "{}", say::cache_removed(&visible::path(path)).get(lang))?;
            }
            Ok(0)
        }
        Err(e) => {
            let why = say::at_path(&visible::path(cache.dir()), &io_problem(&e));
            writeln!(err, "boucle cache clear: {}", why.get(lang))?;
            Ok(1)
        }
    }
}
