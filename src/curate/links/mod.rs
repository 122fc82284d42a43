//! `boucle check --links`: every source and website address of a catalogue asked over HTTP
//! ([`probe`]), a few hosts at a time, with a pause between two requests to one host; each
//! result kept with its date in the cache folder ([`store`]) and asked again only when older
//! than `--links-age` days. A dead or moved address is a warning at its place in its file.
//! Without a network (every address failed before any server answered) it says so once and
//! reports nothing.

pub mod probe;
mod store;

use std::collections::{BTreeMap, HashMap, VecDeque};
use std::path::PathBuf;
use std::sync::Mutex;
use std::time::{Duration, Instant};

use crate::diagnostic::Diagnostic;
use crate::i18n::problems as say;
use crate::model::{Catalogue, Details};
pub use probe::{Asking, Outcome};

/// How the addresses are checked.
#[derive(Clone, Debug)]
pub struct Options {
    pub asking: Asking,
    /// Results younger than this are taken from the cache.
    pub max_age: Duration,
    /// Hosts asked at once.
    pub concurrency: usize,
    /// The pause between two requests to one host.
    pub per_host_delay: Duration,
    /// Where results are kept (`None`: nowhere).
    pub cache_dir: Option<PathBuf>,
}

/// What the check found.
#[derive(Debug, Default)]
pub struct Report {
    /// A warning for each place of each dead or moved address.
    pub problems: Vec<Diagnostic>,
    /// Addresses checked, and how many were asked over the network (the rest from the cache).
    pub addresses: usize,
    pub asked: usize,
    /// No server answered and every address failed as a network would: nothing was reported.
    pub offline: bool,
}

/// Where an address is written: the file, its field, and which occurrence of the address in
/// that field of that file.
struct Place {
    file: String,
    field: &'static str,
    occurrence: usize,
}

pub fn check(catalogue: &Catalogue, text_of: &dyn Fn(&str) -> Option<String>, options: &Options) -> Report {
    let addresses = addresses(catalogue);
    let now = store::now();
    let mut known = options.cache_dir.as_deref().map(store::read).unwrap_or_default();
    let to_ask: Vec<&str> = addresses
        .keys()
        .map(String::as_str)
        .filter(|url| known.get(*url).is_none_or(|kept| now.saturating_sub(kept.checked) > options.max_age.as_secs()))
        .collect();
    let asked = ask_all(&to_ask, options);
    let offline = !asked.is_empty() && asked.iter().all(|(_, outcome)| outcome.is_network_failure());
    let mut report = Report { addresses: addresses.len(), asked: asked.len(), offline, ..Report::default() };
    if offline {
        return report;
    }
    for (url, outcome) in asked {
        known.insert(url.to_string(), store::Kept { checked: now, outcome });
    }
    if let Some(dir) = &options.cache_dir {
        store::write(dir, &known);
    }
    let mut texts: HashMap<String, (String, crate::load::Locator)> = HashMap::new();
    for (url, places) in &addresses {
        let Some(kept) = known.get(url) else { continue };
        if kept.outcome.is_live() {
            continue;
        }
        for place in places {
            let (text, locator) = texts
                .entry(place.file.clone())
                .or_insert_with(|| (text_of(&place.file).unwrap_or_default(), crate::load::Locator::default()));
            let span = locator.locate(text, place.field, url, place.occurrence);
            let (code, message, help) = match &kept.outcome {
                Outcome::Moved { to } => ("moved-link", say::link_moved(url, to), Some(say::replace_address(to))),
                outcome => (
                    "dead-link",
                    say::link_dead(url, &what_happened(outcome, &options.asking)),
                    Some(say::check_address()),
                ),
            };
            report.problems.push(Diagnostic::warning(code, &place.file, span.start, span.end, message).with_help(help));
        }
    }
    report
}

/// What an address that is not live gave, in words.
fn what_happened(outcome: &Outcome, asking: &Asking) -> crate::i18n::problems::Said {
    match outcome {
        Outcome::Status { code } => say::link_status(*code),
        Outcome::Timeout => say::link_timeout(asking.timeout.as_secs()),
        Outcome::NoHost => say::link_no_host(),
        Outcome::TooManyRedirects => say::link_redirect_loop(asking.max_redirects),
        Outcome::Failed { why } => say::link_failed(why),
        Outcome::Live | Outcome::Moved { .. } => say::link_failed("?"),
    }
}

/// Every address of the catalogue, with its places, in a stable order.
fn addresses(catalogue: &Catalogue) -> BTreeMap<String, Vec<Place>> {
    let mut out: BTreeMap<String, Vec<Place>> = BTreeMap::new();
    for entry in catalogue.entries() {
        let file = entry.file().to_string();
        let mut seen: HashMap<(&'static str, String), usize> = HashMap::new();
        let mut add = |field: &'static str, url: &str| {
            let occurrence = seen.entry((field, url.to_string())).or_insert(0);
            let place = Place { file: file.clone(), field, occurrence: *occurrence };
            *occurrence += 1;
            out.entry(url.to_string()).or_default().push(place);
        };
        for source in entry.common.sources.iter() {
            add("url", source.url.as_str());
        }
        if let Details::Organisation(organisation) = &entry.details
            && let Some(website) = &organisation.website
        {
            add("website", website.as_str());
        }
    }
    out
}

/// The host of an address, which requests to are spaced out.
fn host_of(url: &str) -> &str {
    let rest = url.split_once("://").map_or(url, |(_, rest)| rest);
    rest.split(['/', '?', '#']).next().unwrap_or(rest)
}

/// Asks every address: hosts shared among a few threads, each host's addresses one after the
/// other with a pause between them.
fn ask_all<'a>(urls: &[&'a str], options: &Options) -> Vec<(&'a str, Outcome)> {
    let mut by_host: BTreeMap<&str, Vec<&'a str>> = BTreeMap::new();
    for url in urls {
        by_host.entry(host_of(url)).or_default().push(url);
    }
    let hosts: Mutex<VecDeque<Vec<&'a str>>> = Mutex::new(by_host.into_values().collect());
    let results: Mutex<Vec<(&'a str, Outcome)>> = Mutex::new(Vec::new());
    let threads = options.concurrency.clamp(1, 16).min(urls.len().max(1));
    let agent = probe::agent(&options.asking);
    std::thread::scope(|scope| {
        for _ in 0..threads {
            scope.spawn(|| {
                loop {
                    let Some(host) = hosts.lock().unwrap_or_else(|p| p.into_inner()).pop_front() else { return };
                    let mut last: Option<Instant> = None;
                    for url in host {
                        if let Some(last) = last {
                            std::thread::sleep(options.per_host_delay.saturating_sub(last.elapsed()));
                        }
                        let outcome = probe::probe(&agent, &options.asking, url);
                        last = Some(Instant::now());
                        results.lock().unwrap_or_else(|p| p.into_inner()).push((url, outcome));
                    }
                }
            });
        }
    });
    let mut results = results.into_inner().unwrap_or_else(|p| p.into_inner());
    results.sort_by(|a, b| a.0.cmp(b.0));
    results
}
