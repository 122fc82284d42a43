//! `boucle man DIR`: a page per command, each of which `man -l` renders without a warning.

use std::collections::BTreeSet;
use std::process::Command;

use clap::CommandFactory;

/// `boucle`, then each visible subcommand at every depth, as man page names.
fn commands(command: &clap::Command, prefix: &str, names: &mut BTreeSet<String>) {
    let name =
        if prefix.is_empty() { command.get_name().to_string() } else { format!("{prefix}-{}", command.get_name()) };
    for sub in command.get_subcommands().filter(|s| !s.is_hide_set() && s.get_name() != "help") {
        commands(sub, &name, names);
    }
    names.insert(format!("{name}.1"));
}

#[test]
fn a_page_per_command_is_written_and_named() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("share/man/man1");
    let output = Command::new(env!("CARGO_BIN_EXE_boucle")).arg("man").arg(&target).output().unwrap();
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    let mut expected = BTreeSet::new();
    commands(&boucle::cli::Cli::command(), "", &mut expected);
    assert!(expected.contains("boucle-check.1") && expected.contains("boucle-cache-clear.1"), "{expected:?}");
    let written: BTreeSet<String> =
        std::fs::read_dir(&target).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect();
    assert_eq!(written, expected);
    let said = String::from_utf8(output.stdout).unwrap();
    for page in &expected {
        assert!(said.contains(&format!("wrote {}", target.join(page).display())), "{page} not named in:\n{said}");
    }
    // Written again over the same pages (an upgrade): replaced, not refused.
    let again = Command::new(env!("CARGO_BIN_EXE_boucle")).arg("man").arg(&target).output().unwrap();
    assert!(again.status.success(), "{}", String::from_utf8_lossy(&again.stderr));
}

#[test]
fn man_renders_every_page_without_a_warning() {
    if Command::new("man").arg("--version").output().is_err() {
        eprintln!("SKIPPED: `man` is not installed (apt-get install man-db); .ci/run installs it");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let output = Command::new(env!("CARGO_BIN_EXE_boucle")).arg("man").arg(dir.path()).output().unwrap();
    assert!(output.status.success());
    let mut pages: Vec<_> = std::fs::read_dir(dir.path()).unwrap().map(|e| e.unwrap().path()).collect();
    pages.sort();
    assert!(pages.len() > 5, "{pages:?}");
    for page in pages {
        let rendered = Command::new("man")
            .args(["--warnings=all", "-E", "UTF-8", "-l"])
            .arg(&page)
            .env("MANWIDTH", "80")
            .env("MAN_DISABLE_SECCOMP", "1")
            .env_remove("MANPAGER")
            .env_remove("PAGER")
            .output()
            .unwrap();
        let text = String::from_utf8_lossy(&rendered.stdout);
        let warnings = String::from_utf8_lossy(&rendered.stderr);
        assert!(rendered.status.success() && warnings.is_empty(), "{}: {warnings}", page.display());
        let stem = page.file_stem().unwrap().to_string_lossy().into_owned();
        assert!(text.contains("NAME") && text.contains("SYNOPSIS"), "{stem}:\n{text}");
        assert!(text.contains(&stem), "{stem}: the page names its command:\n{text}");
    }
}
