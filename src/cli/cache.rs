//! `boucle cache clear`: removes the catalogue cache (see `load::cache`), saying what went.

use clap::{Args, Subcommand};
use std::io::Write;

use crate::load::cache::{Cache, clear};
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

pub fn run(args: &CacheArgs, out: &mut dyn Write, err: &mut dyn Write) -> std::io::Result<i32> {
    let CacheAction::Clear = args.action;
    let Some(cache) = Cache::user() else {
        writeln!(
            err,
            "boucle cache clear: no cache folder (neither BOUCLE_CACHE_DIR, XDG_CACHE_HOME nor HOME is set, or HOME is empty)"
        )?;
        return Ok(1);
    };
    match clear(&cache) {
        Ok(removed) if removed.is_empty() => {
            writeln!(out, "no catalogue cache in {}", visible::path(cache.dir()))?;
            Ok(0)
        }
        Ok(removed) => {
            for path in &removed {
                writeln!(out, "removed {}", visible::path(path))?;
            }
            Ok(0)
        }
        Err(e) => {
            writeln!(err, "boucle cache clear: {}: {e}", visible::path(cache.dir()))?;
            Ok(1)
        }
    }
}
