//! Where the memory of a loaded catalogue goes: `cargo run --release --example memprobe DIR`.
//!
//! Counts the bytes the catalogue and the index ask of the allocator (the dashboard's own,
//! mimalloc, tuned as the binary tunes it) and prints the process's peak RSS, so a change to
//! the model can be judged in one run without the whole benchmark (BENCHMARKS.md, #13).

use std::alloc::{GlobalAlloc, Layout};
use std::sync::atomic::{AtomicUsize, Ordering::Relaxed};
use std::time::Instant;

use boucle::load::{CatalogueSource, load};
use boucle::model::{Catalogue, Details, Entry, Id, Location, Source, entry::Common};
use boucle::query::Indexed;
use boucle::text::LocalText;

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
    breakdown(&loaded.catalogue);
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

/// Heap bytes of the parts of the entries, as asked of the allocator (size classes not
/// counted), so a change to the model shows where it saved.
#[derive(Default)]
struct Parts {
    texts: usize,
    text_allocations: usize,
    lists: usize,
    sources: usize,
    file_paths: usize,
}

impl Parts {
    fn text<const M: bool>(&mut self, text: &LocalText<M>) {
        let versions: Vec<usize> = text.variants().map(|v| v.as_str().len()).collect();
        if !versions.is_empty() {
            // The marker, and a separator between two versions.
            self.texts += versions.iter().sum::<usize>() + versions.len();
            self.text_allocations += 1;
        }
    }

    fn ids(&mut self, ids: &[Id]) {
        self.lists += size_of_val(ids);
    }
}

fn breakdown(catalogue: &Catalogue) {
    let mut p = Parts::default();
    for e in catalogue.entries() {
        let c = &e.common;
        // Only a path kept whole costs bytes of its own (a file not named after its id).
        if let std::borrow::Cow::Borrowed(whole) = e.file() {
            p.file_paths += whole.len();
        }
        p.text(&c.title);
        p.text(&c.summary);
        if let Some(d) = &c.description {
            p.text(d);
        }
        if let Some(place) = c.location.as_ref().and_then(|l| l.place.as_ref()) {
            p.text(place);
        }
        for list in [&c.organisations, &c.materials, &c.themes, &c.stages, &c.related] {
            p.ids(list);
        }
        p.lists += size_of_val(&*c.tags);
        p.texts += c.tags.iter().map(|t| t.as_str().len()).sum::<usize>();
        p.text_allocations += c.tags.len();
        p.sources += size_of_val(&*c.sources);
        for s in c.sources.iter() {
            p.text(&s.title);
            p.sources += s.url.as_str().len();
        }
        if let Some(note) = &c.review.note {
            p.text(note);
        }
        match &e.details {
            Details::GoodPractice(d) => {
                for t in [&d.resources_needed, &d.evidence_of_success, &d.difficulties, &d.transfer_potential]
                    .into_iter()
                    .chain([&d.further_information])
                    .flatten()
                {
                    p.text(t);
                }
            }
            Details::Event(d) => p.ids(&d.organisers),
            Details::Tour(d) => p.ids(&d.organisers),
            Details::SiteVisit(_) | Details::Organisation(_) => {}
        }
    }
    println!(
        "parts: entry structs {:.1} MB, texts {:.1} MB in {} allocations, lists {:.1} MB, sources {:.1} MB, file paths kept whole {:.1} MB",
        mb(size_of::<Entry>() * catalogue.len()),
        mb(p.texts),
        p.text_allocations,
        mb(p.lists),
        mb(p.sources),
        mb(p.file_paths)
    );
}
