//! What `check --fix` and `check --links` add to `boucle check`: the fixes applied to the
//! files (with their diff), and the addresses asked over the network.

use std::io::Write;
use std::path::Path;
use std::time::Duration;

use super::Cli;
use super::check::CheckArgs;
use crate::curate::{fix, links, write};
use crate::diagnostic::Diagnostic;
use crate::i18n::problems as say;
use crate::load::{CatalogueSource, Loaded};
use crate::text::Lang;

/// Applies the unambiguous fixes to the files and prints what it did; whether a file changed.
pub fn fix(loaded: &Loaded, source: &CatalogueSource, lang: Lang, out: &mut dyn Write) -> std::io::Result<bool> {
    if matches!(source, CatalogueSource::Bundled) {
        writeln!(out, "{}", say::fix_needs_folders(lang))?;
        return Ok(false);
    }
    let plan = fix::plan(&loaded.diagnostics);
    let (mut fixed, mut changed) = (0, 0);
    for (file, fixes) in &plan.fixes {
        let path = Path::new(file);
        let Ok(text) = crate::files::read_regular(path).map(|b| String::from_utf8_lossy(&b).into_owned()) else {
            writeln!(out, "{}", say::left_as_is(lang, file, say::changed_since_read(lang)))?;
            continue;
        };
        match fix::apply(&text, fixes) {
            Ok((after, count)) => match write::replace(path, &after) {
                Ok(()) => {
                    out.write_all(write::diff(file, &text, &after).as_bytes())?;
                    fixed += count;
                    changed += 1;
                }
                Err(e) => writeln!(out, "{}", say::cannot_write(lang, file, &e.to_string()))?,
            },
            Err(fix::Refused::Syntax) => {
                writeln!(out, "{}", say::left_as_is(lang, file, say::has_syntax_errors(lang)))?
            }
            Err(fix::Refused::Moved) => {
                writeln!(out, "{}", say::left_as_is(lang, file, say::changed_since_read(lang)))?
            }
        }
    }
    for problem in &plan.ambiguous {
        let shown = problem.in_lang(lang);
        let place = format!("{}:{}:{}: {}", shown.file, shown.start.line, shown.start.column, shown.message);
        writeln!(out, "{}", say::left_ambiguous(lang, &place, &problem.candidates))?;
    }
    writeln!(out, "{}", say::fixed(lang, fixed, changed))?;
    Ok(changed > 0)
}

/// Checks every address of the catalogue; the warnings for dead and moved ones.
pub fn links(loaded: &Loaded, args: &CheckArgs, cli: &Cli, out: &mut dyn Write) -> std::io::Result<Vec<Diagnostic>> {
    let options = links::Options {
        asking: links::Asking { timeout: Duration::from_secs(args.links_timeout.max(1)), max_redirects: 5 },
        max_age: Duration::from_secs(u64::from(args.links_age) * 24 * 3600),
        concurrency: 8,
        per_host_delay: Duration::from_millis(args.links_delay),
        cache_dir: cli.cache().map(|cache| cache.dir().to_path_buf()),
    };
    let text_of = |file: &str| text_of(loaded, file);
    let report = links::check(&loaded.catalogue, &text_of, &options);
    let lang = cli.language();
    if report.offline {
        writeln!(out, "{}", say::links_offline(lang, report.addresses))?;
    } else {
        writeln!(out, "{}", say::links_checked(lang, report.addresses, report.asked))?;
    }
    Ok(report.problems)
}

/// The text of a catalogue file as its problems name it: kept by the load, else read again
/// (from the folder, or from the bundled catalogue).
pub fn text_of(loaded: &Loaded, file: &str) -> Option<String> {
    if let Some(text) = loaded.sources.get(file) {
        return Some(text.clone());
    }
    let bytes = match crate::files::read_regular(Path::new(file)) {
        Ok(bytes) => bytes,
        Err(_) => crate::load::bundled_files().into_iter().find(|f| f.shown == file)?.read().ok()?.into_owned(),
    };
    Some(String::from_utf8_lossy(&bytes).into_owned())
}

/// Keeps the text of the files `problems` name, so the report quotes their lines.
pub fn quote(loaded: &mut Loaded, problems: &[Diagnostic]) {
    for problem in problems {
        if !loaded.sources.contains_key(&problem.file)
            && let Some(text) = text_of(loaded, &problem.file)
        {
            loaded.sources.insert(problem.file.clone(), text);
        }
    }
}
