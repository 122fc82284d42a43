//! The canonical layout of a catalogue file:
//! - fields in the order of the schema (unknown fields after them, as they came);
//! - four spaces per level; the entry itself and a vocabulary's list of terms one member per
//!   line;
//! - any other bracketed value (a list, a per-language text, a source, a location) on one line
//!   when it fits in [`WIDTH`] columns and holds no comment or line break, else one member
//!   per line, whatever field it is in: the same rule everywhere;
//! - a trailing comma after every field and list item (none in tuples such as `Some(…)`);
//! - comments where they were: on the lines before their field or item, or after it on its
//!   line; a blank line before a field or comment is kept (one at most).

use super::cst::{Comment, Doc, Field, Member, Seq, Value};
use crate::load::schema::{Spec, Ty};
use crate::model::Kind;

/// The widest line the layout makes (a long string alone may be wider).
pub const WIDTH: usize = 120;
const INDENT: usize = 4;

/// What the schema says about a value: the order of its fields, and its members' schemas.
#[derive(Clone, Copy)]
pub enum Schema {
    Unknown,
    Entry(Kind),
    /// A vocabulary's term (any vocabulary: the union of their fields).
    Term,
    Terms,
    Ty(Ty),
}

const TERM_ORDER: &[&str] = &["id", "label", "parent", "parents", "coordinates", "symbol", "critical", "strategic"];

impl Schema {
    fn specs(self) -> Option<Vec<Spec>> {
        match self {
            Schema::Entry(kind) => Some(crate::load::schema::entry_fields(kind)),
            Schema::Ty(Ty::Struct(_, specs)) => Some(specs.to_vec()),
            _ => None,
        }
    }

    /// Where a field goes: its place in the schema, or after every known field.
    fn rank(self, name: &str) -> usize {
        match self {
            Schema::Term => TERM_ORDER.iter().position(|n| *n == name).unwrap_or(TERM_ORDER.len()),
            _ => match self.specs() {
                Some(specs) => specs.iter().position(|s| s.name == name).unwrap_or(specs.len()),
                None => 0,
            },
        }
    }

    fn field(self, name: &str) -> Schema {
        match self.specs().and_then(|specs| specs.into_iter().find(|s| s.name == name)) {
            Some(spec) => Schema::Ty(spec.ty),
            None => Schema::Unknown,
        }
    }

    fn item(self) -> Schema {
        match self {
            Schema::Terms => Schema::Term,
            Schema::Ty(Ty::List(item)) => Schema::Ty(*item),
            _ => Schema::Unknown,
        }
    }
}

pub fn print(doc: &Doc, schema: Schema) -> String {
    let mut out = String::new();
    comment_lines(&mut out, &doc.head, 0, false);
    if !doc.head.is_empty() && doc.blank_before_value {
        out.push('\n');
    }
    value(&mut out, &doc.value, schema, 0, 0, true);
    out.push('\n');
    comment_lines(&mut out, &doc.tail, 0, true);
    out
}

/// Comments on lines of their own; `after_code`: a blank line before the first is kept too.
fn comment_lines(out: &mut String, comments: &[Comment], indent: usize, after_code: bool) {
    for (i, comment) in comments.iter().enumerate() {
        if comment.blank_before && (i > 0 || after_code) {
            out.push('\n');
        }
        push_indent(out, indent);
        out.push_str(&comment.text);
        out.push('\n');
    }
}

fn push_indent(out: &mut String, indent: usize) {
    out.extend(std::iter::repeat_n(' ', indent));
}

fn no_comments<T>(seq: &Seq<T>) -> bool {
    seq.dangling.is_empty() && seq.members.iter().all(|m| m.before.is_empty() && m.after.is_empty())
}

/// The fields in schema order (a stable sort: repeated and unknown fields keep their order).
fn ordered(fields: &Seq<Field>, schema: Schema) -> Vec<&Member<Field>> {
    let mut members: Vec<&Member<Field>> = fields.members.iter().collect();
    members.sort_by_key(|m| schema.rank(m.item.plain_name()));
    members
}

/// The value on one line, if it can be: no comment and no line break inside.
fn inline(value: &Value, schema: Schema) -> Option<String> {
    match value {
        Value::Scalar(text) => (!text.contains('\n') && !text.contains('\r')).then(|| text.clone()),
        Value::Struct { name, fields } => {
            if !no_comments(fields) {
                return None;
            }
            let parts: Option<Vec<String>> = ordered(fields, schema)
                .into_iter()
                .map(|m| {
                    Some(format!("{}: {}", m.item.name, inline(&m.item.value, schema.field(m.item.plain_name()))?))
                })
                .collect();
            Some(format!("{}({})", name.as_deref().unwrap_or(""), parts?.join(", ")))
        }
        Value::Tuple { name, items } => {
            let parts = inline_items(items, Schema::Unknown)?;
            Some(format!("{}({parts})", name.as_deref().unwrap_or("")))
        }
        Value::List(items) => Some(format!("[{}]", inline_items(items, schema.item())?)),
        Value::Map(entries) => {
            if !no_comments(entries) {
                return None;
            }
            let parts: Option<Vec<String>> = entries
                .members
                .iter()
                .map(|m| {
                    Some(format!("{}: {}", inline(&m.item.0, Schema::Unknown)?, inline(&m.item.1, Schema::Unknown)?))
                })
                .collect();
            Some(format!("{{{}}}", parts?.join(", ")))
        }
    }
}

fn inline_items(items: &Seq<Value>, schema: Schema) -> Option<String> {
    if !no_comments(items) {
        return None;
    }
    let parts: Option<Vec<String>> = items.members.iter().map(|m| inline(&m.item, schema)).collect();
    Some(parts?.join(", "))
}

/// Writes `value` whose first character lands at column `lead`; its members, if on lines of
/// their own, at `indent + 4`. `top`: the entry or the list of terms, always one member per
/// line.
fn value(out: &mut String, value: &Value, schema: Schema, indent: usize, lead: usize, top: bool) {
    if !top
        && let Some(line) = inline(value, schema)
        // The comma after it counts.
        && lead + line.chars().count() < WIDTH
    {
        out.push_str(&line);
        return;
    }
    match value {
        Value::Scalar(text) => out.push_str(text),
        Value::Struct { name, fields } => {
            out.push_str(name.as_deref().unwrap_or(""));
            out.push('(');
            let members = ordered(fields, schema);
            expanded(out, &members, &fields.dangling, indent, true, |out, field, lead| {
                out.push_str(&field.name);
                out.push_str(": ");
                let lead = lead + field.name.chars().count() + 2;
                self::value(out, &field.value, schema.field(field.plain_name()), indent + INDENT, lead, false);
            });
            push_indent(out, indent);
            out.push(')');
        }
        Value::Tuple { name, items } => {
            out.push_str(name.as_deref().unwrap_or(""));
            out.push('(');
            let members: Vec<&Member<Value>> = items.members.iter().collect();
            expanded(out, &members, &items.dangling, indent, false, |out, item, lead| {
                self::value(out, item, Schema::Unknown, indent + INDENT, lead, false);
            });
            push_indent(out, indent);
            out.push(')');
        }
        Value::List(items) => {
            out.push('[');
            let members: Vec<&Member<Value>> = items.members.iter().collect();
            let item = if top { Schema::Term } else { schema.item() };
            expanded(out, &members, &items.dangling, indent, true, |out, value, lead| {
                self::value(out, value, item, indent + INDENT, lead, false);
            });
            push_indent(out, indent);
            out.push(']');
        }
        Value::Map(entries) => {
            out.push('{');
            let members: Vec<&Member<(Value, Value)>> = entries.members.iter().collect();
            expanded(out, &members, &entries.dangling, indent, true, |out, (key, entry), lead| {
                let key_text = inline(key, Schema::Unknown).unwrap_or_default();
                if key_text.is_empty() {
                    self::value(out, key, Schema::Unknown, indent + INDENT, lead, false);
                } else {
                    out.push_str(&key_text);
                }
                out.push_str(": ");
                let lead = lead + key_text.chars().count() + 2;
                self::value(out, entry, Schema::Unknown, indent + INDENT, lead, false);
            });
            push_indent(out, indent);
            out.push('}');
        }
    }
}

/// Members one per line after an opening bracket already written, up to the line of the
/// closing bracket (which the caller writes at `indent`).
fn expanded<T>(
    out: &mut String,
    members: &[&Member<T>],
    dangling: &[Comment],
    indent: usize,
    last_comma: bool,
    mut item: impl FnMut(&mut String, &T, usize),
) {
    out.push('\n');
    let inner = indent + INDENT;
    for (i, member) in members.iter().enumerate() {
        if i > 0 && member.blank_before {
            out.push('\n');
        }
        comment_lines(out, &member.before, inner, false);
        push_indent(out, inner);
        item(out, &member.item, inner);
        if last_comma || i + 1 < members.len() {
            out.push(',');
        }
        // Comments after it on its line; a line comment ends the line, so any comment after
        // one goes on the next line.
        let mut rest = member.after.as_slice();
        while let Some((comment, more)) = rest.split_first() {
            out.push(' ');
            out.push_str(&comment.text);
            rest = more;
            if comment.is_line() {
                break;
            }
        }
        out.push('\n');
        for comment in rest {
            push_indent(out, inner);
            out.push_str(&comment.text);
            out.push('\n');
        }
    }
    comment_lines(out, dangling, inner, !members.is_empty());
}
