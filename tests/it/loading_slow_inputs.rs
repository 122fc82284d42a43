//! Inputs that are hostile by their shape rather than their text, found or suggested by the
//! `load` fuzz target: nesting as deep as the readers allow, and a file of the largest size with
//! a value to locate or a problem to report in every few bytes. Each must load on a thread with
//! std's default stack (the dashboard loads and reloads on threads of their own), in a debug
//! build too, and in time: the dashboard waits for its catalogue, `boucle check` runs in CI.

use boucle::diagnostic::render_human;
use std::sync::mpsc::RecvTimeoutError;
use std::time::Duration;

use boucle::load::{MAX_FILE_BYTES, SourceFile, load_files};

const STACK: usize = 2 * 1024 * 1024;

fn nested(open: &str, close: &str, depth: usize, inner: &str) -> String {
    format!("{}{inner}{}", open.repeat(depth), close.repeat(depth))
}

/// Loads one file and renders its problems as `boucle check` does, on a default-sized stack,
/// giving up after `limit` (a generous bound: what it guards against took many minutes).
fn load_on_a_default_stack(relative: &'static str, text: String) -> String {
    load_within(relative, text, Duration::from_secs(600))
}

fn load_within(relative: &'static str, text: String, limit: Duration) -> String {
    let (done, finished) = std::sync::mpsc::channel();
    std::thread::Builder::new()
        .stack_size(STACK)
        .spawn(move || {
            let loaded = load_files(vec![SourceFile::in_memory(relative, text.as_bytes())], Vec::new());
            let _ = done.send(render_human(&loaded.diagnostics, &loaded.sources, true));
        })
        .expect("a thread");
    match finished.recv_timeout(limit) {
        Ok(out) => out,
        Err(RecvTimeoutError::Timeout) => panic!("{relative} did not load within {limit:?}"),
        Err(RecvTimeoutError::Disconnected) => panic!("loading {relative} panicked"),
    }
}

#[test]
fn the_deepest_nesting_either_reader_accepts_fits_a_default_stack() {
    let shapes = [("[", "]", "1"), ("(", ")", "1"), ("Some(", ")", "1"), ("(a: ", ")", "1"), ("{1: ", "}", "1")];
    for depth in [120, 126, 127, 128, 129, 200] {
        for (open, close, inner) in shapes {
            let deep = nested(open, close, depth, inner);
            // In an unknown field (the typed parser stops at once, the recovering reader reads
            // it all), in a typed field, and in a vocabulary term.
            let entries = [
                format!("GoodPractice(\n    title: (en: \"x\"),\n    zz: {deep},\n)"),
                format!("GoodPractice(\n    title: {deep},\n)"),
                format!("GoodPractice(\n    title: (en: \"x\"),\n    materials: [{deep}],\n)"),
            ];
            for text in entries {
                let out = load_on_a_default_stack("good-practices/deep.ron", text);
                assert!(out.contains("good-practices/deep.ron:"), "{out}");
            }
            let out = load_on_a_default_stack("vocabularies/materials.ron", format!("[(id: \"x\", label: {deep})]"));
            assert!(out.contains("vocabularies/materials.ron:"), "{out}");
        }
    }
}

/// A file of the largest size where every value is located after parsing (a tour day is located
/// for every stop; an unknown reference is reported at its place) or is a problem. Locating,
/// placing and quoting each one scanned the file from its start: a 120 kB tour took 14 s in a
/// release build, and the time grew with the square of the size. Now each field is indexed once
/// and lines are found by index; the time limit is a bound for a loaded CI machine, not a measure.
#[test]
fn a_largest_file_full_of_located_values_loads_in_time() {
    let head = "(title: (en: \"t\"), summary: (en: \"s\"), location: (region: \"FRE11\", place: \"Lille\"), \
                review: (status: reviewed, checked: \"2026-11-28\"), sources: [(title: \"x\", url: \"https://x.fr\")]";
    // About 20,000 values, each padded to 50 bytes: enough for the old cost (a pass over the
    // file per value) to take many minutes, few enough to render quickly in a debug build.
    let fill = |item: &str, prefix: &str| {
        let item = format!("{item:<49}");
        let count = (MAX_FILE_BYTES - prefix.len() - 10) / (item.len() + 1);
        format!("{prefix}{}])", vec![item.as_str(); count].join(","))
    };
    let tour = fill(
        "(entry:\"zz\",day:\"2025-07-29\")",
        &format!("Tour{head}, organisers: [], start: \"2025-07-29\", end: \"2025-07-30\", stops: ["),
    );
    let practice = fill("\"zz\"", &format!("GoodPractice{head}, materials: ["));
    // One line: a column is counted along it for every problem.
    let wrong_types = fill("1", &format!("GoodPractice{head}, materials: ["));
    for (relative, text) in
        [("tours/t.ron", tour), ("good-practices/p.ron", practice), ("good-practices/w.ron", wrong_types)]
    {
        assert!(text.len() <= MAX_FILE_BYTES, "{}", text.len());
        let out = load_within(relative, text, Duration::from_secs(240));
        assert!(out.contains(&format!("{relative}:1:")), "{}", &out[..out.len().min(2000)]);
    }
}
