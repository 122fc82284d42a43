//! `boucle completions SHELL`: the shell's completion script, and the hidden side of it. The
//! script is clap_complete's dynamic one: at each Tab the shell runs boucle again with
//! `BOUCLE_COMPLETE=<shell>` and the words typed so far, and [`complete_from_env`] answers
//! before any parsing. Subcommands and options come from the clap definition; tour, entry,
//! region, material, ESG theme and stage ids from the catalogue the typed line names
//! (`--catalogue`, else `BOUCLE_CATALOGUE`, else the bundled one), so completions follow the
//! catalogue in use rather than the one the script was written with.

use std::ffi::OsString;
use std::io::Write;
use std::path::PathBuf;
use std::sync::{Arc, OnceLock};

use clap::{Args, ValueHint};
use clap_complete::env::Shells;
use clap_complete::{ArgValueCandidates, CompleteEnv, CompletionCandidate, Shell};

use super::CATALOGUE_ENV;
use crate::load::CatalogueSource;
use crate::load::cache::Cache;
use crate::model::{Catalogue, Kind, VocabularyKind};

/// The variable the completion scripts set when they call boucle back.
pub const COMPLETE_ENV: &str = "BOUCLE_COMPLETE";

#[derive(Debug, Args)]
pub struct CompletionsArgs {
    #[arg(value_name = "SHELL")]
    pub shell: Shell,
}

/// Prints the script for `args.shell`. It calls back the boucle that printed it: by name when
/// it was found on the PATH, else by its absolute path.
pub fn run(args: &CompletionsArgs, out: &mut dyn Write) -> std::io::Result<i32> {
    let name = args.shell.to_string();
    let shells = Shells::builtins();
    let shell = shells.completer(&name).ok_or_else(|| std::io::Error::other(format!("no {name} support")))?;
    let mut script = Vec::new();
    shell.write_registration(COMPLETE_ENV, "boucle", "boucle", &this_program(), &mut script)?;
    out.write_all(&script)?;
    Ok(0)
}

/// How the script should call boucle: as it was called here, made absolute when it was a
/// relative path (`./target/release/boucle`), as clap_complete itself does.
fn this_program() -> String {
    let called = PathBuf::from(std::env::args_os().next().unwrap_or_else(|| "boucle".into()));
    let called = match std::env::current_dir() {
        Ok(here) if called.components().count() > 1 && called.is_relative() => here.join(called),
        _ => called,
    };
    called.to_string_lossy().into_owned()
}

/// Answers a completion request and exits, when the scripts called boucle for one; otherwise
/// returns at once. Must run before anything is written to standard output.
pub fn complete_from_env() {
    if std::env::var_os(COMPLETE_ENV).is_none_or(|shell| shell.is_empty() || shell == "0") {
        return;
    }
    let typed: Vec<OsString> = std::env::args_os().skip_while(|word| word != "--").skip(2).collect();
    let catalogue = Arc::new(CatalogueInUse::named_by(&typed));
    CompleteEnv::with_factory(move || command(&catalogue)).var(COMPLETE_ENV).bin("boucle").complete();
}

/// The command line, with the catalogue's ids offered for the arguments that take them.
fn command(catalogue: &Arc<CatalogueInUse>) -> clap::Command {
    let ids = |pick: Pick| {
        let catalogue = Arc::clone(catalogue);
        ArgValueCandidates::new(move || catalogue.candidates(pick))
    };
    let with_catalogue_ids = |command: clap::Command| {
        command.mut_args(|arg| match arg.get_id().as_str() {
            "region" => arg.add(ids(Pick::Vocabulary(VocabularyKind::Region))),
            "material" => arg.add(ids(Pick::Vocabulary(VocabularyKind::Material))),
            "esg" => arg.add(ids(Pick::Vocabulary(VocabularyKind::Theme))),
            "stage" => arg.add(ids(Pick::Vocabulary(VocabularyKind::Stage))),
            "catalogues" => arg.value_hint(ValueHint::DirPath),
            _ => arg,
        })
    };
    with_catalogue_ids(super::help::unbuilt(crate::text::Lang::En))
        .mut_subcommands(with_catalogue_ids)
        .mut_subcommand("present", |c| c.mut_arg("tour", |a| a.add(ids(Pick::Entries(Some(Kind::Tour))))))
        .mut_subcommand("show", |c| c.mut_arg("id", |a| a.add(ids(Pick::Entries(None)))))
        .mut_subcommand("export", |c| {
            c.mut_arg("tour", |a| a.add(ids(Pick::Entries(Some(Kind::Tour)))))
                .mut_arg("entry", |a| a.add(ids(Pick::Entries(None))))
        })
}

/// Which of the catalogue's ids an argument takes.
#[derive(Clone, Copy)]
enum Pick {
    /// Entries' ids, of one kind or all.
    Entries(Option<Kind>),
    Vocabulary(VocabularyKind),
}

/// The catalogue the typed line names, loaded the first time a value is asked for (completing
/// a subcommand or an option name never loads it).
struct CatalogueInUse {
    source: CatalogueSource,
    cache: bool,
    loaded: OnceLock<Catalogue>,
}

impl CatalogueInUse {
    /// `--catalogue DIR` (or `--catalogue=DIR`, or `DIR1:DIR2`) and `--no-cache` from the words
    /// typed, else `BOUCLE_CATALOGUE`. The words are as the shell holds them: a leading `~/` and
    /// surrounding quotes are undone as the shell would when running the command.
    fn named_by(typed: &[OsString]) -> CatalogueInUse {
        let words: Vec<String> = typed.iter().map(|w| w.to_string_lossy().into_owned()).collect();
        let mut folders = Vec::new();
        for (i, word) in words.iter().enumerate() {
            let value = match word.strip_prefix("--catalogue") {
                Some("") => words.get(i + 1).map(String::as_str),
                Some(rest) => rest.strip_prefix('='),
                None => None,
            };
            folders
                .extend(value.into_iter().flat_map(|v| v.split(':')).filter(|f| !f.is_empty()).map(as_shell_runs_it));
        }
        if folders.is_empty() {
            let from_env = std::env::var_os(CATALOGUE_ENV).unwrap_or_default();
            folders.extend(from_env.to_string_lossy().split(':').filter(|f| !f.is_empty()).map(PathBuf::from));
        }
        let source = if folders.is_empty() { CatalogueSource::Bundled } else { CatalogueSource::Folders(folders) };
        CatalogueInUse { source, cache: !words.iter().any(|w| w == "--no-cache"), loaded: OnceLock::new() }
    }

    fn catalogue(&self) -> &Catalogue {
        self.loaded.get_or_init(|| {
            let cache = if self.cache { Cache::user() } else { None };
            crate::live::once::load(&self.source, cache.as_ref()).catalogue
        })
    }

    /// Every id `pick` names, with its title or label (shown by zsh, fish and PowerShell) in the
    /// user's language. Bash shows the ids alone.
    fn candidates(&self, pick: Pick) -> Vec<CompletionCandidate> {
        let lang = super::language_from_environment();
        let catalogue = self.catalogue();
        let candidate = |id: &str, label: &str| CompletionCandidate::new(id).help(Some(one_line(label).into()));
        match pick {
            Pick::Entries(kind) => catalogue
                .entries()
                .iter()
                .filter(|entry| kind.is_none_or(|k| entry.kind == k))
                .map(|entry| candidate(entry.id.as_str(), entry.title().get(lang)))
                .collect(),
            Pick::Vocabulary(kind) => catalogue
                .vocabularies
                .get(kind)
                .terms()
                .iter()
                .map(|term| candidate(term.id.as_str(), term.label.get(lang)))
                .collect(),
        }
    }
}

/// A title fit for a completion menu: one line, not too long.
fn one_line(text: &str) -> String {
    const MOST: usize = 60;
    let flat: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
    match flat.char_indices().nth(MOST) {
        Some((cut, _)) => format!("{}…", &flat[..cut]),
        None => flat,
    }
}

/// A folder as the shell would pass it to boucle: `~/x` under HOME, quotes removed.
fn as_shell_runs_it(word: &str) -> PathBuf {
    let word = word.trim_matches(|c| c == '\'' || c == '"');
    match (word.strip_prefix("~/"), std::env::var_os("HOME")) {
        (Some(rest), Some(home)) => PathBuf::from(home).join(rest),
        _ => PathBuf::from(word),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn named_by(words: &[&str]) -> CatalogueInUse {
        CatalogueInUse::named_by(&words.iter().map(OsString::from).collect::<Vec<_>>())
    }

    #[test]
    fn the_completion_command_is_a_valid_clap_definition() {
        // Every argument the ids are attached to exists (mut_arg panics otherwise).
        command(&Arc::new(named_by(&[]))).debug_assert();
    }

    #[test]
    fn folders_are_read_from_the_line_in_every_spelling() {
        let home = std::env::var_os("HOME").map(PathBuf::from).unwrap_or_default();
        let typed = named_by(&["--catalogue", "a:b", "list", "--catalogue='~/c d'", "--no-cache", "--region", "FR"]);
        let expected = vec![PathBuf::from("a"), PathBuf::from("b"), home.join("c d")];
        assert!(matches!(&typed.source, CatalogueSource::Folders(f) if *f == expected), "{:?}", typed.source);
        assert!(!typed.cache);
    }

    #[test]
    fn long_titles_become_one_short_line() {
        assert_eq!(one_line("Journée\n  terres rares"), "Journée terres rares");
        let long = "é".repeat(80);
        assert_eq!(one_line(&long), format!("{}…", "é".repeat(60)));
    }
}
