//! A new screen or overlay does not compile until the key contexts, the drawing and the update
//! routing handle it: every `match` on `Screen` and `Overlay` is exhaustive, and
//! `clippy::wildcard_enum_match_arm` is denied where they are matched so that no `_` arm creeps
//! in. This test adds a variant to a copy of the sources and checks that the compiler names
//! each place that must handle it.

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;

/// The crate's sources with `variant` added to `enum {name}` of `src/ui/screen.rs`; returns
/// the files the compiler complains about.
fn files_refusing(name: &str, variant: &str) -> Vec<String> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let copy = tempfile::tempdir().unwrap();
    for file in ["Cargo.toml", "Cargo.lock", "build.rs"] {
        std::fs::copy(root.join(file), copy.path().join(file)).unwrap();
    }
    common::copy_dir(&root.join("src"), &copy.path().join("src"));
    // The bundled catalogue is embedded at build time; an empty folder compiles the same.
    std::fs::create_dir_all(copy.path().join("practices")).unwrap();
    let screen = copy.path().join("src/ui/screen.rs");
    let text = std::fs::read_to_string(&screen).unwrap();
    let opening = format!("pub enum {name} {{\n");
    assert!(text.contains(&opening), "screen.rs declares {name}");
    std::fs::write(&screen, text.replacen(&opening, &format!("{opening}    {variant},\n"), 1)).unwrap();

    // A target folder of its own, kept between runs, so only the crate itself is rebuilt.
    let target: PathBuf = root.join("target").join("variant-check");
    let output = Command::new(env!("CARGO"))
        .args(["check", "--lib", "--offline", "--message-format", "short", "--quiet"])
        .current_dir(copy.path())
        .env("CARGO_TARGET_DIR", target)
        .env_remove("RUSTFLAGS")
        .output()
        .expect("run cargo check");
    assert!(!output.status.success(), "a {name} variant nobody handles must not compile");
    let stderr = String::from_utf8_lossy(&output.stderr);
    let mut files: Vec<String> = stderr
        .lines()
        .filter(|l| l.contains("error[E0004]"))
        .filter_map(|l| l.split(':').next())
        .map(str::to_string)
        .collect();
    files.sort();
    files.dedup();
    assert!(!files.is_empty(), "the errors are non-exhaustive matches:\n{stderr}");
    files
}

#[test]
fn a_new_screen_or_overlay_must_be_handled_by_keys_drawing_and_update() {
    let screen = files_refusing("Screen", "Unhandled");
    for place in ["src/ui/keymap.rs", "src/ui/view/mod.rs", "src/ui/update/mod.rs"] {
        assert!(screen.iter().any(|f| f == place), "a new screen needs {place}: {screen:?}");
    }
    let overlay = files_refusing("Overlay", "Unhandled");
    for place in ["src/ui/keymap.rs", "src/ui/view/mod.rs", "src/ui/update/overlay.rs"] {
        assert!(overlay.iter().any(|f| f == place), "a new overlay needs {place}: {overlay:?}");
    }
}
