//! The allocator the binary and the benchmarks use, and how it is tuned.
//!
//! mimalloc against glibc's malloc at 100k entries (examples/bench, alternated runs): peak
//! memory 364-387 MB against 409, CPU time 0.84-0.98x (BENCHMARKS.md). Its defaults keep freed
//! pages for 10 ms and commit whole arenas up front, which at 100k entries holds about 65 MB
//! of pages the catalogue no longer uses (peak 391-396 MB against 325-326 MB tuned, same load
//! time within noise; examples/memprobe).

pub type Allocator = mimalloc::MiMalloc;

/// Positions in mimalloc's `mi_option_e` (v2 and v3 alike: removed options keep their slot).
const ARENA_EAGER_COMMIT: libmimalloc_sys::mi_option_t = 4;
const PURGE_DELAY: libmimalloc_sys::mi_option_t = 15;

/// Returns freed pages to the system at once and commits arena memory as it is used.
///
/// The arena option only counts before mimalloc opens its first arena, which the Rust
/// runtime's first allocation does before `main`. On Linux it is therefore set from an
/// `.init_array` entry of high priority, which the loader runs before any other constructor
/// (mimalloc's own included); measured: 356-360 MB when set in `main`, 325 MB this way.
/// Calling `tune` again from `main` keeps other systems on the purge setting at least.
pub fn tune() {
    // SAFETY: setting an option is a plain store into mimalloc's option table; both options
    // are read afresh each time mimalloc purges or opens an arena.
    unsafe {
        libmimalloc_sys::mi_option_set(ARENA_EAGER_COMMIT, 0);
        libmimalloc_sys::mi_option_set(PURGE_DELAY, 0);
    }
}

#[cfg(target_os = "linux")]
#[used]
#[unsafe(link_section = ".init_array.00101")]
static TUNE_BEFORE_THE_FIRST_ALLOCATION: extern "C" fn() = {
    extern "C" fn before_main() {
        tune();
    }
    before_main
};
