//! `cargo fuzz run ssh_input`: see `fuzz/harness/ssh_input.rs`, which `tests/it/fuzz_regressions.rs` replays.
#![no_main]

#[path = "../harness/ssh_input.rs"]
mod harness;

libfuzzer_sys::fuzz_target!(|data: &[u8]| harness::run(data));
