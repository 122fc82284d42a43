//! The promise that boucle never writes to a catalogue folder: `check`, `list`, `show`,
//! `export` (to standard output, to a file elsewhere, and asked to write into the folder) and
//! the dashboard (a reload, a mark, an export from `x` whose default file is in the folder,
//! since the dashboard runs from inside it) leave every file and folder of the catalogue as
//! it was: the same names, sizes, contents and modification times, folders included (a
//! temporary file created then removed would change its folder's time).
//!
//! `boucle new` and `boucle init` are the exceptions by design: a curator runs them to create
//! a file in their folder.

use crate::common;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::SystemTime;

use common::terminal::Launch;
use common::tmux::Tmux;

/// Everything about a file or folder that a write would change.
#[derive(Debug, PartialEq)]
struct State {
    len: u64,
    modified: SystemTime,
    contents: Option<Vec<u8>>,
}

fn snapshot(root: &Path) -> BTreeMap<PathBuf, State> {
    let mut out = BTreeMap::new();
    let mut pending = vec![root.to_path_buf()];
    while let Some(path) = pending.pop() {
        let meta = std::fs::symlink_metadata(&path).unwrap();
        let contents = if meta.is_dir() {
            pending.extend(std::fs::read_dir(&path).unwrap().map(|e| e.unwrap().path()));
            None
        } else {
            Some(std::fs::read(&path).unwrap())
        };
        let relative = path.strip_prefix(root).unwrap().to_path_buf();
        out.insert(relative, State { len: meta.len(), modified: meta.modified().unwrap(), contents });
    }
    out
}

#[test]
fn reading_listing_exporting_and_the_dashboard_never_write_to_the_catalogue() {
    let tmux = Tmux::start();
    let catalogue = tmux.path("catalogue");
    common::copy_dir(&Path::new(env!("CARGO_MANIFEST_DIR")).join(common::terminal::FIXTURE), &catalogue);
    let outside = tmux.path("outside");
    std::fs::create_dir(&outside).unwrap();
    let before = snapshot(&catalogue);
    let dir = catalogue.to_str().unwrap();

    let boucle = |args: &[&str]| {
        Command::new(common::binary())
            .args(args)
            .current_dir(&catalogue)
            .env("LANG", "C.UTF-8")
            .env("XDG_DATA_HOME", tmux.path("data"))
            .env_remove("LC_ALL")
            .env_remove("BOUCLE_CATALOGUE")
            .output()
            .unwrap()
    };
    let tour = outside.join("tour.html");
    for args in [
        &["check", dir][..],
        &["list", "--catalogue", dir, "--format", "csv"],
        &["show", "zinc-loop-hauts-de-france", "--catalogue", dir],
        &["export", "--tour", "peer-review-lille-2025", "--catalogue", dir],
        &["export", "--tour", "peer-review-lille-2025", "--catalogue", dir, "--format", "html", "--output"],
    ] {
        let mut args = args.to_vec();
        if args.last() == Some(&"--output") {
            args.push(tour.to_str().unwrap());
        }
        let output = boucle(&args);
        // check exits 1: the fixture has a broken file on purpose.
        let expected = if args[0] == "check" { 1 } else { 0 };
        assert_eq!(output.status.code(), Some(expected), "{args:?}: {}", String::from_utf8_lossy(&output.stderr));
    }
    assert!(std::fs::read_to_string(&tour).unwrap().contains("<html"), "the export went where it was asked");
    // Asked to write into the catalogue, by a relative name from inside it: refused.
    for target in ["handout.md", "good-practices/handout.md"] {
        let output =
            boucle(&["export", "--entry", "zinc-loop-hauts-de-france", "--catalogue", dir, "--output", target]);
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(!output.status.success(), "{stderr}");
        assert!(stderr.contains("boucle never writes there"), "{stderr}");
    }

    // The dashboard, started from inside the catalogue folder.
    let session = tmux.boucle("dashboard", Launch::args(&["--catalogue", "."]).cwd(&catalogue));
    session.wait_for_dashboard();
    session.keys(&["r"]);
    session.wait_for("the reload", |s| s.contains("reloaded"));
    session.keys(&["m"]);
    session.wait_for("the mark", |s| s.contains("Added to the shortlist"));
    session.keys(&["x"]);
    session.wait_for("the export dialog", |s| s.contains("File: boucle-shortlist.md"));
    session.keys(&["Enter", "Enter"]);
    session.wait_for("the refusal", |s| s.contains("boucle never writes there"));
    // Esc alone, waited for: a key right behind it would be read as Alt+key.
    session.keys(&["Escape"]);
    session.wait_for("the dialog closed", |s| !s.contains("Not written"));
    session.keys(&["q"]);
    assert_eq!(session.wait_for_exit(), 0);

    let after = snapshot(&catalogue);
    for (path, state) in &before {
        assert_eq!(after.get(path), Some(state), "{} changed", path.display());
    }
    let added: Vec<_> = after.keys().filter(|p| !before.contains_key(*p)).collect();
    assert!(added.is_empty(), "written into the catalogue: {added:?}");
    assert!(tmux.path("data/boucle/shortlist.ron").is_file(), "the mark went to the user's data folder");
}
