//! Where the memory of a loaded catalogue goes: `cargo run --release --example memprobe DIR`.
//!
//! Counts the bytes the catalogue and the index ask of the allocator (the dashboard's own,
//! mimalloc, tuned as the binary tunes it) and prints the process's peak RSS, so a change to
//! the model can be judged in one run without the whole benchmark (BENCHMARKS.md, #13).

use std::alloc::{GlobalAlloc, Layout};
use std::sync::atomic::{AtomicUsize, Ordering::Relaxed};
use std::time::Instant;

use boucle::load::{CatalogueSource, load};
use boucle::model::{Details, Entry, Id, Location, Source, entry::Common};
use boucle::query::Indexed;

struct Counting;
static LIVE: AtomicUsize = AtomicUsize::new(0);
static COUNT: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

// SAFETY: forwards every call to mimalloc unchanged; the counters are only statistics.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let now = LIVE.fetch_add(layout.size(), Relaxed) + layout.size();
        PEAK.fetch_max(now, Relaxed);
        COUNT.fetch_add(1, Relaxed);
        unsafe { mimalloc::MiMalloc.alloc(layout) }
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        LIVE.fetch_sub(layout.size(), Relaxed);
        COUNT.fetch_sub(1, Relaxed);
        unsafe { mimalloc::MiMalloc.dealloc(ptr, layout) }
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

fn mb(bytes: usize) -> f64 {
    bytes as f64 / 1e6
}

fn main() {
    boucle::allocator::tune();
    let Some(dir) = std::env::args().nth(1) else {
        eprintln!("usage: memprobe CATALOGUE_FOLDER (e.g. one the benchmark wrote under /tmp)");
        std::process::exit(2);
    };
    println!(
        "sizes: Entry {} Common {} Details {} Id {} Location {} Source {}",
        size_of::<Entry>(),
        size_of::<Common>(),
        size_of::<Details>(),
        size_of::<Id>(),
        size_of::<Location>(),
        size_of::<Source>()
    );
    let start = Instant::now();
    let loaded = load(&CatalogueSource::Folders(vec![dir.into()]));
    println!(
        "loaded {} entries: live {:.1} MB in {} allocations, peak while loading {:.1} MB",
        loaded.catalogue.len(),
        mb(LIVE.load(Relaxed)),
        COUNT.load(Relaxed),
        mb(PEAK.load(Relaxed))
    );
    PEAK.store(LIVE.load(Relaxed), Relaxed);
    let (before, count_before) = (LIVE.load(Relaxed), COUNT.load(Relaxed));
    let indexed = Indexed::new(loaded.catalogue);
    println!(
        "index: +{:.1} MB in {} allocations, peak while building +{:.1} MB",
        mb(LIVE.load(Relaxed) - before),
        COUNT.load(Relaxed) - count_before,
        mb(PEAK.load(Relaxed) - before)
    );
    println!("load to searchable: {:.0} ms", start.elapsed().as_secs_f64() * 1000.0);
    std::hint::black_box(&indexed);
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    status.lines().filter(|l| l.starts_with("VmHWM") || l.starts_with("VmRSS")).for_each(|l| println!("{l}"));
}
