//! Markdown for lists of entries (`boucle list --format md`), and the escaping every Markdown
//! writer shares. One entry in full is the handout's (`handout/md.rs`), for `show` as for
//! `export`.

use std::io::{self, Write};

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
