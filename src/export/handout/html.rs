//! The HTML handout: one self-contained page (its style inline, no scripts, no images, nothing
//! fetched from elsewhere), in the interface's language, that reads on a phone and prints
//! cleanly (addresses printed after their links, entries not split across pages where it can
//! be helped). Every text is escaped by `html-escape`; only web addresses become links. Every
//! table of facts has the same label column (11rem), so that the facts of an entry and of its
//! stops line up.

use std::fmt::Write;

use html_escape::{encode_double_quoted_attribute as attr, encode_text as text};

use super::super::doc::{Block, EntryDoc, Value};
use super::{Handout, Item, web_address};
use crate::i18n::{Word, with_colon, word};
use crate::text::Lang;

const STYLE: &str = "\
:root{color-scheme:light}\
body{font:16px/1.5 system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;color:#1a1a1a;background:#fff;\
max-width:46rem;margin:0 auto;padding:1rem}\
h1{font-size:1.7rem;line-height:1.2;margin:.5rem 0}\
h2{font-size:1.3rem;line-height:1.25;margin:0 0 .3rem}\
h3{font-size:1.05rem;margin:1rem 0 .3rem}\
article{border-top:2px solid #2c6e49;padding:1rem 0}\
.facts{color:#555;margin:.2rem 0}\
.kind{background:#e4f1e8;color:#1d4d33;border-radius:.3rem;padding:0 .35rem}\
code{font-size:.9em}\
.summary{font-style:italic;border-left:3px solid #ccc;margin:.6rem 0;padding-left:.7rem}\
.note{background:#fff6d6;border-left:3px solid #d9a400;padding:.3rem .6rem;margin:.5rem 0}\
.missing{color:#8a1c1c}\
dl{display:grid;grid-template-columns:11rem 1fr;gap:.1rem .8rem;margin:.5rem 0}\
dt{font-weight:600;overflow-wrap:anywhere}dd{margin:0}\
a{color:#0b5394;overflow-wrap:anywhere}\
li{margin:.15rem 0}\
footer{color:#666;font-size:.85rem;border-top:1px solid #ccc;margin-top:1rem;padding-top:.5rem}\
@media (max-width:30rem){dl{grid-template-columns:1fr}dt{margin-top:.3rem}}\
@media print{body{max-width:none;font-size:11pt}a{color:inherit}\
a[href]::after{content:\" <\" attr(href) \">\";font-size:.85em;overflow-wrap:anywhere}\
h2,h3{break-after:avoid}.note,.summary,li{break-inside:avoid}}";

pub fn handout(h: &Handout) -> String {
    let mut html = String::new();
    let _ = write!(
        html,
        "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>{}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n<header>\n<h1>{}</h1>\n",
        h.lang.code(),
        text(&h.title),
        text(&h.title)
    );
    for intro in h.intro.iter().filter(|l| !l.is_empty()) {
        paragraphs(&mut html, intro, "");
    }
    html.push_str("</header>\n");
    for item in &h.items {
        entry(&mut html, h.lang, item, h.items.len() > 1 || h.scope != "entry");
    }
    let _ = writeln!(html, "<footer>{}</footer>\n</body>\n</html>", text(word(h.lang, Word::MadeBy)));
    html
}

fn paragraphs(html: &mut String, body: &str, class: &str) {
    let class = if class.is_empty() { String::new() } else { format!(" class=\"{class}\"") };
    for paragraph in body.split("\n\n").map(str::trim).filter(|p| !p.is_empty()) {
        let lines: Vec<String> = paragraph.lines().map(|l| text(l).into_owned()).collect();
        let _ = writeln!(html, "<p{class}>{}</p>", lines.join("<br>\n"));
    }
}

fn link(title: &str, address: &str) -> String {
    match web_address(address) {
        Some(url) => format!("<a href=\"{}\">{}</a>", attr(url), text(title)),
        None => text(title).into_owned(),
    }
}

fn entry(html: &mut String, lang: Lang, item: &Item, numbered: bool) {
    let number = if numbered { format!("{}. ", item.number) } else { String::new() };
    let _ = writeln!(html, "<article id=\"{}\">", attr(item.id.as_str()));
    let Some(doc) = &item.doc else {
        let _ = writeln!(
            html,
            "<h2 class=\"missing\">{number}<code>{}</code> — {}</h2>",
            text(item.id.as_str()),
            text(word(lang, Word::NotInCatalogue))
        );
        notes(html, lang, item);
        html.push_str("</article>\n");
        return;
    };
    // One entry alone has its title as the page's.
    if numbered {
        let _ = writeln!(html, "<h2>{number}{}</h2>", text(&doc.title));
    }
    let mut facts = vec![format!("<span class=\"kind\">{}</span>", text(doc.kind_word))];
    facts.push(format!("<code>{}</code>", text(doc.id.as_str())));
    facts.extend(doc.place.iter().chain(&doc.dates).map(|f| text(f).into_owned()));
    let _ = writeln!(html, "<p class=\"facts\">{}</p>", facts.join(" · "));
    if !doc.summary.is_empty() {
        paragraphs(html, &doc.summary, "summary");
    }
    notes(html, lang, item);
    blocks(html, doc);
    html.push_str("</article>\n");
}

fn notes(html: &mut String, lang: Lang, item: &Item) {
    for (label, note) in [(Word::StopNote, &item.stop_note), (Word::MyNote, &item.note)] {
        if let Some(note) = note {
            let label = with_colon(lang, word(lang, label));
            let _ = writeln!(html, "<p class=\"note\"><strong>{}</strong> {}</p>", text(&label), text(note));
        }
    }
}

fn value(value: &Value) -> String {
    match value {
        Value::Address(address) => web_address(address).map(|url| link(url, url)).unwrap_or_default(),
        other => text(&other.plain()).into_owned(),
    }
}

fn blocks(html: &mut String, doc: &EntryDoc) {
    for block in &doc.blocks {
        match block {
            Block::Fields(fields) => {
                html.push_str("<dl>\n");
                for field in fields.iter().filter(|f| !value(&f.value).is_empty()) {
                    let _ = writeln!(html, "<dt>{}</dt><dd>{}</dd>", text(field.label), value(&field.value));
                }
                html.push_str("</dl>\n");
            }
            Block::Prose { label, text: body } => {
                let _ = writeln!(html, "<h3>{}</h3>", text(label));
                paragraphs(html, body, "");
            }
            Block::Stops { label, stops } => {
                let _ = writeln!(html, "<h3>{}</h3>\n<ol>", text(label));
                for stop in stops {
                    let note = stop.note.as_ref().map(|n| format!("<br><em>{}</em>", text(n))).unwrap_or_default();
                    let _ = writeln!(html, "<li>{}{note}</li>", text(stop.entry.text()));
                }
                html.push_str("</ol>\n");
            }
            Block::Links { label, links } => {
                let _ = writeln!(html, "<h3>{}</h3>\n<ul>", text(label));
                for l in links {
                    let _ = writeln!(html, "<li>{} <small>({})</small></li>", text(&l.title), text(l.kind_word));
                }
                html.push_str("</ul>\n");
            }
            Block::Sources { label, sources } => {
                let _ = writeln!(html, "<h3>{}</h3>\n<ul>", text(label));
                for s in sources {
                    let date = s.date.as_ref().map(|d| format!(" ({})", text(d))).unwrap_or_default();
                    let _ = writeln!(html, "<li>{}{date}</li>", link(&s.title, &s.address));
                }
                html.push_str("</ul>\n");
            }
            Block::Review { review, .. } => {
                let line = review.line(" — ");
                let _ = writeln!(html, "<p class=\"facts\"><small>{}</small></p>", text(&line));
            }
        }
    }
}
