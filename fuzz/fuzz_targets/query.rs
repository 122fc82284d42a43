//! `cargo fuzz run query`: see `fuzz/harness/query.rs`, which `tests/it/fuzz_regressions.rs` replays.
#![no_main]

#[path = "../harness/query.rs"]
mod harness;

libfuzzer_sys::fuzz_target!(|data: &[u8]| harness::run(data));
