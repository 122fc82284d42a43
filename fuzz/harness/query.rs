//! Fuzz target `query`: the query box's text parsed, then searched in the frozen fixture
//! catalogue (loaded once), so matching, filtering, counting and ranking are fuzzed too. The
//! spans and highlights it gives back are checked against what they promise (char boundaries,
//! sorted, disjoint), since the dashboard cuts text with them. The same text pasted into the
//! dashboard's query box (a long paste, one edit) must leave it holding at most its cap, and
//! that too is parsed and searched. Shared by the fuzz target and by
//! `tests/it/fuzz_regressions.rs`.

use std::path::PathBuf;
use std::sync::OnceLock;

use boucle::load::{CatalogueSource, load};
use boucle::query::{Facet, Filters, Indexed, Query};
use boucle::text::Lang;
use boucle::ui::Edit;
use boucle::ui::state::{MAX_QUERY_CHARS, QueryBox};

fn fixture() -> &'static Indexed {
    static INDEXED: OnceLock<Indexed> = OnceLock::new();
    INDEXED.get_or_init(|| {
        // The same folder from the root crate (tests) and from fuzz/ (the fuzz targets).
        let here = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
        let root = if here.ends_with("fuzz") { here.join("..") } else { here };
        let loaded = load(&CatalogueSource::Folders(vec![root.join("tests/fixtures/catalogue")]));
        assert!(!loaded.catalogue.entries().is_empty(), "the fixture catalogue did not load");
        Indexed::new(loaded.catalogue)
    })
}

/// First byte: language, a facet value to select, how many results; the rest: the query text.
pub fn run(data: &[u8]) {
    let Some((&control, rest)) = data.split_first() else { return };
    let text = String::from_utf8_lossy(rest);
    search(control, &text);
    // Pasted into the query box: one edit, kept to the box's cap.
    let mut query_box = QueryBox::default();
    query_box.edit(&Edit::Paste(text.chars().map(|c| if c.is_control() { ' ' } else { c }).collect()));
    let held = query_box.text().chars().count();
    assert!(held <= MAX_QUERY_CHARS, "the query box holds {held} characters");
    search(control, query_box.text());
}

fn search(control: u8, text: &str) {
    let query = Query::parse(text);
    for span in query.errors.iter().map(|e| &e.span).chain(query.fields.iter().map(|f| &f.span)) {
        assert!(text.get(span.clone()).is_some(), "span {span:?} is not on char boundaries of {text:?}");
    }

    let indexed = fixture();
    let lang = if control & 1 == 0 { Lang::Fr } else { Lang::En };
    let mut filters = Filters::default();
    let facet = Facet::ALL[usize::from(control >> 1 & 7)];
    let values = indexed.engine().value_count(facet);
    if control & 0x10 != 0 && values > 0 {
        filters.select(facet, usize::from(control >> 5) % values);
    }
    let limit = [50, 0, 1, 1000][usize::from(control >> 5 & 3)];
    let results = indexed.search(&query, &filters, lang, limit);
    assert!(results.hits.len() <= limit.min(results.total), "{} hits of {}", results.hits.len(), results.total);
    let entries = indexed.catalogue().entries();
    for hit in &results.hits {
        let entry = &entries[hit.entry];
        check_highlights(entry.title().get(lang), &hit.title_highlights);
        check_highlights(entry.summary().get(lang), &hit.summary_highlights);
    }
}

fn check_highlights(text: &str, ranges: &[std::ops::Range<usize>]) {
    let mut at = 0;
    for range in ranges {
        assert!(range.start >= at && range.start < range.end, "highlights {ranges:?} are not sorted and disjoint");
        assert!(text.get(range.clone()).is_some(), "highlight {range:?} cuts {text:?} off a char boundary");
        at = range.end;
    }
}
