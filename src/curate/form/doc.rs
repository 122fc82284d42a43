//! Reading and changing one value of an entry's document ([`cst::Doc`]) by its path: the form
//! changes only the values the curator edited, so every other value, and every comment, stays
//! as written.

use super::super::fmt::cst::{Comment, Doc, Field, Member, Seq, Value};

/// A step of a path into a document: a field of a struct, or an item of a list.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Step {
    Field(&'static str),
    Item(usize),
}

/// The value at `path`, if the document has one there.
pub fn get<'a>(doc: &'a Doc, path: &[Step]) -> Option<&'a Value> {
    let mut value = &doc.value;
    for step in path {
        value = match (step, value) {
            (Step::Field(name), Value::Struct { fields, .. }) => {
                &fields.members.iter().rev().find(|m| m.item.plain_name() == *name)?.item.value
            }
            (Step::Item(i), Value::List(items)) => &items.members.get(*i)?.item,
            _ => return None,
        };
    }
    Some(value)
}

/// Puts `value` at `path` (`None`: removes what is there), making the structs and lists on
/// the way when they are missing. A removed field's comments go to the member after it, or
/// before the closing bracket: none is lost.
pub fn set(doc: &mut Doc, path: &[Step], value: Option<Value>) {
    set_in(&mut doc.value, path, value);
}

fn set_in(at: &mut Value, path: &[Step], value: Option<Value>) {
    let Some((step, rest)) = path.split_first() else {
        if let Some(value) = value {
            *at = value;
        }
        return;
    };
    match step {
        Step::Field(name) => {
            if !matches!(at, Value::Struct { .. }) {
                if value.is_none() {
                    return;
                }
                // `GoodPractice()` reads as an empty tuple: its name is the struct's.
                let name = match at {
                    Value::Tuple { name, items } if items.members.is_empty() => name.take(),
                    _ => None,
                };
                *at = Value::Struct { name, fields: Seq::default() };
            }
            let Value::Struct { fields, .. } = at else { return };
            let found = fields.members.iter().rposition(|m| m.item.plain_name() == *name);
            match (found, rest.is_empty(), value) {
                (Some(i), true, None) => remove(fields, i),
                (Some(i), _, value) => set_in(&mut fields.members[i].item.value, rest, value),
                (None, _, None) => {}
                (None, _, Some(value)) => {
                    let mut new = Value::Scalar(String::new());
                    set_in(&mut new, rest, Some(value));
                    fields.members.push(member(Field { name: (*name).to_string(), value: new }));
                }
            }
        }
        Step::Item(i) => {
            if !matches!(at, Value::List(_)) {
                if value.is_none() {
                    return;
                }
                *at = Value::List(Seq::default());
            }
            let Value::List(items) = at else { return };
            match (items.members.len() > *i, rest.is_empty(), value) {
                (true, true, None) => remove(items, *i),
                (true, _, value) => set_in(&mut items.members[*i].item, rest, value),
                (false, _, None) => {}
                (false, _, Some(value)) => {
                    let mut new = Value::Scalar(String::new());
                    set_in(&mut new, rest, Some(value));
                    items.members.push(member(new));
                }
            }
        }
    }
}

fn member<T>(item: T) -> Member<T> {
    Member { before: Vec::new(), blank_before: false, item, after: Vec::new() }
}

fn remove<T>(seq: &mut Seq<T>, index: usize) {
    let gone = seq.members.remove(index);
    let comments: Vec<Comment> = gone.before.into_iter().chain(gone.after).collect();
    match seq.members.get_mut(index) {
        Some(next) => {
            let mut moved = comments;
            moved.append(&mut next.before);
            next.before = moved;
        }
        None => seq.dangling.extend(comments),
    }
}

/// A list of strings, keeping the members (and their comments) of the ids still chosen.
pub fn string_list(old: Option<&Value>, ids: &[String]) -> Value {
    let mut seq: Seq<Value> = match old {
        Some(Value::List(seq)) => seq.clone(),
        _ => Seq::default(),
    };
    seq.members.retain(|m| matches!(&m.item, Value::Scalar(s) if unquote(s).is_some_and(|id| ids.contains(&id))));
    for id in ids {
        let present =
            seq.members.iter().any(|m| matches!(&m.item, Value::Scalar(s) if unquote(s).as_ref() == Some(id)));
        if !present {
            seq.members.push(member(Value::Scalar(quote(id))));
        }
    }
    Value::List(seq)
}

/// A string as RON writes it, escaped.
pub fn quote(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            c if c.is_control() => out.push_str(&format!("\\u{{{:x}}}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// The text of a string scalar as written (`"…"`, `r#"…"#`), or `None` for anything else.
pub fn unquote(scalar: &str) -> Option<String> {
    if !(scalar.starts_with('"') || scalar.starts_with('r')) {
        return None;
    }
    crate::load::ron_options().from_str::<String>(scalar).ok()
}

/// The list's strings, when every member is one.
pub fn strings(value: &Value) -> Option<Vec<String>> {
    match value {
        Value::List(seq) => seq
            .members
            .iter()
            .map(|m| match &m.item {
                Value::Scalar(s) => unquote(s),
                _ => None,
            })
            .collect(),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::curate::fmt::cst::parse;

    #[test]
    fn a_value_set_keeps_the_comments_around_it_and_a_removed_one_moves_them() {
        let text =
            "GoodPractice(\n    // the title\n    title: \"a\",\n    // why it matters\n    summary: \"b\",\n)\n";
        let mut doc = parse(text).unwrap();
        set(&mut doc, &[Step::Field("title"), Step::Field("fr")], Some(Value::Scalar(quote("Titre \"x\""))));
        set(&mut doc, &[Step::Field("summary")], None);
        set(&mut doc, &[Step::Field("materials")], Some(string_list(None, &["lead".into()])));
        let printed = crate::curate::fmt::print_entry(&doc, crate::model::Kind::GoodPractice);
        assert!(printed.contains("// the title") && printed.contains("// why it matters"), "{printed}");
        assert!(printed.contains(r#"title: (fr: "Titre \"x\"")"#), "{printed}");
        assert!(!printed.contains("summary"), "{printed}");
        let again = parse(&printed).unwrap();
        let title = get(&again, &[Step::Field("title"), Step::Field("fr")]).unwrap();
        assert!(matches!(title, Value::Scalar(s) if unquote(s).as_deref() == Some("Titre \"x\"")));
        assert_eq!(strings(get(&again, &[Step::Field("materials")]).unwrap()), Some(vec!["lead".to_string()]));
    }

    #[test]
    fn a_list_keeps_the_comments_of_the_ids_still_chosen() {
        let doc =
            parse("X(\n    materials: [\n        // kept\n        \"lead\",\n        \"zinc\",\n    ],\n)").unwrap();
        let old = get(&doc, &[Step::Field("materials")]);
        let Value::List(seq) = string_list(old, &["lead".into(), "cobalt".into()]) else { panic!() };
        let ids: Vec<String> = seq.members.iter().map(|m| format!("{:?}", m.item)).collect();
        assert_eq!(seq.members.len(), 2, "{ids:?}");
        assert_eq!(seq.members[0].before[0].text, "// kept");
    }
}
