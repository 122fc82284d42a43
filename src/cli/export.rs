//! `boucle export`: a handout of the shortlist, a tour, one entry, or what the filters and
//! query of `list` select, as Markdown, CSV, JSON, HTML or the Interreg Europe template; to
//! standard output, or to a file written atomically that is never replaced without `--force`
//! and never inside a catalogue folder. The handouts are [`crate::export::handout`]'s.

use clap::Args;
use std::io::Write;
use std::path::{Path, PathBuf};

use super::filters::FilterArgs;
use super::list::{CommandError, closest, selection};
use crate::export::handout::{self, Format, Scope, ScopeError};
use crate::files::{Overwrite, write_atomic};
use crate::i18n::problems::io_problem;
use crate::i18n::{self, Said, commands as say};
use crate::model::Catalogue;
use crate::query::Indexed;
use crate::shortlist::store::{self, Opened};
use crate::text::Lang;
use crate::text::visible;

#[derive(Clone, Debug, Args)]
pub struct ExportArgs {
    #[arg(long, value_name = "FILE", num_args = 0..=1, group = "scope")]
    pub shortlist: Option<Option<PathBuf>>,

    #[arg(long, value_name = "ID", group = "scope")]
    pub tour: Option<String>,

    #[arg(long, value_name = "ID", group = "scope")]
    pub entry: Option<String>,

    /// Without --shortlist, --tour or --entry: the entries these filters and query select.
    #[command(flatten)]
    pub filters: FilterArgs,

    #[arg(long, value_enum, default_value_t = Format::Md)]
    pub format: Format,

    #[arg(long, short, value_name = "FILE")]
    pub output: Option<PathBuf>,

    #[arg(long)]
    pub force: bool,

    #[arg(long)]
    pub excel: bool,
}

/// The shortlist file `--shortlist` names, else the user's.
fn shortlist_path(given: Option<&Path>) -> Result<PathBuf, CommandError> {
    given
        .map(Path::to_path_buf)
        .or_else(store::default_path)
        .ok_or_else(|| CommandError::Usage(say::no_data_folder_for_shortlist()))
}

pub fn run_export(
    indexed: &Indexed,
    catalogue_dirs: &[PathBuf],
    args: &ExportArgs,
    lang: Lang,
    out: &mut dyn Write,
) -> Result<(), CommandError> {
    let given_filters = !args.filters.selections().is_empty() || !args.filters.query.trim().is_empty();
    if given_filters && (args.shortlist.is_some() || args.tour.is_some() || args.entry.is_some()) {
        return Err(CommandError::Usage(say::filters_choose_a_list()));
    }
    // The shortlist's notes go into every handout that has those entries.
    let path = match &args.shortlist {
        Some(given) => Some(shortlist_path(given.as_deref())?),
        None => store::default_path(),
    };
    let shortlist = match path.as_deref().map(read_only) {
        Some(Ok(list)) => list,
        Some(Err(problem)) if args.shortlist.is_some() => return Err(CommandError::Usage(problem)),
        _ => Default::default(),
    };
    if args.shortlist.is_some() && shortlist.is_empty() {
        let shown = path.as_deref().map(|p| visible::path(p).to_string()).unwrap_or_default();
        return Err(CommandError::Usage(say::shortlist_empty(&shown)));
    }
    export_with(indexed, catalogue_dirs, args, &shortlist, lang, out)
}

/// The export, with `shortlist` as the shortlist (`--shortlist`'s scope, and the notes of every
/// handout): the user's file, or a room participant's own, never read from a file here.
pub fn export_with(
    indexed: &Indexed,
    catalogue_dirs: &[PathBuf],
    args: &ExportArgs,
    shortlist: &crate::shortlist::Shortlist,
    lang: Lang,
    out: &mut dyn Write,
) -> Result<(), CommandError> {
    let catalogue = indexed.catalogue();
    let positions: Vec<usize>;
    let scope = if args.shortlist.is_some() {
        Scope::Shortlist
    } else if let Some(given) = &args.tour {
        // The words `present` takes for a tour (`lille`), so that what presents also exports.
        Scope::Tour(super::present::find_tour(catalogue, given).map_err(CommandError::Usage)?)
    } else if let Some(id) = &args.entry {
        Scope::Entry(id)
    } else {
        let engine = indexed.engine();
        let (query, filters) = selection(engine, catalogue, &args.filters)?;
        positions = engine.search(catalogue, &query, &filters, lang, usize::MAX).hits.iter().map(|h| h.entry).collect();
        Scope::Results(&positions)
    };
    if args.excel && args.format != Format::Csv {
        return Err(CommandError::Usage(say::excel_needs_csv()));
    }
    let handout = handout::build(catalogue, scope, shortlist, lang).map_err(|e| scope_error(catalogue, e))?;
    let bytes = handout::render_for(&handout, catalogue, args.format, args.excel);
    match &args.output {
        None => out.write_all(&bytes)?,
        Some(path) => {
            let overwrite = if args.force { Overwrite::Allowed } else { Overwrite::Never };
            write_atomic(path, &bytes, overwrite, catalogue_dirs).map_err(|e| match e {
                crate::files::WriteError::Io { .. } | crate::files::WriteError::NotOnThisHost(_) => {
                    CommandError::Failed(e.said())
                }
                _ => CommandError::Usage(e.said()),
            })?;
        }
    }
    Ok(())
}

/// Reads a shortlist file without touching it: `export` never moves a file aside.
fn read_only(path: &Path) -> Result<crate::shortlist::Shortlist, Said> {
    if !path.exists() {
        return Ok(Default::default());
    }
    let unreadable = |why: &Said| say::shortlist_cannot_be_read(&visible::path(path), why);
    // Opening a copy keeps the user's file where it is, whatever `open` does with a bad one.
    let dir = tempfile::tempdir().map_err(|e| unreadable(&io_problem(&e)))?;
    let copy = dir.path().join("shortlist.ron");
    std::fs::copy(path, &copy).map_err(|e| unreadable(&io_problem(&e)))?;
    match store::open(&copy) {
        Opened::New(list) | Opened::Read(list) | Opened::Skipping { list, .. } => Ok(list),
        Opened::SetAside { problem, .. } | Opened::Unusable { problem } => Err(unreadable(&problem)),
    }
}

fn scope_error(catalogue: &Catalogue, error: ScopeError) -> CommandError {
    match error {
        ScopeError::UnknownEntry(id) => {
            let ids = catalogue.entries().iter().map(|e| e.id.as_str());
            let suggestions = closest(&id, ids, 3);
            let shown = crate::text::sanitize(&id, crate::text::Lines::Single);
            CommandError::Usage(i18n::unknown_entry(&shown, &suggestions))
        }
        ScopeError::NotATour(id) => {
            let tours: Vec<&str> = catalogue
                .entries()
                .iter()
                .filter(|e| e.kind == crate::model::Kind::Tour)
                .map(|e| e.id.as_str())
                .collect();
            let shown = crate::text::sanitize(&id, crate::text::Lines::Single);
            CommandError::Usage(say::not_a_tour(&shown, &tours.join(", ")))
        }
    }
}
