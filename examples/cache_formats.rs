//! Which binary format the catalogue cache uses: rkyv, bincode or postcard, measured on
//! 100k synthetic records shaped like catalogue entries (the strings, optional texts, lists of
//! ids, dates and coordinates an entry holds, about 1.3 kB each, as on disk).
//!
//! `cargo run --release --example cache_formats` (`-- 20000` for another size). For each format:
//! encode time, decode time (into owned values, as the loader needs them; rkyv also checked
//! with its validation, as an untrusted file must be), and the size. Medians of 5 rounds.
//! Figures in BENCHMARKS.md (#13, the catalogue cache).

use std::time::{Duration, Instant};

use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, rkyv::Archive, rkyv::Serialize, rkyv::Deserialize)]
struct Text {
    /// (language, text); language 0 = neutral, 1 = fr, 2 = en.
    variants: Box<[(u8, Box<str>)]>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, rkyv::Archive, rkyv::Serialize, rkyv::Deserialize)]
struct Date {
    year: i32,
    month: Option<u8>,
    day: Option<u8>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, rkyv::Archive, rkyv::Serialize, rkyv::Deserialize)]
struct Source {
    title: Text,
    url: String,
    date: Option<Date>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, rkyv::Archive, rkyv::Serialize, rkyv::Deserialize)]
enum Details {
    Practice { main_institution: Option<Box<str>>, start: Option<Date>, evidence: Option<Text> },
    Visit { host: Option<Box<str>>, start: Option<Date>, seen: Option<Text> },
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, rkyv::Archive, rkyv::Serialize, rkyv::Deserialize)]
struct Record {
    id: Box<str>,
    kind: u8,
    file: Box<str>,
    title: Text,
    summary: Text,
    description: Option<Text>,
    region: Box<str>,
    place: Option<Text>,
    coordinates: Option<(f64, f64)>,
    organisations: Vec<Box<str>>,
    materials: Vec<Box<str>>,
    themes: Vec<Box<str>>,
    stages: Vec<Box<str>>,
    tags: Vec<Box<str>>,
    sources: Vec<Source>,
    status: u8,
    checked: Option<Date>,
    details: Details,
}

/// A small deterministic generator (no dependency): xorshift.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

const WORDS: &[&str] = &[
    "économie",
    "circulaire",
    "matières",
    "premières",
    "critiques",
    "recyclage",
    "aimants",
    "terres",
    "rares",
    "néodyme",
    "batteries",
    "lithium",
    "réemploi",
    "mining",
    "heritage",
    "recovery",
    "valorisation",
    "déchets",
    "industrielle",
    "région",
    "Béthune",
    "Kozani",
    "transition",
    "sobriété",
    "métaux",
    "cobalt",
    "graphite",
];

fn words(rng: &mut Rng, n: usize) -> Box<str> {
    (0..n).map(|_| WORDS[rng.below(WORDS.len())]).collect::<Vec<_>>().join(" ").into()
}

fn text(rng: &mut Rng, n: usize) -> Text {
    if rng.below(2) == 0 {
        Text { variants: Box::new([(0, words(rng, n))]) }
    } else {
        Text { variants: Box::new([(1, words(rng, n)), (2, words(rng, n))]) }
    }
}

fn ids(rng: &mut Rng, prefix: &str, max: usize) -> Vec<Box<str>> {
    (0..1 + rng.below(max)).map(|i| format!("{prefix}-{}", rng.below(500) + i).into()).collect()
}

fn date(rng: &mut Rng) -> Date {
    Date { year: 2000 + rng.below(26) as i32, month: Some(1 + rng.below(12) as u8), day: Some(1 + rng.below(28) as u8) }
}

fn record(rng: &mut Rng, i: usize) -> Record {
    let id: Box<str> = format!("entry-{i:06}-{}", words(rng, 2).replace(' ', "-")).into();
    let details = if i.is_multiple_of(2) {
        Details::Practice {
            main_institution: Some(format!("org-{}", rng.below(1000)).into()),
            start: Some(date(rng)),
            evidence: Some(text(rng, 40)),
        }
    } else {
        Details::Visit { host: Some(format!("org-{}", rng.below(1000)).into()), start: Some(date(rng)), seen: None }
    };
    Record {
        file: format!("/tmp/catalogue/good-practices/{id}.ron").into(),
        id,
        kind: (i % 5) as u8,
        title: text(rng, 8),
        summary: text(rng, 40),
        description: Some(text(rng, 60)),
        region: format!("FRE{}", rng.below(30)).into(),
        place: Some(text(rng, 2)),
        coordinates: Some((50.0 + rng.below(100) as f64 / 10.0, 2.0 + rng.below(100) as f64 / 10.0)),
        organisations: ids(rng, "org", 3),
        materials: ids(rng, "mat", 4),
        themes: ids(rng, "E", 3),
        stages: ids(rng, "stage", 2),
        tags: ids(rng, "tag", 6),
        sources: vec![Source {
            title: text(rng, 6),
            url: format!("https://example.org/{}", rng.below(100_000)),
            date: Some(date(rng)),
        }],
        status: (i % 3) as u8,
        checked: Some(date(rng)),
        details,
    }
}

fn median(mut times: Vec<Duration>) -> f64 {
    times.sort();
    times[times.len() / 2].as_secs_f64() * 1000.0
}

fn measure<T>(rounds: usize, mut f: impl FnMut() -> T) -> (f64, T) {
    let mut times = Vec::new();
    let mut last = None;
    for _ in 0..rounds {
        let start = Instant::now();
        let value = f();
        times.push(start.elapsed());
        last = Some(value);
    }
    (median(times), last.expect("at least one round"))
}

fn main() {
    let n: usize = std::env::args().nth(1).and_then(|a| a.parse().ok()).unwrap_or(100_000);
    let rounds = 5;
    let mut rng = Rng(0x5eed_cafe_f00d);
    let records: Vec<Record> = (0..n).map(|i| record(&mut rng, i)).collect();
    println!("{n} records, median of {rounds} rounds");
    println!("| format | encode ms | decode ms | file MB |");
    println!("|---|---|---|---|");

    let (encode, bytes) = measure(rounds, || rkyv::to_bytes::<rkyv::rancor::Error>(&records).expect("rkyv encode"));
    let (decode, back) =
        measure(rounds, || rkyv::from_bytes::<Vec<Record>, rkyv::rancor::Error>(&bytes).expect("rkyv decode"));
    assert!(back == records);
    let (access, total) = measure(rounds, || {
        let archived = rkyv::access::<rkyv::Archived<Vec<Record>>, rkyv::rancor::Error>(&bytes).expect("rkyv validate");
        archived.len()
    });
    assert_eq!(total, n);
    let mb = bytes.len() as f64 / 1e6;
    println!("| rkyv 0.8 (validated, then deserialised) | {encode:.0} | {decode:.0} | {mb:.1} |");
    println!("| rkyv 0.8, validation alone (zero-copy access) | | {access:.0} | |");

    let config = bincode::config::standard();
    let (encode, bytes) = measure(rounds, || bincode::serde::encode_to_vec(&records, config).expect("bincode encode"));
    let (decode, (back, _)) = measure(rounds, || {
        bincode::serde::decode_from_slice::<Vec<Record>, _>(&bytes, config).expect("bincode decode")
    });
    assert!(back == records);
    println!(
        "| bincode 2.0.1 (serde, standard config) | {encode:.0} | {decode:.0} | {:.1} |",
        bytes.len() as f64 / 1e6
    );

    let (encode, bytes) = measure(rounds, || postcard::to_allocvec(&records).expect("postcard encode"));
    let (decode, back) = measure(rounds, || postcard::from_bytes::<Vec<Record>>(&bytes).expect("postcard decode"));
    assert!(back == records);
    println!("| postcard 1.2 | {encode:.0} | {decode:.0} | {:.1} |", bytes.len() as f64 / 1e6);
}

#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;
