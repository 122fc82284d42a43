//! `cargo fuzz run load`: see `fuzz/harness/load.rs`, which `tests/it/fuzz_regressions.rs` replays.
#![no_main]

#[path = "../harness/load.rs"]
mod harness;

libfuzzer_sys::fuzz_target!(|data: &[u8]| harness::run(data));
