//! Markdown, for reading in a terminal or pasting into a handout: one entry in full, or a list
//! of entries as a table.

use std::io::{self, Write};

use super::doc::{Block, EntryDoc, EntryName, Value};
use super::row::Row;
use super::table::{cells, columns};
use crate::text::Lang;

/// Text made inert inside a table cell or a line: `|` would end the cell, and `*`, `_`, `` ` ``,
/// `[`, `]`, `<`, `>` would turn a title into emphasis, code, a link or HTML.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' | '|' | '*' | '_' | '`' | '[' | ']' | '<' | '>' => {
                out.push('\\');
                out.push(c);
            }
            '\n' => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

/// An address as an autolink; a `|` in it, rare but legal, is encoded so the cell holds.
fn autolink(address: &str) -> String {
    format!("<{}>", address.replace('|', "%7C"))
}

fn entry_name(name: &EntryName) -> String {
    match &name.title {
        Some(title) => format!("{} (`{}`)", escape(title), name.id),
        None => format!("`{}`", name.id),
    }
}

/// A value with the ids a reader can look up or filter by.
fn value(value: &Value) -> String {
    let join = |items: Vec<String>| items.join(", ");
    match value {
        Value::Text(text) => escape(text),
        Value::Address(address) => autolink(address),
        Value::Terms { terms, .. } => join(
            terms
                .iter()
                .map(|t| {
                    if t.label.is_empty() { escape(&t.id) } else { format!("{} ({})", escape(&t.label), escape(&t.id)) }
                })
                .collect(),
        ),
        Value::Entries(names) => join(names.iter().map(entry_name).collect()),
    }
}

/// One entry in full, its blocks in the document's order. Ends with one newline.
pub fn entry(doc: &EntryDoc) -> String {
    let mut md = format!("# {}\n\n", escape(&doc.title));
    let mut facts = vec![format!("*{}*", doc.kind_word), format!("`{}`", doc.id)];
    facts.extend(doc.place.iter().chain(&doc.dates).map(|f| escape(f)));
    md.push_str(&format!("{}\n\n", facts.join(" · ")));
    if !doc.summary.is_empty() {
        md.push_str(&format!("> {}\n\n", doc.summary.replace('\n', " ")));
    }
    for block in &doc.blocks {
        match block {
            Block::Fields(fields) => {
                md.push_str("| | |\n|---|---|\n");
                for field in fields {
                    md.push_str(&format!("| {} | {} |\n", escape(field.label), value(&field.value)));
                }
            }
            Block::Prose { label, text } => md.push_str(&format!("## {label}\n\n{}\n", text.trim_end())),
            Block::Stops { label, stops } => {
                md.push_str(&format!("## {label}\n\n"));
                for stop in stops {
                    md.push_str(&format!("{}. {}\n", stop.number, entry_name(&stop.entry)));
                    if let Some(note) = &stop.note {
                        md.push_str(&format!("   *{}*\n", note.replace('\n', " ")));
                    }
                }
            }
            Block::Links { label, links } => {
                md.push_str(&format!("## {label}\n\n"));
                for link in links {
                    md.push_str(&format!("- {} (`{}`) · *{}*\n", escape(&link.title), link.id, link.kind_word));
                }
            }
            Block::Sources { label, sources } => {
                md.push_str(&format!("## {label}\n\n"));
                for s in sources {
                    let date = s.date.as_ref().map(|d| format!(" ({d})")).unwrap_or_default();
                    md.push_str(&format!("- [{}]({}){date}\n", escape(&s.title), autolink(&s.address)));
                }
            }
            Block::Review { label, review } => {
                md.push_str(&format!("## {label}\n\n"));
                md.push_str(&format!("{} — {} {}\n", review.status_word, review.checked_word, review.checked));
                if let Some(note) = &review.note {
                    md.push_str(&format!("\n{}\n", note.trim_end()));
                }
            }
        }
        md.push('\n');
    }
    while md.ends_with("\n\n") {
        md.pop();
    }
    md
}

/// A list of entries as a table: the columns of `boucle list`, the id as code.
pub fn write_rows(rows: &[Row], lang: Lang, out: &mut dyn Write) -> io::Result<()> {
    let header = columns(lang);
    writeln!(out, "| {} |", header.join(" | "))?;
    writeln!(out, "|{}", "---|".repeat(header.len()))?;
    for row in rows {
        let [title, kind, region, years, id] = cells(row);
        writeln!(out, "| {} | {} | {} | {} | `{id}` |", escape(&title), escape(&kind), escape(&region), years)?;
    }
    Ok(())
}
