//! The Markdown handout: readable as plain text, printed, or rendered. Every piece of catalogue
//! text is escaped (inline metacharacters, and whatever would start a heading, a quote or a
//! list at the start of a line), and only web addresses become links.

use std::fmt::Write;

use super::super::doc::{Block, EntryDoc, Value};
use super::super::markdown::escape;
use super::{Handout, Item, web_address};
use crate::i18n::{Word, with_colon, word};
use crate::text::Lang;

/// A line of catalogue text made inert: inline escapes, then a backslash before anything that
/// would make the line a heading, quote, list item, rule or table.
pub fn line(text: &str) -> String {
    let escaped = escape(text);
    let trimmed = escaped.trim_start();
    let starts_block = trimmed.starts_with(['#', '>', '-', '+', '=', '~'])
        || trimmed.split_once(['.', ')']).is_some_and(|(n, _)| !n.is_empty() && n.chars().all(|c| c.is_ascii_digit()));
    if starts_block { format!("\\{trimmed}") } else { trimmed.to_string() }
}

/// Paragraphs of catalogue text: each line made inert, lines of a paragraph kept apart by a
/// hard break, blank lines kept as paragraph breaks. Ends with one newline.
pub fn paragraphs(text: &str) -> String {
    let mut paragraphs: Vec<Vec<String>> = vec![Vec::new()];
    for raw in text.trim_end().split('\n') {
        match paragraphs.last_mut() {
            Some(current) if raw.trim().is_empty() && !current.is_empty() => paragraphs.push(Vec::new()),
            Some(current) if !raw.trim().is_empty() => current.push(line(raw)),
            _ => {}
        }
    }
    let mut out: Vec<String> = paragraphs.into_iter().filter(|p| !p.is_empty()).map(|p| p.join("  \n")).collect();
    if out.is_empty() {
        return String::new();
    }
    out.push(String::new());
    out.join("\n\n").trim_end().to_string() + "\n"
}

/// A link when the address is a web address; else the title alone (the address dropped).
pub fn link(title: &str, address: &str) -> String {
    match web_address(address) {
        Some(url) => format!("[{}](<{}>)", escape(title), url.replace('|', "%7C")),
        None => escape(title),
    }
}

fn value(value: &Value) -> String {
    match value {
        Value::Address(address) => match web_address(address) {
            Some(url) => format!("<{}>", url.replace('|', "%7C")),
            None => String::new(),
        },
        other => escape(&other.plain()),
    }
}

pub fn handout(h: &Handout) -> String {
    let mut md = format!("# {}\n\n", line(&h.title));
    for intro in h.intro.iter().filter(|l| !l.is_empty()) {
        let _ = writeln!(md, "{}", paragraphs(intro));
    }
    for (at, item) in h.items.iter().enumerate() {
        if at > 0 || !h.intro.is_empty() || h.scope != "entry" {
            md.push_str("---\n\n");
        }
        entry(&mut md, h.lang, item, h.items.len() > 1 || h.scope != "entry");
    }
    let _ = writeln!(md, "---\n\n*{}*", escape(word(h.lang, Word::MadeBy)));
    md
}

fn entry(md: &mut String, lang: Lang, item: &Item, numbered: bool) {
    let number = if numbered { format!("{}. ", item.number) } else { String::new() };
    let Some(doc) = &item.doc else {
        let _ = writeln!(md, "## {number}`{}` — {}\n", item.id, word(lang, Word::NotInCatalogue));
        notes(md, lang, item);
        return;
    };
    // One entry alone has its title as the handout's.
    if numbered {
        let _ = writeln!(md, "## {number}{}\n", line(&doc.title));
    }
    let mut facts = vec![format!("*{}*", doc.kind_word), format!("`{}`", doc.id)];
    facts.extend(doc.place.iter().chain(&doc.dates).map(|f| escape(f)));
    let _ = writeln!(md, "{}\n", facts.join(" · "));
    if !doc.summary.is_empty() {
        let _ = writeln!(md, "> {}\n", escape(&doc.summary));
    }
    notes(md, lang, item);
    blocks(md, lang, doc);
}

fn notes(md: &mut String, lang: Lang, item: &Item) {
    for (label, note) in [(Word::StopNote, &item.stop_note), (Word::MyNote, &item.note)] {
        if let Some(note) = note {
            let _ = writeln!(md, "**{}** {}\n", with_colon(lang, word(lang, label)), escape(note));
        }
    }
}

fn blocks(md: &mut String, lang: Lang, doc: &EntryDoc) {
    for block in &doc.blocks {
        match block {
            Block::Fields(fields) => {
                for field in fields.iter().filter(|f| !value(&f.value).is_empty()) {
                    let _ = writeln!(md, "- **{}** {}", with_colon(lang, field.label), value(&field.value));
                }
                md.push('\n');
            }
            Block::Prose { label, text } => {
                let _ = writeln!(md, "### {label}\n\n{}", paragraphs(text));
            }
            Block::Stops { label, stops } => {
                let _ = writeln!(md, "### {label}\n");
                for stop in stops {
                    let _ = writeln!(md, "{}. {} (`{}`)", stop.number, escape(stop.entry.text()), stop.entry.id);
                    if let Some(note) = &stop.note {
                        let _ = writeln!(md, "   *{}*", escape(note));
                    }
                }
                md.push('\n');
            }
            Block::Links { label, links } => {
                let _ = writeln!(md, "### {label}\n");
                for l in links {
                    let _ = writeln!(md, "- {} (`{}`, *{}*)", escape(&l.title), l.id, l.kind_word);
                }
                md.push('\n');
            }
            Block::Sources { label, sources } => {
                let _ = writeln!(md, "### {label}\n");
                for s in sources {
                    let date = s.date.as_ref().map(|d| format!(" ({d})")).unwrap_or_default();
                    let _ = writeln!(md, "- {}{date}", link(&s.title, &s.address));
                }
                md.push('\n');
            }
            // The curators' review is for curators; a handout names the status only.
            Block::Review { review, .. } => {
                let _ = writeln!(md, "*{}*\n", review.line(" — "));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_that_would_be_blocks_are_made_text() {
        assert_eq!(line("# not a heading"), "\\# not a heading");
        assert_eq!(line("> quote"), "\\> quote");
        assert_eq!(line("1. item"), "\\1. item");
        assert_eq!(line("a | b <script>"), "a \\| b \\<script\\>");
        assert_eq!(link("x", "javascript:alert(1)"), "x");
        assert_eq!(link("x", "https://a.org/p|q"), "[x](<https://a.org/p%7Cq>)");
    }
}
