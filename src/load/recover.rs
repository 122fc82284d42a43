//! The slow path for a file the typed parse rejected: read it with places ([`super::tree`]),
//! check it against the schema ([`super::schema`]), report every problem, and keep every good
//! value, so that one bad address costs the address, not the entry.
//!
//! The checked values are handed to the same typed structs as the fast path, through a JSON
//! value, so an entry that loads here is the entry the fast path would have built.

use serde::de::DeserializeOwned;
use serde_json::{Map, Value as Json};

use super::locate::Lines;
use super::schema::{Need, Shape, Spec, Ty, describe, quoted};
use super::tree::{Node, Value};
use crate::diagnostic::{Diagnostic, fix_candidates, suggestion};
use crate::i18n::Said;
use crate::i18n::problems::{self as say, Found, Wanted};
use crate::model::{Date, Id, Kind, Refused, WebAddress};
use crate::text::Lang;

/// What the slow path found: every problem, and the value to build when the file loads.
pub struct Recovered<T> {
    pub problems: Vec<Diagnostic>,
    pub value: Option<T>,
    /// The file has syntax errors the reader stepped over: `value` holds what could be read,
    /// to be checked against the catalogue (ids, references), never loaded.
    pub broken: bool,
    /// The text to locate values in when it differs from the file's ([`super::syntax::Started`]).
    pub repaired: Option<String>,
}

/// Reads `text`, whose top must be `Name(…)` (or `(…)`) holding `fields`.
pub fn entry<T: DeserializeOwned>(file: &str, text: &str, name: &str, fields: &[Spec]) -> Recovered<T> {
    let started = super::syntax::start_and_read(file, text, Wanted::Code(format!("{name}(")), b'(');
    let broken = !started.errors.is_empty();
    let Some(node) = started.node else {
        return Recovered { problems: started.errors, value: None, broken, repaired: None };
    };
    let mut checker = Checker { file, text, problems: started.errors, lines: None, broken, repaired: started.repaired };
    if let Value::Struct { name: Some(found), .. } | Value::Tuple { name: Some(found), .. } = &node.value
        && found != name
    {
        let problem = checker
            .error("wrong-kind", node.start, node.start + found.len(), say::wrong_kind(found, name))
            .with_expected(Said::code(&format!("{name}(")));
        // Another kind's entry in this folder is checked as that kind, and not loaded: the
        // folder says what it lists. Any other name is a misspelling of the folder's kind,
        // which the folder makes certain: the entry reads as that kind, and `--fix` renames.
        if let Some(kind) = Kind::ALL.into_iter().find(|k| k.struct_name() == found) {
            checker.problems.push(problem.with_help(Some(say::move_the_file(found, name))));
            let _ = checker.structure(&node, found, &super::schema::entry_fields(kind));
            let mut recovered = checker.finish::<T>(None);
            recovered.repaired = None;
            return recovered;
        }
        checker.problems.push(problem.with_help(crate::i18n::did_you_mean(&[name])).with_candidates([name]));
    }
    let json = checker.structure(&node, name, fields);
    checker.finish(json)
}

/// Reads `text`, whose top must be a list of terms holding `fields`.
pub fn terms<T: DeserializeOwned>(file: &str, text: &str, fields: &'static [Spec]) -> Recovered<T> {
    let started = super::syntax::start_and_read(file, text, Wanted::ListOfTerms, b'[');
    let broken = !started.errors.is_empty();
    let Some(node) = started.node else {
        return Recovered { problems: started.errors, value: None, broken, repaired: None };
    };
    let mut checker = Checker { file, text, problems: started.errors, lines: None, broken, repaired: started.repaired };
    let term = Ty::Struct("term", fields);
    let json = match &node.value {
        Value::List(items) => {
            Some(Json::Array(items.iter().filter_map(|item| checker.value(item, &term, "term")).collect()))
        }
        _ => {
            checker.wrong_type(&node, &Ty::List(&Ty::One(Shape::Line)), "the file");
            None
        }
    };
    checker.finish(json)
}

struct Checker<'a> {
    file: &'a str,
    text: &'a str,
    problems: Vec<Diagnostic>,
    /// Positions are counted from an index: a file can hold a problem per value.
    lines: Option<Lines>,
    /// The file has syntax errors (already in `problems`).
    broken: bool,
    repaired: Option<String>,
}

impl Checker<'_> {
    fn error(&mut self, code: &'static str, start: usize, end: usize, message: Said) -> Diagnostic {
        let lines = self.lines.get_or_insert_with(|| Lines::new(self.text));
        let (start, end) = (lines.position(self.text, start), lines.position(self.text, end));
        Diagnostic::error(code, self.file, start, end, message)
    }

    fn finish<T: DeserializeOwned>(self, json: Option<Json>) -> Recovered<T> {
        let value = json.and_then(|json| serde_json::from_value::<T>(json).ok());
        // Syntax errors come first in the file's order, the rest as found.
        let mut problems = self.problems;
        problems.sort_by_key(|p| p.start);
        Recovered { problems, value, broken: self.broken, repaired: self.repaired }
    }

    fn wrong_type(&mut self, node: &Node, ty: &Ty, field: &str) {
        let problem = self
            .error("wrong-type", node.start, node.end, say::holds(field, what_is(&node.value)))
            .with_expected(describe(ty));
        self.problems.push(problem);
    }

    /// The fields of a struct: every unknown, repeated, bad or missing field is reported;
    /// `None` only when a field it cannot do without is missing or bad.
    fn structure(&mut self, node: &Node, shown: &str, specs: &[Spec]) -> Option<Json> {
        let (fields, close) = match &node.value {
            Value::Struct { fields, close, .. } => (fields.as_slice(), *close),
            Value::Tuple { items, .. } if items.is_empty() => (&[][..], node.end.saturating_sub(1)),
            _ => {
                let problem = self
                    .error("wrong-type", node.start, node.end, say::holds(shown, what_is(&node.value)))
                    .with_expected(say::fields_in_parentheses(specs.first().map_or("…", |s| s.name)));
                self.problems.push(problem);
                return None;
            }
        };
        let mut out = Map::new();
        let mut whole = true;
        let mut seen: Vec<&str> = Vec::new();
        // A misspelt required field is one mistake: its "did you mean" says it all.
        let mut suggested: Vec<&str> = Vec::new();
        let names: Vec<&str> = specs.iter().map(|s| s.name).collect();
        // A field already given is no fix: renaming to it would give it twice. Nor is a field
        // two misspellings could each become (`thems` and `themes2`): which one was meant?
        let free: Vec<&str> = names.iter().copied().filter(|n| !fields.iter().any(|f| f.name == *n)).collect();
        let renames: Vec<Vec<&str>> = fields
            .iter()
            .filter(|f| !names.contains(&f.name.as_str()))
            .map(|f| fix_candidates(&f.name, free.iter().copied()))
            .collect();
        let claimed = |name: &str| renames.iter().filter(|r| r.contains(&name)).count();
        for field in fields {
            let Some(spec) = specs.iter().find(|s| s.name == field.name) else {
                suggested.extend(crate::diagnostic::closest(&field.name, names.iter().copied()));
                let mut candidates = fix_candidates(&field.name, free.iter().copied());
                if candidates.iter().any(|c| claimed(c) > 1) {
                    candidates.clear();
                }
                let problem = self
                    .error("unknown-field", field.name_start, field.name_end, say::unknown_field(&field.name, shown))
                    .with_expected(say::one_of(&quoted(&names)))
                    .with_help(suggestion(&field.name, names.iter().copied()))
                    .with_candidates(candidates);
                self.problems.push(problem);
                continue;
            };
            if seen.contains(&spec.name) {
                let problem = self
                    .error("duplicate-field", field.name_start, field.name_end, say::given_twice(spec.name))
                    .with_help(Some(say::keep_one()));
                self.problems.push(problem);
                continue;
            }
            seen.push(spec.name);
            match self.value(&field.value, &spec.ty, spec.name) {
                Some(json) => {
                    out.insert(spec.name.to_string(), json);
                }
                None => match spec.need {
                    Need::Optional => {}
                    Need::Required => match placeholder(&spec.ty) {
                        Some(json) => {
                            out.insert(spec.name.to_string(), json);
                        }
                        None => whole = false,
                    },
                    Need::Identity => whole = false,
                },
            }
        }
        for spec in specs.iter().filter(|s| s.need != Need::Optional && !seen.contains(&s.name)) {
            let problem = self
                .error("missing-field", close, close + 1, say::missing_field(spec.name, shown))
                .with_expected(describe(&spec.ty))
                .with_help(Some(say::add_field(spec.name)));
            if !suggested.contains(&spec.name) {
                self.problems.push(problem);
            }
            match (spec.need, placeholder(&spec.ty)) {
                (Need::Required, Some(json)) => {
                    out.insert(spec.name.to_string(), json);
                }
                _ => whole = false,
            }
        }
        whole.then_some(Json::Object(out))
    }

    /// One value against its type; `None` when it is bad (and reported).
    fn value(&mut self, node: &Node, ty: &Ty, field: &str) -> Option<Json> {
        // `Some(x)` is allowed around any value and `None` stands for a value left out.
        if let Value::Tuple { name: Some(name), items } = &node.value
            && name == "Some"
            && items.len() == 1
        {
            return self.value(&items[0], ty, field);
        }
        if matches!(&node.value, Value::Ident(word) if word == "None") {
            return None;
        }
        // A value the reader could not read is reported as a syntax error already.
        if matches!(&node.value, Value::Broken) {
            return None;
        }
        match (ty, &node.value) {
            (Ty::One(Shape::Text), Value::Str(s)) => Some(Json::String(s.clone())),
            (Ty::One(Shape::Text), Value::Struct { name: None, fields, close }) => {
                let mut out = Map::new();
                for language in fields {
                    let Some(lang) = Lang::from_code(&language.name) else {
                        let problem = self
                            .error(
                                "unknown-field",
                                language.name_start,
                                language.name_end,
                                say::unknown_language(&language.name, field),
                            )
                            .with_expected(say::fr_or_en())
                            .with_help(suggestion(&language.name, ["fr", "en"]));
                        self.problems.push(problem);
                        continue;
                    };
                    match &language.value.value {
                        Value::Str(s) if !out.contains_key(lang.code()) => {
                            out.insert(lang.code().to_string(), Json::String(s.clone()));
                        }
                        Value::Str(_) => {
                            let problem = self.error(
                                "duplicate-field",
                                language.name_start,
                                language.name_end,
                                say::language_twice(&language.name),
                            );
                            self.problems.push(problem);
                        }
                        _ => self.wrong_type(&language.value, &Ty::One(Shape::Line), &language.name),
                    }
                }
                if out.is_empty() {
                    let problem = self
                        .error("wrong-type", node.start, *close + 1, say::no_text_in_any_language(field))
                        .with_expected(describe(&Ty::One(Shape::Text)));
                    self.problems.push(problem);
                    return None;
                }
                Some(Json::Object(out))
            }
            (Ty::One(Shape::Line), Value::Str(s)) => Some(Json::String(s.clone())),
            (Ty::One(Shape::Id) | Ty::One(Shape::Date) | Ty::One(Shape::Address), Value::Str(s))
                if s.trim().is_empty() =>
            {
                // A template's blank: say what to write, not that "" is malformed.
                let problem = self
                    .error("not-filled-in", node.start, node.end, say::not_filled_in(field))
                    .with_expected(describe(ty));
                self.problems.push(problem);
                None
            }
            (Ty::One(Shape::Id), Value::Str(s)) => self.checked(node, s, Id::parse(s).map(|_| ())),
            (Ty::One(Shape::Date), Value::Str(s)) => self.checked(node, s, Date::parse(s).map(|_| ())),
            (Ty::One(Shape::Address), Value::Str(s)) => {
                if s.contains('\n') {
                    let problem = self
                        .error("unclosed-string", node.start, node.start + 1, say::address_over_line_end(field))
                        .with_help(Some(say::close_the_address()));
                    self.problems.push(problem);
                    return None;
                }
                let Some((flaw, offset)) = WebAddress::flaw(s) else { return Some(Json::String(s.clone())) };
                // At the character at fault when the literal holds it as written (no escape
                // before it), else the whole string.
                let at = node.start + 1 + offset;
                let as_written = offset > 0 && self.text.get(node.start + 1..at) == Some(&s[..offset]);
                let (start, end) = if as_written {
                    // An escaped quote (`\"`) is marked whole.
                    let escape = usize::from(self.text.as_bytes().get(at) == Some(&b'\\'));
                    (at, at + escape + s[offset..].chars().next().map_or(1, char::len_utf8))
                } else {
                    (node.start, node.end)
                };
                let shown = crate::text::sanitize(s, crate::text::Lines::Single);
                let refused = Refused::Address { address: shown, flaw };
                let problem = self.error(refused.code(), start, end, say::refused(&refused));
                self.problems.push(problem);
                None
            }
            (Ty::One(Shape::Count), Value::Number(n)) if n.parse::<u32>().is_ok() => {
                n.parse::<u32>().ok().map(Json::from)
            }
            (Ty::One(Shape::Flag), Value::Ident(word)) if word == "true" || word == "false" => {
                Some(Json::Bool(word == "true"))
            }
            (Ty::One(Shape::Coordinates), Value::Tuple { name: None, items }) if items.len() == 2 => {
                let numbers: Vec<f64> = items
                    .iter()
                    .filter_map(|item| match &item.value {
                        Value::Number(n) => n.parse::<f64>().ok().filter(|f| f.is_finite()),
                        _ => None,
                    })
                    .collect();
                if numbers.len() == 2 {
                    Some(Json::Array(numbers.into_iter().map(Json::from).collect()))
                } else {
                    self.wrong_type(node, ty, field);
                    None
                }
            }
            (Ty::Choice(words, documented), Value::Ident(word)) => {
                if words.contains(&word.as_str()) {
                    return Some(Json::String(word.clone()));
                }
                let documented = &words[..*documented];
                let problem = self
                    .error("unknown-value", node.start, node.end, say::unknown_value(word, field))
                    .with_expected(say::one_of(&quoted(documented)))
                    .with_help(suggestion(word, documented.iter().copied()))
                    .with_candidates(fix_candidates(word, documented.iter().copied()));
                self.problems.push(problem);
                None
            }
            (Ty::Struct(shown, specs), _) => {
                let shown = if *shown == "term" { "term" } else { field };
                self.structure(node, shown, specs)
            }
            (Ty::List(item), Value::List(items)) => {
                Some(Json::Array(items.iter().filter_map(|node| self.value(node, item, field)).collect()))
            }
            _ => {
                self.wrong_type(node, ty, field);
                None
            }
        }
    }

    fn checked(&mut self, node: &Node, raw: &str, check: Result<(), Refused>) -> Option<Json> {
        match check {
            Ok(()) => Some(Json::String(raw.to_string())),
            Err(refused) => {
                let problem = self.error(refused.code(), node.start, node.end, say::refused(&refused));
                self.problems.push(problem);
                None
            }
        }
    }
}

/// The value a required field takes when it is missing or bad, so the entry still loads;
/// `None` when nothing can stand in for it.
fn placeholder(ty: &Ty) -> Option<Json> {
    match ty {
        Ty::One(Shape::Text) | Ty::One(Shape::Line) => Some(Json::String(String::new())),
        Ty::List(_) => Some(Json::Array(Vec::new())),
        Ty::One(Shape::Date) | Ty::One(Shape::Id) => Some(Json::Null),
        Ty::Choice(words, _) => Some(Json::String(words[0].to_string())),
        Ty::Struct(_, specs) => {
            let mut out = Map::new();
            for spec in specs.iter().filter(|s| s.need != Need::Optional) {
                out.insert(spec.name.to_string(), placeholder(&spec.ty)?);
            }
            Some(Json::Object(out))
        }
        Ty::One(Shape::Address) | Ty::One(Shape::Count) | Ty::One(Shape::Flag) | Ty::One(Shape::Coordinates) => None,
    }
}

fn what_is(value: &Value) -> Found {
    match value {
        Value::Str(_) => Found::Str,
        Value::Ident(_) => Found::BareWord,
        Value::Number(_) => Found::Number,
        Value::Char => Found::Char,
        Value::Struct { .. } => Found::Fields,
        Value::Tuple { .. } => Found::Values,
        Value::List(_) => Found::List,
        Value::Map => Found::Map,
        Value::Broken => Found::Unreadable,
    }
}
