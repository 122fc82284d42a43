//! Facet values and field filters as a user types them on a command line (`--region FRE12`,
//! `--query 'mat:nd'`), checked against a catalogue: what `boucle list` refuses and what the
//! dashboard refuses to start on, in the same words, with the closest known values.

use super::{Engine, Facet, Filters, Query};
use crate::i18n::{self, Said};
use crate::model::Entries;

/// The ids closest to `wanted`, best first: those containing it, then by edit similarity.
pub fn closest<'a>(wanted: &str, candidates: impl Iterator<Item = &'a str>, count: usize) -> Vec<&'a str> {
    let wanted_lower = wanted.to_lowercase();
    let mut scored: Vec<(f64, &str)> = candidates
        .map(|c| {
            let lower = c.to_lowercase();
            let contains = !wanted_lower.is_empty() && (lower.contains(&wanted_lower) || wanted_lower.contains(&lower));
            let similarity = strsim::jaro_winkler(&wanted_lower, &lower);
            (if contains { 1.0 + similarity } else { similarity }, c)
        })
        .filter(|(s, _)| *s >= 0.75)
        .collect();
    scored.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(b.1)));
    scored.into_iter().take(count).map(|(_, c)| c).collect()
}

/// The names a `facet` filter takes that suggestions are drawn from: the values' ids, and for
/// kinds their French words too (`kind:visite`), since both are taken.
fn known_names(engine: &Engine, catalogue: &dyn Entries, facet: Facet) -> Vec<String> {
    let mut ids: Vec<String> = (0..engine.value_count(facet)).map(|v| engine.value_id(catalogue, facet, v)).collect();
    if facet == Facet::Kind {
        for kind in crate::model::Kind::ALL {
            if !ids.iter().any(|id| id == kind.french_id()) {
                ids.push(kind.french_id().to_string());
            }
        }
    }
    ids
}

/// The known names closest to a `facet` value that names nothing, best first (at most three):
/// the dashboard's query line offers them as the command line does.
pub fn suggestions(engine: &Engine, catalogue: &dyn Entries, facet: Facet, text: &str) -> Vec<String> {
    let names = known_names(engine, catalogue, facet);
    closest(text, names.iter().map(String::as_str), 3).into_iter().map(str::to_string).collect()
}

/// `unknown region "ZZ99" — did you mean …`, with up to three known values.
pub fn unknown_value(engine: &Engine, catalogue: &dyn Entries, facet: Facet, text: &str) -> Said {
    let ids = known_names(engine, catalogue, facet);
    let shown = crate::text::sanitize(text, crate::text::Lines::Single);
    let suggestions = closest(text, ids.iter().map(String::as_str), 3);
    let message = i18n::unknown_value(facet, &shown, &suggestions);
    if !suggestions.is_empty() || ids.is_empty() {
        return message;
    }
    // Nothing close: the known values (the first few of a long list) show what is expected.
    const SHOWN: usize = 8;
    let first: Vec<&str> = ids.iter().take(SHOWN).map(String::as_str).collect();
    message.then(|_| " — ", &i18n::known_values(&first, ids.len()))
}

/// The filters `asked` (facet, value as typed) select, or every problem with them and with
/// `query`'s field filters, one line each (`--region: unknown region "ZZ99" …`). A year or
/// range with no entries is valid and selects nothing: it is in `empty_years`.
pub fn resolve(
    engine: &Engine,
    catalogue: &dyn Entries,
    asked: &[(Facet, String)],
    query: &Query,
) -> Result<Resolved, Vec<Said>> {
    let mut resolved = Resolved::default();
    let mut problems = Vec::new();
    let flagged = |flag: &'static str, said: Said| Said::by(|lang| format!("{flag}: {}", said.get(lang)));
    for (facet, text) in asked {
        match engine.resolve_value(catalogue, *facet, text) {
            Some(values) if !values.is_empty() => values.into_iter().for_each(|v| resolved.filters.select(*facet, v)),
            Some(_) => resolved.empty_years.push(text.clone()),
            None => problems.push(flagged(facet.flag(), unknown_value(engine, catalogue, *facet, text))),
        }
    }
    problems.extend(query.errors.iter().map(|e| flagged("--query", e.kind.on_command_line())));
    for field in &query.fields {
        for text in &field.values {
            if engine.resolve_value(catalogue, field.facet, text).is_none() {
                problems.push(flagged("--query", unknown_value(engine, catalogue, field.facet, text)));
            }
        }
    }
    if problems.is_empty() { Ok(resolved) } else { Err(problems) }
}

/// What [`resolve`] found.
#[derive(Clone, Debug, Default)]
pub struct Resolved {
    pub filters: Filters,
    /// Years and ranges, as typed, that no entry has: they select nothing.
    pub empty_years: Vec<String>,
}
