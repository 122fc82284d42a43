//! Test catalogues built in code, and a brute-force reference for the query engine: it scans
//! every entry's text and facets directly, with none of the engine's index. The dashboard's
//! helpers, on the frozen fixture catalogue of `tests/fixtures/catalogue`, are in [`ui`].
#![allow(dead_code)]

pub mod cached;
pub mod random;
pub mod serve;
pub mod sources;
pub mod terminal;
pub mod tmux;
pub mod ui;
pub mod written;

/// The boucle the end-to-end tests run: the release build when there is one (CI builds it
/// first), else the test build.
/// A catalogue cache file sealed again after its bytes were changed on purpose: every
/// section's checksum and the header's computed anew, as whoever forges a cache would. The
/// layout is `src/load/cache/format.rs`'s: a 64-byte header whose checksum (at 40) covers
/// its first 40 bytes and the table of sections after it, 32 bytes a row (offset, length,
/// items, the section's checksum).
pub fn reseal_cache(bytes: &mut [u8]) {
    let u64_at = |bytes: &[u8], at: usize| u64::from_le_bytes(bytes[at..at + 8].try_into().unwrap());
    let count = u32::from_le_bytes(bytes[12..16].try_into().unwrap()) as usize;
    let table_end = 64 + 32 * count;
    for row in (64..table_end).step_by(32) {
        let (offset, len) = (u64_at(bytes, row) as usize, u64_at(bytes, row + 8) as usize);
        let sum = xxhash_rust::xxh3::xxh3_64(&bytes[offset..offset + len]).to_le_bytes();
        bytes[row + 24..row + 32].copy_from_slice(&sum);
    }
    let mut hasher = xxhash_rust::xxh3::Xxh3::new();
    hasher.update(&bytes[..40]);
    hasher.update(&bytes[64..table_end]);
    bytes[40..48].copy_from_slice(&hasher.digest().to_le_bytes());
}

/// `bytes` with the first `from` replaced by `to`, of the same length (a text of a cache
/// changed in place).
pub fn replaced_in_place(bytes: &[u8], from: &[u8], to: &[u8]) -> Vec<u8> {
    assert_eq!(from.len(), to.len());
    let at = bytes.windows(from.len()).position(|w| w == from).expect("the text is in the cache");
    let mut out = bytes.to_vec();
    out[at..at + to.len()].copy_from_slice(to);
    out
}

/// Copies a folder tree (a fixture catalogue into a test's temporary folder).
pub fn copy_dir(from: &std::path::Path, to: &std::path::Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).unwrap();
        }
    }
}

/// `boucle ARGS` (the test build) with its cache folder in `cache`, waiting for the cache it
/// writes, without colour.
pub fn with_cache(cache: &std::path::Path, args: &[&str]) -> std::process::Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_boucle"))
        .args(args)
        .env_remove("BOUCLE_CATALOGUE")
        .env("BOUCLE_CACHE_DIR", cache)
        .env("BOUCLE_CACHE_WRITE", "wait")
        .env_remove("BOUCLE_CACHE_MAX_MB")
        .env("NO_COLOR", "1")
        .output()
        .expect("run boucle")
}

pub fn binary() -> std::path::PathBuf {
    let built = std::path::Path::new(env!("CARGO_BIN_EXE_boucle"));
    let release = built.parent().and_then(std::path::Path::parent).map(|target| target.join("release").join("boucle"));
    match release {
        Some(release) if release.is_file() => release,
        _ => built.to_path_buf(),
    }
}

use std::collections::BTreeSet;

use boucle::model::entry::{Common, Event, GoodPractice, Organisation, Review, SiteVisit, Timescale, Tour};
use boucle::model::{
    Catalogue, Date, Details, Entry, Id, Kind, Location, ReviewStatus, Term, Vocabularies, Vocabulary,
};
use boucle::query::matching::{match_exclusion, match_word};
use boucle::query::{Facet, Filters, Query, tokens};
use boucle::text::{Label, Line, Prose};

pub fn id(s: &str) -> Id {
    Id::parse(s).unwrap()
}

fn term(id_: &str, fr: &str, en: &str, parent: Option<&str>, symbol: Option<&str>) -> Term {
    Term {
        id: id(id_),
        label: Label::both(fr, en),
        parents: parent.map(id).into_iter().collect(),
        coordinates: None,
        symbol: symbol.map(|s| Line(boucle::text::SafeString::new(s, boucle::text::Lines::Single))),
        critical: false,
        strategic: false,
    }
}

/// Small hierarchical vocabularies: NUTS for France and Greece, a material group, ESG pillars.
pub fn vocabularies() -> Vocabularies {
    Vocabularies {
        regions: Vocabulary::new(vec![
            term("FR", "France", "France", None, None),
            term("FRE", "Hauts-de-France", "Hauts-de-France", Some("FR"), None),
            term("FRE1", "Nord-Pas-de-Calais", "Nord-Pas-de-Calais", Some("FRE"), None),
            term("FRE11", "Nord", "Nord", Some("FRE1"), None),
            term("FRE12", "Pas-de-Calais", "Pas-de-Calais", Some("FRE1"), None),
            term("FR1", "Île-de-France", "Ile-de-France", Some("FR"), None),
            term("EL", "Grèce", "Greece", None, None),
            term("EL6", "Κεντρική Ελλάδα", "Central Greece", Some("EL"), None),
            term("EL64", "Στερεά Ελλάδα", "Sterea Ellada", Some("EL6"), None),
            term("EL53", "Δυτική Μακεδονία", "Western Macedonia", Some("EL"), None),
        ]),
        materials: Vocabulary::new(vec![
            term("rare-earths-magnets", "Terres rares pour aimants", "Rare earths for magnets", None, None),
            term("neodymium", "Néodyme", "Neodymium", Some("rare-earths-magnets"), Some("Nd")),
            term("praseodymium", "Praséodyme", "Praseodymium", Some("rare-earths-magnets"), Some("Pr")),
            term("dysprosium", "Dysprosium", "Dysprosium", Some("rare-earths-magnets"), Some("Dy")),
            term("zinc", "Zinc", "Zinc", None, Some("Zn")),
            term("lead", "Plomb", "Lead", None, Some("Pb")),
            term("plastics", "Plastiques", "Plastics", None, None),
        ]),
        themes: Vocabulary::new(vec![
            term("E", "Environnement", "Environment", None, None),
            term("E1", "Changement climatique", "Climate change", Some("E"), None),
            term("E5", "Économie circulaire", "Circular economy", Some("E"), None),
            term("S", "Social", "Social", None, None),
            term("S3", "Communautés affectées", "Affected communities", Some("S"), None),
            term("G", "Gouvernance", "Governance", None, None),
            term("G1", "Conduite des affaires", "Business conduct", Some("G"), None),
        ]),
        stages: Vocabulary::new(vec![
            term("extraction", "Extraction", "Extraction", None, None),
            term("recycling-recovery", "Recyclage et valorisation", "Recycling and recovery", None, None),
            term("post-mining", "Après-mine", "Post-mining", None, None),
        ]),
        organisation_types: Vocabulary::new(vec![term("cluster", "Pôle", "Cluster", None, None)]),
    }
}

/// What a test entry needs; everything else gets a plain default.
#[derive(Clone, Debug)]
pub struct Spec {
    pub id: String,
    pub kind: Kind,
    pub title: Label,
    pub summary: Label,
    pub description: Option<Prose>,
    pub region: Option<String>,
    pub place: Option<String>,
    pub organisations: Vec<String>,
    pub materials: Vec<String>,
    pub themes: Vec<String>,
    pub stages: Vec<String>,
    pub tags: Vec<String>,
    pub status: ReviewStatus,
    /// (start year, end year)
    pub years: Option<(i32, Option<i32>)>,
    pub short_name: Option<String>,
}

impl Spec {
    pub fn new(id: &str, kind: Kind, title: &str) -> Spec {
        Spec {
            id: id.to_string(),
            kind,
            title: Label::plain(title),
            summary: Label::plain(""),
            description: None,
            region: None,
            place: None,
            organisations: Vec::new(),
            materials: Vec::new(),
            themes: Vec::new(),
            stages: Vec::new(),
            tags: Vec::new(),
            status: ReviewStatus::Reviewed,
            years: None,
            short_name: None,
        }
    }

    pub fn practice(id: &str, title: &str) -> Spec {
        Spec::new(id, Kind::GoodPractice, title)
    }

    pub fn summary(mut self, s: &str) -> Spec {
        self.summary = Label::plain(s);
        self
    }

    pub fn titles(mut self, fr: &str, en: &str) -> Spec {
        self.title = Label::both(fr, en);
        self
    }

    pub fn summaries(mut self, fr: &str, en: &str) -> Spec {
        self.summary = Label::both(fr, en);
        self
    }

    pub fn description(mut self, s: &str) -> Spec {
        self.description = Some(Prose::plain(s));
        self
    }

    pub fn region(mut self, r: &str) -> Spec {
        self.region = Some(r.to_string());
        self
    }

    pub fn place(mut self, p: &str) -> Spec {
        self.place = Some(p.to_string());
        self
    }

    pub fn orgs(mut self, o: &[&str]) -> Spec {
        self.organisations = o.iter().map(|s| s.to_string()).collect();
        self
    }

    pub fn materials(mut self, m: &[&str]) -> Spec {
        self.materials = m.iter().map(|s| s.to_string()).collect();
        self
    }

    pub fn themes(mut self, t: &[&str]) -> Spec {
        self.themes = t.iter().map(|s| s.to_string()).collect();
        self
    }

    pub fn stages(mut self, s: &[&str]) -> Spec {
        self.stages = s.iter().map(|s| s.to_string()).collect();
        self
    }

    pub fn tags(mut self, t: &[&str]) -> Spec {
        self.tags = t.iter().map(|s| s.to_string()).collect();
        self
    }

    pub fn status(mut self, s: ReviewStatus) -> Spec {
        self.status = s;
        self
    }

    pub fn years(mut self, start: i32, end: Option<i32>) -> Spec {
        self.years = Some((start, end));
        self
    }

    pub fn short_name(mut self, s: &str) -> Spec {
        self.short_name = Some(s.to_string());
        self
    }

    pub fn build(self) -> Entry {
        let date = |y: i32| Date::parse(&format!("{y:04}")).unwrap();
        let start = self.years.map(|(s, _)| date(s));
        let end = self.years.and_then(|(_, e)| e.map(date));
        let line = |s: &String| Line(boucle::text::SafeString::new(s, boucle::text::Lines::Single));
        let details = match self.kind {
            Kind::GoodPractice => Details::GoodPractice(GoodPractice {
                main_institution: None,
                timescale: self.years.map(|_| Timescale { start, end, status: None }),
                resources_needed: None,
                evidence_of_success: None,
                difficulties: None,
                transfer_potential: None,
                further_information: None,
            }),
            Kind::SiteVisit => Details::SiteVisit(SiteVisit {
                site: None,
                host: None,
                start: Some(start.unwrap_or_else(|| date(2025))),
                end,
                programme: None,
                seen: None,
                takeaways: None,
            }),
            Kind::Event => Details::Event(Event {
                organisers: Vec::new(),
                start: Some(start.unwrap_or_else(|| date(2025))),
                end,
                venue: None,
                participants: None,
                programme: None,
            }),
            Kind::Tour => Details::Tour(Tour { organisers: Vec::new(), start, end, stops: Vec::new() }),
            Kind::Organisation => Details::Organisation(Organisation {
                short_name: self.short_name.as_ref().map(line),
                org_type: Some(id("cluster")),
                website: None,
                founded: start,
            }),
        };
        Entry {
            id: id(&self.id),
            kind: self.kind,
            file: format!("{}/{}.ron", self.kind.folder(), self.id).into(),
            common: Common {
                title: self.title,
                summary: self.summary,
                description: self.description,
                location: self.region.map(|r| Location {
                    region: id(&r),
                    place: self.place.as_deref().map(Label::plain),
                    coordinates: None,
                }),
                organisations: self.organisations.iter().map(|o| id(o)).collect(),
                materials: self.materials.iter().map(|o| id(o)).collect(),
                themes: self.themes.iter().map(|o| id(o)).collect(),
                stages: self.stages.iter().map(|o| id(o)).collect(),
                tags: self.tags.iter().map(line).collect(),
                project: None,
                related: Box::default(),
                sources: Box::default(),
                review: Review { status: self.status, checked: Some(date(2025)), note: None },
            },
            details,
        }
    }
}

pub fn catalogue(specs: Vec<Spec>) -> Catalogue {
    Catalogue::new(vocabularies(), specs.into_iter().map(Spec::build).collect())
}

/// The searchable texts of an entry, written out independently of the engine.
fn texts(catalogue: &Catalogue, index: usize) -> Vec<String> {
    let e = &catalogue.entries()[index];
    let mut out: Vec<String> = Vec::new();
    let label = |l: &Label, out: &mut Vec<String>| out.extend(l.variants().map(|s| s.as_str().to_string()));
    label(&e.common.title, &mut out);
    label(&e.common.summary, &mut out);
    if let Some(d) = &e.common.description {
        out.extend(d.variants().map(|s| s.as_str().to_string()));
    }
    out.extend(e.common.tags.iter().map(|t| t.as_str().to_string()));
    if let Details::Organisation(d) = &e.details
        && let Some(s) = &d.short_name
    {
        out.push(s.as_str().to_string());
    }
    for org in e.organisations() {
        if let Some(o) = catalogue.get(org.as_str()) {
            label(&o.common.title, &mut out);
            if let Details::Organisation(d) = &o.details
                && let Some(s) = &d.short_name
            {
                out.push(s.as_str().to_string());
            }
        }
    }
    if let Some(p) = e.common.location.as_ref().and_then(|l| l.place.as_ref()) {
        label(p, &mut out);
    }
    // Names are words: an entry is found by the labels (every language), ids and symbols of
    // every value it has in a vocabulary facet, as filters see them (a region's parents, a
    // material's groups and members, a theme's pillar).
    for facet in [Facet::Region, Facet::Material, Facet::Theme, Facet::Stage] {
        let vocabulary = catalogue.vocabularies.get(facet.vocabulary().unwrap());
        for value in values(catalogue, &[], index, facet) {
            let term = vocabulary.term(value);
            label(&term.label, &mut out);
            out.push(term.id.to_string());
            out.extend(term.symbol.iter().map(|s| s.as_str().to_string()));
        }
    }
    out
}

/// The facet values of an entry, parents included, as value indices (see `Filters`).
pub fn values(catalogue: &Catalogue, years: &[i32], e: usize, facet: Facet) -> BTreeSet<usize> {
    let entry = &catalogue.entries()[e];
    let v = &catalogue.vocabularies;
    let up = |vocabulary: &Vocabulary, ids: Vec<&str>| -> BTreeSet<usize> {
        ids.into_iter().filter_map(|i| vocabulary.index_of(i)).flat_map(|i| vocabulary.with_ancestors(i)).collect()
    };
    match facet {
        Facet::Region => up(&v.regions, entry.common.location.iter().map(|l| l.region.as_str()).collect()),
        // A material group stands for each of its members too (and they for it), and a member
        // for every group it is in.
        Facet::Material => {
            let tagged: Vec<usize> =
                entry.common.materials.iter().filter_map(|i| v.materials.index_of(i.as_str())).collect();
            let mut out = up(&v.materials, entry.common.materials.iter().map(Id::as_str).collect());
            let members = tagged.into_iter().flat_map(|i| v.materials.with_descendants(i));
            out.extend(members.flat_map(|d| v.materials.with_ancestors(d)));
            out
        }
        Facet::Theme => up(&v.themes, entry.common.themes.iter().map(Id::as_str).collect()),
        Facet::Stage => up(&v.stages, entry.common.stages.iter().map(Id::as_str).collect()),
        Facet::Kind => [Kind::ALL.iter().position(|&k| k == entry.kind).unwrap()].into(),
        Facet::Status => [ReviewStatus::ALL.iter().position(|&s| s == entry.common.review.status).unwrap()].into(),
        Facet::Year => entry.years().iter().filter_map(|y| years.iter().position(|x| x == y)).collect(),
        Facet::Organisation => {
            let orgs: Vec<usize> = catalogue
                .entries()
                .iter()
                .enumerate()
                .filter(|(_, e)| e.kind == Kind::Organisation)
                .map(|(i, _)| i)
                .collect();
            let mut out = BTreeSet::new();
            for o in entry.organisations() {
                if let Some(i) = catalogue.index_of(o.as_str())
                    && let Some(p) = orgs.iter().position(|&x| x == i)
                {
                    out.insert(p);
                }
            }
            if let Some(p) = orgs.iter().position(|&x| x == e) {
                out.insert(p);
            }
            out
        }
    }
}

/// Resolves a field-filter value by id only (what the random queries use).
fn resolve(catalogue: &Catalogue, years: &[i32], facet: Facet, text: &str) -> Option<BTreeSet<usize>> {
    let v = &catalogue.vocabularies;
    let one = |x: Option<usize>| x.map(|i| BTreeSet::from([i]));
    match facet {
        Facet::Region => one(v.regions.index_of(text)),
        Facet::Material => one(v.materials.index_of(text)),
        Facet::Theme => one(v.themes.index_of(text)),
        Facet::Stage => one(v.stages.index_of(text)),
        Facet::Kind => one(Kind::ALL.iter().position(|k| k.id() == text)),
        Facet::Status => one(ReviewStatus::ALL.iter().position(|s| s.id() == text)),
        Facet::Year => text.parse::<i32>().ok().map(|y| years.iter().position(|&x| x == y).into_iter().collect()),
        Facet::Organisation => {
            let orgs: Vec<usize> = catalogue
                .entries()
                .iter()
                .enumerate()
                .filter(|(_, e)| e.kind == Kind::Organisation)
                .map(|(i, _)| i)
                .collect();
            one(catalogue.index_of(text).and_then(|i| orgs.iter().position(|&x| x == i)))
        }
    }
}

pub fn all_years(catalogue: &Catalogue) -> Vec<i32> {
    let mut years: Vec<i32> = catalogue.entries().iter().flat_map(|e| e.years()).collect();
    years.sort();
    years.dedup();
    years
}

/// For each entry: `None` if it fails the query (words, exclusions, field filters), else how
/// many query words it has. An entry must have every word; when none that the facet panel's
/// `filters` select has, those having the most words among the selected pass, and every entry
/// having at least as many, which the selections then narrow to the selected (so that a facet
/// count says what ticking its value too would show). When no selected entry has any word, the
/// most words of all entries.
pub fn query_matches(catalogue: &Catalogue, query: &Query, filters: &Filters) -> Vec<Option<usize>> {
    let most = most_words(catalogue, query, filters);
    words_and_fields(catalogue, query).into_iter().map(|f| f.filter(|&f| f >= most)).collect()
}

/// How many of the query's words the results have: the most that an entry the facet panel's
/// `filters` select has, or when none has any, the most of all entries (see [`query_matches`]).
pub fn most_words(catalogue: &Catalogue, query: &Query, filters: &Filters) -> usize {
    let years = all_years(catalogue);
    let found = words_and_fields(catalogue, query);
    let selected = found.iter().enumerate().filter(|&(e, _)| passes(catalogue, &years, e, filters, None));
    match selected.filter_map(|(_, f)| *f).max() {
        Some(most) => most,
        None => found.iter().flatten().copied().max().unwrap_or(0),
    }
}

/// [`query_matches`] before the words' requirement: entries with at least one word, and how
/// many they have.
fn words_and_fields(catalogue: &Catalogue, query: &Query) -> Vec<Option<usize>> {
    let years = all_years(catalogue);
    (0..catalogue.len())
        .map(|e| {
            let words: Vec<String> = texts(catalogue, e).iter().flat_map(|t| tokens(t)).map(|t| t.folded).collect();
            let found = query.words.iter().filter(|w| words.iter().any(|t| match_word(w, t).is_some())).count();
            if !query.words.is_empty() && found == 0 {
                return None;
            }
            for group in &query.exclusions {
                if group.iter().all(|x| words.iter().any(|t| match_exclusion(x, t))) {
                    return None;
                }
            }
            for facet in Facet::ALL {
                let filters: Vec<_> = query.fields.iter().filter(|f| f.facet == facet).collect();
                let mut wanted: Option<BTreeSet<usize>> = None;
                for f in filters {
                    let resolved: Vec<BTreeSet<usize>> =
                        f.values.iter().filter_map(|t| resolve(catalogue, &years, facet, t)).collect();
                    if resolved.is_empty() {
                        continue; // names nothing: ignored (and reported by the engine)
                    }
                    let vals: BTreeSet<usize> = resolved.into_iter().flatten().collect();
                    let has = !values(catalogue, &years, e, facet).is_disjoint(&vals);
                    if f.negated {
                        if has {
                            return None;
                        }
                    } else {
                        wanted.get_or_insert_with(BTreeSet::new).extend(vals);
                    }
                }
                if let Some(w) = wanted
                    && values(catalogue, &years, e, facet).is_disjoint(&w)
                {
                    return None;
                }
            }
            Some(found)
        })
        .collect()
}

fn passes(catalogue: &Catalogue, years: &[i32], e: usize, filters: &Filters, except: Option<Facet>) -> bool {
    Facet::ALL.into_iter().filter(|&f| Some(f) != except).all(|f| {
        let chosen = filters.selected(f);
        chosen.is_empty() || chosen.iter().any(|c| values(catalogue, years, e, f).contains(c))
    })
}

/// The entries the query and filters select.
pub fn brute_results(catalogue: &Catalogue, query: &Query, filters: &Filters) -> BTreeSet<usize> {
    let years = all_years(catalogue);
    query_matches(catalogue, query, filters)
        .iter()
        .enumerate()
        .filter(|(e, m)| m.is_some() && passes(catalogue, &years, *e, filters, None))
        .map(|(e, _)| e)
        .collect()
}

/// Whether, with no entry the facet panel keeps having every word, some entry outside it has
/// them all (the results' line then says "in this selection").
pub fn every_word_elsewhere(catalogue: &Catalogue, query: &Query, filters: &Filters) -> bool {
    let any_selection = Facet::ALL.into_iter().any(|f| !filters.selected(f).is_empty());
    any_selection && words_and_fields(catalogue, query).contains(&Some(query.words.len()))
}

/// The count of one facet value: entries passing the query and the other facets, having it.
/// When no entry the selections keep has every word, it is what ticking the value shows: the
/// results of the selections with it ticked too that have it.
pub fn brute_count(catalogue: &Catalogue, query: &Query, filters: &Filters, facet: Facet, value: usize) -> u32 {
    let years = all_years(catalogue);
    let most = most_words(catalogue, query, filters);
    if most > 0 && most < query.words.len() {
        let mut ticked = filters.clone();
        ticked.select(facet, value);
        let shown = brute_results(catalogue, query, &ticked);
        return shown.into_iter().filter(|&e| values(catalogue, &years, e, facet).contains(&value)).count() as u32;
    }
    query_matches(catalogue, query, filters)
        .iter()
        .enumerate()
        .filter(|(e, m)| {
            m.is_some()
                && passes(catalogue, &years, *e, filters, Some(facet))
                && values(catalogue, &years, *e, facet).contains(&value)
        })
        .count() as u32
}
