//! The room's search cache (`ui::search_cache`): a search asked again of the same catalogue is
//! answered with what a search would find, and never with results of another catalogue (a
//! reload), other selections, another language or another length.

use std::sync::Arc;
use std::sync::mpsc::channel;
use std::time::Duration;

use boucle::load::{CatalogueSource, load};
use boucle::query::{Facet, Filters, Indexed, Query};
use boucle::text::Lang;
use boucle::ui::search_cache::{SearchCache, size_of};
use boucle::ui::search_pool::SearchPool;
use boucle::ui::searcher::{Request, Searcher};

fn fixture() -> Arc<Indexed> {
    Arc::new(Indexed::new(load(&CatalogueSource::Folders(vec!["tests/fixtures/catalogue".into()])).catalogue))
}

fn request(indexed: &Arc<Indexed>, text: &str, filters: &Filters, lang: Lang, limit: usize) -> Request {
    Request {
        indexed: indexed.clone(),
        generation: 1,
        query: Query::parse(text),
        filters: filters.clone(),
        lang,
        limit,
        keep_in: None,
    }
}

/// What the search finds, kept in `cache` as a room's worker keeps it.
fn searched_into(cache: &Arc<SearchCache>, request: &Request) -> boucle::query::Results {
    let mut kept = request.clone();
    kept.keep_in = Some(cache.clone());
    kept.run().results
}

#[test]
fn a_search_asked_again_is_answered_with_what_the_search_finds() {
    let indexed = fixture();
    let cache = Arc::new(SearchCache::new(1 << 20));
    let none = Filters::default();
    for text in ["b", "be", "bethune", "recycling kind:practice", "lead -acid", ""] {
        let asked = request(&indexed, text, &none, Lang::En, 40);
        assert_eq!(cache.find(&asked.asked()), None, "`{text}` was never asked");
        let found = searched_into(&cache, &asked);
        assert_eq!(cache.find(&asked.asked()), Some(found.clone()), "`{text}`");
        assert_eq!(Some(found), Some(indexed.search(&asked.query, &none, Lang::En, 40)));
    }
    assert_eq!(cache.counts().found, 6);
}

#[test]
fn other_selections_languages_and_lengths_are_other_searches() {
    let indexed = fixture();
    let cache = Arc::new(SearchCache::new(1 << 20));
    let none = Filters::default();
    let asked = request(&indexed, "recycling", &none, Lang::En, 40);
    searched_into(&cache, &asked);
    let mut selected = Filters::default();
    selected.select(Facet::Kind, 0);
    let mut only = Filters::default();
    only.restrict_to(Some(vec![0, 1]));
    for other in [
        request(&indexed, "recycling", &selected, Lang::En, 40),
        request(&indexed, "recycling", &only, Lang::En, 40),
        request(&indexed, "recycling", &none, Lang::Fr, 40),
        request(&indexed, "recycling", &none, Lang::En, 80),
        request(&indexed, "recyclin", &none, Lang::En, 40),
    ] {
        assert_eq!(cache.find(&other.asked()), None, "{:?} {:?}", other.query.words, other.filters);
        let found = searched_into(&cache, &other);
        assert_eq!(found, indexed.search(&other.query, &other.filters, other.lang, other.limit));
        assert_eq!(cache.find(&other.asked()), Some(found));
    }
    assert!(cache.find(&asked.asked()).is_some(), "the first search is kept beside the others");
}

#[test]
fn a_reloaded_catalogue_finds_nothing_kept_of_the_old_one() {
    let before = fixture();
    let cache = Arc::new(SearchCache::new(1 << 20));
    let none = Filters::default();
    let old = request(&before, "bethune", &none, Lang::En, 40);
    searched_into(&cache, &old);
    // The same files loaded again: another snapshot, whose entries may be elsewhere.
    let after = fixture();
    let new = request(&after, "bethune", &none, Lang::En, 40);
    assert_eq!(cache.find(&new.asked()), None);
    searched_into(&cache, &new);
    assert!(cache.find(&new.asked()).is_some());
    assert_eq!(cache.find(&old.asked()), None, "keeping the new snapshot's results forgot the old one's");
    // Dropped, the old snapshot's address is not handed to a third while the cache names it.
    drop(old);
    drop(before);
    let third = fixture();
    assert_eq!(cache.find(&request(&third, "bethune", &none, Lang::En, 40).asked()), None);
}

#[test]
fn the_least_recently_asked_go_first_when_the_budget_is_spent() {
    let indexed = fixture();
    let none = Filters::default();
    let asked: Vec<Request> = ["a", "b", "c", "d"].iter().map(|t| request(&indexed, t, &none, Lang::En, 40)).collect();
    let sizes: Vec<usize> = asked.iter().map(|r| size_of(&indexed.search(&r.query, &none, Lang::En, 40))).collect();
    // Room for all four but one byte: keeping the fourth lets one go.
    let cache = Arc::new(SearchCache::new(sizes.iter().sum::<usize>() - 1));
    searched_into(&cache, &asked[0]);
    searched_into(&cache, &asked[1]);
    assert!(cache.find(&asked[0].asked()).is_some());
    searched_into(&cache, &asked[2]);
    searched_into(&cache, &asked[3]);
    assert!(cache.find(&asked[3].asked()).is_some(), "the newest is kept");
    assert!(cache.find(&asked[0].asked()).is_some(), "asked again lately: kept");
    assert!(cache.find(&asked[1].asked()).is_none(), "the least recently asked went first");
}

/// The room's budget follows its size: a room that empties keeps less, from the next search
/// kept, and the least recently asked go first.
#[test]
fn a_smaller_budget_lets_the_least_recently_asked_go_at_the_next_keep() {
    let indexed = fixture();
    let none = Filters::default();
    let asked: Vec<Request> =
        ["a", "b", "c", "d", "e"].iter().map(|t| request(&indexed, t, &none, Lang::En, 40)).collect();
    let cache = Arc::new(SearchCache::new(SearchCache::room_budget(200)));
    for request in &asked[..4] {
        searched_into(&cache, request);
    }
    assert_eq!(cache.counts().kept, 4);
    assert!(cache.find(&asked[0].asked()).is_some());
    let newest: usize = [0, 3, 4].iter().map(|&i| size_of(&indexed.search(&asked[i].query, &none, Lang::En, 40))).sum();
    cache.set_budget(newest);
    assert_eq!(cache.counts().kept, 4, "nothing goes before the next keep");
    searched_into(&cache, &asked[4]);
    let counts = cache.counts();
    assert!(counts.bytes <= newest, "{counts:?}");
    assert!(cache.find(&asked[4].asked()).is_some() && cache.find(&asked[0].asked()).is_some());
    assert!(cache.find(&asked[1].asked()).is_none() && cache.find(&asked[2].asked()).is_none());
    assert!(SearchCache::room_budget(200) > SearchCache::room_budget(100));
}

/// Through a pool: a search the cache answers comes back at once on the asking thread; one it
/// cannot goes to a worker, which keeps its results for the next seat.
#[test]
fn seats_sharing_a_cache_answer_at_once_what_another_seat_found() {
    let indexed = fixture();
    let cache = Arc::new(SearchCache::new(1 << 20));
    let pool: SearchPool<Request> = SearchPool::new(2);
    let (first_answers, first_inbox) = channel();
    let mut first =
        Searcher::seated(&pool, move |response| first_answers.send(response).is_ok()).sharing(cache.clone());
    let (second_answers, second_inbox) = channel();
    let mut second =
        Searcher::seated(&pool, move |response| second_answers.send(response).is_ok()).sharing(cache.clone());
    let none = Filters::default();
    let asked = request(&indexed, "mining heritage", &none, Lang::En, 40);
    assert!(first.search(asked.clone()).is_none(), "not kept yet: sent to a worker");
    let answer = first_inbox.recv_timeout(Duration::from_secs(10)).expect("the worker answers");
    let mut again = asked.clone();
    again.generation = 7;
    let at_once = second.search(again).expect("answered from the cache, at once");
    assert_eq!(at_once.generation, 7);
    assert_eq!(at_once.results, answer.results);
    assert_eq!(at_once.results, indexed.search(&asked.query, &none, Lang::En, 40));
    assert!(second_inbox.recv_timeout(Duration::from_millis(100)).is_err(), "and nothing from a worker");
}
