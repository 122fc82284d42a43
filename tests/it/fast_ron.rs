//! The fast path for reading catalogue files (`boucle::load::fast_ron`) against ron, the
//! reference: on real files, on files generated from the catalogue's types (every field,
//! every way RON can write a value: `Some(…)` or not, raw strings, escapes, comments,
//! trailing commas, struct names), and on mutated copies of both. Whatever the fast path
//! accepts, ron reads as the same value; every valid file is accepted (else it is useless).
//! `PROPTEST_CASES` raises the case count.

// The harness is one module of this test binary, shared with the fuzz regressions.
use crate::fuzz_regressions::fast_ron as harness;

use proptest::prelude::*;
use std::path::Path;
use std::sync::OnceLock;

/// A small deterministic generator (SplitMix64), so a case is one seed.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
    fn chance(&mut self, percent: usize) -> bool {
        self.below(100) < percent
    }
    fn pick<'a>(&mut self, from: &[&'a str]) -> &'a str {
        from[self.below(from.len())]
    }
}

/// The shape of a catalogue file's values.
#[derive(Clone, Copy)]
enum Ty {
    Label,
    Prose,
    Line,
    Id,
    Date,
    Url,
    Coordinates,
    Count,
    Flag,
    Status,
    Progress,
    Ids,
    Lines,
    Struct(&'static str, &'static [Field]),
    Structs(&'static str, &'static [Field]),
}

/// A field: its name, its shape, whether the file must give it, whether it is an `Option`.
type Field = (&'static str, Ty, bool, bool);

const LOCATION: &[Field] = &[
    ("region", Ty::Id, true, false),
    ("place", Ty::Label, false, true),
    ("coordinates", Ty::Coordinates, false, true),
];
const SOURCE: &[Field] =
    &[("title", Ty::Label, true, false), ("url", Ty::Url, true, false), ("date", Ty::Date, false, true)];
const REVIEW: &[Field] =
    &[("status", Ty::Status, true, false), ("checked", Ty::Date, true, true), ("note", Ty::Prose, false, true)];
const TIMESCALE: &[Field] =
    &[("start", Ty::Date, false, true), ("end", Ty::Date, false, true), ("status", Ty::Progress, false, true)];
const STOP: &[Field] = &[
    ("entry", Ty::Id, true, false),
    ("note", Ty::Prose, false, true),
    ("day", Ty::Date, false, true),
    ("time", Ty::Label, false, true),
];
const COMMON: &[Field] = &[
    ("title", Ty::Label, true, false),
    ("summary", Ty::Label, true, false),
    ("description", Ty::Prose, false, true),
    ("location", Ty::Struct("Location", LOCATION), false, true),
    ("organisations", Ty::Ids, false, false),
    ("materials", Ty::Ids, false, false),
    ("themes", Ty::Ids, false, false),
    ("stages", Ty::Ids, false, false),
    ("tags", Ty::Lines, false, false),
    ("project", Ty::Line, false, true),
    ("related", Ty::Ids, false, false),
    ("sources", Ty::Structs("Source", SOURCE), false, false),
    ("review", Ty::Struct("Review", REVIEW), true, false),
];
const GOOD_PRACTICE: &[Field] = &[
    ("main_institution", Ty::Id, false, true),
    ("timescale", Ty::Struct("Timescale", TIMESCALE), false, true),
    ("resources_needed", Ty::Prose, false, true),
    ("evidence_of_success", Ty::Prose, false, true),
    ("difficulties", Ty::Prose, false, true),
    ("transfer_potential", Ty::Prose, false, true),
    ("further_information", Ty::Prose, false, true),
];
const SITE_VISIT: &[Field] = &[
    ("site", Ty::Label, false, true),
    ("host", Ty::Id, false, true),
    ("start", Ty::Date, true, true),
    ("end", Ty::Date, false, true),
    ("programme", Ty::Id, false, true),
    ("seen", Ty::Prose, false, true),
    ("takeaways", Ty::Prose, false, true),
];
const EVENT: &[Field] = &[
    ("organisers", Ty::Ids, false, false),
    ("start", Ty::Date, true, true),
    ("end", Ty::Date, false, true),
    ("venue", Ty::Label, false, true),
    ("participants", Ty::Count, false, true),
    ("programme", Ty::Id, false, true),
];
const TOUR: &[Field] = &[
    ("organisers", Ty::Ids, false, false),
    ("start", Ty::Date, false, true),
    ("end", Ty::Date, false, true),
    ("stops", Ty::Structs("Stop", STOP), true, false),
];
const ORGANISATION: &[Field] = &[
    ("short_name", Ty::Line, false, true),
    ("org_type", Ty::Id, true, true),
    ("website", Ty::Url, false, true),
    ("founded", Ty::Date, false, true),
];
const REGION_TERM: &[Field] = &[
    ("id", Ty::Id, true, false),
    ("label", Ty::Label, true, false),
    ("parent", Ty::Id, false, true),
    ("coordinates", Ty::Coordinates, false, true),
];
const MATERIAL_TERM: &[Field] = &[
    ("id", Ty::Id, true, false),
    ("label", Ty::Label, true, false),
    ("parent", Ty::Id, false, true),
    ("symbol", Ty::Line, false, true),
    ("critical", Ty::Flag, false, false),
    ("strategic", Ty::Flag, false, false),
];
const PLAIN_TERM: &[Field] =
    &[("id", Ty::Id, true, false), ("label", Ty::Label, true, false), ("parent", Ty::Id, false, true)];

/// Writes values as a person or a tool might: every form ron reads for the value.
struct Writer {
    rng: Rng,
    out: String,
}

impl Writer {
    /// Whitespace and comments, as ron skips them.
    fn gap(&mut self) {
        let gap = self.rng.pick(&[
            "",
            "",
            "",
            " ",
            " ",
            "\n    ",
            "\n",
            "\t",
            " /* a comment */ ",
            "/* nested /* comment */ */",
            " // a line\n",
            "\r\n  ",
            "\u{2028}",
            "\u{85}",
            "\u{200E}",
            "\x0B",
        ]);
        self.out.push_str(gap);
    }

    fn text(&mut self) -> String {
        let pieces = [
            "recyclage",
            "terres rares",
            "Béthune",
            " ",
            " ",
            "é",
            "中文",
            "🌞",
            "\"",
            "\\",
            "'",
            "#",
            "\n",
            "\t",
            "/*",
            "//",
            "*/",
            ",",
            ")",
            "r#",
            "\u{2028}",
            "\u{200B}",
            "\u{1F}",
            "Some(",
            "None",
            "a",
        ];
        let count = self.rng.below(8);
        (0..count).map(|_| self.rng.pick(&pieces)).collect()
    }

    fn string(&mut self, content: &str) {
        let raw_hashes = (0..4).find(|&n| !content.contains(&format!("\"{}", "#".repeat(n))) || n == 3);
        match self.rng.below(4) {
            0 if raw_hashes.is_some_and(|n| !content.contains(&format!("\"{}", "#".repeat(n)))) => {
                let hashes = "#".repeat(raw_hashes.unwrap_or(0));
                self.out.push_str(&format!("r{hashes}\"{content}\"{hashes}"));
            }
            1 => {
                // Every character escaped in one of the ways ron reads.
                self.out.push('"');
                for c in content.chars() {
                    match (c, self.rng.below(4)) {
                        ('"', _) => self.out.push_str("\\\""),
                        ('\\', _) => self.out.push_str("\\\\"),
                        ('\n', 0) => self.out.push_str("\\n"),
                        ('\t', 0) => self.out.push_str("\\t"),
                        ('\'', 0) => self.out.push_str("\\'"),
                        (c, 1) if c.is_ascii() => self.out.push_str(&format!("\\x{:02x}", c as u32)),
                        (c, 2) => self.out.push_str(&format!("\\u{{{:x}}}", c as u32)),
                        (c, _) => self.out.push(c),
                    }
                }
                if self.rng.chance(20) {
                    // A line continuation vanishes with the blanks after it.
                    self.out.push_str("\\\n      ");
                }
                self.out.push('"');
            }
            _ => {
                self.out.push('"');
                self.out.push_str(&content.replace('\\', "\\\\").replace('"', "\\\""));
                self.out.push('"');
            }
        }
    }

    fn value(&mut self, ty: Ty) {
        match ty {
            Ty::Label | Ty::Prose if self.rng.chance(40) => {
                self.out.push('(');
                let langs: &[&str] = match self.rng.below(3) {
                    0 => &["fr"],
                    1 => &["en", "fr"],
                    _ => &["fr", "en"],
                };
                for (i, lang) in langs.iter().enumerate() {
                    self.gap();
                    self.out.push_str(lang);
                    self.gap();
                    self.out.push(':');
                    self.gap();
                    let text = self.text();
                    self.string(&text);
                    self.gap();
                    if i + 1 < langs.len() || self.rng.chance(50) {
                        self.out.push(',');
                    }
                }
                self.gap();
                self.out.push(')');
            }
            Ty::Label | Ty::Prose | Ty::Line => {
                let text = self.text();
                self.string(&text);
            }
            Ty::Id => {
                let id = self.rng.pick(&["rare-earths", "FRE12", "org-000001", "a", "team2", "x.y_z", "S3"]);
                self.string(id);
            }
            Ty::Date => {
                let date = self.rng.pick(&["2025", "2025-07", "2025-07-29", "1999-12-31", "2024-02-29"]);
                self.string(date);
            }
            Ty::Url => {
                let url =
                    self.rng.pick(&["https://www.team2.fr/en/raw4res", "http://localhost:8080/x?a=b#c", "https://a.b"]);
                self.string(url);
            }
            Ty::Coordinates => {
                let number =
                    |rng: &mut Rng| rng.pick(&["50.5", "-2.25", "0", "-0.0", "3", "1.0000001", "180.123456789"]);
                let (a, b) = (number(&mut self.rng), number(&mut self.rng));
                self.out.push('(');
                self.gap();
                self.out.push_str(a);
                self.gap();
                self.out.push(',');
                self.gap();
                self.out.push_str(b);
                self.gap();
                if self.rng.chance(30) {
                    self.out.push(',');
                }
                self.out.push(')');
            }
            Ty::Count => {
                let count = self.rng.pick(&["0", "7", "120", "4294967295", "007"]);
                self.out.push_str(count);
            }
            Ty::Flag => {
                let flag = self.rng.pick(&["true", "false"]);
                self.out.push_str(flag);
            }
            Ty::Status => {
                let status =
                    self.rng.pick(&["draft", "to_complete", "reviewed", "ToComplete", "r#to-complete", "r#draft"]);
                self.out.push_str(status);
            }
            Ty::Progress => {
                let progress = self.rng.pick(&["ongoing", "ended"]);
                self.out.push_str(progress);
            }
            Ty::Ids => self.list(Ty::Id),
            Ty::Lines => self.list(Ty::Line),
            Ty::Structs(name, fields) => self.list(Ty::Struct(name, fields)),
            Ty::Struct(name, fields) => self.structure(name, fields),
        }
    }

    /// A name, sometimes written as a raw identifier (`r#title`), which ron reads the same.
    fn raw_or_plain(&mut self, name: &str) {
        if self.rng.chance(10) {
            self.out.push_str("r#");
        }
        self.out.push_str(name);
    }

    fn list(&mut self, item: Ty) {
        self.out.push('[');
        let count = self.rng.below(4);
        for i in 0..count {
            self.gap();
            self.value(item);
            self.gap();
            if i + 1 < count || self.rng.chance(50) {
                self.out.push(',');
            }
        }
        self.gap();
        self.out.push(']');
    }

    fn structure(&mut self, name: &str, fields: &[Field]) {
        if self.rng.chance(30) {
            self.raw_or_plain(name);
            self.gap();
        }
        self.out.push('(');
        let mut chosen: Vec<&Field> = fields.iter().filter(|f| f.2 || self.rng.chance(50)).collect();
        for i in (1..chosen.len()).rev() {
            chosen.swap(i, self.rng.below(i + 1));
        }
        for (i, &&(field, ty, _, optional)) in chosen.iter().enumerate() {
            self.gap();
            self.raw_or_plain(field);
            self.gap();
            self.out.push(':');
            self.gap();
            match (optional, self.rng.below(5)) {
                (true, 0) => self.out.push_str("None"),
                (true, 1) => {
                    self.out.push_str("Some(");
                    self.gap();
                    self.value(ty);
                    self.gap();
                    self.out.push(')');
                }
                _ => self.value(ty),
            }
            self.gap();
            if i + 1 < chosen.len() || self.rng.chance(50) {
                self.out.push(',');
            }
        }
        self.gap();
        self.out.push(')');
    }
}

/// A valid file of one of the catalogue's types, and the harness's byte for that type.
pub fn generated_file(seed: u64) -> (u8, String) {
    let mut writer = Writer { rng: Rng(seed), out: String::new() };
    let kind = writer.rng.below(8) as u8;
    writer.gap();
    let entry = |details: &[Field]| -> Vec<Field> { COMMON.iter().chain(details).copied().collect() };
    let (name, fields): (&str, Vec<Field>) = match kind {
        0 => ("GoodPractice", entry(GOOD_PRACTICE)),
        1 => ("SiteVisit", entry(SITE_VISIT)),
        2 => ("Event", entry(EVENT)),
        3 => ("Tour", entry(TOUR)),
        4 => ("Organisation", entry(ORGANISATION)),
        5 => ("RegionFileTerm", REGION_TERM.to_vec()),
        6 => ("MaterialFileTerm", MATERIAL_TERM.to_vec()),
        _ => ("PlainFileTerm", PLAIN_TERM.to_vec()),
    };
    let fields: &'static [Field] = Box::leak(fields.into_boxed_slice());
    if kind < 5 {
        writer.structure(name, fields);
    } else {
        writer.list(Ty::Struct(name, fields));
    }
    writer.gap();
    (kind, writer.out)
}

/// The fixture catalogue's files with their harness byte.
pub fn fixture_files() -> &'static [(u8, String)] {
    static FILES: OnceLock<Vec<(u8, String)>> = OnceLock::new();
    FILES.get_or_init(|| {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/catalogue");
        let mut files = Vec::new();
        for folder in std::fs::read_dir(&root).expect("the fixture catalogue") {
            let folder = folder.expect("a folder").path();
            for file in std::fs::read_dir(&folder).expect("a fixture folder") {
                let path = file.expect("a file").path();
                let text = std::fs::read_to_string(&path).expect("a fixture file");
                let stem = path.file_stem().and_then(|s| s.to_str()).unwrap_or("");
                let place = folder.file_name().and_then(|s| s.to_str()).unwrap_or("");
                let kind = match (place, stem) {
                    ("vocabularies", "regions") => 5,
                    ("vocabularies", "materials") => 6,
                    ("vocabularies", _) => 7,
                    _ => harness::TYPES.iter().position(|t| *t == place).expect("a known folder") as u8,
                };
                files.push((kind, text));
            }
        }
        files.sort();
        files
    })
}

/// What a mutation may insert: the characters and words where RON readers differ.
const FRAGMENTS: &[&str] = &[
    "\"",
    "r#",
    "r\"",
    "#",
    "\\",
    "\\u{",
    "\\u{e9}",
    "\\x",
    "\\x41",
    "\\xe9",
    "\\\n",
    "/*",
    "*/",
    "//",
    ",",
    "(",
    ")",
    "[",
    "]",
    ":",
    "Some(",
    "None",
    "\n",
    " ",
    "é",
    "\u{2028}",
    "\u{85}",
    "\u{FEFF}",
    "0",
    "-",
    ".",
    "e",
    "'",
    "\\n",
    "}",
    "{",
    "true",
    "_",
    "x",
    "GoodPractice",
    "title",
    "r##\"",
    "\"#",
    "\r",
    "1e3",
    "+",
    "inf",
    "b\"",
    "0x1",
    "r#title",
];

#[derive(Debug, Clone)]
enum Mutation {
    Insert(usize, usize),
    Delete(usize, usize),
    Replace(usize, usize),
    Splice(usize, usize, usize),
}

fn mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        (any::<usize>(), 0..FRAGMENTS.len()).prop_map(|(at, f)| Mutation::Insert(at, f)),
        (any::<usize>(), 1..6usize).prop_map(|(at, n)| Mutation::Delete(at, n)),
        (any::<usize>(), 0..FRAGMENTS.len()).prop_map(|(at, f)| Mutation::Replace(at, f)),
        (any::<usize>(), any::<usize>(), 1..40usize).prop_map(|(from, to, n)| Mutation::Splice(from, to, n)),
    ]
}

/// `text` changed by `mutation`, at character boundaries.
fn mutate(text: &str, mutation: &Mutation) -> String {
    let bounds: Vec<usize> = text.char_indices().map(|(i, _)| i).chain([text.len()]).collect();
    let at = |i: usize| bounds[i % bounds.len()];
    let (start, end, insert) = match *mutation {
        Mutation::Insert(i, f) => (at(i), at(i), FRAGMENTS[f].to_string()),
        Mutation::Delete(i, n) => {
            let s = i % bounds.len();
            (bounds[s], bounds[(s + n).min(bounds.len() - 1)], String::new())
        }
        Mutation::Replace(i, f) => {
            let s = i % bounds.len();
            (bounds[s], bounds[(s + 1).min(bounds.len() - 1)], FRAGMENTS[f].to_string())
        }
        Mutation::Splice(from, to, n) => {
            let s = from % bounds.len();
            let piece = text[bounds[s]..bounds[(s + n).min(bounds.len() - 1)]].to_string();
            (at(to), at(to), piece)
        }
    };
    format!("{}{insert}{}", &text[..start], &text[end..])
}

fn cases() -> u32 {
    std::env::var("PROPTEST_CASES").ok().and_then(|n| n.parse().ok()).unwrap_or(512)
}

#[test]
fn every_valid_fixture_file_takes_the_fast_path_and_reads_as_with_ron() {
    let mut valid = 0;
    for (kind, text) in fixture_files() {
        // The fixture holds a few broken files on purpose, for the diagnostics tests.
        let accepted = harness::check(*kind, text);
        if harness::ron_reads(*kind, text) {
            assert!(accepted, "the fast path refused a valid file ({kind}):\n{text}");
            valid += 1;
        }
    }
    assert!(valid >= 15, "only {valid} valid fixture files");
}

#[test]
fn a_file_the_fast_path_cannot_read_is_left_to_ron() {
    // Each of these is valid RON that ron reads; the fast path leaves it to ron rather than
    // risk reading it differently.
    let base = "(title: \"t\", summary: \"s\", review: (status: draft, checked: None), org_type: \"x\")";
    for (from, to) in [
        ("\"t\"", "\"\\xc3\\xa9\""),
        ("(title", "#![enable(implicit_some)]\n(title"),
        ("checked: None", "checked: Some \"2020\""),
    ] {
        let text = base.replace(from, to);
        assert!(harness::check(4, base), "the base file is read by the fast path");
        assert!(!harness::check(4, &text), "the fast path read {text:?}");
        assert!(boucle::load::fast_ron::with_ron::<boucle::model::entry::OrganisationFile>(&text).is_ok(), "{text}");
    }
}

#[test]
fn nesting_beyond_any_catalogue_type_is_refused_without_overflow() {
    let deep = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
    assert!(!harness::check(5, &deep));
    let deep_text = format!("(title: {}\"t\"{})", "(fr: ".repeat(50_000), ")".repeat(50_000));
    assert!(!harness::check(0, &deep_text));
}

proptest! {
    #![proptest_config(ProptestConfig { cases: cases(), ..ProptestConfig::default() })]

    #[test]
    fn every_generated_file_takes_the_fast_path_and_reads_as_with_ron(seed in any::<u64>()) {
        let (kind, text) = generated_file(seed);
        prop_assert!(harness::check(kind, &text), "the fast path refused a valid file:\n{}", text);
    }

    #[test]
    fn a_mutated_file_is_read_as_ron_reads_it_or_left_to_ron(
        seed in any::<u64>(),
        fixture in any::<prop::sample::Index>(),
        from_fixture in any::<bool>(),
        mutations in prop::collection::vec(mutation(), 1..5),
    ) {
        let (kind, mut text) = if from_fixture {
            fixture.get(fixture_files()).clone()
        } else {
            generated_file(seed)
        };
        for m in &mutations {
            text = mutate(&text, m);
        }
        // Panics where the fast path and ron disagree.
        harness::check(kind, &text);
        // Read as any other type too: a file in the wrong folder.
        harness::check(kind.wrapping_add(1 + (seed % 7) as u8), &text);
    }
}
