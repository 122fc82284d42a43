//! The room's search pool on a real catalogue: sessions typing different queries at once, on
//! two workers whose scratch passes from one session's search to another's, while each seat's
//! narrowing and kept counts follow it from worker to worker (`query::Carried`). Each
//! session gets only its own answers, in the order it asked, ending with its newest query's,
//! and each answer is what a search of that session's query finds on its own.

use std::collections::HashMap;
use std::sync::Arc;
use std::sync::mpsc::channel;
use std::time::Duration;

use boucle::load::{CatalogueSource, load};
use boucle::query::{Filters, Indexed, Query};
use boucle::text::Lang;
use boucle::ui::search_pool::SearchPool;
use boucle::ui::searcher::{Request, Searcher};

/// One query per session, typed a letter at a time; words that narrow and words that do not.
pub const TYPED: &[&str] = &[
    "zinc",
    "mining heritage",
    "bethune",
    "lead -acid",
    "recycling kind:practice",
    "magnet recyling",
    "terres rares",
    "aimants",
    "batteries plomb",
    "friche miniere",
    "economie circulaire",
    "beton",
];

fn indexed() -> Arc<Indexed> {
    let loaded = load(&CatalogueSource::Folders(vec!["tests/fixtures/catalogue".into()]));
    Arc::new(Indexed::new(loaded.catalogue))
}

fn seen(results: &boucle::query::Results) -> String {
    format!("{results:?}")
}

#[test]
fn sessions_sharing_the_pool_get_their_own_newest_results_only() {
    let indexed = indexed();
    let pool: SearchPool<Request> = SearchPool::new(2);
    // Generations are numbered apart per session: an answer given to the wrong one shows.
    let generation = |session: usize, k: usize| (session * 1000 + k) as u64;
    let mut seats = Vec::new();
    let mut asked: Vec<HashMap<u64, String>> = Vec::new();
    for _ in TYPED {
        let (answers, inbox) = channel();
        seats.push((Searcher::seated(&pool, move |response| answers.send(response).is_ok()), inbox));
        asked.push(HashMap::new());
    }
    // Every session types its next letter in turn, as a room does.
    let longest = TYPED.iter().map(|t| t.chars().count()).max().unwrap();
    for k in 1..=longest {
        for (s, typed) in TYPED.iter().enumerate() {
            let chars: Vec<char> = typed.chars().collect();
            if k > chars.len() {
                continue;
            }
            let text: String = chars[..k].iter().collect();
            let request = Request {
                indexed: indexed.clone(),
                generation: generation(s, k),
                query: Query::parse(&text),
                filters: Filters::default(),
                lang: Lang::En,
                limit: 20,
                keep_in: None,
            };
            asked[s].insert(generation(s, k), text);
            assert!(seats[s].0.search(request).is_none(), "the pool answers later, never here");
        }
    }
    let mut answered = 0;
    for (s, (_, inbox)) in seats.iter().enumerate() {
        let newest = generation(s, TYPED[s].chars().count());
        let mut last = 0;
        while last != newest {
            let response = inbox.recv_timeout(Duration::from_secs(20)).expect("the session's newest answer");
            let Some(text) = asked[s].get(&response.generation) else {
                panic!("session {s} was given generation {}, which it never asked for", response.generation);
            };
            assert!(response.generation > last, "session {s}'s answers came out of order");
            last = response.generation;
            let alone = indexed.search(&Query::parse(text), &Filters::default(), Lang::En, 20);
            assert_eq!(seen(&response.results), seen(&alone), "session {s}, `{text}`");
            answered += 1;
        }
        assert!(inbox.recv_timeout(Duration::from_millis(50)).is_err(), "nothing after the newest");
    }
    let posted: usize = TYPED.iter().map(|t| t.chars().count()).sum();
    assert!(answered <= posted, "{answered} answers to {posted} queries");
}

/// Each session waits for its answer before typing its next letter, so every letter is searched,
/// narrowed from its session's previous search whichever worker ran that one, while the other
/// sessions' searches run between: each answer is still what its query finds alone.
#[test]
fn every_letter_searched_from_its_own_sessions_previous_search_finds_what_a_fresh_search_finds() {
    let indexed = indexed();
    let pool: SearchPool<Request> = SearchPool::new(2);
    let mut seats: Vec<_> = TYPED
        .iter()
        .map(|_| {
            let (answers, inbox) = channel();
            (Searcher::seated(&pool, move |response| answers.send(response).is_ok()), inbox)
        })
        .collect();
    let longest = TYPED.iter().map(|t| t.chars().count()).max().unwrap();
    for k in 1..=longest {
        let mut typed_now = Vec::new();
        for (s, (seat, _)) in seats.iter_mut().enumerate() {
            let chars: Vec<char> = TYPED[s].chars().collect();
            // Typing, then erasing: a shorter word after a longer one is not narrowed.
            let len = if k <= chars.len() { k } else { chars.len().saturating_sub(k - chars.len()) };
            let text: String = chars[..len].iter().collect();
            let request = Request {
                indexed: indexed.clone(),
                generation: k as u64,
                query: Query::parse(&text),
                filters: Filters::default(),
                lang: Lang::En,
                limit: 20,
                keep_in: None,
            };
            assert!(seat.search(request).is_none());
            typed_now.push((s, text));
        }
        for (s, text) in typed_now {
            let response = seats[s].1.recv_timeout(Duration::from_secs(20)).expect("an answer");
            assert_eq!(response.generation, k as u64, "session {s}");
            let alone = indexed.search(&Query::parse(&text), &Filters::default(), Lang::En, 20);
            assert_eq!(seen(&response.results), seen(&alone), "session {s}, `{text}`");
        }
    }
}
