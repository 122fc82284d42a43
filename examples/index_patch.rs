//! The index after a reload (not a timed test): updated for the entries that changed
//! (`Indexed::reloaded`, `query/patch.rs`) against built again (`Indexed::new`), alternated in
//! the same run on the same catalogue, for the two kinds of save: an entry edited in place (a
//! new title: new words, the same positions) and an entry added (every later entry moves).
//! Prints the medians of wall and CPU time (the process's, every thread) per kind, with the
//! load average: the machine is shared.
//!
//! ```sh
//! cargo run --release --example index_patch -- DIR [ROUNDS]
//! ```

use std::time::Instant;

use boucle::load::{CatalogueSource, load};
use boucle::model::{Catalogue, Id};
use boucle::query::Indexed;
use boucle::text::{Label, Lang};

fn cpu_ms() -> f64 {
    let stat = std::fs::read_to_string("/proc/self/stat").unwrap_or_default();
    let fields: Vec<&str> = stat.rsplit_once(')').map_or("", |(_, rest)| rest).split_whitespace().collect();
    let ticks = |i: usize| fields.get(i).and_then(|f| f.parse::<f64>().ok()).unwrap_or(f64::NAN);
    (ticks(11) + ticks(12)) * 10.0
}

fn load_average() -> String {
    let text = std::fs::read_to_string("/proc/loadavg").unwrap_or_default();
    text.split_whitespace().take(3).collect::<Vec<_>>().join(" ")
}

/// `catalogue` with entry `at` given a new English title, or (`added`) a copy of it added
/// under a new id.
fn saved(catalogue: &Catalogue, at: usize, round: usize, added: bool) -> Catalogue {
    let mut entries = catalogue.entries().to_vec();
    let mut entry = entries[at].clone();
    let title = format!("Reload probe {round} zq{round}x");
    entry.common.title = Label::both(entry.title().get(Lang::Fr), &title);
    if added {
        entry.id = Id::parse(&format!("{}-copy{round}", entry.id.as_str())).expect("an id");
        entries.push(entry);
    } else {
        entries[at] = entry;
    }
    Catalogue::new(catalogue.vocabularies.clone(), entries)
}

fn median(mut values: Vec<f64>) -> f64 {
    values.sort_by(f64::total_cmp);
    values.get(values.len() / 2).copied().unwrap_or(f64::NAN)
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let folder = args.first().expect("a catalogue folder").into();
    let rounds: usize = args.get(1).and_then(|r| r.parse().ok()).unwrap_or(5);
    let catalogue = load(&CatalogueSource::Folders(vec![folder])).catalogue;
    let n = catalogue.len();
    let mut shown = Indexed::new(catalogue);
    println!("{n} entries (load {})", load_average());
    for added in [false, true] {
        let (mut patched, mut built) = ((Vec::new(), Vec::new()), (Vec::new(), Vec::new()));
        for round in 0..rounds {
            let at = (round * 7919 + 13) % n;
            let next = saved(shown.catalogue(), at, round + if added { 1000 } else { 0 }, added);
            let (wall, cpu) = (Instant::now(), cpu_ms());
            let full = Indexed::new(next.clone());
            built.0.push(wall.elapsed().as_secs_f64() * 1e3);
            built.1.push(cpu_ms() - cpu);
            let (wall, cpu) = (Instant::now(), cpu_ms());
            let updated = Indexed::reloaded(&shown, next);
            patched.0.push(wall.elapsed().as_secs_f64() * 1e3);
            patched.1.push(cpu_ms() - cpu);
            assert!(updated.engine().archive() == full.engine().archive(), "the patched index differs");
            drop(full);
            shown = updated;
        }
        let how = if added { "added" } else { "edited" };
        println!(
            "{how}: patched wall {:.0} ms cpu {:.0} ms; built wall {:.0} ms cpu {:.0} ms ({rounds} rounds, load {})",
            median(patched.0),
            median(patched.1),
            median(built.0),
            median(built.1),
            load_average()
        );
    }
}
