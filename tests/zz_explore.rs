use boucle::load::{CatalogueSource, load};
use boucle::query::{Filters, Indexed, Query};
use boucle::text::Lang;
#[test]
fn explore() {
    let loaded = load(&CatalogueSource::Bundled);
    let idx = Indexed::new(loaded.catalogue);
    for q in ["magnet", "magnets", "recycling", "lithium", "nickel", "battery", "greece", "mining", "aimant", "bauxite", "recyclage"] {
        let r = idx.search(&Query::parse(q), &Filters::default(), Lang::En, 500);
        println!("== {q}: {}", r.total);
        for h in &r.hits {
            let e = &idx.catalogue().entries()[h.entry];
            println!("  {} {:>8} {} | {}", if h.typo {"~"} else {" "}, h.score, e.id, e.title().get(Lang::En));
        }
    }
}
