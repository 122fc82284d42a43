//! `boucle present` as a process: a tour the catalogue lacks is a usage error that names the
//! tours it has, before any terminal is touched.

use std::process::Command;

const FIXTURE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/catalogue");

#[test]
fn an_unknown_tour_is_refused_with_the_tours_there_are() {
    let output = Command::new(env!("CARGO_BIN_EXE_boucle"))
        .args(["present", "no-such-tour", "--catalogue", FIXTURE])
        .env_remove("BOUCLE_CATALOGUE")
        .output()
        .expect("boucle runs");
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("no tour \"no-such-tour\"") && stderr.contains("peer-review-lille-2025"), "{stderr}");
}

#[test]
fn an_entry_that_is_not_a_tour_is_refused_too() {
    let output = Command::new(env!("CARGO_BIN_EXE_boucle"))
        .args(["present", "bringback", "--catalogue", FIXTURE])
        .env_remove("BOUCLE_CATALOGUE")
        .output()
        .expect("boucle runs");
    assert_eq!(output.status.code(), Some(2));
}
