//! The dashboard's first results from a warm cache, in one process and on one path, for
//! instruction counts (`valgrind --tool=callgrind`, which the machine's load does not change)
//! and CPU time: the cache opened, the index restored, the first search, and the first frame
//! drawn (80×24) as the loop draws it. The stamp check and the fill run behind that frame in
//! the dashboard; here they are left out, or timed after it (`--after`).
//!
//! `first_results DIR lazy|whole [--after]`: `lazy` reads the archive's entries as they are
//! touched (the dashboard now), `whole` decodes every entry first (`query::read_cached`, the
//! dashboard before). The cache is the one `BOUCLE_CACHE_DIR` names (the example's own
//! build writes it the first time, then says so and stops). Prints one line of figures.

use std::path::PathBuf;
use std::sync::Arc;
use std::time::{Duration, Instant};

use boucle::live::archived;
use boucle::load::cache::{self, Cache, Parts};
use boucle::load::{CatalogueSource, load};
use boucle::query::{Indexed, read_cached};
use boucle::ui::loading::Ready;
use boucle::ui::update::loaded;
use boucle::ui::{Action, App, Options, render, update};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

#[global_allocator]
static ALLOCATOR: boucle::allocator::Allocator = mimalloc::MiMalloc;

fn cpu() -> Duration {
    // SAFETY: getrusage writes one rusage into the zeroed one we pass.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    unsafe { libc::getrusage(libc::RUSAGE_SELF, &mut usage) };
    let time = |t: libc::timeval| Duration::new(t.tv_sec as u64, t.tv_usec as u32 * 1000);
    time(usage.ru_utime) + time(usage.ru_stime)
}

/// Peak resident memory so far, MB of 10⁶ bytes (the unit of the folder's size on disk).
fn peak_mb() -> f64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    let kib = status
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse::<f64>().ok());
    kib.map_or(f64::NAN, |kib| kib * 1024.0 / 1e6)
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let (Some(dir), Some(mode)) = (args.get(1), args.get(2)) else {
        eprintln!("first_results DIR lazy|whole [--after]");
        std::process::exit(2);
    };
    let after = args.iter().any(|a| a == "--after");
    let folders = vec![PathBuf::from(dir)];
    let cache = Cache::user().expect("a cache folder (BOUCLE_CACHE_DIR)");
    if mode == "parts" {
        // The lazy path's two costs, one after the other: the archive opened (header, table,
        // the section of vocabularies, problems and stamps), then the index restored.
        use boucle::model::Entries;
        let (start, c) = (Instant::now(), cpu());
        let Ok((archive, _meta)) = cache::open_archive(&cache, &folders) else {
            panic!("no cache of this build: run lazy first")
        };
        let (opened, c1) = (start.elapsed(), cpu());
        let engine = archive.with_index(|bytes, map| boucle::query::Engine::restored_in(bytes, map, archive.len()));
        let (restored, c2) = (start.elapsed(), cpu());
        assert!(engine.is_some());
        let ms = |d: Duration| d.as_secs_f64() * 1000.0;
        println!(
            "FIRST mode=parts open_ms={:.1} open_cpu_ms={:.1} index_ms={:.1} index_cpu_ms={:.1} peak_mb={:.1}",
            ms(opened),
            ms(c1 - c),
            ms(restored - opened),
            ms(c2 - c1),
            peak_mb()
        );
        return;
    }
    let (start, cpu_start) = (Instant::now(), cpu());
    let opened = match mode.as_str() {
        "lazy" => archived::lazy(&cache, &folders).map(|(loaded, indexed, _)| (loaded, indexed)),
        _ => read_cached(&cache, &folders).ok().map(|(mut loaded, stored)| {
            let (indexed, restored) = Indexed::with_stored(std::mem::take(&mut loaded.catalogue), stored);
            assert!(restored, "the index kept fits");
            (loaded, indexed)
        }),
    };
    let Some((read, indexed)) = opened else {
        let loaded = load(&CatalogueSource::Folders(folders.clone()));
        let indexed = Indexed::new(loaded.catalogue.clone());
        let archived = indexed.engine().archive();
        let parts = Parts { index: archived.as_deref(), ..Parts::of(&loaded) };
        cache::write(&cache, &folders, &parts).expect("write the cache");
        println!("FIRST cache written: run again");
        return;
    };
    let opened_ms = start.elapsed().as_secs_f64() * 1000.0;
    let indexed = Arc::new(indexed);
    let mut app = App::loading(Options::default());
    update(&mut app, Action::Resize { width: 80, height: 24 });
    loaded(&mut app, Ready { indexed: indexed.clone(), problems: read.diagnostics.into() });
    let mut terminal = Terminal::new(TestBackend::new(80, 24)).expect("a test terminal");
    render(&mut terminal, &mut app).expect("drawn");
    let (wall, cpu_used) = (start.elapsed(), cpu() - cpu_start);
    let entries = indexed.catalogue().entries();
    print!(
        "FIRST mode={mode} opened_ms={opened_ms:.1} first_results_ms={:.1} cpu_ms={:.1} decoded={} of={} peak_mb={:.1}",
        wall.as_secs_f64() * 1000.0,
        cpu_used.as_secs_f64() * 1000.0,
        entries.decoded(),
        entries.len(),
        peak_mb()
    );
    if after {
        let (filled, checked) = (Instant::now(), entries.fill());
        let fill_ms = filled.elapsed().as_secs_f64() * 1000.0;
        let fresh = cache::is_fresh(read.stamps.as_deref(), &folders);
        print!(" fill_ms={fill_ms:.1} filled_ok={checked} fresh={fresh} peak_after_mb={:.1}", peak_mb());
    }
    println!();
}
