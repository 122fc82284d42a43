//! The query box: free words, `field:value` filters and `-word` exclusions, in one string.

use std::ops::Range;

use super::Facet;
use super::fold::for_each_token;
use super::stop::is_stop_word;
use crate::i18n::{self, Said};

/// At most this many free words count; later ones are ignored (and reported).
pub const MAX_WORDS: usize = 16;

/// A `field:value[,value…]` filter typed in the query box. Values are kept as typed; the
/// engine resolves them against the catalogue (ids, symbols such as `nd`, labels).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FieldFilter {
    pub facet: Facet,
    /// OR-ed together, like values selected in one facet.
    pub values: Vec<String>,
    /// `-region:FRE12` excludes instead of selecting.
    pub negated: bool,
    /// Where it was typed, in bytes of the query string.
    pub span: Range<usize>,
}

/// Something the user typed that the query could not use, with where it is in the query.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct QueryError {
    pub span: Range<usize>,
    pub kind: QueryErrorKind,
}

/// What was wrong, for an interface to say in its own language.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum QueryErrorKind {
    /// `name:` is no field of the query box.
    UnknownField(String),
    /// More than [`MAX_WORDS`] free words.
    TooManyWords,
    /// `year:2030..2020`: a range that would select nothing, typed the wrong way round.
    ReversedYears(i32, i32),
}

impl QueryErrorKind {
    /// The problem as the search box shows it, beside the query.
    pub fn in_box(&self) -> Said {
        match self {
            QueryErrorKind::UnknownField(name) => i18n::unknown_query_field(name, &Facet::ALL.map(Facet::field_name)),
            QueryErrorKind::TooManyWords => i18n::too_many_words(MAX_WORDS),
            QueryErrorKind::ReversedYears(from, to) => i18n::commands::reversed_range(*from, *to),
        }
    }

    /// The problem as the command line says it (`--query: …`).
    pub fn on_command_line(&self) -> Said {
        match self {
            QueryErrorKind::UnknownField(name) => {
                let fields = Facet::ALL.map(Facet::field_name);
                i18n::unknown_query_field_listed(name, &fields, crate::diagnostic::closest(name, fields))
            }
            QueryErrorKind::TooManyWords => i18n::too_many_words(MAX_WORDS),
            QueryErrorKind::ReversedYears(from, to) => i18n::commands::reversed_range(*from, *to),
        }
    }
}

/// A parsed query. Parsing never fails: what cannot be used is listed in `errors`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Query {
    /// Folded free words, in order, stop words left out unless there is nothing else
    /// (`stop.rs`). An entry matches if it has every one of them; when none has, the entries
    /// having the most of them ([`Results::partial`](super::Results::partial)).
    pub words: Vec<String>,
    /// Each `-chunk`, as folded words: an entry having all the words of one chunk is excluded.
    pub exclusions: Vec<Vec<String>>,
    pub fields: Vec<FieldFilter>,
    pub errors: Vec<QueryError>,
}

/// The two years of a range typed the wrong way round (`2030..2020`).
fn reversed_years(value: &str) -> Option<(i32, i32)> {
    let (from, to) = value.split_once("..")?;
    let (from, to) = (from.trim().parse::<i32>().ok()?, to.trim().parse::<i32>().ok()?);
    (from > to).then_some((from, to))
}

impl Query {
    /// Parses the query box. Whitespace separates chunks; a chunk `name:value` is a field
    /// filter when `name` is letters only (unknown names are reported in `errors`); a chunk
    /// starting with `-` excludes; anything else is split into folded words.
    pub fn parse(text: &str) -> Query {
        let mut query = Query::default();
        // Stop words, kept aside: the query's words if it has no other.
        let mut stops: Vec<String> = Vec::new();
        for (start, chunk) in chunks(text) {
            let span = start..start + chunk.len();
            let (negated, body) = match chunk.strip_prefix('-') {
                Some(rest) if !rest.is_empty() => (true, rest),
                _ => (false, chunk),
            };
            if let Some((name, value)) = body.split_once(':')
                && !name.is_empty()
                && name.chars().all(|c| c.is_alphabetic())
            {
                match Facet::from_field_name(name) {
                    Some(facet) => {
                        let mut values: Vec<String> =
                            value.split(',').filter(|v| !v.is_empty()).map(str::to_string).collect();
                        if facet == Facet::Year {
                            values.retain(|v| match reversed_years(v) {
                                Some((from, to)) => {
                                    let kind = QueryErrorKind::ReversedYears(from, to);
                                    query.errors.push(QueryError { span: span.clone(), kind });
                                    false
                                }
                                None => true,
                            });
                        }
                        // `region:` while typing: nothing to filter on yet, and nothing wrong.
                        if !values.is_empty() {
                            query.fields.push(FieldFilter { facet, values, negated, span });
                        }
                    }
                    None => query.errors.push(QueryError {
                        span,
                        kind: QueryErrorKind::UnknownField(crate::text::sanitize(name, crate::text::Lines::Single)),
                    }),
                }
                continue;
            }
            let mut words = Vec::new();
            for_each_token(body, |_, folded| words.push(folded.to_string()));
            if negated {
                if !words.is_empty() {
                    query.exclusions.push(words);
                }
            } else {
                for word in words {
                    let kept = if is_stop_word(&word) { &mut stops } else { &mut query.words };
                    if kept.len() == MAX_WORDS {
                        query.errors.push(QueryError { span: span.clone(), kind: QueryErrorKind::TooManyWords });
                        break;
                    }
                    kept.push(word);
                }
            }
        }
        if query.words.is_empty() {
            query.words = stops;
        }
        query
    }

    /// Whether the query asks for nothing at all (no words, filters or exclusions).
    pub fn is_empty(&self) -> bool {
        self.words.is_empty() && self.exclusions.is_empty() && self.fields.is_empty()
    }
}

/// The whitespace-separated chunks of `text`, with their byte offsets.
fn chunks(text: &str) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices() {
        if c.is_whitespace() {
            if let Some(s) = start.take() {
                out.push((s, &text[s..i]));
            }
        } else if start.is_none() {
            start = Some(i);
        }
    }
    if let Some(s) = start {
        out.push((s, &text[s..]));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_fields_and_exclusions() {
        let q = Query::parse("Terres  rares region:FRE12 mat:nd,pr -Béthune -kind:event foo:bar");
        assert_eq!(q.words, ["terres", "rares"]);
        assert_eq!(q.exclusions, [vec!["bethune".to_string()]]);
        assert_eq!(q.fields.len(), 3);
        assert_eq!(q.fields[0].facet, Facet::Region);
        assert_eq!(q.fields[1].values, ["nd", "pr"]);
        assert!(q.fields[2].negated);
        assert_eq!(q.errors.len(), 1);
        assert!(q.errors[0].kind.on_command_line().get(crate::text::Lang::En).contains("foo"));
        let text = "Terres  rares region:FRE12 mat:nd,pr -Béthune -kind:event foo:bar";
        assert_eq!(&text[q.errors[0].span.clone()], "foo:bar");
        assert_eq!(&text[q.fields[0].span.clone()], "region:FRE12");
    }

    #[test]
    fn stop_words_are_dropped_unless_alone() {
        assert_eq!(Query::parse("recyclage des aimants permanents").words, ["recyclage", "aimants", "permanents"]);
        assert_eq!(Query::parse("The recycling of magnets").words, ["recycling", "magnets"]);
        assert_eq!(Query::parse("l'économie d'énergie").words, ["economie", "energie"]);
        assert_eq!(Query::parse("des").words, ["des"], "alone, a stop word still searches");
        assert_eq!(Query::parse("the of").words, ["the", "of"]);
    }

    #[test]
    fn spans_survive_wide_whitespace() {
        let text = "a\u{3000}zz:1\u{a0}region:FR";
        let q = Query::parse(text);
        assert_eq!(&text[q.errors[0].span.clone()], "zz:1");
        assert_eq!(&text[q.fields[0].span.clone()], "region:FR");
    }

    #[test]
    fn a_reversed_year_range_is_said_and_filters_nothing_away() {
        let q = Query::parse("aimant year:2030..2020,2024");
        assert_eq!(q.errors.len(), 1, "{q:?}");
        assert_eq!(q.errors[0].kind, QueryErrorKind::ReversedYears(2030, 2020));
        assert_eq!(
            q.errors[0].kind.in_box().get(crate::text::Lang::En),
            "the range 2030..2020 is reversed: write 2020..2030"
        );
        assert_eq!(q.fields.len(), 1);
        assert_eq!(q.fields[0].values, ["2024"], "the other value still filters");
        assert!(Query::parse("year:2020..2030").errors.is_empty());
        assert!(Query::parse("year:2030..2020").fields.is_empty());
    }

    #[test]
    fn a_lone_dash_and_empty_values_are_harmless() {
        let q = Query::parse("- region: x-y");
        assert!(q.errors.is_empty());
        assert!(q.fields.is_empty());
        assert_eq!(q.words, ["x", "y"]);
    }
}
