//! `cargo fuzz run fast_ron`: see `fuzz/harness/fast_ron.rs`, which `tests/it/fuzz_regressions.rs` replays.
#![no_main]

#[path = "../harness/fast_ron.rs"]
mod harness;

libfuzzer_sys::fuzz_target!(|data: &[u8]| harness::run(data));
