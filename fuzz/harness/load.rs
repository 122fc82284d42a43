//! Fuzz target `load`: one catalogue file's bytes through the whole load (size cap, UTF-8,
//! the typed parser, the recovering reader and schema for a file it rejects, the catalogue
//! checks), then its problems rendered as `boucle check` prints them, with and without colour,
//! in both languages, and as JSON and GitHub annotations. Shared by the fuzz target and by
//! `tests/it/fuzz_regressions.rs`, so a crash input replays on stable in `cargo test`.

use boucle::cli::check::github_annotation;
use boucle::diagnostic::{render_human_in, render_json, render_kinds};
use boucle::load::{SourceFile, load_files};
use boucle::text::Lang;

/// Where the fuzzed file sits, chosen by the input's first byte: each kind of entry, and each
/// vocabulary.
pub const PLACES: [&str; 10] = [
    "good-practices/fuzzed-entry.ron",
    "site-visits/fuzzed-entry.ron",
    "events/fuzzed-entry.ron",
    "tours/fuzzed-entry.ron",
    "organisations/fuzzed-entry.ron",
    "vocabularies/regions.ron",
    "vocabularies/materials.ron",
    "vocabularies/themes.ron",
    "vocabularies/stages.ron",
    "vocabularies/organisation-types.ron",
];

/// The first byte of a seed for a file at `relative` (`good-practices/x.ron`), if it is a place
/// the target can put a file.
#[allow(dead_code)] // used by the regression test and seeds, not the fuzz target
pub fn place_byte(relative: &str) -> Option<u8> {
    let folder = relative.split('/').next()?;
    PLACES
        .iter()
        .position(|p| if folder == "vocabularies" { *p == relative } else { p.split('/').next() == Some(folder) })
        .map(|i| i as u8)
}

pub fn run(data: &[u8]) {
    let Some((&place, text)) = data.split_first() else { return };
    let relative = PLACES[usize::from(place) % PLACES.len()];
    let loaded = load_files(vec![SourceFile::in_memory(relative, text)], Vec::new());
    for lang in [Lang::En, Lang::Fr] {
        let shown = &loaded.diagnostics;
        for colour in [false, true] {
            let out = render_human_in(shown, &loaded.sources, colour, lang);
            assert_drives_no_terminal(&out, colour);
        }
        assert_drives_no_terminal(&render_kinds(shown, lang), false);
        let _ = render_json(shown, serde_json::Value::Null, lang);
        for problem in shown {
            assert_drives_no_terminal(&github_annotation(problem, lang), false);
        }
    }
}

/// `boucle check` writes this to a terminal: nothing from the file may reach it as a control
/// (escape sequences, BEL) or a bidi or zero-width character; only the report's own colours.
fn assert_drives_no_terminal(out: &str, colour: bool) {
    let plain = if colour { without_sgr(out) } else { out.to_string() };
    let bad = plain.chars().find(|&c| {
        (c.is_control() && c != '\n' && c != '\t')
            || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{200B}'..='\u{200F}' | '\u{FEFF}')
    });
    assert!(bad.is_none(), "rendered diagnostics hold {bad:?}:\n{plain:?}");
}

/// The text with the colour sequences (`ESC [ … m`) of the report itself removed.
fn without_sgr(out: &str) -> String {
    let mut plain = String::with_capacity(out.len());
    let mut rest = out;
    while let Some(at) = rest.find("\u{1b}[") {
        plain.push_str(&rest[..at]);
        let after = &rest[at + 2..];
        match after.find(|c: char| !(c.is_ascii_digit() || c == ';')) {
            Some(end) if after[end..].starts_with('m') => rest = &after[end + 1..],
            // Not a colour: kept, so that the check sees the escape.
            _ => {
                plain.push('\u{1b}');
                rest = &rest[at + 1..];
            }
        }
    }
    plain.push_str(rest);
    plain
}
